"""What the reports say: filtered tables, tabulations and findings paragraphs written from the data.

Every function takes `t`, a dict of the contract tables (../shared/contract/tables.md) as returned by
`load()` or `select()`, and returns a DataFrame or a plain-text paragraph. Nothing here draws or
renders HTML: the notebooks pass the frames to analysis.display and analysis.figures.
"""
from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pandas as pd

from analysis import labels
from analysis.text import fold

Tables = dict[str, pd.DataFrame]

# Programmes tracked in focus, and the references that stand for them (Đề án 06 is Quyết định 06/QĐ-TTg).
FOCUS_REFERENCES = {
    "de_an_06": {("de_an", "06"), ("quyet_dinh", "06/QĐ-TTg")},
    "nghi_quyet_12": {("nghi_quyet", "12-NQ/TW")},
}
RANK_ORDER = ["Thiếu úy", "Trung úy", "Thượng úy", "Đại úy", "Thiếu tá", "Trung tá", "Thượng tá", "Đại tá",
              "Thiếu tướng", "Trung tướng", "Thượng tướng", "Đại tướng"]
_EMPTY_COLUMNS = {
    "articles": ["article_id", "title", "published", "event_date", "n_chars", "n_sentences"],
    "sentences": ["article_id", "sentence_id", "start", "end", "text"],
    "events": ["article_id", "event_id", "kind", "agreement_type", "date", "place", "term", "doc_number", "sentence_id"],
    "event_parties": ["article_id", "event_id", "unit_id", "unit"],
    "event_signatories": ["article_id", "event_id", "person_id", "name"],
    "units": ["article_id", "unit_id", "unit", "kind", "province", "province_2025", "country", "sentence_id", "start", "end"],
    "people": ["article_id", "person_id", "name", "rank", "position", "organisation", "sentence_id", "start", "end"],
    "references": ["article_id", "ref_id", "kind", "number", "issuer", "date", "alias", "sentence_id"],
    "themes": ["article_id", "theme", "hits", "sentence_id"],
    "quantities": ["article_id", "text", "value", "unit", "about", "sentence_id"],
}


# ---------------------------------------------------------------- loading and filtering

def load(corpus: str | Path = "", tables: str | Path = "") -> Tables:
    """The tables of a run: read from `tables` (a folder of Parquet files) when given, else extracted from `corpus`."""
    if tables:
        from analysis.tables import read_tables

        t = read_tables(tables)
    elif corpus:
        from analysis.corpus import load_corpus

        t = load_corpus(corpus).tables()
    else:
        raise ValueError("give a corpus folder (corpus = '../seeds') or a folder of extracted tables (tables = ...)")
    return complete(t)


def complete(t: Tables) -> Tables:
    """Every contract table present (empty with its columns when missing), dates as strings."""
    out = dict(t)
    for name, cols in _EMPTY_COLUMNS.items():
        frame = out.get(name)
        if frame is None:
            frame = pd.DataFrame(columns=cols)
        frame = frame.copy()
        for col in cols:
            if col not in frame.columns:
                frame[col] = None
        out[name] = frame
    return out


def _date_in(d, date_from: str, date_to: str) -> bool:
    if not isinstance(d, str) or not d:
        return not (date_from or date_to)
    if date_from:
        k = min(len(d), len(date_from))
        if d[:k] < date_from[:k]:
            return False
    if date_to:
        k = min(len(d), len(date_to))
        if d[:k] > date_to[:k]:
            return False
    return True


def article_dates(t: Tables) -> pd.Series:
    """article_id -> the date of what the article reports (event_date, else published), ISO string or None."""
    a = t["articles"]
    dates = a["event_date"].where(a["event_date"].notna() & (a["event_date"].astype(str) != ""), a["published"])
    return pd.Series(dates.values, index=a["article_id"].values, dtype=object)


