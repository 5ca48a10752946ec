"""One call for JupyterLab users: every table of a corpus, and any fact shown in its sentence."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from analysis.extract import extract_tables
from analysis.loader import load_articles


@dataclass
class Corpus:
    """The loaded articles and every extracted table.

    >>> corpus = load_corpus("seeds")
    >>> corpus.events            # one row per signing, review conference, pact ...
    >>> corpus.context(corpus.people.iloc[0])   # the fact in its sentence
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    load_report: pd.DataFrame
    extracted: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        extracted = self.__dict__.get("extracted", {})
        if name in extracted:
            return extracted[name]
        raise AttributeError(f"Corpus has no table {name!r}; tables: {', '.join(self.table_names())}")

    def table_names(self) -> list[str]:
        return ["articles", "sentences", *self.extracted]

    def tables(self, include_load_report: bool = False) -> dict[str, pd.DataFrame]:
        out = {"articles": self.articles, "sentences": self.sentences, **self.extracted}
        if include_load_report:
            out["load_report"] = self.load_report
        return out

    def context(self, fact, width: int = 60) -> str:
        """Keyword in context: the fact's surface with `width` characters either side, from its article."""
        from analysis.context import show_in_context

        return show_in_context(self.articles, self.sentences, fact, width=width)


def load_corpus(source: str | Path | Iterable[str | Path]) -> Corpus:
    """Load articles from a folder, a file or a list of paths, then extract every table."""
    loaded = load_articles(source)
    return Corpus(
        articles=loaded.articles,
        sentences=loaded.sentences,
        load_report=loaded.report,
        extracted=extract_tables(loaded.articles, loaded.sentences),
    )
