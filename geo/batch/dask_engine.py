"""The Dask engine of `geo batch` (`--engine dask [--scheduler ADDRESS]`).

The client (this process) reads the input, submits tasks of documents and journals what comes
back, exactly as the local engine does, so the outputs are byte-identical.  Each Dask worker
opens the gazetteer index once, when it joins: a WorkerPlugin holds its Geoparser.  Without
--scheduler a LocalCluster on loopback is started with one single-threaded worker process per
core.  How a worker finds the client's index: geo.batch.worker.
"""
from __future__ import annotations

import hashlib
import logging
import threading
from typing import Iterator

from ..errors import GeoError
from .engines import Done, Task, parse_task
from .worker import open_worker_geoparser

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # reported when the engine starts
    WorkerPlugin = object

log = logging.getLogger(__name__)


class GeoparserPlugin(WorkerPlugin):
    """A Dask WorkerPlugin: one Geoparser per worker, opened when the worker starts (or joins)."""

    def __init__(self, blob: bytes, name: str):
        self.blob = blob
        self.name = name
        self.gp = None
        self.lock = threading.Lock()   # workers with several threads parse one document at a time

    def setup(self, worker=None):
        self.gp = open_worker_geoparser(self.blob)

    def teardown(self, worker=None):
        self.gp = None

    def __getstate__(self):
        return {'blob': self.blob, 'name': self.name}

    def __setstate__(self, state):
        self.__init__(state['blob'], state['name'])


def _dask_task(name: str, task: Task, lang: str | None) -> list[Done]:
    from distributed import get_worker

    plugin = get_worker().plugins[name]
    with plugin.lock:
        if plugin.gp is None:
            plugin.setup()
        return parse_task(plugin.gp, task, lang)


class DaskEngine:
    """`blob` says how a worker opens its Geoparser (geo.batch.worker)."""

    def __init__(self, blob: bytes, workers: int, scheduler: str | None = None, lang: str | None = None,
                 processes: bool = True, window: int | None = None):
        self.blob = blob
        self.name = 'geo-textmap-' + hashlib.sha1(self.blob).hexdigest()[:12]
        self.workers, self.scheduler, self.lang, self.processes = workers, scheduler, lang, processes
        self.window = window
        self.client = self.cluster = None

    def _connect(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise GeoError('--engine dask needs dask.distributed: pip install "geo-textmap[dask]"') from None
        if not logging.getLogger().isEnabledFor(logging.INFO):   # quiet unless geo -v
            logging.getLogger('distributed').setLevel(logging.ERROR)
        if self.scheduler:
            try:
                import dask

                # distributed.comm.timeouts.connect (30 s unless configured, e.g. by the environment
                # variable DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s)
                self.client = Client(self.scheduler, timeout=dask.config.get('distributed.comm.timeouts.connect'))
            except (OSError, TimeoutError) as e:
                raise GeoError(f'--scheduler {self.scheduler}: cannot reach the Dask scheduler ({e})') from None
        else:
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=self.processes, protocol='tcp',
                                        host='127.0.0.1', dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        self.client.register_plugin(GeoparserPlugin(self.blob, self.name), name=self.name)

    def run(self, tasks: Iterator[Task]) -> Iterator[list[Done]]:
        from distributed import as_completed

        self._connect()
        nthreads = sum(self.client.nthreads().values()) or 1
        window = self.window or 2 * nthreads + 1
        tasks = iter(tasks)
        ac = as_completed()
        inflight = 0
        for task in tasks:
            ac.add(self.client.submit(_dask_task, self.name, task, self.lang, pure=False))
            inflight += 1
            if inflight >= window:
                break
        for fut in ac:
            inflight -= 1
            result = fut.result()
            fut.release()
            yield result
            task = next(tasks, None)
            if task is not None:
                ac.add(self.client.submit(_dask_task, self.name, task, self.lang, pure=False))
                inflight += 1
        self.close()

    def close(self) -> None:
        if self.client is not None:
            if self.cluster is None:   # someone else's cluster: leave it as we found it
                try:
                    self.client.unregister_worker_plugin(self.name)
                except Exception:
                    pass
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
