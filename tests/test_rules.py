"""Each false-friend rule alone, on spans the real recogniser proposes over the fixture index."""
import pytest

from doc_helpers import doc_after

from geo.doc import Span
from geo.recognize.cues import cue_spans
from geo.recognize.rules.channels import names_a_channel
from geo.recognize.rules.outlets import lam_before
from geo.recognize.rules import (follows_first_name, follows_title, in_organisation_name, in_team_name,
                                 is_calendar_word, is_common_word, is_common_word_for_a_hamlet, is_cue_word,
                                 is_function_word_name, is_word_with_far_fetched_places, is_definite_adjective, is_first_name,
                                 is_frequent_word, is_joined_word, is_nisba_adjective, is_sentence_case_word,
                                 is_person_name, is_very_common_alternate, names_a_street, told_outlet,
                                 after_passive_auxiliary)


def span_of(index, text, surface, occurrence=0):
    doc = doc_after(index, text, 'cues')
    found = [s for s in doc.spans if text[s.start:s.end] == surface]
    if not found:  # no fixture place bears the word: the span a gazetteer entry would give
        t = next(t for t in doc.tokens if t.text == surface)
        i = doc.tokens.index(t)
        return Span(i, i + 1, t.start, t.end, t.key, rows=index.rows(t.key)), doc
    return found[occurrence], doc


@pytest.mark.parametrize('rule,text,surface,fires', [
    (is_nisba_adjective, 'قالت الحكومة السورية إن الوفد وصل', 'السورية', True),
    (is_nisba_adjective, 'عاد الوفد إلى سورية أمس', 'سورية', False),
    (is_nisba_adjective, 'وأكد مسؤول حكومي سوري أن الوفد وصل', 'سوري', True),     # masculine, from a country
    (is_nisba_adjective, 'وصل الوفد إلى سوري أمس', 'سوري', False),                # after a preposition
    (is_nisba_adjective, 'قال تاجر حلبي إن السوق مغلق', 'حلبي', False),          # from a city: names end in ي too
    (is_definite_adjective, 'في المناطق الرقة الشمالية', 'الرقة', True),
    (is_definite_adjective, 'في محافظة الرقة الشمالية', 'الرقة', False),
    (is_definite_adjective, 'صار معيارا للمرأة الرقة الجديدة', 'الرقة', True),       # لل + المرأة
    (is_definite_adjective, 'دعا لاجتماع للجنة الرقة في البلدية', 'الرقة', False),   # ل + لجنة (idafa)
    (is_definite_adjective, 'وصل الوفد بالمدينة الرقة صباحا', 'الرقة', False),       # a cue word behind ب
    (is_definite_adjective, 'تابعوا الحفل على القناة الرقة مساء', 'الرقة', True),     # القناة: a channel
    (in_organisation_name, 'قال مجلس شورى مجاهدي حلب إن القتال توقف', 'حلب', True),
    (in_organisation_name, 'قال مجلس محافظة حلب إن القتال توقف', 'حلب', False),
    (in_organisation_name, 'قصفت الطائرات مواقع تنظيم داعش شرقي سوريا', 'سوريا', False),   # after a direction
    (after_passive_auxiliary, 'وأضاف أنه تم حطلة القارب', 'حطلة', True),     # تم + a verbal noun
    (after_passive_auxiliary, 'وأضاف أنه تم في حطلة رصد القارب', 'حطلة', False),
    (after_passive_auxiliary, 'وتجري حطلة انتخابات', 'حطلة', False),           # تجري "holds": the place its subject
    (is_person_name, 'وقال كيري إن الوفد وصل', 'كيري', True),
    (is_person_name, 'وصل الوفد إلى حلب أمس', 'حلب', False),
    (names_a_street, 'A fire broke out on Springfield Street last night.', 'Springfield', True),
    (names_a_street, 'A fire broke out in Springfield last night.', 'Springfield', False),
    (follows_title, 'وقال الوزير موسكو إن الوفد وصل', 'موسكو', True),
    (follows_title, 'وقال الوزير في موسكو إن الوفد وصل', 'موسكو', False),
    (is_first_name, 'قال سيرجي رودسكوي إن الطائرات عادت', 'سيرجي', True),
    (is_first_name, 'وصل الوفد إلى سيرجي.', 'سيرجي', False),
    (is_first_name, 'وقال بشار الأسد إن الوفد وصل', 'بشار', True),              # a family name with the article
    (follows_first_name, 'هاجم البرلماني مصطفى حلب الرئيس', 'حلب', True),
    (follows_first_name, 'وصل الوفد إلى حلب أمس', 'حلب', False),
    (told_outlet, 'وقال المسؤول لـ«حلب» إن الأوضاع هادئة', 'حلب', True),
    (told_outlet, 'وقال المسؤول في حلب إن الأوضاع هادئة', 'حلب', False),
    (in_team_name, 'فاز باريس الفرنسي على ضيفه بهدفين', 'باريس', True),       # masculine: the club
    (in_team_name, 'وصل الوفد إلى باريس الفرنسية أمس', 'باريس', False),       # feminine: the city
    (in_team_name, 'تعادل ريال موسكو مع ضيفه', 'موسكو', True),                 # a team word before it
    (in_team_name, 'ونشرت موسكو تايمز التقرير', 'موسكو', True),                # a paper's name after it
    (in_team_name, 'وصل الوفد إلى موسكو أمس', 'موسكو', False),
    (names_a_channel, 'وقال في مقابلة مع قناة فوكس نيوز', 'قناة فوكس', True),     # a channel, not a canal
    (names_a_channel, 'وقال في مقابلة مع قناة «الإخبارية» أمس', 'قناة «الإخبارية', True),
    (names_a_channel, 'وصلت القافلة إلى بلدة فوكس أمس', 'فوكس', False),             # another cue
    (is_sentence_case_word, 'Springfield was quiet. The springfield fair opened in Mosul.', 'Springfield', True),
    (is_sentence_case_word, 'Springfield was quiet. The fair opened in Mosul.', 'Springfield', False),
    # a sentence start: after . ! ? : or a quote, then white space; after a line break; at the text's start
    (is_sentence_case_word, 'The fair closed!  Springfield was quiet; the springfield fair opened.', 'Springfield', True),
    (is_sentence_case_word, 'The fair closed\n Springfield was quiet; the springfield fair opened.', 'Springfield', True),
    (is_sentence_case_word, 'The fair closed,\nSpringfield was quiet; the springfield fair opened.', 'Springfield', True),
    (is_sentence_case_word, 'The fair in Springfield was quiet; the springfield fair opened.', 'Springfield', False),
    (is_sentence_case_word, 'The fair, Springfield was quiet; the springfield fair opened.', 'Springfield', False),
])
def test_rule(tiny_index, rule, text, surface, fires):
    span, doc = span_of(tiny_index, text, surface)
    assert rule(span, doc) is fires


