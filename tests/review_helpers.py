"""What the review tests share: an index of our own made by the real build code from
tests/fixtures/review-places.csv in a home of its own (so "Remember this place" changes no other
test's index), the real `geo review` command started on loopback and stopped by its pid, and
Debian's Chromium driven by Playwright."""
from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

from test_maps_browser import browser  # noqa: F401  (the one Chromium fixture of the browser tests)

FIXTURES = Path(__file__).parent / 'fixtures'
EXAMPLE = FIXTURES / 'review' / 'deir-ez-zor-aid.ar.txt'


def make_home(root: Path) -> dict:
    """A GEO_TEXTMAP_HOME with a custom index built from the review fixture; the environment to
    run `geo` in it."""
    from gazetteer.build import build
    from gazetteer.sources.user import UserFile

    build(root / 'index', sources=[UserFile(FIXTURES / 'review-places.csv')])
    env = dict(os.environ, GEO_TEXTMAP_HOME=str(root), PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    return env


class Server:
    """`geo review FOLDER --no-browser` in a process of its own; `url` is the address it printed."""

    def __init__(self, folder: Path, env: dict, *extra: str):
        self.proc = subprocess.Popen([sys.executable, '-m', 'geo.cli', 'review', str(folder), '--no-browser', *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.url = self._first_line(60)
        self.base = self.url.split('/?')[0]
        self.token = self.url.split('token=')[1]

    def _first_line(self, seconds: float) -> str:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.5)
            if ready:
                line = self.proc.stdout.readline().strip()
                if line.startswith('http://'):
                    return line
            if self.proc.poll() is not None:
                break
        self.stop()
        raise AssertionError(f'geo review did not start: {self.proc.stderr.read()[-2000:]}')

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()            # our own process, by its pid
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def open_page(browser, url: str):
    """A page on the app, every request off the server refused and recorded; console errors,
    uncaught exceptions and dialogs collected."""
    ctx = browser.new_context(viewport={'width': 1400, 'height': 860})
    page = ctx.new_page()
    page.geo = {'errors': [], 'dialogs': [], 'foreign': []}
    base = url.split('/?')[0]

    def route(r):
        if r.request.url.startswith((base + '/', 'data:')):
            r.continue_()
        else:
            page.geo['foreign'].append(r.request.url)
            r.abort()
    ctx.route('**/*', route)
    page.on('console', lambda m: m.type == 'error' and page.geo['errors'].append(m.text))
    page.on('pageerror', lambda e: page.geo['errors'].append(str(e)))
    page.on('dialog', lambda d: (page.geo['dialogs'].append(d.message), d.dismiss()))
    page.goto(url)
    return page


def wait_doc(page, n: int, decisions: int, timeout: float = 15000) -> None:
    """Wait until document n is shown with this many decisions."""
    page.wait_for_function(f'() => window.geoReviewReady === "doc:{n}:{decisions}"', timeout=timeout)


def select_words(page, words: str) -> None:
    """Select the first occurrence of `words` in the document's text, as a mouse would."""
    page.evaluate('''(w) => { const t = document.querySelector('#text');
      for (const s of t.querySelectorAll('span[data-s]')) { const i = s.textContent.indexOf(w);
        if (i >= 0) { const r = document.createRange(); r.setStart(s.firstChild, i); r.setEnd(s.firstChild, i + w.length);
          const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r); return; } }
      throw new Error('not in the text: ' + w); }''', words)
    page.dispatch_event('#text span[data-s]', 'mouseup')
