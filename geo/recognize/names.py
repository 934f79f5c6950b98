"""Stages `names` and `focus`: the names the index knows, by greedy left-to-right longest match
over token n-grams (each proclitic reading of the first token tried; a later word may differ from
the index's by a long vowel: geo.recognize.vowel_variants; a foreign name's first word may stand
apart from the rest the index holds joined: نيو جيرسي), and the countries the text names outright."""
from __future__ import annotations

from typing import Iterable

from gazetteer.index import Index

from ..doc import Doc, Span
from .vowel_variants import MIN_LENGTH, bare, by_skeleton, vowel_variant
from .words import WORD_MEMO_MAX, NameStart, scan, word_memo

MAX_TOKENS = 7


def _extend_ok(doc: Doc, j: int) -> bool:
    """Can a name go on from token j to token j + 1?  (Read from the token lists and the words'
    memo entries, geo.text.tokens: no Token made.)"""
    if not doc.joins_next(j):
        return False
    if doc.lang == 'en':
        _, text, key, arabic, cap, upper, _ = doc.tokens.infos[j + 1]
        if not arabic:
            return cap or upper or text.isdigit() or key in doc.lex.connectors
    return True


def longest_match(doc: Doc, i: int, starts: Iterable[NameStart]) -> Span | None:
    """The longest index key starting at token i (trying each reading of token i that begins a
    key, in order: the first of the longest wins), with its candidate rows."""
    keys, index, blocked = doc.keys, doc.index, doc.blocked
    vary = doc.lang == 'ar'
    last = min(len(keys), i + MAX_TOKENS) - 1
    best, most = None, 0                               # (shift, j, key, proclitics, rows), its length
    for shift, cur, pre, is_key, words, rows in starts:
        if is_key and not most:
            best, most = (shift, i, cur, pre, rows), 1
        j = i
        while j < last and j + 1 not in blocked:
            nxt = keys[j + 1]
            if words is None:
                if not index.has_prefix(cur + ' '):
                    break
            elif nxt not in words:
                # لوس انجلس: the index has لوس انجلوس (most next words go on with no key, nor
                # can they vary into one: their skeleton is none of the words')
                if not (vary and len(nxt) >= MIN_LENGTH and bare(nxt) in by_skeleton(words)):
                    break
                nxt = vowel_variant(nxt, words)
                if nxt is None:
                    break
            if not _extend_ok(doc, j):
                break     # no key goes on with the next word (most often: none goes on at all)
            j += 1
            cur = f'{cur} {nxt}'
            if j + 1 - i > most and cur in index:
                best, most = (shift, j, cur, pre, None), j + 1 - i
            words = index.next_words(cur)
    if best is None:
        return None
    shift, j, key, pre, rows = best
    if most > 1 and doc.lang == 'en' and keys[j] in doc.lex.connectors:
        return None  # an English name ends on a capitalised word, never on a connector
    return Span(i, j + 1, doc.starts[i] + shift, doc.ends[j], key, proclitics=pre,
                rows=list(rows) if rows is not None else index.rows(key))


def joined_prefix(doc: Doc, i: int) -> Span | None:
    """نيو جيرسي as the index's نيوجيرسي: a foreign name's first word (lexicon name_prefixes) and
    the next word, apart in the text, joined in the index."""
    toks, index = doc.tokens, doc.index
    a, b = toks[i], toks[i + 1]
    key = a.key + b.key
    if i + 1 in doc.blocked or not doc.one_space_between(i, i + 1) or not b.arabic or key not in index:
        return None
    return Span(i, i + 2, a.start, b.end, key, rows=index.rows(key))


def names(doc: Doc) -> None:
    """Stage: greedy left-to-right longest matches of index keys, added to doc.spans (only the
    tokens whose word begins a key are tried: geo.recognize.words.scan).  Most words tried are
    a key or begin some, and the next word goes on with none of them: that is told from the
    word's next words (or, in Arabic, a vowel variant of the next word: asked only when its
    skeleton may be one), without the longest match."""
    keys, blocked = doc.keys, doc.blocked
    found = scan(doc)
    words, end, n = found.words, 0, len(keys)
    prefixes = doc.lex.words('name_prefixes')
    for i in found.where('names'):
        if i < end or i in blocked:
            continue
        word = words[i]
        # (what the word asks of the next one: worked out once per word, geo.recognize.words)
        starts, after, skeletons = word.names, word.after, word.after_skeletons
        if after is not None and (i + 1 == n or (keys[i + 1] not in after and not (
                skeletons and len(keys[i + 1]) >= MIN_LENGTH and bare(keys[i + 1]) in skeletons
                and vowel_variant(keys[i + 1], after) is not None))):
            if not word.alone:
                continue      # the word begins keys but is none, and the next word goes on with none
            s = starts[0]     # the key alone (what longest_match would find)
            span = Span(i, i + 1, doc.starts[i] + s.shift, doc.ends[i], s.key, proclitics=s.proclitics,
                        rows=list(s.rows))
        else:
            span = longest_match(doc, i, starts)
        if (span is None or span.j == i + 1) and i + 1 < n and keys[i] in prefixes:
            span = joined_prefix(doc, i) or span
        if span is not None:
            doc.spans.append(span)
            end = span.j


def focus(doc: Doc) -> None:
    """Stage: the countries the document names outright, or through one of their first-level
    units (read from the name spans, before cue names join them); and for each country the keys
    that name it or a place in it alone (doc.area_keys: صنعاء, الحديدة for Yemen)."""
    memo = word_memo(doc.index, 'focus')
    for s in doc.spans:
        got = memo.get(s.key)
        if got is None or got[0] != s.rows:
            got = _focus_countries(doc.index, memo, s.key, s.rows)
        if got[1]:
            doc.focus.update(got[1])
        for country in got[2]:
            doc.area_keys.setdefault(country, set()).add(s.key)


def _focus_countries(index: Index, memo: dict, key: str, rows: list) -> tuple[list, frozenset[str], tuple]:
    """(rows, the countries a span of these candidate rows names outright: a country, or a
    first-level unit when the name has at most two candidates, and (country,) when every
    candidate lies in that one country), kept per key with the rows it was read from (a span's
    rows are most often all the index has for its key)."""
    found, countries = set(), set()
    for r, _ in rows:
        c = index.core(r)
        countries.add(c.country)
        if c.country and (c.type == 'country' or (c.type == 'admin1' and len(rows) <= 2)):
            found.add(c.country)
    if len(memo) >= WORD_MEMO_MAX:
        memo.clear()
    only = tuple(countries) if len(countries) == 1 and '' not in countries else ()
    got = memo[key] = (list(rows), frozenset(found), only)
    return got