def test_calendar_and_common_and_cue_words_on_their_own(tiny_index, tmp_path):
    # the fixture has no place named like a weekday, so build the spans by hand from real tokens
    text = 'وصل يوم الخميس إلى المدينة قرب بلدة'
    doc = doc_after(tiny_index, text, 'focus')
    toks = doc.tokens

    def at(word):
        t = next(t for t in toks if t.text == word)
        i = toks.index(t)
        return Span(i, i + 1, t.start, t.end, t.key)

    assert is_calendar_word(at('الخميس'), doc)
    assert is_common_word(at('المدينة'), doc)
    assert is_cue_word(at('بلدة'), doc)
    assert not is_calendar_word(at('المدينة'), doc) and not is_cue_word(at('الخميس'), doc)


def test_a_proclitic_reading_loses_to_a_common_whole_word(tiny_index):
    """ولاية "state" is a word: و + لاية (Lae) is not read; وسوريا is و + سوريا."""
    def split(text, word):
        doc = doc_after(tiny_index, text, 'focus')
        i, t = next((i, t) for i, t in enumerate(doc.tokens) if t.text == word)
        return Span(i, i + 1, t.start + 1, t.end, t.key[1:], proclitics=t.key[0]), doc

    assert is_joined_word(*split('وأعلنت ولاية الخرطوم الطوارئ', 'ولاية'))
    assert is_joined_word(*split('تحدث كريم بنزيمة للصحفيين', 'كريم'))
    assert not is_joined_word(*split('وصل الوفد إلى تركيا وسوريا أمس', 'وسوريا'))
    assert not is_joined_word(*split('وصل الوفد لسوريا أمس', 'لسوريا'))


