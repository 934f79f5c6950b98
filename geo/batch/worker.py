"""What a batch worker (a local process or a Dask worker) needs to open its Geoparser: the run's
ParseSettings and a reference to the client's index, pickled together into a small blob.

The index travels by reference (its path and fingerprint), not by value: a worker uses the
client's index path when it can see it (same machine or a shared filesystem), otherwise its own
index, which must have been built from the same sources (`geo gazetteer build` on each worker
machine); a worker whose index differs refuses to start rather than give other results.  The
user's places (--gazetteer) travel inside the reference, as a Dask worker on another machine
may not see their files."""
from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

from .. import gc_policy
from ..errors import GeoError
from ..settings import ParseSettings, open_geoparser


class IndexRef:
    """Stands in for the client's Index on its way to a worker."""

    def __init__(self, index):
        self.path = str(index.path)
        self.fingerprint = index.meta.get('fingerprint')
        self.overlay = [p.to_dict() for p in getattr(index, '_overlay', [])]

    def open(self):
        from gazetteer.index import Index
        from gazetteer.place import Place

        overlay = [Place.from_dict(d) for d in self.overlay]
        if (Path(self.path) / 'meta.json').exists():
            return Index(Path(self.path), overlay)
        idx = Index.open(overlay=overlay)
        if idx.meta.get('fingerprint') != self.fingerprint:
            raise GeoError(f'this worker\'s gazetteer index ({idx.path}) differs from the client\'s '
                           f'({self.fingerprint}); build the same index on every worker')
        return idx


def worker_blob(settings: ParseSettings, index, review: dict | None = None) -> bytes:
    """The settings (their gazetteers already in the index), the index reference and the review's
    decisions by document (--review-db; None: none), pickled."""
    return pickle.dumps((dataclasses.replace(settings, gazetteers=()), IndexRef(index), review))


def open_worker_geoparser(blob: bytes):
    """The worker's Geoparser, opened from a worker_blob the way every command opens one (with the
    review's decisions applied to its Results, when there are any)."""
    settings, ref, review = pickle.loads(blob)
    gp = open_geoparser(settings, index=ref.open())
    gc_policy.for_long_runs()
    if review:
        from ..review.apply import Reviewed
        gp = Reviewed(gp, review)
    return gp
