"""Header stage: article metadata from the top of the text (outlet, title, date, author).

Looks only at the page's top region: the non-empty lines before the first line of running
prose (at most 12 lines). There it recognises
- header lines: a full date with little else, e.g. `Fakti.bg | 27.03.2024 14:52:42 | 34`,
  `Published on 27 mars 2024`, `27 март 2024 г.` (basis `header`);
- bylines: an author label and usually a date, e.g. `Author: AFP | March 28, 2024, Thursday
  @ 06:49` or `By Jane Doe` (basis `byline` when it carries the date);
- a full date right after a publication label anywhere in a top-region line ("... Publié le lundi
  29 novembre 2021 | aDakar.com"), or a date with a time of day in the first 200 characters (a
  page stamp glued to the headline, `... 9 maiJeudi 8 Mai 2025 - 19:13 Les chefs ...`), when
  nothing else dates the page;
- a wire-style dateline opening the first paragraph when no header line is dated:
  `ТАСС, 5 сентября 2024. ...`, `Dakar, le 12 mars 2024 (APS) - ...`, `MOSCOW, March 27, 2024
  (Reuters) - ...` (basis `dateline`; a dateline without a year, `МОСКВА, 5 сентября.`, gives no
  date: the year is never guessed);
- an outlet line: a bare domain-like name (`G4Media.ro`) or the sidecar's outlet;
- the title: the first remaining line of three words or more that is not boilerplate and does
  not end with a full stop or colon.

Known limits: apart from a dateline, a date is never taken from deeper in the text (a dated quotation or tweet in the
body is not the publication date), so an article whose only date sits in its footer gets no
date. An outlet is taken from the text only when it is written as a domain name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from helpers.dates import FoundDate, find_full_dates
from helpers.lexicon import Lexicon
from helpers.textlines import ends_sentence, is_body_like, literal_alternation, word_count

TOP_REGION_MAX_LINES = 12
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}/?$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*[|•·/@–—]\s*|\s+-\s+")
# Before a dateline's date: a place or agency (four words at most), a comma unless an agency
# follows the date, maybe a short article or preposition ("Dakar, le", "أبوظبي في").
_DATELINE_LEAD = re.compile(r"^[^\W\d][^.!?\d]{0,40}?(?P<comma>,)?\s*(?:\w{1,3}\s+)?$")
# After it: maybe "(Agency)" or "/ТАСС/", then a dash, full stop or colon.
_DATELINE_TAIL = re.compile(r"\s*(?P<agency>\([^()]{1,40}\)|/[^/]{1,20}/)?\s*(?P<stop>[-–—.:])?")


@dataclass(frozen=True)
class HeaderInfo:
    """Metadata found in an article's top region, and which lines carried it."""

    title: str = ""
    outlet: str = ""
    author: str = ""
    published_date: dt.date | None = None
    published_time: str = ""
    published_basis: str = "none"  # header, byline or none
    published_raw: str = ""
    consumed: dict[int, str] = field(default_factory=dict)  # line index -> rule id


def top_region(lines: Sequence[str]) -> list[int]:
    """Indices of the non-empty lines before the first prose line (at most 12)."""
    region: list[int] = []
    for i, line in enumerate(lines):
        if not line:
            continue
        # A headline may end with a quotation ("X: „...”"); prose ends with punctuation.
        if is_body_like(line, quote_ends=False) or len(region) >= TOP_REGION_MAX_LINES:
            break
        region.append(i)
    return region


def _label_regex(labels: Sequence[str]) -> re.Pattern[str] | None:
    if not labels:
        return None
    return re.compile(rf"(?<!\w)(?:{literal_alternation(labels)})(?!\w)\s*:?", re.IGNORECASE)


@dataclass(frozen=True)
class HeaderLabelSet:
    """Author and publication labels of several languages, compiled once."""

    author: re.Pattern[str] | None
    published: re.Pattern[str] | None

    @classmethod
    @cache
    def for_languages(cls, languages: tuple[str, ...]) -> HeaderLabelSet:
        """The label set of several languages (compiled once per language set)."""
        from helpers.lexicon import load_lexicons

        return cls.from_lexicons(tuple(load_lexicons(languages).values()))

    @classmethod
    def from_lexicons(cls, lexicons: Sequence[Lexicon]) -> HeaderLabelSet:
        authors = [x for lex in lexicons for x in lex.header.author_labels]
        published = [x for lex in lexicons for x in lex.header.published_labels]
        return cls(_label_regex(authors), _label_regex(published))


def _residual_words(line: str, dates: list[FoundDate], labels: HeaderLabelSet) -> int:
    """Words left on a line once dates, times, labels and separators are taken out."""
    rest = line
    for d in sorted(dates, key=lambda d: d.start, reverse=True):
        rest = rest[: d.start] + " " + rest[d.end:]
    for pattern in (labels.author, labels.published):
        if pattern is not None:
            rest = pattern.sub(" ", rest)
    return word_count(rest)


def _author_from(line: str, labels: HeaderLabelSet) -> str:
    if labels.author is None:
        return ""
    for segment in _SEPARATORS.split(line):
        m = labels.author.match(segment.strip())
        if m:
            name = segment.strip()[m.end():].strip(" :,")
            if name and not find_full_dates(name) and word_count(name) <= 6:
                return name
    return ""


