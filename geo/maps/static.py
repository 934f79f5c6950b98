"""Result -> a static map for reports (PNG, SVG, PDF), drawn with matplotlib on offline data.

One page: a title; the main map framing the document's focus, in a projection suited to its
extent (Transverse Mercator for local maps, so the scale bar is true), over an offline basemap
(countries, admin boundaries, lakes, rivers); a north arrow and a scale bar; a detail map when a
tight cluster (a city and its neighbourhoods) is too small to label; a locator map showing where
the main map lies and the places far from it; a legend listing those far places; the credits of
every source drawn.

Arabic labels are shaped by matplotlib itself with Noto Sans Arabic; never reshaped a second time.
"""
from __future__ import annotations

import io
import re
import textwrap
from pathlib import Path

from ..model import Place, Result
from ..placetypes import AREA_TYPES, WIDE_AREAS
from . import basemap, fonts, reference, rivers, style
from .basemap import country_label
from .extent import Plan, bounds, focus
from .extent import plan as make_plan
from .fonts import text_style
from .insets import detail_corner, draw_detail, draw_locator, find_cluster, north_position, scale_bar_and_north
from .labels import LabelSpec, place as place_labels
from .layers import View
from .legend import LegendContent, draw_legend
from .page import Page, parse_size
from .projection import Projection, fit, for_extent, projected_bounds
from .style import APPROX_INK, LABEL_INK

FOCUS_RADIUS_KM = 150.0     # a printed page frames a tighter focus than the HTML map
LABEL_PT = {'city': 10.0, 'town': 9.0, 'admin1': 9.0, 'admin2': 8.5, 'village': 8.5, 'airport': 8.5}
WORLD_XY = (-16.9e6, -7.6e6, 16.9e6, 8.6e6)     # Equal Earth, 60°S to 85°N
DETAIL_WIDTH = 0.36         # of the main map's width
# no 'ps.fonttype': 42 here: with it, matplotlib 3.11 writes PDF text that extractors split mid-word
RC = {'pdf.fonttype': 42, 'svg.fonttype': 'none', 'axes.linewidth': 0.8,
      'font.family': ['Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans'], 'figure.max_open_warning': 0,
      'text.parse_math': False}   # titles and names are text: "$5m and $3m" is no formula (nor a crash)


