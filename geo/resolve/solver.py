"""Stage `solve`: the joint resolution of a document's groups, in rounds.  Every candidate's score
is its prior (geo.resolve.candidates) plus named evidence, all weights in weights.toml:

  focus       the share of the document's evidence that points at the candidate's country
  proximity   closeness to the likely places of the other mentions
  hierarchy   a parent the text names (Paris, Texas; حي X في مدينة Y; X بريف Y)
  bias        the user's --bias-country / --bias-bbox

Each group's candidates share a softmax; after the last round Scored.prob is the probability a
user sees as confidence, and each group's candidates are sorted best first.

Two solves give the same probabilities (to about 1e-15; tests/test_resolve_solvers.py): numpy
arrays for big problems, plain Python (geo.resolve.small) for small ones, where numpy's cost per
call outweighs the work.  Only groups with a choice are scored, and one round decides when only
one group has a choice (geo.resolve.problem says why)."""
from __future__ import annotations

import numpy as np

from gazetteer.geodesy import km_matrix

from ..doc import Doc
from ..placetypes import ADMIN_UNITS, WIDE_AREAS
from .candidates import Group
from .problem import Problem, nearness
from .small import solve_small
from .weights import WEIGHTS


# the plain-Python solve is faster up to about this many (scored candidate, candidate) pairs
# (benchmarks/bench_solvers.py: on the English dev documents and 1,000 Arabic articles)
SMALL_PAIRS = 250


def solve_groups(groups: list[Group], bias_country: str | None = None,
                 bias_bbox: tuple[float, float, float, float] | None = None) -> None:
    """Joint resolution of the groups: Scored.prob (and .score) of every candidate, best first."""
    problem = Problem(groups, bias_country, bias_bbox)
    if problem.n_scored * len(problem.flat) <= SMALL_PAIRS:
        solve_small(problem)
    else:
        solve_numpy(problem)


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


def _group_softmax(x: np.ndarray, gidx: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Softmax within each group; groups are contiguous runs starting at `starts` (gidx: each one's group)."""
    e = np.exp(x - np.maximum.reduceat(x, starts)[gidx])
    return e / np.add.reduceat(e, starts)[gidx]


def solve_numpy(problem: Problem) -> None:
    """Joint resolution, every candidate at once in numpy arrays: priors, focus, proximity and
    hierarchy, in rounds (geo.resolve.small does the same one number at a time)."""
    if problem.settled:
        problem.settle()
        return
    w = WEIGHTS
    groups, flat = problem.groups, problem.flat
    n, n_groups = len(flat), len(groups)
    gidx = np.repeat(np.arange(n_groups), [b - a for a, b in problem.bounds])
    starts = np.array([a for a, _ in problem.bounds])
    lat = np.array([c.core.lat for c in flat])
    lon = np.array([c.core.lon for c in flat])
    dist = km_matrix(lat, lon, lat, lon)
    close = np.exp(-dist / w['proximity_km'])
    prior_ = np.array(problem.prior)
    # admin units of the focus country get more of the focus, unless a cue says what the text means
    unit = np.array([c.core.type in ADMIN_UNITS and not groups[gi].implied for gi, c in zip(gidx.tolist(), flat)],
                    dtype=float)
    # areas are far from everything; they neither give nor take proximity
    point = np.array([c.core.type not in WIDE_AREAS for c in flat], dtype=float)
    countries = sorted({c.core.country for c in flat if c.core.country})
    col = {cc: i for i, cc in enumerate(countries)}
    ccol = np.array([col.get(c.core.country, -1) for c in flat])
    weight = np.array([2.0 if c.core.type == 'country' else 1.0 for c in flat])
    votes = _Votes(ccol, weight, gidx, n_groups, len(countries))
    probs = _group_softmax(prior_, gidx, starts)
    own = np.zeros((n, n_groups), dtype=bool)
    own[np.arange(n), gidx] = True
    k_top = min(3, max(1, n_groups - 1))
    focus_weight = w['focus_country'] + w['focus_unit'] * unit
    hierarchy = _Hierarchy(problem, dist)
    score = prior_
    for _ in range(problem.rounds):
        focus_ = votes.shares(probs)
        # closeness of each candidate to every other group's likely place
        contrib = close * (probs * point)[None, :]
        per_group = np.add.reduceat(contrib, starts, axis=1)
        per_group[own] = 0.0
        prox = np.sort(per_group, axis=1)[:, -k_top:].sum(axis=1) / k_top * point
        score = prior_ + focus_weight * focus_ + w['proximity'] * prox + hierarchy.bonus(probs)
        probs = _group_softmax(score, gidx, starts)
    free = np.array(problem.free_mask())
    problem.finish(probs.tolist(), dict(zip(np.flatnonzero(free).tolist(), score[free].tolist())))


class _Hierarchy:
    """Bonus for candidates near (or inside) the likely place of the parent the text names:
    the hierarchy weight times the best of probs[j] * nearness over the parent's candidates j
    (geo.resolve.problem.nearness), for each candidate k of a group with a parent."""

    def __init__(self, problem: Problem, dist: np.ndarray):
        ks, js, near, self.runs = [], [], [], []
        flat, bounds = problem.flat, problem.bounds
        for gi, g in enumerate(problem.groups):
            if g.parent is None:
                continue
            pa, pb = bounds[g.parent]
            for k in range(*bounds[gi]):
                self.runs.append(len(js))
                ks.append(k)
                for j in range(pa, pb):
                    js.append(j)
                    near.append(nearness(flat[k], flat[j], float(dist[k, j])))
        self.n, self.ks, self.js, self.near = len(flat), np.array(ks, dtype=int), np.array(js, dtype=int), np.array(near)

    def bonus(self, probs: np.ndarray) -> np.ndarray | float:
        if not len(self.ks):
            return 0.0
        out = np.zeros(self.n)
        out[self.ks] = WEIGHTS['hierarchy'] * np.maximum(np.maximum.reduceat(probs[self.js] * self.near, self.runs), 0.0)
        return out


# the most groups solved jointly (news articles have up to about 40): a longer text is solved in
# runs of this many groups, in the order the text first names them, so that the distance matrices
# stay small; a parent in another run is not weighed
MAX_GROUPS = 150


def solve(doc: Doc, bias_country: str | None = None,
          bias_bbox: tuple[float, float, float, float] | None = None, max_groups: int = MAX_GROUPS) -> None:
    """Stage: the probabilities of doc.groups' candidates."""
    groups = doc.groups
    if len(groups) <= max_groups:
        solve_groups(groups, bias_country, bias_bbox)
        return
    for k in range(0, len(groups), max_groups):
        run = groups[k:k + max_groups]
        parents = [g.parent for g in run]
        for g in run:
            g.parent = g.parent - k if g.parent is not None and k <= g.parent < k + len(run) else None
        solve_groups(run, bias_country, bias_bbox)
        for g, p in zip(run, parents):
            g.parent = p
