"""Issue 8: hostile and broken documents, continued: broken JSON Lines and CSV records, and
output paths that ids or options try to push outside the output folder.  Every case runs the
real `geo` command (against the fixture index) or the real writer."""
from __future__ import annotations

import codecs
import json
import subprocess
from pathlib import Path

import pytest

from hostile_helpers import AR, AR_PLACES, EN, EN_PLACES, GEO, MIXED_PLACES, geo, records, refused, surfaces


# ---- JSON Lines ------------------------------------------------------------------------------------

def _jsonl(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b'\n'.join(lines) + b'\n')
    return path


HOSTILE_LINES = [
    # (line, expected id, error fragment or None)
    (json.dumps({'id': 'ok', 'text': EN}).encode(), 'ok', None),
    (b'{"id": "cut", "text": "Mosul', 'lines:2', 'not valid JSON'),
    (b'{"id": "deep", "text": ' + b'[' * 100000 + b']' * 100000 + b'}', 'lines:3', 'nested too deeply'),
    (b'{"id": "bigint", "text": "Mosul", "n": 1' + b'0' * 5000 + b'}', 'lines:4', 'not usable JSON'),
    (json.dumps({'id': 'notext'}).encode(), 'notext', '"text" is missing'),
    (json.dumps({'id': 'numtext', 'text': 42}).encode(), 'numtext', '"text" is missing or not a string'),
    (json.dumps({'id': 'blank', 'text': ' \n\t '}).encode(), 'blank', 'the text is empty'),
    (b'"just a string"', 'lines:8', 'a JSON object'),
    (b'null', 'lines:9', 'a JSON object'),
    (b'\xff\xfe\x00\x01binary\x00\x9c\x00', 'lines:10', 'binary'),
    (json.dumps({'id': 3.5, 'text': 'Erbil today'}).encode(), '3.5', None),             # a number id
    (json.dumps({'id': True, 'text': 'Erbil today'}).encode(), 'lines:12', None),       # not an id: the line
    (json.dumps({'id': None, 'text': 'Erbil today'}).encode(), 'lines:13', None),
    (json.dumps({'id': {'a': 1}, 'text': 'Erbil today'}).encode(), 'lines:14', None),
    (json.dumps({'id': 'ok', 'text': 'Mosul again'}).encode(), 'ok#15', None),           # a duplicate id
    (b'{"id": "lone\\ud800", "text": "Mosul \\udc00 Erbil"}', 'lone\ufffd', None),     # lone surrogates
    ('{"id": "cp", "text": "وصل الوفد إلى حلب"}'.encode('cp1256'), 'cp', None),         # one legacy line
    (b'{"id": "crlf", "text": "Raqqa, Syria"}\r', 'crlf', None),
    (b'{"id": "nul", "text": "Mosul\\u0000"}', 'nul', 'binary data'),
    (json.dumps({'id': 'sep', 'text': 'Mosul\u2028Erbil\u2029Raqqa, Syria'}, ensure_ascii=False).encode(), 'sep', None),
]


def test_jsonl_with_every_kind_of_broken_line(tmp_path, geo_env):
    src = _jsonl(tmp_path / 'lines.jsonl', [l for l, _, _ in HOSTILE_LINES] + [b'', b'   '])
    p = geo(['parse', src], geo_env)
    assert p.returncode == 2
    recs = records(p)
    assert [r['id'] for r in recs] == [i for _, i, _ in HOSTILE_LINES]     # one record per line, in order
    failed = [(n, err) for n, (_, _, err) in enumerate(HOSTILE_LINES, start=1) if err]
    assert len(p.stderr.splitlines()) == len(failed)                       # one stderr line per bad line
    for (n, err), line in zip(failed, p.stderr.splitlines()):
        assert line.startswith(f'{src}:{n}: ') and err in line, line
    for r, (_, _, err) in zip(recs, HOSTILE_LINES):
        assert ('error' in r) == bool(err)
    by_id = {r['id']: r for r in recs}
    assert surfaces(by_id['lone\ufffd']) == ['Mosul', 'Erbil']
    assert by_id['lone\ufffd']['toponyms'][1]['start'] == 8     # the surrogate still counts one character
    assert surfaces(by_id['cp']) == ['حلب']
    assert surfaces(by_id['sep']) == ['Mosul', 'Erbil', 'Raqqa', 'Syria']


