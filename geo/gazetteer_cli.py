"""`geo gazetteer ...`: build, lookup, info, add, import, download."""
from __future__ import annotations

import json
import sys

from gazetteer.index import Index
from gazetteer.keys import fold


def lookup(index: Index, name: str, limit: int = 10) -> list[dict]:
    """The best candidates for a name: exact matches by rank, then fuzzy ones."""
    from gazetteer.place import TYPES

    key = fold(name)
    seen, rows = set(), []
    for r, kind in index.rows(key):
        if r not in seen:
            seen.add(r)
            rows.append((r, 'exact', 100.0))
    if len(rows) < limit:
        for k, score in index.fuzzy_keys(key, score_cutoff=80, limit=limit):
            for r, _ in index.rows(k):
                if r not in seen:
                    seen.add(r)
                    rows.append((r, 'fuzzy', score))

    def rank(x):
        c = index.core(x[0])
        return (x[1] == 'exact', x[2], TYPES.get(c.type, 0) >= 8, c.seat, c.population, c.nnames)

    rows.sort(key=rank, reverse=True)
    out = []
    for r, how, score in rows[:limit]:
        p = index.place(r)
        out.append({'id': p.id, 'name': p.name, 'name_ar': p.name_ar, 'type': p.type, 'country': p.country,
                    'admin1': p.admin1, 'population': p.population, 'lat': p.lat, 'lon': p.lon,
                    'geonameid': p.geonameid, 'match': how, 'score': score, 'source': p.source})
    return out


def run(args, progress) -> int:
    cmd = args.gcommand
    if cmd == 'build':
        from gazetteer.build import build
        from gazetteer.paths import index_root
        path = build(index_root(), progress=progress(), force=args.force)
        print(path)
        return 0
    if cmd == 'lookup':
        from gazetteer.sources.user import read_places
        extra = [p for g in args.gazetteer for p in read_places(g)]
        index = Index.open(overlay=extra, progress=progress())
        rows = lookup(index, args.name, args.limit)
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=1))
        else:
            for r in rows:
                print(f"{r['id']:<14} {r['name'][:32]:<32} {r['type']:<13} {r['country']:<2} "
                      f"pop {r['population']:>9} {r['lat']:9.4f} {r['lon']:9.4f} {r['match']}")
            if not rows:
                print(f'no place named {args.name!r}', file=sys.stderr)
        return 0
    if cmd == 'info':
        from .gazetteer_info import info
        return info(Index.open(progress=progress()))
    from . import gazetteer_manage
    return gazetteer_manage.run(args, progress)
