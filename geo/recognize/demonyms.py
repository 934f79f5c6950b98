"""Stage `demonyms` (--demonyms): demonyms as the countries they name (Russian, Syrians,
السوري، الروسية).  GeoWebNews counts them as toponyms, our Arabic gold and the seed do not:
on by default for English, off for Arabic."""
from __future__ import annotations

from functools import lru_cache

from ..doc import Doc, Span
from .rules.nisba import stem_places
from .words import WORD_MEMO_MAX, scan, word_memo

# Demonyms (Russian, السوري) as places: English evaluation corpora count them as toponyms,
# Arabic news annotation (and the seed) treats them as adjectives.
BY_DEFAULT = {'en': True, 'ar': False}


@lru_cache(maxsize=1)
def _iso_ids() -> dict[str, str]:
    from gazetteer.sources.geonames_cities import load_countries
    return {iso: f'gn:{c["geonameid"]}' for iso, c in load_countries().items() if c.get('geonameid')}


def _target_row(doc: Doc, target: str) -> int | None:
    pid = target if ':' in target else _iso_ids().get(target)
    return doc.index.row_of(pid) if pid else None


def _arabic_country(doc: Doc, key: str) -> int | None:
    stems = stem_places(key if key.startswith('ال') else 'ال' + key)
    for k in stems:
        for r, _ in doc.index.rows(k):
            if doc.index.core(r).type == 'country':
                return r
    return None


def demonym_row(doc: Doc, key: str) -> int | None:
    """The country row a demonym names (None: the word names none), kept per word."""
    memo = word_memo(doc.index, 'demonym ' + doc.lang)
    row = memo.get(key, -1)
    if row == -1:
        if doc.lang == 'en':
            target = doc.lex.demonyms.get(key)
            row = _target_row(doc, target) if target else None
        else:
            row = _arabic_country(doc, key)
        if len(memo) >= WORD_MEMO_MAX:
            memo.clear()
        memo[key] = row
    return row


def demonym_spans(doc: Doc, taken: list[Span]) -> list[Span]:
    """Demonyms outside the spans taken (English: the listed ones, known per word as
    geo.recognize.words.WordScan.demonym; other languages: Arabic nisba adjectives)."""
    if doc.lang == 'en':
        firsts = scan(doc).where('demonym')
    else:
        firsts = [i for i, t in enumerate(doc.tokens) if t.arabic and len(t.key) > 4]
    if not firsts:
        return []
    used = {i for s in taken for i in range(s.i, s.j)}
    out = []
    for i in firsts:
        if i in used or i in doc.blocked:
            continue
        t = doc.tokens[i]
        row = demonym_row(doc, t.key)
        if row is not None:
            out.append(Span(i, i + 1, t.start, t.end, t.key, how='demonym', score=0.85, rows=[(row, 0)]))
    return out


def demonyms(doc: Doc, on: bool | None = None) -> None:
    """Stage: demonyms outside the mentions join them (on: always; None: the language's default)."""
    if not (on if on is not None else BY_DEFAULT.get(doc.lang, False)):
        return
    found = demonym_spans(doc, doc.mentions)
    if found:
        doc.mentions = sorted(doc.mentions + found, key=lambda s: s.start)
