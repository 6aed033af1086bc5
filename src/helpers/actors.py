"""Actors: the registry of people with time-bounded roles, and matching their names in text.

Reference data: `data/reference/actors.csv` (stable `actor_id`, Wikidata QID where verified,
canonical Latin name, aliases in Latin, Cyrillic and Arabic scripts, source) and
`actor_roles.csv` (actor, country, role, start, end, source). Roles: head_of_state,
head_of_government, foreign_minister, defence_minister, junta_leader.

Matching works on tokens folded to ASCII (anyascii) and lower-cased, so "Гоита", "Goïta" and
"Goita" agree. A token also matches an alias token when it extends the alias's stem by a short
case ending (Путина, Лаврова, Гоитой) or is a close transliteration variant of it (Гойта ~
Гоита: same first letter, both five letters or more, lengths within one, similarity >= 85);
among aliases of the same length an exact spelling wins over a variant. One-word aliases must be
capitalised in scripts that have case, and aliases of three letters or fewer must match exactly.
Role dates are written at the precision known (`2021-05-24`, `2020-01`, `2019`; see
`role_bound`); spans with no holder are recorded in `role_vacancies.csv`. Arabic clitics (و، ب،
ل، ال...) are stripped before folding.

Known limits: data/reference/registry_coverage.md gives the share of (country, role, day) slots
covered over 2018-2025 and every gap (African foreign and defence ministers are incomplete); roles
were checked up to late 2025. A surname shared by two actors is resolved by the roles active on the
article's date, else reported ambiguous.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from anyascii import anyascii
from rapidfuzz.fuzz import ratio

from helpers.language_rules import fold_spelling
from helpers.paths import REFERENCE_DIR

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")
ARABIC_CLITICS = ("وال", "بال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
MAX_ALIAS_TOKENS = 5
# Case endings (folded) that may follow a name: Slavic (Путина, Лавровым, Гоитой), Romanian
# (Putinului), German/English genitive (Putins).
CASE_ENDINGS = {"a", "u", "e", "i", "om", "em", "im", "oi", "ei", "ia", "iu", "ie", "ii", "ului", "ul", "s",
                "es", "ov", "ova", "ovim", "iei"}


# A day, or a span of days (first, last) such as a publication date known only to the month.
When = dt.date | tuple[dt.date, dt.date] | None


@dataclass(frozen=True)
class Actor:
    actor_id: str
    wikidata_qid: str
    name: str
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Role:
    actor_id: str
    country: str
    role: str
    start: dt.date
    end: dt.date | None
    source: str

    def active_on(self, day: dt.date | tuple[dt.date, dt.date] | None) -> bool:
        """Active on a day, or throughout a span of days (first, last); always when no day is known."""
        if day is None:
            return True
        first, last = day if isinstance(day, tuple) else (day, day)
        return self.start <= first and (self.end is None or last <= self.end)


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    surface: str
    actor_ids: tuple[str, ...]  # one, or several when a surname is shared


_TRANSLIT = [("ph", "f"), ("kh", "h"), ("th", "t"), ("ou", "u"), ("ee", "i"), ("ck", "k"), ("c", "k"), ("y", "i"),
             ("j", "i"), ("w", "v"), ("x", "ks"), ("gue", "ge"), ("gui", "gi"), ("q", "k")]


@lru_cache(maxsize=100_000)
def fold(token: str) -> str:
    """ASCII-folded, lower-cased form of a token, with transliteration variants levelled.

    "Гойта"/"Goita", "Сасу"/"Sassou", "Макрон"/"Macron" fold to the same form: common
    Latin/Cyrillic transliteration differences (y/i, ou/u, c/k, doubled letters) are removed, and
    letters written in more than one way are levelled first ("آبى"/"آبي", see `fold_spelling`).
    """
    folded = anyascii(fold_spelling(token)).lower().replace("'", "").replace("-", "")
    for a, b in _TRANSLIT:
        folded = folded.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", folded)


@lru_cache(maxsize=100_000)
def fold_variants(token: str) -> tuple[str, ...]:
    """A text token's folded forms: as written, and without a leading Arabic clitic."""
    variants = [fold(token)]
    if token and "\u0600" <= token[0] <= "\u06ff":
        for clitic in ARABIC_CLITICS:
            if token.startswith(clitic) and len(token) - len(clitic) >= 3:
                variants.append(fold(token[len(clitic):]))
    return tuple(variants)


def _is_latin(token: str) -> bool:
    return all(ch < "\u0250" or not ch.isalpha() for ch in token)


def _has_case(token: str) -> bool:
    return token[:1].lower() != token[:1].upper()


