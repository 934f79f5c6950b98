"""`geo gazetteer import geonames FILE...`: read and validate GeoNames dump files and write what
they hold into the user folder, once (see geonames_stored).  Alternate names are kept only for
the places of the import, of earlier imports and of the index: names of other places are
skipped as they stream past."""
from __future__ import annotations

from array import array
from collections import Counter
from pathlib import Path
from typing import Iterable

import numpy as np

from ..errors import GazetteerError
from ..staged import Staged
from .geonames_files import MAX_ERRORS, DumpFile, Progress, classify
from .geonames_names import write_names
from .geonames_places import read_places
from .geonames_stored import NAMES_FILE, StoredWriter, compact, stored_ids, stored_name


def import_dumps(paths: Iterable[str | Path], folder: Path, known_ids: Iterable[int] | np.ndarray = (),
                 progress: Progress | None = None) -> Staged:
    """Read and validate GeoNames files and write what they hold into hidden files in `folder`.
    Returns the Staged files (commit() puts them in place).  Bad input raises GazetteerError and
    leaves nothing behind."""
    files = [classify(p) for p in paths]
    places = [f for f in files if f.kind == 'places']
    names = [f for f in files if f.kind == 'names']
    folder.mkdir(parents=True, exist_ok=True)
    staged = Staged()
    writers: list[StoredWriter] = []
    try:
        ids, lines = array('q'), array('q')    # 8 bytes a place: allCountries has 12 million
        seen_final: dict[Path, DumpFile] = {}
        for df in places:
            final = folder / stored_name(df.stem)
            if final in seen_final:
                raise GazetteerError(f'{df.path}: imported twice in one go (also {seen_final[final].path})')
            seen_final[final] = df
            w = StoredWriter(folder, final, 'places', [df.path.name])
            writers.append(w)
            types: Counter[str] = Counter()
            first_id = len(ids)
            for no, p in read_places(df, progress):
                w.write(compact(p))
                ids.append(p.geonameid)
                lines.append(no)
                types[p.type] += 1
            _check_duplicates(df, ids[first_id:], lines[first_id:])
            w.close(types=dict(types.most_common()))
            staged.moves.append((w.tmp, final))
            staged.summary.append(f'{df.path.name}: {w.header["records"]} places '
                                  f'({", ".join(f"{n} {t}" for t, n in types.most_common(6))})')
        if names:
            known = known_ids if isinstance(known_ids, np.ndarray) else np.fromiter(known_ids, dtype=np.int64)
            wanted = np.unique(np.concatenate([np.asarray(ids, dtype=np.int64), known.astype(np.int64),
                                               stored_ids(folder)]))
            w = StoredWriter(folder, folder / NAMES_FILE, 'names', [df.path.name for df in names])
            writers.append(w)
            langs, n_ids = write_names(names, wanted, w.write, progress)
            w.close(languages=dict(langs.most_common(60)), known_places=n_ids)
            staged.moves.append((w.tmp, folder / NAMES_FILE))
            staged.summary.append(f'{", ".join(df.path.name for df in names)}: {sum(langs.values())} names '
                                  f'for {n_ids if n_ids >= 0 else "the"} known places in {len(langs)} languages')
    except BaseException:
        for w in writers:
            w.discard()
        raise
    return staged


def _check_duplicates(df: DumpFile, ids, lines) -> None:
    if not len(ids):
        return
    arr = np.asarray(ids, dtype=np.int64)
    order = np.argsort(arr, kind='stable')
    s = arr[order]
    dup = np.flatnonzero(s[1:] == s[:-1])
    if len(dup):
        msgs = [f'{df.where}:{lines[order[i + 1]]}: duplicate geonameid {s[i]} (first on line {lines[order[i]]})'
                for i in dup[:MAX_ERRORS].tolist()]
        raise GazetteerError('\n'.join(msgs))
