"""The built report: offline HTML in a real browser, the PDF's pages and text, escaping, atomic writes.

These tests drive Debian's Chromium (/usr/bin/chromium) through Playwright and read the PDF with
poppler-utils; CI installs both (`make chromium`). Without them the tests are skipped locally but
fail in CI (CI=true), so a missing browser can never pass unnoticed.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from reportbrowser import browse as _browse

from helpers import report
from helpers.paths import SEEDS_DIR

HAVE_TOOLS = Path(report.CHROMIUM).exists() and shutil.which("pdftoppm") and shutil.which("pdftotext")
if not HAVE_TOOLS and os.environ.get("CI") != "true":
    pytest.skip("Chromium/poppler not installed (run `make chromium`)", allow_module_level=True)

pytestmark = pytest.mark.slow
N_CHARTS = 6
SECTIONS = ["Headline figures", "Contacts over time", "Contacts by country", "Map of contacts", "Who talked to whom",
            "Topics by country", "Events", "Planned contacts", "Undated or unresolved contacts", "Near-miss merges",
            "Data quality", "Method and limits", "Reproducibility"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    params = report.validate_params({"input_dir": str(SEEDS_DIR), "out_dir": str(out), "formats": ("html", "pdf")})
    lines = list(report.build_report(params))
    assert any("report.pdf" in line for line in lines)
    return out


def test_html_is_self_contained(built):
    body = (built / "report.html").read_text(encoding="utf-8")
    assert not re.search(report.EXTERNAL_SOURCE, body, flags=re.IGNORECASE)
    assert body.count("plotly.js v") >= 1 and "window.PlotlyGeoAssets" in body
    assert not re.search(r"<script[^>]+src\s*=", body, flags=re.IGNORECASE)  # every script is inline
    assert not re.search(r"<link[^>]+href\s*=\s*[\"']?https?:", body, flags=re.IGNORECASE)


def test_every_chart_draws_offline_without_errors(built):
    count, errors, failed, blocked, _ = _browse(
        built / "report.html",
        lambda page: page.evaluate("() => document.querySelectorAll('.plotly-graph-div .main-svg').length > 0 && "
                                   "[...document.querySelectorAll('.plotly-graph-div')].length"))
    assert count == N_CHARTS
    assert errors == [] and failed == [] and blocked == []


def test_hovering_a_timeline_marker_shows_the_evidence(built):
    def hover(page):
        chart = page.locator(".plotly-graph-div").first
        point = chart.locator(".scatterlayer .trace .points path").first
        point.hover(force=True)
        page.wait_for_timeout(300)
        return chart.locator(".hoverlayer").text_content()

    text, errors, *_ = _browse(built / "report.html", hover)
    assert re.search(r"(phone call|meeting|visit)", text)
    assert "independent origins" in text and "“" not in text  # the quote itself is shown in italics, unquoted
    assert len(text) > 80 and errors == []


def test_pdf_pages_are_a4_and_charts_are_drawn(built):
    pdf = built / "report.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)", info)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    chart_pages = []
    for n in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        if any(t in text for t in ("Contacts over time", "Contacts by counterpart", "Contacts by country",
                                   "Where the contacts are", "Who talked to whom", "Topics by counterpart")):
            chart_pages.append(n)
    assert chart_pages
    for n in chart_pages:
        pgm = subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", str(n), "-l", str(n), str(pdf)],
                             capture_output=True, check=True).stdout
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", pgm)
        pixels = pgm[header.end():]
        dark = sum(1 for b in pixels if b < 200) / len(pixels)
        assert dark > 0.02, f"page {n} looks blank ({dark:.3f} dark pixels)"


def test_pdf_text_has_sections_and_seed_events(built):
    text = subprocess.run(["pdftotext", str(built / "report.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    for section in SECTIONS:
        assert section in text, section
    for fact in ("2024-03-27", "2024-03-26", "2025-04-03", "2023-10-10", "Sassou", "Lavrov", "Goïta", "1 / "):
        assert fact in text, fact


def test_article_text_is_escaped_and_no_script_runs(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "evil.txt").write_text(
        "Putin calls Goita <script>alert(1)</script>\n\nPublished on 28 March 2024\n\n"
        "Russian President Vladimir Putin spoke by phone with Mali's Assimi Goita on Wednesday "
        "<img src=x onerror=alert(1)> <script>alert(1)</script>, the Kremlin said.\n", encoding="utf-8")
    out = tmp_path / "out"
    params = report.validate_params({"input_dir": str(folder), "out_dir": str(out)})
    list(report.build_report(params))
    body = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in body and "<img src=x onerror" not in body
    text, errors, _, _, dialogs = _browse(out / "report.html", lambda page: page.inner_text("body"))
    assert dialogs == []
    assert "<img src=x onerror=alert(1)>" in text and "<script>alert(1)</script>" in text
    assert errors == []


def test_a_failed_build_keeps_the_previous_report(built, monkeypatch, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = (out / "report.html").read_bytes()
    original = report.execute_notebook

    def failing(name, parameters, executed_dir):
        if name == report.REPORT_NOTEBOOK:
            raise report.ReportError(f"notebook {name} failed in cell 7: RuntimeError: boom")
        return original(name, parameters, executed_dir)

    monkeypatch.setattr(report, "execute_notebook", failing)
    from helpers.cli import main

    code = main(["report", "--input", str(SEEDS_DIR), "--out", str(out)])
    assert code == 1
    assert (out / "report.html").read_bytes() == before


def test_a_failing_cell_is_named(tmp_path, monkeypatch):
    import nbformat

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x: int = 1  # a parameter")
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell, nbformat.v4.new_code_cell("raise RuntimeError('boom')")]
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nbformat.write(nb, notebooks / "broken.ipynb")
    monkeypatch.setattr(report, "NOTEBOOKS_DIR", notebooks)
    with pytest.raises(report.ReportError, match=r"notebook broken.ipynb failed in cell \d+: RuntimeError: boom"):
        report.execute_notebook("broken.ipynb", {"x": 2}, tmp_path)
    assert (tmp_path / "broken.ipynb").exists()  # kept for debugging


def test_the_events_table_searches_filters_and_sorts_in_the_browser(built):
    def act(page):
        box = page.locator(".rp-filterable").first
        total = box.locator("tr").count() - 1
        before = box.locator(".rp-count").text_content()
        box.locator(".rp-search").fill("Lavrov")
        searched = box.locator(".rp-count").text_content()
        visible = box.locator("tr:visible").count() - 1
        box.locator(".rp-search").fill("")
        box.locator("th").first.click()
        box.locator("th").first.click()  # descending
        first_date = box.locator("tr").nth(1).locator("td").first.text_content()
        dates = [t for t in box.locator("tr td:first-child").all_text_contents()]
        width = page.evaluate("() => document.body.getBoundingClientRect().width")
        return total, before, searched, visible, first_date, dates, width

    (total, before, searched, visible, first_date, dates, width), errors, *_ = _browse(built / "report.html", act,
                                                                                         width=1400)
    assert before == f"{total} of {total} shown" and total >= 5
    assert 0 < visible < total and searched == f"{visible} of {total} shown"
    assert first_date == max(dates)
    assert width > 1000  # the page uses a wide window (1400 px), not a 760 px column
    assert errors == []


def test_the_pdf_title_is_the_report_title_and_no_name_is_broken_across_lines(built):
    import pandas as pd

    info = subprocess.run(["pdfinfo", str(built / "report.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+Diplomatic contacts$", info, re.M)
    text = subprocess.run(["pdftotext", str(built / "report.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    events = pd.read_csv(built / "tables" / "events.csv", dtype=str, keep_default_na=False)
    words = {w for cell in events["participants"] for w in re.findall(r"\w{6,}", cell)} | {"occurred", "planned"}
    broken = [w for w in words if not re.search(rf"\b{re.escape(w)}\b", text)]
    assert broken == []


def test_every_event_is_one_click_from_its_article_with_the_evidence_highlighted(built):
    def act(page):
        link = page.locator(".rp-events .rp-text-link").first
        target = link.get_attribute("href")
        link.click()
        page.wait_for_timeout(200)
        view = page.locator(target)
        return view.is_visible(), view.locator("mark").first.text_content(), view.inner_text()

    (visible, marked, text), errors, *_ = _browse(built / "report.html", act)
    assert visible and len(marked) > 20 and marked in text
    assert "published" in text and errors == []


def test_the_events_table_filters_by_country_language_and_date_range(built):
    def act(page):
        box = page.locator(".rp-filterable").first
        rows = box.evaluate("b => [...b.querySelectorAll('tr')].slice(1).map(r => ({...r.dataset}))")
        country = sorted(c for r in rows for c in r["countries"].split(";"))[0]
        language = sorted(x for r in rows for x in r["languages"].split(";"))[-1]
        dated = sorted(r["date"] for r in rows if r["date"])
        start = dated[len(dated) // 2]
        counts = {}
        box.locator("select[data-key='countries']").select_option(country)
        counts["country"] = box.locator("tr:visible").count() - 1
        box.locator("select[data-key='countries']").select_option("")
        box.locator("select[data-key='languages']").select_option(language)
        counts["language"] = box.locator("tr:visible").count() - 1
        box.locator("select[data-key='languages']").select_option("")
        box.locator(".rp-from").fill(start)
        counts["from"] = box.locator("tr:visible").count() - 1
        return rows, country, language, start, counts

    (rows, country, language, start, counts), errors, *_ = _browse(built / "report.html", act, width=1400)
    assert counts["country"] == sum(country in r["countries"].split(";") for r in rows)
    assert counts["language"] == sum(language in r["languages"].split(";") for r in rows)
    assert counts["from"] == sum(bool(r["date"]) and r["date"] >= start[: len(r["date"])] for r in rows)
    assert 0 < counts["from"] < len(rows) and counts["language"] > 0 and errors == []


def _text_boxes(page) -> list[dict]:
    """Every chart's text boxes in the page: the caption (the last annotation) and all other text."""
    return page.evaluate("""() => [...document.querySelectorAll('.plotly-graph-div')].map(div => {
        const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
        const notes = [...div.querySelectorAll('g.annotation')];
        const caption = notes[notes.length - 1];
        const others = [...div.querySelectorAll('text')].filter(t => !caption.contains(t) && t.textContent.trim());
        return {title: (div.querySelector('.gtitle') || {}).textContent, caption: box(caption),
                others: others.map(t => [t.textContent, box(t)])};
    })""")


