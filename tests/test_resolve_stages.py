"""Each resolution stage alone, on a Doc the real pipeline built up to the stage before it."""
import pytest
from doc_helpers import doc_after

from geo.errors import ModelError


def test_links_point_a_mention_at_the_place_the_text_puts_it_in(tiny_index):
    doc = doc_after(tiny_index, 'قصفت الطائرات حي الجورة في مدينة دير الزور', 'links')
    assert [(doc.text[s.start:s.end], s.parent) for s in doc.mentions] == [('الجورة', 1), ('دير الزور', None)]


def test_candidates_group_one_name_and_keep_its_parent(tiny_index):
    doc = doc_after(tiny_index, 'وصلت القافلة إلى حلب. وفي حلب قالت المصادر إن الوضع في حلب هادئ.', 'candidates')
    (g,) = doc.groups
    assert g.spans == [0, 1, 2] and g.cands[0].core.type == 'city'
    doc = doc_after(tiny_index, 'The storm hit Paris, Texas on Monday.', 'candidates')
    paris, texas = doc.groups
    assert paris.parent == 1 and texas.parent is None


def test_a_parent_state_marks_the_candidates_inside_it_and_its_cue_word_links_it(tiny_index):
    """Paris, Texas: the Paris whose own admin1 is Texas is inside Texas, however far from its
    point; باريس بولاية تكساس links through the cue word ولاية behind ب."""
    doc = doc_after(tiny_index, 'The storm hit Paris, Texas on Monday.', 'candidates')
    paris, texas = doc.groups
    inside = {tiny_index.place(c.row).id for c in paris.cands if c.inside}
    assert inside == {'u:paris-tx'} and texas.cands[0].row in next(c.inside for c in paris.cands if c.inside)
    doc = doc_after(tiny_index, 'ضربت العاصفة باريس بولاية تكساس أمس', 'links')
    assert [(doc.text[s.start:s.end], s.parent) for s in doc.mentions] == [('باريس', 1), ('تكساس', None)]


def test_solve_gives_each_group_a_distribution_best_first(tiny_index):
    doc = doc_after(tiny_index, 'The storm hit Paris, Texas on Monday.', 'solve')
    paris = doc.groups[0]
    probs = [c.prob for c in paris.cands]
    assert probs == sorted(probs, reverse=True) and abs(sum(probs) - 1.0) < 1e-9
    assert tiny_index.place(paris.cands[0].row).id == 'u:paris-tx'


def test_places_give_a_group_one_place_with_alternatives(tiny_index):
    doc = doc_after(tiny_index, 'Talks in Paris went on; Paris was calm.', 'places')
    first, second = doc.mentions
    assert first.place is second.place and first.place.id == 'u:paris-fr'
    assert [a.id for a in first.place.alternatives] == ['u:paris-tx']


def test_approximate_places_a_name_nobody_lists_at_its_parent_named_as_written(tiny_index):
    doc = doc_after(tiny_index, 'قصفت الطائرات حي الجورة في مدينة دير الزور', 'places')
    assert doc.mentions[0].place is None
    doc = doc_after(tiny_index, 'قصفت الطائرات حي الجورة في مدينة دير الزور', 'approximate')
    p = doc.mentions[0].place
    assert p.approximate and p.name == p.name_ar == 'الجورة' and p.source == 'near Deir ez-Zor'


def test_the_weights_file_must_name_every_weight_the_code_uses(tmp_path):
    from geo.resolve.weights import PATH, load
    assert load()['proximity_km'] == 300.0
    broken = tmp_path / 'weights.toml'
    broken.write_text(PATH.read_text(encoding='utf-8').replace('proximity_km =', 'proximity_scale ='), encoding='utf-8')
    with pytest.raises(ModelError, match='missing: proximity_km; unknown: proximity_scale'):
        load(broken)


def test_a_facility_named_after_a_place_lies_in_the_place_the_text_puts_it_in(tiny_index):
    """مستشفى باريس بولاية تكساس: the Paris of the hospital's name is the one in Texas."""
    doc = doc_after(tiny_index, 'نقل المصابون إلى مستشفى باريس بولاية تكساس أمس', 'approximate')
    hospital = next(s for s in doc.mentions if doc.text[s.start:s.end].startswith('مستشفى'))
    assert hospital.place is not None and hospital.place.country == 'US'
    doc = doc_after(tiny_index, 'نقل المصابون إلى مستشفى باريس أمس', 'approximate')
    hospital = next(s for s in doc.mentions if doc.text[s.start:s.end].startswith('مستشفى'))
    assert hospital.place is not None and hospital.place.country == 'FR'
