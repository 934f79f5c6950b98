"""Where the index and the user's own places live: the user's cache directory, or
$GEO_TEXTMAP_HOME when set (tests and batch workers point it elsewhere)."""
from __future__ import annotations

import os
from pathlib import Path


def home() -> Path:
    env = os.environ.get('GEO_TEXTMAP_HOME')
    if env:
        return Path(env)
    import platformdirs
    return Path(platformdirs.user_cache_dir('geo-textmap'))


def index_root() -> Path:
    return home() / 'index'


def user_places_dir() -> Path:
    """Files added with `geo gazetteer add` / `import` (validated copies, one per import)."""
    return home() / 'user'
