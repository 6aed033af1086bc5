"""Publication date: where an article's date comes from, at the precision known, and which one is used.

Candidates, in order of trust: the sidecar (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), the page's
header, byline or wire dateline (`helpers.header`, always a full date), the HTML page's metadata,
a leading `date YYYY-MM[-DD]` metadata line (as search-engine page stores give it), and a date in
the article's URL (`/2025/11/10/`, `/2025/11/`, `/20240706/`, `-2024-07-06-`, `/2019-03/02/`, `/2022/jul/20/`, a
news-agency story id `/TR20200213nL8N.../`, a slug ending `-07-2022/`). The first
candidate is used; a later one that falls inside it at a finer precision refines it (a sidecar
month `2023-02` and a URL `/2023/02/18/` give `2023-02-18`, basis `url`, with the sidecar named in
the note). A candidate that contradicts the first is ignored.

Known limits: a number in a URL that only looks like a date (an article id such as
`/20240706123/`) is not read: a date must be a path segment of its own or be separated by `-`, `_`
or `.`; two-digit years are never read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from helpers.dates import Published

_YEAR = r"(?P<y>(?:19|20)\d{2})"
_MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Path dates: separated segments (/2025/11/10/, /2025/11/, /2025-11-10) or one compact token
# (/20240706/, -20240706-, _20240706.html).
_URL_DATES = [
    re.compile(rf"/{_YEAR}/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])(?=/|$|[-_.])"),
    re.compile(rf"(?:^|[/_.-]){_YEAR}-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?=/|$|[-_.])"),
    re.compile(rf"(?:^|[/_.-]){_YEAR}(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=/|$|[-_.])"),
    re.compile(rf"/{_YEAR}-(?P<m>0[1-9]|1[0-2])/(?P<d>0[1-9]|[12]\d|3[01])(?=/)"),  # Xinhua: /2019-03/02/
    re.compile(rf"/{_YEAR}/(?P<mon>{'|'.join(_MONTH_ABBREVIATIONS)})/(?P<d>0?[1-9]|[12]\d|3[01])(?=/|$)"),  # Guardian
    # a news-agency story id with the date between letters: "TR20200213nL8N2ADAPJX2"
    re.compile(rf"(?<=/[A-Z]{{2}}){_YEAR}(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[a-z][A-Z0-9])"),
    re.compile(rf"/{_YEAR}/(?P<m>0?[1-9]|1[0-2])(?=/)"),
    re.compile(rf"/{_YEAR}-(?P<m>0[1-9]|1[0-2])(?=/)"),
    re.compile(rf"-(?P<m>0[1-9]|1[0-2])-{_YEAR}/?$"),  # a slug ending in month and year: ".../rais-museveni-07-2022/"
]
# A search-engine page store's metadata line opening the text: "date 2025-02", " date 2025-02-18 ...".
METADATA_LINE = re.compile(r"^\s*date\s+(?P<date>(?:19|20)\d{2}(?:-\d{2}(?:-\d{2})?)?)(?=\s|$)")


@dataclass(frozen=True)
class DateCandidate:
    published: Published
    basis: str  # sidecar, header, byline, dateline, html_meta, metadata, url
    note: str = ""  # the line, URL or explanation it was read from
    time: str = ""


def url_date(url: str) -> Published | None:
    """The date written in a URL's path (day or month precision), if any."""
    if not url:
        return None
    path = unquote(urlsplit(url.strip()).path)
    for pattern in _URL_DATES:
        for m in pattern.finditer(path):
            groups = m.groupdict()
            month = groups.get("m") or f"{_MONTH_ABBREVIATIONS.index(groups['mon'].lower()) + 1:02d}"
            parts = [m.group("y"), month.zfill(2)] + ([m.group("d").zfill(2)] if "d" in groups else [])
            found = Published.parse("-".join(parts))
            if found:
                return found
    return None


def metadata_line_date(text: str) -> Published | None:
    """The date of a leading `date YYYY-MM[-DD]` metadata line, if the text opens with one."""
    m = METADATA_LINE.match(text)
    return Published.parse(m.group("date")) if m else None


def choose_published(candidates: Sequence[DateCandidate | None]) -> DateCandidate | None:
    """The first candidate, refined by a later finer one inside it (see the module docstring)."""
    present = [c for c in candidates if c is not None]
    if not present:
        return None
    chosen = present[0]
    for later in present[1:]:
        finer = len(later.published.value) > len(chosen.published.value)
        if finer and later.published.value.startswith(chosen.published.value):
            chosen = DateCandidate(later.published, later.basis,
                                   f"{later.note} (refines {chosen.basis} {chosen.published.value})".strip(),
                                   later.time)
    return chosen
