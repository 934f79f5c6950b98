"""Sources -> an on-disk index, rebuilt only when a source changes.

Builds live side by side under the index root, one per fingerprint (the code and the sources
they were made from); cache.py describes the layout, how a reader finds its build and what is
pruned.  One build is a directory:

    meta.json      fingerprint, per-source counts and licences, how long the build took
    names.marisa   folded name -> (row, name kind)
    firsts.*       the first words of the keys, and whether each is a key and begins longer ones
    blocks.*       sorted key tables for fuzzy lookup (gazetteer/blocks.py)
    core.npy       lat, lon, population, type, seat, number of names, country per row
    grid.npz       rows sorted by 1-degree cell, for near()
    places.sqlite  the full record of every row, by row and by id

A build writes into a temporary directory and appears only by its atomic rename to
b-<fingerprint>-<ms>, so a crash or Ctrl-C never leaves a half index behind.
"""
from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable

import marisa_trie
import numpy as np

from . import blocks, cache, first_words
from .keys import fold_uncached as fold, squash
from .place import NAME_KINDS, TYPES, Place
from .scripts import NameStats
from .sources import Source, default_sources
from .sources.crossscript_names import DERIVED

log = logging.getLogger(__name__)

FORMAT_VERSION = 5
TYPE_CODES = {t: i for i, t in enumerate(TYPES)}
CORE_DTYPE = np.dtype([('lat', '<f8'), ('lon', '<f8'), ('pop', '<i8'), ('type', 'u1'),
                       ('seat', 'u1'), ('nnames', '<u2'), ('country', 'S2')])
CODE_PREFIX = '\x01'    # codes (IATA, ICAO) live in the name trie under this prefix, unfolded
MIN_KEY_LEN = 2

Progress = Callable[[str, int], None]


def fingerprint(sources: Iterable[Source]) -> str:
    h = hashlib.sha1(f'format{FORMAT_VERSION}'.encode())
    code = Path(__file__).resolve().parent
    for p in sorted([*code.glob('*.py'), *code.glob('sources/*.py')]):
        h.update(p.read_bytes())
    for s in sources:
        h.update(f'{s.name}:{s.fingerprint()}'.encode())
    return h.hexdigest()[:20]


def place_keys(p: Place) -> dict[str, int]:
    """Every lookup key of a place with its best (lowest) name kind."""
    out: dict[str, int] = {}

    def add(name: str, kind: int) -> None:
        k = fold(name)
        if len(k) < MIN_KEY_LEN or k.isdigit():
            return
        if out.get(k, 99) > kind:
            out[k] = kind
        if ' ' in k:
            s = squash(k)
            if out.get(s, 99) > NAME_KINDS['squashed']:
                out[s] = NAME_KINDS['squashed']

    add(p.name, NAME_KINDS['name'])
    if p.name_ar:
        add(p.name_ar, NAME_KINDS['name'])
    for a in p.aliases:
        add(a, NAME_KINDS['alias'])
    for n in p.names:
        add(n, NAME_KINDS['alt'])
    for c in p.codes:
        if c:
            out[CODE_PREFIX + c] = NAME_KINDS['code']
    return out


def collect(sources: Iterable[Source], progress: Progress | None = None) -> tuple[list[Place], dict]:
    """Merge the records of all sources by id.  Returns the places and per-source counts."""
    by_id: dict[str, Place] = {}
    stats: dict[str, dict] = {}
    sources = list(sources)
    for src in sources:
        t0 = time.time()
        made = merged = dropped = 0
        names = NameStats()
        for p in src.places():
            names.add(p)
            old = by_id.get(p.id)
            if old is not None:
                old.merge(p)
                merged += 1
            elif getattr(src, 'merge_only', False) or p.extra.get('merge_only'):
                dropped += 1
                log.debug('%s: no place with id %s to add names to', src.name, p.id)
            else:
                by_id[p.id] = p
                made += 1
            if progress and (made + merged) % 20000 == 0:
                progress(src.name, made + merged)
        stats[src.name] = {**src.describe(), 'places': made, 'merged': merged, 'dropped': dropped,
                           **names.as_dict(), 'seconds': round(time.time() - t0, 2)}
    for src in sources:   # sources that derive names from the places of the others run last
        if hasattr(src, 'derive'):
            t0 = time.time()
            named, names = 0, NameStats()
            for p in src.derive(by_id.values()):
                if p.id in by_id:
                    by_id[p.id].merge(p)
                    names.add(p)
                    named += 1
            stats[src.name].update(merged=named, **names.as_dict(),
                                   seconds=round(stats[src.name]['seconds'] + time.time() - t0, 2))
    _spell_units_like_their_capitals(by_id)
    return list(by_id.values()), stats