def test_a_very_common_word_that_is_only_an_alternate_spelling_is_the_word(index_root):
    """كيف "how" as an alternate spelling of Kyiv (كييف): the word wins; the same word as a
    place's usual name is left to the scorer."""
    from gazetteer.index import Index
    from gazetteer.place import Place
    alt = Place(id='u:kyiv', name='Kyiv', name_ar='كييف', lat=50.45, lon=30.52, type='city', country='UA',
                population=2_900_000, names=('كيف',))
    usual = Place(id='u:how', name='How', name_ar='كيف', lat=1.0, lon=1.0, type='town', country='UA')
    text = 'لا أعرف كيف وصل الوفد إلى حلب'
    span, doc = span_of(Index.open(index_root, overlay=[alt]), text, 'كيف')
    assert span.rows and is_very_common_alternate(span, doc)
    span, doc = span_of(Index.open(index_root, overlay=[usual]), text, 'كيف')
    assert span.rows and not is_very_common_alternate(span, doc)


def test_a_common_word_that_only_a_hamlet_abroad_answers_is_the_word(tmp_path):
    """أشار "he pointed out" -> a village of that name in Iran: the word, even in a text on Iran
    (a word of the dictionary, يوما "a day" too); a common word outside the dictionary (نوبل) loses
    only where the text does not name the village's country."""
    from gazetteer.build import build
    from gazetteer.index import Index
    from gazetteer.sources.user import UserFile
    csv = tmp_path / 'places.csv'
    csv.write_text('id,name,names,lat,lon,type,country,parent,population\n'
                   'ir,Iran,إيران,32.0,53.0,country,IR,,80000000\n'
                   'ashar,Ashar,أشار,34.1,49.9,village,IR,,3786\n'
                   'yuma,Yuma,يوما,34.2,49.8,village,IR,,3596\n'
                   'nobel,Nobel,نوبل,34.3,49.7,village,IR,,2000\n'
                   'yq,Yaqulun,يقولون,34.4,49.6,village,IR,,999\n'
                   'passe,La Passe,لا بأس,-4.3,55.8,village,SC,,500\n'
                   'bay,Bay,باي,2.5,43.5,admin1,SO,,177631\n', encoding='utf-8')
    build(tmp_path / 'index', sources=[UserFile(csv)])
    index = Index.open(tmp_path / 'index')
    for text, word, dropped in (('وكان الوزير قد أشار إلى الاتفاق', 'أشار', True),
                                ('ربحوا أموالا لا بأس بها', 'لا بأس', True),     # every word common
                                ('وكان الوزير قد أشار إلى الاتفاق مع إيران', 'أشار', True),
                                ('بقي الوفد يوما واحدا في إيران', 'يوما', True),   # يوم in the accusative
                                ('فاز بجائزة نوبل للسلام', 'نوبل', True),
                                ('فاز بجائزة نوبل وزار إيران', 'نوبل', False),     # not a dictionary word
                                # but one as common as يقولون "they say" is a word (verbs are listed by lemma)
                                ('وفي إيران يقولون إن الاتفاق انتهى', 'يقولون', True)):
        span, doc = span_of(index, text, word)
        assert span.rows and is_common_word_for_a_hamlet(span, doc) is dropped, text
    span, doc = span_of(index, 'لم تأت المحاولات بأي نتيجة', 'بأي')     # ب + أي "with any": a particle
    assert span.rows and is_function_word_name(span, doc)


