"""People, not places: a title with its adjectives before a name, a first name written like a
preposition, a two-word family name, and one sense per document for a person's name.  The real
recogniser over the fixture index (حطلة: a village of 3,000; موسكو, حلب: notable places)."""
import pytest

from doc_helpers import doc_after

from geo.doc import Span
from geo.recognize.rules import follows_first_name, follows_title


def span_of(index, text, surface):
    doc = doc_after(index, text, 'cues')
    return next(s for s in doc.spans if text[s.start:s.end] == surface), doc


@pytest.mark.parametrize('text,surface,fires', [
    # the title's adjectives and a comma between it and the name
    ('قال الرئيس الأمريكي الأسبق، حطلة إن الوفد وصل', 'حطلة', True),
    ('وقال نظيره الروسي حطلة إن الوفد وصل', 'حطلة', True),
    ('وقالت للسفيرة حطلة إن الوفد وصل', 'حطلة', True),                     # a title with ل + ال
    # a notable place the walk reaches stays a place: the title is the verb's subject
    ('زار وزير الخارجية القطري موسكو أمس', 'موسكو', False),
    ('زار وزير الخارجية القطري حطلة أمس', 'حطلة', True),
    # an indefinite title governs a genitive: the head of Hatla, not Mr Hatla
    ('قال رئيس حطلة إن الوفد وصل', 'حطلة', False),
    ('قال الرئيس حطلة إن الوفد وصل', 'حطلة', True),
    ('قال زعيم موسكو إن الوفد وصل', 'موسكو', False),
    # a notable place behind a preposition is what the preposition governs
    ('قال السفير السعودي بموسكو إن الوفد وصل', 'موسكو', False),
    # more than three words between the title and the name: no title of this name
    ('قال الرئيس الأمريكي الأسبق الحالي الجديد الأول حطلة', 'حطلة', False),
])
def test_follows_title(tiny_index, text, surface, fires):
    span, doc = span_of(tiny_index, text, surface)
    assert follows_title(span, doc) is fires


@pytest.mark.parametrize('text,surface,fires', [
    ('شن الجيش هجوما على حلب أمس', 'حلب', False),          # على "on" folds like علي "Ali"
    ('التقى الوفد علي حلب أمس', 'حلب', True),              # the first name, written with ي
    ('التقى الوفد مصطفى حطلة أمس', 'حطلة', True),
    ('التقى الوفد مصطفى بموسكو أمس', 'موسكو', False),     # a notable place behind ب
])
def test_follows_first_name(tiny_index, text, surface, fires):
    span, doc = span_of(tiny_index, text, surface)
    assert follows_first_name(span, doc) is fires


def test_a_two_word_family_name_ending_in_allah(tiny_index):
    def span(text):
        doc = doc_after(tiny_index, text, 'cues')
        i = next(i for i, t in enumerate(doc.tokens) if t.text == 'نصر')
        return Span(i, i + 2, doc.tokens[i].start, doc.tokens[i + 1].end, 'نصر الله'), doc

    assert follows_first_name(*span('قال حسن نصر الله إن الرد قادم'))
    assert not follows_first_name(*span('قال إن نصر الله قادم'))


def test_a_person_named_once_is_that_person_in_the_whole_document(tiny_index):
    text = 'قال القس حطلة إن الوفد وصل. وأضاف حطلة أن القافلة وصلت إلى حطلة وإلى بلدة حطلة.'
    doc = doc_after(tiny_index, text, 'filters')
    got = [(text[s.start:s.end], s.dropped) for s in doc.spans if 'حطلة' in text[s.start:s.end]]
    assert got[:3] == [('حطلة', 'follows_title'), ('حطلة', 'same_person'), ('حطلة', 'same_person')]
    assert got[3][1] == ''                                    # a cue word still makes it a place


def test_a_notable_place_named_after_a_person_stays_a_place(tiny_index):
    text = 'قال القس موسكو إن الوفد وصل. ثم عاد الوفد إلى موسكو أمس.'
    doc = doc_after(tiny_index, text, 'filters')
    assert [s.dropped for s in doc.spans if text[s.start:s.end] == 'موسكو'] == ['follows_title', '']


UNKNOWN_ROWS = '''id,name,names,lat,lon,type,country,parent,population
us-sm,Smith,سميث,40.0,-90.0,village,US,,900
ru-mow,Moscow,موسكو,55.75,37.62,city,RU,,12000000
sy-hat,Hatla,حطلة,35.37,40.18,village,SY,,3000
'''


@pytest.fixture(scope='module')
def unknown_gp(tmp_path_factory):
    from doc_helpers import geoparser_of
    return geoparser_of(tmp_path_factory.mktemp('unknown-first-name'), UNKNOWN_ROWS)


@pytest.mark.parametrize('text,surface,fires', [
    ('وقالت المحامية ستورمي سميث إن الدعوى قائمة', 'سميث', True),     # a first name no list holds
    ('وقال الوزير إن سميث بلدة صغيرة', 'سميث', False),               # a known word before it
    ('وقالت ستورمي موسكو إن الدعوى قائمة', 'موسكو', False),          # a notable place
    ('وقالت ستورمي حطلة إن الدعوى قائمة', 'حطلة', False),            # a place of the Arab world
    ('وقالت الإعلامية سميث مارينوفا إن الدعوى قائمة', 'سميث', True),   # a first name before an unknown name
    ('وقع الحادث في سميث بفلوريدا أمس', 'سميث', False),              # ب + a common word is no name
    ('وقالت الشرطة إنه أنفقها سميث كلها', 'سميث', False),            # أنفق + ها: a verb with its pronoun
])
def test_a_small_foreign_place_after_an_unknown_word_is_a_family_name(unknown_gp, text, surface, fires):
    from geo.recognize.rules import follows_unknown_name
    doc = doc_after(unknown_gp.index, text, 'cues')
    span = next(s for s in doc.spans if text[s.start:s.end] == surface)
    assert follows_unknown_name(span, doc) is fires
