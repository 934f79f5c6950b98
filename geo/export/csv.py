"""Result -> CSV: one row per place per document, for spreadsheets and GIS (lat/lon columns).

A row is the flat form of a GeoJSON feature (geo.export.geojson, the one schema): `row(feature)`
is the one place that flattens one, and `rows(result, meta)` flattens a document's features.  The
CSV, the GeoPackage and the batch outputs (places.csv, the combined maps) all use it, so they
carry the same columns: the feature's `id` is `place_id`, its mentions are their distinct
spellings joined by ' | ' with the first offset in `first_start` and the pages they are on (a PDF's)
in `pages`, its alternatives are left out.
Text cells that a spreadsheet would run as a formula (=, +, -, @ first) get a leading
apostrophe: a document is not allowed to put a formula into an analyst's spreadsheet."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterable

from ..model import Result
from .geojson import features

COLUMNS = ('document', 'date', 'title', 'url', 'place_id', 'name', 'name_ar', 'type', 'country', 'admin1',
           'lat', 'lon', 'geonameid', 'population', 'confidence', 'approximate', 'uncertainty_km',
           'mention_count', 'mentions', 'first_start', 'pages')
TEXT_COLUMNS = frozenset({'document', 'date', 'title', 'url', 'place_id', 'name', 'name_ar', 'type', 'country',
                          'admin1', 'mentions'})


def row(feature: dict) -> dict:
    """The flat row of one feature of geo.export.geojson, in COLUMNS order."""
    p = feature['properties']
    lon, lat = feature['geometry']['coordinates']
    ms = p['mentions']
    return {
        'document': p['document'], 'date': p.get('date', ''), 'title': p.get('title', ''), 'url': p.get('url', ''),
        'place_id': p['id'], 'name': p['name'], 'name_ar': p['name_ar'], 'type': p['type'],
        'country': p['country'], 'admin1': p['admin1'], 'lat': lat, 'lon': lon, 'geonameid': p['geonameid'],
        'population': p['population'], 'confidence': p['confidence'], 'approximate': p['approximate'],
        'uncertainty_km': p['uncertainty_km'], 'mention_count': p['mention_count'],
        'mentions': ' | '.join(dict.fromkeys(m['text'] for m in ms)),
        'first_start': min((m['start'] for m in ms), default=None),
        'pages': ' '.join(str(p) for p in sorted({m['page'] for m in ms if m.get('page') is not None})),
    }


def rows(result: Result, meta: dict | None = None) -> list[dict]:
    """One flat dict per place of the document, in COLUMNS order."""
    return [row(f) for f in features(result, meta)]


def cell(column: str, value) -> str:
    if value is None:
        return ''
    if isinstance(value, bool):
        return 'true' if value else 'false'
    s = str(value)
    if column in TEXT_COLUMNS and s[:1] in ('=', '+', '-', '@', '\t', '\r'):
        s = "'" + s
    return s


class Writer:
    """Streams rows to a text file: header first, then any number of rows."""

    def __init__(self, f):
        self._w = csv.writer(f, lineterminator='\r\n')
        self._w.writerow(COLUMNS)

    def write(self, rows_: Iterable[dict]) -> None:
        self._w.writerows([cell(c, r.get(c)) for c in COLUMNS] for r in rows_)


def dumps(results: list[Result], metas: list[dict] | None = None) -> str:
    buf = io.StringIO(newline='')
    w = Writer(buf)
    for i, r in enumerate(results):
        w.write(rows(r, metas[i] if metas else None))
    return buf.getvalue()


def write(results: list[Result], path: str | Path, metas: list[dict] | None = None) -> Path:
    """UTF-8 with a byte-order mark, so that spreadsheet programs read Arabic names right."""
    from .files import atomic_write_bytes
    return atomic_write_bytes(path, b'\xef\xbb\xbf' + dumps(results, metas).encode('utf-8'))
