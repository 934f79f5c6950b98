"""مدينة ليون الفرنسية: an Arabic adjective right after a name gives its country, and the name's
candidates narrow to that country.  A real index built from our own rows, where the Nicaraguan
León outranks Lyon by population."""
import pytest

from doc_helpers import geoparser_of

ROWS = '''id,name,names,lat,lon,type,country,parent,population
fr,France,فرنسا,46.6,2.4,country,FR,,67000000
ni,Nicaragua,نيكاراغوا,12.9,-85.2,country,NI,,6000000
lyon,Lyon,ليون,45.75,4.85,city,FR,France,500000
leon,León,ليون,12.43,-86.88,city,NI,Nicaragua,600000
'''


@pytest.fixture(scope='module')
def gp(tmp_path_factory):
    return geoparser_of(tmp_path_factory.mktemp('country-hint'), ROWS)


def placed(gp, text):
    r = gp.parse(text)
    return [(m.surface, r.places[m.place].country) for m in r.mentions if m.place is not None]


def test_an_adjective_after_the_name_gives_its_country(gp):
    assert placed(gp, 'وصل الوفد إلى مدينة ليون الفرنسية أمس') == [('ليون', 'FR')]


def test_without_it_the_prior_decides(gp):
    assert placed(gp, 'وصل الوفد إلى مدينة ليون أمس') == [('ليون', 'NI')]


def test_an_adjective_of_a_country_with_no_candidate_changes_nothing(gp):
    assert placed(gp, 'وصل الوفد إلى مدينة ليون السورية أمس') == [('ليون', 'NI')]
