"""The two small maps beside a static map's main map.

- The locator: a wide map (region or world) with the main map's frame outlined in red and the
  places far from the focus, which the main map cannot show.
- The detail: an enlargement of a tight cluster (a city and its neighbourhoods) that the main map
  shows too small to label, drawn in an empty corner of the main map and outlined on it."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..model import Place
from ..placetypes import WIDE_AREAS
from . import basemap, style
from .fonts import families, text_style
from .labels import LabelSpec, place as place_labels
from .layers import View
from .projection import Projection, fit, for_extent, projected_bounds
from .style import DETAIL_INK, FRAME_RED


def frame_outline_lonlat(view: View, n: int = 9):
    """The main map's frame as lon/lat arrays (densified), for drawing it on another map."""
    x0, y0, x1, y1 = view.frame
    t = np.linspace(0, 1, n)
    fx = np.concatenate([x0 + (x1 - x0) * t, np.full_like(t, x1), x1 - (x1 - x0) * t, np.full_like(t, x0)])
    fy = np.concatenate([np.full_like(t, y0), y0 + (y1 - y0) * t, np.full_like(t, y1), y1 - (y1 - y0) * t])
    return view.proj.lonlat(fx, fy)


# --- locator -------------------------------------------------------------------------------------

def far_box(p: Place):
    """Lon/lat box of a far country on the locator: its Natural Earth outline, else its own bbox;
    None for any other place."""
    if p.type != 'country':
        return None
    shape = basemap.country_shape(p.country)
    if shape is not None:
        w, s, e, n = shape.bounds
        if e - w < 180:            # not a country across the antimeridian (Russia, Fiji...)
            return w, s, e, n
        return max(w, p.lon - 40), s, min(e, p.lon + 40), n
    return tuple(p.bbox) if p.bbox else None


def locator_box(frame_lon, frame_lat, far: list[Place]) -> tuple[float, float, float, float]:
    """Lon/lat box of the locator: the main frame and every far place, and never less than ~8 times
    the main map or 12 degrees, so that it shows where the main map is."""
    lons, lats = list(frame_lon), list(frame_lat)
    for p in far:
        box = far_box(p)
        if box:
            lons += [box[0], box[2]]
            lats += [box[1], box[3]]
        else:
            lons.append(p.lon)
            lats.append(p.lat)
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    cx, cy = (w + e) / 2, (s + n) / 2
    span = max(e - w, (n - s) * 1.3, 8 * (max(frame_lon) - min(frame_lon)), 12.0)
    hw, hh = span / 2 * 1.08, max((n - s) / 2 * 1.12, span / 2.6)
    return max(-180.0, cx - hw), max(-75.0, cy - hh), min(180.0, cx + hw), min(84.0, cy + hh)


def draw_locator(fig, rect_frac, rect_in, main: View, far: list[Place], shaded: set[str], lang: str,
                 scale: float, texts: list[str], used_types: dict, areas=()) -> View:
    """The locator: where the main map lies (its frame in red), the far places, and the outlines of
    the named admin areas (lon/lat shapes), whose extent the main map may be too close to show."""
    flon, flat = frame_outline_lonlat(main)
    box = locator_box(flon, flat, far)
    proj = for_extent(*box)
    if proj.kind == 'local':   # a locator needs no scale bar: an equal-area view of the region
        proj = Projection(f'+proj=laea +lat_0={proj.lat0:.4f} +lon_0={proj.lon0:.4f} +x_0=0 +y_0=0 '
                          f'+datum=WGS84 +units=m +no_defs', 'regional', proj.lon0, proj.lat0)
    ax = fig.add_axes(rect_frac)
    if proj.kind == 'world':
        frame = fit(-16.9e6, -7.6e6, 16.9e6, 8.6e6, rect_in[0], rect_in[1], pad=0.0)
    else:
        frame = fit(*projected_bounds(proj, box), rect_in[0], rect_in[1], pad=0.0)
    view = View(ax, proj, frame, scale=scale * 0.75)
    view.draw_basemap(shaded, rivers=False, admin=False)
    for geom in areas:
        view.draw_area(geom, style.colour('admin1'), fill_alpha=0.18, dashed=True, lw=1.1)
    for spine in ax.spines.values():
        spine.set_edgecolor('#666666')
        spine.set_linewidth(0.8)
    ix, iy = proj.xy(flon, flat)
    ax.fill(ix, iy, facecolor=FRAME_RED + '33', edgecolor=FRAME_RED, lw=1.4 * scale, zorder=15)
    if (np.nanmax(ix) - np.nanmin(ix)) < (frame[2] - frame[0]) * 0.05:   # small: ring it so it is seen
        ax.plot([np.nanmean(ix)], [np.nanmean(iy)], marker='o', markersize=13 * scale, markerfacecolor='none',
                markeredgecolor=FRAME_RED, markeredgewidth=1.4 * scale, zorder=16)
    specs = []
    for p in far:
        if p.type in WIDE_AREAS:
            continue
        x, y, r = view.draw_place(p, size_scale=0.7)
        used_types[p.type] = used_types.get(p.type, True) and p.approximate
        if view.in_frame(x, y):
            text = style.label(p, lang).split('\n')[0]
            texts.append(text)
            specs.append(LabelSpec(x, y, text, radius_pt=r, rtl=lang == 'ar', style=text_style(text, 7.0 * scale)))
    place_labels(ax, specs, rings=2)
    return view


