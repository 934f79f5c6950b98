"""Mentions + index + context -> one place each, with confidence and alternatives.

The solver.  Every candidate of every mention gets a score from named features (all weights in
WEIGHTS, set on the development splits):

  prior       type, seat, population, how many names the place has, how the name matched
  cue         the type the text implies (مدينة -> city, محافظة -> admin1, ريف -> admin unit)
  focus       the share of the document's evidence that points at the candidate's country
  proximity   closeness to the likely places of the other mentions (resolved jointly, in rounds)
  hierarchy   a parent the text names (Paris, Texas; حي X في مدينة Y; X بريف Y)
  bias        the user's --bias-country / --bias-bbox

Mentions with the same name and implied type share one decision (one sense per discourse).
Confidence is the candidate's softmax probability after the last round.  A name with no
candidate that the text ties to a known place is placed there, flagged approximate, with an
uncertainty radius (see geo/approximate.py); otherwise it stays unresolved.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from gazetteer.index import Core, Index
from gazetteer.place import KIND_NAMES

from .model import Candidate, Place
from .recognize import Doc, Span

WEIGHTS = {
    'type': {'continent': 3.5, 'region': 3.0, 'country': 5.0, 'admin1': 3.0, 'admin2': 1.0, 'city': 1.5,
             'town': 0.8, 'village': 0.0, 'neighbourhood': 0.0, 'airport': 0.3, 'facility': 0.0, 'water': 1.0},
    'seat': 1.0,                  # per level of seat (3 = national capital)
    'log_population': 0.55,
    'log_names': 0.7,             # how many names the place has: a proxy for how well known it is
    'kind': {'name': 0.6, 'alias': 0.9, 'alt': 0.0, 'code': 0.3, 'squashed': -0.2, 'fuzzy': -2.0},
    'implied_type': 4.0,          # the cue word's type matches (محافظة -> admin1)
    'implied_mismatch': -1.5,     # a settlement cue but the candidate is a country or continent
    'focus_country': 4.0,         # times the candidate country's share of the document focus
    'focus_unit': 3.0,            # more of the same for admin units of the focus country (Georgia, US)
    'proximity': 4.0,             # times the mean closeness to the three nearest other mentions
    'proximity_km': 300.0,        # scale of closeness
    'hierarchy': 5.0,             # inside / near the parent the text names
    'homonym_admin': -2.5,        # an admin unit named like its own seat, when the seat is a candidate too
    'user': 3.0,                  # a place from the user's own gazetteer
    'bias': 4.0,                  # --bias-country / --bias-bbox
    'region_ar': 0.8,             # Arabic text: a candidate in the Arab world
    'rounds': 3,
    'max_candidates': 12,
}
ARAB_WORLD = frozenset('DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE'.split())
IMPLIED_COMPATIBLE = {
    'admin1': {'admin1'}, 'admin2': {'admin2', 'admin1'}, 'countryside': {'admin1', 'admin2'},
    'city': {'city', 'town'}, 'town': {'town', 'village', 'city'}, 'village': {'village', 'town'},
    'neighbourhood': {'neighbourhood', 'village', 'town'}, 'airport': {'airport'}, 'water': {'water'},
    'mountain': {'mountain'}, 'island': {'island'}, 'camp': {'camp', 'village', 'neighbourhood'},
    'oilfield': {'oilfield'}, 'facility': {'facility'}, 'crossing': {'crossing', 'village', 'town'},
}
SETTLEMENT_CUES = frozenset({'city', 'town', 'village', 'neighbourhood', 'countryside', 'camp'})
EARTH_KM = 6371.0088


@dataclass(slots=True)
class Scored:
    row: int
    kind: str
    core: Core
    prior: float
    score: float = 0.0
    prob: float = 0.0


@dataclass
class Group:
    """Mentions that share one decision: same key, same implied type."""
    spans: list[int]
    cands: list[Scored]
    implied: str = ''              # the type a cue implies for these mentions
    parent: int | None = None      # index of the group the text names as parent
    extra: dict = field(default_factory=dict)


@dataclass
class Options:
    bias_country: str | None = None
    bias_bbox: tuple[float, float, float, float] | None = None
    max_alternatives: int = 3


def prior(core: Core, kind: str, span: Span, user: bool, lang: str) -> float:
    w = WEIGHTS
    s = w['type'].get(core.type, 0.0) + w['seat'] * core.seat
    s += w['log_population'] * math.log10(core.population + 1)
    s += w['log_names'] * math.log1p(core.nnames)
    s += w['kind'].get(kind, 0.0)
    if span.implied_type:
        if core.type in IMPLIED_COMPATIBLE.get(span.implied_type, {span.implied_type}):
            s += w['implied_type']
        elif span.implied_type in SETTLEMENT_CUES and core.type in ('country', 'continent', 'region'):
            s += w['implied_mismatch']
    if user:
        s += w['user']
    if lang == 'ar' and core.country in ARAB_WORLD:
        s += w['region_ar']
    return s


def score_candidates(index: Index, span: Span, lang: str) -> list[Scored]:
    best: dict[int, str] = {}
    for row, kind in span.rows:
        name = KIND_NAMES.get(kind, kind) if isinstance(kind, int) else kind
        if row not in best or WEIGHTS['kind'].get(name, 0) > WEIGHTS['kind'].get(best[row], 0):
            best[row] = name
    out = [Scored(row, kind, c, prior(c, kind, span, index.is_user(row), lang))
           for row, kind in best.items() for c in (index.core(row),)]
    out.sort(key=lambda c: -c.prior)
    _homonym_admin(out)
    out.sort(key=lambda c: -c.prior)
    return out[:WEIGHTS['max_candidates']]


def _homonym_admin(cands: list[Scored]) -> None:
    """Aleppo the city over Aleppo Governorate when both answer the name and no cue decides."""
    cities = [c for c in cands if c.core.type in ('city', 'town') and c.core.seat >= 1]
    for c in cands:
        if c.core.type in ('admin1', 'admin2') and any(
                s.core.country == c.core.country and _km(s.core.lat, s.core.lon, c.core.lat, c.core.lon) < 60
                for s in cities):
            c.prior += WEIGHTS['homonym_admin']


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _dist_matrix(lat1, lon1, lat2, lon2) -> np.ndarray:
    la1, lo1 = np.radians(lat1)[:, None], np.radians(lon1)[:, None]
    la2, lo2 = np.radians(lat2)[None, :], np.radians(lon2)[None, :]
    h = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def group_spans(spans: list[Span], cands: list[list[Scored]]) -> list[Group]:
    by_key: dict[tuple, Group] = {}
    groups: list[Group] = []
    for i, (s, c) in enumerate(zip(spans, cands)):
        if not c:
            continue
        k = (s.key, s.implied_type if s.implied_type in IMPLIED_COMPATIBLE else '')
        if k not in by_key:
            by_key[k] = Group([], c, implied=k[1])
            groups.append(by_key[k])
        by_key[k].spans.append(i)
    return groups


def focus(groups: list[Group]) -> dict[str, float]:
    """Share of the document's evidence per country: named countries count most, the likely
    candidates of other mentions add theirs."""
    votes: Counter = Counter()
    for g in groups:
        top = g.cands[0]
        if not top.core.country:
            continue
        n = len(g.spans)
        votes[top.core.country] += (2.0 if top.core.type == 'country' else 1.0) * (1 + math.log(n))
    total = sum(votes.values())
    return {k: v / total for k, v in votes.items()} if total else {}


def _in_bbox(c: Core, bbox) -> bool:
    w, s, e, n = bbox
    return s <= c.lat <= n and (w <= c.lon <= e if w <= e else (c.lon >= w or c.lon <= e))


class _Votes:
    """Per candidate, its country's share of the evidence the OTHER mentions give (leave one
    out: a name never votes for its own reading).  Every mention votes for the countries of its
    candidates in proportion to their probabilities; named countries count double.  `ccol` is
    each candidate's country column (-1: none).  What does not change between rounds is kept."""

    def __init__(self, ccol, weight, gidx, n_groups, n_countries):
        self.n, self.n_groups, self.n_countries = len(ccol), n_groups, n_countries
        self.has = has = ccol >= 0
        self.cell = gidx[has] * n_countries + ccol[has]
        self.weight, self.g, self.c = weight[has], gidx[has], ccol[has]

    def shares(self, probs: np.ndarray) -> np.ndarray:
        if not self.n_countries:
            return np.zeros(self.n)
        has = self.has
        votes = np.bincount(self.cell, weights=probs[has] * self.weight,
                            minlength=self.n_groups * self.n_countries).reshape(self.n_groups, self.n_countries)
        others = votes.sum(axis=0)[None, :] - votes              # per group: everybody else's votes
        total = others.sum(axis=1)
        out = np.zeros(self.n)
        mine = total[self.g]
        out[has] = np.divide(others[self.g, self.c], mine, out=np.zeros(len(mine)), where=mine > 0)
        return out


