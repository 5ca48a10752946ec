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
# # Participants
#
# People with rank, position and unit; who appears most; rank and position changes over time for
# people seen in several articles; units by number of agreements. Rendered to `reports/participants.html`.

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
show.title(title or labels.word("title_participants", lang),
           findings.describe_filters(lang, date_from=date_from, date_to=date_to, provinces=provinces, units=units, themes=themes))
show.parameters(dict(corpus=corpus, date_from=date_from, date_to=date_to, provinces=provinces, units=units,
                     themes=themes, lang=lang), lang)
show.findings(findings.summary(t, "participants", lang))

# %%
show.heading("h_rank_changes", lang)
show.note(labels.word("evidence_note", lang))
show.table(findings.rank_changes(t), lang)

# %%
show.heading("h_top_people", lang)
figures.bar(findings.top_people(t, 12), "name", "n_articles", labels.word("people_title", lang), lang)

# %%
show.table(findings.top_people(t, 30), lang)

# %%
show.heading("h_people", lang)
show.table(findings.people_table(t), lang)

# %%
show.heading("h_ranks", lang)
figures.bar(findings.people_by_rank(t), "rank", "n_people", labels.word("ranks_title", lang), lang)

# %%
show.heading("h_units", lang)
figures.bar(findings.units_activity(t).head(15), "unit", "n_events", labels.word("units_title", lang), lang,
            label=figures.unit_label)