def _matches(value, wanted: list[str]) -> bool:
    """Province names compared without marks, case, 'tỉnh'/'TP' prefixes or punctuation ('TP. Hồ Chí Minh' = 'Hồ Chí Minh')."""
    from analysis.geo import find_province, key

    if not isinstance(value, str):
        return False
    keys = {key(value)}
    place = find_province(value)
    if place:
        keys.add(key(place["name"]))
    for w in wanted:
        other = find_province(w)
        if key(w) in keys or (other and key(other["name"]) in keys):
            return True
    return False


def select(t: Tables, date_from: str = "", date_to: str = "", provinces=(), units=(), themes=()) -> Tables:
    """Only the articles that match every filter given (date range, any of the provinces/units/themes), and their facts."""
    t = complete(t)
    ids = set(t["articles"]["article_id"])
    if date_from or date_to:
        dates = article_dates(t)
        ids &= {aid for aid, d in dates.items() if _date_in(d, date_from, date_to)}
    if provinces:
        u = t["units"]
        hit = u["province"].map(lambda v: _matches(v, provinces)) | u["province_2025"].map(lambda v: _matches(v, provinces))
        ids &= set(u.loc[hit, "article_id"])
    if units:
        wanted = {fold(w) for w in units}
        u = t["units"]
        ids &= set(u.loc[u["unit"].map(lambda v: isinstance(v, str) and fold(v) in wanted) | u["unit_id"].isin(list(units)), "article_id"])
    if themes:
        th = t["themes"]
        ids &= set(th.loc[th["theme"].isin(list(themes)), "article_id"])
    return {name: (frame[frame["article_id"].isin(ids)].reset_index(drop=True) if "article_id" in frame.columns else frame)
            for name, frame in t.items()}


def describe_filters(lang: str = "vi", **params) -> str:
    """One line naming the filters in force, for the top of a report."""
    vi = lang == "vi"
    parts = []
    if params.get("date_from") or params.get("date_to"):
        parts.append(("Thời gian: " if vi else "Dates: ") + f"{params.get('date_from') or '…'} – {params.get('date_to') or '…'}")
    if params.get("provinces"):
        parts.append(("Tỉnh/thành: " if vi else "Provinces: ") + ", ".join(params["provinces"]))
    if params.get("units"):
        parts.append(("Đơn vị: " if vi else "Units: ") + ", ".join(params["units"]))
    if params.get("themes"):
        parts.append(("Chủ đề: " if vi else "Themes: ") + ", ".join(labels.theme(s, lang) for s in params["themes"]))
    if not parts:
        return "Toàn bộ kho bài báo, không lọc." if vi else "The whole corpus, no filter."
    return "; ".join(parts) + "."


# ---------------------------------------------------------------- provenance

def evidence(t: Tables, frame: pd.DataFrame) -> pd.Series:
    """The sentence each row of `frame` was read from (by article_id + sentence_id)."""
    if frame.empty:
        return pd.Series([], dtype=object)
    s = t["sentences"].drop_duplicates(["article_id", "sentence_id"]).set_index(["article_id", "sentence_id"])["text"]
    keys = list(zip(frame["article_id"], frame["sentence_id"]))
    return pd.Series([s.get(k, "") if pd.notna(k[1]) else "" for k in keys], index=frame.index, dtype=object)


def shorten(text, width: int = 90) -> str:
    """At most `width` characters, cut at a word with '…' (titles in wide tables; the full text is in the evidence)."""
    if not isinstance(text, str):
        return ""
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + " …"


def _titles(t: Tables) -> pd.Series:
    return t["articles"].set_index("article_id")["title"]


# ---------------------------------------------------------------- agreements

def events_table(t: Tables) -> pd.DataFrame:
    """One row per event: date, kind, type, parties, signatories, term, document number, place, article and evidence."""
    ev = t["events"].copy()
    cols = ["date", "kind", "agreement_type", "parties", "signatories", "term", "doc_number", "place", "article_id", "title", "evidence"]
    if ev.empty:
        return pd.DataFrame(columns=cols)
    parties = t["event_parties"].groupby("event_id")["unit"].agg(lambda s: "; ".join(dict.fromkeys(s.dropna())))
    signers = t["event_signatories"].groupby("event_id")["name"].agg(lambda s: "; ".join(dict.fromkeys(s.dropna())))
    ev["parties"] = ev["event_id"].map(parties).fillna("")
    ev["signatories"] = ev["event_id"].map(signers).fillna("")
    dates = article_dates(t)
    ev["date"] = ev["date"].where(ev["date"].notna() & (ev["date"].astype(str) != ""), ev["article_id"].map(dates))
    ev["title"] = ev["article_id"].map(_titles(t)).map(lambda x: shorten(x, 90))
    ev["evidence"] = evidence(t, ev)
    return ev.sort_values(["date", "article_id", "event_id"], na_position="last")[cols].reset_index(drop=True)


