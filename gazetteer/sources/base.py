"""What every source has: a name, a fingerprint that changes when its data changes, its licence,
and a generator of Place records."""
from __future__ import annotations

import hashlib
import importlib.metadata
import os
from typing import Iterable, Iterator

from ..keys import is_arabic
from ..place import Place

# Letters that occur in Persian, Urdu, Pashto or Kurdish spellings but not in Arabic.
_NON_ARABIC = set('پچژگکیۀەھہےۓڤڵڕۆێ')


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


def package_fingerprint(dist: str, *paths: str | os.PathLike) -> str:
    """Distribution version plus size and mtime of the data files it ships."""
    try:
        parts = [dist, importlib.metadata.version(dist)]
    except importlib.metadata.PackageNotFoundError:
        parts = [dist, 'missing']
    for p in paths:
        try:
            st = os.stat(p)
            parts.append(f'{os.fspath(p)}:{st.st_size}:{int(st.st_mtime)}')
        except OSError:
            parts.append(f'{os.fspath(p)}:absent')
    return hashlib.sha1('|'.join(parts).encode()).hexdigest()[:16]


def file_fingerprint(*paths: str | os.PathLike) -> str:
    h = hashlib.sha1()
    for p in paths:
        with open(p, 'rb') as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def arabic_name(names: Iterable[str]) -> str:
    """The first name written in Arabic proper (not a Persian or Urdu spelling), else ''."""
    fallback = ''
    for n in names:
        if n and is_arabic(n):
            if not (_NON_ARABIC & set(n)):
                return n
            fallback = fallback or n
    return fallback


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
