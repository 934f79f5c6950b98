"""The legend of a static map: an entry for every colour the map uses (the named countries'
lavender on the locator too), a symbol of its own for each place type it shows (province and
district differ), and an "Elsewhere" line that names each far country once.  Real figures of
Results built from texts written for these tests."""
from __future__ import annotations

import pytest

from maps_samples import build, deir_ez_zor


def _legend(fig):
    legends = [a.get_legend() for a in fig.axes if a.get_legend() is not None]
    assert legends
    leg = legends[0]
    return dict(zip((t.get_text() for t in leg.get_texts()), leg.legend_handles))


@pytest.fixture(scope='module')
def dz_fig():
    import matplotlib.pyplot as plt

    from geo.maps.static import draw
    fig = draw(deir_ez_zor(), dpi=60)
    yield fig
    plt.close(fig)


def test_the_named_countries_colour_has_a_legend_entry(dz_fig):
    """Syria and Turkey are named: the locator shades them lavender, and the legend says what the
    lavender (and the countries' purple outline) means."""
    from matplotlib.colors import to_hex
    from matplotlib.patches import PathPatch

    from geo.maps import style
    locator = dz_fig.geo_map.locator.ax
    fills = {to_hex(p.get_facecolor()) for p in locator.patches + locator.artists if isinstance(p, PathPatch)}
    assert style.NAMED_LAND in fills
    entries = _legend(dz_fig)
    handle = entries[style.WORDS['ar']['named_country']]
    assert to_hex(handle.get_facecolor()) == style.NAMED_LAND
    assert to_hex(handle.get_edgecolor()) == style.colour('country')


def test_a_legend_without_named_countries_has_no_such_entry():
    import matplotlib.pyplot as plt

    from geo.maps import style
    from geo.maps.static import draw
    text = 'Flooding reached Kafr Alpha and Tell Gamma.\n'
    r = build('no-country', text, 'en', [
        dict(surface='Kafr Alpha', id='x:a', name='Kafr Alpha', lat=36.0, lon=36.6, type='village', country='SY',
             confidence=0.9),
        dict(surface='Tell Gamma', id='x:g', name='Tell Gamma', lat=36.05, lon=36.7, type='village', country='SY',
             confidence=0.9)])
    fig = draw(r, dpi=50)
    try:
        assert style.WORDS['en']['named_country'] not in _legend(fig)
    finally:
        plt.close(fig)


def test_province_and_district_have_distinct_symbols_in_the_legend_and_on_the_map():
    import matplotlib
    import matplotlib.pyplot as plt

    from geo.maps import style
    from geo.maps.legend import LegendContent, draw_legend
    from geo.maps.layers import View
    from geo.maps.projection import for_extent, projected_bounds
    from geo.model import Place

    matplotlib.use('Agg')
    prov = Place('x:p', 'Nineveh', 36.2, 42.9, 'admin1', country='IQ', confidence=0.9, mentions=[0])
    dist = Place('x:d', 'Sinjar', 36.3, 41.9, 'admin2', country='IQ', confidence=0.9, mentions=[1])
    fig = plt.figure(figsize=(6, 4), dpi=60)
    try:
        draw_legend(fig, [0.5, 0.05, 0.45, 0.9], 2.7, 1.0, LegendContent('en', ['admin1', 'admin2'], [prov, dist]))
        entries = _legend(fig)
        a, b = entries[style.type_name('admin1', 'en')], entries[style.type_name('admin2', 'en')]
        assert (a.get_marker(), a.get_markerfacecolor()) != (b.get_marker(), b.get_markerfacecolor())
        # the map draws the same symbols
        box = (41.0, 35.5, 44.0, 37.0)
        proj = for_extent(*box)
        view = View(fig.add_axes([0.02, 0.05, 0.45, 0.9]), proj, projected_bounds(proj, box))
        view.draw_place(prov)
        view.draw_place(dist)
        drawn = [line.get_marker() for line in view.ax.lines]
        assert drawn == [a.get_marker(), b.get_marker()] and drawn[0] != drawn[1]
    finally:
        plt.close(fig)


