"""Issue 8: hostile user gazetteer files given to the real `geo` command (`--gazetteer FILE` for a
run, `geo gazetteer add` for good).  A bad row is `FILE:LINE: what is wrong` on stderr and exit
code 2, every bad row listed once; a file in another encoding or layout is read right; places on
the antimeridian are kept, found and mapped.  The row-level messages of the reader itself are
tested in test_gazetteer_user.py, and so is `geo gazetteer add` leaving the index as it was;
here the whole command runs."""
from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

GEO = [sys.executable, '-m', 'geo.cli']
TEXT = 'Floods hit the village of Hatla and the town of Qaryat Nur near Deir ez-Zor.'


def geo(args, env, timeout=300):
    return subprocess.run(GEO + [str(a) for a in args], capture_output=True, text=True, env=env, timeout=timeout)


@pytest.fixture()
def doc(tmp_path) -> Path:
    f = tmp_path / 'report.txt'
    f.write_text(TEXT, encoding='utf-8')
    return f


def bad_rows(p: subprocess.CompletedProcess, path: Path) -> list[str]:
    """The stderr lines of a refused gazetteer: exit 2, no traceback, nothing on stdout, every
    line FILE:LINE: what."""
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert 'Traceback' not in p.stderr and p.stdout == ''
    lines = [l for l in p.stderr.splitlines() if l.strip()]
    assert lines
    for l in lines:
        assert l.startswith(f'{path}:'), l
    return lines


CASES = {
    # name: (file name, bytes, [(line, message fragment)])
    'latitude 200': ('p.csv', b'name,lat,lon\nHatla,200,40.183\n', [(2, 'latitude 200 is outside -90..90')]),
    'longitude -200': ('p.csv', b'name,lat,lon\nHatla,35.3,-200\n', [(2, 'longitude -200 is outside')]),
    'missing name': ('p.csv', 'name,names,lat,lon\n,حطلة,35.366,40.183\n'.encode(), [(2, 'the name is empty')]),
    'name of marks only': ('p.csv', 'name,lat,lon\n\u200f\u0640\u064e,35.366,40.183\n'.encode(),
                           [(2, 'has no letters or digits')]),
    'no name column': ('p.csv', b'title,lat,lon\nHatla,35.366,40.183\n', [(1, 'missing column(s) name')]),
    'duplicate ids': ('p.csv', b'id,name,lat,lon\nh,Hatla,35.366,40.183\nq,Qaryat Nur,35.2,40.3\nh,Hatlah,35.37,40.18\n',
                      [(4, 'duplicate id u:h (first on line 2)')]),
    'wrong delimiter in one row': ('p.csv', b'name,lat,lon,type\nHatla;35.366;40.183;village\n',
                                   [(2, 'the header uses commas, this row semicolons')]),
    'colon-separated header': ('p.csv', b'name:lat:lon\nHatla:35.366:40.183\n', [(1, 'the header is one field')]),
    'latitude as text': ('p.csv', b'name,lat,lon\nHatla,north,40.183\n', [(2, "latitude 'north' is not a number")]),
    'infinite longitude': ('p.csv', b'name,lat,lon\nHatla,35.3,inf\n', [(2, "longitude 'inf' is not a number")]),
    'several bad rows': ('p.csv', b'name,lat,lon\nGood,35,40\nBad,200,40\n,35,41\nAlso good,35,41.5\nWorse,35,x\n',
                         [(3, 'latitude'), (4, 'the name is empty'), (6, "longitude 'x'")]),
    'damaged utf-8': ('p.csv', 'name,names,lat,lon\nHatla,حطلة,35.366,40.183\n'.encode() + b'Qaryat\xff,,35.2,40.3\n',
                      [(3, 'invalid UTF-8')]),
    'binary file': ('p.csv', bytes(range(256)) * 8, [(None, 'binary data')]),
    'empty file': ('p.csv', b'', [(1, 'the file is empty')]),
    'header only': ('p.csv', b'name,lat,lon\n', [(None, 'no places in the file')]),
    'unclosed quote': ('p.csv', b'name,lat,lon\n"Hatla,35.366,40.183\nQaryat Nur,35.2,40.3\n',
                       [(2, 'a quoted field opened on this line is never closed')]),
    'geojson numbers as strings fields': (
        'p.geojson', json.dumps({'type': 'FeatureCollection', 'features': [
            {'type': 'Feature', 'geometry': {'type': 'Point', 'coordinates': [40.18, 35.37]},
             'properties': {'name': 7, 'id': 12, 'country': 963, 'type': 5}}]}).encode(),
        [(1, "unknown type '5'")]),
    'geojson latitude 200': (
        'p.geojson', b'{"type": "FeatureCollection", "features": [\n{"type": "Feature", "geometry": '
                     b'{"type": "Point", "coordinates": [40.18, 200]}, "properties": {"name": "Hatla"}}\n]}\n',
        [(2, 'latitude 200 is outside')]),
    'geojson nested too deeply': ('p.geojson', b'{"features": ' + b'[' * 100000 + b']' * 100000 + b'}',
                                  [(1, 'nested too deeply')]),
    'geojson not json': ('p.geojson', b'{"type": "FeatureCollection",\n "features": [}\n', [(2, 'not valid JSON')]),
    'geojson polygon': ('p.geojson', json.dumps({'type': 'FeatureCollection', 'features': [
        {'type': 'Feature', 'geometry': {'type': 'Polygon', 'coordinates': [[[40, 35], [41, 35], [41, 36], [40, 35]]]},
         'properties': {'name': 'Zone'}}]}).encode(), [(1, 'only Point geometries')]),
}


