"""`geo map --review-db` and `geo batch --review-db` draw with a review's decisions applied (the
real commands, on the review fixture's index); `geo review` refuses bad input in one line."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from review_helpers import EXAMPLE, make_home

AMMAN = dict(id='u:amman', name='Amman', name_ar='عمان', lat=31.955, lon=35.945, type='city', country='JO')
DOC = 'deir-ez-zor-aid.ar'


@pytest.fixture(scope='module')
def env(tmp_path_factory):
    return make_home(tmp_path_factory.mktemp('review-cli-home'))


@pytest.fixture()
def db(tmp_path):
    from geo.review.store import Store

    text = EXAMPLE.read_text(encoding='utf-8')
    store = Store(tmp_path / 'review.sqlite')
    i = text.index('عمان')
    store.add(DOC, i, i + 4, 'عمان', 'place', AMMAN, 'candidate')
    i = text.index('حلب')
    store.add(DOC, i, i + 3, 'حلب', 'not_place')
    store.close()
    return tmp_path / 'review.sqlite'


def geo(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, '-m', 'geo.cli', *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=300)


def _places(record: dict) -> dict[str, set]:
    out: dict[str, set] = {}
    for t in record['toponyms']:
        out.setdefault(t['text'], set()).add(t.get('id'))
    return out


def test_geo_map_applies_the_decisions(env, db, tmp_path):
    plain = geo(env, 'map', EXAMPLE, '-o', tmp_path / 'plain', '--formats', 'jsonl', '-q')
    assert plain.returncode == 0, plain.stderr
    before = json.loads((tmp_path / 'plain' / f'{DOC}.jsonl').read_text(encoding='utf-8'))
    assert 'حلب' in _places(before)               # what the parser says, without the review
    run = geo(env, 'map', EXAMPLE, '-o', tmp_path / 'out', '--formats', 'jsonl,geojson', '--review-db', db, '-q')
    assert run.returncode == 0, run.stderr
    rec = json.loads((tmp_path / 'out' / f'{DOC}.jsonl').read_text(encoding='utf-8'))
    toponyms = rec['toponyms']
    assert 'حلب' not in _places(rec)
    first = min((t for t in toponyms if t['text'] == 'عمان'), key=lambda t: t['start'])
    assert first['id'] == 'u:amman' and first['how'] == 'review'
    gj = json.loads((tmp_path / 'out' / f'{DOC}.geojson').read_text(encoding='utf-8'))
    assert 'u:amman' in {f['properties']['id'] for f in gj['features']}


@pytest.mark.parametrize('workers', [1, 2])
def test_geo_batch_applies_the_decisions_in_every_worker(env, db, tmp_path, workers):
    folder = tmp_path / 'docs'
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    (folder / 'other.txt').write_text('وصلت قافلة إلى حلب أمس.\n', encoding='utf-8')
    run = geo(env, 'batch', folder, '-o', tmp_path / 'out', '--review-db', db, '--formats', 'csv',
              '--workers', workers, '-q')
    assert run.returncode == 0, run.stderr
    recs = {r['id']: r for r in map(json.loads, (tmp_path / 'out' / 'places.jsonl').read_text(encoding='utf-8')
                                    .splitlines())}
    assert 'حلب' not in _places(recs[DOC]) and _places(recs[DOC])['عمان'] == {'u:amman', 'u:om'}
    assert _places(recs['other'])['حلب'] == {'u:alp'}      # another document's decisions are its own


def test_a_resume_with_other_decisions_is_refused(env, db, tmp_path):
    from geo.review.store import Store

    folder = tmp_path / 'docs'
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    assert geo(env, 'batch', folder, '-o', tmp_path / 'out', '--review-db', db, '--formats', 'csv', '-q').returncode == 0
    store = Store(db)
    store.undo(DOC)
    store.close()
    again = geo(env, 'batch', folder, '-o', tmp_path / 'out', '--review-db', db, '--formats', 'csv', '--resume', '-q')
    assert again.returncode == 2 and 'review' in again.stderr


def test_bad_input_is_one_line_and_exit_code_2(env, tmp_path):
    run = geo(env, 'map', EXAMPLE, '-o', tmp_path, '--review-db', tmp_path / 'missing.sqlite', '-q')
    assert run.returncode == 2 and run.stderr.strip().count('\n') == 0 and 'missing.sqlite' in run.stderr
    junk = tmp_path / 'junk.sqlite'
    junk.write_bytes(b'\x00' * 4096)
    run = geo(env, 'map', EXAMPLE, '-o', tmp_path, '--review-db', junk, '-q')
    assert run.returncode == 2 and 'not a review file' in run.stderr
    run = geo(env, 'review', tmp_path / 'nothing-here', '--no-browser')
    assert run.returncode == 2 and 'no such file or folder' in run.stderr