def test_no_chart_caption_overlaps_other_text(built):
    from chartcases import overlap

    charts_seen, errors, *_ = _browse(built / "report.html", _text_boxes)
    assert len(charts_seen) == N_CHARTS
    clashes = [(c["title"], text) for c in charts_seen for text, box in c["others"] if overlap(c["caption"], box)]
    assert clashes == [] and errors == []


def test_network_labels_never_overlap_in_the_browser(tmp_path):
    from chartcases import CODES, overlap, ring

    from helpers import charts

    fig = charts.network(ring(CODES), max_nodes=16)
    page = tmp_path / "network.html"
    page.write_text("<!doctype html><html><head><meta charset='utf-8'></head><body>" + charts.offline_assets_html()
                    + charts.figure_html(fig) + "</body></html>", encoding="utf-8")

    def boxes(page):
        return page.evaluate("""() => {
            const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            const notes = [...document.querySelectorAll('g.annotation')];
            const dots = [...document.querySelectorAll('.scatterlayer .trace:last-child .points path')];
            return {labels: notes.slice(0, -1).map(n => [n.textContent, box(n.querySelector('.annotation-text-g'))]),
                    dots: dots.map(box)};
        }""")

    found, errors, *_ = _browse(page, boxes)
    labels, dots = found["labels"], found["dots"]
    assert len(labels) == len(dots) == 17
    assert [(a[0], b[0]) for i, a in enumerate(labels) for b in labels[i + 1:] if overlap(a[1], b[1])] == []
    assert [(a[0], j) for i, a in enumerate(labels) for j, d in enumerate(dots) if i != j and overlap(a[1], d)] == []
    assert errors == []


