"""Publication dates at the precision known: URL dates, the metadata line, the choice among sources,
and relative dates resolved against a publication date known only to the month or year."""

from __future__ import annotations

import pytest

from helpers.dates import Published, resolve_month, resolve_weekday, shift_days, shift_months, shift_years
from helpers.published import DateCandidate, choose_published, metadata_line_date, url_date


@pytest.mark.parametrize(("url", "expected"), [
    pytest.param("https://www.opovo.com.br/noticias/economia/2023/04/27/presidente.html", "2023-04-27", id="y-m-d"),
    pytest.param("https://j1news.com.br/2026/01/27/ligacao-entre-lula-e-macron", "2026-01-27", id="y-m-d-slug"),
    pytest.param("https://www.blogdojasao.com.br/2023/07/presidente-sul-africano.html", "2023-07", id="y-m"),
    pytest.param("https://uz.sputniknews.ru/20250902/mirziyoyev-si-szinpin-51668810.html", "2025-09-02", id="compact"),
    pytest.param("https://news.cgtn.com/news/2020-01-07/Chinese-FM-Wang-Yi/index.html", "2020-01-07", id="iso"),
    pytest.param("https://www.20minutes.fr/monde/4012765-20221201-guerre-ukraine", "2022-12-01", id="compact-dash"),
    pytest.param("https://www.rbc.ru/rbcfreenews/698b16319a7947840596a936", "", id="hex-id"),
    pytest.param("https://novini.bg/article/2025030906574413142", "", id="long-number"),
    pytest.param("https://tass.ru/politika/18043253", "", id="article-id"),
    pytest.param("https://example.com/2023/13/40/x", "", id="impossible"),
    pytest.param("https://bongo5.com/waziri-lavrov-kukutana-na-rais-07-2022/", "2022-07", id="slug-month-year"),
    pytest.param("https://example.com/news/item-13-2022/", "", id="slug-impossible-month"),
    pytest.param("http://m.example.com/english/2019-03/02/c_137861495.htm", "2019-03-02", id="xinhua-y-m/d"),
    pytest.param("https://www.theguardian.com/world/live/2022/jul/20/russia-ukraine", "2022-07-20", id="y-mon-d"),
    pytest.param("https://www.zawya.com/mena/en/story/TR20200213nL8N2ADAPJX2/", "2020-02-13", id="agency-story-id"),
    pytest.param("https://allafrica.com/stories/202410230065.html", "", id="story-number-not-a-date"),
    pytest.param("", "", id="none"),
])
def test_url_dates(url, expected):
    found = url_date(url)
    assert (found.value if found else "") == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(" date 2025-02 Na última terça-feira", "2025-02", id="month"),
    pytest.param("date 2025-08-20 O presidente Lula", "2025-08-20", id="day"),
    pytest.param("The date 2025-02 was set", "", id="not-leading"),
    pytest.param("date 2025-13 x", "", id="bad-month"),
])
def test_metadata_line(text, expected):
    found = metadata_line_date(text)
    assert (found.value if found else "") == expected


def _c(value: str, basis: str) -> DateCandidate:
    return DateCandidate(Published(value), basis, basis)


@pytest.mark.parametrize(("candidates", "value", "basis"), [
    pytest.param([_c("2023-02", "sidecar"), _c("2023-02-18", "url")], "2023-02-18", "url", id="url-refines-month"),
    pytest.param([_c("2023-02", "sidecar"), _c("2024-05-01", "url")], "2023-02", "sidecar", id="contradiction-ignored"),
    pytest.param([None, _c("2024-05-01", "header"), _c("2024-05", "url")], "2024-05-01", "header", id="coarser-later"),
    pytest.param([None, None], "", "none", id="nothing"),
])
def test_choose_published(candidates, value, basis):
    chosen = choose_published(candidates)
    assert ((chosen.published.value, chosen.basis) if chosen else ("", "none")) == (value, basis)


MONTH, YEAR, DAY = Published("2023-02"), Published("2023"), Published("2023-02-16")  # 16 Feb 2023: Thursday


@pytest.mark.parametrize(("resolved", "expected"), [
    pytest.param(resolve_weekday(1, MONTH, "occurred"), ("2023-02", "month"), id="weekday-month"),
    pytest.param(resolve_weekday(1, YEAR, "planned"), ("2023", "year"), id="weekday-year"),
    pytest.param(resolve_weekday(3, DAY, "occurred"), ("2023-02-16", "day"), id="weekday-same-day"),
    pytest.param(shift_days(MONTH, -1, "yesterday"), ("2023-02", "month"), id="yesterday-month"),
    pytest.param(shift_days(DAY, -1, "yesterday"), ("2023-02-15", "day"), id="yesterday-day"),
    pytest.param(shift_months(MONTH, -1, "last month"), ("2023-01", "month"), id="last-month"),
    pytest.param(shift_months(YEAR, -1, "last month"), ("", "unknown"), id="last-month-year-only"),
    pytest.param(shift_months(YEAR, 0, "this month"), ("2023", "year"), id="this-month-year-only"),
    pytest.param(shift_years(MONTH, -1, "last year"), ("2022", "year"), id="last-year"),
    pytest.param(shift_years(None, 0, "this year"), ("", "unknown"), id="this-year-no-anchor"),
    pytest.param(resolve_month(7, MONTH, "occurred"), ("2022-07", "month"), id="month-before"),
    pytest.param(resolve_month(7, YEAR, "occurred"), ("", "unknown"), id="month-year-only"),
])
def test_relative_dates_at_the_precision_of_publication(resolved, expected):
    assert (resolved.value, resolved.precision) == expected


@pytest.mark.parametrize(("text", "ok"), [("2023-02-29", False), ("2024-02-29", True), ("2023", True),
                                          ("2023-2", False), ("23-02", False), ("", False)])
def test_published_parse(text, ok):
    assert (Published.parse(text) is not None) == ok
