"""`-q` silences everything but errors, the index build's notice too: a first use that builds the
index says so on stderr, and says nothing under -q.  A real build of a small fixture, in a
subprocess whose install's sources are that fixture."""
from __future__ import annotations

import os
import subprocess
import sys

from gazetteer_helpers import FIXTURES

RUN = r'''
import sys
import gazetteer.build as b, gazetteer.index as ix
from gazetteer.sources.user import UserFile
b.default_sources = ix.default_sources = lambda: [UserFile(sys.argv[1])]
from geo.cli import main
sys.exit(main(sys.argv[2:]))
'''


def _geo(home, *args):
    env = dict(os.environ, GEO_TEXTMAP_HOME=str(home))
    return subprocess.run([sys.executable, '-c', RUN, str(FIXTURES / 'places.csv'), *args],
                          capture_output=True, text=True, env=env, timeout=300)


def test_a_first_use_build_says_what_it_does(tmp_path):
    p = _geo(tmp_path / 'home', 'gazetteer', 'info')
    assert p.returncode == 0, p.stderr
    assert 'building the place index (first use' in p.stderr and 'place index ready' in p.stderr


def test_quiet_silences_the_build_notice(tmp_path):
    p = _geo(tmp_path / 'home', '-q', 'gazetteer', 'info')
    assert p.returncode == 0, p.stderr
    assert p.stderr == ''
    assert list((tmp_path / 'home' / 'index').glob('b-*'))      # it did build


def test_quiet_silences_a_rebuild_asked_for_too(tmp_path):
    home = tmp_path / 'home'
    assert _geo(home, '-q', 'gazetteer', 'info').returncode == 0
    loud = _geo(home, 'gazetteer', 'build', '--force')
    assert loud.returncode == 0 and 'building the place index (rebuilding as asked' in loud.stderr
    p = _geo(home, '-q', 'gazetteer', 'build', '--force')
    assert p.returncode == 0, p.stderr
    assert p.stderr == ''
