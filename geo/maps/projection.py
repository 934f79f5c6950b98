"""A projection suited to a map's extent, and moving shapes in and out of it.

Local maps (up to a few thousand km) use a Transverse Mercator centred on the map: conformal, and
its scale error stays under 0.2 % within 600 km of the centre, so a scale bar drawn in its metres is
true.  Wider maps use a Lambert azimuthal equal-area centred on the extent, and maps of the world
the Equal Earth projection; neither gets a scale bar, as no single scale holds across them.
`fit` and `projected_bounds` turn lon/lat boxes into projected frames of a given shape."""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

LOCAL_MAX_KM = 1500.0      # widest map still drawn in Transverse Mercator with a scale bar
WORLD_MIN_LON_SPAN = 150.0


@dataclass(frozen=True)
class Projection:
    proj4: str
    kind: str                # 'local', 'regional' or 'world'
    lon0: float = 0.0
    lat0: float = 0.0

    @property
    def true_scale(self) -> bool:
        return self.kind == 'local'

    @cached_property
    def _fwd(self):
        from pyproj import Transformer
        return Transformer.from_crs('EPSG:4326', self.proj4, always_xy=True)

    @cached_property
    def _inv(self):
        from pyproj import Transformer
        return Transformer.from_crs(self.proj4, 'EPSG:4326', always_xy=True)

    def xy(self, lon, lat):
        x, y = self._fwd.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
        return x, y

    def lonlat(self, x, y):
        return self._inv.transform(np.asarray(x, dtype=float), np.asarray(y, dtype=float))

    def geoms(self, geoms):
        """Shapely geometries (lon/lat) -> the same in this projection's metres."""
        import shapely

        def fn(coords):
            x, y = self._fwd.transform(coords[:, 0], coords[:, 1])
            out = np.column_stack([x, y])
            out[~np.isfinite(out)] = 0.0
            return out
        return shapely.transform(geoms, fn)

    def lonlat_bounds(self, x0: float, y0: float, x1: float, y1: float, pad: float = 0.08):
        """(west, south, east, north) of a projected rectangle, from its densified outline."""
        t = np.linspace(0.0, 1.0, 33)
        xs = np.concatenate([x0 + (x1 - x0) * t, np.full_like(t, x1), x1 - (x1 - x0) * t, np.full_like(t, x0)])
        ys = np.concatenate([np.full_like(t, y0), y0 + (y1 - y0) * t, np.full_like(t, y1), y1 - (y1 - y0) * t])
        lon, lat = self.lonlat(xs, ys)
        ok = np.isfinite(lon) & np.isfinite(lat)
        if not ok.any():
            return -180.0, -85.0, 180.0, 85.0
        w, e, s, n = lon[ok].min(), lon[ok].max(), lat[ok].min(), lat[ok].max()
        dw, dh = (e - w) * pad, (n - s) * pad
        return max(-180.0, w - dw), max(-89.0, s - dh), min(180.0, e + dw), min(89.0, n + dh)

    def describe(self) -> str:
        if self.kind == 'local':
            return f'Transverse Mercator centred on {_deg(self.lat0, "N", "S")} {_deg(self.lon0, "E", "W")}'
        if self.kind == 'regional':
            return f'Lambert azimuthal equal-area centred on {_deg(self.lat0, "N", "S")} {_deg(self.lon0, "E", "W")}'
        return 'Equal Earth'


def fit(x0, y0, x1, y1, box_w: float, box_h: float, pad: float = 0.06):
    """Grow a projected box to an axes' aspect ratio (never shrink it), with a margin."""
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w, h = max(x1 - x0, 1.0) * (1 + 2 * pad), max(y1 - y0, 1.0) * (1 + 2 * pad)
    target = box_h / box_w
    if h / w < target:
        h = w * target
    else:
        w = h / target
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def projected_bounds(proj: Projection, box) -> tuple[float, float, float, float]:
    """Projected bounds of a lon/lat box, from its densified outline."""
    w, s, e, n = box
    t = np.linspace(0, 1, 17)
    lons = np.concatenate([w + (e - w) * t, np.full_like(t, e), w + (e - w) * t, np.full_like(t, w)])
    lats = np.concatenate([np.full_like(t, s), s + (n - s) * t, np.full_like(t, n), s + (n - s) * t])
    xs, ys = proj.xy(lons, lats)
    return float(np.nanmin(xs)), float(np.nanmin(ys)), float(np.nanmax(xs)), float(np.nanmax(ys))


def _deg(v: float, pos: str, neg: str) -> str:
    return f'{abs(v):.1f}°{pos if v >= 0 else neg}'


def span_km(w: float, s: float, e: float, n: float) -> float:
    """Rough diagonal of a lon/lat box in km."""
    mid = math.radians((s + n) / 2)
    dx = (e - w) * 111.32 * max(0.05, math.cos(mid))
    dy = (n - s) * 110.57
    return math.hypot(dx, dy)


def for_extent(w: float, s: float, e: float, n: float) -> Projection:
    """The projection for a map of this lon/lat box."""
    lon0, lat0 = (w + e) / 2, (s + n) / 2
    if e - w >= WORLD_MIN_LON_SPAN:
        return Projection('+proj=eqearth +lon_0=0 +datum=WGS84 +units=m +no_defs', 'world', 0.0, 0.0)
    if span_km(w, s, e, n) <= LOCAL_MAX_KM:
        return Projection(f'+proj=tmerc +lat_0={lat0:.5f} +lon_0={lon0:.5f} +k=1 +x_0=0 +y_0=0 '
                          f'+datum=WGS84 +units=m +no_defs', 'local', lon0, lat0)
    return Projection(f'+proj=laea +lat_0={lat0:.4f} +lon_0={lon0:.4f} +x_0=0 +y_0=0 +datum=WGS84 '
                      f'+units=m +no_defs', 'regional', lon0, lat0)
