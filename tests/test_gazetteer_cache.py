"""The index cache keeps builds side by side, one per fingerprint: two installs on one machine
each open their own build and never rebuild because of the other; a reader never waits for a
build of another fingerprint; pruning keeps what is in use.  Real builds of the small fixtures,
in real subprocesses where another install is simulated (its own sources or its own code)."""
import gc
import os
import signal
import subprocess
import sys
import time

import pytest

from gazetteer_helpers import FIXTURES, GEONAMES, geo, make_home
from test_gazetteer_build import start_build, synthetic_places, wait_until_mid_build

# One install: its "embedded" sources are one fixture file, and its code fingerprint gets a salt
# (two checkouts of different versions).  Prints the build it opened and how long opening took.
INSTALL = r'''
import hashlib, sys, time
from pathlib import Path
import gazetteer.build as b, gazetteer.index as ix
from gazetteer.sources.user import UserFile

root, source, salt = sys.argv[1:4]
b.default_sources = ix.default_sources = lambda: [UserFile(source)]
real = b.fingerprint
b.fingerprint = ix.fingerprint = lambda s: hashlib.sha1((real(s) + salt).encode()).hexdigest()[:20]

def progress(what, count):
    if what == 'writing the place table' and sys.argv[4:] == ['--hold']:
        print('half way', flush=True)
        time.sleep(120)

t = time.perf_counter()
index = ix.Index.open(Path(root), progress=progress)
print(index.path.name, round(time.perf_counter() - t, 3), flush=True)
'''


def install(root, salt, source=FIXTURES / 'places.csv', hold=False, timeout=120):
    """Open the index as install `salt` would (a subprocess whose stderr is not a terminal)."""
    env = dict(os.environ, GEO_TEXTMAP_HOME=str(root.parent))
    args = [sys.executable, '-c', INSTALL, str(root), str(source), salt] + (['--hold'] if hold else [])
    if hold:
        return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                                start_new_session=True)
    p = subprocess.run(args, capture_output=True, text=True, env=env, timeout=timeout)
    assert p.returncode == 0, p.stderr
    name, seconds = p.stdout.split()
    return name, float(seconds), p.stderr


