"""Is a word an ordinary word of the language?  Arabic: the nouns (with their broken plurals),
verbs and particles of the Arramooz dictionary (package `arramooz-pysqlite`, by Taha Zerrouki,
GPL: we read its installed data files and ship none of them), folded like gazetteer keys.  The
folded sets are written once per package version into the cache directory as marisa tries
(geo.text.frequency.cached_trie), then memory-mapped.

Classical dictionaries also hold old place names (مصر، حلب، دمشق): a dictionary word is evidence
against a place, never proof."""
from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

import marisa_trie

from gazetteer.keys import fold_uncached
from gazetteer.versions import version

from .frequency import cache_dir, cached_trie

PACKAGE = 'arramooz-pysqlite'


FORMAT = 3   # how the sets are made from the package (2: the assimilated forms منا, عنا added; 3: feminine adjectives)
# the kinds of nouns that are adjectives: participles, intensive and resembling adjectives, nisbas
ADJECTIVE_TYPES = ('اسم فاعل', 'اسم مفعول', 'صيغة مبالغة', 'صفة مشبهة', 'صفة', 'منسوب')


def _path(part: str) -> Path:
    return cache_dir() / f'arramooz-{part}-{version(PACKAGE)}-{FORMAT}.marisa'


def _rows(part: str):
    """The unvocalized forms of the dictionary ('words'), of its function words ('function'), or
    the feminine forms of its adjectives ('feminine_adjectives': آمن -> آمنة، خاضع -> خاضعة)."""
    from importlib.resources import files

    data = files('arramooz') / 'data'
    if part == 'feminine_adjectives':
        with sqlite3.connect(f"file:{data / 'arabicdictionary.sqlite'}?mode=ro", uri=True) as db:
            rows = db.execute('SELECT unvocalized, wordtype, feminable FROM nouns').fetchall()
        nouns = {w for w, kind, _ in rows if (kind or '').split(':')[-1] not in ADJECTIVE_TYPES}
        for word, kind, feminable in rows:     # (not a noun in its own right: مدينة, جامعة)
            if word and feminable == 1 and (kind or '').split(':')[-1] in ADJECTIVE_TYPES \
                    and not word.endswith('ة') and word + 'ة' not in nouns:
                yield word + 'ة'
        return
    if part == 'words':
        with sqlite3.connect(f"file:{data / 'arabicdictionary.sqlite'}?mode=ro", uri=True) as db:
            for word, plural in db.execute('SELECT unvocalized, broken_plural FROM nouns'):
                yield word
                if plural:
                    yield plural
            for (word,) in db.execute('SELECT unvocalized FROM verbs'):
                yield word
    with sqlite3.connect(f"file:{data / 'stopwords.sqlite'}?mode=ro", uri=True) as db:
        for (word,) in db.execute('SELECT unvocalized FROM STOPWORDS'):   # with their clitics: بأي، منها
            yield word
            if word.endswith('ننا'):
                yield word[:-2] + 'ا'      # مننا, عننا as written: منّا "from us", عنّا (the ن doubled)


def build(part: str) -> marisa_trie.Trie:
    keys = {fold_uncached(w) for w in _rows(part) if w}
    return marisa_trie.Trie(k for k in keys if k)


@lru_cache(maxsize=None)
def _trie(part: str = 'words') -> marisa_trie.Trie:
    return cached_trie(_path(part), lambda: build(part), marisa_trie.Trie())


@lru_cache(maxsize=65536)
def is_word(key: str, lang: str) -> bool:
    """A folded key that is an ordinary word (with or without the article) of the language."""
    if lang != 'ar' or not key or ' ' in key:
        return False
    trie = _trie()
    return key in trie or (key.startswith('ال') and key[2:] in trie)


@lru_cache(maxsize=65536)
def is_function_word(key: str, lang: str) -> bool:
    """A folded key that is a particle, pronoun or preposition, with its clitics (بأي، منا، فيها)."""
    return lang == 'ar' and bool(key) and key in _trie('function')


@lru_cache(maxsize=65536)
def is_feminine_adjective(key: str) -> bool:
    """A folded key that is the feminine form of an adjective or participle (امنه، خاضعه، منزوعه)."""
    return bool(key) and key in _trie('feminine_adjectives')
