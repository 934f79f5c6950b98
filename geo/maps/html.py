"""Result -> one self-contained interactive HTML map (folium): opens offline, e.g. from an e-mail.

Leaflet is inlined from its registry package (django-js-lib-leaflet; no jQuery is needed);
the basemap is Natural Earth embedded as GeoJSON: coarse countries for the world, finer countries,
lakes, rivers and province boundaries around the document's focus.  Online tile layers
(OpenStreetMap and others) are offered in the layer control, off by default: the page asks the
network for nothing unless the reader picks one.

Markers show a place's type (symbol and colour), its mentions (size) and the resolver's confidence
(opacity); approximate places get a dashed circle of their uncertainty; countries and admin areas
the text names are outlined.  A list of the places beside the map zooms to one on click.

Every string that comes from a document or a gazetteer (names, sentences, titles, ids) goes through
`safe()`: HTML-escaped and neutralised for the JS template literals folium wraps popups and
tooltips in.  Helpers reused by the combined (batch) map: `safe`, `assets()` (alias `_assets`),
`_inline`, `TYPE_COLOURS`.
"""
from __future__ import annotations

import base64
import html
import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..model import Place, Result
from . import basemap, style
from .extent import AREAS, bounds, plan as make_plan
from .style import TYPE_COLOURS  # noqa: F401  (re-exported: other map modules import it from here)

TILE_LAYERS = (  # name, URL template, attribution: online extras, never shown by default
    ('OpenStreetMap (online)', 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
     '&copy; OpenStreetMap contributors'),
    ('OpenTopoMap (online)', 'https://tile.opentopomap.org/{z}/{x}/{y}.png',
     'Map data &copy; OpenStreetMap contributors, SRTM | Map style &copy; OpenTopoMap (CC-BY-SA)'),
)
FOCUS_ZOOM = {'city': 11, 'town': 12, 'village': 13, 'neighbourhood': 14, 'landmark': 15, 'facility': 15,
              'airport': 13, 'oilfield': 12, 'camp': 14, 'crossing': 14, 'water': 10, 'mountain': 11,
              'admin2': 9, 'admin1': 8, 'region': 6, 'country': 5, 'continent': 3}


def safe(text) -> str:
    """HTML-escape text for an attribute or element, and neutralise what the layers around it would
    interpret: backticks, ${ and backslashes (folium puts popups and tooltips in JS template
    literals) and braces (folium renders popups and tooltips as Jinja templates: "{{ 7*7 }}" in a
    document would print 49, and worse)."""
    return (html.escape(str(text), quote=True).replace('\\', '&#92;').replace('`', '&#96;').replace('$', '&#36;')
            .replace('{', '&#123;').replace('}', '&#125;'))


def script_json(data) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' left raw."""
    return (json.dumps(data, ensure_ascii=False, separators=(',', ':'))
            .replace('<', '\\u003c').replace('>', '\\u003e').replace('&', '\\u0026')
            .replace('\u2028', '\\u2028').replace('\u2029', '\\u2029'))


@lru_cache(maxsize=1)
def assets() -> tuple[str, str, str]:
    """(leaflet.js, jquery.min.js, leaflet.css with its images as data: URIs) from the packages."""
    import js_lib_leaflet
    import xstatic.pkg.jquery as xq

    leaf = Path(js_lib_leaflet.__file__).parent / 'static' / 'js_lib_leaflet'
    css = (leaf / 'leaflet.css').read_text(encoding='utf-8')

    def data_uri(m: re.Match) -> str:
        img = leaf / m.group(1)
        if not img.exists():
            return 'url()'
        return 'url(data:image/png;base64,' + base64.b64encode(img.read_bytes()).decode() + ')'

    css = re.sub(r'url\((images/[^)]+)\)', data_uri, css)
    js = (leaf / 'leaflet.js').read_text(encoding='utf-8')
    jq = (Path(xq.BASE_DIR) / 'jquery.min.js').read_text(encoding='utf-8')
    return js, jq, css


_assets = assets   # the name other modules have used


def _inline(tag: str, body: str) -> str:
    if tag == 'script':
        body = body.replace('</', '<\\/')
    return f'<{tag}>\n{body}\n</{tag}>'


