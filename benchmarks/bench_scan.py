"""Time the scanning stages (organisations, names, focus, cues, fuzzy, demonyms) in ms per
document, warm: every document is parsed whole, again and again, as geo parse would (make_doc
and every stage), and only these stages are timed.  The best of the repetitions is reported,
as the machine may be shared.

    PYTHONPATH=. python benchmarks/bench_scan.py [ar|en|both] [repetitions] [--split] [--cpu]

--split times the look-up of every word of a Doc (geo.recognize.words.scan, which the first of
these stages would make) apart from the stages; --cpu reads this thread's CPU time (less the
cost of reading it) instead of the wall clock, steadier on a shared machine.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from geo.doc import make_doc
from geo.pipeline import Geoparser
from geo.recognize import words

SHARED = Path(__file__).resolve().parents[2] / 'shared'
SCAN = ('organisations', 'names', 'focus', 'cues', 'fuzzy', 'demonyms')
SPLIT = '--split' in sys.argv
CLOCK = time.thread_time if '--cpu' in sys.argv else time.perf_counter


def load(path: Path, n: int | None = None) -> list[str]:
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line)['text'])
            if n and len(out) >= n:
                break
    return out


def clock_cost(n: int = 20000) -> float:
    a = CLOCK()
    for _ in range(n):
        CLOCK()
    return (CLOCK() - a) / n


def timed(gp: Geoparser, texts: list[str], reps: int) -> dict[str, float]:
    stages = [(s.name, s.run) for s in gp.stages]
    if SPLIT and hasattr(words, 'scan'):     # the one look-up of every word, timed on its own
        stages.insert(0, ('scan', words.scan))
    names = [name for name, _ in stages if name in SCAN or name == 'scan']
    best = dict.fromkeys(names, float('inf'))
    cost = clock_cost()
    for _ in range(reps + 1):                # the first pass warms the memos
        took = dict.fromkeys(names, 0.0)
        for text in texts:
            doc = make_doc(text, gp.index)
            for name, run in stages:
                if name in took:
                    a = CLOCK()
                    run(doc)
                    took[name] += CLOCK() - a - cost
                else:
                    run(doc)
        for name, t in took.items():
            best[name] = min(best[name], 1000 * t / len(texts))
    return best


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    which = args[0] if args else 'both'
    reps = int(args[1]) if len(args) > 1 else 3
    if not (SHARED / 'eval').is_dir() or not (SHARED / 'corpus' / 'ar_news.jsonl').exists():
        print(f'bench_scan: skipped: {SHARED} has no eval sets or corpus (the shared data is optional)')
        return
    gp = Geoparser()
    sets = []
    if which in ('en', 'both'):
        sets.append(('English dev', [t for f in ('geowebnews', 'lgl', 'trnews')
                                     for t in load(SHARED / f'eval/{f}.dev.jsonl')]))
    if which in ('ar', 'both'):
        sets.append(('Arabic 1000', load(SHARED / 'corpus/ar_news.jsonl', 1000)))
    for label, texts in sets:
        best = timed(gp, texts, reps)
        print(f'{label}: scan stages {sum(best.values()):.3f} ms/doc  ' +
              '  '.join(f'{k} {v:.3f}' for k, v in best.items()))


if __name__ == '__main__':
    main()
