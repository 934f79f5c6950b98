"""Text + index -> Mentions: the spans that name places.

Spans are proposed two ways (names the index knows, by longest match over token n-grams with
Arabic proclitics split off; and names the index lacks that a cue word marks as places), then
passed through the false-friend filters in geo.rules.  Every mention carries a score in [0, 1].
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from gazetteer.index import Index

from .lexicon import Lexicon
from .model import Mention
from .text.arabic import proclitic_variants
from .text.tokens import Token, gap_is_joinable

MAX_TOKENS = 7


@dataclass(slots=True)
class Span:
    """A candidate span during recognition (token indices are inclusive-exclusive)."""
    i: int
    j: int
    start: int
    end: int
    key: str
    how: str = 'gazetteer'
    proclitics: str = ''
    cue: str = ''
    implied_type: str = ''
    score: float = 0.8
    rows: list = field(default_factory=list)
    name_i: int = -1                                   # cue spans: the token where the name begins
    from_list: bool = False                            # cue spans: a later item of a list (والصناعة)
    parent_key: str = ''                               # a known name inside the span (مطار دير الزور)
    parent_rows: list = field(default_factory=list)


@dataclass
class Doc:
    text: str
    tokens: list[Token]
    lang: str
    lex: Lexicon
    index: Index
    blocked: set[int] = field(default_factory=set)   # token indices inside organisation names
    focus: set[str] = field(default_factory=set)     # countries the document names (set by recognize)
    key_counts: dict = field(default_factory=dict)   # how often each candidate key occurs
    _lower: set[str] | None = None
    _words: list[str] | None = None

    @property
    def words(self) -> list[str]:
        """The text of every token."""
        if self._words is None:
            self._words = [t.text for t in self.tokens]
        return self._words

    @property
    def lower_words(self) -> set[str]:
        """Every all-lower-case Latin word of the document."""
        if self._lower is None:
            self._lower = {t.text for t in self.tokens if not t.arabic and t.text.islower()}
        return self._lower


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
            if j + 1 - i > most and cur in index and not (j == i and ar and _lone_function_word(cur)):
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


@lru_cache(maxsize=16384)   # ~6 MB when full; frequent words stay in it
def word_readings(text: str, key: str) -> tuple[tuple[int, str, str], ...]:
    return tuple(proclitic_variants(text, key))   # the same words recur: read each once


@lru_cache(maxsize=65536)
def _lone_function_word(key: str) -> bool:
    """A function word alone, or after و / ف, is never a one-word name."""
    return _function_word(key) or (key[:1] in 'وف' and _function_word(key[1:]))


@lru_cache(maxsize=65536)
def _function_word(key: str) -> bool:
    """The commonest Arabic words (في، من، أن، إلى، كان: Zipf 6 and up) name no place, though
    some gazetteer lists them (Ans, Ely, Cannes); no place name reaches that frequency (مصر, the
    commonest, is 5.8).  Nor do they after و or ف (وأن is "and that", not Van).  Skipping them
    early saves scoring dozens of spans per article."""
    from .text.frequency import zipf
    return zipf(key, 'ar') >= 6.0


def token_readings(tok: Token) -> tuple[tuple[int, str, str], ...]:
    if tok.arabic:
        return word_readings(tok.text, tok.key)
    return ((0, tok.key, ''),)


WORD_MEMO_MAX = 100_000


def per_word(doc: Doc, memo: dict, compute) -> list:
    """memo[word] for every token, computing (and keeping) the missing answers: what depends on
    the word alone is worked out once per word, not once per token.  Answers are never None."""
    got = list(map(memo.get, doc.words))
    if None in got:
        toks = doc.tokens
        for k, g in enumerate(got):
            if g is None:
                got[k] = per_token(memo, toks[k], compute)
    return got


def per_token(memo: dict, tok: Token, compute):
    """memo[word] for one token (see per_word)."""
    got = memo.get(tok.text)
    if got is None:
        if len(memo) >= WORD_MEMO_MAX:
            memo.clear()
        got = memo[tok.text] = compute(tok)
    return got


def starting_readings(index: Index, tok: Token) -> tuple[tuple[int, str, str], ...]:
    """The readings of a token with which some index key begins (most words have none)."""
    return tuple(r for r in token_readings(tok) if index.begins_key(r[1]))


def gazetteer_spans(doc: Doc) -> list[Span]:
    """Greedy left-to-right longest matches of index keys."""
    out: list[Span] = []
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
            out.append(span)
            end = span.j
    return out


def _organisation_first(lex: Lexicon, k: str) -> bool:
    """Can an organisation name begin with this word, whatever proclitics it has?"""
    firsts = lex.organisation_firsts
    return k in firsts or k[1:] in firsts or k[2:] in firsts or 'ال' + k[2:] in firsts or 'ال' + k[3:] in firsts


def block_organisations(doc: Doc) -> None:
    """Mark the tokens of known organisation and outlet names (حزب الله, NATO)."""
    lex, toks = doc.lex, doc.tokens
    for i, first in enumerate(per_word(doc, lex.org_memo, lambda t: _organisation_first(lex, t.key))):
        if not first:
            continue
        for _, key0, _ in token_readings(toks[i]):
            cur, j, hit = key0, i, -1
            while cur in lex.organisation_prefixes:
                if cur in lex.organisations:
                    hit = j
                if j + 1 >= len(toks) or not gap_is_joinable(doc.text, toks[j], toks[j + 1]):
                    break
                j += 1
                cur = cur + ' ' + toks[j].key
            if hit >= 0:
                doc.blocked.update(range(i, hit + 1))
                break


def to_mentions(doc: Doc, spans: list[Span]) -> list[Mention]:
    return [Mention(start=s.start, end=s.end, surface=doc.text[s.start:s.end], key=s.key,
                    score=round(s.score, 3), how=s.how, cue=s.cue, implied_type=s.implied_type)
            for s in spans]


def merge_cues(gz: list[Span], cues: list[Span]) -> list[Span]:
    """Combine gazetteer spans with cue spans: a cue before a known name annotates it (محافظة
    دير الزور -> admin1); a cue name that contains a known name (مطار دير الزور) replaces it and
    remembers the inner name as its parent; a cue name nobody knows is added."""
    out = list(gz)
    for c in cues:
        inside = [g for g in out if g.start < c.end and c.start < g.end]
        if not inside:
            out.append(c)
            continue
        g = inside[0]
        if len(inside) == 1 and g.start <= c.start and c.end <= g.end:
            if not g.cue:
                g.cue, g.implied_type = c.cue, c.implied_type
            continue
        if all(c.start <= x.start and x.end <= c.end for x in inside):
            last = inside[-1]
            if last.end == c.end and last.i == c.name_i and c.name_i > c.i:
                # the name after the cue is a known place: مطار دير الزور is at دير الزور
                c.parent_key, c.parent_rows = last.key, last.rows
            c.rows = []
            for x in inside:
                out.remove(x)
            out.append(c)
    out.sort(key=lambda s: s.start)
    return out


def named_countries(doc: Doc, spans: list[Span]) -> set[str]:
    """Countries the document names outright, or through one of their first-level units."""
    out = set()
    for s in spans:
        for r, _ in s.rows:
            c = doc.index.core(r)
            if c.country and (c.type == 'country' or (c.type == 'admin1' and len(s.rows) <= 2)):
                out.add(c.country)
    return out


def candidates(doc: Doc, fuzzy: bool = True) -> list[Span]:
    """Every span that could name a place and passes the hard filters (not yet scored).  With
    `fuzzy`, near misses are looked up too (geo/fuzzy.py)."""
    from collections import Counter

    from .cues import cue_spans
    from .rules import passes_hard

    block_organisations(doc)
    gz = gazetteer_spans(doc)
    doc.focus = named_countries(doc, gz)
    spans = merge_cues(gz, cue_spans(doc))
    if fuzzy:
        from .fuzzy import english_spans
        spans = sorted(spans + english_spans(doc, spans), key=lambda s: s.start)
    doc.key_counts = Counter(s.key for s in spans)
    out = []
    for s in spans:
        if s.how == 'cue' and not s.rows and not s.parent_rows:
            s.rows = doc.index.rows(s.key)
            if not s.rows and fuzzy and doc.lang == 'en':
                from .fuzzy import fuzzy_rows
                s.rows = fuzzy_rows(doc, s.key)
        if passes_hard(s, doc):
            out.append(s)
    return out


def recognize(doc: Doc, scorer=None, fuzzy: bool = True, threshold: float | None = None) -> list[Span]:
    """The spans that name places.  With a scorer each span gets its probability of being a
    place and is kept from `threshold` up (default: the threshold tuned with the model, which
    maximises F1 on held-out documents), or from half of it when the name is famous or the same
    document surely uses it for a place elsewhere; without a scorer the soft rules decide."""
    from .rules import SOFT

    spans = candidates(doc, fuzzy)
    if scorer is None:
        return [s for s in spans if not any(f(s, doc) for f in SOFT)]
    t = scorer.threshold if threshold is None else threshold
    best: dict[str, float] = {}
    for s in spans:
        s.score = scorer.probability(s, doc)
        best[s.key] = max(best.get(s.key, 0.0), s.score)
    kept = []
    for s in spans:
        if s.score >= t or (s.score >= t / 2 and (well_known(doc, s) or one_sense(s, best, t))):
            kept.append(s)
    return kept


SURE = 0.7          # a score the document's surest use of a name must reach


def one_sense(span: Span, best: dict[str, float], t: float) -> bool:
    """A name the document surely uses for a place elsewhere (Fargo ... Fargo Mayor) names it here
    too, at half the threshold: one sense per discourse."""
    return best.get(span.key, 0.0) >= max(SURE, t) and span.how == 'gazetteer'


FAMOUS_NAMES = 40
NEWS_CHARS = 600


def well_known(doc: Doc, span: Span) -> bool:
    """A name that only a country, a first-level unit or a place known in forty names answers is
    taken at half the usual threshold (محادثات جنيف), except in short Arabic posts."""
    if (doc.lang == 'ar' and len(doc.text) < NEWS_CHARS) or not span.rows or span.how != 'gazetteer':
        return False      # Arabic posts: the tweet corpora say famous names there are often topics
    if any(c in span.proclitics for c in 'بلك'):
        return False    # بكيل "(tribes of) Bakil" is not ب + Kiel: a split word needs the full threshold
    from .text.frequency import zipf
    if zipf(span.key, doc.lang) >= 5.5:
        return False
    cores = [doc.index.core(r) for r, _ in span.rows]
    best = max(cores, key=lambda c: c.nnames)
    return best.nnames >= FAMOUS_NAMES or best.type in ('country', 'admin1')
