"""The real-article development set: records coded by the codebook, the mix the extraction issue asks
for, no reserved article, no article text in the repository."""

from __future__ import annotations

import subprocess
from collections import Counter

import pytest

from helpers import devset

RECORDS = devset.load_records()


def test_the_set_has_its_size_and_mix():
    assert len(RECORDS) >= 240
    by_language = Counter(g.record["language"] for g in RECORDS)
    assert set(by_language) == set(devset.LANGUAGES)
    assert min(by_language.values()) >= 20, by_language
    elsewhere = sum(g.record["scope"] == "elsewhere" for g in RECORDS)
    assert elsewhere >= len(RECORDS) / 3
    hard_negatives = sum(g.record["label"] in ("negative", "planned_only") for g in RECORDS)
    assert hard_negatives >= len(RECORDS) / 4


def test_ids_are_unique_and_name_their_batch_and_language():
    ids = [g.id for g in RECORDS]
    assert len(ids) == len(set(ids))
    for g in RECORDS:
        batch, language, _ = g.id.split("-")
        assert batch == f"b{g.record['batch']:02d}" and language == g.record["language"], g.id


@pytest.mark.parametrize("gold", RECORDS, ids=[g.id for g in RECORDS])
def test_every_record_follows_the_codebook(gold):
    # The text is checked too when the cache holds it (evidence verbatim, hash); CI has no cache.
    assert devset.record_problems(gold.record, devset.cached_text(gold.id)) == []


def test_no_committed_url_is_reserved_for_independent_evaluation():
    assert devset.excluded_urls([g.record["url"] for g in RECORDS]) == []


def test_the_excluded_list_check_itself_works():
    listing = devset.SHARED_DIR / "eval" / "excluded-urls.sha256"
    listing = listing if listing.exists() else devset.GOLD_DIR / "excluded-urls.sha256"
    some_reserved = listing.read_text(encoding="utf-8").split()[0]
    assert len(some_reserved) == 64  # a SHA-256 per line, compared with the URL's normal form


def test_no_article_text_is_committed():
    """Only annotations (.jsonl) and documentation (.md: the coding guide, the first-run scores) live
    beside the gold; article texts stay in the cache."""
    tracked = subprocess.run(["git", "ls-files", str(devset.REAL_GOLD_DIR)], capture_output=True, text=True,
                             cwd=devset.PROJECT_ROOT, check=False).stdout.split()
    assert tracked and all(name.endswith((".jsonl", ".md")) for name in tracked), tracked


@pytest.mark.parametrize(("record", "problem"), [
    pytest.param({"countries": ["RUS"]}, "countries", id="one-country"),
    pytest.param({"countries": ["RUS", "MLI"]}, "sorted", id="unsorted"),
    pytest.param({"date": "2024-03", "date_precision": "day"}, "precision", id="precision"),
    pytest.param({"type": "lunch"}, "type", id="type"),
    pytest.param({"evidence": "not in the text at all"}, "verbatim", id="evidence"),
])
def test_the_checker_finds_what_is_wrong(record, problem):
    event = {"countries": ["MLI", "RUS"], "type": "phone_call", "status": "occurred", "date": "2024-03-27",
             "date_precision": "day", "evidence": "spoke by phone", "participants": []} | record
    problems = devset.event_problems(event, "Putin spoke by phone with Goita.")
    assert any(problem in p for p in problems), problems


_TEXT = 'Le président a reçu "son homologue"\n\nà Dakar.'


@pytest.mark.parametrize("pasted, restored", [
    (" date 2023-07 " + _TEXT, True),                       # as returned: marker removed
    (" date 2023-07-04\n" + _TEXT + "\n", True),            # an editor's final newline
    (_TEXT.replace("\n", "\\n").replace('"', '\\"'), True),  # the JSON string's body, escapes undecoded
    (_TEXT.replace("reçu", "recu"), False),                 # a slipped copy is refused
    (_TEXT.replace("\n\n", "\n"), False),
])
def test_a_text_is_restored_only_when_its_hash_is_the_records(pasted, restored):
    text = devset.restored_text(pasted, devset.sha256_text(_TEXT))
    assert (text == _TEXT) if restored else text is None


@pytest.mark.parametrize(("dates", "common"), [
    (["2024-03-05", "2024-03", ""], "2024-03-05"),  # the most precise date the others agree with
    (["2024-03-05", "2024-03-07"], "2024-03"),      # two days: the month they share
    (["2024-03-05", "2023-11"], ""),
    ([""], ""),
])
def test_an_events_date_is_the_finest_its_reports_agree_on(dates, common):
    assert devset._common_date(dates) == common


def _record(aid, *events):
    return devset.GoldArticle({"id": aid, "events": list(events)}, path=None, line=0)


def test_events_sharing_a_key_are_one_event_reported_by_all_their_articles():
    call = {"countries": ["MLI", "RUS"], "type": "phone_call", "status": "occurred", "date": "2023-08-15",
            "event_key": "MLI-RUS-2023-08-15-call"}
    other = {"countries": ["MLI", "RUS"], "type": "meeting", "status": "occurred", "date": "2023-09"}
    gold = devset.event_gold([_record("a", call, other), _record("b", call | {"date": "2023-08"})])
    by_id = {e["id"]: e for e in gold["events"]}
    assert by_id["MLI-RUS-2023-08-15-call"]["articles"] == ["a", "b"]
    assert by_id["MLI-RUS-2023-08-15-call"]["date"] == "2023-08-15"
    assert by_id["a#1"]["articles"] == ["a"] and sorted(gold["published"]) == ["a", "b"]
    assert devset.key_problems([_record("a", call), _record("b", call | {"status": "planned"})])
    assert not devset.key_problems([_record("a", call), _record("b", call)])


def test_materialising_into_a_used_folder_leaves_only_the_selection(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("DIPLOMACY_REAL_CACHE", str(cache))
    text = "Putin met Goita in Moscow on Tuesday."
    (cache / "a.txt").write_text(text, encoding="utf-8")
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "old.txt").write_text("from an earlier selection", encoding="utf-8")
    record = devset.GoldArticle({"id": "a", "url": "https://example.com/a", "sha256": devset.sha256_text(text),
                                 "published": "", "published_source": "none"}, path=None, line=0)
    devset.materialise([record], folder)
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "sources.csv"]