def test_elsewhere_names_each_country_once():
    """Two far cities of one country and the country itself, and a city of another: each
    country is named once, its places together."""
    import matplotlib.pyplot as plt

    from geo.maps.legend import elsewhere
    from geo.maps.static import draw
    text = ('Shelling hit Deir ez-Zor and Al Mayadin. Officials in Moscow and Kazan spoke for Russia; '
            'Beijing called for calm.\n')
    spec = [
        dict(surface='Deir ez-Zor', id='gn:dz', name='Deir ez-Zor', name_ar='دير الزور', lat=35.336, lon=40.141,
             type='city', country='SY', confidence=0.95),
        dict(surface='Al Mayadin', id='gn:my', name='Al Mayadin', name_ar='الميادين', lat=35.0198, lon=40.4515,
             type='town', country='SY', confidence=0.95),
        dict(surface='Moscow', id='gn:mo', name='Moscow', name_ar='موسكو', lat=55.752, lon=37.616, type='city',
             country='RU', confidence=0.99),
        dict(surface='Kazan', id='gn:kz', name='Kazan', name_ar='قازان', lat=55.79, lon=49.12, type='city',
             country='RU', confidence=0.9),
        dict(surface='Russia', id='gn:ru', name='Russia', name_ar='روسيا', lat=60.0, lon=100.0, type='country',
             country='RU', confidence=0.99),
        dict(surface='Beijing', id='gn:bj', name='Beijing', name_ar='بكين', lat=39.906, lon=116.397, type='city',
             country='CN', confidence=0.99),
    ]
    r = build('far.en', text, 'en', spec)
    fig = draw(r, dpi=50)
    try:
        m = fig.geo_map
        para = next(t for t in m.texts if t.startswith('Elsewhere'))
        assert para.count('Russia') == 1 and 'Moscow' in para and 'Kazan' in para and 'Beijing' in para
        assert para.index('Moscow') < para.index('Russia') and para.index('Kazan') < para.index('Russia')
    finally:
        plt.close(fig)
    far = [p for p in r.places if p.country in ('RU', 'CN')]
    ar = elsewhere(far, 'ar')
    assert ar.count('روسيا') == 1 and 'موسكو' in ar and 'قازان' in ar and 'بكين' in ar
    assert elsewhere([p for p in far if p.type == 'country'], 'en') == 'Russia'


def test_a_province_drawn_as_a_point_is_no_outlined_area_in_the_legend():
    """The named countries are outlined; the province is a point (its symbol has the entry): the
    legend shows no dashed 'area named in the text'."""
    import matplotlib
    import matplotlib.pyplot as plt

    from geo.maps import style
    from geo.maps.legend import LegendContent, draw_legend
    from geo.model import Place

    matplotlib.use('Agg')
    prov = Place('x:p', 'Nineveh', 36.2, 42.9, 'admin1', country='IQ', confidence=0.9, mentions=[0])
    city = Place('x:m', 'Mosul', 36.34, 43.12, 'city', country='IQ', confidence=0.9, mentions=[1])
    words = style.WORDS['en']
    fig = plt.figure(figsize=(4, 4), dpi=50)
    try:
        draw_legend(fig, [0.05, 0.05, 0.9, 0.9], 3.6, 1.0,
                    LegendContent('en', ['city', 'admin1'], [prov, city], named_area=True, named_countries=True))
        entries = _legend(fig)
        assert words['named_country'] in entries and words['named_area'] not in entries
        fig.clf()
        draw_legend(fig, [0.05, 0.05, 0.9, 0.9], 3.6, 1.0,
                    LegendContent('en', ['city'], [prov, city], named_area=True, named_countries=True))
        assert words['named_area'] in _legend(fig)
    finally:
        plt.close(fig)
