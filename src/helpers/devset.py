"""The real-article development set: gold records, the text cache and the input folder built from it.

Gold records live in `data/gold/real/<language>.jsonl`, one article a line, coded by the shared
codebook (`../shared/CODEBOOK.md`, section 8) plus two fields of this project: `batch` (the
batch the article was scored in first) and `scope` (`russia_africa` or `elsewhere`). The records
hold URLs, queries, ranks, hashes and annotations, never the article text: that is third-party
material, kept outside the repository in the cache (`~/.cache/diplomacy-contacts/real/<id>.txt`,
or `$DIPLOMACY_REAL_CACHE`), as retrieved from the search tool's `pages` corpus (the excerpt from
the page's beginning; the corpus's leading ` date YYYY-MM[-DD]` metadata marker is not part of it,
it is the record's `published` with `published_source` `metadata`).

Known limits: a text re-retrieved later may differ from the one annotated (the stored page can
change); `status` says which cached texts match their hash, and only those are used.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import json
import os
import re
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from helpers.paths import DATA_DIR, PROJECT_ROOT
from helpers.published import METADATA_LINE

GOLD_DIR = DATA_DIR / "gold"
REAL_GOLD_DIR = GOLD_DIR / "real"
SHARED_DIR = PROJECT_ROOT.parent / "shared"
LANGUAGES = ("en", "fr", "bg", "ro", "ru", "es", "de", "pt", "ar", "sw")
TYPES = {"phone_call", "meeting", "visit", "summit", "message", "other"}
LABELS = {"positive", "planned_only", "negative"}
SCOPES = {"russia_africa", "elsewhere"}
PRECISION_LENGTH = {"day": 10, "month": 7, "year": 4}
PUBLISHED_SOURCES = {"metadata", "url", "header", "byline", "dateline", "none"}
MAX_EVIDENCE_WORDS = 12
ISO3 = re.compile(r"^[A-Z]{3}$")


def cache_dir() -> Path:
    return Path(os.environ.get("DIPLOMACY_REAL_CACHE", "~/.cache/diplomacy-contacts/real")).expanduser()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class GoldArticle:
    record: dict
    path: Path  # the JSONL file it came from
    line: int

    @property
    def id(self) -> str:
        return self.record["id"]


def load_records(paths: Iterable[Path] | None = None) -> list[GoldArticle]:
    """Every gold record of the development set, in file and line order."""
    files = sorted(paths) if paths is not None else sorted(REAL_GOLD_DIR.glob("*.jsonl"))
    found = []
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                found.append(GoldArticle(json.loads(line), path, n))
    return found


def _date_problems(value: str, precision: str, what: str) -> list[str]:
    if not value:
        return [] if precision in ("", "unknown") else [f"{what}: precision {precision!r} without a date"]
    if PRECISION_LENGTH.get(precision) != len(value):
        return [f"{what}: {value!r} does not have precision {precision!r}"]
    try:
        dt.date.fromisoformat(value + {4: "-01-01", 7: "-01", 10: ""}[len(value)])
    except ValueError:
        return [f"{what}: {value!r} is not a date"]
    return []


def event_problems(event: dict, text: str | None) -> list[str]:
    """What is wrong with one gold event (codebook sections 2, 4-8)."""
    problems = []
    countries = event.get("countries", [])
    if len(countries) < 2 or countries != sorted(set(countries)) or not all(ISO3.match(c) for c in countries):
        problems.append(f"countries {countries}: two or more distinct ISO3 codes, sorted")
    if event.get("type") not in TYPES:
        problems.append(f"type {event.get('type')!r}")
    if any(t not in TYPES for t in event.get("alt_types", [])):
        problems.append(f"alt_types {event.get('alt_types')}")
    if event.get("status") not in ("occurred", "planned"):
        problems.append(f"status {event.get('status')!r}")
    problems += _date_problems(event.get("date", ""), event.get("date_precision", "unknown"), "date")
    for p in event.get("participants", []):
        if not p.get("name") or p.get("country") not in countries:
            problems.append(f"participant {p}: a name and one of the event's countries")
    evidence = event.get("evidence", "")
    if not evidence or len(evidence.split()) > MAX_EVIDENCE_WORDS:
        problems.append(f"evidence {evidence!r}: 1 to {MAX_EVIDENCE_WORDS} words")
    elif text is not None and evidence not in text:
        problems.append(f"evidence {evidence!r} is not a verbatim substring of the text")
    if not isinstance(event.get("required", True), bool):
        problems.append("required must be true or false")
    return problems


def record_problems(record: dict, text: str | None) -> list[str]:
    """What is wrong with one gold record; `text` is the cached text (None when absent)."""
    problems = []
    for key in ("id", "url", "query", "rank", "corpus", "language", "sha256", "label", "events", "batch", "scope"):
        if key not in record:
            problems.append(f"missing {key!r}")
    if problems:
        return problems
    if record["language"] not in LANGUAGES:
        problems.append(f"language {record['language']!r}")
    if record["label"] not in LABELS:
        problems.append(f"label {record['label']!r}")
    if record["scope"] not in SCOPES:
        problems.append(f"scope {record['scope']!r}")
    if record.get("published_source", "none") not in PUBLISHED_SOURCES:
        problems.append(f"published_source {record.get('published_source')!r}")
    published = record.get("published", "")
    if published:
        problems += _date_problems(published, {4: "year", 7: "month", 10: "day"}.get(len(published), "?"),
                                   "published")
    if text is not None and sha256_text(text) != record["sha256"]:
        problems.append("sha256 does not match the cached text")
    events = record["events"]
    for i, event in enumerate(events):
        problems += [f"event {i}: {p}" for p in event_problems(event, text)]
    required = [e for e in events if e.get("required", True)]
    expected = ("positive" if any(e.get("status") == "occurred" for e in required) else
                "planned_only" if required else "negative")
    if not problems and record["label"] != expected and not (record["label"] == "negative" and not required):
        problems.append(f"label {record['label']!r} but the required events make it {expected!r}")
    return problems


def cached_text(article_id: str) -> str | None:
    path = cache_dir() / f"{article_id}.txt"
    return path.read_text(encoding="utf-8") if path.exists() else None


# The page store's leading ` date YYYY-MM[-DD]` marker (helpers.published reads its date), with the
# white space after it: what the cached text leaves out.
METADATA_MARKER = re.compile(METADATA_LINE.pattern + r"\s*")


def restored_text(excerpt: str, expected_sha256: str) -> str | None:
    """The cached text of a record from a search excerpt as the search tool returned it: the leading
    ` date ...` metadata marker and the white space after it removed, nothing else changed. The
    excerpt may be pasted as text or as the body of its JSON string (escapes undecoded); the one
    reading whose hash is the record's wins, else None (the page store changed, or a copy slipped)."""
    readings = [excerpt]
    with contextlib.suppress(ValueError):
        readings.append(json.loads('"' + excerpt.strip("\n") + '"'))
    for reading in readings:
        for body in {reading, reading.rstrip("\n"), reading.strip("\n")}:
            text = METADATA_MARKER.sub("", body, count=1)
            for candidate in (text, text.rstrip()):
                if sha256_text(candidate) == expected_sha256:
                    return candidate
    return None


