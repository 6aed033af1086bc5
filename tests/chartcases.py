"""Small event tables for the chart tests (pure and in the browser)."""

import pandas as pd


def event_rows(*rows) -> pd.DataFrame:
    base = {"type": "meeting", "status": "occurred", "n_origins": 1, "n_articles": 1, "participants": "",
            "topics": "", "event_id": "ev", "article_ids": "a", "languages": "en", "evidence": "", "n_mentions": 1}
    return pd.DataFrame([base | dict(zip(("countries", "date", "date_precision"), r, strict=True)) for r in rows])


LONG_NAMES = ["Congo-Kinshasa", "Central African Republic", "United States", "Democratic Republic of the Congo",
              "Saint Vincent and the Grenadines", "Bosnia and Herzegovina", "Russia", "China", "Mali",
              "Burkina Faso", "Côte d'Ivoire", "United Kingdom", "South Africa", "Papua New Guinea",
              "Trinidad and Tobago", "Equatorial Guinea", "other countries"]


CODES = ["COD", "CAF", "USA", "VCT", "BIH", "RUS", "CHN", "MLI", "NER", "BFA", "CIV", "GBR", "ZAF", "PNG", "TTO",
         "GNQ", "SEN", "GHA", "TGO", "BEN"]


def ring(codes) -> pd.DataFrame:
    """Events between neighbours and second neighbours of a ring of countries (edges that pass near dots)."""
    rows = [(f"{a};{b}", "2024-01-01", "day") for i, a in enumerate(codes) for b in codes[i + 1 : i + 3]]
    return event_rows(*rows)


def overlap(a, b) -> bool:
    """Two boxes (x0, y0, x1, y1) share more than an edge."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
