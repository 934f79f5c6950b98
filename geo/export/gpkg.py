"""Result -> GeoPackage (OGC): one Point feature per place per document, layer `places`, EPSG:4326,
with the same columns as the CSV.  Written with pyogrio into a temporary file beside the target
and renamed over it, so a reader never sees half a GeoPackage.  `Writer` appends in chunks, so a
corpus of any size streams through with flat memory."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from ..model import Result
from .csv import COLUMNS, rows

LAYER = 'places'
_INT = {'geonameid', 'population', 'mention_count', 'first_start'}
_FLOAT = {'lat', 'lon', 'confidence', 'uncertainty_km'}
_BOOL = {'approximate'}


def _frame(rows_: list[dict]):
    import geopandas as gpd
    import pandas as pd
    from shapely import points

    cols = {}
    for c in COLUMNS:
        vals = [r.get(c) for r in rows_]
        if c in _INT:
            cols[c] = pd.array(vals, dtype='Int64')
        elif c in _FLOAT:
            cols[c] = pd.array([float(v) if v is not None else None for v in vals], dtype='Float64')
        elif c in _BOOL:
            cols[c] = pd.array([bool(v) for v in vals], dtype='boolean')
        else:
            cols[c] = pd.array(['' if v is None else str(v) for v in vals], dtype=object)
    geom = points([float(r['lon']) for r in rows_], [float(r['lat']) for r in rows_]) if rows_ else []
    return gpd.GeoDataFrame(pd.DataFrame(cols), geometry=gpd.GeoSeries(geom, crs='EPSG:4326'), crs='EPSG:4326')


class Writer:
    """with Writer(path) as w: w.write(rows); ...  The file appears at `path` only on success."""

    def __init__(self, path: str | Path, chunk: int = 5000):
        self.path = Path(path)
        self.chunk = chunk
        self._buf: list[dict] = []
        self._started = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f'.{self.path.stem}.', suffix='.gpkg', dir=self.path.parent)
        os.close(fd)
        os.unlink(tmp)  # GDAL wants to create the file itself
        self.tmp = Path(tmp)

    def write(self, rows_: Iterable[dict]) -> None:
        self._buf.extend(rows_)
        if len(self._buf) >= self.chunk:
            self._flush()

    def _flush(self) -> None:
        if not self._buf and self._started:
            return
        import pyogrio

        pyogrio.write_dataframe(_frame(self._buf), self.tmp, layer=LAYER, driver='GPKG', geometry_type='Point',
                                append=self._started)
        self._started = True
        self._buf = []

    def close(self) -> Path:
        self._flush()
        os.chmod(self.tmp, 0o644)
        os.replace(self.tmp, self.path)
        return self.path

    def abort(self) -> None:
        for p in (self.tmp, Path(str(self.tmp) + '-journal'), Path(str(self.tmp) + '-wal')):
            try:
                p.unlink()
            except OSError:
                pass

    def __enter__(self) -> 'Writer':
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def write(results: list[Result], path: str | Path, metas: list[dict] | None = None) -> Path:
    with Writer(path) as w:
        for i, r in enumerate(results):
            w.write(rows(r, metas[i] if metas else None))
    return Path(path)
