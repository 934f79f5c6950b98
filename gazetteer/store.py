"""The user's own places kept for good in the user folder (paths.user_places_dir()).

Every change is staged first (validated files written under hidden names), then committed into
the folder and followed by an index rebuild; when the rebuild fails or is interrupted the folder
is put back as it was, so the folder and the live index always agree.  The build itself is atomic
(build.py), so the index never changes unless everything succeeded.
"""
from __future__ import annotations

import re
import sqlite3
import uuid
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from .build import current_build, folder_lock, refresh
from .errors import GazetteerError
from .paths import index_root, user_places_dir
from .sources.geonames_files import Progress
from .sources.geonames_import import import_dumps
from .sources.user import read_places
from .staged import Staged
from .textio import DecodeError, decode

USER_SUFFIXES = ('.csv', '.tsv', '.geojson', '.json')


def stored_file_name(path: Path) -> str:
    suffix = path.suffix.lower() if path.suffix.lower() in USER_SUFFIXES else '.csv'
    stem = re.sub(r'[^\w.-]+', '-', path.stem, flags=re.UNICODE).strip('-.') or 'places'
    return f'{stem}{suffix}'


def stage_user_file(path: str | Path, folder: Path) -> tuple[Staged, int]:
    """Validate a CSV or GeoJSON file (GazetteerError lists every bad row) and write a UTF-8 copy
    under a hidden name.  Returns the staged copy and the number of places in it."""
    path = Path(path)
    places = read_places(path)
    try:
        text = decode(path.read_bytes(), str(path))
    except (OSError, DecodeError) as e:  # read_places read it a moment ago
        raise GazetteerError(f'{path}: cannot read ({e})') from None
    final = folder / stored_file_name(path)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f'.{final.name}.{uuid.uuid4().hex[:8]}.part'
    tmp.write_text(text.lstrip('\ufeff'), encoding='utf-8', newline='')
    staged = Staged(moves=[(tmp, final)])
    note = ' (replaces the file of that name added before)' if final.exists() else ''
    staged.summary.append(f'{path.name}: {len(places)} places{note}')
    return staged, len(places)


def index_geonameids(root: Path | None = None) -> np.ndarray:
    """GeoNames ids of the places in the live index (empty when there is none)."""
    cur = current_build(Path(root) if root else index_root())
    if cur is None:
        return np.zeros(0, dtype=np.int64)
    db = sqlite3.connect(f'file:{cur / "places.sqlite"}?mode=ro&immutable=1', uri=True)
    try:
        got = [int(r[0][3:]) for r in db.execute("SELECT id FROM place WHERE id GLOB 'gn:[0-9]*'")]
    finally:
        db.close()
    return np.array(sorted(got), dtype=np.int64)


def apply(staged: Staged, root: Path | None = None, progress=None) -> Path:
    """Put staged files in place and rebuild the index; undo the files if the rebuild fails."""
    root = Path(root) if root else index_root()
    staged.commit()
    try:
        built = refresh(root, progress=progress)
    except BaseException:
        staged.rollback()
        raise
    staged.done()
    return built


def add_file(path: str | Path, root: Path | None = None, progress=None) -> tuple[Staged, Path]:
    """`geo gazetteer add FILE`: validate, store for good, rebuild."""
    folder = user_places_dir()
    with folder_lock(folder):
        staged, _ = stage_user_file(path, folder)
        try:
            return staged, apply(staged, root, progress)
        except BaseException:
            staged.discard()
            raise


def import_geonames(paths: Iterable[str | Path], root: Path | None = None, read_progress: Progress | None = None,
                    build_progress: Callable | None = None) -> tuple[Staged, Path]:
    """`geo gazetteer import geonames FILE...`: read the dumps, store them for good, rebuild.
    Alternate names are kept for the places of the import, of earlier imports and of the index
    (which is built first when there is none yet, so that its ids are known)."""
    root = Path(root) if root else index_root()
    folder = user_places_dir()
    paths = list(paths)
    with folder_lock(folder):
        if current_build(root) is None:
            refresh(root, progress=build_progress)
        staged = import_dumps(paths, folder, index_geonameids(root), progress=read_progress)
        try:
            return staged, apply(staged, root, build_progress)
        except BaseException:
            staged.discard()
            raise
