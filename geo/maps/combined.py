"""The combined map of a corpus (`geo batch`): one marker per place, its area proportional to the
number of documents that name it.

- HTML: self-contained like the single-document map (Leaflet inlined, its rounded Natural Earth
  basemap, no network); one JSON holds each place and each sampled document once, and a small
  script builds the markers and every popup from it with textContent (no document string is
  ever parsed as HTML); a date filter when documents carry dates.
- PNG: the static maps' basemap (geo.maps.layers.View) in the projection they would choose for
  this extent, circles sized by documents, labels placed beside them by geo.maps.labels
  (deterministic), the static map's scale bar and north arrow, a world locator, and the legend in
  the corpus' main language.

Both read only the per-place aggregate of geo.batch.outputs (one entry per distinct place)."""
from __future__ import annotations

import math
from pathlib import Path

from gazetteer.geodesy import km_matrix

from ..placetypes import WIDE_AREAS
from . import fonts, style
from .basemap import credits
from .html import BASEMAP_JS, BASEMAP_PANE_JS
from .html_basemap import basemap_layers
from .style import WATER, colour_legend
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


def _summary(agg, lang: str = 'en') -> str:
    days = sorted(agg.days)
    span = f' · \u2066{days[0]} – {days[-1]}\u2069' if days else ''     # the dates read left to right
    return style.WORDS[lang]['corpus_summary'].format(docs=agg.documents, places=len(agg.places)) + span


