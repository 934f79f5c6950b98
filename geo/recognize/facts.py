"""What depends only on a name and its candidates, worked out once per name (names recur, in a
document and across documents) and kept in index.derived (emptied when places are added to the
index): the span features of the name alone (geo.recognize.features), their part of each
model's logit (features.span_logits) and the hard rules' verdicts on the span's own facts
(rules.OwnVerdicts, read by the filters and score stages).  A memo, never a source of truth:
tests/test_recognize_fast.py checks that the fast paths give what the references give."""
from __future__ import annotations

import math
import weakref

from ..placetypes import BIG_UNITS, NAME_KINDS, TYPE_GROUPS
from ..text.dictionary import is_word
from ..text.frequency import zipf
from .rules import OwnVerdicts

NAME, ALT, ALIAS, SQUASHED, FUZZY = (NAME_KINDS[k] for k in ('name', 'alt', 'alias', 'squashed', 'fuzzy'))


class NameFacts:
    """The facts of one (key, candidates, language): `known`, the name's own features in their
    order; `countries`, its candidates' countries; `logits` and `rules`, memos the scorer and
    the filters fill (keyed by scorer, and by the span's own facts)."""
    __slots__ = ('rows', 'known', 'countries', 'values', 'logits', 'rules')

    def __init__(self, rows: list, known: tuple[tuple[str, float], ...], countries: frozenset[str]):
        self.rows = rows
        self.known = known
        self.countries = countries
        self.values = dict(known)
        self.logits: dict = {}
        self.rules: dict = {}


MEMO_MAX = 20_000
# its key in index.derived (a tuple: the scanning stages' memos there have str keys, geo.recognize.words)
_MEMO = (__name__, 'name facts')


def name_facts(index, key: str, rows: list, lang: str) -> NameFacts:
    """The memoised NameFacts of a name and its candidates (rows: a list of (row, kind)).  Kept in
    index.derived (emptied when places are added to the index), per language, per key (a str: a
    lookup that compares no tuple), then per candidates."""
    memos = index.derived.get(_MEMO)
    if memos is None:
        memos = index.derived[_MEMO] = {}
    memo = memos.get(lang)
    if memo is None or len(memo) >= MEMO_MAX:
        memo = memos[lang] = {}
    known = memo.get(key)
    if known is None:
        known = memo[key] = []
    if rows.__class__ is not list:       # (compared as lists: a tuple would never match)
        rows = list(rows)
    for facts in known:              # (a key has one list of candidates, unless a cue span's differ)
        if facts.rows == rows:
            return facts
    facts = NameFacts(list(rows), *known_features(index, key, tuple(rows), lang))
    known.append(facts)
    return facts


_NONE: frozenset[str] = frozenset()


def own_verdicts(span, doc, facts: NameFacts):
    """The rules' verdicts on the span's own facts (geo.recognize.rules.OwnVerdicts), memoised in
    its NameFacts per the rest of its own facts: whether a cue word marks it, how it was found, its
    proclitics, its token count, its first token's key and which of its candidates' countries the
    document names (the rules read doc.focus only for the candidates' countries)."""
    countries, focus = facts.countries, doc.focus
    home = countries & focus if countries and focus and not countries.isdisjoint(focus) else _NONE
    first = doc.keys[span.i]
    if first == span.key:
        first = None        # (most spans: the name's own key, which the NameFacts holds already)
    own = (bool(span.cue), span.how, span.proclitics, span.j - span.i, first, home)
    got = facts.rules.get(own)
    if got is None:
        got = facts.rules[own] = OwnVerdicts(span, doc)
    return got


_last: tuple = (None, None, None, None)   # the Doc filtered last (a weak reference), its spans, memo, verdicts


def _forget(ref: weakref.ref) -> None:
    """The Doc filtered last is gone: its verdicts go with it."""
    global _last
    if _last[0] is ref:
        _last = (None, None, None, None)


def keep_verdicts(doc, pairs: list) -> None:
    """Keep each span's (NameFacts, OwnVerdicts), as the filters stage found them, for the score
    stage that follows (while the Doc lives): it reads them again for the spans kept."""
    global _last
    _last = (weakref.ref(doc, _forget), doc.spans, doc.index.derived.get(_MEMO), pairs)


def kept_verdicts(doc) -> list | None:
    """The (NameFacts, OwnVerdicts) of each of doc.spans that keep_verdicts kept, when the Doc is
    the one filtered last, its spans are the same list of the same length and the memo is the same
    (a span's own facts never change after the stages that make spans: geo.doc); else None."""
    ref, spans, memo, pairs = _last
    if ref is not None and ref() is doc and doc.spans is spans and len(spans) == len(pairs) \
            and doc.index.derived.get(_MEMO) is memo:
        return pairs
    return None


def known_features(index, key: str, rows: tuple, lang: str) -> tuple[tuple[tuple[str, float], ...], frozenset[str]]:
    """The features that depend only on the name and its candidates, and the candidates' countries."""
    f: dict[str, float] = {}
    z = zipf(key, lang) if ' ' not in key else 0.0
    f['zipf'] = z / 7.0
    if lang == 'ar' and ' ' not in key:
        # a common noun takes the article and drops it (ميدان / الميدان، الأشهر / أشهر); a name
        # keeps its one form (حلب, الموصل): how common the other form is
        flip = zipf(key[2:] if key.startswith('ال') else 'ال' + key, lang)
        f['flip_zipf'] = flip / 7.0
        f['flip_high'] = float(flip >= 4.0)
        f['dictionary_word'] = float(is_word(key, lang))
    f['zipf_high'] = float(z >= 5.0)
    f['zipf_mid'] = float(4.0 <= z < 5.0)
    f['key_len'] = min(len(key), 20) / 20.0
    f['short_key'] = float(len(key.replace(' ', '')) <= 3)
    f['known'] = float(bool(rows))
    countries: frozenset[str] = frozenset()
    if rows:
        cores = [index.core(r) for r, _ in rows]
        best = max(cores, key=lambda c: (c.type in BIG_UNITS, c.population))
        f['log_pop'] = math.log10(max(c.population for c in cores) + 1) / 7.0
        f['log_names'] = math.log1p(max(c.nnames for c in cores)) / 5.0
        f['n_cands'] = math.log1p(len(cores)) / 4.0
        f[f'type_{TYPE_GROUPS.get(best.type, "other")}'] = 1.0
        f['seat'] = max(c.seat for c in cores) / 3.0
        f['capital'] = float(any(c.seat == 3 for c in cores))
        names = max(c.nnames for c in cores)
        f['famous'] = float(names >= 40)
        f['very_famous'] = float(names >= 100)
        f['big_pop'] = float(max(c.population for c in cores) >= 1_000_000)
        kinds = {k for _, k in rows}
        f['kind_name'] = float(NAME in kinds or ALIAS in kinds)
        f['kind_alt_only'] = float(kinds <= {ALT})
        f['kind_squashed_only'] = float(kinds <= {SQUASHED})
        f['kind_fuzzy'] = float(kinds <= {FUZZY})
        f['user'] = float(any(index.is_user(r) for r, _ in rows))
        countries = frozenset(c.country for c in cores)
    return tuple(f.items()), countries
