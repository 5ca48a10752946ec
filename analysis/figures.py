"""Figures for the reports: matplotlib, labelled in Vietnamese or English, in a font with every Vietnamese diacritic.

Every function returns a matplotlib Figure (built without pyplot, so a notebook shows it once, as its
cell's value). DejaVu Sans ships with matplotlib and covers the Vietnamese alphabet (tested).
"""
from __future__ import annotations

import textwrap

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from analysis import findings, geo, labels
from analysis import network as net

FONT = "DejaVu Sans"
PALETTE = ["#1f4e79", "#c0504d", "#4f8f3a", "#d08b1a", "#7a4f9a", "#2a9d8f", "#8c6d46", "#5d6d7e"]

matplotlib.rcParams.update({
    "font.family": FONT, "font.size": 10, "axes.titlesize": 12, "axes.titleweight": "bold",
    "axes.spines.top": False, "axes.spines.right": False, "figure.dpi": 100, "savefig.dpi": 110,
    "savefig.bbox": "tight",
})


def short_unit(name: str) -> str:
    """'Công an tỉnh Thừa Thiên Huế' -> 'CA Thừa Thiên Huế', for labels inside figures."""
    if not isinstance(name, str):
        return ""
    for long, short in (("Công an tỉnh ", "CA "), ("Công an Thành phố ", "CA TP "), ("Công an thành phố ", "CA TP "), ("Công an TP. ", "CA TP "),
                        ("Công an TP ", "CA TP "), ("Công an ", "CA ")):
        if name.startswith(long):
            return short + name[len(long):]
    return name


def unit_label(name: str, lang: str = "vi") -> str:
    """Label function for `bar`: a unit's short name (the same in both languages: names are not translated)."""
    return short_unit(name)


