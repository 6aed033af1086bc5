"""Sentences stage: split clean paragraphs into sentences with character offsets.

Uses `sentencex` (rule-based, offline, many languages) per paragraph, then re-joins splits that
fall right after an abbreviation listed in the language's lexicon (`abbreviations`), e.g.
"т.е.", "dl.", "Col.". Offsets index the clean text, i.e. the paragraphs joined with "\n";
`clean_text[start:end] == text` for every sentence.

Known limits: a sentence never spans two paragraphs; abbreviations missing from the lexicon
cause a false split, which only costs context in later stages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from helpers.lexicon import load_lexicon


@dataclass(frozen=True)
class Sentence:
    paragraph_no: int
    start: int
    end: int
    text: str
    language: str


# A single capital letter and a full stop ends no sentence: an initial ("J. Biden", "S.E.M. Lavrov").
_INITIAL = re.compile(r"(?:\w\.)*[A-ZÀ-ÖØ-ÞА-ЯЁ]\.")


@cache
def _abbreviations(language: str) -> frozenset[str]:
    try:
        return frozenset(a.casefold() for a in load_lexicon(language).abbreviations)
    except FileNotFoundError:
        return frozenset()


def split_paragraph(paragraph: str, language: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of one paragraph."""
    from sentencex import segment

    abbreviations = _abbreviations(language)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in segment(language or "en", paragraph):
        text = piece.strip()
        if not text:
            continue
        start = paragraph.find(text, cursor)
        if start < 0:  # sentencex normalised something; fall back to the whole rest
            start = cursor
        end = start + len(text)
        cursor = end
        previous_last_token = paragraph[spans[-1][0]: spans[-1][1]].split()[-1] if spans else ""
        if spans and (previous_last_token.casefold() in abbreviations or _INITIAL.fullmatch(previous_last_token)):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    if not spans and paragraph.strip():
        stripped_start = len(paragraph) - len(paragraph.lstrip())
        spans.append((stripped_start, len(paragraph.rstrip())))
    return spans


def split_sentences(paragraphs: Sequence[str], languages: Sequence[str]) -> list[Sentence]:
    """Sentences of a clean text given as paragraphs (and each paragraph's language)."""
    sentences: list[Sentence] = []
    offset = 0
    for number, (paragraph, language) in enumerate(zip(paragraphs, languages, strict=True)):
        for start, end in split_paragraph(paragraph, language):
            sentences.append(Sentence(number, offset + start, offset + end, paragraph[start:end], language))
        offset += len(paragraph) + 1  # the "\n" between paragraphs
    return sentences
