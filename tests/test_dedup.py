"""Events: merge rule, date borrowing, corroboration, explanations, overrides, determinism."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import schemas
from helpers.dedup import build_events, invariant_sequence, rewrite_pairs

ARTICLE_COLUMNS = list(schemas.ARTICLES.columns)


def article(aid, language="en", published="2024-03-28", outlet="", agency="", story=None):
    row = dict.fromkeys(ARTICLE_COLUMNS, "")
    row.update({"article_id": aid, "file": f"{aid}.txt", "status": "ok", "language": language,
                "published_date": published, "outlet": outlet or f"Outlet {aid}", "origin_agency": agency,
                "story_group": story or aid})
    return row


def mention(aid, n, countries, type_="phone_call", date="2024-03-27", status="occurred", actors="",
            language="en", date_raw="", sentence=None):
    precision = {10: "day", 7: "month", 4: "year", 0: "unknown"}[len(date)]
    return {"mention_id": f"{aid}:{n}:0", "article_id": aid, "sentence_no": n, "start": 0, "end": 10,
            "sentence": sentence or f"sentence {n} of {aid}", "language": language, "type": type_, "status": status,
            "countries": countries, "participants": "", "actor_ids": actors, "date": date, "date_precision": precision,
            "date_raw": date_raw, "date_basis": "test", "topics": "", "trigger": "t"}


def run(articles, mentions, overrides=None):
    arts = pd.DataFrame(articles, columns=ARTICLE_COLUMNS)
    ments = pd.DataFrame(mentions)
    sentences = pd.DataFrame([{"article_id": m["article_id"], "sentence_no": m["sentence_no"], "paragraph_no": 0,
                               "start": 0, "end": 10, "language": m["language"], "text": m["sentence"]}
                              for m in mentions])
    return build_events(arts, sentences, ments, overrides)


def summary(result):
    return sorted((e.countries, e.type, e.status, e.date, e.article_ids) for e in result.events.itertuples())


def test_same_call_in_three_languages_is_one_event():
    result = run([article("a", "bg"), article("b", "en"), article("c", "fr")],
                 [mention("a", 0, "MLI;RUS", language="bg"), mention("b", 0, "MLI;RUS"),
                  mention("c", 0, "MLI;RUS", language="fr")])
    [event] = result.events.itertuples()
    assert (event.n_mentions, event.n_articles, event.languages) == (3, 3, "bg;en;fr")
    assert "same day" in event.merge_reasons


def test_same_day_different_counterparts_are_two_events():
    result = run([article("a")], [mention("a", 0, "MLI;RUS"), mention("a", 1, "COG;RUS")])
    assert len(result.events) == 2


def test_bilateral_and_multilateral_same_day_are_two_events():
    result = run([article("a")], [mention("a", 0, "MLI;RUS", "meeting"),
                                  mention("a", 1, "BFA;MLI;NER;RUS", "meeting")])
    assert summary(result) == [("BFA;MLI;NER;RUS", "meeting", "occurred", "2024-03-27", "a"),
                               ("MLI;RUS", "meeting", "occurred", "2024-03-27", "a")]


def test_phone_call_and_meeting_do_not_merge_but_meeting_and_visit_do():
    result = run([article("a"), article("b")],
                 [mention("a", 0, "MLI;RUS", "phone_call"), mention("b", 0, "MLI;RUS", "meeting"),
                  mention("b", 1, "MLI;RUS", "visit")])
    assert sorted(result.events["type"]) == ["meeting", "phone_call"]


def test_month_precision_joins_the_only_day_event_inside_it():
    result = run([article("a"), article("b")], [mention("a", 0, "MLI;RUS", date="2023-08-15"),
                                                mention("b", 0, "MLI;RUS", date="2023-08")])
    [event] = result.events.itertuples()
    assert (event.date, event.n_articles) == ("2023-08-15", 2)
    assert "the only 2023-08-15 event inside 2023-08" in event.merge_reasons


def test_month_precision_with_two_day_events_stays_apart_and_is_a_near_miss():
    result = run([article("a"), article("b")], [mention("a", 0, "MLI;RUS", date="2023-08-15"),
                                                mention("a", 1, "MLI;RUS", date="2023-08-20"),
                                                mention("b", 0, "MLI;RUS", date="2023-08")])
    assert len(result.events) == 3
    assert set(result.near_misses["reason"]) == {"one date is too coarse to tell which event it belongs to"}


def test_dates_one_to_three_days_apart_are_near_misses():
    result = run([article("a")], [mention("a", 0, "MLI;RUS", date="2024-03-26"),
                                  mention("a", 1, "MLI;RUS", date="2024-03-27")])
    assert len(result.events) == 2
    assert list(result.near_misses["reason"]) == ["dates 1 day(s) apart"]


def test_borrowing_with_one_candidate():
    # b (published 2024-03-28) reports as current a contact a dated two days before: it takes that date.
    result = run([article("a"), article("b", published="2024-03-28")],
                 [mention("a", 0, "NER;RUS", date="2024-03-26"), mention("b", 0, "NER;RUS", date="")])
    [event] = result.events.itertuples()
    assert event.n_articles == 2
    borrowed = result.links.set_index("mention_id").loc["b:0:0"]
    assert (borrowed.event_id, borrowed.date, borrowed.date_precision) == (event.event_id, "2024-03-26", "day")
    assert borrowed.date_basis == (f"from event {event.event_id}: "
                                   "date borrowed from 2024-03-26 (the only compatible dated event)")


def test_borrowing_with_two_candidates_stays_unresolved_and_is_listed():
    result = run([article("a"), article("b", published="2024-03-28")],
                 [mention("a", 0, "MLI;RUS", date="2024-03-27"), mention("a", 1, "MLI;RUS", date="2024-03-20"),
                  mention("b", 0, "MLI;RUS", date="")])
    assert len(result.events) == 3
    assert list(result.unresolved["candidate_dates"]) == ["2024-03-20;2024-03-27"]


@pytest.mark.parametrize(("published", "agency", "borrowed"), [
    pytest.param("2025-11-10", "", "", id="unrelated-years-apart"),  # issue 10's case: a 2019 meeting, a 2025 report
    pytest.param("", "", "", id="unrelated-no-publication-date"),
    pytest.param("2019-10-30", "", "2019-10-23", id="unrelated-a-week-later"),
    pytest.param("2025-11-10", "TASS", "2019-10-23", id="related-by-wire"),
])
def test_borrowing_needs_evidence(published, agency, borrowed):
    arts = [article("a", published="2019-10-24", agency="TASS"), article("b", published=published, agency=agency)]
    result = run(arts, [mention("a", 0, "EGY;RUS", "meeting", date="2019-10-23"),
                        mention("b", 0, "EGY;RUS", "meeting", date="")])
    assert result.links.set_index("mention_id").loc["b:0:0"].date == borrowed


def test_borrowing_prefers_the_related_article_then_the_weekday():
    arts = [article("a", agency="Reuters"), article("c"), article("b", published="", agency="Reuters")]
    result = run(arts, [mention("a", 0, "MLI;RUS", date="2024-03-27"), mention("c", 0, "MLI;RUS", date="2023-10-10"),
                        mention("b", 0, "MLI;RUS", date="")])
    assert result.links.set_index("mention_id").loc["b:0:0"].date == "2024-03-27"
    result = run([article("a"), article("c"), article("b", published="2024-03-28")],
                 [mention("a", 0, "MLI;RUS", date="2024-03-27"), mention("c", 0, "MLI;RUS", date="2024-03-21"),
                  mention("b", 0, "MLI;RUS", date="", date_raw="on Wednesday")])
    assert result.links.set_index("mention_id").loc["b:0:0"].date == "2024-03-27"  # a Wednesday


def test_planned_and_occurred_stay_apart():
    result = run([article("a")], [mention("a", 0, "MLI;RUS", "visit", date="2025-06"),
                                  mention("a", 1, "MLI;RUS", "visit", date="2025-06", status="planned")])
    assert sorted(result.events["status"]) == ["occurred", "planned"]


def test_contradicting_participants_stay_apart():
    result = run([article("a")], [mention("a", 0, "MLI;RUS", "meeting", actors="abdoulaye_diop;lavrov"),
                                  mention("a", 1, "MLI;RUS", "meeting", actors="lavrov;sadio_camara")])
    assert len(result.events) == 2


def test_origins_count_wire_story_group_and_rewrites_once():
    arts = [article("a", agency="Reuters"), article("b", agency="Reuters"), article("c", story="a"),
            article("d", agency="AFP")]
    result = run(arts, [mention(x, 0, "MLI;RUS") for x in "abcd"])
    [event] = result.events.itertuples()
    assert (event.n_articles, event.n_origins) == (4, 2)


def test_overrides_merge_split_drop(tmp_path):
    arts = [article("a"), article("b")]
    mentions = [mention("a", 0, "MLI;RUS", date="2024-03-26"), mention("b", 0, "MLI;RUS", date="2024-03-27"),
                mention("b", 1, "COG;RUS", date="2024-03-27"), mention("a", 1, "COG;RUS", date="2024-03-27")]
    path = tmp_path / "overrides.csv"
    path.write_text("action,ids,reason\n"
                    "merge,a:0:0;b:0:0,same call misdated by one outlet\n"
                    "split,a:1:0,a different call\n"
                    "drop,b:1:0,misread sentence\n"
                    "drop,zz:9:9,typo\n", encoding="utf-8")
    result = run(arts, mentions, path)
    assert summary(result) == [("COG;RUS", "phone_call", "occurred", "2024-03-27", "a"),
                               ("MLI;RUS", "phone_call", "occurred", "2024-03-26", "a;b")]
    assert list(result.overrides["outcome"]) == ["applied", "applied", "applied", "ignored: unknown ids zz:9:9"]
    merged = result.events[result.events.countries == "MLI;RUS"].iloc[0]
    assert "merged by analyst" in merged["merge_reasons"]


TRANSLATION_PAIRS = [
    ("Russian President Vladimir Putin spoke by phone with Mali's Assimi Goita on Wednesday. "
     "The Kremlin said 137 people died in the attack. Niger and Burkina Faso left ECOWAS in 2024, and France "
     "withdrew 1500 troops from Mali.",
     "Le président russe Vladimir Poutine s'est entretenu mercredi avec le Malien Assimi Goïta. "
     "Le Kremlin a indiqué que 137 personnes sont mortes dans l'attentat. Le Niger et le Burkina Faso ont quitté la "
     "CEDEAO en 2024, et la France a retiré 1500 soldats du Mali.", "fr", True),
    ("Russian President Vladimir Putin spoke by phone with Mali's Assimi Goita on Wednesday. "
     "The Kremlin said 137 people died in the attack. Niger and Burkina Faso left ECOWAS in 2024, and France "
     "withdrew 1500 troops from Mali.",
     "Chinese President Xi Jinping received Kenya's William Ruto in Beijing, where they signed 20 agreements. "
     "Kenya owes China 6 billion dollars for the railway, and Ethiopia is also negotiating new loans.", "en", False),
]


@pytest.mark.parametrize(("english", "other", "language", "is_rewrite"), TRANSLATION_PAIRS,
                         ids=["translated-rewrite", "unrelated-story"])
def test_translated_rewrites_are_caught_by_what_survives_translation(english, other, language, is_rewrite):
    sequences = {"en": invariant_sequence([(english, "en")]), "xx": invariant_sequence([(other, language)])}
    assert (frozenset(("en", "xx")) in rewrite_pairs(sequences)) is is_rewrite


def _seed_inputs():
    from helpers import SUPPORTED_LANGUAGES
    from helpers.articles import ArticlesParams, build_articles
    from helpers.extract import build_mentions
    from helpers.paths import SEEDS_DIR

    stage = build_articles(ArticlesParams(input_dir=SEEDS_DIR))
    return stage, build_mentions(stage, SUPPORTED_LANGUAGES).mentions


@pytest.fixture(scope="module")
def seed_inputs():
    return _seed_inputs()


def test_seed_events(seed_inputs):
    stage, mentions = seed_inputs
    result = build_events(stage.articles, stage.sentences, mentions)
    ids = {a: a[:3] for a in stage.articles["article_id"]}
    table = sorted((e.type, e.status, e.countries, e.date, ",".join(ids[a] for a in e.article_ids.split(";")))
                   for e in result.events.itertuples())
    assert table == sorted([
        ("phone_call", "occurred", "MLI;RUS", "2024-03-27", "000,003,004"),
        ("phone_call", "occurred", "NER;RUS", "2024-03-26", "000,003"),
        ("phone_call", "occurred", "COG;RUS", "2024-03-27", "000,003,004"),
        ("meeting", "occurred", "MLI;RUS", "2025-04-03", "001"),
        ("meeting", "occurred", "BFA;MLI;NER;RUS", "2025-04-03", "001"),
        ("visit", "planned", "MLI;RUS", "2025-06", "001"),
        ("phone_call", "occurred", "MLI;RUS", "2023-10-10", "002"),
        ("phone_call", "occurred", "MLI;RUS", "2023-09", "002"),
        ("phone_call", "occurred", "MLI;RUS", "2023-08", "002"),
    ])
    goita = result.events[(result.events.countries == "MLI;RUS") & (result.events.date == "2024-03-27")].iloc[0]
    assert goita.n_origins == 2
    borrowed = result.links[result.links.mention_id.str.startswith("003")]
    assert len(borrowed) and borrowed["date_basis"].str.contains("date borrowed from").all()


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10_000))
def test_merging_is_independent_of_input_order(seed):
    stage, mentions = SEED_INPUTS
    baseline = build_events(stage.articles, stage.sentences, mentions).events
    shuffled = mentions.sample(frac=1, random_state=seed).reset_index(drop=True)
    arts = stage.articles.sample(frac=1, random_state=seed + 1).reset_index(drop=True)
    pd.testing.assert_frame_equal(build_events(arts, stage.sentences, shuffled).events, baseline)


def test_running_twice_gives_byte_identical_tables(seed_inputs, tmp_path):
    from helpers.dedup import write_events

    stage, mentions = seed_inputs
    for name in ("one", "two"):
        write_events(build_events(stage.articles, stage.sentences, mentions), tmp_path / name)
    for path in sorted((tmp_path / "one" / "tables").glob("*")):
        assert path.read_bytes() == (tmp_path / "two" / "tables" / path.name).read_bytes(), path.name


@settings(max_examples=5, deadline=None)
@given(index=st.integers(min_value=0, max_value=4))
def test_a_copied_article_adds_articles_not_origins_or_events(index):
    stage, mentions = SEED_INPUTS
    original = sorted(stage.articles["article_id"])[index]
    copy_id = original + "_copy"
    arts = pd.concat([stage.articles, stage.articles[stage.articles.article_id == original]
                      .assign(article_id=copy_id, file=copy_id + ".txt")], ignore_index=True)
    sentences = pd.concat([stage.sentences, stage.sentences[stage.sentences.article_id == original]
                           .assign(article_id=copy_id)], ignore_index=True)
    copied = mentions[mentions.article_id == original].assign(
        article_id=copy_id, mention_id=lambda d: d["mention_id"].str.replace(original, copy_id))
    before = build_events(stage.articles, stage.sentences, mentions).events
    after = build_events(arts, sentences, pd.concat([mentions, copied], ignore_index=True)).events
    assert len(after) == len(before)
    touched = after[after.article_ids.str.contains(copy_id)]
    for e in touched.itertuples():
        old = before[(before.countries == e.countries) & (before.date == e.date) & (before.status == e.status)].iloc[0]
        assert e.n_articles == old.n_articles + 1
        assert e.n_origins == old.n_origins


SEED_INPUTS = _seed_inputs()


def test_undated_copies_of_one_story_are_one_event_but_unrelated_articles_are_not():
    arts = [article("a", published="", story="a"), article("b", published="", story="a"),
            article("c", published="", story="c")]
    result = run(arts, [mention(x, 0, "EGY;TUR", "meeting", date="") for x in "abc"])
    assert sorted(result.events["article_ids"]) == ["a;b", "c"]
    copies = result.events[result.events.article_ids == "a;b"].iloc[0]
    assert (copies.n_articles, copies.n_origins) == (2, 1)


# --- Issue 10: within an article first, borrowing only with evidence, one links table ---------------

def test_an_article_reports_one_contact_once_before_other_articles_count():
    # a: "met on Tuesday 5 March" + "the talks this month" (publication month); b: another March meeting.
    # Within a, the month report is the Tuesday meeting; across articles it would have had two fits.
    arts = [article("a", published="2024-03-07"), article("b", published="2024-03-21")]
    result = run(arts, [mention("a", 0, "MLI;RUS", "meeting", date="2024-03-05"),
                        mention("a", 3, "MLI;RUS", "meeting", date="2024-03"),
                        mention("b", 0, "MLI;RUS", "meeting", date="2024-03-20")])
    assert summary(result) == [("MLI;RUS", "meeting", "occurred", "2024-03-05", "a"),
                               ("MLI;RUS", "meeting", "occurred", "2024-03-20", "b")]
    assert "same article" in result.events.iloc[0].merge_reasons


@pytest.mark.parametrize("types", [
    pytest.param(("visit", "meeting", "visit"), id="three-sentences-about-one-visit"),
    pytest.param(("visit", "meeting", "meeting"), id="a-visit-and-the-talks-of-that-visit"),
    pytest.param(("meeting", "other", "visit"), id="an-unspecified-contact-joins"),
])
def test_sentences_about_one_visit_give_one_event(types):
    dates = ("2025-04-16", "", "2025-04")  # dated, undated elaboration, publication month
    arts = [article("a", published="2025-04-17"), article("z", published="2025-04-02")]
    mentions = [mention("a", n, "ETH;RUS", t, date=d) for n, (t, d) in enumerate(zip(types, dates, strict=True))]
    mentions.append(mention("z", 0, "ETH;RUS", "meeting", date="2025-04-01"))  # another April contact
    result = run(arts, mentions)
    one = result.events[result.events.article_ids == "a"]
    assert len(one) == 1 and one.iloc[0].n_mentions == 3 and one.iloc[0].date == "2025-04-16"
    links = result.links.set_index("mention_id")
    assert links.loc["a:1:0"].date == "2025-04-16" and "same article" in links.loc["a:1:0"].date_basis


def test_two_encounters_in_one_article_stay_apart():
    # The foreign minister on Monday, the president (undated): participants contradict for MLI.
    result = run([article("a")], [
        mention("a", 0, "MLI;RUS", "meeting", date="2024-03-25", actors="abdoulaye_diop;lavrov"),
        mention("a", 2, "MLI;RUS", "meeting", date="", actors="goita;lavrov")])
    assert len(result.events) == 2


def _unrelated_articles(draw_years, draw_types):
    arts, mentions = [], []
    for i, (year, type_) in enumerate(zip(draw_years, draw_types, strict=False)):
        aid = f"u{i}"
        arts.append(article(aid, published=f"{year}-06-30"))
        mentions.append(mention(aid, 0, "EGY;RUS", type_, date=f"{year}-06-{10 + i % 15:02d}"))
        mentions.append(mention(aid, 1, "EGY;RUS", type_, date=""))
    return arts, mentions


BASE_ARTICLES = [article("cairo", published="2025-11-10"), article("sochi", published="2025-06-01"),
                 article("cairo2", published="2025-11-12")]
BASE_MENTIONS = [mention("cairo", 0, "EGY;RUS", "meeting", date=""),              # undated, current
                 mention("sochi", 0, "EGY;RUS", "meeting", date="2019-10-23"),    # a recalled 2019 meeting
                 mention("cairo2", 0, "EGY;RUS", "meeting", date="2025-11-09"),
                 mention("cairo2", 1, "EGY;RUS", "phone_call", date="2025-11")]


def _membership(result):
    return {(e.mention_ids, e.date, e.date_precision) for e in result.events.itertuples()}


@settings(max_examples=25, deadline=None)
@given(years=st.lists(st.sampled_from([2016, 2018, 2019, 2021, 2022, 2023]), min_size=1, max_size=6),
       types=st.lists(st.sampled_from(["meeting", "visit", "phone_call", "other"]), min_size=6, max_size=6))
def test_unrelated_articles_from_other_years_change_no_existing_event(years, types):
    base = run(BASE_ARTICLES, BASE_MENTIONS)
    extra_articles, extra_mentions = _unrelated_articles(years, types)
    grown = run(BASE_ARTICLES + extra_articles, BASE_MENTIONS + extra_mentions)
    base_ids = {m["mention_id"] for m in BASE_MENTIONS}
    kept = {(e.mention_ids, e.date, e.date_precision) for e in grown.events.itertuples()
            if set(e.mention_ids.split(";")) & base_ids}
    assert kept == _membership(base)
    # the undated 2025 report takes the 2025-11-09 meeting's date (a day before it), never 2019 or another year
    assert grown.links.set_index("mention_id").loc["cairo:0:0"].date == "2025-11-09"


def test_the_links_table_gives_every_mention_in_an_event_once():
    result = run(BASE_ARTICLES, BASE_MENTIONS)
    links = result.links
    assert sorted(links.mention_id) == sorted(m["mention_id"] for m in BASE_MENTIONS)
    assert set(links.event_id) == set(result.events.event_id)
    assert list(links.columns) == ["mention_id", "event_id", "date", "date_precision", "date_basis"]


ABIY = ("{title} {name} was received on Wednesday by Russian President Vladimir Putin at the Kremlin. "
        "The two leaders discussed trade and security. The {adjective} leader was on a working visit to Moscow "
        "at Putin's invitation.")


@pytest.mark.parametrize(("title", "name", "adjective", "country"), [
    ("Ethiopia's Prime Minister", "Abiy Ahmed", "Ethiopian", "ETH"),  # the leader is not the head of state
    ("Togo's President", "Faure Gnassingbé", "Togolese", "TGO"),
    ("Ghana's President", "Nana Akufo-Addo", "Ghanaian", "GHA"),
])
def test_a_leader_named_again_by_role_is_the_same_person_and_one_event(tmp_path, title, name, adjective, country):
    from helpers.pipeline import run_tables

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "visit.txt").write_text(ABIY.format(title=title, name=name, adjective=adjective) + "\n", encoding="utf-8")
    (folder / "sources.csv").write_text("file,published\nvisit.txt,2024-04-18\n", encoding="utf-8")
    run_tables(folder, tmp_path / "out", sources_csv=folder / "sources.csv")
    tables = tmp_path / "out" / "tables"
    events = pd.read_csv(tables / "events.csv", keep_default_na=False)
    mentions = pd.read_csv(tables / "mentions.csv", keep_default_na=False)
    assert len(events) == 1 and events.iloc[0].countries == ";".join(sorted([country, "RUS"]))
    assert events.iloc[0].date == "2024-04-17"
    assert all(name in p for p in mentions.participants), list(mentions.participants)
    # one table, one schema: mentions.csv is the extraction's own, the links are a table of their own
    assert "event_id" not in mentions.columns
    links = pd.read_csv(tables / "mention_events.csv", keep_default_na=False)
    assert sorted(links.mention_id) == sorted(mentions.mention_id)


def test_mentions_csv_is_the_extraction_table_written_once(tmp_path):
    from helpers import SUPPORTED_LANGUAGES
    from helpers.articles import ArticlesParams, build_articles
    from helpers.extract import build_mentions, write_mentions
    from helpers.paths import SEEDS_DIR
    from helpers.pipeline import run_tables

    run_tables(SEEDS_DIR, tmp_path / "all")
    stage = build_articles(ArticlesParams(input_dir=SEEDS_DIR))
    write_mentions(build_mentions(stage, SUPPORTED_LANGUAGES), tmp_path / "extraction")
    written = (tmp_path / "all" / "tables" / "mentions.csv").read_bytes()
    assert written == (tmp_path / "extraction" / "tables" / "mentions.csv").read_bytes()
    links = pd.read_csv(tmp_path / "all" / "tables" / "mention_events.csv", keep_default_na=False)
    events = pd.read_csv(tmp_path / "all" / "tables" / "events.csv", keep_default_na=False)
    assert set(links.event_id) == set(events.event_id) and links.mention_id.is_unique


@pytest.mark.parametrize(("dates", "types", "expected"), [
    pytest.param(("2023-08-25", "2023-08-24"), ("visit", "meeting"), ["2023-08-24"], id="arrival-then-talks"),
    pytest.param(("2023-08-20", "2023-08-25"), ("visit", "meeting"), ["2023-08-20", "2023-08-25"], id="too-far-apart"),
    pytest.param(("2023-08-24", "2023-08-25"), ("visit", "phone_call"), ["2023-08-24", "2023-08-25"],
                 id="not-in-person"),
])
def test_a_trip_reported_on_two_days_is_one_event_on_its_first_day(dates, types, expected):
    result = run([article("a", published="2023-08-26")],
                 [mention("a", n, "AGO;BRA", t, date=d) for n, (t, d) in enumerate(zip(types, dates, strict=True))])
    assert sorted(result.events["date"]) == expected
