"""One GeoJSON schema for one document and for many: `geo map --formats geojson` and `geo batch`
(places.geojson) write the same features, made by geo.export.geojson, and the CSV row is the
feature flattened.  Real commands on the fixture index."""
import json
import subprocess
import sys

GEO = [sys.executable, '-m', 'geo.cli']
TEXTS = {
    # an approximate place (a neighbourhood at its city), a place with alternatives, one named twice
    'dez': 'قصفت الطائرات حي الجبيلة في مدينة دير الزور وبلدة الميادين في سوريا. ثم وصل الوفد إلى حلب.',
    'convoy': 'Aid convoys reached Mosul and Erbil in Iraq on Monday. Later Mosul was quiet, and Paris too.',
}
META = {'dez': {'date': '2024-03-01', 'title': 'غارات على دير الزور', 'url': 'https://example.org/dez'},
        'convoy': {'date': '2024-03-02'}}                      # only a date: no empty title or url
PLACE_KEYS = ['id', 'name', 'name_ar', 'type', 'country', 'admin1', 'confidence', 'approximate', 'uncertainty_km',
              'geonameid', 'population', 'document']
DOC_KEYS = ['mention_count', 'mentions', 'alternatives']


def geo(args, env):
    p = subprocess.run(GEO + [str(a) for a in args], capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr
    return p


def features(path) -> list[dict]:
    data = json.loads(path.read_text(encoding='utf-8'))
    assert data['type'] == 'FeatureCollection' and 'GeoNames' in data['credits']
    return data['features']


def without_document_meta(feats: list[dict]) -> list[dict]:
    return [{**f, 'properties': {k: v for k, v in f['properties'].items() if k not in ('date', 'title', 'url')}}
            for f in feats]


def test_geo_map_and_geo_batch_write_the_same_features(tmp_path, geo_env):
    src = tmp_path / 'corpus.jsonl'
    src.write_text(''.join(json.dumps({'id': i, 'text': t, **META[i]}, ensure_ascii=False) + '\n'
                           for i, t in TEXTS.items()), encoding='utf-8')
    geo(['batch', src, '-o', tmp_path / 'batch', '--workers', '1', '--no-maps'], geo_env)
    batch = features(tmp_path / 'batch' / 'places.geojson')
    for doc_id, text in TEXTS.items():
        (tmp_path / f'{doc_id}.txt').write_text(text, encoding='utf-8')
        geo(['map', tmp_path / f'{doc_id}.txt', '-o', tmp_path / 'map', '--formats', 'geojson'], geo_env)
        one = features(tmp_path / 'map' / f'{doc_id}.geojson')
        mine = [f for f in batch if f['properties']['document'] == doc_id]
        assert len(one) >= 4 and without_document_meta(mine) == one
        for f in mine:
            assert list(f['properties']) == PLACE_KEYS + list(META[doc_id]) + DOC_KEYS
            assert {k: f['properties'][k] for k in META[doc_id]} == META[doc_id]
    dez = {f['properties']['name']: f['properties'] for f in batch if f['properties']['document'] == 'dez'}
    assert dez['الجبيلة']['approximate'] and dez['الجبيلة']['uncertainty_km'] > 0
    assert dez['Deir ez-Zor']['alternatives'][0]['id']
    mosul = [f['properties'] for f in batch if f['properties']['name'] == 'Mosul'][0]
    assert mosul['mention_count'] == 2 and [m['text'] for m in mosul['mentions']] == ['Mosul', 'Mosul']
    assert mosul['mentions'][0]['sentence'] == 'Aid convoys reached Mosul and Erbil in Iraq on Monday.'

    # a one-document JSONL mapped with `geo map` carries the document's date, title and url too
    one_doc = tmp_path / 'dez.jsonl'
    one_doc.write_text(src.read_text(encoding='utf-8').splitlines()[0] + '\n', encoding='utf-8')
    geo(['map', one_doc, '-o', tmp_path / 'map-jsonl', '--formats', 'geojson'], geo_env)
    assert features(tmp_path / 'map-jsonl' / 'dez.geojson') == [f for f in batch if f['properties']['document'] == 'dez']


def test_the_csv_row_is_the_feature_flattened(geoparser):
    from geo.export.csv import COLUMNS, row, rows
    from geo.export.geojson import features as make_features

    r = geoparser.parse(TEXTS['convoy'], 'convoy')
    feats = make_features(r, {'title': '=HYPERLINK("x")', 'offsets': 'html-text'})
    assert [f['properties']['name'] for f in feats] == [p.name for p in r.places]
    assert 'date' not in feats[0]['properties'] and 'offsets' not in feats[0]['properties']
    flat = [row(f) for f in feats]
    assert flat == rows(r, {'title': '=HYPERLINK("x")'})
    k = [f['properties']['name'] for f in feats].index('Mosul')
    mosul = flat[k]
    assert list(mosul) == list(COLUMNS)
    assert (mosul['place_id'], mosul['date'], mosul['title']) == (feats[k]['properties']['id'], '', '=HYPERLINK("x")')
    assert (mosul['mentions'], mosul['mention_count'], mosul['first_start']) == ('Mosul', 2, 20)
    assert [mosul['lon'], mosul['lat']] == feats[k]['geometry']['coordinates']


def test_the_writer_streams_one_collection(geoparser):
    import io

    from geo.export.geojson import Writer, dumps, features as make_features

    results = [geoparser.parse(t, i) for i, t in TEXTS.items()]
    buf = io.StringIO()
    w = Writer(buf)
    for r in results:
        w.write(make_features(r))
    w.close()
    assert buf.getvalue() == dumps(results)
    assert len(json.loads(buf.getvalue())['features']) == sum(len(r.places) for r in results)
    empty = json.loads(dumps([]))
    assert empty['features'] == [] and empty['type'] == 'FeatureCollection'


def test_the_readme_lists_every_property(geoparser):
    import re
    from pathlib import Path

    from geo.export.geojson import features as make_features

    readme = (Path(__file__).resolve().parents[1] / 'README.md').read_text(encoding='utf-8')
    section = readme.split('## The GeoJSON schema', 1)[1].split('\n## ', 1)[0]
    listed = {name for line in section.splitlines() if line.startswith('| `')
              for name in re.findall(r'`(\w+)`', line.split(' | ')[0])}
    r = geoparser.parse(TEXTS['dez'], 'dez')
    written = {k for f in make_features(r, META['dez']) for k in f['properties']}
    assert listed == written
