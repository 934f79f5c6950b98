"""Open the index: exact(key), fuzzy(key), by_id(id), near(lat, lon).

Opening memory-maps the tries and the core table and connects to SQLite read-only, so it takes
milliseconds and costs little memory until lookups touch pages.  Places from the user's per-run
gazetteer files (`--gazetteer FILE`) are laid over the base index in memory.
"""
from __future__ import annotations

import json
import math
import os
import sqlite3
from functools import lru_cache
from itertools import islice, repeat
from operator import getitem, itemgetter, methodcaller
from pathlib import Path
from typing import Iterable, NamedTuple

import marisa_trie
import numpy as np

from .blocks import Blocks, target_lengths
from . import cache
from . import first_words
from .first_words import KEY, LONGER, FirstWords
from .build import CODE_PREFIX, FORMAT_VERSION, TYPE_CODES, build, fingerprint, is_custom, place_keys, user_sources
from .errors import GazetteerError
from .geodesy import km, km_matrix
from .keys import fold
from .paths import index_root
from .place import KIND_NAMES, Place
from .sources import default_sources

TYPE_NAMES = {v: k for k, v in TYPE_CODES.items()}
_partition_space = methodcaller('partition', ' ')
_first_part = itemgetter(0)


class Core(NamedTuple):
    lat: float
    lon: float
    population: int
    type: str
    seat: int
    nnames: int
    country: str


class Label(NamedTuple):
    """What a result shows of a place (Index.label): a Place's fields without its name lists."""
    id: str
    name: str
    lat: float
    lon: float
    type: str
    country: str
    admin1: str
    name_ar: str
    geonameid: int | None
    population: int
    bbox: tuple[float, float, float, float] | None
    source: str


# SQLite renders the fields as a JSON array, copying each value's text as stored: decoded here
# they equal what the whole record decodes to, for a third of the cost (no name lists).
_LABEL_SQL = ('SELECT json_extract(data, ' + ', '.join(f"'$.{f}'" for f in Label._fields)
              + ') FROM place WHERE row = ?')
_LABEL_NOT_NULL = tuple(i for i, f in enumerate(Label._fields) if f not in ('geonameid', 'bbox'))
_LABEL_BBOX = Label._fields.index('bbox')     # a JSON array: a tuple in a Place


class Match(NamedTuple):
    place: Place
    kind: str       # name, alt, alias, code, squashed, fuzzy
    score: float    # 100 for exact keys, the rapidfuzz score for fuzzy ones
    key: str        # the index key that matched


def _format(build_dir: Path) -> int | None:
    try:
        return json.loads((build_dir / 'meta.json').read_text(encoding='utf-8')).get('format')
    except (OSError, ValueError):
        return None


def _choose(root: Path, build_if_missing: bool, check_fresh: bool, progress) -> Path:
    cur = cache.current_build(root)
    if cur is not None and (is_custom(cur) or (not check_fresh and _format(cur) == FORMAT_VERSION)):
        return cur
    found = cache.latest(root, fingerprint(default_sources() + user_sources()))
    if found is not None:
        return found
    if not build_if_missing:
        if cur is not None:
            return cur
        raise GazetteerError(f'no gazetteer index under {root}; run `geo gazetteer build`')
    return build(root, progress=progress)     # a quiet progress callback silences its notice too