# --- symbols -------------------------------------------------------------------------------------

def symbol_svg(place_type: str, size: float, colour: str | None = None, hollow: bool = False,
               opacity: float = 1.0) -> str:
    """An inline SVG of a type's symbol (the same shapes as the static maps)."""
    colour = colour or style.colour(place_type)
    shape = style.SHAPES.get(style.marker(place_type), 'circle')
    s = max(6.0, size)
    c = s / 2
    r = c - 1.2
    fill, stroke = ('#ffffff', colour) if hollow else (colour, '#ffffff')
    if shape == 'circle':
        body = f'<circle cx="{c:.1f}" cy="{c:.1f}" r="{r:.1f}"/>'
    elif shape == 'square':
        body = f'<rect x="{c - r * 0.85:.1f}" y="{c - r * 0.85:.1f}" width="{r * 1.7:.1f}" height="{r * 1.7:.1f}"/>'
    else:
        n, inner, rot = {'triangle': (3, None, -90), 'triangle-down': (3, None, 90), 'diamond': (4, None, -90),
                         'pentagon': (5, None, -90), 'hexagon': (6, None, 0), 'star': (5, 0.45, -90),
                         'cross': (4, 0.38, -45)}.get(shape, (20, None, 0))
        pts = []
        steps = n * 2 if inner else n
        for k in range(steps):
            rad = r if not inner or k % 2 == 0 else r * inner
            a = math.radians(rot + 360.0 * k / steps)
            pts.append(f'{c + rad * math.cos(a):.1f},{c + rad * math.sin(a):.1f}')
        body = f'<polygon points="{" ".join(pts)}"/>'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{s:.0f}" height="{s:.0f}" viewBox="0 0 {s:.1f} {s:.1f}" '
            f'style="opacity:{opacity:.2f};overflow:visible"><g fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{1.6 if hollow else 1.2}">{body}</g></svg>')


def _marker_px(p: Place) -> float:
    return style.size_pt(p) * 1.45 * style.MARKER_SCALE.get(style.marker(p.type), 1.0) + (4 if p.type in AREAS else 0)


# --- popups --------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _country_names() -> dict[str, tuple[str, str]]:
    df = basemap.countries()
    return {iso: (n, a) for iso, n, a in zip(df.iso2, df.name, df.name_ar) if iso}


def _snippet(result: Result, k: int, width: int = 170) -> tuple[str, str, str]:
    m = result.mentions[k]
    s0, s1 = m.sentence
    if s1 <= s0 or not (s0 <= m.start and m.end <= s1):
        s0, s1 = max(0, m.start - width), min(len(result.text), m.end + width)
    before, name, after = result.text[s0:m.start], result.text[m.start:m.end], result.text[m.end:s1]
    if len(before) > width:
        before = '… ' + before[-width:].lstrip()
    if len(after) > width:
        after = after[:width].rstrip() + ' …'
    return before.strip('\n'), name, after.strip('\n')


