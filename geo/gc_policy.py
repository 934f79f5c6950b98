"""The garbage collector's settings for a process that parses many documents (`geo batch` and its
workers, the benchmarks), set once its index is open.  Not set by the library: they are the whole
process's, and a program that imports geo keeps its own.

Parsing makes tens of thousands of small objects per article (tokens, spans, candidates), nearly
all freed by reference counting as soon as the article is done; the cyclic collector still runs
every 700 allocations (CPython's default) and, every tenth and hundredth time, walks the older
generations, where the index's memos of words and names live and grow.  Measured on one pass over
the Arabic corpus (issue 17), collections took 0.45-0.75 ms per article, a fifth of the time or more.
So: everything alive once the index is open is frozen (out of the collector's reach for the rest
of the process: it lives as long as the process), and the young generation is collected every
10,000 allocations.  Cycles are still collected, only less often."""
from __future__ import annotations

import gc

YOUNG = 10_000


def for_long_runs() -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG, 10, 10)
