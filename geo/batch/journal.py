"""The resume journal of a batch run: DIR/.geo-batch/journal.jsonl.

One JSON line per finished input record (a parsed document or an error), appended in the order
the records finish, flushed at once and fsync'ed at least every second, so that an interrupted
run loses at most the records that were still being written.  A torn or garbled line (the
process was killed mid-write) is dropped when the journal is reopened; that record is simply
done again.

Records are keyed by their position `n` in the input (0, 1, 2, ...) and the id found there: on
resume, a position whose id differs means the input changed, which is refused.  The journal
keeps per record only its byte offset and an 8-byte hash of its id, so memory grows by 16
bytes a document, never by its text or its places.

A line is {"n", "id", "lang", "rec": the record `geo parse` prints, "features": the document's
GeoJSON features (geo.export.geojson)} for a document (made by geo.batch.engines.parse_task), or
{"n", "id", "where", "error"} for an error.  FORMAT numbers this layout: bump it when the layout
changes, and --resume refuses a journal written in another one.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Iterator

import numpy as np

FORMAT = 2          # 1: CSV rows ("rows") instead of the GeoJSON features
STATE_DIR = '.geo-batch'
JOURNAL = 'journal.jsonl'
RUN = 'run.json'


def id_hash(doc_id: str) -> int:
    """A non-zero 64-bit hash of a document id (0 marks 'not done')."""
    return int.from_bytes(hashlib.blake2b(doc_id.encode('utf-8', 'surrogatepass'), digest_size=8).digest(),
                          'little') | 1


class _Grow:
    """A growable numpy vector indexed by record position, filled with `empty`."""

    def __init__(self, dtype, empty):
        self.a = np.full(1024, empty, dtype=dtype)
        self.empty = empty

    def __setitem__(self, i: int, v) -> None:
        if i >= len(self.a):
            n = len(self.a)
            while n <= i:
                n *= 2
            b = np.full(n, self.empty, dtype=self.a.dtype)
            b[:len(self.a)] = self.a
            self.a = b
        self.a[i] = v

    def __getitem__(self, i: int):
        return self.a[i] if i < len(self.a) else self.empty


class Journal:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / JOURNAL
        self.hashes = _Grow(np.uint64, 0)
        self.offsets = _Grow(np.int64, -1)
        self.count = 0          # records in the journal
        self.errors = 0         # of which errors
        self.top = -1           # highest position seen
        self._f = None
        self._synced = time.monotonic()
        self.finalized: int | None = None   # record count when the outputs were last written

    # ---- opening -----------------------------------------------------------------------
    @classmethod
    def fresh(cls, folder: Path) -> 'Journal':
        j = cls(folder)
        j.folder.mkdir(parents=True, exist_ok=True)
        j._f = open(j.path, 'wb')
        _fsync_dir(j.folder)
        return j

    @classmethod
    def reopen(cls, folder: Path) -> 'Journal':
        """Read an existing journal, dropping torn or garbled lines, and open it for appending."""
        j = cls(folder)
        if not j.path.exists():
            return cls.fresh(folder)
        bad = 0
        with open(j.path, 'rb') as f:
            off = 0
            for raw in f:
                ok = raw.endswith(b'\n')
                if ok:
                    try:
                        rec = json.loads(raw)
                        ok = isinstance(rec, dict) and isinstance(rec.get('n'), int) and isinstance(rec.get('id'), str)
                    except ValueError:
                        ok = False
                if ok:
                    j._note(rec, off)
                else:
                    bad += 1
                off += len(raw)
        if bad:
            j._rewrite_without_bad()
        j._f = open(j.path, 'ab')
        return j

    def _rewrite_without_bad(self) -> None:
        """Copy the good lines to a new journal and switch to it atomically (offsets change)."""
        tmp = self.path.with_suffix('.tmp')
        self.hashes, self.offsets = _Grow(np.uint64, 0), _Grow(np.int64, -1)
        self.count = self.errors = 0
        self.top = -1
        with open(self.path, 'rb') as src, open(tmp, 'wb') as dst:
            for raw in src:
                if not raw.endswith(b'\n'):
                    continue
                try:
                    rec = json.loads(raw)
                except ValueError:
                    continue
                if not (isinstance(rec, dict) and isinstance(rec.get('n'), int) and isinstance(rec.get('id'), str)):
                    continue
                self._note(rec, dst.tell())
                dst.write(raw)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, self.path)
        _fsync_dir(self.folder)

    def _note(self, rec: dict, off: int) -> None:
        n = rec['n']
        if self.offsets[n] < 0:
            self.count += 1
            self.errors += 'error' in rec
        self.hashes[n] = id_hash(rec['id'])
        self.offsets[n] = off
        self.top = max(self.top, n)

    # ---- during the run ----------------------------------------------------------------
    def state_of(self, n: int, doc_id: str) -> str:
        """'done', 'todo', or 'changed' (the journal has another id at this position)."""
        h = int(self.hashes[n])
        if h == 0:
            return 'todo'
        return 'done' if h == id_hash(doc_id) else 'changed'

    def append_line(self, n: int, doc_id: str, is_error: bool, line: bytes) -> None:
        """Append one record's journal line (made by geo.batch.engines)."""
        off = self._f.tell()
        self._f.write(line)
        self._f.flush()
        if self.offsets[n] < 0:
            self.count += 1
            self.errors += is_error
        self.hashes[n] = id_hash(doc_id)
        self.offsets[n] = off
        self.top = max(self.top, n)
        now = time.monotonic()
        if now - self._synced > 1.0:
            os.fsync(self._f.fileno())
            self._synced = now

    def close(self) -> None:
        if self._f is not None:
            self._f.flush()
            os.fsync(self._f.fileno())
            self._f.close()
            self._f = None

    # ---- afterwards --------------------------------------------------------------------
    def records(self) -> Iterator[dict]:
        """Every record in input order (by position), each read back from disk."""
        with open(self.path, 'rb') as f:
            pos = 0
            for n in range(self.top + 1):
                off = int(self.offsets[n])
                if off < 0:
                    continue
                if off != pos:
                    f.seek(off)
                raw = f.readline()
                pos = off + len(raw)
                yield json.loads(raw)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
