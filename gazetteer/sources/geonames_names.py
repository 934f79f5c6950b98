"""The alternate-names file of a GeoNames dump (alternateNamesV2): streamed, keeping only the
names of wanted places, and grouped into one name-only record a place."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np

from ..errors import GazetteerError
from .geonames_files import MAX_ERRORS, NAME_COLUMNS, DumpFile, Progress

# alternate-name "languages" that are not names
SKIP_LANGS = frozenset({'link', 'wkdt', 'post', 'unlc', 'phon', 'piny', 'fr_1793', 'tcid', 'faac'})
CODE_LANGS = frozenset({'iata', 'icao'})


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
    where = df.where
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


def write_names(files: list[DumpFile], wanted: np.ndarray, write: Callable[[dict], None],
                progress: Progress | None, flush_at: int = 300_000) -> tuple[Counter, int]:
    """Group the wanted alternate names by place, a bounded buffer at a time, and write them as
    name-only records (merged into the place of the same id at build time).  Returns the names
    counted by language and the number of places named (-1 when not counted)."""
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
            write(d)
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
