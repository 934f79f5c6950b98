"""Each recognition stage alone, on a Doc the real pipeline built up to the stage before it."""
from doc_helpers import doc_after

from geo.pipeline import Geoparser


def surfaces(doc, spans):
    return [doc.text[s.start:s.end] for s in spans]


def test_the_stages_are_named_in_order_and_one_can_be_left_out(tiny_index):
    names = [s.name for s in Geoparser(index=tiny_index).stages]
    assert names == ['organisations', 'names', 'focus', 'cues', 'fuzzy', 'counts', 'filters', 'score', 'select',
                     'demonyms', 'links', 'candidates', 'solve', 'places', 'approximate']
    assert 'fuzzy' not in [s.name for s in Geoparser(index=tiny_index, fuzzy=False).stages]
    no_cues = Geoparser(index=tiny_index, skip=('cues',)).parse('نزحت العائلات إلى بلدة القورية أمس')
    assert no_cues.mentions == []


def test_organisations_block_their_tokens(tiny_index):
    doc = doc_after(tiny_index, 'وقال حزب الله إن الوفد وصل', 'organisations')
    assert doc.blocked == {1, 2}
    assert doc.spans == []                                   # nothing else is this stage's


def test_names_are_longest_matches_with_offsets_past_proclitics(tiny_index):
    doc = doc_after(tiny_index, 'عاد الوفد من بالرقة إلى دير الزور', 'names')
    assert surfaces(doc, doc.spans) == ['الرقة', 'دير الزور']
    assert doc.spans[0].proclitics == 'ب' and all(s.rows for s in doc.spans)
    assert doc.focus == set()                                # the focus stage comes next


def test_focus_is_the_countries_named_outright(tiny_index):
    assert doc_after(tiny_index, 'وصل الوفد إلى حلب ثم إلى سوريا', 'focus').focus == {'SY'}
    assert doc_after(tiny_index, 'وصل الوفد إلى حلب', 'focus').focus == set()


def test_cues_add_unknown_names_and_annotate_known_ones_without_touching_them(tiny_index):
    doc = doc_after(tiny_index, 'قصفت الطائرات بلدة القورية ومدينة حلب', 'focus')
    before = list(doc.spans)
    from geo.recognize.cues import cues
    cues(doc)
    assert surfaces(doc, doc.spans) == ['القورية', 'حلب']
    town, city = doc.spans
    assert (town.how, town.implied_type) == ('cue', 'town')
    assert (city.how, city.cue, city.implied_type) == ('gazetteer', 'مدينه', 'city')
    assert [s.cue for s in before] == ['']                    # the name stage's span is not changed


def test_fuzzy_finds_near_misses_in_the_countries_the_text_names(tiny_index):
    doc = doc_after(tiny_index, 'Shelling hit Aleppp overnight, Syria said.', 'fuzzy')
    (near,) = [s for s in doc.spans if s.how == 'fuzzy']
    assert doc.text[near.start:near.end] == 'Aleppp'
    assert {tiny_index.core(r).country for r, _ in near.rows} == {'SY'}
    without = doc_after(tiny_index, 'Shelling hit Aleppp overnight, Syria said.', 'fuzzy', fuzzy=False)
    assert not [s for s in without.spans if s.how == 'fuzzy']


def test_counts_count_every_candidate_key(tiny_index):
    doc = doc_after(tiny_index, 'وصل إلى حلب. وفي حلب هدوء.', 'counts')
    assert doc.key_counts['حلب'] == 2


def test_filters_mark_the_rule_and_keep_the_span(tiny_index):
    doc = doc_after(tiny_index, 'وقال الوزير موسكو إن الوفد وصل إلى حلب', 'filters')
    assert [(doc.text[s.start:s.end], s.dropped) for s in doc.spans] == [('موسكو', 'follows_title'), ('حلب', '')]


def test_score_gives_probabilities_to_the_spans_the_rules_let_through(tiny_index):
    doc = doc_after(tiny_index, 'وقال الوزير موسكو إن الوفد وصل إلى حلب', 'score')
    dropped, kept = doc.spans
    assert 0.0 < kept.score < 1.0 and kept.score != 0.8
    assert dropped.score == 0.8                               # the rule decided: never scored


def test_select_keeps_what_reaches_the_threshold(tiny_index):
    text = 'وقال الوزير موسكو إن الوفد وصل إلى حلب'
    doc = doc_after(tiny_index, text, 'select')
    assert surfaces(doc, doc.mentions) == ['حلب']
    assert doc_after(tiny_index, text, 'select', min_confidence=1.0).mentions == []
    rules_only = doc_after(tiny_index, text, 'select', use_model=False, min_confidence=0.9)
    assert rules_only.mentions == []                          # a threshold applies without a model too