def count_by(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows per value of `column` (missing values counted as 'other'), most frequent first."""
    if frame.empty:
        return pd.DataFrame(columns=[column, "count"])
    counts = frame[column].fillna("other").value_counts()
    return counts.rename_axis(column).reset_index(name="count")


def cooperation_pairs(t: Tables) -> pd.DataFrame:
    """Every pair of units that are parties to the same event, with how many events they share."""
    rows = []
    for eid, group in t["event_parties"].groupby("event_id"):
        for a, b in combinations(sorted(set(group["unit"].dropna())), 2):
            rows.append({"unit_a": a, "unit_b": b, "event_id": eid})
    if not rows:
        return pd.DataFrame(columns=["unit_a", "unit_b", "n_events", "events"])
    pairs = pd.DataFrame(rows)
    return (pairs.groupby(["unit_a", "unit_b"])["event_id"].agg(n_events="count", events=lambda s: "; ".join(s))
            .reset_index().sort_values(["n_events", "unit_a"], ascending=[False, True]).reset_index(drop=True))


def units_activity(t: Tables) -> pd.DataFrame:
    """Units with their province and country, events they are party to, articles mentioning them, first/last date."""
    cols = ["unit", "province", "country", "n_events", "n_articles", "partners", "first_date", "last_date"]
    u, ep = t["units"], t["event_parties"]
    if u.empty and ep.empty:
        return pd.DataFrame(columns=cols)
    dates = article_dates(t)
    info = u.drop_duplicates("unit")[["unit", "province", "country"]].set_index("unit")
    names = list(dict.fromkeys(list(ep["unit"].dropna()) + list(u["unit"].dropna())))
    pairs = cooperation_pairs(t)
    rows = []
    for name in names:
        arts = set(u.loc[u["unit"] == name, "article_id"]) | set(ep.loc[ep["unit"] == name, "article_id"])
        ds = sorted(d for d in (dates.get(a) for a in arts) if isinstance(d, str) and d)
        partners = sorted(set(pairs.loc[pairs["unit_a"] == name, "unit_b"]) | set(pairs.loc[pairs["unit_b"] == name, "unit_a"]))
        rows.append({"unit": name,
                     "province": info["province"].get(name) if name in info.index else None,
                     "country": info["country"].get(name) if name in info.index else None,
                     "n_events": int(ep.loc[ep["unit"] == name, "event_id"].nunique()),
                     "n_articles": len(arts), "partners": "; ".join(partners),
                     "first_date": ds[0] if ds else None, "last_date": ds[-1] if ds else None})
    return pd.DataFrame(rows, columns=cols).sort_values(["n_events", "n_articles", "unit"], ascending=[False, False, True]).reset_index(drop=True)


def new_since(t: Tables, since: str) -> pd.DataFrame:
    """Events dated on or after `since` (ISO date or month), newest first."""
    ev = events_table(t)
    if not since or ev.empty:
        return ev.iloc[0:0] if since else ev
    keep = ev["date"].map(lambda d: _date_in(d, since, ""))
    return ev[keep].sort_values("date", ascending=False).reset_index(drop=True)


def articles_per_month(t: Tables) -> pd.DataFrame:
    """Articles per month ('2024-03'), every month from the first to the last (a month without articles counts 0,
    so that a gap in the news shows as a gap)."""
    dates = article_dates(t).dropna()
    months = dates.map(lambda d: str(d)[:7])
    counts = months.value_counts().sort_index()
    if not counts.empty:
        span = pd.period_range(counts.index[0], counts.index[-1], freq="M").strftime("%Y-%m")
        counts = counts.reindex(span, fill_value=0)
    return counts.rename_axis("month").reset_index(name="count")


def sources(t: Tables) -> pd.DataFrame:
    """Articles per source: the loader's `source`, else the site of `url`, else the folder (and format) of `path`."""
    a = t["articles"]
    if a.empty:
        return pd.DataFrame(columns=["source", "n_articles"])
    vals = pd.Series([None] * len(a), index=a.index, dtype=object)
    if "path" in a.columns:
        fmt = a["format"].astype(str) if "format" in a.columns else ""
        vals = a["path"].map(lambda p: Path(p).parent.name if isinstance(p, str) and p else None)
        if "format" in a.columns:
            vals = vals.where(vals.isna(), vals + " (" + fmt + ")")
    if "url" in a.columns:
        site = a["url"].map(lambda u: re.sub(r"^[a-z]+://(www\.)?", "", u).split("/")[0] if isinstance(u, str) and u else None)
        vals = site.where(site.notna(), vals)
    if "source" in a.columns:
        vals = a["source"].where(a["source"].notna() & (a["source"].astype(str) != ""), vals)
    vals = vals.fillna("?").astype(str)
    return vals.value_counts().rename_axis("source").reset_index(name="n_articles")


def articles_table(t: Tables, lang: str = "vi") -> pd.DataFrame:
    """Articles, oldest first, with their date, title, size and themes (labels in `lang`)."""
    a = t["articles"].copy()
    a["date"] = a["article_id"].map(article_dates(t))
    th = t["themes"].groupby("article_id")["theme"].agg(lambda s: "; ".join(labels.theme(x, lang) for x in s))
    a["theme"] = a["article_id"].map(th).fillna("")
    return a.sort_values("date", na_position="last")[["date", "article_id", "title", "n_sentences", "theme"]].reset_index(drop=True)


# ---------------------------------------------------------------- participants

def people_table(t: Tables) -> pd.DataFrame:
    p = t["people"].copy()
    cols = ["date", "name", "rank", "position", "organisation", "article_id", "evidence"]
    if p.empty:
        return pd.DataFrame(columns=cols)
    p["date"] = p["article_id"].map(article_dates(t))
    p["evidence"] = evidence(t, p)
    return p.sort_values(["date", "name"], na_position="last")[cols].reset_index(drop=True)


def top_people(t: Tables, n: int = 15) -> pd.DataFrame:
    """People by number of articles, with their latest rank, position and organisation."""
    cols = ["name", "n_articles", "rank", "position", "organisation", "first_date", "last_date"]
    p = t["people"].copy()
    if p.empty:
        return pd.DataFrame(columns=cols)
    p["date"] = p["article_id"].map(article_dates(t))
    p["person_id"] = p["person_id"].where(p["person_id"].notna(), p["name"])
    p = p.sort_values("date", na_position="first")
    g = p.groupby("person_id")
    last = lambda s: next((v for v in reversed(list(s)) if isinstance(v, str) and v), None)  # noqa: E731
    out = pd.DataFrame({
        "name": g["name"].agg(last), "n_articles": g["article_id"].nunique(),
        "rank": g["rank"].agg(last), "position": g["position"].agg(last), "organisation": g["organisation"].agg(last),
        "first_date": g["date"].min(), "last_date": g["date"].max()})
    return out.sort_values(["n_articles", "name"], ascending=[False, True]).head(n)[cols].reset_index(drop=True)


def _text(value) -> str:
    return value if isinstance(value, str) and value else "—"


def rank_changes(t: Tables) -> pd.DataFrame:
    """People seen in several articles: rank and position in each, oldest first, and what changed."""
    p = t["people"].copy()
    cols = ["name", "n_articles", "change", "ranks", "positions", "articles", "evidence"]
    if p.empty:
        return pd.DataFrame(columns=cols)
    p["date"] = p["article_id"].map(article_dates(t))
    p["evidence"] = evidence(t, p)
    rows = []
    for pid, g in p.groupby("person_id"):
        if g["article_id"].nunique() < 2:
            continue
        g = g.sort_values("date", na_position="first")
        ranks = [(r, d, a) for r, d, a in zip(g["rank"], g["date"], g["article_id"])]
        known = [r for r, _, _ in ranks if isinstance(r, str) and r]
        changes = []
        if len(set(known)) > 1:
            changes.append(" → ".join(dict.fromkeys(known)))
        positions = [x for x in g["position"] if isinstance(x, str) and x]
        if len(set(positions)) > 1:
            changes.append(" → ".join(dict.fromkeys(positions)))
        rows.append({
            "name": g["name"].iloc[-1], "n_articles": g["article_id"].nunique(),
            "change": "; ".join(changes),
            "ranks": " → ".join(f"{_text(r)} ({d or '?'}, {a[:3]})" for r, d, a in ranks),
            "positions": " → ".join(f"{_text(x)} ({d or '?'})" for x, d in zip(g["position"], g["date"])),
            "articles": ", ".join(g["article_id"]),
            "evidence": " | ".join(f"[{a}] {e}" for a, e in zip(g["article_id"], g["evidence"])),
        })
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["change", "n_articles"], ascending=[False, False], key=lambda s: s.astype(bool) if s.name == "change" else s).reset_index(drop=True)


