"""Stage `solve`: the joint resolution of a document's groups, in rounds.  Every candidate's score
is its prior (geo.resolve.candidates) plus named evidence, all weights in weights.toml:

  focus       the share of the document's evidence that points at the candidate's country
  proximity   closeness to the likely places of the other mentions
  hierarchy   a parent the text names (Paris, Texas; حي X في مدينة Y; X بريف Y)
  bias        the user's --bias-country / --bias-bbox

Each group's candidates share a softmax; after the last round Scored.prob is the probability a
user sees as confidence, and each group's candidates are sorted best first."""
from __future__ import annotations

import math

import numpy as np

from gazetteer.geodesy import km_matrix
from gazetteer.index import Core

from ..doc import Doc
from ..placetypes import ADMIN_UNITS, WIDE_AREAS
from .candidates import Group
from .weights import WEIGHTS


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


def solve_groups(groups: list[Group], bias_country: str | None = None,
                 bias_bbox: tuple[float, float, float, float] | None = None) -> None:
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
    dist = km_matrix(lat, lon, lat, lon)
    close = np.exp(-dist / w['proximity_km'])
    prior_ = np.array([c.prior for _, c in flat])
    if bias_country or bias_bbox:
        for k, (_, c) in enumerate(flat):
            if bias_country and c.core.country == bias_country:
                prior_[k] += w['bias']
            if bias_bbox and _in_bbox(c.core, bias_bbox):
                prior_[k] += w['bias']
    # admin units of the focus country get more of the focus, unless a cue says what the text means
    unit = np.array([c.core.type in ADMIN_UNITS and not groups[gi].implied for gi, c in flat], dtype=float)
    # areas are far from everything; they neither give nor take proximity
    point = np.array([c.core.type not in WIDE_AREAS for _, c in flat], dtype=float)
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
                if pc.row in c.inside:
                    near = 1.0
                elif pc.core.type in ('country', 'admin1', 'admin2', 'region'):
                    near = 1.0 if c.core.country == pc.core.country else 0.0
                    if pc.core.type != 'country':
                        near *= math.exp(-dist[k, j] / 250.0)
                else:
                    near = math.exp(-dist[k, j] / 50.0)
                best = max(best, probs[j] * near)
            out[k] = WEIGHTS['hierarchy'] * best
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
