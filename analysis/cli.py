"""Command line: `python -m analysis extract SOURCE --out DIR` and `python -m analysis report`."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def _extract(args: argparse.Namespace) -> int:
    from analysis.corpus import load_corpus
    from analysis.tables import write_tables

    source = Path(args.source)
    if not source.exists():
        print(f"error: {source} does not exist: give a folder of articles, one article file, or a .jsonl/.csv export", file=sys.stderr)
        return 2
    started = time.perf_counter()
    corpus = load_corpus(source)
    n_loaded = len(corpus.articles)
    if n_loaded == 0:
        print(f"error: nothing loaded from {source}:", file=sys.stderr)
        for row in corpus.load_report.itertuples():
            print(f"  {row.path}: {row.status} ({row.reason})", file=sys.stderr)
        return 1
    write_tables(corpus.tables(include_load_report=True), args.out)
    skipped = int((corpus.load_report["status"] == "skipped").sum())
    counts = ", ".join(f"{len(frame)} {name}" for name, frame in corpus.tables().items() if name not in ("articles", "sentences"))
    print(f"{n_loaded} articles ({skipped} skipped), {len(corpus.sentences)} sentences, {counts} "
          f"-> {args.out} in {time.perf_counter() - started:.1f}s")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="load articles and write every table as Parquet")
    ex.add_argument("source", help="a folder of articles, one file (.txt, .html, .jsonl, .csv)")
    ex.add_argument("--out", required=True, help="folder that receives <table>.parquet")
    ex.set_defaults(func=_extract)
    from analysis import report
    rp = sub.add_parser("report", help="render every notebook into offline HTML reports")
    report.add_arguments(rp)
    rp.set_defaults(func=report.command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
