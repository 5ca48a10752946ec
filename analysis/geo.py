"""Where the units are: province coordinates and an offline map of cooperation links (no tiles, no network).

Vietnamese provinces: centre coordinates shipped by vietnamadminunits (its SQLite dataset, tables
`admin_units_legacy` for the 63 provinces before the 2025 merger and `admin_units` for the 34 since).
Lao, Cambodian and Chinese partner provinces: analysis/data/partner_provinces.csv (capital towns; source in its header).
"""
from __future__ import annotations

import csv
import json
import re
from functools import lru_cache

import pandas as pd

from analysis.paths import data_file
from analysis.text import fold


def key(name: str) -> str:
    """'Thừa Thiên - Huế', 'thua thien hue', 'TP. Hồ Chí Minh' -> 'thuathienhue' / 'hochiminh'."""
    k = re.sub(r"[^a-z0-9]", "", fold(name))
    return re.sub(r"^(tinh|thanhpho|tp)", "", k) or k


@lru_cache(maxsize=1)
def vietnam_provinces() -> pd.DataFrame:
    """The 63 pre-2025 provinces and the 34 since: name, lat, lon, era ('legacy'|'2025') and match keys."""
    from vietnamadminunits.database import query

    rows = []
    for table, era in (("admin_units_legacy", "legacy"), ("admin_units", "2025")):
        for r in query(f"select distinct province, provinceShort, provinceLat, provinceLon, provinceKeywords from {table}"):
            keys = {key(r["provinceShort"]), key(r["province"])} | {key(k) for k in json.loads(r["provinceKeywords"] or "[]")}
            rows.append({"name": r["provinceShort"], "full_name": r["province"], "lat": r["provinceLat"], "lon": r["provinceLon"],
                         "era": era, "country": "Việt Nam", "keys": keys})
    frame = pd.DataFrame(rows)
    # The package names the former province "Huế": the articles (and the contract) say "Thừa Thiên Huế".
    frame.loc[(frame["era"] == "legacy") & (frame["name"] == "Huế"), "name"] = "Thừa Thiên Huế"
    frame["keys"] = [k | {key(n)} for k, n in zip(frame["keys"], frame["name"])]
    return frame


@lru_cache(maxsize=1)
def partner_provinces() -> pd.DataFrame:
    """Lao, Cambodian and bordering Chinese provinces (analysis/data/partner_provinces.csv)."""
    with data_file("partner_provinces.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    out = []
    for r in rows:
        keys = {key(r["name"])} | {key(a) for a in r["aliases"].split("|") if a}
        out.append({"name": r["name"], "full_name": r["name"], "lat": float(r["lat"]), "lon": float(r["lon"]),
                    "era": "partner", "country": r["country"], "keys": keys})
    _merge_extraction_names(out)
    return pd.DataFrame(out)


def _merge_extraction_names(rows: list[dict]) -> None:
    """Use the extraction's canonical names and spellings (analysis/data/foreign_provinces.yaml, when present),
    so that a province the units table names 'Hủa Phăn' finds its coordinates here as 'Houaphanh'."""
    import yaml

    from analysis.paths import DATA

    path = DATA / "foreign_provinces.yaml"
    if not path.exists():
        return
    try:
        entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("provinces", [])
    except (OSError, yaml.YAMLError):
        return
    for entry in entries:
        names = {key(entry.get("name", ""))} | {key(a) for a in entry.get("aliases", []) or []}
        for row in rows:
            if row["country"] == entry.get("country") and row["keys"] & names:
                row["keys"] |= names
                row["name"] = entry["name"]
                break


def province_names() -> list[str]:
    """Every province name a parameter may use: Vietnam's (before and since 2025) and the partners'."""
    names = list(vietnam_provinces()["name"]) + list(partner_provinces()["name"])
    return sorted(dict.fromkeys(names), key=fold)


def find_province(name: str) -> dict | None:
    """The province row (name, lat, lon, country, era) for a name in any spelling, legacy names first."""
    if not isinstance(name, str) or not name.strip():
        return None
    k = key(name.replace("(Lào)", "").replace("(Campuchia)", ""))
    for frame in (vietnam_provinces(), partner_provinces()):
        for row in frame.itertuples():
            if k in row.keys:
                return {"name": row.name, "lat": row.lat, "lon": row.lon, "country": row.country, "era": row.era}
    return None


def unit_locations(units: pd.DataFrame) -> pd.DataFrame:
    """unit -> lat, lon, country from its province (units without a known province are left out)."""
    rows = []
    for r in units.drop_duplicates("unit").itertuples():
        place = find_province(getattr(r, "province", None) or "")
        if place is None:
            for cand in re.findall(r"(?:tỉnh|TP\.?|Thành phố)\s+(.+?)(?:\s*\(|$)", r.unit or ""):
                place = find_province(cand)
        if place is not None:
            rows.append({"unit": r.unit, "province": place["name"], "lat": place["lat"], "lon": place["lon"], "country": place["country"]})
    return pd.DataFrame(rows, columns=["unit", "province", "lat", "lon", "country"])
