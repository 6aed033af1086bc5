"""Actor registry: dated roles at the precision known, vacancies, coverage floors, name matching."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from helpers.actors import (
    COVERAGE_END,
    COVERAGE_START,
    COVERED_ROLES,
    actor_matcher,
    coverage_gaps,
    coverage_share,
    registry,
    role_bound,
    role_vacancies,
)
from helpers.entities import region_members
from helpers.paths import REFERENCE_DIR

START, END = COVERAGE_START, COVERAGE_END
# Share of (country, role, day) slots covered, 2018-2025. Floors only go up
# (python scripts/registry_coverage.py prints the current figures and the gaps).
COVERAGE_FLOORS = {  # 2018-01 .. 2026-03 (roles were checked up to spring 2026)
    ("africa", "head_of_state"): 1.0, ("africa", "head_of_government"): 0.998,
    ("africa", "foreign_minister"): 0.988, ("africa", "defence_minister"): 0.83,
    ("outside_power", "head_of_state"): 1.0, ("outside_power", "head_of_government"): 1.0,
    ("outside_power", "foreign_minister"): 0.999, ("outside_power", "defence_minister"): 0.998,
    ("european_partner", "head_of_state"): 1.0, ("european_partner", "head_of_government"): 1.0,
    ("european_partner", "foreign_minister"): 0.999, ("european_partner", "defence_minister"): 0.99,
    ("un_member", "head_of_state"): 0.989, ("un_member", "head_of_government"): 0.993,
    ("un_member", "foreign_minister"): 0.993,
}


@pytest.mark.parametrize(("text", "last", "expected"), [
    pytest.param("2021-05-24", False, dt.date(2021, 5, 24), id="day"),
    pytest.param("2021-05-24", True, dt.date(2021, 5, 24), id="day-end"),
    pytest.param("2020-02", False, dt.date(2020, 2, 1), id="month-start"),
    pytest.param("2020-02", True, dt.date(2020, 2, 29), id="month-end-leap"),
    pytest.param("2023-12", True, dt.date(2023, 12, 31), id="month-end-december"),
    pytest.param("2019", False, dt.date(2019, 1, 1), id="year-start"),
    pytest.param("2019", True, dt.date(2019, 12, 31), id="year-end"),
])
def test_role_bounds_at_the_precision_known(text, last, expected):
    assert role_bound(text, last=last) == expected


def test_a_handover_known_to_the_month_leaves_both_holders():
    # Kenya swapped its foreign and defence secretaries in January 2020 (entered at month precision):
    # a role phrase in that month is ambiguous, and resolved on either side of it.
    reg = registry()
    assert reg.holders("KEN", "foreign_minister", dt.date(2020, 1, 20)) == ["monica_juma", "omamo"]
    assert reg.holders("KEN", "foreign_minister", dt.date(2019, 12, 20)) == ["monica_juma"]
    assert reg.holders("KEN", "foreign_minister", dt.date(2020, 2, 20)) == ["omamo"]


@pytest.mark.parametrize("name", ["actors.csv", "actor_roles.csv", "role_vacancies.csv", "regions.csv"])
def test_every_row_has_the_header_fields(name):
    with (REFERENCE_DIR / name).open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    bad = [i + 1 for i, row in enumerate(rows) if len(row) != len(rows[0])]
    assert not bad, f"{name}: rows {bad} do not have {len(rows[0])} fields (an unquoted comma?)"


def test_role_dates_parse_and_every_role_has_a_source():
    with (REFERENCE_DIR / "actor_roles.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        start = role_bound(row["start"], last=False)
        assert row["end"] == "" or start <= role_bound(row["end"], last=True), row
        assert row["source"].startswith("Wikipedia: "), row


def test_vacancies_have_reasons_sources_and_no_holder():
    reg = registry()
    for v in role_vacancies():
        assert v.reason and v.source and v.start <= v.end and v.role in COVERED_ROLES
        holders = [r.actor_id for r in reg.roles if r.country == v.country and r.role == v.role
                   and r.start <= v.end and (r.end is None or v.start <= r.end)]
        assert not holders, f"vacancy {v} overlaps holders {holders}"


def test_regions_list_the_african_states_outside_powers_and_european_partners():
    assert len(region_members("africa")) == 54
    assert set(region_members("outside_power")) == {"RUS", "CHN", "USA", "FRA", "GBR", "DEU", "TUR", "ARE", "IND",
                                                    "UKR"}
    assert set(region_members("european_partner")) == {"BGR", "ROU", "ESP", "PRT", "ITA"}


@pytest.mark.parametrize(("region", "role"), list(COVERAGE_FLOORS))
def test_registry_coverage_floors(region, role):
    countries = region_members(region)
    gaps = coverage_gaps(registry(), countries, START, END, (role,))
    share = coverage_share(gaps, len(countries), START, END)
    assert share >= COVERAGE_FLOORS[region, role], [f"{g.country} {g.start}..{g.end}" for g in gaps]


def test_heads_of_state_and_government_have_no_gap_longer_than_a_handover():
    countries = region_members("africa") + region_members("outside_power") + region_members("european_partner")
    gaps = coverage_gaps(registry(), countries, START, END, ("head_of_state", "head_of_government"))
    assert [g for g in gaps if g.days > 35] == []


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Tiéna Coulibaly a reçu Tiéman Coulibaly.", [("Tiéna Coulibaly", ("tiena_coulibaly",)),
                                                              ("Tiéman Coulibaly", ("tieman_coulibaly",))],
                 id="exact-spelling-beats-close-variant"),
    pytest.param("Путин и Гойта", [("Путин", ("putin",)), ("Гойта", ("goita",))], id="transliteration-variant"),
    pytest.param("Queen Elizabeth met King Charles.", [("Queen Elizabeth", ("elizabeth_ii",)),
                                                       ("King Charles", ("charles_iii",))], id="titled-names"),
    pytest.param("Malian troops", [], id="demonym-is-not-a-longer-surname"),
    pytest.param("Mais tarde, o ministro", [], id="short-common-word-is-not-a-close-variant"),
    pytest.param("с Махмудом Табитом Комбо", [("Махмудом Табитом Комбо", ("thabit_kombo",))],
                 id="cyrillic-th-as-t-with-case-endings"),
])
def test_actor_matching(text, expected):
    assert [(a.surface, a.actor_ids) for a in actor_matcher().find(text)] == expected
