"""Articles stage: a folder of raw articles to clean, typed, traceable article records.

`build_articles` runs, for each file: ingest (encoding, HTML) -> sidecar metadata -> language
-> header metadata -> boilerplate removal -> passage languages -> sentences -> agency credit,
then near-duplicate grouping across files. `write_articles` writes the stage's outputs:

- `OUT/clean/<article_id>.txt`: the clean body, one paragraph per line;
- `OUT/tables/articles.csv` and `.parquet`: one row per input file (skipped files included);
- `OUT/tables/sentences.parquet`: one row per sentence, offsets into the clean text;
- `OUT/tables/removed_lines.csv`: every line not kept in a body, with the rule that removed it;
- `OUT/tables/input_warnings.csv`: sidecar and file problems that did not stop the run.

Each table is checked against its schema (`helpers.schemas`) before it is written.
Known limits: see the docstrings of the stage modules (ingest, header, clean, language,
agency, fingerprint, sentences).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from helpers import SUPPORTED_LANGUAGES, check_subset, schemas
from helpers.agency import (
    agency_ids_in_name,
    agency_matcher,
    agency_names,
    credited_agencies,
    origin_agency,
)
from helpers.clean import RemovedLine, boilerplate_matcher, clean_lines
from helpers.dates import Published
from helpers.fingerprint import minhash, shingles, signature_digest, story_groups
from helpers.header import HeaderLabelSet, parse_header
from helpers.ingest import DEFAULT_MAX_FILE_MB, RawDocument, article_ids, list_article_files, read_document
from helpers.language import detect_language, passage_languages
from helpers.paths import publish, resolve
from helpers.published import METADATA_LINE, DateCandidate, choose_published, metadata_line_date, url_date
from helpers.sentences import split_sentences
from helpers.sidecar import SidecarRow, Warning_, is_web_url, read_sidecar
from helpers.spreadsheet import protect_frame
from helpers.textlines import fold_lookalikes, is_body_like, split_lines

CREDIT_CATEGORIES = {"copyright", "metadata"}


class ArticlesParams(BaseModel):
    """Parameters of the articles stage (validated before anything runs)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    input_dir: Path
    sources_csv: Path | None = None  # default: <input_dir>/sources.csv when it exists
    languages: tuple[str, ...] = SUPPORTED_LANGUAGES
    max_file_mb: float = Field(default=DEFAULT_MAX_FILE_MB, gt=0)
    workers: int = Field(default=0, ge=0)  # processes for the per-file work; 0 = every core

    @field_validator("input_dir")
    @classmethod
    def _input_exists(cls, value: Path) -> Path:
        if not value.is_dir():
            raise ValueError(f"input_dir {str(value)!r} is not a folder")
        return value

    @field_validator("languages")
    @classmethod
    def _supported(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return check_subset(tuple(value), SUPPORTED_LANGUAGES)

    @classmethod
    def from_notebook(cls, input_dir: str, sources_csv: str, languages: list[str]) -> ArticlesParams:
        """Validate a notebook's parameters (paths relative to the project root)."""
        return cls(input_dir=resolve(input_dir), sources_csv=resolve(sources_csv) if sources_csv else None,
                   languages=tuple(languages))

    def sidecar_path(self) -> Path | None:
        if self.sources_csv is not None:
            return self.sources_csv
        default = self.input_dir / "sources.csv"
        return default if default.exists() else None


@dataclass
class ArticlesStage:
    """Everything the articles stage produced, as tables plus clean texts."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    removed_lines: pd.DataFrame
    input_warnings: pd.DataFrame
    clean_texts: dict[str, str] = field(default_factory=dict)
    n_cached: int = 0  # files whose result came from the per-article cache


def _first(*pairs: tuple[str, str]) -> tuple[str, str]:
    """The first (value, basis) with a non-empty value, else ("", "none")."""
    for value, basis in pairs:
        if value:
            return value, basis
    return "", "none"


def _empty_record(doc: RawDocument) -> dict:
    return {
        "article_id": doc.article_id, "file": doc.file, "sha256": doc.sha256, "encoding": doc.encoding,
        "status": doc.status, "status_reason": doc.status_reason,
        "outlet": "", "outlet_basis": "none", "url": "", "title": "", "title_basis": "none",
        "published_date": "", "published_precision": "unknown", "published_time": "", "published_basis": "none",
        "published_note": "",
        "author": "", "language": "", "language_basis": "none", "language_confidence": 0.0,
        "other_languages": "", "origin_agency": "", "credited_sources": "", "story_group": "",
        "fingerprint": "", "n_bytes": doc.n_bytes, "n_chars_raw": len(doc.text), "n_chars_clean": 0,
        "n_lines_removed": 0, "n_paragraphs": 0, "n_sentences": 0,
    }


def _published(doc: RawDocument, side: SidecarRow, header, lines: list[str]) -> DateCandidate | None:
    """The publication date at the precision known, and where it came from (helpers.published)."""
    html_date = Published.parse(doc.html_meta.get("date", "")[:10])
    marker = metadata_line_date(doc.text)
    url = page_url(doc, side)
    found_url = url_date(url)
    return choose_published([
        DateCandidate(side.published, "sidecar", side.published_note) if side.published else None,
        DateCandidate(Published.of(header.published_date), header.published_basis, header.published_raw,
                      header.published_time) if header.published_date else None,
        DateCandidate(html_date, "html_meta", "page metadata") if html_date else None,
        DateCandidate(marker, "metadata", f"leading 'date {marker.value}' line") if marker else None,
        DateCandidate(found_url, "url", url) if found_url else None,
    ])


def page_url(doc: RawDocument, side: SidecarRow) -> str:
    """The article's address: the sidecar's (already checked), else the page's own when it is http(s)."""
    return side.url or next((u for u in [doc.html_meta.get("url", "")] if is_web_url(u)), "")


def process_document(doc: RawDocument, side: SidecarRow | None, languages: tuple[str, ...],
                     warnings: list[Warning_]) -> tuple[dict, list[RemovedLine], list[dict], str]:
    """One document through the stage. Returns (article record, removed lines, sentences, clean text);
    each sentence a tuple of SENTENCE_FIELDS (compact: a large corpus has millions)."""
    record = _empty_record(doc)
    if doc.status != "ok":
        return record, [], [], ""
    side = side or SidecarRow(file=doc.file)
    text, folded = fold_lookalikes(doc.text)
    if folded:
        shown = ", ".join(f"{a!r} -> {b!r}" for a, b in folded[:3]) + (", ..." if len(folded) > 3 else "")
        warnings.append(Warning_("file", doc.file, f"{len(folded)} words mixing look-alike letters of two scripts "
                                 f"read in their main script ({shown})"))
    lines = split_lines(text)
    if lines and METADATA_LINE.match(lines[0]):  # "date 2025-02 ...": a page store's metadata, not text
        lines[0] = METADATA_LINE.sub("", lines[0]).strip()
    prose = "\n".join(line for line in lines if is_body_like(line)) or doc.text
    detected, confidence = detect_language(prose, languages)
    language = side.language if side.language in languages else detected
    if side.language and detected and side.language != detected and confidence >= 0.9:
        warnings.append(Warning_("file", doc.file, f"sidecar language {side.language!r} but the text reads "
                                 f"as {detected!r} (confidence {confidence:.2f}); sidecar kept"))
    matcher = boilerplate_matcher(language or "en", languages)
    header = parse_header(lines, HeaderLabelSet.for_languages(tuple(languages)), matcher.__contains__,
                          known_outlet=side.outlet)
    clean = clean_lines(lines, header, matcher)
    record["n_lines_removed"] = len(clean.removed)
    if not clean.paragraphs:
        record |= {"status": "skipped",
                   "status_reason": f"no body text left after removing {len(clean.removed)} boilerplate lines"}
        return record, clean.removed, [], ""
    clean_text = "\n".join(clean.paragraphs)
    if not side.language:
        language, confidence = detect_language(clean_text, languages)
    paragraph_languages = passage_languages(clean.paragraphs, language, languages)
    sentences = split_sentences(clean.paragraphs, paragraph_languages)

    credits = agency_matcher(tuple(languages))
    author = side.author or header.author or doc.html_meta.get("author", "")
    credit_text = "\n".join([clean_text] + [r.text for r in clean.removed if r.category in CREDIT_CATEGORIES
                                            and r.rule_id != "metadata.title"])
    credited = agency_ids_in_name(author, credits) + credited_agencies(credit_text, credits)
    credited += [aid for r in clean.removed if r.category == "copyright"
                 for aid in agency_ids_in_name(r.text, credits)]
    credited = list(dict.fromkeys(credited))

    published = _published(doc, side, header, lines)
    outlet, outlet_basis = _first((side.outlet, "sidecar"), (header.outlet, "header"),
                                  (doc.html_meta.get("sitename", ""), "html_meta"))
    title, title_basis = _first((side.title, "sidecar"), (doc.html_meta.get("title", ""), "html_meta"),
                                (header.title, "header"))
    record |= {
        "outlet": outlet, "outlet_basis": outlet_basis,
        "url": page_url(doc, side),
        "title": title, "title_basis": title_basis,
        "published_date": published.published.value if published else "",
        "published_precision": published.published.precision if published else "unknown",
        "published_time": published.time if published else "",
        "published_basis": published.basis if published else "none",
        "published_note": published.note if published else "",
        "author": author,
        "language": language, "language_basis": "sidecar" if side.language else ("detected" if language else "none"),
        "language_confidence": round(float(confidence), 4),
        "other_languages": ";".join(sorted(set(paragraph_languages) - {language})),
        "origin_agency": origin_agency(credited),
        "credited_sources": ";".join(agency_names(credited)),
        "fingerprint": signature_digest(signature := minhash(clean_text)),
        "n_chars_clean": len(clean_text), "n_paragraphs": len(clean.paragraphs), "n_sentences": len(sentences),
    }
    sentence_rows = [(n, s.paragraph_no, s.start, s.end, s.language, s.text) for n, s in enumerate(sentences)]
    record["_story_signature"] = signature.hashvalues if shingles(clean_text) else None  # for story_groups
    return record, clean.removed, sentence_rows, clean_text


def _read_and_process(task: tuple[Path, str, SidecarRow | None], params: ArticlesParams):
    """One file through ingest and the stage: (record, removed lines, sentences, clean text, warnings)."""
    path, article_id, side = task
    warnings: list[Warning_] = []
    doc = read_document(path, article_id, params.max_file_mb, folder=params.input_dir)
    if doc.warning:
        warnings.append(Warning_("file", doc.file, doc.warning))
    record, removed, sentences, clean_text = process_document(doc, side, params.languages, warnings)
    removed_rows = [{"article_id": doc.article_id, "line_no": r.line_no, "rule_id": r.rule_id,
                     "category": r.category, "text": r.text} for r in removed]
    return record, removed_rows, sentences, clean_text, warnings


def _file_state(path: Path) -> tuple:
    """What says a file changed, without reading it: size, modification time and inode, of the link and
    of what it points to."""
    states = []
    for follow in (False, True):
        try:
            st = path.stat(follow_symlinks=follow)
            states.append((st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            states.append(None)
    return tuple(states)


def build_articles(params: ArticlesParams, progress=None, cache=None) -> ArticlesStage:
    """Run the articles stage on a folder (pure: reads files, writes nothing but the cache). Files are read in
    `params.workers` processes (helpers.parallel), each result taken from `cache` (helpers.stagecache) when
    the file is unchanged; `progress(n)` is called as files are done."""
    from functools import partial

    from helpers.stagecache import cache_key, cached_map

    files = list_article_files(params.input_dir)
    ids = article_ids(files)
    sidecar, warnings = read_sidecar(params.sidecar_path(), {p.name for p in files})
    tasks = [(path, ids[path], sidecar.get(path.name)) for path in files]
    keys = [cache_key("articles", path.name, _file_state(path), article_id, side, params.languages,
                      params.max_file_mb, str(Path(params.input_dir).resolve())) for path, article_id, side in tasks]
    results, n_cached = cached_map(partial(_read_and_process, params=params), tasks, keys, cache, params.workers,
                                   progress)
    records, removed_rows, texts = [], [], {}
    sentences = SentenceColumns()
    for i, (record, removed, rows, clean_text, file_warnings) in enumerate(results):
        results[i] = None  # each result is let go once taken apart: memory stays near the tables' size
        records.append(record)
        removed_rows += removed
        sentences.add(record["article_id"], rows)
        warnings += file_warnings
        if clean_text:
            texts[record["article_id"]] = clean_text
    signatures = {r["article_id"]: r.pop("_story_signature") for r in records if "_story_signature" in r}
    groups = story_groups(texts, hashvalues=signatures)
    for record in records:
        record["story_group"] = groups.get(record["article_id"], "")
    return ArticlesStage(
        articles=_frame(records, schemas.ARTICLES, "article_id"),
        sentences=sentences.frame(),
        removed_lines=_frame(removed_rows, schemas.REMOVED_LINES, "article_id", "line_no"),
        input_warnings=_frame([w.__dict__ for w in warnings], schemas.INPUT_WARNINGS, "source", "file"),
        clean_texts=texts,
        n_cached=n_cached,
    )


SENTENCE_FIELDS = ("sentence_no", "paragraph_no", "start", "end", "language", "text")  # after article_id


class SentenceColumns:
    """The sentences table gathered column by column and typed in blocks of BLOCK rows (Arrow-backed
    strings), so millions of sentences never live as millions of Python rows at once."""

    BLOCK = 250_000

    def __init__(self) -> None:
        self.blocks: list[pd.DataFrame] = []
        self._reset()

    def _reset(self) -> None:
        self.columns: dict[str, list] = {name: [] for name in ("article_id", *SENTENCE_FIELDS)}

    def add(self, article_id: str, rows: list[tuple]) -> None:
        self.columns["article_id"] += [article_id] * len(rows)
        for name, values in zip(SENTENCE_FIELDS, zip(*rows, strict=True), strict=False):
            self.columns[name] += values
        if len(self.columns["article_id"]) >= self.BLOCK:
            self._flush()

    def _flush(self) -> None:
        self.blocks.append(_typed(pd.DataFrame(self.columns, columns=list(schemas.SENTENCES.columns)),
                                  schemas.SENTENCES))
        self._reset()

    def frame(self) -> pd.DataFrame:
        self._flush()
        frame = pd.concat(self.blocks, ignore_index=True)
        self.blocks = []
        frame = frame.sort_values(["article_id", "sentence_no"], kind="stable").reset_index(drop=True)
        return schemas.SENTENCES.validate(frame)


def _frame(rows: Iterable[dict], schema, *sort_by: str) -> pd.DataFrame:
    frame = _typed(pd.DataFrame(list(rows), columns=list(schema.columns)), schema)
    frame = frame.sort_values(list(sort_by), kind="stable").reset_index(drop=True)
    return schema.validate(frame)


def _typed(frame: pd.DataFrame, schema) -> pd.DataFrame:
    """Columns cast to the schema's types (strings without NaN, int64, float64)."""
    for name, column in schema.columns.items():
        if str(column.dtype) in ("str", "string"):
            frame[name] = frame[name].fillna("").astype(str)
        elif str(column.dtype).startswith("int"):
            frame[name] = frame[name].astype("int64")
        elif str(column.dtype).startswith("float"):
            frame[name] = frame[name].astype("float64")
    return frame


def read_table(tables_dir: Path, name: str, schema) -> pd.DataFrame:
    """A table as `write_table` wrote it: its Parquet file when there is one, else its CSV (formula
    protection undone), with the schema's types."""
    from helpers.spreadsheet import restore_frame

    parquet = Path(tables_dir) / f"{name}.parquet"
    if parquet.exists():
        frame = pd.read_parquet(parquet)
    else:
        frame = restore_frame(pd.read_csv(Path(tables_dir) / f"{name}.csv", dtype=str, keep_default_na=False))
    return schema.validate(_typed(frame, schema))


def read_articles(out_dir: str | Path) -> ArticlesStage:
    """The articles stage as `write_articles` wrote it under `out_dir` (tables/ and clean/)."""
    out_dir = resolve(out_dir)
    tables = out_dir / "tables"
    articles = read_table(tables, "articles", schemas.ARTICLES)
    texts = {}
    for article_id in articles.loc[articles["status"] == "ok", "article_id"]:
        path = out_dir / "clean" / f"{article_id}.txt"
        if path.exists():
            texts[article_id] = path.read_text(encoding="utf-8").removesuffix("\n")
    return ArticlesStage(
        articles=articles,
        sentences=read_table(tables, "sentences", schemas.SENTENCES),
        removed_lines=read_table(tables, "removed_lines", schemas.REMOVED_LINES),
        input_warnings=read_table(tables, "input_warnings", schemas.INPUT_WARNINGS),
        clean_texts=texts,
    )


def load_or_build(params: ArticlesParams, out_dir: str | Path) -> ArticlesStage:
    """The articles stage for a notebook: read from `out_dir`'s tables when they were built from these
    very inputs and code (helpers.manifest), else built and written. Prints one line saying which."""
    from helpers import manifest

    def build(cache) -> ArticlesStage:
        stage = build_articles(params, cache=cache)
        write_articles(stage, out_dir)
        return stage

    return manifest.read_or_build("articles", out_dir, params, lambda: read_articles(out_dir), build,
                                  lambda stage: f": {len(stage.articles)} files")


def _atomic_write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    publish(tmp, path)


def _atomic_write_parquet(frame: pd.DataFrame, path: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(fd)
    frame.to_parquet(tmp, index=False)
    publish(tmp, path)


def write_table(frame: pd.DataFrame, tables_dir: Path, name: str, parquet: bool = True, csv: bool = True) -> None:
    """Write a table as CSV (formula-like cells made inert, helpers.spreadsheet) and/or Parquet (values as
    they are), each file replaced atomically."""
    tables_dir.mkdir(parents=True, exist_ok=True)
    if csv:
        _atomic_write_text(tables_dir / f"{name}.csv", protect_frame(frame).to_csv(index=False, lineterminator="\n"))
    if parquet:
        _atomic_write_parquet(frame, tables_dir / f"{name}.parquet")


def write_articles(stage: ArticlesStage, out_dir: str | Path) -> dict[str, Path]:
    """Write the stage's outputs under `out_dir` (tables/ and clean/). Returns the paths written.

    A relative `out_dir` is taken from the project root (see `helpers.paths.resolve`).
    """
    out_dir = resolve(out_dir)
    tables, clean_dir = out_dir / "tables", out_dir / "clean"
    write_table(stage.articles, tables, "articles")
    write_table(stage.sentences, tables, "sentences", csv=False)
    write_table(stage.removed_lines, tables, "removed_lines", parquet=False)
    write_table(stage.input_warnings, tables, "input_warnings", parquet=False)
    clean_dir.mkdir(parents=True, exist_ok=True)
    for stale in clean_dir.glob("*.txt"):
        if stale.stem not in stage.clean_texts:
            stale.unlink()
    for article_id, text in stage.clean_texts.items():
        _atomic_write_text(clean_dir / f"{article_id}.txt", text + "\n")
    return {"tables": tables, "clean": clean_dir}



def boilerplate_audit(stage: ArticlesStage) -> pd.DataFrame:
    """Removed lines counted by rule and category, with one example line per rule."""
    removed = stage.removed_lines
    if removed.empty:
        return pd.DataFrame(columns=["rule_id", "category", "n_lines", "n_articles", "example"])
    return (
        removed.groupby(["rule_id", "category"], as_index=False)
        .agg(n_lines=("line_no", "size"), n_articles=("article_id", "nunique"), example=("text", "first"))
        .sort_values(["n_lines", "rule_id"], ascending=[False, True])
        .reset_index(drop=True)
    )


def articles_overview(stage: ArticlesStage) -> pd.DataFrame:
    """The articles table's columns an analyst reads first."""
    return stage.articles[["article_id", "status", "status_reason", "outlet", "title", "published_date",
                           "published_basis", "language", "other_languages", "origin_agency",
                           "story_group", "n_chars_clean", "n_lines_removed", "n_sentences"]]
