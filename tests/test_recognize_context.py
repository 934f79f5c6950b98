"""Topic words around a span (sport) and the words a cue word is followed by, as features."""
from doc_helpers import doc_after

from geo.recognize.features import FEATURES, span_features


def features_of(index, text, surface):
    doc = doc_after(index, text, 'filters')
    span = next(s for s in doc.spans if text[s.start:s.end] == surface)
    return span_features(span, doc)


def test_the_counts_stage_finds_sport_words_through_proclitics(tiny_index):
    doc = doc_after(tiny_index, 'خسر الفريق في المباراة وللفريق جمهور في حلب.', 'counts')
    text = doc.text
    assert [text[s:s + 3] for s in doc.topics['sport']] == ['خسر', 'الف', 'الم', 'ولل']


def test_a_city_in_a_sentence_about_a_match_is_seen_as_such(tiny_index):
    sport = features_of(tiny_index, 'تعادل فريق حلب مع ضيفه في مباراة الدوري. وعاد الوفد إلى موسكو.', 'حلب')
    other = features_of(tiny_index, 'تعادل فريق حلب مع ضيفه في مباراة الدوري. وعاد الوفد إلى موسكو.', 'موسكو')
    assert sport['sport_sentence'] == 1.0 and other.get('sport_sentence', 0.0) == 0.0
    assert sport['sport_doc'] == other['sport_doc'] > 0
    quiet = features_of(tiny_index, 'وعاد الوفد إلى موسكو أمس.', 'موسكو')
    assert 'sport_sentence' not in quiet and 'sport_doc' not in quiet


def test_a_cue_word_before_common_words_is_told_from_one_before_a_name(tiny_index):
    common = features_of(tiny_index, 'ارتفعت مؤشرات سوق العمل هذا العام.', 'سوق العمل')
    name = features_of(tiny_index, 'نزحت العائلات إلى بلدة القورية أمس.', 'القورية')
    assert common['cue_name_zipf'] > 0.6 > name['cue_name_zipf']
    assert common['cue_type_facility'] == 1.0 and name['cue_type_town'] == 1.0
    assert {'sport_sentence', 'cue_name_zipf', 'cue_type_facility'} <= set(FEATURES)


def test_no_sport_word_no_positions(tiny_index):
    doc = doc_after(tiny_index, 'وعاد الوفد إلى موسكو أمس.', 'counts')
    assert doc.topics == {'sport': []} and doc.keys == [t.key for t in doc.tokens]