class StaticMap:
    """The figure of one Result.  `draw()` returns the matplotlib Figure; `texts` holds every
    string drawn (for the SVG's embedded fonts), `placed` the main map's labels."""

    def __init__(self, result: Result, title: str | None = None, size='A4', dpi: int = 200,
                 label_lang: str | None = None, gazetteer: reference.PlaceSource | None = None, subtitle: str = ''):
        self.result = result
        self.subtitle = ' '.join(str(subtitle or '').split())   # the user's line under the title
        self.gazetteer = gazetteer      # where the reference places come from (None: none drawn)
        self.references = []
        self.title = title if title else result.id
        self.size = parse_size(size)
        self.dpi = int(dpi)
        self.lang = style.resolve_label_lang(label_lang, result.lang)
        self.words = style.WORDS[style.legend_lang(self.lang)]
        self.texts: list[str] = []
        self.used_types: dict[str, bool] = {}
        self.named_area_drawn = False
        self.outlined_areas = []        # the admin areas outlined (lon/lat), drawn on the locator too
        self.layers: set[str] = set()
        self.cluster = None
        self.placed = []

    # --- the page --------------------------------------------------------------------------------

    def draw(self):
        import matplotlib.pyplot as plt

        fonts.register()
        places = self.result.places
        plan = self._plan()
        proj = for_extent(*plan.bounds)
        if plan.world:
            content = WORLD_XY
        else:
            x0, y0, x1, y1 = projected_bounds(proj, plan.bounds)
            for p in (places[i] for i in plan.main if places[i].type not in WIDE_AREAS):
                px, py = proj.xy(p.lon, p.lat)     # the points, never their uncertainty circles
                x0, x1 = min(x0, float(px)), max(x1, float(px))
                y0, y1 = min(y0, float(py)), max(y1, float(py))
            content = (x0, y0, x1, y1)
        w, h, fixed = self.size
        if not fixed and (content[3] - content[1]) / max(content[2] - content[0], 1.0) > 1.25:
            w, h = h, w                     # tall content: portrait paper
        page = self.page = Page(w, h)
        fig = self.figure = plt.figure(figsize=(w, h), dpi=self.dpi)
        fig.patch.set_facecolor('white')
        ax = fig.add_axes(page.frac(page.main))
        frame = fit(*content, page.main[2], page.main[3], pad=0.02 if plan.world else 0.07)
        view = self.view = View(ax, proj, frame, scale=page.scale)
        for i in list(plan.far):   # far places the fitted frame shows after all
            if places[i].type not in WIDE_AREAS and view.in_frame(*view.xy(places[i])):
                plan.far.remove(i)
                plan.main.append(i)
        self.plan = plan
        self._draw_main(view, plan)
        if not plan.world:
            self.locator = draw_locator(fig, page.frac(page.inset), page.inset[2:], view, [places[i] for i in plan.far],
                                        self._named_countries(range(len(places))), self.lang, page.scale,
                                        self.texts, self.used_types, areas=self.outlined_areas)
        legend = LegendContent(self.lang, self.used_types,
                               drawn=[places[i] for i in plan.main + plan.far if places[i].type not in WIDE_AREAS],
                               far=[places[i] for i in plan.far], named_area=self.named_area_drawn,
                               named_countries=bool(self._named_countries(range(len(places)))),
                               layers=self.layers, locator=not plan.world, detail=self.cluster is not None,
                               reference=bool(self.references))
        self.texts += draw_legend(fig, page.frac(page.legend), page.legend[2], page.scale, legend)
        self._draw_title_and_credits(fig, page, proj)
        return fig

    def _plan(self) -> Plan:
        """The document's focus with the page's radius; named countries the main map shows part of
        stay on it (outlined), the others go to the locator."""
        import shapely
        plan = make_plan(self.result)
        places = self.result.places
        points = [i for i, p in enumerate(places) if p.type not in WIDE_AREAS]
        if plan.world or not points:
            return plan
        weights = [float(max(1, len(p.mentions))) for p in places]
        inside, _ = focus(places, weights, radius_km=FOCUS_RADIUS_KM)
        box = bounds([places[i] for i in inside], min_span_deg=0.2)
        main, far = [], []
        for i, p in enumerate(places):
            if i in inside:
                main.append(i)
            elif p.type in WIDE_AREAS:
                shape = basemap.country_shape(p.country) if p.type == 'country' else None
                (main if shape is not None and shape.intersects(shapely.box(*box)) else far).append(i)
            else:
                far.append(i)
        return Plan(main=main, far=far, bounds=box, world=False)

    def _named_countries(self, indices) -> set[str]:
        places = self.result.places
        return {places[i].country.upper() for i in indices if places[i].type == 'country' and places[i].country}

    # --- the main map ----------------------------------------------------------------------------

    def _draw_main(self, view: View, plan: Plan):
        from matplotlib.transforms import Bbox

        places = self.result.places
        ax, fig, s = view.ax, view.ax.figure, view.scale
        rtl = self.lang == 'ar'
        view.draw_basemap(set(), rivers=not plan.world, admin=not plan.world)   # named countries: outlined
        self.layers |= view.layers
        point_specs, area_specs, points = [], [], []
        for i in plan.main:
            p = places[i]
            if p.type in AREA_TYPES:
                outlined, spec = self._draw_area(view, p)
                if spec is not None:
                    area_specs.append(((style.TYPE_RANK.get(p.type, 9),), spec))
                if outlined or p.type in WIDE_AREAS:
                    continue    # outlined; or a region the basemap cannot outline (counted, not drawn)
            points.append(i)
        cluster = None if plan.world else find_cluster(view, places, points, detail_frac=DETAIL_WIDTH)
        self.cluster = cluster
        # located places and bigger types first: they keep their spot, and a symbol that would
        # hide one is drawn beside it, with a leader (View.draw_place)
        for i in sorted(points, key=lambda i: (places[i].approximate, style.TYPE_RANK.get(places[i].type, 9),
                                               -len(places[i].mentions), i)):
            p = places[i]
            x, y, r = view.draw_place(p, spread=True)
            self.used_types[p.type] = self.used_types.get(p.type, True) and p.approximate
            if cluster is not None and i in cluster.members and i != cluster.lead:
                continue        # labelled on the detail map
            text = style.area_label(p, self.lang)     # 'Nineveh province' when an area is a point
            self.texts.append(text)
            prio = (-len(p.mentions), style.TYPE_RANK.get(p.type, 9), -p.confidence)
            point_specs.append((prio, LabelSpec(x, y, text, radius_pt=r, rtl=rtl,
                                                style=text_style(text, LABEL_PT.get(p.type, 8.0) * s,
                                                                 APPROX_INK if p.approximate else LABEL_INK,
                                                                 italic=p.approximate))))
        if not plan.world:
            area_specs += self._context_labels(view)
        renderer = fig.canvas.get_renderer()
        box = ax.get_window_extent(renderer=renderer)
        obstacles, avoid = [], []
        detail_at, dh = None, 0.0
        if cluster is not None:
            dh = DETAIL_WIDTH * 0.82 * box.width / box.height
            detail_at = detail_corner(view, places, cluster, DETAIL_WIDTH, dh, avoid=['ll'])
            x0 = box.x0 + box.width * (1 - DETAIL_WIDTH - 0.015 if detail_at[1] == 'r' else 0.015)
            y0 = box.y0 + box.height * (1 - dh - 0.015 if detail_at[0] == 'u' else 0.015)
            obstacles.append(Bbox.from_bounds(x0 - 4, y0 - 4, box.width * DETAIL_WIDTH + 8, box.height * dh + 8))
            fx0, fy0, fx1, fy1 = view.frame
            cb = cluster.box_xy
            avoid.append(((cb[0] - fx0) / (fx1 - fx0), (cb[1] - fy0) / (fy1 - fy0),
                          (cb[2] - fx0) / (fx1 - fx0), (cb[3] - fy0) / (fy1 - fy0)))
        scale_at = 'lr' if detail_at == 'll' else 'll'
        north_xy = north_position(view, places, detail_at, dh, scale_at, avoid)
        if view.proj.true_scale:
            sx = box.x0 if scale_at == 'll' else box.x1 - box.width * 0.34
            obstacles.append(Bbox.from_bounds(sx, box.y0, box.width * 0.34, box.height * 0.11))
            obstacles.append(Bbox.from_bounds(box.x0 + box.width * (north_xy[0] - 0.045),
                                              box.y0 + box.height * (north_xy[1] - 0.16),
                                              box.width * 0.09, box.height * 0.16))
        px = fig.dpi / 72.0
        for x, y, r in view.symbols:          # every symbol is in the way of every label
            sx, sy = ax.transData.transform((x, y))
            rr = r * px
            obstacles.append(Bbox.from_extents(sx - rr, sy - rr, sx + rr, sy + rr))
        specs = [sp for _, sp in sorted(point_specs, key=lambda t: t[0])]
        specs += [sp for _, sp in sorted(area_specs, key=lambda t: t[0])]
        self.placed = place_labels(ax, specs, obstacles)
        if not plan.world:      # the basemap's and the gazetteer's names: only where they fit
            taken = obstacles + [p.bbox for p in self.placed]
            named = rivers.draw(view, taken, self.lang)     # appends the names' boxes to taken
            if named:
                self.layers.add('river_names')
                self.texts += [t.get_text() for t in named]
            refs = reference.candidates(self.gazetteer, view.box, self.result, self.lang)
            self.references = reference.draw(view, refs, taken, self.lang)
            self.texts += [p.spec.text for p in self.references]
        if view.proj.true_scale:
            scale_bar_and_north(ax, view.scale, scale_at, north_xy)
        if cluster is not None:
            lead = places[cluster.lead]
            title = f"{self.words['detail_title']}: {style.label(lead, self.lang).split(chr(10))[0]}"
            self.detail = draw_detail(fig, view, places, cluster, detail_at, DETAIL_WIDTH, self.lang, s,
                                      self.texts, title)
            self.layers |= self.detail.layers

    def _draw_area(self, view: View, p: Place) -> tuple[bool, LabelSpec | None]:
        """Outline a named country or admin area: (outlined?, the spec of its name or None)."""
        import shapely
        geom = basemap.area_shape(p)
        if geom is None:
            return False, None
        g = view.draw_area(geom, style.colour(p.type), fill_alpha=0.0 if p.type == 'country' else 0.06,
                           dashed=p.type != 'country', lw=1.2 if p.type == 'country' else 1.6)
        if g is None:
            return False, None
        self.named_area_drawn = True
        if p.type != 'country':
            self.outlined_areas.append(geom)
        text = style.area_label(p, self.lang)
        self.texts.append(text)
        anchor = self._area_anchor(p, shapely.intersection(g, shapely.box(*view.frame)), view)
        if anchor is None:
            return True, None
        spec = LabelSpec(anchor[0], anchor[1], text, radius_pt=0.0, rtl=self.lang == 'ar', centre=True,
                         style=text_style(text, (10.5 if p.type == 'country' else 9.5) * view.scale,
                                          style.colour(p.type), italic=True))
        return True, spec

    def _area_anchor(self, p: Place, visible, view: View):
        """Where to write an area's name: its label point when in the frame; along the bottom
        (countries) or top (admin areas) edge when the area covers the whole frame; else at the
        visual centre of its visible part."""
        import shapely
        from shapely.ops import polylabel
        if visible is None or visible.is_empty:
            return None
        x0, y0, x1, y1 = view.frame
        if visible.area >= 0.9 * (x1 - x0) * (y1 - y0):
            fy = 0.05 if p.type == 'country' else 0.95
            return (x0 + x1) / 2, y0 + (y1 - y0) * fy
        if p.type == 'country':
            rows = basemap.countries()
            rows = rows[rows.iso2 == p.country.upper()]
            if not rows.empty:
                lx, ly = view.proj.xy(float(rows.LABEL_X.iloc[0]), float(rows.LABEL_Y.iloc[0]))
                if view.in_frame(float(lx), float(ly)):
                    return float(lx), float(ly)
        part = max(shapely.get_parts(visible), key=lambda g: g.area)
        try:
            pt = polylabel(part, tolerance=max(x1 - x0, y1 - y0) / 200)
        except Exception:       # a degenerate sliver: any point inside will do
            pt = part.representative_point()
        return float(pt.x), float(pt.y)

    def _context_labels(self, view: View):
        """Grey names of the countries around, at their label points, for orientation."""
        named = self._named_countries(self.plan.main)
        out = []
        for row in basemap.countries_in(view.box).itertuples():
            if not row.iso2 or row.iso2 in named:
                continue
            x, y = view.proj.xy(row.LABEL_X, row.LABEL_Y)
            if not view.in_frame(float(x), float(y)):
                continue
            text = country_label(row.iso2, self.lang)
            self.texts.append(text)
            out.append(((20,), LabelSpec(float(x), float(y), text, centre=True, rtl=self.lang == 'ar',
                                         style=text_style(text, 9.0 * view.scale, '#8a8a8a'))))
        return out

    # --- title and credits -----------------------------------------------------------------------

    def _draw_title_and_credits(self, fig, page: Page, proj: Projection):
        s = page.scale
        rtl = style.has_arabic(self.title) and not re.search(r'[A-Za-z]', self.title)
        x = 1 - page.margin / page.w if rtl else page.margin / page.w
        ha = 'right' if rtl else 'left'
        y = page.title_top / page.h
        head = fig.text(x, y, self.title, ha=ha, va='top', fontsize=15 * s, fontfamily=fonts.families(self.title),
                        color='#111111')
        _fit_line(head, (page.w - 2 * page.margin) * fig.dpi, min_size=10 * s)
        n = len(self.plan.main) + len(self.plan.far)
        unresolved = len(self.result.unresolved)
        if style.legend_lang(self.lang) == 'ar':
            sub = f'الأماكن على الخريطة: {n}'
            if unresolved:
                sub += f' · أسماء لم يُحدَّد موقعها: {unresolved}'
        else:
            sub = f'{n} place{"s" if n != 1 else ""} mapped'
            if unresolved:
                sub += f' · {unresolved} name{"s" if unresolved != 1 else ""} not located'
        if self.subtitle:
            sub = f'{self.subtitle} · {sub}'
        fig.text(x, y - 0.33 * s / page.h, sub, ha=ha, va='top', fontsize=8.5 * s, fontfamily=fonts.families(sub),
                 color='#555555')
        credit = basemap.credits(self.layers, self.result.places) + ' · Projection: ' + proj.describe()
        width_chars = int((page.w - 2 * page.margin) * 72 / (6.2 * s * 0.5))
        fig.text(page.margin / page.w, page.margin * 0.6 / page.h, '\n'.join(textwrap.wrap(credit, width_chars)),
                 ha='left', va='bottom', fontsize=6.2 * s, fontfamily=fonts.families('a'), color='#555555',
                 linespacing=1.3)
        self.texts += [self.title, head.get_text(), sub, credit]


