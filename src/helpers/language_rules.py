"""Language rules: one language's lexicon (data/reference/lang/<code>.yaml) compiled into the
patterns the extraction passes use: contact triggers by type, status and reference markers, role
titles, topics, date words and the phrases that anchor a date to another contact.

Every pattern matches from a word start, after an optional clitic prefix of the language (Arabic
و، ب، ل...), case-insensitively. Compiled once per language (cached).

Known limits: the patterns are regular expressions over surface forms; inflected forms a
lexicon does not list are not matched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from helpers.dates import full_month_names, weekday_names
from helpers.lexicon import load_lexicon
from helpers.textlines import literal_alternation

# Contact types by priority: the first found in a sentence types it; `talks` is a generic contact
# whose type comes from context.
TYPE_ORDER = ("phone_call", "message", "summit", "visit", "credentials", "meeting", "congratulation", "signing",
              "talks")
GENERIC = ("signing", "talks")
# The contact lexicon's marker lists, compiled like the triggers (see helpers.lexicon.ContactLexicon).
MARKER_KEYS = ("planned", "invitation", "bilateral", "between", "negation", "negated_topic", "habitual",
               "anaphora_pair", "continuation", "similar", "subject_pronoun", "group_subject", "participation",
               "media_interview", "intention", "topic_verbs", "tour", "business_nouns")
# Letters news text writes in more than one way, each with what it matches and the one letter it
# folds to: apostrophes ("s’est entretenu"); Romanian s/t with comma below or cedilla, and Romanian
# web text without diacritics ("intalniri" for "întâlniri"); in Arabic, final yā' and alif maqṣūra
# (Egyptian press writes "اليابانى", "فى" for "الياباني", "في"), and alif with or without hamza.
_VARIANT_GROUPS = (
    ("'’ʼ", "'’ʼ", "'"),
    ("ăâ", "ăâa", "a"), ("î", "îi", "i"), ("șş", "șşs", "s"), ("țţ", "țţt", "t"),
    ("يى", "يى", "ي"), ("اأإآ", "اأإآ", "ا"),
)
SPELLING_VARIANTS = {ch: matches for letters, matches, _ in _VARIANT_GROUPS for ch in letters}


def spelling_variants(pattern: str) -> str:
    """`pattern` with every letter of SPELLING_VARIANTS matching its variants, inside a character
    class or out (escapes left alone)."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        elif ch in SPELLING_VARIANTS:
            variants = SPELLING_VARIANTS[ch]
            out.append(variants if in_class else f"[{variants}]")
            continue
        out.append(ch)
    return "".join(out)


def fold_spelling(text: str) -> str:
    """One spelling of the letters SPELLING_VARIANTS levels (same length: offsets are kept)."""
    return text.translate(_FOLD_SPELLING)


_FOLD_SPELLING = str.maketrans({ch: folded for letters, _, folded in _VARIANT_GROUPS for ch in letters})


def alternation(patterns: Sequence[str], prefixes: Sequence[str] = (), tail: str = "") -> re.Pattern[str] | None:
    """Any of `patterns` from a word start (after an optional clitic prefix), then `tail`; None if empty."""
    if not patterns:
        return None
    prefix = "(?:" + "|".join(re.escape(p) for p in prefixes) + ")?" if prefixes else ""
    body = spelling_variants("|".join(f"(?:{p})" for p in patterns))
    return re.compile(rf"(?<!\w){prefix}(?:{body}){tail}", re.IGNORECASE)


def literals(words: Sequence[str]) -> list[str]:
    """Plain words as one pattern (longest first), for `alternation`."""
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
    relative_weeks: dict[str, int]
    date_regex: re.Pattern[str]
    previous_day: re.Pattern[str] | None
    same_day: re.Pattern[str] | None
    day_after_clause: re.Pattern[str] | None
    ambiguous_months: frozenset[str]
    prepositions: tuple[str, ...]
    past_markers: re.Pattern[str] | None
    earlier: re.Pattern[str] | None
    background: re.Pattern[str] | None
    years_ago: re.Pattern[str] | None
    months_ago: re.Pattern[str] | None
    number_words: dict[str, int]
    topic_shift: re.Pattern[str] | None
    topic_before_country: re.Pattern[str] | None
    topic_after_country: re.Pattern[str] | None
    relative_clause: re.Pattern[str] | None
    clause_break: re.Pattern[str] | None
    deputy_before: re.Pattern[str] | None
    venue_before: re.Pattern[str] | None
    posting_before: re.Pattern[str] | None
    capital_word: re.Pattern[str] | None
    after_contact_clause: re.Pattern[str] | None
    year: re.Pattern[str] | None
    vague: re.Pattern[str] | None


