"""Where a parse spends its time, stage by stage, in a first pass (every word, name and place new
to the per-word and per-name memos) and in a second pass over the same documents (all of them
known): what filling the memos costs, and what a long run's steady state costs.

    PYTHONPATH=. python benchmarks/bench_stages.py [ar|en|both] [documents] [--wall]

ar: the first `documents` articles of ../shared/corpus/ar_news.jsonl (default all, as
bench_parse's one pass); en: the English dev documents of ../shared/eval; both (the default, as
`make bench` runs it): one, then the other, each in a parser of its own.  Times are this
thread's CPU seconds (--wall: the wall clock), summed over the documents, for make_doc, each
stage of the Geoparser and to_result.  The garbage collector runs as in `geo batch`
(geo.gc_policy.for_long_runs).  The data in ../shared is optional: without it this prints why and
exits 0.  (Not a test: nothing asserted.)
"""
from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from bench_parse import AR_FILE, EN_FILES, SHARED, load    # (the same documents bench_parse reads)


def sources(lang: str) -> list[Path]:
    return [AR_FILE] if lang == 'ar' else [SHARED / 'eval' / f for f in EN_FILES]


def texts(lang: str, n: int | None) -> list[str]:
    out = [d['text'] for p in sources(lang) for d in load(p)]
    return out[:n] if n else out


def one_pass(gp, docs: list[str], clock) -> tuple[float, Counter]:
    """(seconds in all, seconds per stage) of parsing every document once."""
    from geo.doc import make_doc
    from geo.pipeline import to_result

    per: Counter = Counter()
    start = clock()
    for text in docs:
        t = clock()
        doc = make_doc(text, gp.index)
        t2 = clock()
        per['make_doc'] += t2 - t
        for stage in gp.stages:
            stage.run(doc)
            t3 = clock()
            per[stage.name] += t3 - t2
            t2 = t3
        to_result(doc, 'doc')
        per['to_result'] += clock() - t2
    return clock() - start, per


def main() -> int:
    args = sys.argv[1:]
    lang = next((a for a in args if a in ('ar', 'en', 'both')), 'both')
    n = next((int(a) for a in args if a.isdigit()), None)
    clock = time.perf_counter if '--wall' in sys.argv else time.thread_time
    if lang == 'both':
        for one in ('ar', 'en'):      # (a process each: the first one's memos would warm the second)
            subprocess.run([sys.executable, __file__, one] + [a for a in sys.argv[1:] if a != 'both'], check=True)
        return 0
    missing = [p for p in sources(lang) if not p.exists()]
    if missing:
        print(f'bench_stages: skipped: {missing[0]} is not here (the shared data is optional)')
        return 0
    from geo import gc_policy
    from geo.pipeline import Geoparser

    docs = texts(lang, n)
    gp = Geoparser()
    gp.parse('.')                   # (imports and tables that load on first use)
    gc_policy.for_long_runs()
    first, cold = one_pass(gp, docs, clock)
    second, warm = one_pass(gp, docs, clock)
    what = 'CPU' if clock is time.thread_time else 'wall'
    print(f'{len(docs)} {"Arabic articles" if lang == "ar" else "English documents"}, {what} seconds')
    print(f'  first pass  {first:7.2f} s  {len(docs) / first:7.1f} docs/s')
    print(f'  second pass {second:7.2f} s  {len(docs) / second:7.1f} docs/s')
    print(f'  {"stage":14s} {"first":>7s} {"second":>7s} {"first-second":>13s} {"share of second":>16s}')
    for name, s in sorted(warm.items(), key=lambda kv: -cold[kv[0]]):
        c = cold[name]
        print(f'  {name:14s} {c:7.2f} {s:7.2f} {c - s:13.2f} {100 * s / second:15.1f}%')
    return 0


if __name__ == '__main__':
    sys.exit(main())