def test_batch_isolates_the_same_broken_lines(tmp_path, geo_env):
    src = _jsonl(tmp_path / 'lines.jsonl', [l for l, _, _ in HOSTILE_LINES])
    out = tmp_path / 'out'
    p = geo(['batch', src, '-o', out, '--workers', '1', '--no-maps'], geo_env)
    assert p.returncode == 2 and 'Traceback' not in p.stderr
    places = [json.loads(l) for l in (out / 'places.jsonl').read_text(encoding='utf-8').splitlines()]
    errors = [json.loads(l) for l in (out / 'errors.jsonl').read_text(encoding='utf-8').splitlines()]
    assert len(places) + len(errors) == len(HOSTILE_LINES)
    assert len(errors) == sum(1 for _, _, e in HOSTILE_LINES if e)
    assert [r['id'] for r in places] == [i for _, i, e in HOSTILE_LINES if not e]


def test_utf16_jsonl(tmp_path, geo_env):
    text = '\r\n'.join(json.dumps({'id': f'd{i}', 'text': t}, ensure_ascii=False) for i, t in enumerate([AR, EN]))
    src = tmp_path / 'wide.jsonl'
    src.write_bytes(text.encode('utf-16'))
    p = geo(['parse', src], geo_env)
    assert p.returncode == 0, p.stderr
    assert [set(AR_PLACES) <= set(surfaces(r)) or set(EN_PLACES) <= set(surfaces(r)) for r in records(p)] == [True, True]


# ---- CSV documents ---------------------------------------------------------------------------------

def test_csv_with_missing_columns_and_broken_rows(tmp_path, geo_env):
    src = tmp_path / 'docs.csv'
    src.write_bytes(codecs.BOM_UTF8 + (
        'id,title,text\r\n'
        f'a,first,"{EN}"\r\n'
        'b,only a title\r\n'                                  # a row without its text column
        f'a,same id,"{AR}"\r\n'                               # a repeated id
        'c,garbage after quote,"Erbil"x\r\n'                  # broken quoting
        f'd,multi-line,"{EN}\r\n{AR}"\r\n'                    # a quoted field across lines
        ',no id,Raqqa is here\r\n'
        'e,never closed,"Mosul and\r\nErbil\r\n'              # a quote that is never closed
    ).encode())
    p = geo(['parse', src], geo_env)
    assert p.returncode == 2
    recs = records(p)
    assert [r['id'] for r in recs] == ['a', 'b', 'a#4', 'docs:5', 'd', 'docs:8', 'docs:9']
    errs = p.stderr.splitlines()
    assert len(errs) == 3
    assert errs[0].startswith(f'{src}:3: ') and 'no "text"' in errs[0]
    assert errs[1].startswith(f'{src}:5: ') and 'broken CSV' in errs[1]
    assert errs[2].startswith(f'{src}:9: ') and 'never closed' in errs[2]
    assert set(MIXED_PLACES) <= set(surfaces(recs[4]))


@pytest.mark.parametrize('delimiter,suffix', [(';', '.csv'), ('\t', '.tsv'), ('\t', '.csv'), ('|', '.csv')])
def test_csv_delimiters_are_recognised(tmp_path, geo_env, delimiter, suffix):
    src = tmp_path / f'docs{suffix}'
    src.write_text(f'id{delimiter}text\n1{delimiter}{EN}\n2{delimiter}{AR}\n', encoding='utf-8')
    p = geo(['parse', src], geo_env)
    assert p.returncode == 0, p.stderr
    assert [r['id'] for r in records(p)] == ['1', '2']


def test_csv_without_a_text_column_is_one_line(tmp_path, geo_env):
    src = tmp_path / 'docs.csv'
    src.write_text('id,body\n1,Mosul\n', encoding='utf-8')
    assert 'needs a "text" column' in refused(geo(['parse', src], geo_env), 'docs.csv:1')


