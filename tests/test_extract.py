"""Mention extraction: one rule per case, in several languages (the gate covers the rest)."""

import datetime as dt
import itertools

import pytest

from helpers.actors import fold, registry
from helpers.contact_dates import find_date_expressions
from helpers.dates import Published
from helpers.extract import HEADLINE_SENTENCE, Notes, extract_article
from helpers.language_rules import language_rules
from helpers.sentences import split_sentences


def mentions(text: str, language: str, published: str | None):
    paragraphs = [p for p in text.split("\n") if p.strip()]
    sentences = split_sentences(paragraphs, [language] * len(paragraphs))
    notes = Notes()
    found = extract_article("t", [(n, s.start, s.text, s.language) for n, s in enumerate(sentences)],
                            Published.parse(published) if published else None, notes, [language])
    return [(";".join(m.countries), m.type, m.status, m.date) for m in found], notes


CASES = [
    ("en-two-calls-split", "en", "2024-03-28",
     "Russian President Vladimir Putin spoke by phone to Mali's Assimi Goita and to Congo's Denis Sassou Nguesso "
     "on Wednesday.",
     [("MLI;RUS", "phone_call", "occurred", "2024-03-27"), ("COG;RUS", "phone_call", "occurred", "2024-03-27")]),
    ("en-multilateral-one-mention", "en", "2025-04-04",
     "Sergei Lavrov met the foreign ministers of Mali, Burkina Faso and Niger in Moscow on Thursday.",
     [("BFA;MLI;NER;RUS", "meeting", "occurred", "2025-04-03")]),
    ("en-aes-stands-for-members", "en", "2025-04-04",
     "Russia hosted the foreign ministers of the Alliance of Sahel States (AES) in Moscow on Thursday.",
     [("BFA;MLI;NER;RUS", "meeting", "occurred", "2025-04-03")]),
    ("en-denial", "en", "2024-03-28", "The Kremlin said Putin did not speak with Niger's Tiani on Wednesday.", []),
    ("en-habitual", "en", "2024-03-28", "Putin and Goita speak on the phone frequently.", []),
    ("en-summit-two-parties-is-background", "en", "2023-10-11",
     "At the Russia-Africa summit, Putin promised grain to Mali.", []),
    ("en-planned-month", "en", "2025-04-03", "Goita will visit Moscow in June, his office said.",
     [("MLI;RUS", "visit", "planned", "2025-06")]),
    ("en-last-month", "en", "2023-10-11", "Goita thanked Putin during their phone call last month.",
     [("MLI;RUS", "phone_call", "occurred", "2023-09")]),
    ("en-no-publication-date-stays-unresolved", "en", None, "Putin spoke by phone with Goita on Wednesday.",
     [("MLI;RUS", "phone_call", "occurred", "")]),
    ("en-continuation-adds-nothing", "en", "2024-03-28",
     "Putin spoke by phone with Goita on Wednesday. The Kremlin confirmed the call with Mali.",
     [("MLI;RUS", "phone_call", "occurred", "2024-03-27")]),
    ("en-the-two-take-previous-parties", "en", "2023-10-11",
     "Putin spoke by phone with Goita on Tuesday. The two spoke in an earlier call in August about the coup in Niger.",
     [("MLI;RUS", "phone_call", "occurred", "2023-10-10"), ("MLI;RUS", "phone_call", "occurred", "2023-08")]),
    ("bg-day-after-clause", "bg", "2024-03-27",
     "Путин разговаря по телефона с Гоита в сряда, ден след като Путин проведе подобен разговор с лидера на Нигер.",
     [("MLI;RUS", "phone_call", "occurred", "2024-03-27"), ("NER;RUS", "phone_call", "occurred", "2024-03-26")]),
    ("ro-later-that-day", "ro", "2025-04-03",
     "Lavrov l-a primit joi pe Diop la Moscova. Mai târziu în cursul zilei, Lavrov a avut o întâlnire cu șefii "
     "diplomațiilor din Mali, Burkina Faso și Niger.",
     [("MLI;RUS", "meeting", "occurred", "2025-04-03"), ("BFA;MLI;NER;RUS", "meeting", "occurred", "2025-04-03")]),
    ("ro-planned-in-luna", "ro", "2025-04-03", "Assimi Goïta va efectua o vizită oficială la Moscova în luna iunie.",
     [("MLI;RUS", "visit", "planned", "2025-06")]),
    ("ru-negation", "ru", "2024-03-28", "Встреча Путина с Гоитой была отменена.", []),
    ("en-month-just-ahead-is-upcoming", "en", "2025-09-29", "Kenyan President William Ruto visits Berlin in October.",
     [("DEU;KEN", "visit", "planned", "2025-10")]),
    ("en-month-ahead-marked-past", "en", "2025-09-29", "Kenyan President William Ruto visited Berlin last October.",
     [("DEU;KEN", "visit", "occurred", "2024-10")]),
    ("en-month-far-ahead-is-last-year", "en", "2025-03-10", "In November, Ruto met Chinese President Xi Jinping.",
     [("CHN;KEN", "meeting", "occurred", "2024-11")]),
    ("fr-later-this-month-is-upcoming", "fr", "2024-01-20",
     "Narendra Modi accueille Emmanuel Macron pour une visite d'État en Inde, ce jeudi 25 janvier.",
     [("FRA;IND", "visit", "planned", "2024-01-25")]),
    ("fr-same-month-unknown-day-keeps-tense", "fr", "2024-01",
     "Narendra Modi accueille Emmanuel Macron pour une visite d'État en Inde, ce jeudi 25 janvier.",
     [("FRA;IND", "visit", "occurred", "2024-01-25")]),
    ("ro-past-day-before-publication", "ro", "2020-11-20",
     "Președintele Poloniei, Andrzej Duda, a felicitat-o luni, 16 noiembrie, pe Maia Sandu pentru victoria obținută.",
     [("MDA;POL", "message", "occurred", "2020-11-16")]),
    ("en-tomorrow-is-upcoming", "en", "2024-05-06", "Kenyan President William Ruto visits Berlin tomorrow.",
     [("DEU;KEN", "visit", "planned", "2024-05-07")]),
    ("en-planned-then-reported-as-held", "en", "2024-03-28",
     "The Kremlin said Putin would speak by phone with Ramaphosa. Putin spoke by phone with South African "
     "President Cyril Ramaphosa, the Kremlin said.",
     [("RUS;ZAF", "phone_call", "occurred", "2024-03")]),
    ("bg-earlier-meeting-is-not-the-planned-one", "bg", "2023-05-10",
     "Самех Шукри се очаква да се срещне с Сергей Лавров. През юли миналата година Лавров се срещна с Шукри в Кайро.",
     [("EGY;RUS", "meeting", "planned", ""), ("EGY;RUS", "meeting", "occurred", "2022-07")]),
    ("ru-lifted-sanctions-are-a-topic", "ru", "2023-05-10", "Путин и Эрдоган обсудили по телефону отмену санкций.",
     [("RUS;TUR", "phone_call", "occurred", "2023-05")]),
    ("fr-cancelled-debt-is-a-topic", "fr", "2023-05-10",
     "Macron et Tebboune ont discuté au téléphone de l'annulation de la dette.",
     [("DZA;FRA", "phone_call", "occurred", "2023-05")]),
    ("en-cancelled-visit-still-denied", "en", "2023-05-10", "Putin's visit to Ankara was cancelled.", []),
    ("ro-postponed-visit-still-denied", "ro", "2023-04-19",
     "Premierul Dorin Recean și-a amânat vizita la Bruxelles care urma să aibă loc în perioada 20-21 aprilie.", []),
    ("ru-postponed-visit-still-denied", "ru", "2023-04-19", "Путин отложил визит в Анкару.", []),
    ("ro-anul-is-the-year-not-cancelled", "ro", "2023-05-10",
     "În iulie anul trecut, Lavrov s-a întâlnit cu omologul său egiptean la Cairo.",
     [("EGY;RUS", "meeting", "occurred", "2022-07")]),
    ("en-month-of-last-year", "en", "2023-05-10", "In July last year, Lavrov met his Egyptian counterpart in Cairo.",
     [("EGY;RUS", "meeting", "occurred", "2022-07")]),
    ("es-day-month-of-next-year", "es", "2023-05-10",
     "Lula visitará Madrid el 5 de marzo del próximo año, anunció Itamaraty.",
     [("BRA;ESP", "visit", "planned", "2024-03-05")]),
    ("de-verb-final-future", "de", "2017-05-06",
     "Bei seinem Antrittsbesuch in Israel wird er am Sonntag sowohl den israelischen Präsidenten Reuven Rivlin als "
     "auch Regierungschef Benjamin Netanjahu treffen, sagte Bundespräsident Frank-Walter Steinmeier.",
     [("DEU;ISR", "meeting", "planned", "2017-05-07")]),
    ("ar-future-prefix", "ar", "2019-04-30",
     "وسيجتمع الرئيس الفلسطيني محمود عباس بوزير الخارجية الروسي سيرغي لافروف.",
     [("PSE;RUS", "meeting", "planned", "")]),
    ("ar-future-prefix-visit", "ar", "2019-04-30",
     "ستزور رئيسة الوزراء الإيطالية جورجيا ميلوني القاهرة الأسبوع المقبل.",
     [("EGY;ITA", "visit", "planned", "2019-05")]),
    ("ar-introduced-name-without-capitals", "ar", "2019-04-30",
     "استقبل أمير قطر في الدوحة نائب وزير الخارجية الروسي، ميخائيل بوغدانوف، أمس. "
     "وكان بوغدانوف قد زار العاصمة الإيرانية طهران يوم الأحد.",
     [("QAT;RUS", "meeting", "occurred", "2019-04-29"), ("IRN;RUS", "visit", "occurred", "2019-04-28")]),
    ("en-venue-named-as-capital-of", "en", "2019-04-30",
     "Russian Foreign Minister Sergei Lavrov met Palestinian President Mahmoud Abbas in the Jordanian capital, Amman, "
     "on Monday.", [("PSE;RUS", "meeting", "occurred", "2019-04-29")]),
    ("de-venue-named-as-capital-of", "de", "2019-04-30",
     "Lawrow traf den palästinensischen Präsidenten Mahmud Abbas in der jordanischen Hauptstadt Amman.",
     [("PSE;RUS", "meeting", "occurred", "2019-04")]),
    ("ar-venue-named-as-capital-of", "ar", "2019-04-30",
     "التقى وزير الخارجية الروسي سيرغي لافروف الرئيس الفلسطيني محمود عباس في العاصمة الأردنية عمان.",
     [("PSE;RUS", "meeting", "occurred", "2019-04")]),
    ("en-visited-capital-is-the-host", "en", "2019-04-30", "Lavrov visited the Iranian capital Tehran on Monday.",
     [("IRN;RUS", "visit", "occurred", "2019-04-29")]),
    ("en-capital-alone-with-one-party-is-the-host", "en", "2019-04-30",
     "Lavrov met Jordanian King Abdullah II in the Jordanian capital on Monday.",
     [("JOR;RUS", "meeting", "occurred", "2019-04-29")]),
    ("ru-range-across-months-starts-it", "ru", "2025-09-02",
     "Президент Узбекистана Шавкат Мирзиёев 30 августа – 3 сентября находится в Китае с официальным визитом.",
     [("CHN;UZB", "visit", "occurred", "2025-08-30")]),
    ("en-range-across-months-with-year", "en", "2025-09-02",
     "Uzbek President Shavkat Mirziyoyev is on a state visit to China from 30 August to 3 September 2025.",
     [("CHN;UZB", "visit", "occurred", "2025-08-30")]),
    ("ro-this-evening", "ro", "2025-11-07",
     "Nicușor Dan a avut în această seară o convorbire telefonică cu Volodimir Zelenski, președintele Ucrainei.",
     [("ROU;UKR", "phone_call", "occurred", "2025-11-07")]),
    ("bg-last-night", "bg", "2020-09-16",
     "Ердоган е разговарял снощи по телефона с българския министър-председател Бойко Борисов.",
     [("BGR;TUR", "phone_call", "occurred", "2020-09-15")]),
    ("es-this-morning-is-not-tomorrow", "es", "2024-05-06",
     "El presidente Pedro Sánchez se reunió esta mañana con el presidente de Chile, Gabriel Boric.",
     [("CHL;ESP", "meeting", "occurred", "2024-05-06")]),
    ("es-date-of-a-side-remark", "es", "2025-11-18",
     "Quirno, que asumió su cargo el 28 de octubre, consideró que mantuvo con su par de Uruguay una "
     "fructífera reunión.",
     [("ARG;URY", "meeting", "occurred", "2025-11")]),
    ("en-compound-war-is-a-topic", "en", "2022-07-23",
     "Lavrov visits Egypt on his first African tour since the Russia-Ukraine war began.",
     [("EGY;RUS", "visit", "occurred", "2022-07")]),
    ("ru-compound-conflict-is-a-topic", "ru", "2022-07-23",
     "Лавров посетил Египет впервые после начала российско-украинского конфликта.",
     [("EGY;RUS", "visit", "occurred", "")]),  # 'впервые после': a background contact
    ("fr-guerre-russo-ukrainienne-is-a-topic", "fr", "2022-07-23",
     "Lavrov se rend en Égypte pour sa première tournée africaine depuis la guerre russo-ukrainienne.",
     [("EGY;RUS", "visit", "occurred", "2022-07")]),
    ("en-envoys-visit-each-country", "en", "2019-09-15",
     "South Africa's special envoy Jeff Radebe arrived in Abuja on Sunday. The envoys will visit Niger, Ghana and "
     "Zambia.",
     [("NGA;ZAF", "visit", "occurred", "2019-09-15"), ("NER;ZAF", "visit", "planned", "2019-09"),
      ("GHA;ZAF", "visit", "planned", "2019-09"), ("ZAF;ZMB", "visit", "planned", "2019-09")]),
    ("ar-tour-includes-each-country", "ar", "2022-07-23",
     "يزور وزير الخارجية الروسي سيرجي لافروف مصر غدا في مستهل جولته الأفريقية. "
     "ومن المقرر أن تتضمن الجولة زيارة إثيوبيا وأوغندا.",
     [("EGY;RUS", "visit", "planned", "2022-07-24"), ("ETH;RUS", "visit", "planned", "2022-07"),
      ("RUS;UGA", "visit", "planned", "2022-07")]),
    ("ro-ambassadors-named-after-the-ceremony", "ro", "2024-05-06",
     "Maia Sandu a primit scrisorile de acreditare ale cinci noi ambasadori în țara noastră. Au fost acreditați "
     "E.S. Paul John Lehmann, ambasadorul Uniunii Australiei, și E.S. Brendan Ward, ambasadorul Irlandei.",
     [("AUS;MDA", "meeting", "occurred", "2024-05"), ("IRL;MDA", "meeting", "occurred", "2024-05")]),
    ("bg-ambassadors-named-after-the-ceremony", "bg", "2024-05-06",
     "Турският президент Реджеп Тайип Ердоган прие в четвъртък акредитивни писма от новите посланици в Анкара. "
     "Новите посланици са от Египет и Литва.",  # the ceremony's day (Thursday before publication)
     [("EGY;TUR", "meeting", "occurred", "2024-05-02"), ("LTU;TUR", "meeting", "occurred", "2024-05-02")]),
    ("en-ambassadors-not-after-a-ceremony", "en", "2024-05-06",
     "President Ruto opened the new parliament. The ambassadors of Mexico and Egypt attended.", []),
    ("ar-name-is-not-a-future-verb", "ar", "2023-05-30",
     "وزار وزير الخارجية الروسي سيرجي لافروف، الذي بدأ جولته في كينيا يوم الاثنين، إريتريا في يناير.",
     [("KEN;RUS", "visit", "occurred", "2023-01"), ("ERI;RUS", "visit", "occurred", "2023-01")]),
    ("pt-titled-traveller-visits-each", "pt", "2023-05-31",
     "Anteriormente, o chefe da diplomacia russa visitou o Quênia e o Burundi em sua terceira viagem à África.",
     [("KEN;RUS", "visit", "occurred", "2023-05"), ("BDI;RUS", "visit", "occurred", "2023-05")]),
    ("de-war-against-is-a-topic", "de", "2023-01-23",
     "Es ist Lawrows erster Besuch in Südafrika seit Beginn des russischen Angriffskriegs gegen die Ukraine.",
     [("RUS;ZAF", "visit", "occurred", "2023-01")]),
    ("de-present-for-future", "de", "2025-09-29", "Außenminister Johann Wadephul reist im Oktober nach Ghana.",
     [("DEU;GHA", "visit", "planned", "2025-10")]),
    ("en-elaboration-is-not-a-new-contact", "en", "2024-09-06",
     "Sergei Lavrov held talks in Moscow on Thursday with Egyptian Foreign Minister Badr Abdelatty. "
     "The two sides discussed the situation in Gaza and Sudan.",
     [("EGY;RUS", "meeting", "occurred", "2024-09-05")]),
    ("ru-elaboration-is-not-a-new-contact", "ru", "2024-09-06",
     "Сергей Лавров в четверг провел в Москве переговоры с министром иностранных дел Египта Бадром Абдельатти. "
     "Стороны обсудили ситуацию в секторе Газа.",
     [("EGY;RUS", "meeting", "occurred", "2024-09-05")]),
    ("en-two-leaders-with-own-date-is-a-contact", "en", "2024-09-06",
     "Putin spoke with Goita by phone on Wednesday. The two leaders also discussed security in August.",
     [("MLI;RUS", "phone_call", "occurred", "2024-09-04"), ("MLI;RUS", "phone_call", "occurred", "2024-08")]),
    ("pt-introduced-person-keeps-country", "pt", "2024-02-22",
     "O Presidente angolano, João Lourenço, recebeu hoje o ministro dos Negócios Estrangeiros de Portugal, "
     "João Gomes Cravinho. Gomes Cravinho tinha-se reunido na véspera com o seu homólogo angolano, Téte António.",
     [("AGO;PRT", "meeting", "occurred", "2024-02-22"), ("AGO;PRT", "meeting", "occurred", "2024-02-21")]),
    ("de-earlier-contact-does-not-carry-date", "de", "2024-09-10",
     "Bundeskanzler Olaf Scholz hat am Montag den kenianischen Präsidenten William Ruto empfangen. "
     "Ruto war zuvor in Paris mit Frankreichs Präsident Emmanuel Macron zusammengetroffen.",
     [("DEU;KEN", "meeting", "occurred", "2024-09-09"), ("FRA;KEN", "meeting", "occurred", "")]),
    ("ar-kama-subject-after-elaboration", "ar", "2024-05-14",
     "تلقى الشيخ محمد بن زايد آل نهيان اليوم اتصالا هاتفيا من الرئيس إبراهيم تراوري. "
     "وبحث الجانبان خلال الاتصال علاقات التعاون. "
     "كما استقبل سموه في وقت سابق من الشهر الجاري وزير خارجية تشاد.",
     [("ARE;BFA", "phone_call", "occurred", "2024-05-14"), ("ARE;TCD", "meeting", "occurred", "2024-05")]),
    ("sw-rais-samia", "sw", "2024-03-12", "Rais Samia anatarajiwa kuzuru Korea Kusini mwezi Juni.",
     [("KOR;TZA", "visit", "planned", "2024-06")]),
    ("pt-country-word-inside-a-name", "pt", "2024-05-10",
     "O primeiro-ministro Luís Montenegro recebeu na quinta-feira o Presidente de Cabo Verde, José Maria Neves.",
     [("CPV;PRT", "meeting", "occurred", "2024-05-09")]),
    ("en-eu-official-is-not-a-party", "en", "2023-02-10",  # codebook 1: organisations are not states
     "EU foreign policy chief Josep Borrell met Kenyan President William Ruto in Nairobi on Thursday.",
     []),
    ("bg-home-leaders", "bg", "2024-01-20",
     "Министър-председателят Николай Денков разговаря в петък по телефона с президента на Кения Уилям Руто.",
     [("BGR;KEN", "phone_call", "occurred", "2024-01-19")]),
    ("ro-planned-date-not-carried-to-occurred", "ro", "2024-03-12",
     "Președintele Klaus Iohannis va efectua o vizită în Kenya în luna mai. "
     "Ministrul de externe Luminița Odobescu a avut o convorbire telefonică cu omologul său egiptean, Sameh Shoukry.",
     [("KEN;ROU", "visit", "planned", "2024-05"), ("EGY;ROU", "phone_call", "occurred", "2024-03")]),  # pub. month
    ("fr-topic-shift-not-carried", "fr", "2023-08-30",
     "Une délégation russe a été reçue mardi à Ouagadougou par le capitaine Ibrahim Traoré. "
     "Par ailleurs, le président Traoré a adressé un message de félicitations à son homologue malien Assimi Goïta.",
     [("BFA;RUS", "meeting", "occurred", "2023-08-29"), ("BFA;MLI", "message", "occurred", "2023-08")]),
    ("en-bare-year", "en", "2025-03-04", "Tinubu last met Niger's President Mohamed Bazoum in 2023.",
     [("NER;NGA", "meeting", "occurred", "2023")]),
    ("fr-next-week-is-its-month-not-carried", "fr", "2024-03-15",
     "Abdoulaye Diop s'est entretenu le 14/03/2024 à Bamako avec l'ambassadeur de Russie. "
     "Il recevra la semaine prochaine son homologue burkinabè.",
     [("MLI;RUS", "meeting", "occurred", "2024-03-14"), ("BFA;MLI", "meeting", "planned", "2024-03")]),
    ("ar-same-day-phrase-is-not-today", "ar", "2023-11-13",
     "استقبل الرئيس المصري عبد الفتاح السيسي، الأحد الماضي، رئيس وزراء إثيوبيا في القاهرة. "
     "وأجرى السيسي في اليوم نفسه اتصالا هاتفيا مع الرئيس الكيني وليام روتو.",
     [("EGY;ETH", "meeting", "occurred", "2023-11-12"), ("EGY;KEN", "phone_call", "occurred", "2023-11-12")]),
    ("ru-tour-is-bilateral-visits", "ru", "2022-07-25", "Затем Лавров посетит Республику Конго, Уганду и Эфиопию.",
     [("COG;RUS", "visit", "planned", ""), ("RUS;UGA", "visit", "planned", ""), ("ETH;RUS", "visit", "planned", "")]),
    ("en-topic-country-is-not-a-party", "en", "2023-06-17",
     "Cyril Ramaphosa met Vladimir Putin in St Petersburg on Saturday to present a peace plan for Ukraine.",
     [("RUS;ZAF", "meeting", "occurred", "2023-06-17")]),
    ("en-delegation-is-the-lead-party", "en", "2023-06-17",
     "Cyril Ramaphosa met Vladimir Putin in St Petersburg on Saturday. "
     "A day earlier, the delegation had met Ukrainian President Volodymyr Zelenskiy in Kyiv.",
     [("RUS;ZAF", "meeting", "occurred", "2023-06-17"), ("UKR;ZAF", "meeting", "occurred", "2023-06-16")]),
    ("sw-future-tense-infix", "sw", "2024-07-20",
     "Ruto atakutana na Rais wa China Xi Jinping mjini Beijing mwezi Septemba.",
     [("CHN;KEN", "meeting", "planned", "2024-09")]),
    ("es-tour-day-belongs-to-the-named-meeting", "es", "2024-08-29",
     "Pedro Sánchez se reunió este miércoles en Dakar con el presidente de Senegal, Bassirou Diomaye Faye, en la "
     "última etapa de su gira africana, que le llevó también a Mauritania y Gambia.",
     [("ESP;SEN", "meeting", "occurred", "2024-08-28"), ("ESP;MRT", "visit", "occurred", ""),
      ("ESP;GMB", "visit", "occurred", "")]),
    ("ar-prime-minister-construct-is-not-president", "ar", "2025-03-18",
     "استقبل الرئيس الجزائري عبد المجيد تبون، الاثنين، رئيس وزراء النيجر في الجزائر العاصمة.",
     [("DZA;NER", "meeting", "occurred", "2025-03-17")]),
    ("en-later-this-year", "en", "2024-03-05", "Goita is due to travel to Moscow later this year, the statement said.",
     [("MLI;RUS", "visit", "planned", "2024")]),
    ("bg-invited-next-year", "bg", "2024-11-14",
     "Радев покани ганайския си колега да посети България догодина.",
     [("BGR;GHA", "visit", "planned", "2025")]),
    ("en-the-country-is-the-host", "en", "2023-05-04",
     "President Samia Suluhu Hassan and her Kenyan counterpart William Ruto on Wednesday agreed to remove trade "
     "barriers during talks at State House. The two leaders also witnessed the signing of several agreements. "
     "Dr Ruto arrived in the country on Tuesday for a two-day state visit.",
     [("KEN;TZA", "meeting", "occurred", "2023-05-03"), ("KEN;TZA", "visit", "occurred", "2023-05-02")]),
    ("en-side-remark-is-not-habitual", "en", "2024-03-06",
     "Mali's junta leader Assimi Goita met Russian Deputy Defence Minister Yunus-Bek Yevkurov in Bamako on Tuesday. "
     "Yevkurov, who has visited the Sahel region several times since 2023, also met Mali's Defence Minister "
     "Sadio Camara.",
     [("MLI;RUS", "meeting", "occurred", "2024-03-05"), ("MLI;RUS", "meeting", "occurred", "2024-03-05")]),
    ("bg-third-capital-is-the-venue", "bg", "2023-06-28",
     "Министърът на външните работи Мария Габриел се срещна на 26 юни в Брюксел с министъра на външните работи на "
     "Кения Алфред Мутуа.",
     [("BGR;KEN", "meeting", "occurred", "2023-06-26")]),
    ("en-capital-with-one-party-is-the-host", "en", "2024-09-06", "William Ruto arrived in Beijing on Tuesday.",
     [("CHN;KEN", "visit", "occurred", "2024-09-03")]),
    ("ru-signing-together-is-a-contact", "ru", "2023-05-19",
     "Глава МИД России Сергей Лавров и министр иностранных дел Эритреи Осман Салех подписали в четверг в Москве "
     "соглашение о сотрудничестве.",
     [("ERI;RUS", "meeting", "occurred", "2023-05-18")]),  # signing together: an encounter
    ("es-signing-after-meeting-is-an-elaboration", "es", "2024-10-10",
     "Albares se reunió este jueves en Madrid con su homólogo de Mauritania. "
     "Ambos ministros firmaron un memorando de entendimiento.",
     [("ESP;MRT", "meeting", "occurred", "2024-10-10")]),
    ("fr-date-of-the-trigger-nearest-the-counterpart", "fr", "2025-02-21",
     "Le général Abdourahamane Tiani s'est rendu jeudi à Tillabéri avant de recevoir vendredi l'ambassadeur de Russie.",
     [("NER;RUS", "visit", "occurred", "2025-02-21")]),
    ("fr-no-meeting-planned-is-negation", "fr", "2025-10-03",
     "Le chef de la diplomatie malienne a dénoncé vendredi les propos de son homologue algérien, sans qu'aucune "
     "rencontre ne soit prévue.", []),
    ("en-each-leg-takes-its-own-contact-word", "en", "2024-04-19",
     "Chinese Foreign Minister Wang Yi held talks with his Egyptian counterpart Sameh Shoukry by video link on "
     "Thursday, and later met Tanzania's foreign minister January Makamba in Beijing.",
     [("CHN;EGY", "phone_call", "occurred", "2024-04-18"), ("CHN;TZA", "meeting", "occurred", "2024-04-18")]),
    ("bg-after-talks-clause-is-a-second-contact", "bg", "2023-08-25",
     "Президентът на Кения Уилям Руто ще посети България през октомври, съобщи министърът на външните работи "
     "Мария Габриел след разговор с кенийския си колега.",
     [("BGR;KEN", "visit", "planned", "2023-10"), ("BGR;KEN", "meeting", "occurred", "2023-08")]),  # talks: in person
    ("de-verb-final-travel", "de", "2023-01-20", "Außenministerin Annalena Baerbock ist am Montag nach Mali gereist.",
     [("DEU;MLI", "visit", "occurred", "2023-01-16")]),
    # The lead's undated contact (publication month) is the one a later sentence dates to the day.
    ("ro-contemporaneous-visit-takes-the-day-given-later", "ro", "2021-10",
     "Iohannis s-a dus în Egipt să se întâlnească cu El-Sisi. "
     "Președintele României, Klaus Iohannis, efectuează astăzi, 27 octombrie 2021, o vizită de stat în Egipt.",
     [("EGY;ROU", "meeting", "occurred", "2021-10-27"), ("EGY;ROU", "visit", "occurred", "2021-10-27")]),
    ("en-two-days-in-the-month-keep-the-month", "en", "2024-03",
     "Putin met Goita in Moscow. Putin met Goita on 5 March 2024. Putin spoke with Goita in Bamako on 7 March 2024.",
     [("MLI;RUS", "meeting", "occurred", "2024-03"), ("MLI;RUS", "meeting", "occurred", "2024-03-05"),
      ("MLI;RUS", "meeting", "occurred", "2024-03-07")]),
    ("ar-egyptian-spelling", "ar", "2013-04-30",
     "وصل رئيس الوزراء اليابانى، شينزو آبى، اليوم الثلاثاء، إلى السعودية، فى زيارة رسمية.",
     [("JPN;SAU", "visit", "occurred", "2013-04-30")]),
    ("ro-web-text-without-diacritics", "ro", "2022-03-30",
     "Sameh Shoukry s-a intalnit marti la Casa Alba cu secretarul de stat american Antony Blinken.",
     [("EGY;USA", "meeting", "occurred", "2022-03-29")]),
    ("pt-guineense-resolved-by-the-person-named", "pt", "2022-10-26",
     "Putin reuniu-se com o homólogo guineense, Umaro Sissoco Embaló, em Moscovo.",
     [("GNB;RUS", "meeting", "occurred", "2022-10")]),
    # A congratulation is part of the call of the same parties the article reports, else a message.
    ("en-congratulation-inside-a-call", "en", "2026-01-28",
     "Putin congratulated Faustin-Archange Touadéra on his election victory. "
     "The two presidents spoke by phone on Tuesday.",
     [("CAF;RUS", "phone_call", "occurred", "2026-01-27")]),
    ("ru-congratulation-alone-is-a-message", "ru", "2021-08-31",
     "Президент Таджикистана Рахмон поздравил президента Киргизии Жапарова.",
     [("KGZ;TJK", "message", "occurred", "2021-08")]),
    # With both parties named, a country after "about" is what they talked about.
    ("sw-country-after-about-is-a-topic", "sw", "2023-06-08",
     "Rais wa Afrika Kusini Cyril Ramaphosa na mwenzake wa Urusi Vladimir Putin wamezungumza kwa njia ya simu "
     "kuhusiana na ujumbe wa amani nchini Ukraine.",
     [("RUS;ZAF", "phone_call", "occurred", "2023-06")]),
    ("fr-country-after-centrees-sur-is-a-topic", "fr", "2022-01-11",
     "Genève a accueilli lundi des discussions entre les Etats-Unis et la Russie centrées notamment sur l'Ukraine.",
     [("RUS;USA", "meeting", "occurred", "2022-01-10")]),
    ("de-title-standing-for-a-country-before-another-countrys-leader", "de", "2022-07",
     "Am kommenden Donnerstag wird Bundeskanzler Karl Nehammer den ungarischen Ministerpräsidenten Viktor Orbán "
     "zu einem offiziellen Besuch in Wien empfangen.",
     [("AUT;HUN", "visit", "planned", "2022-07")]),
    ("en-credentials-presented-to-the-head-of-state", "en", "2022-07-20",
     "New ambassadors from Ethiopia, Bangladesh, Mexico and Trinidad and Tobago this morning presented their "
     "credentials to President Mnangagwa at State House in Harare.",
     [("ETH;ZWE", "meeting", "occurred", "2022-07-20"), ("BGD;ZWE", "meeting", "occurred", "2022-07-20"),
      ("MEX;ZWE", "meeting", "occurred", "2022-07-20"), ("TTO;ZWE", "meeting", "occurred", "2022-07-20")]),
    ("es-via-telefonica", "es", "2025-04-01",
     "La presidenta Claudia Sheinbaum conversó vía telefónica con el primer ministro de Canadá, Mark Carney.",
     [("CAN;MEX", "phone_call", "occurred", "2025-04")]),
    ("ru-announced-call-is-planned", "ru", "2022-01-01",
     "Ранее сообщалось, что президент Франции Эммануэль Макрон анонсировал телефонный разговор с Владимиром Путиным.",
     [("FRA;RUS", "phone_call", "planned", "")]),
    # The country an ambassador is posted to is where he serves, when two other parties remain.
    ("pt-ambassadors-posting-is-not-a-party", "pt", "2024-03-28",
     "O Embaixador de Angola na África do Sul, Rui Orlando Xavier, manteve hoje encontro de cortesia, com a "
     "Embaixadora de Moçambique, Maria Manuela Lucas.",
     [("AGO;MOZ", "meeting", "occurred", "2024-03-28")]),
    ("sw-ambassadors-posting-is-not-a-party", "sw", "2024-03-28",
     "Balozi wa Tanzania nchini Russia amekutana kwa mazungumzo na Balozi wa Jamhuri ya Kenya nchini Russia.",
     [("KEN;TZA", "meeting", "occurred", "2024-03")]),
    ("en-posting-kept-when-it-is-the-other-side", "en", "2024-03-28",
     "Russia's ambassador to Mali, Igor Gromyko, held talks at the foreign ministry on Monday.",
     [("MLI;RUS", "meeting", "occurred", "2024-03-25")]),
    ("ar-mali-listed-with-countries-is-the-country", "ar", "2025-08-20",
     "أجرى وزير الدفاع الروسيّ أندريه بيلوسوف، محادثات مع نظرائه من بوركينا فاسو ومالي والنيجر.",
     [("BFA;MLI;NER;RUS", "meeting", "occurred", "2025-08")]),
    ("de-beraet-mit", "de", "2023-01-24",
     "Der russische Außenminister Sergej Lawrow berät am Montag in Pretoria mit der südafrikanischen "
     "Außenministerin Naledi Pandor.",
     [("RUS;ZAF", "meeting", "occurred", "2023-01-23")]),
    ("de-perfect-gratuliert", "de", "2022-10-10",
     "Bundespräsident Frank-Walter Steinmeier hat Alexander Van der Bellen zu seiner Wiederwahl gratuliert.",
     [("AUT;DEU", "message", "occurred", "2022-10")]),
    ("pt-abbreviation-of-a-topic-country-is-the-topic", "pt", "2022-11-10",
     "O Presidente angolano viaja nesta sexta-feira, 11, para a capital do Ruanda, onde vai se reunir com o seu "
     "homólogo Paul Kagame, para mediar a crise entre o Governo de Kigali e o da República Democrática do Congo (RDC).",
     [("AGO;RWA", "meeting", "planned", "2022-11-11")]),
    ("ro-range-with-a-one-digit-first-day", "ro", "2025-11-02",
     "În perioada 1–2 noiembrie 2025, ministrul român al apărării efectuează o vizită oficială în Egipt.",
     [("EGY;ROU", "visit", "occurred", "2025-11-01")]),
    ("de-telefonisch", "de", "2025-04-09",
     "Bundespräsidentin Karin Keller-Sutter hat sich telefonisch mit US-Präsident Donald Trump ausgetauscht.",
     [("CHE;USA", "phone_call", "occurred", "2025-04")]),
    ("fr-prevoyait-d-appeler-is-planned", "fr", "2025-05-07",
     "Le chancelier Friedrich Merz a déclaré qu’il prévoyait d’appeler Donald Trump jeudi.",
     [("DEU;USA", "phone_call", "planned", "2025-05-08")]),
    ("fr-appeler-a-is-not-a-call", "fr", "2025-05-07",
     "Emmanuel Macron veut appeler à un cessez-le-feu entre la Russie et l’Ukraine.", []),
    ("fr-press-conference-is-not-a-summit", "fr", "2024-09-11",
     "Lors d’une conférence de presse à Londres, le secrétaire d’État américain Antony Blinken a accusé l’Iran "
     "de livrer des missiles à la Russie.", []),
    # A future marker after some stops of a tour is about the later stops.
    ("ro-tour-stops-before-the-future-marker-were-made", "ro", "2023-11-20",
     "Președintele Romaniei Klaus Iohannis iși continua turneul prin Africa, dupa Kenya, Tanzania, "
     "urmeaza sa ajunga in Republica Cabo Verde.",
     [("KEN;ROU", "visit", "occurred", ""), ("ROU;TZA", "visit", "occurred", ""), ("CPV;ROU", "visit", "planned", "")]),
    ("ro-tour-announced-is-planned", "ro", "2023-11-20", "Iohannis va efectua un turneu în Kenya și Tanzania.",
     [("KEN;ROU", "visit", "planned", ""), ("ROU;TZA", "visit", "planned", "")]),
    ("en-was-expected-to-is-planned", "en", "2020-02-13",
     "British Prime Minister Boris Johnson was expected to visit Washington early this year.",
     [("GBR;USA", "visit", "planned", "2020")]),
    ("bg-intends-to-visit-is-planned", "bg", "2023-01-22",
     "Министърът на външните работи на Русия Сергей Лавров възнамерява да посети Етиопия и Уганда.",
     [("ETH;RUS", "visit", "planned", ""), ("RUS;UGA", "visit", "planned", "")]),
    ("de-intends-to-visit-is-planned", "de", "2023-01-22",
     "Der russische Außenminister Sergej Lawrow beabsichtigt, Äthiopien zu besuchen.",
     [("ETH;RUS", "visit", "planned", "")]),
    ("sw-intends-to-visit-is-planned", "sw", "2023-01-22",
     "Waziri wa Mambo ya Nje wa Russia Sergei Lavrov anakusudia kuzuru Ethiopia.",
     [("ETH;RUS", "visit", "planned", "")]),
    ("en-will-meet-during-a-visit-is-one-planned-contact", "en", "2024-05-02",
     "Moldovan President Maia Sandu will meet French President Emmanuel Macron during an official visit to France.",
     [("FRA;MDA", "visit", "planned", "")]),
    ("en-call-about-an-upcoming-visit-stays-occurred", "en", "2024-05-02",
     "Putin held a phone call with South African President Cyril Ramaphosa in which they discussed an upcoming visit.",
     [("RUS;ZAF", "phone_call", "occurred", "2024-05")]),
    ("ar-country-coordinated-with-a-topic-is-a-topic", "ar", "2018-12-21",
     "بحث وزير الخارجية الروسي سيرغي لافروف في اتصال هاتفي مع نظيره السوداني الأوضاع في المنطقة وسوريا.",
     [("RUS;SDN", "phone_call", "occurred", "2018-12")]),
    ("ar-levantine-month-with-its-second-name", "ar", "2018-12-21",
     "زار الرئيس السوداني عمر البشير دمشق يوم الأحد 16 كانون الأول/ديسمبر 2018.",
     [("SDN;SYR", "visit", "occurred", "2018-12-16")]),
    ("es-invasion-with-an-adjective-is-a-topic", "es", "2023-12-09",
     "El presidente Pedro Sánchez se reunió con el canciller alemán Olaf Scholz para hablar de la invasión rusa de "
     "Ucrania.", [("DEU;ESP", "meeting", "occurred", "2023-12")]),
    ("pt-ambassadors-listed-after-a-ceremony-meet-its-host", "pt", "2024-05-02",
     "O Presidente angolano João Lourenço recebeu esta quinta-feira as cartas credenciais de quatro novos "
     "embaixadores.\nTrata-se dos embaixadores da Itália, Marco Ricci, este residente em Angola, das Filipinas, "
     "Paul Cortes, e do Irão, Mansour Mehr.",
     [("AGO;ITA", "meeting", "occurred", "2024-05-02"), ("AGO;PHL", "meeting", "occurred", "2024-05-02"),
      ("AGO;IRN", "meeting", "occurred", "2024-05-02")]),
    ("de-ambassadors-listed-after-a-ceremony-take-its-date", "de", None,
     "Bundespräsident Alexander Van der Bellen hat am 26. Juni 2024 in der Präsidentschaftskanzlei neue Botschafter "
     "empfangen, um ihre Beglaubigungsschreiben entgegenzunehmen.\nZu den Diplomaten gehören Frau Aurora Mejía, "
     "Botschafterin des Königreichs Spanien, und Herr Fatmir Velaj, Botschafter der Republik Albanien.",
     [("AUT;ESP", "meeting", "occurred", "2024-06-26"), ("ALB;AUT", "meeting", "occurred", "2024-06-26")]),
    ("ru-two-word-name-in-an-oblique-case", "ru", "2024-05-02",
     "Президент Узбекистана Шавкат Мирзиёев принял во вторник посла Южной Кореи.",
     [("KOR;UZB", "meeting", "occurred", "2024-04-30")]),
    ("fr-official-name", "fr", "2024-05-02",
     "Le président Emmanuel Macron a reçu mardi à l’Élysée le président de la République de Corée.",
     [("FRA;KOR", "meeting", "occurred", "2024-04-30")]),
    ("pt-european-portuguese-name", "pt", "2024-05-02",
     "O primeiro-ministro português recebeu na terça-feira em Lisboa o Presidente do Quénia.",
     [("KEN;PRT", "meeting", "occurred", "2024-04-30")]),
    ("fr-role-phrase-gives-participant", "fr", "2024-03-28",
     "Le président russe s'est entretenu mercredi au téléphone avec le chef de la junte malienne.",
     [("MLI;RUS", "phone_call", "occurred", "2024-03-27")]),
]


