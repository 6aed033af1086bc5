"""Entities stage: find countries (and non-state parties) in text, in every supported language.

Reference data: `data/reference/countries.csv` and `country_names.csv` (generated from CLDR and
ISO 3166 by `scripts/build_countries.py`), `country_aliases.csv` (curated: press names,
demonyms, adjective stems, capitals and seats of power used as metonyms), `organizations.csv`
(EU, UN, AU, ECOWAS, AES) and `ambiguous_names.csv`. Inflection rules per language are in the
`inflection` section of `data/reference/lang/<code>.yaml`, so "России", "Rusiei", "Nigerului",
"нигерската", "maliennes" and "وروسيا" match without listing every form.

A name that belongs to several countries (the bare "Congo") is returned with all its candidates
and `ambiguous=True`, never silently resolved; the extraction stage resolves it from context or
reports it.

Capitals (or seats of government) listed in `capitals.csv` also have their CLDR exemplar-city
names in every language ("Nuakchot", "Нуакшот", "نواكشوط"), generated into country_names.csv.

Known limits: only the curated countries have demonyms and adjectives so far (see
country_aliases.csv), and only those in capitals.csv (Africa, the outside powers and some 30
others) their capitals; for the others, CLDR names (and their inflections) are matched. All-caps
acronyms (US, EU, РФ) are matched case-sensitively, everything else case-insensitively.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from helpers.language_rules import fold_spelling, spelling_variants
from helpers.lexicon import load_lexicon
from helpers.paths import REFERENCE_DIR

# The candidate that stands for "an ordinary word, not a country" in an ambiguous match.
COMMON_WORD = "common_word"
# Aliases with lang "latn" (capitals written alike in Latin script) apply to these languages.
LATIN_SCRIPT_LANGUAGES = {"en", "fr", "ro", "es", "de", "pt", "sw"}


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    surface: str
    codes: tuple[str, ...]  # one ISO3 (or organisation) code, or several when ambiguous
    alias_type: str

    @property
    def ambiguous(self) -> bool:
        return len(self.codes) > 1


def _read_csv(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@cache
def organisation_members() -> dict[str, tuple[str, ...]]:
    """Non-state parties (data/reference/organizations.csv) and the member states that some stand for
    in a contact (the AES's foreign ministers are the ministers of its members); empty when none."""
    return {r["code"]: tuple(m for m in r["members"].split(";") if m) for r in _read_csv("organizations.csv")}


@cache
def country_names(language: str) -> tuple[tuple[str, str, str], ...]:
    """(surface, code, alias_type) of every name of every country in one language."""
    rows = [(r["name"], r["iso3"], r["name_type"]) for r in _read_csv("country_names.csv") if r["lang"] == language]
    scripts = {language, "latn"} if language in LATIN_SCRIPT_LANGUAGES else {language}
    rows += [(r["alias"], r["iso3"], r["alias_type"]) for r in _read_csv("country_aliases.csv")
             if r["lang"] in scripts]
    return tuple(rows)


def _spelling_variants(written: str, latin_language: bool = False) -> set[str]:
    """The alias as written, with "and" for CLDR's "&" ("Trinidad & Tobago", "Bosnia & Herzegovina":
    news writes "and"), and (in Latin-script languages, where web text often drops them) without
    its diacritics: "Romaniei", "Peru". Letters written several ways (apostrophes, ș/ş, Arabic
    yā'/alif forms) are matched by `spelling_variants` and looked up by `fold_spelling`."""
    variants = {written, written.replace(" & ", " and ")}
    if latin_language and written.isascii() is False and all(ord(ch) < 0x250 for ch in written):
        variants.add("".join(ch for ch in unicodedata.normalize("NFD", written) if not unicodedata.combining(ch)))
    return variants


def _is_acronym(surface: str) -> bool:
    letters = [ch for ch in surface if ch.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(ch.isupper() for ch in letters) and " " not in surface


class CountryMatcher:
    """All country names of one language compiled into two regexes (acronyms, the rest)."""

    def __init__(self, language: str):
        inflection = load_lexicon(language).inflection
        self.language = language
        self.capitalised_only = {fold_spelling(n.lower()) for n in inflection.capitalised_only}
        self.ambiguous_with_prefix = {fold_spelling(n.lower()) for n in inflection.ambiguous_with_prefix}
        self.noun_suffixes = set(inflection.noun_suffixes)
        self.adjective_suffixes = set(inflection.adjective_suffixes)
        # head (lower-cased unless acronym) -> {code: kind}
        self.heads: dict[str, dict[str, str]] = {}
        self.alias_types: dict[tuple[str, str], str] = {}
        self.surfaces: set[str] = set()  # as written (lower-cased unless acronym); heads are their folded forms
        for written, code, alias_type in country_names(language):
            kind = "adjective" if alias_type == "adjective_stem" else "noun"
            for surface in _spelling_variants(written, language in LATIN_SCRIPT_LANGUAGES):
                self._add(surface, code, kind, alias_type)
                if len(inflection.merged_article) == 2 and surface.startswith(inflection.merged_article[0]):
                    article, merged = inflection.merged_article  # "للصين": "to China"
                    self._add(merged + surface[len(article):], code, kind, alias_type)
            if kind == "noun" and not _is_acronym(written):
                for final in inflection.strip_final:
                    if written.endswith(final) and len(written) > len(final) + 2:
                        self._add(written[: -len(final)], code, "noun_stripped", alias_type)
        prefixes = "|".join(re.escape(p) for p in sorted(inflection.prefixes, key=len, reverse=True))
        prefix_group = f"(?P<prefix>{prefixes})?" if prefixes else "(?P<prefix>)"
        acronyms = [h for h in self.surfaces if _is_acronym(h)]
        words = [h for h in self.surfaces if not _is_acronym(h)]
        self._regexes = []
        for heads, flags in ((words, re.IGNORECASE), (acronyms, 0)):
            if heads:
                alternation = spelling_variants("|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True)))
                self._regexes.append(re.compile(rf"(?<!\w){prefix_group}(?P<head>{alternation})(?P<tail>\w*)", flags))

    def _add(self, surface: str, code: str, kind: str, alias_type: str) -> None:
        written = surface if _is_acronym(surface) else surface.lower()  # lower, not casefold: ß stays ß
        self.surfaces.add(written)
        head = written if _is_acronym(surface) else fold_spelling(written)
        entry = self.heads.setdefault(head, {})
        # A noun reading wins over a stripped-stem reading of the same head.
        if entry.get(code) in (None, "noun_stripped"):
            entry[code] = kind
        self.alias_types.setdefault((head, code), alias_type)

    def _tail_ok(self, kind: str, tail: str) -> bool:
        if kind == "adjective":
            return tail in self.adjective_suffixes
        if kind == "noun_stripped":
            return tail != "" and tail in self.noun_suffixes
        return tail in self.noun_suffixes

    def find(self, text: str) -> list[CountryMention]:
        """Every country mention in `text`, left to right, without overlaps."""
        found: list[CountryMention] = []
        for regex in self._regexes:
            for m in regex.finditer(text):
                head_text = m.group("head")
                head = head_text if _is_acronym(head_text) and regex.flags & re.IGNORECASE == 0 \
                    else fold_spelling(head_text.lower())
                entry = self.heads.get(head) or self.heads.get(head_text, {})
                codes = tuple(sorted(code for code, kind in entry.items() if self._tail_ok(kind, m.group("tail"))))
                if not codes or (head in self.capitalised_only and not head_text[:1].isupper()):
                    continue
                if head in self.ambiguous_with_prefix and m.group("prefix"):
                    codes = (*codes, COMMON_WORD)
                start = m.start("head")
                found.append(CountryMention(start, m.end(), text[start: m.end()], codes,
                                            self.alias_types.get((head, codes[0]), "")))
        found.sort(key=lambda c: (c.start, -(c.end - c.start)))
        result: list[CountryMention] = []
        for mention in found:
            if not result or mention.start >= result[-1].end:
                result.append(mention)
        return result


@cache
def country_matcher(language: str) -> CountryMatcher:
    """The matcher of one language (built once: reference data is read once per run)."""
    return CountryMatcher(language)


@cache
def region_members(region: str) -> tuple[str, ...]:
    """ISO3 codes of a region in data/reference/regions.csv ("africa": the 54 African UN members per
    UN M49; "outside_power": the main outside powers; "european_partner": Bulgaria, Romania, Spain,
    Portugal and Italy; the registry covers the leaders and ministers of all three)."""
    return tuple(r["iso3"] for r in _read_csv("regions.csv") if r["region"] == region)
