"""Keyword in context for any row of any table: offsets or a sentence_id, Series / dict / namedtuple / 1-row frame."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.context import CLOSE, OPEN, show_in_context, span_of
from _frames import frames


@pytest.fixture()
def small():
    return frames(["Hội đàm", "Ngày 3/10, Đại tá Rơ Mah Tuân, Giám đốc Công an tỉnh Gia Lai tiếp đoàn Công an tỉnh "
                              "Ratanakiri (Campuchia).", "Hai bên trao đổi tình hình."])


def test_fact_with_offsets_is_shown_between_marks(small):
    articles, sentences = small
    text = articles["text"].iloc[0]
    start = text.index("Công an tỉnh Gia Lai")
    fact = {"article_id": "t000", "start": start, "end": start + len("Công an tỉnh Gia Lai")}
    out = show_in_context(articles, sentences, fact, width=12)
    assert f"{OPEN}Công an tỉnh Gia Lai{CLOSE}" in out
    assert out.startswith("t000 @")
    left = out.split(OPEN)[0].split(": ", 1)[1]
    assert left.lstrip("…") == text[start - 12:start]


def test_fact_with_only_a_sentence_id(small):
    articles, sentences = small
    out = show_in_context(articles, sentences, pd.Series({"article_id": "t000", "sentence_id": 2, "theme": "x"}))
    assert f"{OPEN}Hai bên trao đổi tình hình.{CLOSE}" in out
    assert "¶" in out  # the paragraph break before the sentence


def test_rows_of_real_tables_in_every_shape(small):
    from analysis.extract import extract_core

    articles, sentences = small
    tables = extract_core(articles, sentences)
    row = tables["people"].iloc[0]
    assert f"{OPEN}Rơ Mah Tuân{CLOSE}" in show_in_context(articles, sentences, row)
    assert f"{OPEN}Rơ Mah Tuân{CLOSE}" in show_in_context(articles, sentences, tables["people"].head(1))
    assert f"{OPEN}Rơ Mah Tuân{CLOSE}" in show_in_context(articles, sentences, next(tables["people"].itertuples(index=False)))
    unit = tables["units"].iloc[-1]
    assert f"{OPEN}Công an tỉnh Ratanakiri{CLOSE}" in show_in_context(articles, sentences, unit)


def test_nan_offsets_fall_back_to_the_sentence(small):
    articles, sentences = small
    aid, text, start, end = span_of(articles, sentences, {"article_id": "t000", "start": float("nan"),
                                                          "end": None, "sentence_id": 1})
    assert text[start:end].startswith("Ngày 3/10")


def test_clear_errors(small):
    articles, sentences = small
    with pytest.raises(KeyError, match="t999"):
        show_in_context(articles, sentences, {"article_id": "t999", "start": 0, "end": 1})
    with pytest.raises(ValueError, match="neither start/end nor sentence_id"):
        show_in_context(articles, sentences, {"article_id": "t000"})
    with pytest.raises(ValueError, match="outside"):
        show_in_context(articles, sentences, {"article_id": "t000", "start": 5, "end": 10_000})
    with pytest.raises(ValueError, match="one fact"):
        show_in_context(articles, sentences, pd.DataFrame([{"article_id": "t000", "sentence_id": 0}] * 2))


def test_corpus_context_uses_it(seed_load, seed_tables):
    from analysis.corpus import Corpus

    corpus = Corpus(seed_load.articles, seed_load.sentences, seed_load.report, seed_tables)
    out = corpus.context(corpus.events.iloc[0], width=30)
    assert OPEN in out and CLOSE in out and corpus.events.iloc[0]["surface"] in out
