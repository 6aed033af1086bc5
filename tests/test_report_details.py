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


def test_the_report_shows_the_real_first_runs_that_readme_records():
    """The accuracy the report prints is the development set's first runs (as in README), not the 1.000 of
    the regression gold."""
    import re

    import yaml

    from helpers import report
    from helpers.paths import PROJECT_ROOT

    quality = yaml.safe_load(report.REAL_QUALITY.read_text(encoding="utf-8"))
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| ([0-9a-f]{7}) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$", readme, re.M)
    assert [(int(b), c, float(f), float(cf)) for b, c, f, _, _, cf in rows] == [
        (r["batch"], r["code"], r["strict_f1"], r["countries_f1"]) for r in quality["first_runs"]]
    html = report.real_accuracy().data
    latest = quality["latest_first_run"]
    assert f"<b>{latest['strict_f1']:.3f}</b>" in html and "upper bound" in html
