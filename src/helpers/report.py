"""Report stage: parameters, report content and the HTML/PDF build.

`ReportParams` is the one place the report's parameters are defined: the notebook parameters of
notebooks/03_report.ipynb, the CLI options of `python -m helpers report` and the variables of
`make report` map onto it, and it is validated (frozen, extra="forbid") before anything runs.
`build_report` runs the data stages, executes the notebooks with papermill into OUT/_executed,
converts the report notebook to one self-contained HTML file (code hidden, plotly.js and map
outlines inline, no CDN script or style: templates/offline) and prints it to PDF with Debian's
Chromium. Files are replaced atomically: a failed build keeps the previous report and says which
notebook and cell failed.

Every string that comes from an article is escaped before it reaches the page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationError, field_validator

from helpers import SUPPORTED_LANGUAGES, check_subset
from helpers.paths import DATA_DIR, NOTEBOOKS_DIR, PROJECT_ROOT, REFERENCE_DIR, publish, resolve
from helpers.spreadsheet import restore_frame
from helpers.validation import error_lines

FORMATS = ("html", "pdf")
NOTEBOOKS = ("01_clean_articles.ipynb", "02_extract_contacts.ipynb", "03_report.ipynb")
# The parameters each notebook receives from build_report (a notebook must declare all of them).
NOTEBOOK_PARAMETERS = {
    "01_clean_articles.ipynb": ("input_dir", "sources_csv", "out_dir", "languages"),
    "02_extract_contacts.ipynb": ("input_dir", "sources_csv", "out_dir", "languages", "overrides_csv"),
    "03_report.ipynb": ("input_dir", "out_dir", "title", "period_start", "period_end", "focus_countries",
                        "include_planned", "min_origins", "languages", "formats", "network_nodes"),
}
REPORT_NOTEBOOK = "03_report.ipynb"
TEMPLATE_DIR = PROJECT_ROOT / "templates"


class ReportError(RuntimeError):
    """A build step failed; the message names the step (and the notebook cell)."""


@cache
def _known_codes() -> frozenset[str]:
    import csv

    with (REFERENCE_DIR / "countries.csv").open(encoding="utf-8") as fh:
        return frozenset(row["iso3"] for row in csv.DictReader(fh))


def _option(default, cli: str, make: str, help: str, **kw):
    """A report parameter: its default, CLI flag, make variable and help, defined here once. The CLI's
    options (`add_report_arguments`), the string conversion (`params_from_cli`), the notebook's
    parameters (`notebook_parameters`) and the Makefile check (tests) are derived from these fields."""
    return Field(default=default, json_schema_extra={"cli": cli, "make": make, "help": help}, **kw)


class ReportParams(BaseModel):
    """The report's parameters (same names in the notebook; CLI flags and make variables in each field)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    input_dir: str = _option("data/seeds", "--input", "INPUT", "folder of articles")
    out_dir: str = _option("reports", "--out", "OUT", "output folder")
    title: str = _option("Diplomatic contacts", "--title", "TITLE", "report title", min_length=1, max_length=200)
    period_start: dt.date | None = _option(None, "--from", "FROM", "first day included, YYYY-MM-DD")
    period_end: dt.date | None = _option(None, "--to", "TO", "last day included, YYYY-MM-DD")
    focus_countries: tuple[str, ...] = _option((), "--focus", "FOCUS", "ISO3 codes, comma-separated (default: all)")
    include_planned: StrictBool = _option(
        False, "--planned", "PLANNED", "yes to count planned contacts with the others (they are always shown apart)")
    min_origins: StrictInt = _option(1, "--min-origins", "MIN_ORIGINS", "minimum independent origins per event", ge=1)
    languages: tuple[str, ...] = _option(SUPPORTED_LANGUAGES, "--languages", "LANGUAGES",
                                         "ISO 639-1 codes, comma-separated")
    formats: tuple[str, ...] = _option(("html",), "--formats", "FORMATS", "html and/or pdf, comma-separated")
    network_nodes: StrictInt = _option(16, "--network-nodes", "NETWORK_NODES",
                                       "countries drawn in the network chart; the others are one node", ge=2, le=60)

    @field_validator("period_start", "period_end", mode="before")
    @classmethod
    def _empty_is_none(cls, value):
        return None if value in ("", None) else value

    @field_validator("focus_countries")
    @classmethod
    def _known_countries(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        value = tuple(v.strip().upper() for v in value if v.strip())
        unknown = [v for v in value if v not in _known_codes()]
        if unknown:
            raise ValueError(f"unknown ISO3 code(s) {', '.join(unknown)} (see data/reference/countries.csv)")
        return value

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return check_subset(value, SUPPORTED_LANGUAGES)

    @field_validator("formats")
    @classmethod
    def _formats(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return check_subset(value, FORMATS)

    def model_post_init(self, _context) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValueError("the period ends before it starts: period_end is before period_start")


def validate_params(values: dict) -> ReportParams:
    """Validate raw parameters; a ValueError names the offending parameter."""
    try:
        return ReportParams(**values)
    except ValidationError as exc:
        known = f": unknown parameter (known: {', '.join(ReportParams.model_fields)})"
        problems = [line.replace(": unknown parameter", known) for line in error_lines(exc)]
        raise ValueError("; ".join(problems)) from None
    except ValueError as exc:
        raise ValueError(f"parameter period_end: {exc}") from None


def _split(value: str) -> list[str]:
    return [x.strip() for x in value.split(",") if x.strip()]


def _meta(name: str) -> dict:
    return ReportParams.model_fields[name].json_schema_extra


def _cli_default(value) -> str:
    if isinstance(value, tuple):
        return ",".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def add_report_arguments(parser) -> None:
    """CLI options, one per ReportParams field (make report passes its variables through these)."""
    for name, field in ReportParams.model_fields.items():
        meta = field.json_schema_extra
        parser.add_argument(meta["cli"], dest=name, default=_cli_default(field.default), help=meta["help"])


def _from_string(name: str, value: str):
    """A CLI string as the field's type wants it; a ValueError names the parameter."""
    annotation = ReportParams.model_fields[name].annotation
    text = str(value).strip()
    if annotation is StrictBool or annotation is bool:
        if text.lower() not in ("yes", "no", "true", "false", "1", "0", ""):
            raise ValueError(f"parameter {name}: expected yes or no (got {text!r})")
        return text.lower() in ("yes", "true", "1")
    if annotation is StrictInt or annotation is int:
        try:
            return int(text or str(ReportParams.model_fields[name].default))
        except ValueError:
            raise ValueError(f"parameter {name}: expected a whole number (got {value!r})") from None
    if annotation == tuple[str, ...]:
        return tuple(_split(text))
    if name in ("input_dir", "out_dir"):  # a relative path on the command line starts where the user is
        return str(Path(text).resolve()) if text else text
    if ReportParams.model_fields[name].default is None:  # an optional date: empty means none
        return text or None
    return value


def params_from_cli(args: dict) -> ReportParams:
    """ReportParams from the CLI's strings (absent ones take the defaults)."""
    return validate_params({name: _from_string(name, args[name]) for name in ReportParams.model_fields
                            if name in args})


def notebook_parameters(params: ReportParams) -> dict:
    """The papermill parameters of the report notebook (JSON-friendly), paths absolute."""
    values = params.model_dump(mode="json")
    values["input_dir"], values["out_dir"] = str(resolve(params.input_dir)), str(resolve(params.out_dir))
    return {k: ("" if v is None else v) for k, v in values.items()}


# ---------------------------------------------------------------------------------------------
# Content


@dataclass
class ReportData:
    """The tables the report reads, filtered by the parameters."""

    params: ReportParams
    articles: pd.DataFrame
    mentions: pd.DataFrame
    events: pd.DataFrame  # shown in charts and the main table
    planned: pd.DataFrame  # planned contacts (always shown in their own section)
    undated: pd.DataFrame  # events with no date
    near_misses: pd.DataFrame
    unresolved: pd.DataFrame
    notes: pd.DataFrame
    warnings: pd.DataFrame
    filter_warnings: tuple[str, ...] = ()  # parameters that select nothing, said on the first page


def filter_warnings(events: pd.DataFrame, kept: int, params: ReportParams, n_articles: int) -> tuple[str, ...]:
    """What the reader must know on the first page: no article was read (and why), the parameters leave out
    everything, or a focus country has no event."""
    if not n_articles:
        from helpers.ingest import empty_input_hint

        return (empty_input_hint(resolve(params.input_dir)),)
    present = {c for cell in events["countries"] for c in cell.split(";") if c}
    lines = [f"FOCUS {code}: no event in the tables involves {code}"
             for code in params.focus_countries if code not in present]
    if len(events) and not kept:
        lines.append(f"the parameters (period {params.period_start or 'start'} to {params.period_end or 'end'}, focus "
                     f"{', '.join(params.focus_countries) or 'all'}, minimum origins {params.min_origins}) leave none "
                     f"of the {len(events)} events of the tables")
    elif not len(events):
        lines.append("the tables hold no event: see Data quality for the files that could not be used")
    return tuple(lines)


def _read(tables: Path, name: str) -> pd.DataFrame:
    path = tables / f"{name}.csv"
    if not path.exists():
        raise ReportError(f"missing table {path}: run `make tables` (or the report) first")
    return restore_frame(pd.read_csv(path, dtype=str, keep_default_na=False))


def _in_period(date: str, start: dt.date | None, end: dt.date | None) -> bool:
    """A date (day, month or year precision) overlaps the inclusive period."""
    if not date:
        return True
    first = dt.date.fromisoformat((date + "-01-01")[:10] if len(date) < 10 else date)
    if len(date) == 10:
        last = first
    elif len(date) == 7:
        last = (pd.Timestamp(first) + pd.offsets.MonthEnd(0)).date()
    else:
        last = dt.date(first.year, 12, 31)
    return (start is None or last >= start) and (end is None or first <= end)


def _rows(frame: pd.DataFrame, flags) -> pd.DataFrame:
    """The rows of `frame` whose flag is true (safe on an empty frame)."""
    return frame.loc[pd.Series(list(flags), index=frame.index, dtype=bool)]


def mentions_after_merging(mentions: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """The extraction's mentions with their event and their date after merging (mention_events);
    a mention in no event (dropped by an override) keeps its own date and has no event_id."""
    merged = mentions.merge(links, on="mention_id", how="left", suffixes=("", "_merged"))
    in_event = merged["event_id"].fillna("") != ""
    for column in ("date", "date_precision", "date_basis"):
        merged[column] = merged[column].where(~in_event, merged[f"{column}_merged"])
    merged["event_id"] = merged["event_id"].fillna("")
    return merged.drop(columns=[f"{c}_merged" for c in ("date", "date_precision", "date_basis")])


def load_data(params: ReportParams) -> ReportData:
    """Read OUT/tables and apply the report's filters (period, focus, origins, languages, planned)."""
    tables = resolve(params.out_dir) / "tables"
    events = _read(tables, "events")
    for column in ("n_mentions", "n_articles", "n_outlets", "n_origins"):
        events[column] = events[column].astype(int)
    keep = _rows(events, (_in_period(d, params.period_start, params.period_end) for d in events["date"]))
    if params.focus_countries:
        keep = _rows(keep, (bool(set(c.split(";")) & set(params.focus_countries)) for c in keep["countries"]))
    keep = keep[keep["n_origins"] >= params.min_origins]
    keep = _rows(keep, (bool(set(langs.split(";")) & set(params.languages)) for langs in keep["languages"]))
    planned = keep[keep["status"] == "planned"]
    shown = keep if params.include_planned else keep[keep["status"] == "occurred"]
    articles = _read(tables, "articles")
    return ReportData(
        params=params,
        articles=articles,
        mentions=mentions_after_merging(_read(tables, "mentions"), _read(tables, "mention_events")),
        events=shown[shown["date"] != ""].reset_index(drop=True),
        planned=planned.reset_index(drop=True),
        undated=shown[shown["date"] == ""].reset_index(drop=True),
        near_misses=_read(tables, "near_misses"),
        unresolved=_read(tables, "unresolved_dates"),
        notes=_read(tables, "extraction_notes"),
        warnings=_read(tables, "input_warnings"),
        filter_warnings=filter_warnings(events, len(keep), params, len(articles)),
    )


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _h(markup: str):
    from IPython.display import HTML

    return HTML(markup)


CSS = """
<style>
  body { font-family: 'DejaVu Sans', Arial, sans-serif; }
  .rp-title { font-size: 26px; margin: 0 0 4px 0; }
  .rp-sub { color: #555; margin: 0 0 14px 0; }
  .rp-figures { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 16px 0; }
  .rp-figure { border: 1px solid #ddd; border-radius: 6px; padding: 8px 12px; min-width: 110px; }
  .rp-figure b { display: block; font-size: 22px; }
  .rp-figure span { color: #555; font-size: 12px; }
  table.rp-table { border-collapse: collapse; font-size: 10.5px; width: 100%; max-width: 100%; table-layout: fixed; }
  table.rp-table th { background: #f0f0f0; }
  table.rp-table th, table.rp-table td { border: 1px solid #ddd; padding: 3px 5px; vertical-align: top;
    text-align: left !important; overflow-wrap: break-word; word-break: normal; hyphens: auto; white-space: normal; }
  .rp-filters { margin: 6px 0; display: flex; flex-wrap: wrap; gap: 10px; align-items: center; font-size: 12px; }
  .rp-search { min-width: 280px; padding: 3px 6px; }
  .rp-article { border-top: 1px solid #ddd; padding: 4px 0; font-size: 12px; }
  .rp-article-text mark { background: #ffe58a; }
  .rp-text-link { font-size: 10px; }
  .rp-print-only { display: none; }
  table.rp-events col.c-date { width: 12%; } table.rp-events col.c-type { width: 9%; }
  table.rp-table td.rp-nowrap { white-space: nowrap; overflow-wrap: normal; word-break: normal; }
  table.rp-events col.c-who { width: 13%; } table.rp-events col.c-where { width: 11%; }
  table.rp-events col.c-topics { width: 10%; } table.rp-events col.c-src { width: 17%; }
  table.rp-events col.c-ev { width: 28%; }
  .rp-quote { font-style: italic; color: #333; }
  .rp-note { color: #555; font-size: 12px; }
  .rp-empty { color: #777; font-style: italic; }
  .rp-warning { color: #8a4b00; background: #fff4e0; border-left: 4px solid #e69f00; padding: 4px 8px; }
  h2 { border-bottom: 2px solid #0072B2; padding-bottom: 2px; }
  .rp-toc { border: 1px solid #ddd; border-radius: 6px; padding: 6px 12px; margin: 8px 0 12px 0; font-size: 13px; }
  .rp-toc-title { font-weight: bold; margin: 0 0 4px 0; }
  .rp-toc ol { columns: 2; column-gap: 32px; margin: 0; padding-left: 20px; }
  .rp-toc li { display: flex; break-inside: avoid; }
  .rp-toc li a { flex: none; }
  .rp-toc .rp-toc-dots { flex: 1; border-bottom: 1px dotted #aaa; margin: 0 4px 4px 4px; }
  .rp-toc .rp-toc-page { display: none; min-width: 2.2em; text-align: right; }
  @media print {
    h2, h3 { break-after: avoid; }
    .rp-filters, details.rp-article, .rp-screen-only { display: none; }
    .rp-print-only { display: block !important; }
    .rp-toc .rp-toc-page { display: inline; }
    /* A long table may run over pages (the lab template keeps each output on one page). */
    .jp-Cell-outputWrapper:has(.rp-table), .jp-OutputArea-child:has(.rp-table) { break-inside: auto !important; }
    .jp-OutputArea-child:has(.rp-table), .jp-OutputArea-output:has(.rp-table) { display: block !important; }
    h2.rp-break { break-before: page; }
    table.rp-table tr, .rp-figure, .js-plotly-plot, .plotly-graph-div { break-inside: avoid; }
    /* On paper columns take the width of their longest word, so no word is broken ("occurre/d"). */
    table.rp-table { table-layout: auto; }
    table.rp-table th, table.rp-table td { overflow-wrap: normal; word-break: normal; hyphens: manual; }
    table.rp-events td:nth-child(6) { overflow-wrap: anywhere; }
  }
</style>
"""


# The events tables' search, filters and sorting: plain script written for this report (no library, no
# network), reading the cells' text only (never inserting markup).
TABLE_SCRIPT = """<script>
(function () {
  function setup(box) {
    var table = box.querySelector('table'), rows = Array.prototype.slice.call(table.querySelectorAll('tr')).slice(1);
    var search = box.querySelector('.rp-search'), selects = box.querySelectorAll('select');
    var count = box.querySelector('.rp-count');
    var from = box.querySelector('.rp-from'), to = box.querySelector('.rp-to');
    function inRange(date) {  // a month or year overlaps the range when its prefix does
      if (!from.value && !to.value) { return true; }
      if (!date) { return false; }
      return (!from.value || date >= from.value.slice(0, date.length)) &&
             (!to.value || date <= to.value.slice(0, date.length));
    }
    function apply() {
      var q = search.value.toLowerCase(), shown = 0;
      rows.forEach(function (row) {
        var ok = row.textContent.toLowerCase().indexOf(q) >= 0 && inRange(row.dataset.date);
        selects.forEach(function (sel) {
          if (sel.value && (';' + row.dataset[sel.dataset.key] + ';').indexOf(';' + sel.value + ';') < 0) {
            ok = false;
          }
        });
        row.style.display = ok ? '' : 'none';
        if (ok) { shown += 1; }
      });
      count.textContent = shown + ' of ' + rows.length + ' shown';
    }
    [from, to].forEach(function (box) { box.addEventListener('input', apply); });
    search.addEventListener('input', apply);
    selects.forEach(function (sel) { sel.addEventListener('change', apply); });
    Array.prototype.forEach.call(table.querySelectorAll('th'), function (th, col) {
      th.style.cursor = 'pointer';
      th.title = 'sort';
      th.addEventListener('click', function () {
        var up = th.dataset.sort !== 'up';
        th.dataset.sort = up ? 'up' : 'down';
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent, y = b.cells[col].textContent;
          return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
        });
        rows.forEach(function (row) { table.appendChild(row); });
      });
    });
    apply();
  }
  function reveal() {  // a link to an article's text opens its view
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.parentElement && target.parentElement.tagName === 'DETAILS') {
      target.parentElement.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', reveal);
  function contents() {  // the table of contents: every section heading after it (page numbers: html_to_pdf)
    var nav = document.querySelector('.rp-toc');
    if (!nav) { return; }
    var list = nav.querySelector('ol');
    Array.prototype.forEach.call(document.querySelectorAll('h2'), function (h, i) {
      if (!(nav.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING)) { return; }
      if (!h.id) { h.id = 'section-' + i; }
      var li = document.createElement('li'), a = document.createElement('a');
      a.href = '#' + h.id;
      a.textContent = h.textContent.replace(/\u00b6/g, '').trim();
      var dots = document.createElement('span'), page = document.createElement('span');
      dots.className = 'rp-toc-dots';
      page.className = 'rp-toc-page';
      li.appendChild(a); li.appendChild(dots); li.appendChild(page);
      list.appendChild(li);
    });
  }
  function init() { contents(); document.querySelectorAll('.rp-filterable').forEach(setup); reveal(); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
</script>"""


def assets():
    """Report CSS, plotly.js and the map outlines, and the tables' script: shown once, before any chart."""
    from helpers.charts import offline_assets_html

    return _h(CSS + offline_assets_html() + TABLE_SCRIPT)


def _filter_bar(frame: pd.DataFrame) -> str:
    """Search box, date range and country/language/type/status filters above an events table
    (TABLE_SCRIPT); each filter reads the row attribute `_row_keys` writes."""
    from helpers.charts import name

    def select(label: str, key: str, values: dict[str, str]) -> str:
        options = "".join(f"<option value='{_e(v)}'>{_e(shown)}</option>"
                          for v, shown in sorted(values.items(), key=lambda kv: kv[1]))
        return (f"<label>{label} <select data-key='{key}' aria-label='{label}'><option value=''>all</option>"
                f"{options}</select></label>")

    def values(column: str) -> set[str]:
        return {v for cell in frame.get(column, ()) for v in cell.split(";") if v}

    keys = [_row_keys(e) for e in frame.itertuples()]
    return ("<div class='rp-filters'><input class='rp-search' type='search' placeholder='search countries, people, "
            "outlets, quotes' aria-label='search'> "
            "<label>from <input class='rp-from' type='text' size='10' placeholder='YYYY-MM-DD' aria-label='from'>"
            "</label> <label>to <input class='rp-to' type='text' size='10' placeholder='YYYY-MM-DD' aria-label='to'>"
            "</label> "
            + select("country", "countries", {c: name(c) for c in values("countries")}) + " "
            + select("language", "languages", {x: x for x in values("languages")}) + " "
            + select("type", "type", {k["type"]: k["type"] for k in keys}) + " "
            + select("status", "status", {k["status"]: k["status"] for k in keys})
            + " <span class='rp-count rp-note'></span></div>")


def _row_keys(event) -> dict[str, str]:
    """What the table's filters compare for one event row (`data-` attributes, ';'-separated lists)."""
    from helpers.charts import TYPE_LABELS

    return {"date": event.date, "countries": event.countries, "languages": getattr(event, "languages", ""),
            "type": TYPE_LABELS.get(event.type, event.type), "status": event.status}


def heading(data: ReportData):
    p = data.params
    period = f"{p.period_start or 'start'} to {p.period_end or 'end'}"
    focus = ", ".join(p.focus_countries) or "all countries"
    return _h(
        f"<h1 class='rp-title'>{_e(p.title)}</h1><p class='rp-sub'>Focus: {_e(focus)} · period: {_e(period)} · "
        f"planned contacts {'counted with the others' if p.include_planned else 'shown separately'} · "
        f"minimum independent origins: {p.min_origins}</p>"
        + "".join(f"<p class='rp-warning'>Note: {_e(line)}.</p>" for line in data.filter_warnings)
    )


def headline(data: ReportData):
    ev, arts = data.events, data.articles
    ids = {a for cell in ev["article_ids"] for a in cell.split(";") if a}
    used = arts[arts["article_id"].isin(ids)]
    countries = {c for cell in ev["countries"] for c in cell.split(";")}
    dates = sorted(d for d in ev["date"] if d)
    period = f"{dates[0]} – {dates[-1]}" if dates else "no dated event"
    languages = sorted({x for cell in ev["languages"] for x in cell.split(";") if x})
    figures = [
        ("events", len(ev)),
        ("countries", len(countries)),
        ("period covered", period),
        ("articles reporting an event", len(used)),
        ("files read", len(arts)),
        ("outlets", used["outlet"].replace("", pd.NA).nunique()),
        ("events with 2+ independent origins", int((ev["n_origins"] >= 2).sum())),
        ("languages", ", ".join(languages) or "none"),
        ("planned contacts", len(data.planned)),
    ]
    cells = "".join(f"<div class='rp-figure'><b>{_e(v)}</b><span>{_e(k)}</span></div>" for k, v in figures)
    return _h(f"<div class='rp-figures'>{cells}</div>")


def contents():
    """The table of contents: filled from the section headings by TABLE_SCRIPT; html_to_pdf adds the
    page numbers in the PDF."""
    return _h("<nav class='rp-toc'><p class='rp-toc-title'>Contents</p><ol></ol></nav>")


def chart(fig):
    from helpers.charts import figure_html

    return _h(figure_html(fig))


# Long corpora: what one HTML page shows at most, each cut said where it is made (the tables hold everything).
MAX_EVENT_ROWS = 2000  # events per table (those with most independent origins, then most articles)
MAX_SOURCES_SHOWN = 12  # articles listed per event
MAX_QUOTES_SHOWN = 6  # evidence quotes per event
MAX_PLAIN_ROWS = 500  # rows of a review table (near misses, notes, warnings)
MAX_INPUTS_LISTED = 50  # input files listed with their SHA-256 (all are in report_manifest.json)


def _more(n: int, what: str, where: str) -> str:
    return f"<span class='rp-note'>… and {n:,} more {what} ({_e(where)})</span>"


def _sources(article_ids: str, rows: pd.DataFrame) -> str:
    """Outlet, language, date and link of each article (`rows` indexed by article_id), the first
    MAX_SOURCES_SHOWN of them."""
    parts = []
    ids = article_ids.split(";")
    for aid in ids[:MAX_SOURCES_SHOWN]:
        if aid not in rows.index:
            continue
        a = rows.loc[aid]
        label = f"{a['outlet'] or 'unknown outlet'} ({a['language']}, {a['published_date'] or 'undated'})"
        link = a["url"]
        parts.append(
            (f"<a href='{_e(link)}'>{_e(label)}</a>" if link.startswith(("http://", "https://"))
             else f"{_e(label)} [{_e(a['file'])}]")
            + f" <a class='rp-text-link' href='#{_e(article_anchor(aid))}'>text</a>"
        )
    if len(ids) > MAX_SOURCES_SHOWN:
        parts.append(_more(len(ids) - MAX_SOURCES_SHOWN, "articles", "events.csv, column article_ids"))
    return "<br>".join(parts)


def article_anchor(article_id: str) -> str:
    """The id of an article's view in the Sources section (safe in an HTML id and a URL fragment)."""
    return "art-" + hashlib.blake2b(article_id.encode("utf-8"), digest_size=6).hexdigest()


MAX_ARTICLE_VIEWS = 500  # article views in the Sources section (those of the events shown first)


def _highlighted(text: str, sentences: list[str]) -> str:
    """The clean text, escaped, one paragraph per line, with each evidence sentence marked."""
    spans = sorted({(i, i + len(q)) for q in sentences if q and (i := text.find(q)) >= 0})
    out, cursor = [], 0
    for start, end in spans:
        if start < cursor:
            continue
        out += [_e(text[cursor:start]), f"<mark>{_e(text[start:end])}</mark>"]
        cursor = end
    out.append(_e(text[cursor:]))
    return "".join(out).replace("\n", "<br>")


def sources_section(data: ReportData):
    """Each article behind a shown event, one click from its events: outlet, link, publication date and
    how it was known, language, the clean text with the evidence sentences highlighted, and the lines
    removed as boilerplate (with the rule that removed each). Offline, in the same page."""
    tables = resolve(data.params.out_dir) / "tables"
    frames = [f for f in (data.events, data.planned, data.undated) if not f.empty]
    ids = list(dict.fromkeys(a for f in frames for cell in f["article_ids"] for a in cell.split(";")[:MAX_SOURCES_SHOWN]
                             if a))
    if not ids:
        return _h("<p class='rp-empty'>No event, so no source to show.</p>")
    removed = _read(tables, "removed_lines")
    by_article = {aid: g for aid, g in removed.groupby("article_id")}
    quotes = {aid: list(g["sentence"]) for aid, g in data.mentions.groupby("article_id")}
    rows = data.articles.set_index("article_id")
    views = []
    for aid in ids[:MAX_ARTICLE_VIEWS]:
        if aid not in rows.index:
            continue
        a = rows.loc[aid]
        path = resolve(data.params.out_dir) / "clean" / f"{aid}.txt"
        text = path.read_text(encoding="utf-8").rstrip("\n") if path.exists() else ""
        link = (f"<a href='{_e(a['url'])}'>{_e(a['url'])}</a>" if a["url"].startswith(("http://", "https://"))
                else _e(a["file"]))
        lines = by_article.get(aid)
        cut = "" if lines is None or lines.empty else (
            f"<details><summary class='rp-note'>{len(lines)} line(s) removed as boilerplate</summary><ul>"
            + "".join(f"<li><code>{_e(r.rule_id)}</code> {_e(r.text)}</li>" for r in lines.itertuples())
            + "</ul></details>")
        views.append(
            f"<details class='rp-article'><summary><b>{_e(a['outlet'] or 'unknown outlet')}</b> · {_e(a['title'])} · "
            f"{_e(a['language'])}</summary><div id='{article_anchor(aid)}'>"
            f"<p class='rp-note'>{link}<br>published {_e(a['published_date'] or 'date unknown')} "
            f"({_e(a['published_precision'])}, from {_e(a['published_basis'])}) · file {_e(a['file'])} · "
            f"id {_e(aid)}</p>"
            f"<p class='rp-article-text'>{_highlighted(text, quotes.get(aid, []))}</p>{cut}</div></details>")
    more = (f"<p class='rp-note'>The first {MAX_ARTICLE_VIEWS:,} of {len(ids):,} articles; every clean text is in "
            "the clean folder.</p>" if len(ids) > MAX_ARTICLE_VIEWS else "")
    return _h("<p class='rp-note rp-screen-only'>Each article behind an event; the sentences that report a contact "
              "are highlighted. Open one from the events tables (\u201ctext\u201d).</p>"
              f"<p class='rp-note rp-print-only'>The texts of the {len(views):,} articles behind the events, with "
              "the evidence highlighted, are in the HTML report (this section).</p>" + "".join(views) + more)


def _evidence(evidence: str) -> str:
    quotes = []
    parts = evidence.split(" || ")
    for part in parts[:MAX_QUOTES_SHOWN]:
        aid, _, quote = part.partition("] ")
        quotes.append(f"<span class='rp-note'>{_e(aid.lstrip('['))}</span> <span class='rp-quote'>“{_e(quote)}”</span>")
    if len(parts) > MAX_QUOTES_SHOWN:
        quotes.append(_more(len(parts) - MAX_QUOTES_SHOWN, "quotes", "events.csv, column evidence"))
    return "<br>".join(quotes)


def events_table(frame: pd.DataFrame, articles: pd.DataFrame, empty: str = "No event."):
    """Events with date, type, participants, countries, topics, sources and the evidence quotes."""
    from helpers.charts import TYPE_LABELS, name

    if frame.empty:
        return _h(f"<p class='rp-empty'>{_e(empty)}</p>")
    rows = []
    by_id = articles.set_index("article_id")
    shown = frame
    if len(frame) > MAX_EVENT_ROWS:
        shown = frame.sort_values(["n_origins", "n_articles", "event_id"], ascending=[False, False, True],
                                  kind="stable").head(MAX_EVENT_ROWS)
    for e in shown.sort_values(["date", "countries"]).itertuples():
        rows.append(
            "<tr " + " ".join(f"data-{k}='{_e(v)}'" for k, v in _row_keys(e).items())
            + f"><td class='rp-nowrap'>{_e(e.date or 'undated')}<br>"
            f"<span class='rp-note'>{_e(e.date_precision)}</span></td>"
            f"<td>{_e(TYPE_LABELS.get(e.type, e.type))}<br><span class='rp-note'>{_e(e.status)}</span></td>"
            f"<td>{_e(e.participants.replace(';', ', ') or '—')}</td>"
            f"<td>{_e(', '.join(name(c) for c in e.countries.split(';')))}</td>"
            f"<td>{_e(e.topics.replace(';', ', ').replace('_', ' ') or '—')}</td>"
            f"<td>{_sources(e.article_ids, by_id)}<br><span class='rp-note'>{e.n_origins} independent "
            f"origin(s)</span></td><td>{_evidence(e.evidence)}</td></tr>"
        )
    cols = "".join(f"<col class='c-{c}'>" for c in ("date", "type", "who", "where", "topics", "src", "ev"))
    head = (
        "<tr><th>date</th><th>type</th><th>participants</th><th>countries</th><th>topics</th><th>sources</th>"
        "<th>evidence (original language)</th></tr>"
    )
    cut = (f"<p class='rp-note'>Showing {MAX_EVENT_ROWS:,} of {len(frame):,} events: those with the most "
           f"independent origins, then the most articles. All of them are in tables/events.csv.</p>"
           if len(frame) > MAX_EVENT_ROWS else "")
    return _h(f"{cut}<div class='rp-filterable'>{_filter_bar(shown)}<table class='rp-table rp-events'>"
              f"<colgroup>{cols}</colgroup>{head}{''.join(rows)}</table></div>")


def _plain_table(frame: pd.DataFrame, columns: list[str], empty: str):
    if frame.empty:
        return _h(f"<p class='rp-empty'>{_e(empty)}</p>")
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(row[c])}</td>" for c in columns) + "</tr>"
        for row in frame[columns].head(MAX_PLAIN_ROWS).to_dict("records")
    )
    cut = (f"<p class='rp-note'>The first {MAX_PLAIN_ROWS:,} of {len(frame):,} rows; all are in the tables folder.</p>"
           if len(frame) > MAX_PLAIN_ROWS else "")
    return _h(f"<table class='rp-table'><tr>{head}</tr>{body}</table>{cut}")


def near_misses_table(data: ReportData):
    return _plain_table(
        data.near_misses,
        ["event_id_a", "event_id_b", "countries", "type_a", "type_b", "date_a", "date_b", "reason"],
        "No near miss: no pair of events was close enough to need a second look.",
    )


def unresolved_table(data: ReportData):
    undated_mentions = data.mentions[data.mentions["date_precision"] == "unknown"]
    frame = undated_mentions.assign(why=undated_mentions["date_basis"])
    return _plain_table(
        frame,
        ["mention_id", "countries", "type", "date_raw", "why"],
        "Every mention has a date (resolved from its article or borrowed from a corroborating one).",
    )


# Extraction notes that changed who the parties are: a country read as the subject of the talks or
# as a venue, a person recognised from earlier in the article, a subject taken from the previous
# contact, a bare month read as upcoming.
READING_DECISIONS = ("topic_country", "venue", "introduced_name", "pronoun_resolved", "planned_by_month")


def data_quality(data: ReportData):
    skipped = data.articles[data.articles["status"] != "ok"]
    parts = [
        "<h3>Files not read</h3>",
        _plain_table(skipped, ["file", "status_reason"], "Every file was read.").data,
        "<h3>Input warnings</h3>",
        _plain_table(data.warnings, ["source", "file", "message"], "No sidecar or file warning.").data,
        "<h3>Unmapped names</h3>",
        _plain_table(
            data.notes[data.notes["kind"] == "unmapped_name"],
            ["article_id", "surface", "detail"],
            "Every person named after a title is in the actor registry.",
        ).data,
        "<h3>Ambiguous matches</h3>",
        _plain_table(
            data.notes[data.notes["kind"].str.startswith("ambiguous")],
            ["kind", "article_id", "surface", "detail"],
            "No ambiguous country or person name.",
        ).data,
        "<h3>Sentences with contact words that gave no mention</h3>",
        _plain_table(
            data.notes[data.notes["kind"].str.startswith(("rejected", "single_party", "elaboration"))],
            ["kind", "article_id", "surface"],
            "None.",
        ).data,
        "<h3>Reading decisions that set a party aside or added one</h3>",
        _plain_table(
            data.notes[data.notes["kind"].isin(READING_DECISIONS)],
            ["kind", "article_id", "surface", "detail"],
            "None.",
        ).data,
        "<h3>Dates not resolved</h3>",
        _plain_table(
            data.unresolved,
            ["mention_id", "countries", "date_raw", "candidate_dates"],
            "No mention was left with several candidate dates.",
        ).data,
    ]
    return _h("".join(parts))


REAL_QUALITY = DATA_DIR / "gold" / "real_quality.yaml"


def real_accuracy():
    """Accuracy on real news (the real-article development set, data/gold/real_quality.yaml): the first
    run of the latest batches first (the estimate for unseen articles), every batch's first run, the
    whole set after fixes per language, and what the numbers mean for the tables below."""
    import yaml

    q = yaml.safe_load(REAL_QUALITY.read_text(encoding="utf-8"))
    latest, fixed = q["latest_first_run"], q["after_fixes"]
    runs = "".join(f"<tr><td>{r['batch']}</td><td>{r['strict_f1']:.3f}</td><td>{r['precision']:.3f}</td>"
                   f"<td>{r['recall']:.3f}</td><td>{r['countries_f1']:.3f}</td></tr>" for r in q["first_runs"])
    langs = "".join(f"<tr><td>{_e(k)}</td><td>{v:.3f}</td></tr>" for k, v in fixed["strict_f1_by_language"].items())
    return _h(
        f"<p><b>On real news articles no one here wrote</b>, the latest first run (batches {_e(latest['batches'])}, "
        f"{latest['articles']} articles in ten languages, scored before any rule was changed for them) finds "
        f"contacts with strict F1 <b>{latest['strict_f1']:.3f}</b> (precision {latest['precision']:.3f}, recall "
        f"{latest['recall']:.3f}; right countries, type, status and date) and <b>{latest['countries_f1']:.3f}</b> "
        f"when only the countries are asked. Over the last {q['pooled_last_ten_first_runs']['articles']} unseen "
        f"articles the strict F1 is about {q['pooled_last_ten_first_runs']['strict_f1']:.2f}. For the tables below "
        "this means: roughly one event in two is right in every field, some events are missing (lists of many "
        "contacts in one article are the weakest case), and some are wrong; check an event against its evidence "
        "before citing it.</p>"
        f"<p class='rp-note'>After the rules were developed on them, the {fixed['articles']} articles of the set score "
        f"{fixed['strict_f1']:.3f} strict, {fixed['countries_f1']:.3f} countries-only and events F1 "
        f"{fixed['events_f1']:.3f}: an upper bound, not an estimate.</p>"
        "<table class='rp-table'><tr><th>batch (first run)</th><th>strict F1</th><th>precision</th><th>recall</th>"
        f"<th>countries F1</th></tr>{runs}</table>"
        f"<table class='rp-table'><tr><th>language (after fixes)</th><th>strict F1</th></tr>{langs}</table>"
    )


def gold_scores():
    """Extraction scores on the project's own regression gold (data/gold), labelled as such."""
    from helpers import gate

    _, table = gate.evaluate_all()
    rows = "".join(
        f"<tr><td>{_e(group)}</td><td>{m['precision']:.3f}</td><td>{m['recall']:.3f}</td><td>{m['f1']:.3f}</td>"
        f"<td>{m.get('date_accuracy', m.get('article_set_accuracy', 0)):.3f}</td><td>{m['n_gold']}</td></tr>"
        for group, m in table.items()
    )
    return _h(
        "<p><b>Regression gold (not accuracy):</b> the rules were written against these passages, so they score "
        "about 1.000 by construction; a drop means a rule broke.</p>"
        "<table class='rp-table'><tr><th>group</th><th>precision</th><th>recall</th><th>F1</th>"
        "<th>date accuracy (events: article sets)</th><th>gold contacts</th></tr>" + rows + "</table>"
        f"<p class='rp-note'>Scores of contact extraction against hand-coded expectations (the seeds and "
        f"{len(gate.load_gold()['passages'])} passages in 10 languages written by the project team). They are a "
        "regression floor, not a measure on unseen news.</p>"
    )


METHOD = """
<p>Each article is read whatever its encoding, cleaned of page boilerplate (every removed line is recorded with the
rule that removed it), and dated from its sidecar entry, header, byline or dateline, never from today's date.
Sentences that report a contact between states are found with per-language vocabularies: phone calls, meetings,
visits, summits and messages, planned or not; denials, cancellations and habitual statements are set aside. Parties
come from a country gazetteer (names, inflected forms, demonyms, capitals and seats of power in ten languages) and
from a registry of leaders and ministers with dated roles, so that "the Malian foreign minister" names the right
person on the day. Relative dates ("on Wednesday", "last month") are resolved against the article's publication
date only.</p>
<p>Reports of the same contact are merged into one event when they name the same countries, compatible contact types,
the same status and compatible dates, within each article first; every merge is explained. An undated report
takes the date of another article's event only with evidence: a related article (a copy, a translation, the same
wire) reports it, or it lies in the two weeks before the undated article's publication. Independent origins count
copies, translations and articles crediting the same wire once.</p>
<p><b>Limits.</b> The rules read sentences, not meaning: a country named in a side clause can be taken as a party,
pronouns are resolved only in simple cases, and a contact reported in a way the vocabularies do not cover is missed.
Actors and demonyms are curated for the states that matter most to this corpus; others are matched by their names
only. Dates written relative to an unknown publication date stay unresolved unless a corroborating article fixes them.
Counts reflect what the collected articles report, not every contact that took place.</p>
"""


def method_and_limits():
    return _h(METHOD)


def _git_commit() -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return commit + ("+uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"


def package_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    names = [
        "pandas",
        "plotly",
        "papermill",
        "nbconvert",
        "pandera",
        "trafilatura",
        "lingua-language-detector",
        "babel",
        "dateparser",
        "rapidfuzz",
        "anyascii",
        "datasketch",
        "sentencex",
        "charset-normalizer",
        "pydantic",
        "playwright",
    ]
    result = {}
    for n in names:
        try:
            result[n] = version(n)
        except PackageNotFoundError:
            result[n] = "not installed"
    return result


def input_hashes(params: ReportParams) -> dict[str, str]:
    folder = resolve(params.input_dir)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def reproducibility(data: ReportData):
    params = data.params.model_dump(mode="json")
    hashes = input_hashes(data.params)
    rows = "".join(f"<tr><td>{_e(k)}</td><td><code>{_e(v)}</code></td></tr>"
                   for k, v in list(hashes.items())[:MAX_INPUTS_LISTED])
    if len(hashes) > MAX_INPUTS_LISTED:
        whole = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()
        rows += (f"<tr><td colspan='2'>{_more(len(hashes) - MAX_INPUTS_LISTED, 'input files', 'report_manifest.json')}"
                 f"<br><span class='rp-note'>SHA-256 of the whole list (name: hash, as JSON): "
                 f"<code>{whole}</code></span></td></tr>")
    versions = ", ".join(f"{_e(k)} {_e(v)}" for k, v in package_versions().items())
    built = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return _h(
        f"<p><b>git commit:</b> <code>{_e(_git_commit())}</code><br><b>built:</b> {built}</p>"
        f"<p><b>parameters:</b> <code>{_e(json.dumps(params, ensure_ascii=False))}</code></p>"
        f"<p><b>packages:</b> {versions}</p>"
        f"<table class='rp-table'><tr><th>input file</th><th>SHA-256</th></tr>{rows}</table>"
    )


# ---------------------------------------------------------------------------------------------
# Build


def _atomic_replace(tmp: Path, target: Path) -> None:
    publish(tmp, target)


def execute_notebook(name: str, parameters: dict, executed_dir: Path) -> Path:
    """Run one notebook with papermill; unknown parameters are refused (papermill only warns)."""
    import papermill as pm

    source = NOTEBOOKS_DIR / name
    declared = pm.inspect_notebook(str(source))
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        raise ReportError(f"notebook {name} has no parameter {', '.join(unknown)} (it has: {', '.join(declared)})")
    target = executed_dir / name
    try:
        pm.execute_notebook(
            str(source),
            str(target),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            # the kernel is local (loopback only); its warning about TCP without encryption is noise in every build
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
            cwd=str(NOTEBOOKS_DIR),
        )
    except pm.PapermillExecutionError as exc:
        raise ReportError(
            f"notebook {name} failed in cell {exc.exec_count}: {exc.ename}: {exc.evalue.strip()}; "
            f"the executed notebook is kept at {target}"
        ) from None
    return target


EXTERNAL_SOURCE = r"<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*[\"']?(?:https?:)?//"


def notebook_to_html(executed: Path, title: str = "") -> str:
    """The executed report notebook as one self-contained HTML page, code hidden; `title` is the page's
    <title> (and so the PDF's Title)."""
    import re

    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATE_DIR)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    notebook = nbformat.read(executed, as_version=4)
    for n, cell in enumerate(notebook.cells):  # papermill gives its injected cell a random id: the same every build
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = f"injected-parameters-{n}"
    if title:
        notebook.metadata["title"] = title
    body, _ = exporter.from_notebook_node(notebook)
    external = re.findall(EXTERNAL_SOURCE, body, flags=re.IGNORECASE)
    if external:
        raise ReportError(f"the HTML would load {len(external)} resource(s) from the network: {external[:3]}")
    return body


CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--mute-audio",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-quic",
]


