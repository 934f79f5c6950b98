"""The offline basemap: real layers read from the installed packages, cut to a map's box."""
from __future__ import annotations

import pytest
import shapely


def test_layers_come_from_installed_packages():
    from geo.maps import basemap
    have = basemap.layers_available()
    assert have['countries']
    for layer in ('admin1', 'lakes', 'rivers'):
        if not have[layer]:
            pytest.fail(f'{layer}: its package is a dependency of geo-textmap and should be installed')


def test_the_euphrates_runs_by_deir_ez_zor():
    from geo.maps import basemap
    rivers = basemap.rivers().clip((39.9, 35.1, 40.4, 35.5))
    assert len(rivers)
    dz = shapely.Point(40.141, 35.336)
    assert min(shapely.distance(dz, rivers)) < 0.05          # degrees: a few km at most


def test_a_named_governorate_is_rebuilt_from_the_boundary_lines():
    from geo.maps import basemap
    area = basemap.admin_area_at(40.141, 35.336, 'SY')       # Deir ez-Zor governorate
    assert area is not None
    assert area.contains(shapely.Point(40.452, 35.020))      # Al Mayadin is in it
    assert not area.contains(shapely.Point(39.010, 35.950))  # Raqqa is not
    assert 1.5 < area.area < 4.0                             # square degrees: one governorate, not Syria


def test_an_area_whose_boundaries_the_data_lacks_is_not_outlined():
    """Natural Earth's lines do not separate Nineveh from its neighbours: better no outline than
    half of northern Iraq labelled Nineveh."""
    from geo.maps import basemap
    assert basemap.admin_area_at(43.13, 36.34, 'IQ') is None


def test_countries_are_cut_to_the_box_and_coarse_for_small_scales():
    from geo.maps import basemap
    iso, geoms = basemap.country_geoms((38.0, 33.0, 42.0, 37.0), 0.001)
    assert 'SY' in set(iso) and 'IQ' in set(iso)
    assert all(g.within(shapely.box(37.99, 32.99, 42.01, 37.01)) for g in geoms)
    fine = sum(shapely.get_num_coordinates(geoms))
    _, coarse = basemap.country_geoms((38.0, 33.0, 42.0, 37.0), 0.1)      # 110m data, for a locator
    assert fine > 2 * sum(shapely.get_num_coordinates(coarse))
    _, world = basemap.country_geoms((-180, -90, 180, 90), 0.1)
    assert len(world) > 150 and sum(shapely.get_num_coordinates(world)) < 60_000


def test_the_html_maps_fine_layers_reach_the_sides_of_a_wide_page():
    """The page's map is wide: around a tall focus (Mosul to Baghdad) the fine countries, rivers
    and province lines span a box at least 1.8 times as wide as it is tall, so the view does not
    end in coarse borders left and right of the middle."""
    import json

    import folium
    import shapely

    from geo.maps import style
    from geo.maps.html_basemap import basemap_layers
    layers = basemap_layers(folium.Map(tiles=None), (43.0, 33.0, 44.5, 36.5), style.WORDS['en'])
    rivers = [text for _, text, st in layers if st.get('color') == style.RIVER]
    geoms = [shapely.geometry.shape(f['geometry']) for f in json.loads(rivers[0])['features']]
    w, s, e, n = shapely.total_bounds(geoms)
    assert (e - w) >= 1.7 * (n - s)
