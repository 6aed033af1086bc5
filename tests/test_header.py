"""Header and byline parsing: publication date, time, basis, author, outlet and title."""

import datetime as dt

import pytest

from helpers.clean import boilerplate_matcher
from helpers.dates import find_full_dates
from helpers.header import HeaderLabelSet, parse_header
from helpers.lexicon import load_lexicons
from helpers.textlines import split_lines

LABELS = HeaderLabelSet.from_lexicons(tuple(load_lexicons().values()))
BODY = {
    "bg": "Руският президент Владимир Путин разговаря по телефона с лидера на Мали в сряда, съобщи Кремъл.",
    "ro": "Rusia a salutat joi consolidarea cooperării sale militare cu Mali, cu ocazia unei vizite la Moscova.",
    "en": "Russian President Vladimir Putin spoke by phone with Mali's leader on Wednesday, the Kremlin said.",
    "fr": "Le président russe Vladimir Poutine s'est entretenu mercredi au téléphone avec le chef de la junte.",
    "ru": "Президент России Владимир Путин провел в среду телефонный разговор с лидером Мали, сообщил Кремль.",
    "es": "El presidente ruso Vladímir Putin habló el miércoles por teléfono con el líder de Malí, dijo el Kremlin.",
    "de": "Der russische Präsident Wladimir Putin hat am Mittwoch mit dem Anführer Malis telefoniert, so der Kreml.",
    "pt": "O presidente russo Vladimir Putin falou na quarta-feira por telefone com o líder do Mali, disse o Kremlin.",
    "ar": "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع رئيس مالي يوم الأربعاء، بحسب ما أعلن الكرملين.",
    "sw": "Rais wa Urusi Vladimir Putin alizungumza kwa simu na kiongozi wa Mali siku ya Jumatano, Kremlin ilisema.",
}


def header(lang: str, top: str, outlet: str = ""):
    lines = split_lines(top + "\n\n" + BODY[lang])
    return parse_header(lines, LABELS, boilerplate_matcher(lang).__contains__, known_outlet=outlet)


