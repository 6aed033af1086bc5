"""Boilerplate removal: rule by rule on small inline pages, and every seed line by line."""

import pytest

from helpers.clean import boilerplate_matcher, clean_lines
from helpers.header import HeaderInfo
from helpers.paths import SEEDS_DIR
from helpers.textlines import split_lines

# One line each: (id, article language, line, expected rule id or None for a body line)
LINE_RULES = [
    ("en-advertisement", "en", "Advertisement", "en.advertisement"),
    ("ro-breadcrumb", "ro", "Acasă > Externe > Africa", "common.breadcrumb"),
    ("en-breadcrumb-chevrons", "en", "Home › World › Africa", "common.breadcrumb"),
    ("en-agency-standards", "en", "Our Standards: The Thomson Reuters Trust Principles.", "en.agency_standards"),
    ("en-greater-than-in-prose-is-body", "en", "Turnout was > 60 percent in the capital, officials said on Monday "
     "after the vote.", None),
    ("en-trending", "en", "Trending now", "en.trending"),
    ("en-scroll", "en", "Scroll to Top", "en.scroll_to_top"),
    ("en-published", "en", "Published", "en.published_label"),
    ("en-share", "en", "Share on Facebook", "en.share"),
    ("en-read-more", "en", "Read more: Putin meets Goita in Moscow", "en.read_also"),
    ("en-comment", "en", "Leave a comment", "en.comment_prompt"),
    ("en-read-full", "en", "Read the full article", "en.read_full"),
    ("en-newsletter", "en", "Sign up for our daily newsletter", "en.newsletter"),
    ("en-donate", "en", "Support independent journalism with a monthly gift", "en.donation"),
    ("en-photo-caption", "en", "In this handout photo released by the Kremlin, the two leaders shake hands. "
     "(Photo by Alexei Nikolsky / AFP)", "en.photo_caption_this"),
    ("en-photo-credit", "en", "Photo credit: Kremlin press service", "en.photo_credit"),
    ("copyright", "en", "© Agence France-Presse", "common.copyright_symbol"),
    ("copyright-words", "fr", "Copyright 2024 Jeune Afrique. Tous droits réservés.", "common.copyright_symbol"),
    ("iban", "ro", "IBAN: RO89RZBR0000060019874867", "common.iban"),
    ("iban-bare", "ro", "RO89 RZBR 0000 0600 1987 4867", "common.iban"),
    ("share-row", "bg", "Facebook Twitter Telegram Viber", "common.share_networks"),
    ("bg-read-also", "bg", "Прочетете още: Путин разговаря с Тиани", "bg.read_also"),
    ("bg-read-full", "bg", "Прочети цялата публикация", "bg.read_full"),
    ("bg-ad", "bg", "Реклама", "bg.advertisement"),
    ("bg-photo", "bg", "Снимка: Кремъл", "bg.photo_caption_label"),
    ("bg-comments", "bg", "За да коментирате, трябва да влезете в профила си", "bg.comment_prompt"),
    ("ro-read-also", "ro", "Citește și...", "ro.read_also"),
    ("ro-donate", "ro", "Donează prin Patreon", "ro.donation"),
    ("ro-comment", "ro", "Pentru a posta un comentariu, trebuie să te Înregistrezi sau să te Autentifici.",
     "ro.comment_prompt"),
    ("ro-photo-source", "ro", "Sursa foto: Twitter / Russian Embassy, UK", "ro.photo_caption_label"),
    ("ro-bank", "ro", "Deschis la Raiffeisen Bank", "ro.bank_opened_at"),
    ("swift-label", "en", "SWIFT: RZBRROBU", "common.swift_iban_label"),
    ("fr-lire-aussi", "fr", "À lire aussi : Poutine reçoit Goïta", "fr.read_also"),
    ("fr-pub", "fr", "Publicité", "fr.advertisement"),
    ("fr-abonnez", "fr", "Abonnez-vous à notre newsletter quotidienne", "fr.newsletter"),
    ("ru-read-also", "ru", "Читайте также: Путин провел переговоры с Гоитой", "ru.read_also"),
    ("ru-ad", "ru", "Реклама", "ru.advertisement"),
    ("es-lee", "es", "Lee también: Putin y Goita hablan por teléfono", "es.read_also"),
    ("de-anzeige", "de", "Anzeige", "de.advertisement"),
    ("pt-leia", "pt", "Leia também: Putin e Goita falam ao telefone", "pt.read_also"),
    ("ar-read-also", "ar", "اقرأ أيضا: بوتين يتصل بغويتا", "ar.read_also"),
    ("sw-soma", "sw", "Soma pia: Putin azungumza na Goita", "sw.read_also"),
    # Body lines that must survive whatever their language.
    ("body-en-quote", "en", "\"We have agreed to cooperate more in the fight against terrorism,\" Goita said.", None),
    ("body-en-short-quote", "en", "Putin reaffirmed Russia's position.", None),
    ("body-en-watchers", "en", "Watchers say the talks went well.", None),
    ("body-ro-banca", "ro", "Banca Națională a anunțat o nouă rată a dobânzii.", None),
    ("body-bg-read", "bg", "Прочетохме изявлението на Кремъл внимателно.", None),
    ("body-fr-selon", "fr", "Selon le Kremlin, les deux dirigeants ont parlé de sécurité.", None),
]


