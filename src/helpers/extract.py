"""Extraction stage: diplomatic-contact mentions from clean article sentences.

For every sentence (with the article's earlier mentions as context) the stage finds
- parties: countries (`entities`), registry actors (`actors`, whose country comes from their
  roles on the article's date) and role phrases ("the Malian foreign minister": the holder of
  the role on that date becomes a participant, unless "deputy"/"vice" precedes the title);
  organisations count only when fewer than two states are named, except those listed with
  members in organizations.csv (the Alliance of Sahel States), which stand for their member
  states. A country right after a topic phrase ("the situation in", "a peace plan for") is a
  subject of the talks, not a party. A person outside the registry introduced with a title
  carrying a country ("the minister of foreign affairs of Portugal, João Gomes Cravinho") keeps
  that country when named again later in the article;
- a contact trigger from the language's lexicon (`contact` in data/reference/lang/<code>.yaml):
  phone_call, message, visit, summit, meeting, or a generic "talks" whose type is taken from
  the previous contact in the article (else `other`);
- the status: `planned` when a future marker sits near the trigger, else `occurred`; a denied
  or cancelled contact, or a habitual statement ("they speak frequently"), gives no mention
  (denials are listed in the rejected table); a comma-delimited side remark (", who has visited
  the region several times,") neither denies the contact nor makes it habitual, nor sets its type;
- the date: the sentence's own date expression nearest the trigger (explicit dates, weekdays,
  months, years, "yesterday", "last month"; "last week", seasons and "recently" are dates of no
  precision), resolved against the publication date only (helpers.dates); else "the previous
  day"/"the same day" against the article's lead contact; else none when the sentence says the
  contact came earlier ("zuvor") or is a separate item ("par ailleurs"); else the date of an
  earlier mention of the same parties and status; else the previous mention's date when it is at
  most two sentences back and has the same status; else none. `date_basis` says which rule fired,
  `date_raw` quotes the phrase;
- topics from keyword sets over the sentence and its neighbours.

A sentence whose trigger is only a reference to a contact already reported ("the call",
"разговора", "această întâlnire") adds no mention, nor does a discussion by "the two sides" right
after a contact with no date of its own (an elaboration, listed in the notes). "A day after X"
splits a sentence into two contacts, X one day earlier. A phone call or message with more than
two states is split into bilateral contacts with the first-named party ("Putin spoke to Goïta and
to Sassou Nguesso" is two calls), and a visit naming several countries into one visit per country
with the first person named (a day given for the meeting with a named counterpart is not given to
the tour's other stops); other contacts with three or more states are one multilateral mention.

Known limits: rules, not a parser: a party named only in a subordinate clause unrelated to the
contact can be taken as a party; pronouns are resolved only through "the two leaders"-style
phrases, a sentence-initial pronoun or "the delegation"; type "talks" without a typed contact
before it is `other`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from helpers.actors import TOKEN, actor_matcher, fold, registry
from helpers.dates import (
    ResolvedDate,
    find_full_dates,
    full_month_names,
    resolve_month,
    resolve_weekday,
    shift_days,
    shift_months,
    weekday_names,
)
from helpers.entities import CountryMention, country_matcher, organisation_members
from helpers.lexicon import load_lexicon
from helpers.textlines import literal_alternation

TYPE_ORDER = ("phone_call", "message", "summit", "visit", "meeting", "talks")
PLANNED_WINDOW_BEFORE, PLANNED_WINDOW_AFTER = 80, 40
ROLE_COUNTRY_WINDOW = 60
CARRY_SENTENCES = 2
UPCOMING_MONTHS = 3  # a bare month up to this many months after publication is read as upcoming
# A capitalised name of one to four words right after a role phrase ("Foreign Minister Jane Doe").
_YEAR_AFTER = re.compile(r"\s*,?\s*((?:19|20)\d{2})(?!\d)")  # "March 2024", "mars, 2024"
_DAY_BEFORE = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|-?го)?\.?\s*(?:de\s+|of\s+)?$")  # "27 March", "27 de"
_NAME_AFTER_ROLE = re.compile(r"[\s,]{1,3}((?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]+\s){0,3}[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+)")
_NOT_NAMES = {"of", "de", "du", "des", "din", "на", "the", "and", "și", "и", "y", "und", "e", "et", "wa", "la", "le",
              "al", "el", "in", "în", "в", "à", "a"}


def _alternation(patterns: Sequence[str], prefixes: Sequence[str] = (), tail: str = "") -> re.Pattern[str] | None:
    """Any of `patterns` from a word start (after an optional clitic prefix), then `tail`; None if empty."""
    if not patterns:
        return None
    prefix = "(?:" + "|".join(re.escape(p) for p in prefixes) + ")?" if prefixes else ""
    return re.compile(rf"(?<!\w){prefix}(?:{'|'.join(f'(?:{p})' for p in patterns)}){tail}", re.IGNORECASE)


def _literals(words: Sequence[str]) -> list[str]:
    """Plain words as one pattern (longest first), for `_alternation`."""
    return [literal_alternation(words)] if words else []


@dataclass(frozen=True)
class LanguageRules:
    """One language's contact, date, role and topic patterns, compiled once."""

    language: str
    triggers: dict[str, re.Pattern[str]]
    markers: dict[str, re.Pattern[str] | None]
    roles: dict[str, re.Pattern[str]]
    topics: dict[str, re.Pattern[str]]
    weekdays: dict[str, int]
    months: dict[str, int]
    relative_days: dict[str, int]
    relative_months: dict[str, int]
    relative_years: dict[str, int]
    date_regex: re.Pattern[str]
    previous_day: re.Pattern[str] | None
    same_day: re.Pattern[str] | None
    day_after_clause: re.Pattern[str] | None
    ambiguous_months: frozenset[str]
    prepositions: tuple[str, ...]
    past_markers: re.Pattern[str] | None
    earlier: re.Pattern[str] | None
    topic_shift: re.Pattern[str] | None
    topic_before_country: re.Pattern[str] | None
    relative_clause: re.Pattern[str] | None
    deputy_before: re.Pattern[str] | None
    venue_before: re.Pattern[str] | None
    after_contact_clause: re.Pattern[str] | None
    year: re.Pattern[str] | None
    vague: re.Pattern[str] | None


