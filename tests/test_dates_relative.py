"""Relative dates resolve against the publication date only, with precision and rule."""

import datetime as dt

import pytest

from helpers.dates import resolve_month, resolve_weekday, shift_days, shift_months, weekday_names

THURSDAY = dt.date(2024, 3, 28)


@pytest.mark.parametrize(("lang", "word", "index"), [
    pytest.param("en", "wednesday", 2, id="en"), pytest.param("bg", "сряда", 2, id="bg"),
    pytest.param("ro", "joi", 3, id="ro"), pytest.param("fr", "mercredi", 2, id="fr"),
    pytest.param("ru", "среду", None, id="ru-accusative-not-in-cldr"), pytest.param("ru", "среда", 2, id="ru"),
    pytest.param("ar", "الأربعاء", 2, id="ar"), pytest.param("sw", "jumatano", 2, id="sw"),
    pytest.param("es", "miércoles", 2, id="es"), pytest.param("de", "mittwoch", 2, id="de"),
    pytest.param("pt", "quarta-feira", 2, id="pt"),
])
def test_weekday_names_from_cldr(lang, word, index):
    assert weekday_names(lang).get(word) == index


@pytest.mark.parametrize(("weekday", "published", "status", "expected"), [
    pytest.param(2, THURSDAY, "occurred", "2024-03-27", id="wednesday-before-thursday"),
    pytest.param(3, THURSDAY, "occurred", "2024-03-28", id="same-weekday-is-publication-day"),
    pytest.param(4, THURSDAY, "occurred", "2024-03-22", id="friday-is-last-week"),
    pytest.param(1, dt.date(2025, 4, 3), "occurred", "2025-04-01", id="tuesday-across-no-month"),
    pytest.param(0, dt.date(2024, 3, 1), "occurred", "2024-02-26", id="monday-across-month"),
    pytest.param(3, THURSDAY, "planned", "2024-03-28", id="planned-same-weekday-is-the-publication-day"),
    pytest.param(4, THURSDAY, "planned", "2024-03-29", id="planned-friday-tomorrow"),
])
def test_resolve_weekday(weekday, published, status, expected):
    resolved = resolve_weekday(weekday, published, status)
    assert (resolved.value, resolved.precision) == (expected, "day")


def test_weekday_without_publication_date_stays_unresolved():
    resolved = resolve_weekday(2, None, "occurred")
    assert (resolved.value, resolved.precision) == ("", "unknown") and "no publication date" in resolved.rule


@pytest.mark.parametrize(("month", "published", "status", "year", "expected"), [
    pytest.param(6, dt.date(2025, 4, 3), "planned", None, "2025-06", id="planned-june-same-year"),
    pytest.param(2, dt.date(2025, 4, 3), "planned", None, "2026-02", id="planned-february-next-year"),
    pytest.param(8, dt.date(2023, 10, 11), "occurred", None, "2023-08", id="occurred-august-same-year"),
    pytest.param(11, dt.date(2024, 3, 28), "occurred", None, "2023-11", id="occurred-november-last-year"),
    pytest.param(3, dt.date(2024, 3, 28), "occurred", None, "2024-03", id="occurred-this-month"),
    pytest.param(7, None, "occurred", 2023, "2023-07", id="explicit-year-needs-no-anchor"),
])
def test_resolve_month(month, published, status, year, expected):
    resolved = resolve_month(month, published, status, year)
    assert (resolved.value, resolved.precision) == (expected, "month")


def test_month_without_anchor_or_year_is_unresolved():
    assert resolve_month(6, None, "planned").precision == "unknown"


def test_shifts():
    assert shift_days(dt.date(2024, 3, 27), -1, "the previous day").value == "2024-03-26"
    assert shift_days(None, -1, "the previous day").precision == "unknown"
    assert shift_months(dt.date(2023, 10, 11), -1, "last month").value == "2023-09"
    assert shift_months(dt.date(2024, 1, 5), -1, "last month").value == "2023-12"
