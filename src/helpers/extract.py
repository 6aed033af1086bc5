"""Extraction stage: diplomatic-contact mentions from clean article sentences.

Each sentence is cut into clauses where a second contact hangs on the first ("a day after X": X
one day earlier; "... said after talks with Y": a second contact whose subject is the main
clause's), and each clause, with the article's earlier mentions as context, goes through the
passes in order, each in its own module with its rule and limits:

1. `triggers`: contact words that report a contact (not references back, not side remarks);
   denials, cancellations and habitual statements give none;
2. `parties`: countries, registry people and the holders of role phrases; topics, venues,
   deputies and unmapped names set aside;
3. `counterpart`: the parties in order, completed from the previous contact or the main clause
   when the sentence names one side;
4. `status`: the type (a summit with two parties needs both named and a word of taking part; a
   generic "talks" or a signing takes its type from context; elaborations give no new contact) and
   planned/occurred (markers, grammatical future);
5. `contact_dates`: the date and how it was decided;
6. `legs`: one mention per distinct contact (tours and multi-party calls split).

A pass that finds no contact returns a `segment.Rejection` naming the rule; noted kinds go to
`extraction_notes.csv`. Windows and thresholds are in `helpers.extraction_settings`.

Known limits: rules, not a parser (see each pass); nothing crosses articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from helpers.actors import registry
from helpers.contact_dates import BACKGROUND, decide_date, note_imminent
from helpers.contact_types import same_contact_class
from helpers.counterpart import find_subject_and_counterpart
from helpers.dates import Published, ResolvedDate, shift_days
from helpers.extraction_settings import SETTINGS
from helpers.language_rules import language_rules
from helpers.legs import split_legs
from helpers.lexicon import load_lexicon
from helpers.parties import find_parties, states_named
from helpers.segment import NOTED, ArticleContext, Mention, Notes, Segment
from helpers.status import decide_type_and_status
from helpers.textlines import clip
from helpers.triggers import find_triggers

# The headline is analysed after the body (so that people the body introduces are known), as sentence -1
# (it is not in the clean body: start = end = 0).
HEADLINE_SENTENCE = -1

PASSES = (find_triggers, find_parties, find_subject_and_counterpart, decide_type_and_status, decide_date)


def analyse(seg: Segment) -> list[Mention]:
    """The mentions of one segment: the passes in order, then its legs (none when a pass rejects it)."""
    for step in PASSES:
        rejection = step(seg)
        if rejection is not None:
            if rejection.kind in NOTED:
                seg.note(rejection.kind, seg.head, rejection.detail)
            return []
    return split_legs(seg)


def _with_clause(found: list[Mention], sub: list[Mention]) -> list[Mention]:
    """A sentence's mentions followed by those of its subordinate clause, numbered on."""
    for k, mention in enumerate(sub, start=len(found)):
        mention.index = k
    return [*found, *sub]


def _day_after_clauses(text: str, start: int, split, make) -> list[Mention]:
    """"X received Y a day after Z": the main contact, and Z's one day earlier."""
    main = analyse(make(text[: split.start()], start))
    sub_date = None
    if main:
        anchor = main[0]
        sub_date = (shift_days(dt.date.fromisoformat(anchor.date), -1,
                               f"'{split.group(0)}': a day before {anchor.mention_id}")
                    if anchor.date_precision == "day" else
                    ResolvedDate("", "unknown", f"'{split.group(0)}': {anchor.mention_id} has no day"))
    sub = make(text[split.start():], start + split.start(), forced_date=sub_date,
               inherited_type=main[0].type if main else "", forced_raw=split.group(0))
    return _with_clause(main, analyse(sub))


def _after_contact_clauses(text: str, start: int, after, make) -> list[Mention]:
    """"Ruto will visit Bulgaria in October, the minister said after talks with her Kenyan colleague":
    the planned visit, and the talks the minister had."""
    main = analyse(make(text[: after.start()], start))
    named = () if main else tuple(states_named(make(text[: after.start()], start)))  # "X said this after ..."
    return _with_clause(main, analyse(make(text[after.start():], start + after.start(), main_clause=main,
                                           main_states=named)))