def write_cached(article_id: str, text: str) -> Path:
    """Put a record's text in the cache; returns its path."""
    target = cache_dir() / f"{article_id}.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def status(records: Sequence[GoldArticle]) -> list[dict]:
    """For every record: is its text in the cache, and does it match the recorded hash?"""
    rows = []
    for gold in records:
        text = cached_text(gold.id)
        state = "missing" if text is None else "ok" if sha256_text(text) == gold.record["sha256"] else "changed"
        rows.append({"id": gold.id, "language": gold.record["language"], "batch": gold.record["batch"],
                     "state": state, "url": gold.record["url"]})
    return rows


def published_for_sidecar(record: dict) -> str:
    """The publication date an analyst's sidecar would carry: the page's metadata date, else blank
    (dates in the URL, header or dateline are for the pipeline to find)."""
    return record.get("published", "") if record.get("published_source") == "metadata" else ""


def materialise(records: Sequence[GoldArticle], folder: Path) -> list[GoldArticle]:
    """Write the cached texts whose hash matches, and a sources.csv (file, url, published), into
    `folder`; return the records written. The folder is what `make tables INPUT=...` reads."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.txt"):  # a folder used before holds only this selection afterwards
        stale.unlink()
    written = []
    for gold in records:
        text = cached_text(gold.id)
        if text is None or sha256_text(text) != gold.record["sha256"]:
            continue
        (folder / f"{gold.id}.txt").write_text(text, encoding="utf-8")
        written.append(gold)
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "url", "published", "published_basis"])
        for gold in written:
            published = published_for_sidecar(gold.record)
            writer.writerow([f"{gold.id}.txt", gold.record["url"], published,
                             "page metadata" if published else ""])
    return written


def write_gold(records: Sequence[GoldArticle], path: Path) -> None:
    """A JSONL gold file of `records` (for the shared scorer)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(g.record, ensure_ascii=False) + "\n" for g in records), encoding="utf-8")


