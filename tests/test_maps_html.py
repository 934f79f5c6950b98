"""The interactive HTML map as a file: self-contained, escaped, one marker per place.  What it
does in a browser is tested in test_maps_browser.py."""
from __future__ import annotations

import re


from maps_samples import build, deir_ez_zor

EVIL = '<img src=x onerror="window.__xss=1">`${window.__xss=2}`\\u0041 {{ 7*7 }} {% if true %}J{% endif %}'


def evil_result():
    """A report whose text and gazetteer names try HTML, JS template and Jinja injection."""
    text = (f'Shelling hit Deir ez-Zor <script>window.__xss=3</script> today. {EVIL}\n'
            f'Residents of Hatla fled to Al Mayadin.\n')
    return build('evil<script>', text, 'en', [
        dict(surface='Deir ez-Zor', id='dz', name='Deir ez-Zor', name_ar='دير الزور', lat=35.336, lon=40.141,
             type='city', country='SY', confidence=0.9),
        # a user-gazetteer place whose names are themselves hostile
        dict(surface='Hatla', id='user:1', name=f'Hatla {EVIL}', name_ar=f'<script>window.__xss=4</script>',
             lat=35.366, lon=40.183, type='village', country='SY', admin1='{{ config }}', confidence=0.7),
        dict(surface='Al Mayadin', id='may', name='Al Mayadin', lat=35.02, lon=40.45, type='town', country='SY',
             confidence=0.6, approximate=True, uncertainty_km=3.0),
    ])


def test_safe_neutralises_html_and_template_literals():
    from geo.maps.web import safe
    out = safe('<b a="1">`${x}` \\ & \'</b> {{ 7*7 }}')
    assert '<' not in out and '>' not in out and '`' not in out and '${' not in out and '\\' not in out
    assert '{' not in out and '}' not in out
    assert '"' not in out and "'" not in out
    import html as stdhtml
    assert stdhtml.unescape(out) == '<b a="1">`${x}` \\ & \'</b> {{ 7*7 }}'


def test_page_is_self_contained_and_has_one_marker_per_place(tmp_path):
    from geo.maps import html
    r = deir_ez_zor()
    page = html.render(r)
    for tag in re.findall(r'<(?:script|link|img|iframe|source|embed)\b[^>]*>', page, flags=re.I):
        assert not re.search(r'(?:src|href)\s*=', tag, flags=re.I), tag
    assert page.count('"cls":"geo-place ') == len(r.places)        # the markers' data, one per place
    assert len(page) < 2_500_000                   # not the whole world at 10m
    # online tiles are offered, never added to the map by default
    for name, url, _ in html.TILE_LAYERS:
        var = re.search(r'var (tile_layer_\w+) = L\.tileLayer\(\s*"' + re.escape(url), page)
        assert var, url
        assert f'{var.group(1)}.addTo(' not in page


def test_everything_from_the_document_is_escaped():
    from geo.maps import html
    page = html.render(evil_result(), title='<script>window.__xss=5</script>')
    assert '<script>window.__xss' not in page
    assert 'onerror="window' not in page and 'onerror=window' not in page
    assert '${window' not in page
    # folium renders what it is given as Jinja templates: the document's braces must reach the
    # page as entities, never evaluated ("49", "J") nor left raw
    assert '{{ 7*7 }}' not in page and '{% if' not in page and '{{ config }}' not in page
    assert ' 49 J' not in page and '\\u0026#92;u0041 49' not in page
    decoded = page.replace('\\u0026', '&')          # the markers' data is JSON with & as \u0026
    assert decoded.count('&#123;&#123; 7*7 &#125;&#125;') >= 3      # side list, tooltip, popup
    assert '&#123;&#123; config &#125;&#125;' in decoded


def test_popup_has_names_type_place_coordinates_confidence_and_sentences():
    from geo.maps.html_popup import popup_html
    r = deir_ez_zor()
    pop = popup_html(r, 0)                         # Deir ez-Zor, mentioned twice
    assert 'dir="rtl"' in pop and 'دير الزور' in pop and 'Deir ez-Zor' in pop
    assert 'مدينة' in pop and 'سوريا' in pop
    assert '35.3360, 40.1410' in pop and '97%' in pop
    assert pop.count('<mark>دير الزور</mark>') == 2
    approx = popup_html(r, 2)                      # a neighbourhood placed at the city
    assert 'موقع تقريبي' in approx and '4' in approx
    en = popup_html(r, 6, lang='en')
    assert 'town' in en and 'Syria' in en and 'confidence' in en


