"""Mentions + index + context -> one place each, with confidence and alternatives.

Every candidate gets a score from named features (weights in WEIGHTS, set on the dev splits);
the document's country focus is computed from a first pass and fed into a second; a name with no
candidate that the text ties to a known name is placed there as approximate."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from gazetteer.index import Core, Index

from .model import Candidate, Place
from .recognize import Span

# All resolution weights, in one place.
WEIGHTS = {
    'type': {'continent': 4.0, 'region': 3.5, 'country': 5.0, 'admin1': 3.0, 'admin2': 1.5, 'city': 1.0,
             'town': 0.5, 'village': 0.0, 'neighbourhood': 0.0, 'airport': 0.5, 'facility': 0.0},
    'seat': 1.5,                  # per level of seat (3 = national capital)
    'log_population': 0.6,
    'log_names': 0.6,             # how many names the place has: a proxy for how well known it is
    'kind': {'name': 0.5, 'alias': 0.8, 'alt': 0.0, 'code': 0.3, 'squashed': -0.2, 'fuzzy': -1.5},
    'implied_type': 3.0,          # the cue word's type matches (محافظة -> admin1)
    'focus_country': 2.5,         # times the candidate country's share of the document focus
    'user': 3.0,                  # a place from the user's own gazetteer
}
UNCERTAINTY_KM = {'country': 300.0, 'admin1': 100.0, 'admin2': 40.0, 'city': 10.0, 'town': 5.0,
                  'village': 3.0, 'region': 500.0, 'continent': 2000.0}
IMPLIED_COMPATIBLE = {
    'admin1': {'admin1'}, 'admin2': {'admin2', 'admin1'}, 'countryside': {'admin1', 'admin2', 'city'},
    'city': {'city', 'town'}, 'town': {'town', 'village', 'city'}, 'village': {'village', 'town'},
    'neighbourhood': {'neighbourhood', 'village', 'town'}, 'airport': {'airport'}, 'water': {'water'},
    'mountain': {'mountain'}, 'island': {'island'}, 'camp': {'camp', 'village', 'neighbourhood'},
}


@dataclass(slots=True)
class Scored:
    row: int
    kind: str
    core: Core
    prior: float
    score: float = 0.0


def prior(core: Core, kind: str, span: Span, user: bool) -> float:
    w = WEIGHTS
    s = w['type'].get(core.type, 0.0) + w['seat'] * core.seat
    s += w['log_population'] * math.log10(core.population + 1)
    s += w['log_names'] * math.log1p(core.nnames)
    s += w['kind'].get(kind, 0.0)
    if span.implied_type and core.type in IMPLIED_COMPATIBLE.get(span.implied_type, {span.implied_type}):
        s += w['implied_type']
    if user:
        s += w['user']
    return s


def candidates(index: Index, span: Span) -> list[Scored]:
    best: dict[int, str] = {}
    from gazetteer.place import KIND_NAMES
    for row, kind in span.rows:
        name = KIND_NAMES.get(kind, kind) if isinstance(kind, int) else kind
        if row not in best or WEIGHTS['kind'].get(name, 0) > WEIGHTS['kind'].get(best[row], 0):
            best[row] = name
    out = []
    for row, kind in best.items():
        c = index.core(row)
        out.append(Scored(row, kind, c, prior(c, kind, span, index.is_user(row))))
    return out


def focus(scored: list[list[Scored]]) -> dict[str, float]:
    """Share of the document's evidence per country: named countries count most, the top
    candidates of other mentions add theirs."""
    votes: Counter = Counter()
    for cands in scored:
        if not cands:
            continue
        top = max(cands, key=lambda c: c.prior)
        if not top.core.country:
            continue
        votes[top.core.country] += 2.0 if top.core.type == 'country' else 1.0
    total = sum(votes.values())
    return {k: v / total for k, v in votes.items()} if total else {}


def softmax(xs: list[float]) -> list[float]:
    m = max(xs)
    e = [math.exp(x - m) for x in xs]
    t = sum(e)
    return [v / t for v in e]


def resolve(index: Index, spans: list[Span], bias_country: str | None = None,
            max_alternatives: int = 3) -> list[tuple[Span, Place | None]]:
    scored = [candidates(index, s) for s in spans]
    share = focus(scored)
    if bias_country:
        share = {k: v * 0.5 for k, v in share.items()}
        share[bias_country] = share.get(bias_country, 0) + 0.5
    out: list[tuple[Span, Place | None]] = []
    for span, cands in zip(spans, scored):
        if not cands:
            out.append((span, approximate(index, span, share)))
            continue
        for c in cands:
            c.score = c.prior + WEIGHTS['focus_country'] * share.get(c.core.country, 0.0)
        cands.sort(key=lambda c: -c.score)
        probs = softmax([c.score for c in cands])
        top = cands[0]
        place = to_place(index, top.row, probs[0])
        place.alternatives = [to_candidate(index, c.row, p) for c, p in zip(cands[1:1 + max_alternatives], probs[1:])]
        out.append((span, place))
    return out


def to_place(index: Index, row: int, confidence: float) -> Place:
    p = index.place(row)
    return Place(id=p.id, name=p.name, lat=p.lat, lon=p.lon, type=p.type, country=p.country, admin1=p.admin1,
                 name_ar=p.name_ar, geonameid=p.geonameid, population=p.population,
                 confidence=round(confidence, 3), bbox=p.bbox, source=p.source)


def to_candidate(index: Index, row: int, score: float) -> Candidate:
    c = index.core(row)
    p = index.place(row)
    return Candidate(id=p.id, name=p.name, type=c.type, country=c.country, lat=c.lat, lon=c.lon,
                     population=c.population, score=round(score, 3), geonameid=p.geonameid)


def approximate(index: Index, span: Span, share: dict[str, float]) -> Place | None:
    """A name no gazetteer has, placed at the known place the text ties it to."""
    if not span.parent_rows:
        return None
    parent = Span(0, 0, 0, 0, span.parent_key, rows=span.parent_rows)
    cands = candidates(index, parent)
    for c in cands:
        c.score = c.prior + WEIGHTS['focus_country'] * share.get(c.core.country, 0.0)
    top = max(cands, key=lambda c: c.score)
    p = index.place(top.row)
    radius = UNCERTAINTY_KM.get(p.type, 10.0)
    return Place(id=f'approx:{span.key}@{p.id}', name=span.key, lat=p.lat, lon=p.lon,
                 type=span.implied_type or 'place', country=p.country, admin1=p.admin1,
                 confidence=0.5, approximate=True, uncertainty_km=radius, source=f'near {p.name}')