def people_by_rank(t: Tables) -> pd.DataFrame:
    p = t["people"].dropna(subset=["rank"])
    counts = p.groupby("rank")["person_id"].nunique()
    order = [r for r in reversed(RANK_ORDER) if r in counts.index]
    return counts.reindex(order).rename_axis("rank").reset_index(name="n_people")


# ---------------------------------------------------------------- themes and references

def theme_matrix(t: Tables) -> pd.DataFrame:
    """Articles (rows, oldest first) by theme slug (columns, in themes.md order): hits, 0 where absent."""
    th = t["themes"]
    if th.empty:
        return pd.DataFrame()
    m = th.pivot_table(index="article_id", columns="theme", values="hits", aggfunc="sum", fill_value=0)
    order = [s for s in labels.theme_slugs() if s in m.columns] + [c for c in m.columns if c not in labels.theme_slugs()]
    dates = article_dates(t)
    rows = sorted(m.index, key=lambda a: (str(dates.get(a) or ""), a))
    return m.loc[rows, order].astype(int)


def theme_counts(t: Tables) -> pd.DataFrame:
    th = t["themes"]
    if th.empty:
        return pd.DataFrame(columns=["theme", "n_articles", "articles"])
    g = th.groupby("theme")["article_id"]
    out = pd.DataFrame({"n_articles": g.nunique(), "articles": g.agg(lambda s: ", ".join(sorted(set(s))))}).reset_index()
    return out.sort_values(["n_articles", "theme"], ascending=[False, True]).reset_index(drop=True)


