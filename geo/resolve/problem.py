"""What the two joint solves (geo.resolve.solver: numpy; geo.resolve.small: plain Python) share:
the document's candidates in one list, group by group, with their biased priors; the answer
when no evidence can move a probability; the evidence that does not change between rounds."""
from __future__ import annotations

import math

from gazetteer.index import Core

from .candidates import Group, Scored
from .weights import WEIGHTS

# parents that are areas: a child in the same country is near them
AREA_PARENTS = frozenset({'country', 'admin1', 'admin2', 'region'})


def in_bbox(c: Core, bbox) -> bool:
    w, s, e, n = bbox
    return s <= c.lat <= n and (w <= c.lon <= e if w <= e else (c.lon >= w or c.lon <= e))


def softmax(x: list[float]) -> list[float]:
    m = max(x)
    e = [math.exp(v - m) for v in x]
    t = sum(e)
    return [v / t for v in e]


def nearness(child: Scored, parent: Scored, km: float) -> float:
    """How near a candidate lies to a candidate of the parent the text names: 1 inside it; in
    an area's country, fading over 250 km from its point (a country: anywhere in it); else
    fading over 50 km."""
    if parent.row in child.inside:
        return 1.0
    if parent.core.type in AREA_PARENTS:
        x = 1.0 if child.core.country == parent.core.country else 0.0
        return x * math.exp(-km / 250.0) if parent.core.type != 'country' else x
    return math.exp(-km / 50.0)


def _by_prob(c: Scored) -> float:
    return -c.prob


class Problem:
    """The candidates of the groups in one list (`flat`, group by group: group gi holds
    flat[a:b] for (a, b) = bounds[gi]), each with its prior plus the user's bias (`prior`), and
    the groups with a choice (`free`: more than one candidate).  Every group has a candidate
    (geo.resolve.candidates makes no group without).

    Only those are scored: a group of one candidate has probability 1 whatever the evidence (a
    softmax of one number), so its score stays its prior; and a group's evidence comes from the
    other groups only, so when one group has a choice one round decides it."""

    def __init__(self, groups: list[Group], bias_country: str | None = None, bias_bbox=None, shortcuts: bool = True,
                 memo: dict | None = None):
        self.groups = groups
        self.memo = memo     # closeness of pairs of places, kept across documents (geo.resolve.small.Points)
        self.flat = flat = [c for g in groups for c in g.cands]
        self.prior = prior = [c.prior for c in flat]
        if bias_country or bias_bbox:
            b = WEIGHTS['bias']
            for k, c in enumerate(flat):
                if bias_country and c.core.country == bias_country:
                    prior[k] += b
                if bias_bbox and in_bbox(c.core, bias_bbox):
                    prior[k] += b
        self.bounds, self.free = bounds, free = [], []
        s = n_scored = 0
        for gi, g in enumerate(groups):
            m = len(g.cands)
            bounds.append((s, s + m))
            if m > 1:
                free.append(gi)
                n_scored += m
            s += m
        self.n_scored = n_scored
        # shortcuts=False: every round, even where the answer is known (for the tests that say so)
        self.shortcuts = shortcuts
        rounds = int(WEIGHTS['rounds'])
        self.rounds = min(rounds, 1) if len(self.free) == 1 and shortcuts else rounds

    @property
    def settled(self) -> bool:
        """No evidence can move a probability: no group has a choice, or one group weighs no other."""
        if not self.shortcuts:
            return not self.flat
        return not self.free or len(self.groups) == 1 or not self.rounds

    def free_mask(self) -> list[bool]:
        """Is each candidate in a group with a choice?"""
        out = [False] * len(self.flat)
        for gi in self.free:
            a, b = self.bounds[gi]
            out[a:b] = [True] * (b - a)
        return out

    def first_probs(self) -> list[float]:
        """Each group's softmax of its priors (1 for a group of one candidate)."""
        out = [1.0] * len(self.flat)
        for gi in self.free:
            a, b = self.bounds[gi]
            out[a:b] = softmax(self.prior[a:b])
        return out

    def finish(self, probs: list[float], score: dict[int, float] | None = None) -> None:
        """Scored.prob and Scored.score (the prior where not scored: Python floats, as are
        probs); each group best first."""
        for c, p, s in zip(self.flat, probs, self.prior):
            c.score, c.prob = s, p
        if score:
            flat = self.flat
            for k, s in score.items():
                flat[k].score = s
        for gi in self.free:
            self.groups[gi].cands.sort(key=_by_prob)

    def settle(self) -> None:
        self.finish(self.first_probs())
