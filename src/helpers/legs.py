"""Pass 6, legs: the mentions a segment gives, one per distinct contact it reports.

Rules:
- a phone call, message or congratulation with more than two states is one bilateral contact per
  counterpart with the first-named party ("Putin spoke to Goïta and to Sassou Nguesso" is two
  calls), and so are ambassadors presenting credentials to a head of state (with the head of
  state's country, wherever it is named) and "bilateral talks with his colleagues from France and
  Bulgaria";
- a visit to several countries with nobody named, continuing a story ("the envoys will visit A, B
  and C", "the tour includes ..."), is one visit per country by the story's traveller, each without
  the date of an earlier sentence;
- a visit naming more than two states with a person named is one bilateral visit per country
  with the first person named (who travels or hosts), or, when several people of distinct states
  are named and one state only as a place, one visit per visitor to that place (people of three
  states or more arriving elsewhere together are one gathering); a day given for
  the meeting with a named counterpart is not given to the tour's other stops;
- a message delivered at a reported reception is two contacts: the message and the envoy's meeting;
- each leg takes the most specific contact word nearest its counterpart ("held talks by video link
  with Egypt's minister, and later met Tanzania's");
- other contacts with three or more states are one multilateral mention;
- each leg takes the date written right after its party when the sentence has several, and a leg
  named after a future verb ("a trip that will also take him to Hungary") is a planned later stop,
  and in a planned tour a stop named before the only future marker ("after Kenya and Tanzania, he
  is to reach Cabo Verde") is one already made;
- topics come from keyword sets over the sentence.

Known limits: which state travels on a tour is the first person named, not the grammatical
subject.
"""

from __future__ import annotations

from collections.abc import Sequence

from helpers.actors import registry
from helpers.contact_dates import resolve_expression
from helpers.dates import ResolvedDate
from helpers.entities import organisation_members
from helpers.extraction_settings import SETTINGS
from helpers.language_rules import GENERIC, TYPE_ORDER
from helpers.morphology import WORD, is_future
from helpers.segment import Mention, Segment


def _mention(seg: Segment, countries: Sequence[str], actor_ids: Sequence[str], index: int, date: ResolvedDate,
             contact_type: str = "", status: str = "") -> Mention:
    reg = registry()
    ids = tuple(sorted(set(actor_ids)))
    start, end = seg.trigger_span
    return Mention(
        article_id=seg.article_id, sentence_no=seg.sentence_no, start=seg.offset, end=seg.offset + len(seg.text),
        sentence=seg.text, language=seg.language, type=contact_type or seg.type, status=status or seg.status,
        countries=tuple(sorted(set(countries))),
        participants=tuple(sorted(reg.actors[a].name for a in ids)), actor_ids=ids,
        date=date.value, date_precision=date.precision, date_raw=seg.date_raw,
        date_basis=date.rule, topics=tuple(sorted(t for t, r in seg.rules.topics.items() if r.search(seg.text))),
        trigger=seg.text[start:end], has_own_date=seg.own_date, index=index,
        subject_order=tuple(c for c in seg.ordered if c in countries))


def _credentials_host(seg: Segment) -> str:
    """Who receives the ambassadors' credentials: the state of the head of state named ("ambassadors
    from Ethiopia, Bangladesh and Mexico presented their credentials to President Mnangagwa")."""
    reg = registry()
    hosts = {code for _, code, aid in seg.actor_states
             if any(r.role in ("head_of_state", "junta_leader") for r in reg.roles_of(aid, seg.when))}
    return next(iter(hosts)) if len(hosts) == 1 else ""


