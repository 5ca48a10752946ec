"""Exact-output check for speed work: every table of two checkouts, compared cell by cell.

    python benchmarks/same_output.py --repo CHECKOUT --out DIR      # pickle CHECKOUT's tables of every corpus
    python benchmarks/same_output.py --compare DIR_A DIR_B          # exit 1 and show rows when any table differs

A refactoring that claims "same output" is checked by running the first command on the old and the new checkout
(each in its own process: one `analysis` package per interpreter) and then the second. Corpora: the seeds, the
genre, dev and holdout articles, and 400 synthetic articles recombined from their paragraphs (deterministic), with
words lower- or upper-cased, dashes swapped, digits' thousands separators and spaces before brackets dropped:
inputs no rule was written for, where a faster rule is most likely to part from the old one.
"""
from __future__ import annotations

import argparse
import os
import pickle
import random
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
REAL = {"seeds": "seeds", "genre": "tests/data/genre", "dev": "tests/data/dev/articles",
        "holdout": "tests/data/holdout/articles"}


def synthetic(root: Path, out: Path) -> dict[str, Path]:
    """The three synthetic corpora, written under `out` (the same files for the same real articles)."""
    heads, paras = [], []
    for rel in REAL.values():
        for p in sorted((root / rel).glob("*.txt")):
            parts = [x for x in p.read_text(encoding="utf-8").split("\n\n") if x.strip()]
            heads.append(parts[0])
            paras.extend(parts[1:])
    rng = random.Random(7)

    def articles(n):
        return ["\n\n".join([rng.choice(heads)] + rng.sample(paras, rng.randint(3, 12))) for _ in range(n)]

    def case(t):
        return re.sub(r"\w+", lambda m: m.group(0).lower() if rng.random() < .15
                      else m.group(0).upper() if rng.random() < .03 else m.group(0), t)

    def punct(t):
        t = t.replace(" - ", " – ") if rng.random() < .5 else t.replace(", ", ",")
        t = re.sub(r"(\d)\.(\d{3})", lambda m: m.group(1) + ("" if rng.random() < .3 else ".") + m.group(2), t)
        return re.sub(r"\s\(", lambda m: "(" if rng.random() < .3 else m.group(0), t)

    made = {"shuffle": articles(200), "case": [case(t) for t in articles(100)],
            "punct": [punct(t) for t in articles(100)]}
    dirs = {}
    for name, texts in made.items():
        d = dirs[name] = out / name
        d.mkdir(parents=True, exist_ok=True)
        for i, t in enumerate(texts):
            (d / f"{name}_{i:03d}.txt").write_text(t, encoding="utf-8")
    return dirs


def write(repo: Path, out: Path) -> None:
    sys.path.insert(0, str(repo))
    import analysis
    from analysis.extract import extract_tables
    from analysis.loader import load_articles

    if not analysis.__file__.startswith(str(repo)):
        sys.exit(f"imported {analysis.__file__}, not the checkout {repo}: run from a directory without analysis/")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        corpora = {name: HERE / rel for name, rel in REAL.items()} | synthetic(HERE, Path(tmp))
        for name, path in corpora.items():
            loaded = load_articles(path)
            with open(out / f"{name}.pkl", "wb") as f:
                pickle.dump(extract_tables(loaded.articles, loaded.sentences), f)
    print(f"{len(corpora)} corpora of {repo} -> {out}")


def compare(a: Path, b: Path) -> int:
    import pandas as pd

    bad = 0
    for path in sorted(a.glob("*.pkl")):
        old, new = pickle.loads(path.read_bytes()), pickle.loads((b / path.name).read_bytes())
        for table, x in old.items():
            y = new.get(table)
            try:
                assert y is not None, "missing"
                pd.testing.assert_frame_equal(x, y, check_exact=True)
            except AssertionError as exc:
                bad += 1
                print(f"{path.stem} {table}: {str(exc).splitlines()[0]}")
                if y is not None:
                    both = x.astype(str).merge(y.astype(str), how="outer", indicator=True)
                    print(both[both["_merge"] != "both"].head(8).to_string()[:3000])
    print("IDENTICAL" if not bad else f"{bad} tables differ")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", type=Path, help="checkout whose tables are written")
    ap.add_argument("--out", type=Path, help="directory for the pickled tables")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("DIR_A", "DIR_B"))
    args = ap.parse_args()
    if args.compare:
        return compare(*args.compare)
    if not (args.repo and args.out):
        ap.error("give --repo and --out, or --compare DIR_A DIR_B")
    write(args.repo.resolve(), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
