"""The joint solve one number at a time, for small problems (geo.resolve.solver chooses).

numpy costs microseconds per call whatever the size of its arrays, and a round of the joint
solve makes a few dozen calls: a document with a few dozen candidates is solved faster in plain
Python.  `solve_small` weighs the same evidence as `solver.solve_numpy` (focus, proximity,
hierarchy, bias: see there); the probabilities agree to about 1e-15 (numpy's exp and arcsin
differ from the C library's in the last bit now and then, and a few sums add in another order).
The groups of one candidate give the same votes and closeness in every round: worked out once."""
from __future__ import annotations

import math
from functools import cached_property
from operator import mul

import numpy as np

from gazetteer.geodesy import EARTH_KM, km_matrix

from ..placetypes import ADMIN_UNITS, WIDE_AREAS
from .problem import Problem, nearness, softmax
from .weights import WEIGHTS

# more pairs of candidates than this: their distances in one call of km_matrix (measured)
NUMPY_PAIRS = 40


class Points:
    """Haversine distances between the candidates of a Problem, as gazetteer.geodesy.km_matrix
    computes them (the same formula, one pair at a time)."""

    def __init__(self, flat):
        self.flat = flat

    @cached_property
    def radians(self) -> tuple[list[float], list[float], list[float]]:
        """Latitudes and longitudes in radians, and the cosines of the latitudes."""
        lat = [math.radians(c.core.lat) for c in self.flat]
        return lat, [math.radians(c.core.lon) for c in self.flat], [math.cos(v) for v in lat]

    def km(self, k: int, j: int) -> float:
        la, lo, cos = self.radians
        a, b = math.sin((la[j] - la[k]) / 2), math.sin((lo[j] - lo[k]) / 2)
        return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a * a + cos[k] * cos[j] * (b * b))))

    def closeness(self, ks: list[int], js: list[int], scale: float) -> dict[int, list[float]]:
        """k -> [exp(-km / scale) to every candidate, 0 where not asked for] for k in ks; a pair
        of two ks is worked out once.  Many pairs: one call of km_matrix instead."""
        n = len(self.flat)
        if len(ks) * len(js) > NUMPY_PAIRS:
            flat = self.flat
            lat, lon = np.array([c.core.lat for c in flat]), np.array([c.core.lon for c in flat])
            mask = np.zeros(n)
            mask[js] = 1.0
            rows = (np.exp(-km_matrix(lat[ks], lon[ks], lat, lon) / scale) * mask).tolist()
            return dict(zip(ks, rows))
        km, exp, out = self.km, math.exp, {}
        for k in ks:
            row = out[k] = [0.0] * n
            for j in js:
                row[j] = out[j][k] if j in out else exp(-km(k, j) / scale)
        return out


