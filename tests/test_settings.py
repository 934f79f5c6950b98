"""ParseSettings: checked when made, with the messages the CLI prints; the one way to open a
Geoparser from them."""
import pytest

from geo.errors import InputError
from geo.settings import ParseSettings, open_geoparser


@pytest.mark.parametrize('kw, message', [
    ({'min_confidence': 1.5}, '--min-confidence 1.5: give a number between 0 and 1'),
    ({'min_confidence': float('nan')}, '--min-confidence nan: give a number between 0 and 1'),
    ({'bias_bbox': '1,2,3'}, "--bias-bbox '1,2,3': give W,S,E,N in degrees"),
    ({'bias_bbox': 'nan,nan,nan,nan'}, "--bias-bbox 'nan,nan,nan,nan': give W,S,E,N in degrees"),
    ({'bias_bbox': '0,95,1,96'}, "--bias-bbox '0,95,1,96': give W,S,E,N in degrees"),
    ({'bias_bbox': 'west,south,east,north'}, "--bias-bbox 'west,south,east,north': give W,S,E,N in degrees"),
])
def test_bad_settings_are_refused_naming_the_flag(kw, message):
    with pytest.raises(InputError) as e:
        ParseSettings(**kw)
    assert str(e.value) == message


@pytest.mark.parametrize('code', ['XX', 'ZZ', 'Syria', 'UK', 'S'])
def test_an_unknown_bias_country_is_refused_with_where_to_find_the_codes(code):
    with pytest.raises(InputError) as e:
        ParseSettings(bias_country=code)
    (line,) = str(e.value).splitlines()
    assert line.startswith(f'--bias-country {code}: is not an ISO 3166-1 country code, such as SY, IQ, TR')
    assert 'https://www.geonames.org/countries/' in line


def test_every_country_the_package_knows_is_a_bias_country():
    from gazetteer.sources.geonames_cities import load_countries

    for code in ('SY', 'iq', ' tr ', 'PS', 'XK'):
        assert ParseSettings(bias_country=code).bias_country == code.strip().upper()
    assert all(ParseSettings(bias_country=c).bias_country == c for c in load_countries())


def test_settings_are_normalised_and_frozen():
    s = ParseSettings(gazetteers=['a.csv'], bias_bbox=' 35, 32,43,38', bias_country='sy')
    assert s.gazetteers == ('a.csv',) and s.bias_bbox == (35.0, 32.0, 43.0, 38.0) and s.bias_country == 'SY'
    assert ParseSettings(bias_bbox=s.bias_bbox) == ParseSettings(bias_bbox='35,32,43,38')
    assert ParseSettings(bias_bbox='', bias_country='').bias_bbox is None
    with pytest.raises(AttributeError):
        s.fuzzy = False


def test_open_geoparser_uses_every_setting(tiny_index):
    gp = open_geoparser(ParseSettings(min_confidence=0.5, bias_country='iq', bias_bbox='-92,37,-87,43',
                                      demonyms=True, fuzzy=False), index=tiny_index)
    assert (gp.index, gp.min_confidence, gp.bias_country, gp.bias_bbox, gp.demonyms, gp.fuzzy) == \
        (tiny_index, 0.5, 'IQ', (-92.0, 37.0, -87.0, 43.0), True, False)
    text = 'Storm damage was reported in Springfield. Shelling hit Aleppp in Syria.'
    assert [m.surface for m in gp.parse(text).mentions] == ['Springfield', 'Syria']
