"""Agency credit: which wire or outlet an article credits as the origin of its story.

Reference data: `data/reference/agencies.csv` (id, name, kind, aliases in several scripts,
source). Credit phrases per language: the `credit` section of `data/reference/lang/*.yaml`.

An agency counts as credited only in a credit context, never for a bare mention:
- after a credit phrase ("according to Reuters", "предава Ройтерс и News.bg", "potrivit Le
  Figaro", "selon l'AFP", "по данным ТАСС", "وفقا لـ رويترز"), up to the end of the sentence,
  so lists ("Reuters and News.bg") are all credited;
- before an "after" phrase ("Reuters reported", "ТАСС сообщает");
- in a dateline or signature: "(Reuters)", "MOSCOW (AFP) -", "— TASS", "/AFP/", or a dateline
  opened by the agency ("ТАСС, 5 сентября 2024.");
- in the byline's author field ("Author: AFP") or a copyright line ("© Agence France-Presse").

`origin_agency` is the first credited wire agency, else the first credited outlet.
Known limits: an uncredited rewrite of a wire story gets no agency (near-duplicate grouping and
the events stage catch those); aliases of two letters (AP, RT, DW) are matched case-sensitively.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from helpers.lexicon import Lexicon
from helpers.paths import REFERENCE_DIR
from helpers.textlines import literal_alternation

CREDIT_WINDOW_CHARS = 90


@dataclass(frozen=True)
class Agency:
    agency_id: str
    name: str
    kind: str  # wire, outlet or state_media
    aliases: tuple[str, ...]
    source: str


@lru_cache(maxsize=1)
def load_agencies() -> tuple[Agency, ...]:
    """The agency registry (read once)."""
    with (REFERENCE_DIR / "agencies.csv").open(encoding="utf-8") as fh:
        return tuple(
            Agency(row["agency_id"], row["name"], row["kind"],
                   tuple(a.strip() for a in row["aliases"].split(";") if a.strip()), row["source"])
            for row in csv.DictReader(fh)
        )


@dataclass(frozen=True)
class AgencyMatcher:
    """Compiled alias and credit-phrase patterns for a set of languages."""

    alias_regex: re.Pattern[str]
    short_alias_regex: re.Pattern[str]
    alias_to_id: dict[str, str]
    before_regex: re.Pattern[str] | None
    after_regex: re.Pattern[str] | None

    def aliases_in(self, text: str) -> list[tuple[int, str]]:
        """(position, agency_id) of every alias in `text`, in order."""
        hits = [(m.start(), self.alias_to_id[m.group(0).casefold()]) for m in self.alias_regex.finditer(text)]
        hits += [(m.start(), self.alias_to_id[m.group(0).casefold()]) for m in self.short_alias_regex.finditer(text)]
        return sorted(set(hits))


@lru_cache(maxsize=8)
def agency_matcher(languages: tuple[str, ...]) -> AgencyMatcher:
    """The matcher of several languages' credit phrases (compiled once per language set)."""
    from helpers.lexicon import load_lexicons

    return build_agency_matcher(tuple(load_lexicons(languages).values()))


@lru_cache(maxsize=1)
def _agencies_by_id() -> dict[str, Agency]:
    return {a.agency_id: a for a in load_agencies()}


def build_agency_matcher(lexicons: Sequence[Lexicon]) -> AgencyMatcher:
    agencies = load_agencies()
    alias_to_id = {a.casefold(): ag.agency_id for ag in agencies for a in ag.aliases}
    short = [a for ag in agencies for a in ag.aliases if len(a) <= 4 and a.isupper()]
    long_ = [a for ag in agencies for a in ag.aliases if a not in short]
    before = [p for lex in lexicons for p in lex.credit.before]
    after = [p for lex in lexicons for p in lex.credit.after]
    return AgencyMatcher(
        alias_regex=re.compile(rf"(?<!\w)(?:{literal_alternation(long_)})(?!\w)", re.IGNORECASE),
        short_alias_regex=re.compile(rf"(?<!\w)(?:{literal_alternation(short)})(?!\w)"),
        alias_to_id=alias_to_id,
        before_regex=re.compile(rf"(?<!\w)(?:{literal_alternation(before)})(?!\w)", re.IGNORECASE) if before else None,
        after_regex=re.compile(rf"^\s*(?:{literal_alternation(after)})(?!\w)", re.IGNORECASE) if after else None,
    )


_SENTENCE_END = re.compile(r"[.;!?\n]")
_DATELINE = re.compile(r"[(/]\s*$")
_SIGNATURE_BEFORE = re.compile(r"(?:^|\n)\s*[—–-]?\s*$")
_DATELINE_DATE_AFTER = re.compile(r"\s*,\s*(?:\w{1,3}\s+)?\d")


def credited_agencies(text: str, matcher: AgencyMatcher) -> list[str]:
    """Agency ids credited in `text`, in order of first credit, without repeats."""
    credited: list[tuple[int, str]] = []
    hits = matcher.aliases_in(text)
    if matcher.before_regex is not None:
        for m in matcher.before_regex.finditer(text):
            window = text[m.end(): m.end() + CREDIT_WINDOW_CHARS]
            stop = _SENTENCE_END.search(window)
            window_end = m.end() + (stop.start() if stop else len(window))
            in_window = [(pos, aid) for pos, aid in hits if m.end() <= pos < window_end]
            if in_window and in_window[0][0] - m.end() <= 40:
                credited += in_window
    for pos, aid in hits:
        alias_end = pos + _alias_length(text, pos, matcher)
        before = text[max(0, pos - 4): pos]
        after_text = text[alias_end: alias_end + 40]
        if _DATELINE.search(before) and re.match(r"\s*[)/]", after_text):
            credited.append((pos, aid))  # (Reuters) or /AFP/
        elif re.search(r"[—–]\s*$|--\s*$", before) or (
            _SIGNATURE_BEFORE.search(before) and re.match(r"\s*(?:\n|$)", after_text)
        ):
            credited.append((pos, aid))  # "— TASS" or a bare agency line
        elif matcher.after_regex is not None and matcher.after_regex.match(after_text):
            credited.append((pos, aid))  # "Reuters reported"
        elif _SIGNATURE_BEFORE.search(before) and _DATELINE_DATE_AFTER.match(after_text):
            credited.append((pos, aid))  # a dateline opened by the agency: "ТАСС, 5 сентября 2024."
    seen: list[str] = []
    for _, aid in sorted(credited):
        if aid not in seen:
            seen.append(aid)
    return seen


def _alias_length(text: str, pos: int, matcher: AgencyMatcher) -> int:
    m = matcher.alias_regex.match(text, pos) or matcher.short_alias_regex.match(text, pos)
    return len(m.group(0)) if m else 0


def agency_ids_in_name(name: str, matcher: AgencyMatcher) -> list[str]:
    """Agencies named in a byline author field or a copyright line (no credit phrase needed)."""
    return [aid for _, aid in matcher.aliases_in(name)]


def origin_agency(credited: Sequence[str]) -> str:
    """Display name of the first credited wire agency, else of the first credited outlet."""
    by_id = _agencies_by_id()
    wires = [aid for aid in credited if by_id[aid].kind == "wire"]
    chosen = wires[0] if wires else (credited[0] if credited else "")
    return by_id[chosen].name if chosen else ""


def agency_names(ids: Sequence[str]) -> list[str]:
    by_id = _agencies_by_id()
    return [by_id[i].name for i in ids]
