"""Extraction settings: every window, distance and threshold the extraction passes use, named once.

Distances are in characters of the sentence, gaps in sentences of the article. The passes read
`SETTINGS`; a test or a benchmark may build another `ExtractionSettings` and pass it on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractionSettings:
    # status: a future marker this close before/after the trigger makes the contact planned (before: long
    # enough for a German verb-final clause, "wird er am Sonntag sowohl den Präsidenten ... als auch ... treffen")
    planned_window_before: int = 140
    planned_window_after: int = 80
    # status: an intention ("readiness to organise") this close before the contact word rejects it
    intention_window: int = 60
    # parties: a country this close to a role title is the country of its holder
    role_country_window: int = 60
    # parties: "deputy"/"vice" this close before a title makes it a deputy's title
    deputy_window: int = 30
    # parties: a country this close after a title ("the minister of foreign affairs of Portugal")
    country_after_role: int = 6
    # parties: a country ending this close before a title carries it ("Malian Foreign Minister X")
    country_before_title: int = 4
    # parties: a topic phrase ("the situation in") this close before a country makes it a subject
    topic_window: int = 60
    # parties: "in"/"à" this close before a capital makes it a venue
    venue_window: int = 12
    # parties: an ambassador's posting ("ambassador of Angola in South Africa") is a country this close
    # after the title, reached over words of at most this many characters ("of", "wa Jamhuri ya")
    posting_window: int = 46
    posting_gap: int = 25
    # dates: a past marker ("last") this close to a bare month keeps it in the past
    past_marker_window: int = 25
    # dates: a bare month up to this many months after publication, not marked past, is upcoming
    upcoming_months: int = 3
    # dates: the previous mention's date is carried over at most this many sentences
    carry_sentences: int = 2
    # type: a generic "talks" takes the type of a typed contact at most this many sentences back
    talks_type_sentences: int = 3
    # subject: a pronoun or "the delegation" refers to a contact at most this many sentences back
    pronoun_sentences: int = 1
    # subject: "the two leaders", or one side of a pair named again, refers to a contact or to states named
    # at most this many sentences back
    story_sentences: int = 3
    # elaboration: "the two sides discussed ..." refers to a contact at most this many sentences back
    elaboration_sentences: int = 1
    # dates: a date this many days after publication in the article's lead makes it the announcement of an
    # imminent event (its undated planned contacts get the publication month); the lead is this many sentences
    imminent_days: int = 14
    lead_sentences: int = 3
    # planned then occurred: an occurred contact dated this many days or more before publication is an
    # earlier one, not the planned contact having taken place
    happened_since_days: int = 14
    # notes: how much of a sentence a note quotes
    note_chars: int = 160
    # input: a "sentence" longer than this (a page with no sentence punctuation, a 5 MB line) is not prose; it is
    # not read for contacts and an extraction note says so (a real sentence of 20,000 characters still is)
    max_sentence_chars: int = 50_000


SETTINGS = ExtractionSettings()
