"""Helpers shared by the tests of the user's own places (add, import, download, info): a real
index built from a small hand-made base file in a temporary GEO_TEXTMAP_HOME, and the real `geo`
command run against it."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).parent / 'fixtures'
GEONAMES = FIXTURES / 'geonames'
GEO = [sys.executable, '-m', 'geo.cli']


def make_home(home: Path, base: Path = GEONAMES / 'base.csv') -> dict:
    """A home with a custom index built from `base`; returns the environment for `geo`."""
    from gazetteer.build import build
    from gazetteer.sources.user import UserFile

    build(home / 'index', sources=[UserFile(base)])
    env = dict(os.environ)
    env['GEO_TEXTMAP_HOME'] = str(home)
    return env


def geo(args, env, timeout=180) -> subprocess.CompletedProcess:
    return subprocess.run(GEO + [str(a) for a in args], capture_output=True, text=True, env=env, timeout=timeout)


def zipped(src: Path, dest_dir: Path, name: str | None = None) -> Path:
    """src zipped as GeoNames ships it (the .txt inside a .zip of the same stem, with a readme)."""
    dest = dest_dir / (name or f'{src.stem}.zip')
    with zipfile.ZipFile(dest, 'w', zipfile.ZIP_DEFLATED) as zf:
        zf.write(src, f'{Path(dest.name).stem}.txt')
        zf.writestr('readme.txt', 'hand-made test data\n')
    return dest


def live_build(home: Path) -> str:
    return (home / 'index' / 'CURRENT').read_text(encoding='utf-8')


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()} if folder.is_dir() else {}
