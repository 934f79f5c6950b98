"""The HTML map's names in a real headless Chromium: no permanent label covers another label or a
marker (Bartella's name lay over Mosul's), at the opening zoom and after zooming out."""
from __future__ import annotations

from maps_samples import build
from test_maps_browser import Page, browser  # noqa: F401  (browser: the module's Chromium fixture)

TEXT = ('A convoy left Mosul for Bartella and Erbil on Monday.\n'
        'From Mosul it reached Bartella, then Qaraqosh, then Erbil and Shaqlawa.\n')
SPECS = [
    dict(surface='Mosul', id='gn:99072', name='Mosul', lat=36.335, lon=43.119, type='city', country='IQ', confidence=0.9),
    dict(surface='Bartella', id='gn:99380', name='Bartella', lat=36.352, lon=43.380, type='town', country='IQ',
         confidence=0.9),
    dict(surface='Qaraqosh', id='gn:98700', name='Qaraqosh', lat=36.270, lon=43.378, type='town', country='IQ',
         confidence=0.9),
    dict(surface='Erbil', id='gn:95446', name='Erbil', lat=36.191, lon=44.009, type='city', country='IQ', confidence=0.9),
    dict(surface='Shaqlawa', id='gn:94298', name='Shaqlawa', lat=36.404, lon=44.343, type='town', country='IQ',
         confidence=0.9),
]

RECTS = """() => {
  const r = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  const shown = e => getComputedStyle(e).visibility !== 'hidden';
  return {labels: [...document.querySelectorAll('.leaflet-tooltip.geo-label')].filter(shown).map(e => [e.textContent, ...r(e)]),
          markers: [...document.querySelectorAll('.geo-place')].map(e => r(e.querySelector('svg:last-child') || e))};
}"""


def _clear(rects):
    def hit(a, b):
        return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5
    labels, markers = rects['labels'], rects['markers']
    for k, (name, *a) in enumerate(labels):
        for other, *b in labels[k + 1:]:
            assert not hit(a, b), (name, other)
        for m in markers:
            assert not hit(a, m), name


def test_no_label_covers_another_label_or_a_marker(browser, tmp_path):
    from geo.maps import html
    path = html.write(build('nineveh-labels.en', TEXT, 'en', SPECS), tmp_path / 'map.html')
    with Page(browser, path) as p:
        first = p.page.evaluate(RECTS)
        assert {'Mosul', 'Erbil'} <= {n for n, *_ in first['labels']}
        _clear(first)
        # (read once the map's own zoomend handlers have laid the labels out and the page has drawn
        # them: a fixed wait was too short on a busy machine)
        zoom = """() => new Promise(done => {
          const m = Object.values(window).find(v => v && v._leaflet_id && v.getZoom);
          m.once('zoomend', () => requestAnimationFrame(() => requestAnimationFrame(done)));
          m.setZoom(m.getZoom() - 1);
        })"""
        p.page.evaluate(zoom)
        _clear(p.page.evaluate(RECTS))
        assert not p.errors


def test_the_legend_lists_the_outlines_the_map_draws():
    """A named country is outlined in solid purple, a province in dashed blue: the legend has an
    entry for each drawn, none for a province the basemap cannot outline (Nineveh: a point)."""
    from test_maps_areas import SPECS as PROVINCE, TEXT as PROVINCE_TEXT

    from geo.maps import html, style
    words = style.WORDS['en']
    iraq = dict(surface='Iraq', id='gn:99237', name='Iraq', lat=33.0, lon=44.0, type='country', country='IQ',
                confidence=0.9)
    nineveh = dict(surface='Nineveh', id='gn:92877', name='Nineveh', lat=36.0, lon=42.5, type='admin1',
                   country='IQ', confidence=0.9)
    text = TEXT + 'Nineveh province in northern Iraq.\n'
    page = html.render(build('nineveh-legend.en', text, 'en', SPECS + [iraq, nineveh]))
    legend = page[page.index('class="geo-legend"'):]
    assert words['named_country'] in legend and words['named_area'] not in legend
    page = html.render(build('dz-province.ar', PROVINCE_TEXT, 'ar', PROVINCE), label_lang='en')
    legend = page[page.index('class="geo-legend"'):]
    assert words['named_area'] in legend and words['named_country'] not in legend
