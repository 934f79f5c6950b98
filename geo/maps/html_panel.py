"""The parts of the HTML map around the map itself: each type's symbol as inline SVG (the
markers' icons too, the same shapes as the static maps), the list of places beside the map, and
the legend.  Every string from the document or the gazetteer goes through `safe()`."""
from __future__ import annotations

import math

from ..model import Place, Result
from . import basemap, style
from .spelling import gazetteer_name
from .web import safe

MAX_UNRESOLVED = 40


def symbol_svg(place_type: str, size: float, colour: str | None = None, hollow: bool = False,
               opacity: float = 1.0) -> str:
    """An inline SVG of a type's symbol."""
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


def panel(result: Result, title: str, lang: str, words: dict, rtl: bool) -> str:
    """The list of places (most mentioned first; a click zooms to one), the names not located,
    and the credits."""
    places = result.places
    ui = 'ar' if rtl else 'en'
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
        if gazetteer_name(p):          # the gazetteer's name, under the text's spelling
            kind = gazetteer_name(p) + ' · ' + kind
        if p.country and p.type != 'country':
            kind += ' · ' + basemap.country_label(p.country, ui)
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
        out += [f'<li class="geo-unres" dir="auto">{safe(s)}</li>' for s in seen[:MAX_UNRESOLVED]]
        out.append('</ul>')
    url = str(result.meta.get('url') or '')
    if url.startswith(('http://', 'https://')):     # the article the map was made from
        out.append(f'<p class="geo-ty">{safe(words["source"])}: <a href="{safe(url)}" rel="noopener noreferrer" '
                   f'target="_blank" dir="ltr">{safe(url)}</a></p>')
    out.append(f'<p class="geo-ty" dir="ltr">{safe(basemap.credits(None, places))}</p></div>')
    return ''.join(out)


def legend(used, places: list[Place], words: dict, rtl: bool, outlined=frozenset()) -> str:
    """The legend in the map's bottom corner: the types drawn (`used`), and the symbols the
    places need (approximate circles, the outlines drawn: `outlined`, the types of the places
    outlined; size, paleness)."""
    lang = 'ar' if rtl else 'en'
    area = style.colour('admin1')
    rows = [f'<div class="geo-legend-h">{safe(words["legend"])}</div>']
    for t in sorted(used, key=lambda t: style.TYPE_RANK.get(t, 9)):
        rows.append(f'<div>{symbol_svg(t, 14)}<span>{safe(style.type_name(t, lang))}</span></div>')
    if any(p.approximate and p.uncertainty_km > 0 for p in places):
        rows.append('<div><svg width="16" height="16"><circle cx="8" cy="8" r="6.5" fill="none" stroke="#555" '
                    f'stroke-dasharray="3 2" stroke-width="1.4"/></svg><span>{safe(words["approximate"])}</span></div>')
    if 'country' in outlined:
        ink = style.colour('country')
        rows.append(f'<div><svg width="16" height="12"><rect x="1" y="1" width="14" height="10" fill="none" '
                    f'stroke="{ink}" stroke-width="1.6"/></svg><span>{safe(words["named_country"])}</span></div>')
    if set(outlined) - {'country'}:
        rows.append(f'<div><svg width="16" height="12"><rect x="1" y="1" width="14" height="10" fill="{area}11" '
                    f'stroke="{area}" stroke-dasharray="4 2" stroke-width="1.4"/></svg><span>{safe(words["named_area"])}</span></div>')
    rows.append(f'<div><svg width="16" height="12"><circle cx="4" cy="6" r="3" fill="#999"/><circle cx="12" cy="6" r="4.5" '
                f'fill="#999"/></svg><span>{safe(words["mentions"])} ↑</span></div>')
    if any(p.confidence < 0.6 for p in places):
        rows.append(f'<div>{symbol_svg("city", 14, opacity=0.4)}<span>{safe(words["low_confidence"])}</span></div>')
    side = 'left' if rtl else 'right'
    return (f'<div class="geo-legend" dir="{"rtl" if rtl else "ltr"}" style="position:absolute;bottom:50px;'
            f'{side}:10px;z-index:1000">{"".join(rows)}</div>')
