"""GeoNames dump files: reading (streamed, validated), importing into the user folder, merging
into the index by GeoNames id, and parsing a sentence with the result."""
import json

import numpy as np
import pytest

from gazetteer.errors import GazetteerError
from gazetteer.sources.geonames_files import DumpFile, classify
from gazetteer.sources.geonames_import import import_dumps
from gazetteer.sources.geonames_names import read_alternate_names
from gazetteer.sources.geonames_stored import NAMES_FILE, StoredDump
from gazetteer.sources.geonames_types import feature_type
from gazetteer_helpers import GEONAMES, FIXTURES, geo, listing, live_build, make_home, zipped


@pytest.mark.parametrize('fclass, fcode, pop, expected', [
    ('P', 'PPLX', 0, 'neighbourhood'), ('A', 'ADM1', 0, 'admin1'), ('A', 'ADM2', 0, 'admin2'),
    ('A', 'PCLI', 0, 'country'), ('S', 'AIRP', 0, 'airport'), ('S', 'AIRB', 0, 'airport'),
    ('L', 'OILF', 0, 'oilfield'), ('H', 'STM', 0, 'water'), ('H', 'LK', 0, 'water'), ('H', 'RSV', 0, 'water'),
    ('T', 'MT', 0, 'mountain'), ('T', 'MTS', 0, 'mountain'), ('T', 'HLL', 0, 'mountain'),
    ('S', 'CMP', 0, 'camp'), ('S', 'CMPRF', 0, 'camp'), ('P', 'PPLA', 271800, 'city'),
    ('P', 'PPL', 54534, 'town'), ('P', 'PPL', 0, 'village'), ('P', 'PPLC', 0, 'city'),
    ('T', 'ISL', 0, 'island'), ('L', 'CONT', 0, 'continent'), ('H', 'WLL', 0, 'water'), ('V', 'FRST', 0, 'place'),
])
def test_feature_codes_map_to_our_types(fclass, fcode, pop, expected):
    assert feature_type(fclass, fcode, pop) == expected


def test_files_are_told_apart_zipped_or_not(tmp_path):
    sy = classify(GEONAMES / 'SY.txt')
    assert (sy.kind, sy.member) == ('places', None)
    z = classify(zipped(GEONAMES / 'SY.txt', tmp_path, 'SY.zip'))
    assert (z.kind, z.member) == ('places', 'SY.txt')
    assert classify(zipped(GEONAMES / 'alternateNamesV2.txt', tmp_path)).kind == 'names'
    with pytest.raises(GazetteerError, match=r'base\.csv:1: 1 tab-separated fields'):
        classify(GEONAMES / 'base.csv')


def test_alternate_names_stream_keeps_only_wanted_ids():
    df = classify(GEONAMES / 'alternateNamesV2.txt')
    wanted = np.array([173480, 99000004], dtype=np.int64)
    got = list(read_alternate_names(df, wanted, batch=2))    # batches smaller than the file
    assert {(a.geonameid, a.lang, a.name) for a in got} == {
        (173480, 'en', 'Mayadeen'), (99000004, 'iata', 'DEZ'), (99000004, 'icao', 'OSDZ'),
        (99000004, 'en', 'Deir ez-Zor Air Base')}


def test_import_stores_places_and_names_for_known_ids_only(tmp_path):
    folder = tmp_path / 'user'
    staged = import_dumps([zipped(GEONAMES / 'SY.txt', tmp_path, 'SY.zip'),
                           zipped(GEONAMES / 'alternateNamesV2.txt', tmp_path)],
                          folder, known_ids=np.array([170063], dtype=np.int64))
    assert [k for k in listing(folder) if not k.startswith('.')] == []   # staged, not yet in place
    stored = staged.commit()
    staged.done()
    assert sorted(p.name for p in stored) == ['geonames-SY.jsonl', NAMES_FILE]
    places = {p.id: p for p in StoredDump(folder / 'geonames-SY.jsonl').places()}
    assert len(places) == 14
    hw = places['gn:99000001']
    assert (hw.type, hw.name_ar, hw.country, round(hw.lat, 3), round(hw.lon, 3)) == \
        ('neighbourhood', 'الحويقة', 'SY', 35.345, 40.128)
    assert places['gn:99000004'].codes == ('DEZ', 'OSDZ') and 'DEZ' not in places['gn:99000004'].names
    assert places['gn:170794'].seat == 2 and places['gn:173480'].seat == 1
    names = StoredDump(folder / NAMES_FILE)
    assert names.merge_only and names.header['languages'] == {'ar': 6, 'en': 3, 'de': 1}
    ids = {p.id for p in names.places()}
    # imported places and the index's Aleppo; not Paris nor Raqqa (neither imported nor known)
    assert 'gn:170063' in ids and 'gn:99000001' in ids
    assert not ids & {'gn:2988507', 'gn:163915'}
    assert 'wikipedia' not in (folder / NAMES_FILE).read_text(encoding='utf-8')


