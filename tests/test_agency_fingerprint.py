"""Agency credit detection and near-duplicate fingerprints."""

import pytest

from helpers.agency import build_agency_matcher, credited_agencies, origin_agency
from helpers.fingerprint import fingerprint, story_groups
from helpers.lexicon import load_lexicons

MATCHER = build_agency_matcher(tuple(load_lexicons().values()))

CREDIT_CASES = [
    ("bg-predava", "…разговор с лидера на хунтата в съседен Нигер, предава Ройтерс и News.bg.", ["reuters", "newsbg"]),
    ("ro-potrivit", "a declarat ministrul rus de externe, potrivit Le Figaro.", ["lefigaro"]),
    ("en-dateline", "MOSCOW (Reuters) - Russian President Vladimir Putin spoke to Mali's leader.", ["reuters"]),
    ("en-according", "The two leaders spoke by phone, according to AFP.", ["afp"]),
    ("en-reported", "Putin also called Tiani, Reuters reported.", ["reuters"]),
    ("en-told", "A Kremlin source told the Associated Press the call lasted an hour.", ["ap"]),
    ("fr-selon", "Les deux dirigeants se sont parlé, selon l'AFP.", ["afp"]),
    ("ru-peredaet", "Переговоры прошли в Кремле, передает ТАСС.", ["tass"]),
    ("ru-signature", "Путин провел переговоры с Гоитой.\n— ТАСС", ["tass"]),
    ("es-segun", "Los líderes hablaron por teléfono, según EFE.", ["efe"]),
    ("de-laut", "Laut dpa telefonierten die beiden Präsidenten am Mittwoch.", ["dpa"]),
    ("pt-segundo", "Os dois líderes falaram ao telefone, segundo a Lusa.", ["lusa"]),
    ("ar-wafqan", "أجرى الرئيسان اتصالا هاتفيا، وفقا لـ رويترز.", ["reuters"]),
    ("sw-kwa-mujibu", "Viongozi hao walizungumza kwa simu, kwa mujibu wa Reuters.", ["reuters"]),
    ("ru-agency-dateline", "ТАСС, 5 сентября 2024. Лавров провел переговоры с Абдельатти.", ["tass"]),
    ("agency-then-comma-not-dateline", "Reuters, AFP and AP journalists waited outside.", []),
    ("bare-mention-not-credit", "Reuters and AFP journalists were not allowed into the Kremlin.", []),
    ("photo-agency-not-credit", "Sputnik distributed a photograph of the meeting.", []),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CREDIT_CASES])
def test_credited_agencies(text, expected):
    assert credited_agencies(text, MATCHER) == expected


@pytest.mark.parametrize(("credited", "expected"), [
    pytest.param(["newsbg", "reuters"], "Reuters", id="wire-before-outlet"),
    pytest.param(["lefigaro"], "Le Figaro", id="outlet-when-no-wire"),
    pytest.param([], "", id="none"),
])
def test_origin_agency(credited, expected):
    assert origin_agency(credited) == expected


STORY = ("Russian President Vladimir Putin spoke by phone with Mali's junta leader Assimi Goita on Wednesday, "
         "both sides said, a day after Putin held a similar call with the junta leader in neighbouring Niger. "
         "The Kremlin confirmed the call and said the two leaders agreed to forge closer ties in security.")


def test_fingerprint_is_pinned():
    # Pinned digest: a change here means every story_group/fingerprint in past outputs changes.
    assert fingerprint(STORY) == fingerprint(STORY.replace("  ", " "))
    assert fingerprint(STORY) == "fda2f18adb7f1b79"


def test_story_groups_join_copies_and_light_rewrites():
    copy_with_edits = STORY.replace("Wednesday", "Wednesday evening").replace("closer ties", "much closer ties")
    other = ("The European Union announced new sanctions against several companies on Monday, "
             "targeting shipping firms accused of helping to evade the oil price cap.")
    groups = story_groups({"b": copy_with_edits, "a": STORY, "c": other, "d": "short"})
    assert groups == {"a": "a", "b": "a", "c": "c", "d": "d"}


def test_translation_is_not_a_near_duplicate():
    bulgarian = ("Руският президент Владимир Путин обсъди по телефона в сряда с лидера на хунтата в Мали "
                 "Асими Гоита сигурността, ден след подобен разговор с лидера на хунтата в съседен Нигер.")
    assert story_groups({"en": STORY, "bg": bulgarian}) == {"en": "en", "bg": "bg"}
