"""The user's own places: CSV (columns name, names, lat, lon, type, country, parent; optional id
and population) or GeoJSON (Point features with those properties).  Every row is validated; bad
rows raise GazetteerError with one `FILE:LINE: what is wrong` line each."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
from pathlib import Path
from typing import Iterator

from ..errors import GazetteerError, RowError
from ..keys import fold_uncached, is_arabic
from ..place import TYPES, Place
from ..textio import DecodeError, decode
from .base import Source, file_fingerprint
from .geonames_cities import country_code_problem

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
MAX_BYTES = 1 << 30


def normalise_type(t: str) -> str | None:
    t = (t or '').strip().lower()
    if t in TYPES:
        return t
    return TYPE_SYNONYMS.get(t)


def _number(value, what: str, lo: float, hi: float) -> float:
    text = str(value if value is not None else '').strip()
    if not text:
        raise ValueError(f'{what} is empty')
    try:
        v = float(text.translate(_DIGITS).replace('\u066b', '.').replace(',', '.'))
    except (TypeError, ValueError):
        raise ValueError(f'{what} {text!r} is not a number') from None
    if not math.isfinite(v):
        raise ValueError(f'{what} {text!r} is not a number')
    if not lo <= v <= hi:
        raise ValueError(f'{what} {v:g} is outside {lo:g}..{hi:g}')
    return v


# Arabic-Indic digits in coordinates typed on an Arabic keyboard
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}


def row_to_place(row: dict, path: Path, line: int) -> Place:
    name = str(row.get('name') or '').strip()
    if not name:
        raise RowError(path, line, 'the name is empty')
    if not fold_uncached(name):
        raise RowError(path, line, f'the name {name!r} has no letters or digits')
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
    problem = country_code_problem(country) if country else None
    if problem:
        raise RowError(path, line, f'country {country!r} {problem}')
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
        row['_anonymous'] = True
    elif ':' not in pid:
        pid = 'u:' + pid
    name_ar = name if is_arabic(name) else next((n for n in names if is_arabic(n)), '')
    display = name if not is_arabic(name) else next((n for n in names if not is_arabic(n)), name)
    alts = tuple(n for n in (name, *names) if n != display)
    return Place(id=pid, name=display, lat=lat, lon=lon, type=ptype, country=country,
                 population=pop, name_ar=name_ar, names=alts, aliases=(name,) if name != display else (),
                 parent=(row.get('parent') or '').strip(), source=f'user:{path.name}')


_DELIMITERS = ',;\t|'
_DELIMITER_NAMES = {',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'bars'}


def _dialect(header: str) -> type[csv.Dialect]:
    """The standard CSV dialect (RFC 4180: a quote inside a quoted field is doubled) with the
    delimiter the header line uses.  Only the delimiter (and spaces after it) is taken from the
    csv Sniffer: on a header line it cannot see quoting, and its guess turns doubled quotes off,
    which reads "Camp ""Hope"" North" wrongly."""
    try:
        sniffed = csv.Sniffer().sniff(header, delimiters=_DELIMITERS)
    except csv.Error:
        return csv.excel

    class Dialect(csv.excel):
        delimiter = sniffed.delimiter
        skipinitialspace = sniffed.skipinitialspace

    return Dialect


def _read_csv(path: Path, text: str) -> Iterator[tuple[int, dict]]:
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))   # one long names field is not an error
    first = re.split(r'\r\n|\r|\n', text[:65536], maxsplit=1)[0]
    dialect = _dialect(first)
    reader = csv.reader(io.StringIO(text, newline=''), dialect)
    try:
        header = [h.strip().lower().lstrip('\ufeff') for h in next(reader)]
    except StopIteration:
        raise RowError(path, 1, 'the file is empty') from None
    except csv.Error as e:
        raise RowError(path, 1, f'not a CSV header ({e})') from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        if len(header) == 1 and sum(c in header[0] for c in REQUIRED) >= 2:   # name:lat:lon
            raise RowError(path, 1, f'the header is one field ({first.strip()[:60]!r}): put commas (or ; tab |) '
                                    f'between the columns {", ".join(COLUMNS[1:8])}')
        raise RowError(path, 1, f'missing column(s) {", ".join(missing)}; the header must name '
                                f'{", ".join(COLUMNS[1:8])} (comma-separated)')
    delim = _DELIMITER_NAMES.get(dialect.delimiter, repr(dialect.delimiter))
    last = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            raise RowError(path, reader.line_num, f'broken CSV ({e})') from None
        line, last = last + 1, reader.line_num       # a row may span lines (a quoted line break)
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            if len(cells) < len(header) and last > line and any('\n' in c or '\r' in c for c in cells):
                raise RowError(path, line, 'a quoted field opened on this line is never closed')
            hint = ''
            raw = cells[0] if len(cells) == 1 else ''
            other = next((d for d in _DELIMITERS if d != dialect.delimiter and raw.count(d) >= len(header) - 2), None)
            if other and len(header) > 2:
                hint = f' (the header uses {delim}, this row {_DELIMITER_NAMES[other]})'
            elif len(cells) > len(header) and dialect.delimiter == ',':
                hint = ' (a decimal comma? write 35.5, or quote the value)'
            raise RowError(path, line, f'{len(cells)} field{"s" if len(cells) != 1 else ""} where the header '
                                       f'has {len(header)}{hint}')
        yield line, dict(zip(header, cells))


def _read_geojson(path: Path, text: str) -> Iterator[tuple[int, dict]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise RowError(path, e.lineno, f'not valid JSON: {e.msg}') from None
    except RecursionError:
        raise RowError(path, 1, 'not usable JSON: nested too deeply') from None
    except ValueError as e:         # an integer of more than 4300 digits
        raise RowError(path, 1, f'not usable JSON: {str(e).split(";")[0]}') from None
    feats = data.get('features') if isinstance(data, dict) else None
    if not isinstance(feats, list):
        raise RowError(path, 1, 'not a GeoJSON FeatureCollection')
    lines = _feature_lines(text, len(feats))
    for i, f in enumerate(feats, start=1):
        line = lines[i - 1] if lines else 1
        where = '' if lines else f'feature {i}: '
        if not isinstance(f, dict):
            raise RowError(path, line, f'{where}a feature must be an object')
        geom = f.get('geometry') or {}
        props = f.get('properties') or {}
        if not isinstance(geom, dict) or not isinstance(props, dict):
            raise RowError(path, line, f'{where}geometry and properties must be objects')
        props = dict(props)
        coords = geom.get('coordinates')
        if geom.get('type') != 'Point' or not isinstance(coords, list) or len(coords) < 2:
            raise RowError(path, line, f'{where}only Point geometries are places')
        props['lon'], props['lat'] = coords[:2]
        if isinstance(props.get('names'), list):
            props['names'] = '|'.join(map(str, props['names']))
        # the CSV reader's view of a row: every value a string (an id or a name may be a number)
        yield line, {k: ('' if v is None else v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
                     for k, v in props.items()}


def _feature_lines(text: str, count: int) -> list[int] | None:
    """The line on which each feature of the top-level "features" array starts, or None when
    the file is laid out in a way this scan does not follow."""
    import re

    m = re.search(r'"features"\s*:\s*\[', text)
    if not m:
        return None
    dec = json.JSONDecoder()
    ws = re.compile(r'[\s,]*')
    pos, line, counted, out = m.end(), 1, 0, []
    try:
        while True:
            pos = ws.match(text, pos).end()
            if pos >= len(text) or text[pos] == ']':
                break
            line += text.count('\n', counted, pos)
            counted = pos
            out.append(line)
            _, pos = dec.raw_decode(text, pos)
    except (json.JSONDecodeError, ValueError):
        return None
    return out if len(out) == count else None


def read_places(path: str | Path) -> list[Place]:
    """Validate and read a user gazetteer file.  Raises GazetteerError listing every bad row."""
    path = Path(path)
    try:
        with open(path, 'rb') as f:      # bounded: a device or a pipe (/dev/zero) has no size
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise GazetteerError(f'{path}: more than {MAX_BYTES >> 20} MB; split it, or import GeoNames dumps '
                                 'with `geo gazetteer import geonames`')
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
                if row.get('_anonymous'):
                    errors.append(f'{path}:{line}: the same name and coordinates as line {seen[p.id]}')
                else:
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
    """The files the user added for good: imported GeoNames places first, then the alternate
    names that add to them, then the user's own CSV and GeoJSON files, each group in name order."""
    if not folder.is_dir():
        return []
    from .geonames_stored import StoredDump

    dumps: list[StoredDump] = []
    own: list[Source] = []
    for p in sorted(folder.iterdir()):
        if p.name.startswith('.') or not p.is_file():
            continue  # files being written, backups
        if p.suffix.lower() in ('.csv', '.tsv', '.geojson', '.json'):
            own.append(UserFile(p))
        elif p.suffix.lower() == '.jsonl':
            dumps.append(StoredDump(p))
    dumps.sort(key=lambda d: (d.kind == 'names', d.path.name))
    return [*dumps, *own]
