"""Benchmark the pipeline on the synthetic benchmark corpus and write benchmarks/results.md and .json.

For each size (1k, 10k, 100k articles, `benchmarks/corpus.py`, seeded): the corpus is generated once
into a cache folder (`~/.cache/diplomacy-contacts/bench/`, or `$DIPLOMACY_BENCH_CACHE`), then
- the **floor**: read every file's bytes, decode them and run one compiled regular expression over
  them (what any tool must at least do);
- the **stages**, in a fresh process: articles, mentions, events (wall time, articles per second, peak
  RSS of that process after the stage), then the accuracy of the mentions on the planted gold (the
  gate's matching: countries, type class, status; date accuracy over matched contacts);
- the **report** from those tables (`python -m helpers report`, HTML): wall time and HTML size.
Each stage's time is also given as a multiple of the floor. Results go to `benchmarks/results.json`
(every run, keyed by size) and `benchmarks/results.md` (rendered from the JSON, with the machine,
versions, date and command).

Usage: python scripts/benchmark.py [--sizes 1k,10k] [--workers N] [--no-report]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from helpers.paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from corpus import SIZES, corpus_digest, write_corpus

RESULTS_JSON = PROJECT_ROOT / "benchmarks" / "results.json"
RESULTS_MD = PROJECT_ROOT / "benchmarks" / "results.md"
FLOOR_PATTERN = re.compile(r"\b\w+\b")


def cache_root() -> Path:
    return Path(os.environ.get("DIPLOMACY_BENCH_CACHE", Path.home() / ".cache" / "diplomacy-contacts" / "bench"))


def corpus_folder(size: str, seed: int = 0) -> Path:
    """The corpus of that size, generated on first use (a `.complete` stamp marks a finished one)."""
    folder = cache_root() / f"{size}-seed{seed}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(folder, SIZES.get(size) or int(size), seed)
        (folder / ".complete").write_text(corpus_digest(folder))
    return folder


def article_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))


def floor_seconds(folder: Path) -> dict:
    started = time.perf_counter()
    n_bytes = n_tokens = 0
    for path in article_files(folder):
        data = path.read_bytes()
        n_bytes += len(data)
        n_tokens += len(FLOOR_PATTERN.findall(data.decode("utf-8", errors="replace")))
    return {"seconds": round(time.perf_counter() - started, 3), "bytes": n_bytes, "tokens": n_tokens}


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def planted_accuracy(folder: Path, articles, mentions) -> dict:
    """The mentions scored against the planted gold with the gate's matching, per file."""
    from helpers.gate import CaseResult, _contacts, match, scores

    planted = [json.loads(line) for line in (folder / "planted_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    file_to_id = dict(zip(articles["file"], articles["article_id"], strict=True))
    by_article = {aid: group.to_dict("records") for aid, group in mentions.groupby("article_id")}
    results = []
    for row in planted:
        predicted = _contacts(by_article.get(file_to_id.get(row["file"], ""), []))
        gold = _contacts(row["expected"])
        results.append(CaseResult(row["file"], row["language"], gold, predicted, match(gold, predicted)))
    return scores(results)["all"]


def run_stages(folder: Path, out: Path, workers: int) -> dict:
    """The three data stages, timed, in this process (the parent runs this in a fresh one)."""
    from helpers import SUPPORTED_LANGUAGES
    from helpers.articles import ArticlesParams, build_articles, write_articles
    from helpers.dedup import build_events, write_events
    from helpers.extract import build_mentions, write_mentions

    figures: dict = {"baseline_rss_mb": peak_rss_mb()}
    params = ArticlesParams(input_dir=folder, workers=workers)
    t0 = time.perf_counter()
    stage = build_articles(params)
    write_articles(stage, out)
    t1 = time.perf_counter()
    figures["articles"] = {"seconds": round(t1 - t0, 2), "peak_rss_mb": peak_rss_mb()}
    mentions = build_mentions(stage, SUPPORTED_LANGUAGES, workers=workers)
    write_mentions(mentions, out)
    t2 = time.perf_counter()
    figures["mentions"] = {"seconds": round(t2 - t1, 2), "peak_rss_mb": peak_rss_mb()}
    events = build_events(stage.articles, stage.sentences, mentions.mentions, sequences=mentions.sequences)
    write_events(events, out)
    t3 = time.perf_counter()
    figures["events"] = {"seconds": round(t3 - t2, 2), "peak_rss_mb": peak_rss_mb()}
    figures["counts"] = {"articles": len(stage.articles), "sentences": len(stage.sentences),
                         "mentions": len(mentions.mentions), "events": len(events.events)}
    figures["accuracy"] = planted_accuracy(folder, stage.articles, mentions.mentions)
    return figures


def run_report(folder: Path, out: Path) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "helpers", "report", "--input", str(folder), "--out", str(out)],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    html = out / "report.html"
    return {"seconds": round(seconds, 1), "exit": done.returncode,
            "html_mb": round(html.stat().st_size / 1e6, 2) if html.exists() else None,
            "tail": done.stdout.strip().splitlines()[-3:] + done.stderr.strip().splitlines()[-3:]}


def bench_size(size: str, workers: int, with_report: bool) -> dict:
    folder = corpus_folder(size)
    out = cache_root() / f"out-{size}"
    shutil.rmtree(out, ignore_errors=True)
    floor = floor_seconds(folder)
    child = subprocess.run([sys.executable, __file__, "--child", str(folder), str(out), str(workers)],
                           capture_output=True, text=True, check=True)
    figures = json.loads(child.stdout.strip().splitlines()[-1])
    n = figures["counts"]["articles"]
    for stage in ("articles", "mentions", "events"):
        seconds = figures[stage]["seconds"]
        figures[stage]["articles_per_s"] = round(n / seconds, 1) if seconds else None
        figures[stage]["x_floor"] = round(figures[stage]["seconds"] / floor["seconds"], 1) if floor["seconds"] else None
    figures["total_seconds"] = round(sum(figures[s]["seconds"] for s in ("articles", "mentions", "events")), 2)
    if with_report:
        figures["report"] = run_report(folder, out)
    return {"size": size, "n_articles": n, "corpus_sha256": (folder / ".complete").read_text()[:16],
            "corpus_mb": round(floor["bytes"] / 1e6, 1), "floor": floor, "workers": workers, **figures,
            "date": dt.date.today().isoformat(), "python": platform.python_version(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores", "git": _git_revision()}


def _git_revision() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          check=False)
    return done.stdout.strip()


def render_markdown(results: dict) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`python scripts/benchmark.py`); figures are the last run of each size and",
        "worker count. Corpus: `benchmarks/corpus.py` (seed 0). Floor: read, decode and one compiled regex over",
        "the same files in the same run. Peak RSS: the stage process's peak after that stage. Accuracy: the",
        "mentions against the planted gold (gate matching). Notes and what falls short: `benchmarks/RESULTS.md`.",
        "",
        "| size | workers | date | git | MB | floor s | articles s (x floor, art/s) | mentions s (x floor) "
        "| events s (x floor) | total s | peak RSS MB | F1 | date acc. | report s | HTML MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for key in sorted(results, key=lambda k: (results[k]["n_articles"], results[k]["workers"])):
        r = results[key]
        rep = r.get("report") or {}
        peak = max(r[s]["peak_rss_mb"] for s in ("articles", "mentions", "events"))
        lines.append(
            f"| {r['size']} | {r['workers']} | {r['date']} | {r['git']} | {r['corpus_mb']} | {r['floor']['seconds']} "
            f"| {r['articles']['seconds']} ({r['articles']['x_floor']}x, {r['articles']['articles_per_s']}/s) "
            f"| {r['mentions']['seconds']} ({r['mentions']['x_floor']}x) | {r['events']['seconds']} "
            f"({r['events']['x_floor']}x) | {r['total_seconds']} | {peak} | {r['accuracy']['f1']} "
            f"| {r['accuracy']['date_accuracy']} | {rep.get('seconds', '')} | {rep.get('html_mb', '')} |")
    lines += ["", f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.", ""]
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        folder, out, workers = Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
        print(json.dumps(run_stages(folder, out, workers)))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k", help="comma-separated: 1k, 10k, 100k or numbers of articles")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-report", action="store_true", help="skip the report build")
    args = parser.parse_args()
    results = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {}
    for size in args.sizes.split(","):
        figures = bench_size(size.strip(), args.workers, not args.no_report)
        results[f"{size.strip()}-w{args.workers}"] = figures
        RESULTS_JSON.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
        RESULTS_MD.write_text(render_markdown(results))
        print(json.dumps({k: figures[k] for k in ("size", "n_articles", "floor", "total_seconds")
                          if k in figures}, default=str))
        print(render_markdown(results).splitlines()[-3])


if __name__ == "__main__":
    main()
