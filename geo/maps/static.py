"""Result -> a static map (PNG, SVG, PDF) with geopandas + matplotlib on Natural Earth countries.

Arabic labels are shaped by matplotlib itself with Noto Sans Arabic (fontpkg-noto-sans-arabic);
they are never reshaped a second time."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..model import Result
from .basemap import CREDITS_AR, CREDITS_EN, countries
from .extent import bounds, document_focus
from .html import TYPE_COLOURS


@lru_cache(maxsize=1)
def font_family() -> str:
    """Register Noto Sans Arabic with matplotlib and return a family list that covers Arabic
    and Latin text."""
    import fontpkg.mpl

    fp = fontpkg.mpl.use('Noto Sans Arabic')
    return fp.get_family()[0]


def draw(result: Result, title: str | None = None, size=(8.27, 6.2), dpi: int = 150):
    import matplotlib

    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    family = font_family()
    plt.rcParams['font.family'] = [family, 'DejaVu Sans']
    places = result.places
    inside, _ = document_focus(result) if places else ([], [])
    w, s, e, n = bounds([places[i] for i in inside]) if inside else (-180, -60, 180, 85)
    fig, ax = plt.subplots(figsize=size, dpi=dpi)
    world = countries()
    world.plot(ax=ax, color='#f2efe9', edgecolor='#9a9a9a', linewidth=0.6)
    ax.set_xlim(w, e)
    ax.set_ylim(s, n)
    ax.set_facecolor('#dbe9f4')
    lang = result.lang
    for i in inside or range(len(places)):
        p = places[i]
        colour = TYPE_COLOURS.get(p.type, '#444444')
        ax.scatter([p.lon], [p.lat], s=30 + 15 * min(len(p.mentions), 6), c=colour, edgecolors='white',
                   linewidths=0.8, zorder=5)
        label = p.name_ar if lang == 'ar' and p.name_ar else p.name
        ax.annotate(label, (p.lon, p.lat), xytext=(5, 4), textcoords='offset points', fontsize=9, zorder=6)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title or result.id, fontsize=13)
    fig.text(0.01, 0.01, CREDITS_AR if lang == 'ar' else CREDITS_EN, fontsize=7, color='#555555')
    fig.tight_layout()
    return fig


def write(result: Result, path: str | Path, title: str | None = None, dpi: int = 150) -> Path:
    import io

    import matplotlib.pyplot as plt

    from ..export.files import atomic_write_bytes

    path = Path(path)
    fig = draw(result, title=title, dpi=dpi)
    buf = io.BytesIO()
    fig.savefig(buf, format=path.suffix.lstrip('.').lower() or 'png', dpi=dpi)
    plt.close(fig)
    return atomic_write_bytes(path, buf.getvalue())
