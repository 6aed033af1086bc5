"""Benchmark the data stages on a synthetic corpus and append the figures to benchmarks/RESULTS.md.

The corpus: every seed article and every gold passage (as its own article), copied N times with
distinct file names, so that fingerprinting, extraction and deduplication see realistic repetition.
Usage: python scripts/benchmark.py [--copies 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import shutil
import tempfile
import time
from pathlib import Path

from helpers import SUPPORTED_LANGUAGES
from helpers.paths import PROJECT_ROOT, SEEDS_DIR

RESULTS = PROJECT_ROOT / "benchmarks" / "RESULTS.md"


def make_corpus(folder: Path, copies: int) -> int:
    from helpers.gate import load_gold

    passages = load_gold()["passages"]
    n = 0
    for k in range(copies):
        for seed in sorted(SEEDS_DIR.glob("*.txt")):
            shutil.copy(seed, folder / f"{k:03d}_{seed.name}")
            n += 1
        for p in passages:
            header = f"{p['id']}\n\nPublished on {p['published']}\n\n" if p.get("published") else f"{p['id']}\n\n"
            (folder / f"{k:03d}_{p['id']}.txt").write_text(header + p["text"] + "\n", encoding="utf-8")
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    from helpers.articles import ArticlesParams, build_articles
    from helpers.dedup import build_events
    from helpers.extract import build_mentions

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n_files = make_corpus(folder, args.copies)
        t0 = time.perf_counter()
        stage = build_articles(ArticlesParams(input_dir=folder))
        t1 = time.perf_counter()
        mentions = build_mentions(stage, SUPPORTED_LANGUAGES)
        t2 = time.perf_counter()
        events = build_events(stage.articles, stage.sentences, mentions.mentions)
        t3 = time.perf_counter()
    n_sentences = len(stage.sentences)
    line = (f"| {dt.date.today().isoformat()} | {platform.python_version()} | {n_files} | {n_sentences} | "
            f"{t1 - t0:.1f} | {t2 - t1:.1f} ({n_sentences / (t2 - t1):.0f}/s) | {t3 - t2:.1f} | "
            f"{len(mentions.mentions)} | {len(events.events)} |")
    if not RESULTS.exists():
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(
            "# Benchmarks\n\n`python scripts/benchmark.py --copies N` (seeds + gold passages, copied N times).\n"
            "Times in seconds, on the project's 2-core machine.\n\n"
            "| date | python | files | sentences | articles stage (s) | extraction (s) | events stage (s) "
            "| mentions | events |\n|---|---|---|---|---|---|---|---|---|\n")
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    print(line)


if __name__ == "__main__":
    main()
