"""Pass 4, type and status: what kind of contact the segment reports, and whether it took place.

Rules:
- the type is the first of phone_call, message, summit, visit, meeting, talks found among the
  reporting words; a summit with fewer than three parties needs two of them named in the sentence
  itself and a word of taking part ("the president heads to Russia to take part in the Russia-Africa
  summit"), else it is a background reference ("agreements reached at the last summit, both leaders
  said", "Putin pledged during the conference to provide grain to Mali": `summit_reference`);
- "the two sides discussed ..." (a generic `talks` by the parties of the contact just reported,
  with no date phrase of its own) elaborates on that contact: no new mention (`elaboration`);
- a generic `talks` takes the type of the clause it depends on, else of a typed contact a few
  sentences back (or of any previous one when the sentence says "also"/"similar"), else `other`;
- `planned` when a future marker (`planned` in the lexicon: "will", "is expected to") stands within a
  window around the trigger, or the trigger's verb is in a future or conditional form
  (`helpers.morphology`: "rencontreront", "conversará", "проведут", "سيلتقي", "atakutana"), else
  `occurred`. (A bare month just after
  publication can still make it planned: see `contact_dates`.)

Known limits: the future marker is searched in a character window, not in the trigger's clause.
"""

from __future__ import annotations

import re

from helpers.contact_dates import find_date_expressions
from helpers.contact_types import TYPE_CLASS
from helpers.extraction_settings import SETTINGS
from helpers.language_rules import GENERIC, TYPE_ORDER
from helpers.morphology import future_near, future_words
from helpers.segment import Rejection, Segment

# "Held talks", "discussed with" with no typed contact before it: talks are in person unless the
# text says otherwise (a phone word types the contact as a call before this applies).
GENERIC_TALKS_TYPE = "meeting"


def choose_type(live: dict[str, list[tuple[int, int]]], n_states: int) -> str:
    """The contact type by priority (a summit with two identifiable states, the host and one other, is
    still a contact: codebook 1-2)."""
    return next((t for t in TYPE_ORDER if live.get(t)), "")


def _drop_trailing_clause_parties(seg: Segment) -> None:
    """"Recevant le chancelier allemand, Macron a appelé ..., après le retour de Donald Trump": a third
    state named only in a clause after the contact word and both its parties is not a party."""
    breaks = seg.rules.clause_break
    if breaks is None:
        return
    positions: dict[str, list[int]] = {}
    for pos, code in [*seg.states, *[(p, c) for p, c, _ in seg.actor_states]]:
        positions.setdefault(code, []).append(pos)
    for m in breaks.finditer(seg.text, seg.trigger_span[1]):
        before = [c for c in seg.ordered if min(positions.get(c, [len(seg.text)])) < m.start()]
        if len(before) < 2:
            continue
        trailing = [c for c in seg.ordered if c not in before]
        if trailing:
            seg.note("trailing_clause", seg.text[m.start(): m.start() + 40],
                     f"{';'.join(trailing)} named only after the contact's clause: not a party")
            seg.ordered = before
        return


_PERSON_NAME = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+")


def _has_traveller(seg: Segment) -> bool:
    """A visit needs someone who travels or hosts: a person (in the registry, introduced, or a name),
    a role title, a seat of power standing for one, or a delegation (or a subject carried from the
    story: "the delegation", "he"). Scripts without capitals are not checked."""
    group = seg.rules.markers["group_subject"]
    countries = [(c.start, c.end) for c in seg.country_mentions]
    names = [m for m in _PERSON_NAME.finditer(seg.text) if not any(s <= m.start() < e for s, e in countries)]
    return bool(seg.actor_states or seg.people_states or seg.role_states or seg.participants or seg.anaphora
                or names or any(c.alias_type == "metonym" for c in seg.country_mentions)
                or (group and group.search(seg.text)) or len(seg.ordered) > len(_named(seg))
                or not re.search(r"[A-Za-zА-Яа-я]", seg.text))


def _named(seg: Segment) -> set[str]:
    return {c for _, c in seg.states} | {c for _, c, _ in seg.actor_states}


def _summit_reference(seg: Segment) -> bool:
    participation = seg.rules.markers["participation"]
    named_here = {c for _, c in seg.states} | {c for _, c, _ in seg.actor_states}
    return len(seg.ordered) < 3 and (len(named_here) < 2 or not (participation and participation.search(seg.text)))


def _is_elaboration(seg: Segment) -> bool:
    previous = seg.context.previous
    return (seg.type in GENERIC and seg.anaphora and previous is not None and
            seg.sentence_no - previous.sentence_no <= SETTINGS.elaboration_sentences and
            set(seg.ordered) == set(previous.countries) and not seg.expressions)


def _talks_type(seg: Segment) -> str:
    """The type of a generic "talks" or signing: the clause's it depends on, a recent typed contact's,
    else in person (signing together with a named counterpart is an encounter)."""
    previous = seg.context.previous
    fallback = GENERIC_TALKS_TYPE
    if seg.inherited_type:
        return seg.inherited_type
    if previous is None:
        return fallback
    recent = seg.sentence_no - previous.sentence_no <= SETTINGS.talks_type_sentences
    if seg.similar or (previous.type != "other" and recent):
        return previous.type
    return fallback


