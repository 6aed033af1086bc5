"""Line-level text utilities shared by the header and clean stages.

Invisible characters (zero-width spaces and joiners, soft hyphens) and bidirectional controls
(embeddings, overrides, isolates, direction marks: they can make a name display reversed, the
"Trojan Source" trick) are removed before anything reads the text. A word that mixes Latin letters
with Cyrillic or Greek look-alikes ("Rуssia" with a Cyrillic у) is folded to its majority script with
the reviewed table `data/reference/confusables.csv` (`fold_lookalikes`).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache

from helpers.paths import REFERENCE_DIR

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c"
                                    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WORD = re.compile(r"[^\W\d_]{2,}")
# A sentence ends with . ! ? … (Arabic ؟ and ۔ too), optionally followed by closing quotes or
# brackets; a line ending in a closing quote alone ends a quotation.
_TERMINAL = re.compile(r"(?:[.!?…؟۔][\"'”’»)\]]*|[\"”»])\s*$")
_PUNCTUATION_TERMINAL = re.compile(r"[.!?…؟۔][\"'”’»)\]]*\s*$")


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, with "…" when cut (as notes quote)."""
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def split_lines(text: str) -> list[str]:
    """Split text into lines with normalised whitespace (NFC, no invisible characters)."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


def word_count(line: str) -> int:
    """Number of words of two letters or more."""
    return len(_WORD.findall(line))


def ends_sentence(line: str, quote_ends: bool = True) -> bool:
    """True when a line ends the way a sentence or (with `quote_ends`) a quotation does."""
    return bool((_TERMINAL if quote_ends else _PUNCTUATION_TERMINAL).search(line))


def is_body_like(line: str, min_words: int = 8, quote_ends: bool = True) -> bool:
    """A line that reads as running prose: enough words and sentence-final punctuation. Without
    `quote_ends`, a line ending in a bare closing quote (a headline `X: „quote”`) is not prose."""
    return word_count(line) >= min_words and ends_sentence(line, quote_ends)


def normalise_for_compare(line: str) -> str:
    """Case- and punctuation-insensitive form of a line, to spot repeated lines."""
    return " ".join(_WORD.findall(line.casefold()))


def literal_alternation(items) -> str:
    """A regex alternation matching any of `items` literally, longest first (so "Le Figaro" beats "Figaro")."""
    return "|".join(re.escape(x) for x in sorted(set(items), key=len, reverse=True))


_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _lookalikes() -> tuple[dict[str, str], dict[str, str]]:
    """(Cyrillic/Greek letter -> Latin look-alike, Latin letter -> Cyrillic look-alike)."""
    with (REFERENCE_DIR / "confusables.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    to_latin = {r["other"]: r["latin"] for r in rows}
    to_cyrillic = {r["latin"]: r["other"] for r in rows if r["other_name"].startswith("CYRILLIC")}
    return to_latin, to_cyrillic


def _script(ch: str) -> str:
    return unicodedata.name(ch, "").split(" ", 1)[0]


def _fold_word(word: str) -> str:
    scripts = [_script(ch) for ch in word]
    latin = scripts.count("LATIN")
    others = len(scripts) - latin
    if not latin or not others or latin == others:
        return word
    to_latin, to_cyrillic = _lookalikes()
    if latin > others and all(s == "LATIN" or ch in to_latin for ch, s in zip(word, scripts, strict=True)):
        return "".join(ch if s == "LATIN" else to_latin[ch] for ch, s in zip(word, scripts, strict=True))
    if others > latin and set(scripts) <= {"LATIN", "CYRILLIC"} and all(
            s != "LATIN" or ch in to_cyrillic for ch, s in zip(word, scripts, strict=True)):
        return "".join(to_cyrillic[ch] if s == "LATIN" else ch for ch, s in zip(word, scripts, strict=True))
    return word


def fold_lookalikes(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text with each mixed-script word folded to its majority script, and the (word, folded) pairs.
    Only words mixing scripts change, letter for letter, so offsets are unchanged."""
    changed: list[tuple[str, str]] = []

    def fold(match: re.Match) -> str:
        folded = _fold_word(match.group())
        if folded != match.group():
            changed.append((match.group(), folded))
        return folded

    return _LETTERS.sub(fold, text), changed
