"""A team word that reads as a proclitic and a place: بروسيا is "in Russia" unless a city follows
(بروسيا دورتموند); باير is the club's word, never ب + Ayr."""
import pytest

from doc_helpers import geoparser_of, surfaces

PLACES = """id,name,names,lat,lon,type,country,parent,population
ru,Russia,روسيا,61.5,99.0,country,RU,,144000000
do,Dortmund,دورتموند,51.51,7.47,city,DE,,590000
ay,Ayr,اير,55.46,-4.63,city,GB,,46000
"""


@pytest.fixture(scope='module')
def geoparser(tmp_path_factory):
    return geoparser_of(tmp_path_factory.mktemp('teams'), PLACES)


@pytest.mark.parametrize('text,found', [
    ('وتقام البطولة بروسيا منتصف الشهر المقبل', ['روسيا']),            # in Russia
    ('وأعلن الاتحاد المرتبط بروسيا عقوبات جديدة', ['روسيا']),
    ('وفاز بروسيا دورتموند على ضيفه بهدفين', []),                       # the club
    ('وتعاقد باير مع المدافع الشاب', []),                                # ب + Ayr: the club's word
])
def test_team_word_with_a_proclitic(geoparser, text, found):
    assert surfaces(geoparser, text) == found
