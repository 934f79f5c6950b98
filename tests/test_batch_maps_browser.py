"""The combined map of `geo batch` in a real headless Chromium (the fixtures and the offline page
of test_maps_browser.py): its script builds a marker per place from the page's one JSON."""
from __future__ import annotations

from test_maps_browser import Page, browser  # noqa: F401  (browser: the module's Chromium fixture)


def test_batch_map_builds_one_marker_per_place_from_its_data(browser, tmp_path):
    """The combined map writes its places and documents once, as data; the page's script builds
    a marker per place from it, and a popup lists the documents of the place."""
    from test_batch_maps import corpus_aggregate

    from geo.maps import combined
    agg = corpus_aggregate(20, 'ar')
    path = combined.write_html(agg, tmp_path / 'map.html')
    count = """() => { const map = Object.values(window).find(v => v && v._leaflet_id && v.getZoom);
                       let n = 0; map.eachLayer(l => { if (l.getPopup && l.getPopup() && l.getLatLng) n++; }); return n; }"""
    p = Page(browser, path, ready=f'({count})() > 0')
    try:
        assert p.page.evaluate(count) == len(agg.places)
        text = p.page.evaluate("""() => {
            const map = Object.values(window).find(v => v && v._leaflet_id && v.getZoom);
            let out = '';
            map.eachLayer(l => { if (!out && l.getPopup && l.getPopup() && l.getLatLng) {
                l.openPopup(); out = l.getPopup().getElement().innerText; l.closePopup(); } });
            return out; }""")
        assert 'Report ' in text and 'الوثائق' in text     # an Arabic corpus: its popups are in Arabic
        assert not p.errors and not p.requests
    finally:
        p.close()


def test_the_batch_map_of_an_arabic_corpus_speaks_arabic(browser, tmp_path):
    """Its heading, summary, controls, colours and popups are in the corpus' language: no English
    word is left in the box or in a place's popup."""
    from test_batch_maps import corpus_aggregate

    from geo.maps import combined, style
    path = combined.write_html(corpus_aggregate(20, 'ar'), tmp_path / 'map.html')
    english = ('places shown', 'circle area', 'documents', 'all dates', 'mentions', 'from', 'city', 'town')
    with Page(browser, path, ready='document.querySelector("#geo-corpus-legend .places").textContent') as p:
        box = p.page.inner_text('#geo-corpus-legend')
        assert 'الأماكن المعروضة' in box and style.CORPUS_UI['ar']['circle_area'] in box
        assert style.CORPUS_UI['ar']['all_dates'] in box and 'مدينة' in box
        assert not any(w in box.lower() for w in english), box
        assert p.page.evaluate("getComputedStyle(document.getElementById('geo-corpus-legend')).direction") == 'rtl'
        assert 'الأماكن المذكورة' in p.page.inner_text('body')
        p.page.evaluate("""() => { const map = Object.values(window).find(v => v && v._leaflet_id && v.getZoom);
                                   map.eachLayer(l => { if (l.getPopup && l.getPopup() && l.getLatLng && !window.done) {
                                       l.openPopup(); window.done = 1; } }); }""")
        p.page.wait_for_selector('.leaflet-popup-content')
        popup = p.page.inner_text('.leaflet-popup-content')
        assert 'مرات الذكر' in popup and 'mentions' not in popup and 'document' not in popup
