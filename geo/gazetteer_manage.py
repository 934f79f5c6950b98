"""`geo gazetteer add | import | download`: the user's own places, kept for good.

Each command validates first (bad rows: one `FILE:LINE: what is wrong` line each on stderr, exit
code 2, nothing changed), then stores the data in the user folder and rebuilds the index; the
index changes only when everything succeeded.  Progress bars go to stderr.
"""
from __future__ import annotations

import sys


class Bars:
    """One tqdm bar per file (bytes read or downloaded), on stderr."""

    def __init__(self, verb: str):
        self.verb = verb
        self.bars: dict = {}

    def __call__(self, label: str, done: int, total: int | None) -> None:
        bar = self.bars.get(label)
        if bar is None:
            from tqdm import tqdm
            bar = self.bars[label] = tqdm(desc=f'{self.verb} {label}', total=total, unit='B', unit_scale=True,
                                          unit_divisor=1024, file=sys.stderr, disable=not sys.stderr.isatty(),
                                          leave=True)
        if total and bar.total != total:
            bar.total = total
        bar.update(max(0, done - bar.n))
        if total is not None and done >= total:
            bar.close()

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


def _report(staged, built) -> None:
    for line in staged.summary:
        print(line)
    print(f'index rebuilt: {built}')


def add(args, progress) -> int:
    from gazetteer.paths import user_places_dir
    from gazetteer.store import add_file

    staged, built = add_file(args.file, progress=progress())
    _report(staged, built)
    print(f'stored in {user_places_dir()}')
    return 0


def import_geonames(args, progress) -> int:
    from gazetteer.store import import_geonames as run_import

    bars = Bars('reading')
    try:
        staged, built = run_import(args.files, read_progress=bars, build_progress=progress())
    finally:
        bars.close()
    _report(staged, built)
    return 0


def download(args, progress) -> int:
    from gazetteer.download import download as fetch_all
    from gazetteer.store import import_geonames as run_import

    bars = Bars('downloading')
    try:
        files = fetch_all(args.countries, base_url=args.base_url, alternate_names=not args.no_alternate_names,
                          progress=bars)
    finally:
        bars.close()
    for f in files:
        print(f'downloaded {f}', file=sys.stderr)
    bars = Bars('reading')
    try:
        staged, built = run_import(files, read_progress=bars, build_progress=progress())
    finally:
        bars.close()
    _report(staged, built)
    return 0


COMMANDS = {'add': add, 'import': import_geonames, 'download': download}


def run(args, progress) -> int:
    """`progress` makes a build-progress callback (geo.cli._build_progress)."""
    return COMMANDS[args.gcommand](args, progress)
