"""Pass 3, subject and counterpart: the segment's parties in order, the subject first, completed
from the context when the sentence names only one side.

Rules:
- the parties are the states named and the countries of the people named, in order of position
  (the first named is the subject);
- "the two leaders", "both sides", "they" (`anaphora_pair`) with fewer than two people named: the
  parties (and people) of the article's recent mention, else the two states named in the sentences
  just before ("X's foreign minister asked his Russian counterpart ... The two ministers met");
- one party named that is one side of the recent bilateral contact ("The visit of the Russian
  minister to the country continues on Wednesday"): that contact's pair (noted `story_pair`);
- one party named, and a subject pronoun stands before the contact word ("Upon arrival, he had a
  brief meeting with..."), the sentence says it is a similar contact ("also", "another") or names a
  group ("the delegation", "the country"), right after a contact: the previous mention's subject is
  the other party;
- one party named in a clause that depends on a main clause ("..., the minister said after talks
  with her Kenyan colleague"): the main clause's subject is the other party;
- an organisation without listed members (the EU, the UN, the AU) is never a party (codebook 1):
  a contact of one state with one is set aside (noted `organisation_party`);
- fewer than two parties: no mention (one party is noted `single_party`).

Known limits: pronouns are resolved only at the start of a sentence; a subject carried from the
previous sentence is always that mention's first-named party.
"""

from __future__ import annotations

import re

from helpers.entities import organisation_members
from helpers.extraction_settings import SETTINGS
from helpers.segment import Rejection, Segment


def _named_order(seg: Segment) -> list[str]:
    ordered: list[str] = []
    for _, code in sorted([*seg.states, *[(p, c) for p, c, _ in seg.actor_states]]):
        if code not in ordered:
            ordered.append(code)
    return ordered


def _refers_to_previous(seg: Segment) -> bool:
    """The sentence continues the last contact's story with one side left implicit: a subject pronoun
    before the contact word ("Upon arrival, he had a brief meeting with..."), "also"/"similar", or a
    group ("the delegation", "the country")."""
    markers = seg.rules.markers
    pronoun, group = markers["subject_pronoun"], markers["group_subject"]
    before_trigger = seg.text[: seg.live_start]
    return (seg.sentence_no - seg.context.last_contact_sentence <= SETTINGS.pronoun_sentences and
            bool((pronoun and pronoun.search(before_trigger)) or seg.similar or (group and group.search(seg.text))))


def _with_subject_of(ordered: list[str], mention) -> list[str]:
    lead_party = next((c for c in mention.party_order() if c not in ordered), "")
    return [lead_party, *ordered] if lead_party else ordered


def _recent_mention(seg: Segment):
    previous = seg.context.previous
    if previous is not None and seg.sentence_no - previous.sentence_no <= SETTINGS.story_sentences:
        return previous
    return None


def _recently_named(seg: Segment) -> list[str]:
    """The states named in the last sentences before this one (most recent first), for "the two
    leaders" or a pronoun when no contact was reported yet."""
    found: list[str] = []
    for sentence_no, states in reversed(seg.context.named):
        if sentence_no < seg.sentence_no - SETTINGS.story_sentences or sentence_no >= seg.sentence_no:
            continue
        found += [c for c in states if c not in found]
    return found


def _pair_from_context(seg: Segment, ordered: list[str]) -> list[str]:
    """"The two leaders", "both sides", "they" with fewer than two people named: the parties of the
    article's recent contact, else the two states named just before."""
    previous = _recent_mention(seg)
    if previous is not None:
        seg.participants = list(dict.fromkeys([*previous.actor_ids, *seg.participants]))
        return _without_organisations(seg, list(previous.countries))
    recent = _recently_named(seg)
    if len(recent) >= 2 and len(ordered) < 2:
        return recent[:2][::-1]
    lead = seg.context.lead  # "The previous call of the leaders was in August": the article's main pair
    return list(lead.countries) if lead is not None and len(ordered) < 2 else ordered


def _complete_single(seg: Segment, ordered: list[str]) -> list[str]:
    """One party named: the other one from the story around it."""
    previous = _recent_mention(seg)
    if previous is not None and ordered[0] in previous.countries and len(previous.countries) == 2:
        completed = _with_subject_of(ordered, previous)  # the story's pair: one side named again
        seg.note("story_pair", seg.head, f"{completed[0]} from mention {previous.mention_id} of the same pair")
        return completed
    if previous is not None and _refers_to_previous(seg):
        completed = _with_subject_of(ordered, previous)
        if completed != ordered:
            seg.note("pronoun_resolved", seg.head, f"subject taken from mention {previous.mention_id}: {completed[0]}")
        return completed
    if seg.main_clause:
        return _with_subject_of(ordered, seg.main_clause[0])
    subject = next((c for c in seg.main_states if c not in ordered), "")
    if subject:  # "Mitrofanova said this after the meeting with Prime Minister Petkov"
        seg.note("pronoun_resolved", seg.head, f"subject taken from the main clause: {subject}")
        return [subject, *ordered]
    pronoun = seg.rules.markers["subject_pronoun"]
    if previous is None and pronoun and pronoun.search(seg.text[: seg.live_start]):
        # "Erdogan was re-elected. The latter and the Algerian president spoke by phone": the state named
        # just before.
        recent = [c for c in _recently_named(seg) if c not in ordered]
        if recent:
            seg.note("pronoun_resolved", seg.head, f"subject taken from the sentence before: {recent[0]}")
            return [recent[0], *ordered]
    return ordered