def themes_over_time(t: Tables) -> pd.DataFrame:
    """Years (rows) by theme (columns): number of articles."""
    th = t["themes"].copy()
    if th.empty:
        return pd.DataFrame()
    th["year"] = th["article_id"].map(article_dates(t)).map(lambda d: str(d)[:4] if isinstance(d, str) and d else "?")
    m = th.pivot_table(index="year", columns="theme", values="article_id", aggfunc="nunique", fill_value=0)
    order = [s for s in labels.theme_slugs() if s in m.columns]
    return m[order + [c for c in m.columns if c not in order]].astype(int)


def theme_cooccurrence(t: Tables) -> pd.DataFrame:
    """Theme by theme: number of articles discussing both (the diagonal: articles discussing the theme)."""
    m = theme_matrix(t)
    if m.empty:
        return m
    b = (m > 0).astype(int)
    return b.T.dot(b)


def reference_counts(t: Tables) -> pd.DataFrame:
    """Cited documents: kind, number, issuer, date, how many articles cite it and which."""
    r = t["references"]
    cols = ["document", "kind", "number", "issuer", "date", "alias", "n_articles", "articles"]
    if r.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for (kind, number), g in r.groupby(["kind", "number"], dropna=False):
        first = lambda col: next((v for v in g[col] if isinstance(v, str) and v), None)  # noqa: E731
        rows.append({"document": f"{labels.reference_kind(kind, 'vi')} {number}" if isinstance(number, str) else labels.reference_kind(kind, "vi"),
                     "kind": kind, "number": number, "issuer": first("issuer"), "date": first("date"), "alias": first("alias"),
                     "n_articles": g["article_id"].nunique(), "articles": ", ".join(sorted(set(g["article_id"])))})
    return pd.DataFrame(rows, columns=cols).sort_values(["n_articles", "document"], ascending=[False, True]).reset_index(drop=True)


