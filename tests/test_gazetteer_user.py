"""The user's own places: `geo gazetteer add`, per-run `--gazetteer FILE`, hostile gazetteer rows
(issue 8: FILE:LINE on stderr, exit 2, index untouched) and `geo gazetteer info`."""
import json

import pytest

from gazetteer.errors import GazetteerError
from gazetteer.sources.user import read_places
from gazetteer_helpers import FIXTURES, geo, listing, live_build, make_home

NEIGHBOURHOODS = FIXTURES / 'deir-ez-zor-neighbourhoods.csv'

HOSTILE = {
    # name: (file text, the line and message expected on stderr)
    'latitude 200': ('name,lat,lon,type\nHatla,200,40.183,village\n', '2: latitude 200 is outside -90..90'),
    'missing name': ('name,names,lat,lon\n,حطلة,35.366,40.183\n', '2: the name is empty'),
    'name without letters': ('name,lat,lon\n---,35.366,40.183\n', "2: the name '---' has no letters or digits"),
    'missing name column': ('names,lat,lon\nHatla,35.366,40.183\n', '1: missing column(s) name'),
    'duplicate ids': ('id,name,lat,lon\nh1,Hatla,35.366,40.183\nh1,Hatlah,35.37,40.18\n',
                      '3: duplicate id u:h1 (first on line 2)'),
    'duplicate rows': ('name,lat,lon\nHatla,35.366,40.183\nHatla,35.366,40.183\n',
                       '3: the same name and coordinates as line 2'),
    'wrong delimiter in rows': ('name,names,lat,lon,type\nHatla;حطلة;35.366;40.183;village\n',
                                '2: 1 field where the header has 5 (the header uses commas, this row semicolons)'),
    'unknown delimiter': ('name:lat:lon\nHatla:35.366:40.183\n', "1: the header is one field ('name:lat:lon')"),
    'decimal comma': ('name,lat,lon\nHatla,35,366,40,183\n', '2: 5 fields where the header has 3 (a decimal comma?'),
    'longitude past the antimeridian': ('name,lat,lon\nWaiyevo,-16.79,180.5\n', '2: longitude 180.5 is outside -180..180'),
    'empty latitude': ('name,lat,lon\nHatla,,40.183\n', '2: latitude is empty'),
    'nan': ('name,lat,lon\nHatla,nan,40.183\n', "2: latitude 'nan' is not a number"),
    'unknown type': ('name,lat,lon,type\nHatla,35.366,40.183,hamlet-ish\n', "2: unknown type 'hamlet-ish'"),
    'bad country': ('name,lat,lon,country\nHatla,35.366,40.183,Syria\n', "2: country 'SYRIA' is not an ISO 3166"),
    'unknown country': ('name,lat,lon,country\nHatla,35.366,40.183,SY\nCamp,35.3,40.1,zz\n',
                        "3: country 'ZZ' is not an ISO 3166-1 country code, such as SY, IQ, TR (the list: "
                        'https://www.geonames.org/countries/)'),
    'geojson line': ('{"type": "FeatureCollection", "features": [\n'
                     ' {"type": "Feature", "geometry": {"type": "Point", "coordinates": [40.18, 35.37]},\n'
                     '  "properties": {"name": "Hatla"}},\n'
                     ' {"type": "Feature", "geometry": {"type": "Point", "coordinates": [40.13, 95.0]},\n'
                     '  "properties": {"name": "Huwayqa"}}\n]}\n', '4: latitude 95 is outside -90..90'),
}


@pytest.mark.parametrize('case', HOSTILE)
def test_hostile_gazetteer_rows_name_file_and_line(tmp_path, case):
    text, expected = HOSTILE[case]
    f = tmp_path / ('places.geojson' if text.startswith('{') else 'places.csv')
    f.write_text(text, encoding='utf-8')
    with pytest.raises(GazetteerError) as e:
        read_places(f)
    assert str(e.value).splitlines()[0].startswith(f'{f}:{expected}')


def test_every_bad_row_is_listed_once(tmp_path):
    f = tmp_path / 'places.csv'
    f.write_text('name,lat,lon\nGood,35,40\nBad one,200,40\n,35,40\nAlso good,35,41\nBad two,35,-190\n',
                 encoding='utf-8')
    with pytest.raises(GazetteerError) as e:
        read_places(f)
    assert [line.split(':')[1] for line in str(e.value).splitlines()] == ['3', '4', '6']