def test_csv_with_a_field_larger_than_the_csv_module_default(tmp_path, geo_env):
    src = tmp_path / 'long.csv'
    filler = 'word ' * 60000                              # 300 kB in one field (the csv default is 128 kB)
    src.write_text(f'id,text\nlong,"{filler}Mosul"\n', encoding='utf-8')
    (rec,) = records(geo(['parse', src], geo_env))
    assert surfaces(rec) == ['Mosul'] and rec['toponyms'][0]['start'] == len(filler)


# ---- output paths ----------------------------------------------------------------------------------

EVIL_IDS = ['../../x', '/etc/x', '..', '.', 'a/../../b', '~/x', 'C:\\Windows\\x', 'x' * 300, '𠀀' * 100,
            '.hidden', 'nul\x00byte', 'line\nbreak', 'con', '']


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob('*')}


@pytest.mark.parametrize('doc_id', EVIL_IDS, ids=range(len(EVIL_IDS)))
def test_map_outputs_stay_inside_the_output_folder(tmp_path, geoparser, doc_id):
    """write_outputs (what `geo map` calls) names files after the id, made safe."""
    from geo.outputs import write_outputs

    work = tmp_path / 'deep' / 'deeper'
    out = work / 'out'
    before = _tree(tmp_path)
    result = geoparser.parse(EN, doc_id)
    written = write_outputs(result, out, ['geojson', 'jsonl', 'csv'])
    assert len(written) == 3
    for p in written:
        assert p.resolve().parent == out.resolve() and p.exists()
        assert len(p.name.encode()) < 255 and not p.name.startswith('.')
    assert _tree(tmp_path) - before == {'deep', 'deep/deeper', 'deep/deeper/out'} | {
        f'deep/deeper/out/{p.name}' for p in written}


def test_geo_map_with_path_ids_writes_only_inside_dir(tmp_path, geo_env):
    work = tmp_path / 'a' / 'b'
    work.mkdir(parents=True)
    for doc_id in ('../../x', '/etc/x'):
        src = work / 'doc.jsonl'
        src.write_text(json.dumps({'id': doc_id, 'text': EN}) + '\n', encoding='utf-8')
        p = geo(['map', src, '-o', work / 'out', '--formats', 'geojson,csv'], geo_env)
        assert p.returncode == 0, p.stderr
        for line in p.stdout.splitlines():
            assert Path(line).resolve().parent == (work / 'out').resolve()
    assert sorted(x.name for x in tmp_path.iterdir()) == ['a']
    assert sorted(x.name for x in (tmp_path / 'a').iterdir()) == ['b']
    assert not Path('/etc/x.geojson').exists()


@pytest.mark.parametrize('case', ['output-is-a-file', 'output-under-a-file', 'target-is-a-folder'])
def test_map_output_problems_are_one_line_and_leave_no_partial_file(tmp_path, geo_env, case):
    src = tmp_path / 'note.txt'
    src.write_text(EN, encoding='utf-8')
    out = tmp_path / 'out'
    if case == 'output-is-a-file':
        out.write_text('not a folder')
    elif case == 'output-under-a-file':
        (tmp_path / 'file').write_text('x')
        out = tmp_path / 'file' / 'out'
    else:
        (out / 'note.html').mkdir(parents=True)      # the HTML cannot replace a folder
    p = geo(['map', src, '-o', out, '--formats', 'geojson,html'], geo_env)
    refused(p, str(tmp_path))
    if case == 'target-is-a-folder':
        assert not list(out.glob('.*.tmp'))           # the temporary file is gone
        assert (out / 'note.html').is_dir()


def test_geo_batch_with_path_ids_writes_only_inside_dir(tmp_path, geo_env):
    work = tmp_path / 'a' / 'b'
    work.mkdir(parents=True)
    src = work / 'docs.jsonl'
    src.write_text(''.join(json.dumps({'id': i, 'text': EN}) + '\n' for i in EVIL_IDS if '\x00' not in i),
                   encoding='utf-8')
    p = geo(['batch', src, '-o', work / 'out', '--workers', '1'], geo_env)
    assert p.returncode == 0, p.stderr
    assert sorted(x.name for x in tmp_path.iterdir()) == ['a'] and sorted(x.name for x in work.parent.iterdir()) == ['b']
    assert sorted(x.name for x in (work / 'out').iterdir()) == ['.geo-batch', 'errors.jsonl', 'map.html', 'map.png',
                                                                'places.csv', 'places.geojson', 'places.jsonl']
    ids = [json.loads(l)['id'] for l in (work / 'out' / 'places.jsonl').read_text(encoding='utf-8').split('\n') if l]
    assert len(ids) == len([i for i in EVIL_IDS if '\x00' not in i]) and ids[:2] == ['../../x', '/etc/x']


