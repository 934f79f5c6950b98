"""Do two versions of the parser say the same?  Not a test: a tool for speed work, which must not
change what is found (issue 17: "differences on 1,000 news articles are listed and explained").

    python benchmarks/predictions_diff.py write before.jsonl      # at the old commit
    python benchmarks/predictions_diff.py write after.jsonl       # at the new one
    python benchmarks/predictions_diff.py diff before.jsonl after.jsonl

`write` parses the seed, every dev set of ../shared/eval and the first --corpus articles of
../shared/corpus/ar_news.jsonl (default 1000), one output record per document (geo.export.jsonl,
with the set's name).  `diff` prints, per set, how many documents differ, and each differing
mention: what only one side found, and what both found but placed or scored differently.
Without ../shared it prints why and exits 0."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / 'shared'
SETS = ('arnews', 'arnews_wide', 'idrisi_d_ar', 'idrisi_r_ar', 'geowebnews', 'lgl', 'trnews')


def documents(corpus: int, shared: Path):
    seed = shared / 'seed'
    for gold in sorted(seed.glob('*.gold.json')):
        g = json.loads(gold.read_text(encoding='utf-8'))
        text = g.get('text') or (seed / gold.name.replace('.gold.json', '.ar.txt')).read_text(encoding='utf-8')
        yield 'seed', gold.stem, text
    for name in SETS:
        with open(shared / 'eval' / f'{name}.dev.jsonl', encoding='utf-8') as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    yield name, str(d['id']), d['text']
    with open(shared / 'corpus' / 'ar_news.jsonl', encoding='utf-8') as f:
        for k, line in enumerate(f):
            if k >= corpus:
                break
            d = json.loads(line)
            yield 'corpus', str(d['id']), d['text']


def write(out: Path, corpus: int, shared: Path) -> int:
    from geo.export.jsonl import record
    from geo.settings import ParseSettings, open_geoparser

    gp = open_geoparser(ParseSettings())
    with open(out, 'w', encoding='utf-8') as f:
        for name, doc_id, text in documents(corpus, shared):
            rec = record(gp.parse(text, doc_id))
            rec['set'] = name
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + '\n')
    return 0


def _load(path: Path) -> dict:
    with open(path, encoding='utf-8') as f:
        return {(r['set'], r['id']): r for r in map(json.loads, f)}


def _mention(t: dict) -> str:
    where = f"{t.get('name')} ({t.get('country')}, {t.get('lat')}, {t.get('lon')})" if t['resolved'] else 'unresolved'
    return f"{t['start']}-{t['end']} {t['text']!r} score {t['score']} -> {where}"


def diff(a_path: Path, b_path: Path) -> int:
    a, b = _load(a_path), _load(b_path)
    per_set: dict[str, list[int]] = {}
    for key in sorted(set(a) | set(b)):
        ra, rb = a.get(key), b.get(key)
        counts = per_set.setdefault(key[0], [0, 0])
        counts[0] += 1
        if ra == rb:
            continue
        counts[1] += 1
        print(f'== {key[0]} {key[1]}')
        ta = {(t['start'], t['end']): t for t in (ra or {}).get('toponyms', [])}
        tb = {(t['start'], t['end']): t for t in (rb or {}).get('toponyms', [])}
        for span in sorted(set(ta) | set(tb)):
            x, y = ta.get(span), tb.get(span)
            if x == y:
                continue
            if x is None:
                print(f'  + {_mention(y)}')
            elif y is None:
                print(f'  - {_mention(x)}')
            else:
                changed = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
                print(f'  ~ {_mention(x)}\n    {_mention(y)}   [{", ".join(changed)}]')
    print('\ndocuments differing, per set:')
    for name, (n, d) in per_set.items():
        print(f'  {name:12s} {d:5d} of {n}')
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = ap.add_subparsers(dest='cmd', required=True)
    w = sub.add_parser('write', help='parse every document and write one record per line')
    w.add_argument('out', type=Path)
    w.add_argument('--corpus', type=int, default=1000, help='articles of ar_news.jsonl (default 1000)')
    w.add_argument('--shared', type=Path, default=SHARED,
                   help=f'the shared data folder (default {SHARED}; a git worktree elsewhere must say where)')
    d = sub.add_parser('diff', help='list the differences between two written files')
    d.add_argument('before', type=Path)
    d.add_argument('after', type=Path)
    args = ap.parse_args()
    if args.cmd == 'diff':
        return diff(args.before, args.after)
    shared = args.shared
    if not (shared / 'eval').is_dir() or not (shared / 'corpus' / 'ar_news.jsonl').exists():
        print(f'predictions_diff: skipped: {shared} has no eval sets or corpus (the shared data is optional)')
        return 0
    return write(args.out, args.corpus, shared)


if __name__ == '__main__':
    sys.exit(main())
