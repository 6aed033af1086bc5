"""Events stage: deduplicate mentions into events, across sources and languages, and explain why.

Merge rule (deterministic, independent of input order), within each article first (the mentions
of one article that report one contact, undated elaborations included, become one unit), then
across articles, unit by unit:
- mentions join one event when their country sets are equal, their statuses agree, their types
  are compatible (phone_call; message; in person = meeting, visit, summit; `other` joins any),
  their dates are compatible at their precisions (the same day; a day inside a month or year
  date; equal months) and, where both name participants for the same country, those agree;
- a month- (or year-) precision mention joins a day-precision event only when exactly one such
  event fits; otherwise it stays a separate event and the pair is listed as a near miss;
- an undated unit borrows a date only with evidence: a dated event reported by a related article
  (same story group, the same credited wire, or a translated rewrite), or one that lies within
  `BORROW_WINDOW_DAYS` before the unit's article was published; among several such, the one of a
  related article, else the one whose weekday matches the mention's weekday phrase; with still
  several it stays unresolved and is listed. So unrelated articles of other years never date it;
- two articles are a translated rewrite of each other when the sequences of what survives
  translation (resolved actors, countries and numbers, in order) match with a ratio >= 0.7.
`n_origins` counts independent origins among an event's articles: articles joined by the same
story group, the same credited wire agency or a translated rewrite count once.
Analyst overrides (data/annotations/overrides.csv: action merge|split|drop, mention or event ids,
reason) are applied last and reported.

Known limits: two genuinely different contacts between the same parties on the same day with
the same type and no named participants are merged (they are indistinguishable in the text).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers import SUPPORTED_LANGUAGES
from helpers.contact_dates import BACKGROUND
from helpers.contact_types import TYPE_CLASS, types_compatible
from helpers.dates import Published

TYPE_PRIORITY = ["phone_call", "message", "meeting", "summit", "visit", "other"]
REWRITE_RATIO = 0.7
NEAR_MISS_DAYS = 3


def _dates_compatible(a: str, b: str) -> bool:
    """Same day, or one date inside the other's month/year."""
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


@dataclass
class Cluster:
    """An event under construction."""

    countries: str
    status: str
    date: str
    mention_rows: list[dict] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    date_basis: str = ""

    @property
    def type_class(self) -> str:
        classes = {TYPE_CLASS[m["type"]] for m in self.mention_rows} - {"any"}
        return next(iter(classes)) if classes else "any"

    def participants_by_country(self) -> dict[str, set[str]]:
        result: dict[str, set[str]] = defaultdict(set)
        for m in self.mention_rows:
            for country, actor in m["_actor_countries"]:
                result[country].add(actor)
        return result

    @property
    def article_id(self) -> str:
        """The article of the cluster's first mention (a unit of one article has only that one)."""
        return self.mention_rows[0]["article_id"]

    def contradicts(self, other: Cluster) -> bool:
        """Both name participants for a country, and none in common: two encounters."""
        mine, theirs = self.participants_by_country(), other.participants_by_country()
        return any(mine[c] and theirs[c] and not (mine[c] & theirs[c]) for c in theirs)


def _rewrite_bound(a: Counter, b: Counter, la: int, lb: int) -> float:
    """An upper bound of SequenceMatcher's ratio: matches cannot exceed the shared items (as multisets)."""
    shared = sum((a & b).values()) if len(a) <= len(b) else sum((b & a).values())
    return 2 * shared / (la + lb)


def is_rewrite(a: list[str], b: list[str], ratio: float = REWRITE_RATIO, counts: tuple[Counter, Counter] | None = None
               ) -> bool:
    """Do two articles' translation-invariant sequences match (a translated rewrite)? Sequences under five
    items never do. Cheap bounds (lengths, shared items) settle most pairs before the sequence match."""
    la, lb = len(a), len(b)
    if min(la, lb) < 5 or 2 * min(la, lb) / (la + lb) < ratio:
        return False  # SequenceMatcher's ratio cannot exceed 2*min/(sum)
    ca, cb = counts or (Counter(a), Counter(b))
    if _rewrite_bound(ca, cb, la, lb) < ratio:
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= ratio


