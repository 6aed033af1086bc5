"""helpers: the stages that turn a folder of news articles into tables of diplomatic contacts.

One module per stage (ingest, header, clean, language, agency, fingerprint, sentences,
articles) plus shared reference-data loading (paths, lexicon) and table schemas.
"""

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "fr", "bg", "ro", "ru", "es", "de", "pt", "ar", "sw")
