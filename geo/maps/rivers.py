"""Names on the rivers a static map draws (الفرات، دجلة; Euphrates, Tigris).

The basemap's river lines (GSHHG/WDBII) carry no names; rivers.toml beside this file lists the
rivers we name, with points on their courses.  A line of the basemap passing within MATCH_KM of
one of a river's points is that river.  Its name is written along the line, in the label language,
where a stretch of the line is straight enough for it and the name covers no label, symbol or
furniture already on the map (else the river stays unnamed)."""
from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import basemap
from .fonts import text_style

MATCH_KM = 5.0
INK = '#3f74a8'             # darker than the river's line, so that the name reads
LABEL_PT = 8.0
CREDIT = 'River names: geo-textmap (rivers.toml)'


@dataclass(frozen=True)
class River:
    en: str
    ar: str
    points: tuple[tuple[float, float], ...]     # (lat, lon) on its course

    def name(self, lang: str) -> str:
        return self.ar if lang == 'ar' else f'{self.ar} / {self.en}' if lang == 'both' else self.en


@lru_cache(maxsize=1)
def rivers() -> tuple[River, ...]:
    data = tomllib.loads((Path(__file__).with_name('rivers.toml')).read_text(encoding='utf-8'))
    return tuple(River(r['en'], r['ar'], tuple((float(a), float(b)) for a, b in r['points'])) for r in data['river'])


def named_lines(box: tuple[float, float, float, float]) -> list[tuple[River, object]]:
    """(river, its basemap lines inside the lon/lat box) for each listed river the box shows."""
    import shapely
    w, s, e, n = box
    pad = 1.5                    # a river's point may lie outside the box, its line inside
    big = (w - pad, s - pad, e + pad, n + pad)
    lines = basemap.rivers().clip(big)
    if not len(lines):
        return []
    tree = shapely.STRtree(lines)
    out = []
    for river in rivers():
        hits = set()
        for lat, lon in river.points:
            if big[0] <= lon <= big[2] and big[1] <= lat <= big[3]:
                deg = MATCH_KM / 111.0
                hits.update(int(i) for i in tree.query_nearest(shapely.Point(lon, lat), max_distance=deg))
        if hits:
            part = shapely.intersection(shapely.union_all(lines[sorted(hits)]), shapely.box(*box))
            if not part.is_empty and part.length > 0:
                out.append((river, part))
    return out


def _stretches(xy: np.ndarray, length: float):
    """(centre, angle in degrees) of the stretches of a display-space line about `length` long
    whose chord is nearly as long as the line along them (straight enough for a name) and no steeper
    than 60 degrees, from the middle of the line outwards."""
    seg = np.hypot(*np.diff(xy, axis=0).T)
    run = np.concatenate([[0.0], np.cumsum(seg)])
    total = run[-1]
    if total < length * 1.05:
        return []
    out = []
    for start in np.arange(0.0, total - length, max(length / 4, 1.0)):
        a = np.array([np.interp(start, run, xy[:, 0]), np.interp(start, run, xy[:, 1])])
        b = np.array([np.interp(start + length, run, xy[:, 0]), np.interp(start + length, run, xy[:, 1])])
        if np.hypot(*(b - a)) < 0.92 * length:
            continue
        angle = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        angle = angle - 180 if angle > 90 else angle + 180 if angle <= -90 else angle
        if abs(angle) > 60:
            continue            # a name standing on end is hard to read
        out.append((abs(start + length / 2 - total / 2), (a + b) / 2, angle))
    return [(c, ang) for _, c, ang in sorted(out, key=lambda t: t[0])]


def draw(view, taken: list, lang: str) -> list:
    """Write the names of the rivers the view shows along their lines, clear of `taken` (display
    boxes); returns the texts drawn (a halo and a text each)."""
    import shapely
    from matplotlib import patheffects
    from matplotlib.transforms import Bbox

    ax = view.ax
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    drawn = []
    for river, geom in named_lines(view.box):
        name = river.name(lang)
        st = text_style(name, LABEL_PT * view.scale, INK, italic=True)
        probe = fig.text(0, 0, name, **st)
        bb = probe.get_window_extent(renderer=renderer)
        probe.remove()
        w, h = bb.width * 1.15, bb.height
        parts = [np.asarray(p.coords) for p in shapely.get_parts(view.project([geom])[0]) if p.geom_type == 'LineString']
        parts.sort(key=lambda xy: -len(xy))
        for xy in parts:
            done = False
            for (cx, cy), angle in _stretches(ax.transData.transform(xy), w):
                off = h * 0.75      # beside the line, not on it
                nx, ny = -math.sin(math.radians(angle)) * off, math.cos(math.radians(angle)) * off
                px, py = cx + nx, cy + ny
                c, s_ = abs(math.cos(math.radians(angle))), abs(math.sin(math.radians(angle)))
                ew, eh = w * c + h * s_, w * s_ + h * c
                box = Bbox.from_bounds(px - ew / 2, py - eh / 2, ew, eh)
                frame = ax.get_window_extent(renderer=renderer)
                if not (frame.x0 < box.x0 and box.x1 < frame.x1 and frame.y0 < box.y0 and box.y1 < frame.y1):
                    continue
                if any(box.overlaps(t) for t in taken):
                    continue
                x, y = ax.transData.inverted().transform((px, py))
                kw = dict(rotation=angle, rotation_mode='anchor', ha='center', va='center', zorder=18, **st)
                halo = ax.text(x, y, name, **kw)
                halo.set_path_effects([patheffects.Stroke(linewidth=2.4, foreground='white')])
                drawn += [halo, ax.text(x, y, name, **kw)]
                taken.append(box)
                done = True
                break
            if done:
                break
    return drawn
