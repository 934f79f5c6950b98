"""Static maps (PNG, SVG, PDF): real matplotlib figures of real Results, on the real basemap data,
written to real files and read back."""
from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pytest

from maps_samples import deir_ez_zor, dense_villages


@pytest.fixture(scope='module')
def dz():
    return deir_ez_zor()


@pytest.fixture(scope='module')
def dz_map(dz):
    import matplotlib.pyplot as plt

    from geo.maps.static import draw
    fig = draw(dz, dpi=72)
    yield fig.geo_map
    plt.close(fig)


def _names(result, idx):
    return {result.places[i].name for i in idx}


def test_main_map_frames_the_focus_and_far_places_go_to_the_locator(dz, dz_map):
    plan = dz_map.plan
    assert {'Deir ez-Zor', 'Al Mayadin', 'Hatla', 'Al-Omar oil field'} <= _names(dz, plan.main)
    assert {'Moscow', 'Beijing', 'Turkey'} <= _names(dz, plan.far)
    assert not {'Moscow', 'Beijing'} & _names(dz, plan.main)
    x0, y0, x1, y1 = dz_map.view.frame
    assert (x1 - x0) < 300_000                       # a regional map, not the world
    # the far places are listed in the legend (in Arabic, the document's language)
    para = [t for t in dz_map.texts if t.startswith('أماكن أخرى')]
    assert para and 'موسكو' in para[0] and 'بكين' in para[0] and 'تركيا' in para[0]


def test_projection_is_local_and_its_scale_true(dz, dz_map):
    from pyproj import Geod

    view = dz_map.view
    assert view.proj.kind == 'local' and view.proj.true_scale
    a, b = dz.places[0], dz.places[6]                # Deir ez-Zor, Al Mayadin
    (xa, ya), (xb, yb) = view.xy(a), view.xy(b)
    _, _, metres = Geod(ellps='WGS84').inv(a.lon, a.lat, b.lon, b.lat)
    assert abs(np.hypot(xb - xa, yb - ya) / metres - 1) < 0.002


def test_scale_bar_north_arrow_legend_and_credits_are_drawn(dz_map):
    from matplotlib_scalebar.scalebar import ScaleBar
    ax = dz_map.view.ax
    assert any(isinstance(a, ScaleBar) for a in ax.artists)
    assert any(getattr(t, 'get_text', lambda: '')() == 'N' for t in ax.texts)
    fig = ax.figure
    credits = ' '.join(t.get_text() for t in fig.texts)
    assert 'GeoNames (CC-BY 4.0)' in credits and 'Natural Earth' in credits
    legends = [a.get_legend() for a in fig.axes if a.get_legend() is not None]
    assert legends and 'مفتاح الخريطة' == legends[0].get_title().get_text()


def test_approximate_places_are_dashed_circles_of_their_uncertainty(dz, dz_map):
    from matplotlib.patches import Circle
    circles = [p for p in dz_map.view.ax.patches if isinstance(p, Circle) and p.get_fill() is False]
    radii = sorted(round(c.get_radius()) for c in circles)
    assert radii == [4000, 5000]          # two neighbourhoods at the city share one 4 km circle
    assert all(c.get_linestyle() not in ('-', 'solid') for c in circles)


def test_a_tight_cluster_gets_a_detail_map(dz, dz_map):
    cluster = dz_map.cluster
    assert cluster is not None
    assert _names(dz, cluster.members) >= {'Deir ez-Zor', 'الجبيلة', 'العمال', 'دوار المدلجي'}
    assert dz.places[cluster.lead].name == 'Deir ez-Zor'
    # the neighbourhoods are labelled on the detail map, not on the crowded main map
    main_labels = {p.spec.text for p in dz_map.placed}
    assert 'الجبيلة' not in main_labels and 'دير الزور' in main_labels
    detail_labels = {t.get_text() for t in dz_map.detail.ax.texts}
    assert {'الجبيلة', 'العمال', 'دوار المدلجي'} <= detail_labels


