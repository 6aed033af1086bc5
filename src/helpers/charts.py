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
the network places nodes on a circle (labels are kept apart with estimated text widths, which a
browser test checks against the drawn boxes), crowded beyond about 30 countries; the map frames whole
countries by their outline's bounding box, so a frame on the Pacific across the date line is cut at
180 degrees.
"""

from __future__ import annotations

import csv
import html
import itertools
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
    """Size, fonts, title, and the caption (what a mark is) under the title, above the plot: there it
    can never run into axis titles, tick labels or the legend below the plot."""
    caption = _wrap(note, 100)
    lines = caption.count("<br>") + 1
    fig.update_layout(
        template="plotly_white",
        width=WIDTH,
        height=height,
        title={"text": title, "x": 0.01, "y": 1 - 8 / height, "yref": "container", "yanchor": "top",
               "font": {"size": 15}},
        margin={"l": 10, "r": 10, "t": 40 + 13 * lines, "b": 90},
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 11},
        legend={"orientation": "h", "yanchor": "top", "y": -0.16, "x": 0},
        annotations=[
            *fig.layout.annotations,
            {
                "text": caption,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "xanchor": "left",
                "yanchor": "bottom",
                "y": 1,
                "yshift": 6,
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


MAP_WINDOW = (120.0, 90.0)  # degrees (longitude, latitude): the largest extent the main map may frame
MAP_MIN_SPAN = (40.0, 30.0)  # degrees: the smallest (one small country is shown with its neighbours)
MAP_PAD = 4.0  # degrees around the countries framed
MAP_STYLE = {"showcountries": True, "countrycolor": "#cccccc", "showcoastlines": True, "coastlinecolor": "#999999",
             "showland": True, "landcolor": "#fafafa", "resolution": 110, "projection": {"type": "natural earth"}}
NEAR_CENTROID = 35.0  # degrees: smaller parts farther than this from the centroid are overseas (not framed)


@cache
def _country_geometry() -> dict[str, tuple[tuple[float, float], list[tuple[float, float, float, float]]]]:
    """ISO3 -> (centroid, bounding box of each part, largest first) from the offline world outline
    (TopoJSON: arcs delta encoded and quantised by `transform`; the centroid is the outline's own `ct`
    property). A part across the date line is measured with its western longitudes shifted by 360."""
    data = json.loads(GEO_ASSETS["world_110m"].read_text())
    (sx, sy), (tx, ty) = data["transform"]["scale"], data["transform"]["translate"]
    arcs = []
    for arc in data["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    out = {}
    for g in data["objects"]["countries"]["geometries"]:
        if not g.get("id") or "ct" not in g.get("properties", {}):
            continue
        boxes = []
        for polygon in [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]:
            points = [pt for ring in polygon for i in ring for pt in arcs[i if i >= 0 else ~i]]
            xs, ys = [pt[0] for pt in points], [pt[1] for pt in points]
            if max(xs) - min(xs) > 180:
                xs = [x + 360 if x < 0 else x for x in xs]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
        boxes.sort(key=lambda b: -(b[2] - b[0]) * (b[3] - b[1]))
        out[g["id"]] = (tuple(g["properties"]["ct"]), boxes)
    return out


def country_extent(code: str) -> tuple[float, float, float, float] | None:
    """Bounding box (lon0, lat0, lon1, lat1) of a country's largest part and the parts near its centroid
    (France without French Guiana), at most MAP_WINDOW wide around the centroid (Russia); None for a code
    without an outline (organisations)."""
    geometry = _country_geometry().get(code)
    if geometry is None:
        return None
    (cx, cy), boxes = geometry
    near = boxes[:1] + [b for b in boxes[1:] if abs((b[0] + b[2]) / 2 - cx) < NEAR_CENTROID
                        and abs((b[1] + b[3]) / 2 - cy) < NEAR_CENTROID]
    x0, y0, x1, y1 = _union(near)
    half_x, half_y = MAP_WINDOW[0] / 2, MAP_WINDOW[1] / 2
    return max(x0, cx - half_x), max(y0, cy - half_y), min(x1, cx + half_x, 180.0), min(y1, cy + half_y)


def map_frame(counts: dict[str, int]) -> tuple[tuple[float, float, float, float] | None, list[str]]:
    """The main map's frame and the countries left outside it (drawn in a world inset). The frame is the
    MAP_WINDOW placed to hold the most countries whole (then the most events, then the fewest square
    degrees), shrunk to them, padded and at least MAP_MIN_SPAN; codes without an outline are ignored."""
    import numpy as np

    codes = sorted(c for c in counts if c in _country_geometry())
    if not codes:
        return None, []
    box = np.array([country_extent(c) for c in codes])
    weight = np.array([counts[c] for c in codes])
    best = None
    for lon0 in sorted(set(box[:, 0])):
        for lat0 in sorted(set(box[:, 1])):
            inside = ((box[:, 0] >= lon0) & (box[:, 2] <= lon0 + MAP_WINDOW[0])
                      & (box[:, 1] >= lat0) & (box[:, 3] <= lat0 + MAP_WINDOW[1]))
            if not inside.any():
                continue
            sub = box[inside]
            area = (sub[:, 2].max() - sub[:, 0].min()) * (sub[:, 3].max() - sub[:, 1].min())
            key = (-int(inside.sum()), -int(weight[inside].sum()), float(area))
            if best is None or key < best[0]:
                best = (key, inside)
    inside = best[1]
    x0, y0, x1, y1 = _union(box[inside].tolist())
    x0, y0, x1, y1 = x0 - MAP_PAD, y0 - MAP_PAD, x1 + MAP_PAD, y1 + MAP_PAD
    grow_x, grow_y = max(0.0, MAP_MIN_SPAN[0] - (x1 - x0)) / 2, max(0.0, MAP_MIN_SPAN[1] - (y1 - y0)) / 2
    frame = (max(-180.0, x0 - grow_x), max(-85.0, y0 - grow_y), min(180.0, x1 + grow_x), min(85.0, y1 + grow_y))
    return tuple(round(v, 2) for v in frame), [c for c, kept in zip(codes, inside, strict=True) if not kept]


def _union(boxes) -> tuple[float, float, float, float]:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def contact_map(events: pd.DataFrame, focus: list[str]) -> go.Figure:
    """Events per counterpart country, framed on the region where the contacts are (`map_frame`, offline
    outlines); countries outside that frame are shown in a small world inset with the frame drawn on it.
    The focus country is drawn apart so it does not swamp the colour scale."""
    hub = hub_country(events, focus)
    counts = Counter(c for cell in events["countries"] for c in cell.split(";") if len(c) == 3)
    frame, outside = map_frame(counts)
    hubs = sorted(c for c in counts if c in hub)
    codes = sorted(c for c in counts if c not in hub)
    zmax = max([counts[c] for c in codes], default=1) + 0.01
    fig = go.Figure()
    for geo in ("geo", "geo2") if outside else ("geo",):
        base = [c for c in african_codes() if c not in counts] if geo == "geo" else []
        fig.add_trace(_flat_layer(base, "#eeeeee", "#bbbbbb").update(geo=geo))
        focus_layer = _flat_layer(hubs, "#56B4E9", "#555555", text=[name(c) for c in hubs],
                                  customdata=[counts[c] for c in hubs],
                                  hovertemplate="%{text} (focus): %{customdata} event(s)<extra></extra>")
        fig.add_trace(focus_layer.update(geo=geo))
        fig.add_trace(
            go.Choropleth(
                geo=geo,
                locations=codes,
                z=[counts[c] for c in codes],
                locationmode="ISO-3",
                text=[name(c) for c in codes],
                colorscale=[[0, "#fdbe85"], [1, "#a63603"]],
                zmin=1,
                zmax=zmax,
                marker_line_color="#555555",
                marker_line_width=0.5,
                showscale=geo == "geo",
                colorbar={"title": {"text": "events"}, "thickness": 12, "dtick": 1},
                hovertemplate="%{text}: %{z} event(s)<extra></extra>",
            )
        )
    if frame is None:
        fig.update_layout(geo=MAP_STYLE)
    else:
        fig.update_layout(geo={**MAP_STYLE, "lonaxis": {"range": [frame[0], frame[2]]},
                               "lataxis": {"range": [frame[1], frame[3]]}, "domain": {"x": [0, 1], "y": [0, 1]}})
    if outside:
        x0, y0, x1, y1 = frame
        fig.add_trace(go.Scattergeo(geo="geo2", lon=[x0, x1, x1, x0, x0], lat=[y0, y0, y1, y1, y0], mode="lines",
                                    line={"width": 1.2, "color": "#0072B2"}, hoverinfo="skip", showlegend=False))
        fig.update_layout(geo2={**MAP_STYLE, "domain": {"x": [0.0, 0.3], "y": [0.0, 0.32]},
                                "showframe": True, "framecolor": "#888", "bgcolor": "rgba(255,255,255,0.9)"})
    focus_note = f"blue = the focus country ({', '.join(name(c) for c in hubs)}); " if hubs else ""
    inset_note = (f" Inset: the whole world, with the main map's frame; outside it: "
                  f"{', '.join(name(c) for c in outside[:8])}{' …' if len(outside) > 8 else ''}." if outside else "")
    return _layout(
        fig,
        "Where the contacts are: events per " + ("counterpart country" if hub else "country"),
        f"Orange = number of events with the country; {focus_note}grey = African countries with no event."
        + inset_note,
    )


OTHERS = "other countries"
NETWORK_HEIGHT = 470  # px: the circle needs the height for its labels (see network_label_layout)
LABEL_RADIUS = 1.13  # labels start just outside the circle of dots (radius 1)
LABEL_FONT = 11  # px
LABEL_LINE = 17  # px per label line (DejaVu Sans at 11 px draws 16 px lines in Chromium; one spare)
LABEL_CHAR = 7.0  # px: a generous mean advance of DejaVu Sans at 11 px (so boxes are never underestimated)
LABEL_WRAP = 22  # characters per label line before a name is wrapped (at a space)
NETWORK_Y_RANGE = 1.32  # the y axis spans -1.32 .. 1.32


def _node_name(code: str) -> str:
    return OTHERS if code == OTHERS else name(code)


def node_angles(n: int) -> list[float]:
    """Angles of n dots on the circle, clockwise from the top, a quarter step off so no dot sits exactly
    at the top or bottom (a label there could not go sideways)."""
    return [math.pi / 2 - 2 * math.pi * (i + 0.25) / max(n, 1) for i in range(n)]


def _plot_scale(height: int) -> float:
    """Pixels per data unit of the network's square axes (the y range bounds it: the plot is wider;
    margins as _layout sets them, with a caption of up to three lines)."""
    return (height - (40 + 13 * 3) - 90) / (2 * NETWORK_Y_RANGE)


def network_label_layout(names: list[str], angles: list[float], height: int = NETWORK_HEIGHT) -> list[dict]:
    """Where each dot's label goes: beside the circle, on the dot's side (left labels end, right labels
    start, at the circle), wrapped at LABEL_WRAP characters; labels of one side are then moved apart
    vertically (top to bottom, then back up) until no two boxes overlap. Returns per label its text (with
    <br>), anchor point (data units), side and estimated box in pixels."""
    scale = _plot_scale(height)
    edge = NETWORK_Y_RANGE * scale  # labels stay inside the plot's height when there is room
    labels = []
    for text, angle in zip(names, angles, strict=True):
        lines = _wrap(text, LABEL_WRAP).split("<br>")
        x, y = LABEL_RADIUS * math.cos(angle), LABEL_RADIUS * math.sin(angle)
        labels.append({"text": "<br>".join(lines), "x": x, "y_px": y * scale, "right": x >= 0,
                       "h": LABEL_LINE * len(lines), "w": LABEL_CHAR * max(len(line) for line in lines)})
    for side in (True, False):
        column = sorted((lab for lab in labels if lab["right"] == side), key=lambda lab: -lab["y_px"])
        if not column:
            continue
        column[0]["y_px"] = min(column[0]["y_px"], edge - column[0]["h"] / 2)
        for above, below in itertools.pairwise(column):  # downwards: each at least its half-heights below
            below["y_px"] = min(below["y_px"], above["y_px"] - (above["h"] + below["h"]) / 2 - 1)
        column[-1]["y_px"] = max(column[-1]["y_px"], -edge + column[-1]["h"] / 2)
        for below, above in itertools.pairwise(column[::-1]):  # then upwards, if the bottom pushed back
            above["y_px"] = max(above["y_px"], below["y_px"] + (above["h"] + below["h"]) / 2 + 1)
    for lab in labels:
        lab["y"] = lab["y_px"] / scale
        x0 = lab["x"] * scale if lab["right"] else lab["x"] * scale - lab["w"]
        lab["box"] = (x0, lab["y_px"] - lab["h"] / 2, x0 + lab["w"], lab["y_px"] + lab["h"] / 2)
    return labels


def _edge_path(a: tuple[float, float], b: tuple[float, float], steps: int = 24) -> tuple[list, list]:
    """A curve from dot a to dot b bent towards the centre (quadratic Bezier, control point at 0.35 of the
    chord's midpoint), so an edge never runs across the dots between its two ends on the circle."""
    cx, cy = 0.35 * (a[0] + b[0]) / 2, 0.35 * (a[1] + b[1]) / 2
    ts = [i / steps for i in range(steps + 1)]
    return ([(1 - t) ** 2 * a[0] + 2 * (1 - t) * t * cx + t * t * b[0] for t in ts],
            [(1 - t) ** 2 * a[1] + 2 * (1 - t) * t * cy + t * t * b[1] for t in ts])


def network(events: pd.DataFrame, max_nodes: int) -> go.Figure:
    """Who talked to whom: the `max_nodes` countries with most events on a circle (the rest grouped as
    one node; the report's parameter network_nodes), edges weighted by events and curved inwards; labels
    beside the circle, never overlapping (network_label_layout); actors listed per country."""
    per_country = Counter(c for cell in events["countries"] for c in set(cell.split(";")))
    kept = {c for c, _ in sorted(per_country.items(), key=lambda kv: (-kv[1], kv[0]))[:max_nodes]}
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
    angles = dict(zip(nodes, node_angles(len(nodes)), strict=True))
    positions = {c: (math.cos(a), math.sin(a)) for c, a in angles.items()}
    fig = go.Figure()
    top = max(pair_counts.values(), default=1)
    for (a, b), n in sorted(pair_counts.items()):
        xs, ys = _edge_path(positions[a], positions[b])
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
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
            mode="markers",
            text=[_node_name(c) for c in nodes],
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
    layout = network_label_layout([_node_name(c) for c in nodes], [angles[c] for c in nodes])
    for c, lab in zip(nodes, layout, strict=True):
        fig.add_annotation(x=lab["x"], y=lab["y"], text=html.escape(lab["text"]).replace("&lt;br&gt;", "<br>"),
                           showarrow=False, xanchor="left" if lab["right"] else "right", yanchor="middle",
                           align="left" if lab["right"] else "right", font={"size": LABEL_FONT},
                           name="node-label")
        if abs(lab["y"] - LABEL_RADIUS * math.sin(angles[c])) > 0.02:  # moved apart: a thin leader to its dot
            fig.add_shape(type="line", x0=positions[c][0], y0=positions[c][1], x1=lab["x"], y1=lab["y"],
                          line={"width": 0.6, "color": "#999"}, layer="below")
    fig.update_xaxes(visible=False, range=[-1.5, 1.5])
    fig.update_yaxes(visible=False, range=[-NETWORK_Y_RANGE, NETWORK_Y_RANGE], scaleanchor="x")
    return _layout(
        fig,
        "Who talked to whom",
        "Dots are countries (size = events); line width = number of events between two countries; "
        f"hover a dot for the people named. At most {max_nodes} countries, those with most events; the others are "
        f"one dot, '{OTHERS}'.",
        height=NETWORK_HEIGHT,
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
