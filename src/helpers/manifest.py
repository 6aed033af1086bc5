"""What a set of tables was built from, so that a later step reads them instead of building them again.

`run_tables` writes `OUT/tables_manifest.json` once every stage has succeeded and its tables are in
place (outside `tables/`, whose bytes depend on the inputs alone): the input files (name,
size, modification time), the sidecar's and the overrides file's SHA-256, the languages and size
limit, and the **code version** (SHA-256 over `src/helpers/*.py` and every file of `data/reference/`).
The notebooks call `is_current` before running a stage: when the manifest matches what they would
build from, they read the tables (one line says so) and the report runs each stage once.

The code version is also the key of the per-article cache (`helpers.stagecache`): a changed rule or
lexicon changes it, and everything built with the old one is rebuilt.

Known limits: an input file rewritten with the same size within the file system's time resolution is
taken as unchanged (like make); a change to an installed library (not to this project's code or data)
does not change the code version.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from helpers.paths import DATA_DIR, PROJECT_ROOT, resolve

MANIFEST_NAME = "tables_manifest.json"
CODE_PATHS = (PROJECT_ROOT / "src" / "helpers", DATA_DIR / "reference")


@cache
def code_version() -> str:
    """SHA-256 over the project's extraction code and reference data (paths and bytes)."""
    digest = hashlib.sha256()
    for root in CODE_PATHS:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(PROJECT_ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _sha256(path: Path | None) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path and path.is_file() else ""


def build_manifest(params, overrides_csv: Path | None) -> dict:
    """The manifest of a run of the stages with these ArticlesParams and overrides file."""
    from helpers.ingest import list_article_files

    files = []
    for path in list_article_files(params.input_dir):
        try:
            stat = path.stat()
            files.append([path.name, stat.st_size, stat.st_mtime_ns])
        except OSError:
            files.append([path.name, -1, -1])
    return {
        "code_version": code_version(),
        "input_dir": str(Path(params.input_dir).resolve()),
        "files": files,
        "sidecar_sha256": _sha256(params.sidecar_path()),
        "languages": list(params.languages),
        "max_file_mb": params.max_file_mb,
        "overrides_sha256": _sha256(Path(overrides_csv) if overrides_csv else None),
    }


def write_manifest(out_dir: Path, manifest: dict) -> None:
    (Path(out_dir) / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n",
                                                  encoding="utf-8")


STAGES = ("articles", "mentions", "events")


def is_current(out_dir: Path, params, overrides_csv: Path | None, stage: str = "events") -> bool:
    """Were the tables of `stage` in `out_dir`/tables built, in one complete run, from exactly these inputs
    and this code? The articles and mentions stages do not depend on the overrides file."""
    path = Path(out_dir) / MANIFEST_NAME
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    wanted = build_manifest(params, overrides_csv)
    if stage != "events":
        stored.pop("overrides_sha256", None)
        wanted.pop("overrides_sha256", None)
    return stored == wanted


def forget(out_dir: Path) -> None:
    """The tables no longer come from one complete run (a notebook rebuilt some of them)."""
    (Path(out_dir) / MANIFEST_NAME).unlink(missing_ok=True)


def read_or_build(stage: str, out_dir, params, read: Callable[[], object], build: Callable[[object], object],
                  describe: Callable[[object], str], overrides_csv: Path | None = None):
    """A stage for a notebook: `read()` when `out_dir`'s tables were built from these very inputs and code,
    else `build(cache)` (it builds with the per-article cache and writes its tables), after which the tables
    no longer come from one complete run. Prints one line, "<stage> stage: read from ..." or "<stage> stage:
    built ...", with `describe(result)`."""
    from helpers.stagecache import StageCache

    out_dir = resolve(out_dir)
    if is_current(out_dir, params, overrides_csv, stage=stage):
        result = read()
        print(f"{stage} stage: read from {out_dir / 'tables'} (built from these inputs){describe(result)}")
        return result
    started = time.perf_counter()
    with StageCache.for_out_dir(out_dir) as stage_cache:
        result = build(stage_cache)
    forget(out_dir)
    print(f"{stage} stage: built{describe(result)} in {time.perf_counter() - started:.1f} s")
    return result
