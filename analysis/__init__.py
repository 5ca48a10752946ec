"""Vietnamese news on police cooperation: load articles, extract tidy tables, render offline reports."""
from analysis.compiled import check_fresh

check_fresh()  # in a checkout, a compiled module older than its .py would run the old code
from analysis.corpus import Corpus, load_corpus
from analysis.extract import extract_tables
from analysis.loader import LoadResult, load_articles
from analysis.report import render_reports

__version__ = "0.1.0"
__all__ = ["Corpus", "LoadResult", "extract_tables", "load_articles", "load_corpus", "render_reports"]