@cache
def language_rules(language: str) -> LanguageRules:
    lexicon = load_lexicon(language)
    if lexicon.contact is None or lexicon.dates is None:
        raise ValueError(f"lexicon {language!r} has no contact/dates sections")
    prefixes = lexicon.inflection.prefixes
    contact = lexicon.contact
    triggers = {t: _alternation(getattr(contact, t), prefixes) for t in TYPE_ORDER}
    markers = {m: _alternation(getattr(contact, m), prefixes)
               for m in ("planned", "negation", "habitual", "anaphora_pair", "continuation", "similar",
                         "subject_pronoun", "group_subject")}
    dates = lexicon.dates
    weekdays = {**weekday_names(language), **{k.lower(): v for k, v in dates.weekdays_extra.items()}}
    months = {**{k.lower(): v for k, v in dates.months_extra.items()}, **full_month_names(language)}
    words = [*weekdays, *months, *dates.relative_days, *dates.relative_months, *dates.relative_years]
    date_regex = re.compile(rf"(?<!\w)(?:{literal_alternation(words)})(?!\w)", re.IGNORECASE)
    return LanguageRules(
        language=language,
        triggers={t: r for t, r in triggers.items() if r is not None},
        markers=markers,
        roles={r: _alternation(p, prefixes) for r, p in lexicon.roles.items() if p and r != "deputy"},
        deputy_before=_alternation(lexicon.roles.get("deputy", []), tail=r"[\s-]*$"),
        topics={t: _alternation(p, prefixes) for t, p in lexicon.topics.items() if p},
        weekdays=weekdays,
        months=months,
        relative_days={k.lower(): v for k, v in dates.relative_days.items()},
        relative_months={k.lower(): v for k, v in dates.relative_months.items()},
        relative_years={k.lower(): v for k, v in dates.relative_years.items()},
        date_regex=date_regex,
        previous_day=_alternation(dates.previous_day),
        same_day=_alternation(dates.same_day),
        day_after_clause=_alternation(dates.day_after_clause),
        ambiguous_months=frozenset(m.lower() for m in dates.ambiguous_months),
        prepositions=tuple(p.lower() for p in dates.prepositions),
        past_markers=_alternation(dates.past_markers),
        earlier=_alternation(dates.earlier),
        topic_shift=_alternation(dates.topic_shift),
        relative_clause=re.compile(rf"[,،]\s*(?:{'|'.join(contact.relative_clause)})\b[^,،.;]{{0,160}}[,،]",
                                   re.IGNORECASE) if contact.relative_clause else None,
        after_contact_clause=_alternation(contact.after_contact_clause),
        venue_before=_alternation(_literals(contact.venue_before), tail=r"\s*$"),
        topic_before_country=_alternation(contact.topic_before_country, tail=r"\s*$"),
        year=_alternation(_literals(dates.year_prefixes), tail=r"\s+((?:19|20)\d{2})(?!\d)"),
        vague=_alternation(dates.vague),
    )


@dataclass(frozen=True)
class DateExpression:
    start: int
    end: int
    raw: str
    kind: str  # full, month_year, weekday, month, day_month, relative_day, relative_month, relative_year, year,
    # vague
    value: object


def find_date_expressions(text: str, rules: LanguageRules) -> list[DateExpression]:
    """Explicit and relative date phrases in a sentence (not yet resolved)."""
    found = [DateExpression(d.start, d.end, d.raw, "full", d.date) for d in find_full_dates(text)]
    taken = [(d.start, d.end) for d in found]
    # A date word inside an anchor phrase ("في اليوم نفسه", "the previous day") is the anchor's.
    for anchor in (rules.same_day, rules.previous_day, rules.day_after_clause):
        taken += [(m.start(), m.end()) for m in anchor.finditer(text)] if anchor else []
    for m in rules.vague.finditer(text) if rules.vague else []:
        if not any(m.start() < e and s < m.end() for s, e in taken):
            found.append(DateExpression(m.start(), m.end(), m.group(0), "vague", None))
            taken.append((m.start(), m.end()))
    for m in rules.date_regex.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        word = m.group(0).lower()
        raw = m.group(0)
        if word in rules.relative_days:
            found.append(DateExpression(m.start(), m.end(), raw, "relative_day", rules.relative_days[word]))
        elif word in rules.relative_months:
            found.append(DateExpression(m.start(), m.end(), raw, "relative_month", rules.relative_months[word]))
        elif word in rules.relative_years:
            found.append(DateExpression(m.start(), m.end(), raw, "relative_year", rules.relative_years[word]))
        elif word in rules.weekdays:
            found.append(DateExpression(m.start(), m.end(), raw, "weekday", rules.weekdays[word]))
        elif word in rules.months:
            year = _YEAR_AFTER.match(text, m.end())
            day_before = _DAY_BEFORE.search(text[max(0, m.start() - 10): m.start()])
            day_after = re.match(r"\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)", text[m.end():])
            if word in rules.ambiguous_months and not (year or day_before or day_after):
                before = text[: m.start()].lower().split()
                lowercase_en = rules.language == "en" and not raw[0].isupper()
                if not before or before[-1] not in rules.prepositions or lowercase_en:
                    continue  # "may"/"mai" as a common word
            if year:
                found.append(DateExpression(m.start(), year.end(), text[m.start(): year.end()], "month_year",
                                            (int(year.group(1)), rules.months[word])))
            elif day_before or day_after:
                day = int((day_before or day_after).group(1))
                start = m.start() - (len(day_before.group(0)) if day_before else 0)
                end = m.end() + (day_after.end() if day_after else 0)
                found.append(DateExpression(start, end, text[start:end], "day_month", (rules.months[word], day)))
            else:
                found.append(DateExpression(m.start(), m.end(), raw, "month", rules.months[word]))
    for m in rules.year.finditer(text) if rules.year else []:
        if not any(m.start() < e and s < m.end() for s, e in taken + [(d.start, d.end) for d in found]):
            found.append(DateExpression(m.start(), m.end(), m.group(0), "year", int(m.group(1))))
    return sorted(found, key=lambda d: d.start)


