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

from itertools import chain

import numpy as np

from gazetteer.geodesy import km_matrix

from ..doc import Doc
from ..placetypes import ADMIN_UNITS, WIDE_AREAS
from .candidates import Group, candidate_facts
from .problem import Problem, nearness
from .small import solve_small
from .weights import WEIGHTS


# the plain-Python solve is faster up to about this many (scored candidate, candidate) pairs
# (benchmarks/bench_solvers.py: on the English dev documents and 1,000 Arabic articles)
SMALL_PAIRS = 200


def solve_groups(groups: list[Group], bias_country: str | None = None,
                 bias_bbox: tuple[float, float, float, float] | None = None, memo: dict | None = None) -> None:
    """Joint resolution of the groups: Scored.prob (and .score) of every candidate, best first
    (`memo`: closeness of pairs of places, kept across documents; see geo.resolve.small.Points)."""
    problem = Problem(groups, bias_country, bias_bbox, memo=memo)
    if problem.n_scored * len(problem.flat) <= SMALL_PAIRS:
        solve_small(problem)
    else:
        solve_numpy(problem)


def _group_softmax(x: np.ndarray, gidx: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Softmax within each group; groups are contiguous runs starting at `starts` (gidx: each one's group)."""
    e = np.exp(x - np.maximum.reduceat(x, starts)[gidx])
    return e / np.add.reduceat(e, starts)[gidx]


def solve_numpy(problem: Problem) -> None:
    """Joint resolution in numpy arrays: priors, focus, proximity and hierarchy, in rounds
    (geo.resolve.small does the same one number at a time).  Arrays of every candidate, and
    matrices with a row per scored candidate (those of the groups with a choice).  Built with
    few numpy calls: on the problems of news articles each call costs more than its arithmetic."""
    if problem.settled or not problem.free:
        problem.settle()
        return
    w = WEIGHTS
    groups, flat, bounds, free = problem.groups, problem.flat, problem.bounds, problem.free
    # each candidate's point, whether it is a point, its vote, whether it is an admin unit and its
    # country's number (-1: none; geo.resolve.candidates.candidate_facts), its group and its prior
    info = np.fromiter(chain.from_iterable(c.facts or candidate_facts(c.core) for c in flat), float,
                       6 * len(flat)).reshape(len(flat), 6)
    lat, lon, point, weight, _, ccol = info.T
    gidx = np.repeat(np.arange(len(bounds)), [b - a for a, b in bounds])
    # the scored candidates (those of the groups with a choice), the group with a choice of
    # each (numbered among themselves), where each group's run starts, and whether a cue rules
    # out that its admin units get more of the focus
    rl, lg, starts, unit_ok = [], [], [], []
    for i, gi in enumerate(free):
        a, b = bounds[gi]
        starts.append(len(rl))
        rl.extend(range(a, b))
        lg.extend([i] * (b - a))
        unit_ok.extend([0.0 if groups[gi].implied else 1.0] * (b - a))
    rows, lg, lstarts = np.array(rl), np.array(lg), np.array(starts)
    lat_r, lon_r, point_rows, _, unit, _ = info[rows].T
    unit = unit * np.array(unit_ok)
    ccol_r, gidx_r, prior_ = ccol[rows], gidx[rows], np.array(problem.prior)[rows]
    n = len(rl)
    dist = km_matrix(lat_r, lon_r, lat, lon)
    close = np.exp(np.divide(dist, -w['proximity_km'])) * point
    own = gidx_r[:, None] == gidx                       # nor does a mention's own group
    close[own] = 0.0
    # votes: per scored candidate, its country's share of the evidence the OTHER mentions give
    # (leave one out), linear in the probabilities: what each candidate gives at probability 1 to the
    # candidates of the other groups, in total (last n rows) and to those of its country
    sums = np.empty((2 * n, len(flat)))
    np.multiply(~own, weight, out=sums[n:])
    np.multiply(ccol_r[:, None] == ccol, sums[n:], out=sums[:n])
    focus_weight = w['focus_country'] + w['focus_unit'] * unit
    hierarchy = _Hierarchy(problem, rows, dist)
    probs = np.ones(len(flat))                          # a group of one candidate: 1 in every round
    probs[rows] = p = _group_softmax(prior_, lg, lstarts)
    # closeness to the groups of one candidate never changes: only each row's k_top best of those
    # can be among its k_top best, kept once (the first columns of per_group); the groups with a
    # choice (their candidates are `rows`) are summed per round into the others
    k_top = min(3, max(1, len(groups) - 1))
    fixed = close[:, [a for a, b in bounds if b - a == 1]]
    fixed.sort(axis=1)
    best_fixed = fixed[:, -k_top:]
    kf = best_fixed.shape[1]
    per_group = np.empty((n, kf + len(free)))
    per_group[:, :kf] = best_fixed
    to_groups = per_group[:, kf:]
    close = close[:, rows]
    # (point_rows is 0 or 1: times it, then times the weight, is times their product)
    point_weight, zeros, score = point_rows * w['proximity'], np.zeros(n), prior_
    for _ in range(problem.rounds):
        votes = sums @ probs
        mine, total = votes[:n], votes[n:]
        focus_ = mine / total if np.minimum.reduce(total) > 0 else np.divide(mine, total, out=zeros.copy(), where=total > 0)
        # closeness of each candidate to every other group's likely place
        np.add.reduceat(close * p, lstarts, axis=1, out=to_groups)
        top = np.sort(per_group, axis=1)
        prox = np.add.reduce(top[:, -k_top:], axis=1)
        prox /= k_top
        prox *= point_weight
        score = focus_weight * focus_
        score += prior_
        score += prox
        if hierarchy.runs:
            score += hierarchy.bonus(probs)
        probs[rows] = p = _group_softmax(score, lg, lstarts)
    problem.finish(probs.tolist(), dict(zip(rl, score.tolist())))


class _Hierarchy:
    """Bonus for candidates near (or inside) the likely place of the parent the text names:
    the hierarchy weight times the best of probs[j] * nearness over the parent's candidates j
    (geo.resolve.problem.nearness), for each scored candidate of a group with a parent."""

    def __init__(self, problem: Problem, rows: np.ndarray, dist: np.ndarray):
        ks, js, near, self.runs = [], [], [], []
        flat, bounds, groups = problem.flat, problem.bounds, problem.groups
        children = [gi for gi in problem.free if groups[gi].parent is not None]
        if children:
            at = {k: i for i, k in enumerate(rows.tolist())}
        for gi in children:
            pa, pb = bounds[groups[gi].parent]
            a, b = bounds[gi]
            parents = range(pa, pb)
            # the child's rows of the distance matrix, the parent's columns (rows of one group
            # are consecutive)
            for k, row_km in zip(range(a, b), dist[at[a]:at[a] + b - a, pa:pb].tolist()):
                self.runs.append(len(js))
                ks.append(at[k])
                js.extend(parents)
                c = flat[k]
                near.extend([nearness(c, flat[j], x) for j, x in zip(parents, row_km)])
        self.n, self.ks, self.js, self.near = len(rows), np.array(ks, dtype=int), np.array(js, dtype=int), np.array(near)

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
    memo = pair_memo(doc.index)
    if len(groups) <= max_groups:
        solve_groups(groups, bias_country, bias_bbox, memo)
        return
    for k in range(0, len(groups), max_groups):
        run = groups[k:k + max_groups]
        parents = [g.parent for g in run]
        for g in run:
            g.parent = g.parent - k if g.parent is not None and k <= g.parent < k + len(run) else None
        solve_groups(run, bias_country, bias_bbox, memo)
        for g, p in zip(run, parents):
            g.parent = p


def pair_memo(index) -> dict:
    """The closeness of pairs of places kept in index.derived (emptied when places are added to
    the index), one memo per proximity scale."""
    key = (__name__, 'closeness', WEIGHTS['proximity_km'])
    memo = index.derived.get(key)
    if memo is None:
        memo = index.derived[key] = {}
    return memo
