"""Result -> one self-contained interactive HTML map (folium): opens offline, e.g. from an e-mail.

Leaflet is inlined from its registry package (web.py; no jQuery is needed); the basemap is Natural
Earth embedded as GeoJSON (html_basemap.py): coarse countries for the world, finer countries,
lakes, rivers and province boundaries around the document's focus.  Online tile layers
(OpenStreetMap and others) are offered in the layer control, off by default: the page asks the
network for nothing unless the reader picks one.

Markers show a place's type (symbol and colour), its mentions (size) and the resolver's confidence
(opacity); markers that share a spot are spread round it with a leader, so none hides another;
approximate places get a faint dashed circle of their uncertainty, under the labels, whose light
backdrop masks it (a circle's edge never runs through a name); countries and admin areas the text
names are outlined.  A list of the places beside the map zooms to one on click
(html_panel.py); each place's popup shows the sentences that name it (html_popup.py).

Every string that comes from a document or a gazetteer (names, sentences, titles, ids) goes through
`web.safe()`: HTML-escaped and neutralised for the JS template literals folium wraps popups and
tooltips in.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..model import Place, Result
from ..placetypes import AREA_TYPES, WIDE_AREAS
from . import basemap, style
from .extent import bounds, circle_box, plan as make_plan
from .html_basemap import basemap_layers, geojson
from .html_panel import legend, panel, symbol_svg
from .html_popup import popup_html
from .web import assets, inline, safe, script_json

TILE_LAYERS = (  # name, URL template, attribution: online extras, never shown by default
    ('OpenStreetMap (online)', 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
     '&copy; OpenStreetMap contributors'),
    ('OpenTopoMap (online)', 'https://tile.opentopomap.org/{z}/{x}/{y}.png',
     'Map data &copy; OpenStreetMap contributors, SRTM | Map style &copy; OpenTopoMap (CC-BY-SA)'),
)
FOCUS_ZOOM = {'city': 11, 'town': 12, 'village': 13, 'neighbourhood': 14, 'landmark': 15, 'facility': 15,
              'airport': 13, 'oilfield': 12, 'camp': 14, 'crossing': 14, 'water': 10, 'mountain': 11,
              'admin2': 9, 'admin1': 8, 'region': 6, 'country': 5, 'continent': 3}


def _marker_px(p: Place) -> float:
    return style.size_pt(p) * 1.45 * style.MARKER_SCALE.get(style.marker(p.type), 1.0) + (4 if p.type in WIDE_AREAS else 0)


# --- the page ------------------------------------------------------------------------------------

CSS = '\n.leaflet-container { background: ' + style.WATER + '; }' + """
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
.leaflet-tooltip.geo-label { background: rgba(255,255,255,.88); border: 0; border-radius: 3px; box-shadow: none;
  padding: 0 3px; font-weight: 600; font-size: 12px; color: #1a1a1a; text-shadow: 0 0 2px #fff, 0 0 3px #fff; }
.geo-leader { position: absolute; left: 0; top: 0; overflow: visible; pointer-events: none; }
.geo-place > svg:last-child { position: absolute; left: 0; top: 0; }
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
  function icon(p, dx, dy) {
    // a symbol moved aside (another one sits at its spot) keeps a short leader to its true point
    var html = p.svg;
    if (dx || dy) {
      html = '<svg class="geo-leader" width="' + p.s + '" height="' + p.s + '"><line x1="' + p.s / 2 + '" y1="' + p.s / 2
        + '" x2="' + (p.s / 2 - dx) + '" y2="' + (p.s / 2 - dy) + '" stroke="#777" stroke-width="1"/></svg>' + html;
    }
    return L.divIcon({html: html, iconSize: [p.s, p.s], iconAnchor: [p.s / 2 - dx, p.s / 2 - dy], className: p.cls,
                      tooltipAnchor: [dx, dy], popupAnchor: [dx, dy]});
  }
  places.forEach(function (p) {
    var m = L.marker([p.lat, p.lon], {icon: icon(p, 0, 0), keyboard: false, riseOnHover: true});
    m.bindTooltip(p.tip, p.perm ? {permanent: true, direction: %(dir)s, offset: [%(sign)s(p.s / 2 + 2), 0],
                                    className: 'geo-label'} : {direction: 'top', offset: [0, -p.s / 2]});
    m.bindPopup(p.pop, {maxWidth: 380});
    m.addTo(group);
    markers.push(m);
  });
  // a symbol never hides another: at each zoom, in spread_order's order (located places and
  // bigger types first), a marker that would fall on one placed before it goes to the first free
  // slot on a small ring around that one (away from its label first, never under a name), with a
  // leader
  var slots = %(slots)s;
  function onLabel(x, y, s) {       // would a symbol at (x, y) sit under a name?
    var c = map.getContainer().getBoundingClientRect();
    return [].some.call(document.querySelectorAll('.leaflet-tooltip.geo-label'), function (e) {
      var b = e.getBoundingClientRect();
      return x + s / 2 > b.left - c.left && x - s / 2 < b.right - c.left && y + s / 2 > b.top - c.top && y - s / 2 < b.bottom - c.top;
    });
  }
  function spread() {
    var done = [];
    %(order)s.forEach(function (i) {
      var p = places[i], m = markers[i], at = map.latLngToContainerPoint([p.lat, p.lon]), dx = 0, dy = 0;
      var free = function (x, y) { return done.every(function (d) { return Math.hypot(d.x - x, d.y - y) >= (d.s + p.s) / 2 + 1; }); };
      if (!free(at.x, at.y)) {
        var hit = done.filter(function (d) { return Math.hypot(d.x - at.x, d.y - at.y) < (d.s + p.s) / 2 + 1; })
          .sort(function (a, b) { return Math.hypot(a.x - at.x, a.y - at.y) - Math.hypot(b.x - at.x, b.y - at.y); })[0];
        search: for (var ring = 0; ring < 3; ring++) {
          for (var k = 0; k < slots.length; k++) {
            var a = (slots[k] + ring * 22.5) * Math.PI / 180, r = hit.s / 2 + p.s / 2 + 5 + ring * (p.s + 3);
            var x = Math.round(hit.x + r * Math.cos(a)), y = Math.round(hit.y - r * Math.sin(a));
            if (free(x, y) && !onLabel(x, y, p.s)) { dx = Math.round(x - at.x); dy = Math.round(y - at.y); break search; }
          }
        }
      }
      done.push({x: at.x + dx, y: at.y + dy, s: p.s});
      if (dx !== (m._geoDx || 0) || dy !== (m._geoDy || 0)) {
        m._geoDx = dx; m._geoDy = dy;
        m.setIcon(icon(p, dx, dy));
        if (m.isTooltipOpen()) { m.getTooltip().update(); }
      }
    });
  }
  // no name covers another name or a symbol: each permanent label, in the same order, takes the
  // first side of its marker where it is clear of the markers and of the labels placed before it;
  // one with no clear side is hidden until its marker is hovered
  var sides = [%(dir)s, %(dir)s === 'left' ? 'right' : 'left', 'top', 'bottom'];
  function offset(side, p) {
    var g = p.s / 2 + 2;
    return side === 'left' ? [-g, 0] : side === 'right' ? [g, 0] : side === 'top' ? [0, -g] : [0, g];
  }
  function hits(b, boxes) {
    return boxes.some(function (o) { return b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom; });
  }
  function declutter() {
    var boxes = markers.filter(function (m) { return m._icon; }).map(function (m) {
      var svg = m._icon.querySelector('svg:last-child') || m._icon;
      return svg.getBoundingClientRect();
    });
    %(order)s.forEach(function (i) {
      var m = markers[i], t = m.getTooltip();
      if (!places[i].perm || !t || !m.isTooltipOpen()) { return; }
      var el = t.getElement(), found = null;
      for (var k = 0; k < sides.length && !found; k++) {
        t.options.direction = sides[k]; t.options.offset = offset(sides[k], places[i]); t.update();
        var b = el.getBoundingClientRect();
        if (!hits(b, boxes)) { found = b; }
      }
      if (!found) { t.options.direction = sides[0]; t.options.offset = offset(sides[0], places[i]); t.update(); }
      m._geoHidden = !found;
      el.style.visibility = found ? '' : 'hidden';
      if (found) { boxes.push(found); }
    });
  }
  markers.forEach(function (m) {
    m.on('mouseover', function () { var t = m.getTooltip(); if (t && t.getElement()) { t.getElement().style.visibility = ''; } });
    m.on('mouseout', function () { var t = m.getTooltip(); if (t && t.getElement() && m._geoHidden) { t.getElement().style.visibility = 'hidden'; } });
  });
  map.on('zoomend', function () { spread(); declutter(); });
  spread();
  declutter();
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
    """The view the page opens on: the focus's points (never their uncertainty circles, which may
    run off it), or the plan's box when the focus is countries only, or the world."""
    points = [result.places[i] for i in plan.main if result.places[i].type not in WIDE_AREAS]
    if plan.world or not points:
        return plan.bounds
    return bounds(points, min_span_deg=0.08, pad=0.25)


def spread_order(places: list[Place]) -> list[int]:
    """The order in which the page places the markers (of points, not wide areas): the one placed
    first keeps its spot, a later one that would hide it is moved aside.  Located places first,
    then the bigger types, then the most mentioned."""
    return sorted((i for i, p in enumerate(places) if p.type not in WIDE_AREAS),
                  key=lambda i: (places[i].approximate, style.TYPE_RANK.get(places[i].type, 9),
                                 -len(places[i].mentions), i))


def _zoom_target(p: Place) -> dict:
    d = {'lat': round(p.lat, 5), 'lon': round(p.lon, 5), 'z': FOCUS_ZOOM.get(p.type, 12)}
    if p.type == 'country':
        shape = basemap.country_shape(p.country)
        if shape is not None and shape.bounds[2] - shape.bounds[0] < 180:
            d['b'] = [round(v, 3) for v in shape.bounds]
    elif p.approximate and p.uncertainty_km > 0:
        d['b'] = [round(v, 5) for v in circle_box(p)]
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
    base_layers = basemap_layers(fmap, box, words)
    for name, url, attr in TILE_LAYERS:
        folium.TileLayer(url, name=name, attr=attr, overlay=False, show=False, control=True, max_zoom=18).add_to(fmap)

    areas = folium.FeatureGroup(name=words['overlay_areas'], overlay=True).add_to(fmap)
    approx = folium.FeatureGroup(name=words['overlay_approx'], overlay=True).add_to(fmap)
    layer = folium.FeatureGroup(name=words['overlay_places'], overlay=True).add_to(fmap)
    labelled = {i for i in plan.main if places[i].type not in AREA_TYPES
                and not places[i].approximate} if not plan.world else set()
    data = []
    used = {}
    outlined = set()        # the types of the places drawn as outlines (for the legend)
    circles = set()
    for i, p in enumerate(places):
        colour = style.colour(p.type)
        label = style.label(p, lang).replace('\n', ' / ')
        geom = basemap.area_shape(p)
        if geom is not None:
            outlined.add(p.type)
            g = geom.simplify(0.01 if p.type == 'country' else 0.003, preserve_topology=True)
            folium.GeoJson(geojson([g]), tooltip=folium.Tooltip(safe(style.area_label(p, lang))),
                           style_function=(lambda f, c=colour, t=p.type: {
                               'color': c, 'weight': 2.0, 'fillColor': c, 'fillOpacity': 0.0 if t == 'country' else 0.05,
                               'dashArray': None if t == 'country' else '6 4'})).add_to(areas)
        key = (round(p.lat, 5), round(p.lon, 5), round(p.uncertainty_km, 2), colour)
        if p.approximate and p.uncertainty_km > 0 and key not in circles:   # places at one parent: one circle
            circles.add(key)
            # faint, under the labels (whose backdrop masks it): a margin of error, not a place
            folium.Circle([p.lat, p.lon], radius=p.uncertainty_km * 1000, color=colour, weight=1.3, opacity=0.6,
                          dash_array='4 4', fill=p.uncertainty_km <= 8, fill_opacity=0.05, interactive=False,
                          class_name='geo-uncertainty').add_to(approx)
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
                           'order': script_json(spread_order(places)),
                           'slots': script_json([0, 270, 90, 315, 45] if rtl else [180, 270, 90, 225, 135]),
                           'credits': script_json(safe(_attribution(result.places)))}
    base_js = BASEMAP_PANE_JS % {'map': fmap.get_name()} + ''.join(
        BASEMAP_JS % {'data': data_text.replace('<', '\\u003c'), 'style': script_json(st), 'group': grp}
        for grp, data_text, st in base_layers)
    page = fmap.get_root().render()
    js, _, css = assets()
    # no jQuery: the page binds its popups itself (folium's own popups would need it)
    head = (f'<meta charset="utf-8">\n<title>{safe(title)}</title>\n' + inline('style', css) + inline('script', js)
            + inline('style', CSS))
    page = page.replace('<head>', '<head>\n' + head, 1)
    body = panel(result, title, lang, words, rtl) + legend(used, places, words, rtl, outlined)
    page = page.replace('<body>', f'<body{" class=geo-rtl" if rtl else ""}>\n' + body, 1)
    at = page.rfind('</html>')          # after folium's script, which defines the map and markers
    page = page[:at] + inline('script', base_js + panel_js) + '\n' + page[at:]
    return page


def _attribution(places: list[Place]) -> str:
    """The short credit in the map's corner (the panel carries the long one)."""
    return ' · '.join(basemap.place_sources(places) + ['Natural Earth', 'GSHHG (LGPL)'])


def write(result: Result, path: str | Path, title: str | None = None, label_lang: str | None = None) -> Path:
    from ..export.files import atomic_write_text
    return atomic_write_text(path, render(result, title, label_lang=label_lang))
