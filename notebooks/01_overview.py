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
# # Overview
#
# The corpus at a glance: articles over time, sources, events by kind and type, the headline facts
# of the period and what is new since a date. Set the parameters below (or leave them: the seeds are
# read from `../seeds`) and run all cells. `python -m analysis report` renders this notebook to
# `reports/overview.html`; this cell is not shown there.

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
since: str = ""  # list what is new since this ISO date; empty: since January of the latest year

# %%
from analysis import display as show, figures, findings, labels

show.setup(lang)
everything = findings.load(corpus, tables)
t = findings.select(everything, date_from, date_to, provinces, units, themes)
since = findings.since_or_default(t, since)
show.title(title or labels.word("title_overview", lang),
           findings.describe_filters(lang, date_from=date_from, date_to=date_to, provinces=provinces, units=units, themes=themes))
show.parameters(dict(corpus=corpus, date_from=date_from, date_to=date_to, provinces=provinces, units=units,
                     themes=themes, lang=lang, since=since), lang)
show.findings(findings.summary(t, "overview", lang, since=since))

# %%
show.heading("h_articles", lang)
figures.articles_per_month(t, lang)

# %%
show.table(findings.articles_table(t, lang), lang)

# %%
show.heading("h_sources", lang)
show.table(findings.sources(t), lang)

# %%
show.heading("h_events_by", lang)
figures.events_by(t, "kind", lang)

# %%
figures.events_by(t, "agreement_type", lang)

# %%
show.heading("h_events", lang)
show.note(labels.word("evidence_note", lang))
show.table(findings.events_table(t)[["date", "kind", "agreement_type", "parties", "signatories", "article_id", "evidence"]], lang)

# %%
show.heading("h_new_since", lang, since)
show.table(findings.new_since(t, since)[["date", "kind", "agreement_type", "parties", "article_id", "title"]], lang)
