"""Every extracted table of a corpus in one call: `extract_tables(articles, sentences)`.

Returns a dict of DataFrames: the contract's events, event_parties, event_signatories, units, people, references,
themes, quantities, plus the extra tables unit_mentions (every unit mention with surface and offsets) and
person_mentions (every person mention). Pure: no I/O beyond the packaged rule data.

Units, people and events are computed article by article in one pass (analysis.units / people / events); references,
themes and quantities come from analysis.references / themes / quantities (imported when called: a missing module
is an error, never an empty table).
"""
from __future__ import annotations

import contextlib
import gc
import importlib
import operator

import pandas as pd

from analysis import events as ev
from analysis import people as pp
from analysis import units as un

_PM_ROW = operator.itemgetter(*pp.MENTION_COLUMNS)

OTHER_EXTRACTORS = {
    "references": ("analysis.references", "extract_references"),
    "themes": ("analysis.themes", "extract_themes"),
    "quantities": ("analysis.quantities", "extract_quantities"),
}


def _extractor(table: str):
    module, name = OTHER_EXTRACTORS[table]
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        raise RuntimeError(f"cannot build the {table!r} table: {module} is missing or broken ({exc}); "
                           f"it must provide {name}(articles, sentences)") from exc
    fn = getattr(mod, name, None)
    if fn is None:
        raise RuntimeError(f"cannot build the {table!r} table: {module} has no function {name}")
    return fn


def _sentences_by_article(sentences: pd.DataFrame) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    if sentences is None or len(sentences) == 0:
        return out
    cols = ["article_id", "sentence_id", "start", "end", "kind", "paragraph"]
    s = sentences[[c for c in cols if c in sentences.columns]].sort_values(["article_id", "sentence_id"])
    # plain Python values (tolist) once, not one numpy scalar conversion per cell
    aids = s["article_id"].tolist()
    sids = s["sentence_id"].astype("int64").tolist()
    starts = s["start"].astype("int64").tolist()
    ends = s["end"].astype("int64").tolist()
    kinds = s["kind"].tolist() if "kind" in s else ["body"] * len(s)
    pars = s["paragraph"].astype("int64").tolist() if "paragraph" in s else sids
    last, acc = None, None
    for a, sid, st, en, k, par in zip(aids, sids, starts, ends, kinds, pars):
        if a != last:
            acc = out.setdefault(a, [])
            last = a
        acc.append({"sentence_id": sid, "start": st, "end": en, "kind": k, "paragraph": par})
    return out


@contextlib.contextmanager
def _gc_paused():
    """Millions of small short-lived dicts and no reference cycles: the cyclic garbage collector would only
    rescan them again and again, so it is paused for the duration (and restored as it was)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def extract_core(articles: pd.DataFrame, sentences: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """units, unit_mentions, people, person_mentions, events, event_parties, event_signatories."""
    with _gc_paused():
        return _extract_core(articles, sentences)


def _extract_core(articles: pd.DataFrame, sentences: pd.DataFrame) -> dict[str, pd.DataFrame]:
    by_sent = _sentences_by_article(sentences)
    unit_rows, units_rows, people_rows, pm_rows = [], [], [], []
    ev_rows, party_rows, sig_rows = [], [], []
    cols = [c for c in ("article_id", "text", "published", "event_date") if c in articles.columns]
    for art in articles[cols].to_dict("records"):
        aid, text = art["article_id"], _text(art.get("text"))
        sents = by_sent.get(aid, [])
        sindex = ([s["start"] for s in sents], [s["sentence_id"] for s in sents])
        units = un.article_mentions(aid, text, sindex)
        unit_rows.extend(map(un.mention_tuple, units))
        units_rows.extend(un.article_units(units))
        prow, pmrows = pp.article_people(aid, text, units, sindex)
        people_rows.extend(prow)
        pm_rows.extend(map(_PM_ROW, pmrows))
        merged = {p["person_id"]: p for p in prow}
        signers = [{**m, "rank": merged.get(m["person_id"], {}).get("rank") or m["rank"],
                    "organisation": merged.get(m["person_id"], {}).get("organisation") or m["organisation"]}
                   for m in pmrows if m["person_id"] in merged]
        art["text"] = text
        evs = ev.article_events(art, sents, units, signers)
        e, p, s = ev.events_rows(aid, evs, text)
        ev_rows.extend(e)
        party_rows.extend(p)
        sig_rows.extend(s)
    unit_mentions = un._mentions_frame(unit_rows)
    events, parties, signatories = ev.frames(ev_rows, party_rows, sig_rows)
    return {
        "events": events,
        "event_parties": parties,
        "event_signatories": signatories,
        "units": un.units_frame(units_rows),
        "unit_mentions": unit_mentions,
        "people": pp.people_frame(people_rows),
        "person_mentions": pd.DataFrame.from_records(pm_rows, columns=pp.MENTION_COLUMNS) if pm_rows
        else pd.DataFrame(columns=pp.MENTION_COLUMNS),
    }


def extract_tables(articles: pd.DataFrame, sentences: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every table of the extraction contract (and the extra mention tables) for these articles."""
    with _gc_paused():  # references, themes and quantities too (see _gc_paused)
        tables = extract_core(articles, sentences)
        tables["references"] = _extractor("references")(articles, sentences)
        tables["themes"] = _extractor("themes")(articles, sentences)
        quantities = _extractor("quantities")
        tables["quantities"] = quantities(articles, sentences, units=tables["units"], events=tables["events"])
    order = ["events", "event_parties", "event_signatories", "units", "people", "references", "themes", "quantities",
             "unit_mentions", "person_mentions"]
    return {name: tables[name] for name in order}


def _text(value) -> str:
    """An article's text, '' when missing (None / NaN)."""
    return value if isinstance(value, str) else ""