def chromium_path() -> str:
    """The system Chromium, or a ReportError saying how to install it."""
    if not Path(CHROMIUM).exists():
        raise ReportError(
            f"PDF needs Chromium at {CHROMIUM}: install it with `apt-get install -y chromium` "
            "(Debian) or set CHROMIUM_PATH; HTML alone does not need it (FORMATS=html)"
        )
    return CHROMIUM


def open_page(playwright, html_path: Path, width: int = 760):
    """Open a local HTML file in headless Chromium with every network request blocked."""
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
    page = browser.new_page(viewport={"width": width, "height": 1100})
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:", "about:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return browser, page, blocked


WAIT_FOR_CHARTS = "() => [...document.querySelectorAll('.plotly-graph-div')].every(g => g.querySelector('.main-svg'))"


def html_to_pdf(html_path: Path, pdf_path: Path) -> None:
    """Print the report to A4 PDF with page numbers, bookmarks and a table of contents with the page of
    each section, after every chart has drawn. Printed twice: the first print tells each section's page
    (heading_pages), the second has them in the contents (the numbers take no more room than the blank
    they fill, so no page moves)."""
    from playwright.sync_api import sync_playwright

    options = {
        "format": "A4", "print_background": True, "display_header_footer": True, "outline": True, "tagged": True,
        "header_template": "<span></span>",
        "footer_template": "<div style='font-size:8px;width:100%;text-align:center;color:#666'>"
                           "<span class='pageNumber'></span> / <span class='totalPages'></span></div>",
        "margin": {"top": "12mm", "bottom": "16mm", "left": "10mm", "right": "10mm"},
    }
    with sync_playwright() as p:
        browser, page, blocked = open_page(p, html_path)
        try:
            page.emulate_media(media="print")
            page.goto(html_path.resolve().as_uri(), wait_until="load")
            page.wait_for_function(WAIT_FOR_CHARTS, timeout=60_000)
            titles = page.evaluate("() => [...document.querySelectorAll('.rp-toc li a')].map(a => a.textContent)")
            if titles:
                numbers = heading_pages(page.pdf(**options), titles)
                page.evaluate("""numbers => document.querySelectorAll('.rp-toc .rp-toc-page')
                                 .forEach((span, i) => { span.textContent = numbers[i] || ''; })""", numbers)
            page.pdf(path=str(pdf_path), **options)
        finally:
            browser.close()
    if blocked:
        raise ReportError(f"the page tried to load from the network: {blocked[:3]}")


