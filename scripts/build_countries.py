"""Build data/reference/countries.csv and country_names.csv from CLDR (babel) and ISO 3166 (pycountry).

countries.csv: one row per UN member state (193) and per non-state party listed in
data/reference/organizations.csv. country_names.csv: every CLDR display name of each country in
each supported language, plus the short form of CLDR names written "Congo - Brazzaville" or
"Конго (Бразавил)" (marked `cldr_short`; such a short form may be shared by two countries and is
then resolved by context or reported as ambiguous), and the CLDR exemplar-city names of the
capitals (or seats of government) listed in data/reference/capitals.csv with their time zone
(marked `capital_cldr`: "Nuakchot", "Нуакшот", "نواكشوط" for Nouakchott). Curated aliases (inflections, demonyms,
capitals, metonyms) live in data/reference/country_aliases.csv, maintained by hand.

Run: .venv/bin/python scripts/build_countries.py
"""

from __future__ import annotations

import csv
import gettext
import re
import sys
import unicodedata
from pathlib import Path

import babel
import pycountry
from babel import Locale
from babel.dates import get_timezone, get_timezone_location

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from helpers import SUPPORTED_LANGUAGES  # noqa: E402

REFERENCE = ROOT / "data" / "reference"
# The 193 UN member states (ISO 3166-1 alpha-2), from the UN's list of member states.
UN_MEMBERS = [
    "AF", "AL", "DZ", "AD", "AO", "AG", "AR", "AM", "AU", "AT", "AZ", "BS", "BH", "BD", "BB", "BY", "BE",
    "BZ", "BJ", "BT", "BO", "BA", "BW", "BR", "BN", "BG", "BF", "BI", "CV", "KH", "CM", "CA", "CF", "TD",
    "CL", "CN", "CO", "KM", "CG", "CR", "CI", "HR", "CU", "CY", "CZ", "KP", "CD", "DK", "DJ", "DM", "DO",
    "EC", "EG", "SV", "GQ", "ER", "EE", "SZ", "ET", "FJ", "FI", "FR", "GA", "GM", "GE", "DE", "GH", "GR",
    "GD", "GT", "GN", "GW", "GY", "HT", "HN", "HU", "IS", "IN", "ID", "IR", "IQ", "IE", "IL", "IT", "JM",
    "JP", "JO", "KZ", "KE", "KI", "KW", "KG", "LA", "LV", "LB", "LS", "LR", "LY", "LI", "LT", "LU", "MG",
    "MW", "MY", "MV", "ML", "MT", "MH", "MR", "MU", "MX", "FM", "MC", "MN", "ME", "MA", "MZ", "MM", "NA",
    "NR", "NP", "NL", "NZ", "NI", "NE", "NG", "MK", "NO", "OM", "PK", "PW", "PA", "PG", "PY", "PE", "PH",
    "PL", "PT", "QA", "KR", "MD", "RO", "RU", "RW", "KN", "LC", "VC", "WS", "SM", "ST", "SA", "SN", "RS",
    "SC", "SL", "SG", "SK", "SI", "SB", "SO", "ZA", "SS", "ES", "LK", "SD", "SR", "SE", "CH", "SY", "TJ",
    "TH", "TL", "TG", "TO", "TT", "TN", "TR", "TM", "TV", "UG", "UA", "AE", "GB", "TZ", "US", "UY", "UZ",
    "VU", "VE", "VN", "YE", "ZM", "ZW",
]
# Observer states and partially recognised states that news reports as parties.
OTHER_STATES = ["PS", "VA", "XK", "TW", "EH"]
_SHORT = re.compile(r"^(.*?)\s*(?:\(.*\)|\s-\s.*)$")


# CLDR's "pt" is Brazilian Portuguese; the press of Portugal, Angola and Mozambique writes the pt_PT forms
REGIONAL_VARIANTS = {"pt": ("pt_PT",)}