def rewrite_pairs(sequences: dict[str, list[str]], ratio: float = REWRITE_RATIO,
                  candidates: set[frozenset[str]] | None = None) -> set[frozenset[str]]:
    """Pairs of articles whose translation-invariant sequences match (translated rewrites); only
    `candidates` pairs are compared when given."""
    ids = sorted(sequences)
    if candidates is None:
        candidates = {frozenset((a, b)) for i, a in enumerate(ids) for b in ids[i + 1:]}
    return {p for p in candidates
            if len(p) == 2 and p <= sequences.keys() and is_rewrite(*(sequences[x] for x in sorted(p)), ratio)}


class RewriteIndex:
    """The translated-rewrite relation, tested only when asked (`frozenset((a, b)) in index`) and
    remembered. Only articles that share a (countries, status) bucket of mentions are candidates (others
    can never share an event); an article's sequence is built on first use. Same answers as comparing
    every candidate pair up front, at a fraction of the cost on a large corpus."""

    def __init__(self, buckets: dict[str, set[tuple[str, str]]], sequence_of, ratio: float = REWRITE_RATIO):
        self.buckets = buckets
        self.sequence_of = sequence_of  # article_id -> list[str]
        self.ratio = ratio
        self._sequences: dict[str, tuple[list[str], Counter]] = {}
        self._answers: dict[frozenset[str], bool] = {}

    def _sequence(self, article_id: str) -> tuple[list[str], Counter]:
        if article_id not in self._sequences:
            sequence = self.sequence_of(article_id)
            self._sequences[article_id] = (sequence, Counter(sequence))
        return self._sequences[article_id]

    def __contains__(self, pair: frozenset[str]) -> bool:
        if pair not in self._answers:
            a, b = sorted(pair) if len(pair) == 2 else (None, None)
            if a is None or not (self.buckets.get(a, set()) & self.buckets.get(b, set())):
                self._answers[pair] = False
            else:
                (sa, ca), (sb, cb) = self._sequence(a), self._sequence(b)
                self._answers[pair] = is_rewrite(sa, sb, self.ratio, (ca, cb))
        return self._answers[pair]


def invariant_sequence(sentences: Sequence[tuple[str, str]]) -> list[str]:
    """What survives translation in an article, in order: actors, countries, numbers.

    `sentences`: (text, language) in order.
    """
    from helpers.actors import actor_matcher
    from helpers.entities import country_matcher

    sequence: list[str] = []
    for text, language in sentences:
        items = [(a.start, "A:" + ";".join(a.actor_ids)) for a in actor_matcher().find(text)]
        if language in SUPPORTED_LANGUAGES:
            items += [(c.start, "C:" + ";".join(c.codes)) for c in country_matcher(language).find(text)]
        items += [(m.start(), "N:" + m.group(0)) for m in re.finditer(r"\d{2,}", text)]
        sequence += [x for _, x in sorted(items)]
    return sequence