# --- detail --------------------------------------------------------------------------------------

@dataclass
class Cluster:
    members: list[int]          # indices into Result.places
    lead: int                   # the member labelled on the main map
    box_xy: tuple[float, float, float, float]   # projected bounds (main projection), circles included


# the detail map spans its cluster's box this many times over (room for labels around it)
DETAIL_SPAN = 1.9
# ... and must show it at least this many times larger than the main map does
MIN_ENLARGEMENT = 1.5


def find_cluster(view: View, places: list[Place], indices: list[int], min_members: int = 3,
                 detail_frac: float = 0.36) -> Cluster | None:
    """A tight group of places that the main map shows too small to label: at least
    `min_members` points within 7 % of the frame's width of one of them, spanning under a quarter
    of the frame, and small enough that a detail map `detail_frac` of the main map's width
    enlarges it (a detail map at the main map's scale or smaller is no detail)."""
    x0, y0, x1, y1 = view.frame
    width = x1 - x0
    pts = []
    for i in indices:
        p = places[i]
        if p.type in WIDE_AREAS:
            continue
        x, y = view.xy(p)
        pts.append((i, x, y, 0.0))      # the points decide; uncertainty circles may run off the detail map
    if len(pts) < min_members:
        return None
    radius = 0.07 * width
    best = None
    for i, x, y, _ in pts:
        members = [q for q in pts if math.hypot(q[1] - x, q[2] - y) <= radius]
        key = (len(members), len(places[i].mentions), style.TYPE_RANK.get(places[i].type, 9) * -1)
        if best is None or key > best[0]:
            best = (key, members)
    members = best[1]
    if len(members) < min_members or len(members) == len(pts):
        return None
    bx0 = min(q[1] - q[3] for q in members)
    bx1 = max(q[1] + q[3] for q in members)
    by0 = min(q[2] - q[3] for q in members)
    by1 = max(q[2] + q[3] for q in members)
    if max(bx1 - bx0, by1 - by0) > 0.3 * width or \
            max(bx1 - bx0, by1 - by0, 3000.0) * DETAIL_SPAN * MIN_ENLARGEMENT > detail_frac * width:
        return None
    lead = min((q[0] for q in members),
               key=lambda i: (places[i].approximate, style.TYPE_RANK.get(places[i].type, 9), -len(places[i].mentions)))
    return Cluster([q[0] for q in members], lead, (bx0, by0, bx1, by1))


def frame_points(view: View, places: list[Place]) -> list[tuple[float, float]]:
    """Where the point places fall on the main map, as fractions of its frame."""
    x0, y0, x1, y1 = view.frame
    pts = []
    for p in places:
        if p.type in WIDE_AREAS:
            continue
        x, y = view.xy(p)
        if view.in_frame(x, y):
            pts.append(((x - x0) / (x1 - x0), (y - y0) / (y1 - y0)))
    return pts


def detail_corner(view: View, places: list[Place], cluster: Cluster, width_frac: float, height_frac: float,
                  avoid: list[str]) -> str:
    """The corner of the main map ('ur', 'ul', 'lr', 'll') where the detail hides the fewest places
    and sits farthest from the cluster itself."""
    x0, y0, x1, y1 = view.frame
    pts = frame_points(view, places)
    cx = ((cluster.box_xy[0] + cluster.box_xy[2]) / 2 - x0) / (x1 - x0)
    cy = ((cluster.box_xy[1] + cluster.box_xy[3]) / 2 - y0) / (y1 - y0)
    best = None
    for corner in ('ur', 'lr', 'ul', 'll'):
        fx0 = 1 - width_frac - 0.015 if corner[1] == 'r' else 0.015
        fy0 = 1 - height_frac - 0.015 if corner[0] == 'u' else 0.015
        inside = sum(1 for px, py in pts if fx0 - 0.04 <= px <= fx0 + width_frac + 0.04
                     and fy0 - 0.04 <= py <= fy0 + height_frac + 0.04)
        dist = math.hypot(fx0 + width_frac / 2 - cx, fy0 + height_frac / 2 - cy)
        key = (inside, corner in avoid, -dist)
        if best is None or key < best[0]:
            best = (key, corner)
    return best[1]


