"""Morphology: lemmas of words and the grammatical future, through maintained libraries where they
cover the language (simplemma for fr, es, pt, ro, de, bg, en; pymorphy3 for Russian), and the
language's own future forms as data (`morphology` in data/reference/lang/<code>.yaml).

- `lemma(word, language)`: the dictionary form (`rencontreront` -> `rencontrer`, `проведут` ->
  `провести`); the word itself, lower-cased, where no lemmatiser covers the language (ar, sw).
- `is_future(word, language)`: the word is a future or conditional verb form: Russian perfective
  non-past (`проведут`, `встретится`), a Romance future/conditional ending on a verb
  (`rencontreront`, `se reunirá`, `conversará`), Arabic `سـ` + imperfect (`سيلتقي`), Swahili `-ta-`
  (`atakutana`).
- `contact_lemma_spans(text, language)`: the words of a text whose lemma is a contact verb of the
  lexicon, by type, as spans (any inflection is a trigger).

Known limits: simplemma guesses unknown words from their ending, so a noun ending like a future
form is tested only when its lemma looks like a verb (`infinitive_endings`); Bulgarian, Romanian
and German mark the future with an auxiliary ("ще", "va", "wird"), which the `planned` markers
cover; Arabic and Swahili have no lemmatiser here.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from helpers.lexicon import load_lexicon

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@cache
def _pymorphy():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    lowered = word.lower()
    engine = load_lexicon(language).morphology.lemmatiser
    if engine == "pymorphy3":
        return _pymorphy().parse(lowered)[0].normal_form
    if engine == "simplemma":
        import simplemma

        return simplemma.lemmatize(lowered, lang=language).lower()
    return lowered


@cache
def _future_form(language: str) -> re.Pattern[str] | None:
    form = load_lexicon(language).morphology.future_form
    return re.compile(rf"(?:{form})", re.IGNORECASE) if form else None


@lru_cache(maxsize=200_000)
def is_future(word: str, language: str) -> bool:
    """A future or conditional verb form (see the module docstring)."""
    morphology = load_lexicon(language).morphology
    lowered = word.lower()
    if morphology.lemmatiser == "pymorphy3":
        parsed = _pymorphy().parse(lowered)[0]
        return parsed.tag.POS == "VERB" and parsed.tag.tense == "futr"
    form = _future_form(language)
    if form is not None and form.fullmatch(lowered):
        return True
    if not morphology.future_suffixes:
        return False
    base = lowered.split("-")[0]  # pt "reunir-se-á": the verb before the clitic
    if lowered.endswith(("-á", "-ão", "-ei")) and base.endswith(tuple(morphology.infinitive_endings)):
        return True
    head = lemma(base, language)
    stem = min(4, len(head) - 2)  # irregular future stems keep the lemma's start: recevoir -> recevra
    return (base != head and base.endswith(tuple(morphology.future_suffixes))
            and head.endswith(tuple(morphology.infinitive_endings)) and base[:stem] == head[:stem])


@cache
def _lemma_types(language: str) -> dict[str, str]:
    return {lemma_: kind for kind, lemmas in load_lexicon(language).morphology.contact_lemmas.items()
            for lemma_ in lemmas}


def contact_lemma_spans(text: str, language: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of the words whose lemma is a contact verb of the language, by contact type."""
    types = _lemma_types(language)
    found: dict[str, list[tuple[int, int]]] = {}
    if not types:
        return found
    for m in WORD.finditer(text):
        kind = types.get(lemma(m.group(0), language))
        if kind:
            found.setdefault(kind, []).append((m.start(), m.end()))
    return found


def future_words(text: str, language: str) -> list[re.Match]:
    """Future or conditional verb forms in `text`, for languages that mark the future by an ending or
    by morphology (not by a prefix, which nouns can share: ar سيارة)."""
    morphology = load_lexicon(language).morphology
    if not (morphology.future_suffixes or morphology.lemmatiser == "pymorphy3"):
        return []
    return [m for m in WORD.finditer(text) if is_future(m.group(0), language)]


FUTURE_WORDS_BEFORE, FUTURE_WORDS_AFTER = 4, 2  # the verb of a trigger noun ("conversará ... por telefone")


def future_near(text: str, span: tuple[int, int], language: str) -> str:
    """A future or conditional verb form among the trigger's own words or, for languages marking the
    future by an ending, the few words before and after it within its clause; "" if none."""
    words = list(WORD.finditer(text))
    inside = [m for m in words if m.start() < span[1] and span[0] < m.end()]
    before = [m for m in words if m.end() <= span[0] and "," not in text[m.end(): span[0]]]
    after = [m for m in words if m.start() >= span[1] and "," not in text[span[1]: m.start()]]
    morphology = load_lexicon(language).morphology
    if morphology.future_suffixes or morphology.lemmatiser == "pymorphy3":
        inside = before[-FUTURE_WORDS_BEFORE:] + inside + after[:FUTURE_WORDS_AFTER]
    elif morphology.future_form:  # the verb right before its object ("itapeleka ujumbe", "ستعقد قمة")
        inside = before[-1:] + inside
    return next((m.group(0) for m in inside if is_future(m.group(0), language)), "")
