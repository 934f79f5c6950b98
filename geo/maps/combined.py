"""The combined map of a corpus (`geo batch`): one marker per place, its area proportional to the
number of documents that name it.

- HTML: self-contained like the single-document map (Leaflet inlined, Natural Earth outlines,
  no network), places embedded as JSON and drawn by a small script that builds every popup with
  textContent (no document string is ever parsed as HTML); a date filter when documents carry
  dates.
- PNG: geopandas + matplotlib on Natural Earth countries, the most-named places labelled, a size
  legend and the credits.

Both read only the per-place aggregate of geo.batch.outputs (one entry per distinct place)."""
from __future__ import annotations

import json
import math
from pathlib import Path

from gazetteer.geodesy import km_matrix

from ..placetypes import WIDE_AREAS
from . import fonts, style
from .basemap import countries_simplified, credits
from .style import LAND, SCREEN_BORDER, WATER, colour_legend
from .web import assets, inline, safe, script_json

MAX_RADIUS_PX = 28.0
MIN_RADIUS_PX = 3.0


def view(places: list, radius_km: float = 1200.0, pad: float = 0.12,
         min_span: float = 2.0) -> tuple[float, float, float, float]:
    """(west, south, east, north) around where the documents are: the densest cluster of points
    weighted by documents (a point with the most document-weight within radius_km, and every
    point within twice that), between the 2nd and 98th weighted percentiles, so that a few
    far-off mentions do not zoom the map out to the world.  Countries count only when there is
    nothing else."""
    import numpy as np

    pts = [p for p in places if p.type not in WIDE_AREAS] or list(places)
    if not pts:
        return (-170.0, -58.0, 180.0, 80.0)
    lat = np.array([p.lat for p in pts])
    lon = np.array([p.lon for p in pts])
    w = np.array([float(p.docs) for p in pts])
    cand = np.argsort(-w)[:300]

    def km(i):      # from point i to every point (one row at a time: a corpus has many places)
        return km_matrix(lat[i:i + 1], lon[i:i + 1], lat, lon)[0]

    support = [float(w[km(i) <= radius_km].sum()) for i in cand]
    centre = int(cand[int(np.argmax(support))])
    keep = km(centre) <= 2 * radius_km
    la, lo, ww = lat[keep], lon[keep], w[keep]

    def quantiles(v, q):
        order = np.argsort(v)
        cum = np.cumsum(ww[order]) / ww.sum()
        return [float(v[order][min(len(v) - 1, int(np.searchsorted(cum, x)))]) for x in q]

    w0, e0 = quantiles(lo, (0.02, 0.98))
    s0, n0 = quantiles(la, (0.02, 0.98))
    cx, cy = (w0 + e0) / 2, (s0 + n0) / 2
    hw = max((e0 - w0) * (1 + pad) / 2, min_span / 2)
    hh = max((n0 - s0) * (1 + pad) / 2, min_span / 2)
    return max(-180.0, cx - hw), max(-85.0, cy - hh), min(180.0, cx + hw), min(85.0, cy + hh)


def fit_aspect(box, width_in: float, height_in: float) -> tuple[float, float, float, float]:
    """Grow the box (lon/lat degrees) so that it fills an axes of that shape without distortion."""
    w, s, e, n = box
    k = max(0.2, math.cos(math.radians((s + n) / 2)))   # degrees of longitude per degree of latitude, on paper
    want = width_in / height_in
    have = (e - w) * k / max(1e-9, n - s)
    cx, cy = (w + e) / 2, (s + n) / 2
    if have < want:   # too tall: widen
        hw = (n - s) * want / k / 2
        w, e = cx - hw, cx + hw
    else:             # too wide: heighten
        hh = (e - w) * k / want / 2
        s, n = cy - hh, cy + hh
    if n > 85:
        s, n = s - (n - 85), 85.0
    if s < -85:
        s, n = -85.0, min(85.0, n + (-85 - s))
    return max(-180.0, w), max(-85.0, s), min(180.0, e), min(85.0, n)


def _summary(agg) -> str:
    days = sorted(agg.days)
    span = f' · {days[0]} – {days[-1]}' if days else ''
    return f'{agg.documents} documents · {len(agg.places)} places{span}'


