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

from gazetteer.geodesy import EARTH_KM

from ..placetypes import ADMIN_UNITS, WIDE_AREAS
from .problem import Problem, nearness, softmax
from .weights import WEIGHTS

# the most closeness entries kept (each pair twice, one per order; at most about 10 MB: 1,000
# Arabic articles leave ~9,000), in index.derived (geo.resolve.solver.pair_memo): the same
# places are named together document after document
PAIRS_MAX = 100_000


class Points:
    """Haversine distances between the candidates of a Problem, as gazetteer.geodesy.km computes
    them (one pair at a time), and their closeness, remembered in `memo` across documents under
    both orders of the pair's gazetteer rows (row << 32 | other row).  A pair is worked out from
    its lower row to its higher one, so that a closeness is the same number whichever document
    asked first."""

    def __init__(self, flat, memo: dict | None = None):
        self.flat = flat
        self.memo = {} if memo is None else memo
        self.rows = [c.row for c in flat]

    @cached_property
    def radians(self) -> tuple[list[float], list[float], list[float]]:
        """Latitudes and longitudes in radians, and the cosines of the latitudes."""
        lat = [math.radians(c.core.lat) for c in self.flat]
        return lat, [math.radians(c.core.lon) for c in self.flat], [math.cos(v) for v in lat]

    def km(self, k: int, j: int) -> float:
        la, lo, cos = self.radians
        a, b = math.sin((la[j] - la[k]) / 2), math.sin((lo[j] - lo[k]) / 2)
        return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a * a + cos[k] * cos[j] * (b * b))))

    def closeness(self, k: int, js: list[int], scale: float) -> list[float]:
        """exp(-km / scale) from candidate k to each of js."""
        rows, get = self.rows, self.memo.get
        high = rows[k] << 32
        got = [get(high | rows[j]) for j in js]
        if None in got:
            self._fill(k, js, got, scale)
        return got

    def _fill(self, k: int, js: list[int], got: list, scale: float) -> None:
        memo, rows, km, exp = self.memo, self.rows, self.km, math.exp
        if len(memo) >= PAIRS_MAX:
            memo.clear()
        rk = rows[k]
        for n, x in enumerate(got):
            if x is None:
                j = js[n]
                rj = rows[j]
                got[n] = memo[rk << 32 | rj] = memo[rj << 32 | rk] = exp(-(km(k, j) if rk <= rj else km(j, k)) / scale)


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
    cores = [c.core for c in flat]
    point = [c.type not in WIDE_AREAS for c in cores]
    k_top = min(3, max(1, len(groups) - 1))
    pts = Points(flat, problem.memo)
    scale = w['proximity_km']
    # countries by column; the votes of the groups of one candidate, which never change
    countries = sorted({c.country for c in cores if c.country})
    col = {cc: i for i, cc in enumerate(countries)}
    fixed_votes = [0.0] * len(countries)
    fixed_pts = []
    for a, b in bounds:
        if b - a == 1:
            c = cores[a]
            if c.country:
                fixed_votes[col[c.country]] += 2.0 if c.type == 'country' else 1.0
            if point[a]:
                fixed_pts.append(a)
    # the groups with a choice that give closeness (those with a point), the points of each
    givers = [(gi, a, b) for gi in free for a, b in (bounds[gi],) if True in point[a:b]]
    # per group with a choice: where its candidates are (a, b), and per candidate its k, prior,
    # focus weight and country's column (-1: none); per candidate that is a point, its place in
    # the group, its top k_top closeness to groups of one candidate, and its closeness to the
    # candidates of each other group with a choice (0 for its areas; by position in givers); the
    # nearness of each candidate to each candidate of the parent group (None: no parent); and the
    # group's voters (k, column, vote weight: a country counts double)
    scored = []
    at = {gj: p for p, (gj, _, _) in enumerate(givers)}
    focus_country, focus_unit, prior = w['focus_country'], w['focus_unit'], problem.prior
    for gi in free:
        a, b = bounds[gi]
        unit_ok = not groups[gi].implied
        parent = groups[gi].parent
        others = [(at[gj], a2, b2) for gj, a2, b2 in givers if gj != gi]
        js = fixed_pts + [j for _, a2, b2 in others for j in range(a2, b2)]
        nf = len(fixed_pts)
        ks = list(range(a, b))
        fws = [focus_country + focus_unit * float(unit_ok and cores[k].type in ADMIN_UNITS) for k in ks]
        cis = [col.get(cores[k].country, -1) for k in ks]
        at_point, tops, cls = [], [], [(p, []) for p, _, _ in others]
        for i, k in enumerate(ks):
            if point[k]:
                got = pts.closeness(k, js, scale)
                at_point.append(i)
                tops.append(sorted(got[:nf])[-k_top:])
                m = nf
                for (p, a2, b2), (_, rows) in zip(others, cls):
                    cl = got[m:m + b2 - a2]
                    m += b2 - a2
                    for j in range(a2, b2):
                        if not point[j]:
                            cl[j - a2] = 0.0
                    rows.append(cl)
        near = None if parent is None else [
            [(j, nearness(flat[k], flat[j], pts.km(k, j))) for j in range(*bounds[parent])] for k in ks]
        voters = [(k, ci, 2.0 if cores[k].type == 'country' else 1.0) for k, ci in zip(ks, cis) if ci >= 0]
        scored.append((a, b, ks, prior[a:b], fws, cis, at_point, tops, cls, near, voters))
    probs, score = _rounds(problem, scored, fixed_votes, givers, k_top)
    problem.finish(probs, score)