def popup_html(result: Result, i: int, lang: str | None = None) -> str:
    """The popup of place i: names, type, country and area, coordinates, confidence, and each
    mention's sentence with the name highlighted (right to left when Arabic)."""
    p = result.places[i]
    lang = style.resolve_label_lang(lang, result.lang)
    words = style.WORDS[style.legend_lang(lang)]
    names = _country_names()
    ui_rtl = style.legend_lang(lang) == 'ar'
    out = [f'<div class="geo-pop" dir="{"rtl" if ui_rtl else "ltr"}">']
    if p.name_ar and p.name_ar != p.name:
        out.append(f'<div class="geo-pop-name" dir="rtl" lang="ar">{safe(p.name_ar)}</div>')
    out.append(f'<div class="geo-pop-name" dir="auto">{safe(p.name)}</div>')
    where = []
    if p.admin1 and p.type not in ('admin1', 'country'):
        where.append(p.admin1)
    if p.country and p.type != 'country':
        en, ar = names.get(p.country.upper(), (p.country, ''))
        where.append(ar if style.legend_lang(lang) == 'ar' and ar else en)
    meta = style.type_name(p.type, lang) + (' · ' + ('، ' if ui_rtl else ', ').join(where) if where else '')
    out.append(f'<div class="geo-pop-meta">{safe(meta)}</div>')
    conf = round(100 * max(0.0, min(1.0, p.confidence)))
    out.append(f'<div class="geo-pop-meta"><span dir="ltr">{p.lat:.4f}, {p.lon:.4f}</span> · '
               f'{safe(words["confidence"])}: <span dir="ltr">{conf}%</span></div>')
    if p.approximate:
        km = f'{p.uncertainty_km:.0f}' if p.uncertainty_km >= 1 else f'{p.uncertainty_km:.1f}'
        out.append(f'<div class="geo-pop-approx">{safe(words["approx_within"].format(km=km))}</div>')
    if p.mentions:
        out.append(f'<div class="geo-pop-head">{safe(words["in_text"])} ({len(p.mentions)})</div><ol class="geo-pop-sent">')
        for k in p.mentions[:6]:
            if not 0 <= k < len(result.mentions):
                continue
            before, name, after = _snippet(result, k)
            ar = style.has_arabic(before + name + after)
            out.append(f'<li dir="{"rtl" if ar else "ltr"}"{" lang=ar" if ar else ""}>'
                       f'{safe(before)}<mark>{safe(name)}</mark>{safe(after)}</li>')
        out.append('</ol>')
        if len(p.mentions) > 6:
            out.append(f'<div class="geo-pop-meta">+{len(p.mentions) - 6} {safe(words["more"])}</div>')
    out.append('</div>')
    return ''.join(out)


# --- basemap as GeoJSON --------------------------------------------------------------------------

def _geojson(geoms, precision: int = 4) -> dict:
    """A FeatureCollection of shapely geometries (lon/lat), coordinates rounded."""
    return json.loads(_geojson_text(geoms, precision))


def _geojson_text(geoms, precision: int = 4) -> str:
    import shapely
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms):
        geoms = geoms[~shapely.is_empty(geoms)]
    if not len(geoms):
        return '{"type":"FeatureCollection","features":[]}'
    texts = shapely.to_geojson(shapely.transform(geoms, lambda c: np.round(c, precision)))
    return ('{"type":"FeatureCollection","features":['
            + ','.join('{"type":"Feature","properties":{},"geometry":' + t + '}' for t in texts) + ']}')


def _basemap_layers(fmap, focus_box, words) -> list[tuple[str, str, dict]]:
    """Countries (coarse for the world, finer around the focus), lakes, rivers, admin lines: the
    layer control's groups are folium's; the GeoJSON itself goes to the page's own script as
    (group variable, GeoJSON text, Leaflet style), which is much cheaper than folium's per-feature
    styling of a few hundred country outlines."""
    import folium
    import shapely

    w, s, e, n = focus_box
    cx, cy = (w + e) / 2, (s + n) / 2
    hw, hh = max((e - w) * 1.6, 2.0), max((n - s) * 1.6, 1.5)
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
    out = [(base.get_name(), _geojson_text(np.concatenate([world, fine]), 3 if tol > 0.01 else 4),
            {'fillColor': '#f3f0e8', 'stroke': False, 'fillOpacity': 1.0}),
           (base.get_name(), _geojson_text(lines, 4), {'color': '#9a9a9a', 'weight': 0.9, 'opacity': 1.0})]
    lakes = basemap.lakes().clip(fine_box, simplify=tol)
    if len(lakes):
        out.append((water.get_name(), _geojson_text(lakes),
                    {'fillColor': '#d6e6f2', 'color': '#8fb4d6', 'weight': 0.6, 'fillOpacity': 1.0}))
    rivers = basemap.rivers().clip(fine_box, simplify=tol)
    if len(rivers):
        out.append((water.get_name(), _geojson_text(rivers), {'color': '#7fa9d1', 'weight': 1.6, 'opacity': 0.9}))
    admin = basemap.admin1_lines().clip(fine_box, simplify=tol)
    if len(admin):
        grp = folium.FeatureGroup(name=words['overlay_admin'], overlay=True).add_to(fmap)
        out.append((grp.get_name(), _geojson_text(admin), {'color': '#a8a8a8', 'weight': 1.0, 'dashArray': '5 3'}))
    return out