def resolve_expression(expr: DateExpression, published: dt.date | None, status: str) -> ResolvedDate:
    """Resolve one date phrase against the publication date (never today)."""
    if expr.kind == "full":
        return ResolvedDate(expr.value.isoformat(), "day", f"explicit date '{expr.raw}'")
    if expr.kind == "month_year":
        year, month = expr.value
        return resolve_month(month, published, status, year)
    if expr.kind == "weekday":
        return resolve_weekday(expr.value, published, status)
    if expr.kind == "month":
        return resolve_month(expr.value, published, status)
    if expr.kind == "day_month":
        month, day = expr.value
        by_month = resolve_month(month, published, status)
        if not by_month.value:
            return by_month
        try:
            day_date = dt.date(int(by_month.value[:4]), month, day)
        except ValueError:
            return by_month
        return ResolvedDate(day_date.isoformat(), "day", by_month.rule.replace("month:", "day and month:"))
    if expr.kind == "year":
        return ResolvedDate(str(expr.value), "year", f"explicit year '{expr.raw}'")
    if expr.kind == "relative_year":
        if published is None:
            return ResolvedDate("", "unknown", f"unresolved: '{expr.raw}' needs a publication date")
        return ResolvedDate(str(published.year + expr.value), "year", f"'{expr.raw}' from the publication date")
    if expr.kind == "vague":
        return ResolvedDate("", "unknown", f"'{expr.raw}': not a day, month or year")
    if expr.kind == "relative_day":
        return shift_days(published, expr.value, f"'{expr.raw}' from the publication date")
    return shift_months(published, expr.value, f"'{expr.raw}' from the publication date")


@dataclass
class Mention:
    """One reported contact, with its evidence sentence and how each field was decided."""

    article_id: str
    sentence_no: int
    start: int
    end: int
    sentence: str
    language: str
    type: str
    status: str
    countries: tuple[str, ...]
    participants: tuple[str, ...]
    actor_ids: tuple[str, ...]
    date: str
    date_precision: str
    date_raw: str
    date_basis: str
    topics: tuple[str, ...]
    trigger: str
    has_own_date: bool = False
    index: int = 0
    subject_order: tuple[str, ...] = ()

    @property
    def mention_id(self) -> str:
        return f"{self.article_id}:{self.sentence_no}:{self.index}"


@dataclass
class ArticleContext:
    """What earlier sentences of the article established."""

    article_id: str
    published: dt.date | None
    mentions: list[Mention] = field(default_factory=list)
    lead: Mention | None = None
    # People outside the registry introduced with a title and one country ("the Portuguese foreign
    # minister, João Gomes Cravinho"): folded name tokens (full name, last two, last) -> country.
    introduced: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    last_contact_sentence: int = -10  # the last sentence that reported or elaborated on a contact

    def introduce(self, name: str, country: str) -> None:
        tokens = tuple(fold(t) for t in TOKEN.findall(name))
        for key in {tokens, tokens[-2:], tokens[-1:]}:
            if key and len(key[-1]) > 3:
                self.introduced.setdefault(key, (country, name))

    def introduced_in(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, country, introduced name) of earlier-introduced people named in `text`."""
        if not self.introduced:
            return []
        spans = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
        folded = [fold(s[2]) for s in spans]
        found = []
        i = 0
        while i < len(spans):
            for n in (3, 2, 1):
                key = tuple(folded[i: i + n])
                if len(key) == n and key in self.introduced and spans[i][2][:1].isupper():
                    country, name = self.introduced[key]
                    found.append((spans[i][0], spans[i + n - 1][1], country, name))
                    i += n - 1
                    break
            i += 1
        return found


@dataclass
class Notes:
    """Side findings for the unmapped/ambiguous/rejected report."""

    rows: list[dict] = field(default_factory=list)

    def add(self, kind: str, article_id: str, sentence_no: int, surface: str, detail: str) -> None:
        self.rows.append({"kind": kind, "article_id": article_id, "sentence_no": sentence_no,
                          "surface": surface, "detail": detail})


def _inside(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _spans(regex: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in regex.finditer(text)] if regex else []


def _states_from_countries(mentions: Sequence[CountryMention], known: set[str], notes: Notes,
                           article_id: str, sentence_no: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(position, code) of states and of organisations; ambiguous names resolved from `known`."""
    states, orgs = [], []
    for m in mentions:
        codes = m.codes
        if m.ambiguous:
            resolved = [c for c in codes if c in known]
            if len(resolved) == 1:
                codes = tuple(resolved)
            else:
                notes.add("ambiguous_country", article_id, sentence_no, m.surface,
                          f"candidates {';'.join(m.codes)}; not resolved from context")
                continue
        code = codes[0]
        (orgs if code in organisation_members() else states).append((m.start, code))
    return states, orgs


