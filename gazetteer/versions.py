"""The installed version of a distribution, read from the name of its .dist-info folder.

Every index open checks that the index matches the installed data packages (their versions are
part of its fingerprint), and the word tables are named by version.  importlib.metadata answers
each question by scanning sys.path and parsing a METADATA file (and costs 30 ms to import):
a tenth of a short `geo parse`.  The folder names of the path entries, listed once, answer the
same for wheels installed by pip; anything else (egg-info, a source tree) asks importlib.metadata."""
from __future__ import annotations

import os
import re
import sys
from functools import lru_cache

_SUFFIX = '.dist-info'


def normalise(name: str) -> str:
    """A distribution name as wheel folder names write it (PEP 503, with underscores)."""
    return re.sub(r'[-_.]+', '_', name).lower()


@lru_cache(maxsize=1)
def _folders() -> dict[str, str]:
    """normalised name -> version, from the .dist-info folders of sys.path (first entry wins)."""
    out: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or '.')
        except OSError:
            continue
        for n in names:
            if n.endswith(_SUFFIX) and '-' in n:
                name, _, version = n[:-len(_SUFFIX)].partition('-')
                out.setdefault(normalise(name), version)
    return out


def version(dist: str) -> str | None:
    """The installed version of `dist` (as its folder writes it: PEP 440 normalised, 2.12 for
    2.012), or None when it is not installed."""
    got = _folders().get(normalise(dist))
    if got is not None:
        return got
    import importlib.metadata
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None
