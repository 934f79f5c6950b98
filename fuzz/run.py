"""`make fuzz`: run every harness of this folder for a bounded time, one after the other, and say
how many inputs each executed and whether it found anything.

    .venv/bin/python fuzz/run.py [--seconds 60] [--only parse|gazetteer]

Each harness is a libFuzzer process (atheris) with the seeds in fuzz/seeds/NAME (hand-written)
and a working corpus in fuzz/work/NAME (kept between runs, git-ignored); a crashing, failing or
hanging input is written to fuzz/crashes/.  Exit code 0 when nothing was found, 1 otherwise.
Its log is fuzz/work/NAME.log."""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
HARNESSES = {'parse': 'fuzz_parse.py', 'gazetteer': 'fuzz_gazetteer_csv.py'}


def run(name: str, seconds: int) -> tuple[int, bool, float]:
    work, crashes = HERE / 'work' / name, HERE / 'crashes'
    work.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(exist_ok=True)
    log = HERE / 'work' / f'{name}.log'
    before = set(crashes.iterdir())
    cmd = [sys.executable, str(HERE / HARNESSES[name]), str(work), str(HERE / 'seeds' / name),
           f'-max_total_time={seconds}', '-timeout=30', '-rss_limit_mb=4096', '-max_len=8192',
           f'-artifact_prefix={crashes}/{name}-', '-print_final_stats=1']
    t0 = time.monotonic()
    with open(log, 'w') as f:
        proc = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT)
    took = time.monotonic() - t0
    text = log.read_text(errors='replace')
    m = re.search(r'stat::number_of_executed_units:\s*(\d+)', text) or re.search(r'Done (\d+) runs', text)
    runs = int(m.group(1)) if m else 0
    found = proc.returncode != 0 or set(crashes.iterdir()) != before
    return runs, found, took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--seconds', type=int, default=60, help='per harness')
    ap.add_argument('--only', choices=sorted(HARNESSES))
    args = ap.parse_args()
    try:
        import atheris  # noqa: F401
    except ImportError:
        print('atheris is not installed: `make fuzz` installs it (pip install --prefer-binary atheris)', file=sys.stderr)
        return 2
    bad = 0
    for name in ([args.only] if args.only else HARNESSES):
        runs, found, took = run(name, args.seconds)
        verdict = 'FOUND A PROBLEM: see fuzz/crashes/ and ' + f'fuzz/work/{name}.log' if found else 'no finding'
        print(f'fuzz {name}: {runs} executions in {took:.0f} s, {verdict}', flush=True)
        bad += found
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
