"""Charts stage: plotly figures of events, and their offline embedding in notebooks and HTML.

Every figure has a title, labelled axes, a colour-blind-safe palette, a fixed print size (640 x
400 px: A4 with 10 mm margins fits 718 px) and says what a mark is. Under papermill plotly's
default renderer emits only a MIME bundle that nbconvert's HTML drops, so figures are embedded
as HTML divs (`figure_html`), and plotly.js plus the map outlines are embedded once
(`offline_assets_html`): the page works with no network.

Map outlines: data/reference/geo/world_110m.json, extracted from the npm package plotly.js 4.1.1
(dist/plotly-geo-assets.js; Natural Earth, public domain), given to plotly.js through
window.PlotlyGeoAssets so it never fetches them from a CDN.

Known limits: undated events cannot be placed on the timeline (they are listed in the report);
the network places nodes on a circle, which gets crowded beyond ~40 countries.
"""

from __future__ import annotations

import csv
import html
import json
import math
from collections import Counter, defaultdict
from functools import cache

import pandas as pd
import plotly.graph_objects as go

from helpers.paths import REFERENCE_DIR

WIDTH, HEIGHT = 640, 400
TYPE_COLOURS = {
    "phone_call": "#0072B2",
    "meeting": "#D55E00",
    "visit": "#009E73",
    "summit": "#CC79A7",
    "message": "#E69F00",
    "other": "#999999",
}
TYPE_SYMBOLS = {
    "phone_call": "circle",
    "meeting": "square",
    "visit": "diamond",
    "summit": "star",
    "message": "triangle-up",
    "other": "x",
}
TYPE_LABELS = {
    "phone_call": "phone call",
    "meeting": "meeting",
    "visit": "visit",
    "summit": "summit",
    "message": "message",
    "other": "other contact",
}
CONFIG = {"displayModeBar": False, "responsive": False}
GEO_ASSETS = {"world_110m": REFERENCE_DIR / "geo" / "world_110m.json"}


@cache
def country_names() -> dict[str, str]:
    """ISO3 (and organisation) code -> English display name."""
    with (REFERENCE_DIR / "countries.csv").open(encoding="utf-8") as fh:
        return {row["iso3"]: row["name_en"] for row in csv.DictReader(fh)}


def name(code: str) -> str:
    """Display name: CLDR's English name, with "Congo - Brazzaville" written "Congo-Brazzaville"."""
    return country_names().get(code, code).replace(" - ", "-")


@cache
def african_codes() -> tuple[str, ...]:
    """ISO3 codes of the African UN members (from the Africa map outline's countries)."""
    data = json.loads((REFERENCE_DIR / "geo" / "africa_110m.json").read_text())
    ids = {g.get("id") for g in data["objects"]["countries"]["geometries"]}
    return tuple(sorted(i for i in ids if i and len(i) == 3))


def offline_assets_html() -> str:
    """plotly.js and the map outlines, inline, once per page (no network needed)."""
    from plotly.offline import get_plotlyjs

    topo = {key: json.loads(path.read_text()) for key, path in GEO_ASSETS.items()}
    return (
        f"<script>window.PlotlyGeoAssets = {{topojson: {json.dumps(topo)}}};</script><script>{get_plotlyjs()}</script>"
    )


def figure_html(fig: go.Figure) -> str:
    """A figure as a fixed-size div (plotly.js is embedded separately), with an id derived from the figure
    itself (plotly's default is a random UUID), so that the same tables give the same report."""
    import hashlib

    return fig.to_html(
        full_html=False,
        div_id="chart-" + hashlib.sha256(fig.to_json().encode("utf-8")).hexdigest()[:12],
        include_plotlyjs=False,
        include_mathjax=False,
        config=CONFIG,
        default_width=f"{WIDTH}px",
        default_height=f"{int(fig.layout.height or HEIGHT)}px",
    )


