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
    (columns); degrees, as sequences or 1-d arrays."""
    la1, lo1 = np.radians(lat1)[:, None], np.radians(lon1)[:, None]
    la2, lo2 = np.radians(lat2)[None, :], np.radians(lon2)[None, :]
    h = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