def _first_party_order(mention: Mention) -> list[str]:
    """A mention's parties, the first-named (the subject) first."""
    return list(mention.subject_order or mention.countries)


def _choose_type(hits: dict[str, list[tuple[int, int]]], n_states: int) -> str:
    """The contact type by priority; a summit or conference needs three parties or more."""
    for t in TYPE_ORDER:
        if hits.get(t) and not (t == "summit" and n_states < 3):
            return t
    return ""


def _resolve_role_phrases(text: str, rules: LanguageRules, states: list[tuple[int, str]],
                          actor_states: list[tuple[int, str, str]], actors: Sequence, country_mentions: Sequence,
                          context: ArticleContext, sentence_no: int, notes: Notes) -> list[str]:
    """Participants: the named actors plus the holders of role phrases ("the Malian foreign minister")
    on the article's date. A person named after a title who is not in the registry is noted (and
    remembered for the article when the title carries the country)."""
    reg = registry()
    published = context.published
    participants = [aid for _, _, aid in actor_states]
    known_spans = [(a.start, a.end) for a in actors] + [(c.start, c.end) for c in country_mentions]
    for role, regex in rules.roles.items():
        for m in regex.finditer(text):
            # "Deputy Defence Minister", "vice-ministre": the country counts, the holder does not.
            window = text[max(0, m.start() - 30): m.start()]
            deputy = rules.deputy_before.search(window) if rules.deputy_before else None
            title_start = m.start() - len(window) + deputy.start() if deputy else m.start()
            name = _NAME_AFTER_ROLE.match(text, m.end())
            country_after = None
            if not name:  # "the minister of foreign affairs of Portugal, João Gomes Cravinho"
                country_after = next((c for c in country_mentions if 0 <= c.start - m.end() <= 6 and not c.ambiguous),
                                     None)
                name = _NAME_AFTER_ROLE.match(text, country_after.end) if country_after else None
            if name and not any(s < name.end(1) and name.start(1) < e for s, e in known_spans) and \
                    name.group(1).split()[0].lower() not in _NOT_NAMES:
                near = [code for pos, code in states if abs(pos - m.start()) <= ROLE_COUNTRY_WINDOW]
                notes.add("unmapped_name", context.article_id, sentence_no, name.group(1),
                          f"after role phrase '{m.group(0)}'; country {';'.join(sorted(set(near))) or 'unknown'}")
                # Remember the person for later sentences only when the title carries the country
                # ("Malian Foreign Minister X", "le ministre ivoirien de la Défense X", "the minister of
                # Portugal, X"), not when a country merely stands nearby ("Premier X received Kenya's ...").
                attached = country_after or next((c for c in country_mentions if not c.ambiguous and (
                    title_start - 4 <= c.end <= title_start or title_start <= c.start < m.end())), None)
                if attached:
                    context.introduce(name.group(1), attached.codes[0])
                continue  # the person named is not the registry's holder
            if role == "counterpart" or deputy:
                continue
            near = [code for pos, code in states if abs(pos - m.start()) <= ROLE_COUNTRY_WINDOW]
            if not near:
                continue
            country = min(((abs(pos - m.start()), code) for pos, code in states if code in near))[1]
            if any(reg.country_of(aid, published) == country for aid in participants):
                continue
            holders = reg.holders(country, role, published) if published else []
            if len(holders) == 1:
                participants.append(holders[0])
    return participants


def _drop_venues(text: str, rules: LanguageRules, states: list[tuple[int, str]],
                 actor_states: list[tuple[int, str, str]], country_mentions: Sequence, context: ArticleContext,
                 sentence_no: int, notes: Notes) -> list[tuple[int, str]]:
    """States without venues: "Gabriel met Kenya's foreign minister in Brussels": a capital after "in"
    is where two other parties met, not a party (alone with one party it is the host: "arrived in
    Beijing")."""
    venues = {c.start: c.surface for c in country_mentions if c.alias_type in ("capital", "capital_cldr")
              and rules.venue_before and rules.venue_before.search(text[max(0, c.start - 12): c.start])}
    others = {code for pos, code in states if pos not in venues} | {code for _, code, _ in actor_states}
    if venues and len(others) >= 2:
        for pos, code in states:
            if pos in venues and code not in others:
                notes.add("venue", context.article_id, sentence_no, venues[pos],
                          f"{code}: where {';'.join(sorted(others))} met, not a party")
        return [(pos, code) for pos, code in states if pos not in venues or code in others]
    return states


