"""Stage `candidates`: every candidate of every mention gets its prior (type, seat, population,
fame, how the name matched, the type the text implies, the user's own places, the region of the
text's language), and mentions that share a name and an implied type share one decision (a
Group: one sense per discourse)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from gazetteer.geodesy import km
from gazetteer.index import Core, Index

from ..doc import Doc, Span
from ..placetypes import ADMIN_UNITS, ARAB_WORLD, IMPLIED_COMPATIBLE, KIND_NAMES, SETTLEMENT_CUES, WIDE_AREAS
from .weights import WEIGHTS


@dataclass(slots=True)
class Scored:
    row: int
    kind: str
    core: Core
    prior: float
    facts: tuple = ()                  # what the numpy solve reads of the place (candidate_facts)
    score: float = 0.0
    prob: float = 0.0
    inside: frozenset = frozenset()    # rows of the parent's candidates (states, provinces) it lies in


# a number per country code, given when first met (the same in the whole process: the numpy solve
# compares them, it never reads their order)
COUNTRY_NUMBERS: dict[str, float] = {}


def candidate_facts(core: Core) -> tuple[float, float, float, float, float, float]:
    """What geo.resolve.solver.solve_numpy reads of a candidate's place, as numbers: its point,
    whether it is a point (areas neither give nor take proximity), its vote for its country (a
    country: 2; none without a country), whether it is an admin unit, and its country as a number
    (COUNTRY_NUMBERS; -1: none).  Worked out once per ranking of a name (`ranked`), not per solve."""
    country = core.country
    return (core.lat, core.lon, 1.0 if core.type not in WIDE_AREAS else 0.0,
            (2.0 if core.type == 'country' else 1.0) if country else 0.0, 1.0 if core.type in ADMIN_UNITS else 0.0,
            COUNTRY_NUMBERS.setdefault(country, float(len(COUNTRY_NUMBERS))) if country else -1.0)


@dataclass(slots=True)
class Group:
    """Mentions that share one decision: same key, same implied type."""
    spans: list[int]               # indices into doc.mentions
    cands: list[Scored]
    implied: str = ''              # the type a cue implies for these mentions
    parent: int | None = None      # index of the group the text names as parent
    extra: dict = field(default_factory=dict)


PARENT_KM = 800       # a place inside a state or province the text names lies this near its point
# the weights every candidate's prior reads, looked up once
_TYPE, _KIND, _SEAT = WEIGHTS['type'], WEIGHTS['kind'], WEIGHTS['seat']
_LOG_POPULATION, _LOG_NAMES = WEIGHTS['log_population'], WEIGHTS['log_names']


def prior(core: Core, kind: str, span: Span, user: bool, lang: str) -> float:
    w = WEIGHTS
    s = _TYPE.get(core.type, 0.0) + _SEAT * core.seat
    s += _LOG_POPULATION * math.log10(core.population + 1)
    s += _LOG_NAMES * math.log1p(core.nnames)
    s += _KIND.get(kind, 0.0)
    if span.implied_type:
        if core.type in IMPLIED_COMPATIBLE.get(span.implied_type, {span.implied_type}):
            s += w['implied_type']
        elif span.implied_type in SETTLEMENT_CUES and core.type in WIDE_AREAS:
            s += w['implied_mismatch']
    if user:
        s += w['user']
    if lang == 'ar' and core.country in ARAB_WORLD:
        s += w['region_ar']
    return s


def score_candidates(index: Index, span: Span, lang: str, limit: int | None = -1) -> list[Scored]:
    """The best-scored candidates of a span, best first (each row once, under its best name kind):
    the first `limit` (default: max_candidates; None: all).  Fresh Scored objects (the solve
    writes into them) from the memoised ranking of the name (`ranked`)."""
    limit = WEIGHTS['max_candidates'] if limit == -1 else limit
    got = ranked(index, span, lang)
    return [Scored(*r) for r in (got if limit is None else got[:limit])]


# the most (name, implied type, language) rankings kept; its key in index.derived (a tuple: the
# scanning stages' memos there have str keys, geo.recognize.words)
MEMO_MAX = 20_000
_MEMO = (__name__, 'ranked candidates')


def ranked(index: Index, span: Span, lang: str) -> tuple[tuple[int, str, Core, float, tuple], ...]:
    """(row, kind, core, prior, facts) of a span's candidates, best first: what depends only on its name,
    candidates, implied type and language, worked out once (names recur, in a document and across
    documents) and kept in index.derived (emptied when places are added to the index)."""
    memo = index.derived.get(_MEMO)
    if memo is None or len(memo) >= MEMO_MAX:
        memo = index.derived[_MEMO] = {}
    rows = span.rows
    if rows.__class__ is not list:       # (compared as lists: a tuple would never match)
        rows = list(rows)
    known = memo.get((span.key, span.implied_type, lang))
    if known is None:
        known = memo[(span.key, span.implied_type, lang)] = []
    for seen, got in known:          # (a key has one list of candidates, unless a cue span's differ)
        if seen == rows:
            return got
    got = tuple((c.row, c.kind, c.core, c.prior, candidate_facts(c.core)) for c in _rank(index, span, lang))
    known.append((list(rows), got))
    return got


def _rank(index: Index, span: Span, lang: str) -> list[Scored]:
    if len(span.rows) == 1:         # one candidate (most names): nothing to choose or sort
        row, kind = span.rows[0]
        kind = KIND_NAMES.get(kind, kind) if isinstance(kind, int) else kind
        c = index.core(row)
        return [Scored(row, kind, c, prior(c, kind, span, index.is_user(row), lang))]
    best: dict[int, str] = {}
    kinds = _KIND
    for row, kind in span.rows:
        name = KIND_NAMES.get(kind, kind) if isinstance(kind, int) else kind
        if row not in best or kinds.get(name, 0) > kinds.get(best[row], 0):
            best[row] = name
    core, is_user = index.core, index.is_user
    out = []
    for row, kind in best.items():
        c = core(row)
        out.append(Scored(row, kind, c, prior(c, kind, span, is_user(row), lang)))
    out.sort(key=_by_prior)
    if _homonym_admin(out):
        out.sort(key=_by_prior)
    return out


def _by_prior(c: Scored) -> float:
    return -c.prior


def _homonym_admin(cands: list[Scored]) -> bool:
    """Aleppo the city over Aleppo Governorate when both answer the name and no cue decides
    (True when a prior changed)."""
    cities = [c for c in cands if c.core.type in ('city', 'town') and c.core.seat >= 1]
    if not cities:
        return False
    changed = False
    for c in cands:
        if c.core.type in ADMIN_UNITS and any(
                s.core.country == c.core.country and km(s.core.lat, s.core.lon, c.core.lat, c.core.lon) < 60
                for s in cities):
            c.prior += WEIGHTS['homonym_admin']
            changed = True
    return changed


def link_groups(doc: Doc, groups: list[Group]) -> None:
    """Group.parent from the mentions' parents (a group takes the first link of its mentions)."""
    linked = [(i, span.parent) for i, span in enumerate(doc.mentions) if span.parent is not None]
    if not linked:              # (most texts)
        return
    group_of = {i: gi for gi, g in enumerate(groups) for i in g.spans}
    for i, parent in linked:
        if i not in group_of or parent not in group_of:
            continue
        gi, pj = group_of[i], group_of[parent]
        if gi != pj and groups[gi].parent is None and groups[pj].parent != gi:
            groups[gi].parent = pj


