"""Report details from the issue 13 review: topic tags (a foreign ministry is not business) and quoted notes."""

import pytest

from helpers.language_rules import language_rules


def _topics(language: str, text: str) -> set[str]:
    return {t for t, pattern in language_rules(language).topics.items() if pattern.search(text)}


@pytest.mark.parametrize(("language", "text", "has_economy"), [
    ("fr", "Le ministre des Affaires étrangères du Mali a reçu son homologue.", False),
    ("fr", "Ils ont parlé affaires et investissements.", True),
    ("pt", "O ministro dos Negócios Estrangeiros recebeu o homólogo.", False),
    ("pt", "Discutiram negócios e comércio bilateral.", True),
    ("ro", "Ministrul Afacerilor Externe și ministrul de Afaceri Externe s-au întâlnit.", False),
    ("ro", "Au discutat despre afaceri și investiții.", True),
])
def test_a_foreign_ministry_is_not_economy_and_trade(language, text, has_economy):
    assert ("economy_trade" in _topics(language, text)) is has_economy


@pytest.mark.parametrize(("text", "limit", "clipped"), [
    ("Putin met Goita in Moscow.", 160, "Putin met Goita in Moscow."),
    ("Putin met Goita in Moscow on Tuesday to discuss security.", 30, "Putin met Goita in Moscow on…"),
    ("Путин встретился с Гоитой в Москве во вторник.", 25, "Путин встретился с…"),
])
def test_a_quoted_note_is_cut_at_a_word_with_an_ellipsis(text, limit, clipped):
    from helpers.textlines import clip

    assert clip(text, limit) == clipped and len(clipped) <= limit
