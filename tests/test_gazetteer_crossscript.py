"""Arabic names found across scripts (gazetteer.crossscript, gazetteer.sources.crossscript_names):
a Latin-only unit gains the Arabic spelling that text uses, an ordinary word gains nothing, and
the big unit outranks a tiny namesake that has the Arabic name of its own."""
from pathlib import Path

import pytest

from gazetteer.crossscript import arabic_skeleton, latin_skeleton, similarity
from gazetteer.sources.crossscript_names import CrossScriptNames, derived

FIXTURE = Path(__file__).parent / 'fixtures' / 'latin-only-units.csv'
# (word, Zipf frequency) as wordfreq lists them: names of places and ordinary words
WORDS = [('قال', 6.0), ('كلاهما', 4.4), ('فلوريدا', 4.2), ('تكساس', 4.0), ('بافاريا', 3.2),
         ('أوكلاهوما', 3.3), ('وتكساس', 2.6), ('فيكتور', 4.4), ('قاتل', 4.0), ('يقاتلون', 4.0),
         ('العروق', 3.6), ('نيوزلندا', 3.0)]


def test_an_arabic_spelling_meets_the_latin_name_it_renders():
    for ar, latin in [('تكساس', 'Texas'), ('كاليفورنيا', 'California'), ('بافاريا', 'Bavaria'),
                      ('نيوجيرسي', 'New Jersey'), ('ميشيغان', 'Michigan')]:
        assert arabic_skeleton(ar) == latin_skeleton(latin), (ar, latin)
        assert similarity(ar, latin) >= 90, (ar, latin)


def test_a_name_and_an_ordinary_word_with_the_same_consonants_do_not_meet():
    # Oklahoma begins with a vowel, كلاهما ("both") does not; Victoria ends with one, فيكتور not
    assert similarity('كلاهما', 'Oklahoma') == 0
    assert similarity('فيكتور', 'Victoria') == 0
    assert similarity('حلب', 'Texas') == 0


def test_a_word_an_affix_makes_of_another_word_is_no_name():
    frequent = {'قاتل': 4.5, 'تكساس': 4.3, 'بريطانيا': 5.0, 'فرنسي': 4.8, 'فلوريد': 2.6, 'بافاري': 2.8}
    assert derived('يقاتلون', frequent)          # a verb form of قاتل
    assert derived('وتكساس', frequent)           # a clitic on a name
    assert derived('بريطاني', frequent)          # the adjective of a place
    assert derived('الفرنسية', frequent)         # a nisba adjective
    assert not derived('تكساس', frequent)
    # a name is no form of a rarer word (فلوريد "fluoride") nor of its own adjective (بافاري)
    assert not derived('فلوريدا', {**frequent, 'فلوريدا': 4.2})
    assert not derived('بافاريا', {**frequent, 'بافاريا': 3.1})


@pytest.fixture(scope='module')
def units_index(tmp_path_factory):
    from gazetteer.build import build
    from gazetteer.index import Index
    from gazetteer.sources.user import UserFile

    root = tmp_path_factory.mktemp('home') / 'index'
    build(root, sources=[UserFile(FIXTURE), CrossScriptNames(words=WORDS)])
    return Index.open(root)


def test_a_latin_only_unit_is_found_by_its_arabic_name(units_index):
    assert {m.place.id for m in units_index.exact('تكساس')} == {'u:us-tx'}
    assert {m.place.id for m in units_index.exact('بافاريا')} == {'u:de-by'}
    assert {m.place.id for m in units_index.exact('أوكلاهوما')} == {'u:us-ok'}
    assert {m.place.id for m in units_index.exact('فلوريدا')} == {'u:us-fl', 'u:uy-florida'}


def test_a_country_gains_the_spelling_variants_of_its_arabic_name(units_index):
    assert {m.place.id for m in units_index.exact('نيوزلندا')} == {'u:nz'}


def test_ordinary_words_and_forms_of_names_name_nothing(units_index):
    # العروق ("the veins") is العراق with a vowel letter changed, not left out
    for word in ('كلاهما', 'فيكتور', 'يقاتلون', 'وتكساس', 'قال', 'العروق'):
        assert units_index.exact(word) == [], word


def test_the_state_outranks_the_tiny_namesake_that_has_the_arabic_name(units_index):
    from geo.pipeline import Geoparser

    res = Geoparser(index=units_index).parse('ضربت عاصفة قوية ولاية فلوريدا يوم الاثنين، ثم اتجهت إلى فلوريدا الشمالية.')
    placed = [(m.surface, res.places[m.place].id) for m in res.mentions if m.place is not None]
    assert placed and all(pid == 'u:us-fl' for _, pid in placed), placed


def test_the_source_adds_names_and_makes_no_place(units_index):
    assert len(units_index) == sum(1 for _ in open(FIXTURE, encoding='utf-8')) - 1
    src = units_index.meta['sources']['cross-script-names']
    assert src['places'] == 0 and src['merged'] == 5 and 'CC BY-SA' in src['licence']
    assert src['with_arabic'] == 5 and src['scripts'] == {'Arabic': src['names']} and src['names'] >= 5
    # a derived spelling is no sign of fame: the number of names stays what the sources gave
    (texas,) = [r for r, _ in units_index.rows('تكساس')]
    assert units_index.core(texas).nnames == len({'texas', 'state of texas', 'stateoftexas', 'tejas'})


def test_a_country_s_other_name_in_brackets_is_a_name():
    from gazetteer.sources.countries import also_called

    assert also_called('ar')['MM'] == {'ميانمار', 'بورما'}
    assert also_called('en')['MM'] == {'Myanmar', 'Burma'}
    assert all(len(part.split()) <= 3 for parts in also_called('ar').values() for part in parts)
