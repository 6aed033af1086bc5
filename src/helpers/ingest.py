"""Ingest stage: find article files, read their bytes, detect the encoding, decode to NFC text.

Reads every `*.txt`, `*.html` and `*.htm` in a folder (not recursive). The encoding is taken
from a byte-order mark, else strict UTF-8, else `charset-normalizer` restricted to the
encodings of the supported languages (Windows-1251/KOI8-R Cyrillic, Windows-1252/Latin-1,
Windows-1250/ISO-8859-2 Romanian, Windows-1256 Arabic, UTF-16 without BOM). HTML is reduced
to its main text with trafilatura, which also gives page metadata (title, date, site name,
author, URL).

A file that is empty, binary, undecodable or larger than the size limit is not fatal: it is
returned with `status="skipped"` and a `status_reason`, and the run goes on. A symbolic link whose
target lies outside the input folder is not followed (skipped, with the reason). UTF-8 whose only
fault is a character cut at the very end (a truncated download) is read without that character,
and a warning says so.

Known limits: the detector can confuse single-byte encodings on very short texts (a few
words); such files decode, but may show wrong letters, and language detection then reports
low confidence.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
DEFAULT_MAX_FILE_MB = 10.0

# Encodings charset-normalizer may choose from, beyond UTF-8: those used for the
# supported languages' news text in the wild.
CANDIDATE_ENCODINGS = [
    "utf_8",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "cp1251",
    "koi8_r",
    "cp1252",
    "latin_1",
    "cp1250",
    "iso8859_2",
    "iso8859_16",
    "cp1256",
    "iso8859_6",
]

BOMS = [
    (b"\xef\xbb\xbf", "utf_8_sig"),
    (b"\xff\xfe", "utf_16"),
    (b"\xfe\xff", "utf_16"),
]


@dataclass(frozen=True)
class RawDocument:
    """One input file, read and decoded (or not, with the reason)."""

    article_id: str
    file: str
    path: Path
    sha256: str
    n_bytes: int
    kind: str  # "txt" or "html"
    status: str  # "ok" or "skipped"
    status_reason: str = ""
    encoding: str = ""
    text: str = ""
    html_meta: dict[str, str] = field(default_factory=dict)
    warning: str = ""  # a problem that did not stop the file from being read (goes to input_warnings)


def list_article_files(input_dir: Path) -> list[Path]:
    """Article files in a folder (symbolic links included, see `outside_folder`), sorted by name: the order
    never depends on the file system's."""
    return sorted(
        (p for p in input_dir.iterdir() if (p.is_file() or p.is_symlink()) and p.suffix.lower() in ARTICLE_SUFFIXES),
        key=lambda p: p.name,
    )


def empty_input_hint(input_dir: Path) -> str:
    """Why a folder gave no article, for the user: it is empty, holds no .txt/.html file, or its
    articles sit in subfolders (which are not read)."""
    entries = sorted(input_dir.iterdir()) if input_dir.is_dir() else []
    nested = sorted({q.parent.relative_to(input_dir).as_posix() for d in entries if d.is_dir()
                     for q in d.rglob("*") if q.is_file() and q.suffix.lower() in ARTICLE_SUFFIXES})
    if nested:
        shown = ", ".join(nested[:3]) + (", ..." if len(nested) > 3 else "")
        return (f"no article file in {input_dir}: subfolders are not read, and {len(nested)} of them hold articles "
                f"({shown}); point INPUT at one of them")
    if not entries:
        return f"no article file in {input_dir}: the folder is empty"
    return (f"no article file in {input_dir}: none of its {len(entries)} entries ends in "
            f"{', '.join(sorted(ARTICLE_SUFFIXES))}")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _supported_script_share(text: str) -> float:
    """Share of characters in the scripts of the supported languages (Latin, Cyrillic, Arabic)."""
    if not text:
        return 0.0
    ok = sum(1 for ch in text if ord(ch) < 0x0700 or 0x2000 <= ord(ch) <= 0x206F or 0xFB50 <= ord(ch) <= 0xFEFF)
    return ok / len(text)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-16 text that has no byte-order mark, if the bytes look like it."""
    sample = data[:65536]
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if not (even_nuls or odd_nuls) or min(even_nuls, odd_nuls) > 0.01 * max(len(sample) // 2, 1):
        return None
    encoding = "utf_16_le" if odd_nuls >= even_nuls else "utf_16_be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, encoding) if _supported_script_share(text) >= 0.95 else None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, mean binary (UTF-16 is tried before)."""
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.05 * max(len(sample), 1)


TRUNCATED = "the file ends in the middle of a UTF-8 character (a cut download?): that last character is dropped"


