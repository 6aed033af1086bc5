"""helpers: the stages that turn a folder of news articles into tables of diplomatic contacts.

One module per stage (ingest, header, clean, language, agency, fingerprint, sentences,
articles) plus shared reference-data loading (paths, lexicon) and table schemas.
"""

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "fr", "bg", "ro", "ru", "es", "de", "pt", "ar", "sw")


def check_subset(values: tuple[str, ...], allowed: tuple[str, ...]) -> tuple[str, ...]:
    """`values` as a tuple, or ValueError unless it is a non-empty subset of `allowed` (parameter checks)."""
    unknown = [v for v in values if v not in allowed]
    if unknown or not values:
        raise ValueError(f"must be a non-empty subset of {', '.join(allowed)}; "
                         f"unknown: {', '.join(unknown) or '(empty list)'}")
    return tuple(values)
