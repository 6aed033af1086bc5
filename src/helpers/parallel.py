"""Run a per-article function over many items in a process pool, results in input order.

The per-article stages (reading and cleaning a file, extracting an article's mentions) depend on
nothing but their article, so they run in `workers` processes (`0` = every core). Results come back
in the order of the items, so the tables are byte-identical to a one-worker run. Small inputs (fewer
than `MIN_ITEMS_PER_WORKER` items per worker) run in this process: starting a pool costs more than
it saves. Worker processes are forked, so they start with the reference data this process loaded.

Known limits: the function and its items must be picklable; one item that raises stops the map (the
stages catch their own per-article errors before that); on a platform without `fork` the pool
spawns, which reloads the reference data in each worker.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS_PER_WORKER = 20  # below this many items per worker, one process is faster
CHUNKS_PER_WORKER = 8  # items are sent in about this many chunks per worker (fewer round trips, even load)


def worker_count(workers: int) -> int:
    """`workers`, with 0 meaning every core of this machine."""
    return workers if workers > 0 else (os.cpu_count() or 1)


def map_in_order(fn: Callable[[T], R], items: Sequence[T], workers: int = 0,
                 progress: Callable[[int], None] | None = None) -> list[R]:
    """[fn(item) for item in items], in `workers` processes when it pays; `progress(n)` after each result."""
    n_workers = min(worker_count(workers), max(1, len(items) // MIN_ITEMS_PER_WORKER))
    if n_workers <= 1:
        return list(_reporting(map(fn, items), progress))
    chunksize = max(1, len(items) // (n_workers * CHUNKS_PER_WORKER))
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(max_workers=n_workers, mp_context=multiprocessing.get_context(method),
                               initializer=_default_signals)
    try:
        return list(_reporting(pool.map(fn, items, chunksize=chunksize), progress))
    finally:  # on an interruption (SIGTERM, Ctrl-C) too: pending chunks are dropped, workers stopped
        pool.shutdown(wait=False, cancel_futures=True)


def _default_signals() -> None:
    """In a worker: SIGTERM and SIGINT stop it (the parent alone turns them into a clean message)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _reporting(results: Iterable[R], progress: Callable[[int], None] | None) -> Iterable[R]:
    for result in results:
        if progress:
            progress(1)
        yield result
