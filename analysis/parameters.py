"""The reports' parameters: their schema, reading them (YAML file, -p overrides) and validating them.

Validation runs before any kernel starts: an unknown parameter, theme, province or unit, a malformed
date or a reversed range stops the run with a message naming the value and listing what is valid.
The notebooks declare the same parameters in their tagged `parameters` cell (`name: type = default  # help`).
"""
from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from analysis import labels


class ParameterError(ValueError):
    """One or more parameters are invalid; str() lists every problem with what is valid."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid report parameters:\n" + "\n".join(f"  - {p}" for p in problems))


@dataclass(frozen=True)
class Param:
    name: str
    type: type
    default: object
    help: str


COMMON = (
    Param("corpus", str, "../seeds", "folder of articles (or one file, .jsonl/.csv export), relative to the notebook"),
    Param("tables", str, "", "folder of tables written by `python -m analysis extract`; empty: extract `corpus` in the notebook"),
    Param("date_from", str, "", "first date kept, ISO: 2023, 2023-08 or 2023-08-09; empty: no lower limit"),
    Param("date_to", str, "", "last date kept, ISO like date_from; empty: no upper limit"),
    Param("provinces", list, [], "keep articles with a unit in any of these provinces, e.g. ['Long An']; empty: all"),
    Param("units", list, [], "keep articles mentioning any of these units, e.g. ['Công an TP Cần Thơ']; empty: all"),
    Param("themes", list, [], "keep articles tagged with any of these theme slugs (themes.md), e.g. ['de_an_06']; empty: all"),
    Param("lang", str, "vi", "language of labels and findings: vi or en"),
    Param("title", str, "", "report title; empty: the report's own title"),
)
EXTRA = (
    Param("since", str, "", "Overview: list what is new since this ISO date; empty: since January of the latest year"),
    Param("focus", str, "Thừa Thiên Huế", "Profile: a unit, a province or a theme slug to profile"),
)
SCHEMA = {p.name: p for p in COMMON + EXTRA}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _suggest(value: str, valid: list[str]) -> str:
    close = difflib.get_close_matches(str(value), valid, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


def coerce(name: str, value):
    """A raw value (from YAML or `-p name value`) as the parameter's type: dates as ISO strings, lists from strings."""
    spec = SCHEMA.get(name)
    if isinstance(value, (_dt.date, _dt.datetime)):
        value = value.isoformat()[:10]
    if spec is None:
        return value
    if spec.type is list:
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()] if "," in value else [value.strip()]
        if isinstance(value, (list, tuple)):
            return [coerce("", v) if not isinstance(v, str) else v for v in value]
        return [str(value)]
    if spec.type is str:
        return "" if value is None else str(value)
    return value


def parse_value(text: str):
    """`-p name value`: the value read as YAML (so `-p themes [ma_tuy, de_an_06]` gives a list), strings as given."""
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    return text if value is None and text.strip() not in ("", "null", "~") else value


def read_params(params_file: str | Path | None = None, overrides: list[tuple[str, str]] | None = None) -> dict:
    """Parameters from a YAML mapping file, then `-p name value` overrides; values coerced, not yet validated."""
    out: dict = {}
    if params_file:
        path = Path(params_file)
        if not path.exists():
            raise ParameterError([f"--params {path}: no such file"])
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ParameterError([f"--params {path}: not valid YAML ({exc})"]) from exc
        if not isinstance(data, dict):
            raise ParameterError([f"--params {path}: expected a mapping of name: value, got {type(data).__name__}"])
        out.update({str(k): coerce(str(k), v) for k, v in data.items()})
    for name, text in overrides or []:
        out[name] = coerce(name, parse_value(text))
    return out


def _check_date(name: str, value: str, problems: list[str]) -> None:
    if not value:
        return
    if not DATE.match(value):
        problems.append(f"{name}={value!r} is not a date: use ISO YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023-08-09)")
        return
    parts = [int(p) for p in value.split("-")]
    try:
        _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        problems.append(f"{name}={value!r} is not a valid date ({exc})")


