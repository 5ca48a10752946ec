"""Vietnamese and English labels for what the reports show (analysis/data/labels.yaml)."""
from __future__ import annotations

from functools import lru_cache

import pandas as pd
import yaml

from analysis.paths import data_file

LANGUAGES = ("vi", "en")


@lru_cache(maxsize=1)
def _labels() -> dict:
    return yaml.safe_load(data_file("labels.yaml").read_text(encoding="utf-8"))


def _check(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown label language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return lang


def _lookup(group: str, key, lang: str) -> str:
    if key is None or (isinstance(key, float) and pd.isna(key)):
        return ""
    entry = _labels().get(group, {}).get(str(key))
    return entry[_check(lang)] if entry else str(key)


def theme_slugs() -> list[str]:
    """Every theme slug of ../shared/contract/themes.md, in its order."""
    return list(_labels()["themes"])


def theme(slug, lang: str = "vi") -> str:
    return _lookup("themes", slug, lang)


def kind(slug, lang: str = "vi") -> str:
    return _lookup("kinds", slug, lang)


def agreement_type(slug, lang: str = "vi") -> str:
    return _lookup("agreement_types", slug, lang)


def reference_kind(slug, lang: str = "vi") -> str:
    return _lookup("reference_kinds", slug, lang)


def column(name: str, lang: str = "vi") -> str:
    return _lookup("columns", name, lang)


def word(name: str, lang: str = "vi") -> str:
    return _lookup("words", name, lang)


_VALUE_LABELS = {"kind": kind, "agreement_type": agreement_type, "theme": theme}


def localise(frame: pd.DataFrame, lang: str = "vi", values: bool = True) -> pd.DataFrame:
    """A copy with column headers (and kind/type/theme codes when `values`) in the chosen language."""
    _check(lang)
    out = frame.copy()
    if values:
        for name, fn in _VALUE_LABELS.items():
            if name in out.columns:
                out[name] = out[name].map(lambda v, fn=fn: fn(v, lang) if isinstance(v, str) else v)
    return out.rename(columns={c: column(c, lang) for c in out.columns})