@pytest.mark.parametrize(("lang", "published", "text", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_extraction(lang, published, text, expected):
    found, _ = mentions(text, lang, published)
    assert found == expected


def test_construct_prime_minister_phrase_is_not_the_head_of_state():
    text = "استقبل الرئيس الجزائري عبد المجيد تبون، الاثنين، رئيس وزراء النيجر في الجزائر العاصمة."
    sentences = split_sentences([text], ["ar"])
    [m] = extract_article("t", [(0, s.start, s.text, "ar") for s in sentences], dt.date(2025, 3, 18), Notes(), ["ar"])
    assert m.actor_ids == ("tebboune", "zeine")


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Goita met the Russian deputy defence minister in Bamako on Tuesday.", id="en-deputy"),
    pytest.param("fr", "Le vice-ministre russe de la Défense a été reçu mardi par Assimi Goïta.", id="fr-vice"),
    pytest.param("ru", "Гоита встретился во вторник с заместителем министра обороны России.", id="ru-zamestitel"),
])
def test_a_deputy_is_never_the_holder(lang, text):
    sentences = split_sentences([text], [lang])
    [m] = extract_article("t", [(0, s.start, s.text, lang) for s in sentences], dt.date(2024, 3, 6), Notes(), [lang])
    assert m.countries == ("MLI", "RUS") and m.actor_ids == ("goita",)


