"""The review's decisions: stored one row per decision, the latest of a span wins, undo, a
decision wins over the parser for its span (also on a text edited since), and the gold JSONL."""
from __future__ import annotations

import json
import sqlite3

import pytest

from geo.errors import InputError
from geo.model import Candidate, Mention, Place, Result
from geo.review.apply import apply, place_decisions
from geo.review.gold import dumps as gold_dumps, gold_record
from geo.review.store import Store, clean_place

TEXT = 'قال مسؤولون في عمان إن القصف طال حي الحويقة في مدينة دير الزور، وحلب المزارعون أبقارهم قرب البصيرة.'
AMMAN = dict(id='u:amman', name='Amman', name_ar='عمان', lat=31.955, lon=35.945, type='city', country='JO')


def span(word: str, text: str = TEXT) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def parsed(text: str = TEXT) -> Result:
    """What a parser might say of TEXT: Oman for عمان (Amman the alternative), the neighbourhood at
    its city, a false friend (حلب, 'milked', as Aleppo); البصيرة missed."""
    r = Result(id='doc', text=text, lang='ar')
    by_id: dict = {}
    specs = [
        ('عمان', Place('u:om', 'Oman', 21.0, 57.0, 'country', 'OM', name_ar='عمان', confidence=0.96,
                       alternatives=[Candidate('u:amman', 'Amman', 'city', 'JO', 31.955, 35.945, score=0.04)])),
        ('الحويقة', Place('approx:x', 'الحويقة', 35.336, 40.141, 'neighbourhood', 'SY', confidence=0.6,
                          approximate=True, uncertainty_km=4.0)),
        ('دير الزور', Place('u:dez', 'Deir ez-Zor', 35.336, 40.141, 'city', 'SY', name_ar='دير الزور', confidence=1.0)),
        ('حلب', Place('u:alp', 'Aleppo', 36.2, 37.16, 'city', 'SY', name_ar='حلب', confidence=0.9)),
    ]
    for word, place in specs:
        s, e = span(word, text)
        r.add(Mention(s, e, word, word, score=0.9, sentence=(0, len(text))), place, by_id)
    return r


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / 'review.sqlite')
    yield s
    s.close()


def test_one_row_per_decision_the_latest_of_a_span_counts_and_undo_goes_back(store, tmp_path):
    s, e = span('عمان')
    store.add('doc', s, e, 'عمان', 'place', AMMAN, 'candidate')
    store.add('doc', s, e, 'عمان', 'not_place', None, '')
    assert [d.action for d in store.active('doc')] == ['not_place']
    undone = store.undo('doc')
    assert undone.action == 'not_place'
    assert [(d.action, d.place['id']) for d in store.active('doc')] == [('place', 'u:amman')]
    # every decision is a row, the undone one kept and marked
    rows = sqlite3.connect(tmp_path / 'review.sqlite').execute(
        'SELECT document, start, "end", action, undone FROM decision ORDER BY id').fetchall()
    assert rows == [('doc', s, e, 'place', 0), ('doc', s, e, 'not_place', 1)]
    assert store.undo('other') is None


def test_decisions_survive_closing_and_reopening(tmp_path):
    s, e = span('عمان')
    a = Store(tmp_path / 'r.sqlite')
    a.add('doc', s, e, 'عمان', 'place', AMMAN, 'candidate')
    a.close()
    b = Store(tmp_path / 'r.sqlite', readonly=True)
    assert [d.place['name'] for d in b.by_document()['doc']] == ['Amman']
    b.close()


def test_a_file_that_is_not_a_review_file_is_refused(tmp_path):
    bad = tmp_path / 'x.sqlite'
    bad.write_bytes(b'not sqlite at all' * 100)
    with pytest.raises(InputError, match='not a review file'):
        Store(bad)
    with pytest.raises(InputError, match='no such review file'):
        Store(tmp_path / 'missing.sqlite', readonly=True)


@pytest.mark.parametrize('place, why', [
    ({'name': 'x', 'lat': 91, 'lon': 0}, 'out of range'),
    ({'name': 'x', 'lat': 'north', 'lon': 0}, 'number for lat'),
    ({'lat': 1, 'lon': 2}, 'needs a name'),
    ({'name': 'x', 'lat': 1, 'lon': 2, 'type': 'spaceport'}, 'unknown place type'),
    ('Amman', 'must be an object'),
])
def test_a_bad_place_is_refused_with_what_is_wrong(place, why):
    with pytest.raises(ValueError, match=why):
        clean_place(place)


