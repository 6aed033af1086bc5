"""Table schemas (pandera), checked when a stage writes its tables.

Names follow one convention across tables: `_date` for dates, `n_` for counts, `_id` for
identifiers, `status` for a value from a fixed list; multi-valued cells are `;`-joined.
"""

from __future__ import annotations

import pandera.pandas as pa

from helpers import SUPPORTED_LANGUAGES

_LANGS = [*SUPPORTED_LANGUAGES, ""]
_ISO_DATE = r"^(\d{4}-\d{2}-\d{2})?$"
_PARTIAL_DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # YYYY-MM-DD, YYYY-MM, YYYY or empty


def _str(*checks: pa.Check, **kw) -> pa.Column:
    return pa.Column(str, list(checks), coerce=True, **kw)


ARTICLES = pa.DataFrameSchema(
    {
        "article_id": _str(unique=True),
        "file": _str(unique=True),
        "sha256": _str(pa.Check.str_matches(r"^([0-9a-f]{64})?$")),
        "encoding": _str(),
        "status": _str(pa.Check.isin(["ok", "skipped"])),
        "status_reason": _str(),
        "outlet": _str(),
        "outlet_basis": _str(pa.Check.isin(["sidecar", "header", "html_meta", "none"])),
        "url": _str(),
        "title": _str(),
        "title_basis": _str(pa.Check.isin(["sidecar", "header", "html_meta", "none"])),
        "published_date": _str(pa.Check.str_matches(_PARTIAL_DATE)),
        "published_precision": _str(pa.Check.isin(["day", "month", "year", "unknown"])),
        "published_time": _str(pa.Check.str_matches(r"^(\d{1,2}:\d{2}(:\d{2})?)?$")),
        "published_basis": _str(pa.Check.isin(["sidecar", "header", "byline", "dateline", "html_meta", "metadata",
                                               "url", "none"])),
        "published_note": _str(),
        "author": _str(),
        "language": _str(pa.Check.isin(_LANGS)),
        "language_basis": _str(pa.Check.isin(["sidecar", "detected", "none"])),
        "language_confidence": pa.Column(float, pa.Check.in_range(0.0, 1.0)),
        "other_languages": _str(),
        "origin_agency": _str(),
        "credited_sources": _str(),
        "story_group": _str(),
        "fingerprint": _str(pa.Check.str_matches(r"^([0-9a-f]{16})?$")),
        "n_bytes": pa.Column(int, pa.Check.ge(0)),
        "n_chars_raw": pa.Column(int, pa.Check.ge(0)),
        "n_chars_clean": pa.Column(int, pa.Check.ge(0)),
        "n_lines_removed": pa.Column(int, pa.Check.ge(0)),
        "n_paragraphs": pa.Column(int, pa.Check.ge(0)),
        "n_sentences": pa.Column(int, pa.Check.ge(0)),
    },
    strict=True,
    ordered=True,
    coerce=False,
)

SENTENCES = pa.DataFrameSchema(
    {
        "article_id": _str(),
        "sentence_no": pa.Column(int, pa.Check.ge(0)),
        "paragraph_no": pa.Column(int, pa.Check.ge(0)),
        "start": pa.Column(int, pa.Check.ge(0)),
        "end": pa.Column(int, pa.Check.ge(0)),
        "language": _str(pa.Check.isin(_LANGS)),
        "text": _str(pa.Check.str_length(min_value=1)),
    },
    checks=[pa.Check(lambda df: (df["end"] > df["start"]).all(), error="end must be after start")],
    strict=True,
    ordered=True,
    unique=["article_id", "sentence_no"],
)

REMOVED_LINES = pa.DataFrameSchema(
    {
        "article_id": _str(),
        "line_no": pa.Column(int, pa.Check.ge(1)),
        "rule_id": _str(),
        "category": _str(),
        "text": _str(),
    },
    strict=True,
    ordered=True,
    unique=["article_id", "line_no"],
)

INPUT_WARNINGS = pa.DataFrameSchema(
    {
        "source": _str(pa.Check.isin(["sidecar", "file"])),
        "file": _str(),
        "message": _str(),
    },
    strict=True,
    ordered=True,
)


_CODES = r"^([A-Z]{3}(;[A-Z]{3})*)?$"
_PRECISION_OF_LENGTH = {0: "unknown", 4: "year", 7: "month", 10: "day"}


