"""The benchmark corpus: deterministic synthetic articles at real length, with the gold they plant.

`write_corpus(folder, n_articles, seed)` writes `n_articles` files, a `sources.csv` sidecar and
`planted_gold.jsonl` (one line per file: its language, kind and the contacts planted in it). Same
arguments, same bytes.

An article is built from the project's own material, never from third-party text:
- **contact** (most articles): one passage of the regression gold (`data/gold/mentions_gold.yaml`, in
  all ten languages, with its expected contacts and publication date) set among neutral sentences of
  the same language (`benchmarks/filler.yaml`) to 10-40 sentences (1-6 KB), under a headline, with a
  byline and the outlet's boilerplate lines (copyright, breadcrumb, share row, bare link);
- **no contact**: one of the gold's passages that code nothing (hard negatives), or filler only;
- **syndicated copy**: an earlier article's body under another outlet's header and boilerplate;
- **translated rewrite**: the same contact from the gold passage of another language that codes it
  (the gold has twelve such groups), so cross-language merging has work to do.
Files are UTF-8, some UTF-8 with a byte-order mark, some in the language's legacy encoding
(Windows-1251 for Bulgarian and Russian, Windows-1252 for French, Spanish, German, Portuguese), and
some wrapped in a small HTML page. The publication date (the passage's) and the outlet are in the
sidecar, as an analyst's export would have them.

Planted gold is the gold passage's expected contacts; the benchmark scores the tables against it
with the gate's matching (`helpers.gate.match`), so a faster run that costs correctness shows.
Known limits: the contact sentences come from about 190 passages, so a large corpus repeats them
(with different neighbours, outlets and dates of the files around them); filler never names a
country or a person, which makes the negative space easier than real news.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpers import SUPPORTED_LANGUAGES
from helpers.paths import PROJECT_ROOT

FILLER_PATH = PROJECT_ROOT / "benchmarks" / "filler.yaml"
GOLD_PATH = PROJECT_ROOT / "data" / "gold" / "mentions_gold.yaml"
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}
LEGACY_ENCODING = {"bg": "cp1251", "ru": "cp1251", "fr": "cp1252", "es": "cp1252", "de": "cp1252", "pt": "cp1252"}
OUTLETS = [f"Benchmark {name} Daily" for name in ("North", "South", "East", "West", "Coast", "Valley", "Capital",
                                                  "Harbour", "Plain", "Hill")]
# Shares of the article kinds (the rest are contact articles).
SHARE_NO_CONTACT = 0.15
SHARE_SYNDICATED = 0.10
SHARE_TRANSLATED = 0.05
SENTENCES = (10, 40)


@dataclass(frozen=True)
class Passage:
    id: str
    language: str
    published: str
    text: str
    expected: tuple[dict, ...]

    @property
    def contact_key(self) -> tuple:
        return tuple(sorted((e["countries"], e["type"], e["status"], e["date"]) for e in self.expected))


@dataclass
class Article:
    file: str
    language: str
    kind: str
    outlet: str
    published: str
    headline: str
    body: list[str]  # paragraphs
    expected: tuple[dict, ...]
    passage_id: str = ""
    copy_of: str = ""


def load_material() -> tuple[dict[str, list[Passage]], dict]:
    gold = yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))
    passages: dict[str, list[Passage]] = {lang: [] for lang in SUPPORTED_LANGUAGES}
    for p in gold["passages"]:
        passages[p["language"]].append(Passage(p["id"], p["language"], str(p.get("published") or ""), p["text"],
                                                tuple(p.get("expected") or ())))
    filler = yaml.safe_load(FILLER_PATH.read_text(encoding="utf-8"))
    return passages, filler


def _filler(rng: random.Random, filler: dict, language: str, k: int) -> list[str]:
    pool = filler["sentences"][language]
    return [rng.choice(pool).format(n=rng.randint(2, 900), m=rng.randint(2, 30)) for _ in range(k)]


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    out, i = [], 0
    while i < len(sentences):
        k = rng.randint(1, 4)
        out.append(" ".join(sentences[i:i + k]))
        i += k
    return out


def _body(rng: random.Random, filler: dict, language: str, passage: Passage | None) -> list[str]:
    """The passage (if any) first, as a news report opens, then neutral paragraphs up to the length drawn."""
    n = rng.randint(*SENTENCES)
    lead = [passage.text] if passage else []
    return lead + _paragraphs(_filler(rng, filler, language, n - (2 if passage else 0)), rng)


def plan_articles(n_articles: int, seed: int = 0) -> list[Article]:
    """The corpus as data (no file written): deterministic for (n_articles, seed)."""
    rng = random.Random(seed)
    passages, filler = load_material()
    contacts = {lang: [p for p in ps if p.expected] for lang, ps in passages.items()}
    negatives = {lang: [p for p in ps if not p.expected] for lang, ps in passages.items()}
    by_key: dict[tuple, list[Passage]] = {}
    for ps in contacts.values():
        for p in ps:
            by_key.setdefault(p.contact_key, []).append(p)
    articles: list[Article] = []
    for i in range(n_articles):
        language = SUPPORTED_LANGUAGES[i % len(SUPPORTED_LANGUAGES)]
        outlet = OUTLETS[rng.randrange(len(OUTLETS))]
        draw = rng.random()
        file = f"{i:06d}_{language}.txt"
        if articles and draw < SHARE_SYNDICATED:
            source = articles[rng.randrange(len(articles))]
            articles.append(Article(file, source.language, "syndicated", outlet, source.published, source.headline,
                                    list(source.body), source.expected, source.passage_id, source.file))
            continue
        if draw < SHARE_SYNDICATED + SHARE_TRANSLATED:
            group = [p for p in by_key.get(rng.choice(contacts[language]).contact_key, []) if p.language != language]
            if group:
                p = rng.choice(group)
                articles.append(Article(file.replace(f"_{language}", f"_{p.language}"), p.language, "translated",
                                        outlet, p.published, rng.choice(filler["headlines"][p.language]),
                                        _body(rng, filler, p.language, p), p.expected, p.id))
                continue
        if draw < SHARE_SYNDICATED + SHARE_TRANSLATED + SHARE_NO_CONTACT:
            p = rng.choice(negatives[language]) if negatives[language] and rng.random() < 0.5 else None
            published = p.published if p else f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            articles.append(Article(file, language, "no_contact", outlet, published,
                                    rng.choice(filler["headlines"][language]), _body(rng, filler, language, p), (),
                                    p.id if p else ""))
            continue
        p = rng.choice(contacts[language])
        articles.append(Article(file, language, "contact", outlet, p.published,
                                rng.choice(filler["headlines"][language]), _body(rng, filler, language, p),
                                p.expected, p.id))
    return articles


def _boilerplate(outlet: str, year: str) -> list[str]:
    return [f"© {year} {outlet}. All rights reserved.", "https://example.org/news",
            "Home > News > World", "* * *"]


def article_text(article: Article) -> str:
    year = article.published[:4] or "2025"
    lines = ["Home > News > World", article.headline, f"{article.outlet}", *article.body,
             *_boilerplate(article.outlet, year)]
    return "\n\n".join(lines) + "\n"


def article_bytes(article: Article, index: int) -> tuple[str, bytes]:
    """The file name and bytes: every 7th file HTML, every 11th with a BOM, every 5th in the legacy encoding."""
    text = article_text(article)
    name = article.file
    if index % 7 == 3:
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
        page = (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{html.escape(article.headline)}</title>"
                f"</head><body><nav>Home | News | World</nav><article>{paragraphs}</article>"
                f"<footer>Share | Subscribe</footer></body></html>")
        return name.replace(".txt", ".html"), page.encode("utf-8")
    if index % 11 == 5:
        return name, b"\xef\xbb\xbf" + text.encode("utf-8")
    legacy = LEGACY_ENCODING.get(article.language)
    if legacy and index % 5 == 2:
        try:
            return name, text.encode(legacy)
        except UnicodeEncodeError:
            pass
    return name, text.encode("utf-8")


def write_corpus(folder: Path, n_articles: int, seed: int = 0) -> list[dict]:
    """Write the corpus into `folder` (created); returns the planted gold rows (also in planted_gold.jsonl)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    gold_rows, sidecar_rows = [], []
    for index, article in enumerate(plan_articles(n_articles, seed)):
        name, data = article_bytes(article, index)
        (folder / name).write_bytes(data)
        sidecar_rows.append({"file": name, "outlet": article.outlet, "published": article.published,
                             "url": f"https://example.org/{Path(name).stem}"})
        gold_rows.append({"file": name, "language": article.language, "kind": article.kind,
                          "passage_id": article.passage_id, "copy_of": article.copy_of,
                          "expected": list(article.expected)})
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["file", "outlet", "published", "url"])
        writer.writeheader()
        writer.writerows(sidecar_rows)
    with (folder / "planted_gold.jsonl").open("w", encoding="utf-8") as fh:
        for row in gold_rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    return gold_rows


def corpus_digest(folder: Path) -> str:
    """SHA-256 over the names and bytes of every file of the corpus (to record which corpus a figure is on)."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).iterdir()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", default="1k", help="1k, 10k, 100k or a number of articles")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    n = SIZES.get(args.size) or int(args.size)
    write_corpus(args.folder, n, args.seed)
    print(f"{n} articles in {args.folder} (sha256 {corpus_digest(args.folder)[:16]})")


if __name__ == "__main__":
    main()