def known_provinces(tables: dict | None = None) -> list[str]:
    """Province names a parameter may use: vietnamadminunits' (63 before 2025, 34 since), partners', the corpus'."""
    from analysis import geo

    names = list(geo.province_names())
    if tables is not None and "units" in tables:
        for col in ("province", "province_2025"):
            if col in tables["units"].columns:
                names += [v for v in tables["units"][col].dropna().unique() if isinstance(v, str)]
    from analysis.text import fold

    return sorted(dict.fromkeys(names), key=fold)


def _province_ok(value: str, tables: dict | None) -> bool:
    from analysis import geo

    if geo.find_province(value) is not None:
        return True
    return any(geo.key(value) == geo.key(v) for v in known_provinces(tables))


def corpus_units(tables: dict) -> list[str]:
    names = []
    for name in ("units", "event_parties"):
        frame = tables.get(name)
        if frame is not None and "unit" in frame.columns:
            names += [u for u in frame["unit"].dropna().unique()]
    return sorted(dict.fromkeys(names))


def _unit_ok(value: str, tables: dict) -> bool:
    from analysis.text import fold

    ids = set(tables["units"]["unit_id"].dropna()) if "unit_id" in tables.get("units", {}) else set()
    return value in ids or any(fold(value) == fold(u) for u in corpus_units(tables))


def validate(params: dict, tables: dict | None = None, allowed: set[str] | None = None) -> dict:
    """Coerced and checked parameters; ParameterError listing every problem otherwise.

    `allowed`: the parameter names the notebooks declare (unknown names are errors). `tables`: the
    extracted corpus, when available, to check units (and the profile's focus) against it.
    """
    allowed = set(SCHEMA) if allowed is None else set(allowed)
    problems: list[str] = []
    out = {}
    for name, value in params.items():
        if name not in allowed:
            problems.append(f"unknown parameter {name!r}{_suggest(name, sorted(allowed))}; valid parameters: {', '.join(sorted(allowed))}")
            continue
        out[name] = coerce(name, value)
        spec = SCHEMA.get(name)
        if spec is not None and spec.type is list and not all(isinstance(v, str) for v in out[name]):
            problems.append(f"{name}={value!r}: expected a list of names")
    for name in ("date_from", "date_to", "since"):
        if isinstance(out.get(name), str):
            _check_date(name, out[name], problems)
    lo, hi = out.get("date_from", ""), out.get("date_to", "")
    if lo and hi and DATE.match(lo) and DATE.match(hi):
        k = min(len(lo), len(hi))
        if lo[:k] > hi[:k]:
            problems.append(f"date range reversed: date_from={lo!r} is after date_to={hi!r}")
    if "lang" in out and out["lang"] not in labels.LANGUAGES:
        problems.append(f"lang={out['lang']!r} is not a label language; valid: {', '.join(labels.LANGUAGES)}")
    slugs = labels.theme_slugs()
    for theme in out.get("themes", []):
        if theme not in slugs:
            problems.append(f"unknown theme {theme!r}{_suggest(theme, slugs)}; valid themes: {', '.join(slugs)}")
    for province in out.get("provinces", []):
        if not _province_ok(province, tables):
            valid = known_provinces(tables)
            problems.append(f"unknown province {province!r}{_suggest(province, valid)}; valid provinces: {', '.join(valid)}")
    if tables is not None:
        for unit in out.get("units", []):
            if not _unit_ok(unit, tables):
                valid = corpus_units(tables)
                problems.append(f"unknown unit {unit!r}{_suggest(unit, valid)}; units of the corpus: {', '.join(valid)}")
        focus = out.get("focus")
        if focus and focus not in slugs and not _province_ok(focus, tables) and not _unit_ok(focus, tables):
            problems.append(f"focus={focus!r} is neither a theme slug, a province nor a unit of the corpus; "
                            f"themes: {', '.join(slugs)}; provinces: {', '.join(known_provinces(tables))}; "
                            f"units: {', '.join(corpus_units(tables))}")
    if problems:
        raise ParameterError(problems)
    return out


def help_text() -> str:
    """Every parameter as `name: type = default  # help`, as in the notebooks' parameters cells."""
    return "\n".join(f"{p.name}: {p.type.__name__} = {p.default!r}  # {p.help}" for p in COMMON + EXTRA)