def _outlet_from(line: str, known_outlet: str) -> str:
    for segment in _SEPARATORS.split(line):
        segment = segment.strip()
        if segment and (_DOMAIN.match(segment) or (known_outlet and segment.casefold() == known_outlet.casefold())):
            return segment
    return ""


def parse_header(
    lines: Sequence[str],
    labels: HeaderLabelSet,
    is_boilerplate: Callable[[str], bool],
    known_outlet: str = "",
) -> HeaderInfo:
    """Read outlet, title, publication date/time and author from an article's top region."""
    consumed: dict[int, str] = {}
    info: dict[str, object] = {}
    for i in top_region(lines):
        line = lines[i]
        dates = find_full_dates(line)
        has_author = _author_from(line, labels)
        if dates and len(line) <= 200 and _residual_words(line, dates, labels) <= 8:
            rule = "metadata.byline" if has_author else "metadata.header"
            consumed[i] = rule
            if "published_date" not in info:
                info |= {
                    "published_date": dates[0].date,
                    "published_time": dates[0].time,
                    "published_basis": "byline" if has_author else "header",
                    "published_raw": line,
                }
        elif has_author and word_count(line) <= 8 and not ends_sentence(line):
            consumed[i] = "metadata.byline"
        elif _outlet_from(line, known_outlet) and word_count(line) <= 4:
            consumed[i] = "metadata.outlet"
        else:
            continue
        if has_author and "author" not in info:
            info["author"] = has_author
        outlet = _outlet_from(line, known_outlet)
        if outlet and "outlet" not in info:
            info["outlet"] = outlet
    for i in top_region(lines):
        line = lines[i]
        if i in consumed or is_boilerplate(line):
            continue
        if word_count(line) >= 3 and len(line) <= 300 and not line.endswith((".", ":")):
            consumed[i] = "metadata.title"
            info["title"] = line
            break
    if "published_date" not in info:
        first_body = next((line for i, line in enumerate(lines)
                           if line.strip() and i not in consumed and not is_boilerplate(line)), "")
        found = dateline_date(first_body)
        if found:
            info |= {"published_date": found.date, "published_time": found.time, "published_basis": "dateline",
                     "published_raw": first_body[: found.end].strip()}
    if "published_date" not in info:
        stamp = labelled_date(lines, labels) or stamp_date(lines)
        if stamp:
            info |= {"published_date": stamp.date, "published_time": stamp.time, "published_basis": "header",
                     "published_raw": stamp.raw}
    return HeaderInfo(consumed=consumed, **info)  # type: ignore[arg-type]


STAMP_CHARS = 200  # a date with a time this close to the start of the text is the page's time stamp
LABEL_GAP = 20  # a full date this close after a publication label ("Publié le lundi 29 novembre 2021")


def labelled_date(lines: Sequence[str], labels: HeaderLabelSet) -> FoundDate | None:
    """A full date right after a publication label in a line of the top region, even in a long line
    ("... reçu par le président Macky Sall Publié le lundi 29 novembre 2021 | aDakar.com")."""
    if labels.published is None:
        return None
    for i in top_region(lines):
        for label in labels.published.finditer(lines[i]):
            found = next((d for d in find_full_dates(lines[i][label.end(): label.end() + LABEL_GAP + 40])
                          if d.start <= LABEL_GAP), None)
            if found:
                return found
    return None


def stamp_date(lines: Sequence[str]) -> FoundDate | None:
    """The page's publication stamp near the very start of the text: a full date written with a time
    of day ("... le 9 mai Jeudi 8 Mai 2025 - 19:13 Les chefs ..."), even when glued to the headline; a
    full date opening a line ("22 Aprili 2023Rais wa Brazil ..."); or one in brackets closing the
    headline ("Entretien de Jean-Noël Barrot avec Antonio Tajani (11 juillet 2025)")."""
    head = "\n".join(line for line in lines if line)[:STAMP_CHARS]
    dates = find_full_dates(head)

    def opens_line(d: FoundDate) -> bool:
        return d.start == 0 or head[d.start - 1] == "\n"

    def closes_headline(d: FoundDate) -> bool:
        bracketed = head[d.start - 1: d.start] == "(" and head[d.end: d.end + 2] in (")", ")\n")
        return bracketed and "\n" not in head[: d.start]

    return next((d for d in dates if d.time), None) or next((d for d in dates if opens_line(d) or closes_headline(d)),
                                                           None)


def dateline_date(line: str) -> FoundDate | None:
    """The full date of a wire-style dateline opening a paragraph ("ТАСС, 5 сентября 2024.",
    "Dakar, le 12 mars 2024 (APS) -", "أبوظبي في 14 مايو 2024 / وام /"), if the line starts with one."""
    dates = find_full_dates(line[:120])
    if not dates:
        return None
    found = dates[0]
    lead, tail = _DATELINE_LEAD.match(line[: found.start]), _DATELINE_TAIL.match(line, found.end)
    after_agency_or_comma = tail.group("agency") or (lead and lead.group("comma") and tail.group("stop"))
    return found if lead and word_count(lead.group(0)) <= 4 and after_agency_or_comma else None
