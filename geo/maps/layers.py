"""Drawing on one matplotlib axes in one projection: the basemap cut to the view, named areas,
places (symbols by type, size by mentions, paleness by confidence, dashed circles for approximate
places).  Used by the main map and the inset locator alike.

A symbol need never hide another: with `spread`, one that would fall on a symbol already drawn is
moved to a free slot on a small ring around it, with a short leader back to its true point
(`View.draw_place`); draw the place that should stay at the spot (the located one, the bigger type)
first."""
from __future__ import annotations

import math

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.patches import Circle, PathPatch
from matplotlib.path import Path as MPath

from ..model import Place
from . import basemap, style
from .projection import Projection
from .style import ADMIN_LINE, BORDER, LAND, NAMED_LAND, RIVER, WATER, WATER_EDGE

SYMBOL_GAP_PT = 1.5     # the least white between two symbols, in points
LEADER_PT = 3.0         # how much farther a symbol moved aside sits, so that its leader shows
LEADER = '#7a7a7a'
# the slots around a symbol that another one moves to, by preference (degrees, counter-clockwise
# from east), on the first ring and on a second, wider one
RINGS = ((30, 150, 330, 210, 90, 270), (0, 180, 60, 120, 240, 300, 15, 165, 345, 195, 90, 270))


def polygon_path(geom) -> MPath | None:
    """A shapely (Multi)Polygon (projected) as one matplotlib compound path, holes included."""
    import shapely
    verts, codes = [], []
    for poly in shapely.get_parts(geom):
        if poly.is_empty or poly.geom_type != 'Polygon':
            continue
        for ring in [poly.exterior, *poly.interiors]:
            xy = np.asarray(ring.coords)
            if len(xy) < 3:
                continue
            verts.append(xy)
            c = np.full(len(xy), MPath.LINETO, dtype=np.uint8)
            c[0] = MPath.MOVETO
            c[-1] = MPath.CLOSEPOLY
            codes.append(c)
    if not verts:
        return None
    return MPath(np.concatenate(verts), np.concatenate(codes))


def line_segments(geoms) -> list[np.ndarray]:
    import shapely
    out = []
    for g in geoms:
        for part in shapely.get_parts(g):
            if part.geom_type == 'LineString' and not part.is_empty:
                out.append(np.asarray(part.coords))
            elif part.geom_type in ('Polygon',):
                out.append(np.asarray(part.exterior.coords))
    return out


