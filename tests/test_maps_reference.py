"""Static maps show where the document's places are among known ones: the gazetteer's largest
places in the frame that the text does not name (small grey dots and names, never over the
document's own symbols and labels), and the names of the rivers the basemap draws.  Real index
built from a CSV written here, real figures on the real basemap."""
from __future__ import annotations

import pytest

from maps_samples import deir_ez_zor

# places around Deir ez-Zor (coordinates are facts); Al Mayadin is named by the sample's text
NEARBY = """id,name,names,lat,lon,type,country,parent,population
khu,Khusham,خشام,35.301,40.289,village,SY,,9000
muh,Muhasan,موحسن|Mūḩ Ḩasan,35.233,40.317,town,SY,,20000
bus,Al Busayrah,البصيرة,35.156,40.427,town,SY,,15000
may,Al Mayadin,الميادين,35.020,40.452,town,SY,,54000
far,Palmyra,تدمر,34.560,38.280,city,SY,,50000
zed,Tall Zed,,35.120,40.250,village,SY,,30000
"""


@pytest.fixture(scope='module')
def nearby_index(tmp_path_factory):
    from gazetteer.build import build
    from gazetteer.index import Index
    from gazetteer.sources.user import UserFile

    folder = tmp_path_factory.mktemp('nearby')
    csv = folder / 'nearby.csv'
    csv.write_text(NEARBY, encoding='utf-8')
    return Index.open(build(folder / 'index', sources=[UserFile(csv)]).parent)


def _draw(result, **kw):
    import matplotlib.pyplot as plt

    from geo.maps.static import draw
    fig = draw(result, dpi=100, **kw)
    fig.canvas.draw()
    plt.close(fig)
    return fig.geo_map


def test_largest_in_gives_the_biggest_places_in_a_box(nearby_index):
    got = nearby_index.largest_in((40.0, 35.0, 40.6, 35.5), limit=3)
    assert [p.name for p in got] == ['Al Mayadin', 'Tall Zed', 'Muhasan']
    assert nearby_index.largest_in((40.0, 35.0, 40.6, 35.5), limit=10, types=('city',)) == []


def test_reference_places_are_the_gazetteers_not_the_texts(nearby_index):
    m = _draw(deir_ez_zor(), gazetteer=nearby_index)
    names = [p.spec.text for p in m.references]
    assert {'خشام', 'موحسن', 'البصيرة'} <= set(names)    # Arabic names on an Arabic map
    assert 'الميادين' not in names and 'تدمر' not in names  # the text's own place; off the frame
    assert m.texts.count('موحسن') == 1
    assert 'Tall Zed' not in names            # no Arabic name: not on an Arabic map


def test_reference_places_take_the_label_language(nearby_index):
    m = _draw(deir_ez_zor(), gazetteer=nearby_index, label_lang='en')
    assert {'Khusham', 'Muhasan', 'Al Busayrah', 'Tall Zed'} <= {p.spec.text for p in m.references}


def test_reference_places_never_cover_the_documents_symbols_or_labels(nearby_index):
    from matplotlib.transforms import Bbox

    m = _draw(deir_ez_zor(), gazetteer=nearby_index)
    ax = m.view.ax
    own = [p.bbox for p in m.placed]
    px = ax.figure.dpi / 72.0
    for x, y, r in m.view.symbols:
        sx, sy = ax.transData.transform((x, y))
        own.append(Bbox.from_extents(sx - r * px, sy - r * px, sx + r * px, sy + r * px))
    assert m.references
    for ref in m.references:
        dx, dy = ax.transData.transform((ref.spec.x, ref.spec.y))
        dot = Bbox.from_extents(dx - 2, dy - 2, dx + 2, dy + 2)
        for box in own:
            assert not ref.bbox.overlaps(box) and not dot.overlaps(box), ref.spec.text


def test_without_a_gazetteer_no_reference_places_and_no_legend_entry():
    m = _draw(deir_ez_zor())
    assert m.references == []
    assert 'مكان آخر للاستدلال' not in m.texts


def test_the_legend_lists_the_reference_places(nearby_index):
    m = _draw(deir_ez_zor(), gazetteer=nearby_index)
    assert 'مكان آخر للاستدلال' in m.texts


def test_the_river_the_basemap_draws_is_named_in_the_label_language():
    ar = _draw(deir_ez_zor())
    en = _draw(deir_ez_zor(), label_lang='en')
    texts_ar = [t.get_text() for t in ar.view.ax.texts]
    assert 'الفرات' in texts_ar and 'الفرات' in ar.texts
    assert 'Euphrates' in [t.get_text() for t in en.view.ax.texts]
    assert 'River names: geo-textmap' in ' '.join(ar.texts)


def test_a_river_name_lies_by_its_river_and_clear_of_the_labels():
    import shapely
    from shapely.geometry import Point

    import matplotlib.pyplot as plt

    from geo.maps import rivers
    from geo.maps.static import draw
    fig = draw(deir_ez_zor(), dpi=100)
    m = fig.geo_map
    ax = m.view.ax
    name = next(t for t in ax.texts if t.get_text() == 'الفرات')
    box = name.get_window_extent(renderer=fig.canvas.get_renderer())
    plt.close(fig)
    for p in m.placed:
        assert not box.overlaps(p.bbox)
    (geom,) = [g for rv, g in rivers.named_lines(m.view.box) if rv.en == 'Euphrates']
    x, y = ax.transData.inverted().transform(((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2))
    line = m.view.project([geom])[0]
    assert shapely.distance(line, Point(x, y)) < 3000      # metres: beside its line


def test_every_listed_river_point_is_on_the_basemaps_rivers():
    """rivers.toml's points are where its rivers are: each within 5 km of a basemap river line."""
    import shapely

    from geo.maps import basemap, rivers
    lines = basemap.rivers().clip((25, 10, 55, 42))
    tree = shapely.STRtree(lines)
    for river in rivers.rivers():
        for lat, lon in river.points:
            near = tree.query_nearest(shapely.Point(lon, lat), max_distance=5 / 111.0)
            assert len(near), (river.en, lat, lon)


def test_reference_names_in_plain_letters():
    from geo.maps.reference import plain
    assert [plain(n) for n in ("'Ākra", 'Al ‘Ashārah', 'Mūḩ Ḩasan', "Ma'arrat an Nu‘man")] == \
        ['Akra', 'Al Asharah', 'Muh Hasan', "Ma'arrat an Numan"]


def test_geo_map_draws_the_indexs_places_around_the_texts(geo_env, tmp_path):
    """The whole way: `geo map` on the fixture index; the SVG keeps its text, so the reference
    place (Hatla, which the text does not name) is there as a name, the text's places too."""
    import subprocess
    import sys
    doc = tmp_path / 'raid.ar.txt'
    doc.write_text('قصفت طائرات مدينة دير الزور وبلدة الميادين في سوريا.\n', encoding='utf-8')
    p = subprocess.run([sys.executable, '-m', 'geo', 'map', str(doc), '-o', str(tmp_path), '--formats', 'svg'],
                       capture_output=True, text=True, env=geo_env, timeout=300)
    assert p.returncode == 0, p.stderr
    svg = (tmp_path / 'raid.ar.svg').read_text(encoding='utf-8')
    assert 'الميادين' in svg and 'حطلة' in svg and 'مكان آخر للاستدلال' in svg
