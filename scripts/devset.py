"""The real-article development set (data/gold/real/): check, status, materialise, evaluate.

Usage:
  python scripts/devset.py check [--lang pt]            validate records (and texts, when cached)
  python scripts/devset.py status                       which cached texts are present and match their hash
  python scripts/devset.py restore ID FILE                put a record's text back in the cache from FILE, the
        search excerpt pasted as returned (marker included; plain text or the JSON string's body);
        written only when its sha256 is the record's
  python scripts/devset.py cache ID FILE                  a new record's text: FILE holds the excerpt as returned;
        the metadata marker is removed, the text written to the cache, its sha256 and marker date printed
  python scripts/devset.py materialise --out DIR [--batch 1,2] [--lang pt]
  python scripts/devset.py eval [--batch 1,2] [--lang pt] [--out DIR] [--details]
        run the tables on the cached texts and score them with ../shared/eval/score.py
        (strict, and countries only), overall and per language

Texts live outside the repository (see helpers.devset and data/gold/real/README.md).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from helpers import devset

SUMMARY = re.compile(r"F1=(?P<f1>[\d.]+) P=(?P<p>[\d.]+) R=(?P<r>[\d.]+) tp=(?P<tp>\d+) fp=(?P<fp>\d+) "
                     r"fn=(?P<fn>\d+) date_exact=(?P<date>\d+)/")


def _select(args) -> list[devset.GoldArticle]:
    records = devset.load_records()
    if getattr(args, "batch", None):
        batches = {int(b) for b in args.batch.split(",")}
        records = [g for g in records if g.record.get("batch") in batches]
    if getattr(args, "lang", None):
        languages = set(args.lang.split(","))
        records = [g for g in records if g.record.get("language") in languages]
    return records


def cmd_check(args) -> int:
    records = _select(args)
    bad = 0
    ids = Counter(g.id for g in devset.load_records())
    for gold in records:
        problems = devset.record_problems(gold.record, devset.cached_text(gold.id))
        if ids[gold.id] > 1:
            problems.append("id used twice")
        for p in problems:
            print(f"{gold.path.name}:{gold.line} {gold.id}: {p}")
        bad += bool(problems)
    for problem in devset.key_problems(devset.load_records()):
        print(f"event_key: {problem}")
        bad += 1
    for url in devset.excluded_urls([g.record["url"] for g in records if "url" in g.record]):
        print(f"EXCLUDED (reserved for independent evaluation): {url}")
        bad += 1
    n_text = sum(devset.cached_text(g.id) is not None for g in records)
    print(f"{len(records)} records, {n_text} with a cached text, {bad} with problems")
    return 1 if bad else 0


def cmd_status(args) -> int:
    rows = devset.status(_select(args))
    for row in rows:
        if row["state"] != "ok":
            print(f"{row['state']:8} {row['id']} {row['url']}")
    states = Counter(r["state"] for r in rows)
    print(f"{len(rows)} records: " + ", ".join(f"{n} {s}" for s, n in sorted(states.items())) +
          f" (cache {devset.cache_dir()})")
    return 0 if states.get("ok", 0) == len(rows) else 1


def cmd_restore(args) -> int:
    record = next((g for g in devset.load_records() if g.id == args.id), None)
    if record is None:
        print(f"no record {args.id!r} in data/gold/real/")
        return 2
    text = devset.restored_text(Path(args.file).read_text(encoding="utf-8"), record.record["sha256"])
    if text is None:
        print(f"{args.id}: no reading of {args.file} has the recorded sha256; nothing written "
              "(check the copy, or the page store changed)")
        return 1
    target = devset.write_cached(args.id, text)
    print(f"{args.id}: restored, sha256 matches ({target})")
    return 0


def cmd_cache(args) -> int:
    excerpt = Path(args.file).read_text(encoding="utf-8")
    marker = devset.METADATA_MARKER.match(excerpt)
    text = devset.METADATA_MARKER.sub("", excerpt, count=1).rstrip("\n")  # an editor's final newline
    target = devset.write_cached(args.id, text)
    date = marker.group("date") if marker else ""
    print(f"id={args.id} sha256={devset.sha256_text(text)} marker_date={date or '(none)'} "
          f"chars={len(text)} -> {target}")
    return 0


def cmd_materialise(args) -> int:
    written = devset.materialise(_select(args), Path(args.out))
    print(f"{len(written)} texts and sources.csv written to {args.out}")
    return 0


def _score(table: Path, gold: Path, ignore: str = "", details: bool = False) -> dict | None:
    command = [sys.executable, str(devset.SHARED_DIR / "eval" / "score.py"), "mentions", "--collapse",
               "--only-gold-articles", "--table", str(table), "--gold", str(gold)]
    if ignore:
        command += ["--ignore", ignore]
    out = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    if details:
        print(out)
    match = SUMMARY.search(out.splitlines()[-1]) if out.strip() else None
    return {k: float(v) for k, v in match.groupdict().items()} if match else None


def cmd_eval(args) -> int:
    records = _select(args)
    if not (devset.SHARED_DIR / "eval" / "score.py").exists():
        print(f"the shared scorer is not at {devset.SHARED_DIR / 'eval'}", file=sys.stderr)
        return 2
    out = Path(args.out or tempfile.mkdtemp(prefix="dev-eval-"))
    written = devset.materialise(records, out / "input")
    if len(written) < len(records):
        print(f"note: {len(records) - len(written)} records have no matching cached text (see `status`)")
    command = [sys.executable, "-m", "helpers", "tables", "--input", str(out / "input"), "--out", str(out / "run")]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print(run.stdout + run.stderr, file=sys.stderr)
        return 1
    print(run.stdout.strip().splitlines()[-1] if run.stdout.strip() else "")
    table = out / "run" / "tables" / "mentions.csv"
    groups = {"all": written} | {lang: [g for g in written if g.record["language"] == lang]
                                  for lang in devset.LANGUAGES}
    print(f"{'group':6} {'n':>4} {'strict F1':>9} {'P':>6} {'R':>6} {'date':>6} {'countries F1':>12}")
    for name, group in groups.items():
        if not group:
            continue
        gold = out / f"gold_{name}.jsonl"
        devset.write_gold(group, gold)
        strict = _score(table, gold, details=args.details and name == "all")
        loose = _score(table, gold, ignore="date,status,type")
        if strict is None or loose is None:
            print(f"{name:6} scorer gave no summary")
            continue
        date = strict["date"] / strict["tp"] if strict["tp"] else 0.0
        print(f"{name:6} {len(group):4d} {strict['f1']:9.3f} {strict['p']:6.3f} {strict['r']:6.3f} {date:6.3f} "
              f"{loose['f1']:12.3f}")
    events_gold = out / "gold_events.json"
    gold_events = devset.event_gold(written)
    events_gold.write_text(json.dumps(gold_events, ensure_ascii=False, indent=1), encoding="utf-8")
    command = [sys.executable, str(devset.SHARED_DIR / "eval" / "score.py"), "events",
               "--table", str(out / "run" / "tables" / "events.csv"), "--gold", str(events_gold)]
    lines = subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip().splitlines()
    multi = sum(len(e["articles"]) > 1 for e in gold_events["events"])
    print(f"{lines[-1] if lines else 'events: scorer gave no summary'} "
          f"({multi} gold events reported by two or more articles)")
    print(f"tables and gold in {out}")
    return 0


def cmd_show(args) -> int:
    """One article of an eval run: its clean sentences, the gold events, the mentions and notes."""
    import csv
    import json

    run = Path(args.out) / "run"
    gold = {g.id: g.record for g in devset.load_records()}
    for article_id in args.ids.split(","):
        record = gold.get(article_id, {})
        print(f"=== {article_id} published {record.get('published')!r} ({record.get('published_source')}) "
              f"{record.get('url', '')}")
        clean = run / "clean" / f"{article_id}.txt"
        print(clean.read_text(encoding="utf-8") if clean.exists() else "(no clean text)")
        for e in record.get("events", []):
            print("GOLD", json.dumps({k: e[k] for k in ("countries", "type", "status", "date", "required", "evidence")},
                                     ensure_ascii=False))
        with (run / "tables" / "mentions.csv").open(encoding="utf-8") as fh:
            for m in csv.DictReader(fh):
                if m["article_id"] == article_id:
                    print(f"MENT {m['sentence_no']} {m['countries']} {m['type']} {m['status']} {m['date']!r} "
                          f"[{m['trigger']}] ({m['date_basis']})")
        with (run / "tables" / "extraction_notes.csv").open(encoding="utf-8") as fh:
            for n in csv.DictReader(fh):
                if n["article_id"] == article_id:
                    print(f"NOTE {n['kind']} {n['sentence_no']} {n['surface'][:80]!r} {n['detail'][:100]}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    show = sub.add_parser("show")
    show.add_argument("ids", help="comma-separated article ids")
    show.add_argument("--out", required=True, help="the folder of an eval run")
    restore = sub.add_parser("restore")
    restore.add_argument("id", help="the record's id, e.g. b03-pt-2")
    restore.add_argument("file", help="a file holding the search excerpt as returned")
    cache = sub.add_parser("cache")
    cache.add_argument("id", help="the new record's id, e.g. b10-pt-2")
    cache.add_argument("file", help="a file holding the search excerpt as returned")
    for name in ("check", "status", "materialise", "eval"):
        p = sub.add_parser(name)
        p.add_argument("--batch", help="comma-separated batch numbers")
        p.add_argument("--lang", help="comma-separated languages")
        if name in ("materialise", "eval"):
            p.add_argument("--out", required=name == "materialise", help="folder to write")
        if name == "eval":
            p.add_argument("--details", action="store_true", help="print the scorer's HIT/MISS/FP lines")
    args = parser.parse_args()
    commands = {"check": cmd_check, "status": cmd_status, "materialise": cmd_materialise, "eval": cmd_eval,
                "show": cmd_show, "restore": cmd_restore, "cache": cmd_cache}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