def test_index_from_geonames_files_and_a_custom_csv_parses_a_sentence(tmp_path):
    """The issue's test: a small hand-made GeoNames file with alternate names and a custom CSV,
    built into a real index, then a sentence parsed with it."""
    from gazetteer.build import build
    from gazetteer.geodesy import km
    from gazetteer.index import Index
    from gazetteer.sources.user import UserFile, stored_sources
    from geo.pipeline import Geoparser

    folder = tmp_path / 'user'
    staged = import_dumps([GEONAMES / 'SY.txt', GEONAMES / 'alternateNamesV2.txt'], folder,
                          known_ids=np.array([170063, 170654, 170794, 173480], dtype=np.int64))
    staged.commit()
    root = tmp_path / 'index'
    build(root, sources=[UserFile(GEONAMES / 'base.csv'), *stored_sources(folder)])
    index = Index.open(root)
    # one Deir ez-Zor: the dump's record merged into the base one (same gn: id), names united
    dez = index.exact('دير الزور')
    assert [m.place.id for m in dez if m.place.type == 'city'] == ['gn:170794']
    assert {'Dayr az Zawr', 'دير الزّور'} <= set(dez[0].place.names) or \
        {'Dayr az Zawr', 'دير الزّور'} <= set(index.by_id('gn:170794').names)
    assert index.by_id('gn:170063').names.count('حلب الشهباء') == 1        # alternate name of an index place
    assert [m.place.id for m in index.exact('Mayadeen')] == ['gn:173480']
    assert index.exact('Paris') == [] and index.exact('الرقة') == []
    assert [index.place(r).id for r, _ in index.code_rows('OSDZ')] == ['gn:99000004']

    gp = Geoparser(index=index, gazetteers=[FIXTURES / 'deir-ez-zor-neighbourhoods.csv'])
    text = 'قصفت طائرات حربية أحياء الحويقة والرصافة والصناعة في مدينة دير الزور، وسقطت قذائف قرب حقل العمر.'
    res = gp.parse(text, 'report', lang='ar')
    found = {text[m.start:m.end]: res.places[m.place] for m in res.mentions if m.place is not None}
    expect = {'الحويقة': (35.345, 40.128), 'الرصافة': (35.330, 40.146), 'الصناعة': (35.327, 40.156),
              'دير الزور': (35.336, 40.141), 'حقل العمر': (35.07, 40.55)}
    for surface, (lat, lon) in expect.items():
        hit = next((p for s, p in found.items() if surface in s), None)
        assert hit is not None, (surface, sorted(found))
        assert km(lat, lon, hit.lat, hit.lon) < 2.0, (surface, hit)


def test_cli_import_then_lookup(tmp_path):
    env = make_home(tmp_path / 'home')
    p = geo(['gazetteer', 'import', 'geonames', zipped(GEONAMES / 'SY.txt', tmp_path, 'SY.zip'),
             zipped(GEONAMES / 'alternateNamesV2.txt', tmp_path)], env)
    assert p.returncode == 0, p.stderr
    assert 'SY.zip: 14 places' in p.stdout
    p = geo(['gazetteer', 'lookup', 'حي الحويقة', '--json'], env)
    top = json.loads(p.stdout)[0]
    assert (top['id'], top['type'], top['geonameid']) == ('gn:99000001', 'neighbourhood', 99000001)
    p = geo(['gazetteer', 'lookup', 'Mayadeen', '--json'], env)   # a name from the alternate names
    assert json.loads(p.stdout)[0]['id'] == 'gn:173480'


BAD_LINES = {
    'latitude': ('35.33588', '200', 'latitude 200 is outside -90..90'),
    'columns': ('\tP\tPPLA\t', '\tP\t', '18 tab-separated fields where a GeoNames line has 19'),
    'empty name': ('\tDeir ez-Zor\tDeir ez-Zor\t', '\t\tDeir ez-Zor\t', 'the name is empty'),
}


@pytest.mark.parametrize('case', [*BAD_LINES, 'duplicate'])
def test_cli_import_bad_lines_exit_2_and_change_nothing(tmp_path, case):
    home = tmp_path / 'home'
    env = make_home(home)
    lines = (GEONAMES / 'SY.txt').read_text(encoding='utf-8').splitlines(keepends=True)
    if case == 'duplicate':
        lines.append(lines[2])
        bad_line, what = len(lines), 'duplicate geonameid 170794 (first on line 3)'
    else:
        old, new, what = BAD_LINES[case]
        lines[2] = lines[2].replace(old, new, 1)
        bad_line = 3
    bad = tmp_path / 'SY.txt'
    bad.write_text(''.join(lines), encoding='utf-8')
    before = live_build(home)
    p = geo(['gazetteer', 'import', 'geonames', bad, GEONAMES / 'alternateNamesV2.txt'], env)
    assert p.returncode == 2
    assert 'Traceback' not in p.stderr
    assert p.stderr.splitlines()[0].startswith(f'{bad}:{bad_line}: {what}')
    assert live_build(home) == before
    assert {k for k in listing(home / 'user') if not k.startswith('.')} == set()
    assert not [x for x in (home / 'user').iterdir() if x.name.endswith('.part')]


def test_cli_import_refuses_what_is_not_a_geonames_file(tmp_path):
    env = make_home(tmp_path / 'home')
    p = geo(['gazetteer', 'import', 'geonames', FIXTURES / 'deir-ez-zor-neighbourhoods.csv'], env)
    assert p.returncode == 2
    assert 'deir-ez-zor-neighbourhoods.csv:1:' in p.stderr and 'geo gazetteer add' in p.stderr


def test_dump_line_numbers_count_from_the_file_start(tmp_path):
    df = DumpFile(GEONAMES / 'SY.txt', None, 'places', 0)
    assert [no for no, _ in df.lines()][:3] == [1, 2, 3]