def test_role_phrase_resolves_holder_on_the_date():
    paragraphs = ["Le président russe s'est entretenu mercredi au téléphone avec le chef de la junte malienne."]
    sentences = split_sentences(paragraphs, ["fr"])
    found = extract_article("t", [(0, s.start, s.text, "fr") for s in sentences], dt.date(2024, 3, 28), Notes(),
                            ["fr"])
    assert found[0].actor_ids == ("goita", "putin")


def test_ambiguous_congo_is_reported_not_guessed():
    found, notes = mentions("Putin spoke by phone with the leader of Congo on Wednesday.", "en", "2024-03-28")
    assert found == []
    assert any(n["kind"] == "ambiguous_country" for n in notes.rows)


def test_date_basis_and_raw_are_recorded():
    paragraphs = ["Putin spoke by phone with Goita on Wednesday."]
    sentences = split_sentences(paragraphs, ["en"])
    [m] = extract_article("t", [(0, s.start, s.text, "en") for s in sentences], dt.date(2024, 3, 28), Notes(), ["en"])
    assert (m.date_raw, m.date_precision) == ("Wednesday", "day")
    assert "on or before publication" in m.date_basis


@pytest.mark.parametrize(("lang", "text", "kinds"), [
    pytest.param("en", "on March 17 and in July 2023", ["day_month", "month_year"], id="en"),
    pytest.param("es", "el 10 de febrero", ["day_month"], id="es-de"),
    pytest.param("ru", "в октябре", ["month"], id="ru-prepositional"),
    pytest.param("ro", "Mai târziu, în mai", ["month"], id="ro-mai-word-vs-month"),
    pytest.param("en", "officials may meet", [], id="en-may-modal"),
])
def test_date_expressions(lang, text, kinds):
    assert [e.kind for e in find_date_expressions(text, language_rules(lang))] == kinds


