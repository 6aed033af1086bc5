"""Pass 5, date: when the segment's contact took place, how that was decided, at what precision.

Rules, in order:
- a clause with a date given by its caller ("a day after X": X's day minus one) keeps it;
- the sentence's own date phrase nearest the trigger (with several contact words, the one nearest
  the last party named): explicit dates, month and year, day and month, weekdays, months, years
  after "in"/"през", relative days, months and years ("yesterday", "last month", "next year"),
  vague times ("last week", seasons, "recently", which are no date), resolved against the
  publication date only (`helpers.dates`); a bare month one to a few months after publication and
  not marked as past ("reist im Oktober") makes an occurred contact planned (`planned_by_month`);
- else "the previous day"/"the same day" against the contact just reported with a day (or the lead);
- else none when the sentence says the contact came earlier ("zuvor") or is a separate item ("par
  ailleurs");
- else the date of an earlier mention of the same parties and status, or of a mention at most a
  few sentences back with the same status;
- else (codebook 5) the publication month, for the contact of a contemporaneous report and for a
  planned contact of the ongoing trip or of an imminent event the article's lead dates; none for a
  background contact ("last met", "por última vez", `background`), another planned contact, or
  without a publication date.
`date_basis` says which rule fired, `date_raw` quotes the phrase.

Known limits: "May"/"mai" as a month needs a day, a year or a preposition before it; without a
publication date, relative dates stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from helpers.dates import (
    UNRESOLVED_NO_ANCHOR,
    Published,
    ResolvedDate,
    find_full_dates,
    resolve_month,
    resolve_weekday,
    shift_days,
    shift_months,
    shift_weeks,
    shift_years,
)
from helpers.extraction_settings import SETTINGS
from helpers.language_rules import LanguageRules
from helpers.segment import Rejection, Segment, Span
from helpers.triggers import inside, spans

# "March 2024", "mars, 2024", "junho de 2020", "June of 2020", "iunie din 2020"
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:(?:de|del|of|din)\s+)?((?:19|20)\d{2})(?!\d)")
_DAY_BEFORE = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|-?го)?\.?\s*(?:de\s+|of\s+)?$")  # "27 March", "27 de"
_DAY_AFTER = re.compile(r"\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)")  # "March 27"
# A range of days before a month: "22-24 August", "de 22 a 24 de agosto", "du 22 au 24 août", "с 22 по 24
# августа": a multi-day event takes its first day (codebook 5).
_RANGE_BEFORE = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|-?го)?\.?\s*"
                           r"(?:-|–|—|a|al|au|to|bis|до|по|и|și|e|y|et|and|hadi|وحتى|إلى|حتى)\s*"
                           r"\d{1,2}(?:st|nd|rd|th|er|-?го)?\.?\s*(?:de\s+|of\s+)?$")
RANGE_WINDOW = 30
BACKGROUND = "a background contact"  # in date_basis: an earlier contact mentioned in passing (dedup keeps it apart)


@dataclass(frozen=True)
class DateExpression:
    start: int
    end: int
    raw: str
    kind: str  # full, month_year, weekday, weekday_day, month, day_month, relative_day, relative_week, relative_month,
    # relative_year, month_relative_year, years_ago, months_ago, year, vague
    value: object


def _overlaps(start: int, end: int, taken: list[Span]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _range_of_full(text: str, expr: DateExpression) -> DateExpression:
    """"22-24 August 2023", "1–2 noiembrie 2025": the range's first day."""
    day_start = re.match(r"\d{1,2}", text[expr.start:])
    if not day_start:
        return expr
    day_end = expr.start + day_start.end()
    first = _RANGE_BEFORE.search(text[max(0, expr.start - RANGE_WINDOW): day_end])
    if not first:
        return expr
    try:
        value = expr.value.replace(day=int(first.group(1)))
    except ValueError:
        return expr
    start = day_end - len(first.group(0))
    return DateExpression(start, expr.end, text[start: expr.end], "full", value)


