"""The exports of a reviewed document: every format written by the real writers, into the export
folder only, the GeoJSON carrying the decisions, the title and subtitle on the maps."""
from __future__ import annotations

import json

from geo.model import Candidate, Mention, Place, Result
from geo.review.apply import apply
from geo.review.exports import FORMATS, export
from geo.review.store import Store

TEXT = 'قصف على حي الحويقة في مدينة دير الزور، وقافلة من عمان.'


def reviewed(tmp_path) -> Result:
    r = Result(id='../report <1>', text=TEXT, lang='ar')
    by_id: dict = {}
    for word, place in (
            ('الحويقة', Place('approx:h', 'الحويقة', 35.336, 40.141, 'neighbourhood', 'SY', confidence=0.6,
                              approximate=True, uncertainty_km=4.0)),
            ('دير الزور', Place('u:dez', 'Deir ez-Zor', 35.336, 40.141, 'city', 'SY', name_ar='دير الزور',
                                confidence=1.0)),
            ('عمان', Place('u:om', 'Oman', 21.0, 57.0, 'country', 'OM', name_ar='عمان', confidence=0.9,
                           alternatives=[Candidate('u:amman', 'Amman', 'city', 'JO', 31.955, 35.945, score=0.1)]))):
        i = TEXT.index(word)
        r.add(Mention(i, i + len(word), word, word, sentence=(0, len(TEXT))), place, by_id)
    store = Store(tmp_path / 'r.sqlite')
    i = TEXT.index('الحويقة')
    store.add(r.id, i, i + 7, 'الحويقة', 'place', dict(name='الحويقة', lat=35.345, lon=40.128, type='neighbourhood',
                                                     country='SY'), 'map')
    i = TEXT.index('عمان')
    store.add(r.id, i, i + 4, 'عمان', 'place', dict(id='u:amman', name='Amman', name_ar='عمان', lat=31.955,
                                                 lon=35.945, type='city', country='JO'), 'candidate')
    out = apply(r, store.active(r.id))
    store.close()
    return out


def test_every_format_is_written_inside_the_export_folder(tmp_path):
    result = reviewed(tmp_path)
    folder = tmp_path / 'exports'
    written = export(result, folder, list(FORMATS), title='تقرير <b>اليوم</b>', subtitle='بعد المراجعة', size='A5',
                     label_lang='both', gold=[result])
    assert {p.suffix for p in written} == {'.png', '.svg', '.pdf', '.html', '.geojson', '.csv', '.jsonl'}
    assert all(p.parent == folder and p.stat().st_size > 0 for p in written)
    assert not (tmp_path / 'report').exists()                     # the id's ../ leads nowhere
    html = next(p for p in written if p.suffix == '.html').read_text(encoding='utf-8')
    assert '<b>اليوم</b>' not in html and '&lt;b&gt;اليوم&lt;/b&gt;' in html
    svg = next(p for p in written if p.suffix == '.svg').read_text(encoding='utf-8')
    assert 'المراجعة' in svg                                       # the subtitle is on the map
    gj = json.loads(next(p for p in written if p.suffix == '.geojson').read_text(encoding='utf-8'))
    assert [(d['action'], d['via'], d['text']) for d in gj['review']['decisions']] == [
        ('place', 'map', 'الحويقة'), ('place', 'candidate', 'عمان')]
    by_id = {f['properties']['id']: f['properties'] for f in gj['features']}
    assert by_id['u:amman']['review'][0]['via'] == 'candidate' and 'review' not in by_id['u:dez']
    gold = [json.loads(x) for x in next(p for p in written if p.suffix == '.jsonl').read_text(encoding='utf-8')
            .splitlines()]
    assert gold[0]['id'] == '../report <1>' and len(gold[0]['toponyms']) == 3