def test_no_alias_maps_to_two_actors_with_overlapping_roles():
    reg = registry()
    by_alias: dict[tuple[str, ...], set[str]] = {}
    for actor in reg.actors.values():
        for alias in (actor.name, *actor.aliases):
            by_alias.setdefault(tuple(fold(t) for t in alias.split()), set()).add(actor.actor_id)
    for alias, ids in by_alias.items():
        for a, b in itertools.combinations(sorted(ids), 2):
            for ra in reg.roles_of(a):
                for rb in reg.roles_of(b):
                    overlap = ra.start <= (rb.end or dt.date.max) and rb.start <= (ra.end or dt.date.max)
                    assert not overlap, f"alias {alias} maps to {a} and {b} with overlapping roles"


def test_actor_reference_data():
    reg = registry()
    assert all(a.source and a.name for a in reg.actors.values())
    assert all(r.source and (r.end is None or r.start <= r.end) for r in reg.roles)
    assert {r.actor_id for r in reg.roles} == set(reg.actors)
    assert {r.role for r in reg.roles} <= {"head_of_state", "head_of_government", "foreign_minister",
                                           "defence_minister", "junta_leader"}
    assert reg.holders("MLI", "head_of_state", dt.date(2024, 3, 27)) == ["goita"]
    assert reg.holders("USA", "head_of_state", dt.date(2023, 1, 1)) == ["biden"]
    assert reg.holders("USA", "head_of_state", dt.date(2025, 6, 1)) == ["trump"]


