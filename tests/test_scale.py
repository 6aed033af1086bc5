"""Scale (issue 12): the benchmark corpus, parallel and cached runs giving the plain run's bytes, each
stage run once by the report."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import manifest, stagecache
from helpers.articles import ArticlesParams, load_or_build
from helpers.paths import PROJECT_ROOT, SEEDS_DIR
from helpers.pipeline import run_tables

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from corpus import article_text, plan_articles, write_corpus


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _tables(out: Path) -> tuple[dict, dict]:
    return _digest(out / "tables"), _digest(out / "clean")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bench") / "in"
    write_corpus(folder, 120, seed=7)
    return folder


@pytest.fixture(scope="module")
def plain(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("plain")
    run_tables(corpus, out, workers=1, use_cache=False)
    return out


def test_the_corpus_is_deterministic_real_length_and_plants_every_kind(tmp_path):
    write_corpus(tmp_path / "a", 60, seed=3)
    write_corpus(tmp_path / "b", 60, seed=3)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    planted = [json.loads(line) for line in (tmp_path / "a" / "planted_gold.jsonl").read_text().splitlines()]
    assert len(planted) == 60 and {r["language"] for r in planted} >= {"en", "fr", "bg", "ro", "ru", "es", "de", "pt",
                                                                       "ar", "sw"}
    articles = plan_articles(400, seed=3)
    assert {a.kind for a in articles} == {"contact", "no_contact", "syndicated", "translated"}
    assert all(9 <= sum(p.count(". ") + 1 for p in a.body) <= 45 for a in articles if a.kind == "contact")
    sizes = sorted(len(article_text(a).encode()) for a in articles)
    assert sizes[len(sizes) // 2] > 1000 and sizes[-1] < 8000
    raw = [p.read_bytes() for p in (tmp_path / "a").iterdir()]
    assert any(b.startswith(b"\xef\xbb\xbf") for b in raw) and any(b.startswith(b"<!doctype html>") for b in raw)
    assert any(not _is_utf8(b) for b in raw)  # some in a legacy encoding


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_two_workers_give_the_bytes_of_one(corpus, plain, tmp_path):
    run_tables(corpus, tmp_path, workers=2, use_cache=False)
    assert _tables(tmp_path) == _tables(plain)


def test_a_cached_run_gives_the_same_bytes_and_redoes_only_what_changed(corpus, plain, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in corpus.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    first = run_tables(folder, out, workers=2)
    second = run_tables(folder, out, workers=2)
    assert "from the cache" not in first[0] and "120 from the cache" in second[0] and "120 from the cache" in second[1]
    assert _tables(out) == _tables(plain)
    changed = sorted(folder.glob("*_en.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("\n\n", "\n\nPutin met Goita in Moscow.\n\n", 1),
                       encoding="utf-8")
    third = run_tables(folder, out, workers=2)
    assert "119 from the cache" in third[0]
    fresh = tmp_path / "fresh"
    run_tables(folder, fresh, workers=1, use_cache=False)
    assert _tables(out) == _tables(fresh)


def test_a_new_code_version_recomputes_everything(corpus, tmp_path, monkeypatch):
    run_tables(corpus, tmp_path, workers=1)
    monkeypatch.setattr(stagecache, "code_version", lambda: "another version of the rules")
    lines = run_tables(corpus, tmp_path, workers=1)
    assert "from the cache" not in lines[0] and "from the cache" not in lines[1]


def test_a_notebook_reads_the_tables_of_its_inputs_and_rebuilds_after_a_change(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SEEDS_DIR.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    run_tables(folder, out)
    params = ArticlesParams(input_dir=folder)
    assert manifest.is_current(out, params, None, stage="articles")
    load_or_build(params, out)
    assert "articles stage: read from" in capsys.readouterr().out
    (folder / "new.txt").write_text("Putin met Goita in Moscow on Tuesday.\n", encoding="utf-8")
    assert not manifest.is_current(out, params, None, stage="articles")
    stage = load_or_build(params, out)
    assert "articles stage: built" in capsys.readouterr().out and len(stage.articles) == 6


@pytest.mark.slow
def test_the_report_runs_each_stage_once(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "helpers", "report", "--out", str(out)], capture_output=True,
                          text=True, cwd=PROJECT_ROOT, env=os.environ, check=False, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "without encryption" not in done.stdout + done.stderr  # the kernel's loopback warning is not printed
    cli_stage_lines = [line for line in done.stdout.splitlines() if line.split(":")[0] in ("articles", "mentions",
                                                                                              "events")]
    assert [line.split(":")[0] for line in cli_stage_lines] == ["articles", "mentions", "events"]
    notebook_lines = []
    for name in ("01_clean_articles.ipynb", "02_extract_contacts.ipynb"):
        cells = json.loads((out / "_executed" / name).read_text(encoding="utf-8"))["cells"]
        notebook_lines += [line for c in cells for o in c.get("outputs", []) for line in "".join(o.get("text", "")
                           ).splitlines() if " stage: " in line]
    assert notebook_lines and all(" stage: read from " in line for line in notebook_lines), notebook_lines
    assert "<title>Diplomatic contacts</title>" in (out / "report.html").read_text(encoding="utf-8")  # not "Notebook"


@pytest.mark.slow
@pytest.mark.parametrize("which", ["seeds", "1k"])
def test_a_dask_local_cluster_gives_the_bytes_of_the_local_run(which, tmp_path, monkeypatch):
    from helpers import parallel

    if which == "seeds":
        folder = SEEDS_DIR
    else:
        folder = tmp_path / "in"
        write_corpus(folder, 1000, seed=0)
    run_tables(folder, tmp_path / "local", workers=2, use_cache=False)
    calls = []
    real = parallel._dask_map
    monkeypatch.setattr(parallel, "_dask_map", lambda *a: calls.append(len(a[2])) or real(*a))
    with parallel.dask_engine(workers=2) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        run_tables(folder, tmp_path / "dask", workers=2, use_cache=False)
    n_files = len([p for p in folder.iterdir() if p.suffix in (".txt", ".html")])
    assert calls and calls[0] == n_files  # the articles stage ran on the cluster (then the mentions stage)
    assert _tables(tmp_path / "dask") == _tables(tmp_path / "local")


def _event(n_articles: int, event_id: str = "ev_1") -> dict:
    ids = [f"a{i:05d}" for i in range(n_articles)]
    return {"event_id": event_id, "date": "2025-02-10", "date_precision": "day", "type": "visit",
            "status": "occurred", "participants": "", "countries": "MLI;RUS", "topics": "",
            "article_ids": ";".join(ids), "n_origins": 1, "n_articles": n_articles,
            "evidence": " || ".join(f"[{a}] Putin met Goita." for a in ids)}


@pytest.mark.parametrize(("n_articles", "more_articles", "more_quotes"), [(3, None, None), (40, 28, 34)])
def test_a_long_event_lists_its_first_sources_and_says_how_many_more(n_articles, more_articles, more_quotes):
    import pandas as pd

    from helpers import report

    articles = pd.DataFrame([{"article_id": f"a{i:05d}", "outlet": "X", "language": "en", "published_date": "",
                              "url": "https://example.org/x", "file": "x.txt"} for i in range(n_articles)])
    html = report.events_table(pd.DataFrame([_event(n_articles)]), articles).data
    assert html.count("https://example.org/x") == min(n_articles, report.MAX_SOURCES_SHOWN)
    assert (f"… and {more_articles} more articles" in html) is (more_articles is not None)
    assert (f"… and {more_quotes} more quotes" in html) is (more_quotes is not None)


def test_a_table_of_more_events_than_a_page_holds_says_which_it_shows(monkeypatch):
    import pandas as pd

    from helpers import report

    monkeypatch.setattr(report, "MAX_EVENT_ROWS", 2)
    frame = pd.DataFrame([_event(1, "ev_a"), _event(3, "ev_b"), _event(2, "ev_c")])
    articles = pd.DataFrame([{"article_id": f"a{i:05d}", "outlet": "X", "language": "en", "published_date": "",
                              "url": "", "file": "x.txt"} for i in range(3)])
    html = report.events_table(frame, articles).data
    assert "Showing 2 of 3 events" in html and html.count("<tr data-date") == 2
