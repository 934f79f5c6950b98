"""Stage `fuzzy`: near misses: names the index does not hold letter for letter (a typo, a transliteration one
letter off: Aleppp, Deir ez Zour, الحسكه الغربيه) matched with rapidfuzz against the index.

Only English spans are looked up, because every lookup costs a fraction of a millisecond and
every loose match is a chance of a false friend: a rare capitalised word (or run of them) inside a
sentence that the index does not know, and a name after a cue word that no entry answers exactly.
Arabic names after a cue are not: on the development sets their near misses were other places of
the same name pattern (القورية ~ القوصية, الرصافة in another governorate), so an Arabic name no
gazetteer knows is placed approximately at the place the text ties it to instead.  Fuzzy candidates carry the kind `fuzzy`, which resolution weighs
down, and the recognition scorer sees it as a feature.  Near misses are sought only in the
countries the document names."""
from __future__ import annotations

from gazetteer.place import NAME_KINDS

from ..doc import Doc, Span
from ..text.token_list import CAP
from .words import scan

MIN_LEN = 5            # shorter names have too many neighbours at one edit


def cutoff(key: str) -> float:
    """The rapidfuzz ratio a near miss must reach: one edit in a short name, two in a long one."""
    n = len(key)
    return 80.0 if n <= 7 else 85.0 if n <= 12 else 88.0


FUZZY = NAME_KINDS['fuzzy']


def fuzzy_rows(doc: Doc, key: str) -> list[tuple[int, int]]:
    """Near-miss candidates, only in the countries the document names: a loose match anywhere
    on Earth is more often a false friend (القوريه ~ القوصيه, Egypt) than the place meant."""
    if len(key.replace(' ', '')) < MIN_LEN or not doc.focus:
        return []
    rows: list[tuple[int, int]] = []
    for k, _score in doc.index.fuzzy_keys(key, score_cutoff=cutoff(key), limit=3):
        rows.extend((r, FUZZY) for r, _ in doc.index.rows(k) if doc.index.core(r).country in doc.focus)
    return rows


def english_spans(doc: Doc, taken: list[Span]) -> list[Span]:
    """Rare capitalised words inside a sentence that no exact key answers (the words that can
    begin one are known per word: geo.recognize.words.WordScan.fuzzy)."""
    if doc.lang != 'en':
        return []
    firsts = scan(doc).where('fuzzy')
    if not firsts:
        return []
    used = {i for s in taken for i in range(s.i, s.j)}
    # (the token lists and memo entries, not Tokens: geo.text.token_list)
    text, starts, ends, keys, infos = doc.text, doc.starts, doc.ends, doc.keys, doc.tokens.infos
    n, out, after = len(starts), [], 0
    for i in firsts:
        start = starts[i]
        if i < after or i in used or i in doc.blocked or i == 0 or \
                text[max(0, start - 2):start].strip() in ('.', '!', '?', '"', '“'):
            continue
        j = i + 1
        while j < n and j not in used and infos[j][CAP] and text[ends[j - 1]:starts[j]] == ' ':
            j += 1
        key = ' '.join(keys[i:j])
        rows = fuzzy_rows(doc, key)
        if rows:
            out.append(Span(i, j, start, ends[j - 1], key, how='fuzzy', score=0.6, rows=rows))
        after = j
    return out


def fuzzy(doc: Doc) -> None:
    """Stage (English only): rare capitalised words that no exact key answers join doc.spans,
    and a cue name no key answers gets its near misses as candidates."""
    if doc.lang != 'en':
        return
    found = english_spans(doc, doc.spans)
    if found:
        doc.spans = sorted(doc.spans + found, key=lambda s: s.start)
    for s in doc.spans:
        if s.how == 'cue' and not s.rows and not s.parent_rows:
            s.rows = fuzzy_rows(doc, s.key)
