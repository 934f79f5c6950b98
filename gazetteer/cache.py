"""The index cache: complete builds kept side by side under one root, keyed by fingerprint, so
two installs on one machine (two checkouts, a venv per project) each open their own build and
never evict each other's.

Layout of the index root (the user's cache directory unless told otherwise):

    b-<fingerprint>-<ms>/   one complete build (build.py writes it), made at <ms> since 1970
        .in-use             every process that has the build open holds a shared lock on it
    .tmp-<fingerprint>-*/   a build being written; it becomes b-... by one atomic rename
    .lock-<fingerprint>     held while a build of that fingerprint runs
    .lock                   held while old builds are pruned
    CURRENT                 name of the build made (or asked for) last: a custom index is
                            opened through it

Readers take no lock to find their build: any b-* directory is complete (it was renamed into
place after its last byte was synced).  Pruning keeps the builds used most recently (KEEP_BUILDS
fingerprints, each used within KEEP_DAYS days) and never removes a build some process has open
(its .in-use lock) or one being written (its fingerprint's lock).
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from pathlib import Path
from typing import Callable

from .errors import GazetteerError

KEEP_BUILDS = 3           # fingerprints kept, most recently used first
KEEP_DAYS = 30            # a build nobody opened for this long goes at the next prune
IN_USE = '.in-use'
_TOUCH_EVERY = 3600.0     # seconds: how stale a build's last-use stamp may get before a reader renews it


class BuildGone(GazetteerError):
    """The build was pruned between choosing it and opening it (the caller chooses again)."""


def fingerprint_of(build_dir: Path) -> str | None:
    """The fingerprint in a build's name (b-<fingerprint>-<ms>)."""
    parts = build_dir.name.split('-')
    return parts[1] if len(parts) == 3 and parts[0] == 'b' else None


def _made(build_dir: Path) -> int:
    try:
        return int(build_dir.name.rsplit('-', 1)[1])
    except (IndexError, ValueError):
        return 0


def builds(root: Path) -> list[Path]:
    """Complete builds under root, newest first."""
    found = [d for d in Path(root).glob('b-*') if fingerprint_of(d) and (d / 'meta.json').exists()]
    return sorted(found, key=_made, reverse=True)


def latest(root: Path, fp: str) -> Path | None:
    """The newest complete build of this fingerprint, found without any lock."""
    return next((d for d in builds(root) if fingerprint_of(d) == fp), None)


def current_build(root: Path) -> Path | None:
    try:
        name = (Path(root) / 'CURRENT').read_text(encoding='utf-8').strip()
    except OSError:
        return None
    path = Path(root) / name
    return path if name and (path / 'meta.json').exists() else None


def set_current(root: Path, build_dir: Path) -> None:
    """Point CURRENT at a build (one atomic replacement; the last writer wins)."""
    pointer = Path(root) / f'.CURRENT.{os.getpid()}.tmp'
    with open(pointer, 'w', encoding='utf-8') as f:
        f.write(build_dir.name)
        f.flush()
        os.fsync(f.fileno())
    os.replace(pointer, Path(root) / 'CURRENT')


def last_used(build_dir: Path) -> float:
    """When a process last opened the build (the time of its .in-use file, made with it)."""
    try:
        return (build_dir / IN_USE).stat().st_mtime
    except OSError:
        return _made(build_dir) / 1000


