"""The objects the extraction passes share: a segment under analysis, the article's context, the
mentions found and the notes written.

A `Segment` is one sentence, or one clause of it ("... a day after X", "... after talks with Y").
The passes of `helpers.extract` fill it in order (triggers, parties, subject and counterpart,
type and status, date, legs); a pass that finds the segment reports no contact returns a
`Rejection`, whose `kind` names the rule, and the segment gives no mention. Rejections with a
note kind are listed in `extraction_notes.csv`.

Known limits: the context carries only what earlier sentences of the same article established
(their mentions, the lead contact, people introduced with a title); nothing crosses articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from helpers.actors import TOKEN, ActorMention, fold
from helpers.dates import Published, ResolvedDate
from helpers.entities import CountryMention
from helpers.language_rules import LanguageRules

Span = tuple[int, int]


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

    def party_order(self) -> list[str]:
        """The mention's parties, the first-named (the subject) first."""
        return list(self.subject_order or self.countries)


@dataclass
class Notes:
    """Side findings for the unmapped/ambiguous/rejected report."""

    rows: list[dict] = field(default_factory=list)

    def add(self, kind: str, article_id: str, sentence_no: int, surface: str, detail: str) -> None:
        self.rows.append({"kind": kind, "article_id": article_id, "sentence_no": sentence_no,
                          "surface": surface, "detail": detail})


def _name_like(token: str) -> bool:
    """Capitalised, or in a script without case (Arabic): a token that can be a name."""
    first = token[:1]
    return first.isupper() or first.lower() == first.upper()


@dataclass
class ArticleContext:
    """What earlier sentences of the article established."""

    article_id: str
    published: Published | None
    mentions: list[Mention] = field(default_factory=list)
    lead: Mention | None = None
    # People outside the registry introduced with a title and one country ("the Portuguese foreign
    # minister, João Gomes Cravinho"): folded name tokens (full name, last two, last) -> country.
    introduced: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    last_contact_sentence: int = -10  # the last sentence that reported or elaborated on a contact
    named: list[tuple[int, list[str]]] = field(default_factory=list)  # (sentence_no, states named in it)
    imminent: bool = False  # the lead dates an event just after publication (the article announces it)
    # "X received the credentials of five ambassadors. They are A of Australia, B of Denmark ...": the
    # sentence and the host of a credentials ceremony that named no ambassador's country
    credentials_host: tuple[int, str] | None = None
    credentials_date: object = None  # the ceremony's own date (a dates.ResolvedDate), for those lists

    @property
    def when(self) -> tuple[dt.date, dt.date] | None:
        """The days the article can have been published on (for the registry's dated roles)."""
        return self.published.span if self.published else None

    @property
    def previous(self) -> Mention | None:
        return self.mentions[-1] if self.mentions else None

    def introduce(self, name: str, country: str) -> None:
        tokens = tuple(fold(t) for t in TOKEN.findall(name))
        keys = {tokens, tokens[-2:], tokens[-1:]}
        if len(tokens) == 2 and len(tokens[1]) <= 3:  # "Wang Yi", "Li Qiang": the surname comes first
            keys.add(tokens[:1])
        for key in keys:
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
                if len(key) == n and key in self.introduced and _name_like(spans[i][2]):
                    country, name = self.introduced[key]
                    found.append((spans[i][0], spans[i + n - 1][1], country, name))
                    i += n - 1
                    break
            i += 1
        return found


@dataclass(frozen=True)
class Rejection:
    """Why a segment gives no mention. `kind` is the rule's name; a kind in `NOTED` is written to
    the extraction notes with `detail`."""

    kind: str
    detail: str = ""


# Rejection kinds, each raised in one place (the module named):
NOTED = {
    "rejected_negated",  # triggers: a denied or cancelled contact
    "rejected_habitual",  # triggers: a habitual or background statement ("they speak frequently")
    "single_party",  # counterpart: contact words but one party
    "organisation_party",  # counterpart: one state and an organisation (not a state)
    "elaboration",  # status: "the two sides discussed ..." right after a contact
    "rejected_intention",  # status: readiness or intention to meet, not a contact
    "visit_without_traveller",  # status: a visit word with things arriving, no person
    "summit_reference",  # status: summit words with parties only from context: a background reference
}
SILENT = {
    "no_trigger",  # triggers: no contact word
    "reference_only",  # triggers: only references to a contact already reported ("the call")
    "no_party",  # counterpart: no party at all
}


@dataclass
class Segment:
    """One sentence or clause under analysis; each pass fills in its part."""

    text: str
    offset: int
    language: str
    sentence_no: int
    rules: LanguageRules
    context: ArticleContext
    notes: Notes
    # Given by the caller for a dependent clause:
    forced_date: ResolvedDate | None = None  # "a day after X": the clause's date
    forced_raw: str = ""
    inherited_type: str = ""  # the main clause's type, for a generic "talks"
    main_clause: Sequence[Mention] = ()  # "... said after talks with Y": the subject is the main clause's
    main_states: Sequence[str] = ()  # the states the main clause names, when it reports no contact itself
    # triggers
    live: dict[str, list[Span]] = field(default_factory=dict)  # contact words that report (not refer back)
    similar: list[Span] = field(default_factory=list)  # "also", "similar": another contact like the last
    # parties
    country_mentions: list[CountryMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    actor_states: list[tuple[int, str, str]] = field(default_factory=list)  # (position, country, actor id)
    people_states: list[tuple[int, str]] = field(default_factory=list)  # (position, country) of people named
    role_states: list[tuple[int, str]] = field(default_factory=list)  # (position, country) of role titles
    states: list[tuple[int, str]] = field(default_factory=list)  # (position, country) named as countries
    orgs: list[tuple[int, str]] = field(default_factory=list)  # (position, organisation code)
    participants: list[str] = field(default_factory=list)  # actor ids
    # subject and counterpart
    ordered: list[str] = field(default_factory=list)  # the parties, the subject first
    anaphora: bool = False  # "the two leaders", "they"
    # type and status
    type: str = ""
    trigger_span: Span = (0, 0)
    status: str = "occurred"
    per_counterpart: bool = False  # one contact per counterpart with the first party (credentials)
    traveller: str = ""  # "the envoys will visit A, B and C": the state of the story's traveller, one visit each
    # date
    expressions: list = field(default_factory=list)  # the sentence's date phrases (contact_dates.DateExpression)
    own_date: bool = False  # the sentence has a date phrase of its own
    date: ResolvedDate | None = None
    date_raw: str = ""

    @property
    def article_id(self) -> str:
        return self.context.article_id

    @property
    def published(self) -> Published | None:
        return self.context.published

    @property
    def when(self) -> tuple[dt.date, dt.date] | None:
        return self.context.when

    @property
    def live_start(self) -> int:
        """Where the first reporting contact word starts."""
        return min((span[0] for found in self.live.values() for span in found), default=len(self.text))

    def note(self, kind: str, surface: str, detail: str) -> None:
        self.notes.add(kind, self.article_id, self.sentence_no, surface, detail)

    @property
    def head(self) -> str:
        """The start of the text, as notes quote it."""
        from helpers.extraction_settings import SETTINGS
        from helpers.textlines import clip

        return clip(self.text, SETTINGS.note_chars)