def _layout(fig: go.Figure, title: str, note: str, height: int = HEIGHT) -> go.Figure:
    fig.update_layout(
        template="plotly_white",
        width=WIDTH,
        height=height,
        title={"text": title, "x": 0.01, "font": {"size": 15}},
        margin={"l": 10, "r": 10, "t": 50, "b": 110},
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 11},
        legend={"orientation": "h", "yanchor": "top", "y": -0.16, "x": 0},
        annotations=[
            *fig.layout.annotations,
            {
                "text": _wrap(note, 90),
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "xanchor": "left",
                "yanchor": "top",
                "y": -0.3,
                "showarrow": False,
                "font": {"size": 10, "color": "#555"},
                "align": "left",
            },
        ],
    )
    return fig


def hub_country(events: pd.DataFrame, focus: list[str]) -> set[str]:
    """The focus countries (FOCUS), or none: without a focus no country is made the centre of the charts
    (they show every country of each event, and say so)."""
    return set(focus)


def counterparts(countries: str, hub: set[str]) -> list[str]:
    codes = countries.split(";")
    others = [c for c in codes if c not in hub]
    return others or codes


def _hover_text(value: str, limit: int = 220) -> str:
    """Article text for a hover label: escaped (never interpreted as HTML) and shortened."""
    value = value if len(value) <= limit else value[: limit - 1] + "…"
    return html.escape(value, quote=False).replace("\n", " ")


def _wrap(value: str, width: int = 70) -> str:
    words, lines, line = value.split(), [], ""
    for w in words:
        if len(line) + len(w) + 1 > width and line:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "<br>".join(lines)


def _event_hover(e) -> str:
    quote = e.evidence.split(" || ")[0]
    return (
        f"<b>{TYPE_LABELS.get(e.type, e.type)}</b> · {html.escape(e.date)} ({e.date_precision})<br>"
        f"{_hover_text(', '.join(name(c) for c in e.countries.split(';')))}<br>"
        f"participants: {_hover_text(e.participants.replace(';', ', ') or 'not named')}<br>"
        f"independent origins: {e.n_origins} · articles: {e.n_articles}<br>"
        f"<i>{_wrap(_hover_text(quote, 260))}</i>"
    )


def timeline(events: pd.DataFrame, focus: list[str]) -> go.Figure:
    """Each event a marker by date and counterpart (symbol = type, size = independent origins);
    month-precision events as spans over their month."""
    hub = hub_country(events, focus)
    dated = events[events["date_precision"].isin(["day", "month", "year"])]
    fig = go.Figure()
    rows = sorted({", ".join(name(c) for c in counterparts(e.countries, hub)) for e in dated.itertuples()})
    for ctype in TYPE_COLOURS:
        sub = dated[(dated["type"] == ctype) & (dated["date_precision"] == "day")]
        if not sub.empty:
            fig.add_trace(
                go.Scatter(
                    x=sub["date"],
                    y=[", ".join(name(c) for c in counterparts(v, hub)) for v in sub["countries"]],
                    mode="markers",
                    name=TYPE_LABELS[ctype],
                    marker={
                        "symbol": TYPE_SYMBOLS[ctype],
                        "color": TYPE_COLOURS[ctype],
                        "line": {"width": 1, "color": "#333"},
                        "size": [10 + 5 * min(n, 6) for n in sub["n_origins"]],
                    },
                    hovertext=[_event_hover(e) for e in sub.itertuples()],
                    hoverinfo="text",
                )
            )
        spans = dated[(dated["type"] == ctype) & dated["date_precision"].isin(["month", "year"])]
        for e in spans.itertuples():
            start = pd.Timestamp(e.date + "-01" if e.date_precision == "month" else e.date + "-01-01")
            end = start + (pd.offsets.MonthEnd(0) if e.date_precision == "month" else pd.offsets.YearEnd(0))
            label = ", ".join(name(c) for c in counterparts(e.countries, hub))
            fig.add_trace(
                go.Scatter(
                    x=[
                        start.strftime("%Y-%m-%d"),
                        (start + (end - start) / 2).strftime("%Y-%m-%d"),
                        end.strftime("%Y-%m-%d"),
                    ],
                    y=[label] * 3,
                    mode="lines+markers",
                    name=f"{TYPE_LABELS[ctype]} ({e.date_precision} only)",
                    line={"color": TYPE_COLOURS[ctype], "width": 8},
                    opacity=0.45,
                    marker={"size": 2},
                    hovertext=[_event_hover(e)] * 3,
                    hoverinfo="text",
                    showlegend=False,
                )
            )
    fig.update_yaxes(title_text="counterpart" if hub else "countries of the event", categoryorder="array",
                     categoryarray=rows, automargin=True)
    fig.update_xaxes(title_text="date of the contact", type="date")
    title = (f"Contacts over time: counterparts of {', '.join(name(c) for c in sorted(hub))}" if hub
             else "Contacts over time, by the countries of each event (no focus country)")
    return _layout(
        fig,
        title,
        "Each marker is one event (symbol = type, size = independent origins); a bar spanning a month or a "
        "year is an event known only to that month or year.",
        height=max(HEIGHT, 120 + 34 * len(rows)),
    )


