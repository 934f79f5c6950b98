"""The HTML map in a real headless Chromium (Debian's package, driven by Playwright), with every
network request refused: it loads, draws one marker per place, logs no error, zooms from the list,
and a hostile document runs nothing.

`make test` installs Chromium when it is missing and it may (root and apt); otherwise these tests
skip and say why.  GEO_CHROMIUM may name another Chromium binary."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from maps_samples import deir_ez_zor

ROOT = Path(__file__).resolve().parents[1]
ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage']


def _chromium() -> str | None:
    for cand in (os.environ.get('GEO_CHROMIUM'), shutil.which('chromium'), shutil.which('chromium-browser'),
                 '/usr/bin/chromium'):
        if cand and Path(cand).exists():
            return cand
    return None


@pytest.fixture(scope='module')
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip('playwright is not installed (pip install -e ".[test]")')
    exe = _chromium()
    if exe is None:
        pytest.skip('Chromium is not installed: `make test` installs Debian\'s chromium when run as root with apt; '
                    'or set GEO_CHROMIUM to a Chromium binary')
    pw = sync_playwright().start()
    try:
        # Playwright gives every launch a fresh, empty profile of its own
        b = pw.chromium.launch(executable_path=exe, headless=True, args=ARGS)
    except Exception as e:      # a Chromium that cannot start here is an environment problem: say so
        pw.stop()
        pytest.skip(f'Chromium at {exe} does not start: {e}')
    yield b
    b.close()
    pw.stop()


class Page:
    """A page opened offline: every request that is not the file itself (or a data: URI) is
    refused and recorded, and console errors and uncaught exceptions are collected."""

    def __init__(self, browser, path: Path, ready: str = 'document.querySelectorAll(".geo-place").length > 0'):
        self.ctx = browser.new_context(viewport={'width': 1300, 'height': 850})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

        def route(r):
            url = r.request.url
            if url.startswith(('file:', 'data:')):
                r.continue_()
            else:
                self.requests.append(url)
                r.abort()
        self.ctx.route('**/*', route)
        self.page = self.ctx.new_page()
        self.page.on('console', lambda m: m.type == 'error' and self.errors.append(m.text))
        self.page.on('pageerror', lambda e: self.errors.append(str(e)))
        self.page.on('dialog', lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_function(ready, timeout=15000)
        self.page.wait_for_timeout(300)

    def close(self):
        self.ctx.close()

    def __enter__(self) -> 'Page':
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _write(result, tmp_path, **kw) -> Path:
    from geo.maps import html
    path = tmp_path / f'{result.id}.html'
    html.write(result, path, **kw)
    return path


def test_example_map_loads_offline_with_one_marker_per_place(browser, geo_env, tmp_path):
    """`geo map` on a bundled example (with the test index), opened with the network refused."""
    out = tmp_path / 'out'
    proc = subprocess.run([sys.executable, '-m', 'geo.cli', 'map', str(ROOT / 'examples' / 'idlib-floods.ar.txt'),
                           '-o', str(out), '--formats', 'html,geojson'], env=geo_env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    places = json.loads((out / 'idlib-floods.ar.geojson').read_text(encoding='utf-8'))['features']
    assert len(places) >= 2
    with Page(browser, out / 'idlib-floods.ar.html') as p:
        assert p.page.locator('.geo-place').count() == len(places)
        assert p.page.locator('#geo-panel li.geo-item').count() == len(places)
        assert p.requests == [] and p.errors == []
        assert p.page.locator('.leaflet-control-layers').count() == 1
        # the offline basemap is drawn (Leaflet made SVG paths of it)
        assert p.page.locator('.leaflet-overlay-pane path').count() > 0


def test_list_zooms_to_a_place_and_opens_its_popup(browser, tmp_path):
    r = deir_ez_zor()
    with Page(browser, _write(r, tmp_path)) as p:
        page = p.page
        before = page.evaluate('document.querySelector(".folium-map") && Object.values(window).find('
                               'v => v && v._leaflet_id && v.getZoom).getZoom()')
        target = next(i for i, pl in enumerate(r.places) if pl.name == 'Al Mayadin')
        page.locator(f'#geo-panel li.geo-item[data-i="{target}"]').click()
        page.wait_for_selector('.leaflet-popup-content', timeout=5000)
        content = page.locator('.leaflet-popup-content').inner_text()
        assert 'الميادين' in content and 'Al Mayadin' in content
        after = page.evaluate('Object.values(window).find(v => v && v._leaflet_id && v.getZoom).getZoom()')
        assert after >= before
        center = page.evaluate('(() => { const m = Object.values(window).find(v => v && v._leaflet_id && v.getZoom);'
                               ' const c = m.getCenter(); return [c.lat, c.lng]; })()')
        assert abs(center[0] - 35.0198) < 0.05 and abs(center[1] - 40.4515) < 0.05
        # the sentence is right to left, the name highlighted
        assert page.locator('.leaflet-popup-content li[dir="rtl"] mark').first.inner_text() == 'الميادين'
        assert p.errors == [] and p.requests == []


def test_a_hostile_document_runs_nothing(browser, tmp_path):
    from test_maps_html import evil_result

    r = evil_result()
    with Page(browser, _write(r, tmp_path, title='<script>window.__xss=5</script><img src=x onerror=alert(6)>')) as p:
        page = p.page
        hatla = next(i for i, pl in enumerate(r.places) if pl.id == 'user:1')
        page.locator(f'#geo-panel li.geo-item[data-i="{hatla}"]').click()
        page.wait_for_selector('.leaflet-popup-content', timeout=5000)
        popup = page.locator('.leaflet-popup-content').inner_text()
        page.locator('#geo-panel li.geo-item').first.click()
        page.wait_for_timeout(400)
        assert page.evaluate('typeof window.__xss') == 'undefined'
        assert p.dialogs == [] and p.errors == [] and p.requests == []
        # shown as text, exactly as written
        assert '<img src=x onerror="window.__xss=1">' in popup and '{{ 7*7 }}' in popup and '${window' in popup
        assert page.locator('#geo-panel h1').inner_text() == '<script>window.__xss=5</script><img src=x onerror=alert(6)>'
        assert page.title().startswith('<script>')
        assert page.locator('#geo-panel script, .leaflet-popup-content img, #geo-panel img').count() == 0


# ---- issue 8: hostile text, user-gazetteer names, ids and titles through the real commands -----------

EVIL_GAZETTEER = (
    'id,name,names,lat,lon,type,country,parent,population\n'
    'z1,Zorava,"<script>window.__xss=2</script>زورافا|<img src=x onerror=""window.__xss=3"">",35.366,40.183,town,SY,'
    '"<img src=x onerror=alert(4)>",20000\n'
    'z2,Kelmora,"{{7*7}}كلمورا|${window.__xss=5}",35.2,40.3,town,SY,,15000\n')
EVIL_TEXT = ('Shelling hit the town of Zorava <script>window.__xss=8</script> on Monday. Families fled from Zorava '
             'to the town of Kelmora near Mosul, `${window.__xss=9}` {{7*7}} <img src=x onerror="window.__xss=10">.')
EVIL_ID = '<img src=x onerror="window.__xss=7">'


def _no_script_ran(p: Page) -> None:
    assert p.page.evaluate('typeof window.__xss') == 'undefined'
    assert p.dialogs == [] and p.errors == [] and p.requests == []
    assert p.page.locator('body script:not([type]) + img, .leaflet-popup-content img, .leaflet-tooltip img, '
                          '.leaflet-popup-content script, .leaflet-tooltip script, #geo-panel img').count() == 0


def test_geo_map_with_hostile_text_gazetteer_names_and_id_runs_nothing(browser, geo_env, tmp_path):
    """`geo map` (the real command) on a JSONL document whose id, text and per-run gazetteer all
    carry payloads; the title is the id.  Every list item, popup and tooltip is opened."""
    g = tmp_path / 'evil.csv'
    g.write_text(EVIL_GAZETTEER, encoding='utf-8')
    src = tmp_path / 'doc.jsonl'
    src.write_text(json.dumps({'id': EVIL_ID, 'text': EVIL_TEXT}, ensure_ascii=False) + '\n', encoding='utf-8')
    out = tmp_path / 'out'
    proc = subprocess.run([sys.executable, '-m', 'geo.cli', 'map', str(src), '--gazetteer', str(g), '-o', str(out),
                           '--formats', 'html', '--label-lang', 'both'], env=geo_env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    (page_path,) = out.glob('*.html')
    assert page_path.parent == out
    with Page(browser, page_path) as p:
        page = p.page
        items = page.locator('#geo-panel li.geo-item')
        assert items.count() == 3
        seen = []
        for i in range(items.count()):
            items.nth(i).click()
            page.wait_for_selector('.leaflet-popup-content', timeout=5000)
            page.wait_for_timeout(400)                   # the previous popup fades out
            seen.append(page.locator('.leaflet-popup-content').last.inner_text())
        tips = page.evaluate("""() => [...document.querySelectorAll('.geo-place')].map(e => {
            e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
            const t = document.querySelector('.leaflet-tooltip');
            const text = t ? t.innerText : '';
            e.dispatchEvent(new MouseEvent('mouseout', {bubbles: true}));
            return text;
        })""")
        assert len(tips) == 3 and any('زورافا' in t for t in tips)
        page.wait_for_timeout(300)
        _no_script_ran(p)
        popups = '\n'.join(seen)
        # the payloads are shown as the text they are
        assert '<script>window.__xss=2</script>زورافا' in popups and '{{7*7}}كلمورا' in popups
        assert '<script>window.__xss=8</script>' in popups and '${window.__xss=9}' in popups
        assert page.title() == EVIL_ID
        assert EVIL_ID in page.locator('#geo-panel h1').inner_text()


def test_batch_map_with_hostile_titles_urls_dates_and_names_runs_nothing(browser, geo_env, tmp_path):
    """The combined map of `geo batch`: titles, urls (javascript:), dates, ids and user-gazetteer
    names carry payloads; every marker's popup is opened."""
    g = tmp_path / 'evil.csv'
    g.write_text(EVIL_GAZETTEER, encoding='utf-8')
    docs = [
        {'id': EVIL_ID, 'text': EVIL_TEXT, 'title': '<script>window.__xss=11</script>', 'date': '2024-03-01',
         'url': 'javascript:window.__xss=12'},
        {'id': 'b', 'text': 'Aid reached the town of Kelmora and Mosul.', 'title': '<img src=x onerror="window.__xss=13">',
         'date': '2024-03-02"><script>window.__xss=14</script>', 'url': 'https://example.org/?q=<script>x</script>'},
        {'id': '../../c', 'text': 'Convoys left Zorava for Erbil.', 'title': '{{7*7}} ${window.__xss=15}',
         'url': '" onmouseover="window.__xss=16'},
    ]
    src = tmp_path / 'docs.jsonl'
    src.write_text(''.join(json.dumps(d, ensure_ascii=False) + '\n' for d in docs), encoding='utf-8')
    out = tmp_path / 'out'
    proc = subprocess.run([sys.executable, '-m', 'geo.cli', 'batch', str(src), '--gazetteer', str(g), '-o', str(out),
                           '--workers', '1', '--title', '<script>window.__xss=17</script>'], env=geo_env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    with Page(browser, out / 'map.html', ready='document.getElementById("geo-corpus-legend") !== null') as p:
        page = p.page
        texts = page.evaluate("""() => {
            const map = Object.values(window).find(v => v && v._leaflet_id && v.getZoom);
            const out = [];
            map.eachLayer(l => {
                if (l.getPopup && l.getPopup() && l.getLatLng) {
                    l.openPopup();
                    const c = l.getPopup().getElement().querySelector('.leaflet-popup-content');
                    out.push(c.innerText);
                    out.push([...c.querySelectorAll('a')].map(a => a.getAttribute('href')).join(' '));
                    l.closePopup();
                }
            });
            return out;
        }""")
        page.wait_for_timeout(300)
        _no_script_ran(p)
        shown = '\n'.join(texts)
        assert '<script>window.__xss=11</script>' in shown and '<img src=x onerror="window.__xss=13">' in shown
        assert 'javascript:' not in shown                 # a javascript: url is never a link
        assert '{{7*7}} ${window.__xss=15}' in shown       # never evaluated as a template ('49')
        assert '<script>window.__xss=17</script>' in page.title()
        assert len(texts) >= 8                           # Zorava, Kelmora, Mosul, Erbil: popup and links each



# ---- issue 15: an uncertainty circle never crosses a label; no marker hides another ---------------

CIRCLES_AND_LABELS = """() => {
    const ring = e => { const b = e.getBoundingClientRect();
                        return {x: b.x + b.width / 2, y: b.y + b.height / 2, r: b.width / 2}; };
    const box = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
    return {circles: [...document.querySelectorAll('path.geo-uncertainty')].map(ring),
            labels: [...document.querySelectorAll('.leaflet-tooltip.geo-label')].map(box),
            places: [...document.querySelectorAll('.geo-place svg:last-child')].map(box)};
}"""


def _crosses(c, b) -> bool:
    """Does circle c's edge run through box b (left, top, right, bottom)?"""
    import math
    nx, ny = min(max(c['x'], b[0]), b[2]), min(max(c['y'], b[1]), b[3])
    near = math.hypot(c['x'] - nx, c['y'] - ny)
    far = max(math.hypot(c['x'] - x, c['y'] - y) for x in (b[0], b[2]) for y in (b[1], b[3]))
    return near <= c['r'] <= far


def _label_pixels(page, boxes, circles: bool, backdrop: bool):
    import io

    import numpy as np
    from PIL import Image
    page.evaluate(f"""() => {{
        document.querySelectorAll('path.geo-uncertainty').forEach(e => e.style.display = {'""' if circles else '"none"'});
        document.querySelectorAll('.leaflet-tooltip.geo-label').forEach(
            e => e.style.background = {'""' if backdrop else '"transparent"'}); }}""")
    page.wait_for_timeout(100)
    out = []
    for b in boxes:
        png = page.screenshot(clip={'x': b[0] + 2, 'y': b[1] + 1, 'width': b[2] - b[0] - 4, 'height': b[3] - b[1] - 2})
        out.append(np.asarray(Image.open(io.BytesIO(png)).convert('RGB'), dtype=int))
    return out


def test_uncertainty_circles_never_cross_a_label_and_no_marker_hides_another(browser, tmp_path):
    """At the default zoom the 4 and 5 km circles at Deir ez-Zor run through the city's label: the
    circles are drawn under the labels and each label's backdrop masks them, so its letters stay
    clean (the same pixels with the circles hidden; without the backdrop, they would differ).  And
    the neighbourhoods and the landmark placed at the city are drawn beside it, not on it."""
    import numpy as np

    r = deir_ez_zor()
    with Page(browser, _write(r, tmp_path)) as p:
        page = p.page
        got = page.evaluate(CIRCLES_AND_LABELS)
        crossed = [b for b in got['labels'] if any(_crosses(c, b) for c in got['circles'])]
        assert got['circles'] and crossed                 # the case the test is about does happen
        z = page.evaluate("""() => [getComputedStyle(document.querySelector('path.geo-uncertainty')
                                     .closest('.leaflet-pane')).zIndex,
                                     getComputedStyle(document.querySelector('.leaflet-tooltip-pane')).zIndex]""")
        assert int(z[0]) < int(z[1])                      # circles under the labels
        shown = _label_pixels(page, crossed, circles=True, backdrop=True)
        hidden = _label_pixels(page, crossed, circles=False, backdrop=True)
        bare = _label_pixels(page, crossed, circles=True, backdrop=False)
        plain = _label_pixels(page, crossed, circles=False, backdrop=False)
        for a, b, c, d in zip(shown, hidden, bare, plain):
            masked, unmasked = np.abs(a - b).max(), np.abs(c - d).max()
            assert unmasked > 60 and masked < 25, (masked, unmasked)
        # no marker on another: the symbols' boxes do not overlap
        boxes = got['places']
        assert len(boxes) == len(r.places)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                w, h = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
                assert w <= 1 or h <= 1, (a, b)
        assert p.errors == [] and p.requests == []


def test_an_oil_field_at_its_town_is_drawn_beside_it_at_every_zoom(browser, tmp_path):
    from maps_samples import oilfield_at_town

    r = oilfield_at_town()
    with Page(browser, _write(r, tmp_path)) as p:
        page = p.page
        for zoom in (None, 8, 12):
            if zoom:
                page.evaluate(f'Object.values(window).find(v => v && v._leaflet_id && v.getZoom).setView([35.02, 40.45], {zoom}, {{animate: false}})')
                page.wait_for_timeout(300)
            field, town = [page.locator('.geo-place svg:last-child').nth(i).bounding_box() for i in (0, 1)]
            apart = (field['x'] >= town['x'] + town['width'] or town['x'] >= field['x'] + field['width']
                     or field['y'] >= town['y'] + town['height'] or town['y'] >= field['y'] + field['height'])
            assert apart, (zoom, field, town)
            assert page.locator('.geo-place').nth(0).locator('svg.geo-leader').count() == 1
            assert page.locator('.geo-place').nth(1).locator('svg.geo-leader').count() == 0
        assert p.errors == [] and p.requests == []
