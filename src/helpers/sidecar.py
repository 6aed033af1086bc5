"""The optional sidecar `sources.csv`: what is known about each article from outside its text.

Columns (all optional but `file`): `file, outlet, url, published, published_basis, language`,
plus `title` and `author`. `published` is `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only the
month or year is known. A blank cell means "derive from the text". The sidecar may list only
some files. Problems never stop a run: a row naming a file that is not in the folder, a
malformed date, a `url` that is not http(s), an unsupported language code or a duplicated row
each give a warning record (and the bad cell is ignored). File names are matched against the files
of the input folder by name only, so a row like `../../x` never reaches outside it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from helpers import SUPPORTED_LANGUAGES
from helpers.dates import Published

SIDECAR_COLUMNS = ("file", "outlet", "url", "published", "published_basis", "language", "title", "author")


@dataclass(frozen=True)
class SidecarRow:
    file: str
    outlet: str = ""
    url: str = ""
    published: Published | None = None
    published_note: str = ""
    language: str = ""
    title: str = ""
    author: str = ""


@dataclass(frozen=True)
class Warning_:
    """A problem with the input that did not stop the run."""

    source: str  # "sidecar" or "file"
    file: str
    message: str


def is_web_url(value: str) -> bool:
    """An address the report may link to: http or https only (never javascript:, data:, file:, ...)."""
    return value.strip().lower().startswith(("http://", "https://"))


def parse_iso_date(value: str) -> dt.date | None:
    """`YYYY-MM-DD` to a date, or None if malformed."""
    try:
        return dt.date.fromisoformat(value.strip()) if len(value.strip()) == 10 else None
    except ValueError:
        return None


def parse_published(value: str) -> Published | None:
    """A publication date at the precision known (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), or None if malformed."""
    return Published.parse(value)


def _delimiter(text: str) -> str:
    """The sidecar's column separator: a comma, or the semicolon or tab a spreadsheet in another
    locale writes, whichever splits the header line at a 'file' column."""
    header = text.splitlines()[0] if text.strip() else ""
    for candidate in (",", ";", "\t"):
        if "file" in [cell.strip() for cell in header.split(candidate)]:
            return candidate
    return ","


def read_sidecar(path: Path | None, present_files: set[str]) -> tuple[dict[str, SidecarRow], list[Warning_]]:
    """Read a sidecar CSV. Returns rows keyed by file name, and warnings."""
    warnings: list[Warning_] = []
    if path is None or not path.exists():
        return {}, warnings
    name = path.name
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Warning_("sidecar", name, f"sidecar not read ({exc}); metadata derived from the texts")]
    delimiter = _delimiter(text)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames or "file" not in [f.strip() for f in reader.fieldnames]:
        header = text.splitlines()[0][:120] if text.strip() else "(empty)"
        return {}, [Warning_("sidecar", name, f"sidecar has no 'file' column (header read as {header!r}, "
                                              "columns separated by commas, semicolons or tabs); ignored")]
    reader.fieldnames = [f.strip() for f in reader.fieldnames]
    if delimiter != ",":
        warnings.append(Warning_("sidecar", name, f"columns separated by {delimiter!r}, not commas: read as such"))
    unknown = [c for c in reader.fieldnames if c not in SIDECAR_COLUMNS]
    if unknown:
        warnings.append(Warning_("sidecar", name, f"unknown sidecar columns ignored: {', '.join(unknown)}"))
    rows: dict[str, SidecarRow] = {}
    for line_no, raw in enumerate(reader, start=2):
        cells = {k: (v or "").strip() for k, v in raw.items() if k in SIDECAR_COLUMNS}
        file = cells.get("file", "")
        where = f"{name} line {line_no}"
        if not file:
            warnings.append(Warning_("sidecar", name, f"{where}: row without a file name; ignored"))
            continue
        if file not in present_files:
            warnings.append(Warning_("sidecar", file, f"{where}: names {file!r}, which is not in the input folder"))
            continue
        if file in rows:
            warnings.append(Warning_("sidecar", file, f"{where}: second row for {file!r}; the first one is kept"))
            continue
        published = None
        if cells.get("published"):
            published = parse_published(cells["published"])
            if published is None:
                warnings.append(Warning_("sidecar", file, f"{where}: malformed date {cells['published']!r} "
                                         "(expected a real date YYYY-MM-DD, YYYY-MM or YYYY, years 1900-2099); "
                                         "date derived from the text instead"))
        url = cells.get("url", "")
        if url and not is_web_url(url):
            warnings.append(Warning_("sidecar", file, f"{where}: url {url[:80]!r} is not an http(s) address; ignored"))
            url = ""
        language = cells.get("language", "").lower()
        if language and language not in SUPPORTED_LANGUAGES:
            warnings.append(Warning_("sidecar", file, f"{where}: language {language!r} is not supported; "
                                     "detected from the text instead"))
            language = ""
        rows[file] = SidecarRow(
            file=file,
            outlet=cells.get("outlet", ""),
            url=url,
            published=published,
            published_note=cells.get("published_basis", "") if published else "",
            language=language,
            title=cells.get("title", ""),
            author=cells.get("author", ""),
        )
    return rows, warnings