def sentence_mentions(text: str, start: int, language: str, context: ArticleContext, sentence_no: int,
                      notes: Notes) -> list[Mention]:
    """The mentions of one sentence, clause by clause."""
    rules = language_rules(language)

    def make(part: str, offset: int, **given) -> Segment:
        return Segment(part, offset, language, sentence_no, rules, context, notes, **given)

    split = rules.day_after_clause.search(text) if rules.day_after_clause else None
    if split and split.start() > 0:
        return _day_after_clauses(text, start, split, make)
    after = rules.after_contact_clause.search(text) if rules.after_contact_clause else None
    if after and after.start() > 0:
        return _after_contact_clauses(text, start, after, make)
    return analyse(make(text, start))


def _remember(context: ArticleContext, found: list[Mention], text: str, start: int, sentence_no: int,
              language: str) -> None:
    for mention in found:
        headline = sentence_no == HEADLINE_SENTENCE
        mention.sentence, mention.start, mention.end = text, start, start if headline else start + len(text)
        context.mentions.append(mention)
        if context.lead is None and mention.has_own_date:
            context.lead = mention
    if found and context.lead is None:
        context.lead = found[0]
    anaphora = language_rules(language).markers["anaphora_pair"]
    if found or (anaphora and anaphora.search(text) and
                 sentence_no - context.last_contact_sentence <= SETTINGS.pronoun_sentences):
        # A contact, or "the two leaders also witnessed...": the story of the last contact goes on.
        context.last_contact_sentence = sentence_no


def extract_article(article_id: str, sentences: Sequence[tuple[int, int, str, str]],
                    published: Published | dt.date | str | None, notes: Notes,
                    supported: Sequence[str]) -> list[Mention]:
    """Mentions of one article. `sentences`: (sentence_no, start, text, language) in order; `published`:
    the publication date at the precision known."""
    context = ArticleContext(article_id, Published.of(published))
    for sentence_no, start, text, language in sentences:
        if language in supported:
            if sentence_no < SETTINGS.lead_sentences:
                note_imminent(context, text, language_rules(language))
            found = sentence_mentions(text, start, language, context, sentence_no, notes)
            _remember(context, found, text, start, sentence_no, language)
            if not context.named or context.named[-1][0] != sentence_no:  # no contact word: still remember
                seg = Segment(text, start, language, sentence_no, language_rules(language), context, notes)
                context.named.append((sentence_no, states_named(seg)))
    mentions = _congratulations(context.mentions, notes)
    _date_by_the_dated_report(mentions, context.published)
    _date_headline(mentions)
    return _without_planned_that_happened(mentions, context.published, notes)


def _recent(m: Mention, published: Published | None) -> bool:
    """Whether an occurred mention can be a planned contact having taken place: undated, or dated no more
    than `happened_since_days` before publication (a background contact, or "last July", is an earlier one)."""
    if BACKGROUND in m.date_basis:
        return False
    if not m.has_own_date:
        return True
    if published is None or not m.date:
        return False
    since = published.day - dt.timedelta(days=SETTINGS.happened_since_days) if published.day else None
    cutoff = since.isoformat() if since else published.value
    width = min(len(m.date), len(cutoff))
    return m.date[:width] >= cutoff[:width]


def _without_planned_that_happened(mentions: list[Mention], published: Published | None,
                                   notes: Notes) -> list[Mention]:
    """Codebook 4: a planned contact the article also reports as having taken place is that contact
    ("the Kremlin announced a call for the afternoon" ... "Putin spoke by phone with Ramaphosa"): an
    undated planned mention of the same parties and type as a recent occurred one is not kept."""
    occurred = {(m.countries, m.type) for m in mentions if m.status == "occurred" and _recent(m, published)
                and m.sentence_no != HEADLINE_SENTENCE}  # a headline's tense is not a report that it took place
    kept = []
    for m in mentions:
        if m.status == "planned" and not m.has_own_date and (m.countries, m.type) in occurred:
            notes.add("planned_then_occurred", m.article_id, m.sentence_no, clip(m.sentence, SETTINGS.note_chars),
                      f"{';'.join(m.countries)} {m.type}: the article reports it as having taken place")
            continue
        kept.append(m)
    return kept


_HELD_CONTACTS = ("phone_call", "meeting", "visit", "summit")