def test_a_decision_wins_over_the_parser_for_its_span(store):
    r = parsed()
    s, e = span('عمان')
    store.add('doc', s, e, 'عمان', 'place', AMMAN, 'candidate')
    store.add('doc', *span('حلب'), 'حلب', 'not_place')
    pin = dict(name='الحويقة', lat=35.345, lon=40.128, type='neighbourhood', country='SY')
    store.add('doc', *span('الحويقة'), 'الحويقة', 'place', clean_place(pin), 'map')
    busayra = dict(id='u:bus', name='Al Busayrah', lat=35.155, lon=40.428, type='town', country='SY')
    store.add('doc', *span('البصيرة'), 'البصيرة', 'place', busayra, 'add')
    out = apply(r, store.active('doc'))
    got = {m.surface: out.places[m.place] for m in out.mentions}
    assert got['عمان'].id == 'u:amman' and got['عمان'].confidence == 1.0 and got['عمان'].source == 'review'
    assert [a.id for a in got['عمان'].alternatives] == ['u:om']          # the parser's choice, now an alternative
    assert 'حلب' not in got and [TEXT[s:e] for s, e in out.meta['review']['not_place']] == ['حلب']
    assert (got['الحويقة'].lat, got['الحويقة'].lon, got['الحويقة'].approximate) == (35.345, 40.128, False)
    assert got['البصيرة'].id == 'u:bus' and got['دير الزور'].id == 'u:dez'     # untouched: the parser's
    assert [m.start for m in out.mentions] == sorted(m.start for m in out.mentions)
    assert all(out.mentions[k].place == i for i, p in enumerate(out.places) for k in p.mentions)
    # the parser's Result is left as it was
    assert [r.places[m.place].id for m in r.mentions] == ['u:om', 'approx:x', 'u:dez', 'u:alp']
    decided = place_decisions(out)
    assert {out.places[i].id: [d['via'] for d in ds] for i, ds in decided.items()} == {
        'u:amman': ['candidate'], out.places[out.mentions[1].place].id: ['map'], 'u:bus': ['add']}


def test_decisions_follow_their_words_in_an_edited_text_and_lost_ones_are_listed(store):
    store.add('doc', *span('عمان'), 'عمان', 'place', AMMAN, 'candidate')
    store.add('doc', *span('حلب'), 'حلب', 'not_place')
    edited = 'عاجل: ' + TEXT.replace('وحلب المزارعون أبقارهم', 'وجمع المزارعون أبقارهم')
    out = apply(_without_aleppo(edited), store.active('doc'))
    amman = next(m for m in out.mentions if m.surface == 'عمان')
    assert out.places[amman.place].id == 'u:amman' and edited[amman.start:amman.end] == 'عمان'
    assert len(out.meta['review']['lost']) == 1          # حلب is no longer in the text


def _without_aleppo(text: str) -> Result:
    r = Result(id='doc', text=text, lang='ar')
    s, e = span('عمان', text)
    r.add(Mention(s, e, 'عمان', 'عمان', sentence=(0, len(text))),
          Place('u:om', 'Oman', 21.0, 57.0, 'country', 'OM', confidence=0.96), {})
    return r


def test_a_later_decision_replaces_an_earlier_one_it_overlaps(store):
    store.add('doc', *span('الحويقة'), 'الحويقة', 'not_place')
    s, e = span('حي الحويقة')
    store.add('doc', s, e, 'حي الحويقة', 'place', dict(name='الحويقة', lat=35.345, lon=40.128,
                                                       type='neighbourhood'), 'add')
    out = apply(parsed(), store.active('doc'))
    assert [m.surface for m in out.mentions if m.how == 'review'] == ['حي الحويقة']
    assert out.meta['review']['not_place'] == []


def test_gold_jsonl_is_the_eval_format(store):
    store.add('doc', *span('عمان'), 'عمان', 'place', AMMAN, 'candidate')
    store.add('doc', *span('حلب'), 'حلب', 'not_place')
    out = apply(parsed(), store.active('doc'))
    g = gold_record(out)
    assert g['id'] == 'doc' and g['text'] == TEXT
    tops = {t['text']: t for t in g['toponyms']}
    assert tops['عمان']['lat'] == 31.955 and tops['دير الزور']['lon'] == 40.141
    assert tops['الحويقة']['tolerance_km'] == 4.0             # left at its city: within its uncertainty
    assert g['not_toponyms'] == [{'start': span('حلب')[0], 'end': span('حلب')[1], 'text': 'حلب'}]
    only = gold_record(out, decided_only=True)
    assert [t['text'] for t in only['toponyms']] == ['عمان']
    assert {o['text'] for o in only['optional']} == {'الحويقة', 'دير الزور'}
    # only reviewed documents are written; one JSON object a line
    untouched = parsed()
    untouched.id = 'other'
    lines = gold_dumps([out, apply(untouched, [])]).splitlines()
    assert [json.loads(x)['id'] for x in lines] == ['doc']


def test_one_decision_for_every_mention_of_a_name_is_one_step_to_undo(store):
    a, b = span('عمان'), span('الحويقة')
    store.add('doc', *b, 'الحويقة', 'not_place')
    got = store.add_many('doc', [(a[0], a[1], 'عمان'), (a[0] + 50, a[1] + 50, 'عمان')], 'place', AMMAN, 'candidate')
    assert len(got) == 2 and len(store.active('doc')) == 3
    store.undo('doc')
    assert [d.surface for d in store.active('doc')] == ['الحويقة']


@pytest.mark.parametrize('words, name', [('حي الحويقة', 'الحويقة'), ('مخيم الهول', 'مخيم الهول'),
                                         ('الحويقة', 'الحويقة'), ('city of Hope', 'Hope'), ('حي', 'حي')])
def test_a_remembered_place_is_named_without_a_cue_word_that_is_not_part_of_names(words, name):
    from geo.review.remember import row_of

    row = row_of(words, dict(name=words, name_ar='', lat=35.3, lon=40.1, type='neighbourhood', country='SY'))
    assert row['name'] == name and row['country'] == 'SY' and row['id'].startswith('review-')