def solve_small(problem: Problem) -> None:
    """The joint solve of a Problem in plain Python: Scored.prob and .score, best first."""
    if problem.settled:
        problem.settle()
        return
    if len(problem.free) == 1 and problem.shortcuts:
        _one_choice(problem)
        return
    w = WEIGHTS
    groups, flat, bounds, free = problem.groups, problem.flat, problem.bounds, problem.free
    point = [c.core.type not in WIDE_AREAS for c in flat]
    k_top = min(3, max(1, len(groups) - 1))
    free_set = set(free)
    pts = Points(flat)
    # countries by column; the votes of the groups of one candidate, which never change
    countries = sorted({c.core.country for c in flat if c.core.country})
    col = {cc: i for i, cc in enumerate(countries)}
    fixed_votes = [0.0] * len(countries)
    for gi, (a, _) in enumerate(bounds):
        c = flat[a].core
        if gi not in free_set and c.country:
            fixed_votes[col[c.country]] += 2.0 if c.type == 'country' else 1.0
    fixed_pts = [a for gi, (a, _) in enumerate(bounds) if gi not in free_set and point[a]]
    givers = [(gi, a, b) for gi in free for a, b in (bounds[gi],) if any(point[a:b])]
    ks = [k for gi in free for k in range(*bounds[gi]) if point[k]]
    close = pts.closeness(ks, fixed_pts + [j for _, a, b in givers for j in range(a, b) if point[j]],
                          w['proximity_km'])
    # per group with a choice: where its candidates are (a, b); per candidate: k, its country's
    # column (-1: none), focus weight, the top k_top closeness to groups of one candidate (None:
    # an area), the closeness to the candidates of each other group with a choice (0 for its
    # areas; by position in givers), the nearness to each candidate of the parent group; and its
    # voters (k, column, vote weight: a country counts double)
    scored = []
    at = {gj: p for p, (gj, _, _) in enumerate(givers)}
    for gi in free:
        a, b = bounds[gi]
        unit_ok = not groups[gi].implied
        parent = groups[gi].parent
        rows, voters = [], []
        for k in range(a, b):
            c = flat[k]
            top, varying = None, ()
            if point[k]:
                row = close[k]
                top = sorted([row[j] for j in fixed_pts])[-k_top:]
                varying = [(at[gj], row[a2:b2]) for gj, a2, b2 in givers if gj != gi]
            near = [] if parent is None else [(j, nearness(c, flat[j], pts.km(k, j))) for j in range(*bounds[parent])]
            ci = col.get(c.core.country, -1)
            rows.append((k, ci, w['focus_country'] + w['focus_unit'] * float(unit_ok and c.core.type in ADMIN_UNITS),
                         top, varying, near))
            if ci >= 0:
                voters.append((k, ci, 2.0 if c.core.type == 'country' else 1.0))
        scored.append((a, b, rows, voters))
    w_prox, w_hier, prior = w['proximity'], w['hierarchy'], problem.prior
    probs, score = problem.first_probs(), {}
    for _ in range(problem.rounds):
        # each group's votes by column (only the columns it votes for: the others add 0.0), and
        # the total, group after group in order
        total, votes = list(fixed_votes), []
        for _, _, _, voters in scored:
            v: dict[int, float] = {}
            for k, ci, vw in voters:
                v[ci] = v.get(ci, 0.0) + probs[k] * vw
            for ci, x in v.items():
                total[ci] += x
            votes.append(v)
        now = [probs[a:b] for _, a, b in givers]
        new = list(probs)
        for (a, b, rows, _), v in zip(scored, votes):
            others = list(total)            # the votes of the other groups (leave one out)
            for ci, x in v.items():
                others[ci] = total[ci] - x
            whole = sum(others)
            logits = []
            for k, ci, fw, top, varying, near in rows:
                s = prior[k] + fw * (others[ci] / whole if ci >= 0 and whole > 0 else 0.0)
                if top is not None:
                    per = top + [sum(map(mul, cl, now[p])) for p, cl in varying]
                    per.sort()
                    s += w_prox * (sum(per[-k_top:]) / k_top)
                if near:
                    s += w_hier * max([probs[j] * x for j, x in near] + [0.0])
                score[k] = s
                logits.append(s)
            new[a:b] = softmax(logits)
        probs = new
    problem.finish(probs, score)


def _one_choice(problem: Problem) -> None:
    """One group with a choice: all its evidence comes from groups of one candidate, sure of
    their place in every round, so one softmax of its scores decides (Problem.rounds is 1)."""
    w = WEIGHTS
    groups, flat, bounds = problem.groups, problem.flat, problem.bounds
    gi = problem.free[0]
    a, b = bounds[gi]
    votes: dict[str, float] = {}
    points = []
    for gj, (k, _) in enumerate(bounds):
        c = flat[k].core
        if gj != gi:
            if c.country:
                votes[c.country] = votes.get(c.country, 0.0) + (2.0 if c.type == 'country' else 1.0)
            if c.type not in WIDE_AREAS:
                points.append(k)
    total = sum(votes[cc] for cc in sorted(votes))
    k_top = min(3, max(1, len(groups) - 1))
    pts = Points(flat)
    mine = [k for k in range(a, b) if flat[k].core.type not in WIDE_AREAS]
    close = pts.closeness(mine, points, w['proximity_km']) if points else {}
    parent = groups[gi].parent
    unit_ok = not groups[gi].implied
    score = {}
    for k in range(a, b):
        c = flat[k]
        cc = c.core.country
        fw = w['focus_country'] + w['focus_unit'] * float(unit_ok and c.core.type in ADMIN_UNITS)
        s = problem.prior[k] + fw * (votes.get(cc, 0.0) / total if cc and total > 0 else 0.0)
        if k in close:
            row = close[k]
            s += w['proximity'] * (sum(sorted([row[j] for j in points])[-k_top:]) / k_top)
        if parent is not None:
            s += w['hierarchy'] * max([nearness(c, flat[j], pts.km(k, j)) for j in range(*bounds[parent])] + [0.0])
        score[k] = s
    probs = [1.0] * len(flat)
    probs[a:b] = softmax([score[k] for k in range(a, b)])
    problem.finish(probs, score)