def focus(t: Tables, slug: str) -> dict[str, pd.DataFrame]:
    """A programme in focus (de_an_06, nghi_quyet_12, or any theme): its articles, units and evidence sentences."""
    th, r = t["themes"], t["references"]
    wanted = FOCUS_REFERENCES.get(slug, set())
    ref_rows = r[[(k, n) in wanted for k, n in zip(r["kind"], r["number"])]] if wanted else r.iloc[0:0]
    th_rows = th[th["theme"] == slug]
    ids = sorted(set(th_rows["article_id"]) | set(ref_rows["article_id"]))
    dates = article_dates(t)
    arts = pd.DataFrame({"article_id": ids, "date": [dates.get(a) for a in ids], "title": [_titles(t).get(a) for a in ids]})
    ev_rows = pd.concat([ref_rows[["article_id", "sentence_id"]], th_rows[["article_id", "sentence_id"]]]).drop_duplicates()
    ev_rows = ev_rows.dropna(subset=["sentence_id"]).reset_index(drop=True)
    ev_rows["evidence"] = evidence(t, ev_rows)
    ev_rows = ev_rows[ev_rows["evidence"] != ""].sort_values(["article_id", "sentence_id"]).reset_index(drop=True)
    u = t["units"][t["units"]["article_id"].isin(ids)]
    units = (u.groupby("unit")["article_id"].agg(n_articles="nunique", articles=lambda s: ", ".join(sorted(set(s))))
             .reset_index().sort_values(["n_articles", "unit"], ascending=[False, True]).reset_index(drop=True))
    return {"articles": arts.sort_values("date").reset_index(drop=True), "units": units, "evidence": ev_rows,
            "references": ref_rows.drop_duplicates(["article_id", "kind", "number"]).reset_index(drop=True)}


# ---------------------------------------------------------------- profile of a unit, province or theme

def resolve_focus(t: Tables, value: str) -> tuple[str, str]:
    """('theme'|'province'|'unit', canonical value) for a profile parameter; ValueError listing what is valid."""
    if value in labels.theme_slugs():
        return "theme", value
    key = fold(value)
    u = t["units"]
    for col in ("province", "province_2025"):
        for v in u[col].dropna().unique():
            if fold(v) == key:
                return "province", v
    names = list(dict.fromkeys(list(u["unit"].dropna()) + list(t["event_parties"]["unit"].dropna())))
    for v in names:
        if fold(v) == key or slug_eq(v, value, u):
            return "unit", v
    partial = [v for v in names if key and key in fold(v)]
    if len(partial) == 1:
        return "unit", partial[0]
    provinces = sorted(set(u["province"].dropna()) | set(u["province_2025"].dropna()))
    raise ValueError(f"profile {value!r} is not a theme slug, a province or a unit of the corpus. "
                     f"Themes: {', '.join(labels.theme_slugs())}. Provinces: {', '.join(provinces)}. Units: {', '.join(sorted(names))}")


def choose_focus(t: Tables, value: str) -> tuple[str, str]:
    """(focus, note): `value` when the corpus knows it, else the province of the most active unit, with a note saying so."""
    try:
        resolve_focus(t, value)
        return value, ""
    except ValueError:
        pass
    activity = units_activity(t)
    for row in activity.itertuples():
        if isinstance(row.province, str) and row.province:
            return row.province, f"{value!r} is not in this corpus: showing {row.province!r}, its most active province."
    if not activity.empty:
        return activity.iloc[0]["unit"], f"{value!r} is not in this corpus: showing {activity.iloc[0]['unit']!r}."
    return labels.theme_slugs()[0], f"{value!r} is not in this corpus."