def _spell_units_like_their_capitals(by_id: dict[str, Place]) -> None:
    """An admin unit named like its capital shows the capital's Arabic spelling, which GeoNames
    gives with its hamza (إدلب) where the unit's list may not (ادلب).  The keys do not change."""
    for p in by_id.values():
        cap = by_id.get(p.extra.get('capital', '')) if p.type in ('admin1', 'admin2') and p.name_ar else None
        if cap is not None and cap.name_ar and cap.name_ar != p.name_ar and fold(cap.name_ar) == fold(p.name_ar):
            p.name_ar = cap.name_ar


def _keys_of(places: list[Place], start: int) -> tuple[list, list]:
    records, nnames = [], []
    for row, p in enumerate(places, start=start):
        keys = place_keys(p)
        nnames.append(min(len(keys) - _derived_only(p, keys), 65535))
        records.extend((k, (row, kind)) for k, kind in keys.items())
    return records, nnames


def _start_blocks(keys: Iterable[str], dest: Path, fresh_process: bool):
    """Write the fuzzy blocking tables, in a fresh process when asked (it shares no memory with
    this one, so neither pays for copy-on-write while the other works).  Returns the process."""
    keys = [k for k in keys if not k.startswith(CODE_PREFIX)]
    if fresh_process:
        listing = dest / '.keys.txt'
        listing.write_text('\n'.join(keys), encoding='utf-8')
        try:
            return subprocess.Popen([sys.executable, '-c', 'import sys; from gazetteer.blocks import main; '
                                     'sys.exit(main(sys.argv[1:]))', str(listing), str(dest)])
        except OSError as e:  # no interpreter to start: do it here
            log.info('building the blocking tables here (%s)', e)
    blocks.write(keys, dest)
    return None


def _derived_only(p: Place, keys: dict[str, int]) -> int:
    """How many of the place's keys come only from names a source derived from the others
    (sources.crossscript_names): the number of names stays a measure of how well known a place
    is, which derived spellings are not."""
    derived = p.extra.get(DERIVED)
    if not derived:
        return 0
    own = {fold(n) for n in (p.name, p.name_ar, *p.aliases, *(n for n in p.names if n not in derived))}
    return len({fold(n) for n in derived} & keys.keys() - own)


_WORK: list[Place] = []  # handed to forked workers without pickling


def _keys_chunk(bounds: tuple[int, int]) -> tuple[str, np.ndarray, np.ndarray, list]:
    """A worker's share of the key folding, packed so that it pickles fast: the keys joined by
    NUL (no key holds one), their rows and their name kinds."""
    records, nnames = _keys_of(_WORK[bounds[0]:bounds[1]], bounds[0])
    return ('\x00'.join(k for k, _ in records), np.fromiter((r for _, (r, _) in records), dtype=np.uint32),
            np.fromiter((k for _, (_, k) in records), dtype=np.uint8), nnames)


def write_build(places: list[Place], stats: dict, fp: str, dest: Path, custom: bool = False,
                base: list[dict] | None = None, progress: Progress | None = None,
                started: float | None = None) -> None:
    """Write one complete build of `places` into the (new, empty) directory `dest` (`started`:
    when reading the sources began, to record how long the build took).  A large
    build folds keys in two forked workers and writes the fuzzy blocking tables in a second
    process while this one writes the rest."""
    global _WORK
    n = len(places)
    fork = _fork_context() if n > 50_000 else None
    records: list[tuple[str, tuple[int, int]]] = []
    nnames: list[int] = []
    step = progress or (lambda what, count: None)
    step('folding names', n)
    if fork:
        _WORK = places
        half = n // 2
        gc.freeze()   # the workers only read the places: keep the collector from touching (copying) them
        try:
            with fork.Pool(2) as pool:
                for keys, rows, kinds, nn in pool.map(_keys_chunk, [(0, half), (half, n)]):
                    if len(rows):
                        records.extend(zip(keys.split('\x00'), zip(rows.tolist(), kinds.tolist())))
                    nnames.extend(nn)
        finally:
            _WORK = []
            gc.unfreeze()
    else:
        records, nnames = _keys_of(places, 0)
    blocker = None
    try:
        keys = {k for k, _ in records}
        blocker = _start_blocks(keys, dest, fresh_process=fork is not None)
        step('writing the name trie', n)
        marisa_trie.RecordTrie('<IB', records).save(str(dest / 'names.marisa'))
        del records
        first_words.write(keys, dest)
        del keys
        step('writing the place table', n)
        core = _write_tables(places, nnames, dest)
        step('writing the fuzzy tables', n)
        if blocker is not None:
            if blocker.wait() != 0:
                raise RuntimeError(f'building the fuzzy blocking tables failed (exit {blocker.returncode})')
            (dest / '.keys.txt').unlink()
    finally:
        if blocker is not None and blocker.poll() is None:  # interrupted: never leave a writer behind
            blocker.terminate()
            blocker.wait()
    arabic = sum(1 for p in places if p.name_ar)
    meta = {'format': FORMAT_VERSION, 'fingerprint': fp, 'custom': custom, 'built': time.strftime('%Y-%m-%dT%H:%M:%S'),
            'places': n, 'keys': int(core['nnames'].sum()), 'arabic_names': arabic, 'sources': stats}
    if custom and base is not None:
        meta['base'] = base
    if started is not None:
        meta['build_seconds'] = round(time.time() - started, 1)
    (dest / 'meta.json').write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding='utf-8')
    _fsync_tree(dest)