def stop(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def test_two_installs_keep_their_own_builds_and_never_rebuild_for_each_other(tmp_path):
    root = tmp_path / 'home' / 'index'
    first, _, err = install(root, 'install-1')
    assert err.splitlines()[0] == f'building the place index (first use, about a minute) in {root}'
    second, _, err = install(root, 'install-2')
    assert second != first and 'building the place index' in err
    for _ in range(2):           # each opens its own, again and again: no build, not a word
        assert install(root, 'install-1')[::2] == (first, '')
        assert install(root, 'install-2')[::2] == (second, '')
    assert sorted(d.name for d in root.glob('b-*')) == sorted([first, second])


def test_another_source_set_is_another_build_beside_the_first(tmp_path):
    root = tmp_path / 'home' / 'index'
    a, _, _ = install(root, 'same-code')
    b, _, err = install(root, 'same-code', source=GEONAMES / 'base.csv')
    assert a != b and 'the code or the sources changed' in err
    assert install(root, 'same-code')[::2] == (a, '')


def test_a_build_says_once_what_it_does_even_without_a_terminal(tmp_path):
    root = tmp_path / 'home' / 'index'
    name, _, err = install(root, 'install-1')
    start, end = err.splitlines()            # one line at the start, one at the end, no bar
    assert start == f'building the place index (first use, about a minute) in {root}'
    assert end.startswith('place index ready: 24 places in ') and end.endswith(str(root / name))
    _, _, err = install(root, 'install-2')   # the next build knows how long the last one took
    assert err.startswith(f'building the place index (the code or the sources changed, a few seconds) in {root}')


def test_a_reader_does_not_wait_for_a_build_of_another_fingerprint(tmp_path):
    root = tmp_path / 'home' / 'index'
    mine, _, _ = install(root, 'install-1')
    big = synthetic_places(tmp_path / 'big.csv', 60_000)
    other = install(root, 'install-2', source=big, hold=True)   # holds its build lock, half way
    try:
        wait_until_mid_build(root, other)
        name, seconds, err = install(root, 'install-1', timeout=60)
        assert (name, err) == (mine, '') and seconds < 5
        assert other.poll() is None          # the other build was still holding its lock
    finally:
        stop(other)


def test_a_second_process_of_the_same_install_waits_for_the_build_and_says_so(tmp_path):
    root = tmp_path / 'home' / 'index'
    big = synthetic_places(tmp_path / 'big.csv', 60_000)
    builder = install(root, 'install-1', source=big, hold=True)
    try:
        wait_until_mid_build(root, builder)
        env = dict(os.environ, GEO_TEXTMAP_HOME=str(root.parent))
        waiter = subprocess.Popen([sys.executable, '-c', INSTALL, str(root), str(big), 'install-1'],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = waiter.stderr.readline()
        assert line.strip() == f'waiting for another process that is building the place index in {root}'
        assert waiter.poll() is None
    finally:
        stop(builder)                       # killed half way: the waiter builds it, and cleans up
    out, err = waiter.communicate(timeout=300)
    assert waiter.returncode == 0, err
    assert 'building the place index' in err
    assert [d.name for d in root.glob('b-*')] == [out.split()[0]]
    assert list(root.glob('.tmp-*')) == []


def _build(root, i):
    """A build of its own fingerprint (custom: the fixture and one extra place of number i)."""
    from gazetteer.build import build
    from gazetteer.sources.user import UserFile

    extra = root.parent / f'extra{i}.csv'
    extra.write_text(f'name,lat,lon,type\nPlace {i},35.0,38.0,village\n', encoding='utf-8')
    return build(root, sources=[UserFile(FIXTURES / 'places.csv'), UserFile(extra)])


def _used(build_dir, days_ago):
    t = time.time() - days_ago * 86400
    os.utime(build_dir / '.in-use', (t, t))


def test_prune_keeps_the_builds_in_use_and_the_recent_ones(tmp_path):
    from gazetteer import cache
    from gazetteer.index import Index

    root = tmp_path / 'index'
    made = [_build(root, i) for i in range(5)]
    assert all(d.exists() for d in made[-3:])       # every build pruned to the newest three
    assert not made[0].exists() and not made[1].exists()
    a, b, c = made[2:]
    held = Index(a)                                  # a process has `a` open
    _used(a, 90)
    _used(b, 60)                                     # nobody opened `b` for 60 days
    d = _build(root, 5)                              # CURRENT names d, which is just made
    assert a.exists(), 'a build some process has open is never removed'
    assert not b.exists(), 'unused for longer than KEEP_DAYS'
    assert c.exists() and d.exists()
    assert cache.current_build(root) == d
    del held
    gc.collect()
    assert cache.prune(root, keep={c}) == [a]        # closed and 90 days old: now it goes
    assert {p.name for p in root.glob('b-*')} == {c.name, d.name}


def test_prune_leaves_a_build_in_progress_alone(tmp_path):
    from gazetteer import cache

    root = tmp_path / 'index'
    _build(root, 0)
    big = synthetic_places(tmp_path / 'big.csv', 60_000)
    proc = start_build(root, big, hold=True)
    try:
        half = wait_until_mid_build(root, proc)
        cache.prune(root, keep_builds=0, keep_days=0)
        assert half.exists() and (half / 'names.marisa').exists()
    finally:
        stop(proc)
    cache.prune(root)                                # its builder is gone: the leftovers go
    assert not half.exists()


def test_info_shows_the_index_in_use_and_the_others_kept(tmp_path):
    from gazetteer.build import build
    from gazetteer.sources.user import UserFile

    home = tmp_path / 'home'
    env = make_home(home)
    other = build(home / 'index', sources=[UserFile(FIXTURES / 'places.csv')])
    in_use = build(home / 'index', sources=[UserFile(GEONAMES / 'base.csv')])
    p = geo(['gazetteer', 'info'], env)
    assert p.returncode == 0, p.stderr
    assert f'gazetteer index: {in_use}' in p.stdout
    kept = p.stdout.split('other indexes kept')[1]
    assert other.name in kept and in_use.name not in kept