def _month_expression(m: re.Match, text: str, rules: LanguageRules) -> DateExpression | None:
    """A month name, with the year after it or the day around it when written."""
    word, raw = m.group(0).lower(), m.group(0)
    year = _YEAR_AFTER.match(text, m.end())
    day_before = _DAY_BEFORE.search(text[max(0, m.start() - 10): m.start()])
    day_after = _DAY_AFTER.match(text[m.end():])
    if word in rules.ambiguous_months and not (year or day_before or day_after):
        before = text[: m.start()].lower().split()
        lowercase_en = rules.language == "en" and not raw[0].isupper()
        if not before or before[-1] not in rules.prepositions or lowercase_en:
            return None  # "may"/"mai" as a common word
    month = rules.months[word]
    first = _RANGE_BEFORE.search(text[max(0, m.start() - RANGE_WINDOW): m.start()])
    if first and not year:
        start = m.start() - len(first.group(0))
        return DateExpression(start, m.end(), text[start: m.end()], "day_month", (month, int(first.group(1))))
    if year:
        return DateExpression(m.start(), year.end(), text[m.start(): year.end()], "month_year",
                              (int(year.group(1)), month))
    if day_before or day_after:
        day = int((day_before or day_after).group(1))
        start = m.start() - (len(day_before.group(0)) if day_before else 0)
        end = m.end() + (day_after.end() if day_after else 0)
        return DateExpression(start, end, text[start:end], "day_month", (month, day))
    return DateExpression(m.start(), m.end(), raw, "month", month)


# "terça-feira (3)", "quinta-feira, 27,": the weekday and the day of the month (a number in brackets, or
# between commas: "Wednesday, 12 people" is not a date).
_WEEKDAY_DAY = re.compile(r"\s*(?:\((\d{1,2})\)|,\s*(\d{1,2})\s*(?=[,.;)]))")


def _word_expression(m: re.Match, text: str, rules: LanguageRules) -> DateExpression | None:
    word, raw = m.group(0).lower(), m.group(0)
    day = _WEEKDAY_DAY.match(text, m.end()) if word in rules.weekdays else None
    if day and 1 <= int(day.group(1) or day.group(2)) <= 31:
        return DateExpression(m.start(), day.end(), text[m.start(): day.end()], "weekday_day",
                              (rules.weekdays[word], int(day.group(1) or day.group(2))))
    for kind, table in (("relative_day", rules.relative_days), ("relative_week", rules.relative_weeks),
                        ("relative_month", rules.relative_months), ("relative_year", rules.relative_years),
                        ("weekday", rules.weekdays)):
        if word in table:
            return DateExpression(m.start(), m.end(), raw, kind, table[word])
    return _month_expression(m, text, rules) if word in rules.months else None


def find_date_expressions(text: str, rules: LanguageRules) -> list[DateExpression]:
    """Explicit and relative date phrases in a sentence (not yet resolved)."""
    found = [_range_of_full(text, DateExpression(d.start, d.end, d.raw, "full", d.date)) for d in find_full_dates(text)]
    taken = [(d.start, d.end) for d in found]
    # A date word inside an anchor phrase ("في اليوم نفسه", "the previous day") is the anchor's.
    for anchor in (rules.same_day, rules.previous_day, rules.day_after_clause):
        taken += [(m.start(), m.end()) for m in anchor.finditer(text)] if anchor else []
    for m in rules.vague.finditer(text) if rules.vague else []:
        if not _overlaps(m.start(), m.end(), taken):
            found.append(DateExpression(m.start(), m.end(), m.group(0), "vague", None))
            taken.append((m.start(), m.end()))
    for m in rules.date_regex.finditer(text):
        if not _overlaps(m.start(), m.end(), taken) and (expr := _word_expression(m, text, rules)):
            found.append(expr)
    for kind, regex in (("years_ago", rules.years_ago), ("months_ago", rules.months_ago)):
        for m in regex.finditer(text) if regex else []:
            group = next((g for g in m.groups() if g), None)
            number = int(group) if group and group.isdigit() else rules.number_words.get((group or "").lower())
            if number is not None and not _overlaps(m.start(), m.end(), taken + [(d.start, d.end) for d in found]):
                found.append(DateExpression(m.start(), m.end(), m.group(0), kind, number))
    for m in rules.year.finditer(text) if rules.year else []:
        if not _overlaps(m.start(), m.end(), taken + [(d.start, d.end) for d in found]):
            found.append(DateExpression(m.start(), m.end(), m.group(0), "year", int(m.group(1))))
    ordered = _without_redundant_weekdays(sorted(found, key=lambda d: d.start))
    ranges = _merge_adjacent(ordered, lambda a, b: _range(text, a, b))
    return _merge_adjacent(ranges, lambda a, b: _month_of_relative_year(text, a, b))