# --- the page ------------------------------------------------------------------------------------

CSS = """
.leaflet-container { background: #d6e6f2; }
html, body { margin: 0; height: 100%; font: 13px/1.35 'Noto Sans', 'Noto Sans Arabic', 'Segoe UI', Tahoma, Arial, sans-serif; }
.folium-map { position: absolute !important; top: 0; bottom: 0; left: 290px !important; right: 0; width: auto !important; height: auto !important; }
body.geo-rtl .folium-map { left: 0 !important; right: 290px !important; }
#geo-panel { position: absolute; top: 0; bottom: 0; left: 0; width: 290px; overflow-y: auto; box-sizing: border-box;
  padding: 10px 12px; background: #fbfaf7; border-right: 1px solid #ddd; z-index: 1000; }
body.geo-rtl #geo-panel { left: auto; right: 0; border-right: 0; border-left: 1px solid #ddd; }
#geo-panel h1 { font-size: 16px; margin: 0 0 2px; word-wrap: break-word; }
#geo-panel .geo-sub { color: #666; font-size: 12px; margin-bottom: 6px; }
#geo-panel .geo-hint { color: #888; font-size: 11px; margin: 4px 0 8px; }
#geo-panel h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #777; margin: 12px 0 4px; }
#geo-panel ul { list-style: none; margin: 0; padding: 0; }
#geo-panel li.geo-item { display: flex; align-items: center; gap: 7px; padding: 4px 4px; border-radius: 4px; cursor: pointer; }
#geo-panel li.geo-item:hover, #geo-panel li.geo-item:focus { background: #eee9dd; outline: none; }
#geo-panel .geo-sym { flex: 0 0 20px; display: flex; justify-content: center; }
#geo-panel .geo-txt { flex: 1; min-width: 0; }
#geo-panel .geo-nm { font-weight: 600; }
#geo-panel .geo-ty { color: #777; font-size: 11px; }
#geo-panel .geo-ct { color: #999; font-size: 11px; }
#geo-panel li.geo-unres { color: #888; padding: 2px 4px; }
.geo-legend { background: rgba(255,255,255,.92); padding: 6px 9px; border-radius: 5px; box-shadow: 0 1px 4px rgba(0,0,0,.25); font-size: 12px; max-width: 240px; }
.geo-legend div { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.geo-legend .geo-legend-h { font-weight: 600; margin-bottom: 4px; }
.geo-pop { max-width: 340px; }
.geo-pop-name { font-weight: 700; font-size: 14px; }
.geo-pop-meta { color: #555; font-size: 12px; }
.geo-pop-approx { color: #8a4b08; font-style: italic; font-size: 12px; }
.geo-pop-head { margin-top: 6px; font-weight: 600; font-size: 12px; }
.geo-pop-sent { margin: 2px 0 0; padding-inline-start: 18px; max-height: 180px; overflow-y: auto; font-size: 12px; }
.geo-pop-sent li { margin: 3px 0; }
.geo-pop mark { background: #ffe37a; padding: 0 1px; }
.geo-place { background: none; border: 0; }
.leaflet-tooltip.geo-label { background: transparent; border: 0; box-shadow: none; padding: 0; font-weight: 600; font-size: 12px;
  color: #1a1a1a; text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; }
.leaflet-tooltip.geo-label::before { display: none; }
"""

# the basemap goes in a pane of its own under the overlays (named areas, circles, markers), which
# folium's script has already added by the time this one runs
BASEMAP_PANE_JS = "%(map)s.createPane('geo-base').style.zIndex = 350;\n"
BASEMAP_JS = ("L.geoJSON(%(data)s, {style: %(style)s, interactive: false, smoothFactor: 0.6, pane: 'geo-base'})"
              ".addTo(%(group)s);\n")

