"""The legend of a static map: the symbols actually drawn, in the label language (right to left
for Arabic), and a short list of the places too far away for the main map."""
from __future__ import annotations

import textwrap
from collections.abc import Collection
from dataclasses import dataclass, field

from ..model import Place
from ..placetypes import ADMIN_UNITS
from . import fonts, style
from .basemap import country_label


@dataclass
class LegendContent:
    """What a legend shows: what the map drew, and the far places it lists by name."""
    lang: str                       # label language: 'ar', 'en' or 'both'
    types: Collection[str]          # the place types drawn as symbols
    drawn: list[Place]              # the places drawn as symbols (main map and locator)
    far: list[Place] = field(default_factory=list)     # places only the locator shows
    named_area: bool = False        # a named country or province is outlined
    named_countries: bool = False   # countries the text names: outlined, shaded on the locator
    layers: Collection[str] = ()    # basemap layers drawn ('rivers', 'admin1', ...)
    locator: bool = False           # a locator map, with the main map's frame on it
    detail: bool = False            # a detail map, outlined on the main map
    reference: bool = False         # grey reference places (the gazetteer's, not the text's)


def draw_legend(fig, rect_frac, width_in: float, scale: float, content: LegendContent) -> list[str]:
    """Draw the legend in the figure's rect (fractions; `width_in` inches wide), sized to fit it;
    returns every string it drew."""
    from matplotlib.legend_handler import HandlerPatch, HandlerTuple
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle, Patch

    lang, drawn, far = content.lang, content.drawn, content.far
    leg_lang = style.legend_lang(lang)
    words = style.WORDS[leg_lang]
    rtl = leg_lang == 'ar'
    s = scale
    handles, labels = [], []
    for t in sorted(content.types, key=lambda t: style.TYPE_RANK.get(t, 9)):
        m = style.marker(t)
        handles.append(Line2D([], [], linestyle='none', marker=m, markersize=7 * s * style.MARKER_SCALE.get(m, 1.0),
                              markerfacecolor=style.colour(t), markeredgecolor='white', markeredgewidth=0.8))
        labels.append(style.type_name(t, leg_lang))
    if any(p.approximate and p.uncertainty_km > 0 for p in drawn):
        handles.append(Circle((0, 0), 1, facecolor='none', edgecolor='#555555', linestyle=(0, (3, 2)), lw=1.1))
        labels.append(words['approximate'])
    if drawn:
        counts = sorted({min(len(p.mentions), 6) or 1 for p in drawn} | {1})
        demo = sorted({counts[0], counts[len(counts) // 2], counts[-1]})
        if len(demo) > 1:
            probe = Place('', '', 0.0, 0.0, 'city')
            hs = []
            for k in demo:
                probe.mentions = [0] * k
                hs.append(Line2D([], [], linestyle='none', marker='o', markerfacecolor='#9a9a9a',
                                 markeredgecolor='white', markersize=style.size_pt(probe) * 0.8 * s))
            handles.append(tuple(hs))
            nums = [str(k) + ('+' if k == 6 else '') for k in demo]
            labels.append(f"{words['mentions']}: {'، '.join(nums)}" if rtl else f"{', '.join(nums)} {words['mentions']}")
        if any(p.confidence < 0.6 for p in drawn):
            handles.append(Line2D([], [], linestyle='none', marker='o', markersize=7 * s, alpha=0.4,
                                  markerfacecolor=style.colour('city'), markeredgecolor='white'))
            labels.append(words['low_confidence'])
    if content.reference:
        handles.append(Line2D([], [], linestyle='none', marker='o', markersize=3.4 * s, markerfacecolor='#7b7b7b',
                              markeredgecolor='white', markeredgewidth=0.5))
        labels.append(words['reference'])
    if content.named_countries:
        handles.append(Patch(facecolor=style.NAMED_LAND, edgecolor=style.colour('country'), lw=1.2))
        labels.append(words['named_country'])
    # named_area says an outline was drawn; with named countries, it is a province's only when an
    # admin unit was drawn that is no symbol (a province drawn as a point has its symbol's entry)
    if content.named_area and (not content.named_countries or
                               any(p.type in ADMIN_UNITS and p.type not in content.types for p in drawn)):
        ink = style.colour('admin1')
        handles.append(Patch(facecolor=ink + '1a', edgecolor=ink, linestyle=(0, (4, 2)), lw=1.2))
        labels.append(words['named_area'])
    if 'rivers' in content.layers:
        handles.append(Line2D([], [], color=style.RIVER, lw=1.2))
        labels.append(words['river'])
    if 'admin1' in content.layers:
        handles.append(Line2D([], [], color=style.ADMIN_LINE, lw=0.9, linestyle=(0, (4, 2))))
        labels.append(words['admin_line'])
    handles.append(Line2D([], [], color=style.BORDER, lw=1.0))
    labels.append(words['border'])
    if content.detail:
        handles.append(Patch(facecolor='none', edgecolor=style.DETAIL_INK, lw=1.0))
        labels.append(words['detail'])
    if content.locator:
        handles.append(Patch(facecolor=style.FRAME_RED + '26', edgecolor=style.FRAME_RED, lw=1.2))
        labels.append(words['frame'])

    class _CircleHandler(HandlerPatch):
        def create_artists(self, legend, orig, xd, yd, width, height, fontsize, trans):
            r = min(width, height) * 0.62
            return [Circle((width / 2 - xd, height / 2 - yd), r, facecolor='none', edgecolor=orig.get_edgecolor(),
                           linestyle=orig.get_linestyle(), lw=orig.get_linewidth(), transform=trans)]

    ax = fig.add_axes(rect_frac)
    ax.set_axis_off()
    texts = labels + [words['legend']]
    fam = fonts.families(' '.join(labels))
    para = ''
    if far:
        para = words['elsewhere'] + ': ' + elsewhere(far, lang)
        texts.append(para)
    renderer = fig.canvas.get_renderer()
    area = ax.get_window_extent(renderer=renderer)

    def build(size: float, ncol: int):
        h, lb = handles, labels
        if ncol == 2 and rtl:       # columns fill left to right: put the first half on the right
            half = (len(handles) + 1) // 2
            h, lb = handles[half:] + handles[:half], labels[half:] + labels[:half]
            if len(handles) % 2:    # keep the columns' lengths: the right one is the longer
                h, lb = handles[half:] + [Line2D([], [], linestyle='none')] + handles[:half], \
                    labels[half:] + [''] + labels[:half]
        leg = ax.legend(h, lb, loc='upper right' if rtl else 'upper left', frameon=False, ncols=ncol,
                        title=words['legend'], alignment='right' if rtl else 'left', markerfirst=not rtl,
                        prop={'family': fam, 'size': size},
                        title_fontproperties={'family': fam, 'size': size + 1.4 * s},
                        handler_map={Circle: _CircleHandler(), tuple: HandlerTuple(ndivide=None, pad=0.6)},
                        borderaxespad=0.0, handlelength=2.6, labelspacing=0.38, handletextpad=0.6,
                        columnspacing=1.0)
        note = None
        if para:
            width_chars = max(20, int(width_in * 72 / (size * 0.5)))
            note = ax.annotate('\n'.join(textwrap.wrap(para, width_chars)), xy=(1.0 if rtl else 0.0, 0.0),
                               xycoords=leg, xytext=(0, -7 * s), textcoords='offset points', va='top',
                               ha='right' if rtl else 'left', fontsize=size * 0.97, fontfamily=fonts.families(para),
                               color='#333333', linespacing=1.05 if style.has_arabic(para) else 1.3)
        box = leg.get_window_extent(renderer=renderer)
        bottom = note.get_window_extent(renderer=renderer).y0 if note is not None else box.y0
        return leg, note, area.y1 - bottom, box.width

    # one try at the preferred size; if it is too tall, the size that fits (the height grows with
    # the size), in one column down to 6 pt, else two columns
    size = 7.4 * s
    leg, note, height, width = build(size, 1)
    avail = area.height - 2
    if height > avail or width > area.width + 2:
        fit = size * avail / height * 0.97
        ncol = 1 if fit >= 6.0 * s else 2
        fit = max(min(fit if ncol == 1 else size * 2 * avail / height * 0.9, size), 5.2 * s)
        if note is not None:
            note.remove()
        leg.remove()
        build(fit, ncol)
    return texts


def elsewhere(far: list[Place], lang: str) -> str:
    """The far places as one line that names each country once: the places of one country
    together, then their country ("Moscow, Kazan (Russia); Beijing (China); Turkey"), most
    mentioned first."""
    rtl = style.legend_lang(lang) == 'ar'
    groups: dict[str, list[Place]] = {}
    for p in sorted(far, key=lambda p: (-len(p.mentions), style.TYPE_RANK.get(p.type, 9))):
        groups.setdefault((p.country or '').upper() or f'#{id(p)}', []).append(p)
    items = []
    for members in groups.values():
        names = list(dict.fromkeys(style.label(p, lang).replace('\n', ' / ') for p in members if p.type != 'country'))
        country = next((p for p in members if p.type == 'country'), None)
        where = (style.label(country, lang).replace('\n', ' / ') if country is not None
                 else country_label(members[0].country, lang) if members[0].country else '')
        if not names:
            items.append(where)
        else:
            joined = ('، ' if rtl else ', ').join(names)
            items.append(f'{joined} ({where})' if where else joined)
    return ('؛ ' if rtl else '; ').join(items)
