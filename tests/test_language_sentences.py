"""Language detection (restricted to the supported set) and sentence offsets."""

import pytest

from helpers.language import detect_language, passage_languages
from helpers.sentences import split_sentences

LANGUAGE_CASES = [
    ("en", "Russian President Vladimir Putin spoke by phone with Mali's junta leader on Wednesday."),
    ("fr", "J'ai eu un entretien téléphonique avec le président Poutine sur la sécurité."),
    ("bg", "Руският президент Владимир Путин обсъди сигурността с лидера на хунтата в Мали."),
    ("ro", "Rusia a salutat joi consolidarea cooperării sale militare cu Mali."),
    ("ru", "Президент России Владимир Путин провел телефонный разговор с лидером Мали."),
    ("es", "El presidente ruso habló por teléfono con el líder de la junta de Malí."),
    ("de", "Der russische Präsident hat mit dem Anführer der Militärjunta in Mali telefoniert."),
    ("pt", "O presidente russo falou por telefone com o líder da junta militar do Mali."),
    ("ar", "أجرى الرئيس الروسي اتصالا هاتفيا مع رئيس المجلس العسكري في مالي."),
    ("sw", "Rais wa Urusi alizungumza kwa simu na kiongozi wa kijeshi wa Mali."),
]


@pytest.mark.parametrize(("expected", "text"), [pytest.param(*c, id=c[0]) for c in LANGUAGE_CASES])
def test_detect_language(expected, text):
    code, confidence = detect_language(text)
    assert code == expected
    assert confidence > 0.3


def test_no_letters_gives_no_language():
    assert detect_language("12.03.2024 — 14:52 | 34") == ("", 0.0)


def test_french_tweet_inside_bulgarian_article_is_marked():
    paragraphs = [
        "Руският президент Владимир Путин обсъди сигурността с лидера на хунтата в Мали Асими Гоита.",
        "J’ai eu un entretien téléphonique avec le président Poutine. Nous avons abordé les questions bilatérales.",
        "— Colonel Assimi GOITA (@GoitaAssimi) March 27, 2024",
    ]
    assert passage_languages(paragraphs, "bg") == ["bg", "fr", "bg"]


def test_a_list_of_foreign_names_keeps_the_articles_language():
    paragraph = ("Printre diplomații acreditați se numără: Dong Zhihua — ambasador agreat al Republica Populară "
                 "Chineză, Shoayb Casoo (Republica Africa de Sud), Tigran Galstyan (Republica Armenia), Angela "
                 "Marianna Vigliotta Mella (Republica Dominicană) și Alberto Antonio Rodriguez Goni (Republica "
                 "Orientală Uruguay).")
    assert passage_languages([paragraph], "ro", ("ro", "es", "pt", "en", "fr")) == ["ro"]


SENTENCE_CASES = [
    ("en-abbrev", "en", "Mr. Putin spoke to Col. Goita on Wednesday. The U.S. said nothing.",
     ["Mr. Putin spoke to Col. Goita on Wednesday.", "The U.S. said nothing."]),
    ("bg-abbrev", "bg", "Кремъл потвърди разговора, т.е. двамата лидери са говорили. Г-н Путин е доволен.",
     ["Кремъл потвърди разговора, т.е. двамата лидери са говорили.", "Г-н Путин е доволен."]),
    ("ro-quotes", "ro", "„Cooperarea noastră se intensifică”, a declarat dl. Lavrov. Diop a mulțumit.",
     ["„Cooperarea noastră se intensifică”, a declarat dl. Lavrov.", "Diop a mulțumit."]),
    ("fr", "fr", "Nous avons abordé les questions bilatérales. Nous avons convenu de coopérer.",
     ["Nous avons abordé les questions bilatérales.", "Nous avons convenu de coopérer."]),
    ("ru", "ru", "Путин провел разговор с Гоитой. Стороны обсудили т.н. зерновую сделку.",
     ["Путин провел разговор с Гоитой.", "Стороны обсудили т.н. зерновую сделку."]),
    ("ar", "ar", "تحدث الرئيس بوتين مع غويتا. واتفقا على التعاون؟ نعم.",
     ["تحدث الرئيس بوتين مع غويتا.", "واتفقا على التعاون؟", "نعم."]),
]


@pytest.mark.parametrize(("lang", "paragraph", "expected"), [pytest.param(*c[1:], id=c[0]) for c in SENTENCE_CASES])
def test_sentence_split(lang, paragraph, expected):
    assert [s.text for s in split_sentences([paragraph], [lang])] == expected


def test_sentence_offsets_index_the_clean_text():
    paragraphs = ["Putin called Goita. They agreed.", "Путин се обади на Гоита. Те се договориха."]
    clean_text = "\n".join(paragraphs)
    sentences = split_sentences(paragraphs, ["en", "bg"])
    assert [s.paragraph_no for s in sentences] == [0, 0, 1, 1]
    for s in sentences:
        assert clean_text[s.start: s.end] == s.text


def test_seed_sentence_offsets(seed_stage):
    for row in seed_stage.sentences.itertuples():
        assert seed_stage.clean_texts[row.article_id][row.start: row.end] == row.text