def _hub(seg: Segment) -> str:
    """The party every leg shares, when the segment is several bilateral contacts; else ""."""
    bilateral = seg.rules.markers["bilateral"]
    one_each = seg.type in ("phone_call", "message", "congratulation") or seg.per_counterpart
    if (one_each or (bilateral and bilateral.search(seg.text))) and len(seg.ordered) > 2:
        return (_credentials_host(seg) if seg.per_counterpart else "") or seg.ordered[0]
    if seg.type == "visit" and len(seg.ordered) > 2 and seg.traveller:
        return seg.traveller  # the story's traveller visits each country named
    people = sorted([(p, c) for p, c, _ in seg.actor_states] + seg.people_states)
    tour = seg.rules.markers["tour"]
    if not people and (seg.type == "visit" or (tour and tour.search(seg.text))):
        # "the Romanian president continues his African tour", "the Russian foreign minister visited Kenya
        # and Burundi": the titled person travels
        titled = [(p, c) for p, c in sorted(seg.role_states)
                  if c not in organisation_members() and p < seg.trigger_span[0]]  # the subject, before the verb
        people = titled[:1] if len({c for _, c in titled}) == 1 else []  # one titled traveller, not a group
    if seg.type == "visit" and len(seg.ordered) > 2 and people:
        if len({c for _, c in people}) >= MULTILATERAL_PEOPLE and not _visited_place(seg):
            return ""  # "the heads of state X, Y, Z arrived at ...": one gathering, not a tour
        return _visited_place(seg) or people[0][1]  # the first person named travels (or hosts)
    return ""


MULTILATERAL_PEOPLE = 3  # people of this many states arriving together meet as one gathering


def _visited_place(seg: Segment) -> str:
    """"Baghdad was visited by the foreign ministers of the US, Iran and France": several people of
    distinct states and one state named only as a place: that place hosts each of them."""
    people = {c for _, c, _ in seg.actor_states} | {c for _, c in seg.people_states}
    if len(people) < 2:
        return ""
    places = {c for _, c in seg.states} - people
    if len(places) != 1:  # several: the capital named ("Baghdad was visited by the ministers of ...")
        capitals = {c.start for c in seg.country_mentions if c.alias_type in ("capital", "capital_cldr")}
        places = {c for p, c in seg.states if p in capitals} - people
    return next(iter(places)) if len(places) == 1 else ""


def _leg_types(seg: Segment, others: Sequence[str]) -> dict[str, list[str]]:
    """Each contact word belongs to the counterpart named nearest it."""
    positions = {code: pos for pos, code in sorted(seg.states + [(p, c) for p, c, _ in seg.actor_states], reverse=True)}
    words: dict[str, list[str]] = {c: [] for c in others}
    for t, found in seg.live.items():
        for span in found:
            if t not in GENERIC:
                words[min(others, key=lambda c: abs(span[0] - positions.get(c, 0)))].append(t)
    return words


def split_legs(seg: Segment) -> list[Mention]:
    hub = _hub(seg)
    if not hub:
        found = [_mention(seg, seg.ordered, seg.participants, 0, seg.date)]
        if seg.type == "message" and _envoy_received(seg):
            # "The president received the foreign minister, bearer of a letter from her president": the
            # message, and the envoy's own meeting (codebook 2).
            found.append(_mention(seg, seg.ordered, seg.participants, 1, seg.date, "meeting"))
        return found
    if seg.per_counterpart:  # the host of a credentials ceremony, for the lists of ambassadors that follow
        seg.context.credentials_host = (seg.sentence_no, hub)
        seg.context.credentials_date = seg.date if seg.own_date else seg.context.credentials_date
    reg, when = registry(), seg.when
    met = {c for _, c, _ in seg.actor_states}
    others = [c for c in seg.ordered if c != hub]
    words = _leg_types(seg, others)
    positions = _first_positions(seg)
    legs = []
    for k, other in enumerate(others):
        leg_type = next((t for t in TYPE_ORDER if t in words[other]), seg.type)
        leg_type = "meeting" if leg_type == "credentials" else leg_type
        leg_date = _leg_date(seg, positions.get(other, 0)) or seg.date
        if seg.type == "visit" and seg.date.precision == "day" and len(met) > 1 and other not in met:
            # "met Faye in Dakar on Wednesday, on a tour that also took him to Mauritania": the day is the
            # leg with the counterpart named, not the other stops.
            leg_date = ResolvedDate("", "unknown",
                                    f"another stop of the tour; '{seg.date_raw}' is the day of a named meeting")
        status = seg.status
        if seg.traveller and not seg.own_date:  # "the tour includes Ethiopia and Uganda": the stops' own dates
            leg_date = _next_stop_date(seg) if status == "planned" else \
                ResolvedDate("", "unknown", "a stop of the story's tour, with no date of its own")
        if status == "occurred" and _future_before(seg, positions.get(other, 0)):
            # "arrived in Paris, on a trip that will also take him to Hungary and Serbia": the next stops
            status, leg_date = "planned", _next_stop_date(seg)
        elif status == "planned" and seg.type == "visit" and _future_only_after(seg, positions.get(other, 0)):
            # "continues his tour: after Kenya and Tanzania, he is to reach Cabo Verde": the stops made
            status = "occurred"
            leg_date = ResolvedDate("", "unknown", "a stop of the tour already made, with no date of its own")
        participants = [a for a in seg.participants if reg.country_of(a, when) in (hub, other)]
        legs.append(_mention(seg, [hub, other], participants, k, leg_date, leg_type, status))
    return legs