def _write_tables(places: list[Place], nnames: list[int], dest: Path) -> np.ndarray:
    """core.npy, grid.npz and places.sqlite."""
    n = len(places)
    core = np.zeros(n, dtype=CORE_DTYPE)
    core['lat'] = [p.lat for p in places]
    core['lon'] = [p.lon for p in places]
    core['pop'] = [p.population for p in places]
    core['type'] = [TYPE_CODES.get(p.type, TYPE_CODES['place']) for p in places]
    core['seat'] = [p.seat for p in places]
    core['nnames'] = nnames
    core['country'] = [(p.country or '').encode('ascii', 'replace')[:2] for p in places]
    np.save(dest / 'core.npy', core)
    cell = _cells(core['lat'], core['lon'])
    order = np.argsort(cell, kind='stable').astype('<u4')
    starts = np.searchsorted(cell[order], np.arange(180 * 360 + 1)).astype('<u4')
    np.savez(dest / 'grid.npz', order=order, starts=starts)
    db = sqlite3.connect(dest / 'places.sqlite')
    db.execute('CREATE TABLE place (row INTEGER PRIMARY KEY, id TEXT NOT NULL, data TEXT NOT NULL)')
    db.executemany('INSERT INTO place VALUES (?, ?, ?)',
                   ((row, p.id, json.dumps(p.to_dict(), ensure_ascii=False)) for row, p in enumerate(places)))
    db.execute('CREATE UNIQUE INDEX place_id ON place(id)')
    db.commit()
    db.close()
    return core


