"""The two joint solves of geo.resolve (numpy; plain Python) side by side, by problem size: where
the plain-Python one stops paying (geo.resolve.solver.SMALL_PAIRS).

    python benchmarks/bench_solvers.py [en|ar] [--reps 5] [--shared DIR] [--memo]

Builds each document's groups with the real pipeline (English dev sets of ../shared/eval, or the
first 1,000 articles of ../shared/corpus/ar_news.jsonl), then times each solve on fresh copies,
alternating, in CPU time (the machine may be shared), per bucket of (scored candidates) x
(candidates).  --memo gives both solves the closeness of pairs of places kept across documents,
as the solve stage does (warmed by a first pass): the plain-Python solve reads it, the numpy one
works every distance out.  Without ../shared it says so and exits 0."""
from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / 'shared'
BUCKETS = (50, 100, 150, 200, 250, 300, 400, 500, 700, 1000, 10 ** 9)


def texts(which: str, shared: Path) -> list[str]:
    if which == 'en':
        files = [shared / 'eval' / f'{n}.dev.jsonl' for n in ('geowebnews', 'lgl', 'trnews')]
        limit = None
    else:
        files, limit = [shared / 'corpus' / 'ar_news.jsonl'], 1000
    out = []
    for f in files:
        with open(f, encoding='utf-8') as fh:
            out += [json.loads(line)['text'] for line in fh if line.strip()]
    return out[:limit]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument('which', nargs='?', default='ar', choices=('ar', 'en'))
    ap.add_argument('--reps', type=int, default=5)
    ap.add_argument('--shared', type=Path, default=SHARED, help='the shared data (default: ../shared)')
    ap.add_argument('--memo', action='store_true', help='closeness kept across documents, as the stage keeps it')
    args = ap.parse_args()
    if not args.shared.is_dir():
        print(f'{args.shared} not found: nothing to measure')
        return 0
    sys.path.insert(0, str(ROOT))
    from geo.pipeline import Geoparser
    from geo.resolve.problem import Problem
    from geo.resolve.small import solve_small
    from geo.resolve.solver import SMALL_PAIRS, solve_numpy

    gp = Geoparser()
    by = defaultdict(list)
    for text in texts(args.which, args.shared):
        groups = gp.run(text, until='candidates').groups
        p = Problem(groups)
        size = 0 if p.settled else p.n_scored * len(p.flat)
        by[next(b for b in BUCKETS if size <= b) if size else 0].append(groups)

    memo = {} if args.memo else None

    def timed(solve, problems) -> float:
        fresh = [copy.deepcopy(g) for g in problems]
        t = time.process_time()
        for g in fresh:
            solve(Problem(g, memo=memo))
        return (time.process_time() - t) / len(problems) * 1e6

    if args.memo:
        for b in by:
            timed(solve_small, by[b])

    print(f'{args.which}: us per document (median of {args.reps}), by scored x all candidates '
          f'(SMALL_PAIRS = {SMALL_PAIRS}{", closeness kept across documents" if args.memo else ""})')
    for b in sorted(by):
        a, s = [], []
        for _ in range(args.reps):
            a.append(timed(solve_numpy, by[b]))
            s.append(timed(solve_small, by[b]))
        label = 'settled' if b == 0 else f'<= {b}' if b < BUCKETS[-1] else 'more'
        print(f'  {label:10s} {len(by[b]):5d} docs   numpy {statistics.median(a):7.1f}   '
              f'plain Python {statistics.median(s):7.1f}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
