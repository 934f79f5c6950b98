"""Benchmark of `geo review`: how fast a document opens and a decision comes back.

    python benchmarks/bench_review.py            # the bundled examples and the review test's report
    python benchmarks/bench_review.py --json     # one JSON object on stdout

Starts the real `geo review` server (a process of its own, the user's index) on a temporary copy
of examples/*.txt, the review test's Arabic report and one long report (the three, ten times
over), and measures over HTTP on loopback:
  list_first_ms   the first list of documents (each one is parsed then, for its counts)
  open_first_ms   the first open of a document (its view made the first time)
  open_warm_ms    opening it again (the page's /api/doc answer: decisions applied, symbols made)
  decide_ms       a decision's round trip (POST, stored in SQLite, the document's view back)
  undo_ms         an undo's round trip
  search_ms       a gazetteer search (exact, then fuzzy)
  basemap_ms      the offline basemap around a document, first and cached
and, when Playwright and Chromium are installed, page_open_warm_ms: the page showing a document
in Chromium, from navigation to the text and map drawn.

Run by `make bench`, never by the tests.  Targets (2-core machine): open a document <= 1 s warm,
a decision's round trip <= 100 ms."""
from __future__ import annotations

import argparse
import http.client
import json
import select
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {'page_open_warm_ms': 1000.0, 'open_warm_ms': 1000.0, 'decide_ms': 100.0}


def start(folder: Path):
    proc = subprocess.Popen([sys.executable, '-m', 'geo.cli', 'review', str(folder), '--no-browser', '-q'],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    end = time.monotonic() + 300           # a first run may build the index
    while time.monotonic() < end:
        if select.select([proc.stdout], [], [], 0.5)[0]:
            line = proc.stdout.readline().strip()
            if line.startswith('http://'):
                return proc, line
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit(f'geo review did not start: {proc.stderr.read()[-2000:]}')


class Client:
    def __init__(self, url: str):
        u = urlsplit(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        self.conn.connect()         # as a browser does: no Nagle delay on a small request
        self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.headers = {'Host': u.netloc, 'Cookie': 'geo_review=' + url.split('token=')[1]}

    def call(self, method: str, path: str, body=None) -> tuple[float, dict | bytes]:
        h = dict(self.headers)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h.update({'Content-Type': 'application/json', 'X-Geo-Review': '1'})
        t = time.perf_counter()
        self.conn.request(method, path, body=data, headers=h)
        r = self.conn.getresponse()
        raw = r.read()
        ms = (time.perf_counter() - t) * 1000
        if r.status != 200:
            raise SystemExit(f'{method} {path}: HTTP {r.status} {raw[:200]!r}')
        return ms, (json.loads(raw) if r.getheader('content-type', '').startswith('application/json') else raw)


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def page_open(url: str, docs: int, rounds: int = 5) -> float | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    exe = shutil.which('chromium') or '/usr/bin/chromium'
    if not Path(exe).exists():
        return None
    times = []
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, headless=True, args=['--no-sandbox', '--disable-gpu'])
        page = b.new_page(viewport={'width': 1400, 'height': 860})
        page.goto(url)
        page.wait_for_function('() => window.geoReviewReady === "list"', timeout=120000)
        for r in range(rounds + 1):
            for n in range(docs):
                t = time.perf_counter()
                page.evaluate(f'() => {{ window.geoReviewReady = null; location.hash = "#doc/{n}"; }}')
                page.wait_for_function(f'() => String(window.geoReviewReady).startsWith("doc:{n}:")', timeout=60000)
                if r:                   # the first round is the cold one
                    times.append((time.perf_counter() - t) * 1000)
                page.evaluate('() => { location.hash = ""; }')
                page.wait_for_function('() => window.geoReviewReady === "list"', timeout=60000)
        b.close()
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--json', action='store_true')
    ap.add_argument('--rounds', type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix='geo-bench-review-') as tmp:
        folder = Path(tmp) / 'docs'
        folder.mkdir()
        texts = [p for p in sorted((ROOT / 'examples').glob('*.txt'))]
        texts.append(ROOT / 'tests' / 'fixtures' / 'review' / 'deir-ez-zor-aid.ar.txt')
        for p in texts:
            shutil.copy(p, folder / p.name)
        long = '\n\n'.join(p.read_text(encoding='utf-8') for p in texts) * 10
        (folder / 'zz-long.txt').write_text(long, encoding='utf-8')
        proc, url = start(folder)
        try:
            c = Client(url)
            list_ms, listing = c.call('GET', '/api/docs')       # parses every document once (the list's counts)
            docs = listing['documents']
            res: dict = {'documents': len(docs), 'long_chars': len(long), 'list_first_ms': list_ms}
            cold, warm, decide, undo, search, base_first, base_cached = [], [], [], [], [], [], []
            for d in docs:
                n = d['n']
                ms, view = c.call('GET', f'/api/doc/{n}')
                cold.append(ms)
                warm += [c.call('GET', f'/api/doc/{n}')[0] for _ in range(5)]
                m = next((m for m in view['mentions']), None)
                if m is not None:
                    for _ in range(args.rounds // len(docs) + 1):
                        decide.append(c.call('POST', f'/api/doc/{n}/decide',
                                             {'start': m['start'], 'end': m['end'], 'action': 'not_place'})[0])
                        undo.append(c.call('POST', f'/api/doc/{n}/undo', {})[0])
                pts = [p for p in view['places'] if p['type'] not in ('country', 'region', 'continent')] or view['places']
                if pts:
                    box = ','.join(f'{v:.2f}' for v in (min(p['lon'] for p in pts), min(p['lat'] for p in pts),
                                                        max(p['lon'] for p in pts), max(p['lat'] for p in pts)))
                    base_first.append(c.call('GET', f'/api/basemap?box={box}')[0])
                    base_cached.append(c.call('GET', f'/api/basemap?box={box}')[0])
            for q in ('دير الزور', 'ديرالزور', 'Mosul', 'Mosol', 'الميادن', 'Busayra', 'Aleppo', 'حلب'):
                search += [c.call('GET', '/api/search?q=' + quote(q))[0] for _ in range(3)]
            res.update(open_first_ms=statistics.median(cold), open_first_max_ms=max(cold),
                       open_warm_ms=statistics.median(warm), open_warm_p95_ms=pct(warm, 0.95),
                       decide_ms=statistics.median(decide), decide_p95_ms=pct(decide, 0.95),
                       undo_ms=statistics.median(undo), search_ms=statistics.median(search),
                       search_p95_ms=pct(search, 0.95), basemap_first_ms=statistics.median(base_first),
                       basemap_cached_ms=statistics.median(base_cached))
            res['page_open_warm_ms'] = page_open(url, len(docs))
        finally:
            proc.terminate()
            proc.wait(10)
    res = {k: (round(v, 1) if isinstance(v, float) else v) for k, v in res.items()}
    if args.json:
        print(json.dumps(res))
        return 0
    for k, v in res.items():
        target = TARGETS.get(k)
        mark = '' if target is None or v is None else ('  ok' if v <= target else f'  OVER (target {target})')
        print(f'{k:22} {v}{mark}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
