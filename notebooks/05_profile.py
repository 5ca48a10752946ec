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
# # Profile
#
# Everything about one unit, one province or one theme, chosen by `focus`: its events, partners,
# people, themes, cited documents and articles. Rendered to `reports/profile.html`.

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
focus: str = "Thừa Thiên Huế"  # a unit, a province or a theme slug to profile

# %%
from analysis import display as show, figures, findings, labels

show.setup(lang)
everything = findings.load(corpus, tables)
t = findings.select(everything, date_from, date_to, provinces, units, themes)
focus, focus_note = findings.choose_focus(everything, focus)
p = findings.profile(t, focus, lang, everything)
show.title(title or findings.profile_title(p, lang),
           findings.describe_filters(lang, date_from=date_from, date_to=date_to, provinces=provinces, units=units, themes=themes))
show.parameters(dict(corpus=corpus, focus=focus, date_from=date_from, date_to=date_to, provinces=provinces, units=units,
                     themes=themes, lang=lang), lang)
show.findings(findings.profile_summary(p, lang))
show.note(focus_note)

# %%
show.heading("h_events", lang)
show.note(labels.word("evidence_note", lang))
show.table(p["events"], lang)

# %%
show.heading("h_timeline", lang)
figures.timeline(p["tables"], lang)

# %%
show.heading("h_network", lang)
figures.cooperation_network(p["tables"], lang)

# %%
show.heading("h_units", lang)
show.table(p["units"], lang)

# %%
show.heading("h_people", lang)
show.table(p["people"], lang)

# %%
show.heading("h_themes", lang)
show.table(p["themes"], lang)

# %%
show.heading("h_references", lang)
show.table(p["references"], lang)

# %%
show.heading("h_articles", lang)
show.table(p["articles"], lang)