def test_labels_do_not_overlap_and_stay_inside_the_map():
    import matplotlib.pyplot as plt

    from geo.maps.static import draw
    result = dense_villages()
    fig = draw(result, dpi=100)
    m = fig.geo_map
    try:
        boxes = [p.bbox for p in m.placed]
        assert len(boxes) >= 8
        frame = m.view.ax.get_window_extent()
        for k, a in enumerate(boxes):
            assert frame.x0 <= a.x0 and a.x1 <= frame.x1 and frame.y0 <= a.y0 and a.y1 <= frame.y1
            for b in boxes[k + 1:]:
                assert not a.overlaps(b), (a, b)
        # and the drawn texts really sit where the placer measured them
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        for p in m.placed:
            drawn = p.texts[-1].get_window_extent(renderer=r)
            assert abs(drawn.x0 - p.bbox.x0) < 4 and abs(drawn.y1 - p.bbox.y1) < 4
    finally:
        plt.close(fig)


def test_unresolved_names_are_never_drawn(dz, dz_map):
    assert 'قاعدة' not in ' '.join(dz_map.texts)
    assert any('1' in t and 'لم يُحدَّد' in t for t in dz_map.texts)     # only counted in the subtitle


@pytest.mark.parametrize('fmt', ['png', 'svg', 'pdf'])
def test_every_format_is_written(dz, tmp_path, fmt):
    from geo.outputs import write_outputs
    (path,) = write_outputs(dz, tmp_path, [fmt], dpi=100, title='Deir ez-Zor <test>')
    data = path.read_bytes()
    assert path.name == 'deir-ez-zor-test.ar.' + fmt
    assert data[:4] in (b'\x89PNG', b'<?xm', b'%PDF')
    assert 10_000 < len(data) < 3_000_000       # the whole world is not drawn at 10m each time


def test_png_has_the_paper_size_and_is_not_blank(dz, tmp_path):
    from PIL import Image

    from geo.outputs import write_outputs
    (path,) = write_outputs(dz, tmp_path, ['png'], dpi=100, size='A5')
    img = Image.open(path).convert('RGB')
    assert img.size == (827, 583)                 # A5 landscape at 100 dpi
    colours = img.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 200
    (path,) = write_outputs(dz, tmp_path, ['png'], dpi=50, size='10x7')
    assert Image.open(path).size == (500, 350)


def test_bad_size_is_a_user_error():
    from geo.errors import InputError
    from geo.maps.page import parse_size
    assert parse_size('a4') == (11.69, 8.27, False)
    assert parse_size('10x7') == (10.0, 7.0, True)
    for bad in ('B52', '0x5', '10x', '100x100'):
        with pytest.raises(InputError, match='--size'):
            parse_size(bad)


def test_svg_keeps_text_as_text_with_its_fonts(dz, tmp_path):
    from geo.outputs import write_outputs
    (path,) = write_outputs(dz, tmp_path, ['svg'], dpi=100)
    svg = path.read_text(encoding='utf-8')
    texts = ''.join(re.findall(r'<text[^>]*>([^<]*)</text>', svg))
    assert 'دير الزور' in texts and 'الميادين' in texts
    assert svg.count('@font-face') == 2 and "font-family: 'Noto Sans Arabic'" in svg


def test_label_language(dz, tmp_path):
    from geo.outputs import write_outputs
    (en,) = write_outputs(dz, tmp_path / 'en', ['svg'], dpi=72, label_lang='en')
    svg = en.read_text(encoding='utf-8')
    assert 'Al Mayadin' in svg and 'الميادين' not in svg and 'Legend' in svg
    (both,) = write_outputs(dz, tmp_path / 'both', ['svg'], dpi=72, label_lang='both')
    svg = both.read_text(encoding='utf-8')
    assert 'Al Mayadin' in svg and 'الميادين' in svg


@pytest.mark.skipif(shutil.which('pdftotext') is None,
                    reason='pdftotext (Debian poppler-utils) is not installed: apt-get install poppler-utils')