class OriginGroups:
    """Which articles share an origin: story group, credited wire agency, translated rewrite."""

    def __init__(self, articles: pd.DataFrame, rewrites):  # a set of pairs, or a RewriteIndex
        self.story = dict(zip(articles["article_id"], articles["story_group"], strict=True))
        self.agency = dict(zip(articles["article_id"], articles["origin_agency"], strict=True))
        self.published = {a: Published.parse(p) for a, p in zip(articles["article_id"], articles["published_date"],
                                                                 strict=True)}
        self.rewrites = rewrites

    def related(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if self.story.get(a) and self.story.get(a) == self.story.get(b):
            return True
        if self.agency.get(a) and self.agency.get(a) == self.agency.get(b):
            return True
        return frozenset((a, b)) in self.rewrites

    def count(self, article_ids: Sequence[str]) -> int:
        """Independent origins among articles: connected components of `related`."""
        ids = sorted(set(article_ids))
        parent = {a: a for a in ids}

        def root(x: str) -> str:
            while parent[x] != x:
                x = parent[x]
            return x

        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if root(a) != root(b) and self.related(a, b):
                    parent[max(root(a), root(b))] = min(root(a), root(b))
        return len({root(a) for a in ids})


def _sort_key(m: dict) -> tuple:
    return (m["countries"], m["status"], m["date"], m["article_id"], m["sentence_no"], m["mention_id"])


def _weekday_fits(mention: dict, date: str) -> bool:
    from helpers.language_rules import language_rules

    if len(date) != 10 or not mention["date_raw"]:
        return False
    weekdays = language_rules(mention["language"]).weekdays
    words = [w for w in re.findall(r"\w+", mention["date_raw"].lower()) if w in weekdays]
    return bool(words) and dt.date.fromisoformat(date).weekday() == weekdays[words[0]]


@dataclass
class EventsResult:
    events: pd.DataFrame
    links: pd.DataFrame  # mention_events: each mention's event, and its date after merging
    near_misses: pd.DataFrame
    unresolved: pd.DataFrame
    overrides: pd.DataFrame
    aggregates: dict[str, pd.DataFrame]


def _absorb(target: Cluster, unit: Cluster, reason: str) -> None:
    """`unit`'s mentions join `target`: its first mention for `reason`, the others for their own
    reason within the unit and then `reason`."""
    first = unit.mention_rows[0]["mention_id"]
    for m in unit.mention_rows:
        mid = m["mention_id"]
        target.mention_rows.append(m)
        target.reasons[mid] = reason if mid == first else f"{unit.reasons[mid]}; then {reason}"


def _fits(cluster: Cluster, unit: Cluster) -> bool:
    return types_compatible(cluster.type_class, unit.type_class) and not cluster.contradicts(unit)


def _dated_target(placed: list[Cluster], unit: Cluster) -> tuple[Cluster | None, str]:
    """The event a dated unit joins: one of the same date, else (for a month or year) the only finer
    event inside it; with its reason. None: the unit starts an event of its own."""
    kind = TYPE_CLASS[unit.mention_rows[0]["type"]]
    precision = _precision(unit.date)
    fits = [c for c in placed if _dates_compatible(c.date, unit.date) and _fits(c, unit)]
    equal = [c for c in fits if c.date == unit.date]
    if equal:
        return equal[0], f"same countries, {kind}, same {precision}"
    if precision != "day" and len(fits) == 1 and len(fits[0].date) > len(unit.date):
        return fits[0], f"same countries, {kind}, the only {fits[0].date} event inside {unit.date}"
    return None, ""


def _borrow_target(unit: Cluster, candidates: list[Cluster], origins: OriginGroups) -> tuple[Cluster | None, str]:
    """The one dated event an undated unit can take its date from, and why (else None)."""
    if len(candidates) == 1:
        return candidates[0], "the only compatible dated event"
    related = [c for c in candidates if any(origins.related(unit.article_id, r["article_id"]) for r in c.mention_rows)]
    weekday = [c for c in candidates if any(_weekday_fits(m, c.date) for m in unit.mention_rows)]
    if len(related) == 1:
        return related[0], "the only compatible event reported by a related article"
    if len(weekday) == 1:
        raw = next(m["date_raw"] for m in unit.mention_rows if _weekday_fits(m, weekday[0].date))
        return weekday[0], f"the only compatible event on a {raw}"
    return None, ""


BORROW_WINDOW_DAYS = 14  # an unrelated article's event may date an undated mention only this far before publication


def _borrowable(unit: Cluster, cluster: Cluster, origins: OriginGroups) -> bool:
    """Evidence that an undated unit reports a dated event of other articles: a related article
    (same story, same wire, translated rewrite) reports it, or the event lies in the days just before
    the borrowing article's publication (never after it)."""
    if any(origins.related(unit.article_id, r["article_id"]) for r in cluster.mention_rows):
        return True
    published = origins.published.get(unit.article_id)
    if published is None or published.day is None or len(cluster.date) != 10:
        return False
    gap = (published.day - dt.date.fromisoformat(cluster.date)).days
    return 0 <= gap <= BORROW_WINDOW_DAYS


def _is_background(unit: Cluster) -> bool:
    """"The two men last met in Benghazi": an earlier contact of its own, never merged."""
    return any(BACKGROUND in m["date_basis"] for m in unit.mention_rows)


def _article_units(rows: list[dict], countries: str, status: str) -> list[Cluster]:
    """Within one article first: the mentions that report one contact (same countries and status,
    compatible types and dates, no contradicting participants) become one unit. An undated mention
    elaborates the article's only compatible dated report of the contact, else its undated one."""
    units: list[Cluster] = []
    for m in sorted(rows, key=lambda r: (_PRECISION_ORDER[r["date_precision"]], r["sentence_no"], r["mention_id"])):
        single = Cluster(countries, status, m["date"], [m], {m["mention_id"]: "first mention of the event"},
                         m["date_basis"])
        if _is_background(single):
            units.append(single)
            continue
        if m["date"]:
            target, why = _dated_target(units, single)
            if target is None:
                target, why = _trip_target(units, single)
                if target is not None:  # a trip is dated by its first day
                    target.date = min(target.date, single.date)
        else:
            dated = [u for u in units if u.date and not _is_background(u) and _fits(u, single)]
            undated = [u for u in units if not u.date and not _is_background(u) and _fits(u, single)]
            target, why = ((dated[0], "the only compatible dated report of it") if len(dated) == 1 else
                           (undated[0], "undated, compatible") if undated and not dated else (None, ""))
        if target is None:
            units.append(single)
        else:
            _absorb(target, single, f"same article: {why}")
    return units


_PRECISION_ORDER = {"day": 0, "month": 1, "year": 2, "unknown": 3}
TRIP_DAYS = 3  # in one article, in-person reports of the same parties this many days apart are one trip


def _trip_target(units: list[Cluster], unit: Cluster) -> tuple[Cluster | None, str]:
    """Codebook 2 and 5: a trip on which the visitor meets the host is one event, dated by its first
    day. In one article, an in-person report a few days from the article's only other in-person
    report of the same parties (arrival on Thursday, talks on Friday) joins it (the caller gives the
    trip the earlier day)."""
    if len(unit.date) != 10 or unit.type_class not in ("in_person", "any"):
        return None, ""
    day = dt.date.fromisoformat(unit.date)
    near = [u for u in units if len(u.date) == 10 and u.type_class in ("in_person", "any") and not _is_background(u)
            and not u.contradicts(unit) and abs((dt.date.fromisoformat(u.date) - day).days) <= TRIP_DAYS]
    if len(near) != 1:
        return None, ""
    first, last = sorted((near[0].date, unit.date))
    return near[0], f"the same trip ({first} to {last}), dated by its first day"


def _place_dated(placed: list[Cluster], unit: Cluster) -> None:
    target, why = _dated_target(placed, unit)
    if target is None:
        placed.append(unit)
    else:
        _absorb(target, unit, why)


def _place_undated(placed: list[Cluster], dated: list[Cluster], by_story: dict, unit: Cluster,
                   origins: OriginGroups, unresolved: list[dict]) -> None:
    if _is_background(unit):
        unit.reasons[unit.mention_rows[0]["mention_id"]] = "a background contact, undated: an event of its own"
        placed.append(unit)
        return
    candidates = [c for c in dated if _fits(c, unit) and _borrowable(unit, c, origins)]
    chosen, why = _borrow_target(unit, candidates, origins) if candidates else (None, "")
    if chosen is not None:
        _absorb(chosen, unit, f"date borrowed from {chosen.date} ({why})")
        return
    first = unit.mention_rows[0]
    if candidates:
        unresolved.append({"mention_id": first["mention_id"], "article_id": first["article_id"],
                           "countries": unit.countries, "type": first["type"], "status": unit.status,
                           "date_raw": first["date_raw"],
                           "candidate_dates": ";".join(sorted({c.date for c in candidates}))})
    # Undated units merge across articles only within one story group (copies of a story), and not
    # when their participants contradict (the prime minister, then the king: two encounters).
    key = (origins.story.get(unit.article_id) or unit.article_id, unit.type_class)
    same_story = by_story.setdefault(key, [])
    target = next((c for c in same_story if not c.contradicts(unit)), None)
    if target is None:
        same_story.append(unit)
        placed.append(unit)
        unit.reasons[first["mention_id"]] = "first mention of the event (undated)"
    else:
        _absorb(target, unit, "same story, same countries and type, undated")


def cluster_mentions(mentions: list[dict], origins: OriginGroups) -> tuple[list[Cluster], list[dict]]:
    """Group mentions into clusters (events): within each article first, then across articles.
    Returns clusters and the unresolved-borrowing list."""
    buckets: dict[tuple[str, str], dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for m in mentions:
        buckets[(m["countries"], m["status"])][m["article_id"]].append(m)
    clusters: list[Cluster] = []
    unresolved: list[dict] = []
    for (countries, status), by_article in sorted(buckets.items()):
        units = [u for aid in sorted(by_article) for u in _article_units(by_article[aid], countries, status)]
        units.sort(key=lambda u: (_PRECISION_ORDER[_precision(u.date)], u.date, _sort_key(u.mention_rows[0])))
        placed: list[Cluster] = []
        for unit in units:
            if unit.date and not _is_background(unit):
                _place_dated(placed, unit)
        dated = list(placed)
        by_story: dict[tuple[str, str], list[Cluster]] = {}
        for unit in units:
            if not unit.date or _is_background(unit):
                _place_undated(placed, dated, by_story, unit, origins, unresolved)
        clusters += placed
    return clusters, unresolved


def event_id(mention_ids: Sequence[str]) -> str:
    """Stable id from the event's members: the same mentions give the same id."""
    return "ev_" + hashlib.blake2b(";".join(sorted(mention_ids)).encode(), digest_size=5).hexdigest()


def _precision(date: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "unknown")


def read_overrides(path: Path | None) -> list[dict]:
    """Analyst overrides: action (merge, split, drop), ids (';'-joined mention or event ids), reason."""
    if path is None or not Path(path).exists():
        return []
    with Path(path).open(encoding="utf-8") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def apply_overrides(clusters: list[Cluster], overrides: list[dict]) -> tuple[list[Cluster], list[dict]]:
    """Apply merge/split/drop overrides last; report each one's outcome."""
    report = []
    for o in overrides:
        action, ids, reason = (
            o.get("action", "").lower(),
            [i for i in o.get("ids", "").split(";") if i],
            o.get("reason", ""),
        )
        by_event = {event_id([m["mention_id"] for m in c.mention_rows]): c for c in clusters}
        by_mention = {m["mention_id"]: c for c in clusters for m in c.mention_rows}
        missing = [i for i in ids if i not in by_event and i not in by_mention]
        outcome = "applied"
        if action not in ("merge", "split", "drop") or not reason:
            outcome = "ignored: action must be merge, split or drop, with a reason"
        elif missing:
            outcome = f"ignored: unknown ids {';'.join(missing)}"
        elif action == "drop":
            for i in ids:
                cluster = by_mention.get(i)
                if cluster is None:
                    outcome = f"ignored: drop takes mention ids, {i} is an event id"
                    break
                cluster.mention_rows = [m for m in cluster.mention_rows if m["mention_id"] != i]
        elif action == "split":
            for i in ids:
                cluster = by_mention.get(i)
                if cluster is None or len(cluster.mention_rows) == 1:
                    continue
                mention = next(m for m in cluster.mention_rows if m["mention_id"] == i)
                cluster.mention_rows.remove(mention)
                new = Cluster(cluster.countries, cluster.status, mention["date"], date_basis=mention["date_basis"])
                new.mention_rows.append(mention)
                new.reasons[i] = f"split by analyst: {reason}"
                clusters.append(new)
        else:
            targets = []
            for i in ids:
                c = by_event.get(i) or by_mention.get(i)
                if c not in targets:
                    targets.append(c)
            keep = min(targets, key=lambda c: _sort_key(c.mention_rows[0]))
            for other in targets:
                if other is keep:
                    continue
                for m in other.mention_rows:
                    keep.mention_rows.append(m)
                    keep.reasons[m["mention_id"]] = f"merged by analyst: {reason}"
                other.mention_rows = []
        clusters = [c for c in clusters if c.mention_rows]
        report.append({"action": action, "ids": ";".join(ids), "reason": reason, "outcome": outcome})
    return clusters, report


def _event_type(rows: list[dict]) -> str:
    types = [m["type"] for m in rows if m["type"] != "other"] or ["other"]
    return max(sorted(set(types), key=TYPE_PRIORITY.index), key=types.count)


def _join(values) -> str:
    return ";".join(sorted({v for value in values for v in str(value).split(";") if v}))


def event_record(cluster: Cluster, articles: dict[str, dict], origins: OriginGroups) -> dict:
    rows = sorted(cluster.mention_rows, key=_sort_key)
    mention_ids = [m["mention_id"] for m in rows]
    article_ids = sorted({m["article_id"] for m in rows})
    published = sorted(articles[a]["published_date"] for a in article_ids if articles[a]["published_date"])
    outlets = {articles[a]["outlet"] or f"(unknown outlet of {a})" for a in article_ids}
    evidence = []
    for a in article_ids:
        first = next(m for m in rows if m["article_id"] == a)
        evidence.append(f"[{a}] {first['sentence']}")
    dated = [m for m in rows if m["date"] == cluster.date and m["date_precision"] != "unknown"]
    return {
        "event_id": event_id(mention_ids),
        "type": _event_type(rows),
        "status": cluster.status,
        "countries": cluster.countries,
        "participants": _join(m["participants"] for m in rows),
        "actor_ids": _join(m["actor_ids"] for m in rows),
        "date": cluster.date,
        "date_precision": _precision(cluster.date),
        "date_basis": (f"{dated[0]['date_basis']} ({dated[0]['mention_id']})" if dated else "no mention gives a date"),
        "topics": _join(m["topics"] for m in rows),
        "n_mentions": len(rows),
        "n_articles": len(article_ids),
        "n_outlets": len(outlets),
        "n_origins": origins.count(article_ids),
        "languages": _join(m["language"] for m in rows),
        "article_ids": ";".join(article_ids),
        "mention_ids": ";".join(sorted(mention_ids)),
        "first_reported": published[0] if published else "",
        "last_reported": published[-1] if published else "",
        "evidence": " || ".join(evidence),
        "merge_reasons": " | ".join(f"{mid}: {cluster.reasons.get(mid, 'merged')}" for mid in sorted(mention_ids)),
    }


def near_misses(events: pd.DataFrame) -> pd.DataFrame:
    """Pairs kept apart that an analyst may want to merge: same countries and status, compatible
    types, day dates 1-3 days apart, or one side's precision too coarse to place it."""
    rows = []
    records = events.to_dict("records")
    for i, a in enumerate(records):
        for b in records[i + 1 :]:
            if (
                a["countries"] != b["countries"]
                or a["status"] != b["status"]
                or not types_compatible(TYPE_CLASS[a["type"]], TYPE_CLASS[b["type"]])
            ):
                continue
            reason = ""
            if a["date_precision"] == b["date_precision"] == "day":
                gap = abs((dt.date.fromisoformat(a["date"]) - dt.date.fromisoformat(b["date"])).days)
                if 1 <= gap <= NEAR_MISS_DAYS:
                    reason = f"dates {gap} day(s) apart"
            elif a["date"] and b["date"] and a["date"] != b["date"] and _dates_compatible(a["date"], b["date"]):
                reason = "one date is too coarse to tell which event it belongs to"
            elif not a["date"] or not b["date"]:
                reason = "one event is undated"
            if reason:
                rows.append(
                    {
                        "event_id_a": a["event_id"],
                        "event_id_b": b["event_id"],
                        "countries": a["countries"],
                        "type_a": a["type"],
                        "type_b": b["type"],
                        "date_a": a["date"],
                        "date_b": b["date"],
                        "reason": reason,
                    }
                )
    return pd.DataFrame(
        rows, columns=["event_id_a", "event_id_b", "countries", "type_a", "type_b", "date_a", "date_b", "reason"]
    )


def aggregates(events: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Chart-ready counts of events (planned contacts kept apart by the `status` column)."""
    rows_country, rows_pair = [], []
    for e in events.itertuples():
        codes = e.countries.split(";")
        rows_country += [{"country": c, "type": e.type, "status": e.status} for c in codes]
        rows_pair += [
            {"country_a": a, "country_b": b, "status": e.status} for i, a in enumerate(codes) for b in codes[i + 1 :]
        ]
    by_country = (
        pd.DataFrame(rows_country, columns=["country", "type", "status"])
        .groupby(["country", "status", "type"], as_index=False)
        .size()
        .rename(columns={"size": "n_events"})
    )
    by_pair = (
        pd.DataFrame(rows_pair, columns=["country_a", "country_b", "status"])
        .groupby(["country_a", "country_b", "status"], as_index=False)
        .size()
        .rename(columns={"size": "n_events"})
    )
    dated = events[events["date_precision"].isin(["day", "month"])].assign(month=lambda d: d["date"].str[:7])
    by_month = dated.groupby(["month", "status", "type"], as_index=False).size().rename(columns={"size": "n_events"})
    by_type = events.groupby(["type", "status"], as_index=False).size().rename(columns={"size": "n_events"})
    return {
        "events_by_country": by_country,
        "events_by_pair": by_pair,
        "events_by_month": by_month,
        "events_by_type": by_type,
    }


LINK_COLUMNS = ["mention_id", "event_id", "date", "date_precision", "date_basis"]


def mention_event_links(clusters: list[Cluster], records: list[dict]) -> pd.DataFrame:
    """One row per mention in an event: its event and its date after merging. A mention with a date
    of its own keeps it; an undated one that joined a dated event takes the event's date, with the
    reason it joined as basis. Mentions dropped by an override have no row."""
    rows = []
    for cluster, record in zip(clusters, records, strict=True):
        for m in cluster.mention_rows:
            if m["date_precision"] != "unknown" or not cluster.date:
                rows.append([m["mention_id"], record["event_id"], m["date"], m["date_precision"], m["date_basis"]])
            else:
                rows.append([m["mention_id"], record["event_id"], cluster.date, _precision(cluster.date),
                             f"from event {record['event_id']}: {cluster.reasons.get(m['mention_id'], '')}"])
    return pd.DataFrame(sorted(rows), columns=LINK_COLUMNS)


EVENT_COLUMNS = [
    "event_id",
    "type",
    "status",
    "countries",
    "participants",
    "actor_ids",
    "date",
    "date_precision",
    "date_basis",
    "topics",
    "n_mentions",
    "n_articles",
    "n_outlets",
    "n_origins",
    "languages",
    "article_ids",
    "mention_ids",
    "first_reported",
    "last_reported",
    "evidence",
    "merge_reasons",
]


def build_events(
    articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame, overrides_csv: str | Path | None = None,
    sequences: dict[str, list[str]] | None = None,
) -> EventsResult:
    """Deduplicate mentions into events (pure: writes nothing). A relative overrides path starts at the
    project root."""
    from helpers import schemas
    from helpers.actors import registry
    from helpers.paths import resolve

    overrides_csv = resolve(overrides_csv) if overrides_csv else None

    reg = registry()
    article_rows = {r["article_id"]: r for r in articles.to_dict("records")}
    used = set(mentions["article_id"])
    by_article: dict[str, pd.DataFrame] = {}

    def sequence_of(article_id: str) -> list[str]:
        if sequences is not None and article_id in sequences:  # computed by the extraction stage
            return sequences[article_id]
        if not by_article:  # grouped once, and only when some article's sequence was not given
            by_article.update((aid, group) for aid, group in sentences[sentences["article_id"].isin(used)]
                              .groupby("article_id"))
        group = by_article[article_id].sort_values("sentence_no")
        return invariant_sequence(list(zip(group["text"], group["language"], strict=True)))

    buckets: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in mentions[["countries", "status", "article_id"]].itertuples(index=False):
        buckets[m.article_id].add((m.countries, m.status))
    origins = OriginGroups(articles, RewriteIndex(buckets, sequence_of))
    rows = []
    for m in mentions.to_dict("records"):
        published = Published.parse(article_rows[m["article_id"]]["published_date"])
        day = published.span if published else None
        m["_actor_countries"] = [(reg.country_of(a, day), a) for a in m["actor_ids"].split(";") if a]
        rows.append(m)
    clusters, unresolved = cluster_mentions(rows, origins)
    clusters, override_report = apply_overrides(clusters, read_overrides(overrides_csv))
    records = [event_record(c, article_rows, origins) for c in clusters]
    events = (
        pd.DataFrame(records, columns=EVENT_COLUMNS)
        .sort_values(["date", "countries", "event_id"], kind="stable")
        .reset_index(drop=True)
    )
    for column in ("n_mentions", "n_articles", "n_outlets", "n_origins"):
        events[column] = events[column].astype("int64")
    events = schemas.EVENTS.validate(events)

    links = schemas.MENTION_EVENTS.validate(mention_event_links(clusters, records))
    return EventsResult(
        events=events,
        links=links,
        near_misses=near_misses(events),
        unresolved=pd.DataFrame(
            unresolved,
            columns=["mention_id", "article_id", "countries", "type", "status", "date_raw", "candidate_dates"],
        ),
        overrides=pd.DataFrame(override_report, columns=["action", "ids", "reason", "outcome"]),
        aggregates=aggregates(events),
    )


def ensure_events(articles_stage, mentions_stage, params, overrides_csv, out_dir) -> None:
    """The events stage for a notebook: nothing to do when `out_dir`'s tables were built from these very
    inputs, overrides and code (helpers.manifest), else built and written. Prints one line saying which."""
    from helpers import manifest
    from helpers.paths import resolve

    overrides = resolve(overrides_csv) if overrides_csv else None

    def build(_cache) -> EventsResult:
        result = build_events(articles_stage.articles, articles_stage.sentences, mentions_stage.mentions, overrides,
                              mentions_stage.sequences)
        write_events(result, out_dir)
        return result

    manifest.read_or_build("events", out_dir, params, lambda: None, build,
                           lambda result: f": {len(result.events)} events" if result is not None else "",
                           overrides_csv=overrides)


def write_events(result: EventsResult, out_dir) -> None:
    """Write events, mention_events (the links), review tables and aggregates under OUT/tables
    (mentions.csv is the extraction stage's, written once by it)."""
    from helpers.articles import write_table
    from helpers.paths import resolve

    tables = resolve(out_dir) / "tables"
    write_table(result.events, tables, "events")
    write_table(result.links, tables, "mention_events")
    write_table(result.near_misses, tables, "near_misses", parquet=False)
    write_table(result.unresolved, tables, "unresolved_dates", parquet=False)
    write_table(result.overrides, tables, "overrides_applied", parquet=False)
    for name, frame in result.aggregates.items():
        write_table(frame, tables, f"agg_{name}", parquet=False)
