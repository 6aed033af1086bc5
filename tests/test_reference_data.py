"""Reference data integrity: every language has a valid lexicon, every entry a source."""

import csv
import re

import pytest

from helpers import SUPPORTED_LANGUAGES
from helpers.agency import load_agencies
from helpers.dates import month_names
from helpers.lexicon import load_common_boilerplate, load_lexicon
from helpers.paths import LEXICON_DIR, REFERENCE_DIR


def test_one_lexicon_file_per_supported_language():
    assert sorted(p.stem for p in LEXICON_DIR.glob("*.yaml")) == sorted(SUPPORTED_LANGUAGES)


@pytest.mark.parametrize("code", SUPPORTED_LANGUAGES)
def test_lexicon_is_complete(code):
    lexicon = load_lexicon(code)
    assert lexicon.source.strip()
    assert lexicon.abbreviations and lexicon.header.author_labels and lexicon.header.published_labels
    assert lexicon.credit.before
    assert all(rule.source for rule in lexicon.rules())
    assert all(rule.id.startswith(f"{code}.") for rule in lexicon.boilerplate)
    categories = {rule.category for rule in lexicon.boilerplate}
    assert {"advertisement", "read_also", "share_widget", "comment_prompt", "photo_caption"} <= categories


def test_rule_ids_are_unique():
    ids = [r.id for code in SUPPORTED_LANGUAGES for r in load_lexicon(code).boilerplate]
    ids += [r.id for r in load_common_boilerplate().boilerplate]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("code", SUPPORTED_LANGUAGES)
def test_no_rule_matches_an_empty_or_ordinary_sentence(code):
    from helpers.clean import boilerplate_matcher

    matcher = boilerplate_matcher(code)
    for line in ["", "The minister said the talks were constructive and would continue next week."]:
        assert matcher.match(line) is None


def test_agencies_have_sources_and_unambiguous_aliases():
    agencies = load_agencies()
    assert all(a.source and a.aliases and a.kind in {"wire", "outlet", "state_media"} for a in agencies)
    aliases = [alias.casefold() for a in agencies for alias in a.aliases]
    duplicated = {x for x in aliases if aliases.count(x) > 1}
    assert duplicated == set()


def test_agencies_csv_has_expected_columns():
    with (REFERENCE_DIR / "agencies.csv").open(encoding="utf-8") as fh:
        assert csv.DictReader(fh).fieldnames == ["agency_id", "name", "kind", "aliases", "source"]


def test_month_names_cover_every_language():
    names = month_names()
    for word, month in [("march", 3), ("mars", 3), ("март", 3), ("martie", 3), ("марта", 3), ("marzo", 3),
                        ("märz", 3), ("março", 3), ("مارس", 3), ("machi", 3), ("iunie", 6), ("юни", 6)]:
        assert names[word] == month, word
    assert all(re.fullmatch(r"\S+(?: \S+)?", n) for n in names)