def _congratulations(mentions: list[Mention], notes: Notes) -> list[Mention]:
    """A congratulation ("Putin congratulated Touadéra on his victory", "поздравил", "هنأ") is part of
    the call or meeting of the same parties the article reports (codebook 2: one contact, whatever
    was said in it), unless it gives a date of its own that is not that contact's; with no such
    contact it is a message."""
    kept = []
    for m in mentions:
        if m.type == "congratulation":
            host = next((c for c in mentions if c.type in _HELD_CONTACTS and c.status == m.status
                         and c.countries == m.countries and (not m.has_own_date or c.date == m.date)), None)
            if host is not None:
                notes.add("congratulation_in_contact", m.article_id, m.sentence_no,
                          clip(m.sentence, SETTINGS.note_chars),
                          f"{';'.join(m.countries)}: part of {host.type} {host.mention_id}")
                continue
            m.type = "message"
        kept.append(m)
    return kept


def _date_by_the_dated_report(mentions: list[Mention], published: Published | None) -> None:
    """A contact dated only by the publication month (codebook 5: a contemporaneous report's contact
    with no date of its own) takes the day of the article's one report of the same contact that
    gives a day inside that month ("Iohannis is on a state visit to Egypt" ... "the president pays
    today, 27 October 2021, a state visit"). With several such days it keeps the month."""
    if published is None:
        return
    month = published.value[:7]
    for m in mentions:
        if m.has_own_date or m.date != month or m.sentence_no == HEADLINE_SENTENCE:
            continue
        days = {d.date: d for d in mentions if d.has_own_date and d.date_precision == "day" and d.date.startswith(month)
                and d.countries == m.countries and d.status == m.status and same_contact_class(d.type, m.type)}
        if len(days) == 1:
            dated = next(iter(days.values()))
            m.date, m.date_precision, m.date_raw = dated.date, "day", dated.date_raw
            m.date_basis = f"the article's report of this contact dated by mention {dated.mention_id}"


def _date_headline(mentions: list[Mention]) -> None:
    """A headline's contact with no date of its own is the contact the body reports: it takes the status
    of the body's first mention of the same parties when that one is planned (headlines speak in the
    present), and the date of the body's first mention of the same parties and status that has one."""
    for headline in (m for m in mentions if m.sentence_no == HEADLINE_SENTENCE and not m.has_own_date):
        first = next((m for m in mentions if m.sentence_no != HEADLINE_SENTENCE and m.countries == headline.countries),
                     None)
        if first is not None and first.status == "planned" and headline.status == "occurred":
            headline.status = "planned"  # "Makarov at a meeting with Borisov": the body says it is to come
            headline.date, headline.date_precision, headline.date_basis = first.date, first.date_precision, \
                f"the headline's contact, planned in mention {first.mention_id}"
        body = next((m for m in mentions if m.sentence_no != HEADLINE_SENTENCE and m.has_own_date
                     and m.countries == headline.countries and m.status == headline.status), None)
        if body is not None:
            headline.date, headline.date_precision, headline.date_raw = body.date, body.date_precision, body.date_raw
            headline.date_basis = f"the headline's contact, dated by mention {body.mention_id}"


@cache
def _language_available(language: str) -> bool:
    try:
        return load_lexicon(language).contact is not None
    except FileNotFoundError:
        return False


def supported_languages(languages: Sequence[str]) -> list[str]:
    return [lang for lang in languages if _language_available(lang)]



MENTION_COLUMNS = ["mention_id", "article_id", "sentence_no", "start", "end", "sentence", "language", "type",
                   "status", "countries", "participants", "actor_ids", "date", "date_precision", "date_raw",
                   "date_basis", "topics", "trigger"]


def mention_record(m: Mention) -> dict:
    return {
        "mention_id": m.mention_id, "article_id": m.article_id, "sentence_no": m.sentence_no, "start": m.start,
        "end": m.end, "sentence": m.sentence, "language": m.language, "type": m.type, "status": m.status,
        "countries": ";".join(m.countries), "participants": ";".join(m.participants),
        "actor_ids": ";".join(m.actor_ids), "date": m.date, "date_precision": m.date_precision,
        "date_raw": m.date_raw, "date_basis": m.date_basis, "topics": ";".join(m.topics), "trigger": m.trigger,
    }