@pytest.mark.parametrize('delimiter', [',', ';', '\t', '|'])
def test_doubled_quotes_are_read_as_one_quote(tmp_path, delimiter):
    """Standard CSV (what spreadsheets and Python's csv write): a quote inside a quoted field is
    doubled.  The header decides only the delimiter."""
    import csv

    f = tmp_path / 'camps.csv'
    with open(f, 'w', encoding='utf-8', newline='') as out:
        w = csv.writer(out, delimiter=delimiter)
        w.writerow(['name', 'names', 'lat', 'lon', 'type', 'country'])
        w.writerow(['Camp "Hope" North', 'Mukhayyam "Amal"|مخيم الأمل', '35.1', '40.2', 'camp', 'SY'])
        w.writerow(['Plain camp', '', '35.2', '40.3', 'camp', 'SY'])
    assert '"Camp ""Hope"" North"' in f.read_text(encoding='utf-8')
    hope, plain = read_places(f)
    assert hope.name == 'Camp "Hope" North'
    assert hope.names == ('Mukhayyam "Amal"', 'مخيم الأمل') and hope.name_ar == 'مخيم الأمل'
    assert (hope.lat, hope.lon, hope.type, hope.country) == (35.1, 40.2, 'camp', 'SY')
    assert plain.name == 'Plain camp'


def test_antimeridian_places_are_kept_and_found_across_it(tmp_path):
    from gazetteer.build import build
    from gazetteer.index import Index
    from gazetteer.sources.user import UserFile

    f = tmp_path / 'fiji.csv'
    # Taveuni (Fiji) lies across the 180th meridian; Waiyevo is on its west coast
    f.write_text('name,lat,lon,type,country\nWaiyevo,-16.79,-179.98,village,FJ\n'
                 'Taveuni east,-16.85,-180,place,FJ\nTaveuni west,-16.85,180,place,FJ\n', encoding='utf-8')
    places = read_places(f)
    assert [p.lon for p in places] == [-179.98, 180.0, 180.0]    # one value for the antimeridian
    build(tmp_path / 'index', sources=[UserFile(f)])
    ix = Index.open(tmp_path / 'index')
    near = ix.near(-16.80, 179.99, radius_km=10)                # east of the line, looking west
    assert [p.name for p, _ in near][:1] == ['Waiyevo'] and near[0][1] < 5


def test_add_stores_the_file_and_rebuilds(tmp_path):
    home = tmp_path / 'home'
    env = make_home(home)
    before = live_build(home)
    p = geo(['gazetteer', 'lookup', 'الصناعة', '--json'], env)
    assert all(r['match'] != 'exact' for r in json.loads(p.stdout))
    p = geo(['gazetteer', 'add', NEIGHBOURHOODS], env)
    assert p.returncode == 0, p.stderr
    assert 'deir-ez-zor-neighbourhoods.csv: 4 places' in p.stdout
    assert live_build(home) != before
    assert (home / 'user' / 'deir-ez-zor-neighbourhoods.csv').read_bytes() == NEIGHBOURHOODS.read_bytes()
    p = geo(['gazetteer', 'lookup', 'الصناعة', '--json'], env)
    top = json.loads(p.stdout)[0]
    assert (top['name'], top['type'], top['match']) == ('Al-Sinaa', 'neighbourhood', 'exact')
    # the base of the custom index is still there (a custom index stays custom)
    assert json.loads(geo(['gazetteer', 'lookup', 'Aleppo', '--json'], env).stdout)[0]['id'] == 'gn:170063'