def test_named_countries_and_admin_areas_are_outlined():
    from geo.maps import html
    text = 'Fighting in Idlib province, north-west Syria, and across the border in Turkey.\n'
    r = build('areas', text, 'en', [
        dict(surface='Idlib', id='a1', name='Idlib', lat=35.93, lon=36.63, type='admin1', country='SY', confidence=0.9),
        dict(surface='Syria', id='sy', name='Syria', lat=35.0, lon=38.5, type='country', country='SY', confidence=1.0),
        dict(surface='Turkey', id='tr', name='Turkey', lat=39.0, lon=35.0, type='country', country='TR', confidence=1.0),
    ])
    page = html.render(r)
    assert page.count('"dashArray": "6 4"') >= 1          # the province, dashed
    assert 'Idlib province' in page                          # its tooltip says it is one


def test_label_language():
    from geo.maps import html
    en = html.render(deir_ez_zor(), label_lang='en')
    assert '>Al Mayadin<' in en and 'Legend' in en and 'class="geo-rtl"' not in en
    ar = html.render(deir_ez_zor())                 # the document's language by default
    assert '>الميادين<' in ar and 'مفتاح الخريطة' in ar and 'class=geo-rtl' in ar


def test_the_view_frames_the_points_and_the_located_place_keeps_its_spot():
    """Issue 15: the page opens on the places' points (an oil field's 40 km circle does not widen
    it), the circle is faint, and the town keeps its spot while the field placed at it is the one
    moved aside (test_maps_browser.py checks that no marker hides another on the page)."""
    import json

    from maps_samples import oilfield_at_town

    from geo.maps import html

    def view(r):
        page = html.render(r)
        found = re.search(r'\.fitBounds\(\s*(\[\[[-0-9., \[\]]*\]\])\s*,\s*\{"padding', page)
        return page, json.loads(found.group(1))

    r, edge, no_circle = oilfield_at_town(), oilfield_at_town(), oilfield_at_town()
    for x in (edge, no_circle):         # the field at the town on the edge (البوكمال)
        x.places[0].lat, x.places[0].lon = x.places[5].lat, x.places[5].lon
    no_circle.places[0].uncertainty_km = 0.0
    assert view(edge)[1] == view(no_circle)[1]
    page, ((s, w), (n, e)) = view(r)
    lats, lons = [p.lat for p in r.places], [p.lon for p in r.places]
    assert s <= min(lats) and n >= max(lats) and w <= min(lons) and e >= max(lons)
    assert 'geo-uncertainty' in page and '"weight": 1.3' in page
    order = html.spread_order(r.places)          # the page moves the later of two markers aside
    assert order.index(1) < order.index(0)       # the located town keeps its spot, the field moves


def test_a_paged_source_gives_each_sentence_its_page_and_a_fetched_one_its_address():
    """A map made from a PDF says on which page each sentence is; one made from an article says
    where the article is (a link only for http(s) addresses, escaped)."""
    from maps_samples import deir_ez_zor

    from geo.maps.html_panel import panel
    from geo.maps.html_popup import popup_html
    from geo.maps.style import WORDS
    r = deir_ez_zor()
    for k in r.places[0].mentions:
        r.mentions[k].page = 3
    assert '(p. 3)' in popup_html(r, 0, lang='en') and '(ص 3)' in popup_html(r, 0)
    assert 'p. ' not in popup_html(r, 1, lang='en')
    r.meta['url'] = 'https://news.example/a?x=1&y="2"'
    side = panel(r, 'T', 'en', WORDS['en'], rtl=False)
    assert 'href="https://news.example/a?x=1&amp;y=&quot;2&quot;"' in side
    r.meta['url'] = 'javascript:alert(1)'
    assert 'javascript:' not in panel(r, 'T', 'en', WORDS['en'], rtl=False)
