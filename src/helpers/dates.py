"""Dates: explicit calendar dates in the supported languages (month names from CLDR via babel).

This module finds full dates (day, month and year) in a span of text, in the shapes news text
uses: `27.03.2024`, `2024-03-27`, `27 март 2024 г.`, `27 de marzo de 2024`, `27. März 2024`,
`March 28, 2024`, `28 mars 2024`, Arabic-Indic digits. It is used for publication dates in
headers and bylines (and, later, for explicit dates in sentences).

Known limits: numeric dates are read day first (European order) unless that is impossible
(`03/27/2024`); a two-digit year is not read. Relative dates (weekdays, "yesterday") are not
handled here: they need an anchor date and belong to the extraction stage.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from helpers import SUPPORTED_LANGUAGES

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass(frozen=True)
class FoundDate:
    """A full date found in text, with its character span and the time of day if given."""

    date: dt.date
    start: int
    end: int
    raw: str
    time: str = ""  # HH:MM or HH:MM:SS when written next to the date


def _cldr_calendar_names(field: str, languages: tuple[str, ...],
                         widths: tuple[str, ...] = ("wide", "abbreviated")) -> dict[str, int]:
    """CLDR month ("months") or weekday ("days") names of the given widths, lower-cased."""
    from babel import Locale

    names: dict[str, int] = {}
    for code in languages:
        table = getattr(Locale(code), field)
        for context in ("format", "stand-alone"):
            for width in widths:
                for number, name in table[context][width].items():
                    key = name.lower().rstrip(".")
                    if len(key) >= 3:
                        names.setdefault(key, number)
    return names


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Month names and abbreviations of every supported language (CLDR), lower-cased, to 1..12."""
    return _cldr_calendar_names("months", SUPPORTED_LANGUAGES)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    months = sorted(month_names(), key=len, reverse=True)
    month = "(?P<month>" + "|".join(re.escape(m) for m in months) + r")\.?"
    day = r"(?P<day>\d{1,2})"
    year = r"(?P<year>(?:19|20)\d{2})"
    sep = r"[\s,]+(?:de\s+|del\s+)?"
    return [
        ("iso", re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)")),
        ("numeric_dmy", re.compile(r"(?<!\d)(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./]" + year + r"(?!\d)")),
        ("day_month_year", re.compile(r"(?<!\d)" + day + r"\.?(?:er|º|ª)?\s*(?:de\s+)?" + month + sep + year
                                      + r"(?!\d)", re.IGNORECASE)),
        ("month_day_year", re.compile(r"(?<![\w])" + month + r"\s+" + day + r"(?:st|nd|rd|th)?,?\s+" + year
                                      + r"(?!\d)", re.IGNORECASE)),
    ]


_TIME = re.compile(r"(?<!\d)(?P<h>[01]?\d|2[0-3])[:h.](?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\d)")


def _month_number(value: str) -> int | None:
    if value.isdigit():
        return int(value)
    return month_names().get(value.lower().rstrip("."))


def find_full_dates(text: str) -> list[FoundDate]:
    """Every full date (day, month, year) in `text`, in order of position, without overlaps."""
    normalised = text.translate(_ARABIC_DIGITS)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for shape, pattern in _patterns():
        for m in pattern.finditer(normalised):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            month = _month_number(m.group("month"))
            day, year = int(m.group("day")), int(m.group("year"))
            if month is None:
                continue
            if shape == "numeric_dmy" and month > 12 and day <= 12:
                day, month = month, day  # 03/27/2024: month first
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            after = normalised[m.end(): m.end() + 32]
            time_match = _TIME.search(after)
            time = ""
            gap = after[: time_match.start()] if time_match else ""
            if time_match and len(gap) <= 20 and not re.search(r"\d", gap):
                time = time_match.group(0).replace("h", ":").replace(".", ":")
            taken.append((m.start(), m.end()))
            found.append(FoundDate(date, m.start(), m.end(), text[m.start(): m.end()], time))
    return sorted(found, key=lambda f: f.start)


@dataclass(frozen=True)
class ResolvedDate:
    """A date resolved against a publication date: value at its precision, and the rule used."""

    value: str  # YYYY-MM-DD, YYYY-MM, YYYY or "" (unresolved)
    precision: str  # day, month, year or unknown
    rule: str


UNRESOLVED_NO_ANCHOR = ResolvedDate("", "unknown", "unresolved: no publication date to anchor a relative date")


@cache
def full_month_names(language: str) -> dict[str, int]:
    """One language's full month names (CLDR, format and stand-alone forms), lower-cased, to 1..12."""
    return _cldr_calendar_names("months", (language,), widths=("wide",))


@cache
def weekday_names(language: str) -> dict[str, int]:
    """Weekday names of a language (CLDR), lower-cased, to 0 (Monday) .. 6 (Sunday)."""
    return _cldr_calendar_names("days", (language,))


def resolve_weekday(weekday: int, published: dt.date | None, status: str) -> ResolvedDate:
    """A bare weekday: for an occurred contact the latest such day on or before publication
    (the publication weekday itself is the publication day); for a planned one the next such day
    after publication."""
    if published is None:
        return UNRESOLVED_NO_ANCHOR
    if status == "planned":
        delta = (weekday - published.weekday()) % 7 or 7
        return ResolvedDate((published + dt.timedelta(days=delta)).isoformat(), "day",
                            "weekday: next such day after publication (planned)")
    delta = (published.weekday() - weekday) % 7
    return ResolvedDate((published - dt.timedelta(days=delta)).isoformat(), "day",
                        "weekday: latest such day on or before publication")


def resolve_month(month: int, published: dt.date | None, status: str, year: int | None = None) -> ResolvedDate:
    """A month without a day, at month precision (never a made-up day). Without a written year,
    the year is inferred: occurred contacts are not after the publication month, planned ones not
    before it."""
    if year is not None:
        return ResolvedDate(f"{year:04d}-{month:02d}", "month", "month with explicit year")
    if published is None:
        return UNRESOLVED_NO_ANCHOR
    if status == "planned":
        inferred = published.year if month >= published.month else published.year + 1
        rule = "month: year inferred, not before the publication month (planned)"
    else:
        inferred = published.year if month <= published.month else published.year - 1
        rule = "month: year inferred, not after the publication month"
    return ResolvedDate(f"{inferred:04d}-{month:02d}", "month", rule)


def shift_days(anchor: dt.date | None, days: int, rule: str) -> ResolvedDate:
    """A day counted from an anchor ("yesterday", "the previous day", "a day after X")."""
    if anchor is None:
        return ResolvedDate("", "unknown", f"unresolved: {rule} needs an anchor date")
    return ResolvedDate((anchor + dt.timedelta(days=days)).isoformat(), "day", rule)


def shift_months(published: dt.date | None, months: int, rule: str) -> ResolvedDate:
    """"last month" / "next month" / "earlier this month" at month precision."""
    if published is None:
        return UNRESOLVED_NO_ANCHOR
    index = published.year * 12 + published.month - 1 + months
    return ResolvedDate(f"{index // 12:04d}-{index % 12 + 1:02d}", "month", rule)
