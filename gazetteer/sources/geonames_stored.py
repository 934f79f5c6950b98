"""GeoNames imports as they are kept in the user folder: a compact JSON Lines file of Place dicts
after a header line.  StoredWriter writes one, StoredDump reads it back as a source of the index
build; places that share a GeoNames id with an embedded source (gn:<id>) are merged there."""
from __future__ import annotations

import json
import os
import re
import time
import uuid
from pathlib import Path
from typing import Iterator

import numpy as np

from ..errors import GazetteerError, RowError
from ..place import Place
from .base import Source

LICENCE = 'CC-BY 4.0 (GeoNames, www.geonames.org)'
HEADER_BYTES = 4096             # the first line of a stored file, rewritten in place when done
STORED_FORMAT = 'geo-textmap/geonames'
NAMES_FILE = 'geonames-alternate-names.jsonl'

_OPTIONAL = ('country', 'admin1', 'population', 'geonameid', 'name_ar', 'names', 'aliases', 'codes', 'seat',
             'source', 'parent', 'bbox', 'extra')
_ID = re.compile(r'\{"id":"gn:(\d+)"')


def stored_name(stem: str) -> str:
    safe = re.sub(r'[^A-Za-z0-9_.-]+', '-', stem).strip('-.') or 'dump'
    return f'geonames-{safe}.jsonl'


def compact(p: Place) -> dict:
    """A Place dict without its empty fields (Place.from_dict restores them); id comes first."""
    d = {'id': p.id, 'name': p.name, 'lat': p.lat, 'lon': p.lon, 'type': p.type}
    for k in _OPTIONAL:
        v = getattr(p, k)
        if v:
            d[k] = v
    return d


class StoredWriter:
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
