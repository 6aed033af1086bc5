"""Extraction quality gate: score mentions against the hand-coded gold in data/gold/.

The gold (`data/gold/mentions_gold.yaml`) lists, for each seed article and for each short
passage written for the gate, the contacts a careful coder records: countries, type, status and
date. Predictions are reduced to distinct contacts per text (the same call reported in three
sentences is one contact). A predicted contact matches a gold one when the country sets and the
status are equal and the types are compatible (phone_call; message; in person = meeting, visit,
summit; `other` is compatible with any); among matches, one with the same date is preferred.
Scores: precision, recall and F1 of contacts, and date accuracy over matched contacts, overall and
per language. Floors live in `data/gold/floors.yaml` with the gold's SHA-256; they only go up
(`python scripts/gate.py --raise-floors`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpers import SUPPORTED_LANGUAGES
from helpers.contact_types import TYPE_CLASS, types_compatible
from helpers.paths import DATA_DIR, SEEDS_DIR

GOLD_PATH = DATA_DIR / "gold" / "mentions_gold.yaml"
FLOORS_PATH = DATA_DIR / "gold" / "floors.yaml"


@dataclass(frozen=True)
class Contact:
    countries: str
    type: str
    status: str
    date: str

    def compatible(self, other: Contact) -> bool:
        """Same countries and status, compatible types (the events stage's merge rule)."""
        return self.countries == other.countries and self.status == other.status and \
            types_compatible(TYPE_CLASS[self.type], TYPE_CLASS[other.type])


@dataclass
class CaseResult:
    case_id: str
    language: str
    gold: list[Contact]
    predicted: list[Contact]
    matched: list[tuple[Contact, Contact]]

    @property
    def false_positives(self) -> list[Contact]:
        used = {id(p) for _, p in self.matched}
        return [p for p in self.predicted if id(p) not in used]

    @property
    def false_negatives(self) -> list[Contact]:
        used = {id(g) for g, _ in self.matched}
        return [g for g in self.gold if id(g) not in used]


def gold_sha256() -> str:
    return hashlib.sha256(GOLD_PATH.read_bytes()).hexdigest()


def load_gold() -> dict:
    with GOLD_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _contacts(rows) -> list[Contact]:
    distinct: dict[tuple, Contact] = {}
    for r in rows:
        c = Contact(r["countries"], r["type"], r["status"], r["date"] or "")
        key = (c.countries, TYPE_CLASS[c.type], c.status, c.date)
        distinct.setdefault(key, c)
    return list(distinct.values())


def match(gold: list[Contact], predicted: list[Contact]) -> list[tuple[Contact, Contact]]:
    """Greedy one-to-one matching, same-date pairs first."""
    pairs: list[tuple[Contact, Contact]] = []
    free = list(predicted)
    for same_date in (True, False):
        for g in gold:
            if any(g is pg for pg, _ in pairs):
                continue
            for p in free:
                if g.compatible(p) and (g.date == p.date or not same_date):
                    pairs.append((g, p))
                    free.remove(p)
                    break
    return pairs


def _passage_mentions(text: str, language: str, published: dt.date | None) -> list[dict]:
    from helpers.extract import Notes, extract_article, mention_record
    from helpers.sentences import split_sentences

    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    sentences = split_sentences(paragraphs, [language] * len(paragraphs))
    items = [(n, s.start, s.text, s.language) for n, s in enumerate(sentences)]
    return [mention_record(m) for m in extract_article("passage", items, published, Notes(), SUPPORTED_LANGUAGES)]


@dataclass
class SeedRun:
    """The seeds through the articles and extraction stages (shared by mention and event scores)."""

    stage: object  # helpers.articles.ArticlesStage
    mentions: object  # pandas.DataFrame


def run_seeds() -> SeedRun:
    from helpers.articles import ArticlesParams, build_articles
    from helpers.extract import build_mentions

    stage = build_articles(ArticlesParams(input_dir=Path(SEEDS_DIR)))
    return SeedRun(stage, build_mentions(stage, SUPPORTED_LANGUAGES).mentions)


def evaluate(seeds: SeedRun | None = None) -> list[CaseResult]:
    """Run the pipeline on every gold case and match its contacts."""
    gold = load_gold()
    results: list[CaseResult] = []
    mentions = (seeds or run_seeds()).mentions
    for case in gold["seeds"]:
        rows = mentions[mentions.article_id == case["article_id"]].to_dict("records")
        g, p = _contacts(case["expected"]), _contacts(rows)
        results.append(CaseResult(case["article_id"], case["language"], g, p, match(g, p)))
    for case in gold["passages"]:
        published = dt.date.fromisoformat(case["published"]) if case.get("published") else None
        rows = _passage_mentions(case["text"], case["language"], published)
        g, p = _contacts(case["expected"]), _contacts(rows)
        results.append(CaseResult(case["id"], case["language"], g, p, match(g, p)))
    return results


def scores(results: list[CaseResult]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and date accuracy, overall ("all") and per language."""
    groups: dict[str, list[CaseResult]] = defaultdict(list)
    for r in results:
        groups[r.language].append(r)
        groups["all"].append(r)
    table = {}
    for name, rs in sorted(groups.items()):
        tp = sum(len(r.matched) for r in rs)
        n_pred = sum(len(r.predicted) for r in rs)
        n_gold = sum(len(r.gold) for r in rs)
        dates_ok = sum(g.date == p.date for r in rs for g, p in r.matched)
        table[name] = {**_prf(tp, n_pred, n_gold), "date_accuracy": round(dates_ok / tp, 4) if tp else 1.0,
                       "n_gold": n_gold, "n_predicted": n_pred, "n_matched": tp}
    return table


def _prf(matched: int, n_predicted: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1, rounded; an empty side scores 1."""
    precision = matched / n_predicted if n_predicted else 1.0
    recall = matched / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def evaluate_events(seeds: SeedRun | None = None) -> dict[str, float]:
    """Event-level scores on the seeds: events (countries, type, status, date) and their article sets."""
    from helpers.dedup import build_events

    seeds = seeds or run_seeds()
    events = build_events(seeds.stage.articles, seeds.stage.sentences, seeds.mentions).events
    predicted = [(Contact(e.countries, e.type, e.status, e.date),
                  ";".join(sorted(a[:3] for a in e.article_ids.split(";")))) for e in events.itertuples()]
    gold = [(Contact(g["countries"], g["type"], g["status"], g["date"]), g["articles"])
            for g in load_gold()["seed_events"]]
    free = list(predicted)
    matched, same_articles = 0, 0
    for g, articles in gold:
        hit = next((p for p in free if g.compatible(p[0]) and g.date == p[0].date), None)
        if hit is not None:
            free.remove(hit)
            matched += 1
            same_articles += hit[1] == articles
    return {**_prf(matched, len(predicted), len(gold)),
            "article_set_accuracy": round(same_articles / matched, 4) if matched else 1.0,
            "n_gold": len(gold), "n_predicted": len(predicted), "n_matched": matched}


def evaluate_all() -> tuple[list[CaseResult], dict[str, dict[str, float]]]:
    """Every gold case and the full score table (contacts per language, plus "events")."""
    seeds = run_seeds()
    results = evaluate(seeds)
    table = scores(results)
    table["events"] = evaluate_events(seeds)
    return results, table


def load_floors() -> dict:
    with FLOORS_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def below_floors(table: dict[str, dict[str, float]], floors: dict) -> list[str]:
    """Human-readable list of every score under its floor."""
    problems = []
    for group, metrics in floors["floors"].items():
        for metric, floor in metrics.items():
            value = table.get(group, {}).get(metric, 0.0)
            if value + 1e-9 < floor:
                problems.append(f"{group} {metric} {value:.4f} < floor {floor:.4f}")
    return problems


def raised_floors(table: dict[str, dict[str, float]], floors: dict | None) -> dict:
    """New floors: the current scores, never lower than the old floors."""
    old = (floors or {}).get("floors", {})
    new = {}
    for group, metrics in table.items():
        names = [m for m in ("precision", "recall", "f1", "date_accuracy", "article_set_accuracy") if m in metrics]
        new[group] = {m: round(max(metrics[m], old.get(group, {}).get(m, 0.0)), 4) for m in names}
    return {"gold_sha256": gold_sha256(), "floors": new}