def _date_from_context(text: str, rules: LanguageRules, ordered: Sequence[str], status: str,
                       context: ArticleContext, sentence_no: int) -> tuple[ResolvedDate, str]:
    """A date for a sentence without its own date phrase: "the previous day"/"the same day" against the
    article's lead contact; none when the contact came earlier or is a separate item; else the date of
    an earlier mention of the same parties and status, or of the previous sentence's contact."""
    previous = context.mentions[-1] if context.mentions else None
    date_raw = ""
    if rules.previous_day and (m := rules.previous_day.search(text)):
        date_raw = m.group(0)
        anchor = context.lead
        resolved = shift_days(dt.date.fromisoformat(anchor.date) if anchor and anchor.date_precision == "day" else None,
                              -1, f"'{date_raw}': a day before the article's lead contact")
    elif rules.same_day and (m := rules.same_day.search(text)):
        date_raw = m.group(0)
        anchor = context.lead
        if anchor and anchor.date:
            resolved = ResolvedDate(anchor.date, anchor.date_precision,
                                    f"'{date_raw}': the day of the article's lead contact")
        else:
            resolved = ResolvedDate("", "unknown", f"'{date_raw}': lead contact undated")
    elif rules.earlier and previous is not None and (m := rules.earlier.search(text)):
        date_raw = m.group(0)
        resolved = ResolvedDate("", "unknown", f"'{date_raw}': before mention {previous.mention_id}, date not given")
    elif rules.topic_shift and previous is not None and (m := rules.topic_shift.search(text)):
        date_raw = m.group(0)
        resolved = ResolvedDate("", "unknown", f"'{date_raw}': a separate item, date not given")
    else:
        same = [m for m in context.mentions if set(m.countries) == set(ordered) and m.status == status]
        # A planned contact's date is not carried to an occurred one (or back).
        recent = [m for m in context.mentions if sentence_no - m.sentence_no <= CARRY_SENTENCES and m.status == status]
        if same:
            resolved = ResolvedDate(same[-1].date, same[-1].date_precision,
                                    f"same parties as mention {same[-1].mention_id}")
            date_raw = same[-1].date_raw
        elif recent:
            resolved = ResolvedDate(recent[-1].date, recent[-1].date_precision,
                                    f"carried from mention {recent[-1].mention_id} (previous sentence)")
            date_raw = recent[-1].date_raw
        else:
            resolved = ResolvedDate("", "unknown", "no date in the sentence or its context")
    return resolved, date_raw