def main() -> None:
    assert len(UN_MEMBERS) == 193, len(UN_MEMBERS)
    cldr_source = f"CLDR via babel {babel.__version__}"
    countries, names = [], []
    for iso2 in UN_MEMBERS + OTHER_STATES:
        record = pycountry.countries.get(alpha_2=iso2)
        iso3 = record.alpha_3 if record else {"XK": "XKX"}[iso2]
        countries.append({"iso3": iso3, "iso2": iso2, "kind": "state", "un_member": iso2 in UN_MEMBERS,
                          "name_en": Locale("en").territories[iso2],
                          "source": "ISO 3166-1 via pycountry " + pycountry.__version__ + "; UN member list"})
        for lang in SUPPORTED_LANGUAGES:
            name = Locale(lang).territories.get(iso2)
            if not name:
                continue
            names.append({"iso3": iso3, "lang": lang, "name": name, "name_type": "cldr", "source": cldr_source})
            for variant in REGIONAL_VARIANTS.get(lang, ()):  # "Irão", "Quénia" beside Brazilian "Irã", "Quênia"
                other = Locale.parse(variant).territories.get(iso2)
                if other and other != name:
                    names.append({"iso3": iso3, "lang": lang, "name": other, "name_type": "cldr",
                                  "source": f"{cldr_source} ({variant})"})
            short = _SHORT.match(name)
            if short and short.group(1).strip():
                names.append({"iso3": iso3, "lang": lang, "name": short.group(1).strip(), "name_type": "cldr_short",
                              "source": cldr_source})
        names += _official_names(record, iso3)
    with (REFERENCE / "capitals.csv").open(encoding="utf-8") as fh:
        for capital in csv.DictReader(fh):
            zone = get_timezone(capital["cldr_zone"])
            for lang in SUPPORTED_LANGUAGES:
                for variant in (lang, *REGIONAL_VARIANTS.get(lang, ())):
                    city = get_timezone_location(zone, locale=variant, return_city=True)
                    names.append({"iso3": capital["iso3"], "lang": lang, "name": city, "name_type": "capital_cldr",
                                  "source": f"{cldr_source}{f' ({variant})' if variant != lang else ''}: exemplar "
                                            f"city of {capital['cldr_zone']}"})
    with (REFERENCE / "organizations.csv").open(encoding="utf-8") as fh:
        for org in csv.DictReader(fh):
            countries.append({"iso3": org["code"], "iso2": "", "kind": "organization", "un_member": False,
                              "name_en": org["name_en"], "source": org["source"]})
    _write(REFERENCE / "countries.csv", countries)
    names += _russian_cases(names + _curated_names("ru"))
    unique: dict[tuple[str, str, str], dict] = {}
    for n in names:  # a country name that is also its capital's (Djibouti, Tunis in Russian) stays a name
        unique.setdefault((n["iso3"], n["lang"], n["name"]), n)
    _write(REFERENCE / "country_names.csv", sorted(unique.values(), key=lambda n: (n["iso3"], n["lang"], n["name"])))


RUSSIAN_CASES = ("gent", "datv", "accs", "ablt", "loct")


def _curated_names(lang: str) -> list[dict]:
    with (REFERENCE / "country_aliases.csv").open(encoding="utf-8") as fh:
        return [{"iso3": r["iso3"], "lang": lang, "name": r["alias"], "name_type": "name", "source": r["source"]}
                for r in csv.DictReader(fh) if r["lang"] == lang and r["alias_type"] == "name"]


def _russian_cases(names: list[dict]) -> list[dict]:
    """Russian names of two words or more in the oblique cases, every word inflected ("Южной Кореи",
    "Саудовскую Аравию") and, for a noun followed by a name in apposition, the first word only
    ("Республики Корея"): the matcher inflects only a name's last word."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    rows = []
    for n in names:
        words = n["name"].split()
        if n["lang"] != "ru" or len(words) < 2 or n["name_type"] in ("capital_cldr",) or n["name"].isupper():
            continue
        for case in RUSSIAN_CASES:
            forms = []
            for word in words:
                found = morph.parse(word)[0].inflect({case})
                form = found.word if found else word.lower()
                forms.append(form.capitalize() if word[:1].isupper() else form)
            for variant in {" ".join(forms), " ".join([forms[0], *words[1:]])}:
                rows.append({"iso3": n["iso3"], "lang": "ru", "name": variant, "name_type": "inflected",
                             "source": f"{n['name']} ({n['source']}), {case} by pymorphy3 {pymorphy3.__version__}"})
    return rows


def _official_names(record, iso3: str) -> list[dict]:
    """ISO 3166-1 official names, and names written inverted ("Korea, Republic of"), in reading order ("Republic
    of Korea", "République islamique d'Iran") in each language that has
    a translation in pycountry's iso-codes catalogues; an inverted form "Corée, République de" is put in
    reading order, and Russian stress marks and Arabic short vowels are dropped. Diplomatic texts
    (credentials, communiqués) use them where the short name is not contained ("République de Corée"
    against "Corée du Sud")."""
    forms = [getattr(record, "official_name", None), record.name if record and "," in record.name else None]
    rows = []
    for official in dict.fromkeys(f for f in forms if f):
        rows += _translated(official, iso3)
    return rows


def _translated(official: str, iso3: str) -> list[dict]:
    rows = []
    for lang in SUPPORTED_LANGUAGES:
        try:
            catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            catalogue = None
        name = catalogue.gettext(official) if catalogue else official
        if lang != "en" and name == official:
            continue  # not translated
        if lang in ("ru", "bg"):  # stress marks ("Респу́блика"), which news text never writes
            name = unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).replace("\u0301", ""))
        if lang == "ar":  # short vowels and shadda ("جمهوريّة"), likewise
            name = re.sub("[\u064b-\u0652]", "", name)
        if "," in name:
            head, _, tail = name.partition(",")
            name = f"{tail.strip()} {head.strip()}"
        if "،" not in name:
            rows.append({"iso3": iso3, "lang": lang, "name": name, "name_type": "official",
                         "source": f"ISO 3166-1 official name, pycountry {pycountry.__version__} ({lang})"})
    return rows


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {path.relative_to(ROOT)} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
