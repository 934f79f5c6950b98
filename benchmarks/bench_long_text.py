"""Time and memory of `geo parse` on one long text, from 1 to 64 MB (issue: long texts must grow
linearly).  Run by `make bench` (not a test: nothing asserted).

The text is news articles one after the other, as a month of a newspaper pasted into one file:
the Arabic corpus of ../shared when it is there, else the bundled examples repeated.  For each
size it prints the wall seconds, the peak resident memory of the `geo parse` process, and MB/s;
the last column should stay about flat as the size doubles.

    .venv/bin/python benchmarks/bench_long_text.py [--max-mb 64]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / 'shared' / 'corpus' / 'ar_news.jsonl'
GEO = [sys.executable, '-m', 'geo.cli']


def articles() -> list[str]:
    if CORPUS.exists():
        with open(CORPUS, encoding='utf-8') as f:
            return [json.loads(line)['text'] for line in f if line.strip()]
    return [p.read_text(encoding='utf-8') for p in sorted((ROOT / 'examples').glob('*.txt'))]


def write_text(path: Path, megabytes: float, texts: list[str]) -> int:
    """A file of about `megabytes` MB of UTF-8: the articles in turn, a blank line between."""
    size, i = 0, 0
    with open(path, 'w', encoding='utf-8') as f:
        while size < megabytes * 1_000_000:
            t = texts[(i * 7) % len(texts)] + '\n\n'
            f.write(t)
            size += len(t.encode('utf-8'))
            i += 1
    return size


# runs `geo parse FILE` and prints the child's peak RSS (KB): a fresh parent per size, so that
# each size gets its own peak (the OS keeps only the largest child's)
_MEASURE = """
import resource, subprocess, sys
with open(sys.argv[2], 'w', encoding='utf-8') as out:
    subprocess.run(sys.argv[3:] + ['parse', sys.argv[1]], stdout=out, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run(path: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB, mentions) of `geo parse FILE` in a child process."""
    out = path.with_suffix('.jsonl')
    t = time.perf_counter()
    peak_kb = subprocess.run([sys.executable, '-c', _MEASURE, str(path), str(out)] + GEO,
                             capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - t
    with open(out, encoding='utf-8') as f:
        mentions = sum(len(json.loads(line)['toponyms']) for line in f if line.strip())
    os.unlink(out)
    return wall, int(peak_kb) / 1024, mentions


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--max-mb', type=int, default=64)
    args = ap.parse_args(argv)
    texts = articles()
    print(f'{"MB":>5} {"seconds":>8} {"peak RSS MB":>12} {"MB/s":>6} {"places named":>13}')
    with tempfile.TemporaryDirectory() as tmp:
        mb = 1
        while mb <= args.max_mb:
            path = Path(tmp) / f'long-{mb}.txt'
            size = write_text(path, mb, texts)
            wall, peak, mentions = run(path)
            print(f'{size / 1e6:5.1f} {wall:8.1f} {peak:12.0f} {size / 1e6 / wall:6.2f} {mentions:13,}', flush=True)
            os.unlink(path)
            mb *= 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
