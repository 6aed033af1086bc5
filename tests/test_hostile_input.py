"""Hostile input, unit by unit: the file reader and the text stages on any bytes or string (hypothesis),
and the rules that keep data inert: safe article ids, symlinks, http(s)-only links, formula-proof CSV cells,
look-alike letters and invisible characters."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.articles import ArticlesParams, build_articles
from helpers.extract import build_mentions
from helpers.ingest import article_ids, decode_bytes, html_to_text, read_document, visible_text
from helpers.sidecar import is_web_url, read_sidecar
from helpers.spreadsheet import protect, restore
from helpers.textlines import fold_lookalikes, split_lines

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.function_scoped_fixture])
NEWSY = st.text(alphabet=st.sampled_from(list("Putin met Goïta in Bamako on Tuesday. Путин встретился с Гоитой. "
                                              "التقى الرئيس\u200b\u202e\u0455\u0430\n\r\t\x00«»—1234567890-/:;=+@'\"")),
                max_size=400)


@FUZZ
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_never_raises(data):
    text, _, reason = decode_bytes(data)
    assert isinstance(text, str) or reason  # no text always comes with its reason


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html"]))
def test_reading_any_file_never_raises(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"a{suffix}"
    path.write_bytes(data)
    doc = read_document(path, "a", folder=path.parent)
    assert doc.status in {"ok", "skipped"} and (doc.status == "ok") == bool(doc.text.strip())
    assert doc.status == "ok" or doc.status_reason


@FUZZ
@given(NEWSY)
def test_folding_lookalikes_keeps_the_length_and_splitting_never_raises(text):
    folded, changed = fold_lookalikes(text)
    assert len(folded) == len(text) and all(len(a) == len(b) for a, b in changed)
    assert all("\u200b" not in line and "\u202e" not in line for line in split_lines(folded))


@FUZZ
@given(st.lists(NEWSY, min_size=1, max_size=3))
def test_the_text_stages_on_any_text_keep_offsets_dates_and_schemas(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("fuzzstage")
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    stage = build_articles(ArticlesParams(input_dir=folder))  # schemas validate inside: a break raises
    assert len(stage.articles) == len(texts)
    for s in stage.sentences.itertuples():
        assert stage.clean_texts[s.article_id][s.start:s.end] == s.text
    mentions = build_mentions(stage, ("en", "ru", "ar")).mentions
    for m in mentions.itertuples():
        if m.sentence_no >= 0:
            assert stage.clean_texts[m.article_id][m.start:m.end] == m.sentence
        if m.date:
            assert 1900 <= int(m.date[:4]) <= dt.date.today().year + 10


@FUZZ
@given(st.text(max_size=30))
def test_protected_cells_restore_exactly_and_never_start_a_formula(value):
    cell = protect(value)
    assert restore(cell) == value
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize(("names", "ids"), [
    pytest.param(["a.txt", "b.html"], ["a", "b"], id="plain"),
    pytest.param(["a.txt", "a.html"], ["a.html", "a.txt"], id="same-stem"),
    pytest.param(["x;y.txt", "x:y.txt"], ["x_y.txt", "x_y.txt~2"], id="separators-then-clash"),
    pytest.param(["=cmd.txt", "-rf.txt", "@SUM.txt", "+1.txt"], ["_cmd", "_rf", "_SUM", "_1"], id="formula-starts"),
])
def test_article_ids_are_safe_and_unique(tmp_path, names, ids):
    paths = [tmp_path / n for n in names]
    assert sorted(article_ids(paths).values()) == sorted(ids)


def test_a_symlink_out_of_the_folder_is_not_followed(tmp_path):
    (tmp_path / "outside.txt").write_text("secret")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "inside.txt").write_text("Putin met Goita.")
    (folder / "out.txt").symlink_to(tmp_path / "outside.txt")
    (folder / "in.txt").symlink_to(folder / "inside.txt")
    assert read_document(folder / "out.txt", "out", folder=folder).status_reason.startswith("symbolic link")
    assert read_document(folder / "in.txt", "in", folder=folder).text == "Putin met Goita."


@pytest.mark.parametrize(("data", "text", "warned"), [
    pytest.param("Путин".encode()[:-1], "Пути", True, id="cut-in-a-character"),
    pytest.param("Путин".encode(), "Путин", False, id="whole"),
])
def test_truncated_utf8_loses_only_the_cut_character(data, text, warned):
    decoded, encoding, reason = decode_bytes(data)
    assert (decoded, encoding, bool(reason)) == (text, "utf_8", warned)


@pytest.mark.parametrize(("url", "web"), [
    ("https://example.org/a", True), ("HTTP://example.org", True), ("javascript:alert(1)", False),
    ("data:text/html,<script>", False), ("file:///etc/passwd", False), ("//example.org", False), ("", False),
])
def test_only_http_addresses_are_links(url, web):
    assert is_web_url(url) is web


def test_a_sidecar_url_that_is_not_http_is_dropped_with_a_warning(tmp_path):
    sidecar = tmp_path / "sources.csv"
    sidecar.write_text("file,url\na.txt,javascript:alert(1)\n../../x,https://example.org\n")
    rows, warnings = read_sidecar(sidecar, {"a.txt"})
    assert rows["a.txt"].url == ""
    assert [w.file for w in warnings] == ["a.txt", "../../x"]


@pytest.mark.parametrize(("text", "folded"), [
    pytest.param("President of Ru\u0455sia", "President of Russia", id="cyrillic-dze-in-latin"),
    pytest.param("\u041fu\u0442\u0438\u043d", "\u041fu\u0442\u0438\u043d", id="u-has-no-cyrillic-lookalike"),
    pytest.param("\u041fy\u0442\u0438\u043d", "\u041f\u0443\u0442\u0438\u043d", id="latin-y-in-cyrillic"),
    pytest.param("Москва and Paris", "Москва and Paris", id="single-script-words-unchanged"),
    pytest.param("Mixed Αθήνα", "Mixed Αθήνα", id="greek-word-unchanged"),
])
def test_lookalike_letters_are_read_in_the_words_main_script(text, folded):
    assert fold_lookalikes(text)[0] == folded


@pytest.mark.parametrize(("html", "expected"), [
    pytest.param("<html><body>" + "<div>" * 5000 + "<p>Putin met Goita in Moscow on Tuesday, the Kremlin said.</p>"
                 + "</div>" * 5000 + "</body></html>", "Putin met Goita", id="deep-nesting"),
    pytest.param("<p>Text<script>alert(1)</script><style>p{}</style> more</p>", "Text more", id="no-script-text"),
])
def test_visible_text_fallback(html, expected):
    assert expected in visible_text(html)
    assert "alert" not in html_to_text(html)[0]
