"""Keyword in context: show any extracted fact inside its article's text.

    show_in_context(articles, sentences, fact, width=60) -> str

`fact` is a row of any table (a pandas Series, a dict, a namedtuple from itertuples(), or a one-row DataFrame)
that has article_id and either start/end character offsets or a sentence_id. The fact's span is shown between
【 and 】 with `width` characters on either side, line breaks shown as ¶.
"""
from __future__ import annotations

import math

import pandas as pd

OPEN, CLOSE = "【", "】"


def _as_dict(fact) -> dict:
    if isinstance(fact, pd.DataFrame):
        if len(fact) != 1:
            raise ValueError(f"show_in_context needs one fact, got a frame of {len(fact)} rows: pick one with .iloc[i]")
        return fact.iloc[0].to_dict()
    if isinstance(fact, pd.Series):
        return fact.to_dict()
    if isinstance(fact, dict):
        return fact
    if hasattr(fact, "_asdict"):
        return fact._asdict()
    raise TypeError(f"show_in_context: cannot read a fact of type {type(fact).__name__}; give a table row")


def _missing(value) -> bool:
    if value is None or value is pd.NA:
        return True
    try:
        return isinstance(value, float) and math.isnan(value)
    except TypeError:
        return False


def span_of(articles: pd.DataFrame, sentences: pd.DataFrame, fact) -> tuple[str, str, int, int]:
    """(article_id, article text, start, end) of a fact: its own offsets, else its sentence's."""
    row = _as_dict(fact)
    aid = row.get("article_id")
    if _missing(aid):
        raise ValueError("show_in_context: the fact has no article_id")
    match = articles.loc[articles["article_id"] == aid, "text"]
    if match.empty:
        raise KeyError(f"show_in_context: article {aid!r} is not among the loaded articles")
    text = match.iloc[0] or ""
    start, end = row.get("start"), row.get("end")
    if _missing(start) or _missing(end):
        sid = row.get("sentence_id")
        if _missing(sid):
            raise ValueError(f"show_in_context: the fact of article {aid!r} has neither start/end nor sentence_id")
        sent = sentences[(sentences["article_id"] == aid) & (sentences["sentence_id"] == int(sid))]
        if sent.empty:
            raise KeyError(f"show_in_context: article {aid!r} has no sentence {sid}")
        start, end = sent["start"].iloc[0], sent["end"].iloc[0]
    start, end = int(start), int(end)
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"show_in_context: span {start}:{end} is outside article {aid!r} ({len(text)} characters)")
    return aid, text, start, end


def show_in_context(articles: pd.DataFrame, sentences: pd.DataFrame, fact, width: int = 60) -> str:
    """'<article_id> @start-end: …left 【surface】 right…' for any table row with offsets or a sentence_id."""
    aid, text, start, end = span_of(articles, sentences, fact)
    lo, hi = max(0, start - width), min(len(text), end + width)
    left = ("…" if lo > 0 else "") + text[lo:start]
    right = text[end:hi] + ("…" if hi < len(text) else "")
    body = f"{left}{OPEN}{text[start:end]}{CLOSE}{right}".replace("\n", " ¶ ")
    return f"{aid} @{start}-{end}: {body}"
