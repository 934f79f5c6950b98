"""The one great-circle distance of the project (gazetteer/geodesy.py)."""
import math

import numpy as np
import pytest

from gazetteer.geodesy import EARTH_KM, km, km_matrix

DAMASCUS = (33.5138, 36.2765)
ALEPPO = (36.2021, 37.1343)
POINTS = [DAMASCUS, ALEPPO, (35.336, 40.141), (51.5074, -0.1278), (-16.80, 179.99), (-16.80, -179.99),
          (90.0, 0.0), (-90.0, 45.0), (0.0, 0.0), (0.0, 180.0)]


def test_known_distances():
    assert km(*DAMASCUS, *ALEPPO) == pytest.approx(310, abs=5)
    assert km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1)   # London - Paris
    assert km(0, 0, 0, 1) == pytest.approx(2 * math.pi * EARTH_KM / 360)            # a degree on the equator
    assert km(0, 0, 90, 0) == pytest.approx(math.pi * EARTH_KM / 2)                 # equator to pole
    assert km(0, 0, 0, 180) == pytest.approx(math.pi * EARTH_KM)                    # antipodes, no domain error
    assert km(-16.80, 179.99, -16.80, -179.99) == pytest.approx(2.13, abs=0.01)     # across the date line


def test_zero_and_symmetry():
    for a in POINTS:
        assert km(*a, *a) == 0.0
        for b in POINTS:
            assert km(*a, *b) == pytest.approx(km(*b, *a), rel=1e-12, abs=1e-9)
            assert 0.0 <= km(*a, *b) <= math.pi * EARTH_KM + 1e-9


def test_matrix_equals_scalar():
    lat1, lon1 = zip(*POINTS)
    lat2, lon2 = zip(*POINTS[:4])
    m = km_matrix(np.array(lat1), np.array(lon1), list(lat2), list(lon2))
    assert m.shape == (len(POINTS), 4)
    for i, a in enumerate(POINTS):
        for j, b in enumerate(POINTS[:4]):
            assert m[i, j] == pytest.approx(km(*a, *b), rel=1e-12, abs=1e-9)
    assert np.all(np.diag(km_matrix(np.array(lat1), np.array(lon1), np.array(lat1), np.array(lon1))) == 0.0)


def test_matrix_of_one_point_against_many():
    row = km_matrix([DAMASCUS[0]], [DAMASCUS[1]], np.array([ALEPPO[0], DAMASCUS[0]]), np.array([ALEPPO[1], DAMASCUS[1]]))
    assert row.shape == (1, 2) and row[0, 1] == 0.0
    assert row[0, 0] == pytest.approx(km(*DAMASCUS, *ALEPPO), rel=1e-12)


def test_matrix_equals_scalar_on_many_points():
    """km_matrix's half-angle form agrees with km's haversine (the plain-Python solve in
    geo.resolve.small uses the latter) to 1e-9, near pairs and far ones."""
    rng = np.random.default_rng(17)
    lat, lon = rng.uniform(-90, 90, 60), rng.uniform(-180, 180, 60)
    lat[30:], lon[30:] = np.clip(lat[:30] + rng.normal(0, 0.01, 30), -90, 90), lon[:30] + rng.normal(0, 0.01, 30)
    m = km_matrix(lat, lon, lat.tolist(), lon.tolist())
    for i in range(60):
        for j in range(60):
            assert m[i, j] == pytest.approx(km(lat[i], lon[i], lat[j], lon[j]), rel=1e-9, abs=1e-9)