@pytest.mark.parametrize('case', ['latitude 200', 'missing name', 'duplicate ids', 'wrong delimiter in rows'])
def test_add_bad_rows_exit_2_and_leave_everything_as_it_was(tmp_path, case):
    home = tmp_path / 'home'
    env = make_home(home)
    assert geo(['gazetteer', 'add', NEIGHBOURHOODS], env).returncode == 0
    before, stored = live_build(home), listing(home / 'user')
    bad = tmp_path / 'bad.csv'
    text, expected = HOSTILE[case]
    bad.write_text(text, encoding='utf-8')
    p = geo(['gazetteer', 'add', bad], env)
    assert p.returncode == 2
    assert 'Traceback' not in p.stderr
    assert p.stderr.splitlines()[0] == f'{bad}:{expected}' or p.stderr.startswith(f'{bad}:{expected}')
    assert live_build(home) == before
    assert listing(home / 'user') == stored


def test_add_missing_file_is_one_line(tmp_path):
    env = make_home(tmp_path / 'home')
    p = geo(['gazetteer', 'add', tmp_path / 'nope.csv'], env)
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1 and 'nope.csv' in p.stderr


def test_parse_places_the_neighbourhoods_of_a_per_run_gazetteer_within_5_km(tmp_path, geo_env):
    """The issue's test: `geo parse --gazetteer that.csv` places Deir ez-Zor neighbourhoods."""
    from gazetteer.geodesy import km

    doc = tmp_path / 'report.txt'
    doc.write_text('قصفت طائرات حربية صباح اليوم أحياء الحويقة والرصافة والصناعة في مدينة دير الزور، '
                   'فيما سقطت قذائف على قرية حطلة شرق المدينة.', encoding='utf-8')
    p = geo(['parse', doc, '--gazetteer', NEIGHBOURHOODS], geo_env)
    assert p.returncode == 0, p.stderr
    got = {t['text']: (t['lat'], t['lon']) for t in json.loads(p.stdout)['toponyms']}
    truth = {row.split(',')[0]: (float(row.split(',')[-5]), float(row.split(',')[-4]))
             for row in NEIGHBOURHOODS.read_text(encoding='utf-8').splitlines()[1:]}
    assert set(truth) == {'الحويقة', 'الرصافة', 'الصناعة', 'حطلة'}
    for name, (lat, lon) in truth.items():
        assert name in got, (name, got)
        assert km(lat, lon, *got[name]) <= 5.0, name


def test_info_lists_sources_counts_and_arabic_names(tmp_path):
    home = tmp_path / 'home'
    env = make_home(home)
    assert geo(['gazetteer', 'add', NEIGHBOURHOODS], env).returncode == 0
    p = geo(['gazetteer', 'info'], env)
    assert p.returncode == 0, p.stderr
    out = p.stdout
    assert '9 places' in out and 'places with an Arabic name: 9 (100.0%)' in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()
            if line.startswith(('user:base.csv', 'user:deir-ez-zor')) and len(line.split()) > 1}
    # new, merged, names, Arabic-script names, entries with an Arabic name
    assert rows['user:base.csv'] == ['5', '0', '13', '6', '5']
    assert rows['user:deir-ez-zor-neighbourhoods.csv'] == ['4', '0', '13', '4', '4']
    assert 'scripts: Latin 9, Arabic 4' in out
    assert 'deir-ez-zor-neighbourhoods.csv' in out.splitlines()[-1]


def test_add_is_undone_when_the_rebuild_fails(tmp_path):
    """A stored file edited by hand into a bad state makes the rebuild fail: the new file is taken
    back out, the index stays as it was, and the message names the broken stored file."""
    home = tmp_path / 'home'
    env = make_home(home)
    assert geo(['gazetteer', 'add', NEIGHBOURHOODS], env).returncode == 0
    stored = home / 'user' / 'deir-ez-zor-neighbourhoods.csv'
    stored.write_text(stored.read_text(encoding='utf-8').replace('35.345', '135.345'), encoding='utf-8')
    before, folder = live_build(home), listing(home / 'user')
    extra = tmp_path / 'extra.csv'
    extra.write_text('name,lat,lon,type\nAl Kasrah,35.567,39.920,town\n', encoding='utf-8')
    p = geo(['gazetteer', 'add', extra], env)
    assert p.returncode == 2
    *notice, last = p.stderr.splitlines()      # the rebuild said it started, then failed
    assert last.startswith(f'{stored}:2: latitude 135.345 is outside -90..90')
    assert [n.split(' (')[0] for n in notice] == ['building the place index']
    assert live_build(home) == before
    assert listing(home / 'user') == folder
