"""Words and their readings: what depends on a word alone is worked out once per word.

An Arabic token may carry proclitics (و ف ب ل ك، ال، لل): its readings are the words it can be
with them split off, each with the number of characters they took (geo.text.arabic).

The scanning stages (organisations, names, cues, fuzzy, demonyms) each look for the few tokens
where something they know can begin.  That depends on the word alone (given the index and the
language), so it is worked out once per word for all of them at once (WordScan), and a Doc's
words are looked up once (scan): most words begin nothing, and every stage skips them after
that one dictionary lookup."""
from __future__ import annotations

import weakref
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter, is_
from typing import NamedTuple

from gazetteer.first_words import KEY, LONGER
from gazetteer.index import Index

from ..doc import Doc
from ..lexicon import Lexicon
from ..text.arabic import proclitic_variants
from ..text.frequency import zipf
from ..text.memo import Generations
from .vowel_variants import by_skeleton

WORD_MEMO_MAX = 100_000
_UNSEEN = object()             # memo.get's answer for a word not looked at yet


@lru_cache(maxsize=65536)
def lone_function_word(key: str) -> bool:
    """A function word alone, or after و / ف, is never a one-word name."""
    return _function_word(key) or (key[:1] in 'وف' and _function_word(key[1:]))


@lru_cache(maxsize=65536)
def _function_word(key: str) -> bool:
    """The commonest Arabic words (في، من، أن، إلى، كان: Zipf 6 and up) name no place, though
    some gazetteer lists them (Ans, Ely, Cannes); no place name reaches that frequency (مصر, the
    commonest, is 5.8).  Nor do they after و or ف (وأن is "and that", not Van).  Skipping them
    early saves scoring dozens of spans per article."""
    return zipf(key, 'ar') >= 6.0


class NameStart(NamedTuple):
    """A reading of a word with which some index key begins, and what the longest match asks
    of it first (geo.recognize.names.longest_match)."""
    shift: int                          # characters the proclitics take
    key: str
    proclitics: str
    is_key: bool                        # a key that may be a name alone (not an Arabic function word)
    next_words: frozenset[str] | None   # index.next_words(key)
    rows: tuple                         # index.rows(key) when is_key


def _key_start(index: Index, lang: str, key: str) -> tuple[bool, frozenset[str] | None, tuple] | None:
    """(is_key, next_words, rows) of a key that begins index keys, else None: what a NameStart
    holds that depends on the key alone, kept per key by word_scan.  (Most readings begin no key:
    one look-up in the index's first words answers them, without filling the index's bounded
    memos, which the later stages rely on; it also tells whether the key is one and whether
    longer keys follow, so a key that begins none asks nothing more.)"""
    begins = index.key_start(key)
    if not begins:
        return None
    is_key = bool(begins & KEY) and not (lang == 'ar' and lone_function_word(key))
    nexts = index.next_words(key) if begins & LONGER else _NO_WORDS
    return is_key, nexts, tuple(index.rows(key)) if is_key else ()


_NO_WORDS: frozenset[str] = frozenset()


def organisation_first(lex: Lexicon, k: str) -> bool:
    """Can an organisation name begin with this word, whatever proclitics it has?  (Every reading
    is the key, or the key without one to three of its first letters, with ال put back for لل:
    a one-word reading that begins an organisation name is a first word, so word_scan asks this
    only of a reading the folding split in two: O'Brien, o brien.)"""
    firsts = lex.organisation_firsts
    return k in firsts or k[1:] in firsts or k[2:] in firsts or 'ال' + k[2:] in firsts or 'ال' + k[3:] in firsts


class WordScan(NamedTuple):
    """What the scanning stages need to know of one word, in one language, against one index."""
    names: tuple[NameStart, ...]        # readings that begin an index key (English: capitalised words only)
    alone: bool                         # one reading, a key, that longer keys may go on from
    after: frozenset[str] | None        # a set: a name longer than the word needs the next word to be one
                                        # of these (when no reading is a key alone, a name begins here only
                                        # then; for a word `alone`, its key's next words); None: try always
    after_skeletons: dict | None        # Arabic: vowel_variants.by_skeleton(after), when it has a word
    cues: tuple[tuple[int, str], ...]   # (shift, key) of the readings that begin a cue
    organisation: tuple[str, ...]       # keys of the readings with which an organisation name can begin
    fuzzy: bool                         # English: a rare capitalised word that no key answers
    demonym: bool                       # English: a listed demonym