CASES = [
    # id, lang, top of page, date, time, basis, author, outlet, title
    ("bg-pipe-header", "bg", "Fakti.bg | 27.03.2024 14:52:42 | 34\n\nПутин обсъди сигурността с лидерите на Африка",
     "2024-03-27", "14:52:42", "header", "", "Fakti.bg", "Путин обсъди сигурността с лидерите на Африка"),
    ("bg-text-date", "bg", "Путин разговаря с Гоита\n27 март 2024 г., 10:15", "2024-03-27", "10:15", "header", "", "",
     "Путин разговаря с Гоита"),
    ("bg-author-label", "bg", "Путин разговаря с Гоита\nАвтор: Иван Петров | Публикувано: 28 март 2024",
     "2024-03-28", "", "byline", "Иван Петров", "", "Путин разговаря с Гоита"),
    ("en-afp-byline", "en", "Russia, Mali to strengthen counterterrorism efforts\n\n"
     "General |Author: AFP | March 28, 2024, Thursday @ 06:49| 2684 views",
     "2024-03-28", "06:49", "byline", "AFP", "", "Russia, Mali to strengthen counterterrorism efforts"),
    ("en-published-on", "en", "Africa\nPutin and Goita talk security\nPublished on March 3, 2024",
     "2024-03-03", "", "header", "", "", "Putin and Goita talk security"),
    ("en-by-line-no-date", "en", "Putin and Goita talk security\nBy Jane Doe", "", "", "none", "Jane Doe", "",
     "Putin and Goita talk security"),
    ("en-no-header", "en", "Putin engages in security talks with African leaders", "", "", "none", "", "",
     "Putin engages in security talks with African leaders"),
    ("ro-outlet-line", "ro", "G4Media.ro\n\nSerghei Lavrov anunță intensificarea cooperării militare cu Mali",
     "", "", "none", "", "G4Media.ro", "Serghei Lavrov anunță intensificarea cooperării militare cu Mali"),
    ("ro-publicat", "ro", "Lavrov l-a primit pe Diop la Moscova\nPublicat: 03.04.2025, 18:40 | Autor: Ion Popescu",
     "2025-04-03", "18:40", "byline", "Ion Popescu", "", "Lavrov l-a primit pe Diop la Moscova"),
    ("ro-text-date", "ro", "Lavrov l-a primit pe Diop la Moscova\n3 aprilie 2025", "2025-04-03", "", "header", "", "",
     "Lavrov l-a primit pe Diop la Moscova"),
    ("fr-publie-le", "fr", "Poutine s'entretient avec Goïta\nPublié le 27 mars 2024 à 14h05", "2024-03-27", "14:05",
     "header", "", "", "Poutine s'entretient avec Goïta"),
    ("fr-par", "fr", "Poutine s'entretient avec Goïta\nPar Marie Dupont - 1er avril 2025", "2025-04-01", "", "byline",
     "Marie Dupont", "", "Poutine s'entretient avec Goïta"),
    ("ru-date", "ru", "Путин провел разговор с Гоитой\n27 марта 2024, 15:30", "2024-03-27", "15:30", "header", "", "",
     "Путин провел разговор с Гоитой"),
    ("ru-opublikovano", "ru", "Путин провел разговор с Гоитой\nОпубликовано: 27.03.2024 | Автор: Мария Иванова",
     "2024-03-27", "", "byline", "Мария Иванова", "", "Путин провел разговор с Гоитой"),
    ("es-de-de", "es", "Putin habla con Goita\n27 de marzo de 2024", "2024-03-27", "", "header", "", "",
     "Putin habla con Goita"),
    ("de-dotted-day", "de", "Putin telefoniert mit Goita\nVeröffentlicht am 27. März 2024, 12:00 Uhr", "2024-03-27",
     "12:00", "header", "", "", "Putin telefoniert mit Goita"),
    ("pt-publicado-em", "pt", "Putin fala com Goita\nPublicado em 27 de março de 2024", "2024-03-27", "", "header", "",
     "", "Putin fala com Goita"),
    ("ar-arabic-digits", "ar", "بوتين يبحث مع غويتا التعاون الأمني\nنشر في ٢٧ مارس ٢٠٢٤", "2024-03-27", "", "header",
     "", "", "بوتين يبحث مع غويتا التعاون الأمني"),
    ("ro-quoted-headline-is-not-prose", "ro",
     "Acasă > Externe > Africa\n\nIohannis, întâlnire cu președintele Ghanei: „Relația are un potențial uriaș”\n\n"
     "Data publicării: 17.01.2024, 13:40\nAutor: Redacția Digi24", "2024-01-17", "13:40", "header",
     "Redacția Digi24", "",
     "Iohannis, întâlnire cu președintele Ghanei: „Relația are un potențial uriaș”"),
    ("sw-imechapishwa", "sw", "Putin azungumza na Goita\nImechapishwa: 27 Machi 2024", "2024-03-27", "", "header", "",
     "", "Putin azungumza na Goita"),
]


