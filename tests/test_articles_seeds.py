"""The articles stage on the seeds: the acceptance figures of issue 2, and the written outputs."""

import pandas as pd
import pytest

from helpers import schemas
from helpers.articles import write_articles

EXPECTED = {
    # article_id: (language, published_date, published_basis, title, origin_agency)
    "000_31b84bafc8491eae": ("bg", "2024-03-27", "header",
                             "Путин обсъди сигурността и икономическото сътрудничество с лидерите на Западна и "
                             "Централна Африка", "Reuters"),
    "001_63a3806cb3729def": ("ro", "2025-04-03", "sidecar",
                             "Serghei Lavrov anunță intensificarea cooperării militare cu Mali", "Le Figaro"),
    "002_abe042436c6ac159": ("en", "2023-10-11", "sidecar",
                             "Putin and the leader of Mali talk about security and economic cooperation", ""),
    "003_94a2c1ee15b4eb4f": ("en", "", "none",
                             "Putin engages in security talks with West and Central African leaders", ""),
    "004_877ec1ab4ab282fc": ("en", "2024-03-28", "byline",
                             "Russia, Mali to strengthen counterterrorism efforts", "AFP"),
}


def test_five_ok_rows(seed_articles):
    assert list(seed_articles.index) == sorted(EXPECTED)
    assert (seed_articles["status"] == "ok").all()


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_seed_metadata(seed_articles, article_id):
    language, date, basis, title, agency = EXPECTED[article_id]
    row = seed_articles.loc[article_id]
    assert (row.language, row.published_date, row.published_basis, row.title, row.origin_agency) == \
        (language, date, basis, title, agency)


def test_detected_language_agrees_with_sidecar(seed_articles):
    assert (seed_articles["language_confidence"] > 0.9).all()


def test_header_time_and_outlets(seed_articles):
    assert seed_articles.loc["000_31b84bafc8491eae", "published_time"] == "14:52:42"
    assert seed_articles.loc["004_877ec1ab4ab282fc", "published_time"] == "06:49"
    assert seed_articles.loc["004_877ec1ab4ab282fc", "author"] == "AFP"
    assert seed_articles.loc["000_31b84bafc8491eae", "credited_sources"] == "Reuters;News.bg"


def test_french_passage_marked_in_bulgarian_article(seed_articles, seed_stage):
    assert seed_articles.loc["000_31b84bafc8491eae", "other_languages"] == "fr"
    french = seed_stage.sentences[(seed_stage.sentences.article_id == "000_31b84bafc8491eae")
                                  & (seed_stage.sentences.language == "fr")]
    assert len(french) == 4 and french.iloc[0]["text"].startswith("J’ai eu un entretien")


def test_seeds_are_distinct_stories(seed_articles):
    # 003 rewrites 000's Reuters story in another language: fingerprints cannot see that.
    assert seed_articles["story_group"].nunique() == 5


def test_counts_are_consistent(seed_articles, seed_stage):
    for article_id, row in seed_articles.iterrows():
        assert row.n_chars_clean == len(seed_stage.clean_texts[article_id])
        assert row.n_sentences == (seed_stage.sentences.article_id == article_id).sum()
        assert row.n_lines_removed == (seed_stage.removed_lines.article_id == article_id).sum()


def test_outputs_written_and_match_schemas(seed_stage, tmp_path):
    write_articles(seed_stage, tmp_path)
    articles = pd.read_csv(tmp_path / "tables" / "articles.csv", keep_default_na=False, dtype=str)
    assert list(articles.columns) == list(schemas.ARTICLES.columns)
    parquet = pd.read_parquet(tmp_path / "tables" / "articles.parquet")
    schemas.ARTICLES.validate(parquet)
    schemas.SENTENCES.validate(pd.read_parquet(tmp_path / "tables" / "sentences.parquet"))
    assert sorted(p.stem for p in (tmp_path / "clean").glob("*.txt")) == sorted(EXPECTED)
    body = (tmp_path / "clean" / "003_94a2c1ee15b4eb4f.txt").read_text(encoding="utf-8")
    assert body.endswith("spanning their territories.\n") and "Scroll to Top" not in body


def test_running_twice_gives_identical_tables(seed_stage, tmp_path):
    from helpers.articles import ArticlesParams, build_articles
    from helpers.paths import SEEDS_DIR

    again = build_articles(ArticlesParams(input_dir=SEEDS_DIR))
    pd.testing.assert_frame_equal(seed_stage.articles, again.articles)
    pd.testing.assert_frame_equal(seed_stage.sentences, again.sentences)
    pd.testing.assert_frame_equal(seed_stage.removed_lines, again.removed_lines)