def role_bound(text: str, *, last: bool) -> dt.date:
    """A role's start or end date: `YYYY-MM-DD`, `YYYY-MM` when only the month is known, `YYYY`
    when only the year is.

    A month- or year-precision bound covers the whole month or year (a start is its first day, an
    end its last), so during a handover whose day we do not know both holders are active and a role
    phrase ("the Malian foreign minister") is left unresolved rather than guessed.
    """
    if len(text) == 4:
        return dt.date(int(text), 1, 1) if not last else dt.date(int(text), 12, 31)
    if len(text) == 7:
        first = dt.date.fromisoformat(text + "-01")
        if not last:
            return first
        next_month = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return next_month - dt.timedelta(days=1)
    return dt.date.fromisoformat(text)


class ActorRegistry:
    """Actors and their roles, read once from the reference files."""

    def __init__(self) -> None:
        with (REFERENCE_DIR / "actors.csv").open(encoding="utf-8") as fh:
            self.actors = {
                row["actor_id"]: Actor(row["actor_id"], row["wikidata_qid"], row["name"],
                                       tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
                                       row["source"])
                for row in csv.DictReader(fh)
            }
        with (REFERENCE_DIR / "actor_roles.csv").open(encoding="utf-8") as fh:
            self.roles = [
                Role(row["actor_id"], row["country"], row["role"], role_bound(row["start"], last=False),
                     role_bound(row["end"], last=True) if row["end"] else None, row["source"])
                for row in csv.DictReader(fh)
            ]
        self._by_actor: dict[str, list[Role]] = {}
        for role in self.roles:
            self._by_actor.setdefault(role.actor_id, []).append(role)

    def roles_of(self, actor_id: str, day: When = None) -> list[Role]:
        return [r for r in self._by_actor.get(actor_id, []) if r.active_on(day)]

    def country_of(self, actor_id: str, day: When = None) -> str:
        """The actor's country on a day or throughout a span (any of its roles when no day is known,
        or none is active throughout), if unique."""
        countries = {r.country for r in self.roles_of(actor_id, day)} or \
            {r.country for r in self.roles_of(actor_id)}
        return next(iter(countries)) if len(countries) == 1 else ""

    def holders(self, country: str, role: str, day: When) -> list[str]:
        """Actors holding a role in a country on a day, or throughout a span of days (all who ever
        held it when no day)."""
        return sorted({r.actor_id for r in self.roles if r.country == country and r.role == role
                       and r.active_on(day)})


COVERED_ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")
# The period the registry's coverage is measured over: 2018 to the last day its data were checked.
COVERAGE_START, COVERAGE_END = dt.date(2018, 1, 1), dt.date(2026, 3, 31)


@dataclass(frozen=True)
class CoverageGap:
    country: str
    role: str
    start: dt.date
    end: dt.date  # last uncovered day

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Vacancy:
    """A span in which a role had no holder (no government after a coup, a cabinet not yet sworn
    in): data/reference/role_vacancies.csv, each with its reason and source."""
    country: str
    role: str
    start: dt.date
    end: dt.date
    reason: str
    source: str


@cache
def role_vacancies() -> tuple[Vacancy, ...]:
    with (REFERENCE_DIR / "role_vacancies.csv").open(encoding="utf-8") as fh:
        return tuple(Vacancy(r["country"], r["role"], dt.date.fromisoformat(r["start"]),
                             dt.date.fromisoformat(r["end"]), r["reason"], r["source"])
                     for r in csv.DictReader(fh))


def coverage_gaps(reg: ActorRegistry, countries: tuple[str, ...], start: dt.date, end: dt.date,
                  roles: tuple[str, ...] = COVERED_ROLES) -> list[CoverageGap]:
    """Spans of days in [start, end] on which nobody in the registry holds a role in a country and
    no vacancy is recorded. A junta leader counts as head of state.

    In systems without a separate head of government (Benin, Kenya, the United States...) the
    registry lists the president as head of government too, so a gap always means missing data.
    """
    gaps = []
    for country in countries:
        for role in roles:
            accepted = {role, "junta_leader"} if role == "head_of_state" else {role}
            spans = [(r.start, r.end or dt.date.max) for r in reg.roles
                     if r.country == country and r.role in accepted]
            spans += [(v.start, v.end) for v in role_vacancies() if v.country == country and v.role == role]
            cursor = start
            for first, last in sorted(spans):
                if first > cursor:
                    gaps.append(CoverageGap(country, role, cursor, min(first - dt.timedelta(days=1), end)))
                if last == dt.date.max:
                    cursor = dt.date.max
                    break
                cursor = max(cursor, last + dt.timedelta(days=1))
                if cursor > end:
                    break
            if cursor <= end:
                gaps.append(CoverageGap(country, role, cursor, end))
    return [g for g in gaps if g.start <= g.end]


