"""The decisions of a review, one row per decision, in an embedded SQLite file.

A row says: in this document, this span (offsets into the text, and the words it covered), the
analyst decided this (`place`: it names this place; `not_place`: it names none), how (`via`: a
candidate, a gazetteer search, the map, a confirmation, a name added by selecting it), and when.
Nothing is ever overwritten: a new decision on a span is a new row, and the latest row of a span
is the one that counts; undo marks the document's latest row undone (with the rows made in the
same step: a decision taken for every mention of a name is one step).  So the file is also the
history of the review."""
from __future__ import annotations

import json
import math
import sqlite3
import threading
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError
from ..placetypes import TYPES

SCHEMA = 1
ACTIONS = ('place', 'not_place')
VIAS = ('candidate', 'search', 'map', 'confirm', 'add', 'import')
PLACE_FIELDS = ('id', 'name', 'name_ar', 'lat', 'lon', 'type', 'country', 'admin1', 'geonameid', 'population',
                'approximate', 'uncertainty_km')
MAX_TEXT = 400          # a name, an id: longer is not one

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS decision (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  surface TEXT NOT NULL,
  action TEXT NOT NULL,
  via TEXT NOT NULL DEFAULT '',
  place TEXT,
  remembered INTEGER NOT NULL DEFAULT 0,
  undone INTEGER NOT NULL DEFAULT 0,
  time TEXT NOT NULL,
  step INTEGER
);
CREATE INDEX IF NOT EXISTS decision_document ON decision (document, id);
"""


@dataclass
class Decision:
    id: int
    document: str
    start: int
    end: int
    surface: str
    action: str
    via: str = ''
    place: dict | None = None
    remembered: bool = False
    time: str = ''
    undone: bool = False
    step: int | None = None       # the id of the step's first row (one decision on several spans)

    def to_dict(self) -> dict:
        return asdict(self)


def clean_place(d) -> dict:
    """A place of a decision, checked: a dict with a name, a latitude and a longitude in range, a
    known type; only PLACE_FIELDS kept.  Raises ValueError saying what is wrong."""
    if not isinstance(d, dict):
        raise ValueError('the place must be an object')
    out = {}
    for k in ('lat', 'lon'):
        v = d.get(k)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise ValueError(f'the place needs a number for {k}')
        out[k] = round(float(v), 6)
    if not -90 <= out['lat'] <= 90 or not -180 <= out['lon'] <= 180:
        raise ValueError('latitude or longitude out of range')
    for k in ('id', 'name', 'name_ar', 'type', 'country', 'admin1'):
        v = d.get(k) or ''
        if not isinstance(v, str) or len(v) > MAX_TEXT:
            raise ValueError(f'the place\'s {k} must be a short string')
        out[k] = v
    if not out['name'] and not out['name_ar']:
        raise ValueError('the place needs a name')
    out['type'] = out['type'] or 'landmark'
    if out["type"] not in TYPES:
        raise ValueError(f'unknown place type {out["type"]!r}')
    gid = d.get('geonameid')
    out['geonameid'] = gid if isinstance(gid, int) and not isinstance(gid, bool) and gid > 0 else None
    pop = d.get('population')
    out['population'] = pop if isinstance(pop, int) and not isinstance(pop, bool) and pop >= 0 else 0
    out['approximate'] = bool(d.get('approximate'))
    unc = d.get('uncertainty_km') or 0.0
    out['uncertainty_km'] = float(unc) if isinstance(unc, (int, float)) and 0 <= unc < 20000 else 0.0
    return out


class Store:
    """The decisions file.  Safe to use from several threads of one process (one connection
    behind a lock); another process may read it at the same time (WAL)."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            if readonly:
                if not self.path.is_file():
                    raise InputError(f'{self.path}: no such review file (made by `geo review`)')
                self._db = sqlite3.connect(f'file:{self.path}?mode=ro', uri=True, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, check_same_thread=False)
                self._db.execute('PRAGMA journal_mode=WAL')
                # with WAL, NORMAL survives a crash of the app; a power cut may lose the last decisions
                self._db.execute('PRAGMA synchronous=NORMAL')
                self._db.executescript(_DDL)
                self._db.execute('INSERT OR IGNORE INTO meta VALUES (?, ?)', ('schema', str(SCHEMA)))
                self._db.commit()
            got = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as e:
            raise InputError(f'{self.path}: not a review file of geo-textmap ({e})') from None
        if got is None or got[0] != str(SCHEMA):
            raise InputError(f'{self.path}: a review file of another version (schema {got and got[0]}); '
                             f'this geo-textmap reads schema {SCHEMA}')

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- writing ---------------------------------------------------------------------------------

    def add(self, document: str, start: int, end: int, surface: str, action: str, place: dict | None = None,
            via: str = '') -> Decision:
        return self.add_many(document, [(start, end, surface)], action, place, via)[0]

    def add_many(self, document: str, spans: list[tuple[int, int, str]], action: str, place: dict | None = None,
                 via: str = '') -> list[Decision]:
        """One decision on several spans (every mention of a name), one row each, one step for undo."""
        if action not in ACTIONS:
            raise ValueError(f'unknown action {action!r}')
        if via and via not in VIAS:
            raise ValueError(f'unknown way of deciding {via!r}')
        if not spans or not all(isinstance(s, int) and isinstance(e, int) and 0 <= s < e for s, e, _ in spans):
            raise ValueError('a span needs 0 <= start < end')
        place = clean_place(place) if action == 'place' else None
        blob = json.dumps(place, ensure_ascii=False) if place else None
        now = datetime.now(timezone.utc).isoformat(timespec='milliseconds')
        out = []
        with self._lock:
            step = None
            for start, end, surface in spans:
                cur = self._db.execute(
                    'INSERT INTO decision (document, start, "end", surface, action, via, place, time, step) '
                    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', (document, start, end, surface, action, via, blob, now, step))
                step = step or cur.lastrowid
                out.append(Decision(cur.lastrowid, document, start, end, surface, action, via, place, False, now))
            self._db.execute('UPDATE decision SET step = ? WHERE id = ?', (step, step))
            self._db.commit()
        return out

    def undo(self, document: str) -> Decision | None:
        """Mark the document's latest step undone (its rows); returns its first decision (None
        when there is none)."""
        with self._lock:
            row = self._db.execute('SELECT * FROM decision WHERE document = ? AND undone = 0 ORDER BY id DESC LIMIT 1',
                                   (document,)).fetchone()
            if row is None:
                return None
            d = _decision(row)
            self._db.execute('UPDATE decision SET undone = 1 WHERE document = ? AND (id = ? OR step = ?)',
                             (document, d.id, d.step or d.id))
            self._db.commit()
        return d

    def mark_remembered(self, decision_id: int) -> None:
        with self._lock:
            self._db.execute('UPDATE decision SET remembered = 1 WHERE id = ?', (decision_id,))
            self._db.commit()

    # --- reading ---------------------------------------------------------------------------------

    def history(self, document: str) -> list[Decision]:
        with self._lock:
            rows = self._db.execute('SELECT * FROM decision WHERE document = ? ORDER BY id', (document,)).fetchall()
        return [_decision(r) for r in rows]

    def active(self, document: str) -> list[Decision]:
        """The decisions that count, in the order they were made: the latest of each span, not
        undone."""
        return latest([d for d in self.history(document) if not d.undone])

    def by_document(self) -> dict[str, list[Decision]]:
        """The decisions that count, for every document with any."""
        with self._lock:
            rows = self._db.execute('SELECT * FROM decision WHERE undone = 0 ORDER BY id').fetchall()
        out: dict[str, list[Decision]] = {}
        for r in rows:
            out.setdefault(r[1], []).append(_decision(r))
        return {doc: latest(ds) for doc, ds in out.items()}

    def counts(self) -> dict[str, int]:
        """How many decisions count per document."""
        return {doc: len(ds) for doc, ds in self.by_document().items()}


def latest(decisions: list[Decision]) -> list[Decision]:
    """The latest decision of each span, in the order they were made."""
    by_span: dict[tuple[int, int], Decision] = {}
    for d in decisions:
        by_span.pop((d.start, d.end), None)
        by_span[(d.start, d.end)] = d
    return sorted(by_span.values(), key=lambda d: d.id)


def _decision(row) -> Decision:
    (did, document, start, end, surface, action, via, place, remembered, undone, time, step) = row
    return Decision(did, document, start, end, surface, action, via, json.loads(place) if place else None,
                    bool(remembered), time, bool(undone), step)
