"""The user's own places: CSV (columns name, names, lat, lon, type, country, parent; optional id
and population) or GeoJSON (Point features with those properties).  Every row is validated; bad
rows raise GazetteerError with one `FILE:LINE: what is wrong` line each."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import math
from pathlib import Path
from typing import Iterator

from ..errors import GazetteerError, RowError
from ..place import TYPES, Place
from ..textio import DecodeError, decode
from .base import Source, file_fingerprint

REQUIRED = ('name', 'lat', 'lon')
COLUMNS = ('id', 'name', 'names', 'lat', 'lon', 'type', 'country', 'parent', 'population')
TYPE_SYNONYMS = {
    'neighborhood': 'neighbourhood', 'suburb': 'neighbourhood', 'quarter': 'neighbourhood',
    'district': 'admin2', 'county': 'admin2', 'governorate': 'admin1', 'province': 'admin1',
    'state': 'admin1', 'oil field': 'oilfield', 'oil_field': 'oilfield', 'field': 'oilfield',
    'river': 'water', 'lake': 'water', 'sea': 'water', 'poi': 'facility', 'building': 'facility',
    'roundabout': 'landmark', 'square': 'landmark', 'base': 'facility', 'hospital': 'facility',
    'refugee camp': 'camp', 'border crossing': 'crossing', 'mountain range': 'mountain', '': 'place',
}
MAX_ERRORS_SHOWN = 20


def normalise_type(t: str) -> str | None:
    t = (t or '').strip().lower()
    if t in TYPES:
        return t
    return TYPE_SYNONYMS.get(t)


def _number(value, what: str, lo: float, hi: float) -> float:
    try:
        v = float(str(value).strip().replace('\u066b', '.').replace(',', '.'))
    except (TypeError, ValueError):
        raise ValueError(f'{what} {value!r} is not a number') from None
    if not math.isfinite(v) or not lo <= v <= hi:
        raise ValueError(f'{what} {v:g} is outside {lo:g}..{hi:g}')
    return v


def row_to_place(row: dict, path: Path, line: int) -> Place:
    name = (row.get('name') or '').strip()
    if not name:
        raise RowError(path, line, 'the name is empty')
    try:
        lat = _number(row.get('lat'), 'latitude', -90, 90)
        lon = _number(row.get('lon'), 'longitude', -180, 180)
    except ValueError as e:
        raise RowError(path, line, str(e)) from None
    if lon == -180.0:
        lon = 180.0  # one antimeridian, one value
    ptype = normalise_type(row.get('type') or '')
    if ptype is None:
        raise RowError(path, line, f'unknown type {row.get("type")!r} (one of: {", ".join(sorted(TYPES))})')
    country = (row.get('country') or '').strip().upper()
    if country and not (len(country) == 2 and country.isalpha() and country.isascii()):
        raise RowError(path, line, f'country {country!r} is not an ISO 3166 alpha-2 code such as SY')
    pop, raw = 0, str(row.get('population') or '').strip()
    if raw:
        try:
            pop = int(float(raw))
        except ValueError:
            raise RowError(path, line, f'population {raw!r} is not a number') from None
    names = tuple(n.strip() for n in str(row.get('names') or '').split('|') if n.strip() and n.strip() != name)
    pid = (row.get('id') or '').strip()
    if not pid:
        pid = 'u:' + hashlib.sha1(f'{name}|{lat:.5f}|{lon:.5f}'.encode()).hexdigest()[:12]
    elif ':' not in pid:
        pid = 'u:' + pid
    from ..keys import is_arabic
    name_ar = name if is_arabic(name) else next((n for n in names if is_arabic(n)), '')
    display = name if not is_arabic(name) else next((n for n in names if not is_arabic(n)), name)
    alts = tuple(n for n in (name, *names) if n != display)
    return Place(id=pid, name=display, lat=lat, lon=lon, type=ptype, country=country,
                 population=pop, name_ar=name_ar, names=alts, aliases=(name,) if name != display else (),
                 parent=(row.get('parent') or '').strip(), source=f'user:{path.name}')


def _read_csv(path: Path, text: str) -> Iterator[tuple[int, dict]]:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample.split('\n', 1)[0], delimiters=',;\t|')
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=''), dialect)
    try:
        header = [h.strip().lower().lstrip('\ufeff') for h in next(reader)]
    except StopIteration:
        raise RowError(path, 1, 'the file is empty') from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise RowError(path, 1, f'missing column(s) {", ".join(missing)}; the header must name '
                                f'{", ".join(COLUMNS[1:8])} (comma-separated)')
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise RowError(path, line, f'{len(cells)} fields where the header has {len(header)}')
        yield line, dict(zip(header, cells))


def _read_geojson(path: Path, text: str) -> Iterator[tuple[int, dict]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise RowError(path, e.lineno, f'not valid JSON: {e.msg}') from None
    feats = data.get('features') if isinstance(data, dict) else None
    if not isinstance(feats, list):
        raise RowError(path, 1, 'not a GeoJSON FeatureCollection')
    for i, f in enumerate(feats, start=1):
        geom = (f or {}).get('geometry') or {}
        props = dict((f or {}).get('properties') or {})
        if geom.get('type') != 'Point' or not isinstance(geom.get('coordinates'), list) or len(geom['coordinates']) < 2:
            raise RowError(path, i, f'feature {i}: only Point geometries are places')
        props['lon'], props['lat'] = geom['coordinates'][:2]
        if isinstance(props.get('names'), list):
            props['names'] = '|'.join(map(str, props['names']))
        yield i, {k: ('' if v is None else v) for k, v in props.items()}


def read_places(path: str | Path) -> list[Place]:
    """Validate and read a user gazetteer file.  Raises GazetteerError listing every bad row."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise GazetteerError(f'{path}: is a directory, not a gazetteer file') from None
    except OSError as e:
        raise GazetteerError(f'{path}: cannot read ({e.strerror})') from None
    try:
        text = decode(data, str(path))
    except DecodeError as e:
        raise GazetteerError(str(e)) from None
    is_json = path.suffix.lower() in ('.geojson', '.json') or text.lstrip().startswith('{')
    rows = _read_geojson(path, text) if is_json else _read_csv(path, text)
    places, errors, seen = [], [], {}
    try:
        for line, row in rows:
            try:
                p = row_to_place(row, path, line)
            except RowError as e:
                errors.append(str(e))
                continue
            if p.id in seen:
                errors.append(f'{path}:{line}: duplicate id {p.id} (first on line {seen[p.id]})')
                continue
            seen[p.id] = line
            places.append(p)
    except RowError as e:
        errors.append(str(e))
    if errors:
        more = len(errors) - MAX_ERRORS_SHOWN
        shown = errors[:MAX_ERRORS_SHOWN] + ([f'{path}: ... and {more} more bad rows'] if more > 0 else [])
        raise GazetteerError('\n'.join(shown))
    if not places:
        raise GazetteerError(f'{path}: no places in the file')
    return places


class UserFile(Source):
    licence = "the user's own data"

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.name = f'user:{self.path.name}'
        self.url = str(self.path)

    def fingerprint(self) -> str:
        return file_fingerprint(self.path)

    def places(self) -> Iterator[Place]:
        yield from read_places(self.path)


def stored_sources(folder: Path) -> list[Source]:
    """The files the user added for good, in the order they were added."""
    if not folder.is_dir():
        return []
    out: list[Source] = []
    for p in sorted(folder.iterdir()):
        if p.suffix.lower() in ('.csv', '.tsv', '.geojson', '.json'):
            out.append(UserFile(p))
        elif p.suffix.lower() == '.jsonl':
            from .geonames_dump import StoredDump
            out.append(StoredDump(p))
    return out