def _common_date(dates: list[str]) -> str:
    """The most precise of dates that agree (each a prefix of it), else what they all share."""
    dates = sorted({d for d in dates if d}, key=len)
    if not dates:
        return ""
    finest = dates[-1]
    if all(finest.startswith(d) for d in dates):
        return finest
    common = dates[0]
    while common and not all(d.startswith(common) for d in dates):
        common = common[: {10: 7, 7: 4}.get(len(common), 0)]
    return common


def event_gold(records: Sequence[GoldArticle]) -> dict:
    """Event-level gold for the shared scorer (`score.py events`): the events of `records` that share
    an `event_key` are one event reported by all their articles; every other event is an event of its
    own article. Members agree on countries and status (`key_problems`); the event's date is the most
    precise one they agree on, its type the first member's with the others' as alternatives."""
    groups: dict[str, list[tuple[str, dict]]] = {}
    for gold in records:
        for i, event in enumerate(gold.record["events"]):
            groups.setdefault(event.get("event_key") or f"{gold.id}#{i}", []).append((gold.id, event))
    events = []
    for key, members in sorted(groups.items()):
        first = members[0][1]
        types = [t for _, e in members for t in [e["type"], *e.get("alt_types", [])]]
        events.append({
            "id": key, "countries": sorted(first["countries"]), "type": first["type"],
            "alt_types": sorted(set(types) - {first["type"]}), "status": first["status"],
            "date": _common_date([e.get("date", "") for _, e in members]),
            "required": any(e.get("required", True) for _, e in members),
            "articles": sorted({a for a, _ in members}),
        })
    return {"published": {g.id: g.record.get("published", "") for g in records}, "events": events}


def key_problems(records: Sequence[GoldArticle]) -> list[str]:
    """Events sharing an `event_key` must be one contact: the same countries and status."""
    seen: dict[str, tuple[str, tuple[str, ...], str]] = {}
    problems = []
    for gold in records:
        for event in gold.record["events"]:
            key = event.get("event_key")
            if not key:
                continue
            mine = (tuple(sorted(event["countries"])), event["status"])
            if key in seen and seen[key][1:] != mine:
                problems.append(f"{gold.id}: event_key {key!r} has {mine}, but {seen[key][0]} has {seen[key][1:]}")
            seen.setdefault(key, (gold.id, *mine))
    return problems


def excluded_urls(urls: Sequence[str]) -> list[str]:
    """URLs reserved for independent evaluation, by the shared list (`../shared/eval`), else by the
    snapshot of that list committed in `data/gold/` (for a clone without `../shared`)."""
    listing = SHARED_DIR / "eval" / "excluded-urls.sha256"
    if not listing.exists():
        listing = GOLD_DIR / "excluded-urls.sha256"
    reserved = {line.strip() for line in listing.read_text(encoding="utf-8").splitlines() if line.strip()}

    def normal_form(url: str) -> str:
        parts = urllib.parse.urlsplit(url.strip())
        host = parts.netloc.lower()
        host = host[4:] if host.startswith("www.") else host
        return host + urllib.parse.unquote(parts.path).rstrip("/")

    return [u for u in urls if hashlib.sha256(normal_form(u).encode("utf-8")).hexdigest() in reserved]