_RANGE_JOINER = re.compile(r"\s*(?:-|–|—|to|au|al|bis|до|по|până la|hadi|إلى|حتى)\s*", re.IGNORECASE)


def _merge_adjacent(found: list[DateExpression], combine) -> list[DateExpression]:
    """Each expression with the one before it, when `combine(before, expr)` makes them one (else None)."""
    merged: list[DateExpression] = []
    for expr in found:
        joined = combine(merged[-1], expr) if merged else None
        if joined is None:
            merged.append(expr)
        else:
            merged[-1] = joined
    return merged


def _range(text: str, first: DateExpression, last: DateExpression) -> DateExpression | None:
    """"30 августа – 3 сентября", "from 30 August to 3 September 2025": a range across months is dated by its
    first day (with the year written at its end)."""
    if first.kind != "day_month" or last.kind not in ("day_month", "full") or \
            not _RANGE_JOINER.fullmatch(text[first.end: last.start]):
        return None
    raw = text[first.start: last.end]
    if last.kind == "day_month":
        return DateExpression(first.start, last.end, raw, "day_month", first.value)
    try:
        return DateExpression(first.start, last.end, raw, "full", dt.date(last.value.year, *first.value))
    except ValueError:  # "31 February – 3 March": the first date as written
        return first


_JOINER = re.compile(r"[\s,]*(?:(?:de|del|of|du|da|do|din|al)\b)?[\s,]*(?:l'|la\s+|le\s+)?", re.IGNORECASE)


def _month_of_relative_year(text: str, first: DateExpression, last: DateExpression) -> DateExpression | None:
    """"July last year", "през юли миналата година", "last year in July": a month, or a day and month, next
    to a relative year is that month of that year (kind month_relative_year, value (month, day or None,
    years from publication))."""
    if {first.kind, last.kind} not in ({"month", "relative_year"}, {"day_month", "relative_year"}):
        return None
    gap = text[first.end: last.start]
    if len(gap) > 12 or not _JOINER.fullmatch(gap):
        return None
    month_part, year_part = (first, last) if last.kind == "relative_year" else (last, first)
    month, day = (month_part.value, None) if month_part.kind == "month" else month_part.value
    return DateExpression(first.start, last.end, text[first.start: last.end], "month_relative_year",
                          (month, day, year_part.value))


def _without_redundant_weekdays(found: list[DateExpression]) -> list[DateExpression]:
    """"luni, 16 noiembrie", "Tuesday, March 5": the weekday goes with the date right after it."""
    dated = [d for d in found if d.kind in ("full", "day_month", "month_year")]
    return [d for d in found if not (d.kind == "weekday" and any(0 <= e.start - d.end <= 4 for e in dated))]


def _resolve_weekday_day(day: int, published: Published | None, status: str) -> ResolvedDate:
    """"nesta terça-feira (3)": the day of the publication month (or of the month before or after, when
    that day is not yet reached, or already past, for an occurred or planned contact)."""
    if published is None or published.month is None:
        return UNRESOLVED_NO_ANCHOR if published is None else ResolvedDate("", "unknown", "needs the publication month")
    year, month = published.year, published.month
    if published.day is not None and status != "planned" and day > published.day.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    if published.day is not None and status == "planned" and day < published.day.day:
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    try:
        return ResolvedDate(dt.date(year, month, day).isoformat(), "day",
                            "weekday and day of the month, in the publication month")
    except ValueError:
        return ResolvedDate(published.value[:7], "month", "weekday and an impossible day: the publication month")


