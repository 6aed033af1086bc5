"""Write the adversarial input corpus: hostile, broken and awkward article files beside the seeds.

Usage:
  python tests/adversarial/generate.py OUT_DIR [--small]

OUT_DIR/input receives the five seed articles, their sidecar rows and one file per case below;
OUT_DIR/outside holds what the symlinks point at (it must stay untouched by a run). Nothing large is
committed: the 50 MB file and the 5 MB line are written here, on demand (`--small` shrinks them, for
a quick local look). `CASES` says, for each file, what the articles stage must make of it; the test
suite (tests/test_adversarial.py) checks every expectation and that each file has exactly one row.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"

CONTACT = ("Russian President Vladimir Putin held talks with the President of Mali Assimi Goita in Moscow on "
           "Tuesday, the Kremlin said.")
BOILERPLATE = "Advertisement\nShare on Facebook\nScroll to Top\nAll rights reserved\n"
# Names in 150 different spellings are not needed: 150 ISO codes' English names, from the reference table.
SCRIPT_HTML = ("<html><head><title>Putin meets Goita</title><script>alert('head')</script></head>"
               "<body onload=\"alert('onload')\"><article><h1>Putin meets Goita</h1>"
               "<p onclick=\"alert('p')\">" + CONTACT + " <a href=\"javascript:alert('link')\">more</a></p>"
               "<iframe src=\"https://example.com/tracker\"></iframe><img src=x onerror=\"alert('img')\">"
               "<p>&lt;script&gt;alert('escaped')&lt;/script&gt; The two leaders discussed security.</p>"
               "<svg><script>alert('svg')</script></svg></article></body></html>")


@dataclass(frozen=True)
class Case:
    """One adversarial file: its name, how it is written, and what the articles stage must report."""

    name: str
    status: str  # "ok" or "skipped"
    reason: str = ""  # a part of status_reason, when skipped
    what: str = ""


def _country_names(n: int) -> list[str]:
    table = SEEDS.parents[1] / "data" / "reference" / "country_names.csv"
    with table.open(encoding="utf-8") as fh:
        names = [r["name"] for r in csv.DictReader(fh) if r["lang"] == "en" and r["name_type"] == "cldr"]
    return sorted(set(names))[:n]


def _write_cases(folder: Path, outside: Path, small: bool) -> list[Case]:
    big_mb = 1 if small else 50
    line_mb = 0.2 if small else 5
    files: dict[str, bytes] = {
        "truncated_utf8.txt": ("Talks\n\n" + CONTACT + " Лавров и Диоп обсудили").encode("utf-8")[:-1],
        "mixed_encodings.txt": CONTACT.encode("utf-8") + "\nЛавров встретился с Диопом.\n".encode("cp1251"),
        "nul_bytes.txt": CONTACT.encode("utf-8") + b"\x00\x00\x00" + b"tail",
        "huge_50mb.txt": (CONTACT.encode("utf-8") + b"\n") * int(big_mb * 1_000_000 / (len(CONTACT) + 1) + 1),
        "one_5mb_line.txt": ("Putin and Goita " * int(line_mb * 1_000_000 / 16)).encode("utf-8"),
        "deep_nesting.html": ("<html><body>" + "<div>" * 20_000 + f"<p>{CONTACT}</p>" + "</div>" * 20_000
                              + "</body></html>").encode("utf-8"),
        "scripts_and_handlers.html": SCRIPT_HTML.encode("utf-8"),
        "rtl_and_zero_width.txt": ("Put\u200bin met Goi\u200dta\n\nRussian President Vladimir Pu\u200btin met "
                                   "President \u202eatioG imissA\u202c of Ma\u200bli in Moscow on Tuesday, and "
                                   "\u2067Mali\u2069 thanked Russia.\n").encode("utf-8"),
        "homoglyph_countries.txt": ("Talks in Moscow\n\nThe President of Ru\u0455sia received the President of "
                                    "M\u0430li in Moscow on Tuesday, the K\u0433emlin said.\n").encode("utf-8"),
        "only_boilerplate.txt": BOILERPLATE.encode("utf-8"),
        "a sentence of 20000 chars.txt": ("Long\n\n" + CONTACT[:-1] + ", " + "and the ministers also said that "
                                          * 620 + "the talks went well.\n").encode("utf-8"),
        "150_countries.txt": ("Summit\n\nPutin met the leaders of " + ", ".join(_country_names(150))
                              + " in Sochi on Tuesday.\n").encode("utf-8"),
        "quote'and\"double.txt": (CONTACT + "\n").encode("utf-8"),
        "ünïcødé_名前.txt": (CONTACT + "\n").encode("utf-8"),
        "-rf --leading-dash.txt": (CONTACT + "\n").encode("utf-8"),
        "semi;colon:name.txt": (CONTACT + "\n").encode("utf-8"),
        "formula_cells.txt": ("=HYPERLINK(\"http://evil.example\",\"click\")\n\n+cmd|' /C calc'!A0 "
                              + CONTACT + "\n\n@SUM(1+1) The two leaders discussed security.\n").encode("utf-8"),
        "far_dates.txt": (CONTACT + " They will meet again next year and on 31 December 9999.\n").encode("utf-8"),
        "zero_date.txt": (CONTACT + "\n").encode("utf-8"),
        "javascript_url.txt": (CONTACT + "\n").encode("utf-8"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    shutil.copyfile(SEEDS / "002_abe042436c6ac159.txt", folder / "copy of 002 under another name.txt")
    (outside / "secret.txt").write_text(CONTACT + "\n", encoding="utf-8")
    (folder / "link_outside.txt").symlink_to(outside / "secret.txt")
    (folder / "link_inside.txt").symlink_to(folder / "ünïcødé_名前.txt")
    return [
        Case("truncated_utf8.txt", "ok", what="a multi-byte character cut at the end: decoded, the tail replaced"),
        Case("mixed_encodings.txt", "ok", what="UTF-8 then cp1251 in one file: decoded by the detector"),
        Case("nul_bytes.txt", "skipped", "binary", "NUL bytes in a text file"),
        Case("huge_50mb.txt", "skipped", "limit for one article", "50 MB"),
        Case("one_5mb_line.txt", "ok", what="a single line of 5 MB (under the size limit)"),
        Case("deep_nesting.html", "ok", what="20,000 nested <div>s: read through the visible-text fallback"),
        Case("scripts_and_handlers.html", "ok", what="scripts, handlers, iframes, javascript: links"),
        Case("rtl_and_zero_width.txt", "ok", what="zero-width and bidi control characters inside names"),
        Case("homoglyph_countries.txt", "ok", what="country names with Cyrillic look-alike letters"),
        Case("only_boilerplate.txt", "skipped", "no body text left", "only boilerplate lines"),
        Case("a sentence of 20000 chars.txt", "ok", what="one sentence of about 20,000 characters"),
        Case("150_countries.txt", "ok", what="one sentence naming 150 countries"),
        Case("quote'and\"double.txt", "ok", what="quotes in the file name"),
        Case("ünïcødé_名前.txt", "ok", what="non-ASCII file name"),
        Case("-rf --leading-dash.txt", "ok", what="a leading dash and spaces in the file name"),
        Case("semi;colon:name.txt", "ok", what="the tables' list and id separators in the file name"),
        Case("formula_cells.txt", "ok", what="lines starting with =, + and @"),
        Case("far_dates.txt", "ok", what="sidecar date 9999-12-31 and a year 9999 in the text"),
        Case("zero_date.txt", "ok", what="sidecar date 0000-00-00"),
        Case("javascript_url.txt", "ok", what="sidecar url javascript:alert(1)"),
        Case("copy of 002 under another name.txt", "ok", what="a byte-identical copy of a seed"),
        Case("link_outside.txt", "skipped", "outside the input folder", "a symlink out of the input folder"),
        Case("link_inside.txt", "ok", what="a symlink to another file of the folder"),
    ]


SIDECAR_EXTRA = [
    {"file": "../../etc/passwd", "outlet": "Traversal"},
    {"file": "../outside/secret.txt", "outlet": "Traversal"},
    {"file": "far_dates.txt", "published": "9999-12-31", "outlet": "=HYPERLINK(\"http://evil.example\")"},
    {"file": "zero_date.txt", "published": "0000-00-00", "outlet": "+cmd"},
    {"file": "javascript_url.txt", "url": "javascript:alert(1)", "outlet": "@SUM(A1)", "title": "-2+3"},
]


def write_corpus(root: Path, small: bool = False) -> list[Case]:
    """Write root/input (seeds + cases + sources.csv) and root/outside; returns the cases."""
    folder, outside = root / "input", root / "outside"
    folder.mkdir(parents=True)
    outside.mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(seed, folder / seed.name)
    cases = _write_cases(folder, outside, small)
    with (SEEDS / "sources.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        columns = list(reader.fieldnames or [])
        rows = list(reader)
    columns += [c for c in ("title",) if c not in columns]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows + SIDECAR_EXTRA:
        writer.writerow({c: row.get(c, "") for c in columns})
    (folder / "sources.csv").write_text(out.getvalue(), encoding="utf-8")
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--small", action="store_true", help="1 MB instead of 50 MB, 0.2 MB line instead of 5 MB")
    args = parser.parse_args(argv)
    root = Path(args.out_dir)
    if root.exists() and any(root.iterdir()):
        print(f"{root} is not empty; choose a new folder", file=sys.stderr)
        return 2
    cases = write_corpus(root, small=args.small)
    print(f"wrote {len(cases)} adversarial files and the seeds to {root / 'input'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
