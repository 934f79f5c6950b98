"""The next word of a name already begun may differ from the index's by a long vowel (و / ي) put
in or left out inside the word; never at its edges, never by another letter."""
import pytest

from doc_helpers import geoparser_of, surfaces

from geo.recognize.vowel_variants import skeleton, vowel_variant, with_more_vowels

PLACES = """id,name,names,lat,lon,type,country,parent,population
la,Los Angeles,لوس انجلوس,34.05,-118.24,city,US,,3900000
fc,Fort Collins,فورت كولنز,40.59,-105.08,city,US,,170000
aa,Ann Arbor,ان اربر,42.28,-83.74,city,US,,120000
nb,Nushabad,نوش اباد,34.08,51.44,city,IR,,11000
"""


@pytest.fixture(scope='module')
def geoparser(tmp_path_factory):
    return geoparser_of(tmp_path_factory.mktemp('vowels'), PLACES)


def test_a_vowel_put_in_or_left_out_inside_the_word():
    assert skeleton('انجلوس') == skeleton('انجلس') == 'انجلس'
    assert with_more_vowels('انجلس', 'انجلوس') and not with_more_vowels('انجلوس', 'انجلس')
    assert not with_more_vowels('اربر', 'ياربر')       # at the start: a consonant
    assert not with_more_vowels('اباد', 'ابادي')       # at the end: a nisba
    assert not with_more_vowels('انجلس', 'انجلاس')     # an alef is not a long vowel we add
    assert not with_more_vowels('كولنز', 'كولنس')      # a changed letter
    assert vowel_variant('انجلس', frozenset({'انجلوس', 'تكس'})) == 'انجلوس'
    assert vowel_variant('كولينز', frozenset({'كولنز'})) == 'كولنز'
    assert vowel_variant('انجلس', frozenset({'انجلوس', 'انجليس'})) is None   # two as near: neither
    assert vowel_variant('انجيلوس', frozenset({'انجلوس', 'انجلس'})) == 'انجلوس'  # the nearest


def test_the_name_is_found_in_either_spelling(geoparser):
    assert surfaces(geoparser, 'وصل الوفد إلى لوس انجلس أمس') == ['لوس انجلس']
    assert surfaces(geoparser, 'وصل الوفد إلى لوس أنجلوس أمس') == ['لوس أنجلوس']
    assert surfaces(geoparser, 'افتتح المعرض في فورت كولينز أمس') == ['فورت كولينز']


def test_edges_of_a_word_are_not_read_as_vowels(geoparser):
    assert surfaces(geoparser, 'وقالت الشرطة أن ياربر رفض الامتثال') == []           # a man named Yarber
    assert surfaces(geoparser, 'وقال مدير الشركة شاهرخ نوش آبادي إن الرحلات بدأت') == []


def test_one_vowel_apart_adds_or_drops_one_long_vowel_inside_the_word():
    from geo.recognize.vowel_variants import one_vowel_apart
    got = one_vowel_apart('سالزبيري')
    assert 'سالزبري' in got and 'سالزبييري' in got
    assert all(w[0] == 'س' and w[-1] == 'ي' and abs(len(w) - 8) == 1 for w in got)
    assert one_vowel_apart('حلب') == []          # too short to vary
    assert one_vowel_apart('الحكومه') == []      # too common a word (keys are folded: ة is ه)
