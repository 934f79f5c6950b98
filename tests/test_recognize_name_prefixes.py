"""The first word of a foreign name ("New", "San": نيو، سان) alone is no place, nor is the word after
it; the name written apart is found when the index holds it joined."""
import pytest

from doc_helpers import geoparser_of

PLACES = """id,name,names,lat,lon,type,country,parent,population
nu,Niue,نيو,-19.05,-169.87,country,NU,,2166
je,Jersey,جيرزي|جيرسي,49.22,-2.13,country,JE,,90812
nj,New Jersey,نيوجيرسي,40.07,-74.72,admin1,US,,9000000
nm,New Mexico,نيومكسيكو,34.52,-106.24,admin1,US,,2100000
mx,Mexico,مكسيكو|المكسيك,23.94,-102.51,country,MX,,128000000
sf,San Francisco,سان فرانسيسكو,37.77,-122.42,city,US,,870000
"""


@pytest.fixture(scope='module')
def geoparser(tmp_path_factory):
    return geoparser_of(tmp_path_factory.mktemp('prefixes'), PLACES)


@pytest.mark.parametrize('text,found', [
    ('اعتقل في ولاية نيو جيرسي أمس', [('نيو جيرسي', 'New Jersey')]),         # apart here, joined in the index
    ('زار نيو مكسيكو الأسبوع الماضي', [('نيو مكسيكو', 'New Mexico')]),
    ('اعتقل في نيو جيرزي أمس', []),                                           # a spelling the index lacks: not Niue + Jersey
    ('اعتقل في ولاية نيو جيرزي أمس', []),                                     # nor with a cue word before it
    ('وصل الوفد إلى سان فرانسيسكو', [('سان فرانسيسكو', 'San Francisco')]),
    ('وصل الوفد إلى نيو.', [('نيو', 'Niue')]),                                # no word after it
    ('وصل الوفد إلى جيرزي أمس', [('جيرزي', 'Jersey')]),                       # no prefix before it
])
def test_name_prefixes(geoparser, text, found):
    r = geoparser.parse(text)
    assert [(m.surface, r.places[m.place].name if m.place is not None else None) for m in r.mentions] == found
