"""A folder of bad and awkward inputs builds: every file gets a row, nothing is silently dropped."""

import subprocess
import sys

import pandas as pd
import pytest

from helpers.articles import ArticlesParams, build_articles, write_articles
from helpers.paths import PROJECT_ROOT

BG_TEXT = ("Путин разговаря с Гоита\n\n"
           "Руският президент Владимир Путин разговаря по телефона в сряда с лидера на хунтата в Мали, "
           "съобщи Кремъл. Двамата лидери обсъдиха сигурността и икономическото сътрудничество.\n\n"
           "Реклама\n")
EN_TEXT = ("Lavrov receives Diop in Moscow\n\nPublished on 3 April 2025\n\n"
           "Russian Foreign Minister Sergei Lavrov received his Malian counterpart Abdoulaye Diop in Moscow on "
           "Thursday, the ministry said. The two discussed military cooperation.\n\nShare on Facebook\n")
HTML = ("<html><head><title>Poutine s'entretient avec Goïta</title>"
        "<meta property='article:published_time' content='2024-03-27T15:00:00+00:00'></head><body>"
        "<nav>Accueil | Monde | Afrique</nav><article><h1>Poutine s'entretient avec Goïta</h1>"
        "<p>Le président russe Vladimir Poutine s'est entretenu mercredi au téléphone avec le chef de la junte "
        "malienne, le colonel Assimi Goïta, a annoncé le Kremlin dans un communiqué.</p>"
        "<p>Les deux dirigeants ont évoqué la coopération sécuritaire et économique entre leurs pays.</p>"
        "</article><footer>Publicité</footer></body></html>")


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad_input")
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    (folder / "c_cp1251_bg.txt").write_bytes(BG_TEXT.encode("cp1251"))
    (folder / "d_utf16_en.txt").write_bytes(EN_TEXT.encode("utf-16"))
    (folder / "e_page.html").write_text(HTML, encoding="utf-8")
    (folder / "f_huge.txt").write_bytes((EN_TEXT.encode("utf-8") + b"\n") * (20_000_000 // len(EN_TEXT)))
    (folder / "g_only_boilerplate.txt").write_text("Advertisement\nShare on Facebook\nScroll to Top\n")
    (folder / "notes.md").write_text("not an article")
    (folder / "sources.csv").write_text(
        "file,outlet,url,published,published_basis,language\n"
        "missing_file.txt,Ghost News,,2024-01-01,,en\n"
        "c_cp1251_bg.txt,Example.bg,,2024-13-45,wrong month,bg\n"
        "d_utf16_en.txt,,,,,xx\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bad_stage(bad_folder):
    return build_articles(ArticlesParams(input_dir=bad_folder))


def test_every_article_file_has_a_row(bad_stage):
    assert list(bad_stage.articles["file"]) == [
        "a_empty.txt", "b_binary.txt", "c_cp1251_bg.txt", "d_utf16_en.txt", "e_page.html", "f_huge.txt",
        "g_only_boilerplate.txt"]


@pytest.mark.parametrize(("file", "status", "reason_part"), [
    pytest.param("a_empty.txt", "skipped", "empty file", id="empty"),
    pytest.param("b_binary.txt", "skipped", "binary", id="binary"),
    pytest.param("c_cp1251_bg.txt", "ok", "", id="cp1251"),
    pytest.param("d_utf16_en.txt", "ok", "", id="utf16"),
    pytest.param("e_page.html", "ok", "", id="html"),
    pytest.param("f_huge.txt", "skipped", "limit for one article", id="20MB"),
    pytest.param("g_only_boilerplate.txt", "skipped", "no body text left", id="only-boilerplate"),
])
def test_status_and_reason(bad_stage, file, status, reason_part):
    row = bad_stage.articles.set_index("file").loc[file]
    assert row.status == status
    assert reason_part in row.status_reason
    assert len(row.sha256) == 64


def test_valid_files_processed_correctly(bad_stage):
    rows = bad_stage.articles.set_index("file")
    bg = rows.loc["c_cp1251_bg.txt"]
    assert (bg.encoding, bg.language, bg.title, bg.outlet) == ("cp1251", "bg", "Путин разговаря с Гоита", "Example.bg")
    assert bg.published_basis == "none"  # the sidecar date was malformed and the text has none
    assert "Руският президент" in bad_stage.clean_texts["c_cp1251_bg"]
    assert "Реклама" not in bad_stage.clean_texts["c_cp1251_bg"]
    en = rows.loc["d_utf16_en.txt"]
    assert (en.encoding, en.language, en.published_date, en.published_basis) == ("utf_16", "en", "2025-04-03", "header")
    assert en.language_basis == "detected"  # the sidecar's 'xx' was refused
    html = rows.loc["e_page.html"]
    assert (html.language, html.title, html.published_date, html.published_basis) == \
        ("fr", "Poutine s'entretient avec Goïta", "2024-03-27", "html_meta")
    assert "Accueil" not in bad_stage.clean_texts["e_page"]


def test_sidecar_problems_are_recorded(bad_stage):
    messages = "\n".join(bad_stage.input_warnings["message"])
    assert "'missing_file.txt', which is not in the input folder" in messages
    assert "malformed date '2024-13-45'" in messages
    assert "language 'xx' is not supported" in messages
    assert len(bad_stage.input_warnings) == 3


def test_cli_builds_the_bad_folder(bad_folder, tmp_path):
    result = subprocess.run([sys.executable, "-m", "helpers", "tables", "--input", str(bad_folder), "--out",
                             str(tmp_path)], capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert "7 files (3 ok, 4 skipped)" in result.stdout
    assert "skipped a_empty.txt: empty file" in result.stdout
    written = pd.read_csv(tmp_path / "tables" / "articles.csv", keep_default_na=False)
    assert len(written) == 7


def test_cli_rejects_bad_parameters(tmp_path):
    result = subprocess.run([sys.executable, "-m", "helpers", "tables", "--input", str(tmp_path / "nope"),
                             "--languages", "en,xx"], capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)
    assert result.returncode == 2
    assert "parameter input_dir" in result.stderr and "parameter languages" in result.stderr


def test_written_tables_keep_skipped_rows(bad_stage, tmp_path):
    write_articles(bad_stage, tmp_path)
    table = pd.read_csv(tmp_path / "tables" / "articles.csv", keep_default_na=False)
    assert (table["status"] == "skipped").sum() == 4
    warnings = pd.read_csv(tmp_path / "tables" / "input_warnings.csv", keep_default_na=False)
    assert len(warnings) == 3


@pytest.mark.parametrize(("layout", "hint"), [
    pytest.param({}, "the folder is empty", id="empty"),
    pytest.param({"notes.md": "x"}, "none of its 1 entries ends in", id="no-article-file"),
    pytest.param({"2024/a.txt": "Putin met Goita."}, "subfolders are not read, and 1 of them hold articles (2024)",
                 id="articles-in-a-subfolder"),
])
def test_a_folder_without_articles_says_why(tmp_path, layout, hint):
    from helpers.pipeline import run_tables

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in layout.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    lines = run_tables(folder, tmp_path / "out")
    assert any(line.startswith("  warning: no article file") and hint in line for line in lines), lines


@pytest.mark.parametrize(("sidecar", "published", "warning"), [
    pytest.param("file,published\na.txt,2024-03-28\n", "2024-03-28", "", id="commas"),
    pytest.param("file;published\na.txt;2024-03-28\n", "2024-03-28", "separated by ';'", id="semicolons"),
    pytest.param("file\tpublished\na.txt\t2024-03-28\n", "2024-03-28", "separated by '\\t'", id="tabs"),
    pytest.param("name,date\na.txt,2024-03-28\n", "", "no 'file' column (header read as 'name,date'", id="no-file"),
])
def test_a_sidecar_from_any_spreadsheet_locale_is_read(tmp_path, sidecar, published, warning):
    from helpers.sidecar import read_sidecar

    path = tmp_path / "sources.csv"
    path.write_text(sidecar, encoding="utf-8")
    rows, warnings = read_sidecar(path, {"a.txt"})
    read = rows["a.txt"].published.value if rows and rows["a.txt"].published else ""
    assert read == published
    assert all(w.message for w in warnings) and (not warning or any(warning in w.message for w in warnings))


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_outputs_get_the_permissions_of_the_users_umask(tmp_path, umask):
    import os
    import stat

    from helpers.paths import publish
    from helpers.pipeline import run_tables

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Putin met Goita in Moscow on Tuesday.\n", encoding="utf-8")
    old = os.umask(umask)
    try:
        run_tables(folder, tmp_path / "out")
        tmp = tmp_path / ".report.tmp"
        tmp.write_text("<html></html>", encoding="utf-8")
        os.chmod(tmp, 0o600)  # as tempfile.mkstemp makes it
        publish(tmp, tmp_path / "out" / "report.html")
    finally:
        os.umask(old)
    for name in ("tables/events.csv", "tables/articles.parquet", "report.html"):
        assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == 0o666 & ~umask, name