def _with_folded(table: dict[str, int]) -> dict[str, int]:
    """A word table that also holds each word in its folded spelling ("marti" for "marți",
    "الاربعاء" for "الأربعاء"): date words are looked up as written."""
    return {**{fold_spelling(k): v for k, v in table.items()}, **table}


@cache
def language_rules(language: str) -> LanguageRules:
    lexicon = load_lexicon(language)
    if lexicon.contact is None or lexicon.dates is None:
        raise ValueError(f"lexicon {language!r} has no contact/dates sections")
    prefixes = lexicon.inflection.prefixes
    contact = lexicon.contact
    triggers = {t: alternation(getattr(contact, t), prefixes) for t in TYPE_ORDER}
    markers = {m: alternation(getattr(contact, m), prefixes) for m in MARKER_KEYS}
    dates = lexicon.dates
    weekdays = _with_folded({**weekday_names(language), **{k.lower(): v for k, v in dates.weekdays_extra.items()}})
    months = _with_folded({**{k.lower(): v for k, v in dates.months_extra.items()}, **full_month_names(language)})
    relative = {name: _with_folded({k.lower(): v for k, v in getattr(dates, name).items()})
                for name in ("relative_days", "relative_months", "relative_years", "relative_weeks")}
    words = [*weekdays, *months, *[w for table in relative.values() for w in table]]
    date_regex = re.compile(rf"(?<!\w)(?:{literal_alternation(words)})(?!\w)", re.IGNORECASE)
    return LanguageRules(
        language=language,
        triggers={t: r for t, r in triggers.items() if r is not None},
        markers=markers,
        roles={r: alternation(p, prefixes) for r, p in lexicon.roles.items() if p and r != "deputy"},
        deputy_before=alternation(lexicon.roles.get("deputy", []), tail=r"[\s-]*$"),
        topics={t: alternation(p, prefixes) for t, p in lexicon.topics.items() if p},
        weekdays=weekdays,
        months=months,
        **relative,
        date_regex=date_regex,
        previous_day=alternation(dates.previous_day),
        same_day=alternation(dates.same_day),
        day_after_clause=alternation(dates.day_after_clause),
        ambiguous_months=frozenset(m.lower() for m in dates.ambiguous_months),
        prepositions=tuple(p.lower() for p in dates.prepositions),
        past_markers=alternation(dates.past_markers),
        earlier=alternation(dates.earlier),
        background=alternation(dates.background),
        years_ago=alternation(dates.years_ago),
        months_ago=alternation(dates.months_ago),
        number_words={k.lower(): v for k, v in dates.number_words.items()},
        topic_shift=alternation(dates.topic_shift),
        relative_clause=re.compile(rf"[,،]\s*(?:{'|'.join(contact.relative_clause)})\b[^,،.;]{{0,160}}[,،]",
                                   re.IGNORECASE) if contact.relative_clause else None,
        after_contact_clause=alternation(contact.after_contact_clause),
        clause_break=re.compile(rf"(?:;|[,،]\s*(?:{literal_alternation(contact.clause_openers)})\b)", re.IGNORECASE)
        if contact.clause_openers else None,
        venue_before=alternation(literals(contact.venue_before), tail=r"\s*$"),
        posting_before=re.compile(rf"[\s,]*(?:{'|'.join(contact.posting_before)})\s*(?:the\s+|l[ae]\s+|l['’])?",
                                  re.IGNORECASE) if contact.posting_before else None,
        capital_word=alternation(contact.capital_words, prefixes),
        topic_before_country=alternation(contact.topic_before_country, tail=r"\s*$"),
        topic_after_country=re.compile("|".join(f"(?:{p})" for p in contact.topic_after_country), re.IGNORECASE)
        if contact.topic_after_country else None,
        year=alternation(literals(dates.year_prefixes), tail=r"\s+((?:19|20)\d{2})(?!\d)"),
        vague=alternation(dates.vague),
    )
