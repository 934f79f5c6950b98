"""Result -> one self-contained interactive HTML map (folium).

Leaflet and jQuery are inlined from registry packages (django-js-lib-leaflet, xstatic-jquery),
the basemap is Natural Earth country outlines embedded as GeoJSON, and no script or link tag
points at the network.  Every string that comes from a document or a user gazetteer is escaped.
"""
from __future__ import annotations

import base64
import html
import json
import re
from functools import lru_cache
from pathlib import Path

from ..model import Result
from .basemap import CREDITS_EN, countries_simplified
from .extent import bounds, document_focus

TYPE_COLOURS = {'country': '#6a3d9a', 'admin1': '#1f78b4', 'admin2': '#1f78b4', 'region': '#6a3d9a',
                'continent': '#6a3d9a', 'city': '#e31a1c', 'town': '#ff7f00', 'village': '#33a02c',
                'neighbourhood': '#b15928', 'airport': '#000000', 'facility': '#555555', 'landmark': '#555555',
                'oilfield': '#8c6d31'}


def safe(text) -> str:
    """HTML-escape text for an attribute or element, and neutralise what a JS template literal
    (where folium puts popups) would interpret: backticks, ${ and backslashes."""
    return html.escape(str(text), quote=True).replace('\\', '&#92;').replace('`', '&#96;').replace('$', '&#36;')


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str]:
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


def _inline(tag: str, body: str) -> str:
    if tag == 'script':
        body = body.replace('</', '<\\/')
    return f'<{tag}>\n{body}\n</{tag}>'


def popup_html(result: Result, i: int) -> str:
    p = result.places[i]
    rtl = result.lang == 'ar'
    lines = []
    if p.name_ar and rtl:
        lines.append(f'<b dir="rtl">{safe(p.name_ar)}</b><br>')
    lines.append(f'<b>{safe(p.name)}</b><br>')
    lines.append(f'{safe(p.type)} · {safe(p.country)}{" · " + safe(p.admin1) if p.admin1 else ""}<br>')
    lines.append(f'{p.lat:.4f}, {p.lon:.4f} · confidence {p.confidence:.2f}')
    if p.approximate:
        lines.append(f'<br><i>approximate: within ~{p.uncertainty_km:.0f} km</i>')
    for k in p.mentions[:5]:
        m = result.mentions[k]
        s0, s1 = m.sentence
        before, name, after = result.text[s0:m.start], result.text[m.start:m.end], result.text[m.end:s1]
        before, after = before[-160:], after[:160]
        lines.append(f'<p dir="{"rtl" if rtl else "ltr"}" style="margin:4px 0">'
                     f'{safe(before)}<mark>{safe(name)}</mark>{safe(after)}</p>')
    return ''.join(lines)


def render(result: Result, title: str | None = None) -> str:
    import folium

    places = result.places
    inside, _ = document_focus(result) if places else ([], [])
    view = bounds([places[i] for i in inside]) if inside else (-30, -50, 60, 70)
    m = folium.Map(tiles=None, prefer_canvas=True, control_scale=True, zoom_control=True)
    m.default_js, m.default_css = [], []
    base = countries_simplified(0.02)
    folium.GeoJson(
        json.loads(base[['name', 'geometry']].to_json()), name='Countries (Natural Earth)',
        style_function=lambda f: {'fillColor': '#f2efe9', 'color': '#999999', 'weight': 0.8, 'fillOpacity': 1.0},
        control=False,
    ).add_to(m)
    layer = folium.FeatureGroup(name='Places').add_to(m)
    for i, p in enumerate(places):
        colour = TYPE_COLOURS.get(p.type, '#444444')
        label = p.name_ar if (result.lang == 'ar' and p.name_ar) else p.name
        if p.approximate:
            folium.Circle([p.lat, p.lon], radius=p.uncertainty_km * 1000, color=colour, dash_array='6 4',
                          fill=False, weight=2).add_to(layer)
        folium.CircleMarker(
            [p.lat, p.lon], radius=5 + 2 * min(len(p.mentions), 6), color=colour, fill=True, fill_opacity=0.5 + 0.5 * p.confidence,
            weight=2, popup=folium.Popup(popup_html(result, i), max_width=360), tooltip=safe(label),
        ).add_to(layer)
    folium.TileLayer('OpenStreetMap', name='OpenStreetMap (online)', show=False, overlay=False,
                     attr='© OpenStreetMap contributors').add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    w, s, e, n = view
    m.fit_bounds([[s, w], [n, e]])
    m.get_root().html.add_child(folium.Element(
        f'<div style="position:fixed;bottom:4px;left:8px;z-index:999;background:#fffc;padding:2px 6px;'
        f'font:11px sans-serif">{safe(CREDITS_EN)}</div>'))
    if title:
        m.get_root().html.add_child(folium.Element(
            f'<div style="position:fixed;top:8px;left:54px;z-index:999;background:#fffd;padding:4px 8px;'
            f'font:bold 15px sans-serif">{safe(title)}</div>'))
    page = m.get_root().render()
    js, jq, css = _assets()
    head = _inline('style', css) + _inline('script', js) + _inline('script', jq)
    page = page.replace('<head>', '<head>\n<meta charset="utf-8">' + head, 1)
    return page


def write(result: Result, path: str | Path, title: str | None = None) -> Path:
    from ..export.files import atomic_write_text
    return atomic_write_text(path, render(result, title))