def _rounds(problem: Problem, scored: list, fixed_votes: list[float], givers: list, k_top: int):
    """The rounds of solve_small: (probabilities, {k: score}).  A group's candidates are scored
    together: the focus of each, then the proximity of its points (the closeness to each other
    group's likely place: one list per group), then the hierarchy bonus."""
    w_prox, w_hier = WEIGHTS['proximity'], WEIGHTS['hierarchy']
    probs = problem.first_probs()
    exp = math.exp
    for _ in range(problem.rounds):
        # each group's votes by column (only the columns it votes for: the others add 0.0), and
        # the total, group after group in order
        total, votes = list(fixed_votes), []
        for group in scored:
            v: dict[int, float] = {}
            for k, ci, vw in group[-1]:
                v[ci] = v.get(ci, 0.0) + probs[k] * vw
            for ci, x in v.items():
                total[ci] += x
            votes.append(v)
        now = [probs[a:b] for _, a, b in givers]
        new = list(probs)
        last = []
        for (a, b, ks, pri, fws, cis, at_point, tops, cls, near, _), v in zip(scored, votes):
            others = list(total)            # the votes of the other groups (leave one out)
            for ci, x in v.items():
                others[ci] = total[ci] - x
            whole = sum(others)
            if whole > 0:
                s = [p + fw * (others[ci] / whole if ci >= 0 else 0.0) for p, fw, ci in zip(pri, fws, cis)]
            else:
                s = [p + fw * 0.0 for p, fw in zip(pri, fws)]
            if at_point:
                if len(cls) == 1:           # one other group gives closeness (the commonest case)
                    p, rows = cls[0]
                    mine = now[p]
                    for i, top, cl in zip(at_point, tops, rows):
                        per = [*top, sum(map(mul, cl, mine))]
                        per.sort()
                        s[i] += w_prox * (sum(per[-k_top:]) / k_top)
                elif cls:
                    to = [[sum(map(mul, cl, now[p])) for cl in rows] for p, rows in cls]
                    for i, top, vs in zip(at_point, tops, zip(*to)):
                        per = [*top, *vs]
                        per.sort()
                        s[i] += w_prox * (sum(per[-k_top:]) / k_top)
                else:
                    for i, top in zip(at_point, tops):
                        s[i] += w_prox * (sum(top) / k_top)
            if near is not None:
                for i, pairs in enumerate(near):
                    if pairs:
                        s[i] += w_hier * max([probs[j] * x for j, x in pairs] + [0.0])
            last.append((ks, s))
            m = max(s)              # geo.resolve.problem.softmax, inline
            e = [exp(x - m) for x in s]
            t = sum(e)
            new[a:b] = [x / t for x in e]
        probs = new
    score = {}                      # (each round scores every candidate: the last one's scores)
    for ks, s in last:
        score.update(zip(ks, s))
    return probs, score


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
    pts = Points(flat, problem.memo)
    scale = w['proximity_km']
    parent = groups[gi].parent
    unit_ok = not groups[gi].implied
    focus_country, focus_unit, w_prox, prior = w['focus_country'], w['focus_unit'], w['proximity'], problem.prior
    score = {}
    for k in range(a, b):
        c = flat[k].core
        cc = c.country
        fw = focus_country + focus_unit * float(unit_ok and c.type in ADMIN_UNITS)
        s = prior[k] + fw * (votes.get(cc, 0.0) / total if cc and total > 0 else 0.0)
        if points and c.type not in WIDE_AREAS:
            s += w_prox * (sum(sorted(pts.closeness(k, points, scale))[-k_top:]) / k_top)
        if parent is not None:
            s += w['hierarchy'] * max([nearness(flat[k], flat[j], pts.km(k, j)) for j in range(*bounds[parent])] + [0.0])
        score[k] = s
    probs = [1.0] * len(flat)
    probs[a:b] = softmax([score[k] for k in range(a, b)])
    problem.finish(probs, score)
