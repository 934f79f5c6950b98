"""Reference places: the largest places of the gazetteer inside a static map's frame that the text
does not name, drawn as small grey dots with grey names, so that a reader finds the document's
places among known ones (Al-Mayadin down the river from Deir ez-Zor).

The maps never look places up on their own: the caller hands over a source with
`largest_in(box, limit)` (gazetteer.index.Index has it), and geo.maps only reads what it returns.
They are the lowest layer of the labels: a reference place is drawn only where its dot and its
name stay clear of the document's symbols, labels and the map's furniture, else it is left out."""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Protocol

from ..model import Result
from .fonts import text_style
from .labels import LabelSpec, place as place_labels

INK = '#7b7b7b'
DOT_PT = 3.4                # the dot's diameter
LABEL_PT = 7.0
SPACING_PT = 22.0           # the least distance between two reference dots, and to a document symbol
NEAR_KM = 1.5               # a gazetteer place this close to a place of the text is that place


class PlaceSource(Protocol):
    def largest_in(self, box: tuple[float, float, float, float], limit: int = 20) -> list: ...


@dataclass(frozen=True)
class ReferencePlace:
    name: str                # in the map's label language
    lat: float
    lon: float
    population: int


def plain(name: str) -> str:
    """A GeoNames transliteration in plain letters: Al ‘Ashārah -> Al Asharah, 'Ākra -> Akra."""
    out = ''.join(c for c in unicodedata.normalize('NFKD', name)
                  if not unicodedata.combining(c) and c not in 'ʻʼ‘’`´ʿʾ')
    return ' '.join(out.split()).strip('\'"')


def name_in(place, lang: str) -> str:
    ar, en = getattr(place, 'name_ar', '') or '', plain(place.name)
    if lang == 'ar':
        return ar or en
    if lang == 'both' and ar and ar != en:
        return f'{ar}\n{en}'
    return en


def candidates(source: PlaceSource | None, box, result: Result, lang: str, limit: int = 60) -> list[ReferencePlace]:
    """The source's largest places in the lon/lat box that are not the text's own places (same
    id, or within NEAR_KM of one, or the same name), biggest first."""
    if source is None:
        return []
    from gazetteer.geodesy import km

    own_ids = {p.id.rsplit('@', 1)[-1] for p in result.places}
    own_names = {n for p in result.places for n in (p.name, p.name_ar) if n}
    out = []
    for g in source.largest_in(tuple(box), limit=limit):
        if g.id in own_ids or g.name in own_names or (g.name_ar and g.name_ar in own_names):
            continue
        if any(km(g.lat, g.lon, p.lat, p.lon) < NEAR_KM for p in result.places if not p.approximate):
            continue
        if lang == 'ar' and not g.name_ar:
            continue        # an Arabic map names its reference places in Arabic, or not at all
        out.append(ReferencePlace(name_in(g, lang), g.lat, g.lon, int(g.population or 0)))
    return out


def draw(view, refs: list[ReferencePlace], taken: list, lang: str, most: int = 12) -> list:
    """Draw up to `most` reference places on the view: a dot where it hides nothing and is not
    crowded, a name beside it where one fits clear of `taken` (display boxes: the labels, symbols
    and furniture already there).  Returns the labels placed (labels.Placed)."""
    from matplotlib.transforms import Bbox

    ax = view.ax
    px = ax.figure.dpi / 72.0
    s = view.scale
    r_px = DOT_PT * s * px / 2 + 1
    spacing = SPACING_PT * s * px
    symbols = [ax.transData.transform((x, y)) for x, y, _ in view.symbols]
    chosen, specs = [], []
    for ref in refs:
        x, y = view.proj.xy(ref.lon, ref.lat)
        x, y = float(x), float(y)
        if not view.in_frame(x, y):
            continue
        sx, sy = ax.transData.transform((x, y))
        dot = Bbox.from_extents(sx - r_px, sy - r_px, sx + r_px, sy + r_px)
        if any(dot.overlaps(b) for b in taken):
            continue
        if any(math.hypot(sx - a, sy - b) < spacing for a, b in symbols + chosen):
            continue
        chosen.append((sx, sy))
        specs.append((LabelSpec(x, y, ref.name, radius_pt=DOT_PT * s / 2, rtl=lang == 'ar', optional=True,
                                style=text_style(ref.name, LABEL_PT * s, INK)), dot))
        if len(chosen) >= most * 2:
            break
    obstacles = list(taken) + [dot for _, dot in specs]
    placed = place_labels(ax, [spec for spec, _ in specs], obstacles)
    for p in placed[most:]:
        for t in p.texts:
            t.remove()
    placed = placed[:most]
    for p in placed:
        ax.plot([p.spec.x], [p.spec.y], linestyle='none', marker='o', markersize=DOT_PT * s,
                markerfacecolor=INK, markeredgecolor='white', markeredgewidth=0.5 * s, zorder=8)
    return placed
