"""`geo gazetteer lookup NAME`: the best candidates the index has for a name."""
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


def show_lookup(name: str, gazetteers=(), limit: int = 10, as_json: bool = False, progress=None) -> int:
    """Print the candidates for a name (a table, or JSON), the gazetteer files laid over the index."""
    from gazetteer.sources.user import read_places

    extra = [p for g in gazetteers for p in read_places(g)]
    index = Index.open(overlay=extra, progress=progress)
    rows = lookup(index, name, limit)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for r in rows:
            print(f"{r['id']:<14} {r['name'][:32]:<32} {r['type']:<13} {r['country']:<2} "
                  f"pop {r['population']:>9} {r['lat']:9.4f} {r['lon']:9.4f} {r['match']}")
        if not rows:
            print(f'no place named {name!r}', file=sys.stderr)
    return 0