def pdf_page_texts(pdf: bytes) -> list[str]:
    """Each page's text (poppler's pdftotext); [] when poppler is not installed."""
    if not shutil.which("pdftotext"):
        return []
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=False)
    return done.stdout.decode("utf-8", "replace").split("\f") if done.returncode == 0 else []


def heading_pages(pdf: bytes, titles: list[str]) -> list[str]:
    """The page number (as text) on which each section title first stands as a line of its own, in
    order, after the page of the contents; '' when not found (the contents then shows no number)."""
    pages = [[line.replace("\u00b6", "").strip() for line in text.splitlines()] for text in pdf_page_texts(pdf)]
    start = next((i for i, lines in enumerate(pages) if "Contents" in lines), 0) + 1
    numbers = []
    for title in titles:
        found = next((i for i in range(start, len(pages)) if title in pages[i]), None)
        numbers.append("" if found is None else str(found + 1))
        start = found if found is not None else start
    return numbers


def build_report(params: ReportParams, sources: str = "", overrides: str = "", workers: int = 0,
                 use_cache: bool = True) -> Iterator[str]:
    """Tables, notebooks, HTML and (optionally) PDF. Yields progress lines; raises ReportError."""
    from pydantic import ValidationError as PydanticError

    from helpers.pipeline import run_tables

    out = resolve(params.out_dir)
    if "pdf" in params.formats:
        chromium_path()  # fail before the long steps
    try:
        summary = run_tables(
            resolve(params.input_dir),
            out,
            resolve(sources) if sources else None,
            params.languages,
            overrides_csv=resolve(overrides) if overrides else None,
            workers=workers,
            use_cache=use_cache,
        )
    except PydanticError as exc:
        raise ReportError("; ".join(error_lines(exc))) from None
    yield from summary
    warnings = [f"  warning: {line}" for line in load_data(params).filter_warnings]
    yield from (line for line in warnings if line not in summary)
    executed_dir = out / "_executed"
    executed_dir.mkdir(parents=True, exist_ok=True)
    nb_params = notebook_parameters(params)
    nb_params["sources_csv"] = str(resolve(sources)) if sources else ""
    nb_params["overrides_csv"] = str(resolve(overrides)) if overrides else ""
    report_notebook = None
    for name in NOTEBOOKS:
        wanted = {k: nb_params[k] for k in NOTEBOOK_PARAMETERS[name]}
        report_notebook = execute_notebook(name, wanted, executed_dir)
        yield f"executed {name} -> {report_notebook}"
    body = notebook_to_html(report_notebook, params.title)
    fd, tmp = tempfile.mkstemp(dir=out, prefix=".report.", suffix=".html")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(body)
    tmp_html = Path(tmp)
    if "pdf" in params.formats:
        tmp_pdf = tmp_html.with_suffix(".pdf")
        try:
            html_to_pdf(tmp_html, tmp_pdf)
        except ReportError:
            tmp_html.unlink(missing_ok=True)
            raise
        _atomic_replace(tmp_pdf, out / "report.pdf")
        yield f"wrote {out / 'report.pdf'}"
    if "html" in params.formats:
        _atomic_replace(tmp_html, out / "report.html")
        yield f"wrote {out / 'report.html'} ({len(body) / 1e6:.1f} MB)"
    else:
        tmp_html.unlink(missing_ok=True)
    manifest = {
        "parameters": params.model_dump(mode="json"),
        "inputs_sha256": input_hashes(params),
        "packages": package_versions(),
        "git_commit": _git_commit(),
        "built": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    (out / "report_manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")


def figure(kind: str, data: ReportData):
    """One of the report's charts, or a note when there is nothing to draw."""
    from helpers import charts

    if data.events.empty:
        return _h("<p class='rp-empty'>No dated event matches the parameters: nothing to chart.</p>")
    focus = list(data.params.focus_countries)
    builders = {
        "timeline": lambda: charts.timeline(data.events, focus),
        "by_country": lambda: charts.by_country(data.events, focus),
        "heatmap": lambda: charts.heatmap(data.events, focus),
        "map": lambda: charts.contact_map(data.events, focus),
        "network": lambda: charts.network(data.events, data.params.network_nodes),
        "topics": lambda: charts.topics_by_country(data.events, focus),
    }
    return chart(builders[kind]())


def ensure_tables(params: ReportParams) -> list[str]:
    """Build OUT/tables when they are missing (a notebook opened before `make tables`)."""
    from helpers.pipeline import run_tables

    if (resolve(params.out_dir) / "tables" / "events.csv").exists():
        return []
    return run_tables(resolve(params.input_dir), resolve(params.out_dir), languages=params.languages)
