"""Command line: `python -m helpers tables` runs the data stages; `python -m helpers report` builds the report."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from helpers import SUPPORTED_LANGUAGES


def _tables(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from helpers.pipeline import run_tables
    from helpers.validation import error_lines

    try:
        with _engine(args):
            summary = run_tables(
                input_dir=Path(args.input).resolve(),
                out_dir=Path(args.out).resolve(),
                sources_csv=Path(args.sources).resolve() if args.sources else None,
                languages=tuple(x.strip() for x in args.languages.split(",") if x.strip()),
                max_file_mb=args.max_file_mb,
                overrides_csv=Path(args.overrides).resolve() if args.overrides else None,
                workers=args.workers,
                use_cache=not args.no_cache,
                say=print,
            )
    except ValidationError as exc:
        for line in error_lines(exc):
            print(f"error: {line}", file=sys.stderr)
        return 2
    except OSError as exc:
        return _failed(os_error_line(exc))
    return 0 if summary else 1


def _engine(args: argparse.Namespace):
    """Where the per-article work runs: this machine's processes, or a Dask cluster (helpers.parallel)."""
    import contextlib

    if args.engine == "dask":
        from helpers.parallel import dask_engine

        return dask_engine(args.scheduler, args.workers)
    return contextlib.nullcontext()


def _add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=int, default=0, help="processes for the per-article stages (0 = every core)")
    parser.add_argument("--no-cache", action="store_true", help="recompute every article (OUT/cache is not used)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local: a process pool here; dask: a Dask cluster (--scheduler, else a LocalCluster)")
    parser.add_argument("--scheduler", default="", help="Dask scheduler address (tcp://host:8786); empty: LocalCluster")


class Interrupted(BaseException):
    """SIGTERM (or Ctrl-C) during a run: the outputs are only replaced by complete ones, so stopping is safe."""


def _interrupt(signum, frame) -> None:
    raise Interrupted(signal.Signals(signum).name)


def os_error_line(exc: OSError) -> str:
    """One line for a file-system failure (unwritable or full output folder, unreadable input)."""
    where = f" ({exc.filename})" if exc.filename else ""
    return f"cannot write or read a file{where}: {exc.strerror or exc}"


def _failed(line: str, code: int = 1) -> int:
    print(f"error: {line}", file=sys.stderr)
    return code


def _report(args: argparse.Namespace) -> int:
    from helpers.report import ReportError, build_report, params_from_cli

    try:
        params = params_from_cli(vars(args))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        with _engine(args):
            for line in build_report(params, sources=args.sources, overrides=args.overrides, workers=args.workers,
                                     use_cache=not args.no_cache):
                print(line)
    except ReportError as exc:
        return _failed(str(exc))
    except OSError as exc:
        return _failed(os_error_line(exc))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    tables = commands.add_parser("tables", help="run the data stages; write OUT/tables and OUT/clean")
    tables.add_argument("--input", default="data/seeds", help="folder of articles (*.txt, *.html, *.htm)")
    tables.add_argument("--out", default="reports", help="output folder")
    tables.add_argument("--sources", default="", help="sidecar CSV (default: INPUT/sources.csv if present)")
    tables.add_argument(
        "--languages",
        default=",".join(SUPPORTED_LANGUAGES),
        help="comma-separated ISO 639-1 codes the detector may choose from",
    )
    tables.add_argument("--max-file-mb", type=float, default=10.0, help="larger files are skipped")
    tables.add_argument(
        "--overrides",
        default="data/annotations/overrides.csv",
        help="analyst overrides CSV (action,ids,reason); ignored when absent",
    )
    _add_engine_arguments(tables)
    tables.set_defaults(run=_tables)

    from helpers.report import add_report_arguments

    report = commands.add_parser(
        "report",
        help="the data stages, the notebooks and the HTML/PDF report",
        description="Build the report. Every option is also a notebook parameter of notebooks/03_report.ipynb.",
    )
    add_report_arguments(report)
    report.add_argument("--sources", default="", help="sidecar CSV (default: INPUT/sources.csv if present)")
    report.add_argument("--overrides", default="data/annotations/overrides.csv", help="analyst overrides CSV")
    _add_engine_arguments(report)
    report.set_defaults(run=_report)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        return args.run(args)
    except (Interrupted, KeyboardInterrupt) as exc:
        what = str(exc) or "SIGINT"
        return _failed(f"interrupted ({what}); the previous tables and report were left as they were", 128 + (
            signal.SIGTERM if what == "SIGTERM" else signal.SIGINT))