def _used_fractions(pdf: Path) -> list[float]:
    """Per page, the share of the printable height (inside the 12 mm / 16 mm margins, so the page
    number does not count) down to the lowest drawn pixel."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    fractions = []
    for n in range(1, int(re.search(r"Pages:\s+(\d+)", info).group(1)) + 1):
        pgm = subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", str(n), "-l", str(n), str(pdf)],
                             capture_output=True, check=True).stdout
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", pgm)
        width, height = int(header.group(1)), int(header.group(2))
        pixels = pgm[header.end():]
        top, bottom = round(12 / 25.4 * 30), height - round(16 / 25.4 * 30)
        inked = [r for r in range(top, bottom) if min(pixels[r * width:(r + 1) * width]) < 200]
        fractions.append(((max(inked) - top + 1) / (bottom - top)) if inked else 0.0)
    return fractions


def test_no_page_but_the_last_is_left_mostly_empty(built):
    fractions = _used_fractions(built / "report.pdf")
    assert len(fractions) > 3
    assert [(n + 1, round(f, 2)) for n, f in enumerate(fractions[:-1]) if f < 0.2] == []


def test_the_pdf_contents_give_each_section_its_page(built):
    texts = subprocess.run(["pdftotext", "-layout", str(built / "report.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    entries = dict(re.findall(r"(\S(?:.*?\S)?)\s{2,}(\d+)(?=\s{2,}|\s*$)", texts[0], re.M))
    for section in ("Contacts over time", "Events", "Data quality", "Reproducibility"):
        page = int(entries[section])
        assert re.search(rf"^\s*{re.escape(section)}\s*$", texts[page - 1], re.M), section


# A folder with long names everywhere (people, countries, outlets), written for this test.
LONG_NAMES_FOLDER = {
    "001_kuwait.txt": "Burkina Faso and Kuwait agree to deepen cooperation\n\nOUAGADOUGOU, 13 March 2024 - Burkina "
    "Faso's Prime Minister Apollinaire Joachim Kyélem de Tambèla met the Emir of Kuwait, Mishal Al-Ahmad Al-Jaber "
    "Al-Sabah, in Kuwait City on Tuesday, the prime minister's office said.\n\nThe two leaders discussed security, "
    "humanitarian assistance and investment in agriculture, according to the statement.\n",
    "002_car.txt": "Central African Republic and Democratic Republic of the Congo leaders speak by phone\n\nBANGUI, "
    "5 June 2024 - Central African Republic President Faustin-Archange Touadéra spoke by telephone on Wednesday "
    "with Democratic Republic of the Congo President Félix Tshisekedi about security along their common border, "
    "the presidency said.\n",
    "003_gabon.txt": "Gabon and Brazil discuss trade\n\nLIBREVILLE, 20 September 2024 - Gabon's Foreign Minister "
    "Marie-Édith Tassyla-Ye-Doumbeneny met Brazil's Foreign Minister Mauro Vieira in Brasília on Thursday to "
    "discuss trade and climate finance, the ministry said.\n",
    "sources.csv": "file,outlet,url,published,published_basis,language\n"
    "001_kuwait.txt,Agence Internationale de Presse Panafricaine,,2024-03-13,dateline,en\n"
    "002_car.txt,Radiodiffusion Télévision Centrafricaine Internationale,,2024-06-05,dateline,en\n"
    "003_gabon.txt,Gabonese Broadcasting Corporation International,,2024-09-20,dateline,en\n",
}


def test_no_long_name_is_broken_across_lines_in_the_pdf(tmp_path):
    import pandas as pd

    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in LONG_NAMES_FOLDER.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "report"
    params = report.validate_params({"input_dir": str(folder), "out_dir": str(out), "formats": ("html", "pdf")})
    list(report.build_report(params, use_cache=False))
    events = pd.read_csv(out / "tables" / "events.csv", dtype=str, keep_default_na=False)
    articles = pd.read_csv(out / "tables" / "articles.csv", dtype=str, keep_default_na=False)
    assert len(events) >= 3
    from helpers.charts import name

    cells = [*events["participants"], *(name(c) for cell in events["countries"] for c in cell.split(";")),
             *articles["outlet"]]
    words = {w for cell in cells for w in re.findall(r"\w[\w-]{5,}", cell)}
    assert {"Tassyla-Ye-Doumbeneny", "Central", "African", "Radiodiffusion", "Centrafricaine",
            "Congo-Kinshasa"} <= words
    text = subprocess.run(["pdftotext", str(out / "report.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout

    def whole(word: str) -> bool:  # a line may end at a name's own hyphen (pdftotext then drops it)
        return any(re.search(rf"\b{re.escape(w)}\b", text) for w in (word, word.replace("-", "")))

    assert [w for w in sorted(words) if not whole(w)] == []
    assert [(n + 1, round(f, 2)) for n, f in enumerate(_used_fractions(out / "report.pdf")[:-1]) if f < 0.2] == []