@pytest.mark.parametrize(("lang", "line", "rule_id"), [pytest.param(*c[1:], id=c[0]) for c in LINE_RULES])
def test_line_rules(lang, line, rule_id):
    rule = boilerplate_matcher(lang).match(line)
    assert (rule.id if rule else None) == rule_id


def clean(text: str, lang: str = "en"):
    return clean_lines(split_lines(text), HeaderInfo(), boilerplate_matcher(lang))


P1 = "Russian President Vladimir Putin spoke by phone with Mali's leader on Wednesday, the Kremlin said."
P2 = "The two leaders discussed security and economic cooperation, according to a statement."
P3 = "Goita thanked Putin for the grain deliveries and for Russia's support at the United Nations."


def test_edge_fragments_removed_but_body_kept():
    result = clean(f"Home\nWorld\nAfrica\n{P1}\n{P2}\nTags\nPutin Mali Kremlin\nMore stories")
    assert result.paragraphs == [P1, P2]
    assert {r.rule_id for r in result.removed} >= {"structure.edge_fragment"}


def test_short_line_inside_body_is_kept():
    result = clean(f"{P1}\n— Colonel Assimi GOITA (@GoitaAssimi) March 27, 2024\n{P2}")
    assert result.paragraphs == [P1, "— Colonel Assimi GOITA (@GoitaAssimi) March 27, 2024", P2]


def test_link_list_after_read_also_label():
    result = clean(f"{P1}\nRead also\nPutin meets Tiani in Moscow\nWagner moves to Africa Corps\n{P2}\n{P3}")
    assert result.paragraphs == [P1, P2, P3]
    assert [r.rule_id for r in result.removed] == ["en.read_also", "structure.link_list", "structure.link_list"]


def test_repeated_title_removed():
    lines = split_lines(f"Lavrov meets Diop\n{P1}\nLavrov meets Diop\n{P2}")
    result = clean_lines(lines, HeaderInfo(title="Lavrov meets Diop", consumed={0: "metadata.title"}),
                         boilerplate_matcher("en"))
    assert result.paragraphs == [P1, P2]
    assert [r.rule_id for r in result.removed] == ["metadata.title", "structure.duplicate_line"]


def test_every_removed_line_has_a_rule_and_line_number():
    result = clean(f"Advertisement\n{P1}\nShare on Facebook\n{P2}\n© Example News")
    assert [(r.line_no, r.rule_id) for r in result.removed] == [
        (1, "en.advertisement"), (3, "en.share"), (5, "common.copyright_symbol")]


# Per seed: lines that must be gone from the clean text, and body paragraphs that must stay.
SEED_BOILERPLATE = {
    "000_31b84bafc8491eae": [
        "Fakti.bg | 27.03.2024 14:52:42 | 34",
        "Прочети цялата публикация",
    ],
    "001_63a3806cb3729def": [
        "G4Media.ro", "Sursa foto: Twitter / Russian Embassy, UK",
        "Urmărește mai jos producțiile video ale G4Media:", "Susține-ne activitatea G4Media logo",
        "Donație Paypal recurentă", "Donează lunar pentru susținerea proiectului G4Media",
        "Donează prin Transfer Bancar", "CONT LEI: RO89RZBR0000060019874867", "Deschis la Raiffeisen Bank",
        "Donează prin Patreon", "Donează", "Citește și...",
        "Pentru a posta un comentariu, trebuie să te Înregistrezi sau să te Autentifici.",
    ],
    "002_abe042436c6ac159": ["Africa", "Published", "on", "Advertisement", "Trending", "Exit mobile version"],
    "003_94a2c1ee15b4eb4f": ["Scroll to Top"],
    "004_877ec1ab4ab282fc": [
        "General |Author: AFP | March 28, 2024, Thursday @ 06:49| 2684 views",
        "In this pool photograph distributed by the Russian state agency Sputnik",
        "(Photo by Sergei KARPUKHIN / POOL / AFP)", "© Agence France-Presse", "Back", "Search",
    ],
}