# ---- HTML -------------------------------------------------------------------------------------
def _data(agg, lang: str) -> dict:
    places = sorted(agg.places.values(), key=lambda p: -p.docs)   # big first, small drawn on top
    rows = []
    for p in places:
        rows.append({
            'lat': round(p.lat, 5), 'lon': round(p.lon, 5), 'label': style.label(p, lang), 'name': p.name,
            'name_ar': p.name_ar, 'type': p.type, 'country': p.country, 'admin1': p.admin1,
            'colour': style.colour(p.type), 'docs': p.docs, 'mentions': p.mentions,
            'approx': p.approximate, 'days': p.days, 'undated': p.undated,
            'samples': [{'id': s[0], 'title': s[1], 'date': s[2], 'url': s[3], 'names': s[4], 'day': s[5]}
                        for s in p.samples],
        })
    days = sorted(agg.days)
    return {'places': rows, 'first': days[0] if days else None, 'last': days[-1] if days else None,
            'rtl': lang == 'ar', 'documents': agg.documents}


_SCRIPT = r"""
(function () {
  var D = JSON.parse(document.getElementById('geo-corpus-data').textContent);
  var map = %(map)s;
  var layer = L.featureGroup().addTo(map);
  var MAXR = %(maxr)s, MINR = %(minr)s;
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }
  function count(p, from, to, undated) {
    if (!from && !to) return p.docs;
    var n = undated ? p.undated : 0;
    for (var d in p.days) if ((!from || d >= from) && (!to || d <= to)) n += p.days[d];
    return n;
  }
  function popup(p, n, from, to) {
    var box = el('div', null, {style: 'max-width:340px'});
    box.appendChild(el('b', p.label, {dir: 'auto'}));
    if (p.label !== p.name) { box.appendChild(document.createTextNode(' · ')); box.appendChild(el('span', p.name, {dir: 'auto'})); }
    box.appendChild(el('br'));
    box.appendChild(el('span', [p.type, p.country, p.admin1].filter(Boolean).join(' · ') + (p.approx ? ' · approximate' : ''), {dir: 'auto'}));
    box.appendChild(el('br'));
    var dated = (from || to);
    box.appendChild(el('span', n + (n === 1 ? ' document' : ' documents') + (dated ? ' in these dates (' + p.docs + ' in all)' : '') + ' · ' + p.mentions + ' mentions in all'));
    var shown = p.samples.filter(function (s) {
      if (!dated) return true;
      var d = (s.day || '');
      return d && (!from || d >= from) && (!to || d <= to);
    });
    var ul = el('ul', null, {style: 'margin:4px 0;padding-inline-start:18px'});
    shown.forEach(function (s) {
      var li = el('li', null, {dir: 'auto'});
      var head = s.title || s.id;
      if (s.url && /^https?:\/\//i.test(s.url)) li.appendChild(el('a', head, {href: s.url, target: '_blank', rel: 'noopener noreferrer', dir: 'auto'}));
      else li.appendChild(el('span', head, {dir: 'auto'}));
      if (s.date) { li.appendChild(document.createTextNode(' · ')); li.appendChild(el('span', s.date, {dir: 'ltr', style: 'color:#666'})); }
      if (s.names) li.appendChild(el('div', s.names, {dir: 'auto', style: 'color:#444;font-size:90%%'}));
      ul.appendChild(li);
    });
    if (shown.length) box.appendChild(ul);
    if (n > shown.length) box.appendChild(el('i', (shown.length ? shown.length + ' of ' + n + ' documents shown' : 'no sample document in these dates') + '; all are in places.csv'));
    return box;
  }
  var legend = document.getElementById('geo-corpus-legend');
  function draw(from, to, undated) {
    layer.clearLayers();
    var counts = D.places.map(function (p) { return count(p, from, to, undated); });
    var top = Math.max.apply(null, counts.concat([1]));
    var total = 0;
    D.places.forEach(function (p, i) {
      var n = counts[i];
      if (!n) return;
      total += 1;
      var r = MINR + (MAXR - MINR) * Math.sqrt(n / top);
      var m = L.circleMarker([p.lat, p.lon], {radius: r, color: '#ffffff', weight: 1, fillColor: p.colour,
                                             fillOpacity: 0.65, dashArray: p.approx ? '3 3' : null});
      m.bindTooltip(el('span', p.label + ' · ' + n));
      m.bindPopup(function () { return popup(p, n, from, to); }, {maxWidth: 360});
      m.addTo(layer);
    });
    legend.querySelector('.places').textContent = total + ' places shown; largest: ' + top + (top === 1 ? ' document' : ' documents');
  }
  var f = document.getElementById('geo-date-from'), t = document.getElementById('geo-date-to'),
      u = document.getElementById('geo-date-undated'), r = document.getElementById('geo-date-reset');
  function apply() {
    var from = f && f.value || null, to = t && t.value || null;
    if (from === D.first && to === D.last) { from = null; to = null; }
    draw(from, to, u ? u.checked : true);
  }
  if (f) {
    f.value = D.first; t.value = D.last;
    [f, t, u].forEach(function (x) { if (x) x.addEventListener('change', apply); });
    r.addEventListener('click', function () { f.value = D.first; t.value = D.last; if (u) u.checked = true; apply(); });
  }
  draw(null, null, true);
})();
"""


