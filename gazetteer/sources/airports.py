"""Airports and air bases from `airportsdata` (ICAO list): by name ('Deir ez-Zor Airport',
'Baghdad International Airport' and the short form without 'International'), and by IATA/ICAO
code, which the text side matches only as an exact upper-case token in Latin text."""
from __future__ import annotations

import re
from typing import Iterator

from ..place import Place
from .base import Source, package_dir, package_fingerprint

_INTL = re.compile(r'\bInternational\s+', re.I)
_BASE = re.compile(r'\b(air ?base|air force base|airfield|air station)\b', re.I)


def variants(name: str, city: str) -> tuple[str, ...]:
    out = []
    short = _INTL.sub('', name)
    if short != name:
        out.append(short)
    if city and city.lower() not in name.lower() and not _BASE.search(name):
        out.append(f'{city} Airport')
    return tuple(dict.fromkeys(v for v in out if v != name))


class Airports(Source):
    name = 'airports'
    licence = 'MIT (airportsdata, compiled from OurAirports and others)'
    url = 'https://github.com/mborsetti/airportsdata'

    def fingerprint(self) -> str:
        return package_fingerprint('airportsdata', *sorted(package_dir('airportsdata').glob('*.csv')))

    def places(self) -> Iterator[Place]:
        import airportsdata

        for icao, a in airportsdata.load('ICAO').items():
            name = (a.get('name') or '').strip()
            if len(name) < 4:
                continue
            codes = tuple(c for c in (a.get('iata'), icao) if c and c.isalpha() and c.isupper())
            kind = 'airbase' if _BASE.search(name) else 'airport'
            yield Place(id=f'ap:{icao}', name=name, lat=float(a['lat']), lon=float(a['lon']), type='airport',
                        country=a.get('country') or '', admin1=a.get('subd') or '',
                        names=variants(name, a.get('city') or ''), codes=codes, source=self.name,
                        parent=a.get('city') or '', extra={'kind': kind, 'iata': a.get('iata') or '', 'icao': icao})
