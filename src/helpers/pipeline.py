"""The data stages in order (articles -> mentions -> events), as one call used by the CLI and the report.

The tables are written to a staging folder inside OUT first and only moved into place, folder by folder
(`OUT/tables`, `OUT/clean`), once every stage has succeeded: a run that fails or is stopped midway leaves
the previous tables as they were (and its staging folder is removed, now or at the next run).
"""

from __future__ import annotations

import os
import shutil
import tempfile
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
    workers: int = 0,
    use_cache: bool = True,
    say=None,
) -> list[str]:
    """Build and write every table of OUT/tables and OUT/clean; returns the progress lines.

    `workers`: processes for the per-article work (0 = every core); `use_cache`: take unchanged articles'
    results from OUT/cache (helpers.stagecache); `say(line)`: called with each line as soon as it is known
    (one per stage), and then a progress bar is shown on a terminal.
    Raises pydantic.ValidationError on bad parameters, OSError when OUT cannot be written."""
    from helpers import manifest
    from helpers.articles import ArticlesParams

    params = ArticlesParams(input_dir=input_dir, sources_csv=sources_csv, languages=languages, max_file_mb=max_file_mb,
                           workers=workers)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob(f"{STAGING_PREFIX}*"):  # left by a run that was killed
        shutil.rmtree(stale, ignore_errors=True)
    inputs = manifest.build_manifest(params, overrides_csv)  # before reading: a file changed meanwhile is stale
    from helpers.stagecache import StageCache

    staging = None
    with StageCache.for_out_dir(out_dir if use_cache else None) as cache:
        try:  # a stop (SIGTERM) from here on leaves no staging folder
            staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=STAGING_PREFIX))
            lines = _run_stages(params, staging, overrides_csv, cache, say)
            publish_folders(staging, out_dir, OUTPUT_FOLDERS)
            # Stopped before this line, the previous manifest stays: it names the previous inputs, which no
            # longer match, so the notebooks rebuild rather than trust it.
            manifest.write_manifest(out_dir, inputs)
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
    lines[-1] = f"wrote {out_dir / 'tables'} and {out_dir / 'clean'}"
    if say:
        say(lines[-1])
    return lines


STAGING_PREFIX = ".staging-"
OUTPUT_FOLDERS = ("tables", "clean")


def publish_folders(staging: Path, out_dir: Path, names: tuple[str, ...]) -> None:
    """Move each finished folder of `staging` into `out_dir`, replacing the previous one (two renames each;
    the previous folder is moved into `staging`, which the caller removes)."""
    for name in names:
        target = out_dir / name
        if target.exists():
            os.replace(target, staging / f"{name}.previous")
        os.replace(staging / name, target)


class _Lines(list):
    """The progress lines, each also said as soon as it is added."""

    def __init__(self, say=None):
        super().__init__()
        self.say = say

    def append(self, line: str) -> None:
        super().append(line)
        if self.say:
            self.say(line)


def _bar(say, total: int, what: str):
    """A tqdm progress bar on a terminal when lines are said as they come; else None."""
    import sys

    if not say or not sys.stderr.isatty() or total < 50:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=what, unit=" articles", leave=False)


def _cached(n: int) -> str:
    return f", {n} from the cache" if n else ""


def _run_stages(params, out_dir: Path, overrides_csv: Path | None, cache=None, say=None) -> list[str]:
    from helpers.articles import build_articles, list_article_files, write_articles
    from helpers.dedup import build_events, write_events
    from helpers.extract import build_mentions, write_mentions

    lines = _Lines(say)
    started = time.perf_counter()
    bar = _bar(say, len(list_article_files(params.input_dir)), "articles")
    stage = build_articles(params, bar.update if bar else None, cache)
    if bar:
        bar.close()
    written = write_articles(stage, out_dir)
    counts = stage.articles["status"].value_counts().to_dict()
    lines.append(
        f"articles: {len(stage.articles)} files ({counts.get('ok', 0)} ok, {counts.get('skipped', 0)} skipped), "
        f"{len(stage.sentences)} sentences, {len(stage.removed_lines)} lines removed, "
        f"{len(stage.input_warnings)} input warnings; {time.perf_counter() - started:.1f} s{_cached(stage.n_cached)}"
    )
    if stage.articles.empty:
        from helpers.ingest import empty_input_hint

        lines.append(f"  warning: {empty_input_hint(Path(params.input_dir))}")
    bar = _bar(say, int((stage.articles["status"] == "ok").sum()), "mentions")
    mentions = build_mentions(stage, params.languages, params.workers, bar.update if bar else None, cache)
    if bar:
        bar.close()
    write_mentions(mentions, out_dir)
    rate = mentions.n_sentences / mentions.seconds if mentions.seconds else 0.0
    lines.append(
        f"mentions: {len(mentions.mentions)} from {mentions.n_sentences} sentences in "
        f"{mentions.seconds:.2f} s ({rate:.0f} sentences/s), {len(mentions.notes)} extraction notes"
        f"{_cached(mentions.n_cached)}"
    )
    set_aside = mentions.notes[mentions.notes["kind"].isin(["invalid_mention", "extraction_error"])]
    if len(set_aside):
        lines.append(f"  {len(set_aside)} mentions or articles set aside by the extraction (extraction_notes.csv: "
                     + ", ".join(f"{n} {k}" for k, n in sorted(set_aside["kind"].value_counts().items())) + ")")
    started = time.perf_counter()
    events = build_events(stage.articles, stage.sentences, mentions.mentions, overrides_csv, mentions.sequences)
    write_events(events, out_dir)
    lines.append(
        f"events: {len(events.events)} ({(events.events['status'] == 'planned').sum()} planned), "
        f"{len(events.near_misses)} near misses, {len(events.unresolved)} unresolved dates, "
        f"{len(events.overrides)} overrides; {time.perf_counter() - started:.1f} s"
    )
    for _, row in stage.articles[stage.articles["status"] != "ok"].iterrows():
        lines.append(f"  skipped {row['file']}: {row['status_reason']}")
    for _, row in stage.input_warnings.iterrows():
        lines.append(f"  warning ({row['source']}) {row['file']}: {row['message']}")
    lines.say = None  # the last line is said by run_tables, with the final folder
    lines.append(f"wrote {written['tables']} and {written['clean']}")
    return list(lines)