def _fsync_tree(folder: Path) -> None:
    """Flush a finished build to disk before it can become live (a power cut after the switch
    must not leave CURRENT naming half-written files)."""
    for f in folder.iterdir():
        fd = os.open(f, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a directory; the files are synced already
        pass
    finally:
        os.close(fd)


def _fork_context():
    import multiprocessing as mp
    if 'fork' not in mp.get_all_start_methods() or (os.cpu_count() or 1) < 2:
        return None
    return mp.get_context('fork')


def _cells(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    r = np.clip(np.floor(lat + 90), 0, 179).astype(np.int64)
    c = np.clip(np.floor(((lon + 180) % 360)), 0, 359).astype(np.int64)
    return r * 360 + c


def folder_lock(folder: Path):
    """Exclusive use of a folder (its .lock file) across processes: two changes of the user's
    places queue up instead of racing."""
    return cache.exclusive(Path(folder) / '.lock')


def is_custom(build_dir: Path) -> bool:
    """True for an index built from an explicit source list (tests, a user's own data): it is
    never rebuilt from the default sources behind the user's back."""
    try:
        return bool(json.loads((build_dir / 'meta.json').read_text(encoding='utf-8')).get('custom'))
    except (OSError, ValueError):
        return False


current_build = cache.current_build


def say(message: str) -> None:
    """One line on stderr (a build of a minute or two must never look like a hang, with or
    without a terminal), and in the log."""
    log.info('%s', message)
    if sys.stderr is not None:
        try:
            sys.stderr.write(message + '\n')
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


def _about(seconds: float | None) -> str:
    if seconds is None:
        return 'about a minute'
    if seconds < 10:
        return 'a few seconds'
    if seconds < 45:
        return 'under a minute'
    if seconds < 100:
        return 'about a minute'
    return f'about {round(seconds / 60)} minutes'


def _last_duration(root: Path, custom: bool) -> float | None:
    """How long the newest earlier build of the same kind (default or custom) took."""
    for d in cache.builds(root):
        try:
            meta = json.loads((d / 'meta.json').read_text(encoding='utf-8'))
        except (OSError, ValueError):
            continue
        if bool(meta.get('custom')) == custom and meta.get('build_seconds') is not None:
            return float(meta['build_seconds'])
    return None


def build(root: Path, sources: list[Source] | None = None, progress: Progress | None = None,
          force: bool = False, notice: Callable[[str], None] | None = None) -> Path:
    """The build of these sources (default: the embedded ones and the user's) under `root`,
    made unless a complete one exists.  Builds of other fingerprints stay (pruned by age, see
    cache.py); a build of the same fingerprint running in another process is waited for, not
    repeated.  `notice` hears one line when a build starts and one at its end (default: the progress
    callback's `notice` when it has one, as a quiet command's has; else stderr)."""
    root = Path(root)
    custom = sources is not None
    sources = default_sources() + user_sources() if sources is None else sources
    fp = fingerprint(sources)
    notice = notice or getattr(progress, 'notice', None) or say
    found = None if force else cache.latest(root, fp)
    if found is None:
        with cache.fingerprint_lock(root, fp, on_wait=lambda: notice(
                f'waiting for another process that is building the place index in {root}')):
            found = None if force else cache.latest(root, fp)
            if found is None:
                found = _build_locked(root, sources, fp, custom, progress, notice, force)
    if cache.current_build(root) != found:
        cache.set_current(root, found)
    cache.prune(root, keep={found})
    return found


def _build_locked(root: Path, sources: list[Source], fp: str, custom: bool, progress: Progress | None,
                  notice: Callable[[str], None], force: bool = False) -> Path:
    """Build, holding the fingerprint's lock: a temporary directory, then one atomic rename."""
    why = ('first use' if not cache.builds(root) else 'rebuilding as asked' if force
           else 'the code or the sources changed')
    notice(f'building the place index ({why}, {_about(_last_duration(root, custom))}) in {root}')
    for stale in root.glob(f'.tmp-{fp}-*'):   # left by a killed build of this fingerprint
        shutil.rmtree(stale, ignore_errors=True)
    t0 = time.time()
    places, stats = collect(sources, progress)
    tmp = Path(tempfile.mkdtemp(prefix=f'.tmp-{fp}-', dir=root))
    try:
        write_build(places, stats, fp, tmp, custom=custom, base=describe_base(sources) if custom else None,
                    progress=progress, started=t0)
        (tmp / cache.IN_USE).touch()   # readers lock it (cache.hold); its time says when it was last used
        final = root / f'b-{fp}-{int(time.time() * 1000)}'
        os.rename(tmp, final)      # the one atomic step that makes the build exist
        _fsync_dir(root)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    notice(f'place index ready: {len(places):,} places in {time.time() - t0:.0f} s, {final}')
    return final


def refresh(root: Path, progress: Progress | None = None) -> Path:
    """Rebuild after the user folder changed (`geo gazetteer add` / `import`): the embedded
    sources and the user's, or, for a custom index, the files it was built from and the user's
    (a custom index stays custom)."""
    cur = current_build(root)
    base = None
    if cur is not None and is_custom(cur):
        base = json.loads((cur / 'meta.json').read_text(encoding='utf-8')).get('base')
    if base is None:
        return build(root, progress=progress)
    return build(root, sources=base_sources(base) + user_sources(), progress=progress)


def describe_base(sources: Iterable[Source]) -> list[dict]:
    """How to make the sources of a custom build again (files in the user folder are left out:
    a rebuild reads that folder anyway)."""
    from .paths import user_places_dir
    from .sources.geonames_stored import StoredDump
    from .sources.user import UserFile

    folder = user_places_dir().resolve()
    out = []
    for s in sources:
        path = getattr(s, 'path', None)
        if isinstance(s, (UserFile, StoredDump)):
            if Path(path).resolve().parent == folder:
                continue
            out.append({'file' if isinstance(s, UserFile) else 'geonames': str(Path(path).resolve())})
        else:
            out.append({'class': f'{type(s).__module__}:{type(s).__qualname__}'})
    return out


def base_sources(base: list[dict]) -> list[Source]:
    import importlib

    from .errors import GazetteerError
    from .sources.geonames_stored import StoredDump
    from .sources.user import UserFile

    out: list[Source] = []
    for b in base:
        if 'file' in b or 'geonames' in b:
            path = Path(b.get('file') or b['geonames'])
            if not path.exists():
                raise GazetteerError(f'{path}: the index was built from this file and it is gone; '
                                     'build the index again (`geo gazetteer build`)')
            out.append(UserFile(path) if 'file' in b else StoredDump(path))
        else:
            module, _, name = b['class'].partition(':')
            try:
                out.append(getattr(importlib.import_module(module), name)())
            except (ImportError, AttributeError, TypeError) as e:
                raise GazetteerError(f'cannot make the source {b["class"]} again ({e}); build the index again') from None
    return out


def user_sources() -> list[Source]:
    """Places the user added for good (`geo gazetteer add` / `import`)."""
    from .paths import user_places_dir
    from .sources.user import stored_sources
    return stored_sources(user_places_dir())
