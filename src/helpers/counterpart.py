"""Pass 3, subject and counterpart: the segment's parties in order, the subject first, completed
from the context when the sentence names only one side.

Rules:
- the parties are the states named and the countries of the people named, in order of position
  (the first named is the subject);
- "the two leaders", "both sides", "they" (`anaphora_pair`) with fewer than two people named: the
  parties (and people) of the article's previous mention;
- one party named, and the sentence opens with a subject pronoun ("He also spoke with..."), says it
  is a similar contact ("also", "another") or names a group ("the delegation", "the country"),
  right after a contact: the previous mention's subject is the other party;
- one party named in a clause that depends on a main clause ("..., the minister said after talks
  with her Kenyan colleague"): the main clause's subject is the other party;
- an organisation without listed members (the EU, the UN, the AU) is never a party (codebook 1):
  a contact of one state with one is set aside (noted `organisation_party`);
- fewer than two parties: no mention (one party is noted `single_party`).

Known limits: pronouns are resolved only at the start of a sentence; a subject carried from the
previous sentence is always that mention's first-named party.
"""

from __future__ import annotations

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
    """The sentence continues the last contact's story with one side left implicit."""
    markers = seg.rules.markers
    pronoun, group = markers["subject_pronoun"], markers["group_subject"]
    return (seg.sentence_no - seg.context.last_contact_sentence <= SETTINGS.pronoun_sentences and
            bool((pronoun and pronoun.match(seg.text.lstrip())) or seg.similar or (group and group.search(seg.text))))


def _with_subject_of(ordered: list[str], mention) -> list[str]:
    lead_party = next((c for c in mention.party_order() if c not in ordered), "")
    return [lead_party, *ordered] if lead_party else ordered


def find_subject_and_counterpart(seg: Segment) -> Rejection | None:
    ordered = _named_order(seg)
    anaphora = seg.rules.markers["anaphora_pair"]
    seg.anaphora = bool(anaphora and anaphora.search(seg.text))
    previous = seg.context.previous
    if seg.anaphora and previous is not None and len({c for _, c, _ in seg.actor_states}) < 2:
        ordered = list(previous.countries)
        seg.participants = list(dict.fromkeys([*previous.actor_ids, *seg.participants]))
    if len(ordered) == 1 and previous is not None and _refers_to_previous(seg):
        completed = _with_subject_of(ordered, previous)
        if completed != ordered:
            seg.note("pronoun_resolved", seg.head, f"subject taken from mention {previous.mention_id}: {completed[0]}")
        ordered = completed
    if len(ordered) == 1 and seg.main_clause:
        ordered = _with_subject_of(ordered, seg.main_clause[0])
    seg.ordered = ordered
    organisations = sorted({c for _, c in seg.orgs if not organisation_members()[c]})
    if len(ordered) < 2 and organisations:
        return Rejection("organisation_party", f"{';'.join(organisations)} with {';'.join(ordered) or 'no state'}: "
                                               "an organisation is not a state party")
    if len(ordered) == 1:
        return Rejection("single_party", f"contact words but one party ({ordered[0]})")
    return Rejection("no_party") if not ordered else None