def analyse_segment(text: str, offset: int, language: str, context: ArticleContext, sentence_no: int,
                    notes: Notes, forced_date: ResolvedDate | None = None,
                    inherited_type: str = "", forced_raw: str = "",
                    main_clause: Sequence[Mention] = ()) -> list[Mention]:
    """Mentions in one sentence (or one clause of it). `main_clause`: the mentions of the clause this
    one depends on ("... said X after talks with Y"): its subject is this clause's subject too."""
    rules = language_rules(language)
    published = context.published
    hits = {t: [(m.start(), m.end()) for m in r.finditer(text)] for t, r in rules.triggers.items()}
    if not any(hits.values()):
        return []
    continuation = _spans(rules.markers["continuation"], text)
    similar = _spans(rules.markers["similar"], text)
    live = {t: [h for h in spans if not _inside(h, continuation)] for t, spans in hits.items()}
    side = _spans(rules.relative_clause, text)
    in_claim = {t: [h for h in spans if not _inside(h, side)] for t, spans in live.items()}
    if any(in_claim.values()):
        live = in_claim  # "X, who has visited Y several times, also met Z": the claim is the meeting
    # A side remark (", who has visited the region several times since 2023,") does not deny the
    # sentence's contact or make it habitual.
    claim = rules.relative_clause.sub(",", text) if rules.relative_clause else text
    if rules.markers["negation"] and rules.markers["negation"].search(claim):
        notes.add("rejected_negated", context.article_id, sentence_no, text[:160], "denied or cancelled contact")
        return []
    if rules.markers["habitual"] and rules.markers["habitual"].search(claim):
        notes.add("rejected_habitual", context.article_id, sentence_no, text[:160], "habitual/background statement")
        return []
    if not any(live.values()):
        if context.mentions:
            return []  # only references to a contact already reported
        live = hits  # nothing to refer back to: the reference is the report

    country_mentions = country_matcher(language).find(text)
    # A word that reads as a country ("Malian") is not a person whose name resembles it (Maleiane).
    actors = [a for a in actor_matcher().find(text)
              if not any(c.start <= a.start and a.end <= c.end for c in country_mentions)]
    # ...and a country word inside a person's name ("Luís Montenegro") is not a country.
    country_mentions = [c for c in country_mentions
                        if not any(a.start <= c.start and c.end <= a.end and a.end - a.start > c.end - c.start
                                   for a in actors)]
    reg = registry()
    actor_states: list[tuple[int, str, str]] = []
    for a in actors:
        candidates = list(a.actor_ids)
        if len(candidates) > 1:
            active = [c for c in candidates if reg.roles_of(c, published)]
            candidates = active if len(active) == 1 else candidates
        if len(candidates) != 1:
            notes.add("ambiguous_actor", context.article_id, sentence_no, a.surface, ";".join(a.actor_ids))
            continue
        country = reg.country_of(candidates[0], published)
        if country:
            actor_states.append((a.start, country, candidates[0]))
    known = {c for _, c, _ in actor_states} | {c for m in context.mentions for c in m.countries}
    if rules.topic_before_country:
        topical = [c for c in country_mentions
                   if rules.topic_before_country.search(text[max(0, c.start - 60): c.start])]
        for c in topical:
            notes.add("topic_country", context.article_id, sentence_no, c.surface,
                      f"'{text[max(0, c.start - 30): c.end]}': a subject of the talks, not a party")
        country_mentions = [c for c in country_mentions if c not in topical]
    states, orgs = _states_from_countries(country_mentions, known, notes, context.article_id, sentence_no)
    taken = [(a.start, a.end) for a in actors] + [(c.start, c.end) for c in country_mentions]
    for start, end, country, name in context.introduced_in(text):
        if not any(s < end and start < e for s, e in taken):
            states.append((start, country))
            if text[start:end] != name:
                notes.add("introduced_name", context.article_id, sentence_no, text[start:end],
                          f"{country}: introduced earlier in the article as '{name}'")
    for position, code in orgs:
        states += [(position, member) for member in organisation_members()[code]]
    participants = _resolve_role_phrases(text, rules, states, actor_states, actors, country_mentions, context,
                                         sentence_no, notes)

    states = _drop_venues(text, rules, states, actor_states, country_mentions, context, sentence_no, notes)
    all_states = [(p, c) for p, c in states] + [(p, c) for p, c, _ in actor_states]
    ordered: list[str] = []
    for _, code in sorted(all_states):
        if code not in ordered:
            ordered.append(code)
    anaphora = rules.markers["anaphora_pair"].search(text) if rules.markers["anaphora_pair"] else None
    previous = context.mentions[-1] if context.mentions else None
    if anaphora and previous is not None and len({c for _, c, _ in actor_states}) < 2:
        ordered = list(previous.countries)
        participants = list(dict.fromkeys([*previous.actor_ids, *participants]))
    pronoun = rules.markers["subject_pronoun"]
    starts_with_pronoun = bool(pronoun and pronoun.match(text.lstrip()))
    if len(ordered) == 1 and previous is not None and sentence_no - context.last_contact_sentence <= 1 and \
            (starts_with_pronoun or similar or (rules.markers["group_subject"] and
                                                rules.markers["group_subject"].search(text))):
        lead_party = next((c for c in _first_party_order(previous) if c not in ordered), "")
        if lead_party:
            ordered = [lead_party, *ordered]
            notes.add("pronoun_resolved", context.article_id, sentence_no, text[:160],
                      f"subject taken from mention {previous.mention_id}: {lead_party}")
    if len(ordered) == 1 and main_clause:
        lead_party = next((c for c in _first_party_order(main_clause[0]) if c not in ordered), "")
        if lead_party:
            ordered = [lead_party, *ordered]
    if len(ordered) < 2 and orgs:
        ordered += [c for _, c in orgs if not organisation_members()[c] and c not in ordered]
    if len(ordered) < 2:
        if len(ordered) == 1:
            notes.add("single_party", context.article_id, sentence_no, text[:160],
                      f"contact words but one party ({ordered[0]})")
        return []

    ctype = _choose_type(live, len(ordered))
    if not ctype:
        notes.add("rejected_summit_two_parties", context.article_id, sentence_no, text[:160],
                  "summit/conference words with fewer than three parties: a background reference")
        return []
    trigger_span = live[ctype][0] if live.get(ctype) else next(s for t in TYPE_ORDER for s in live.get(t, []))
    expressions = find_date_expressions(text, rules)
    if ctype == "talks" and anaphora and previous is not None and sentence_no - previous.sentence_no <= 1 and \
            set(ordered) == set(previous.countries) and not expressions:
        # "The two sides discussed Gaza": what the contact just reported was about, not a new contact.
        notes.add("elaboration", context.article_id, sentence_no, text[:160],
                  f"discussion by the parties of mention {previous.mention_id}, no new date or contact type")
        context.last_contact_sentence = sentence_no
        return []
    if ctype == "talks":
        if inherited_type:
            ctype = inherited_type
        elif (similar and previous is not None) or (previous is not None and previous.type != "other" and \
                sentence_no - previous.sentence_no <= 3):
            ctype = previous.type
        else:
            ctype = "other"
    planned_regex = rules.markers["planned"]
    window = text[max(0, trigger_span[0] - PLANNED_WINDOW_BEFORE): trigger_span[1] + PLANNED_WINDOW_AFTER]
    status = "planned" if planned_regex and planned_regex.search(window) else "occurred"

    # Date.
    # With several contact words ("went to Tillabéri on Thursday before receiving the Russian ambassador
    # on Friday"), the date belongs to the one nearest the last party named.
    date_anchor = trigger_span
    party_positions = [pos for pos, _ in states] + [pos for pos, _, _ in actor_states]
    all_triggers = [span for spans in live.values() for span in spans]
    if party_positions and len(all_triggers) > 1:
        date_anchor = min(all_triggers, key=lambda span: abs(span[0] - max(party_positions)))
    own = min(expressions, key=lambda e: abs(e.start - date_anchor[0])) if expressions else None
    date_raw = own.raw if own else ""
    if status == "occurred" and own is not None and own.kind == "month" and published is not None and \
            1 <= (own.value - published.month) % 12 <= UPCOMING_MONTHS:
        around = text[max(0, own.start - 25): own.end + 25]
        if not (rules.past_markers and rules.past_markers.search(around)):
            status = "planned"  # "reist im Oktober": a month just ahead, not marked as past, is upcoming
            notes.add("planned_by_month", context.article_id, sentence_no, text[:160],
                      f"'{own.raw}' is {(own.value - published.month) % 12} month(s) after publication")
    if forced_date is not None:
        resolved, date_raw = forced_date, forced_raw
    elif own is not None:
        resolved = resolve_expression(own, published, status)
    else:
        resolved, date_raw = _date_from_context(text, rules, ordered, status, context, sentence_no)
    topics = tuple(sorted(t for t, r in rules.topics.items() if r.search(text)))

    def make(countries: Sequence[str], actor_ids: Sequence[str], index: int, date: ResolvedDate,
             contact_type: str = "") -> Mention:
        ids = tuple(sorted(set(actor_ids)))
        return Mention(
            article_id=context.article_id, sentence_no=sentence_no, start=offset, end=offset + len(text),
            sentence=text, language=language, type=contact_type or ctype, status=status,
            countries=tuple(sorted(set(countries))),
            participants=tuple(sorted(reg.actors[a].name for a in ids)), actor_ids=ids,
            date=date.value, date_precision=date.precision, date_raw=date_raw,
            date_basis=date.rule, topics=topics, trigger=text[trigger_span[0]: trigger_span[1]],
            has_own_date=own is not None, index=index, subject_order=tuple(c for c in ordered if c in countries))

    anchor = ""
    if ctype in ("phone_call", "message") and len(ordered) > 2:
        anchor = ordered[0]
    elif ctype == "visit" and len(ordered) > 2 and actor_states:
        anchor = min(actor_states)[1]  # the first person named travels (or hosts): one bilateral visit per country
    if not anchor:
        return [make(ordered, participants, 0, resolved)]
    met = {c for _, c, _ in actor_states}
    positions = {code: pos for pos, code in sorted(states + [(p, c) for p, c, _ in actor_states], reverse=True)}
    others = [c for c in ordered if c != anchor]
    # "held talks by video link with Egypt's minister, and later met Tanzania's": each contact word
    # belongs to the party nearest it, and each leg takes the most specific of its words.
    leg_words: dict[str, list[str]] = {c: [] for c in others}
    for t, spans in live.items():
        for span in spans:
            if t != "talks":
                nearest = min(others, key=lambda c: abs(span[0] - positions.get(c, 0)))
                leg_words[nearest].append(t)
    legs = []
    for k, other in enumerate(others):
        leg_type = next((t for t in TYPE_ORDER if t in leg_words[other]), ctype)
        leg_date = resolved
        if ctype == "visit" and resolved.precision == "day" and len(met) > 1 and other not in met:
            # "met Faye in Dakar on Wednesday, on a tour that also took him to Mauritania": the day is the
            # leg with the counterpart named, not the other stops.
            leg_date = ResolvedDate("", "unknown",
                                    f"another stop of the tour; '{date_raw}' is the day of a named meeting")
        legs.append(make([anchor, other], [a for a in participants if reg.country_of(a, published) in (anchor, other)],
                         k, leg_date, leg_type))
    return legs