def extract_mentions(articles, sentences, languages: Sequence[str], workers: int = 1,
                     progress=None, cache=None) -> tuple[list[dict], list[dict], int, dict[str, list[str]]]:
    """Mentions and extraction notes for every ok article (articles/sentences are the stage's tables);
    the articles are read in `workers` processes (helpers.parallel), results in article order."""
    from functools import partial

    from helpers.stagecache import cache_key, cached_map

    by_article = {aid: group for aid, group in sentences.groupby("article_id", sort=True)}
    tasks = []
    for row in articles.itertuples():
        if row.status != "ok" or row.article_id not in by_article:
            continue
        group = by_article[row.article_id].sort_values("sentence_no")
        items = [(int(s.sentence_no), int(s.start), s.text, s.language) for s in group.itertuples()]
        tasks.append((row.article_id, row.published_date, row.title, row.language, items))
    supported = supported_languages(languages)
    keys = [cache_key("mentions", supported, task) for task in tasks]
    results, n_cached = cached_map(partial(article_mentions, supported=supported), tasks, keys, cache, workers,
                                   progress)
    records: list[dict] = []
    notes: list[dict] = []
    sequences: dict[str, list[str]] = {}
    for task, (found, article_notes, sequence) in zip(tasks, results, strict=True):
        records += found
        notes += article_notes
        if sequence is not None:
            sequences[task[0]] = sequence
    return records, notes, n_cached, sequences


def article_mentions(task: tuple, supported: Sequence[str]) -> tuple[list[dict], list[dict], list[str] | None]:
    """One article's mention records, notes and, when it has a mention, its translation-invariant sequence
    (`dedup.invariant_sequence`, which the events stage compares across articles: computed here, with the
    article, in the worker and cached). `task`: (article_id, published_date, title, language,
    [(sentence_no, start, text, language), ...])."""
    from helpers.dedup import invariant_sequence

    article_id, published_date, title, language, sentences = task
    notes = Notes()
    items = [item for item in sentences if not _too_long(article_id, item[0], item[2], notes)]
    if title and language:  # the headline reports a contact too ("Lavrov holds talks with ..."):
        items.append((HEADLINE_SENTENCE, 0, title, language))  # read last, knowing the body's people
    try:
        found = extract_article(article_id, items, Published.parse(published_date), notes, supported)
    except Exception as exc:  # article content must never stop the run: the article is listed instead
        notes.add("extraction_error", article_id, -1, "", f"{type(exc).__name__}: {exc}"[:300])
        return [], notes.rows, None
    sequence = invariant_sequence([(text, lang) for _, _, text, lang in sentences]) if found else None
    return [mention_record(m) for m in found], notes.rows, sequence


def _too_long(article_id: str, sentence_no: int, text: str, notes: Notes) -> bool:
    """A sentence over `max_sentence_chars` is set aside with a note (kind `sentence_too_long`)."""
    if len(text) <= SETTINGS.max_sentence_chars:
        return False
    notes.add("sentence_too_long", article_id, sentence_no, clip(text, SETTINGS.note_chars),
              f"{len(text):,} characters without a sentence break, over the {SETTINGS.max_sentence_chars:,} "
              "read for contacts (max_sentence_chars); not read")
    return True


def invalid_mention_note(row, reason: str) -> dict:
    """An extraction note for a mention that broke the table's schema (kind `invalid_mention`)."""
    return {"kind": "invalid_mention", "article_id": str(row["article_id"]), "sentence_no": int(row["sentence_no"]),
            "surface": clip(str(row["sentence"]), SETTINGS.note_chars),
            "detail": f"{reason} (countries {row['countries']!r}, type {row['type']!r}, date {row['date']!r} "
                      f"at {row['date_precision']!r}); set aside"}


@dataclass
class MentionsStage:
    mentions: object  # pandas.DataFrame, schema helpers.schemas.MENTIONS
    notes: object  # pandas.DataFrame, schema helpers.schemas.EXTRACTION_NOTES
    n_sentences: int
    seconds: float
    n_cached: int = 0  # articles whose mentions came from the per-article cache
    sequences: dict | None = None  # article_id -> translation-invariant sequence (articles with mentions)


