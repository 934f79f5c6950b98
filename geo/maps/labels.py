"""Label placement for static maps: every label beside its point, none over another.

Greedy, in order of importance (the classic cartographic approach): each label tries the eight
positions around its symbol, best first (right of the point for Latin names, left for Arabic);
then positions further out on rings, drawn with a thin leader line.  A position is taken when it
stays inside the map and overlaps no label, symbol or reserved box (scale bar, north arrow) placed
before it; when none is free, the least bad one is used, so no place ever loses its label (but an
optional one, a reference place's, which is left out instead).

Measurements are in display pixels of the figure being drawn.  A label is two texts: a halo
(a white stroke, drawn as a path) under the plain text, so that PDF and SVG keep real text."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from matplotlib.transforms import Bbox

# (dx, dy) unit direction, horizontal and vertical alignment of the text at that side
_SIDES = {
    'E': ((1, 0), 'left', 'center'), 'W': ((-1, 0), 'right', 'center'),
    'NE': ((0.75, 0.75), 'left', 'bottom'), 'NW': ((-0.75, 0.75), 'right', 'bottom'),
    'SE': ((0.75, -0.75), 'left', 'top'), 'SW': ((-0.75, -0.75), 'right', 'top'),
    'N': ((0, 1), 'center', 'bottom'), 'S': ((0, -1), 'center', 'top'),
}
ORDER_LTR = ('E', 'NE', 'SE', 'W', 'NW', 'SW', 'N', 'S')
ORDER_RTL = ('W', 'NW', 'SW', 'E', 'NE', 'SE', 'N', 'S')


@dataclass
class LabelSpec:
    x: float                      # anchor in data coordinates
    y: float
    text: str
    radius_pt: float = 3.0        # half the symbol's size: the label starts beyond it
    rtl: bool = False             # prefer the left side (Arabic)
    style: dict = field(default_factory=dict)   # fontsize, color, family, fontstyle, ...
    halo: bool = True
    leader_colour: str = '#555555'
    centre: bool = False          # an area's name: try centred on the anchor first
    optional: bool = False        # beside its symbol and clear of everything, or not drawn at all


@dataclass
class Placed:
    spec: LabelSpec
    bbox: Bbox                    # display pixels
    texts: list                   # matplotlib artists (halo, text)
    ring: int                     # 0: beside the symbol; >0: further out with a leader line
    overlap: float                # pixels² overlapping earlier labels/obstacles (0 when clean)


def _overlap(a: Bbox, b: Bbox) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def _box_for(px: float, py: float, w: float, h: float, ha: str, va: str) -> Bbox:
    x0 = px if ha == 'left' else px - w if ha == 'right' else px - w / 2
    y0 = py if va == 'bottom' else py - h if va == 'top' else py - h / 2
    return Bbox.from_bounds(x0, y0, w, h)


def measure(fig, renderer, spec: LabelSpec) -> tuple[float, float]:
    t = fig.text(0, 0, spec.text, **spec.style)
    bb = t.get_window_extent(renderer=renderer)
    t.remove()
    return bb.width, bb.height


def place(ax, specs: list[LabelSpec], obstacles: list[Bbox] | None = None, rings: int = 4,
          pad_px: float = 1.5) -> list[Placed]:
    """Place the labels (already sorted by importance) on `ax` and return where they went."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer=renderer)
    px_per_pt = fig.dpi / 72.0
    taken: list[Bbox] = list(obstacles or [])
    placed: list[Placed] = []

    def inside(box: Bbox) -> bool:
        return (box.x0 >= frame.x0 + 2 and box.x1 <= frame.x1 - 2 and
                box.y0 >= frame.y0 + 2 and box.y1 <= frame.y1 - 2)

    for spec in specs:
        w, h = measure(fig, renderer, spec)
        w, h = w + 2 * pad_px, h + 2 * pad_px
        ax_x, ax_y = ax.transData.transform((spec.x, spec.y))
        candidates = []      # (order, box, dx, dy, ha, va, ring)
        if spec.centre:
            candidates.append((0, _box_for(ax_x, ax_y, w, h, 'center', 'center'), 0.0, 0.0, 'center', 'center', 0))
            base = h * 0.6
        else:
            base = spec.radius_pt * px_per_pt + 2.5 * px_per_pt
        order = ORDER_RTL if spec.rtl else ORDER_LTR
        for ring in range(1 if spec.optional else rings + 1):
            dist = base + ring * max(h, 10 * px_per_pt)
            sides = order if ring == 0 else order + order   # rings try each side at two angles
            for k, side in enumerate(sides):
                (ux, uy), ha, va = _SIDES[side]
                if ring and k >= len(order):                 # the second angle: rotated 22.5°
                    a = math.atan2(uy, ux) + math.radians(22.5 if ux >= 0 else -22.5)
                    ux, uy = math.cos(a), math.sin(a)
                bx, by = ax_x + ux * dist, ax_y + uy * dist
                candidates.append((len(candidates), _box_for(bx, by, w, h, ha, va), bx - ax_x, by - ax_y, ha, va, ring))
        best, best_cost = None, None
        for k, box, dx, dy, ha, va, ring in candidates:
            over = sum(_overlap(box, t) for t in taken)
            ok = inside(box)
            if ok and over == 0:
                best, best_cost = (box, dx, dy, ha, va, ring, 0.0), 0.0
                break
            cost = over + (0 if ok else 1e9) + ring * 50.0 + k * 2.0
            if best_cost is None or cost < best_cost:
                best, best_cost = (box, dx, dy, ha, va, ring, over), cost
        box, dx, dy, ha, va, ring, over = best
        if spec.optional and best_cost != 0.0:
            continue
        texts = _draw(ax, spec, dx / px_per_pt, dy / px_per_pt, ha, va, leader=ring > 0 and not spec.centre)
        taken.append(box)
        placed.append(Placed(spec, box, texts, ring, over))
    return placed


def _draw(ax, spec: LabelSpec, dx_pt: float, dy_pt: float, ha: str, va: str, leader: bool) -> list:
    from matplotlib import patheffects

    arrow = None
    if leader:
        arrow = dict(arrowstyle='-', color=spec.leader_colour, lw=0.6, shrinkA=1.5, shrinkB=spec.radius_pt + 1)
    common = dict(xy=(spec.x, spec.y), xytext=(dx_pt, dy_pt), textcoords='offset points', ha=ha, va=va,
                  annotation_clip=False, zorder=20, **spec.style)
    texts = []
    if spec.halo:
        halo = ax.annotate(spec.text, arrowprops=arrow, **common)
        halo.set_path_effects([patheffects.Stroke(linewidth=2.8, foreground='white')])
        halo.set_zorder(19)
        texts.append(halo)
        arrow = None
    texts.append(ax.annotate(spec.text, arrowprops=arrow, **common))
    return texts