def _controls(agg) -> str:
    box = ('position:fixed;top:8px;right:10px;z-index:1000;background:#fffe;padding:6px 9px;border-radius:4px;'
           'box-shadow:0 1px 4px #0004;font:12px sans-serif;max-width:260px')
    parts = [f'<div id="geo-corpus-legend" style="{box}">',
             f'<div style="font-weight:bold">{safe(_summary(agg))}</div>',
             '<div class="places" style="margin:2px 0 4px"></div>',
             '<div style="color:#555">circle area: documents naming the place</div>']
    if agg.days:
        days = sorted(agg.days)
        undated = any(p.undated for p in agg.places.values())
        parts.append(
            f'<div style="margin-top:6px"><label>from <input type="date" id="geo-date-from" min="{safe(days[0])}" '
            f'max="{safe(days[-1])}"></label><br><label>to&nbsp;&nbsp;&nbsp;&nbsp;<input type="date" id="geo-date-to" '
            f'min="{safe(days[0])}" max="{safe(days[-1])}"></label>')
        if undated:
            parts.append('<br><label><input type="checkbox" id="geo-date-undated" checked> documents without a date</label>')
        parts.append(' <button type="button" id="geo-date-reset">all dates</button></div>')
    keys = ''.join(f'<span style="white-space:nowrap;margin-right:6px"><span style="display:inline-block;width:9px;'
                   f'height:9px;border-radius:50%;background:{colour}"></span> {safe(label)}</span> '
                   for colour, label in colour_legend(p.type for p in agg.places.values())[:12])
    parts.append(f'<div style="margin-top:5px;line-height:1.5">{keys}</div></div>')
    return ''.join(parts)


def render_html(agg, title: str | None = None) -> str:
    import folium

    lang = agg.lang
    places = list(agg.places.values())
    w, s, e, n = view(places)
    m = folium.Map(tiles=None, prefer_canvas=True, control_scale=True, zoom_control=True)
    m.default_js, m.default_css = [], []
    base = countries_simplified(0.02)
    folium.GeoJson(
        json.loads(base[['name', 'geometry']].to_json()), name='Countries (Natural Earth)',
        style_function=lambda f: {'fillColor': LAND, 'color': SCREEN_BORDER, 'weight': 0.8, 'fillOpacity': 1.0},
        control=False,
    ).add_to(m)
    folium.TileLayer('OpenStreetMap', name='OpenStreetMap (online)', show=False, overlay=False,
                     attr='© OpenStreetMap contributors').add_to(m)
    folium.LayerControl(collapsed=True, position='bottomright').add_to(m)
    m.fit_bounds([[s, w], [n, e]])
    root = m.get_root()
    root.header.add_child(folium.Element(f'<style>.leaflet-container{{background:{WATER}}}</style>'))
    root.html.add_child(folium.Element(
        '<div style="position:fixed;bottom:4px;left:120px;z-index:999;background:#fffc;padding:2px 6px;'
        f'font:11px sans-serif">{safe(credits(set(), places))}</div>'))
    heading = title or 'geo-textmap: places named in a corpus'
    root.html.add_child(folium.Element(
        '<div style="position:fixed;top:8px;left:54px;z-index:999;background:#fffd;padding:4px 8px;'
        f'font:bold 15px sans-serif;max-width:45%">{safe(heading)}</div>'))
    root.html.add_child(folium.Element(_controls(agg)))
    root.html.add_child(folium.Element(
        f'<script type="application/json" id="geo-corpus-data">{script_json(_data(agg, lang))}</script>'))
    page = root.render()
    # after folium's own script, which creates the map object
    script = inline('script', _SCRIPT % {'map': m.get_name(), 'maxr': MAX_RADIUS_PX, 'minr': MIN_RADIUS_PX})
    head_end, sep, tail = page.rpartition('</html>')
    page = head_end + script + '\n' + sep + tail if sep else page + script
    js, jq, css = assets()
    head = inline('style', css) + inline('script', js) + inline('script', jq)
    page = page.replace('<head>', '<head>\n<meta charset="utf-8">' + head, 1)
    if title:
        page = page.replace('<head>', f'<head>\n<title>{safe(title)}</title>', 1)
    return page


def write_html(agg, path: str | Path, title: str | None = None) -> Path:
    from ..export.files import atomic_write_text
    return atomic_write_text(path, render_html(agg, title))


