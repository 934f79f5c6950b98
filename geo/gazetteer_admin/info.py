"""`geo gazetteer info`: what the index holds, source by source: entries, names by script (and
by language where the source tags them, as GeoNames alternate names do), how many entries have
an Arabic name, and each source's licence."""
from __future__ import annotations

from gazetteer.index import Index


def _share(part: int, whole: int) -> str:
    return f'{100.0 * part / whole:.1f}%' if whole else '-'


def _top(counts: dict, n: int = 6) -> str:
    items = sorted(counts.items(), key=lambda kv: -kv[1])
    shown = ', '.join(f'{k} {v:,}' for k, v in items[:n])
    more = len(items) - n
    return shown + (f', +{more} more' if more > 0 else '')


def describe(meta: dict) -> list[str]:
    """The lines `info` prints, from an index's meta.json."""
    total = meta.get('places', 0)
    lines = [f'{total:,} places, {meta.get("keys", 0):,} lookup keys; built {meta.get("built", "?")}'
             + (' (custom index)' if meta.get('custom') else ''),
             f'places with an Arabic name: {meta.get("arabic_names", 0):,} ({_share(meta.get("arabic_names", 0), total)})',
             '']
    rows = [('source', 'new', 'merged', 'names', 'Arabic-script', 'with Arabic')]
    details = []
    for name, s in meta.get('sources', {}).items():
        scripts = s.get('scripts', {})
        rows.append((name, f'{s.get("places", 0):,}', f'{s.get("merged", 0):,}', f'{s.get("names", 0):,}',
                     f'{scripts.get("Arabic", 0):,}', f'{s.get("with_arabic", 0):,}'))
        details.append(f'{name}')
        if scripts:
            details.append(f'  scripts: {_top(scripts)}')
        if s.get('languages'):
            details.append(f'  languages: {_top(s["languages"], 10)}')
        if s.get('types'):
            details.append(f'  types: {_top(s["types"], 8)}')
        if s.get('dropped'):
            details.append(f'  {s["dropped"]:,} records named places the index does not have (skipped)')
        if s.get('licence'):
            details.append(f'  licence: {s["licence"]}')
        where = s.get('path') or s.get('url')
        if where:
            details.append(f'  from: {where}')
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        lines.append('  '.join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    lines.append('')
    lines.extend(details)
    lines.append('')
    lines.append('new: entries the source added; merged: records that added names to an entry of an earlier '
                 'source (same id).')
    return lines


def _print_others(in_use) -> None:
    """The other builds the cache keeps beside the one in use (another install, other sources)."""
    from gazetteer.cache import KEEP_BUILDS, KEEP_DAYS, kept

    others = [k for k in kept(in_use.parent) if k['path'] != str(in_use)]
    print(f'other indexes kept (the {KEEP_BUILDS} used last, each for {KEEP_DAYS} days after its last use): '
          + ('none' if not others else ''))
    for k in others:
        print(f'  {k["path"]}: {k["places"] or 0:,} places, {k["size_mb"]} MB, built {k["built"]}, '
              f'last used {k["last_used"]}' + (' (custom)' if k['custom'] else ''))


def info(progress=None) -> int:
    """Print what the index holds (opening it, built first when missing) and the user's files."""
    from gazetteer.paths import user_places_dir

    index = Index.open(progress=progress)
    print(f'gazetteer index: {index.path}')
    _print_others(index.path)
    for line in describe(index.meta):
        print(line)
    folder = user_places_dir()
    own = sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith('.')) if folder.is_dir() else []
    print(f'your places ({folder}): {", ".join(own) if own else "none yet (geo gazetteer add FILE / import geonames FILE)"}')
    return 0
