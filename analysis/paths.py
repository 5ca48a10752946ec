"""Every path the project uses, in one place."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"                      # gazetteers, patterns, theme keywords
ROOT = PACKAGE.parent                        # the checkout (when installed in editable mode)
SEEDS = ROOT / "seeds"                       # the five sample articles
NOTEBOOKS = ROOT / "notebooks"               # parameterised notebooks (papermill)
REPORTS = Path(os.environ.get("ANALYSIS_REPORTS", ROOT / "reports"))  # rendered HTML
SHARED = ROOT.parent / "shared"              # ../shared beside the checkout (contract, gold, scorer)
GOLD = SHARED / "eval" / "seeds_gold.json"
SCORER = SHARED / "eval" / "score.py"


def data_file(name: str) -> Path:
    """Path of a rule-data file shipped in analysis/data, with a clear error when it is missing."""
    path = DATA / name
    if not path.exists():
        raise FileNotFoundError(f"rule data file {path} is missing: reinstall the package or restore it from git")
    return path
