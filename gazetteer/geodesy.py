"""Great-circle distance on a spherical Earth: the project's one distance function.

`km` takes two points, `km_matrix` every pair of two lists of points (numpy).  Both use the
haversine formula and the mean Earth radius (IUGG), which is within 0.5% of the true (ellipsoidal)
distance anywhere: plenty for ranking candidates and scoring errors in km.
"""
from __future__ import annotations

import math

import numpy as np

EARTH_KM = 6371.0088    # mean Earth radius in km, (2a + b) / 3 of WGS84


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def km_matrix(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Distances in km from every point of (lat1, lon1) (rows) to every point of (lat2, lon2)
    (columns); degrees, as sequences or 1-d arrays.

    The haversine of `km`, with one sine per matrix instead of two: the half-angle sines of the
    differences come from the sines and cosines of each point's half angles,
    sin((b - a) / 2) = sin(b/2) cos(a/2) - cos(b/2) sin(a/2), and cos(lat) = 1 - 2 sin(lat/2)^2;
    equal to `km` to about 1e-14 relative (tests/test_gazetteer_geodesy.py), and exactly 0 for
    the same point."""
    n, m = len(lat1), len(lat2)
    half = np.radians(np.concatenate((lat1, lon1, lat2, lon2), dtype=float)) * 0.5
    s, c = np.sin(half), np.cos(half)
    cos_lat = 1.0 - 2.0 * s * s
    sa, sb = s[:n], s[2 * n:2 * n + m]            # half latitudes, rows and columns
    ca, cb = c[:n], c[2 * n:2 * n + m]
    ta, tb = s[n:2 * n], s[2 * n + m:]            # half longitudes
    da, db = c[n:2 * n], c[2 * n + m:]
    dlat = np.multiply.outer(ca, sb)
    dlat -= np.multiply.outer(sa, cb)             # sin((lat2 - lat1) / 2)
    dlon = np.multiply.outer(da, tb)
    dlon -= np.multiply.outer(ta, db)             # sin((lon2 - lon1) / 2)
    dlat *= dlat
    dlon *= dlon
    dlon *= np.multiply.outer(cos_lat[:n], cos_lat[2 * n:2 * n + m])
    h = dlat
    h += dlon
    np.sqrt(h, out=h)
    np.minimum(h, 1.0, out=h)
    np.arcsin(h, out=h)
    h *= 2 * EARTH_KM
    return h
