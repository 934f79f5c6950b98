"""The outputs of a batch run, made from its journal in input order: places.jsonl, errors.jsonl,
and those of the run's formats (FILES): places.csv, places.geojson, places.gpkg, and the per-place
aggregate that the combined maps (map.html, map.png) draw.  Each
document's journal line holds its GeoJSON features (geo.export.geojson, made by the worker):
places.geojson streams them through the export's Writer, and places.csv and the aggregate read
their flat rows (geo.export.csv.row), as does the GeoPackage (geo.export.gpkg, written in chunks),
so `geo map` and `geo batch` write one schema.

Each file is streamed into a temporary file beside the target and renamed over it only when all
of them are complete.  The aggregate holds one entry per distinct place (with its documents
counted per day), never one per document."""
from __future__ import annotations

import email.utils
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..export import csv as csv_export
from ..export import geojson

MAX_SAMPLES = 5
FILES = {'csv': 'places.csv', 'geojson': 'places.geojson', 'gpkg': 'places.gpkg', 'html': 'map.html',
         'png': 'map.png'}      # the formats of `geo batch --formats` and the files they write
ALWAYS = ('places.jsonl', 'errors.jsonl')


class AtomicFiles:
    """Open several output files as temporaries; rename them all into place on success, delete
    them all on failure."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.files: list[tuple[Path, str, object]] = []

    def open(self, name: str, bom: bool = False):
        fd, tmp = tempfile.mkstemp(prefix=f'.{name}.', suffix='.tmp', dir=self.folder)
        f = os.fdopen(fd, 'w', encoding='utf-8', newline='')
        if bom:
            f.write('\ufeff')
        self.files.append((self.folder / name, tmp, f))
        return f

    def __enter__(self) -> 'AtomicFiles':
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            for _, tmp, f in self.files:
                f.flush()
                os.fsync(f.fileno())
                f.close()
                os.chmod(tmp, 0o644)
            for target, tmp, _ in self.files:
                os.replace(tmp, target)
        else:
            for _, tmp, f in self.files:
                f.close()
                try:
                    os.unlink(tmp)
                except OSError:
                    pass


_ISO = re.compile(r'^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})')
_DMY = re.compile(r'^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b')


def day_of(value) -> str | None:
    """'YYYY-MM-DD' from an ISO date or timestamp, D/M/YYYY, or an RFC 2822 date (RSS); None
    when the value is not a date we can read."""
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO.match(value)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = _DMY.match(value)
        if m:
            d, mo, y = (int(x) for x in m.groups())
        else:
            try:
                dt = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            if dt is None:
                return None
            y, mo, d = dt.year, dt.month, dt.day
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1 <= y <= 9999):
        return None
    return f'{y:04d}-{mo:02d}-{d:02d}'


@dataclass(slots=True)
class PlaceAgg:
    id: str
    name: str
    name_ar: str
    type: str
    country: str
    admin1: str
    lat: float
    lon: float
    approximate: bool
    uncertainty_km: float
    docs: int = 0
    mentions: int = 0
    undated: int = 0
    days: dict = field(default_factory=dict)       # 'YYYY-MM-DD' -> documents that day
    samples: list = field(default_factory=list)    # up to MAX_SAMPLES (id, title, date, url, mentions, day)


@dataclass
class Aggregate:
    places: dict = field(default_factory=dict)     # place id -> PlaceAgg
    documents: int = 0
    errors: int = 0
    langs: dict = field(default_factory=dict)
    days: dict = field(default_factory=dict)       # 'YYYY-MM-DD' -> documents that day (all places)

    def add(self, lang: str, rows: list[dict]) -> None:
        self.documents += 1
        self.langs[lang] = self.langs.get(lang, 0) + 1
        day = day_of(rows[0].get('date')) if rows else None
        if day:
            self.days[day] = self.days.get(day, 0) + 1
        for r in rows:
            a = self.places.get(r['place_id'])
            if a is None:
                a = self.places[r['place_id']] = PlaceAgg(
                    r['place_id'], r['name'], r['name_ar'] or '', r['type'], r['country'], r['admin1'] or '',
                    float(r['lat']), float(r['lon']), bool(r['approximate']), float(r['uncertainty_km'] or 0))
            a.docs += 1
            a.mentions += int(r['mention_count'])
            if day:
                a.days[day] = a.days.get(day, 0) + 1
            else:
                a.undated += 1
            if len(a.samples) < MAX_SAMPLES:
                a.samples.append((r['document'], r['title'], r['date'], r['url'], r['mentions'], day))

    @property
    def lang(self) -> str:
        return max(self.langs, key=self.langs.get) if self.langs else 'en'


def finalize(journal, out: Path, formats=tuple(FILES), title: str | None = None) -> tuple[list[Path], int]:
    """Write places.jsonl, errors.jsonl and the files of `formats` (keys of FILES) from the
    journal; returns (files written, distinct places)."""
    agg = Aggregate()
    with AtomicFiles(out) as files:
        f_places = files.open('places.jsonl')
        f_errors = files.open('errors.jsonl')
        table = csv_export.Writer(files.open('places.csv', bom=True)) if 'csv' in formats else None
        collection = geojson.Writer(files.open('places.geojson')) if 'geojson' in formats else None
        package = None
        if 'gpkg' in formats:
            from ..export import gpkg
            package = gpkg.Writer(out / FILES['gpkg'])
        try:
            _write_records(journal, agg, f_places, f_errors, table, collection, package)
            if collection is not None:
                collection.close()
            if package is not None:
                package.close()
        except BaseException:
            if package is not None:
                package.abort()
            raise
    written = [out / n for n in ALWAYS] + [out / FILES[f] for f in ('csv', 'geojson', 'gpkg') if f in formats]
    if 'html' in formats or 'png' in formats:
        from ..maps import combined
        if 'html' in formats:
            written.append(combined.write_html(agg, out / 'map.html', title=title))
        if 'png' in formats:
            written.append(combined.write_png(agg, out / 'map.png', title=title))
    return written, len(agg.places)


def _write_records(journal, agg: Aggregate, f_places, f_errors, table, collection, package) -> None:
    for rec in journal.records():
        if 'error' in rec:
            agg.errors += 1
            err = {'id': rec['id'], 'record': rec['n'] + 1}
            m = re.search(r':(\d+)$', rec.get('where') or '')
            if m:
                err['line'] = int(m.group(1))
            err.update(where=rec.get('where', ''), error=rec['error'])
            f_errors.write(json.dumps(err, ensure_ascii=False) + '\n')
            continue
        f_places.write(rec['rec'] + '\n')
        rows = [csv_export.row(f) for f in rec['features']]
        if collection is not None:
            collection.write(rec['features'])
        if table is not None:
            table.write(rows)
        if package is not None:
            package.write(rows)
        agg.add(rec.get('lang', ''), rows)