def _resolve_day_month(month: int, day: int, published: Published | None, status: str) -> ResolvedDate:
    by_month = resolve_month(month, published, status)
    if not by_month.value:
        return by_month
    try:
        day_date = dt.date(int(by_month.value[:4]), month, day)
    except ValueError:
        return by_month
    return ResolvedDate(day_date.isoformat(), "day", by_month.rule.replace("month:", "day and month:"))


def _resolve_month_relative_year(month: int, day: int | None, years: int, published: Published | None,
                                 raw: str) -> ResolvedDate:
    year = shift_years(published, years, "")
    if not year.value:
        return shift_years(published, years, f"'{raw}' from the publication date")
    rule = f"'{raw}': that month of the year {years:+d} from publication"
    try:
        return ResolvedDate(dt.date(int(year.value[:4]), month, day).isoformat(), "day", rule) if day else \
            ResolvedDate(f"{year.value[:4]}-{month:02d}", "month", rule)
    except ValueError:
        return ResolvedDate(f"{year.value[:4]}-{month:02d}", "month", rule)


def resolve_expression(expr: DateExpression, published: Published | None, status: str) -> ResolvedDate:
    """Resolve one date phrase against the publication date (never today)."""
    kind, value = expr.kind, expr.value
    if kind == "full":
        return ResolvedDate(value.isoformat(), "day", f"explicit date '{expr.raw}'")
    if kind == "month_year":
        return resolve_month(value[1], published, status, value[0])
    if kind == "weekday":
        return resolve_weekday(value, published, status)
    if kind == "weekday_day":
        return _resolve_weekday_day(value[1], published, status)
    if kind == "month":
        return resolve_month(value, published, status)
    if kind == "day_month":
        return _resolve_day_month(value[0], value[1], published, status)
    if kind == "year":
        return ResolvedDate(str(value), "year", f"explicit year '{expr.raw}'")
    if kind == "relative_year":
        return shift_years(published, value, f"'{expr.raw}' from the publication date")
    if kind == "month_relative_year":
        return _resolve_month_relative_year(*value, published, expr.raw)
    if kind == "vague":
        return ResolvedDate("", "unknown", f"'{expr.raw}': not a day, month or year")
    if kind == "relative_day":
        return shift_days(published, value, f"'{expr.raw}' from the publication date")
    if kind == "years_ago":
        return shift_years(published, -value, f"'{expr.raw}' from the publication date")
    if kind == "months_ago":
        return shift_months(published, -value, f"'{expr.raw}' from the publication date")
    if kind == "relative_week":
        return shift_weeks(published, value, f"'{expr.raw}' from the publication date")
    return shift_months(published, value, f"'{expr.raw}' from the publication date")


def _anchor_contact(seg: Segment):
    """The contact "the same day" / "the previous day" counts from: the latest mention a few sentences
    back with a day of its own, else the article's lead contact."""
    recent = [m for m in seg.context.mentions if m.has_own_date and m.date_precision == "day"
              and seg.sentence_no - m.sentence_no <= SETTINGS.carry_sentences]
    return recent[-1] if recent else seg.context.lead


def _anchor_of_lead(seg: Segment) -> ResolvedDate | None:
    """"the previous day" / "the same day", against the contact just reported (or the lead)."""
    anchor = _anchor_contact(seg)
    if seg.rules.previous_day and (m := seg.rules.previous_day.search(seg.text)):
        seg.date_raw = m.group(0)
        day = dt.date.fromisoformat(anchor.date) if anchor and anchor.date_precision == "day" else None
        return shift_days(day, -1, f"'{seg.date_raw}': a day before mention {anchor.mention_id if anchor else '?'}")
    if seg.rules.same_day and (m := seg.rules.same_day.search(seg.text)):
        seg.date_raw = m.group(0)
        if anchor and anchor.date:
            return ResolvedDate(anchor.date, anchor.date_precision,
                                f"'{seg.date_raw}': the day of mention {anchor.mention_id}")
        return ResolvedDate("", "unknown", f"'{seg.date_raw}': the contact it refers to is undated")
    return None


