"""The review page's offline basemap: the HTML map's layers (geo.maps.basemap, Natural Earth and
GSHHG from installed packages) as one JSON of GeoJSON layers for Leaflet: the world's countries,
coarse, and around the document the finer countries, borders, lakes, rivers and province lines.
No tiles, no network."""
from __future__ import annotations

from functools import lru_cache

import numpy as np

BoxT = tuple[float, float, float, float]


def snap_box(w: float, s: float, e: float, n: float) -> BoxT:
    """The box of a document's places, padded and snapped to whole degrees (so that documents of
    one region share a cached basemap)."""
    import math
    hw, hh = max((e - w) * 1.2, 4.0), max((n - s) * 1.2, 3.0)
    w, s, e, n = w - hw, s - hh, e + hw, n + hh
    return (max(-180.0, math.floor(w)), max(-85.0, math.floor(s)), min(180.0, math.ceil(e)), min(85.0, math.ceil(n)))


@lru_cache(maxsize=16)
def around(box: BoxT) -> str:
    """JSON: {"world", "world_lines", "land", "borders", "lakes", "rivers", "admin"}, each a GeoJSON
    FeatureCollection: the world's countries, coarse, with a hole where the box's finer ones go."""
    import shapely

    from ..maps import basemap
    from ..maps.html_basemap import geojson_text

    tol = max(box[2] - box[0], box[3] - box[1]) / 1500
    _, land = basemap.country_geoms(box, tol)
    _, world = basemap.country_geoms((-180, -90, 180, 90), 0.1)
    rect = shapely.box(*box)
    lines = shapely.difference(shapely.boundary(world), rect)      # fills without strokes: a cut is no border
    world = shapely.difference(world, rect)
    parts = {'world': geojson_text(world, 2), 'world_lines': geojson_text(lines, 2), 'land': geojson_text(land),
             'borders': geojson_text(basemap.country_borders(box, tol))}
    for name, layer in (('lakes', basemap.lakes()), ('rivers', basemap.rivers()), ('admin', basemap.admin1_lines())):
        try:
            geoms = layer.clip(box, simplify=tol) if len(layer) else np.array([], dtype=object)
        except (OSError, ValueError):          # a layer's package is missing: the map goes without it
            geoms = np.array([], dtype=object)
        parts[name] = geojson_text(geoms)
    return '{' + ','.join(f'"{k}":{v}' for k, v in parts.items()) + '}'
