"""Every map credits the sources its places come from: GeoNames always, airportsdata when it shows
an airport from it, and the user's own places when it shows some."""
from __future__ import annotations

import matplotlib.pyplot as plt

from maps_samples import build, deir_ez_zor

TEXT = 'Two aircraft left Khalil Air Base on Tuesday and landed near the Qarn Relief Camp before dark.\n'


def _airport_and_user_place():
    return build('credits', TEXT, 'en', [
        dict(surface='Khalil Air Base', id='ap:OXXX', name='Khalil Air Base', lat=34.52, lon=37.61, type='airport',
             country='SY', confidence=0.9),
        dict(surface='Qarn Relief Camp', id='u:qarn', name='Qarn Relief Camp', lat=34.61, lon=37.75, type='camp',
             country='SY', confidence=0.9),
    ])


def _static_credit(result) -> str:
    from geo.maps.static import draw
    fig = draw(result, dpi=72)
    try:
        return next(t.get_text() for t in fig.texts if 'Natural Earth' in t.get_text()).replace('\n', ' ')
    finally:
        plt.close(fig)


def test_static_and_html_maps_credit_airportsdata_and_the_users_places():
    from geo.maps import html
    r = _airport_and_user_place()
    credit = _static_credit(r)
    assert 'GeoNames (CC-BY 4.0)' in credit and 'airportsdata (MIT)' in credit and 'your own places' in credit
    page = html.render(r)
    assert page.count('airportsdata (MIT)') >= 2 and 'your own places' in page   # corner and panel


def test_a_map_without_such_places_credits_only_what_it_shows():
    credit = _static_credit(deir_ez_zor())
    assert 'GeoNames (CC-BY 4.0)' in credit and 'Natural Earth' in credit
    assert 'airportsdata' not in credit and 'your own places' not in credit


def test_an_approximate_place_is_credited_to_its_parents_source():
    from geo.maps.basemap import place_sources
    assert place_sources(['approx:مدرج@ap:OXXX']) == ['GeoNames (CC-BY 4.0)', 'airportsdata (MIT)']
    assert place_sources(['approx:حي@gn:170794', 'gn:1']) == ['GeoNames (CC-BY 4.0)']