def test_a_dictionary_word_whose_places_are_all_far_fetched_is_the_word(tmp_path):
    """نووي "nuclear": a Russian hamlet's name and an alternate spelling of Niue; the word wins.
    The same word as the usual name of a country (or anything in the Arab world) stays a candidate."""
    from gazetteer.build import build
    from gazetteer.index import Index
    from gazetteer.sources.user import UserFile
    csv = tmp_path / 'places.csv'
    csv.write_text('id,name,names,lat,lon,type,country,parent,population\n'
                   'nu,Niue,نيوي|نووي,-19.0,-169.9,country,NU,,2166\n'
                   'nv,Nuvvy,نووي,55.0,40.0,village,RU,,1278\n'
                   'hw,Huwiya,هوية,34.0,36.0,village,LB,,900\n'
                   'ad,Adel,أدل,31.14,-83.42,village,US,,5316\n'
                   'mw,Malawi,مالاوي|ملاوي,-13.2,34.3,country,MW,,18000000\n', encoding='utf-8')
    build(tmp_path / 'index', sources=[UserFile(csv)])
    index = Index.open(tmp_path / 'index')
    span, doc = span_of(index, 'قال إن برنامج إيران نووي بالكامل', 'نووي')
    assert span.rows and is_word_with_far_fetched_places(span, doc)
    span, doc = span_of(index, 'وليس أدل على ذلك من قيام الحوثيين', 'أدل')   # a rarer word (Zipf 2.8)
    assert span.rows and is_word_with_far_fetched_places(span, doc)
    span, doc = span_of(index, 'تزور غانا وملاوي وكينيا', 'ملاوي')      # a rarer word names a country
    assert span.rows and not is_word_with_far_fetched_places(span, doc)
    span, doc = span_of(index, 'وأعلن عن هوية المهاجم', 'هوية')       # a village of the Arab world
    assert span.rows and not is_word_with_far_fetched_places(span, doc)


def test_frequent_word_against_a_small_foreign_town(tiny_index):
    span, doc = span_of(tiny_index, 'وقال أن الطائرات عادت إلى حلب', 'أن')
    assert is_frequent_word(span, doc)            # أن is among the commonest Arabic words; Ans is small
    span, doc = span_of(tiny_index, 'وقال أن الطائرات عادت إلى حلب', 'حلب')
    assert not is_frequent_word(span, doc)


def test_a_cue_noun_with_an_adjective_names_no_place(tiny_index):
    """بلدة أخرى "another town", مدينة كبيرة "a big city": the word after the cue is an
    adjective, not a name; بلدة القورية still names one."""
    for text in ('نزحت العائلات إلى بلدة أخرى أمس', 'وصلوا إلى مدينة كبيرة في الشمال',
                 'قصفت الطائرات قاعدة عسكرية قرب الحدود',    # an adjective in -ية
                 'دخل الصحفي قنصلية بلاده في المدينة',       # a noun with a pronoun suffix
                 'نقل المصاب إلى مستشفى محلي للعلاج',          # a masculine adjective
                 'أضر الرماد بمنطقة يقطنها مليون شخص',          # a verb
                 'تحولت المدينة إلى ساحة لتطبيق الأفكار',        # ل + a common word
                 'فهناك منطقة فيها أغلب القصور',                   # a preposition with a pronoun
                 'قال إن العاصمة الفرنسية سيستقبلون الوفد',   # a verb in the future tense
                 'خرجوا باتجاه منطقة يختارونها في الشمال',       # a plural verb with a pronoun
                 'تراجعت أسهم بنوك منطقة اليورو أمس'):           # a currency
        assert cue_spans(doc_after(tiny_index, text, 'focus')) == [], text
    for text, name in (('نزحت العائلات إلى بلدة القورية أمس', 'القورية'),
                       ('نزحت العائلات إلى قرية جملة أمس', 'جملة'),   # a common word (sentence) as a name
                       ('نقل المصاب إلى مستشفى الرازي للعلاج', 'مستشفى الرازي')):
        assert [text[s.start:s.end] for s in cue_spans(doc_after(tiny_index, text, 'focus'))] == [name], text


def test_a_feminine_adjective_after_a_cue_names_no_place(tiny_index):
    """منطقة آمنة "a safe zone", قاعدة دائمة "a permanent base": the feminine of an adjective or
    participle of the dictionary; a rare one (قانية) or one a definite word follows (رابعة العدوية)
    may be a name."""
    for text in ('تريد أنقرة إقامة منطقة آمنة قرب الحدود', 'أطلقت الطائرة من منطقة خاضعة لسيطرة المسلحين',
                 'تحويلها إلى قاعدة دائمة في البلاد'):
        assert cue_spans(doc_after(tiny_index, text, 'focus')) == [], text
    for text, name in (('قتل ثلاثة في سوق قانية أمس', 'سوق قانية'),
                       ('تجمعوا أمام مسجد رابعة العدوية أمس', 'مسجد رابعة العدوية')):
        assert [text[s.start:s.end] for s in cue_spans(doc_after(tiny_index, text, 'focus'))] == [name], text