def by_country(events: pd.DataFrame, focus: list[str]) -> go.Figure:
    """Events per counterpart country, stacked by type."""
    hub = hub_country(events, focus)
    rows = [{"country": name(c), "type": e.type} for e in events.itertuples() for c in counterparts(e.countries, hub)]
    frame = pd.DataFrame(rows, columns=["country", "type"])
    order = frame["country"].value_counts().index.tolist()
    fig = go.Figure()
    for ctype, colour in TYPE_COLOURS.items():
        counts = frame[frame["type"] == ctype]["country"].value_counts()
        if counts.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=order,
                y=[int(counts.get(c, 0)) for c in order],
                name=TYPE_LABELS[ctype],
                marker_color=colour,
                hovertemplate="%{x}: %{y} event(s)<extra>" + TYPE_LABELS[ctype] + "</extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text="counterpart country" if hub else "country")
    fig.update_yaxes(title_text="number of events", dtick=1)
    return _layout(
        fig,
        "Contacts by counterpart country and type" if hub else "Contacts by country and type (no focus country)",
        "Each bar segment counts events of one type; a multilateral event counts once for each counterpart."
        if hub else "Each bar segment counts events of one type; an event counts once for each country in it.",
    )


def continuous_months(months: list[str]) -> list[str]:
    """Every month (YYYY-MM) from the first to the last given, so that a time axis has no jumps."""
    if not months:
        return []
    return [p.strftime("%Y-%m") for p in pd.period_range(months[0], months[-1], freq="M")]


def _count_heatmap(cells: Counter, colorscale: str, hover: str, columns: list[str] | None = None
                   ) -> tuple[go.Figure, int]:
    """A heatmap of counts keyed (row label, column label); returns the figure and its number of rows."""
    columns = columns if columns is not None else sorted({x for _, x in cells})
    rows = sorted({y for y, _ in cells})
    z = [[cells.get((y, x), 0) for x in columns] for y in rows]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=columns,
            y=rows,
            colorscale=colorscale,
            zmin=0,
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": "events"}, "thickness": 12, "dtick": 1},
            hovertemplate=hover,
        )
    )
    fig.update_yaxes(title_text="counterpart country", automargin=True)
    return fig, len(rows)


