"""Command line: `python -m helpers tables --input DIR --out DIR` runs the data stages."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from helpers import SUPPORTED_LANGUAGES


def _tables(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from helpers.articles import ArticlesParams, build_articles, write_articles

    try:
        params = ArticlesParams(
            input_dir=Path(args.input).resolve(),
            sources_csv=Path(args.sources).resolve() if args.sources else None,
            languages=tuple(x.strip() for x in args.languages.split(",") if x.strip()),
            max_file_mb=args.max_file_mb,
        )
    except ValidationError as exc:
        for error in exc.errors():
            print(f"error: parameter {'.'.join(map(str, error['loc']))}: {error['msg']}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    stage = build_articles(params)
    written = write_articles(stage, Path(args.out).resolve())
    elapsed = time.perf_counter() - started
    counts = stage.articles["status"].value_counts().to_dict()
    print(f"articles: {len(stage.articles)} files ({counts.get('ok', 0)} ok, {counts.get('skipped', 0)} skipped), "
          f"{len(stage.sentences)} sentences, {len(stage.removed_lines)} lines removed, "
          f"{len(stage.input_warnings)} input warnings; {elapsed:.1f} s")
    from helpers.extract import build_mentions, write_mentions

    mentions = build_mentions(stage, params.languages)
    write_mentions(mentions, Path(args.out).resolve())
    rate = mentions.n_sentences / mentions.seconds if mentions.seconds else 0.0
    print(f"mentions: {len(mentions.mentions)} from {mentions.n_sentences} sentences in {mentions.seconds:.2f} s "
          f"({rate:.0f} sentences/s), {len(mentions.notes)} extraction notes")
    from helpers.dedup import build_events, write_events

    overrides = Path(args.overrides).resolve() if args.overrides else None
    events = build_events(stage.articles, stage.sentences, mentions.mentions, overrides)
    write_events(events, Path(args.out).resolve())
    print(f"events: {len(events.events)} ({(events.events['status'] == 'planned').sum()} planned), "
          f"{len(events.near_misses)} near misses, {len(events.unresolved)} unresolved dates, "
          f"{len(events.overrides)} overrides")
    for _, row in stage.articles[stage.articles["status"] != "ok"].iterrows():
        print(f"  skipped {row['file']}: {row['status_reason']}")
    for _, row in stage.input_warnings.iterrows():
        print(f"  warning ({row['source']}) {row['file']}: {row['message']}")
    print(f"wrote {written['tables']} (articles, sentences, removed_lines, input_warnings, mentions, "
          f"extraction_notes, events, near_misses, unresolved_dates, overrides_applied, agg_*) and {written['clean']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    tables = commands.add_parser("tables", help="run the data stages; write OUT/tables and OUT/clean")
    tables.add_argument("--input", default="data/seeds", help="folder of articles (*.txt, *.html, *.htm)")
    tables.add_argument("--out", default="reports", help="output folder")
    tables.add_argument("--sources", default="", help="sidecar CSV (default: INPUT/sources.csv if present)")
    tables.add_argument("--languages", default=",".join(SUPPORTED_LANGUAGES),
                        help="comma-separated ISO 639-1 codes the detector may choose from")
    tables.add_argument("--max-file-mb", type=float, default=10.0, help="larger files are skipped")
    tables.add_argument("--overrides", default="data/annotations/overrides.csv",
                        help="analyst overrides CSV (action,ids,reason); ignored when absent")
    tables.set_defaults(run=_tables)
    args = parser.parse_args(argv)
    return args.run(args)
