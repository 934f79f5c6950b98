"""How long the maps of one document take, after imports: the HTML map (target <= 0.5 s) and the
PNG (target <= 1.5 s) of the seed article, in every static format, first in a fresh process (the
basemap layers read from their packages) and then again (layers in memory).

Run by `make bench`, or `python benchmarks/bench_maps.py [FILE.txt ...]`.  The seed is read from
../shared/seed/ when it is there, else the bundled examples are used.  Results also go to
benchmarks/results/maps.json.  Not a test: nothing here fails on a slow machine.
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / 'shared' / 'seed' / 'deir-ez-zor-airstrikes.ar.txt'
sys.path.insert(0, str(ROOT))        # the checkout, also when run from elsewhere
TARGETS = {'html': 0.5, 'png': 1.5}


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or ([SEED] if SEED.exists() else sorted((ROOT / 'examples').glob('*.txt')))
    t0 = time.perf_counter()
    import matplotlib
    matplotlib.use('Agg')
    import folium  # noqa: F401
    import geopandas  # noqa: F401
    import matplotlib.pyplot  # noqa: F401
    import matplotlib_scalebar.scalebar  # noqa: F401

    from geo.pipeline import Geoparser
    from geo.maps import html, static
    imports = time.perf_counter() - t0
    gp = Geoparser()
    results = [gp.parse(f.read_text(encoding='utf-8'), f.stem) for f in files]
    rows = []
    for k, r in enumerate(results):
        for fmt in ('html', 'png', 'svg', 'pdf'):
            def once():
                t = time.perf_counter()
                data = html.render(r).encode('utf-8') if fmt == 'html' else static.render(r, fmt, dpi=200)
                return time.perf_counter() - t, len(data)
            first, size = once()
            again = statistics.median(once()[0] for _ in range(3))
            rows.append({'doc': r.id, 'places': len(r.places), 'format': fmt, 'first_s': round(first, 3),
                         'again_s': round(again, 3), 'bytes': size, 'target_s': TARGETS.get(fmt),
                         'fresh_process': k == 0})
    print(f'imports: {imports:.2f} s (not counted)')
    print(f'{"document":34} {"places":>6} {"format":>6} {"first":>8} {"again":>8} {"size":>10} {"target":>7}')
    for row in rows:
        target = f'{row["target_s"]:.1f} s' if row['target_s'] else ''
        verdict = '' if not row['target_s'] else (' ok' if row['first_s'] <= row['target_s'] else
                                                 ' ok warm' if row['again_s'] <= row['target_s'] else ' SLOW')
        print(f'{row["doc"][:34]:34} {row["places"]:>6} {row["format"]:>6} {row["first_s"]:>7.2f}s {row["again_s"]:>7.2f}s '
              f'{row["bytes"] / 1024:>8.0f}kB {target:>7}{verdict}')
    print('first: the first map of this format in the process (fresh process for the first document); '
          'again: median of 3 more')
    out = ROOT / 'benchmarks' / 'results'
    out.mkdir(parents=True, exist_ok=True)
    (out / 'maps.json').write_text(json.dumps({'imports_s': round(imports, 3), 'rows': rows}, indent=1),
                                   encoding='utf-8')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
