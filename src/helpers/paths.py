"""Project paths, built once from the repository root; everything else imports them from here."""

import os
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


def publish(tmp: str | Path, target: Path) -> None:
    """Move a finished temporary file into place atomically, with the permissions a new file gets
    under the user's umask (temporary files are created 0600; outputs are meant to be shared)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(tmp, target)
