"""Extraction time per stage (CPU ms per article, best of --reps) on the seeds replicated to --n articles.

    python benchmarks/bench_stages.py [--repo CHECKOUT] [--n 2000] [--reps 5] [--stages units,people]

Compare two checkouts by running it with --repo on each, alternately (the machine is noisy). Stages:
  anchors   anchors.core_positions pass (memo defeated)
  units     units.article_mentions + article_units + mention_tuple   (anchors pass done untimed first)
  people    people.article_people                                      (anchors pass done untimed first)
  events    events.article_events + events_rows                        (anchors pass done untimed first)
  frames    building the 7 core DataFrames from the rows
  references, themes, quantities: the table functions on the whole replicated corpus
  total     extract.extract_tables on the whole replicated corpus
The core stages mirror the per-article loop of analysis.extract._extract_core (keep them in step) so that each is
timed alone; no cache is keyed on an article's text (see bench_extract.py).
"""
import argparse
import gc
import os
import sys
import time
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument("--repo", default=str(Path(__file__).resolve().parent.parent), help="checkout whose analysis/ is timed (default: this one)")
ap.add_argument("--n", type=int, default=2000)
ap.add_argument("--reps", type=int, default=5)
ap.add_argument("--stages", default="anchors,units,people,events,frames,references,themes,quantities,total")
args = ap.parse_args()
sys.path.insert(0, args.repo); sys.path.insert(0, os.path.join(args.repo, "benchmarks"))
os.chdir(args.repo)
from bench_extract import replicate
from analysis.loader import load_articles
from analysis import paths, extract as ex, units as un, people as pp, events as ev, anchors
import analysis
assert analysis.__file__.startswith(os.path.abspath(args.repo)), analysis.__file__
L = load_articles(paths.SEEDS)
a, s = replicate(L.articles, L.sentences, args.n)
ex.extract_tables(L.articles, L.sentences)  # warm-up
stages = args.stages.split(",")
pt = time.process_time
by_sent = ex._sentences_by_article(s)
recs = a[["article_id", "text", "published", "event_date"]].to_dict("records")
# precompute inputs of each stage
pre = []
for art in recs:
    aid, text = art["article_id"], art["text"]
    sents = by_sent.get(aid, [])
    sindex = ([x["start"] for x in sents], [x["sentence_id"] for x in sents])
    pre.append((art, sents, sindex))
res = {}
gc.disable()
for rep in range(args.reps):
    T = dict.fromkeys(["anchors", "units", "people", "events", "frames"], 0.0)
    unit_rows, units_rows, people_rows, pm_rows, ev_rows, party_rows, sig_rows = [], [], [], [], [], [], []
    for art, sents, sindex in pre:
        aid, text = art["article_id"], art["text"]
        text = "".join([text])  # a fresh object defeats the last-text memo of the anchor pass
        art = dict(art, text=text)
        t0 = pt(); anchors.core_positions(text); t1 = pt(); T["anchors"] += t1 - t0
        units = un.article_mentions(aid, text, sindex)
        unit_rows.extend(map(un.mention_tuple, units)); units_rows.extend(un.article_units(units))
        t2 = pt(); T["units"] += t2 - t1
        prow, pmrows = pp.article_people(aid, text, units, sindex)
        people_rows.extend(prow); pm_rows.extend(map(ex._PM_ROW, pmrows))
        t3 = pt(); T["people"] += t3 - t2
        merged = {p["person_id"]: p for p in prow}
        signers = [{**m, "rank": merged.get(m["person_id"], {}).get("rank") or m["rank"],
                    "organisation": merged.get(m["person_id"], {}).get("organisation") or m["organisation"]}
                   for m in pmrows if m["person_id"] in merged]
        t4 = pt()
        evs = ev.article_events(art, sents, units, signers)
        e, p, s_ = ev.events_rows(aid, evs, text)
        ev_rows.extend(e); party_rows.extend(p); sig_rows.extend(s_)
        T["events"] += pt() - t4
    t0 = pt()
    un._mentions_frame(unit_rows); ev.frames(ev_rows, party_rows, sig_rows); un.units_frame(units_rows); pp.people_frame(people_rows)
    import pandas as pd
    pd.DataFrame.from_records(pm_rows, columns=pp.MENTION_COLUMNS)
    T["frames"] = pt() - t0
    del unit_rows, units_rows, people_rows, pm_rows, ev_rows, party_rows, sig_rows
    import analysis.references as R, analysis.themes as TH, analysis.quantities as Q
    core = None
    if "quantities" in stages:
        core = ex.extract_core(a, s)
    for name, fn in [("references", lambda: R.extract_references(a, s)), ("themes", lambda: TH.extract_themes(a, s)),
                     ("quantities", lambda: Q.extract_quantities(a, s, units=core["units"], events=core["events"])),
                     ("total", lambda: ex.extract_tables(a, s))]:
        if name in stages:
            t0 = pt(); fn(); T[name] = pt() - t0
    for k, v in T.items():
        res[k] = min(res.get(k, 1e9), v / len(a) * 1000)
    gc.collect()
print(os.path.basename(os.path.abspath(args.repo)), " ".join(f"{k}={res[k]:.3f}" for k in stages if k in res), "ms/article")
