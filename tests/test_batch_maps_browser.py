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
        assert 'Report ' in text and 'documents' in text
        assert not p.errors and not p.requests
    finally:
        p.close()