class Index:
    def __init__(self, path: Path, overlay: Iterable[Place] = ()):
        self.path = Path(path)
        if not self.path.is_dir():
            raise GazetteerError(f'{self.path}: no index here; run `geo gazetteer build`')
        self._in_use = cache.hold(self.path)   # kept open: no prune removes the build while we read it
        try:
            self.meta = json.loads((self.path / 'meta.json').read_text(encoding='utf-8'))
            if self.meta.get('format') != FORMAT_VERSION:
                raise ValueError(f'format {self.meta.get("format")}, this version reads {FORMAT_VERSION}')
            self._names = marisa_trie.RecordTrie('<IB')
            self._names.mmap(str(self.path / 'names.marisa'))
            self._firsts = FirstWords(self.path)
            self._blocks = Blocks(self.path)
            self._core = np.load(self.path / 'core.npy', mmap_mode='r')
            grid = np.load(self.path / 'grid.npz')
            self._grid_order, self._grid_starts = grid['order'], grid['starts']
        except (OSError, ValueError, KeyError) as e:
            raise GazetteerError(f'{self.path}: the index is damaged ({e}); run `geo gazetteer build --force`') from None
        self._n = len(self._core)
        # one record as a tuple of Python values in one call (~1 us; indexing the memmap and
        # converting its fields one by one costs ~5 us)
        self._core_item = self._core.view(np.ndarray).item
        self._db = None
        self._db_pid = None
        try:
            self.db  # connect now: the open file outlives a rebuild that removes this build later
        except sqlite3.Error as e:
            raise GazetteerError(f'{self.path}: the index is damaged ({e}); run `geo gazetteer build --force`') from None
        self._rows_memo: dict[str, tuple] = {}
        self._prefix_memo: dict[str, bool] = {}
        self._next_memo: dict[str, frozenset[str] | None] = {}
        self.derived: dict = {}   # answers that callers derive from keys alone (emptied with the others)
        self._overlay: list[Place] = []
        self._overlay_keys: dict[str, list[tuple[int, int]]] = {}
        self._overlay_firsts: dict[str, int] = {}    # first_words.flags_of the user's keys
        self._overlay_by_len: dict[int, list[str]] = {}
        self._overlay_ids: dict[str, int] = {}
        self._fuzzy_cache: dict[tuple, list[tuple[str, float]]] = {}
        self.place = lru_cache(maxsize=8192)(self._place)         # full records: a few KB each
        self.core = lru_cache(maxsize=65536)(self._core_row)    # a memmap record costs ~1 us to read
        self.label = lru_cache(maxsize=16384)(self._label)      # a few hundred bytes each
        self._json_sql = True
        self.add_places(overlay)

    # ---- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path | None = None, build_if_missing: bool = True, overlay: Iterable[Place] = (),
             check_fresh: bool = True, progress=None) -> 'Index':
        """Open the build under `root` (default: the user's cache) that this code and these
        sources make, without waiting for any lock; build it first when there is none (or wait
        for the process already building it).  Builds of other fingerprints (another install)
        are left alone.  A custom index (built from an explicit source list) is opened as it
        is, and so is the build made last when check_fresh is False."""
        root = Path(root) if root else index_root()
        for _ in range(3):
            path = _choose(root, build_if_missing, check_fresh, progress)
            try:
                return cls(path, overlay)
            except cache.BuildGone:   # pruned between the choice and the open: choose again
                continue
        raise GazetteerError(f'{root}: the index keeps disappearing while it is opened; run `geo gazetteer build`')

    def add_places(self, places: Iterable[Place]) -> None:
        """Lay extra places (a per-run user gazetteer) over the index."""
        for p in places:
            if p.id in self._overlay_ids:
                continue
            row = self._n + len(self._overlay)
            self._overlay.append(p)
            self._overlay_ids[p.id] = row
            for k, kind in place_keys(p).items():
                if k not in self._overlay_keys and not k.startswith(CODE_PREFIX):
                    self._overlay_by_len.setdefault(len(k), []).append(k)
                self._overlay_keys.setdefault(k, []).append((row, kind))
                first_words.add(self._overlay_firsts, k)
        self._fuzzy_cache.clear()
        self._rows_memo.clear()
        self._prefix_memo.clear()
        self._next_memo.clear()
        self.derived.clear()

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None or self._db_pid != os.getpid():  # never share a connection across fork
            uri = f'file:{self.path / "places.sqlite"}?mode=ro&immutable=1'
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._db_pid = os.getpid()
        return self._db

    def __getstate__(self):  # pickled to Dask workers / subprocesses: reopen there
        return {'path': str(self.path), 'overlay': [p.to_dict() for p in self._overlay]}

    def __setstate__(self, state):
        self.__init__(Path(state['path']), [Place.from_dict(d) for d in state['overlay']])

    def __len__(self) -> int:
        return self._n + len(self._overlay)

    # ---- rows ------------------------------------------------------------------------------
    # Text keeps asking about the same words: exact and prefix answers are memoised (bounded).
    _MEMO_MAX = 50_000

    def __contains__(self, key: str) -> bool:
        got = self._rows_memo.get(key)
        if got is None:
            got = self._rows_uncached(key)
        return bool(got)

    def has_prefix(self, prefix: str) -> bool:
        """True when some key starts with `prefix` (used to stop n-gram extension early)."""
        got = self._prefix_memo.get(prefix)
        if got is None:
            got = self._has_prefix_uncached(prefix)
            if len(self._prefix_memo) >= self._MEMO_MAX:
                self._prefix_memo.clear()
            self._prefix_memo[prefix] = got
        return got

    def key_start(self, key: str) -> int:
        """What begins with `key`, as first_words flags: KEY when it is a key, LONGER when some
        key begins with it and a space; 0 (most words asked) when neither.  Unmemoised, for
        callers that keep the answer per word: a word is one look-up in the trie of first words."""
        if ' ' not in key:
            got = self._firsts.flags(key)
            return got | self._overlay_firsts.get(key, 0) if self._overlay_firsts else got
        got = (KEY if key in self._names or key in self._overlay_keys else 0)
        return got | (LONGER if self._has_prefix_uncached(key + ' ') else 0)

    def _has_prefix_uncached(self, prefix: str) -> bool:
        return next(self._names.iterkeys(prefix), None) is not None or (
            any(k.startswith(prefix) for k in self._overlay_keys) if self._overlay_keys else False)

    NEXT_WORDS_MAX = 256

    def next_words(self, key: str) -> frozenset[str] | None:
        """The words that follow `key` in the index keys that begin with it and a space (empty:
        none do), or None when more than NEXT_WORDS_MAX keys begin so (then ask has_prefix).
        (The keys are taken and cut to their next word by C-level iteration: a capitalised
        English word begins dozens of keys.)"""
        got = self._next_memo.get(key, False)
        if got is False:
            prefix = key + ' '
            keys = list(islice(self._names.iterkeys(prefix), self.NEXT_WORDS_MAX + 1))
            if len(keys) > self.NEXT_WORDS_MAX:
                words = None
            else:
                rest = slice(len(prefix), None)     # each key less the prefix, to its next space
                words = set(map(_first_part, map(_partition_space, map(getitem, keys, repeat(rest)))))
                words.update(k[len(prefix):].split(' ', 1)[0] for k in self._overlay_keys if k.startswith(prefix))
                words = frozenset(words)
            if len(self._next_memo) >= self._MEMO_MAX:
                self._next_memo.clear()
            got = self._next_memo[key] = words
        return got

    def rows(self, key: str) -> list[tuple[int, int]]:
        """(row, name kind) of every place with this folded key; the user's places first."""
        got = self._rows_memo.get(key)
        if got is None:
            got = self._rows_uncached(key)
        return list(got)

    def _rows_uncached(self, key: str) -> tuple:
        out = tuple(self._overlay_keys.get(key, ())) + tuple(self._names.get(key) or ())
        if len(self._rows_memo) >= self._MEMO_MAX:
            self._rows_memo.clear()
        self._rows_memo[key] = out
        return out

    def code_rows(self, code: str) -> list[tuple[int, int]]:
        return self.rows(CODE_PREFIX + code)

    def _core_row(self, row: int) -> Core:
        if row >= self._n:
            p = self._overlay[row - self._n]
            return Core(p.lat, p.lon, p.population, p.type, p.seat, len(place_keys(p)), p.country)
        lat, lon, pop, typ, seat, nnames, country = self._core_item(row)
        return Core(lat, lon, pop, TYPE_NAMES[typ], seat, nnames, country.decode('ascii', 'replace'))

    def is_user(self, row: int) -> bool:
        return row >= self._n

    def _place(self, row: int) -> Place:
        if row >= self._n:
            return self._overlay[row - self._n]
        got = self.db.execute('SELECT data FROM place WHERE row = ?', (row,)).fetchone()
        return Place.from_dict(json.loads(got[0]))

    def _label(self, row: int) -> Label:
        """The fields of place(row) a result shows, without decoding its name lists (a cold
        place record costs ~30 us to read, its label ~14)."""
        if row < self._n and self._json_sql:
            try:
                v = json.loads(self.db.execute(_LABEL_SQL, (row,)).fetchone()[0])
            except sqlite3.OperationalError:   # an SQLite built without its JSON functions
                self._json_sql = False
                return self._label(row)
            if all(v[i] is not None for i in _LABEL_NOT_NULL):   # else: a field left to its default
                if v[_LABEL_BBOX]:
                    v[_LABEL_BBOX] = tuple(v[_LABEL_BBOX])
                return Label(*v)
        p = self.place(row)
        return Label(*(getattr(p, f) for f in Label._fields))

    # ---- public lookups --------------------------------------------------------------------
    def exact(self, name_or_key: str) -> list[Match]:
        key = fold(name_or_key)
        return [Match(self.place(r), KIND_NAMES[k], 100.0, key) for r, k in self.rows(key)]

    def fuzzy_keys(self, key: str, score_cutoff: float = 85, limit: int = 10, scorer=None) -> list[tuple[str, float]]:
        """Index keys within `score_cutoff` of `key` (rapidfuzz, default scorer fuzz.ratio), best
        first, searched in a blocked candidate set: keys of the lengths the cutoff allows that
        share a head or a tail with `key` (gazetteer/blocks.py).  Answers are cached."""
        from rapidfuzz import fuzz, process

        memo = (key, score_cutoff, limit, scorer)
        got = self._fuzzy_cache.get(memo)
        if got is not None:
            return list(got)
        ratio = scorer is None or scorer is fuzz.ratio
        scorer = scorer or fuzz.ratio
        lengths = target_lengths(len(key), score_cutoff, ratio)
        fw, bw = self._blocks.candidates(key, lengths)
        for m in lengths:
            fw.extend(self._overlay_by_len.get(m, ()))
        best: dict[str, float] = {}
        if key in self:  # the key itself (lengths equal to the query's are probed only when a
            best[key] = 100.0  # substitution can reach the cutoff)
        for k, s, _ in process.extract(key, fw, scorer=scorer, score_cutoff=score_cutoff, limit=limit):
            best[k] = s
        if bw:
            if ratio:  # the InDel ratio of two strings is that of the two read backwards
                hits = [(k[::-1], s) for k, s, _ in
                        process.extract(key[::-1], bw, scorer=scorer, score_cutoff=score_cutoff, limit=limit)]
            else:
                hits = [(k, s) for k, s, _ in
                        process.extract(key, [b[::-1] for b in bw], scorer=scorer, score_cutoff=score_cutoff, limit=limit)]
            for k, s in hits:
                best[k] = max(best.get(k, 0.0), s)
        got = sorted(((k, float(s)) for k, s in best.items()), key=lambda x: (-x[1], x[0]))[:limit]
        if len(self._fuzzy_cache) >= 50_000:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[memo] = got
        return list(got)

    def fuzzy(self, name_or_key: str, score_cutoff: float = 85, limit: int = 10, scorer=None) -> list[Match]:
        key = fold(name_or_key)
        out = []
        for k, s in self.fuzzy_keys(key, score_cutoff, limit, scorer):
            out.extend(Match(self.place(r), 'fuzzy' if k != key else KIND_NAMES[kind], s, k) for r, kind in self.rows(k))
        return out

    def by_id(self, pid: str) -> Place | None:
        if pid in self._overlay_ids:
            return self._overlay[self._overlay_ids[pid] - self._n]
        got = self.db.execute('SELECT data FROM place WHERE id = ?', (pid,)).fetchone()
        return Place.from_dict(json.loads(got[0])) if got else None

    def row_of(self, pid: str) -> int | None:
        if pid in self._overlay_ids:
            return self._overlay_ids[pid]
        got = self.db.execute('SELECT row FROM place WHERE id = ?', (pid,)).fetchone()
        return got[0] if got else None

    def near(self, lat: float, lon: float, radius_km: float = 50.0, limit: int = 20,
             types: Iterable[str] | None = None) -> list[tuple[Place, float]]:
        """Places within radius_km of (lat, lon), nearest first."""
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f'({lat}, {lon}) is not a coordinate')
        dlat = radius_km / 111.0
        dlon = radius_km / max(1e-6, 111.0 * math.cos(math.radians(min(89.0, abs(lat)))))
        rows = []
        for r in range(int(math.floor(lat - dlat + 90)), int(math.floor(lat + dlat + 90)) + 1):
            if not 0 <= r < 180:
                continue
            span = range(int(math.floor(lon - dlon)), int(math.floor(lon + dlon)) + 1) if dlon < 180 else range(-180, 180)
            for c in {(x + 180) % 360 for x in span}:
                cell = r * 360 + c
                rows.append(self._grid_order[self._grid_starts[cell]:self._grid_starts[cell + 1]])
        rows = np.concatenate(rows) if rows else np.zeros(0, dtype=np.uint32)
        found: list[tuple[int, float]] = []
        if len(rows):
            d = km_matrix([lat], [lon], self._core['lat'][rows], self._core['lon'][rows])[0]
            keep = d <= radius_km
            found = list(zip(rows[keep].tolist(), d[keep].tolist()))
        for p in self._overlay:
            d = km(lat, lon, p.lat, p.lon)
            if d <= radius_km:
                found.append((self._overlay_ids[p.id], d))
        wanted = set(types) if types else None
        found.sort(key=lambda x: x[1])
        out = []
        for row, d in found:
            if wanted and self.core(row).type not in wanted:
                continue
            out.append((self.place(row), d))
            if len(out) >= limit:
                break
        return out

    def largest_in(self, box: tuple[float, float, float, float], limit: int = 20,
                   types: Iterable[str] = ('city', 'town', 'village')) -> list[Place]:
        """The most populous places of these types inside the lon/lat box (west, south, east,
        north), biggest first (then capitals and seats first); places of unknown population last.
        Places laid over the index for one run (`--gazetteer FILE`) are not searched."""
        w, s, e, n = box
        codes = np.array([TYPE_CODES[t] for t in types if t in TYPE_CODES], dtype=np.uint8)
        c = self._core
        lat, lon = c['lat'], c['lon']
        inside = (lat >= s) & (lat <= n) & ((lon >= w) & (lon <= e) if w <= e else (lon >= w) | (lon <= e))
        rows = np.flatnonzero(inside & np.isin(c['type'], codes))
        order = np.lexsort((rows, -c['seat'][rows].astype(np.int64), -c['pop'][rows]))
        return [self.place(int(r)) for r in rows[order[:max(0, int(limit))]]]

    def info(self) -> dict:
        return dict(self.meta, path=str(self.path), user_overlay=len(self._overlay))