def north_position(view: View, places: list[Place], detail_at: str | None, detail_h: float, scale_at: str,
                   avoid: list[tuple[float, float, float, float]]) -> tuple[float, float]:
    """Where the north arrow's tip goes (axes fraction): a top corner, or just below the detail map
    when it holds that corner, or a free bottom corner; the one in nobody's way."""
    x0, y0, x1, y1 = view.frame
    pts = frame_points(view, places)
    candidates = []
    for side, cx in (('r', 0.955), ('l', 0.045)):
        top = 0.975
        if detail_at == 'u' + side:
            top = 1 - detail_h - 0.05
        candidates.append((cx, top))
    for side, cx in (('r', 0.955), ('l', 0.045)):
        if scale_at != 'l' + side and detail_at != 'l' + side:
            candidates.append((cx, 0.2))
    best = None
    for k, (cx, top) in enumerate(candidates):
        bx0, bx1, by0, by1 = cx - 0.045, cx + 0.045, top - 0.16, top
        hits = sum(1 for px, py in pts if bx0 - 0.02 <= px <= bx1 + 0.02 and by0 - 0.02 <= py <= by1 + 0.02)
        hits += sum(1 for a in avoid if not (a[2] < bx0 or bx1 < a[0] or a[3] < by0 or by1 < a[1]))
        if best is None or (hits, k) < best[0]:
            best = ((hits, k), (cx, top))
    return best[1]


def scale_bar_and_north(ax, scale: float, scale_at: str, north_xy: tuple[float, float]) -> None:
    """A scale bar in a bottom corner ('ll' or 'lr') of a map in a true-scale projection (metres), and a
    north arrow whose tip is at `north_xy` (axes fraction): the single-document and the corpus maps'."""
    from matplotlib_scalebar.scalebar import ScaleBar
    fam = families('km')
    ax.add_artist(ScaleBar(1.0, 'm', location='lower left' if scale_at == 'll' else 'lower right',
                           length_fraction=0.22, box_alpha=0.8, color='#333333', frameon=True, pad=0.5,
                           border_pad=0.7, sep=3, width_fraction=0.012,
                           font_properties={'family': fam, 'size': 7.5 * scale}))
    x, y = north_xy
    ax.annotate('N', xy=(x, y), xytext=(x, y - 0.1), xycoords='axes fraction', textcoords='axes fraction',
                ha='center', va='center', fontsize=10 * scale, fontfamily=fam, color='#222222', zorder=30,
                arrowprops=dict(arrowstyle='-|>,head_length=0.8,head_width=0.35', color='#222222',
                                lw=1.6 * scale, shrinkA=5 * scale, shrinkB=0))


def draw_detail(fig, main: View, places: list[Place], cluster: Cluster, corner: str, width_frac: float,
                lang: str, scale: float, texts: list[str], title: str) -> View:
    from matplotlib.patches import Rectangle

    ax_main = main.ax
    pos = ax_main.get_position()
    fx0 = 1 - width_frac - 0.015 if corner[1] == 'r' else 0.015
    bx0, by0, bx1, by1 = cluster.box_xy
    # a square-ish enlargement of the cluster, with room for the labels around it
    side = max(bx1 - bx0, by1 - by0, 3000.0) * DETAIL_SPAN
    cx, cy = (bx0 + bx1) / 2, (by0 + by1) / 2
    fig_w, fig_h = fig.get_size_inches()
    w_in = pos.width * fig_w * width_frac
    h_in = w_in * 0.82
    height_frac = h_in / (pos.height * fig_h)
    fy0 = 1 - height_frac - 0.015 if corner[0] == 'u' else 0.015
    rect = [pos.x0 + pos.width * fx0, pos.y0 + pos.height * fy0, pos.width * width_frac, pos.height * height_frac]
    ax = fig.add_axes(rect, zorder=5)
    frame = fit(cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2, w_in, h_in, pad=0.0)
    view = View(ax, main.proj, frame, scale=scale)
    view.draw_basemap(set(), rivers=True, admin=True)
    for spine in ax.spines.values():
        spine.set_edgecolor(DETAIL_INK)
        spine.set_linewidth(1.2)
    # the enlarged area, outlined on the main map
    ax_main.add_patch(Rectangle((frame[0], frame[1]), frame[2] - frame[0], frame[3] - frame[1], facecolor='none',
                                edgecolor=DETAIL_INK, lw=1.0 * scale, zorder=12))
    specs = []
    for i in sorted(cluster.members, key=lambda i: (-len(places[i].mentions), style.TYPE_RANK.get(places[i].type, 9))):
        p = places[i]
        x, y, r = view.draw_place(p)
        text = style.label(p, lang)
        texts.append(text)
        specs.append(LabelSpec(x, y, text, radius_pt=r, rtl=lang == 'ar',
                               style=text_style(text, 8.0 * scale, style.APPROX_INK if p.approximate else style.LABEL_INK,
                                                italic=p.approximate)))
    place_labels(ax, specs, rings=4)
    texts.append(title)
    ax.text(0.5, 0.985, title, transform=ax.transAxes, ha='center', va='top', zorder=30,
            **text_style(title, 7.5 * scale, DETAIL_INK),
            bbox=dict(boxstyle='square,pad=0.25', facecolor='white', edgecolor='none', alpha=0.85))
    _small_scale_bar(ax, scale)
    return view


def _small_scale_bar(ax, scale: float):
    from matplotlib_scalebar.scalebar import ScaleBar

    ax.add_artist(ScaleBar(1.0, 'm', location='lower right', length_fraction=0.3, box_alpha=0.75, color='#333333',
                           frameon=True, pad=0.3, border_pad=0.4, sep=2, width_fraction=0.015,
                           font_properties={'family': families('km'), 'size': 6.5 * scale}))