def _fit_line(text, width_px: float, min_size: float) -> None:
    """Fit a one-line text (a long headline) in `width_px`: a smaller font down to `min_size`,
    then the last words left out for an ellipsis."""
    renderer = text.figure.canvas.get_renderer()
    wide = text.get_window_extent(renderer=renderer).width
    if wide > width_px:
        text.set_fontsize(max(min_size, text.get_fontsize() * width_px / wide))
    words = text.get_text().split()
    while len(words) > 1 and text.get_window_extent(renderer=renderer).width > width_px:
        words.pop()
        text.set_text(' '.join(words) + ' …')


def draw(result: Result, title: str | None = None, size='A4', dpi: int = 200, label_lang: str | None = None,
         gazetteer: reference.PlaceSource | None = None, subtitle: str = ''):
    """The matplotlib Figure of a Result's static map (its StaticMap is `fig.geo_map`)."""
    import matplotlib
    matplotlib.use('Agg', force=False)
    m = StaticMap(result, title=title, size=size, dpi=dpi, label_lang=label_lang, gazetteer=gazetteer,
                  subtitle=subtitle)
    with matplotlib.rc_context(RC):
        fig = m.draw()
    fig.geo_map = m
    return fig


def render(result: Result, fmt: str, title: str | None = None, dpi: int = 200, size='A4',
           label_lang: str | None = None, gazetteer: reference.PlaceSource | None = None, subtitle: str = '') -> bytes:
    """The map as PNG, SVG or PDF bytes; `gazetteer` (an Index) gives the reference places;
    `subtitle` a line of the user's under the title (before the count of places)."""
    import matplotlib
    matplotlib.use('Agg', force=False)
    import matplotlib.pyplot as plt

    fmt = fmt.lower()
    if fmt not in ('png', 'svg', 'pdf'):
        raise ValueError(f'static maps are png, svg or pdf, not {fmt!r}')
    m = StaticMap(result, title=title, size=size, dpi=dpi, label_lang=label_lang, gazetteer=gazetteer,
                  subtitle=subtitle)
    buf = io.BytesIO()
    with matplotlib.rc_context(RC):
        fig = m.draw()
        try:
            if fmt == 'pdf':
                with fonts.pdf_text_layer():
                    fig.savefig(buf, format='pdf', dpi=dpi, metadata={'Title': m.title, 'Creator': 'geo-textmap'})
            elif fmt == 'svg':
                fig.savefig(buf, format='svg', dpi=dpi, metadata={'Title': m.title, 'Creator': 'geo-textmap'})
            else:
                fig.savefig(buf, format='png', dpi=dpi, metadata={'Title': m.title, 'Software': 'geo-textmap'},
                            pil_kwargs={'compress_level': 1})
        finally:
            plt.close(fig)
    data = buf.getvalue()
    if fmt == 'svg':
        data = fonts.svg_with_fonts(data, m.texts)
    return data


def write(result: Result, path: str | Path, title: str | None = None, dpi: int = 200, size='A4',
          label_lang: str | None = None, gazetteer: reference.PlaceSource | None = None, subtitle: str = '') -> Path:
    from ..export.files import atomic_write_bytes

    path = Path(path)
    fmt = path.suffix.lstrip('.').lower() or 'png'
    return atomic_write_bytes(path, render(result, fmt, title=title, dpi=dpi, size=size, label_lang=label_lang,
                                           gazetteer=gazetteer, subtitle=subtitle))