def _not_carried(seg: Segment) -> ResolvedDate | None:
    """No date when the sentence says the contact came earlier, or is a separate item."""
    previous = seg.context.previous
    if previous is None:
        return None
    if seg.rules.earlier and (m := seg.rules.earlier.search(seg.text)):
        seg.date_raw = m.group(0)
        return ResolvedDate("", "unknown", f"'{seg.date_raw}': before mention {previous.mention_id}, date not given")
    if seg.rules.topic_shift and (m := seg.rules.topic_shift.search(seg.text)):
        seg.date_raw = m.group(0)
        month = publication_month(seg)
        return ResolvedDate(month.value, month.precision, f"'{seg.date_raw}': a separate item; {month.rule}")
    return None


def _carried(seg: Segment) -> ResolvedDate:
    """The date of an earlier mention of the same parties and status, else of a recent one."""
    mentions = seg.context.mentions
    same = [m for m in mentions if set(m.countries) == set(seg.ordered) and m.status == seg.status]
    # A planned contact's date is not carried to an occurred one (or back).
    recent = [m for m in mentions
              if seg.sentence_no - m.sentence_no <= SETTINGS.carry_sentences and m.status == seg.status]
    if same:
        seg.date_raw = same[-1].date_raw
        return ResolvedDate(same[-1].date, same[-1].date_precision, f"same parties as mention {same[-1].mention_id}")
    if recent:
        seg.date_raw = recent[-1].date_raw
        return ResolvedDate(recent[-1].date, recent[-1].date_precision,
                            f"carried from mention {recent[-1].mention_id} (previous sentence)")
    return publication_month(seg)


def note_imminent(context, text: str, rules: LanguageRules) -> None:
    """Mark the article as announcing an imminent event when its lead dates something in the days just
    after publication ("Les chefs d'Etat africains sont attendus le 9 mai à Moscou", published 8 May)."""
    published = context.published
    if context.imminent or published is None or published.day is None:
        return
    for expr in find_date_expressions(text, rules):
        if expr.kind not in ("full", "day_month") and not (expr.kind == "relative_day" and expr.value > 0):
            continue  # a weekday or a month alone says nothing of direction
        resolved = resolve_expression(expr, published, "planned")
        if resolved.precision == "day":
            ahead = (dt.date.fromisoformat(resolved.value) - published.day).days
            if 0 < ahead <= SETTINGS.imminent_days:
                context.imminent = True
                return


def _ongoing(seg: Segment) -> bool:
    """A planned contact that is part of what the article reports as happening: the next stop of the
    visitor's tour, or a contact of the same parties as an occurred one (the ongoing trip)."""
    subject = seg.ordered[0] if seg.ordered else ""
    return any(m.status == "occurred" and subject in m.countries
               and (seg.type == "visit" or set(seg.ordered) <= set(m.countries)) for m in seg.context.mentions)


def publication_month(seg: Segment) -> ResolvedDate:
    """Codebook 5: the contact of a contemporaneous report with no date of its own gets the publication
    month (the year when only the year is known); so does a planned contact of the ongoing trip. A
    background contact ("last met", "por última vez") or another planned contact gets none."""
    published = seg.published
    if published is None:
        return ResolvedDate("", "unknown", "no date in the sentence or its context, and no publication date")
    background = seg.rules.background.search(seg.text) if seg.rules.background else None
    if background:
        seg.date_raw = background.group(0)
        return ResolvedDate("", "unknown", f"'{seg.date_raw}': {BACKGROUND}, date not given")
    if seg.status == "planned" and not (_ongoing(seg) or seg.context.imminent):
        return ResolvedDate("", "unknown", "a planned contact with no date")
    value = published.value[:7]
    return ResolvedDate(value, "month" if len(value) == 7 else "year",
                        "publication month: the contact of a contemporaneous report, with no date of its own")