def _nearest_trigger(seg: Segment, position: int) -> tuple[int, int]:
    """The contact word a marker belongs to: the first one after it in its clause ("will ... meet",
    "wird er am Sonntag ... treffen"), else the nearest one before it."""
    triggers = sorted(span for found in seg.live.values() for span in found)
    following = [s for s in triggers if s[0] >= position and not re.search(r"[.;!?]", seg.text[position: s[0]])
                 and seg.text.count(",", position, s[0]) <= 1]
    if following:
        return following[0]
    return min(triggers, key=lambda span: min(abs(position - span[0]), abs(position - span[1])))


def _one_contact(seg: Segment, span: tuple[int, int]) -> bool:
    """A contact word that reports this segment's contact: its own word, or an earlier word of the same contact
    class ("will meet Macron during an official visit to France": the meeting and the visit are one in-person
    contact, codebook 2). A later one is another contact ("met Ramaphosa a week before the summit that will
    open in Kazan")."""
    if span == seg.trigger_span:
        return True
    if span[0] > seg.trigger_span[0]:
        return False
    kind = next((t for t, spans in seg.live.items() if span in spans), "")
    return TYPE_CLASS.get(kind) is not None and TYPE_CLASS.get(kind) == TYPE_CLASS.get(seg.type) != "any"


def _status(seg: Segment) -> str:
    """Planned when a future marker in the window belongs to this contact's word, or to a word of the same
    contact class (`_one_contact`), rather than to a contact word of another class ("held a phone call in
    which they discussed an upcoming visit" keeps the call occurred), or the contact's verb is in a future
    form."""
    start, end = seg.trigger_span
    low, high = max(0, start - SETTINGS.planned_window_before), end + SETTINGS.planned_window_after
    markers = [seg.rules.markers["planned"]]
    if seg.type in ("visit", "summit"):  # "was invited to Romania in a phone call": the visit, not the call
        markers.append(seg.rules.markers["invitation"])
    for regex in markers:
        for marker in regex.finditer(seg.text, low, high) if regex else ():
            if _one_contact(seg, _nearest_trigger(seg, marker.start())):
                return "planned"
    if future_near(seg.text, seg.trigger_span, seg.language):
        return "planned"
    # "la cumbre del G20, que se celebrará los días 20 y 21": a future verb of the contact's clause
    for word in future_words(seg.text[low:high], seg.language):
        if _one_contact(seg, _nearest_trigger(seg, low + word.start())):
            return "planned"
    return "occurred"


def _intention(seg: Segment) -> str:
    """"Expressed readiness to organise a meeting": an intention just before the contact word, no contact."""
    intention = seg.rules.markers["intention"]
    start = seg.trigger_span[0]
    for m in intention.finditer(seg.text, max(0, start - SETTINGS.intention_window), start + 1) if intention else ():
        if _nearest_trigger(seg, m.end()) == seg.trigger_span:
            return m.group(0)
    return ""


def decide_type_and_status(seg: Segment) -> Rejection | None:
    seg.type = choose_type(seg.live, len(seg.ordered))
    if seg.type == "summit" and _summit_reference(seg):
        # "On the sidelines of the summit, X met Y": the meeting, not the summit.
        seg.live = {t: spans for t, spans in seg.live.items() if t != "summit"}
        seg.type = choose_type(seg.live, len(seg.ordered))
        if not seg.type:
            return Rejection("summit_reference", "summit/conference words, fewer than three parties, and no two of "
                                                 "them named with a word of taking part: a background reference")
    live = seg.live
    seg.trigger_span = live[seg.type][0] if live.get(seg.type) else next(s for t in TYPE_ORDER for s in live.get(t, []))
    if seg.type in ("meeting", "signing", "talks") and len(seg.ordered) >= 3:
        _drop_trailing_clause_parties(seg)  # calls, messages and visits split into legs instead
    seg.expressions = find_date_expressions(seg.text, seg.rules)
    if _is_elaboration(seg):
        seg.context.last_contact_sentence = seg.sentence_no
        return Rejection("elaboration", f"discussion by the parties of mention {seg.context.previous.mention_id}, "
                                        "no new date or contact type")
    if seg.type in GENERIC:
        seg.type = _talks_type(seg)
    if seg.type == "credentials":  # ambassadors presenting credentials: a meeting with each of them
        seg.type, seg.per_counterpart = "meeting", True
    if seg.type == "visit" and not _has_traveller(seg):
        return Rejection("visit_without_traveller", "a visit word but no person, office or delegation: things "
                                                    "arriving (weapons, aid, investment), not a contact")
    if intention := _intention(seg):
        return Rejection("rejected_intention", f"'{intention}': an intention or readiness, not a contact")
    seg.status = _status(seg)
    return None
