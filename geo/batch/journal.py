"""The resume journal of a batch run: DIR/.geo-batch/journal.jsonl.

One JSON line per finished input record (a parsed document or an error), appended in the order
the records finish, flushed at once and fsync'ed at least every second, so that an interrupted
run loses at most the records that were still being written.  A torn or garbled line (the
process was killed mid-write) is dropped when the journal is reopened; that record is simply
done again.

Records are keyed by their position `n` in the input (0, 1, 2, ...) and carry the fingerprint
of what was found there (`fingerprint`: the id, the text and the date, title and url, or the
error): on resume, a position whose fingerprint differs (a text edited in place, lines swapped
or inserted) is parsed again, its new line appended; the last line of a position is the one
that counts, and positions past the end of a shortened input are forgotten (`forget_from`).
`compact` rewrites the journal without the lines that no longer count.  The journal keeps per
record only its byte offset, its fingerprint and whether it is an error, so memory grows by 17
bytes a document, never by its text or its places.

A line is {"n", "id", "fp", "lang", "rec": the record `geo parse` prints, "features": the
document's GeoJSON features (geo.export.geojson)} for a document (made by
geo.batch.engines.parse_task), or {"n", "id", "fp", "where", "error"} for an error.  FORMAT
numbers this layout: bump it when the layout changes, and --resume refuses a journal written in
another one.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
from pathlib import Path
from typing import Iterator

import numpy as np

FORMAT = 3          # 1: CSV rows ("rows") instead of the GeoJSON features; 2: no fingerprint ("fp")
STATE_DIR = '.geo-batch'
JOURNAL = 'journal.jsonl'
RUN = 'run.json'


def fingerprint(doc_id: str, text: str | None, meta: dict | None = None, error: str | None = None) -> str:
    """What a record was made from, as 16 hex digits: its id, its text and metadata (date, title,
    url, offsets) for a document, its error for an input record that failed."""
    h = hashlib.blake2b(digest_size=8)
    for part in (doc_id, '\x00', text if text is not None else '\x01' + (error or ''), '\x00',
                 json.dumps(meta or {}, sort_keys=True, ensure_ascii=False, default=str)):
        h.update(part.encode('utf-8', 'surrogatepass'))
    return h.hexdigest()


_FP = re.compile(rb'"fp": "([0-9a-f]{16})"')


def _fp_int(fp: str) -> int:
    """The fingerprint as a non-zero 64-bit number (0 marks 'not done')."""
    return int(fp, 16) | 1


def _valid(rec) -> bool:
    if not (isinstance(rec, dict) and isinstance(rec.get('n'), int) and rec['n'] >= 0
            and isinstance(rec.get('id'), str) and isinstance(rec.get('fp'), str)):
        return False
    try:
        _fp_int(rec['fp'])
    except ValueError:
        return False
    return True


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
        self.failed = _Grow(np.uint8, 0)
        self.count = 0          # records in the journal (one per position)
        self.errors = 0         # of which errors
        self.top = -1           # highest position seen
        self.lines = 0          # lines in the file, those that no longer count included
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
                        ok = _valid(rec)
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
        self.hashes, self.offsets, self.failed = _Grow(np.uint64, 0), _Grow(np.int64, -1), _Grow(np.uint8, 0)
        self.count = self.errors = self.lines = 0
        self.top = -1
        with open(self.path, 'rb') as src, open(tmp, 'wb') as dst:
            for raw in src:
                if not raw.endswith(b'\n'):
                    continue
                try:
                    rec = json.loads(raw)
                except ValueError:
                    continue
                if not _valid(rec):
                    continue
                self._note(rec, dst.tell())
                dst.write(raw)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, self.path)
        _fsync_dir(self.folder)

    def _note(self, rec: dict, off: int) -> None:
        self._set(rec['n'], _fp_int(rec['fp']), 'error' in rec, off)

    def _set(self, n: int, fp: int, is_error: bool, off: int) -> None:
        """Position n now holds the line at `off` (a later line of a position replaces it)."""
        if self.offsets[n] < 0:
            self.count += 1
        else:
            self.errors -= int(self.failed[n])
        self.errors += is_error
        self.hashes[n] = fp
        self.offsets[n] = off
        self.failed[n] = is_error
        self.top = max(self.top, n)
        self.lines += 1

    # ---- during the run ----------------------------------------------------------------
    def has(self, n: int) -> bool:
        """The journal holds a record at position n (of this input or of its earlier version)."""
        return int(self.hashes[n]) != 0

    def state_of(self, n: int, fp: str) -> str:
        """'done' (the journal holds the record of this fingerprint at n), 'todo' (nothing at n)
        or 'changed' (the record at n was made from something else: parse it again)."""
        h = int(self.hashes[n])
        if h == 0:
            return 'todo'
        return 'done' if h == _fp_int(fp) else 'changed'

    def append_line(self, n: int, doc_id: str, is_error: bool, line: bytes) -> None:
        """Append one record's journal line (made by geo.batch.engines; it holds the record's
        fingerprint)."""
        off = self._f.tell()
        self._f.write(line)
        self._f.flush()
        m = _FP.search(line)      # the first "fp" key: the id before it is JSON-escaped, holds no bare quote
        self._set(n, _fp_int(m.group(1).decode() if m else json.loads(line)['fp']), is_error, off)
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
    def forget_from(self, end: int) -> int:
        """Forget the records at positions `end` and later (the input now ends before them);
        returns how many were forgotten."""
        gone = 0
        for n in range(end, self.top + 1):
            if self.offsets[n] >= 0:
                gone += 1
                self.errors -= int(self.failed[n])
                self.offsets[n], self.hashes[n], self.failed[n] = -1, 0, 0
        self.count -= gone
        self.top = min(self.top, end - 1)
        return gone

    @property
    def dead_lines(self) -> int:
        """Lines in the file that no longer count (replaced or forgotten records)."""
        return self.lines - self.count

    def compact(self) -> None:
        """Rewrite the (closed) journal with only the lines that count, in input order, and switch
        to it atomically."""
        tmp = self.path.with_suffix('.tmp')
        offsets = _Grow(np.int64, -1)
        with open(tmp, 'wb') as dst:
            for n, raw in self._lines():
                offsets[n] = dst.tell()
                dst.write(raw)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, self.path)
        _fsync_dir(self.folder)
        self.offsets = offsets
        self.lines = self.count

    def _lines(self) -> Iterator[tuple[int, bytes]]:
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
                yield n, raw

    def records(self) -> Iterator[dict]:
        """Every record in input order (by position), each read back from disk."""
        for _, raw in self._lines():
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
