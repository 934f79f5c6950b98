"""A name the text puts inside a named place (منطقة X في بريطانيا، مطار X بولاية Y) when the
gazetteer knows the name only elsewhere, or not at all: the place inside the parent that bears the
same name in another language, or a spelling one long vowel apart.  A real index built from our
own rows."""
import pytest

from doc_helpers import geoparser_of

ROWS = '''id,name,names,lat,lon,type,country,parent,population
gb,United Kingdom,بريطانيا,54.0,-2.5,country,GB,,67000000
fr,France,فرنسا,46.6,2.4,country,FR,,67000000
us,United States,الولايات المتحدة,39.8,-98.6,country,US,,330000000
cr,Costa Rica,كوستاريكا,9.9,-84.0,country,CR,,5000000
ca,California,كاليفورنيا,37.1,-119.3,admin1,US,United States,39000000
tx,Texas,تكساس,31.0,-99.0,admin1,US,United States,29000000
sal,Salisbury,سالزبري,51.07,-1.79,town,GB,United Kingdom,45000
sjcr,San José,سان خوسه,9.93,-84.08,city,CR,Costa Rica,340000
sjus,San Jose,سان هوزيه,37.34,-121.89,city,US,California,1000000
sjc,San Jose International Airport,,37.36,-121.93,airport,US,California,0
rye,Rye,راي,50.95,0.73,town,GB,United Kingdom,4000
'''


@pytest.fixture(scope='module')
def gp(tmp_path_factory):
    return geoparser_of(tmp_path_factory.mktemp('named-inside'), ROWS)


def placed(gp, text):
    r = gp.parse(text)
    return {m.surface: r.places[m.place] for m in r.mentions if m.place is not None}


def test_a_spelling_one_long_vowel_apart_inside_the_named_country(gp):
    p = placed(gp, 'عثرت الشرطة على المادة في منطقة سالزبيري في بريطانيا أمس')['سالزبيري']
    assert (p.name, p.approximate) == ('Salisbury', False)


def test_not_outside_the_named_country(gp):
    p = placed(gp, 'عثرت الشرطة على المادة في منطقة سالزبيري في فرنسا أمس')['سالزبيري']
    assert p.approximate and p.country == 'FR'     # near France, as before: no Salisbury there


def test_the_same_name_in_another_language_inside_the_named_unit(gp):
    p = placed(gp, 'واعتقل في مطار سان خوسه بولاية كاليفورنيا الأسبوع الماضي')['مطار سان خوسه']
    assert (p.type, p.name) == ('airport', 'San Jose International Airport')


def test_a_unit_without_that_name_keeps_the_approximate_place(gp):
    p = placed(gp, 'واعتقل في مطار سان خوسه بولاية تكساس الأسبوع الماضي')['مطار سان خوسه']
    assert p.approximate and p.country == 'US' and abs(p.lat - 31.0) < 0.01


def test_a_facility_is_placed_at_the_place_found_under_its_own_name(gp):
    p = placed(gp, 'نقل السجين إلى سجن سالزبيري في بريطانيا')['سجن سالزبيري']
    assert p.approximate and p.name == 'سجن سالزبيري' and (round(p.lat, 2), round(p.lon, 2)) == (51.07, -1.79)


def test_the_name_met_again_is_the_same_place(gp):
    got = gp.parse('في منطقة سالزبيري في بريطانيا وقع الحادث. وعادت الشرطة إلى منطقة سالزبيري اليوم')
    names = [got.places[m.place].name for m in got.mentions if m.surface == 'سالزبيري']
    assert names == ['Salisbury', 'Salisbury']