def _group_softmax(x: np.ndarray, starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Softmax within each group; groups are contiguous runs of `counts` starting at `starts`."""
    m = np.maximum.reduceat(x, starts)
    e = np.exp(x - np.repeat(m, counts))
    return e / np.repeat(np.add.reduceat(e, starts), counts)


def solve(groups: list[Group], opts: Options) -> None:
    """Joint resolution: priors, focus, proximity and hierarchy, in rounds."""
    w = WEIGHTS
    flat = [(gi, c) for gi, g in enumerate(groups) for c in g.cands]
    if not flat:
        return
    lat = np.array([c.core.lat for _, c in flat])
    lon = np.array([c.core.lon for _, c in flat])
    gidx = np.array([gi for gi, _ in flat])
    starts = np.flatnonzero(np.r_[True, gidx[1:] != gidx[:-1]])
    counts = np.diff(np.append(starts, len(flat)))
    dist = _dist_matrix(lat, lon, lat, lon)
    close = np.exp(-dist / w['proximity_km'])
    prior_ = np.array([c.prior for _, c in flat])
    if opts.bias_country or opts.bias_bbox:
        for k, (_, c) in enumerate(flat):
            if opts.bias_country and c.core.country == opts.bias_country:
                prior_[k] += w['bias']
            if opts.bias_bbox and _in_bbox(c.core, opts.bias_bbox):
                prior_[k] += w['bias']
    # admin units of the focus country get more of the focus, unless a cue says what the text means
    unit = np.array([c.core.type in ('admin1', 'admin2') and not groups[gi].implied for gi, c in flat], dtype=float)
    # areas are far from everything; they neither give nor take proximity
    point = np.array([c.core.type not in ('country', 'continent', 'region') for _, c in flat], dtype=float)
    countries = sorted({c.core.country for _, c in flat if c.core.country})
    col = {cc: i for i, cc in enumerate(countries)}
    ccol = np.array([col.get(c.core.country, -1) for _, c in flat])
    weight = np.array([2.0 if c.core.type == 'country' else 1.0 for _, c in flat])
    n_groups = len(groups)
    votes = _Votes(ccol, weight, gidx, n_groups, len(countries))
    probs = _group_softmax(prior_, starts, counts)
    own = np.zeros((len(flat), n_groups), dtype=bool)
    own[np.arange(len(flat)), gidx] = True
    k_top = min(3, max(1, n_groups - 1))
    focus_weight = w['focus_country'] + w['focus_unit'] * unit
    parents = any(g.parent is not None for g in groups)
    score = prior_
    for _ in range(int(w['rounds'])):
        focus_ = votes.shares(probs)
        # closeness of each candidate to every other group's likely place
        contrib = close * (probs * point)[None, :]
        per_group = np.add.reduceat(contrib, starts, axis=1)
        per_group[own] = 0.0
        prox = np.sort(per_group, axis=1)[:, -k_top:].mean(axis=1) * point
        score = prior_ + focus_weight * focus_ + w['proximity'] * prox \
            + (_hierarchy(groups, flat, gidx, probs, dist) if parents else 0.0)
        probs = _group_softmax(score, starts, counts)
    for k, (gi, c) in enumerate(flat):
        c.score, c.prob = float(score[k]), float(probs[k])
    for g in groups:
        g.cands.sort(key=lambda c: -c.prob)


def _hierarchy(groups, flat, gidx, probs, dist) -> np.ndarray:
    """Bonus for candidates near (or inside) the likely place of the parent the text names."""
    out = np.zeros(len(flat))
    for gi, g in enumerate(groups):
        if g.parent is None:
            continue
        mine = np.where(gidx == gi)[0]
        theirs = np.where(gidx == g.parent)[0]
        if not len(theirs):
            continue
        for k in mine:
            c = flat[k][1]
            best = 0.0
            for j in theirs:
                pc = flat[j][1]
                if pc.core.type in ('country', 'admin1', 'admin2', 'region'):
                    near = 1.0 if c.core.country == pc.core.country else 0.0
                    if pc.core.type != 'country':
                        near *= math.exp(-dist[k, j] / 250.0)
                else:
                    near = math.exp(-dist[k, j] / 50.0)
                best = max(best, probs[j] * near)
            out[k] = WEIGHTS['hierarchy'] * best
    return out


def to_place(index: Index, row: int, confidence: float) -> Place:
    p = index.place(row)
    return Place(id=p.id, name=p.name, lat=p.lat, lon=p.lon, type=p.type, country=p.country, admin1=p.admin1,
                 name_ar=p.name_ar, geonameid=p.geonameid, population=p.population,
                 confidence=round(confidence, 3), bbox=p.bbox, source=p.source)


def to_candidate(index: Index, c: Scored) -> Candidate:
    p = index.place(c.row)
    return Candidate(id=p.id, name=p.name, type=c.core.type, country=c.core.country, lat=c.core.lat,
                     lon=c.core.lon, population=c.core.population, score=round(c.prob, 3), geonameid=p.geonameid)


def resolve(index: Index, spans: list[Span], doc: Doc | None = None, opts: Options | None = None,
            bias_country: str | None = None, max_alternatives: int = 3) -> list[tuple[Span, Place | None]]:
    """One Place (or None) per span, in order."""
    from .approximate import place_unresolved
    from .hierarchy import link_parents

    opts = opts or Options(bias_country=bias_country, max_alternatives=max_alternatives)
    lang = doc.lang if doc is not None else 'en'
    cands = [score_candidates(index, s, lang) for s in spans]
    groups = group_spans(spans, cands)
    if doc is not None:
        link_parents(doc, spans, groups)
    solve(groups, opts)
    places: list[Place | None] = [None] * len(spans)
    for g in groups:          # the mentions of a group share one Place: one decision
        top = g.cands[0]
        p = to_place(index, top.row, top.prob)
        p.alternatives = [to_candidate(index, c) for c in g.cands[1:1 + opts.max_alternatives]]
        for i in g.spans:
            places[i] = p
    if doc is not None:
        place_unresolved(index, doc, spans, places)
    return list(zip(spans, places))