@pytest.mark.parametrize(("lang", "top", "date", "time", "basis", "author", "outlet", "title"),
                         [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_parse_header(lang, top, date, time, basis, author, outlet, title):
    info = header(lang, top)
    assert (info.published_date.isoformat() if info.published_date else "") == date
    assert info.published_time == time
    assert info.published_basis == basis
    assert info.author == author
    assert info.outlet == outlet
    assert info.title == title


DATELINES = [
    # id, lang, first paragraph, expected publication date ("" for none)
    ("ru-agency-dateline", "ru", "ТАСС, 5 сентября 2024. Министр иностранных дел России Сергей Лавров провел в четверг "
     "в Москве переговоры с министром иностранных дел Египта Бадром Абдельатти.", "2024-09-05"),
    ("fr-place-le-date-agency", "fr", "Dakar, le 12 mars 2024 (APS) - Le président a reçu le Premier ministre.",
     "2024-03-12"),
    ("en-place-date-agency", "en", "MOSCOW, March 27, 2024 (Reuters) - Putin spoke to Mali's leader.", "2024-03-27"),
    ("ar-place-fi-date-agency", "ar", "أبوظبي في 14 مايو 2024 / وام / تلقى رئيس الدولة اليوم اتصالا هاتفيا من رئيس "
     "بوركينا فاسو بحث خلاله الجانبان علاقات التعاون بين البلدين وسبل تعزيزها.", "2024-05-14"),
    ("ru-dateline-without-year", "ru", "МОСКВА, 5 сентября. /ТАСС/. Лавров провел переговоры.", ""),
    ("en-date-inside-sentence", "en", "Putin met Goita on March 27, 2024 - the Kremlin said - in Moscow.", ""),
    ("en-long-lead-is-not-a-place", "en", "The talks that the two presidents held, 27 March 2024. More later.", ""),
]


@pytest.mark.parametrize(("lang", "first_paragraph", "date"), [pytest.param(*c[1:], id=c[0]) for c in DATELINES])
def test_dateline_gives_the_publication_date_when_no_header_does(lang, first_paragraph, date):
    info = parse_header(split_lines(first_paragraph + "\n\n" + BODY[lang]), LABELS,
                        boilerplate_matcher(lang).__contains__)
    assert (info.published_date.isoformat() if info.published_date else "") == date
    assert info.published_basis == ("dateline" if date else "none")


def test_header_date_wins_over_dateline():
    info = header("en", "Putin and Goita talk security\nPublished on March 3, 2024\n\n"
                        "MOSCOW, March 2, 2024 (Reuters) - Putin spoke to Mali's leader.")
    assert (info.published_date, info.published_basis) == (dt.date(2024, 3, 3), "header")


def test_date_deep_in_body_is_never_the_publication_date():
    tweet = "— Colonel Assimi GOITA (@GoitaAssimi) March 27, 2024"
    text = "Putin engages in security talks\n\n" + BODY["en"] + "\n\n" + tweet
    info = parse_header(split_lines(text), LABELS, boilerplate_matcher("en").__contains__)
    assert info.published_date is None and info.published_basis == "none"


def test_sidecar_outlet_recognised_in_header():
    info = header("en", "Seychelles News Agency\nRussia, Mali to strengthen ties", outlet="Seychelles News Agency")
    assert info.outlet == "Seychelles News Agency" and info.title == "Russia, Mali to strengthen ties"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("27.03.2024", dt.date(2024, 3, 27), id="dmy-dots"),
    pytest.param("03/27/2024", dt.date(2024, 3, 27), id="mdy-when-day-first-impossible"),
    pytest.param("2024-03-27T10:00:00Z", dt.date(2024, 3, 27), id="iso"),
    pytest.param("27 март 2024 г.", dt.date(2024, 3, 27), id="bg"),
    pytest.param("28 martie 2024", dt.date(2024, 3, 28), id="ro"),
    pytest.param("1er avril 2025", dt.date(2025, 4, 1), id="fr-1er"),
    pytest.param("27 марта 2024 года", dt.date(2024, 3, 27), id="ru-genitive"),
    pytest.param("Sept. 5, 2023", dt.date(2023, 9, 5), id="en-abbrev"),
    pytest.param("enero 09 de 2023", dt.date(2023, 1, 9), id="es-month-day-de-year"),
    pytest.param("يوم الأحد 16 كانون الأول/ديسمبر 2018", dt.date(2018, 12, 16), id="ar-levantine-slash-name"),
    pytest.param("31.02.2024", None, id="impossible-date"),
    pytest.param("in 2024", None, id="year-only-is-not-full"),
])
def test_find_full_dates(text, expected):
    found = find_full_dates(text)
    assert (found[0].date if found else None) == expected


@pytest.mark.parametrize(("lines", "date"), [
    pytest.param(["Lula kukutana na rais wa Ureno", "22 Aprili 2023Rais wa Brazil Luiz Inacio Lula da Silva"],
                 "2023-04-22", id="date-opening-a-line"),
    pytest.param(["Entretien de Jean-Noël Barrot avec Antonio Tajani (11 juillet 2025)", "Le ministre a reçu ..."],
                 "2025-07-11", id="date-closing-the-headline"),
    pytest.param(["Putin met Goita.", "He said on 5 March 2024 that talks went well."], "", id="date-inside-prose"),
])
def test_a_page_stamp_dates_the_page(lines, date):
    from helpers.header import stamp_date

    found = stamp_date(lines)
    assert (found.date.isoformat() if found else "") == date