def _envoy_received(seg: Segment) -> bool:
    """A reception word, then a person or office, then the message word ("received the minister, bearer
    of a letter"); not "received a letter" or "received on Monday a letter"."""
    messages = seg.live.get("message", [])
    persons = [p for p, _, _ in seg.actor_states] + [p for p, _ in seg.people_states + seg.role_states]
    for _, end in seg.live.get("meeting", []) + seg.live.get("visit", []):
        after = [m for m in messages if m[0] >= end]
        if after and any(end <= p < after[0][0] for p in persons):
            return True
    return False


def _first_positions(seg: Segment) -> dict[str, int]:
    return {code: pos for pos, code in sorted(seg.states + [(p, c) for p, c, _ in seg.actor_states], reverse=True)}


def _leg_date(seg: Segment, position: int) -> ResolvedDate | None:
    """With several dates in the sentence, each leg takes the date written right after its party
    ("Prabowo visits Japan from 29 to 31 March, while Macron goes there from 31 March to 2 April")."""
    dated = [e for e in seg.expressions if e.kind in ("full", "day_month", "month_year")]
    if len(dated) < 2:
        return None
    after = [e for e in dated if e.start >= position]
    chosen = after[0] if after else dated[-1]
    return resolve_expression(chosen, seg.published, seg.status)


def _future_between(seg: Segment, low: int, high: int) -> bool:
    """A future marker or a verb in a future form in seg.text[low:high]."""
    planned = seg.rules.markers["planned"]
    if planned and planned.search(seg.text, low, high):
        return True
    return any(is_future(m.group(0), seg.language) for m in WORD.finditer(seg.text, low, high))


def _future_before(seg: Segment, position: int) -> bool:
    """A future marker or verb between the contact word and this leg's party."""
    low = seg.trigger_span[1]
    return position > low and _future_between(seg, low, position)


def _future_only_after(seg: Segment, position: int) -> bool:
    """This leg's party is named after the contact word and before any future marker or verb of the
    sentence, and none stands before the contact word: the marker is about later stops."""
    start, end = seg.trigger_span
    low = max(0, start - SETTINGS.planned_window_before)
    return position > end and not _future_between(seg, low, position) and \
        _future_between(seg, position, len(seg.text))


def _next_stop_date(seg: Segment) -> ResolvedDate:
    published = seg.published
    if published is None:
        return ResolvedDate("", "unknown", "a later stop of the trip, no publication date")
    value = published.value[:7]
    return ResolvedDate(value, "month" if len(value) == 7 else "year",
                        "publication month: a later stop of the ongoing trip")