def heatmap(events: pd.DataFrame, focus: list[str]) -> go.Figure:
    """Counterpart country by month, events per cell."""
    hub = hub_country(events, focus)
    dated = events[events["date_precision"].isin(["day", "month"])]
    cells: Counter = Counter((name(c), e.date[:7]) for e in dated.itertuples() for c in counterparts(e.countries, hub))
    fig, n_rows = _count_heatmap(cells, "Blues", "%{y}, %{x}: %{z} event(s)<extra></extra>",
                                 columns=continuous_months(sorted({x for _, x in cells})))
    fig.update_xaxes(title_text="month", type="category")
    if not hub:
        fig.update_yaxes(title_text="country")
    return _layout(
        fig,
        "Contacts by counterpart and month" if hub else "Contacts by country and month (no focus country)",
        "Each cell counts events in that month (dated events only).",
        height=max(HEIGHT, 140 + 30 * n_rows),
    )


def _flat_layer(codes: list[str], colour: str, line: str, **hover) -> go.Choropleth:
    """Countries filled with one colour (no colour scale); no hover unless `hover` gives one."""
    return go.Choropleth(locations=codes, z=[0] * len(codes), locationmode="ISO-3", showscale=False,
                         colorscale=[[0, colour], [1, colour]], marker_line_color=line, marker_line_width=0.4,
                         **(hover or {"hoverinfo": "skip"}))


def contact_map(events: pd.DataFrame, focus: list[str]) -> go.Figure:
    """Events per counterpart country on a world map zoomed to Africa and the counterparts (offline
    outlines); the focus (or hub) country is drawn apart so it does not swamp the colour scale."""
    hub = hub_country(events, focus)
    counts = Counter(c for cell in events["countries"] for c in cell.split(";") if len(c) == 3)
    base = [c for c in african_codes() if c not in counts]
    fig = go.Figure()
    fig.add_trace(_flat_layer(base, "#eeeeee", "#bbbbbb"))
    hubs = sorted(c for c in counts if c in hub)
    fig.add_trace(_flat_layer(hubs, "#56B4E9", "#555555", text=[name(c) for c in hubs],
                              customdata=[counts[c] for c in hubs],
                              hovertemplate="%{text} (focus): %{customdata} event(s)<extra></extra>"))
    codes = sorted(c for c in counts if c not in hub)
    fig.add_trace(
        go.Choropleth(
            locations=codes,
            z=[counts[c] for c in codes],
            locationmode="ISO-3",
            text=[name(c) for c in codes],
            colorscale=[[0, "#fdbe85"], [1, "#a63603"]],
            zmin=1,
            zmax=max([counts[c] for c in codes], default=1) + 0.01,
            marker_line_color="#555555",
            marker_line_width=0.5,
            colorbar={"title": {"text": "events"}, "thickness": 12, "dtick": 1},
            hovertemplate="%{text}: %{z} event(s)<extra></extra>",
        )
    )
    fig.update_geos(
        projection_type="natural earth",
        showcountries=True,
        countrycolor="#cccccc",
        showcoastlines=True,
        coastlinecolor="#999999",
        showland=True,
        landcolor="#fafafa",
        fitbounds="locations",
        resolution=110,
    )
    focus_note = f"blue = the focus country ({', '.join(name(c) for c in hubs)}); " if hubs else ""
    return _layout(
        fig,
        "Where the contacts are: events per " + ("counterpart country" if hub else "country"),
        f"Orange = number of events with the country; {focus_note}grey = African countries with no event.",
    )


MAX_NETWORK_NODES = 16  # countries drawn in "who talked to whom"; the others are one "other countries" node
OTHERS = "other countries"


def _node_name(code: str) -> str:
    return OTHERS if code == OTHERS else name(code)


def _label_position(angle: float) -> str:
    """A label outside the circle, on the side of its dot, so that neighbours' labels do not collide."""
    x, y = math.cos(angle), math.sin(angle)
    if abs(x) < 0.15:
        return "top center" if y > 0 else "bottom center"
    return ("top " if y > 0.35 else "bottom " if y < -0.35 else "middle ") + ("right" if x > 0 else "left")


