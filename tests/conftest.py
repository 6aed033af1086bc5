"""Shared fixtures: the seeds run through the articles stage once per test session."""

from __future__ import annotations

import pytest

from helpers.articles import ArticlesParams, ArticlesStage, build_articles
from helpers.paths import SEEDS_DIR


@pytest.fixture(scope="session")
def seed_stage() -> ArticlesStage:
    return build_articles(ArticlesParams(input_dir=SEEDS_DIR))


@pytest.fixture(scope="session")
def seed_articles(seed_stage):
    return seed_stage.articles.set_index("article_id")
