"""Maps name places as the text spells them (Dayr az Zawr, Arbil), the gazetteer's name beside it
in the HTML map; the data files keep the gazetteer's names.  A real parse on the fixture index."""
from __future__ import annotations

import json
import re

import pytest

from geo.maps.spelling import as_written, gazetteer_name, written_name
from geo.model import Mention, Place, Result

TEXT = ('DAYR AZ ZAWR, Syria — Shelling hit Dayr az Zawr and the town of Mayadin on Monday, and families '
        'fled to Arbil in Iraq.\nOfficials in Arbil said the roads to Syria were closed.\n')
SPELT = {'Deir ez-Zor': 'Dayr az Zawr', 'Al Mayadin': 'Mayadin', 'Erbil': 'Arbil'}


@pytest.fixture(scope='module')
def parsed(geoparser):
    r = geoparser.parse(TEXT, 'shelling.en', lang='en')
    assert {p.name for p in r.places} >= set(SPELT) | {'Syria', 'Iraq'}
    return r


def test_places_are_named_as_the_text_first_spells_them(parsed):
    names = {p.name: written_name(parsed, p) for p in parsed.places}
    assert names['Deir ez-Zor'] == 'Dayr az Zawr'         # not the dateline's capitals
    assert {k: names[k] for k in SPELT} == SPELT and names['Syria'] == 'Syria'
    shown = as_written(parsed)
    by_gazetteer = {gazetteer_name(p) or p.name: p.name for p in shown.places}
    assert {k: by_gazetteer[k] for k in SPELT} == SPELT
    assert gazetteer_name(shown.places[[p.name for p in parsed.places].index('Syria')]) == ''
    assert [p.name for p in parsed.places] == [gazetteer_name(p) or p.name for p in shown.places]  # a copy
    assert as_written(shown) is shown


def test_a_typo_a_demonym_or_lower_case_keeps_the_gazetteer_name():
    text = 'Shelling near Mosull; Syrian troops; mosul.'
    r = Result(id='x', text=text, lang='en')
    for surface, how in [('Mosull', 'fuzzy'), ('mosul', 'gazetteer')]:
        i = text.index(surface)
        r.mentions.append(Mention(i, i + len(surface), surface, surface.lower(), how=how, place=0))
    i = text.index('Syrian')
    r.mentions.append(Mention(i, i + 6, 'Syrian', 'syrian', how='demonym', place=1))
    r.places = [Place('m', 'Mosul', 36.3, 43.1, 'city', mentions=[0, 1]),
                Place('s', 'Syria', 35.0, 38.5, 'country', mentions=[2])]
    assert [written_name(r, p) for p in r.places] == ['', '']
    assert [p.name for p in as_written(r).places] == ['Mosul', 'Syria']


def test_the_static_map_labels_places_as_the_text_spells_them(parsed, tmp_path):
    import matplotlib.pyplot as plt

    from geo.maps.static import draw
    from geo.outputs import write_outputs
    fig = draw(as_written(parsed), dpi=60)
    try:
        labels = {p.spec.text for p in fig.geo_map.placed}
    finally:
        plt.close(fig)
    assert {'Dayr az Zawr', 'Mayadin'} <= labels and not {'Deir ez-Zor', 'Al Mayadin'} & labels
    (svg,) = write_outputs(parsed, tmp_path, ['svg'], dpi=60)     # the way `geo map` draws it
    texts = ' '.join(re.findall(r'<text[^>]*>([^<]*)</text>', svg.read_text(encoding='utf-8')))
    assert 'Dayr az Zawr' in texts and 'Arbil' in texts           # Arbil: on the locator and in the legend
    assert not re.search(r'Deir ez-Zor|Al Mayadin|Erbil', texts)


def test_the_html_map_labels_as_the_text_spells_and_keeps_the_gazetteer_name(parsed, tmp_path):
    from geo.outputs import write_outputs
    (html,) = write_outputs(parsed, tmp_path, ['html'])
    page = html.read_text(encoding='utf-8')
    tips = set(re.findall(r'"tip":\s*"([^"]*)"', page))
    assert {'Dayr az Zawr', 'Mayadin', 'Arbil'} <= tips and not {'Deir ez-Zor', 'Al Mayadin', 'Erbil'} & tips
    names = re.findall(r'class="geo-nm" dir="auto">([^<]*)<', page)
    assert 'Arbil' in names and 'Erbil' not in names
    assert re.search(r'Erbil · city', page)                       # the list: the gazetteer's name under it
    popups = page.replace('\\u003c', '<').replace('\\u003e', '>').replace('\\"', '"')
    assert '>Arbil</div><div class="geo-pop-meta" dir="auto">Erbil</div>' in popups     # and in the popup


def test_the_data_files_keep_the_gazetteer_names(parsed, tmp_path):
    from geo.outputs import write_outputs
    (gj,) = write_outputs(parsed, tmp_path, ['geojson'])
    names = {f['properties']['name'] for f in json.loads(gj.read_text(encoding='utf-8'))['features']}
    assert set(SPELT) <= names and not set(SPELT.values()) & names
