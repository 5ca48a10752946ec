# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["lab-only"]
# # Agreements
#
# The events and agreements (date, kind, type, parties, signatories, term, document number, source
# article and sentence), a timeline, the cooperation network of units and a map of the provinces
# (and Lao/Cambodian partners) they link. Rendered to `reports/agreements.html`.

# %% tags=["parameters"]
corpus: str = "../seeds"  # folder of articles (or one file, .jsonl/.csv export), relative to this notebook
tables: str = ""  # folder of tables from `python -m analysis extract`; empty: extract `corpus` here
date_from: str = ""  # first date kept, ISO: 2023, 2023-08 or 2023-08-09; empty: no lower limit
date_to: str = ""  # last date kept, ISO like date_from; empty: no upper limit
provinces: list = []  # keep articles with a unit in any of these provinces, e.g. ["Long An"]; empty: all
units: list = []  # keep articles mentioning any of these units, e.g. ["Công an TP Cần Thơ"]; empty: all
themes: list = []  # keep articles tagged with any of these theme slugs (themes.md), e.g. ["de_an_06"]
lang: str = "vi"  # language of labels and findings: vi or en
title: str = ""  # report title; empty: the report's own title

# %%
from analysis import display as show, figures, findings, labels, network

show.setup(lang)
everything = findings.load(corpus, tables)
t = findings.select(everything, date_from, date_to, provinces, units, themes)
show.title(title or labels.word("title_agreements", lang),
           findings.describe_filters(lang, date_from=date_from, date_to=date_to, provinces=provinces, units=units, themes=themes))
show.parameters(dict(corpus=corpus, date_from=date_from, date_to=date_to, provinces=provinces, units=units,
                     themes=themes, lang=lang), lang)
show.findings(findings.summary(t, "agreements", lang))

# %%
show.heading("h_events", lang)
show.note(labels.word("evidence_note", lang))
show.table(findings.events_table(t), lang)

# %%
show.heading("h_timeline", lang)
figures.timeline(t, lang)

# %%
show.heading("h_network", lang)
figures.cooperation_network(t, lang)

# %%
show.table(network.centrality(network.cooperation_graph(t)), lang)

# %%
show.heading("h_map", lang)
figures.cooperation_map(t, lang)

# %%
show.heading("h_pairs", lang)
show.table(findings.cooperation_pairs(t).rename(columns={"unit_a": "unit", "unit_b": "partners"}), lang)

# %%
show.heading("h_units", lang)
show.table(findings.units_activity(t), lang)
