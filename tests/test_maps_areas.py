"""Named admin units are outlined (basemap.area_shape, the one code path of the static and the HTML
maps), and a unit that covers the whole main map (محافظة دير الزور around Deir ez-Zor and
Al-Mayadin) is outlined on the locator too, where its extent shows."""
from __future__ import annotations

from maps_samples import DZ_SPECS, build

TEXT = 'قصفت طائرات مدينة دير الزور وبلدة الميادين في محافظة دير الزور شرقي البلاد.\n'
SPECS = [
    *(sp for sp in DZ_SPECS if sp['surface'] in ('دير الزور', 'الميادين')),
    dict(surface='محافظة دير الزور', id='gn:170792', name='Deir ez-Zor', name_ar='دير الزور', lat=35.0, lon=40.5,
         type='admin1', country='SY', confidence=0.9),
]


def _patches(ax, colour):
    from matplotlib.colors import to_hex
    from matplotlib.patches import PathPatch
    return [p for p in ax.patches if isinstance(p, PathPatch) and p.get_edgecolor()[3] > 0
            and to_hex(p.get_edgecolor()[:3]) == colour]


def test_a_province_around_the_whole_map_is_outlined_on_the_locator():
    import matplotlib.pyplot as plt
    import shapely

    from geo.maps import basemap, style
    from geo.maps.static import draw
    result = build('dz-province.ar', TEXT, 'ar', SPECS)
    fig = draw(result, dpi=72)
    m = fig.geo_map
    try:
        province = result.places[-1]
        shape = basemap.area_shape(province)
        assert shape is not None and m.outlined_areas == [shape]      # the HTML map's shape, too
        main = shapely.box(*m.view.box)
        assert shape.contains(shapely.box(*m.view.proj.lonlat_bounds(*m.view.frame)).buffer(-0.01)) or \
            shape.intersection(main).area > 0.8 * main.area
        assert _patches(m.locator.ax, style.colour('admin1'))          # its outline on the locator
        assert 'منطقة ورد اسمها في النص' in ' '.join(m.texts)
    finally:
        plt.close(fig)


def test_the_html_map_outlines_the_same_shape():
    import shapely

    from geo.maps import basemap, html
    result = build('dz-province.ar', TEXT, 'ar', SPECS)
    page = html.render(result)
    g = basemap.area_shape(result.places[-1]).simplify(0.003, preserve_topology=True)
    ring = shapely.get_parts(g)[0].exterior.coords
    assert all(f'[{round(x, 4)}, {round(y, 4)}]' in page for x, y in list(ring)[:5])   # geojson() rounds