def coverage_share(gaps: list[CoverageGap], n_slots: int, start: dt.date, end: dt.date) -> float:
    """Share of (country, role, day) slots covered by a holder or a recorded vacancy."""
    total = n_slots * ((end - start).days + 1)
    return 1 - sum(g.days for g in gaps) / total


@cache
def registry() -> ActorRegistry:
    return ActorRegistry()


class ActorMatcher:
    """Alias token sequences, folded, indexed by their first token's first two letters."""

    def __init__(self, reg: ActorRegistry):
        self.registry = reg
        self._aliases: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        for actor in reg.actors.values():
            for alias in (actor.name, *actor.aliases):
                raw_tokens = TOKEN.findall(alias)
                tokens = tuple(fold(t) for t in raw_tokens)
                if not tokens or len(tokens) > MAX_ALIAS_TOKENS:
                    continue
                entry = (tokens, actor.actor_id, len(raw_tokens) == 1 and len(tokens[0]) <= 3,
                         _is_latin(raw_tokens[0]), anyascii(raw_tokens[0][:1]).lower())
                self._aliases.setdefault(tokens[0][:2], []).append(entry)
        self._first_tokens = {prefix: tuple(sorted({e[0][0] for e in entries}))
                              for prefix, entries in self._aliases.items()}
        self.first_token_matches = lru_cache(maxsize=200_000)(self._first_token_matches)

    def _first_token_matches(self, variants: tuple[str, ...]) -> frozenset[str]:
        """The aliases' first tokens that a text token (its folded variants) can match at all (under the
        loosest comparison): a candidate alias whose first token is not among them cannot match, so `find`
        skips it without comparing."""
        return frozenset(a for v in variants for a in self._first_tokens.get(v[:2], ())
                         if any(self._token_matches(x, a, False, True) for x in variants))

    @staticmethod
    @lru_cache(maxsize=500_000)
    def _token_matches(token: str, alias_token: str, exact_only: bool, fuzzy: bool = True) -> bool:
        if token == alias_token:
            return True
        if exact_only or len(alias_token) < 4 or len(token) < 4:
            return False
        # A case ending after the alias (Putins, Putinului), or instead of its last letter where names are
        # declined (Гоиту, Лаврова): the latter only across scripts, like the loose match below.
        for stem in (alias_token, alias_token[:-1]) if fuzzy else (alias_token,):
            if len(stem) >= 4 and token.startswith(stem) and token[len(stem):] in CASE_ENDINGS:
                return True
        return (fuzzy and token[0] == alias_token[0] and min(len(token), len(alias_token)) >= 5
                and abs(len(token) - len(alias_token)) <= 1
                and ratio(token, alias_token) >= 85)

    def find(self, text: str) -> list[ActorMention]:
        """Actor mentions in `text`, longest alias first, without overlaps."""
        spans = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
        folded = [fold_variants(s[2]) for s in spans]
        found: list[ActorMention] = []
        i = 0
        while i < len(spans):
            # Longest alias first; among aliases of the same length, exact spellings beat variants
            # ("Tiéna Coulibaly" is not "Tiéman Coulibaly" even though the two are close).
            best: tuple[tuple[int, bool], set[str]] = ((0, False), set())
            possible = self.first_token_matches(folded[i])
            candidates = [a for v in folded[i] for a in self._aliases.get(v[:2], []) if a[0][0] in possible] \
                if possible else []
            for alias_tokens, actor_id, exact_only, alias_latin, alias_initial in candidates:
                n = len(alias_tokens)
                if n < best[0][0] or i + n > len(spans):
                    continue
                if n == 1 and _has_case(spans[i][2]) and not spans[i][2][0].isupper():
                    continue
                if n == 1 and alias_latin and _is_latin(spans[i][2]) and \
                        anyascii(spans[i][2][:1]).lower() != alias_initial:
                    continue  # within Latin script a surname keeps its first letter ("Hamas" is not Khama)
                # A surname alone is matched loosely only across scripts (Гойта ~ Goïta), never within
                # Latin script, where a close spelling is another word (Swahili "Makamu" is not Macamo).
                fuzzy = not (n == 1 and alias_latin and _is_latin(spans[i][2]))
                if all(any(self._token_matches(v, alias_tokens[k], exact_only, fuzzy) for v in folded[i + k])
                       for k in range(n)):
                    score = (n, all(alias_tokens[k] in folded[i + k] for k in range(n)))
                    if score > best[0]:
                        best = (score, {actor_id})
                    elif score == best[0]:
                        best[1].add(actor_id)
            if best[0][0]:
                n = best[0][0]
                start, end = spans[i][0], spans[i + n - 1][1]
                found.append(ActorMention(start, end, text[start:end], tuple(sorted(best[1]))))
                i += n
            else:
                i += 1
        return found


@cache
def actor_matcher() -> ActorMatcher:
    return ActorMatcher(registry())