def test_demonyms_join_the_mentions_when_on(tiny_index):
    text = 'قال الجيش السوري إن الوفد وصل إلى حلب'
    doc = doc_after(tiny_index, text, 'demonyms')
    assert surfaces(doc, doc.mentions) == ['حلب']             # off for Arabic by default
    doc = doc_after(tiny_index, text, 'demonyms', demonyms=True)
    assert [(doc.text[s.start:s.end], s.how) for s in doc.mentions] == [('السوري', 'demonym'), ('حلب', 'gazetteer')]


def test_select_takes_a_name_of_the_users_own_gazetteer_from_half_the_threshold(tiny_index, tmp_path):
    """A place the user added (--gazetteer) is strong evidence: kept from half the threshold,
    like a famous name; a user name that is a frequent word of the language is not."""
    from gazetteer.index import Index
    from gazetteer.sources.user import read_places
    from geo.recognize.scorer import load
    from geo.recognize.select import users_own

    mine = tmp_path / 'mine.csv'
    mine.write_text('name,lat,lon,type,country\nZedabad,35.2,40.1,village,SY\nHome,35.3,40.2,village,SY\n',
                    encoding='utf-8')
    index = Index(tiny_index.path, read_places(mine))
    t = load('en').threshold
    text = 'Shelling hit Zedabad yesterday.'
    doc = doc_after(index, text, 'select')
    (span,) = doc.spans
    assert t / 2 <= span.score < t and users_own(doc, span)
    assert surfaces(doc, doc.mentions) == ['Zedabad']
    assert doc_after(index, text, 'select', min_confidence=2 * span.score + 0.01).mentions == []
    assert doc_after(tiny_index, text, 'select').spans == []          # without the user's file: unknown
    home = doc_after(index, 'Shelling hit Home yesterday.', 'score')
    assert [s.key for s in home.spans] == ['home'] and not users_own(home, home.spans[0])
    raqqa = doc_after(index, 'Shelling hit Raqqa yesterday.', 'score')
    assert not users_own(raqqa, raqqa.spans[0])                      # the index's own place


def test_the_scan_says_once_per_doc_where_each_stage_can_begin(tiny_index):
    from geo.recognize.words import scan
    doc = doc_after(tiny_index, 'قصفت الطائرات بلدة القورية ومدينة حلب ثم وصل إلى دير الزور', 'organisations')
    found = scan(doc)
    assert scan(doc) is found                                 # the stages of one Doc share it
    words = doc.words
    assert [words[i] for i in found.where('cues')] == ['بلدة', 'ومدينة']
    assert [words[i] for i in found.where('names')] == ['حلب', 'دير']
    assert found.words[words.index('الطائرات')] is False    # most words begin nothing
    assert found.starts == sorted(found.starts)


def test_the_scan_sees_places_laid_over_the_index(index_root):
    from gazetteer.index import Index
    from gazetteer.place import Place
    index = Index.open(index_root)                            # its own: places are laid over it
    text = 'وصل الوفد إلى قرية زرزور الكبرى'
    assert surfaces(doc_after(index, text, 'names'), doc_after(index, text, 'names').spans) == []
    index.add_places([Place(id='u:zz', name='Zarzur', lat=35.0, lon=38.0, type='village', country='SY',
                            name_ar='زرزور الكبرى')])
    doc = doc_after(index, text, 'names')
    assert surfaces(doc, doc.spans) == ['زرزور الكبرى']


def test_focus_reads_the_rows_of_each_span(tiny_index):
    from geo.recognize.names import focus
    text = 'وصل الوفد إلى حلب ثم إلى سوريا'
    assert doc_after(tiny_index, text, 'focus').focus == {'SY'}
    doc = doc_after(tiny_index, text, 'names')
    for s in doc.spans:
        s.rows = [r for r in s.rows if tiny_index.core(r[0]).type != 'country']   # the same keys, other rows
    focus(doc)
    assert doc.focus == set()


def test_an_organisation_blocks_a_name_inside_it_and_a_function_word_is_no_name(tiny_index):
    doc = doc_after(tiny_index, 'وقالت قوات سوريا الديمقراطية إن الوفد وصل إلى حلب', 'names')
    assert doc.blocked == {1, 2, 3} and surfaces(doc, doc.spans) == ['حلب']
    assert surfaces(doc, doc_after(tiny_index, 'قال إنه أن يصل', 'names').spans) == []   # أن is Ans (BE)