# ---- HTML -------------------------------------------------------------------------------------
def _data(agg, lang: str) -> dict:
    """The page's one JSON: each document once (`records`: id, title, date, url, day), each place
    once with the documents it samples as [record, names] pairs, each type's colour once; the
    page script builds the markers and popups from it."""
    places = sorted(agg.places.values(), key=lambda p: -p.docs)   # big first, small drawn on top
    records, index, colours, rows = [], {}, {}, []
    for p in places:
        refs = []
        for doc_id, doc_title, date, url, names, day in p.samples:
            key = (doc_id, doc_title, date, url, day)
            if key not in index:
                index[key] = len(records)
                records.append(list(key))
            refs.append([index[key], names])
        colours[p.type] = style.colour(p.type)
        row = {'lat': round(p.lat, 5), 'lon': round(p.lon, 5), 'label': style.label(p, lang), 'name': p.name,
               'type': p.type, 'tname': style.type_name(p.type, lang), 'country': p.country, 'admin1': p.admin1, 'docs': p.docs, 'mentions': p.mentions,
               'days': p.days, 'undated': p.undated, 's': refs}
        if p.approximate:
            row['approx'] = 1
        rows.append(row)
    days = sorted(agg.days)
    return {'places': rows, 'records': records, 'colours': colours, 'first': days[0] if days else None,
            'last': days[-1] if days else None, 'rtl': lang == 'ar', 'documents': agg.documents,
            'w': style.CORPUS_UI[style.legend_lang(lang)]}


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
  function say(key, vals) {
    return D.w[key].replace(/\{(\w+)\}/g, function (_, k) { return String(vals[k]); });
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
    box.appendChild(el('span', [p.tname, p.country, p.admin1].filter(Boolean).join(' · ') + (p.approx ? ' · ' + D.w.approx : ''), {dir: 'auto'}));
    box.appendChild(el('br'));
    var dated = (from || to);
    box.appendChild(el('span', say('docs', {n: n}) + (dated ? ' ' + say('in_dates', {all: p.docs}) : '') + ' · ' + say('mentions_all', {n: p.mentions})));
    var shown = p.s.map(function (r) {
      var d = D.records[r[0]];
      return {id: d[0], title: d[1], date: d[2], url: d[3], day: d[4], names: r[1]};
    }).filter(function (s) {
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
    if (n > shown.length) box.appendChild(el('i', shown.length ? say('sample', {k: shown.length, n: n}) : D.w.no_sample));
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
      var m = L.circleMarker([p.lat, p.lon], {radius: r, color: '#ffffff', weight: 1, fillColor: D.colours[p.type],
                                             fillOpacity: 0.65, dashArray: p.approx ? '3 3' : null});
      m.bindTooltip(el('span', p.label + ' · ' + n));
      m.bindPopup(function () { return popup(p, n, from, to); }, {maxWidth: 360});
      m.addTo(layer);
    });
    legend.querySelector('.places').textContent = say('shown', {n: total, top: top});
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
    """The box of the page's summary, dates and colours, in the corpus' language (right to left in
    Arabic)."""
    leg = style.legend_lang(agg.lang)
    w, rtl = style.CORPUS_UI[leg], leg == 'ar'
    box = ('position:fixed;top:8px;right:10px;z-index:1000;background:#fffe;padding:6px 9px;border-radius:4px;'
           'box-shadow:0 1px 4px #0004;font:12px sans-serif;max-width:260px')
    counts = style.WORDS[leg]['corpus_summary'].format(docs=agg.documents, places=len(agg.places))
    parts = [f'<div id="geo-corpus-legend" dir="{"rtl" if rtl else "ltr"}" style="{box}">',
             f'<div style="font-weight:bold">{safe(counts)}</div>',
             (f'<div style="font-weight:bold;white-space:nowrap"><bdi dir="ltr">{safe(min(agg.days))} – '
              f'{safe(max(agg.days))}</bdi></div>' if agg.days else ''),
             '<div class="places" style="margin:2px 0 4px"></div>',
             f'<div style="color:#555">{safe(w["circle_area"])}</div>']
    if agg.days:
        days = sorted(agg.days)
        undated = any(p.undated for p in agg.places.values())
        parts.append(
            f'<div style="margin-top:6px"><label>{safe(w["from"])} <input type="date" id="geo-date-from" '
            f'min="{safe(days[0])}" max="{safe(days[-1])}"></label><br><label>{safe(w["to"])} '
            f'<input type="date" id="geo-date-to" min="{safe(days[0])}" max="{safe(days[-1])}"></label>')
        if undated:
            parts.append(f'<br><label><input type="checkbox" id="geo-date-undated" checked> {safe(w["undated"])}</label>')
        parts.append(f' <button type="button" id="geo-date-reset">{safe(w["all_dates"])}</button></div>')
    margin = 'margin-left' if rtl else 'margin-right'
    keys = ''.join(f'<span style="white-space:nowrap;{margin}:6px"><span style="display:inline-block;width:9px;'
                   f'height:9px;border-radius:50%;background:{colour}"></span> {safe(label)}</span> '
                   for colour, label in colour_legend((p.type for p in agg.places.values()), lang=leg)[:12])
    parts.append(f'<div style="margin-top:5px;line-height:1.5">{keys}</div></div>')
    return ''.join(parts)


def render_html(agg, title: str | None = None) -> str:
    import folium

    lang = agg.lang
    places = list(agg.places.values())
    w, s, e, n = view(places)
    m = folium.Map(tiles=None, prefer_canvas=True, control_scale=True, zoom_control=True)
    m.default_js, m.default_css = [], []
    # the single-document map's offline basemap: rounded GeoJSON, coarse for the world and finer
    # around the corpus, drawn by a few lines of script (not folium's per-feature styling)
    base_layers = basemap_layers(m, (w, s, e, n), style.WORDS[style.legend_lang(lang)])
    ui = style.CORPUS_UI[style.legend_lang(lang)]
    folium.TileLayer('OpenStreetMap', name=ui['online'], show=False, overlay=False,
                     attr='© OpenStreetMap contributors').add_to(m)
    folium.LayerControl(collapsed=True, position='bottomright').add_to(m)
    m.fit_bounds([[s, w], [n, e]])
    root = m.get_root()
    root.header.add_child(folium.Element(f'<style>.leaflet-container{{background:{WATER}}}</style>'))
    root.html.add_child(folium.Element(
        '<div style="position:fixed;bottom:4px;left:120px;z-index:999;background:#fffc;padding:2px 6px;'
        f'font:11px sans-serif">{safe(credits(set(), places))}</div>'))
    heading = title or ui['heading']
    root.html.add_child(folium.Element(
        '<div dir="auto" style="position:fixed;top:8px;left:54px;z-index:999;background:#fffd;padding:4px 8px;'
        f'font:bold 15px sans-serif;max-width:45%">{safe(heading)}</div>'))
    root.html.add_child(folium.Element(_controls(agg)))
    root.html.add_child(folium.Element(
        f'<script type="application/json" id="geo-corpus-data">{script_json(_data(agg, lang))}</script>'))
    page = root.render()
    # after folium's own script, which creates the map object
    base_js = BASEMAP_PANE_JS % {'map': m.get_name()} + ''.join(
        BASEMAP_JS % {'data': text.replace('<', '\\u003c'), 'style': script_json(st), 'group': grp}
        for grp, text, st in base_layers)
    script = inline('script', base_js + _SCRIPT % {'map': m.get_name(), 'maxr': MAX_RADIUS_PX, 'minr': MIN_RADIUS_PX})
    head_end, sep, tail = page.rpartition('</html>')
    page = head_end + script + '\n' + sep + tail if sep else page + script
    js, _, css = assets()      # no jQuery: the page's own script draws the markers and popups
    head = inline('style', css) + inline('script', js)
    page = page.replace('<head>', '<head>\n<meta charset="utf-8">' + head, 1)
    if title:
        page = page.replace('<head>', f'<head>\n<title>{safe(title)}</title>', 1)
    return page


def write_html(agg, path: str | Path, title: str | None = None) -> Path:
    from ..export.files import atomic_write_text
    return atomic_write_text(path, render_html(agg, title))


# ---- PNG --------------------------------------------------------------------------------------
def draw(agg, title: str | None = None, size=(11.0, 7.6), dpi: int = 150, labels: int = 30):
    """The PNG's figure: the corpus's places as circles sized by documents over the offline basemap,
    in the projection of the single-document map for this extent (true scale bar and north arrow
    when regional or local), labels placed beside their circles by the static maps' placement
    (deterministic), the legend in the corpus' main language."""
    import matplotlib

    matplotlib.use('Agg')
    from .static import RC

    fonts.register()        # Noto Sans Arabic: matplotlib shapes the Arabic labels itself
    with matplotlib.rc_context(RC):
        return _draw(agg, title, size, dpi, labels)


def _draw(agg, title, size, dpi, labels):
    import matplotlib.pyplot as plt
    from matplotlib.transforms import Bbox

    from .insets import frame_points, north_position, scale_bar_and_north
    from .labels import LabelSpec, place as place_labels
    from .layers import View
    from .projection import fit, for_extent, projected_bounds
    from .static import WORLD_XY

    lang = agg.lang
    leg = style.legend_lang(lang)
    words, rtl = style.WORDS[leg], leg == 'ar'
    places = sorted(agg.places.values(), key=lambda p: (-p.docs, p.id))
    fig = plt.figure(figsize=size, dpi=dpi)
    rect = (0.01, 0.12, 0.98, 0.80)
    ax = fig.add_axes(rect)
    box_w, box_h = size[0] * rect[2], size[1] * rect[3]
    proj = for_extent(*view(places))
    world = proj.kind == 'world'
    frame = fit(*(WORLD_XY if world else projected_bounds(proj, view(places))), box_w, box_h, pad=0.0)
    mv = View(ax, proj, frame, scale=1.0)
    mv.draw_basemap(set(), rivers=not world, admin=False)
    top = max((p.docs for p in places), default=1)

    def area(k: int) -> float:      # points² of a marker: 10 to 1110
        return 10.0 + 1100.0 * k / top

    xy = {p.id: mv.xy(p) for p in places}
    inside = [p for p in places if mv.in_frame(*xy[p.id])]
    if inside:
        ax.scatter([xy[p.id][0] for p in inside], [xy[p.id][1] for p in inside], s=[area(p.docs) for p in inside],
                   c=[style.colour(p.type) for p in inside], alpha=0.6, edgecolors='white', linewidths=0.7,
                   zorder=8)
    # the scale bar in the bottom corner with fewer places, the world locator in the emptiest
    # other corner, the north arrow where no place is; each label beside its circle, clear of
    # the circles and of them
    scale_at, loc = _corners(frame_points(mv, inside), world)
    avoid = [loc]
    loc_rect = (rect[0] + rect[2] * loc[0], rect[1] + rect[3] * loc[1], rect[2] * (loc[2] - loc[0]),
                rect[3] * (loc[3] - loc[1]))
    north_xy = north_position(mv, inside, None, 0.0, scale_at, avoid)
    renderer = fig.canvas.get_renderer()
    frame_px = ax.get_window_extent(renderer=renderer)
    fw, fh = frame_px.width, frame_px.height
    obstacles = [Bbox.from_extents(frame_px.x0 + fw * a[0], frame_px.y0 + fh * a[1], frame_px.x0 + fw * a[2],
                                   frame_px.y0 + fh * a[3]) for a in avoid]
    if not world:
        sx = frame_px.x0 if scale_at == 'll' else frame_px.x1 - fw * 0.34
        obstacles.append(Bbox.from_bounds(sx, frame_px.y0, fw * 0.34, fh * 0.11))
        obstacles.append(Bbox.from_bounds(frame_px.x0 + fw * (north_xy[0] - 0.045),
                                          frame_px.y0 + fh * (north_xy[1] - 0.16), fw * 0.09, fh * 0.16))
    px = fig.dpi / 72.0
    for p in inside:
        sx, sy = ax.transData.transform(xy[p.id])
        rr = math.sqrt(area(p.docs)) / 2 * px
        obstacles.append(Bbox.from_extents(sx - rr, sy - rr, sx + rr, sy + rr))
    specs = []
    for p in inside[:labels]:
        text = style.area_label(p, lang)       # 'محافظة دهوك' beside the city of دهوك
        specs.append(LabelSpec(*xy[p.id], text, radius_pt=math.sqrt(area(p.docs)) / 2, rtl=rtl,
                               style=fonts.text_style(text, 8.5)))
    place_labels(ax, specs, obstacles, rings=3)
    if not world:     # the single-document map's scale bar and north arrow
        scale_bar_and_north(ax, mv.scale, scale_at, north_xy)
    _locator(fig, loc_rect, places, mv)
    _legends(fig, agg, inside, area, top, words, rtl)
    heading = title or _summary(agg, leg)
    fig.suptitle(heading, fontsize=12, y=0.965, fontfamily=fonts.families(heading))
    fig.text(0.01, 0.004, credits(mv.layers, places) + ' · Projection: ' + proj.describe(), fontsize=7,
             color='#555555', fontfamily=fonts.families('a'))
    outside = len(places) - len(inside)
    if outside:
        note = words['outside_view'].format(n=outside)
        fig.text(0.99 if not rtl else 0.01, 0.925, note, fontsize=7, color='#555555', ha='left' if rtl else 'right',
                 va='bottom', fontfamily=fonts.families(note))     # above the map's corner, clear of the credits
    return fig


LOCATOR = (0.205, 0.2)     # the world locator's size, as fractions of the map's axes


def _corners(points, world: bool) -> tuple[str, tuple[float, float, float, float]]:
    """The scale bar's bottom corner ('ll' or 'lr': the one with fewer places; 'lr' on a tie) and
    the locator's box (axes fractions) in the corner with the fewest places of the other three."""
    def hits(x0, y0, x1, y1):
        return sum(1 for px, py in points if x0 - 0.02 <= px <= x1 + 0.02 and y0 - 0.02 <= py <= y1 + 0.02)

    scale_at = 'lr'
    if not world and hits(0.0, 0.0, 0.34, 0.11) < hits(0.66, 0.0, 1.0, 0.11):
        scale_at = 'll'
    w, h = LOCATOR
    boxes = {'ll': (0.006, 0.012, 0.006 + w, 0.012 + h), 'ul': (0.006, 0.988 - h, 0.006 + w, 0.988),
             'ur': (0.994 - w, 0.988 - h, 0.994, 0.988), 'lr': (0.994 - w, 0.012, 0.994, 0.012 + h)}
    free = [c for c in boxes if c != scale_at or world]
    best = min(free, key=lambda c: (hits(*boxes[c]), free.index(c)))
    return scale_at, boxes[best]


def _locator(fig, rect, places, mv) -> None:
    """Where the view sits in the world, with every place as a dot."""
    from matplotlib.patches import Polygon

    from .basemap import countries
    from .insets import frame_outline_lonlat

    inset = fig.add_axes(rect)
    countries().plot(ax=inset, color='#e4e0d8', edgecolor='none')
    inset.scatter([p.lon for p in places], [p.lat for p in places], s=2, c='#c0392b', linewidths=0, zorder=3)
    flon, flat = frame_outline_lonlat(mv)
    inset.add_patch(Polygon(list(zip(flon, flat)), closed=True, fill=False, ec='#222222', lw=0.8, zorder=4))
    inset.set_xlim(-180, 180)
    inset.set_ylim(-60, 85)
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_xlabel('')
    inset.set_ylabel('')
    inset.set_facecolor('#ffffffd0')


def _legends(fig, agg, inside, area, top: int, words: dict, rtl: bool) -> None:
    """Under the map: the circle sizes (three reference counts) and the type colours, in the
    corpus' language (right to left for Arabic)."""
    from matplotlib.lines import Line2D

    refs = sorted({1, max(1, round(top / 4)), top})
    handles = [Line2D([], [], linestyle='none', marker='o', markersize=math.sqrt(area(k)), markerfacecolor='#bbbbbb',
                      markeredgecolor='#777777', label=f'{k}') for k in refs]
    head = words['docs_naming']
    fam = fonts.families(head)
    fig.legend(handles=handles, title=head, loc='lower center', bbox_to_anchor=(0.64 if rtl else 0.36, 0.025),
               ncol=len(refs), prop={'family': fam, 'size': 8}, title_fontproperties={'family': fam, 'size': 8},
               frameon=False, columnspacing=2.5, handletextpad=1.6, borderaxespad=0.2, markerfirst=not rtl,
               handleheight=math.sqrt(area(top)) / 8 * 0.85)      # rows as tall as the biggest circle
    entries = colour_legend((p.type for p in inside), lang='ar' if rtl else 'en')[:8]
    if rtl:
        entries = entries[::-1]     # read from the right
    types = [Line2D([], [], linestyle='none', marker='o', markersize=7, markerfacecolor=colour,
                    markeredgecolor='white', label=label) for colour, label in entries]
    if types:
        fam = fonts.families(' '.join(label for _, label in entries))
        fig.legend(handles=types, loc='lower center', bbox_to_anchor=(0.24 if rtl else 0.76, 0.035), ncol=4,
                   prop={'family': fam, 'size': 7.5}, frameon=False, columnspacing=1.0, handletextpad=0.2,
                   markerfirst=not rtl)


def write_png(agg, path: str | Path, title: str | None = None, dpi: int = 150) -> Path:
    import io

    import matplotlib.pyplot as plt

    from ..export.files import atomic_write_bytes

    fig = draw(agg, title=title, dpi=dpi)
    buf = io.BytesIO()
    fig.savefig(buf, format='png', dpi=dpi)
    plt.close(fig)
    return atomic_write_bytes(path, buf.getvalue())
