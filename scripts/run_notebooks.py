"""Execute the project's notebooks with papermill, in order, into OUT/_executed/.

Each notebook's parameters come from the command line; executed copies keep them in
`metadata.papermill.parameters`. A failing notebook stops the run with its name and exit 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import papermill as pm

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ["01_clean_articles.ipynb", "02_extract_contacts.ipynb"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input", default="data/seeds")
    parser.add_argument("--out", default="reports")
    parser.add_argument("--sources", default="")
    parser.add_argument("--languages", default="en,fr,bg,ro,ru,es,de,pt,ar,sw")
    args = parser.parse_args()
    out = Path(args.out).resolve()
    executed = out / "_executed"
    executed.mkdir(parents=True, exist_ok=True)
    parameters = {
        "input_dir": str(Path(args.input).resolve()),
        "sources_csv": str(Path(args.sources).resolve()) if args.sources else "",
        "out_dir": str(out),
        "languages": [x.strip() for x in args.languages.split(",") if x.strip()],
    }
    for name in NOTEBOOKS:
        target = executed / name
        declared = pm.inspect_notebook(str(ROOT / "notebooks" / name))
        unknown = sorted(set(parameters) - set(declared))
        if unknown:  # papermill would only warn; an unknown parameter is a mistake
            print(f"error: {name} has no parameter {', '.join(unknown)} (it has: {', '.join(declared)})",
                  file=sys.stderr)
            return 2
        try:
            pm.execute_notebook(ROOT / "notebooks" / name, target, parameters=parameters,
                                kernel_name="python3", progress_bar=False, cwd=str(ROOT / "notebooks"))
        except pm.PapermillExecutionError as exc:
            print(f"error: notebook {name} failed in cell {exc.exec_count}: {exc.ename}: {exc.evalue}\n"
                  f"the executed notebook is kept at {target}", file=sys.stderr)
            return 1
        print(f"executed {name} -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
