"""`geo gazetteer build | add | import | download`: build the index; the user's own places, kept
for good.

add, import and download validate first (bad rows: one `FILE:LINE: what is wrong` line each on
stderr, exit code 2, nothing changed), then store the data in the user folder and rebuild the
index; the index changes only when everything succeeded.  Progress bars go to stderr; each
command's `progress(source, places)` is the index build's progress callback.
"""
from __future__ import annotations

import sys
from pathlib import Path


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


def build(force: bool = False, progress=None) -> int:
    from gazetteer.build import build as build_index
    from gazetteer.paths import index_root

    print(build_index(index_root(), progress=progress, force=force))
    return 0


def add(file: Path, progress=None) -> int:
    from gazetteer.paths import user_places_dir
    from gazetteer.store import add_file

    staged, built = add_file(file, progress=progress)
    _report(staged, built)
    print(f'stored in {user_places_dir()}')
    return 0


def import_geonames(files: list[Path], progress=None) -> int:
    from gazetteer.store import import_geonames as run_import

    bars = Bars('reading')
    try:
        staged, built = run_import(files, read_progress=bars, build_progress=progress)
    finally:
        bars.close()
    _report(staged, built)
    return 0


def download(countries: list[str], base_url: str, alternate_names: bool = True, progress=None) -> int:
    from gazetteer.download import download as fetch_all

    bars = Bars('downloading')
    try:
        files = fetch_all(countries, base_url=base_url, alternate_names=alternate_names, progress=bars)
    finally:
        bars.close()
    for f in files:
        print(f'downloaded {f}', file=sys.stderr)
    return import_geonames(files, progress)
