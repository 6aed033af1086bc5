"""The data stages in order (articles -> mentions -> events), as one call used by the CLI and the report."""

from __future__ import annotations

import time
from pathlib import Path

from helpers import SUPPORTED_LANGUAGES


def run_tables(
    input_dir: Path,
    out_dir: Path,
    sources_csv: Path | None = None,
    languages: tuple[str, ...] = SUPPORTED_LANGUAGES,
    max_file_mb: float = 10.0,
    overrides_csv: Path | None = None,
) -> list[str]:
    """Build and write every table of OUT/tables and OUT/clean; returns the progress lines.

    Raises pydantic.ValidationError on bad parameters."""
    from helpers.articles import ArticlesParams, build_articles, write_articles
    from helpers.dedup import build_events, write_events
    from helpers.extract import build_mentions, write_mentions

    params = ArticlesParams(input_dir=input_dir, sources_csv=sources_csv, languages=languages, max_file_mb=max_file_mb)
    started = time.perf_counter()
    stage = build_articles(params)
    written = write_articles(stage, out_dir)
    counts = stage.articles["status"].value_counts().to_dict()
    lines = [
        f"articles: {len(stage.articles)} files ({counts.get('ok', 0)} ok, {counts.get('skipped', 0)} skipped), "
        f"{len(stage.sentences)} sentences, {len(stage.removed_lines)} lines removed, "
        f"{len(stage.input_warnings)} input warnings; {time.perf_counter() - started:.1f} s"
    ]
    if stage.articles.empty:
        from helpers.ingest import empty_input_hint

        lines.append(f"  warning: {empty_input_hint(Path(params.input_dir))}")
    mentions = build_mentions(stage, params.languages)
    write_mentions(mentions, out_dir)
    rate = mentions.n_sentences / mentions.seconds if mentions.seconds else 0.0
    lines.append(
        f"mentions: {len(mentions.mentions)} from {mentions.n_sentences} sentences in "
        f"{mentions.seconds:.2f} s ({rate:.0f} sentences/s), {len(mentions.notes)} extraction notes"
    )
    set_aside = mentions.notes[mentions.notes["kind"].isin(["invalid_mention", "extraction_error"])]
    if len(set_aside):
        lines.append(f"  {len(set_aside)} mentions or articles set aside by the extraction (extraction_notes.csv: "
                     + ", ".join(f"{n} {k}" for k, n in sorted(set_aside["kind"].value_counts().items())) + ")")
    events = build_events(stage.articles, stage.sentences, mentions.mentions, overrides_csv)
    write_events(events, out_dir)
    lines.append(
        f"events: {len(events.events)} ({(events.events['status'] == 'planned').sum()} planned), "
        f"{len(events.near_misses)} near misses, {len(events.unresolved)} unresolved dates, "
        f"{len(events.overrides)} overrides"
    )
    for _, row in stage.articles[stage.articles["status"] != "ok"].iterrows():
        lines.append(f"  skipped {row['file']}: {row['status_reason']}")
    for _, row in stage.input_warnings.iterrows():
        lines.append(f"  warning ({row['source']}) {row['file']}: {row['message']}")
    lines.append(f"wrote {written['tables']} and {written['clean']}")
    return lines