def _contact_columns() -> dict[str, pa.Column]:
    """Columns shared by mentions and events, with the same names and checks."""
    return {
        "type": _str(pa.Check.isin(["phone_call", "meeting", "visit", "summit", "message", "other"])),
        "status": _str(pa.Check.isin(["occurred", "planned"])),
        "countries": _str(pa.Check.str_matches(_CODES)),
        "participants": _str(),
        "actor_ids": _str(),
        "date": _str(pa.Check.str_matches(r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")),
        "date_precision": _str(pa.Check.isin(["day", "month", "year", "unknown"])),
    }


MENTIONS = pa.DataFrameSchema(
    {
        "mention_id": _str(unique=True),
        "article_id": _str(),
        "sentence_no": pa.Column(int, pa.Check.ge(-1)),  # -1: the headline
        "start": pa.Column(int, pa.Check.ge(0)),
        "end": pa.Column(int, pa.Check.ge(0)),
        "sentence": _str(pa.Check.str_length(min_value=1)),
        "language": _str(pa.Check.isin(_LANGS)),
        **_contact_columns(),
        "date_raw": _str(),
        "date_basis": _str(),
        "topics": _str(),
        "trigger": _str(),
    },
    # Row-wise checks (each returns one boolean per row), so a row that breaks one can be set aside
    # with its reason (split_invalid) instead of failing the whole table.
    checks=[
        pa.Check(lambda df: df["countries"].str.count(";") >= 1, error="a mention has two parties or more"),
        pa.Check(
            lambda df: (df["date"] == "") == (df["date_precision"] == "unknown"),
            error="date and date_precision must agree",
        ),
        pa.Check(
            lambda df: df["date"].str.len().map(_PRECISION_OF_LENGTH) == df["date_precision"],
            error="date format must match its precision",
        ),
    ],
    strict=True,
    ordered=True,
)

EXTRACTION_NOTES = pa.DataFrameSchema(
    {
        "kind": _str(),
        "article_id": _str(),
        "sentence_no": pa.Column(int),
        "surface": _str(),
        "detail": _str(),
    },
    strict=True,
    ordered=True,
)


EVENTS = pa.DataFrameSchema(
    {
        "event_id": _str(pa.Check.str_matches(r"^ev_[0-9a-f]{10}$"), unique=True),
        **_contact_columns(),
        "date_basis": _str(),
        "topics": _str(),
        "n_mentions": pa.Column(int, pa.Check.ge(1)),
        "n_articles": pa.Column(int, pa.Check.ge(1)),
        "n_outlets": pa.Column(int, pa.Check.ge(1)),
        "n_origins": pa.Column(int, pa.Check.ge(1)),
        "languages": _str(),
        "article_ids": _str(),
        "mention_ids": _str(),
        "first_reported": _str(pa.Check.str_matches(_PARTIAL_DATE)),
        "last_reported": _str(pa.Check.str_matches(_PARTIAL_DATE)),
        "evidence": _str(),
        "merge_reasons": _str(),
    },
    checks=[
        pa.Check(lambda df: (df["n_origins"] <= df["n_articles"]).all(), error="origins cannot exceed articles"),
        pa.Check(lambda df: (df["n_articles"] <= df["n_mentions"]).all(), error="articles cannot exceed mentions"),
    ],
    strict=True,
    ordered=True,
)


MENTION_EVENTS = pa.DataFrameSchema(
    {
        "mention_id": _str(pa.Check.str_length(min_value=1)),
        "event_id": _str(pa.Check.str_matches(r"^ev_[0-9a-f]{10}$")),
        "date": _str(pa.Check.str_matches(_PARTIAL_DATE)),
        "date_precision": _str(pa.Check.isin(["day", "month", "year", "unknown"])),
        "date_basis": _str(),
    },
    checks=[pa.Check(lambda df: ~df["mention_id"].duplicated().any(), error="a mention belongs to one event")],
    strict=True,
    ordered=True,
)


def split_invalid(schema: pa.DataFrameSchema, frame):
    """Validate `frame`; rows that break a row-level check are set aside instead of failing the table.

    Returns (the validated frame without them, [(row label, reason), ...]). A problem that is not
    tied to rows (a missing column, a wrong type for the whole column) is a bug and still raises."""
    try:
        return schema.validate(frame, lazy=True), []
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        tied = cases[cases["index"].notna()]
        if tied.empty or len(tied) < len(cases):
            raise
        reasons: dict = {}
        for row in tied.itertuples():
            # A table-wide check is reported once per column: name the column only for column checks.
            where = f"{row.column}: " if row.schema_context == "Column" else ""
            reasons.setdefault(row.index, []).append(f"{where}{row.check}")
        kept = frame.drop(index=list(reasons))
        return schema.validate(kept), [(label, "; ".join(dict.fromkeys(r))) for label, r in reasons.items()]
