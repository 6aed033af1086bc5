"""The adversarial corpus (tests/adversarial/generate.py) plus the seeds, through the tables and the report.

Every input file has exactly one row in articles.csv with the right status; the seeds' events come out as
they do from the seeds alone; nothing outside the input folder is read and nothing outside OUT is written;
no exported CSV cell is a live formula; the report runs no script from the data, sends no request and
links only to http(s) addresses.
"""

from __future__ import annotations

import csv
import hashlib
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from adversarial.generate import write_corpus

from helpers import report
from helpers.paths import PROJECT_ROOT, SEEDS_DIR
from helpers.pipeline import run_tables
from helpers.spreadsheet import restore_frame

pytestmark = pytest.mark.slow
FORMULA_START = re.compile(r"[=+@\t\r]|-(?!\d+(\.\d+)?$)")  # a negative number is not a formula


def _tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): (os.readlink(p) if p.is_symlink() else
                                               hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file() or p.is_symlink()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("adversarial")
    cases = write_corpus(root)
    before = {"input": _tree_digest(root / "input"), "outside": _tree_digest(root / "outside"),
              "root": sorted(p.name for p in root.iterdir())}
    out = root / "out"
    result = subprocess.run([sys.executable, "-m", "helpers", "report", "--input", str(root / "input"), "--out",
                             str(out), "--formats", "html"], capture_output=True, text=True, cwd=PROJECT_ROOT,
                            check=False, timeout=1200)
    return {"root": root, "cases": cases, "before": before, "out": out, "result": result}


def _table(corpus, name: str) -> pd.DataFrame:
    """A table as the report reads it: the CSV, with the cells protected against formulas restored."""
    return restore_frame(pd.read_csv(corpus["out"] / "tables" / f"{name}.csv", dtype=str, keep_default_na=False))


@pytest.fixture(scope="module")
def articles(corpus):
    return _table(corpus, "articles")


def test_the_run_succeeds(corpus):
    assert corpus["result"].returncode == 0, corpus["result"].stderr[-2000:]
    assert (corpus["out"] / "report.html").exists()


def test_every_input_file_has_exactly_one_row(corpus, articles):
    folder = corpus["root"] / "input"
    files = sorted(p.name for p in folder.iterdir() if p.suffix in (".txt", ".html"))
    assert sorted(articles["file"]) == files
    assert articles["article_id"].is_unique and len(files) == 5 + len(corpus["cases"])
    ids = dict(zip(articles["file"], articles["article_id"], strict=True))
    assert (ids["semi;colon:name.txt"], ids["-rf --leading-dash.txt"]) == ("semi_colon_name", "_rf --leading-dash")


def test_each_case_has_the_expected_status(corpus, articles):
    rows = articles.set_index("file")
    wrong = [(c.name, rows.loc[c.name, "status"], rows.loc[c.name, "status_reason"]) for c in corpus["cases"]
             if rows.loc[c.name, "status"] != c.status or c.reason not in rows.loc[c.name, "status_reason"]]
    assert wrong == []


def test_input_problems_are_listed(corpus):
    warnings = _table(corpus, "input_warnings")
    text = "\n".join(warnings["file"] + ": " + warnings["message"])
    for expected in ("../../etc/passwd: ", "malformed date '9999-12-31'", "malformed date '0000-00-00'",
                     "url 'javascript:alert(1)' is not an http(s) address", "ends in the middle of a UTF-8 character",
                     "homoglyph_countries.txt: 3 words mixing look-alike letters",
                     "deep_nesting.html: trafilatura found no main text"):
        assert expected in text, expected


def test_the_seed_events_are_as_from_the_seeds_alone(corpus, tmp_path):
    run_tables(SEEDS_DIR, tmp_path)
    alone = pd.read_csv(tmp_path / "tables" / "events.csv", dtype=str, keep_default_na=False)
    mixed = _table(corpus, "events")
    seeds = {p.stem for p in SEEDS_DIR.glob("*.txt")}
    key = ["countries", "type", "status", "date", "date_precision"]
    for event in alone.itertuples():
        same = mixed[(mixed[key] == pd.Series(event._asdict())[key]).all(axis=1)]
        assert len(same) == 1, event
        assert set(event.article_ids.split(";")) == set(same.iloc[0]["article_ids"].split(";")) & seeds
    report_page = (corpus["out"] / "report.html").read_text(encoding="utf-8")
    for event in alone.itertuples():  # each is in the report's tables, with its date and its evidence quote
        quote = html.escape(re.sub(r"^\[[^\]]*\]\s*", "", event.evidence.split(" || ")[0])[:40], quote=True)
        assert event.date in report_page and quote in report_page, (event.date, quote)


def test_contacts_survive_invisible_and_lookalike_characters(corpus):
    mentions = _table(corpus, "mentions")
    by_article = mentions.groupby("article_id")["countries"].agg(set)
    for article in ("rtl_and_zero_width", "homoglyph_countries", "a sentence of 20000 chars", "scripts_and_handlers"):
        assert "MLI;RUS" in by_article.get(article, set()), article
    clean = (corpus["out"] / "clean" / "rtl_and_zero_width.txt").read_text(encoding="utf-8")
    assert not re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069]", clean)


def test_nothing_outside_is_read_or_written(corpus):
    root, before = corpus["root"], corpus["before"]
    assert _tree_digest(root / "input") == before["input"]
    assert _tree_digest(root / "outside") == before["outside"]
    assert sorted(p.name for p in root.iterdir()) == sorted(before["root"] + ["out"])
    assert not (corpus["out"] / "clean" / "link_outside.txt").exists()
    assert [p.name for p in corpus["out"].iterdir() if p.name.startswith(".")] == []  # no staging left


def test_no_csv_cell_is_a_live_formula(corpus):
    live = []
    for table in sorted((corpus["out"] / "tables").glob("*.csv")):
        with table.open(encoding="utf-8", newline="") as fh:
            live += [(table.name, cell[:40]) for row in csv.reader(fh) for cell in row if FORMULA_START.match(cell)]
    assert live == []
    # the report reads the protected CSVs back to the original values
    titles = set(pd.read_parquet(corpus["out"] / "tables" / "articles.parquet")["title"])
    assert "-2+3" in titles


def test_the_one_sentence_of_5_mb_is_set_aside_with_a_note(corpus):
    notes = _table(corpus, "extraction_notes")
    long = notes[notes["kind"] == "sentence_too_long"]
    assert list(long["article_id"]) == ["one_5mb_line"]


HAVE_BROWSER = Path(report.CHROMIUM).exists()


@pytest.mark.skipif(not HAVE_BROWSER and os.environ.get("CI") != "true", reason="Chromium not installed")
def test_the_report_runs_no_data_script_and_links_only_to_the_web(corpus):
    from reportbrowser import browse

    def inspect(page):
        return page.evaluate("() => [...document.querySelectorAll('a[href], area[href]')]"
                             ".map(a => a.getAttribute('href')).concat([...document.querySelectorAll("
                             "'iframe, embed, object')].map(x => 'frame:' + x.outerHTML))")

    links, errors, failed, blocked, dialogs = browse(corpus["out"] / "report.html", inspect)
    assert dialogs == [] and blocked == [] and failed == [] and errors == []
    assert [h for h in links if not h.startswith(("http://", "https://", "#"))] == []


def test_generator_refuses_a_folder_in_use(tmp_path):
    (tmp_path / "x").write_text("")
    generator = PROJECT_ROOT / "tests" / "adversarial" / "generate.py"
    result = subprocess.run([sys.executable, str(generator), str(tmp_path)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 2 and "not empty" in result.stderr
