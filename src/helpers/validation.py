"""Parameter errors as one line each, for people: which parameter, what is wrong, what was given.

pydantic's own message ("1 validation error for ArticlesParams ... For further information visit
https://errors.pydantic.dev/...") names the model and links its documentation; a user needs the
parameter, the problem and the expected form.
"""

from __future__ import annotations

from pydantic import ValidationError

DATE_ERRORS = ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact")


def describe(error: dict) -> str:
    """One pydantic error as "parameter NAME: problem (got VALUE)"."""
    where = ".".join(str(x) for x in error.get("loc", ())) or ""
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] in DATE_ERRORS:
        message = "expected a date written YYYY-MM-DD"
    if not where:  # a check across parameters: the message names them, the input is all of them
        where = "period_end" if "period_end" in message else "parameters"
        return f"parameter {where}: {message}"
    if error["type"] == "extra_forbidden":
        return f"parameter {where}: unknown parameter"
    return f"parameter {where}: {message} (got {error.get('input')!r})"


def error_lines(exc: ValidationError) -> list[str]:
    return [describe(error) for error in exc.errors()]