def ceremony_date(seg: Segment) -> ResolvedDate | None:
    """The own date of a credentials ceremony reported with its host only ("Van der Bellen received new
    ambassadors on 26 June 2024 to accept their credentials"): the date of the ambassadors listed next."""
    expressions = find_date_expressions(seg.text, seg.rules)
    if not expressions:
        return None
    date = resolve_expression(expressions[0], seg.published, "occurred")
    return date if date.value else None


def _of_ceremony(seg: Segment) -> ResolvedDate | None:
    """A list of ambassadors after their ceremony (`triggers._ambassadors_of_ceremony`) has its date."""
    host, date = seg.context.credentials_host, seg.context.credentials_date
    # (the host was refreshed to this sentence when its ambassadors were read: hence 0 too)
    recent = host is not None and 0 <= seg.sentence_no - host[0] <= SETTINGS.story_sentences
    if not (seg.live.get("credentials") and recent and date):
        return None
    return ResolvedDate(date.value, date.precision, "the date of the credentials ceremony just reported")


def _date_from_context(seg: Segment) -> ResolvedDate:
    return _of_ceremony(seg) or _anchor_of_lead(seg) or _not_carried(seg) or _carried(seg)


def _own_expression(seg: Segment) -> DateExpression | None:
    """The sentence's date phrase nearest the trigger; with several contact words ("went to Tillabéri
    on Thursday before receiving the Russian ambassador on Friday"), nearest the one closest to the
    last party named."""
    if not seg.expressions:
        return None
    anchor = seg.trigger_span
    positions = [pos for pos, _ in seg.states] + [pos for pos, _, _ in seg.actor_states]
    triggers = [span for found in seg.live.values() for span in found]
    if positions and len(triggers) > 1:
        anchor = min(triggers, key=lambda span: abs(span[0] - max(positions)))
    # "Quirno, que asumió su cargo el 28 de octubre, consideró que mantuvo ... una reunión": a date in a
    # side remark that does not hold the contact word is the remark's.
    remarks = [s for s in spans(seg.rules.relative_clause, seg.text) if not inside(anchor, [s])]
    candidates = [e for e in seg.expressions if not inside((e.start, e.end), remarks)]
    return min(candidates, key=lambda e: abs(e.start - anchor[0])) if candidates else None


def _months_ahead(own: DateExpression, published: Published) -> int | None:
    """How many months after the publication month a bare month or a day and month lies (in the next
    twelve), or None for other phrases."""
    if published.month is None or own.kind not in ("month", "day_month"):
        return None
    month = own.value if own.kind == "month" else own.value[0]
    ahead = (month - published.month) % 12
    if own.kind == "day_month" and ahead == 0:  # this month: upcoming only if after a known publication day
        return 0 if published.day is not None and own.value[1] > published.day.day else None
    return ahead


def _upcoming(seg: Segment, own: DateExpression) -> None:
    """"reist im Oktober", "la cumbre del 22 al 24 de agosto" (published in July), "demain": a date just
    after publication, not marked as past, makes the contact upcoming."""
    published = seg.published
    if seg.status != "occurred" or published is None:
        return
    if own.kind == "relative_day" and own.value > 0:
        seg.status = "planned"
        seg.note("planned_by_date", seg.head, f"'{own.raw}' is after publication")
        return
    ahead = _months_ahead(own, published)
    if ahead is None or not (0 if own.kind == "day_month" else 1) <= ahead <= SETTINGS.upcoming_months:
        return
    around = seg.text[max(0, own.start - SETTINGS.past_marker_window): own.end + SETTINGS.past_marker_window]
    if not (seg.rules.past_markers and seg.rules.past_markers.search(around)):
        seg.status = "planned"
        seg.note("planned_by_month", seg.head, f"'{own.raw}' is {ahead} month(s) after publication")


def decide_date(seg: Segment) -> Rejection | None:
    own = _own_expression(seg)
    seg.own_date = own is not None
    seg.date_raw = own.raw if own else ""
    if own is not None:
        _upcoming(seg, own)
    if seg.forced_date is not None:
        seg.date, seg.date_raw = seg.forced_date, seg.forced_raw
    elif own is not None:
        seg.date = resolve_expression(own, seg.published, seg.status)
    else:
        seg.date = _date_from_context(seg)
    return None
