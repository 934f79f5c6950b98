"""Benchmark of the gazetteer index: build time, open time, memory after open, exact and fuzzy
lookups per second, fuzzy latency percentiles and recall on single-edit near misses.

    python benchmarks/bench_index.py                 # builds the default index in a temporary home
    python benchmarks/bench_index.py --root DIR      # measures an index root that exists (no build)
    python benchmarks/bench_index.py --json          # one JSON object on stdout
    python benchmarks/bench_index.py --installs      # two installs sharing one cache (below)
    python benchmarks/bench_index.py --installs --code DIR   # the same with the gazetteer package in DIR

--installs: two installs on one machine (their code differs, so their indexes' fingerprints do)
open the index in turn, A B A B A, each in a fresh process; the opens after the first two show
whether an install rebuilds because the other built (the cache kept one index per folder until
issue 15) or opens its own build in milliseconds.  `--code DIR` runs an older version for the
before figure (e.g. `git archive fb9920a gazetteer | tar -x -C DIR`); `--source FILE` builds from
one CSV of places instead of the embedded sources, for a quicker run.

Run by `make bench`, never by the tests.  Targets (2-core machine): build <= 60 s, open <= 0.2 s,
RSS after open <= 150 MB, fuzzy lookup p95 <= 1 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {'build_s': 60.0, 'open_s': 0.2, 'rss_after_open_mb': 150.0, 'fuzzy_p95_ms': 1.0}
# real near misses: a typo, a missing letter, a run-together or shortened Arabic spelling
NEAR_MISSES = [('Aleppp', 'aleppo'), ('Damascis', 'damascus'), ('Deir ez Zorr', 'deir ez zor'),
               ('Mosull', 'mosul'), ('Bagdhad', 'baghdad'), ('Kirkukk', 'kirkuk'), ('Palmyraa', 'palmyra'),
               ('دير الزو', 'دير الزور'), ('الميادن', 'الميادين'), ('البوكما', 'البوكمال'),
               ('حمض', 'حمص'), ('الموصلل', 'الموصل'), ('دمشقق', 'دمشق'), ('اللاذقيه', 'اللاذقيه'),
               ('القامشلى', 'القامشلي'), ('بيرت', 'بيروت')]

OPEN_PROBE = r'''
import json, sys, time
t0 = time.perf_counter()
from gazetteer.index import Index
t1 = time.perf_counter()
ix = Index.open(sys.argv[1], check_fresh=sys.argv[2] == '1')
t2 = time.perf_counter()
ix.exact('aleppo'); ix.fuzzy_keys('aleppp')
t3 = time.perf_counter()
rss = 0
with open('/proc/self/status') as f:
    for line in f:
        if line.startswith('VmRSS:'):
            rss = int(line.split()[1]) / 1024
print(json.dumps({'import_s': t1 - t0, 'open_s': t2 - t1, 'first_lookup_s': t3 - t2, 'rss_mb': rss}))
'''


def measure_open(root: Path, check_fresh: bool, runs: int = 5) -> dict:
    """Open the index in fresh processes (what a command pays) and keep the median."""
    got = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, '-c', OPEN_PROBE, str(root), '1' if check_fresh else '0'],
                             capture_output=True, text=True, check=True)
        got.append(json.loads(out.stdout))
    return {k: statistics.median(g[k] for g in got) for k in got[0]}


INSTALL_PROBE = r'''
import hashlib, json, sys, time
from pathlib import Path
import gazetteer.build as b, gazetteer.index as ix
root, salt, source = sys.argv[1:4]
if source != '-':
    from gazetteer.sources.user import UserFile
    for m in (b, ix):
        if hasattr(m, 'default_sources'):
            m.default_sources = lambda: [UserFile(source)]
real = b.fingerprint
for m in (b, ix):   # another install: the same sources, other code
    if hasattr(m, 'fingerprint'):
        m.fingerprint = lambda s: hashlib.sha1((real(s) + salt).encode()).hexdigest()[:20]
t = time.perf_counter()
index = ix.Index.open(Path(root))
print(json.dumps({'open_s': time.perf_counter() - t, 'path': str(index.path), 'code': b.__file__}))
'''


def bench_installs(code: Path | None, source: Path | None) -> dict:
    """Seconds per open of two installs taking turns on one cache (A B A B A)."""
    home = Path(tempfile.mkdtemp(prefix='bench-installs-'))
    env = dict(os.environ, GEO_TEXTMAP_HOME=str(home))
    if code is not None:
        env['PYTHONPATH'] = os.pathsep.join([str(code), *filter(None, [env.get('PYTHONPATH')])])
    opens = []
    try:
        for who in 'ABABA':
            out = subprocess.run([sys.executable, '-c', INSTALL_PROBE, str(home / 'index'), who,
                                  str(source) if source else '-'], capture_output=True, text=True, env=env, check=True,
                                 cwd=home)   # not the checkout: --code must win
            got = json.loads(out.stdout)
            opens.append({'install': who, 'open_s': round(got['open_s'], 3), 'build': Path(got['path']).name})
        code_dir = str(Path(got['code']).parent.parent)
        kept = sorted(p.name for p in (home / 'index').glob('b-*'))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    later = [o['open_s'] for o in opens[2:]]
    return {'code': code_dir, 'source': str(source) if source else 'embedded', 'opens': opens,
            'open_after_other_install_built_s': statistics.median(later), 'builds_kept': kept}


def typo(rng: random.Random, key: str, alphabet: str) -> str:
    i = rng.randrange(len(key))
    r = rng.random()
    ch = rng.choice(alphabet)
    if r < 0.4:
        return key[:i] + ch + key[i + 1:]
    if r < 0.7:
        return key[:i] + key[i + 1:]
    if r < 0.9:
        return key[:i] + ch + key[i:]
    if i < len(key) - 1:
        return key[:i] + key[i + 1] + key[i] + key[i + 2:]
    return key + ch


def percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * q))]


def bench_lookups(root: Path, n_exact: int, n_fuzzy: int, seed: int) -> dict:
    from rapidfuzz import fuzz

    from gazetteer.index import Index

    ix = Index.open(root, check_fresh=False)
    rng = random.Random(seed)
    keys = [k for k in ix._names.iterkeys() if not k.startswith('\x01') and len(k) >= 3]
    sample = rng.sample(keys, min(n_exact, len(keys)))
    t = time.perf_counter()
    for k in sample:
        ix.rows(k)
    rows_s = time.perf_counter() - t
    t = time.perf_counter()
    for k in sample[: n_exact // 4]:
        ix.exact(k)
    exact_s = time.perf_counter() - t
    alphabet = 'abcdeilmnorstuyاليمنرسكبد'
    pairs, seen = [], set()
    for k in rng.sample(keys, min(n_fuzzy * 2, len(keys))):
        q = typo(rng, k, alphabet)
        if q not in seen and len(q) >= 3:
            seen.add(q)
            pairs.append((k, q))
        if len(pairs) >= n_fuzzy:
            break
    for k, q in pairs[:20]:      # warm up (imports, first page faults): not measured
        ix.fuzzy_keys(q + 'x', score_cutoff=85, limit=10)
    times, found, eligible = [], 0, 0
    for k, q in pairs:
        t = time.perf_counter()
        ix.fuzzy_keys(q, score_cutoff=85, limit=10)
        times.append(time.perf_counter() - t)
        if fuzz.ratio(k, q) >= 85:
            eligible += 1
            found += k in {g for g, _ in ix.fuzzy_keys(q, score_cutoff=85, limit=10_000)}
    times.sort()
    from gazetteer.keys import fold
    near = {q: t in {k for k, _ in ix.fuzzy_keys(fold(q), score_cutoff=80, limit=20)} or t in ix
            for q, t in NEAR_MISSES}
    return {
        'places': len(ix), 'keys': len(keys),
        'rows_per_s': len(sample) / rows_s, 'exact_with_place_per_s': (n_exact // 4) / exact_s,
        'fuzzy_per_s': len(times) / sum(times), 'fuzzy_mean_ms': 1e3 * statistics.mean(times),
        'fuzzy_p50_ms': 1e3 * percentile(times, 0.50), 'fuzzy_p95_ms': 1e3 * percentile(times, 0.95),
        'fuzzy_p99_ms': 1e3 * percentile(times, 0.99), 'fuzzy_queries': len(times),
        'fuzzy_recall_single_edit': found / eligible if eligible else None, 'fuzzy_recall_eligible': eligible,
        'near_misses_found': sum(near.values()), 'near_misses': len(near),
        'near_misses_lost': [q for q, ok in near.items() if not ok],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--root', type=Path, help='an index root that exists (skips the build)')
    ap.add_argument('--exact', type=int, default=20_000, help='exact lookups (default 20000)')
    ap.add_argument('--fuzzy', type=int, default=2_000, help='fuzzy lookups (default 2000)')
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--json', action='store_true')
    ap.add_argument('--strict', action='store_true', help='exit 1 when a target is missed')
    ap.add_argument('--installs', action='store_true', help='only: two installs taking turns on one cache')
    ap.add_argument('--code', type=Path, help='with --installs: the folder holding the gazetteer package to run')
    ap.add_argument('--source', type=Path, help='with --installs: build from this CSV instead of the embedded sources')
    args = ap.parse_args(argv)
    if args.installs:
        got = bench_installs(args.code, args.source)
        if args.json:
            print(json.dumps(got, ensure_ascii=False))
        else:
            print(f'two installs on one cache ({got["code"]}, sources: {got["source"]})')
            for o in got['opens']:
                print(f'  open by {o["install"]}: {o["open_s"]:8.3f} s  {o["build"]}')
            print(f'  median open after the other install built: {got["open_after_other_install_built_s"]:.3f} s; '
                  f'builds kept: {len(got["builds_kept"])}')
        return 0

    res: dict = {}
    tmp = None
    try:
        if args.root is None:
            tmp = Path(tempfile.mkdtemp(prefix='bench-index-'))
            os.environ['GEO_TEXTMAP_HOME'] = str(tmp)    # no user folder: the embedded sources only
            import resource

            from gazetteer.build import build
            res['load_average_before'] = os.getloadavg()[0]      # other work on the machine slows the build
            cpu0 = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
            t = time.perf_counter()
            root = tmp / 'index'
            build(root)
            res['build_s'] = time.perf_counter() - t
            cpu1 = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
            res['build_cpu_s'] = sum(b.ru_utime + b.ru_stime - a.ru_utime - a.ru_stime for a, b in zip(cpu0, cpu1))
        else:
            root = args.root
        op = measure_open(root, check_fresh=False)
        res.update(open_s=op['open_s'], import_s=op['import_s'], first_lookup_s=op['first_lookup_s'],
                   rss_after_open_mb=op['rss_mb'])
        if args.root is None:
            res['open_checking_sources_s'] = measure_open(root, check_fresh=True, runs=3)['open_s']
        res.update(bench_lookups(root, args.exact, args.fuzzy, args.seed))
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

    verdict = {k: res[k] <= v for k, v in TARGETS.items() if k in res}
    if args.json:
        print(json.dumps({**res, 'targets': TARGETS, 'met': verdict}, ensure_ascii=False))
    else:
        print(f'gazetteer index: {res["places"]:,} places, {res["keys"]:,} keys')
        for k, v in res.items():
            if k in ('places', 'keys'):
                continue
            mark = '' if k not in TARGETS else ('  ok (target <= %g)' % TARGETS[k] if verdict[k]
                                               else '  OVER target %g' % TARGETS[k])
            shown = f'{v:,.3f}' if isinstance(v, float) else f'{v}'
            print(f'  {k:<28} {shown}{mark}')
    return 1 if args.strict and not all(verdict.values()) else 0


if __name__ == '__main__':
    sys.exit(main())
