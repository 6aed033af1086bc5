"""CSV cells that a spreadsheet would run as formulas, made inert on the way out and restored on the way in.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel, LibreOffice
and Google Sheets as a formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`): article text, titles and
sidecar cells come from the open web, so every text cell of an exported CSV that starts so gets a
leading `'` (the OWASP advice for CSV injection), and a cell that already starts with quotes before such
a character gets one more, so that `restore` gives back exactly the original. Parquet files hold the
values unchanged. Identifiers never need this: article ids are made safe where they are minted
(`helpers.ingest.article_ids`).
"""

from __future__ import annotations

import re

import pandas as pd

_FORMULA_LIKE = re.compile(r"'*[=+\-@\t\r]")


def protect(value: str) -> str:
    """The cell as written to CSV."""
    return "'" + value if _FORMULA_LIKE.match(value) else value


def restore(value: str) -> str:
    """The original cell of a CSV written with `protect`."""
    return value[1:] if value.startswith("'") and _FORMULA_LIKE.match(value, 1) else value


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) in ("str", "string")]


def protect_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell protected (numbers and booleans untouched)."""
    out = frame.copy()
    for column in _text_columns(out):
        out[column] = out[column].map(lambda v: protect(v) if isinstance(v, str) else v)
    return out


def restore_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame read back from a protected CSV (every column read as text)."""
    out = frame.copy()
    for column in _text_columns(out):
        out[column] = out[column].map(lambda v: restore(v) if isinstance(v, str) else v)
    return out