class View:
    """One axes, its projection and the lon/lat box of what it shows."""

    def __init__(self, ax, proj: Projection, frame_xy: tuple[float, float, float, float], scale: float = 1.0):
        self.ax = ax
        self.proj = proj
        self.frame = frame_xy                      # x0, y0, x1, y1 in projected metres
        self.box = proj.lonlat_bounds(*frame_xy)   # lon/lat box covering the frame
        self.scale = scale                         # line widths and sizes relative to A4
        ax.set_xlim(frame_xy[0], frame_xy[2])
        ax.set_ylim(frame_xy[1], frame_xy[3])
        ax.set_aspect('equal', adjustable='box')
        ax.set_autoscale_on(False)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_facecolor(WATER)
        self.layers: set[str] = set()
        self._circles: set = set()
        self.symbols: list[tuple[float, float, float]] = []   # (x, y) drawn and radius in points

    @property
    def pt_per_m(self) -> float:
        """Points of the page per projected metre."""
        fig = self.ax.figure
        return self.ax.get_position().width * fig.get_figwidth() * 72.0 / max(self.frame[2] - self.frame[0], 1e-9)

    @property
    def simplify_deg(self) -> float:
        """Simplification tolerance: about half a pixel of the drawn map, in degrees."""
        fig = self.ax.figure
        w_px = self.ax.get_position().width * fig.get_figwidth() * max(fig.dpi, 150)
        w, s, e, n = self.box
        return 0.5 * (e - w) / max(w_px, 1.0)

    def project(self, geoms):
        return self.proj.geoms(np.asarray(geoms, dtype=object))

    def _patch(self, geoms, **kw):
        paths = [p for p in (polygon_path(g) for g in geoms) if p is not None]
        if paths:   # add_artist, not add_patch: the limits are set, no need to measure every curve
            self.ax.add_artist(PathPatch(MPath.make_compound_path(*paths), **kw))

    # --- basemap ------------------------------------------------------------------------------

    def draw_basemap(self, shaded_countries: set[str], rivers: bool = True, admin: bool = True,
                     lakes: bool = True):
        import shapely
        ax, s = self.ax, self.scale
        tol = self.simplify_deg
        iso, geoms = basemap.country_geoms(self.box, tol)
        proj = self.project(geoms)
        shaded = np.array([i in shaded_countries for i in iso], dtype=bool)
        self._patch(proj[~shaded], facecolor=LAND, edgecolor='none', zorder=1)
        self._patch(proj[shaded], facecolor=NAMED_LAND, edgecolor='none', zorder=1)
        self.layers.add('countries')
        if lakes and tol < 0.08:
            lk = basemap.lakes().clip(self.box, simplify=tol)
            if len(lk):
                self._patch(self.project(lk), facecolor=WATER, edgecolor=WATER_EDGE, lw=0.3 * s, zorder=2)
                self.layers.add('lakes')
        if rivers:
            rv = basemap.rivers().clip(self.box, simplify=tol)
            if len(rv):
                ax.add_collection(LineCollection(line_segments(self.project(rv)), colors=RIVER,
                                                 linewidths=0.9 * s, zorder=3, capstyle='round',
                                                 joinstyle='round'), autolim=False)
                self.layers.add('rivers')
        if admin:
            ad = basemap.admin1_lines().clip(self.box, simplify=tol)
            if len(ad):
                ax.add_collection(LineCollection(line_segments(self.project(ad)), colors=ADMIN_LINE,
                                                 linewidths=0.6 * s, linestyles=(0, (4, 2)), zorder=4), autolim=False)
                self.layers.add('admin1')
        # international borders and coasts on top: the outlines of the countries, as lines
        ax.add_collection(LineCollection(line_segments(shapely.boundary(proj)), colors=BORDER,
                                         linewidths=0.7 * s, zorder=5), autolim=False)

    def draw_area(self, geom, colour: str, fill_alpha: float = 0.07, dashed: bool = True, lw: float = 1.6):
        """Outline (and lightly shade) a named area; returns the projected visible part."""
        import shapely
        part = shapely.intersection(geom, shapely.box(*self.box))
        if part.is_empty:
            return None
        part = shapely.simplify(part, self.simplify_deg, preserve_topology=True)
        g = self.project([part])[0]
        path = polygon_path(g)
        if path is None:
            return None
        x0, y0, x1, y1 = self.frame
        covers = shapely.intersection(g, shapely.box(x0, y0, x1, y1)).area >= 0.9 * (x1 - x0) * (y1 - y0)
        if fill_alpha and not covers:     # an area covering the whole map is outlined, not tinted
            self.ax.add_patch(PathPatch(path, facecolor=colour, alpha=fill_alpha, edgecolor='none', zorder=6))
        self.ax.add_patch(PathPatch(path, facecolor='none', edgecolor=colour, lw=lw * self.scale, alpha=0.85,
                                    linestyle=(0, (6, 3)) if dashed else '-', zorder=6))
        return g

    # --- places -------------------------------------------------------------------------------

    def xy(self, place: Place) -> tuple[float, float]:
        x, y = self.proj.xy(place.lon, place.lat)
        return float(x), float(y)

    def in_frame(self, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.frame
        return x0 <= x <= x1 and y0 <= y <= y1

    def free_spot(self, x: float, y: float, r_pt: float) -> tuple[float, float]:
        """Where a symbol of radius r_pt (points) meant for (x, y) is drawn: there when it hides no
        symbol already drawn, else the first free slot on a ring around the symbol it would hide
        (the slot nearest its own direction first, when it is not at the very same spot)."""
        k = self.pt_per_m
        gap = SYMBOL_GAP_PT * self.scale

        def clash(px, py):
            return [sym for sym in self.symbols
                    if math.hypot((px - sym[0]) * k, (py - sym[1]) * k) < r_pt + sym[2] + gap]

        hits = clash(x, y)
        if not hits:
            return x, y
        ax_, ay_, ar = min(hits, key=lambda sym: math.hypot(x - sym[0], y - sym[1]))
        own = math.degrees(math.atan2(y - ay_, x - ax_)) if math.hypot((x - ax_) * k, (y - ay_) * k) > 0.5 else None
        dist = ar + r_pt + gap + LEADER_PT * self.scale
        for ring, angles in enumerate(RINGS):
            if own is not None:
                angles = sorted(angles, key=lambda a: abs((a - own + 180) % 360 - 180))
            for a in angles:
                px = ax_ + math.cos(math.radians(a)) * dist / k
                py = ay_ + math.sin(math.radians(a)) * dist / k
                if not clash(px, py):
                    return px, py
            dist += 2 * r_pt + gap
        return px, py           # a crowd of more than 18: the last slot of the outer ring

    def draw_place(self, place: Place, size_scale: float = 1.0, spread: bool = False) -> tuple[float, float, float]:
        """Symbol of one place; returns (x, y, radius in points) of the symbol as drawn: at the
        place, or (`spread`) beside it with a leader when a symbol drawn before sits there.  A map
        that spreads its symbols must keep its labels off all of them (`symbols`)."""
        x, y = self.xy(place)
        colour = style.colour(place.type)
        size = style.size_pt(place) * self.scale * size_scale
        a = style.alpha(place)
        if place.approximate and place.uncertainty_km > 0:
            self._draw_circle(x, y, place.uncertainty_km * 1000.0, colour)
        face = 'white' if place.approximate else colour
        m = style.marker(place.type)
        ms = size * style.MARKER_SCALE.get(m, 1.0)
        sx, sy = self.free_spot(x, y, ms / 2) if spread else (x, y)
        if (sx, sy) != (x, y):      # a short leader from the true point to the symbol moved aside
            self.ax.plot([x, sx], [y, sy], color=LEADER, lw=0.6 * self.scale, solid_capstyle='round', zorder=9)
        self.symbols.append((sx, sy, ms / 2))
        self.ax.plot([sx], [sy], linestyle='none', marker=m, markersize=ms,
                     markerfacecolor=face, markeredgecolor='white' if face != 'white' else colour,
                     markeredgewidth=0.9 * self.scale if face != 'white' else 1.4 * self.scale,
                     alpha=a, zorder=10)
        return sx, sy, size / 2

    def _draw_circle(self, x: float, y: float, r: float, colour: str):
        """An uncertainty circle, faint so that it reads as a margin and not as a place: a thin light
        dashed edge, and a light tint when it is small (a wide one is an edge only: a tinted disc over a
        fifth of the map would read as an area)."""
        key = (round(x), round(y), round(r), colour)
        if key in self._circles:        # several places at one parent share one circle
            return
        self._circles.add(key)
        if r <= 0.12 * (self.frame[2] - self.frame[0]):
            self.ax.add_patch(Circle((x, y), r, facecolor=colour, alpha=0.05, edgecolor='none', zorder=7))
        self.ax.add_patch(Circle((x, y), r, fill=False, edgecolor=colour, lw=0.7 * self.scale,
                                 linestyle=(0, (3, 2.5)), alpha=0.5, zorder=7))