def word_scan(doc: Doc, word: tuple, starts_memo: Generations | None = None) -> WordScan | bool:
    """The WordScan of a word, or False when it begins nothing (most words).  `word` is its entry
    in the tokenizer's memo (geo.text.tokens: cut, text, key, arabic, cap, upper, balance; a new
    word needs no Token).  One pass over the readings: a new word costs this once, and most begin
    nothing, so a reading costs a memo look-up (a key is the reading of several words: بغداد،
    وبغداد، لبغداد) and two set look-ups; only a key not seen before asks the index (_key_start)."""
    _, text, key, arabic, cap, upper, _ = word
    index, lex, lang = doc.index, doc.lex, doc.lang
    org_prefixes, cue_prefixes = lex.organisation_prefixes, lex.cue_prefixes
    may_name = arabic or lang != 'en' or cap or upper   # an English name begins with a capital
    starts: tuple = ()
    cues: tuple = ()
    organisation: tuple = ()
    for shift, k, pre in (proclitic_variants(text, key) if arabic else ((0, key, ''),)):
        if may_name:
            got = starts_memo.get(k, _UNSEEN) if starts_memo is not None else _UNSEEN
            if got is _UNSEEN:
                got = _key_start(index, lang, k)
                if starts_memo is not None:
                    starts_memo.keep(k, got)
            if got is not None:
                starts += (NameStart(shift, k, pre, *got),)
        if k in cue_prefixes:
            cues += ((shift, k),)
        if k in org_prefixes and (' ' not in k or organisation_first(lex, key)):
            organisation += (k,)
    names = starts
    if_next = None
    if starts and not any(s.is_key or s.next_words is None for s in starts):
        # one reading (most words): the index's own set, not a copy
        if_next = starts[0].next_words if len(starts) == 1 else \
            frozenset().union(*(s.next_words for s in starts))
        if not if_next:
            names = ()    # an Arabic function word that is a key (انه) and begins no longer one
    if lang == 'en':
        # (an English word has one reading, and a capitalised one was just looked up: it is a key
        # exactly when it begins one and is one, no need to ask the index again)
        fuzzy = cap and not upper and not (starts and starts[0].is_key) and zipf(key, 'en') < 3.0
        demonym = cap and bool(lex.demonyms.get(key))
    else:
        fuzzy = demonym = False
    if names or cues or organisation or fuzzy or demonym:
        # what the names stage asks of the word after it (geo.recognize.names), once per word
        alone = if_next is None and len(names) == 1 and names[0].next_words is not None
        after = names[0].next_words if alone else if_next
        skeletons = (by_skeleton(after) or None) if after and lang == 'ar' else None
        return WordScan(names, alone, after, skeletons, cues, organisation, fuzzy, demonym)
    return False


class Scan(NamedTuple):
    words: list         # the WordScan of every token (False: the word begins nothing)
    starts: list[int]   # the tokens whose word begins something, in order
    memo: dict          # the per-word memo read

    def where(self, field: str) -> list[int]:
        """The tokens, in order, whose WordScan's `field` is set ('names', 'cues', ...)."""
        return list(compress(self.starts, map(attrgetter(field), map(self.words.__getitem__, self.starts))))


def word_memo(index: Index, name: str) -> Generations:
    """A memo of answers derived from the index alone (WORD_MEMO_MAX words a generation), emptied
    when places are laid over it."""
    memo = index.derived.get(name)
    if memo is None:
        memo = index.derived[name] = Generations(WORD_MEMO_MAX)
    return memo


_last: tuple = (None, None)    # a weak reference to the Doc scanned last, and its Scan


def _forget(ref: weakref.ref) -> None:
    """The Doc scanned last is gone: its Scan goes with it."""
    global _last
    if _last[0] is ref:
        _last = (None, None)


def scan(doc: Doc) -> Scan:
    """The WordScan of every token of a Doc, looked up once per word in a memo of the index and
    language.  The stages of a Doc run one after another, so the Scan of the Doc scanned last is
    kept (while that Doc lives) and given again while the memo is the same (a Doc's tokens and
    lexicon never change once make_doc made them)."""
    global _last
    memo = word_memo(doc.index, 'scan ' + doc.lang)
    ref, got = _last
    if ref is not None and ref() is doc and got.memo is memo:
        return got
    words = list(map(memo.get, doc.words, repeat(_UNSEEN)))
    starts = list(compress(range(len(words)), words))    # _UNSEEN is true: unseen words are among them
    # (C-level filters: a Doc has a hundred or so such tokens, more while its words are new)
    unseen = list(compress(starts, map(is_, map(words.__getitem__, starts), repeat(_UNSEEN))))
    if unseen:
        infos, texts, starts_memo = doc.tokens.infos, doc.words, word_memo(doc.index, 'name starts ' + doc.lang)
        for k in unseen:
            text = texts[k]
            w = memo.get(text)                           # an earlier token of the Doc may have added it
            if w is None:
                w = memo.recall(text, lambda _, word=infos[k]: word_scan(doc, word, starts_memo))
            words[k] = w
        starts = list(compress(starts, map(words.__getitem__, starts)))
    got = Scan(words, starts, memo)
    _last = (weakref.ref(doc, _forget), got)
    return got
