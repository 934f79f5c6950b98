"""Stages `names` and `focus`: the names the index knows, by greedy left-to-right longest match
over token n-grams (each proclitic reading of the first token tried), and the countries the text
names outright."""
from __future__ import annotations

from ..doc import Doc, Span
from ..text.tokens import Token, gap_is_joinable
from .words import lone_function_word, per_word, starting_readings

MAX_TOKENS = 7


def _extend_ok(doc: Doc, a: Token, b: Token) -> bool:
    if not gap_is_joinable(doc.text, a, b):
        return False
    if doc.lang == 'en' and not b.arabic:
        return b.cap or b.upper or b.text.isdigit() or b.key in doc.lex.connectors
    return True


def longest_match(doc: Doc, i: int, keys: list[tuple[int, str, str]]) -> Span | None:
    """The longest index key starting at token i (trying each proclitic reading of token i)."""
    toks, index, blocked = doc.tokens, doc.index, doc.blocked
    ar, last = doc.lang == 'ar', min(len(toks), i + MAX_TOKENS) - 1
    best, most = None, 0                               # (shift, j, key, proclitics), its length
    for shift, key0, pre in keys:
        cur, j = key0, i
        while True:
            if j + 1 - i > most and cur in index and not (j == i and ar and lone_function_word(cur)):
                best, most = (shift, j, cur, pre), j + 1 - i
            if j >= last or j + 1 in blocked:
                break
            nxt, words = toks[j + 1].key, index.next_words(cur)
            if (nxt not in words if words is not None else not index.has_prefix(cur + ' ')) \
                    or not _extend_ok(doc, toks[j], toks[j + 1]):
                break     # no key goes on with the next word (most often: none goes on at all)
            j += 1
            cur = f'{cur} {nxt}'
    if best is None:
        return None
    shift, j, key, pre = best
    if most > 1 and doc.lang == 'en' and toks[j].key in doc.lex.connectors:
        return None  # an English name ends on a capitalised word, never on a connector
    return Span(i, j + 1, toks[i].start + shift, toks[j].end, key, proclitics=pre)


def names(doc: Doc) -> None:
    """Stage: greedy left-to-right longest matches of index keys, added to doc.spans."""
    toks, index, en, blocked = doc.tokens, doc.index, doc.lang == 'en', doc.blocked
    end = 0
    for i, keys in enumerate(per_word(doc, index.derived, lambda t: starting_readings(index, t))):
        if not keys or i < end or i in blocked:
            continue
        tok = toks[i]
        if en and not tok.arabic and not (tok.cap or tok.upper):
            continue
        span = longest_match(doc, i, keys)
        if span is not None:
            span.rows = index.rows(span.key)
            doc.spans.append(span)
            end = span.j


def focus(doc: Doc) -> None:
    """Stage: the countries the document names outright, or through one of their first-level
    units (read from the name spans, before cue names join them)."""
    for s in doc.spans:
        for r, _ in s.rows:
            c = doc.index.core(r)
            if c.country and (c.type == 'country' or (c.type == 'admin1' and len(s.rows) <= 2)):
                doc.focus.add(c.country)
