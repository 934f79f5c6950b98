"""A common Arabic word names a place only where the text is: الظاهرة "the phenomenon" is not the
Omani province unless the text names Oman, or a place that lies only in Oman, with another name.
A real index built from our own rows."""
import pytest

from doc_helpers import doc_after, geoparser_of

ROWS = '''id,name,names,lat,lon,type,country,parent,population
om,Oman,عمان|سلطنة عمان,21.0,57.0,country,OM,,4500000
om-dh,Ad Dhahirah,الظاهرة,23.3,56.3,admin1,OM,Oman,150000
om-mus,Muscat,مسقط,23.6,58.4,city,OM,Oman,800000
sy-alp,Aleppo,حلب,36.2,37.16,city,SY,,2000000
sy,Syria,سوريا|سورية,35.0,38.5,country,SY,,17500000
dz-sa,Saida,سعيدة,34.83,0.15,city,DZ,,142000
ye-sa,Amanat al-Asimah,أمانة العاصمة|الأمانة,15.4,44.2,admin1,YE,,1900000
'''


@pytest.fixture(scope='module')
def gp(tmp_path_factory):
    return geoparser_of(tmp_path_factory.mktemp('word-elsewhere'), ROWS)


def dropped(gp, text, surface):
    doc = doc_after(gp.index, text, 'filters')
    return [s.dropped for s in doc.spans if text[s.start:s.end] == surface]


def test_a_common_word_is_the_word_in_a_text_elsewhere(gp):
    assert dropped(gp, 'ويرى الخبراء أن هذه الظاهرة تتسع في المدن الكبرى', 'الظاهرة') == [
        'is_word_for_a_place_elsewhere']


@pytest.mark.parametrize('text', [
    'وصل الوفد إلى سلطنة عمان ثم زار الظاهرة',         # the country named
    'وصل الوفد إلى مسقط ثم زار الظاهرة',              # a place only in Oman named
])
def test_it_names_the_place_in_a_text_about_its_country(gp, text):
    assert dropped(gp, text, 'الظاهرة') == ['']


def test_a_big_city_named_by_a_word_stays_a_place(gp):
    assert dropped(gp, 'وقصفت الطائرات حلب أمس', 'حلب') == ['']       # حلب "he milked": a city of millions


def test_another_spelling_of_a_big_place_gets_no_pass_for_its_size(gp):
    # الأمانة "honesty" is only a second spelling of Sanaa's unit: no pass for its 1.9 million
    assert dropped(gp, 'ووجهت إليه تهمة خيانة الأمانة والاحتيال', 'الأمانة') == ['is_word_for_a_place_elsewhere']


def test_another_spelling_of_a_country_names_it_where_a_place_goes(gp):
    assert dropped(gp, 'وقال إن الحرب الأهلية في سورية طالت', 'سورية') == ['']


def test_the_feminine_of_a_dictionary_word_is_a_word_too(gp):
    # سعيدة "happy" (f.): the dictionary lists the adjective as سعيد
    assert dropped(gp, 'وتمنى للجميع أياما سعيدة في العام الجديد', 'سعيدة') == ['is_word_for_a_place_elsewhere']
