"""Speed and memory of parsing, next to peers.  Run by `make bench` (not a test: nothing asserted).

Measures, on this machine, in one run:
  1. English: documents/s of the Geoparser API (one process) on the English dev documents of
     ../shared/eval (GeoWebNews, LGL, TR-News), next to flashgeotext and geotext on the same
     documents, with how many places each finds (they only match city and country names, do no
     Arabic and resolve nothing), and the ratio to flashgeotext.
  2. Arabic: news articles/s of the Geoparser API (one process) on ../shared/corpus/ar_news.jsonl.
  3. `geo batch`: 1 vs 2 worker processes on the same Arabic articles (parse phase), and the
     whole command's wall time.
  4. Start-up: `geo parse` of a one-line document, wall time (interpreter, imports, index open).
  5. Peak RSS: `geo parse` of one line; `geo batch --workers 1` on a small and a large slice of the
     corpus (memory should stay flat as the corpus grows).
  --profile FILE: a pyinstrument profile of the Arabic run, as text, into FILE.

Targets (issue 7): English >= 1.0x flashgeotext documents/s; >= 500 Arabic articles/s per
process; 2 workers >= 1.8x one.  The data in ../shared is optional: without it this prints why
and exits 0.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / 'shared'
EN_FILES = ('geowebnews.dev.jsonl', 'lgl.dev.jsonl', 'trnews.dev.jsonl')
AR_FILE = SHARED / 'corpus' / 'ar_news.jsonl'
GEO = [sys.executable, '-m', 'geo.cli']


def load(path: Path, limit: int | None = None) -> list[dict]:
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
            if limit and len(out) >= limit:
                break
    return out


def rate(fn, docs, passes: int = 3) -> tuple[float, list]:
    """Median documents/s over `passes` passes (after one warm-up document), and the last output."""
    fn(docs[0]['text'])
    speeds, out = [], None
    for _ in range(passes):
        t = time.perf_counter()
        out = [fn(d['text']) for d in docs]
        speeds.append(len(docs) / (time.perf_counter() - t))
    return statistics.median(speeds), out


def peak_rss_mb(cmd: list[str]) -> tuple[float, float, int]:
    """(peak RSS in MB, wall seconds, exit code) of a command run in a fresh wrapper process."""
    wrapper = ('import resource, subprocess, sys, time, json\n'
               't = time.perf_counter()\n'
               'p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n'
               'print(json.dumps([resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, '
               'time.perf_counter() - t, p.returncode]))\n')
    got = subprocess.run([sys.executable, '-c', wrapper] + cmd, capture_output=True, text=True, check=True)
    kb, secs, rc = json.loads(got.stdout)
    return kb / 1024, secs, rc


def frozen_home(build: Path, tmp: Path) -> Path:
    """A GEO_TEXTMAP_HOME whose index is `build`, marked custom so that no process rebuilds it
    (other work on a shared machine may be changing the sources while we measure)."""
    home = tmp / 'home'
    dest = home / 'index' / 'b-frozen'
    dest.mkdir(parents=True)
    for f in build.iterdir():
        if f.name != 'meta.json':
            (dest / f.name).symlink_to(f.resolve())
    meta = json.loads((build / 'meta.json').read_text(encoding='utf-8'))
    meta['custom'] = True
    (dest / 'meta.json').write_text(json.dumps(meta), encoding='utf-8')
    (home / 'index' / 'CURRENT').write_text('b-frozen', encoding='utf-8')
    return home


def section(title: str) -> None:
    print(f'\n## {title}')


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--arabic', type=int, default=1000, help='Arabic articles to time (default 1000)')
    ap.add_argument('--profile', metavar='FILE', help='write a pyinstrument profile of the Arabic run')
    ap.add_argument('--index', metavar='BUILD_DIR', type=Path,
                    help='measure with this index build (a b-* folder), frozen: no process rebuilds it')
    args = ap.parse_args()

    missing = [p for p in [SHARED / 'eval' / f for f in EN_FILES] + [AR_FILE] if not p.exists()]
    if missing:
        print(f'bench_parse: skipped: {missing[0]} is not here (the shared data is optional)')
        return 0

    from geo.pipeline import Geoparser

    tmp_root = Path(tempfile.mkdtemp(prefix='geo-bench-'))
    if args.index:
        os.environ['GEO_TEXTMAP_HOME'] = str(frozen_home(args.index, tmp_root))
    print(f'machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; '
          'the machine may be shared with other work, so treat small differences as noise')
    t = time.perf_counter()
    gp = Geoparser()
    print(f'index: {gp.index.info().get("places")} places, opened in {time.perf_counter() - t:.2f} s')

    # 1. English, next to flashgeotext and geotext -------------------------------------------
    section('English dev documents, one process (median of 3 passes)')
    en = [d for f in EN_FILES for d in load(SHARED / 'eval' / f)]
    ours, res = rate(lambda text: gp.parse(text), en)
    ours_found = sum(len(r.mentions) for r in res)
    ours_resolved = sum(sum(m.place is not None for m in r.mentions) for r in res)
    rows = [('geo-textmap', ours, f'{ours_found} mentions, {ours_resolved} resolved to coordinates')]
    try:
        from flashgeotext.geotext import GeoText as Flash
        flash = Flash()
        fl, out = rate(lambda text: flash.extract(text), en)
        found = sum(v['count'] for o in out for kind in ('cities', 'countries') for v in o[kind].values())
        rows.append(('flashgeotext', fl, f'{found} mentions (city and country names only, unresolved)'))
    except ImportError:
        fl = None
        rows.append(('flashgeotext', None, 'not installed (pip install "geo-textmap[bench]")'))
    try:
        from geotext import GeoText as GT
        gt, out = rate(lambda text: GT(text), en)
        found = sum(len(o.cities) + len(o.countries) for o in out)
        rows.append(('geotext', gt, f'{found} mentions (city and country names only, unresolved)'))
    except ImportError:
        rows.append(('geotext', None, 'not installed'))
    print(f'{len(en)} documents, {sum(len(d["text"]) for d in en) // len(en)} characters on average')
    for name, r, what in rows:
        print(f'  {name:13s} {r:8.1f} docs/s   {what}' if r else f'  {name:13s}      n/a   {what}')
    if fl:
        print(f'  ratio geo-textmap / flashgeotext: {ours / fl:.2f}x   (target >= 1.0x)')

    # 2. Arabic news, one process -------------------------------------------------------------
    section(f'Arabic news articles, one process (first {args.arabic} of ar_news.jsonl)')
    ar = load(AR_FILE, args.arabic)
    t = time.perf_counter()
    res = [gp.parse(d['text'], d['id']) for d in ar]
    dt = time.perf_counter() - t
    if args.profile:   # a separate pass: the profiler slows what it watches
        from pyinstrument import Profiler
        prof = Profiler()
        prof.start()
        for d in ar[:300]:
            gp.parse(d['text'], d['id'])
        prof.stop()
        Path(args.profile).write_text(prof.output_text(unicode=True, show_all=False), encoding='utf-8')
        print(f'  profile of 300 articles written to {args.profile}')
    chars = sum(len(d['text']) for d in ar) / len(ar)
    print(f'  {len(ar) / dt:8.1f} articles/s ({chars:.0f} characters each on average; '
          f'{sum(len(r.places) for r in res) / len(ar):.1f} places per article)   (target >= 500)')
    del res

    # 3. geo batch, 1 vs 2 workers -------------------------------------------------------------
    section(f'geo batch on the same {len(ar)} articles: 1 vs 2 worker processes')
    from geo.batch import Options, run

    try:
        tmp = tmp_root
        src = Path(tmp) / 'ar.jsonl'
        with open(src, 'w', encoding='utf-8') as f:
            for d in ar:
                f.write(json.dumps(d, ensure_ascii=False) + '\n')
        speeds = {}
        for workers in (1, 2):
            s = run(gp, Options(input=src, output=Path(tmp) / f'w{workers}', workers=workers, maps=False))
            speeds[workers] = s.parsed / s.seconds
            print(f'  --workers {workers}: {speeds[workers]:8.1f} docs/s (parse phase, {s.seconds:.1f} s)')
        print(f'  speed-up 2 vs 1: {speeds[2] / speeds[1]:.2f}x   (target >= 1.8x)')
        same = all((Path(tmp) / 'w1' / n).read_bytes() == (Path(tmp) / 'w2' / n).read_bytes()
                   for n in ('places.jsonl', 'errors.jsonl', 'places.csv', 'places.geojson'))
        print(f'  outputs identical: {same}')
        for workers in (1, 2):
            _, secs, _ = peak_rss_mb(GEO + ['batch', str(src), '-o', str(Path(tmp) / f'c{workers}'),
                                            '--workers', str(workers)])
            print(f'  whole command with maps, --workers {workers}: {secs:.1f} s wall '
                  f'({len(ar) / secs:.1f} docs/s end to end)')

        # 4. start-up ---------------------------------------------------------------------------
        section('start-up')
        one = Path(tmp) / 'one.txt'
        one.write_text('وصل الوفد إلى حلب قادماً من أربيل.', encoding='utf-8')
        walls = [peak_rss_mb(GEO + ['parse', str(one)])[1] for _ in range(3)]
        print(f'  `geo parse` of one sentence: {statistics.median(walls):.2f} s wall (median of 3: '
              'interpreter, imports, index open, parse)')
        t = time.perf_counter()
        Geoparser()
        print(f'  Geoparser() in a warm process: {time.perf_counter() - t:.3f} s')

        # 5. peak RSS ---------------------------------------------------------------------------
        section('peak RSS (resident memory)')
        rss, _, _ = peak_rss_mb(GEO + ['parse', str(one)])
        print(f'  `geo parse` of one sentence: {rss:.0f} MB')
        big = load(AR_FILE)
        for n in (min(500, len(big)), len(big)):
            part = Path(tmp) / f'ar{n}.jsonl'
            with open(part, 'w', encoding='utf-8') as f:
                for d in big[:n]:
                    f.write(json.dumps(d, ensure_ascii=False) + '\n')
            rss, secs, _ = peak_rss_mb(GEO + ['batch', str(part), '-o', str(Path(tmp) / f'm{n}'), '--workers', '1',
                                              '--no-maps'])
            print(f'  `geo batch --workers 1 --no-maps`, {n:5d} articles: {rss:.0f} MB ({secs:.0f} s)')
    finally:
        import shutil
        shutil.rmtree(tmp_root, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
