"""The document's focus: its densest cluster of places, and the places outside it."""
from __future__ import annotations

import math

from ..model import Place, Result

AREAS = {'country', 'continent', 'region'}


def km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def focus(places: list[Place], weights: list[float] | None = None, radius_km: float = 250.0) -> tuple[list[int], list[int]]:
    """(indices in the focus cluster, indices outside it).  Points (not countries) vote with
    their mention counts; the cluster is every point within radius_km of the best-supported one."""
    weights = weights or [1.0] * len(places)
    points = [i for i, p in enumerate(places) if p.type not in AREAS]
    if not points:
        return list(range(len(places))), []
    support = {i: sum(weights[j] for j in points if km(places[i], places[j]) <= radius_km) for i in points}
    center = max(points, key=lambda i: (support[i], weights[i]))
    inside = [i for i in points if km(places[center], places[i]) <= radius_km * 2]
    outside = [i for i in range(len(places)) if i not in inside]
    return inside, outside


def bounds(places: list[Place], min_span_deg: float = 0.25, pad: float = 0.15) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the places, padded, never smaller than min_span_deg."""
    lats = [p.lat for p in places]
    lons = [p.lon for p in places]
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    for p in places:
        if p.approximate and p.uncertainty_km:
            d = p.uncertainty_km / 111.0
            s, n = min(s, p.lat - d), max(n, p.lat + d)
            w, e = min(w, p.lon - d), max(e, p.lon + d)
    cx, cy = (w + e) / 2, (s + n) / 2
    hw = max((e - w) * (1 + pad) / 2, min_span_deg / 2)
    hh = max((n - s) * (1 + pad) / 2, min_span_deg / 2)
    return max(-180, cx - hw), max(-85, cy - hh), min(180, cx + hw), min(85, cy + hh)


def document_focus(result: Result):
    weights = [float(len(p.mentions)) for p in result.places]
    return focus(result.places, weights)
