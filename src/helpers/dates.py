"""Dates: explicit calendar dates in the supported languages (month names from CLDR via babel).

This module finds full dates (day, month and year) in a span of text, in the shapes news text
uses: `27.03.2024`, `2024-03-27`, `27 март 2024 г.`, `27 de marzo de 2024`, `27. März 2024`,
`March 28, 2024`, `enero 09 de 2023`, `28 mars 2024`, `16 كانون الأول/ديسمبر 2018`, Arabic-Indic
digits. It is used for publication dates in
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
    """Month names and abbreviations of every supported language (CLDR), lower-cased, to 1..12, with the
    forms the lexicons add (`dates.months_extra`: Russian prepositional case, Maghrebi and Levantine
    Arabic names)."""
    from helpers.lexicon import load_lexicon

    names = _cldr_calendar_names("months", SUPPORTED_LANGUAGES)
    for language in SUPPORTED_LANGUAGES:
        dates = load_lexicon(language).dates
        for name, number in (dates.months_extra.items() if dates else ()):
            names.setdefault(name.lower(), number)
    return names


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    months = sorted(month_names(), key=len, reverse=True)
    alternation = "|".join(re.escape(m) for m in months)
    # a second name of the same month after a slash, as Levantine papers write it ("كانون الأول/ديسمبر")
    month = "(?P<month>" + alternation + r")\.?(?:\s*/\s*(?:" + alternation + r"))?"
    day = r"(?P<day>\d{1,2})"
    year = r"(?P<year>(?:19|20)\d{2})"
    sep = r"[\s,]+(?:de\s+|del\s+)?"
    return [
        ("iso", re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)")),
        ("numeric_dmy", re.compile(r"(?<!\d)(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./]" + year + r"(?!\d)")),
        ("day_month_year", re.compile(r"(?<!\d)" + day + r"\.?(?:er|º|ª)?\s*(?:de\s+)?" + month + sep + year
                                      + r"(?!\d)", re.IGNORECASE)),
        ("month_day_year", re.compile(r"(?<![\w])" + month + r"\s+" + day + r"(?:st|nd|rd|th)?,?\s+(?:de\s+)?" + year
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
    """Full weekday names of a language (CLDR), lower-cased, to 0 (Monday) .. 6 (Sunday). Abbreviations
    are left out: in running text they are ordinary words (pt "ter", "sex", "dom"; fr "mar")."""
    return _cldr_calendar_names("days", (language,), widths=("wide",))


@dataclass(frozen=True)
class Published:
    """A publication date at the precision known: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`."""

    value: str

    @classmethod
    def parse(cls, text: str) -> Published | None:
        """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a real date), else None."""
        text = (text or "").strip()
        if not _PARTIAL_DATE.fullmatch(text):
            return None
        try:
            dt.date.fromisoformat(text + {4: "-01-01", 7: "-01", 10: ""}[len(text)])
        except ValueError:
            return None
        return cls(text)

    @classmethod
    def of(cls, value: Published | dt.date | str | None) -> Published | None:
        """Any accepted form (a date, a string, a Published, None) as a Published or None."""
        if value is None or isinstance(value, Published):
            return value
        if isinstance(value, dt.date):
            return cls(value.isoformat())
        return cls.parse(value)

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.value)]

    @property
    def year(self) -> int:
        return int(self.value[:4])

    @property
    def month(self) -> int | None:
        return int(self.value[5:7]) if len(self.value) >= 7 else None

    @property
    def day(self) -> dt.date | None:
        """The publication day, when known to the day."""
        return dt.date.fromisoformat(self.value) if len(self.value) == 10 else None

    @property
    def first(self) -> dt.date:
        return dt.date.fromisoformat(self.value + {4: "-01-01", 7: "-01", 10: ""}[len(self.value)])

    @property
    def last(self) -> dt.date:
        if len(self.value) == 10:
            return self.first
        if len(self.value) == 4:
            return dt.date(self.year, 12, 31)
        following = (self.first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        """The first and last day the publication date can be (equal when known to the day)."""
        return self.first, self.last


_PARTIAL_DATE = re.compile(r"(?:19|20)\d{2}(?:-\d{2}(?:-\d{2})?)?")


def _coarse(published: Published, rule: str) -> ResolvedDate:
    """A date relative to the publication day, when the publication date is known only to the month or
    year: the publication's month or year (codebook: the precision the expression and the publication
    date allow)."""
    return ResolvedDate(published.value, published.precision, f"{rule}; publication date known to the "
                                                              f"{published.precision} only")


def resolve_weekday(weekday: int, published: Published | dt.date | None, status: str) -> ResolvedDate:
    """A bare weekday: for an occurred contact the latest such day on or before publication
    (the publication weekday itself is the publication day); for a planned one the first such day
    on or after publication. With a publication month or year only: that month or year."""
    published = Published.of(published)
    if published is None:
        return UNRESOLVED_NO_ANCHOR
    day = published.day
    if day is None:
        return _coarse(published, "weekday")
    if status == "planned":
        delta = (weekday - day.weekday()) % 7
        return ResolvedDate((day + dt.timedelta(days=delta)).isoformat(), "day",
                            "weekday: first such day on or after publication (planned)")
    delta = (day.weekday() - weekday) % 7
    return ResolvedDate((day - dt.timedelta(days=delta)).isoformat(), "day",
                        "weekday: latest such day on or before publication")


def resolve_month(month: int, published: Published | dt.date | None, status: str,
                  year: int | None = None) -> ResolvedDate:
    """A month without a day, at month precision (never a made-up day). Without a written year,
    the year is inferred: occurred contacts are not after the publication month, planned ones not
    before it (a publication date known only to the year cannot place it)."""
    published = Published.of(published)
    if year is not None:
        return ResolvedDate(f"{year:04d}-{month:02d}", "month", "month with explicit year")
    if published is None:
        return UNRESOLVED_NO_ANCHOR
    if published.month is None:
        return ResolvedDate("", "unknown", "unresolved: the publication date is known to the year only")
    if status == "planned":
        inferred = published.year if month >= published.month else published.year + 1
        rule = "month: year inferred, not before the publication month (planned)"
    else:
        inferred = published.year if month <= published.month else published.year - 1
        rule = "month: year inferred, not after the publication month"
    return ResolvedDate(f"{inferred:04d}-{month:02d}", "month", rule)


def shift_days(anchor: dt.date | Published | None, days: int, rule: str) -> ResolvedDate:
    """A day counted from an anchor ("yesterday", "the previous day", "a day after X"); from a
    publication date known only to the month or year, that month or year (for "today", "yesterday",
    "tomorrow" the day can cross into the next month only rarely: the month is kept)."""
    if isinstance(anchor, Published):
        if anchor.day is None:
            return _coarse(anchor, rule)
        anchor = anchor.day
    if anchor is None:
        return ResolvedDate("", "unknown", f"unresolved: {rule} needs an anchor date")
    return ResolvedDate((anchor + dt.timedelta(days=days)).isoformat(), "day", rule)


def shift_weeks(published: Published | dt.date | None, weeks: int, rule: str) -> ResolvedDate:
    """"last week" / "this week" / "next week": the calendar week (Monday to Sunday) before, of or after
    publication, at the finest precision that holds the whole week (its month, else its year)."""
    published = Published.of(published)
    if published is None:
        return UNRESOLVED_NO_ANCHOR
    if published.day is None:
        if weeks == 0:
            return _coarse(published, rule)
        if published.month is not None and 1 < published.month < 12:
            return ResolvedDate(str(published.year), "year", f"{rule}; publication date known to the month only")
        return ResolvedDate("", "unknown", f"unresolved: {rule} needs the publication day")
    monday = published.day - dt.timedelta(days=published.day.weekday()) + dt.timedelta(weeks=weeks)
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return ResolvedDate(monday.isoformat()[:7], "month", rule)
    if monday.year == sunday.year:
        return ResolvedDate(str(monday.year), "year", f"{rule}; the week spans two months")
    return ResolvedDate("", "unknown", f"unresolved: {rule}: the week spans two years")


def shift_months(published: Published | dt.date | None, months: int, rule: str) -> ResolvedDate:
    """"last month" / "next month" / "earlier this month" at month precision."""
    published = Published.of(published)
    if published is None:
        return UNRESOLVED_NO_ANCHOR
    if published.month is None:
        if months == 0:
            return _coarse(published, rule)
        return ResolvedDate("", "unknown", f"unresolved: {rule} needs the publication month")
    index = published.year * 12 + published.month - 1 + months
    return ResolvedDate(f"{index // 12:04d}-{index % 12 + 1:02d}", "month", rule)


def shift_years(published: Published | dt.date | None, years: int, rule: str) -> ResolvedDate:
    """"this year", "last year", "next year", "ten years ago" at year precision."""
    published = Published.of(published)
    if published is None:
        return ResolvedDate("", "unknown", f"unresolved: {rule} needs a publication date")
    return ResolvedDate(str(published.year + years), "year", rule)