def test_pdf_embeds_fonts_and_its_text_layer_has_the_arabic_names(dz, tmp_path):
    from geo.outputs import write_outputs
    (path,) = write_outputs(dz, tmp_path, ['pdf'])
    text = subprocess.run(['pdftotext', str(path), '-'], capture_output=True, text=True, check=True).stdout
    for name in ('دير الزور', 'الميادين', 'القورية', 'حطلة', 'حقل العمر', 'الجبيلة', 'دوار المدلجي', 'موسكو'):
        assert name in text, name
    if shutil.which('pdffonts'):
        fonts = subprocess.run(['pdffonts', str(path)], capture_output=True, text=True, check=True).stdout
        rows = [ln.split() for ln in fonts.splitlines()[2:] if ln.strip()]
        assert rows and all('yes' == r[-5] for r in rows), fonts        # every font embedded
        assert any('NotoSansArabic' in r[0] for r in rows)


def test_a_document_with_only_far_flung_countries_is_a_world_map(tmp_path):
    from maps_samples import build

    from geo.maps.static import draw
    text = 'Talks between Chile and Japan ended.\n'
    r = build('world', text, 'en', [
        dict(surface='Chile', id='cl', name='Chile', lat=-33.0, lon=-71.0, type='country', country='CL', confidence=1.0),
        dict(surface='Japan', id='jp', name='Japan', lat=36.0, lon=138.0, type='country', country='JP', confidence=1.0),
    ])
    fig = draw(r, dpi=50)
    assert fig.geo_map.plan.world and fig.geo_map.view.proj.kind == 'world'


def test_an_empty_result_still_draws(tmp_path):
    from geo.model import Result
    from geo.outputs import write_outputs
    (path,) = write_outputs(Result(id='empty', text='No places here.', lang='en'), tmp_path, ['png'], dpi=40)
    assert path.stat().st_size > 5_000


def test_real_parse_to_map(geoparser, tmp_path):
    """The whole way: text -> the parser on the fixture index -> a PNG and a PDF."""
    from geo.outputs import write_outputs
    r = geoparser.parse('قصفت طائرات مدينة دير الزور وبلدة الميادين في سوريا، ثم عاد الوفد إلى موسكو.', 'parsed')
    paths = write_outputs(r, tmp_path, ['png', 'pdf'], dpi=60)
    assert all(p.stat().st_size > 10_000 for p in paths)


# ---- issue 15: uncertainty circles never set the frame; a symbol never hides another -------------

def _drawn(result, dpi=72):
    import matplotlib.pyplot as plt

    from geo.maps.static import draw
    fig = draw(result, dpi=dpi)
    plt.close(fig)
    return fig.geo_map


def test_the_frame_is_the_frame_of_the_points_whatever_the_circles():
    """An oil field placed at a town with a 40 km uncertainty: the same frame as without its circle,
    and the circle runs off that frame rather than filling the map."""
    from maps_samples import oilfield_at_town

    for at in (1, 5):       # at the town in the middle (الميادين), at the town on the edge (البوكمال)
        with_circle, without = oilfield_at_town(), oilfield_at_town()
        for r in (with_circle, without):
            r.places[0].lat, r.places[0].lon = r.places[at].lat, r.places[at].lon
        assert with_circle.places[0].approximate and with_circle.places[0].uncertainty_km == 40.0
        without.places[0].uncertainty_km = 0.0
        a, b = _drawn(with_circle), _drawn(without)
        assert a.view.frame == pytest.approx(b.view.frame)
    x0, y0, x1, y1 = a.view.frame
    cx, cy = a.view.xy(with_circle.places[0])
    assert min(cx - x0, x1 - cx, cy - y0, y1 - cy) < 40_000      # the circle runs off the map
    # and it is faint: a thin, light, dashed edge and no tint over a circle that wide
    from matplotlib.patches import Circle
    circles = [c for c in a.view.ax.patches if isinstance(c, Circle) and round(c.get_radius()) == 40_000]
    assert len(circles) == 1
    edge = circles[0]
    assert not edge.get_fill() and edge.get_linewidth() < 1.0 and edge.get_alpha() <= 0.5
    assert edge.get_linestyle() not in ('-', 'solid')


