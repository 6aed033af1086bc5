"""Charts say only what the data says (issue 13): no invented focus country, every dated event has a
mark on the timeline, the month axis has no jumps, network labels never overlap and edges never cross
a dot they do not join, the map is framed on the data's region (far countries in an inset)."""

import math

import pytest
from chartcases import CODES, LONG_NAMES, event_rows, overlap, ring

from helpers import charts

EVENTS = event_rows(("DEU;FRA", "2023-10-05", "day"), ("DEU;ITA", "2024-03", "month"), ("DEU;POL", "2022", "year"))


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
    fig = charts.timeline(event_rows(("DEU;FRA", date, precision)), [])
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
    fig = charts.network(event_rows(*rows), max_nodes=4)
    labels = list(fig.data[-1].text)
    assert len(labels) == 5 and labels[-1] == "other countries" and "Russia" in labels
    sides = {a.xanchor for a in fig.layout.annotations if a.name == "node-label"}
    assert sides == {"left", "right"}  # labels placed beside the circle, on the side of their dot


@pytest.mark.parametrize("n", range(2, len(LONG_NAMES) + 1))
def test_no_two_network_labels_overlap(n):
    layout = charts.network_label_layout(LONG_NAMES[:n], charts.node_angles(n))
    boxes = [lab["box"] for lab in layout]
    assert not [(i, j) for i in range(n) for j in range(i + 1, n) if overlap(boxes[i], boxes[j])]
    assert all(len(line) <= charts.LABEL_WRAP or " " not in line
               for lab in layout for line in lab["text"].split("<br>"))


def test_no_network_edge_runs_across_a_dot_it_does_not_join():
    fig = charts.network(ring(CODES), max_nodes=16)
    dots = fig.data[-1]
    scale = charts._plot_scale(charts.NETWORK_HEIGHT)
    centres = {t: (x, y, size / 2) for t, x, y, size in zip(dots.text, dots.x, dots.y, dots.marker.size, strict=True)}
    for edge in fig.data[:-1]:
        ends = set(edge.text.split(":")[0].split(" – "))
        for label, (cx, cy, radius) in centres.items():
            if label in ends:
                continue
            nearest = min(math.hypot(x - cx, y - cy) for x, y in zip(edge.x, edge.y, strict=True)) * scale
            assert nearest > radius + 2, (edge.text, label)


@pytest.mark.parametrize(("codes", "framed", "inset"), [
    (["MLI", "NER", "BFA"], {"MLI", "NER", "BFA"}, set()),
    (["MLI", "NER", "BFA", "TCD", "USA", "RUS"], {"MLI", "NER", "BFA", "TCD"}, {"USA", "RUS"}),
    (["FRA", "DEU", "POL", "ITA"], {"FRA", "DEU", "POL", "ITA"}, set()),
    (["SEN"], {"SEN"}, set()),
    (["NATO", "MLI"], {"MLI"}, set()),  # an organisation has no outline: ignored, not an inset
])
def test_the_map_is_framed_on_the_region_of_the_data(codes, framed, inset):
    frame, outside = charts.map_frame(dict.fromkeys(codes, 1))
    assert set(outside) == inset
    for code in framed:
        x0, y0, x1, y1 = charts.country_extent(code)
        assert frame[0] <= x0 and x1 <= frame[2] and frame[1] <= y0 and y1 <= frame[3]
    assert frame[2] - frame[0] <= charts.MAP_WINDOW[0] + 2 * charts.MAP_PAD
    assert frame[2] - frame[0] >= charts.MAP_MIN_SPAN[0] and frame[3] - frame[1] >= charts.MAP_MIN_SPAN[1]


def test_a_sahel_map_is_not_a_world_map_and_far_countries_get_an_inset():
    sahel = charts.contact_map(event_rows(("MLI;NER", "2024-01-01", "day"), ("BFA;TCD", "2024-01-02", "day")), [])
    west, east = sahel.layout.geo.lonaxis.range
    assert east - west < 60
    assert {t.geo for t in sahel.data} == {"geo"} and "Inset" not in sahel.layout.annotations[-1].text
    far = charts.contact_map(event_rows(("MLI;NER", "2024-01-01", "day"), ("MLI;RUS", "2024-01-02", "day")), [])
    assert {t.geo for t in far.data} == {"geo", "geo2"} and "Russia" in far.layout.annotations[-1].text
