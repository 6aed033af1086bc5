"""The per-article cache: a run redoes only the articles that changed.

Each per-article result (an article read and cleaned; an article's mentions) is stored in one SQLite
file, `OUT/cache/stages.sqlite`, under a key made of the stage, the **code version** (SHA-256 of the
project's code and reference data, `helpers.manifest.code_version`) and what the result depends on:
for the articles stage the file's name, size, modification time and inode, its sidecar row, the
languages and the size limit; for the mentions stage the article's id, publication date, title,
language and every sentence. A result found under its key is used as it is; the others are computed
(in the process pool) and stored. A changed rule, lexicon or reference file changes the code version,
so everything is recomputed once; a changed article changes only its own keys. Results are the same
objects as a run without the cache (pickled and unpickled), so the tables are byte-identical.

Known limits: the cache only grows (delete `OUT/cache/` to reclaim space; `--no-cache` runs without
it); a file rewritten with the same size and modification time (to the nanosecond) and inode is taken
as unchanged, as make would; the corpus-wide steps (story groups, events) are always recomputed.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from helpers.manifest import code_version
from helpers.parallel import map_in_order

T = TypeVar("T")
R = TypeVar("R")

CACHE_FILE = Path("cache") / "stages.sqlite"
BATCH = 500  # keys per SQL statement


def cache_key(stage: str, *parts: object) -> str:
    """A result's key: the stage, the code version and the parts it depends on (their repr)."""
    return hashlib.sha256(repr((stage, code_version(), parts)).encode("utf-8", "surrogatepass")).hexdigest()


class StageCache:
    """Pickled results by key in one SQLite file (None: no cache, every result computed)."""

    def __init__(self, path: Path | None):
        self.path = path
        self._db = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path)
            self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB)")

    @classmethod
    def for_out_dir(cls, out_dir: Path | None) -> StageCache:
        return cls(Path(out_dir) / CACHE_FILE if out_dir is not None else None)

    def get_many(self, keys: Sequence[str]) -> dict[str, object]:
        if self._db is None:
            return {}
        found = {}
        unique = sorted(set(keys))
        for i in range(0, len(unique), BATCH):
            chunk = unique[i:i + BATCH]
            rows = self._db.execute(f"SELECT key, value FROM results WHERE key IN ({','.join('?' * len(chunk))})",
                                    chunk)
            found |= {key: pickle.loads(value) for key, value in rows}
        return found

    def put_many(self, items: Sequence[tuple[str, object]]) -> None:
        if self._db is None or not items:
            return
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)",
                                 [(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in items])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> StageCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def cached_map(fn: Callable[[T], R], items: Sequence[T], keys: Sequence[str], cache: StageCache | None,
               workers: int = 0, progress: Callable[[int], None] | None = None) -> tuple[list[R], int]:
    """[fn(item) for item in items], taking each result from `cache` by its key when there and computing
    the rest in `workers` processes. Returns the results in order and how many came from the cache."""
    hits = cache.get_many(keys) if cache else {}
    todo = [i for i, key in enumerate(keys) if key not in hits]
    computed = map_in_order(fn, [items[i] for i in todo], workers, progress)
    if cache:
        cache.put_many([(keys[i], result) for i, result in zip(todo, computed, strict=True)])
    results: list = [None] * len(items)
    for i, result in zip(todo, computed, strict=True):
        results[i] = result
    for i, key in enumerate(keys):
        if key in hits:
            results[i] = hits[key]
            if progress:
                progress(1)
    return results, len(items) - len(todo)