@pytest.mark.parametrize('case', CASES)
def test_bad_gazetteer_file_is_file_line_and_exit_2(tmp_path, geo_env, doc, case):
    name, data, expected = CASES[case]
    f = tmp_path / name
    f.write_bytes(data)
    lines = bad_rows(geo(['parse', '--gazetteer', f, doc], geo_env), f)
    assert len(lines) == len(expected), lines
    for l, (line, what) in zip(lines, expected):
        if line is not None:
            assert l.startswith(f'{f}:{line}: '), l
        assert what in l, l


def _found(p: subprocess.CompletedProcess) -> dict[str, tuple[float, float]]:
    assert p.returncode == 0, p.stderr
    (rec,) = [json.loads(l) for l in p.stdout.splitlines()]
    return {t['text']: (t['lat'], t['lon']) for t in rec['toponyms'] if t['resolved']}


GOOD_ROWS = [('Hatla', 'حطلة', '35.366', '40.183', 'village'), ('Qaryat Nur', 'قرية نور', '35.21', '40.31', 'town')]


@pytest.mark.parametrize('layout', ['semicolons', 'tabs', 'bars', 'bom-crlf', 'cr-only', 'utf-16-tabs', 'cp1256',
                                    'arabic-digits', 'decimal-commas-with-semicolons', 'quoted', 'extra-columns'])
