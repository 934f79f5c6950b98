"""The offline basemap of the HTML map, as GeoJSON for Leaflet: Natural Earth countries (coarse
for the world, finer around the document's focus), lakes, rivers and province boundaries."""
from __future__ import annotations

import json

import numpy as np

from . import basemap, style


def geojson(geoms, precision: int = 4) -> dict:
    """A FeatureCollection of shapely geometries (lon/lat), coordinates rounded."""
    return json.loads(geojson_text(geoms, precision))


def geojson_text(geoms, precision: int = 4) -> str:
    """The same as JSON text, written by shapely (much faster than building the dict)."""
    import shapely
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms):
        geoms = geoms[~shapely.is_empty(geoms)]
    if not len(geoms):
        return '{"type":"FeatureCollection","features":[]}'
    texts = shapely.to_geojson(shapely.transform(geoms, lambda c: np.round(c, precision)))
    return ('{"type":"FeatureCollection","features":['
            + ','.join('{"type":"Feature","properties":{},"geometry":' + t + '}' for t in texts) + ']}')


def basemap_layers(fmap, focus_box, words) -> list[tuple[str, str, dict]]:
    """Countries (coarse for the world, finer around the focus), lakes, rivers, admin lines: the
    layer control's groups are folium's; the GeoJSON itself goes to the page's own script as
    (group variable, GeoJSON text, Leaflet style), which is much cheaper than folium's per-feature
    styling of a few hundred country outlines."""
    import folium
    import shapely

    w, s, e, n = focus_box
    cx, cy = (w + e) / 2, (s + n) / 2
    hw, hh = max((e - w) * 1.6, 2.0), max((n - s) * 1.6, 1.5)
    hw = max(hw, 1.8 * hh)      # the page's map is wide: the fine layers reach its sides, not only its middle
    fine_box = (max(-180, cx - hw), max(-85, cy - hh), min(180, cx + hw), min(85, cy + hh))
    tol = max(fine_box[2] - fine_box[0], fine_box[3] - fine_box[1]) / 1500
    rect = shapely.box(*fine_box)
    # the world, coarse, with a hole where the fine countries go; fills without strokes (a cut
    # polygon's edge along the box is no border), then the borders and coasts as lines
    _, world = basemap.country_geoms((-180, -90, 180, 90), 0.1)
    _, fine = basemap.country_geoms(fine_box, tol)
    lines = np.concatenate([shapely.difference(shapely.boundary(world), rect),
                            basemap.country_borders(fine_box, tol)])
    world = shapely.difference(world, rect)
    base = folium.FeatureGroup(name=words['offline'], overlay=False, control=True).add_to(fmap)
    water = folium.FeatureGroup(name=words['overlay_water'], overlay=True).add_to(fmap)
    out = [(base.get_name(), geojson_text(np.concatenate([world, fine]), 3 if tol > 0.01 else 4),
            {'fillColor': style.LAND, 'stroke': False, 'fillOpacity': 1.0}),
           (base.get_name(), geojson_text(lines, 4), {'color': style.SCREEN_BORDER, 'weight': 0.9, 'opacity': 1.0})]
    lakes = basemap.lakes().clip(fine_box, simplify=tol)
    if len(lakes):
        out.append((water.get_name(), geojson_text(lakes),
                    {'fillColor': style.WATER, 'color': style.WATER_EDGE, 'weight': 0.6, 'fillOpacity': 1.0}))
    rivers = basemap.rivers().clip(fine_box, simplify=tol)
    if len(rivers):
        out.append((water.get_name(), geojson_text(rivers), {'color': style.RIVER, 'weight': 1.6, 'opacity': 0.9}))
    admin = basemap.admin1_lines().clip(fine_box, simplify=tol)
    if len(admin):
        grp = folium.FeatureGroup(name=words['overlay_admin'], overlay=True).add_to(fmap)
        out.append((grp.get_name(), geojson_text(admin), {'color': '#a8a8a8', 'weight': 1.0, 'dashArray': '5 3'}))
    return out
