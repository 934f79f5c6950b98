"""CSV export: one row per place per document, Arabic readable by spreadsheets, no formulas."""
import csv
import io


def test_rows_and_file(geoparser, tmp_path):
    from geo.export.csv import COLUMNS, rows, write

    r = geoparser.parse('Fighting in Mosul. Later, Mosul was quiet; Erbil too, and Aleppo in Syria.', 'doc-1')
    got = rows(r, {'date': '2024-01-02', 'title': 'عنوان'})
    assert len(got) == len(r.places) >= 3
    dez = [x for x in got if x['name'] == 'Mosul'][0]
    assert dez['mention_count'] == 2 and dez['document'] == 'doc-1' and dez['date'] == '2024-01-02'
    assert dez['mentions'] == 'Mosul' and dez['first_start'] == 12
    assert list(dez) == list(COLUMNS)
    path = write([r], tmp_path / 'out.csv', metas=[{'title': 'عنوان'}])
    raw = path.read_bytes()
    assert raw.startswith(b'\xef\xbb\xbf')
    table = list(csv.DictReader(io.StringIO(raw.decode('utf-8-sig'), newline='')))
    assert [t['name'] for t in table] == [p.name for p in r.places]
    assert {t['document'] for t in table} == {'doc-1'} and table[0]['title'] == 'عنوان'


def test_spreadsheet_formulas_are_neutralised():
    from geo.export.csv import cell

    assert cell('title', '=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert cell('mentions', '@SUM(A1)') == "'@SUM(A1)"
    assert cell('lon', -3.5) == '-3.5'          # numbers stay numbers
    assert cell('approximate', True) == 'true' and cell('geonameid', None) == ''


def test_geo_map_writes_csv_and_gpkg(tmp_path, geo_env):
    import subprocess
    import sys

    doc = tmp_path / 'note.txt'
    doc.write_text('Aid reached Mosul and Erbil in Iraq.', encoding='utf-8')
    p = subprocess.run([sys.executable, '-m', 'geo.cli', 'map', str(doc), '-o', str(tmp_path / 'o'),
                        '--formats', 'csv,gpkg'], capture_output=True, text=True, env=geo_env, timeout=120)
    assert p.returncode == 0, p.stderr
    assert sorted(x.name for x in (tmp_path / 'o').iterdir()) == ['note.csv', 'note.gpkg']