def test_gazetteer_layouts_and_encodings_people_save(tmp_path, geo_env, doc, layout):
    """Spreadsheets save CSV in many ways: each is read to the same places."""
    rows = [('name', 'names', 'lat', 'lon', 'type')] + GOOD_ROWS
    sep, nl, enc, suffix = ',', '\n', 'utf-8', '.csv'
    if layout == 'semicolons':
        sep = ';'
    elif layout == 'tabs':
        sep, suffix = '\t', '.tsv'
    elif layout == 'bars':
        sep = '|'
        rows = [r[:1] + ('',) + r[2:] for r in rows]       # '|' also separates the variants: none here
        rows[0] = ('name', 'names', 'lat', 'lon', 'type')
    elif layout == 'bom-crlf':
        nl, enc = '\r\n', 'utf-8-sig'
    elif layout == 'cr-only':
        nl = '\r'
    elif layout == 'utf-16-tabs':                           # Excel's "Unicode text"
        sep, nl, enc, suffix = '\t', '\r\n', 'utf-16', '.txt'
    elif layout == 'cp1256':
        enc = 'cp1256'
    elif layout == 'arabic-digits':
        digits = str.maketrans('0123456789.', '٠١٢٣٤٥٦٧٨٩٫')
        rows = [rows[0]] + [(a, b, c.translate(digits), d.translate(digits), e) for a, b, c, d, e in GOOD_ROWS]
    elif layout == 'decimal-commas-with-semicolons':
        sep = ';'
        rows = [rows[0]] + [(a, b, c.replace('.', ','), d.replace('.', ','), e) for a, b, c, d, e in GOOD_ROWS]
    elif layout == 'quoted':
        rows = [rows[0]] + [tuple(f'"{x}"' for x in r) for r in GOOD_ROWS]
    elif layout == 'extra-columns':
        rows = [rows[0] + ('notes',)] + [r + ('"seen, twice"',) for r in GOOD_ROWS]
    text = nl.join(sep.join(r) for r in rows) + nl
    f = tmp_path / f'mine{suffix}'
    if suffix == '.txt':
        f = tmp_path / 'mine.csv'      # the suffix names the format; the bytes are UTF-16
    f.write_bytes(text.encode(enc))
    found = _found(geo(['parse', '--gazetteer', f, doc], geo_env))
    assert found['Hatla'] == (35.366, 40.183)
    assert found['Qaryat Nur'] == (35.21, 40.31)
    if layout == 'cp1256':
        ar = tmp_path / 'ar.txt'
        ar.write_text('غمرت المياه قرية حطلة صباح اليوم.', encoding='utf-8')
        assert _found(geo(['parse', '--gazetteer', f, ar], geo_env))['حطلة'] == (35.366, 40.183)


FIJI = ('name,lat,lon,type,country,population\n'
        'Labasa,-16.43,179.37,city,FJ,28000\n'          # west of the antimeridian
        'Waiyevo,-16.79,-179.98,town,FJ,5000\n'          # east of it, 75 km away
        'Taveuni East,-16.85,-180,place,FJ,\n'           # on it: -180 is stored as 180
        'Rotuma Point,-12.5,180,place,FJ,\n')


def test_places_on_the_antimeridian_are_kept_found_and_mapped(tmp_path, geo_env):
    g = tmp_path / 'fiji.csv'
    g.write_text(FIJI, encoding='utf-8')
    src = tmp_path / 'fiji.txt'
    src.write_text('Floods hit the town of Labasa and the village of Waiyevo in the north, and Taveuni East.',
                   encoding='utf-8')
    found = _found(geo(['parse', '--gazetteer', g, src], geo_env))
    assert found == {'Labasa': (-16.43, 179.37), 'Waiyevo': (-16.79, -179.98), 'Taveuni East': (-16.85, 180.0)}
    out = tmp_path / 'out'
    p = geo(['map', '--gazetteer', g, src, '-o', out, '--formats', 'html,png,geojson'], geo_env)
    assert p.returncode == 0, p.stderr
    feats = json.loads((out / 'fiji.geojson').read_text(encoding='utf-8'))['features']
    coords = sorted(tuple(f['geometry']['coordinates']) for f in feats)
    assert coords == [(-179.98, -16.79), (179.37, -16.43), (180.0, -16.85)]    # RFC 7946: -180..180
    assert (out / 'fiji.png').stat().st_size > 10000 and (out / 'fiji.html').stat().st_size > 10000


def test_a_gazetteer_device_that_never_ends_is_refused(geo_env, doc):
    if not Path('/dev/zero').exists():
        pytest.skip('no /dev/zero here')
    (line,) = bad_rows(geo(['parse', '--gazetteer', '/dev/zero', doc], geo_env), Path('/dev/zero'))
    assert 'more than 1024 MB' in line
