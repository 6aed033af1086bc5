"""Line-level text utilities shared by the header and clean stages."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WORD = re.compile(r"[^\W\d_]{2,}")
# A sentence ends with . ! ? … (Arabic ؟ and ۔ too), optionally followed by closing quotes or
# brackets; a line ending in a closing quote alone ends a quotation.
_TERMINAL = re.compile(r"(?:[.!?…؟۔][\"'”’»)\]]*|[\"”»])\s*$")
_PUNCTUATION_TERMINAL = re.compile(r"[.!?…؟۔][\"'”’»)\]]*\s*$")


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