def _with_clause(found: list[Mention], sub: list[Mention]) -> list[Mention]:
    """A sentence's mentions followed by those of its subordinate clause, numbered on."""
    for k, mention in enumerate(sub, start=len(found)):
        mention.index = k
    return [*found, *sub]


def extract_article(article_id: str, sentences: Sequence[tuple[int, int, str, str]], published: dt.date | None,
                    notes: Notes, supported: Sequence[str]) -> list[Mention]:
    """Mentions of one article. `sentences`: (sentence_no, start, text, language) in order."""
    context = ArticleContext(article_id, published)
    for sentence_no, start, text, language in sentences:
        if language not in supported:
            continue
        rules = language_rules(language)
        split = rules.day_after_clause.search(text) if rules.day_after_clause else None
        if split and split.start() > 0:
            main = analyse_segment(text[: split.start()], start, language, context, sentence_no, notes)
            found = list(main)
            sub_date = None
            if main:
                anchor = main[0]
                sub_date = (shift_days(dt.date.fromisoformat(anchor.date), -1,
                                       f"'{split.group(0)}': a day before {anchor.mention_id}")
                            if anchor.date_precision == "day" else
                            ResolvedDate("", "unknown", f"'{split.group(0)}': {anchor.mention_id} has no day"))
            sub = analyse_segment(text[split.start():], start + split.start(), language, context, sentence_no,
                                  notes, forced_date=sub_date, inherited_type=main[0].type if main else "",
                                  forced_raw=split.group(0))
            found = _with_clause(found, sub)
        elif (after := rules.after_contact_clause.search(text) if rules.after_contact_clause else None) \
                and after.start() > 0:
            # "Ruto will visit Bulgaria in October, the minister said after talks with her Kenyan colleague":
            # the planned visit, and the talks the minister had.
            found = analyse_segment(text[: after.start()], start, language, context, sentence_no, notes)
            sub = analyse_segment(text[after.start():], start + after.start(), language, context, sentence_no,
                                  notes, main_clause=found)
            found = _with_clause(found, sub)
        else:
            found = analyse_segment(text, start, language, context, sentence_no, notes)
        for mention in found:
            mention.sentence, mention.start, mention.end = text, start, start + len(text)
            context.mentions.append(mention)
            if context.lead is None and mention.has_own_date:
                context.lead = mention
        if found and context.lead is None:
            context.lead = found[0]
        anaphora = rules.markers["anaphora_pair"]
        if found or (anaphora and anaphora.search(text) and sentence_no - context.last_contact_sentence <= 1):
            # A contact, or "the two leaders also witnessed...": the story of the last contact goes on.
            context.last_contact_sentence = sentence_no
    return context.mentions


@cache
def _language_available(language: str) -> bool:
    try:
        return load_lexicon(language).contact is not None
    except FileNotFoundError:
        return False


