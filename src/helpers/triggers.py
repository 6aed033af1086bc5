"""Pass 1, triggers: does the segment report a contact, and with which words?

Rule: a contact word of the language's lexicon (`contact` in data/reference/lang/<code>.yaml,
by type: phone_call, message, summit, visit, meeting, signing and a generic `talks`), or any
inflection of a contact verb (`morphology.contact_lemmas`, through `helpers.morphology`), reports
a contact, unless it only refers back to one already reported ("the call", "разговора", "această
întâlnire": `continuation`) or is a media interview ("un entretien au journal":
`media_interview`). A comma-delimited side remark (", who has visited the region several
times,": `relative_clause`) neither reports the sentence's contact, nor denies it, nor makes it
habitual. A denial or cancellation (`negation`) or a habitual statement (`habitual`) rejects the
segment. A sentence with only references reports a contact when the article has none before it
(the reference is then the report).

Known limits: markers are matched anywhere in the sentence (outside side remarks), so a denial of
another contact in the same sentence rejects this one too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from helpers.extraction_settings import SETTINGS
from helpers.morphology import contact_lemma_spans
from helpers.segment import Rejection, Segment, Span


def spans(regex: re.Pattern[str] | None, text: str) -> list[Span]:
    return [(m.start(), m.end()) for m in regex.finditer(text)] if regex else []


def inside(span: Span, others: Sequence[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in others)


AGENDA_GAP = 30  # a contact noun this close after a discussion verb is what was discussed


def _without_agenda_items(seg: Segment, live: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """"Blinken spoke with Vieira and discussed a trip to Washington by Lula": the trip discussed is not
    the contact reported (it is kept only when nothing else reports one)."""
    verbs = seg.rules.markers["topic_verbs"]
    if not verbs:
        return live
    ends = [m.end() for m in verbs.finditer(seg.text)]
    agenda = {t: [h for h in found if t in ("visit", "summit") and any(0 <= h[0] - e <= AGENDA_GAP for e in ends)]
              for t, found in live.items()}
    kept = {t: [h for h in found if h not in agenda[t]] for t, found in live.items()}
    return kept if any(kept.values()) else live


def _ambassadors_of_ceremony(seg: Segment) -> dict[str, list[Span]]:
    """A sentence shortly after a credentials ceremony that named no ambassador's country, naming
    ambassadors ("Au fost acreditați E.S. ..., ambasadorul Uniunii Australiei, ...", "Trata-se dos
    embaixadores da Itália, ..."): their credentials (`story_sentences` at most after the ceremony)."""
    host = seg.context.credentials_host
    if host is None or not 0 < seg.sentence_no - host[0] <= SETTINGS.story_sentences:
        return {}
    return {"credentials": spans(seg.rules.roles.get("ambassador"), seg.text)}


def find_triggers(seg: Segment) -> Rejection | None:
    rules, text = seg.rules, seg.text
    hits = {t: spans(r, text) for t, r in rules.triggers.items()}
    for t, found in contact_lemma_spans(text, seg.language).items():  # any inflection of a contact verb
        taken = [h for hs in hits.values() for h in hs]
        hits.setdefault(t, []).extend(f for f in found if not any(f[0] < e and s < f[1] for s, e in taken))
    ceremony = _ambassadors_of_ceremony(seg).get("credentials", [])
    if ceremony and not hits.get("credentials"):  # "the head of state received the letters of the ambassadors of"
        hits["credentials"] = ceremony
    if not any(hits.values()):
        return Rejection("no_trigger")
    interviews = spans(rules.markers["media_interview"], text)  # "un entretien au journal Les Echos"
    hits = {t: [h for h in found if not any(h[0] < e and s < h[1] for s, e in interviews)] for t, found in hits.items()}
    if not any(hits.values()):
        return Rejection("no_trigger")
    # With no contact reported before, a reference ("during the phone call, the ministers discussed")
    # is the report itself; afterwards it refers back.
    continuation = spans(rules.markers["continuation"], text) if seg.context.mentions else []
    seg.similar = spans(rules.markers["similar"], text)
    live = {t: [h for h in found if not inside(h, continuation)] for t, found in hits.items()}
    live = _without_agenda_items(seg, live)
    side = spans(rules.relative_clause, text)
    in_claim = {t: [h for h in found if not inside(h, side)] for t, found in live.items()}
    if any(in_claim.values()):
        live = in_claim  # "X, who has visited Y several times, also met Z": the claim is the meeting
    claim = rules.relative_clause.sub(",", text) if rules.relative_clause else text
    if rules.markers["negated_topic"]:  # "discussed the lifting of sanctions": a subject, not a denial
        claim = rules.markers["negated_topic"].sub(" ", claim)
    if rules.markers["negation"] and rules.markers["negation"].search(claim):
        return Rejection("rejected_negated", "denied or cancelled contact")
    if rules.markers["habitual"] and rules.markers["habitual"].search(claim):
        return Rejection("rejected_habitual", "habitual/background statement")
    if not any(live.values()):
        if seg.context.mentions:
            return Rejection("reference_only")
        live = hits  # nothing to refer back to: the reference is the report
    seg.live = live
    return None