@pytest.mark.parametrize('args', [['--dpi', '0'], ['--dpi', '-5'], ['--formats', ''], ['--formats', 'png,exe'],
                                  ['--size', '0x0'], ['--bias-bbox', 'nan,nan,nan,nan'], ['--bias-bbox', '1,2,3'],
                                  ['--min-confidence', 'nan']], ids=lambda a: ' '.join(a) or 'empty')
def test_bad_map_options_are_one_line(tmp_path, geo_env, args):
    src = tmp_path / 'note.txt'
    src.write_text(EN, encoding='utf-8')
    refused(geo(['map', src, '-o', tmp_path / 'out', *args], geo_env), args[0])
    assert not (tmp_path / 'out').exists() or not any((tmp_path / 'out').iterdir())


def test_file_and_folder_names_that_are_not_utf8(tmp_path, geo_env):
    """Names made of bytes that are not UTF-8 (an archive unpacked from an old system): the id
    shows those bytes as escapes, and every writer copes."""
    import os

    base = os.fsencode(tmp_path)
    folder = os.fsdecode(base + b'/docs-\xff')
    os.mkdir(folder)
    doc = Path(os.fsdecode(base + b'/docs-\xff/report-\xe9\xfe.txt'))
    doc.write_text(EN, encoding='utf-8')
    (rec,) = records(geo(['parse', doc], geo_env))
    assert rec['id'] == 'report-\\xe9\\xfe' and set(EN_PLACES) <= set(surfaces(rec))
    out = tmp_path / 'maps'
    p = geo(['map', doc, '-o', out, '--formats', 'geojson,html,csv'], geo_env)
    assert p.returncode == 0, p.stderr
    gj = json.loads(next(out.glob('*.geojson')).read_text(encoding='utf-8'))
    assert gj['features'] and all(f['properties'].get('document', 'report-\\xe9\\xfe') == 'report-\\xe9\\xfe'
                                  for f in gj['features'])
    out2 = Path(os.fsdecode(base + b'/out-\xff'))
    for resume in ([], ['--resume']):
        p = geo(['batch', folder, '-o', out2, '--workers', '1', *resume], geo_env)
        assert p.returncode == 0, p.stderr
    assert [json.loads(l)['id'] for l in (out2 / 'places.jsonl').read_text(encoding='utf-8').split('\n') if l] == \
        ['report-\\xe9\\xfe']


def test_a_device_that_never_ends_is_refused(geo_env):
    if not Path('/dev/zero').exists():
        pytest.skip('no /dev/zero here')
    assert 'more than the 200 MB' in refused(geo(['parse', '/dev/zero'], geo_env), '/dev/zero')


def test_a_pipe_is_read(geo_env):
    p = subprocess.run(GEO + ['parse', '/dev/stdin'], input=EN, capture_output=True, text=True, env=geo_env,
                       timeout=300)
    assert p.returncode == 0, p.stderr
    (rec,) = records(p)
    assert set(EN_PLACES) <= set(surfaces(rec))


def test_an_overlong_jsonl_line_is_an_error_for_that_line_only(tmp_path, monkeypatch):
    """A line longer than the limit (200 MB; here lowered to 1000 bytes) is not kept in memory:
    it is an error record, and the lines after it carry on with their own numbers."""
    import geo.inputs as inputs

    monkeypatch.setattr(inputs.records, 'MAX_BYTES', 1000)
    src = _jsonl(tmp_path / 'long.jsonl', [json.dumps({'id': 'a', 'text': EN}).encode(),
                                            json.dumps({'id': 'b', 'text': 'x ' * 3000}).encode(),
                                            json.dumps({'id': 'c', 'text': AR}).encode()])
    items = list(inputs.iter_jsonl(src))
    assert [(i.id, i.ok) for i in items] == [('a', True), ('long:2', False), ('c', True)]
    assert items[1].error == f'{src}:2: the line is longer than 0 MB'