def _wrap(text: str, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def _empty(title: str, lang: str) -> Figure:
    fig = Figure(figsize=(7, 1.6))
    ax = fig.subplots()
    ax.axis("off")
    ax.set_title(title)
    ax.text(0.5, 0.4, labels.word("none", lang), ha="center", va="center", color="#777")
    return fig


def bar(frame: pd.DataFrame, label_col: str, value_col: str, title: str, lang: str = "vi",
        label=None, xlabel: str | None = None) -> Figure:
    """Horizontal bars, largest on top, labels translated with `label(value, lang)` when given."""
    if frame.empty:
        return _empty(title, lang)
    frame = frame.sort_values(value_col)
    names = [(_wrap(label(v, lang)) if label else _wrap(v)) for v in frame[label_col]]
    fig = Figure(figsize=(8, 0.45 * len(frame) + 1.2))
    ax = fig.subplots()
    bars = ax.barh(names, frame[value_col], color=PALETTE[0])
    ax.bar_label(bars, padding=3)
    ax.set_title(title)
    ax.set_xlabel(xlabel or labels.column("count", lang))
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    return fig


def articles_per_month(t: findings.Tables, lang: str = "vi") -> Figure:
    title = labels.word("articles_over_time", lang)
    m = findings.articles_per_month(t)
    if m.empty:
        return _empty(title, lang)
    fig = Figure(figsize=(8, 3))
    ax = fig.subplots()
    x = range(len(m))
    bars = ax.bar(x, m["count"], color=PALETTE[0])
    if len(m) <= 24:  # counts above the bars while they stay readable
        ax.bar_label(bars, labels=[str(c) if c else "" for c in m["count"]], padding=2)
    step = max(1, -(-len(m) // 12))  # at most about 12 month labels
    ax.set_xticks(list(x)[::step], list(m["month"])[::step], rotation=45 if len(m) > 6 else 0, ha="right" if len(m) > 6 else "center")
    ax.set_title(title)
    ax.set_xlabel(labels.column("month", lang))
    ax.set_ylabel(labels.column("n_articles", lang))
    ax.yaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    return fig


def events_by(t: findings.Tables, column: str = "kind", lang: str = "vi") -> Figure:
    fn = labels.kind if column == "kind" else labels.agreement_type
    title = labels.word("events_by_kind" if column == "kind" else "events_by_type", lang)
    return bar(findings.count_by(t["events"], column), column, "count", title, lang, label=fn)


def timeline(t: findings.Tables, lang: str = "vi") -> Figure:
    """One row per event, placed at its date, coloured by kind, labelled with its parties."""
    title = labels.word("timeline", lang)
    ev = findings.events_table(t)
    ev = ev[ev["date"].notna()].copy()
    if ev.empty:
        return _empty(title, lang)
    ev["when"] = pd.to_datetime(ev["date"].astype(str).str.pad(10, side="right", fillchar="-").str.replace("--", "-15", regex=False)
                                .str.replace(r"-+$", "", regex=True), errors="coerce", format="mixed")
    ev = ev.dropna(subset=["when"]).reset_index(drop=True)
    fig = Figure(figsize=(10, 0.55 * len(ev) + 1.6))
    ax = fig.subplots()
    kinds = list(dict.fromkeys(ev["kind"]))
    for i, row in ev.iterrows():
        color = PALETTE[kinds.index(row["kind"]) % len(PALETTE)]
        ax.scatter(row["when"], i, s=70, color=color, zorder=3)
        parties = ", ".join(short_unit(p) for p in str(row["parties"]).split("; ") if p)
        ax.annotate(_wrap(f"{row['date']} · {parties}", 70), (row["when"], i), xytext=(8, 0),
                    textcoords="offset points", va="center", fontsize=8.5)
    for k in kinds:
        ax.scatter([], [], color=PALETTE[kinds.index(k) % len(PALETTE)], label=labels.kind(k, lang))
    ax.legend(loc="upper left", frameon=False, fontsize=9, bbox_to_anchor=(0, -0.08), ncol=len(kinds))
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.spines["left"].set_visible(False)
    lo, hi = ev["when"].min(), ev["when"].max()
    pad = max(pd.Timedelta(days=60), (hi - lo) * 0.9)
    ax.set_xlim(lo - pd.Timedelta(days=30), hi + pad)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def heatmap(matrix: pd.DataFrame, title: str, lang: str = "vi", row_label=None, col_label=None, cmap: str = "Blues") -> Figure:
    """A labelled heatmap with the value written in every non-zero cell."""
    if matrix.empty:
        return _empty(title, lang)
    rows = [row_label(r) if row_label else str(r) for r in matrix.index]
    cols = [_wrap(col_label(c) if col_label else str(c), 18) for c in matrix.columns]
    fig = Figure(figsize=(max(6, 0.62 * len(cols) + 3), max(2.5, 0.42 * len(rows) + 2.2)))
    ax = fig.subplots()
    im = ax.imshow(matrix.values, cmap=cmap, aspect="auto", vmin=0)
    ax.set_xticks(range(len(cols)), cols, rotation=60, ha="right", fontsize=8.5)
    ax.set_yticks(range(len(rows)), rows, fontsize=8.5)
    vmax = matrix.values.max() or 1
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            v = matrix.values[i, j]
            if v:
                ax.text(j, i, str(v), ha="center", va="center", fontsize=8, color="white" if v > vmax * 0.6 else "black")
    ax.set_title(title)
    fig.colorbar(im, ax=ax, shrink=0.7)
    fig.tight_layout()
    return fig


def theme_matrix(t: findings.Tables, lang: str = "vi") -> Figure:
    titles = t["articles"].set_index("article_id")["title"]
    dates = findings.article_dates(t)
    return heatmap(findings.theme_matrix(t), labels.word("theme_matrix", lang), lang,
                   row_label=lambda a: f"{a[:3]} · {dates.get(a) or '?'} · {str(titles.get(a, ''))[:38]}",
                   col_label=lambda s: labels.theme(s, lang))


def themes_over_time(t: findings.Tables, lang: str = "vi") -> Figure:
    m = findings.themes_over_time(t)
    return heatmap(m, labels.word("themes_over_time", lang), lang, col_label=lambda s: labels.theme(s, lang), cmap="Greens")


def cooccurrence(t: findings.Tables, lang: str = "vi") -> Figure:
    m = findings.theme_cooccurrence(t)
    return heatmap(m, labels.word("cooccurrence", lang), lang, row_label=lambda s: labels.theme(s, lang),
                   col_label=lambda s: labels.theme(s, lang), cmap="Purples")


def cooperation_network(t: findings.Tables, lang: str = "vi") -> Figure:
    """Units (nodes sized by events, coloured by country) and shared agreements (edge width)."""
    title = labels.word("network", lang)
    g = net.cooperation_graph(t)
    if g.number_of_nodes() == 0:
        return _empty(title, lang)
    pos = net.layout(g)
    xs = [p[0] for p in pos.values()]
    width = max(xs) - min(xs) + 2
    fig = Figure(figsize=(min(14, max(7, 1.25 * width)), 6.5))
    ax = fig.subplots()
    ax.axis("off")
    ax.set_aspect("equal")
    for a, b, data in g.edges(data=True):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        ax.plot([x1, x2], [y1, y2], color="#9aa7b4", linewidth=0.8 + 1.6 * data["weight"], zorder=1)
    for n, data in g.nodes(data=True):
        x, y = pos[n]
        foreign = data.get("country") not in (None, "Việt Nam")
        ax.scatter(x, y, s=180 + 260 * data.get("events", 1), color=PALETTE[1] if foreign else PALETTE[0],
                   edgecolor="white", linewidth=1.5, zorder=2)
        ax.annotate(_wrap(short_unit(n), 22), (x, y), xytext=(0, -12 - 3 * data.get("events", 1)),
                    textcoords="offset points", ha="center", va="top", fontsize=8.5, zorder=3,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
    ax.scatter([], [], color=PALETTE[0], label=labels.word("legend_vn", lang))
    ax.scatter([], [], color=PALETTE[1], label=labels.word("legend_partner", lang))
    ax.legend(loc="lower left", frameon=False)
    ax.set_title(title)
    ax.text(0.5, -0.02, labels.word("network_note", lang), transform=ax.transAxes, ha="center", fontsize=8.5, color="#555")
    ax.margins(0.12)
    fig.tight_layout()
    return fig


def province_links(t: findings.Tables) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(provinces, links): provinces whose units are parties to events (lat, lon, country, events) and
    the pairs of provinces sharing events. Units without a known province are left out."""
    ep = t["event_parties"]
    units = pd.concat([t["units"][["unit", "province"]], pd.DataFrame({"unit": ep["unit"].unique(), "province": None})],
                      ignore_index=True).drop_duplicates("unit")
    loc = geo.unit_locations(units).set_index("unit")
    rows = ep[ep["unit"].isin(loc.index)].assign(prov=lambda f: f["unit"].map(loc["province"]))
    if rows.empty:
        return pd.DataFrame(columns=["province", "lat", "lon", "country", "n_events"]), pd.DataFrame(columns=["a", "b", "n_events"])
    places = loc.drop_duplicates("province").set_index("province")
    provs = rows.groupby("prov")["event_id"].nunique().rename("n_events").reset_index().rename(columns={"prov": "province"})
    provs = provs.join(places[["lat", "lon", "country"]], on="province")
    links = []
    for _, g in rows.groupby("event_id"):
        names = sorted(set(g["prov"]))
        links += [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    links = pd.DataFrame(links, columns=["a", "b"]).value_counts().rename("n_events").reset_index() if links else \
        pd.DataFrame(columns=["a", "b", "n_events"])
    return provs, links


def _draw_map(ax, vn, provs, links, fontsize=8.5, label=True):
    ax.scatter(vn["lon"], vn["lat"], s=10, color="#c8ced6", zorder=1)
    where = provs.set_index("province")
    for r in links.itertuples():
        a, b = where.loc[r.a], where.loc[r.b]
        ax.plot([a["lon"], b["lon"]], [a["lat"], b["lat"]], color=PALETTE[2], alpha=0.55, linewidth=0.8 + 1.2 * r.n_events, zorder=2)
    for r in provs.itertuples():
        foreign = r.country != "Việt Nam"
        ax.scatter(r.lon, r.lat, s=40 + 60 * r.n_events, color=PALETTE[1] if foreign else PALETTE[0], edgecolor="white", zorder=3)
        if label:
            ax.annotate(r.province, (r.lon, r.lat), xytext=(6, 3), textcoords="offset points", fontsize=fontsize, zorder=4,
                        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})


def cooperation_map(t: findings.Tables, lang: str = "vi") -> Figure:
    """Vietnam's province centres (grey), the provinces whose units took part (sized by events), lines for shared events.

    Dense provinces around Hồ Chí Minh City get a zoomed inset so that their names stay readable.
    """
    title = labels.word("map", lang)
    vn = geo.vietnam_provinces()
    vn = vn[vn["era"] == "legacy"]
    provs, links = province_links(t)
    fig = Figure(figsize=(9, 9.5))
    ax = fig.subplots()
    box = (104.6, 107.9, 9.6, 11.9)       # lon min, lon max, lat min, lat max: the south-east, often crowded
    inside = provs[(provs["lon"].between(box[0], box[1])) & (provs["lat"].between(box[2], box[3]))]
    crowded = len(inside) >= 4
    _draw_map(ax, vn, provs, links, label=False)
    for r in provs.itertuples():
        if crowded and r.province in set(inside["province"]):
            continue
        ax.annotate(r.province, (r.lon, r.lat), xytext=(6, 3), textcoords="offset points", fontsize=8.5, zorder=4,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
    if crowded:
        inset = ax.inset_axes([0.58, 0.03, 0.42, 0.40], zorder=5)
        inset.set_facecolor("white")
        for spine in inset.spines.values():
            spine.set_visible(True)
            spine.set_edgecolor("#888")
        _draw_map(inset, vn, provs, links, fontsize=7.5)
        inset.set_xlim(box[0], box[1])
        inset.set_ylim(box[2], box[3])
        inset.set_xticks([])
        inset.set_yticks([])
        inset.set_title(labels.word("inset", lang), fontsize=9)
        ax.indicate_inset_zoom(inset, edgecolor="#888")
    ax.scatter([], [], color=PALETTE[0], label=labels.word("legend_vn", lang))
    ax.scatter([], [], color=PALETTE[1], label=labels.word("legend_partner", lang))
    ax.legend(loc="upper right", frameon=False)
    ax.set_xlim(101.5, 112.0)
    ax.set_ylim(8.3, 23.6)
    ax.set_aspect(1.05)
    ax.set_xlabel(labels.word("longitude", lang))
    ax.set_ylabel(labels.word("latitude", lang))
    ax.set_title(title)
    ax.text(0.0, -0.08, _wrap(labels.word("map_note", lang), 120), transform=ax.transAxes, fontsize=8, color="#555", va="top")
    fig.tight_layout()
    return fig