PANEL_JS = """
(function () {
  var map = %(map)s, group = %(group)s, places = %(places)s, markers = [];
  // one marker per place: its symbol, its name (always shown in the focus, on hover elsewhere)
  // and its popup; every string in `places` was escaped on the Python side
  places.forEach(function (p) {
    var icon = L.divIcon({html: p.svg, iconSize: [p.s, p.s], iconAnchor: [p.s / 2, p.s / 2], className: p.cls});
    var m = L.marker([p.lat, p.lon], {icon: icon, keyboard: false, riseOnHover: true});
    m.bindTooltip(p.tip, p.perm ? {permanent: true, direction: %(dir)s, offset: [%(sign)s(p.s / 2 + 2), 0],
                                    className: 'geo-label'} : {direction: 'top', offset: [0, -p.s / 2]});
    m.bindPopup(p.pop, {maxWidth: 380});
    m.addTo(group);
    markers.push(m);
  });
  function go(i) {
    var p = places[i], m = markers[i];
    if (p.b) { map.fitBounds([[p.b[1], p.b[0]], [p.b[3], p.b[2]]], {maxZoom: p.z}); }
    else { map.setView([p.lat, p.lon], Math.max(map.getZoom(), p.z)); }
    if (m) { setTimeout(function () { m.openPopup(); }, 250); }
  }
  var items = document.querySelectorAll('#geo-panel li.geo-item');
  for (var k = 0; k < items.length; k++) {
    items[k].addEventListener('click', function () { go(+this.getAttribute('data-i')); });
    items[k].addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); go(+this.getAttribute('data-i')); } });
  }
  window.geoZoomTo = go;
  map.attributionControl.addAttribution(%(credits)s);
})();
"""


def _fit_box(result: Result, plan) -> tuple[float, float, float, float]:
    """The view the page opens on: the focus's points (their circles included), or the plan's box
    when the focus is countries only, or the world."""
    points = [result.places[i] for i in plan.main if result.places[i].type not in AREAS]
    if plan.world or not points:
        return plan.bounds
    return bounds(points, min_span_deg=0.08, pad=0.25)


def _zoom_target(p: Place) -> dict:
    d = {'lat': round(p.lat, 5), 'lon': round(p.lon, 5), 'z': FOCUS_ZOOM.get(p.type, 12)}
    if p.type == 'country':
        shape = basemap.country_shape(p.country)
        if shape is not None and shape.bounds[2] - shape.bounds[0] < 180:
            d['b'] = [round(v, 3) for v in shape.bounds]
    elif p.approximate and p.uncertainty_km > 0:
        dy = p.uncertainty_km / 110.57
        dx = p.uncertainty_km / (111.32 * max(0.05, math.cos(math.radians(p.lat))))
        d['b'] = [round(p.lon - dx, 5), round(p.lat - dy, 5), round(p.lon + dx, 5), round(p.lat + dy, 5)]
        d['z'] = 16
    return d