def supported_languages(languages: Sequence[str]) -> list[str]:
    return [lang for lang in languages if _language_available(lang)]



MENTION_COLUMNS = ["mention_id", "article_id", "sentence_no", "start", "end", "sentence", "language", "type",
                   "status", "countries", "participants", "actor_ids", "date", "date_precision", "date_raw",
                   "date_basis", "topics", "trigger"]


def mention_record(m: Mention) -> dict:
    return {
        "mention_id": m.mention_id, "article_id": m.article_id, "sentence_no": m.sentence_no, "start": m.start,
        "end": m.end, "sentence": m.sentence, "language": m.language, "type": m.type, "status": m.status,
        "countries": ";".join(m.countries), "participants": ";".join(m.participants),
        "actor_ids": ";".join(m.actor_ids), "date": m.date, "date_precision": m.date_precision,
        "date_raw": m.date_raw, "date_basis": m.date_basis, "topics": ";".join(m.topics), "trigger": m.trigger,
    }


def extract_mentions(articles, sentences, languages: Sequence[str]) -> tuple[list[dict], list[dict]]:
    """Mentions and extraction notes for every ok article (articles/sentences are the stage's tables)."""
    notes = Notes()
    supported = supported_languages(languages)
    records: list[dict] = []
    by_article = {aid: group for aid, group in sentences.groupby("article_id", sort=True)}
    for row in articles.itertuples():
        if row.status != "ok" or row.article_id not in by_article:
            continue
        published = dt.date.fromisoformat(row.published_date) if row.published_date else None
        group = by_article[row.article_id].sort_values("sentence_no")
        items = [(int(s.sentence_no), int(s.start), s.text, s.language) for s in group.itertuples()]
        records += [mention_record(m) for m in extract_article(row.article_id, items, published, notes, supported)]
    return records, notes.rows


@dataclass
class MentionsStage:
    mentions: object  # pandas.DataFrame, schema helpers.schemas.MENTIONS
    notes: object  # pandas.DataFrame, schema helpers.schemas.EXTRACTION_NOTES
    n_sentences: int
    seconds: float


def build_mentions(articles_stage, languages: Sequence[str]) -> MentionsStage:
    """Run the extraction stage on the articles stage's tables (pure: writes nothing)."""
    import time

    import pandas as pd

    from helpers import schemas

    started = time.perf_counter()
    records, notes = extract_mentions(articles_stage.articles, articles_stage.sentences, languages)
    mentions = pd.DataFrame(records, columns=MENTION_COLUMNS)
    for column in ("sentence_no", "start", "end"):
        mentions[column] = mentions[column].astype("int64")
    mentions = schemas.MENTIONS.validate(mentions.sort_values(["article_id", "sentence_no", "mention_id"],
                                                              kind="stable").reset_index(drop=True))
    notes_frame = pd.DataFrame(notes, columns=list(schemas.EXTRACTION_NOTES.columns))
    notes_frame["sentence_no"] = notes_frame["sentence_no"].astype("int64")
    notes_frame = schemas.EXTRACTION_NOTES.validate(notes_frame)
    return MentionsStage(mentions, notes_frame, len(articles_stage.sentences), time.perf_counter() - started)


def unused_aliases(mentions) -> list[dict]:
    """Curated actors and countries that no mention of the corpus used (their aliases may be stale)."""
    import csv

    from helpers.paths import REFERENCE_DIR

    used_actors = {a for cell in mentions["actor_ids"] for a in cell.split(";") if a}
    used_countries = {c for cell in mentions["countries"] for c in cell.split(";") if c}
    rows = [{"kind": "actor", "id": a.actor_id, "aliases": ";".join((a.name, *a.aliases))}
            for a in registry().actors.values() if a.actor_id not in used_actors]
    with (REFERENCE_DIR / "country_aliases.csv").open(encoding="utf-8") as fh:
        curated: dict[str, list[str]] = {}
        for row in csv.DictReader(fh):
            curated.setdefault(row["iso3"], []).append(f"{row['lang']}:{row['alias']}")
    rows += [{"kind": "country", "id": code, "aliases": ";".join(aliases)}
             for code, aliases in sorted(curated.items()) if code not in used_countries]
    return rows


def write_mentions(stage: MentionsStage, out_dir) -> None:
    """Write OUT/tables/mentions.csv/.parquet, extraction_notes.csv and unused_aliases.csv."""
    import pandas as pd

    from helpers.articles import write_table
    from helpers.paths import resolve

    tables = resolve(out_dir) / "tables"
    write_table(stage.mentions, tables, "mentions")
    write_table(stage.notes, tables, "extraction_notes", parquet=False)
    unused = pd.DataFrame(unused_aliases(stage.mentions), columns=["kind", "id", "aliases"])
    write_table(unused, tables, "unused_aliases", parquet=False)


def mentions_overview(mentions):
    """The mentions table's columns an analyst reads first."""
    return mentions[["mention_id", "language", "type", "status", "countries", "participants", "date",
                     "date_precision", "date_raw", "topics", "sentence"]]


def notes_summary(notes):
    """Extraction notes counted by kind, with one example each."""
    import pandas as pd

    if notes.empty:
        return pd.DataFrame(columns=["kind", "n", "example"])
    return (notes.groupby("kind", as_index=False)
            .agg(n=("surface", "size"), example=("surface", "first"))
            .sort_values(["n", "kind"], ascending=[False, True]).reset_index(drop=True))