def build_mentions(articles_stage, languages: Sequence[str], workers: int = 0, progress=None,
                   cache=None) -> MentionsStage:
    """Run the extraction stage on the articles stage's tables (pure: writes nothing), in `workers`
    processes (0 = every core)."""
    import time

    import pandas as pd

    from helpers import schemas

    started = time.perf_counter()
    records, notes, n_cached, sequences = extract_mentions(articles_stage.articles, articles_stage.sentences,
                                                           languages, workers, progress, cache)
    mentions = pd.DataFrame(records, columns=MENTION_COLUMNS)
    for column in ("sentence_no", "start", "end"):
        mentions[column] = mentions[column].astype("int64")
    mentions = mentions.sort_values(["article_id", "sentence_no", "mention_id"], kind="stable").reset_index(drop=True)
    valid, invalid = schemas.split_invalid(schemas.MENTIONS, mentions)
    # A row that breaks an invariant is set aside with its reason; the run goes on.
    notes += [invalid_mention_note(mentions.loc[label], reason) for label, reason in invalid]
    mentions = valid.reset_index(drop=True)
    notes_frame = pd.DataFrame(notes, columns=list(schemas.EXTRACTION_NOTES.columns))
    notes_frame["sentence_no"] = notes_frame["sentence_no"].astype("int64")
    notes_frame = schemas.EXTRACTION_NOTES.validate(notes_frame)
    return MentionsStage(mentions, notes_frame, len(articles_stage.sentences), time.perf_counter() - started, n_cached,
                         sequences)


def unused_aliases(mentions) -> list[dict]:
    """Curated actors and countries that no mention of the corpus used (their aliases may be stale)."""
    import csv

    from helpers.paths import REFERENCE_DIR

    used_actors = {a for cell in mentions["actor_ids"] for a in cell.split(";") if a}
    used_countries = {c for cell in mentions["countries"] for c in cell.split(";") if c}
    rows = [{"kind": "actor", "id": a.actor_id, "aliases": ";".join((a.name, *a.aliases))}
            for a in registry().actors.values() if a.actor_id not in used_actors]
    with (REFERENCE_DIR / "country_aliases.csv").open(encoding="utf-8") as fh:
        curated: dict[str, list[str]] = {}
        for row in csv.DictReader(fh):
            curated.setdefault(row["iso3"], []).append(f"{row['lang']}:{row['alias']}")
    rows += [{"kind": "country", "id": code, "aliases": ";".join(aliases)}
             for code, aliases in sorted(curated.items()) if code not in used_countries]
    return rows


def write_mentions(stage: MentionsStage, out_dir) -> None:
    """Write OUT/tables/mentions.csv/.parquet, extraction_notes.csv and unused_aliases.csv."""
    import pandas as pd

    from helpers.articles import write_table
    from helpers.paths import resolve

    tables = resolve(out_dir) / "tables"
    write_table(stage.mentions, tables, "mentions")
    write_table(stage.notes, tables, "extraction_notes", parquet=False)
    unused = pd.DataFrame(unused_aliases(stage.mentions), columns=["kind", "id", "aliases"])
    write_table(unused, tables, "unused_aliases", parquet=False)


def read_mentions(out_dir, n_sentences: int) -> MentionsStage:
    """The extraction stage as `write_mentions` wrote it under `out_dir`."""
    from helpers import schemas
    from helpers.articles import read_table
    from helpers.paths import resolve

    tables = resolve(out_dir) / "tables"
    return MentionsStage(read_table(tables, "mentions", schemas.MENTIONS),
                         read_table(tables, "extraction_notes", schemas.EXTRACTION_NOTES), n_sentences, 0.0)


def load_or_build(articles_stage, params, out_dir) -> MentionsStage:
    """The extraction stage for a notebook: read from `out_dir`'s tables when they were built from these
    very inputs and code (helpers.manifest), else built and written. Prints one line saying which."""
    from helpers import manifest

    def build(cache) -> MentionsStage:
        stage = build_mentions(articles_stage, params.languages, params.workers, cache=cache)
        write_mentions(stage, out_dir)
        return stage

    return manifest.read_or_build("mentions", out_dir, params, lambda: read_mentions(out_dir, len(
        articles_stage.sentences)), build, lambda stage: f": {len(stage.mentions)} mentions")


def mentions_overview(mentions):
    """The mentions table's columns an analyst reads first."""
    return mentions[["mention_id", "language", "type", "status", "countries", "participants", "date",
                     "date_precision", "date_raw", "topics", "sentence"]]


def notes_summary(notes):
    """Extraction notes counted by kind, with one example each."""
    import pandas as pd

    if notes.empty:
        return pd.DataFrame(columns=["kind", "n", "example"])
    return (notes.groupby("kind", as_index=False)
            .agg(n=("surface", "size"), example=("surface", "first"))
            .sort_values(["n", "kind"], ascending=[False, True]).reset_index(drop=True))