def slug_eq(name: str, value: str, units: pd.DataFrame) -> bool:
    ids = units.loc[units["unit"] == name, "unit_id"]
    return bool(len(ids)) and value in set(ids)


def profile(t: Tables, value: str, lang: str = "vi", everything: Tables | None = None) -> dict:
    """Everything about one unit, province or theme within `t`: kind, name, its tables and the frames to show.

    The name is resolved against `everything` (the unfiltered corpus) when given, so that a profile
    of a unit outside the other filters is empty rather than an error.
    """
    kind, name = resolve_focus(complete(everything) if everything is not None else t, value)
    if kind == "theme":
        sub = select(t, themes=[name])
    elif kind == "province":
        sub = select(t, provinces=[name])
    else:
        sub = select(t, units=[name])
    out = {"kind": kind, "name": name, "tables": sub, "events": events_table(sub), "units": units_activity(sub),
           "people": people_table(sub), "references": reference_counts(sub), "themes": theme_counts(sub),
           "articles": articles_table(sub, lang)}
    if kind == "unit":
        ev_ids = set(sub["event_parties"].loc[sub["event_parties"]["unit"] == name, "event_id"])
        ev = sub["events"]
        out["events"] = events_table({**sub, "events": ev[ev["event_id"].isin(ev_ids)]})
        own = out["people"]["organisation"].map(lambda o: isinstance(o, str) and fold(o) == fold(name))
        if own.any():  # the unit's own people; else everyone named in its articles
            out["people"] = out["people"][own].reset_index(drop=True)
    return out


# ---------------------------------------------------------------- findings paragraphs

def _span(t: Tables) -> tuple[str | None, str | None]:
    ds = sorted(d for d in article_dates(t) if isinstance(d, str) and d)
    return (ds[0], ds[-1]) if ds else (None, None)


def _en(n: int, word: str) -> str:
    """'1 article', '3 articles'."""
    return f"{n} {word}" + ("" if n == 1 else "s")


def _join(items: list[str], word: str) -> str:
    items = [i for i in items if i]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1] if items else ""


def _top(names: list[tuple[str, int]], k: int = 3) -> str:
    return ", ".join(f"{n} ({c})" for n, c in names[:k])