def network(events: pd.DataFrame, max_nodes: int = MAX_NETWORK_NODES) -> go.Figure:
    """Who talked to whom: the `max_nodes` countries with most events on a circle (the rest grouped as
    one node), edges weighted by events; actors listed per country."""
    per_country = Counter(c for cell in events["countries"] for c in set(cell.split(";")))
    kept = {c for c, _ in per_country.most_common(max_nodes)}
    pair_counts: Counter = Counter()
    actors: dict[str, set[str]] = defaultdict(set)
    for e in events.itertuples():
        codes = sorted({c if c in kept else OTHERS for c in e.countries.split(";")})
        for i, a in enumerate(codes):
            for b in codes[i + 1 :]:
                pair_counts[(a, b)] += 1
        for person in e.participants.split(";"):
            if person:
                actors[person].update(codes)
    nodes = sorted({c for pair in pair_counts for c in pair}, key=lambda c: (c == OTHERS, c))
    angles = {c: 2 * math.pi * i / max(len(nodes), 1) for i, c in enumerate(nodes)}
    positions = {c: (math.cos(a), math.sin(a)) for c, a in angles.items()}
    fig = go.Figure()
    top = max(pair_counts.values(), default=1)
    for (a, b), n in sorted(pair_counts.items()):
        (xa, ya), (xb, yb) = positions[a], positions[b]
        fig.add_trace(
            go.Scatter(
                x=[xa, xb],
                y=[ya, yb],
                mode="lines",
                showlegend=False,
                line={"width": 1 + 7 * n / top, "color": "rgba(0,114,178,0.55)"},
                hoverinfo="text",
                text=f"{_node_name(a)} – {_node_name(b)}: {n} event(s)",
            )
        )
    weights = {c: sum(n for p, n in pair_counts.items() if c in p) for c in nodes}
    by_country: dict[str, list[str]] = defaultdict(list)
    for person, codes in sorted(actors.items()):
        for c in codes:
            by_country[c].append(person)
    fig.add_trace(
        go.Scatter(
            x=[positions[c][0] for c in nodes],
            y=[positions[c][1] for c in nodes],
            mode="markers+text",
            text=[_node_name(c) for c in nodes],
            textposition=[_label_position(angles[c]) for c in nodes],
            showlegend=False,
            marker={
                "size": [10 + 26 * math.sqrt(weights[c] / max(weights.values())) for c in nodes],
                "color": "#D55E00",
                "line": {"width": 1, "color": "#333"},
            },
            hovertext=[
                f"<b>{_node_name(c)}</b><br>people: "
                f"{html.escape(', '.join(by_country.get(c, [])[:30]) or 'none named')}"
                for c in nodes
            ],
            hoverinfo="text",
        )
    )
    fig.update_xaxes(visible=False, range=[-1.5, 1.5])
    fig.update_yaxes(visible=False, range=[-1.35, 1.35], scaleanchor="x")
    return _layout(
        fig,
        "Who talked to whom",
        "Dots are countries (size = events); line width = number of events between two countries; "
        f"hover a dot for the people named. At most {max_nodes} countries, those with most events; the others are "
        f"one dot, '{OTHERS}'.",
    )


def topics_by_country(events: pd.DataFrame, focus: list[str]) -> go.Figure:
    """Topics raised in events, by counterpart country."""
    hub = hub_country(events, focus)
    cells: Counter = Counter()
    for e in events.itertuples():
        for topic in e.topics.split(";") if e.topics else ["(none found)"]:
            for c in counterparts(e.countries, hub):
                cells[(name(c), topic.replace("_", " "))] += 1
    fig, n_rows = _count_heatmap(cells, "Greens", "%{y} · %{x}: %{z} event(s)<extra></extra>")
    fig.update_xaxes(title_text="topic", tickangle=-30)
    return _layout(
        fig,
        "Topics by counterpart country",
        "Each cell counts events whose evidence raises the topic.",
        height=max(HEIGHT, 160 + 30 * n_rows),
    )
