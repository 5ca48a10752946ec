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
# # Themes and legal references
#
# Theme by article matrix, Đề án 06 and Nghị quyết 12-NQ/TW in focus (articles, units, evidence
# sentences), themes over time, co-occurrence, and the cited documents with kind, issuer, date and
# how often. Rendered to `reports/themes.html`.

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
from analysis import display as show, figures, findings, labels

show.setup(lang)
everything = findings.load(corpus, tables)
t = findings.select(everything, date_from, date_to, provinces, units, themes)
show.title(title or labels.word("title_themes", lang),
           findings.describe_filters(lang, date_from=date_from, date_to=date_to, provinces=provinces, units=units, themes=themes))
show.parameters(dict(corpus=corpus, date_from=date_from, date_to=date_to, provinces=provinces, units=units,
                     themes=themes, lang=lang), lang)
show.findings(findings.summary(t, "themes", lang))

# %%
show.heading("h_theme_matrix", lang)
figures.theme_matrix(t, lang)

# %%
show.table(findings.theme_counts(t), lang)

# %%
show.focus(findings.focus(t, "de_an_06"), "de_an_06", lang)

# %%
show.focus(findings.focus(t, "nghi_quyet_12"), "nghi_quyet_12", lang)

# %%
show.heading("h_themes_over_time", lang)
figures.themes_over_time(t, lang)

# %%
show.heading("h_cooccurrence", lang)
figures.cooccurrence(t, lang)

# %%
show.heading("h_references", lang)
show.table(findings.reference_counts(t), lang)