def summary(t: Tables, report: str = "overview", lang: str = "vi", **extra) -> str:
    """A short paragraph of findings written from the data: counts, top units, first and last dates."""
    vi = lang == "vi"
    n_art, n_ev = len(t["articles"]), len(t["events"])
    if n_art == 0:
        return ("Không có bài báo nào khớp với các tham số đã chọn." if vi else "No article matches the chosen parameters.")
    first, last = _span(t)
    units = units_activity(t)
    top_units = [(r.unit, r.n_events) for r in units.itertuples() if r.n_events > 0]
    kinds = count_by(t["events"], "kind")
    kinds_txt = ", ".join(f"{c} {labels.kind(k, lang).lower()}" for k, c in zip(kinds["kind"], kinds["count"]))
    parts = []
    if vi:
        parts.append(f"{n_art} bài báo từ {first or '?'} đến {last or '?'} ghi nhận {n_ev} sự kiện"
                     + (f" ({kinds_txt})" if kinds_txt else "") + f" giữa {len(units)} đơn vị.")
        if top_units:
            parts.append(f"Đơn vị tham gia nhiều sự kiện nhất: {_top(top_units)}.")
    else:
        parts.append(f"{_en(n_art, 'article')} from {first or '?'} to {last or '?'} report{'s' if n_art == 1 else ''} {_en(n_ev, 'event')}"
                     + (f" ({kinds_txt})" if kinds_txt else "") + f" between {_en(len(units), 'unit')}.")
        if top_units:
            parts.append(f"Units party to most events: {_top(top_units)}.")
    if report in ("overview", "agreements") and n_ev:
        ev = events_table(t)
        latest = ev.dropna(subset=["date"]).iloc[-1] if ev["date"].notna().any() else ev.iloc[-1]
        lbl = labels.kind(latest["kind"], lang)
        if isinstance(latest["agreement_type"], str) and latest["agreement_type"] != "other":
            typ = labels.agreement_type(latest["agreement_type"], lang)
            lbl = typ if latest["kind"] == "ky_ket" else f"{lbl} ({typ.lower()})"
        parties = _join(str(latest["parties"]).split("; "), "và" if vi else "and")
        parts.append((f"Sự kiện gần nhất ({latest['date']}): {lbl.lower()} giữa {parties}." if vi else
                      f"Latest event ({latest['date']}): {lbl.lower()} between {parties}."))
        pairs = cooperation_pairs(t)
        if report == "agreements" and not pairs.empty:
            parts.append((f"{len(pairs)} cặp đơn vị cùng tham gia ít nhất một sự kiện." if vi else
                          f"{_en(len(pairs), 'pair')} of units share at least one event."))
    if report == "overview" and extra.get("since"):
        n_new = len(new_since(t, extra["since"]))
        parts.append((f"Từ {extra['since']}: {n_new} sự kiện mới." if vi else f"Since {extra['since']}: {n_new} new {'event' if n_new == 1 else 'events'}."))
    if report == "participants":
        n_people = t["people"]["person_id"].nunique()
        changes = rank_changes(t)
        changed = changes[changes["change"] != ""]
        top = top_people(t, 3)
        parts.append((f"{n_people} người được nêu tên; xuất hiện nhiều nhất: {_top(list(zip(top['name'], top['n_articles'])))}." if vi else
                      f"{n_people} people are named; most often: {_top(list(zip(top['name'], top['n_articles'])))}."))
        for r in changed.head(3).itertuples():
            parts.append((f"{r.name} thay đổi: {r.change}." if vi else f"{r.name} changed: {r.change}."))
    if report == "themes":
        tc = theme_counts(t)
        if not tc.empty:
            parts.append(("Chủ đề phổ biến nhất: " if vi else "Most discussed themes: ")
                         + _top([(labels.theme(s, lang), c) for s, c in zip(tc["theme"], tc["n_articles"])]) + ".")
        for slug in FOCUS_REFERENCES:
            n = len(focus(t, slug)["articles"])
            parts.append((f"{labels.theme(slug, lang)}: {n} bài." if vi else f"{labels.theme(slug, lang)}: {_en(n, 'article')}."))
        refs = reference_counts(t)
        if not refs.empty:
            parts.append((f"{len(refs)} văn bản được trích dẫn." if vi else f"{_en(len(refs), 'document')} cited."))
    return " ".join(parts)


def profile_title(p: dict, lang: str = "vi") -> str:
    """The Profile report's default title: 'Hồ sơ: <unit, province or theme label>'."""
    name = labels.theme(p["name"], lang) if p["kind"] == "theme" else p["name"]
    return f"{labels.word('title_profile', lang)}: {name}"


def profile_summary(p: dict, lang: str = "vi") -> str:
    vi = lang == "vi"
    kind_words = {"theme": ("chủ đề", "theme"), "province": ("tỉnh/thành", "province"), "unit": ("đơn vị", "unit")}[p["kind"]]
    name = labels.theme(p["name"], lang) if p["kind"] == "theme" else p["name"]
    base = summary(p["tables"], "profile", lang)
    partners = ""
    if p["kind"] == "unit" and not p["units"].empty:
        row = p["units"][p["units"]["unit"] == p["name"]]
        if not row.empty and row.iloc[0]["partners"]:
            partners = (" Đối tác: " if vi else " Partners: ") + row.iloc[0]["partners"] + "."
    head = (f"Hồ sơ {kind_words[0]} {name}: " if vi else f"Profile of the {kind_words[1]} {name}: ")
    return head + base + partners


def since_or_default(t: Tables, since: str = "") -> str:
    """The 'new since' date: the parameter, else January of the latest year in the corpus."""
    if since:
        return since
    last = _span(t)[1]
    return f"{last[:4]}-01-01" if last else ""