def _keep(index: Index, groups: list[Group], ranking: list[tuple]) -> None:
    """Each group keeps its best candidates (candidates() gave it those), and those beyond that
    (in its `ranking`) that lie where the text puts them: in the country of its parent's
    candidates and, under a state or province, within PARENT_KM of it (Paris, Texas is the 30th
    Paris by prior)."""
    n = WEIGHTS['max_candidates']
    for g, got in zip(groups, ranking):
        if g.parent is None or len(got) <= n:
            continue
        parents = groups[g.parent].cands[:3]
        inside = [r for r in got[n:] if any(
            r[2].country == p.core.country and (p.core.type == 'country' or km(
                r[2].lat, r[2].lon, p.core.lat, p.core.lon) <= PARENT_KM) for p in parents)]
        g.cands = g.cands + [Scored(*r) for r in inside[:n]]
    for g in groups:
        if g.parent is not None:
            _mark_inside(index, g.cands, groups[g.parent].cands[:3])


def _mark_inside(index: Index, cands: list[Scored], parents: list[Scored]) -> None:
    """Scored.inside: which of the parent's first-level units each candidate lies in, by the
    gazetteer's own admin1 of the candidate (a state is far wider than any distance says)."""
    units = {p.row: index.place(p.row) for p in parents if p.core.type == 'admin1'}
    if not units:
        return
    for c in cands:
        place = index.place(c.row)
        within = {place.admin1, place.parent} - {''}
        c.inside = frozenset(r for r, u in units.items()
                             if place.country == u.country and within & {u.name, u.admin1, u.id})


def candidates(doc: Doc) -> None:
    """Stage: doc.groups, with their scored candidates and the parent groups the text names.
    The candidates of a group are those of its first mention (one sense per discourse): each
    group's are scored once."""
    by_key: dict[tuple, Group] = {}
    groups: list[Group] = []
    ranking = []            # each group's ranked candidates, all of them (_keep may take more)
    n = WEIGHTS['max_candidates']
    index, lang = doc.index, doc.lang
    for i, s in enumerate(doc.mentions):
        if not s.rows:          # no candidates (score_candidates would find none)
            continue
        k = (s.key, s.implied_type if s.implied_type in IMPLIED_COMPATIBLE else '')
        g = by_key.get(k)
        if g is None:
            got = ranked(index, s, lang)
            g = by_key[k] = Group([i], [Scored(*r) for r in got[:n]], k[1])
            groups.append(g)
            ranking.append(got)
        else:
            g.spans.append(i)
    doc.groups = groups
    link_groups(doc, doc.groups)
    _keep(doc.index, doc.groups, ranking)
    _in_named_country(doc, groups, ranking)


def _in_named_country(doc: Doc, groups: list[Group], ranking: list[tuple]) -> None:
    """A group whose mention the text qualifies by a country (مدينة ليون الفرنسية) keeps only its
    candidates in that country, when it has any (León, Nicaragua ranks above Lyon by prior)."""
    n = WEIGHTS['max_candidates']
    mentions = doc.mentions
    if not any(s.country_hint for s in mentions):       # (most texts)
        return
    for g, got in zip(groups, ranking):
        hint = next((mentions[i].country_hint for i in g.spans if mentions[i].country_hint), '')
        if not hint or (g.cands and all(c.core.country == hint for c in g.cands)):
            continue
        inside = [r for r in got if r[2].country == hint]
        if inside:
            g.cands = [Scored(*r) for r in inside[:n]]
