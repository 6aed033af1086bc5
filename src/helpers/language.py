"""Language stage: the main language of an article and passages in other languages.

Uses lingua, offline, restricted to the supported languages (en, fr, bg, ro, ru, es, de, pt,
ar, sw); restricting the set makes short texts far more reliable and the detector small.
The detector is built once per language set and reused.

A paragraph is marked as another language only when it is long enough (>= 25 letters) and
lingua is confident (>= 0.80) that it differs from the article's main language; short or
mixed lines (names, handles, dates) keep the main language.

Known limits: closely related languages on very short texts (es/pt, bg/ru) can be confused;
a language outside the supported set is reported as the nearest supported one with low
confidence (see `language_confidence`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from helpers import SUPPORTED_LANGUAGES

PASSAGE_MIN_LETTERS = 25
PASSAGE_MIN_CONFIDENCE = 0.80
DETECTION_SAMPLE_CHARS = 20_000


@lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]):
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in languages]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str, languages: tuple[str, ...] = SUPPORTED_LANGUAGES) -> tuple[str, float]:
    """Most likely language of `text` as (ISO 639-1 code, confidence 0..1); ("", 0.0) if none."""
    sample = text[:DETECTION_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return "", 0.0
    values = _detector(tuple(languages)).compute_language_confidence_values(sample)
    if not values:
        return "", 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


_WORDS = re.compile(r"[^\W\d_]+")


def common_words(text: str) -> str:
    """The words of a text that are not capitalised (names, titles, sentence starts), or all of them in a text
    written without case (Arabic)."""
    words = _WORDS.findall(text)
    cased = [w for w in words if w[0].lower() != w[0].upper()]
    if not cased:
        return text
    return " ".join(w for w in words if w[0].islower() or w[0].lower() == w[0].upper())


def passage_languages(
    paragraphs: Sequence[str], main_language: str, languages: tuple[str, ...] = SUPPORTED_LANGUAGES
) -> list[str]:
    """Language of each paragraph: the main language unless confidently another one, judged on the paragraph's
    common words (`common_words`): a list of names ("Dong Zhihua — ambasador al Republica Populară Chineză,
    Shoayb Casoo (Republica Africa de Sud), ...") says little of the language it is written in."""
    result = []
    for paragraph in paragraphs:
        sample = common_words(paragraph)
        letters = sum(ch.isalpha() for ch in sample)
        code = main_language
        if letters >= PASSAGE_MIN_LETTERS:
            detected, confidence = detect_language(sample, languages)
            if detected and detected != main_language and confidence >= PASSAGE_MIN_CONFIDENCE:
                code = detected
        result.append(code)
    return result
