"""The document's focus: its densest cluster of places, and the places outside it.

`plan(result)` decides what a map shows: the places of the main map, the box it must show, and
the far places that go on the inset locator (and in the legend)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from gazetteer import geodesy

from ..model import Place, Result
from ..placetypes import WIDE_AREAS

WORLD = (-180.0, -60.0, 180.0, 85.0)


def km(a: Place, b: Place) -> float:
    return geodesy.km(a.lat, a.lon, b.lat, b.lon)


def focus(places: list[Place], weights: list[float] | None = None, radius_km: float = 250.0) -> tuple[list[int], list[int]]:
    """(indices in the focus cluster, indices outside it).  Points (not countries) vote with
    their mention counts; the cluster is every point within 2 * radius_km of the best-supported one."""
    weights = weights or [1.0] * len(places)
    points = [i for i, p in enumerate(places) if p.type not in WIDE_AREAS]
    if not points:
        return list(range(len(places))), []
    support = {i: sum(weights[j] for j in points if km(places[i], places[j]) <= radius_km) for i in points}
    center = max(points, key=lambda i: (support[i], weights[i], -i))
    inside = [i for i in points if km(places[center], places[i]) <= radius_km * 2]
    outside = [i for i in range(len(places)) if i not in inside]
    return inside, outside


def circle_box(p: Place) -> tuple[float, float, float, float]:
    """(west, south, east, north) around a place's uncertainty circle."""
    dy = p.uncertainty_km / 110.57
    dx = p.uncertainty_km / (111.32 * max(0.05, math.cos(math.radians(p.lat))))
    return p.lon - dx, p.lat - dy, p.lon + dx, p.lat + dy


def bounds(places: list[Place], min_span_deg: float = 0.25, pad: float = 0.15) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the places' points, padded, never smaller than min_span_deg.
    An approximate place counts by its point only: its uncertainty circle never sets the frame (a
    40 km circle would fill the map and push its places together); a circle may run off the map."""
    lats = [p.lat for p in places]
    lons = [p.lon for p in places]
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    cx, cy = (w + e) / 2, (s + n) / 2
    hw = max((e - w) * (1 + pad) / 2, min_span_deg / 2)
    hh = max((n - s) * (1 + pad) / 2, min_span_deg / 2)
    return max(-180, cx - hw), max(-85, cy - hh), min(180, cx + hw), min(85, cy + hh)


def _box_of(p: Place) -> tuple[float, float, float, float]:
    if p.bbox:
        return tuple(p.bbox)
    return p.lon, p.lat, p.lon, p.lat


def _intersects(a, b) -> bool:
    return not (a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1])


def _union(boxes):
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


@dataclass
class Plan:
    """What one map shows.  Indices are into Result.places."""
    main: list[int] = field(default_factory=list)     # drawn on the main map
    far: list[int] = field(default_factory=list)      # only on the inset (and listed in the legend)
    bounds: tuple[float, float, float, float] = WORLD  # lon/lat box the main map must show
    world: bool = False                               # nothing clusters: the main map is the world


def plan(result: Result, min_span_deg: float = 0.2) -> Plan:
    places = result.places
    if not places:
        return Plan(bounds=WORLD, world=True)
    weights = [float(max(1, len(p.mentions))) for p in places]
    points = [i for i, p in enumerate(places) if p.type not in WIDE_AREAS]
    if points:
        inside, _ = focus(places, weights)
        box = bounds([places[i] for i in inside], min_span_deg=min_span_deg)
    else:
        # only countries and regions: show them all, or the world when they are far apart
        inside = list(range(len(places)))
        box = _union([_box_of(places[i]) for i in inside])
        if box[2] - box[0] > 120 or box[3] - box[1] > 70:
            return Plan(main=inside, far=[], bounds=WORLD, world=True)
        pad_x, pad_y = (box[2] - box[0]) * 0.08, (box[3] - box[1]) * 0.08
        box = (max(-180, box[0] - pad_x), max(-85, box[1] - pad_y), min(180, box[2] + pad_x), min(85, box[3] + pad_y))
    main, far = [], []
    for i, p in enumerate(places):
        if i in inside:
            main.append(i)
        elif p.type in WIDE_AREAS and _intersects(_box_of(p), box):
            main.append(i)       # a named country the main map shows part of
        elif p.type not in WIDE_AREAS and box[0] <= p.lon <= box[2] and box[1] <= p.lat <= box[3]:
            main.append(i)
        else:
            far.append(i)
    return Plan(main=main, far=far, bounds=box, world=False)
