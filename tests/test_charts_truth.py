"""Charts say only what the data says (issue 13): no invented focus country, every dated event has a
mark on the timeline, the month axis has no jumps."""

import pandas as pd
import pytest

from helpers import charts


def _events(*rows) -> pd.DataFrame:
    base = {"type": "meeting", "status": "occurred", "n_origins": 1, "n_articles": 1, "participants": "",
            "topics": "", "event_id": "ev", "article_ids": "a", "languages": "en", "evidence": "", "n_mentions": 1}
    return pd.DataFrame([base | dict(zip(("countries", "date", "date_precision"), r, strict=True)) for r in rows])


EVENTS = _events(("DEU;FRA", "2023-10-05", "day"), ("DEU;ITA", "2024-03", "month"), ("DEU;POL", "2022", "year"))


@pytest.mark.parametrize(("focus", "says", "never"), [
    ([], "no focus country", "counterparts of Germany"),
    (["DEU"], "counterparts of Germany", "no focus country"),
])
def test_the_timeline_names_a_focus_only_when_one_is_given(focus, says, never):
    title = charts.timeline(EVENTS, focus).layout.title.text
    assert says in title and never not in title


def test_without_focus_every_country_gets_its_bars():
    fig = charts.by_country(EVENTS, [])
    assert "Germany" in {x for trace in fig.data for x in trace.x}


@pytest.mark.parametrize(("precision", "date"), [("day", "2023-10-05"), ("month", "2024-03"), ("year", "2022")])
def test_every_dated_event_has_a_mark_on_the_timeline(precision, date):
    fig = charts.timeline(_events(("DEU;FRA", date, precision)), [])
    xs = [x for trace in fig.data for x in trace.x]
    assert xs and all(str(x).startswith(date[:4]) for x in xs)


def test_the_month_axis_is_continuous():
    fig = charts.heatmap(EVENTS, [])
    assert list(fig.data[0].x) == charts.continuous_months(["2023-10", "2024-03"])
    assert list(fig.data[0].x)[:3] == ["2023-10", "2023-11", "2023-12"] and len(fig.data[0].x) == 6


def test_the_map_has_no_focus_legend_without_a_focus():
    fig = charts.contact_map(EVENTS, [])
    assert not fig.data[1].locations or len(fig.data[1].locations) == 0


def test_the_network_keeps_its_largest_countries_and_groups_the_rest():
    rows = [("RUS;" + code, "2024-01-0" + str(1 + i % 9), "day") for i, code in
            enumerate(["MLI", "NER", "BFA", "TCD", "SEN", "GIN", "CIV", "GHA", "TGO", "BEN"])]
    fig = charts.network(_events(*rows), max_nodes=4)
    labels = list(fig.data[-1].text)
    assert len(labels) == 5 and labels[-1] == "other countries" and "Russia" in labels
    assert len(set(fig.data[-1].textposition)) > 1  # labels placed outward, on the side of their dot