SEED_BODY = {
    "000_31b84bafc8491eae": [
        "Руският президент Владимир Путин обсъди сигурността",
        "\"Обсъдихме двустранни въпроси, по-специално сигурността и икономическите области\"",
        "J’ai eu un entretien téléphonique avec le président Poutine.",
        "— Colonel Assimi GOITA (@GoitaAssimi) March 27, 2024",
        "През последните години Мали се превърна",
        "Русия се стреми да засили отношенията си",
        "Обаждането изглежда е част от кръг",
        "Кремъл съобщи в сряда, че Путин и лидерът на Република Конго",
        "Във вторник Путин разговаря по телефона с лидера на нигерската хунта",
        "Призивът последва решението от 17 март",
        "Американски служители предупредиха",
        "Решението на нигерската хунта последва",
        "Трите държави също решиха да напуснат",
        "Държавите от Сахел, които се борят с ислямистките бунтове",
    ],
    "001_63a3806cb3729def": [
        "Rusia a salutat joi consolidarea cooperării sale militare cu Mali",
        "AES este formată din Mali, Burkina Faso și Niger",
        "„Armata noastră cooperează activ cu armata din Mali”",
        "Diop a anunțat, de asemenea, că președintele din Mali, Assimi Goïta, va efectua o vizită oficială",
        "Mai târziu în cursul zilei, Serghei Lavrov a avut o întâlnire cvadripartită",
        "Șeful diplomației nigeriene, Bakary Yaou Sangare",
    ],
    "002_abe042436c6ac159": [
        "According to the Kremlin, the two reaffirmed their dedication",
        "Assimi Goita, the interim president of Mali, and Russian President Vladimir Putin spoke on the phone",
        "Based on “agreements reached” at the most recent Russia-Africa summit",
        "Following the Second Russia-Africa Summit in July",
        "The Mali leader “expressed appreciation for the varied assistance provided by Russia,”",
        "“I talked about our cooperation with President Putin",
        "Goita thanked Putin for stopping the UN from renewing its sanctions",
        "The two spoke in an earlier call in August",
    ],
    "003_94a2c1ee15b4eb4f": [
        "Russian President Vladimir Putin engaged in discussions",
        "“We discussed bilateral issues, particularly the security and economic areas,” Goita wrote on X.",
        "In recent years, Mali has emerged as one of Russia’s key allies",
        "Russia aims to foster stronger connections",
        "This exchange aligns with Putin’s diplomatic overtures",
        "Furthermore, Putin engaged in talks with Niger’s junta leader, Abdourahamane Tiani",
        "Notably, this conversation occurred following Niger’s decision on March 17",
        "Niger’s decision mirrors those of neighboring Mali and Burkina Faso",
        "The Sahel states, united in combating radical insurgencies",
    ],
    "004_877ec1ab4ab282fc": [
        "Russia and Mali agreed to strengthen their cooperation over counterterrorism in a telephone call",
        "Russian President Vladimir Putin spoke to the head of the Malian junta",
        "Putin and Goita \"agreed to strengthen anti-terrorist cooperation\", the Kremlin said.",
        "The Islamic State (IS) group has claimed responsibility",
        "Colonel Goita echoed the decision on social media",
        "France was forced to withdraw troops",
        "Moscow had steadily gained influence",
        "Putin and Goita also discussed strengthening",
        "The Kremlin mentioned Russia's \"free\" delivery",
        "Russia has also established itself as the main ally",
    ],
}


@pytest.mark.parametrize("article_id", sorted(SEED_BOILERPLATE))
def test_seed_boilerplate_is_gone(seed_stage, article_id):
    clean_lines_ = seed_stage.clean_texts[article_id].split("\n")
    for fragment in SEED_BOILERPLATE[article_id]:
        assert not any(fragment == line or (len(fragment) > 12 and fragment in line) for line in clean_lines_), fragment


@pytest.mark.parametrize("article_id", sorted(SEED_BODY))
def test_seed_body_paragraphs_survive(seed_stage, article_id):
    paragraphs = seed_stage.clean_texts[article_id].split("\n")
    for start in SEED_BODY[article_id]:
        assert sum(start in p for p in paragraphs) == 1, start
    raw = [x for x in split_lines((SEEDS_DIR / f"{article_id}.txt").read_text(encoding="utf-8")) if x]
    removed = seed_stage.removed_lines[seed_stage.removed_lines.article_id == article_id]
    # Nothing silently lost: every non-empty raw line is either a paragraph or a recorded removal.
    assert len(paragraphs) + len(removed) == len(raw)


def test_seed_titles_are_not_in_the_body(seed_stage, seed_articles):
    for article_id, text in seed_stage.clean_texts.items():
        assert seed_articles.loc[article_id, "title"] not in text.split("\n")
