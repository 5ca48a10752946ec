"""Writing and reading the extracted tables (one Parquet file per table)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

# The contract's tables, in the order a reader meets them (../shared/contract/tables.md).
CONTRACT_TABLES = (
    "articles", "sentences", "events", "event_parties", "event_signatories",
    "units", "people", "references", "themes", "quantities",
)


def write_tables(tables: dict[str, pd.DataFrame], out: str | Path) -> list[Path]:
    """Write every table as OUT/<name>.parquet, atomically (a reader never sees a half-written file)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        target = out / f"{name}.parquet"
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".parquet", dir=out)
        os.close(fd)
        try:
            frame.to_parquet(tmp, index=False)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        written.append(target)
    return written


def read_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read back every Parquet table of a folder written by write_tables."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder of tables: run `python -m analysis extract SOURCE --out {folder}` first")
    return {p.stem: pd.read_parquet(p) for p in sorted(folder.glob("*.parquet"))}