# ---- PNG --------------------------------------------------------------------------------------
def draw(agg, title: str | None = None, size=(11.0, 7.6), dpi: int = 150, labels: int = 20):
    import matplotlib

    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    from .basemap import countries

    fonts.register()        # Noto Sans Arabic: matplotlib shapes the Arabic labels itself
    plt.rcParams['font.family'] = [fonts.ARABIC, 'DejaVu Sans']
    plt.rcParams['text.parse_math'] = False     # titles and names are text: "$5m and $3m" is no formula
    lang = agg.lang
    places = sorted(agg.places.values(), key=lambda p: -p.docs)
    fig = plt.figure(figsize=size, dpi=dpi)
    ax = fig.add_axes([0.01, 0.12, 0.98, 0.80])
    box_w, box_h = size[0] * 0.98, size[1] * 0.80
    w, s, e, n = fit_aspect(view(places), box_w, box_h)
    world = countries()
    world.plot(ax=ax, color=LAND, edgecolor=SCREEN_BORDER, linewidth=0.5)
    ax.set_xlim(w, e)
    ax.set_ylim(s, n)
    ax.set_aspect(1 / max(0.2, math.cos(math.radians((s + n) / 2))))
    ax.set_facecolor(WATER)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel('')
    ax.set_ylabel('')
    top = max((p.docs for p in places), default=1)
    max_area = 1100.0  # points^2 of the largest marker

    def area(k: int) -> float:
        return 10.0 + max_area * k / top

    inside = [p for p in places if w <= p.lon <= e and s <= p.lat <= n]
    if inside:
        ax.scatter([p.lon for p in inside], [p.lat for p in inside], s=[area(p.docs) for p in inside],
                   c=[style.colour(p.type) for p in inside], alpha=0.6, edgecolors='white',
                   linewidths=0.7, zorder=5)
    texts = []
    for p in inside[:labels]:
        texts.append(ax.text(p.lon, p.lat, style.label(p, lang), fontsize=8.5, zorder=7, color='#222222',
                             ha='center', va='center',
                             bbox={'boxstyle': 'round,pad=0.15', 'fc': '#ffffffb8', 'ec': 'none'}))
    if texts:
        try:
            from adjustText import adjust_text
            adjust_text(texts, ax=ax, expand=(1.15, 1.35), arrowprops={'arrowstyle': '-', 'color': '#666666', 'lw': 0.5})
        except Exception:  # labels stay where they are: better than no map
            pass
    # where the view sits in the world, with every place as a dot
    inset = fig.add_axes([0.015, 0.13, 0.2, 0.16])
    world.plot(ax=inset, color='#e4e0d8', edgecolor='none')
    inset.scatter([p.lon for p in places], [p.lat for p in places], s=2, c='#c0392b', linewidths=0, zorder=3)
    inset.add_patch(Rectangle((w, s), e - w, n - s, fill=False, ec='#222222', lw=0.8, zorder=4))
    inset.set_xlim(-180, 180)
    inset.set_ylim(-60, 85)
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_xlabel('')
    inset.set_ylabel('')
    inset.set_facecolor('#ffffffd0')
    # size legend (three reference counts) and type colours, under the map
    refs = sorted({1, max(1, round(top / 4)), top})
    handles = [Line2D([], [], linestyle='none', marker='o', markersize=math.sqrt(area(k)), markerfacecolor='#bbbbbb',
                      markeredgecolor='#777777', label=f'{k}') for k in refs]
    fig.legend(handles=handles, title='documents naming the place (circle area)', loc='lower center',
               bbox_to_anchor=(0.36, 0.025), ncol=len(refs), fontsize=8, title_fontsize=8, frameon=False,
               columnspacing=2.5, handletextpad=1.6, borderaxespad=0.2)
    types = [Line2D([], [], linestyle='none', marker='o', markersize=7, markerfacecolor=colour,
                    markeredgecolor='white', label=label) for colour, label in colour_legend(p.type for p in inside)[:8]]
    if types:
        fig.legend(handles=types, loc='lower center', bbox_to_anchor=(0.76, 0.035), ncol=4, fontsize=7.5,
                   frameon=False, columnspacing=1.0, handletextpad=0.2)
    fig.suptitle(title or _summary(agg), fontsize=12, y=0.965)
    outside = len(places) - len(inside)
    fig.text(0.01, 0.004, credits(set(), places), fontsize=7, color='#555555')
    if outside:
        fig.text(0.99, 0.004, f'{outside} more places outside this view (see map.html)', fontsize=7,
                 color='#555555', ha='right')
    return fig


def write_png(agg, path: str | Path, title: str | None = None, dpi: int = 150) -> Path:
    import io

    import matplotlib.pyplot as plt

    from ..export.files import atomic_write_bytes

    fig = draw(agg, title=title, dpi=dpi)
    buf = io.BytesIO()
    fig.savefig(buf, format='png', dpi=dpi)
    plt.close(fig)
    return atomic_write_bytes(path, buf.getvalue())
