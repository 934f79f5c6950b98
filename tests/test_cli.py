import json
import subprocess
import sys
from pathlib import Path

import pytest

GEO = [sys.executable, '-m', 'geo.cli']


def run(args, env, **kw):
    return subprocess.run(GEO + [str(a) for a in args], capture_output=True, text=True, env=env, timeout=120, **kw)


def test_parse_txt_prints_scorer_format(tmp_path, geo_env):
    doc = tmp_path / 'report.txt'
    doc.write_text('وصل الوفد إلى حلب قادماً من أربيل.', encoding='utf-8')
    p = run(['parse', doc], geo_env)
    assert p.returncode == 0, p.stderr
    rec = json.loads(p.stdout)
    assert rec['id'] == 'report'
    assert [t['text'] for t in rec['toponyms']] == ['حلب', 'أربيل']
    for t in rec['toponyms']:
        assert {'start', 'end', 'lat', 'lon', 'name', 'type', 'country', 'confidence'} <= set(t)


def test_parse_jsonl_keeps_order_and_ids(tmp_path, geo_env):
    f = tmp_path / 'docs.jsonl'
    f.write_text('\n'.join(json.dumps({'id': i, 'text': t}, ensure_ascii=False)
                           for i, t in [('b', 'Mosul today'), ('a', 'من الرقة')]) + '\n', encoding='utf-8')
    p = run(['parse', f], geo_env)
    assert p.returncode == 0, p.stderr
    assert [json.loads(l)['id'] for l in p.stdout.splitlines()] == ['b', 'a']


@pytest.mark.parametrize('make', ['missing', 'directory', 'binary', 'latin1', 'empty'])
def test_bad_input_is_one_line_and_exit_2(tmp_path, geo_env, make):
    target = tmp_path / f'{make}.txt'
    if make == 'directory':
        target.mkdir()
    elif make == 'binary':
        target.write_bytes(bytes(range(256)) * 8)
    elif make == 'latin1':
        target.write_bytes('Caf\xe9 \xe0 Gen\xe8ve \x81\x8d'.encode('latin-1') + b'\xff\xfe\x00')
    elif make == 'empty':
        target.write_text('   \n', encoding='utf-8')
    p = run(['parse', target], geo_env)
    assert p.returncode == 2
    assert 'Traceback' not in p.stderr
    lines = [l for l in p.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and str(target.name) in lines[0]


def test_map_writes_the_three_default_outputs(tmp_path, geo_env):
    doc = tmp_path / 'note.txt'
    doc.write_text('Aid reached Mosul and Erbil in Iraq.', encoding='utf-8')
    out = tmp_path / 'out'
    p = run(['map', doc, '-o', out], geo_env)
    assert p.returncode == 0, p.stderr
    assert sorted(x.name for x in out.iterdir()) == ['note.geojson', 'note.html', 'note.png']
