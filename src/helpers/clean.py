"""Clean stage: separate an article's body paragraphs from page boilerplate, and say why.

Three kinds of rules, applied in this order, each recorded by id for every line it removes:
1. metadata lines found by the header stage (`metadata.header`, `metadata.byline`,
   `metadata.outlet`, `metadata.title`): moved to the articles table, not kept in the body;
2. line patterns, data in `data/reference/lang/<code>.yaml` and
   `data/reference/boilerplate_common.yaml` (ads, "Read also", share widgets, donation
   appeals, bank details, photo captions and credits, copyright lines...): a line whose whole
   text matches a pattern is removed; the article's own language is tried first, then the
   language-independent rules, then the other languages (sites mix English widgets in);
3. structural rules: `structure.edge_fragment` removes short lines without sentence
   punctuation at the page's edges (before the first and after the last prose paragraph),
   `structure.link_list` removes the headline list that follows a "Read also"/"Related" label
   inside the body, `structure.duplicate_line` removes a repeat of the title or of an earlier
   line.

Every other non-empty line is a body paragraph and is kept verbatim (whitespace normalised).

Known limits: a genuine short line without punctuation at the very top or bottom of a page
(a one-line dateline, a signature) is removed as an edge fragment; a boilerplate sentence
with full punctuation in the middle of the body survives unless a pattern names it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from helpers import SUPPORTED_LANGUAGES
from helpers.header import HeaderInfo
from helpers.lexicon import BoilerplateRule, load_common_boilerplate, load_lexicon
from helpers.textlines import ends_sentence, is_body_like, normalise_for_compare, word_count

EDGE_FRAGMENT_MAX_WORDS = 12
LINK_LIST_MAX_WORDS = 20
LINK_LIST_LABELS = {"read_also", "related", "trending"}


@dataclass(frozen=True)
class RemovedLine:
    """One line that is not part of the body, with the rule that took it out."""

    line_no: int  # 1-based line number in the decoded text
    rule_id: str
    category: str
    text: str


@dataclass(frozen=True)
class CleanArticle:
    paragraphs: list[str]
    paragraph_line_nos: list[int]
    removed: list[RemovedLine]


class BoilerplateMatcher:
    """All line patterns for one article language, compiled into one alternation."""

    def __init__(self, rules: Sequence[BoilerplateRule]):
        self.rules = list(rules)
        parts = [f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(self.rules)]
        self._regex = re.compile("|".join(parts), re.IGNORECASE)

    def match(self, line: str) -> BoilerplateRule | None:
        m = self._regex.fullmatch(line)
        if m is None or m.lastgroup is None:
            return None
        return self.rules[int(m.lastgroup[1:])]

    def __contains__(self, line: str) -> bool:
        return self.match(line) is not None


@cache
def boilerplate_matcher(language: str, languages: tuple[str, ...] = SUPPORTED_LANGUAGES) -> BoilerplateMatcher:
    """The matcher for articles in `language` (cached: patterns are compiled once per language)."""
    ordered = [language] if language in languages else []
    rules = [*load_lexicon(language).rules()] if ordered else []
    rules += load_common_boilerplate().boilerplate
    for code in languages:
        if code != language:
            rules += load_lexicon(code).rules()
    return BoilerplateMatcher(rules)


def _remaining(lines: Sequence[str], removed: dict) -> list[int]:
    return [i for i, line in enumerate(lines) if line and i not in removed]


def _mark_duplicates(lines: Sequence[str], header: HeaderInfo, removed: dict) -> None:
    seen = {normalise_for_compare(header.title)} if header.title else set()
    for i in _remaining(lines, removed):
        key = normalise_for_compare(lines[i])
        if key and key in seen:
            removed[i] = ("structure.duplicate_line", "duplicate")
        seen.add(key)


def _mark_edge_fragments(lines: Sequence[str], removed: dict) -> None:
    body = [i for i in _remaining(lines, removed) if is_body_like(lines[i])]
    if body:
        first, last = body[0], body[-1]
        for i in _remaining(lines, removed):
            if (i < first or i > last) and word_count(lines[i]) <= EDGE_FRAGMENT_MAX_WORDS \
                    and not ends_sentence(lines[i]):
                removed[i] = ("structure.edge_fragment", "edge_fragment")


def _mark_link_lists(lines: Sequence[str], removed: dict) -> None:
    """A "Read also"/"Related" label followed by a list of headlines inside the body."""
    for i, (_, category) in sorted(removed.items()):
        if category not in LINK_LIST_LABELS:
            continue
        for j in range(i + 1, len(lines)):
            if not lines[j]:
                continue
            if j in removed or is_body_like(lines[j]) or ends_sentence(lines[j]) \
                    or word_count(lines[j]) > LINK_LIST_MAX_WORDS:
                break
            removed[j] = ("structure.link_list", "related")


def clean_lines(lines: Sequence[str], header: HeaderInfo, matcher: BoilerplateMatcher) -> CleanArticle:
    """Split an article's lines into body paragraphs and removed lines (with rule ids)."""
    removed: dict[int, tuple[str, str]] = {}
    for i, rule_id in header.consumed.items():
        removed[i] = (rule_id, "metadata")
    for i, line in enumerate(lines):
        if line and i not in removed:
            rule = matcher.match(line)
            if rule is not None:
                removed[i] = (rule.id, rule.category)
    _mark_duplicates(lines, header, removed)
    _mark_edge_fragments(lines, removed)
    _mark_link_lists(lines, removed)
    kept = _remaining(lines, removed)
    return CleanArticle(
        paragraphs=[lines[i] for i in kept],
        paragraph_line_nos=[i + 1 for i in kept],
        removed=[RemovedLine(i + 1, rule_id, category, lines[i]) for i, (rule_id, category) in sorted(removed.items())],
    )
