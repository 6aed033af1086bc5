"""Project paths, built once from the repository root; everything else imports them from here."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
SEEDS_DIR = DATA_DIR / "seeds"
REFERENCE_DIR = DATA_DIR / "reference"
LEXICON_DIR = REFERENCE_DIR / "lang"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"


def resolve(path: str | Path) -> Path:
    """Resolve a path given as a notebook parameter: absolute as is, relative to the project root.

    Notebooks run with `notebooks/` as working directory (JupyterLab) or wherever papermill
    was started; anchoring relative parameters at the project root makes both agree.
    The CLI resolves its arguments against the caller's working directory instead.
    """
    p = Path(path).expanduser()
    return p if p.is_absolute() else (PROJECT_ROOT / p).resolve()