def _with_story_traveller(seg: Segment, ordered: list[str]) -> list[str]:
    """"The envoys will visit Nigeria, Niger and Ghana", "the tour includes Egypt, Ethiopia and Uganda": a
    visit to several countries with nobody named, after a contact of the story, is the story's traveller's
    tour: the traveller (the party of the last visit, else of the last contact, that is not one of the
    places named; else its subject) visits each."""
    tour, group = seg.rules.markers["tour"], seg.rules.markers["group_subject"]
    on_tour = bool(tour and tour.search(seg.text))
    people = seg.actor_states or seg.people_states  # a bare title ("the envoys") names nobody
    if people or not (seg.live.get("visit") or on_tour):
        return ordered
    previous = _recent_mention(seg)
    if previous is None or not (on_tour or (group and group.search(seg.text[: seg.live_start]))):
        return ordered
    visits = [m for m in seg.context.mentions if m.type == "visit" and
              seg.sentence_no - m.sentence_no <= SETTINGS.story_sentences]
    story = visits[-1] if visits else previous
    parties = story.party_order()
    traveller = next((c for c in parties if c not in ordered), parties[0])  # not one of the places visited
    seg.traveller = traveller
    seg.note("pronoun_resolved", seg.head, f"the traveller of mention {story.mention_id}: {traveller}, "
                                           "one visit to each country")
    return [traveller, *[c for c in ordered if c != traveller]]


def _without_organisations(seg: Segment, ordered: list[str]) -> list[str]:
    """Organisations (the EU, the UN, the AU, also through their officials in the registry) are not
    parties (codebook 1)."""
    members = organisation_members()
    dropped = [c for c in ordered if c in members and not members[c]]
    if dropped:
        seg.orgs += [(0, c) for c in dropped if (0, c) not in seg.orgs]
    return [c for c in ordered if c not in dropped]


def _between_parties(seg: Segment, ordered: list[str]) -> list[str]:
    """"A meeting between South Korea's President Yoon and Japan's Prime Minister Kishida": the parties
    are the two named in the between-phrase after the contact word, not the others of the sentence."""
    between = seg.rules.markers["between"]
    if not between or len(ordered) < 3:
        return ordered
    for found in seg.live.values():
        for _, end in found:
            m = between.match(seg.text, end) or between.match(seg.text, end + 1)
            if not m:
                continue
            stop = re.search(r"[.;:]|,\s", seg.text[m.end():])
            limit = m.end() + (stop.start() if stop else len(seg.text))
            inside = [c for p, c in sorted([*seg.states, *[(p, c) for p, c, _ in seg.actor_states]])
                      if m.end() <= p < limit]
            inside = list(dict.fromkeys(inside))
            if len(inside) >= 2:
                return [c for c in ordered if c in inside]
    return ordered


def find_subject_and_counterpart(seg: Segment) -> Rejection | None:
    ordered = _between_parties(seg, _without_organisations(seg, _named_order(seg)))
    seg.context.named.append((seg.sentence_no, list(ordered)))
    anaphora = seg.rules.markers["anaphora_pair"]
    seg.anaphora = bool(anaphora and anaphora.search(seg.text))
    if seg.anaphora and len({c for _, c, _ in seg.actor_states}) < 2:
        ordered = _pair_from_context(seg, ordered)
    host = seg.context.credentials_host
    if seg.live.get("credentials") and host and 0 < seg.sentence_no - host[0] <= SETTINGS.story_sentences:
        # the ambassadors of the ceremony reported just before: its host first, even when the sentence names
        # the host's country again ("resident in Angola")
        ordered = [host[1], *(c for c in ordered if c != host[1])]
        seg.context.credentials_host = (seg.sentence_no, host[1])  # a list of ambassadors may run on
    if len(ordered) == 1:
        ordered = _complete_single(seg, ordered)
    elif len(ordered) >= 2:
        ordered = _with_story_traveller(seg, ordered)
    seg.ordered = ordered
    organisations = sorted({c for _, c in seg.orgs if not organisation_members()[c]})
    if len(ordered) < 2 and organisations:
        return Rejection("organisation_party", f"{';'.join(organisations)} with {';'.join(ordered) or 'no state'}: "
                                               "an organisation is not a state party")
    if len(ordered) == 1:
        if seg.live.get("credentials"):
            from helpers.contact_dates import ceremony_date

            seg.context.credentials_host = (seg.sentence_no, ordered[0])
            seg.context.credentials_date = ceremony_date(seg)
        return Rejection("single_party", f"contact words but one party ({ordered[0]})")
    return Rejection("no_party") if not ordered else None