def test_unknown_person_with_title_gives_country_and_is_reported():
    text = "Malian Foreign Minister Jane Doe met Russian Foreign Minister Sergei Lavrov in Moscow on Thursday."
    paragraphs = [text]
    sentences = split_sentences(paragraphs, ["en"])
    notes = Notes()
    [m] = extract_article("t", [(0, s.start, s.text, "en") for s in sentences], dt.date(2025, 4, 4), notes, ["en"])
    assert m.countries == ("MLI", "RUS") and m.actor_ids == ("lavrov",)
    assert [(n["kind"], n["surface"]) for n in notes.rows] == [("unmapped_name", "Jane Doe")]


def test_headline_in_the_present_takes_the_bodys_planned_status():
    """"Makarov at a meeting with Borisov" over a body that says the meeting will start at 11: one planned
    contact, not an occurred one that would also hide the planned one."""
    headline = "Макаров на среща с Борисов"
    body = "Премиерът Бойко Борисов ще разговаря с руския посланик Анатолий Макаров."
    found = extract_article("t", [(0, 0, body, "bg"), (HEADLINE_SENTENCE, 0, headline, "bg")],  # body first
                            Published.parse("2019-02-21"), Notes(), ["bg"])
    assert {(m.sentence_no, ";".join(m.countries), m.status) for m in found} == {
        (HEADLINE_SENTENCE, "BGR;RUS", "planned"), (0, "BGR;RUS", "planned")}


def test_subject_of_a_main_clause_without_contact():
    """"Mitrofanova said this after the meeting with Prime Minister Petkov": the ambassador introduced by
    title in an earlier sentence with no contact word is the subject of the meeting."""
    found, _ = mentions("Посланикът на Русия Елеонора Митрофанова каза пред bTV, че няма предвид България. "
                        "Митрофанова каза това след срещата с премиера Кирил Петков.", "bg", "2022-03-01")
    assert found == [("BGR;RUS", "meeting", "occurred", "2022-03")]
