"""Run a per-article function over many items in a process pool, results in input order.

The per-article stages (reading and cleaning a file, extracting an article's mentions) depend on
nothing but their article, so they run in `workers` processes (`0` = every core). Results come back
in the order of the items, so the tables are byte-identical to a one-worker run. Small inputs (fewer
than `MIN_ITEMS_PER_WORKER` items per worker) run in this process: starting a pool costs more than
it saves. Worker processes are forked, so they start with the reference data this process loaded.

With `dask_engine(address)` in effect (the CLI's `--engine dask`), the same maps run on a Dask cluster
instead (`dask.distributed`: the scheduler at `address`, or a `LocalCluster` of `workers` processes when
none is given): items go in chunks, results are gathered in order, so the tables are again the same
bytes. The cluster's workers must have this project installed (`pip install -e .` in their
environment) and see the input files at the same paths.

Known limits: the function and its items must be picklable; one item that raises stops the map (the
stages catch their own per-article errors before that); on a platform without `fork` the pool
spawns, which reloads the reference data in each worker. On Dask the per-article results travel back
to this process, which builds the corpus-wide tables (story groups, events) itself: the cluster spreads
the per-article work, not the memory of the tables.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS_PER_WORKER = 20  # below this many items per worker, one process is faster
CHUNKS_PER_WORKER = 8  # items are sent in about this many chunks per worker (fewer round trips, even load)
_DASK_CLIENT: ContextVar = ContextVar("dask_client", default=None)


@contextmanager
def dask_engine(address: str = "", workers: int = 0) -> Iterator[object]:
    """Run the maps inside on Dask: the scheduler at `address`, else a LocalCluster of `workers` processes
    (0 = every core), closed on exit. Yields the `distributed.Client`."""
    from distributed import Client, LocalCluster

    cluster = None if address else LocalCluster(n_workers=worker_count(workers), threads_per_worker=1,
                                                processes=True, dashboard_address=None)
    client = Client(address or cluster)
    token = _DASK_CLIENT.set(client)
    try:
        yield client
    finally:
        _DASK_CLIENT.reset(token)
        client.close()
        if cluster is not None:
            cluster.close()


def _apply_chunk(fn: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [fn(item) for item in chunk]


def _dask_map(client, fn: Callable[[T], R], items: Sequence[T], progress) -> list[R]:
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    size = max(1, len(items) // (n_workers * CHUNKS_PER_WORKER))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    futures = client.map(_apply_chunk, [fn] * len(chunks), chunks, pure=False)
    results: list[R] = []
    for chunk_results in client.gather(futures):
        results += chunk_results
        if progress:
            progress(len(chunk_results))
    return results


def worker_count(workers: int) -> int:
    """`workers`, with 0 meaning every core of this machine."""
    return workers if workers > 0 else (os.cpu_count() or 1)


def map_in_order(fn: Callable[[T], R], items: Sequence[T], workers: int = 0,
                 progress: Callable[[int], None] | None = None) -> list[R]:
    """[fn(item) for item in items], in `workers` processes when it pays (on the Dask cluster of
    `dask_engine` when one is in effect); `progress(n)` as results come."""
    client = _DASK_CLIENT.get()
    if client is not None and items:
        return _dask_map(client, fn, items, progress)
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
