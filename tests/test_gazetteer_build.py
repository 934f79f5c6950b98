"""Index builds are atomic (a killed or interrupted build never leaves a half index) and safe when
two processes start one at once.  Real builds in real subprocesses, killed for real."""
import os
import random
import signal
import subprocess
import sys

import pytest

from gazetteer_helpers import FIXTURES

BUILD = '''
import signal, sys, time
# Ctrl-C in a terminal: a build started from a background job inherits SIGINT ignored
signal.signal(signal.SIGINT, signal.default_int_handler)
from pathlib import Path
from gazetteer.build import build
from gazetteer.sources.user import UserFile

def progress(what, count):
    if what == 'writing the place table' and sys.argv[3:] == ['--hold']:
        print('half way', flush=True)   # the name trie is written, the rest is not: hold here,
        time.sleep(120)                 # so the test stops the build at a known point, never too late

print(build(Path(sys.argv[1]), sources=[UserFile(sys.argv[2])], progress=progress).name, flush=True)
'''


def synthetic_places(path, n, seed=1):
    """n made-up villages (names that exist nowhere), enough to make a build take a while."""
    rng = random.Random(seed)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('id,name,names,lat,lon,type,country\n')
        for i in range(n):
            f.write(f'v{i},Qaryat {i:06d},قرية {i:06d}|Village {i:06d},{rng.uniform(-60, 60):.4f},'
                    f'{rng.uniform(-170, 170):.4f},village,SY\n')
    return path


def start_build(root, source, hold=False):
    return subprocess.Popen([sys.executable, '-c', BUILD, str(root), str(source)] + (['--hold'] if hold else []),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_until_mid_build(root, proc, marker='names.marisa'):
    """Wait until the build, started with hold=True, has written part of its files and waits."""
    line = proc.stdout.readline()
    assert line.strip() == 'half way', (line, proc.stderr.read() if proc.poll() is not None else '')
    tmp = [d for d in root.glob('.tmp-*') if (d / marker).exists()]
    assert len(tmp) == 1 and proc.poll() is None
    assert not (tmp[0] / 'meta.json').exists()
    return tmp[0]


@pytest.fixture()
def live_root(tmp_path):
    from gazetteer.build import build
    from gazetteer.sources.user import UserFile

    root = tmp_path / 'index'
    build(root, sources=[UserFile(FIXTURES / 'places.csv')])
    return root


def assert_old_index_intact(root, current):
    from gazetteer.index import Index

    assert (root / 'CURRENT').read_text(encoding='utf-8') == current
    ix = Index.open(root)
    assert {m.place.name for m in ix.exact('حلب')} == {'Aleppo'}
    assert ix.exact('Qaryat 000001') == []


@pytest.mark.parametrize('how', ['kill', 'ctrl-c'])
def test_a_build_stopped_half_way_leaves_the_live_index_alone(tmp_path, live_root, how):
    big = synthetic_places(tmp_path / 'big.csv', 60_000)
    current = (live_root / 'CURRENT').read_text(encoding='utf-8')
    proc = start_build(live_root, big, hold=True)
    try:
        half = wait_until_mid_build(live_root, proc)
        os.killpg(proc.pid, signal.SIGKILL if how == 'kill' else signal.SIGINT)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode != 0
    assert_old_index_intact(live_root, current)
    if how == 'ctrl-c':
        assert not half.exists(), 'an interrupted build removes its temporary directory'
        assert 'Traceback' in proc.stderr.read()   # python -c: KeyboardInterrupt reached the top
    else:
        assert half.exists()                         # a killed process cleans nothing ...
        from gazetteer.build import build
        from gazetteer.sources.user import UserFile
        build(live_root, sources=[UserFile(FIXTURES / 'places.csv')], force=True)
        assert list(live_root.glob('.tmp-*')) == []  # ... the next build does


def test_two_processes_building_at_once_make_one_index(tmp_path):
    from gazetteer.index import Index

    source = synthetic_places(tmp_path / 'places.csv', 20_000)
    root = tmp_path / 'index'
    a, b = start_build(root, source), start_build(root, source)
    out_a, err_a = a.communicate(timeout=300)
    out_b, err_b = b.communicate(timeout=300)
    assert a.returncode == 0, err_a
    assert b.returncode == 0, err_b
    # the second waited for the first and found its build up to date: one build, not two
    assert out_a.strip() == out_b.strip()
    assert [d.name for d in root.glob('b-*')] == [out_a.strip()]
    assert (root / 'CURRENT').read_text(encoding='utf-8') == out_a.strip()
    ix = Index.open(root)
    assert len(ix) == 20_000 and ix.exact('Qaryat 019999')[0].place.id == 'u:v19999'


def test_an_open_index_keeps_answering_across_rebuilds_and_its_build_stays_while_open(tmp_path, live_root):
    import gc

    from gazetteer.build import build
    from gazetteer.index import Index
    from gazetteer.sources.user import UserFile

    ix = Index.open(live_root)
    first = ix.path
    made = [build(live_root, sources=[UserFile(FIXTURES / 'places.csv')], force=True) for _ in range(2)]
    assert first.exists()              # in use by `ix`: no prune takes it ...
    assert not made[0].exists()        # ... while an older build of the same sources nobody has open goes
    assert {m.place.name for m in ix.exact('أربيل')} == {'Erbil'}      # names trie (mmap) and SQLite
    assert ix.by_id('u:dez').name == 'Deir ez-Zor'
    assert [k for k, _ in ix.fuzzy_keys('aleppp', score_cutoff=80)][:1] == ['aleppo']
    del ix
    gc.collect()
    build(live_root, sources=[UserFile(FIXTURES / 'places.csv')], force=True)
    assert not first.exists()          # closed: the next build prunes it
    assert [d.name for d in live_root.glob('b-*')] == [(live_root / 'CURRENT').read_text(encoding='utf-8')]


def test_an_index_of_another_format_is_refused_clearly(tmp_path, live_root):
    import json

    from gazetteer.errors import GazetteerError
    from gazetteer.index import Index

    cur = live_root / (live_root / 'CURRENT').read_text(encoding='utf-8')
    meta = json.loads((cur / 'meta.json').read_text(encoding='utf-8'))
    meta['format'] = 3
    (cur / 'meta.json').write_text(json.dumps(meta), encoding='utf-8')
    with pytest.raises(GazetteerError, match='format 3'):
        Index.open(live_root)
