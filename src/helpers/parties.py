"""Pass 2, parties: the states a segment names, the registry people in it, and the holders of the
offices it names.

Rules:
- countries (`helpers.entities`: names, inflections, demonyms, capitals) and registry actors
  (`helpers.actors`, whose country comes from their roles on the article's date). A word that
  reads as a country is not a person whose name resembles it, a country word inside a person's
  name ("Luís Montenegro") is not a country, and a title that stands for a country right before a
  person's name ("Bundeskanzler Karl Nehammer") is that person's title;
- an ambiguous country name (the bare "Congo") is resolved from the article's known parties, else
  noted and left out; an actor whose name two registry people share is resolved by the roles
  active on the date, else noted;
- a country right after a topic phrase ("the situation in", "a peace plan for": `topic_before_country`)
  is a subject of the talks, not a party (noted `topic_country`); a country word next to business
  nouns ("Russian businessmen", "Chinese companies") is business, not the state (noted
  `business_party`);
- a person outside the registry introduced earlier with a titled country keeps that country;
- an organisation with listed members (the Alliance of Sahel States, organizations.csv) stands for
  its member states;
- a role phrase ("the Malian foreign minister") makes the holder of that role on the article's date
  a participant, unless "deputy"/"vice" precedes the title (the country counts, the holder does
  not); a capitalised name right after a title that is not in the registry is noted
  (`unmapped_name`) and remembered when the title carries its country;
- a capital after "in"/"à" is the venue of a meeting between two other parties, not a party
  (noted `venue`); alone with one party, or with a visit, it is the host; so is the country an
  ambassador is posted to ("the ambassador of Angola in South Africa") when two others remain;
- a registry person named in full is recognised by the last name later in the article;
- with two states named before a discussion verb ("discussed", "обсудили"), countries after it are the
  agenda, not parties (noted `topic_country`); so are countries named only inside a quotation.

Known limits: the country of a role phrase is the nearest country within a window, whichever
side it stands on; a party named in an unrelated subordinate clause is still a party.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from helpers.actors import actor_matcher, registry
from helpers.entities import COMMON_WORD, CountryMention, country_matcher, organisation_members
from helpers.extraction_settings import SETTINGS
from helpers.segment import Notes, Segment

_NAME_AFTER_ROLE = re.compile(
    r"[\s,]{1,3}((?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]+\s){0,3}[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+)")  # "Foreign Minister Jane Doe"
# In a script without capitals (Arabic), a name after a title is the apposition between commas:
# "نائب وزير الخارجية الروسي، ميخائيل بوغدانوف، الذي ...".
_UNCASED_NAME_AFTER_ROLE = re.compile(r"\s*[،,]\s*((?:[\u0621-\u064A]+\s){1,2}[\u0621-\u064A]+)\s*[،,.]")


def _adjective_end(seg: Segment, position: int) -> int:
    """After a title, skip the country adjective that qualifies it ("وزير الخارجية الروسي")."""
    adjective = next((c for c in seg.country_mentions if 0 <= c.start - position <= 2), None)
    return adjective.end if adjective else position


_NOT_NAMES = {"of", "de", "du", "des", "din", "на", "the", "and", "și", "и", "y", "und", "e", "et", "wa", "la", "le",
              "al", "el", "in", "în", "в", "à", "a"}


def _actors_and_countries(seg: Segment) -> None:
    country_mentions = country_matcher(seg.language).find(seg.text)
    # A word that reads as a country ("Malian") is not a person whose name resembles it (Maleiane).
    actors = [a for a in actor_matcher().find(seg.text)
              if not any(c.start <= a.start and a.end <= c.end for c in country_mentions)]
    # ...and a country word inside a person's name ("Luís Montenegro") is not a country.
    seg.country_mentions = [c for c in country_mentions
                            if not any(a.start <= c.start and c.end <= a.end and a.end - a.start > c.end - c.start
                                       for a in actors)]
    # ...nor is a title that stands for a country ("Bundeskanzler" for Germany) right before a person's
    # name: "Bundeskanzler Karl Nehammer" is Austria's; the person gives the country.
    seg.country_mentions = [c for c in seg.country_mentions
                            if not (c.alias_type == "metonym" and
                                    any(a.start > c.end and not seg.text[c.end: a.start].strip() for a in actors))]
    seg.actors = actors


def _actor_states(seg: Segment) -> None:
    reg = registry()
    for a in seg.actors:
        candidates = list(a.actor_ids)
        if len(candidates) > 1:
            active = [c for c in candidates if reg.roles_of(c, seg.when)]
            candidates = active if len(active) == 1 else candidates
        if len(candidates) != 1:
            seg.note("ambiguous_actor", a.surface, ";".join(a.actor_ids))
            continue
        country = reg.country_of(candidates[0], seg.when)
        if country:
            seg.actor_states.append((a.start, country, candidates[0]))
            if len(a.surface.split()) > 1:  # "Boris Johnson" now, "Johnson" later in the article
                seg.context.introduce(reg.actors[candidates[0]].name, country)


def _drop_topic_countries(seg: Segment) -> None:
    before, after = seg.rules.topic_before_country, seg.rules.topic_after_country
    text = seg.text
    topical = [c for c in seg.country_mentions
               if (before and before.search(text[max(0, c.start - SETTINGS.topic_window): c.start]))
               or (after and after.match(text, c.end))]  # "the Russia-Ukraine war", "российско-украинского конфликта"
    # "... da República Democrática do Congo (RDC)": the abbreviation in brackets is the same topic
    topical += [c for c in seg.country_mentions for t in list(topical) if c.codes == t.codes
                and re.fullmatch(r"\s*\(", text[t.end: c.start]) and text[c.end: c.end + 1] == ")"]
    for c in topical:
        quote = text[max(0, c.start - 30): c.end]
        seg.note("topic_country", c.surface, f"'{quote}': a subject of the talks, not a party")
    seg.country_mentions = [c for c in seg.country_mentions if c not in topical]


def _drop_postings(seg: Segment) -> None:
    """"The ambassador of Angola in South Africa", "Balozi wa Tanzania nchini Russia", "Russia's
    ambassador to Mali": the country an ambassador is posted to is where he serves, not a party,
    when two other parties remain. The posting follows the ambassador's title, or his country after
    it, with only a posting preposition (`posting_before`) between."""
    posting, ambassador = seg.rules.posting_before, seg.rules.roles.get("ambassador")
    if not posting or not ambassador:
        return
    dropped = []
    for title in ambassador.finditer(seg.text):
        after = [c for c in seg.country_mentions if 0 <= c.start - title.end() <= SETTINGS.posting_window]
        anchor = title.end()
        for c in after:
            gap = seg.text[anchor: c.start]
            if posting.fullmatch(gap):
                dropped.append(c)
                break
            if len(gap) > SETTINGS.posting_gap or not re.fullmatch(r"[\s,]*(?:\w+\s+){0,3}", gap):
                break  # "of", "de", "wa Jamhuri ya": then the ambassador's own country
            anchor = c.end
    others = {code for c in seg.country_mentions if c not in dropped for code in c.codes} | \
        {c for _, c, _ in seg.actor_states}
    if dropped and len(others) >= 2:
        for c in dropped:
            seg.note("venue", c.surface, f"{';'.join(c.codes)}: where an ambassador is posted, not a party")
        seg.country_mentions = [c for c in seg.country_mentions if c not in dropped]


BUSINESS_GAP = 25  # a business noun this close to a country word makes it business, not the state


def _drop_business(seg: Segment) -> None:
    """"met Russian businessmen", "a delegation of Chinese companies": contacts with companies or
    business delegations are not state contacts (codebook 1): that country word is not a party."""
    business = seg.rules.markers["business_nouns"]
    if not business:
        return
    spans = [(m.start(), m.end()) for m in business.finditer(seg.text)]
    kept = []
    for c in seg.country_mentions:
        near = any(0 <= s - c.end <= BUSINESS_GAP or 0 <= c.start - e <= BUSINESS_GAP for s, e in spans)
        if near:
            seg.note("business_party", c.surface, f"{';'.join(c.codes)}: business people or companies, not the state")
        else:
            kept.append(c)
    seg.country_mentions = kept


def _drop_topic_zone(seg: Segment) -> None:
    """"Blinken and the British foreign minister discussed the Israel-Hamas conflict, relations with China
    and help for Ukraine": with two states named before a discussion verb, the countries after it are
    the agenda, not parties (people named after it still count)."""
    verbs = seg.rules.markers["topic_verbs"]
    if not verbs:
        return
    for verb in verbs.finditer(seg.text):
        start = verb.start()
        before = {c for p, c in seg.states if p < start} | {c for p, c, _ in seg.actor_states if p < start}
        if len(before) < 2:
            continue
        agenda = [(p, c) for p, c in seg.states if p > verb.end() and c not in before]
        people = [a for a in seg.actor_states if a[0] > verb.end() and a[1] not in before]
        for position, code in [*agenda, *[(p, c) for p, c, _ in people]]:
            seg.note("topic_country", seg.text[position: position + 30], f"{code}: named after '{verb.group(0)}', "
                                                                       "what the parties discussed")
        seg.states = [s for s in seg.states if s not in agenda]
        seg.actor_states = [a for a in seg.actor_states if a not in people]
        return


_LIST_GAP = re.compile(r"[\s,،]*(?:و|and|et|y|e|und|и|și|na)?\s*", re.IGNORECASE)


def _listed_with_countries(seg: Segment, mention: CountryMention) -> list[str]:
    """A name that is also a common word ("مالي": Mali, or "financial") listed next to other countries
    ("بوركينا فاسو ومالي والنيجر") is the country."""
    states = [c for c in mention.codes if c != COMMON_WORD]
    if len(states) != 1 or COMMON_WORD not in mention.codes:
        return []
    neighbours = [c for c in seg.country_mentions if c is not mention and not c.ambiguous and (
        _LIST_GAP.fullmatch(seg.text[c.end: mention.start]) or _LIST_GAP.fullmatch(seg.text[mention.end: c.start]))]
    return states if neighbours else []


def _states_from_countries(seg: Segment) -> None:
    """(position, code) of states and of organisations; ambiguous names resolved from known parties."""
    known = {c for _, c, _ in seg.actor_states} | {c for m in seg.context.mentions for c in m.countries}
    for m in seg.country_mentions:
        codes = m.codes
        if m.ambiguous:
            resolved = [c for c in codes if c in known] or _listed_with_countries(seg, m)
            if len(resolved) == 1:
                codes = tuple(resolved)
            else:
                seg.note("ambiguous_country", m.surface, f"candidates {';'.join(m.codes)}; not resolved from context")
                continue
        code = codes[0]
        (seg.orgs if code in organisation_members() else seg.states).append((m.start, code))


def _introduced_people(seg: Segment) -> None:
    taken = [(a.start, a.end) for a in seg.actors] + [(c.start, c.end) for c in seg.country_mentions]
    for start, end, country, name in seg.context.introduced_in(seg.text):
        if not any(s < end and start < e for s, e in taken):
            seg.states.append((start, country))
            seg.people_states.append((start, country))
            if seg.text[start:end] != name:
                seg.note("introduced_name", seg.text[start:end],
                         f"{country}: introduced earlier in the article as '{name}'")


def _organisation_members(seg: Segment) -> None:
    for position, code in seg.orgs:
        seg.states += [(position, member) for member in organisation_members()[code]]


def _near_countries(seg: Segment, position: int) -> list[str]:
    return [code for pos, code in seg.states if abs(pos - position) <= SETTINGS.role_country_window]


def _unmapped_name(seg: Segment, match, name, title_start: int, country_after: CountryMention | None) -> None:
    """A person named after a title who is not in the registry: noted, and remembered for the article
    when the title carries the country ("Malian Foreign Minister X", "le ministre ivoirien de la
    Défense X", "the minister of Portugal, X"), not when a country merely stands nearby."""
    near = _near_countries(seg, match.start())
    seg.note("unmapped_name", name.group(1),
             f"after role phrase '{match.group(0)}'; country {';'.join(sorted(set(near))) or 'unknown'}")
    attached = country_after or next((c for c in seg.country_mentions if not c.ambiguous and (
        title_start - SETTINGS.country_before_title <= c.end <= title_start or title_start <= c.start < match.end())),
        None)
    if attached:
        seg.context.introduce(name.group(1), attached.codes[0])


LEADER_ROLES = ("head_of_state", "head_of_government", "junta_leader")  # what a generic "leader" (role `leader`) can be


def _holders(seg: Segment, country: str, role: str) -> list[str]:
    """Who a role phrase of `country` names on the article's date. A generic leader ("the Ethiopian
    leader", "le dirigeant malien") is the head of state or government already named in this
    sentence or in an earlier contact of the article, else the head of state."""
    reg, when = registry(), seg.when
    if not when:
        return []
    if role != "leader":
        return reg.holders(country, role, when)
    leaders = {aid for r in LEADER_ROLES for aid in reg.holders(country, r, when)}
    named = [aid for aid in seg.participants if aid in leaders] + \
        [aid for m in reversed(seg.context.mentions) for aid in m.actor_ids if aid in leaders]
    return named[:1] or reg.holders(country, "head_of_state", when)


def _role_holders(seg: Segment) -> None:
    """Participants: the named actors plus the holders of role phrases on the article's date."""
    text, rules = seg.text, seg.rules
    seg.participants = [aid for _, _, aid in seg.actor_states]
    known_spans = [(a.start, a.end) for a in seg.actors] + [(c.start, c.end) for c in seg.country_mentions]
    for role, regex in rules.roles.items():
        for m in regex.finditer(text):
            # "Deputy Defence Minister", "vice-ministre": the country counts, the holder does not.
            window = text[max(0, m.start() - SETTINGS.deputy_window): m.start()]
            deputy = rules.deputy_before.search(window) if rules.deputy_before else None
            title_start = m.start() - len(window) + deputy.start() if deputy else m.start()
            # "the minister of foreign affairs of Portugal, João Gomes Cravinho", "министра обороны России
            # Юнус-Бек Евкуров": the title's country, then the name.
            country_after = next((c for c in seg.country_mentions
                                  if 0 <= c.start - m.end() <= SETTINGS.country_after_role and not c.ambiguous), None)
            after = country_after.end if country_after else m.end()
            name = (_NAME_AFTER_ROLE.match(text, after)
                    or _UNCASED_NAME_AFTER_ROLE.match(text, _adjective_end(seg, after)))
            if name and not any(s < name.end(1) and name.start(1) < e for s, e in known_spans) and \
                    name.group(1).split()[0].lower() not in _NOT_NAMES:
                _unmapped_name(seg, m, name, title_start, country_after)
                continue  # the person named is not the registry's holder
            near = _near_countries(seg, m.start())
            if role == "counterpart" or not near:
                continue
            # "президентом Мали", "the president of Mali": the country right after the title is its own;
            # else the nearest ("the Malian president").
            country = country_after.codes[0] if country_after else \
                min(((abs(pos - m.start()), code) for pos, code in seg.states if code in near))[1]
            seg.role_states.append((m.start(), country))  # "the Romanian president": a person of ROU
            if deputy:
                continue
            holders = _holders(seg, country, role)
            if any(aid in holders for aid in seg.participants):
                continue  # "the Malian president, Assimi Goïta": already named
            if len(holders) == 1:  # "the Peruvian president and his foreign minister, César Landa": both
                seg.participants.append(holders[0])


_ARTICLE_AT_END = re.compile(r"(?<!\w)\w{1,3}\s+$")  # "the", "la", "der": between a venue word and the city


_ATTACHED_PREFIX = re.compile(r"[\s,]*(?:(?<=\s)\w{1,2})?")  # "العاصمة الأردنية": the article ال on the word


def _adjacent(gap: str) -> bool:
    """Nothing but spaces, commas or a clitic prefix of the next word between two parts of a phrase."""
    return bool(_ATTACHED_PREFIX.fullmatch(gap))


def _city_phrase_start(seg: Segment, mention: CountryMention) -> tuple[int, bool]:
    """Where the city phrase around a country mention starts, and whether it names a capital: a capital's
    name, or a country next to a capital word ("the Jordanian capital, Amman", "العاصمة الأردنية عمان",
    "la capitale jordanienne")."""
    text, word = seg.text, seg.rules.capital_word
    capital = mention.alias_type in ("capital", "capital_cldr")
    if word is None:
        return mention.start, capital
    gap = len(text[mention.end:]) - len(text[mention.end:].lstrip(" ,"))
    if gap <= 2 and word.match(text, mention.end + gap):
        capital = True  # "the Jordanian capital"
    start = mention.start
    while True:
        before = text[max(0, start - 40): start]
        word_before = next((m for m in word.finditer(before) if _adjacent(before[m.end():])), None)
        same_before = next((c for c in seg.country_mentions if c.end <= start and _adjacent(text[c.end: start])
                            and c.codes == mention.codes), None)
        if word_before:
            start, capital = start - len(before) + word_before.start(), True
        elif same_before:
            start = same_before.start
        else:
            return start, capital


def _drop_venues(seg: Segment) -> None:
    """"Gabriel met Kenya's foreign minister in Brussels": a capital after "in" is where two other
    parties met, not a party (alone with one party it is the host: "arrived in Beijing")."""
    rules, text = seg.rules, seg.text
    if seg.live.get("visit"):
        return  # a visit's capital is where the visitor goes: the host
    venues = {}
    for c in seg.country_mentions:
        start, capital = _city_phrase_start(seg, c)
        before = text[max(0, start - SETTINGS.venue_window): start]
        if capital and rules.venue_before and (rules.venue_before.search(before) or
                                               rules.venue_before.search(_ARTICLE_AT_END.sub("", before))):
            venues[c.start] = c.surface  # "in Amman", "in the Jordanian capital", "en la capital"
    others = {code for pos, code in seg.states if pos not in venues} | {code for _, code, _ in seg.actor_states}
    if venues and len(others) >= 2:
        for pos, code in seg.states:
            if pos in venues and code not in others:
                seg.note("venue", venues[pos], f"{code}: where {';'.join(sorted(others))} met, not a party")
        seg.states = [(pos, code) for pos, code in seg.states if pos not in venues or code in others]


_QUOTE = re.compile(r"[“«„\"][^”»“\"]{3,400}[”»“\"]")


def _drop_quoted(seg: Segment) -> None:
    """Countries named only inside a quotation ("North Korea will certainly pay") are what was said,
    not parties, when two states are named outside it."""
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(seg.text)]
    if not quotes:
        return
    inside = [(p, c) for p, c in seg.states if any(s <= p < e for s, e in quotes)]
    outside = {c for p, c in seg.states if (p, c) not in inside} | {c for _, c, _ in seg.actor_states}
    if len(outside) < 2:
        return
    for position, code in inside:
        if code not in outside:
            seg.note("topic_country", seg.text[position: position + 30], f"{code}: named in a quotation")
    seg.states = [s for s in seg.states if s not in inside or s[1] in outside]


STEPS: Sequence = (_actors_and_countries, _actor_states, _drop_topic_countries, _drop_business, _drop_postings,
                   _states_from_countries,
                   _introduced_people, _organisation_members, _role_holders, _drop_venues, _drop_topic_zone,
                   _drop_quoted)


def find_parties(seg: Segment) -> None:
    for step in STEPS:
        step(seg)


def states_named(seg: Segment) -> list[str]:
    """The states a sentence names (countries, and registry people's countries), in order, without
    notes: for a sentence with no contact word, so that later sentences can refer back to it."""
    quiet = replace(seg, notes=Notes())
    # _role_holders too: a person introduced by title here ("Russia's ambassador Eleonora Mitrofanova said")
    # is known in the sentences after it
    for step in (_actors_and_countries, _actor_states, _states_from_countries, _introduced_people,
                 _organisation_members, _role_holders):
        step(quiet)
    ordered: list[str] = []
    for _, code in sorted([*quiet.states, *[(p, c) for p, c, _ in quiet.actor_states]]):
        if code not in ordered:
            ordered.append(code)
    return ordered