def decode_bytes(data: bytes) -> tuple[str | None, str, str]:
    """Decode bytes to NFC text. Returns (text or None, encoding, reason): the reason says why there is no
    text, or (with text) what was lost in decoding."""
    if not data.strip():
        return None, "", "empty file"
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return unicodedata.normalize("NFC", data.decode(encoding)), encoding, ""
            except UnicodeDecodeError as exc:
                return None, encoding, f"byte-order mark says {encoding} but decoding failed: {exc}"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return unicodedata.normalize("NFC", utf16[0]), utf16[1], ""
    if _looks_binary(data):
        return None, "", "binary content (NUL or control bytes), not text"
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), "utf_8", ""
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            return unicodedata.normalize("NFC", data[: exc.start].decode("utf-8")), "utf_8", TRUNCATED
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        return None, "", "encoding not recognised among the supported languages' encodings"
    return unicodedata.normalize("NFC", str(best)), best.encoding, ""


class _VisibleText(HTMLParser):
    """The text a browser would show (no script, style, template or head), one block element a line."""

    HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object"})
    BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section",
                        "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """A page's visible text, for when trafilatura finds no main text (deeply nested or unusual markup)."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


FALLBACK_NOTE = "trafilatura found no main text (unusual or very deeply nested markup): the page's visible text is used"


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Main text (one paragraph per line) and page metadata of an HTML page, via trafilatura; when it finds
    none, the visible text (`visible_text`), with `meta["fallback"]` saying so."""
    import trafilatura

    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        with_metadata=False,
    )
    meta: dict[str, str] = {}
    metadata = trafilatura.extract_metadata(html)
    if metadata is not None:
        for key in ("title", "date", "sitename", "author", "url"):
            value = getattr(metadata, key, None)
            if value:
                meta[key] = unicodedata.normalize("NFC", str(value))
    if not (text or "").strip():
        text = visible_text(html)
        if text:
            meta["fallback"] = FALLBACK_NOTE
    return unicodedata.normalize("NFC", text or ""), meta


def outside_folder(path: Path, folder: Path) -> bool:
    """A symbolic link (or a chain of them) whose target is not inside `folder`."""
    if not path.is_symlink():
        return False
    return not path.resolve().is_relative_to(folder.resolve())


def read_document(path: Path, article_id: str, max_file_mb: float = DEFAULT_MAX_FILE_MB,
                  folder: Path | None = None) -> RawDocument:
    """Read one article file; never raises for bad content, reports it in `status_reason`. With `folder`,
    a symbolic link pointing out of it is not followed."""
    kind = "html" if path.suffix.lower() in (".html", ".htm") else "txt"
    base = {"article_id": article_id, "file": path.name, "path": path, "kind": kind}
    if folder is not None and outside_folder(path, folder):
        return RawDocument(**base, sha256="", n_bytes=0, status="skipped",
                           status_reason="symbolic link to a file outside the input folder; not followed")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return RawDocument(**base, sha256="", n_bytes=0, status="skipped",
                           status_reason=f"cannot read file: {exc.strerror or exc}")
    base |= {"sha256": sha256_bytes(data), "n_bytes": len(data)}
    size_mb = len(data) / 1_000_000
    if size_mb > max_file_mb:
        return RawDocument(**base, status="skipped",
                           status_reason=f"file is {size_mb:.1f} MB, over the {max_file_mb:g} MB "
                           "limit for one article (parameter max_file_mb)")
    text, encoding, reason = decode_bytes(data)
    if text is None:
        return RawDocument(**base, status="skipped", status_reason=reason, encoding=encoding)
    base["warning"] = reason
    html_meta: dict[str, str] = {}
    if kind == "html":
        text, html_meta = html_to_text(text)
        base["warning"] = "; ".join(x for x in (reason, html_meta.pop("fallback", "")) if x)
    if not text.strip():
        what = "no main text found in the HTML page" if kind == "html" else "only whitespace"
        return RawDocument(**base, status="skipped", status_reason=what, encoding=encoding)
    return RawDocument(**base, status="ok", encoding=encoding, text=text, html_meta=html_meta)


# Characters an article id cannot hold: the tables' list separator, the mention id's, control characters, and
# a first character a spreadsheet reads as the start of a formula (helpers.spreadsheet)
_ID_UNSAFE = re.compile(r"[;:\x00-\x1f\x7f]|^[=+\-@]")


def article_ids(paths: list[Path]) -> dict[Path, str]:
    """`article_id` is the file name without extension, with `;`, `:`, control characters and a leading `=`, `+`,
    `-` or `@` made `_`; a clash
    (a.txt, a.html) keeps the suffix, and a clash left after that gets `~2`, `~3`, ... in name order."""
    stems = {p: _ID_UNSAFE.sub("_", p.stem) for p in paths}
    counts: dict[str, int] = {}
    for stem in stems.values():
        counts[stem] = counts.get(stem, 0) + 1
    ids: dict[Path, str] = {}
    taken: set[str] = set()
    for p in sorted(paths, key=lambda q: q.name):
        suffix = _ID_UNSAFE.sub("_", p.suffix.lstrip(".").lower())
        candidate = stems[p] if counts[stems[p]] == 1 else f"{stems[p]}.{suffix}"
        unique, n = candidate, 1
        while unique in taken:
            n += 1
            unique = f"{candidate}~{n}"
        taken.add(unique)
        ids[p] = unique
    return ids
