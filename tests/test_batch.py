"""geo batch: every input record ends up exactly once in places.jsonl or errors.jsonl, the rest
carry on, --resume redoes nothing, nothing is written outside DIR.  Real command, real index
(the fixture), real files."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

GEO = [sys.executable, '-m', 'geo.cli']

GOOD = [
    ('a1', 'قصفت الطائرات مدينة دير الزور وبلدة الميادين في سوريا.', '2024-03-01', 'غارات على دير الزور'),
    ('a2', 'وصل الوفد إلى حلب قادماً من أربيل في العراق.', '2024-03-02', 'وفد في حلب'),
    ('e1', 'Aid convoys reached Mosul and Erbil in Iraq on Monday.', '2024-03-02', 'Convoys'),
    ('e2', 'Talks in Geneva and Moscow on Syria ended without a deal.', '2024-03-05', '<script>alert(1)</script>'),
]


def run(args, env, **kw):
    return subprocess.run(GEO + [str(a) for a in args], capture_output=True, text=True, env=env, timeout=180, **kw)


def corpus(path: Path, hostile: bool = True) -> tuple[Path, int, int]:
    """A JSONL corpus: the good documents plus every kind of broken line.  Returns (path,
    records, errors)."""
    lines = [json.dumps({'id': i, 'text': t, 'date': d, 'title': ti}, ensure_ascii=False).encode() for i, t, d, ti in GOOD]
    errors = 0
    if hostile:
        lines += [
            b'{"id": "broken", "text": "no closing brace"',                   # broken JSON
            json.dumps({'id': 'notext', 'title': 'x'}).encode(),                # no text
            b'\xff\xfe\x00\x01\x02binary\x00\x00\x9c' * 4,                      # binary junk
            json.dumps({'id': 'nul', 'text': 'Mosul\x00\x00'}).encode(),        # binary content in the text
            json.dumps({'id': 'empty', 'text': '   '}).encode(),                # empty text
            json.dumps([1, 2, 3]).encode(),                                     # not an object
        ]
        errors = 6
        lines += [
            json.dumps({'id': ['x'], 'text': 'Erbil and Mosul'}).encode(),      # non-string id: line-number id
            json.dumps({'id': 7, 'text': 'Raqqa, Syria'}).encode(),            # number id
            json.dumps({'id': 'a1', 'text': 'Aleppo again'}).encode(),           # duplicate id
            json.dumps({'id': '../../escape', 'text': 'Mosul'}).encode(),        # ids that look like paths
            json.dumps({'id': '/etc/passwd', 'text': 'حلب'}, ensure_ascii=False).encode(),
        ]
    path.write_bytes(b'\n'.join(lines) + b'\n\n')
    return path, len(lines), errors


def batch(index, settings=None, **options):
    """A batch run through the API, every process opening its Geoparser on the fixture index."""
    from geo.batch import Options, run as run_batch
    from geo.settings import ParseSettings

    return run_batch(settings or ParseSettings(), Options(**options), index=index)


def read_jsonl(p: Path) -> list[dict]:
    # split on newlines only: a record may hold U+2028, which splitlines() would also split on
    return [json.loads(l) for l in p.read_text(encoding='utf-8').split('\n') if l]


def test_every_record_lands_once_and_errors_are_isolated(tmp_path, geo_env):
    src, records, errors = corpus(tmp_path / 'corpus.jsonl')
    out = tmp_path / 'work' / 'out'
    p = run(['batch', src, '-o', out, '--workers', '1'], geo_env)
    assert p.returncode == 2, p.stderr          # some records failed
    assert 'Traceback' not in p.stderr
    places, errs = read_jsonl(out / 'places.jsonl'), read_jsonl(out / 'errors.jsonl')
    assert len(places) + len(errs) == records
    assert len(errs) == errors
    for e in errs:
        assert e['error'] and e['line'] and e['where'].endswith(f':{e["line"]}')
    problem_lines = [l for l in p.stderr.splitlines() if 'corpus.jsonl:' in l]
    assert len(problem_lines) == errors      # one line per problem, no more
    ids = [r['id'] for r in places]
    assert ids[:4] == ['a1', 'a2', 'e1', 'e2']       # input order
    assert 'a1#13' in ids and '7' in ids and '../../escape' in ids and '/etc/passwd' in ids
    assert len(set(ids)) == len(ids)
    # the records are what `geo parse` prints for the same documents
    good = tmp_path / 'good.jsonl'
    corpus(good, hostile=False)
    parsed = run(['parse', good], geo_env)
    assert parsed.stdout.splitlines() == (out / 'places.jsonl').read_text(encoding='utf-8').splitlines()[:4]
    # nothing outside DIR; inside, only our files
    assert sorted(x.name for x in tmp_path.iterdir()) == ['corpus.jsonl', 'good.jsonl', 'work']
    assert sorted(x.name for x in (tmp_path / 'work').iterdir()) == ['out']
    assert sorted(x.name for x in out.iterdir()) == ['.geo-batch', 'errors.jsonl', 'map.html', 'map.png',
                                                     'places.csv', 'places.geojson', 'places.jsonl']
    assert not list(out.glob('.*.tmp')) and not list((out / '.geo-batch').glob('*.tmp'))


def test_csv_and_geojson_have_one_row_per_place_per_document(tmp_path, geo_env):
    import csv

    src, _, _ = corpus(tmp_path / 'corpus.jsonl', hostile=False)
    out = tmp_path / 'out'
    p = run(['batch', src, '-o', out, '--workers', '1', '--no-maps'], geo_env)
    assert p.returncode == 0, p.stderr
    expected = sum(len({t['id'] for t in r['toponyms'] if t['resolved']}) for r in read_jsonl(out / 'places.jsonl'))
    raw = (out / 'places.csv').read_bytes()
    assert raw.startswith(b'\xef\xbb\xbf')
    rows = list(csv.DictReader(raw.decode('utf-8-sig').splitlines()))
    assert len(rows) == expected > 6
    assert {r['document'] for r in rows} == {'a1', 'a2', 'e1', 'e2'}
    assert [r for r in rows if r['document'] == 'a1'][0]['date'] == '2024-03-01'
    gj = json.loads((out / 'places.geojson').read_text(encoding='utf-8'))
    assert gj['type'] == 'FeatureCollection' and len(gj['features']) == expected
    moscow = [f for f in gj['features'] if f['properties']['name'] == 'Moscow'][0]
    assert moscow['geometry']['coordinates'] == [37.616, 55.752]
    # the schema of `geo map` (geo.export.geojson): the place's id, nested mentions, the document's date and title
    props = moscow['properties']
    assert props['id'] == [r for r in rows if r['name'] == 'Moscow'][0]['place_id'] and 'place_id' not in props
    assert (props['document'], props['date'], props['title']) == ('e2', '2024-03-05', '<script>alert(1)</script>')
    assert 'url' not in props and props['mentions'][0]['text'] == 'Moscow' and props['alternatives'] == []
    assert not (out / 'map.html').exists()


def test_resume_redoes_nothing(tmp_path, geo_env):
    src, records, _ = corpus(tmp_path / 'corpus.jsonl')
    out = tmp_path / 'out'
    first = run(['batch', src, '-o', out, '--workers', '1'], geo_env)
    before = {n: (out / n).read_bytes() for n in ('places.jsonl', 'errors.jsonl', 'places.csv', 'places.geojson')}
    again = run(['batch', src, '-o', out, '--workers', '1', '--resume'], geo_env)
    assert again.returncode == first.returncode == 2
    assert 'parsed 0 now' in again.stderr and f'{records} were done already' in again.stderr
    assert 'corpus.jsonl:' not in again.stderr         # old errors are not reported again
    assert {n: (out / n).read_bytes() for n in before} == before


def test_resume_after_a_torn_journal_does_only_the_rest(tmp_path, tiny_index):
    from geo.batch.journal import Journal

    src, records, errors = corpus(tmp_path / 'corpus.jsonl')
    full = tmp_path / 'full'
    s = batch(tiny_index, input=src, output=full, workers=1, maps=False)
    assert (s.records, s.errors, s.parsed) == (records, errors, records - errors)
    # an interrupted run: the journal lost its last records and the last line is half-written
    part = tmp_path / 'part'
    batch(tiny_index, input=src, output=part, workers=1, maps=False)
    journal = part / '.geo-batch' / 'journal.jsonl'
    lines = journal.read_bytes().splitlines(keepends=True)
    kept = lines[:5]
    journal.write_bytes(b''.join(kept) + lines[5][:len(lines[5]) // 2])
    for n in ('places.jsonl', 'errors.jsonl', 'places.csv', 'places.geojson'):
        (part / n).unlink()
    s = batch(tiny_index, input=src, output=part, workers=1, maps=False, resume=True)
    assert s.skipped == 5
    assert s.parsed + len(s.new_errors) == records - 5
    for n in ('places.jsonl', 'errors.jsonl', 'places.csv', 'places.geojson'):
        assert (part / n).read_bytes() == (full / n).read_bytes(), n
    j = Journal.reopen(part / '.geo-batch')
    j.close()
    assert j.count == records


def test_resume_refuses_other_settings(tmp_path, geo_env):
    src, _, _ = corpus(tmp_path / 'corpus.jsonl', hostile=False)
    out = tmp_path / 'out'
    assert run(['batch', src, '-o', out, '--workers', '1', '--no-maps'], geo_env).returncode == 0
    p = run(['batch', src, '-o', out, '--workers', '1', '--no-maps', '--resume', '--min-confidence', '0.5'], geo_env)
    assert p.returncode == 2 and 'min_confidence' in p.stderr and 'Traceback' not in p.stderr
    p = run(['batch', src, '-o', out, '--workers', '1', '--no-maps', '--resume', '--no-fuzzy', '--bias-bbox', '0,0,1,1'],
            geo_env)
    assert p.returncode == 2 and '(bias_bbox, fuzzy differ)' in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1


OUTPUTS = ('places.jsonl', 'errors.jsonl', 'places.csv', 'places.geojson')


def outputs(folder: Path) -> dict:
    return {n: (folder / n).read_bytes() for n in OUTPUTS}


def test_resume_redoes_a_document_whose_text_changed_in_place(tmp_path, tiny_index):
    """--resume after one document was edited in place: that document is parsed again (its
    offsets fit the new text), the others are kept, and the outputs are those of a fresh run."""
    src, records, errors = corpus(tmp_path / 'corpus.jsonl')
    out = tmp_path / 'out'
    batch(tiny_index, input=src, output=out, workers=1, maps=False)
    old = read_jsonl(out / 'places.jsonl')
    lines = src.read_bytes().split(b'\n')
    edited = 'Before the talks, shelling was reported in Raqqa and then in Erbil.'
    assert json.loads(lines[2])['id'] == 'e1'
    lines[2] = json.dumps({'id': 'e1', 'text': edited, 'date': '2024-03-02', 'title': 'Convoys'}).encode()
    src.write_bytes(b'\n'.join(lines))
    s = batch(tiny_index, input=src, output=out, workers=1, maps=False, resume=True)
    assert (s.parsed, s.changed, s.skipped, s.records) == (1, 1, records - 1, records)
    new = read_jsonl(out / 'places.jsonl')
    e1 = next(r for r in new if r['id'] == 'e1')
    assert [t['text'] for t in e1['toponyms']] == ['Raqqa', 'Erbil']
    assert all(edited[t['start']:t['end']] == t['text'] for t in e1['toponyms'])
    assert [r for r in new if r['id'] != 'e1'] == [r for r in old if r['id'] != 'e1']
    fresh = tmp_path / 'fresh'
    batch(tiny_index, input=src, output=fresh, workers=1, maps=False)
    assert outputs(out) == outputs(fresh)
    again = batch(tiny_index, input=src, output=out, workers=1, maps=False, resume=True)
    assert (again.parsed, again.changed, again.skipped) == (0, 0, records)


def test_resume_redoes_swapped_records_and_forgets_removed_ones(tmp_path, tiny_index):
    src, records, _ = corpus(tmp_path / 'corpus.jsonl', hostile=False)
    out = tmp_path / 'out'
    batch(tiny_index, input=src, output=out, workers=1, maps=False)
    lines = [line for line in src.read_text(encoding='utf-8').splitlines() if line]
    src.write_text('\n'.join([lines[1], lines[0]] + lines[2:-1]) + '\n', encoding='utf-8')   # swapped, last gone
    s = batch(tiny_index, input=src, output=out, workers=1, maps=False, resume=True)
    assert (s.parsed, s.changed, s.skipped, s.dropped, s.records) == (2, 2, records - 3, 1, records - 1)
    fresh = tmp_path / 'fresh'
    batch(tiny_index, input=src, output=fresh, workers=1, maps=False)
    assert outputs(out) == outputs(fresh)
    s = batch(tiny_index, input=src, output=out, workers=1, maps=False, resume=True)   # the journal was compacted
    assert (s.parsed, s.skipped, s.dropped, s.records) == (0, records - 1, 0, records - 1)
    assert outputs(out) == outputs(fresh)


def test_resume_says_what_changed(tmp_path, geo_env):
    src, records, _ = corpus(tmp_path / 'corpus.jsonl', hostile=False)
    out = tmp_path / 'out'
    assert run(['batch', src, '-o', out, '--workers', '1', '--no-maps'], geo_env).returncode == 0
    lines = [line for line in src.read_text(encoding='utf-8').splitlines() if line]
    lines[0] = json.dumps({'id': 'a1', 'text': 'Shelling hit Raqqa.'})
    src.write_text('\n'.join(lines[:-1]) + '\n', encoding='utf-8')
    p = run(['batch', src, '-o', out, '--workers', '1', '--no-maps', '--resume'], geo_env)
    assert p.returncode == 0, p.stderr
    assert ('parsed 1 now' in p.stderr and f'{records - 2} were done already; 1 had changed since the last run; '
            '1 no longer in the input' in p.stderr), p.stderr


def test_resume_after_a_changed_input_record_that_was_an_error(tmp_path, tiny_index):
    src, records, errors = corpus(tmp_path / 'corpus.jsonl')
    out = tmp_path / 'out'
    batch(tiny_index, input=src, output=out, workers=1, maps=False)
    lines = src.read_bytes().split(b'\n')
    assert lines[4].startswith(b'{"id": "broken"')
    lines[4] = json.dumps({'id': 'broken', 'text': 'Fighting near Raqqa.'}).encode()    # fixed
    src.write_bytes(b'\n'.join(lines))
    s = batch(tiny_index, input=src, output=out, workers=1, maps=False, resume=True)
    assert (s.parsed, s.changed, s.errors, s.records) == (1, 1, errors - 1, records)
    assert 'broken' in [r['id'] for r in read_jsonl(out / 'places.jsonl')]
    assert 'broken' not in [e['id'] for e in read_jsonl(out / 'errors.jsonl')]


@pytest.mark.parametrize('old_format', [1, 2])
def test_resume_refuses_a_journal_of_another_format(tmp_path, geo_env, old_format):
    """A run.json written by a version whose journal lines differ (format 1 kept CSV rows, not
    GeoJSON features; format 2 had no fingerprints) cannot be continued: one clear line, and a
    fresh run works."""
    src, _, _ = corpus(tmp_path / 'corpus.jsonl', hostile=False)
    out = tmp_path / 'out'
    assert run(['batch', src, '-o', out, '--workers', '1', '--no-maps'], geo_env).returncode == 0
    run_file = out / '.geo-batch' / 'run.json'
    meta = json.loads(run_file.read_text(encoding='utf-8'))
    meta['settings']['format'] = old_format
    run_file.write_text(json.dumps(meta), encoding='utf-8')
    p = run(['batch', src, '-o', out, '--workers', '1', '--no-maps', '--resume'], geo_env)
    assert p.returncode == 2 and 'Traceback' not in p.stderr
    (line,) = p.stderr.strip().splitlines()
    assert f'journal format {old_format}' in line and 'drop --resume' in line
    assert run(['batch', src, '-o', out, '--workers', '1', '--no-maps'], geo_env).returncode == 0


def test_appended_input_resumes_with_only_the_new_documents(tmp_path, tiny_index):
    src, records, _ = corpus(tmp_path / 'corpus.jsonl', hostile=False)
    out = tmp_path / 'out'
    batch(tiny_index, input=src, output=out, workers=1, maps=False)
    with open(src, 'a', encoding='utf-8') as f:
        f.write(json.dumps({'id': 'new', 'text': 'Fighting near Raqqa.'}) + '\n')
    s = batch(tiny_index, input=src, output=out, workers=1, maps=False, resume=True)
    assert (s.skipped, s.parsed, s.records) == (records, 1, records + 1)
    assert read_jsonl(out / 'places.jsonl')[-1]['id'] == 'new'


def test_folder_and_csv_inputs(tmp_path, geo_env):
    import csv

    folder = tmp_path / 'docs'
    folder.mkdir()
    for i, t, _, _ in GOOD:
        (folder / f'{i}.txt').write_text(t, encoding='utf-8')
    (folder / 'bad.txt').write_bytes(bytes(range(256)) * 4)
    (folder / 'empty.txt').write_text('  \n', encoding='utf-8')
    (folder / 'notes.md').write_text('Mosul', encoding='utf-8')       # not a document: ignored
    out = tmp_path / 'out1'
    p = run(['batch', folder, '-o', out, '--workers', '1', '--no-maps'], geo_env)
    assert p.returncode == 2
    assert [r['id'] for r in read_jsonl(out / 'places.jsonl')] == ['a1', 'a2', 'e1', 'e2']
    assert sorted(e['id'] for e in read_jsonl(out / 'errors.jsonl')) == ['bad', 'empty']

    table = tmp_path / 'docs.csv'
    with open(table, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f)
        w.writerow(['id', 'date', 'title', 'text'])
        for i, t, d, ti in GOOD:
            w.writerow([i, d, ti, t])
        w.writerow(['blank', '2024-01-01', 'x', ''])
    out = tmp_path / 'out2'
    p = run(['batch', table, '-o', out, '--workers', '1'], geo_env)
    assert p.returncode == 2
    assert len(read_jsonl(out / 'places.jsonl')) == 4 and len(read_jsonl(out / 'errors.jsonl')) == 1
    assert 'type="date"' in (out / 'map.html').read_text(encoding='utf-8')


@pytest.mark.parametrize('case', ['missing', 'output-is-a-file', 'csv-without-text'])
def test_unusable_input_or_output_is_one_line_and_exit_2(tmp_path, geo_env, case):
    src, _, _ = corpus(tmp_path / 'corpus.jsonl', hostile=False)
    out = tmp_path / 'out'
    if case == 'missing':
        src = tmp_path / 'nope.jsonl'
    elif case == 'output-is-a-file':
        out.write_text('x')
    else:
        src = tmp_path / 'bad.csv'
        src.write_text('id,body\n1,Mosul\n', encoding='utf-8')
    p = run(['batch', src, '-o', out, '--workers', '1'], geo_env)
    assert p.returncode == 2
    assert 'Traceback' not in p.stderr
    assert len([l for l in p.stderr.splitlines() if l.strip()]) == 1


def test_two_worker_processes_give_the_same_outputs(tmp_path, tiny_index):
    src, records, _ = corpus(tmp_path / 'corpus.jsonl')
    one, two = tmp_path / 'one', tmp_path / 'two'
    batch(tiny_index, input=src, output=one, workers=1, maps=False)
    s = batch(tiny_index, input=src, output=two, workers=2, chunk=2, maps=False)
    assert s.records == records
    for n in ('places.jsonl', 'errors.jsonl', 'places.csv', 'places.geojson'):
        assert (one / n).read_bytes() == (two / n).read_bytes(), n


def test_workers_are_capped_at_the_documents_and_the_cores(tmp_path, tiny_index, geo_env):
    """--workers 200 on 4 documents starts no more processes than documents or cores, and says
    so once."""
    from geo.batch.engines import default_workers
    from geo.batch.runner import worker_count

    cores = default_workers()
    assert worker_count(200, 6) == min(6, cores) and worker_count(0, 1) == 1
    assert worker_count(0, None) == cores and worker_count(200, None, local=False) == 200
    assert worker_count(2, 0) == 1
    src, records, _ = corpus(tmp_path / 'corpus.jsonl', hostile=False)
    s = batch(tiny_index, input=src, output=tmp_path / 'api', workers=200, chunk=1, maps=False)
    assert s.workers == min(records, cores) and s.parsed == records
    p = run(['batch', src, '-o', tmp_path / 'cli', '--workers', '200', '--no-maps'], geo_env)
    assert p.returncode == 0, p.stderr
    capped = [line for line in p.stderr.splitlines() if '--workers 200' in line]
    assert len(capped) == 1 and f'using {min(records, cores)} ' in capped[0], p.stderr
    p = run(['batch', src, '-o', tmp_path / 'cli2', '--workers', '1', '--no-maps'], geo_env)
    assert '--workers' not in p.stderr


def test_formats_gpkg_holds_the_rows_of_the_csv(tmp_path, tiny_index, geo_env):
    """--formats gpkg writes places.gpkg: the CSV's rows (same columns, one point per place per
    document, EPSG:4326); only the formats asked for are written."""
    import csv

    import pyogrio

    from geo.export.csv import COLUMNS

    src, records, errors = corpus(tmp_path / 'corpus.jsonl')
    out = tmp_path / 'out'
    s = batch(tiny_index, input=src, output=out, workers=1, formats='csv,gpkg')
    assert sorted(p.name for p in s.written) == ['errors.jsonl', 'places.csv', 'places.gpkg', 'places.jsonl']
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith('.')) == sorted(p.name for p in s.written)
    with open(out / 'places.csv', encoding='utf-8-sig', newline='') as f:
        table = list(csv.DictReader(f))
    info = pyogrio.read_info(out / 'places.gpkg')
    assert info['features'] == len(table) > 0 and list(info['fields']) == list(COLUMNS)
    assert 'EPSG:4326' in info['crs'] and info['geometry_type'] == 'Point'
    frame = pyogrio.read_dataframe(out / 'places.gpkg')
    assert [(r['document'], r['place_id']) for r in table] == list(zip(frame['document'], frame['place_id']))
    assert all(abs(g.x - float(r['lon'])) < 1e-9 and abs(g.y - float(r['lat'])) < 1e-9
               for g, r in zip(frame.geometry, table))
    p = run(['batch', src, '-o', tmp_path / 'cli', '--workers', '1', '--formats', 'gpkg'], geo_env)
    assert p.returncode == 2 and (tmp_path / 'cli' / 'places.gpkg').exists()
    assert not (tmp_path / 'cli' / 'places.csv').exists() and not (tmp_path / 'cli' / 'map.html').exists()
    assert pyogrio.read_info(tmp_path / 'cli' / 'places.gpkg')['features'] == len(table)
    p = run(['batch', src, '-o', tmp_path / 'bad', '--formats', 'gpkg,kml'], geo_env)
    assert p.returncode == 2 and p.stderr.strip() == ('--formats: unknown format(s) kml; use csv, geojson, gpkg, html, '
                                                      'png (places.jsonl and errors.jsonl are always written)')


def test_lone_surrogates_and_odd_ids(tmp_path, tiny_index):
    src = tmp_path / 'odd.jsonl'
    src.write_text('\n'.join([
        '{"id": "ok\\udc80", "text": "Fighting near Mosul.", "title": "t\\ud800"}',   # lone surrogates in id and title
        '{"id": "bad", "text": "Mosul \\ud800 again"}',                                # ... and in the text
        '{"id": "line\\nbreak\\u2028", "text": "Raqqa"}',
    ]) + '\n', encoding='utf-8')
    out = tmp_path / 'out'
    s = batch(tiny_index, input=src, output=out, workers=1)
    assert s.records == 3                  # nothing lost, nothing crashed
    places, errors = read_jsonl(out / 'places.jsonl'), read_jsonl(out / 'errors.jsonl')
    assert len(places) + len(errors) == 3
    ids = [r['id'] for r in places] + [e['id'] for e in errors]
    assert 'line\nbreak\u2028' in ids
    for i in ids:
        i.encode('utf-8')                  # every id was written as valid UTF-8
    # a lone surrogate in a text is read as U+FFFD (offsets unchanged), so the document is parsed
    assert errors == []
    bad = next(r for r in places if r['id'] == 'bad')
    assert [t['text'] for t in bad['toponyms']] == ['Mosul']


# Two places of one name (the Iraqi one larger, the Syrian one inside the box below), and a typo
# only the fuzzy matcher finds: what --gazetteer, --bias-bbox and --no-fuzzy change.
HOMONYMS = ('name,names,lat,lon,type,country,population\n'
            'Umm Hajar,,36.40,37.60,village,SY,2000\n'
            'Umm Hajar,,35.00,43.00,town,IQ,90000\n')
FLAG_DOCS = [('homonym', 'The convoy reached Umm Hajar on Monday.'), ('typo', 'Shelling hit Aleppp in Syria on Monday.')]


def test_parse_flags_reach_the_worker_processes(tmp_path, geo_env):
    """`geo batch` with two worker processes parses as `geo parse` does with the same flags, and
    the flags do change what both find."""
    own = tmp_path / 'homonyms.csv'
    own.write_text(HOMONYMS, encoding='utf-8')
    src = tmp_path / 'docs.jsonl'
    src.write_text(''.join(json.dumps({'id': i, 'text': t}) + '\n' for i, t in FLAG_DOCS), encoding='utf-8')

    def places(flags: list, out: Path) -> dict:
        flags = ['--gazetteer', own] + flags
        b = run(['batch', src, '-o', out, '--workers', '2', '--no-maps'] + flags, geo_env)
        p = run(['parse', src] + flags, geo_env)
        assert b.returncode == p.returncode == 0, b.stderr + p.stderr
        assert (out / 'places.jsonl').read_text(encoding='utf-8').splitlines() == p.stdout.splitlines()
        return {r['id']: [(t['text'], t['country']) for t in r['toponyms']] for r in read_jsonl(out / 'places.jsonl')}

    assert places([], tmp_path / 'plain') == {'homonym': [('Umm Hajar', 'IQ')],
                                              'typo': [('Aleppp', 'SY'), ('Syria', 'SY')]}
    assert places(['--bias-bbox', '36,35.5,39,37.5', '--no-fuzzy'], tmp_path / 'biased') == {
        'homonym': [('Umm Hajar', 'SY')], 'typo': [('Syria', 'SY')]}