def render(result: Result, title: str | None = None, label_lang: str | None = None) -> str:
    import folium

    lang = style.resolve_label_lang(label_lang, result.lang)
    ui = style.legend_lang(lang)
    words = style.WORDS[ui]
    rtl = ui == 'ar'
    title = title if title else result.id
    places = result.places
    plan = make_plan(result)
    box = _fit_box(result, plan)

    fmap = folium.Map(tiles=None, prefer_canvas=False, control_scale=True, zoom_control=True,
                      world_copy_jump=True, min_zoom=2)
    fmap.default_js, fmap.default_css = [], []
    base_layers = _basemap_layers(fmap, box, words)
    for name, url, attr in TILE_LAYERS:
        folium.TileLayer(url, name=name, attr=attr, overlay=False, show=False, control=True, max_zoom=18).add_to(fmap)

    areas = folium.FeatureGroup(name=words['overlay_areas'], overlay=True).add_to(fmap)
    approx = folium.FeatureGroup(name=words['overlay_approx'], overlay=True).add_to(fmap)
    layer = folium.FeatureGroup(name=words['overlay_places'], overlay=True).add_to(fmap)
    labelled = {i for i in plan.main if places[i].type not in AREAS | {'admin1', 'admin2'}
                and not places[i].approximate} if not plan.world else set()
    data = []
    used = {}
    circles = set()
    for i, p in enumerate(places):
        colour = style.colour(p.type)
        label = style.label(p, lang).replace('\n', ' / ')
        geom = None
        if p.type == 'country':
            geom = basemap.country_shape(p.country)
        elif p.type == 'admin1' and p.country:
            geom = basemap.admin_area_at(p.lon, p.lat, p.country)
        if geom is not None:
            g = geom.simplify(0.01 if p.type == 'country' else 0.003, preserve_topology=True)
            folium.GeoJson(_geojson([g]), tooltip=folium.Tooltip(safe(style.area_label(p, lang))),
                           style_function=(lambda f, c=colour, t=p.type: {
                               'color': c, 'weight': 2.0, 'fillColor': c, 'fillOpacity': 0.0 if t == 'country' else 0.05,
                               'dashArray': None if t == 'country' else '6 4'})).add_to(areas)
        key = (round(p.lat, 5), round(p.lon, 5), round(p.uncertainty_km, 2), colour)
        if p.approximate and p.uncertainty_km > 0 and key not in circles:   # places at one parent: one circle
            circles.add(key)
            folium.Circle([p.lat, p.lon], radius=p.uncertainty_km * 1000, color=colour, weight=2, dash_array='6 5',
                          fill=p.uncertainty_km <= 20, fill_opacity=0.06, interactive=False).add_to(approx)
        size = round(_marker_px(p))
        data.append(dict(_zoom_target(p), s=size, tip=safe(label), perm=i in labelled, pop=popup_html(result, i, lang),
                         svg=symbol_svg(p.type, size, colour, hollow=p.approximate, opacity=style.alpha(p)),
                         cls=f'geo-place geo-type-{re.sub(r"[^a-z0-9]", "", p.type.lower()) or "x"}'))
        used.setdefault(p.type, False)
        used[p.type] = used[p.type] or p.approximate
    folium.LayerControl(collapsed=True, position='topright').add_to(fmap)
    w, s, e, n = box
    # room for the legend, which sits in the bottom corner away from the list
    legend_pad, other = (260, 40), (40, 40)
    fmap.fit_bounds([[s, w], [n, e]], padding_top_left=legend_pad if rtl else other,
                    padding_bottom_right=other if rtl else legend_pad)

    # Our own markup goes into the rendered page as plain strings, never through folium.Element:
    # that would compile it as a Jinja template, and "{{ ... }}" in a document would be evaluated.
    panel_js = PANEL_JS % {'map': fmap.get_name(), 'group': layer.get_name(), 'places': script_json(data),
                           'dir': "'left'" if rtl else "'right'", 'sign': '-' if rtl else '',
                           'credits': script_json(safe(_attribution(result.places)))}
    base_js = BASEMAP_PANE_JS % {'map': fmap.get_name()} + ''.join(BASEMAP_JS % {'data': data_text.replace('<', '\\u003c'), 'style': script_json(st), 'group': grp}
                      for grp, data_text, st in base_layers)
    page = fmap.get_root().render()
    js, _, css = assets()
    # no jQuery: the page binds its popups itself (folium's own popups would need it)
    head = (f'<meta charset="utf-8">\n<title>{safe(title)}</title>\n' + _inline('style', css) + _inline('script', js)
            + _inline('style', CSS))
    page = page.replace('<head>', '<head>\n' + head, 1)
    body = _panel(result, title, lang, words, rtl) + _legend(used, places, words, rtl)
    page = page.replace('<body>', f'<body{" class=geo-rtl" if rtl else ""}>\n' + body, 1)
    at = page.rfind('</html>')          # after folium's script, which defines the map and markers
    page = page[:at] + _inline('script', base_js + panel_js) + '\n' + page[at:]
    return page


def _attribution(places: list[Place]) -> str:
    """The short credit in the map's corner (the panel carries the long one)."""
    return ' · '.join(basemap.place_sources(places) + ['Natural Earth', 'GSHHG (LGPL)'])


