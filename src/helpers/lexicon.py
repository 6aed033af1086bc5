"""Per-language lexicons: reference data in `data/reference/lang/<code>.yaml`, loaded and validated.

Each supported language has one file; adding a language is adding a file (and tests), not
code. A file holds the language's sentence abbreviations, header/byline labels, boilerplate
line patterns and agency-credit phrases. Every entry carries a `source` (or inherits the
file's). `data/reference/boilerplate_common.yaml` holds language-independent line patterns.

Known limits: patterns are regular expressions matched against whole stripped lines
(case-insensitive); they are only as good as the layouts they were written from.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from helpers import SUPPORTED_LANGUAGES
from helpers.paths import LEXICON_DIR, REFERENCE_DIR

BoilerplateCategory = Literal[
    "advertisement",
    "bank_details",
    "comment_prompt",
    "cookie_notice",
    "copyright",
    "donation",
    "navigation",
    "newsletter",
    "photo_caption",
    "photo_credit",
    "promo",
    "published_label",
    "read_also",
    "read_full",
    "related",
    "scroll_to_top",
    "section_label",
    "share_widget",
    "social_follow",
    "trending",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BoilerplateRule(_Frozen):
    """One line pattern: a line whose stripped text fully matches `pattern` is boilerplate."""

    id: str
    category: BoilerplateCategory
    pattern: str
    source: str | None = None
    note: str | None = None

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        re.compile(value, re.IGNORECASE)
        return value


class HeaderLabels(_Frozen):
    """Words that introduce an author or a publication date in a page header or byline."""

    author_labels: list[str] = Field(default_factory=list)
    published_labels: list[str] = Field(default_factory=list)


class CreditPhrases(_Frozen):
    """Phrases that credit an agency or outlet as a story's origin.

    `before` phrases precede the agency ("according to Reuters"), `after` phrases follow it
    ("Reuters reported").
    """

    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)


class Inflection(_Frozen):
    """How names and adjectives change form in a language, for matching.

    A name matches followed by one of `noun_suffixes` (also after dropping one of `strip_final`
    from its end: ru Россия -> России); an adjective stem matches followed by one of
    `adjective_suffixes` (bg руск- -> руски, руската); any match may carry one of `prefixes`
    (Arabic clitics: و, ب, ل, ال...).
    """

    strip_final: list[str] = Field(default_factory=list)
    noun_suffixes: list[str] = Field(default_factory=lambda: [""])
    adjective_suffixes: list[str] = Field(default_factory=lambda: [""])
    prefixes: list[str] = Field(default_factory=list)
    # A name's leading article merging with a prefix: [article, merged] (ar ["ال", "لل"]: الصين -> للصين)
    merged_article: list[str] = Field(default_factory=list)
    # Country names that are also common words when not capitalised (ru/bg "того" = "of that": Togo).
    capitalised_only: list[str] = Field(default_factory=list)
    # Names that with a prefix are also a common word (ar "المالي": "the financial" or "the Malian"):
    # with a prefix they count only when the country is already a party of the article.
    ambiguous_with_prefix: list[str] = Field(default_factory=list)


def _check_patterns(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        re.compile(pattern, re.IGNORECASE)
    return patterns


class ContactLexicon(_Frozen):
    """Regular expressions (matched case-insensitively, from a word start) that report contacts.

    Types: `phone_call`, `message`, `visit`, `summit`, `meeting`; `talks` is a generic
    "spoke/discussed with" whose type comes from context. `planned` marks a future contact,
    `negation` a denied or cancelled one, `habitual` a background statement ("frequently"),
    `anaphora_pair` a reference to the parties of the previous contact ("the two leaders"),
    `continuation` a reference to a contact already reported ("the call"), `similar` a new
    contact of the same kind ("a similar call"), `topic_before_country` the words that make the
    country right after them a subject of the talks, not a party ("the situation in", "peace plan
    for", "урегулирования на").
    """

    phone_call: list[str]
    message: list[str]
    visit: list[str]
    summit: list[str]
    meeting: list[str]
    talks: list[str]
    signing: list[str] = Field(default_factory=list)  # signing an agreement together
    credentials: list[str] = Field(default_factory=list)  # ambassadors presenting credentials
    # "congratulated": part of a call or meeting of the same parties the article reports, else a message
    congratulation: list[str] = Field(default_factory=list)
    planned: list[str]
    invitation: list[str] = Field(default_factory=list)  # "was invited to": a planned visit or summit
    bilateral: list[str] = Field(default_factory=list)  # "bilateral talks with X and Y": one contact each
    between: list[str] = Field(default_factory=list)  # "a meeting between A and B": the parties
    negation: list[str]
    negated_topic: list[str] = Field(default_factory=list)  # "lifting of sanctions": a cancelled subject, no denial
    habitual: list[str]
    anaphora_pair: list[str]
    continuation: list[str]
    similar: list[str]
    subject_pronoun: list[str] = Field(default_factory=list)
    topic_before_country: list[str] = Field(default_factory=list)
    topic_after_country: list[str] = Field(default_factory=list)  # "-Ukraine war": the country before is a topic
    topic_verbs: list[str] = Field(default_factory=list)  # "discussed": what follows is the agenda
    business_nouns: list[str] = Field(default_factory=list)  # "Russian businessmen": not a state party
    group_subject: list[str] = Field(default_factory=list)  # "the delegation": the previous contact's lead party
    relative_clause: list[str] = Field(default_factory=list)  # "who", "qui": opens a comma-delimited side remark
    clause_openers: list[str] = Field(default_factory=list)  # ", and", ", а", ", après": a new clause after a comma
    venue_before: list[str] = Field(default_factory=list)  # "in", "à": a capital after it may be just the venue
    posting_before: list[str] = Field(default_factory=list)  # "ambassador of A to B": B is the posting
    capital_words: list[str] = Field(default_factory=list)  # "capital", "العاصمة": "the Jordanian capital" is a city
    after_contact_clause: list[str] = Field(default_factory=list)  # "after talks with": a second contact
    participation: list[str] = Field(default_factory=list)  # "to attend", "للمشاركة": taking part in a summit
    tour: list[str] = Field(default_factory=list)  # "tour", "турне": one traveller, one visit per country
    media_interview: list[str] = Field(default_factory=list)  # "entretien au journal": an interview, no contact
    intention: list[str] = Field(default_factory=list)  # "readiness to meet", "готовность": not a contact

    @field_validator("*")
    @classmethod
    def _compile(cls, value: list[str]) -> list[str]:
        return _check_patterns(value)


class DateLexicon(_Frozen):
    """Date words CLDR does not give: relative days and months, anchors to another contact."""

    prepositions: list[str]
    relative_days: dict[str, int]
    relative_months: dict[str, int]
    relative_years: dict[str, int] = Field(default_factory=dict)  # "next year": +1, at year precision
    relative_weeks: dict[str, int] = Field(default_factory=dict)  # "last week": -1, a month or year when it fits
    previous_day: list[str]
    same_day: list[str]
    day_after_clause: list[str]
    weekdays_extra: dict[str, int] = Field(default_factory=dict)
    ambiguous_months: list[str] = Field(default_factory=list)  # month names that are also common words
    months_extra: dict[str, int] = Field(default_factory=dict)  # inflected month forms CLDR lacks
    past_markers: list[str] = Field(default_factory=list)  # "last", "dernier": a month named with them is past
    earlier: list[str] = Field(default_factory=list)  # "earlier", "zuvor": before the contact just reported
    background: list[str] = Field(default_factory=list)  # "last met", "por última vez": a past contact in passing
    years_ago: list[str] = Field(default_factory=list)  # "(\d+) years ago": one group, the number
    months_ago: list[str] = Field(default_factory=list)  # "(\d+) months ago"
    number_words: dict[str, int] = Field(default_factory=dict)  # "a", "un", "два": numbers in those phrases
    topic_shift: list[str] = Field(default_factory=list)  # "separately", "par ailleurs": an unrelated item
    year_prefixes: list[str] = Field(default_factory=list)  # "in", "през": "in 2023" is a date at year precision
    vague: list[str] = Field(default_factory=list)  # "last week", "au printemps": a time that is no day, month or year


class MorphologyLexicon(_Frozen):
    """How the language marks a verb as future or conditional, and the lemmas of contact verbs.

    `lemmatiser`: `simplemma` (fr, es, pt, ro, de, bg, en), `pymorphy3` (ru) or `none`.
    `future_suffixes`: endings of a future or conditional form (fr -ront, es -rá, pt -rão) on a verb
    whose lemma ends in one of `infinitive_endings`; `future_form`: a regex a future verb form
    matches as a whole word (ar سيلتقي: `[وف]?س[يتنأ]\\w+`; sw atakutana: subject prefix + ta). The
    grammatical future is read by pymorphy3 for Russian (perfective non-past). `contact_lemmas`:
    lemmas of verbs that report a contact of a type (any inflection of them is a trigger).
    """

    lemmatiser: str = "none"
    future_suffixes: list[str] = Field(default_factory=list)
    infinitive_endings: list[str] = Field(default_factory=list)
    future_form: str = ""
    contact_lemmas: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("future_form")
    @classmethod
    def _compile_form(cls, value: str) -> str:
        return _check_patterns([value])[0] if value else value


ROLE_CODES = ("head_of_state", "head_of_government", "leader", "foreign_minister", "defence_minister", "ambassador",
              "counterpart", "deputy")
TOPIC_CODES = ("security", "counter_terrorism", "military_cooperation", "economy_trade", "energy",
               "agriculture_food", "mining", "humanitarian", "political")


class Lexicon(_Frozen):
    """The validated content of one language file."""

    language: str
    name: str
    source: str
    abbreviations: list[str] = Field(default_factory=list)
    header: HeaderLabels = Field(default_factory=HeaderLabels)
    boilerplate: list[BoilerplateRule] = Field(default_factory=list)
    credit: CreditPhrases = Field(default_factory=CreditPhrases)
    inflection: Inflection = Field(default_factory=Inflection)
    contact: ContactLexicon | None = None
    dates: DateLexicon | None = None
    morphology: MorphologyLexicon = Field(default_factory=MorphologyLexicon)
    roles: dict[str, list[str]] = Field(default_factory=dict)
    topics: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("roles", "topics")
    @classmethod
    def _known_codes(cls, value: dict[str, list[str]], info) -> dict[str, list[str]]:
        allowed = ROLE_CODES if info.field_name == "roles" else TOPIC_CODES
        unknown = set(value) - set(allowed)
        if unknown:
            raise ValueError(f"unknown {info.field_name}: {sorted(unknown)}; allowed: {allowed}")
        for patterns in value.values():
            _check_patterns(patterns)
        return value

    def rules(self) -> list[BoilerplateRule]:
        """Boilerplate rules with the file's source filled in where an entry has none."""
        return [r if r.source else r.model_copy(update={"source": self.source}) for r in self.boilerplate]


class CommonBoilerplate(_Frozen):
    source: str
    boilerplate: list[BoilerplateRule]


def _read_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def load_lexicon(language: str) -> Lexicon:
    """Load and validate one language's lexicon (cached: reference data is read once)."""
    path = LEXICON_DIR / f"{language}.yaml"
    if not path.exists():
        raise FileNotFoundError(f"no lexicon for language {language!r}: expected {path}")
    lexicon = Lexicon.model_validate(_read_yaml(path))
    if lexicon.language != language:
        raise ValueError(f"{path} declares language {lexicon.language!r}, expected {language!r}")
    return lexicon


@cache
def load_common_boilerplate() -> CommonBoilerplate:
    """Load the language-independent boilerplate rules."""
    data = CommonBoilerplate.model_validate(_read_yaml(REFERENCE_DIR / "boilerplate_common.yaml"))
    rules = [r if r.source else r.model_copy(update={"source": data.source}) for r in data.boilerplate]
    return data.model_copy(update={"boilerplate": rules})


def load_lexicons(languages: tuple[str, ...] = SUPPORTED_LANGUAGES) -> dict[str, Lexicon]:
    """Load the lexicons of several languages, keyed by ISO 639-1 code."""
    return {code: load_lexicon(code) for code in languages}