def hold(build_dir: Path):
    """Mark a build as open by this process until the returned file is closed: a shared lock on
    its .in-use file, which pruning respects.  Renews the build's last-use stamp.  Raises
    BuildGone when the build was pruned meanwhile; returns None when the lock cannot be had
    (a read-only cache: nothing prunes it then either)."""
    path = build_dir / IN_USE
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o644)
    except FileNotFoundError:
        raise BuildGone(f'{build_dir}: removed by a prune') from None
    except OSError:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return None
    f = os.fdopen(fd, 'rb')
    try:
        fcntl.flock(f, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:   # a prune holds it and is taking the build away
        f.close()
        raise BuildGone(f'{build_dir}: being removed by a prune') from None
    if not (build_dir / 'meta.json').exists():   # renamed away before our lock
        f.close()
        raise BuildGone(f'{build_dir}: removed by a prune')
    try:
        if time.time() - os.fstat(fd).st_mtime > _TOUCH_EVERY:
            os.utime(fd)
    except OSError:
        pass
    return f


def _try_lock(path: Path):
    """An exclusive lock on path taken without waiting, or None when someone holds it."""
    try:
        f = open(path, 'a')
    except OSError:
        return None
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        f.close()
        return None
    return f


@contextlib.contextmanager
def exclusive(lock_file: Path, on_wait: Callable[[], None] | None = None):
    """Exclusive use of a lock file across processes (its folder made if need be); on_wait is
    called once when another process holds it, before waiting."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, 'a') as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def fingerprint_lock(root: Path, fp: str, on_wait: Callable[[], None] | None = None):
    """Exclusive right to build one fingerprint under root.  Builds of other fingerprints, and
    readers, never wait for it.  on_wait is called once when another process holds it."""
    return exclusive(Path(root) / f'.lock-{fp}', on_wait)


def _remove(build_dir: Path) -> bool:
    """Take a build away unless a process has it open: renamed first (atomically, under the
    exclusive .in-use lock) so that no reader can find it half deleted, then deleted."""
    lock = _try_lock(build_dir / IN_USE)
    if lock is None:
        return False
    try:
        gone = build_dir.with_name(f'.del-{build_dir.name}')
        try:
            os.rename(build_dir, gone)
        except OSError:
            return False
    finally:
        lock.close()
    shutil.rmtree(gone, ignore_errors=True)
    return True


def prune(root: Path, keep: set[Path] = frozenset(), keep_builds: int = KEEP_BUILDS,
          keep_days: float = KEEP_DAYS, now: float | None = None) -> list[Path]:
    """Remove what the cache no longer needs; returns the builds removed.  Kept: the builds in
    `keep`, the one CURRENT names, the newest build of each of the `keep_builds` fingerprints used
    most recently when used within `keep_days`, and every build a process has open.  Leftovers
    of interrupted builds go when no build of their fingerprint runs."""
    root = Path(root)
    guard = _try_lock(root / '.lock')
    if guard is None:          # another process is pruning right now
        return []
    try:
        for d in root.glob('.del-*'):
            shutil.rmtree(d, ignore_errors=True)
        for d in root.glob('.tmp-*'):
            fp = d.name.split('-')[1] if d.name.count('-') >= 2 else None
            if fp is None:   # named by an older version: gone when a day old
                if _age(d) > 86400:
                    shutil.rmtree(d, ignore_errors=True)
                continue
            idle = _try_lock(root / f'.lock-{fp}')
            if idle is not None:     # no build of that fingerprint runs: left by a killed one
                shutil.rmtree(d, ignore_errors=True)
                idle.close()
        keep = {Path(k) for k in keep}
        cur = current_build(root)
        if cur is not None:
            keep.add(cur)
        now = time.time() if now is None else now
        newest: dict[str, Path] = {}
        doomed = []
        for d in builds(root):
            fp = fingerprint_of(d)
            if fp in newest:
                doomed.append(d)         # an older build of the same fingerprint
            else:
                newest[fp] = d
        ranked = sorted(newest.values(), key=last_used, reverse=True)
        for rank, d in enumerate(ranked):
            if rank >= keep_builds or now - last_used(d) > keep_days * 86400:
                doomed.append(d)
        return [d for d in doomed if d not in keep and _remove(d)]
    finally:
        guard.close()


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def kept(root: Path) -> list[dict]:
    """The builds under root, newest first, for `geo gazetteer info`."""
    out = []
    for d in builds(root):
        try:
            meta = json.loads((d / 'meta.json').read_text(encoding='utf-8'))
        except (OSError, ValueError):
            meta = {}
        size = sum(f.stat().st_size for f in d.iterdir() if f.is_file())
        out.append({'path': str(d), 'fingerprint': fingerprint_of(d), 'built': meta.get('built'),
                    'places': meta.get('places'), 'custom': bool(meta.get('custom')),
                    'last_used': time.strftime('%Y-%m-%d %H:%M', time.localtime(last_used(d))),
                    'size_mb': round(size / 1e6, 1)})
    return out