def test_a_cue_noun_in_an_idiom_is_no_cue(tiny_index):
    """عن طريق "by way of", خارطة طريق "a road map": طريق begins no place name there."""
    for text in ('وصلوا عن طريق البحر إلى الجزيرة', 'أعلنوا خارطة طريق جديدة للحل'):
        assert cue_spans(doc_after(tiny_index, text, 'focus')) == [], text
    text = 'قطع المسلحون طريق المطار صباحا'
    assert [text[s.start:s.end] for s in cue_spans(doc_after(tiny_index, text, 'focus'))] == ['طريق المطار']


def test_a_cue_noun_before_a_preposition_and_a_known_country_is_indefinite(tiny_index):
    """مستشفى بسوريا "a hospital in Syria": no cue name; the country stands alone."""
    text = 'نقل المصاب إلى مستشفى بسوريا للعلاج'
    assert cue_spans(doc_after(tiny_index, text, 'focus')) == []
    assert [text[s.start:s.end] for s in doc_after(tiny_index, text, 'cues').spans] == ['سوريا']


def test_a_word_with_a_hamza_is_not_a_cue_spelt_without_one(tiny_index):
    """وأدى "and led to" folds to وادي "valley": the surface's hamza tells them apart."""
    text = 'وأدى انهيار السد إلى غرق القرى'
    assert cue_spans(doc_after(tiny_index, text, 'focus')) == []
    text = 'عثر عليهم في وادي عقاب صباحا'
    assert [text[s.start:s.end] for s in cue_spans(doc_after(tiny_index, text, 'focus'))] == ['وادي عقاب']


def test_the_capital_names_a_known_place_or_none(tiny_index):
    """العاصمة دمشق: the capital stands before a name every gazetteer knows; an unknown word
    after it (العاصمة وضواحيها، العاصمة لكن) is no name."""
    for text in ('سيطروا على العاصمة وضواحيها أمس', 'في العاصمة لكن العنف مزقه'):
        assert cue_spans(doc_after(tiny_index, text, 'focus')) == [], text
    text = 'وصل الوفد إلى العاصمة أربيل أمس'        # (a name the fixture index knows)
    assert [text[s.start:s.end] for s in cue_spans(doc_after(tiny_index, text, 'focus'))] == ['أربيل']


def test_a_landmark_named_by_common_words_is_no_hamlet(tmp_path):
    """البيت الأبيض "the white house": common words, no people, far from the Arab world; a
    landmark of our own regions file, not a hamlet, so the hamlet rule leaves it."""
    from gazetteer.build import build
    from gazetteer.index import Index
    from gazetteer.sources.regions import Regions
    build(tmp_path / 'index', sources=[Regions()])
    index = Index.open(tmp_path / 'index')
    span, doc = span_of(index, 'وقال البيت الأبيض في بيان إن الرئيس سيزور المنطقة', 'البيت الأبيض')
    assert span.rows and not is_common_word_for_a_hamlet(span, doc)
    assert index.core(span.rows[0][0]).type == 'landmark'


@pytest.mark.parametrize('before', ['لـ«', 'ل«', 'ل «', 'لـ «', 'ل ـ«', 'لـ"', 'لـ“', 'قال«', 'ل« ', 'للـ«', 'في «'])
def test_told_outlet_holds_only_after_a_word_its_gate_lets_through(tiny_index, before):
    """rules/gates.py runs told_outlet only after a word that lam_before passes: wherever the rule
    holds, the word before the name passes (and the rule holds after لـ« ل« قال«, not after في «)."""
    text = f'وقال المسؤول {before}حلب» إن الأوضاع هادئة'
    span, doc = span_of(tiny_index, text, 'حلب')
    holds = told_outlet(span, doc)
    assert holds == (not before.startswith('في')), before
    if holds:
        assert span.i > 0 and lam_before(doc.keys[span.i - 1], doc), before