def test_two_symbols_at_one_spot_are_both_visible():
    """The town and the oil field placed at it: the located town keeps its spot, the field's symbol
    is drawn beside it (not on it), with a leader from the true point; no two symbols overlap."""
    import math

    from maps_samples import oilfield_at_town

    r = oilfield_at_town()
    m = _drawn(r, dpi=100)
    ax = m.view.ax
    town_xy = m.view.xy(r.places[1])
    hexes = [ln for ln in ax.lines if ln.get_marker() == 'h']
    towns = [ln for ln in ax.lines if ln.get_marker() == 'o' and ln.get_markerfacecolor() == '#ff7f00']
    assert len(hexes) == 1
    (hx,), (hy,) = hexes[0].get_data()
    assert any(tuple(t.get_xydata()[0]) == pytest.approx(town_xy) for t in towns)   # the town where it is
    k = m.view.pt_per_m
    gap_pt = math.hypot((hx - town_xy[0]) * k, (hy - town_xy[1]) * k)
    assert gap_pt >= (hexes[0].get_markersize() + towns[0].get_markersize()) / 2      # not on it
    assert gap_pt < 20                                                              # but beside it
    leaders = [ln for ln in ax.lines if ln.get_marker() in ('None', '', None) and len(ln.get_xdata()) == 2
               and tuple(ln.get_xydata()[0]) == pytest.approx(town_xy)]
    assert leaders and tuple(leaders[0].get_xydata()[1]) == pytest.approx((hx, hy))
    syms = m.view.symbols
    for i, (xa, ya, ra) in enumerate(syms):
        for xb, yb, rb in syms[i + 1:]:
            assert math.hypot((xa - xb) * k, (ya - yb) * k) >= ra + rb
    # and every label keeps off every symbol
    from matplotlib.transforms import Bbox
    px = ax.figure.dpi / 72.0
    for x, y, rr in syms:
        sx, sy = ax.transData.transform((x, y))
        box = Bbox.from_extents(sx - rr * px + 1, sy - rr * px + 1, sx + rr * px - 1, sy + rr * px - 1)
        assert not any(p.bbox.overlaps(box) for p in m.placed), (x, y)


def test_the_neighbourhoods_at_their_city_are_spread_on_the_main_map(dz, dz_map):
    import math
    k = dz_map.view.pt_per_m
    syms = dz_map.view.symbols
    assert len(syms) >= 8
    for i, (xa, ya, ra) in enumerate(syms):
        for xb, yb, rb in syms[i + 1:]:
            assert math.hypot((xa - xb) * k, (ya - yb) * k) >= ra + rb


def test_the_detail_map_enlarges_what_it_shows(dz, dz_map):
    """A detail map at the main map's scale or smaller is no detail: it shows its ground at least
    MIN_ENLARGEMENT times larger than the main map does (the points decide, not the circles)."""
    from geo.maps.insets import MIN_ENLARGEMENT
    from geo.maps.static import DETAIL_WIDTH
    main_w = dz_map.view.frame[2] - dz_map.view.frame[0]
    detail_w = dz_map.detail.frame[2] - dz_map.detail.frame[0]
    assert detail_w * MIN_ENLARGEMENT <= main_w * DETAIL_WIDTH * 1.01


def test_a_subtitle_is_its_own_line_under_the_title(dz):
    """A report's subtitle (geo review's export) goes on the line under the title, before the
    count of places; the title stays as given."""
    import matplotlib.pyplot as plt

    from geo.maps.static import draw
    fig = draw(dz, title='Air strikes', subtitle='checked by the analyst', dpi=72)
    try:
        lines = [t.get_text() for t in fig.texts]
        assert 'Air strikes' in lines
        assert any(line.startswith('checked by the analyst · ') for line in lines)
    finally:
        plt.close(fig)