def _panel(result: Result, title: str, lang: str, words: dict, rtl: bool) -> str:
    places = result.places
    names = _country_names()
    order = sorted(range(len(places)), key=lambda i: (-len(places[i].mentions), style.TYPE_RANK.get(places[i].type, 9), i))
    n = len(places)
    if rtl:
        sub = f'الأماكن: {n}'
    else:
        sub = f'{n} place{"s" if n != 1 else ""}'
    unresolved = result.unresolved
    items = []
    for i in order:
        p = places[i]
        label = style.label(p, lang).replace('\n', ' / ')
        kind = style.type_name(p.type, lang)
        if p.country and p.type != 'country':
            en, ar = names.get(p.country.upper(), (p.country, ''))
            kind += ' · ' + (ar if rtl and ar else en)
        if p.approximate:
            kind += ' · ≈'
        sym = symbol_svg(p.type, 14, hollow=p.approximate, opacity=style.alpha(p))
        items.append(f'<li class="geo-item" tabindex="0" role="button" data-i="{i}"><span class="geo-sym">{sym}</span>'
                     f'<span class="geo-txt"><span class="geo-nm" dir="auto">{safe(label)}</span><br>'
                     f'<span class="geo-ty">{safe(kind)}</span></span>'
                     f'<span class="geo-ct" title="{safe(words["mentions"])}">{len(p.mentions)}</span></li>')
    out = [f'<div id="geo-panel" dir="{"rtl" if rtl else "ltr"}"><h1 dir="auto">{safe(title)}</h1>',
           f'<div class="geo-sub">{safe(sub)}</div><div class="geo-hint">{safe(words["list_hint"])}</div>',
           f'<ul id="geo-list">{"".join(items)}</ul>']
    if unresolved:
        seen = []
        for m in unresolved:
            if m.surface not in seen:
                seen.append(m.surface)
        out.append(f'<h2>{safe(words["not_located"])}</h2><ul>')
        out += [f'<li class="geo-unres" dir="auto">{safe(s)}</li>' for s in seen[:40]]
        out.append('</ul>')
    out.append(f'<p class="geo-ty" dir="ltr">{safe(basemap.credits(None, places))}</p></div>')
    return ''.join(out)


def _legend(used: dict, places: list[Place], words: dict, rtl: bool) -> str:
    lang = 'ar' if rtl else 'en'
    rows = [f'<div class="geo-legend-h">{safe(words["legend"])}</div>']
    for t in sorted(used, key=lambda t: style.TYPE_RANK.get(t, 9)):
        rows.append(f'<div>{symbol_svg(t, 14)}<span>{safe(style.type_name(t, lang))}</span></div>')
    if any(p.approximate and p.uncertainty_km > 0 for p in places):
        rows.append('<div><svg width="16" height="16"><circle cx="8" cy="8" r="6.5" fill="none" stroke="#555" '
                    f'stroke-dasharray="3 2" stroke-width="1.4"/></svg><span>{safe(words["approximate"])}</span></div>')
    if any(p.type in ('country', 'admin1') for p in places):
        rows.append('<div><svg width="16" height="12"><rect x="1" y="1" width="14" height="10" fill="#1f78b411" '
                    f'stroke="#1f78b4" stroke-dasharray="4 2" stroke-width="1.4"/></svg><span>{safe(words["named_area"])}</span></div>')
    rows.append(f'<div><svg width="16" height="12"><circle cx="4" cy="6" r="3" fill="#999"/><circle cx="12" cy="6" r="4.5" '
                f'fill="#999"/></svg><span>{safe(words["mentions"])} ↑</span></div>')
    if any(p.confidence < 0.6 for p in places):
        rows.append(f'<div>{symbol_svg("city", 14, opacity=0.4)}<span>{safe(words["low_confidence"])}</span></div>')
    side = 'left' if rtl else 'right'
    return (f'<div class="geo-legend" dir="{"rtl" if rtl else "ltr"}" style="position:absolute;bottom:50px;'
            f'{side}:10px;z-index:1000">{"".join(rows)}</div>')


def write(result: Result, path: str | Path, title: str | None = None, label_lang: str | None = None) -> Path:
    from ..export.files import atomic_write_text
    return atomic_write_text(path, render(result, title, label_lang=label_lang))
