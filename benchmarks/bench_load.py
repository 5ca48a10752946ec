"""Load speed on the seeds copied N times (default 1,000 copies of each of the 5 seeds = 5,000 files).

    .venv/bin/python benchmarks/bench_load.py [--copies 1000] [--mode distinct|duplicates|both] [--repeat 3] [--no-trace]

distinct:   each copy gets its copy number inside the lead sentence ('Chiều 22-3, (bản 7) tại ...') so that no copy is a
            duplicate and every article goes through the full pipeline.
duplicates: exact copies: every copy after the first of each seed is reported as a duplicate (the
            full pipeline still runs on it: duplicates are detected on the normalised text).
Prints articles/second (files fully processed per second, duplicates included), sentences, and
peak memory: tracemalloc peak of Python allocations during the load, and the process max RSS.
Runs on one core (the loader is single-threaded).
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import paths  # noqa: E402
from analysis.loader import load_articles  # noqa: E402


def make_corpus(folder: Path, copies: int, distinct: bool) -> int:
    seeds = sorted(paths.SEEDS.glob("*.txt"))
    if not seeds:
        raise SystemExit(f"no seeds in {paths.SEEDS}: run from a checkout that has seeds/")
    n = 0
    for seed in seeds:
        raw = seed.read_bytes()
        for i in range(copies):
            data = raw
            if distinct:  # the copy number inside the lead sentence: same layout, different text
                data = raw.replace(", tại ".encode("utf-8"), f", (bản {i}) tại ".encode("utf-8"), 1)
                assert data != raw, f"{seed.name}: no ', tại ' in the lead to mark the copy"
            (folder / f"{seed.stem}_{i:05d}.txt").write_bytes(data)
            n += 1
    return n


def run(copies: int, distinct: bool, trace: bool) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="bench_load_"))
    try:
        n_files = make_corpus(folder, copies, distinct)
        load_articles(paths.SEEDS)  # warm-up: imports, rule data, underthesea
        if trace:
            tracemalloc.start()
        started = time.perf_counter()
        res = load_articles(folder)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] if trace else None
        if trace:
            tracemalloc.stop()
        status = res.report["status"].value_counts().to_dict()
        return {"mode": "distinct" if distinct else "duplicates", "files": n_files, "seconds": seconds,
                "articles_per_s": n_files / seconds, "loaded": len(res.articles), "sentences": len(res.sentences),
                "status": status, "tracemalloc_peak_mb": peak / 1e6 if peak else None}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=1000, help="copies of each seed (default 1000)")
    parser.add_argument("--mode", choices=["distinct", "duplicates", "both"], default="both")
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc run (it slows Python down a lot); speed only")
    parser.add_argument("--repeat", type=int, default=1, help="speed runs per mode; the best is printed (default 1)")
    args = parser.parse_args(argv)
    modes = [True, False] if args.mode == "both" else [args.mode == "distinct"]
    for distinct in modes:
        # Speed without tracemalloc's overhead, then memory with it.
        r = max((run(args.copies, distinct, trace=False) for _ in range(max(1, args.repeat))), key=lambda x: x["articles_per_s"])
        best = f" (best of {args.repeat})" if args.repeat > 1 else ""
        print(f"{r['mode']:>10}{best}: {r['files']} files in {r['seconds']:.1f}s = {r['articles_per_s']:.0f} articles/s "
              f"(1 core); {r['loaded']} loaded, {r['sentences']} sentences, report {r['status']}")
        if not args.no_trace:
            m = run(args.copies, distinct, trace=True)
            print(f"{'':>10}  tracemalloc peak {m['tracemalloc_peak_mb']:.0f} MB during the load "
                  f"({m['articles_per_s']:.0f} articles/s under tracing)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
