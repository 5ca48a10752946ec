"""Fixtures shared by every test module: where the seeds, the gold and the scorer are."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import paths


@pytest.fixture(scope="session")
def seeds_dir():
    return paths.SEEDS


@pytest.fixture(scope="session")
def gold():
    """The hand-made gold of ../shared/eval; skipped only when ../shared is not beside the checkout (CI always has it)."""
    if not paths.GOLD.exists():
        pytest.skip(f"{paths.GOLD} not found: put ../shared beside the checkout to run the gold checks")
    return {entry["article"]: entry for entry in json.loads(paths.GOLD.read_text(encoding="utf-8"))}


@pytest.fixture(scope="session")
def seed_load():
    """The seeds loaded once per test session (articles, sentences, load report)."""
    from analysis.loader import load_articles

    return load_articles(paths.SEEDS)


@pytest.fixture(scope="session")
def seed_tables(seed_load):
    """Every extracted table of the seeds, computed once per test session."""
    from analysis.extract import extract_tables

    return extract_tables(seed_load.articles, seed_load.sentences)


GENRE = Path(__file__).parent / "data" / "genre"


@pytest.fixture(scope="session")
def genre_load():
    """38 articles of the genre written by the team (not the seeds): cross-border talks and minutes, inter-agency
    regulations, clusters, ministry programmes, reviews; loaded once per test session."""
    from analysis.loader import load_articles

    return load_articles(GENRE)


@pytest.fixture(scope="session")
def genre_tables(genre_load):
    from analysis.extract import extract_tables

    return extract_tables(genre_load.articles, genre_load.sentences)


DEV = Path(__file__).parent / "data" / "dev" / "articles"


@pytest.fixture(scope="session")
def dev_load():
    """32 articles of the genre written and annotated blind (tests/data/dev/README.md); loaded once per session."""
    from analysis.loader import load_articles

    return load_articles(DEV)


@pytest.fixture(scope="session")
def dev_tables(dev_load):
    from analysis.extract import extract_tables

    return extract_tables(dev_load.articles, dev_load.sentences)
