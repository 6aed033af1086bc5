"""Country matching: CLDR names, inflections, demonyms, adjectives, capitals, metonyms, ambiguity."""

import csv

import pytest

from helpers.entities import country_matcher
from helpers.paths import REFERENCE_DIR

CASES = [
    # id, language, text, expected (surface, codes) in order
    ("ru-cases", "ru", "переговоры России и Нигера в Москве",
     [("России", "RUS"), ("Нигера", "NER"), ("Москве", "RUS")]),
    ("ru-nigeria-not-niger", "ru", "Нигерия и Нигер", [("Нигерия", "NGA"), ("Нигер", "NER")]),
    ("ru-adjective", "ru", "российский лидер и французская сторона",
     [("российский", "RUS"), ("французская", "FRA")]),
    ("ro-genitive", "ro", "relațiile Rusiei cu autoritățile Nigerului", [("Rusiei", "RUS"), ("Nigerului", "NER")]),
    ("ro-metonym", "ro", "Kremlinul a anunțat la Moscova", [("Kremlinul", "RUS"), ("Moscova", "RUS")]),
    ("ro-adjective", "ro", "ministrul rus și omologul său malian", [("rus", "RUS"), ("malian", "MLI")]),
    ("bg-adjective", "bg", "лидера на нигерската хунта и малийски войници",
     [("нигерската", "NER"), ("малийски", "MLI")]),
    ("bg-names", "bg", "Кремъл, Русия и Съединените щати", [("Кремъл", "RUS"), ("Русия", "RUS"),
                                                           ("Съединените щати", "USA")]),
    ("bg-acronym", "bg", "САЩ и ЕС", [("САЩ", "USA"), ("ЕС", "EUU")]),
    ("fr-demonym", "fr", "les autorités maliennes et la Russie", [("maliennes", "MLI"), ("Russie", "RUS")]),
    ("fr-elysee", "fr", "l'Élysée et les États-Unis", [("Élysée", "FRA"), ("États-Unis", "USA")]),
    ("en-demonym", "en", "the Russian president and Mali's junta", [("Russian", "RUS"), ("Mali", "MLI")]),
    ("en-acronym-case", "en", "the US told us", [("US", "USA")]),
    ("en-congo-brazzaville", "en", "President of Congo-Brazzaville", [("Congo-Brazzaville", "COG")]),
    ("en-organisations", "en", "ECOWAS and the Alliance of Sahel States", [("ECOWAS", "ECW"),
                                                                         ("Alliance of Sahel States", "AES")]),
    ("ar-clitics", "ar", "وروسيا والنيجر", [("روسيا", "RUS"), ("النيجر", "NER")]),
    ("es-names", "es", "Rusia y Malí", [("Rusia", "RUS"), ("Malí", "MLI")]),
    ("de-genitive", "de", "Russlands Präsident in Mali", [("Russlands", "RUS"), ("Mali", "MLI")]),
    ("pt-names", "pt", "a Rússia e o Níger", [("Rússia", "RUS"), ("Níger", "NER")]),
    ("sw-names", "sw", "Urusi na Mali", [("Urusi", "RUS"), ("Mali", "MLI")]),
    ("cldr-other-country", "en", "Senegal and Chad", [("Senegal", "SEN"), ("Chad", "TCD")]),
    ("es-capital-from-cldr", "es", "viajará a Nuakchot", [("Nuakchot", "MRT")]),
    ("ru-capital-from-cldr-inflected", "ru", "в Нуакшоте и Уагадугу", [("Нуакшоте", "MRT"), ("Уагадугу", "BFA")]),
    ("ar-capital-from-cldr", "ar", "في نواكشوط", [("نواكشوط", "MRT")]),
    ("de-capital-from-cldr", "de", "in Daressalam", [("Daressalam", "TZA")]),
    ("ru-name-shared-with-capital-stays-one-country", "ru", "Тунис", [("Тунис", "TUN")]),
    ("ar-royal-title-metonym", "ar", "بعث خادم الحرمين الشريفين برقية", [("خادم الحرمين الشريفين", "SAU")]),
    ("ru-republic-of-congo-case-form", "ru", "посетит Республику Конго", [("Республику Конго", "COG")]),
    # common names that CLDR does not give (it writes "Türkiye", "Myanmar (Burma)")
    ("en-turkey-common-name", "en", "Russia and Turkey", [("Russia", "RUS"), ("Turkey", "TUR")]),
    ("en-holland-burma", "en", "Holland and Burma", [("Holland", "NLD"), ("Burma", "MMR")]),
    ("es-costa-de-marfil", "es", "Costa de Marfil y Holanda", [("Costa de Marfil", "CIV"), ("Holanda", "NLD")]),
    ("ar-article-merged-with-lam", "ar", "زيارة رسمية للصين وللمغرب", [("للصين", "CHN"), ("للمغرب", "MAR")]),
    ("ar-amrika", "ar", "أمريكا وكوت ديفوار", [("أمريكا", "USA"), ("كوت ديفوار", "CIV")]),
    # Egyptian spelling: final yā' written as alif maqṣūra; alif without its hamza
    ("ar-final-ya-as-alif-maqsura", "ar", "رئيس الوزراء اليابانى وولى العهد السعودى",
     [("يابانى", "JPN"), ("سعودى", "SAU")]),
    ("ar-alif-without-hamza", "ar", "اسرائيل وإسرائيل", [("اسرائيل", "ISR"), ("إسرائيل", "ISR")]),
    ("fr-typographic-apostrophe-in-a-name", "fr", "la Côte d’Ivoire", [("Côte d’Ivoire", "CIV")]),
    ("ro-without-diacritics", "ro", "Romania si Republica Moldova", [("Romania", "ROU"), ("Republica Moldova", "MDA")]),
    ("ru-compound-name-declined-in-its-first-part", "ru", "президентов России и Гвинеи-Бисау",
     [("России", "RUS"), ("Гвинеи-Бисау", "GNB")]),
    ("pt-guineense-serves-two-states", "pt", "o homólogo guineense", [("guineense", "GIN;GNB")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_country_matching(lang, text, expected):
    found = [(m.surface, ";".join(m.codes)) for m in country_matcher(lang).find(text)]
    assert found == expected


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Putin spoke to the leader of Congo.", id="en"),
    pytest.param("bg", "Путин разговаря с лидера на Конго.", id="bg"),
    pytest.param("ro", "Putin a vorbit cu liderul din Congo.", id="ro"),
])
def test_bare_congo_is_reported_ambiguous(lang, text):
    [mention] = country_matcher(lang).find(text)
    assert mention.ambiguous and mention.codes == ("COD", "COG")


def test_no_country_in_ordinary_words():
    assert country_matcher("en").find("The minister said the talks were constructive.") == []
    assert country_matcher("ro").find("Ministrul a spus că discuțiile au fost constructive.") == []


def _rows(name):
    with (REFERENCE_DIR / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_countries_reference():
    countries = _rows("countries.csv")
    assert sum(r["un_member"] == "True" for r in countries) == 193
    assert {"EUU", "UNO", "AFU", "ECW", "AES"} <= {r["iso3"] for r in countries}
    assert all(r["source"] for r in countries)


def test_every_alias_has_a_known_code_a_type_and_a_source():
    codes = {r["iso3"] for r in _rows("countries.csv")}
    types = {"name", "demonym", "adjective_stem", "capital", "metonym", "organization", "inflection"}
    for row in _rows("country_aliases.csv") + _rows("country_names.csv"):
        assert row["iso3"] in codes, row
        generated = {"cldr", "cldr_short", "capital_cldr", "official", "inflected"}
        assert row.get("alias_type", row.get("name_type")) in types | generated, row
        assert row["source"], row


def test_no_alias_maps_to_two_countries_unless_declared_ambiguous():
    declared = {(r["lang"], r["name"].casefold()) for r in _rows("ambiguous_names.csv")}
    seen: dict[tuple[str, str], set[str]] = {}
    for row in _rows("country_aliases.csv"):
        seen.setdefault((row["lang"], row["alias"].casefold()), set()).add(row["iso3"])
    for row in _rows("country_names.csv"):
        seen.setdefault((row["lang"], row["name"].casefold()), set()).add(row["iso3"])
    clashes = {k: v for k, v in seen.items() if len(v) > 1 and k not in declared}
    assert clashes == {}
