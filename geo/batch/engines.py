"""Where the documents of a batch are parsed: in this process, in local worker processes, or on a
Dask cluster (geo.batch.dask_engine).  Every engine takes an iterator of tasks (lists of
documents) and yields, for each task, its journal lines, in whatever order tasks finish.  At
most `window` tasks are in flight, so the input is read only as fast as it is parsed (flat
memory).

A task is a list of (n, id, text, meta, where); a result is a list of (n, id, is_error, line)
where line is the journal line (bytes, newline-terminated) of that document: its record as
`geo parse` prints it and its GeoJSON features (geo.batch.journal says what a line holds)."""
from __future__ import annotations

import json
import logging
import os
import signal
from collections import deque
from typing import Iterator

from .journal import fingerprint
from .worker import open_worker_geoparser

log = logging.getLogger(__name__)

Task = list[tuple[int, str, str, dict, str]]
Done = tuple[int, str, bool, bytes]


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def error_line(n: int, doc_id: str, fp: str, where: str, error: str) -> bytes:
    """The journal line of a record that failed; `fp` is its fingerprint (geo.batch.journal)."""
    rec = {'n': n, 'id': doc_id, 'fp': fp, 'where': where, 'error': error}
    return (json.dumps(rec, ensure_ascii=False) + '\n').encode('utf-8', 'backslashreplace')


def parse_task(gp, task: Task, lang: str | None) -> list[Done]:
    """Parse the documents of one task with an open Geoparser.  A document that makes our code
    raise becomes an error record; the others carry on."""
    from ..export.geojson import features
    from ..export.jsonl import dumps
    from ..inputs import note_offsets

    out: list[Done] = []
    for n, doc_id, text, meta, where in task:
        fp = fingerprint(doc_id, text, meta)
        try:
            result = note_offsets(gp.parse(text, doc_id, lang=lang), meta)
            rec = {'n': n, 'id': doc_id, 'fp': fp, 'lang': result.lang, 'rec': dumps(result),
                   'features': features(result, meta)}
            line = (json.dumps(rec, ensure_ascii=False) + '\n').encode('utf-8')
            out.append((n, doc_id, False, line))
        except Exception as e:  # a bug of ours must not stop the corpus
            log.debug('parsing %s failed', where, exc_info=True)
            msg = f'{where}: parsing failed ({type(e).__name__}: {str(e)[:200]}); this is a bug in geo-textmap, please report it'
            out.append((n, doc_id, True, error_line(n, doc_id, fp, where, msg)))
    return out


def crash_line(n: int, doc_id: str, text: str, meta: dict, where: str) -> bytes:
    return error_line(n, doc_id, fingerprint(doc_id, text, meta), where,
                      f'{where}: the worker process died while parsing this document '
                      '(out of memory, or a crash in a native library)')


class InlineEngine:
    """Parse in this process (one worker)."""

    def __init__(self, gp, lang: str | None = None):
        self.gp, self.lang = gp, lang

    def run(self, tasks: Iterator[Task]) -> Iterator[list[Done]]:
        for task in tasks:
            yield parse_task(self.gp, task, self.lang)

    def close(self) -> None:
        pass


# ---- local worker processes -------------------------------------------------------------------
_WORKER_GP = None
_WORKER_LANG = None


def _init_worker(blob: bytes, lang: str | None) -> None:
    """Runs once in each worker process: open the index (one Geoparser per process)."""
    global _WORKER_GP, _WORKER_LANG
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _exit_with_parent()
    _WORKER_GP = open_worker_geoparser(blob)
    _WORKER_LANG = lang


def _exit_with_parent() -> None:
    """A worker whose parent was killed (kill -9, out of memory) would wait for work forever:
    watch the parent and leave with it."""
    import threading

    parent = os.getppid()

    def watch():
        import time
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name='geo-parent-watch', daemon=True).start()


def _worker_task(task: Task) -> list[Done]:
    return parse_task(_WORKER_GP, task, _WORKER_LANG)


class ProcessEngine:
    """Parse in N local worker processes, each opening the index once.  If a worker dies (out of
    memory, a native crash), the documents it may have held are retried one at a time, and the
    one that kills a worker again becomes an error record.  `blob` says how a worker opens its
    Geoparser (geo.batch.worker)."""

    def __init__(self, blob: bytes, workers: int, lang: str | None = None, window: int | None = None):
        self.blob = blob
        self.workers = workers
        self.lang = lang
        self.window = window or 2 * workers + 1
        self.pool = None

    def _new_pool(self):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        method = 'fork' if 'fork' in mp.get_all_start_methods() else 'spawn'
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=mp.get_context(method),
                                   initializer=_init_worker, initargs=(self.blob, self.lang))

    def run(self, tasks: Iterator[Task]) -> Iterator[list[Done]]:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        self.pool = self._new_pool()
        tasks = iter(tasks)
        retry: deque[Task] = deque()   # single documents to redo after a worker died
        pending: dict = {}
        exhausted = False
        while True:
            careful = bool(retry)      # after a crash: one document at a time, to find the culprit
            limit = 1 if careful else self.window
            while len(pending) < limit:
                if retry:
                    task = retry.popleft()
                elif not exhausted and not careful:
                    task = next(tasks, None)
                    if task is None:
                        exhausted = True
                        break
                else:
                    break
                pending[self.pool.submit(_worker_task, task)] = task
            if not pending:
                if retry:
                    continue
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            lost: list[Task] = []
            for fut in done:
                task = pending.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    lost.append(task)
            if lost:
                lost.extend(pending.values())   # the pool is gone: everything in flight is lost
                pending.clear()
                self.pool.shutdown(wait=False, cancel_futures=True)
                self.pool = self._new_pool()
                if careful and len(lost) == 1 and len(lost[0]) == 1:
                    n, doc_id, text, meta, where = lost[0][0]
                    log.warning('%s: the worker died on this document', where)
                    yield [(n, doc_id, True, crash_line(n, doc_id, text, meta, where))]
                else:
                    retry.extend([doc] for task in lost for doc in task)
        self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
