"""Contract tables built from the hand-made gold (../shared/eval/seeds_gold.json) and the seed texts.

Used to develop and test the reports independently of the extraction pipeline: every table and
column of ../shared/contract/tables.md, with provenance (sentence_id, start, end) found in the text.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.text import fold, slugify

_SENT = re.compile(r"[^\n.!?…]+(?:[.!?…]+|$)")
HOSTILE_TITLE = "Ký kết <script>alert(1)</script> quy chế phối hợp <img src=x onerror=alert(1)>"
HOSTILE_NAME = "Lê Hồng Nam <img src=x onerror=alert(1)>"


def _province(unit: str) -> tuple[str | None, str | None, str]:
    if "(Lào)" in unit:
        return unit.split("tỉnh ", 1)[1].replace(" (Lào)", ""), None, "Lào"
    if unit.startswith("Công an tỉnh "):
        name = unit[len("Công an tỉnh "):]
        return name, name, "Việt Nam"
    if unit.startswith("Công an TP "):
        name = unit[len("Công an TP "):]
        return name, name, "Việt Nam"
    return None, None, "Việt Nam"


def _sentences(article_id: str, text: str) -> list[dict]:
    out = []
    for i, m in enumerate(m for m in _SENT.finditer(text) if m.group(0).strip()):
        out.append({"article_id": article_id, "sentence_id": i, "start": m.start(), "end": m.end(), "text": m.group(0).strip()})
    return out


def _find(sents: list[dict], *needles: str) -> tuple[int, int, int]:
    for needle in needles:
        if not needle:
            continue
        for s in sents:
            pos = fold(s["text"]).find(fold(needle))
            if pos >= 0:
                return s["sentence_id"], s["start"] + pos, s["start"] + pos + len(needle)
    return 0, sents[0]["start"], sents[0]["end"]


def build(seeds_dir: Path = paths.SEEDS, gold_file: Path = paths.GOLD, hostile: bool = False) -> dict[str, pd.DataFrame]:
    gold = json.loads(Path(gold_file).read_text(encoding="utf-8"))
    rows = {name: [] for name in ("articles", "sentences", "events", "event_parties", "event_signatories",
                                  "units", "people", "references", "themes", "quantities")}
    for entry in gold:
        aid = entry["article"]
        text = (Path(seeds_dir) / f"{aid}.txt").read_text(encoding="utf-8")
        if hostile and aid.startswith("002"):
            text = text.replace("Thiếu tướng Lê Hồng Nam, Giám đốc", f"Thiếu tướng {HOSTILE_NAME}, Giám đốc", 1)
        sents = _sentences(aid, text)
        title = sents[0]["text"][:120]
        if hostile and aid.startswith("002"):
            title = HOSTILE_TITLE
            sents[0]["text"] = HOSTILE_TITLE + " " + sents[0]["text"]
        rows["sentences"] += sents
        rows["articles"].append({"article_id": aid, "title": title, "published": entry["event_date"],
                                 "event_date": entry["event_date"], "n_chars": len(text), "n_sentences": len(sents),
                                 "source": "seeds"})
        seen_units = set()
        for k, ev in enumerate(entry["events"]):
            eid = f"{aid}#e{k}"
            sid, _, _ = _find(sents, ev["parties"][-1], ev["parties"][0])
            rows["events"].append({"article_id": aid, "event_id": eid, "kind": ev["kind"], "agreement_type": ev["agreement_type"],
                                   "date": ev["date"], "place": ev["place"], "term": ev["term"], "doc_number": ev["doc_number"],
                                   "sentence_id": sid})
            for party in ev["parties"]:
                rows["event_parties"].append({"article_id": aid, "event_id": eid, "unit_id": slugify(party), "unit": party})
                if party not in seen_units:
                    seen_units.add(party)
                    province, p2025, country = _province(party)
                    short = party.replace("Công an tỉnh ", "").replace("Công an TP ", "").replace(" (Lào)", "")
                    sid2, start, end = _find(sents, short)
                    rows["units"].append({"article_id": aid, "unit_id": slugify(party), "unit": party, "kind": "cong_an",
                                          "province": province, "province_2025": p2025, "country": country,
                                          "sentence_id": sid2, "start": start, "end": end})
            for name in ev["signatories"]:
                rows["event_signatories"].append({"article_id": aid, "event_id": eid, "person_id": slugify(name), "name": name})
        for person in entry["people"]:
            sid, start, end = _find(sents, person["name"])
            rows["people"].append({"article_id": aid, "person_id": slugify(person["name"]), "name": person["name"],
                                   "rank": person["rank"], "position": person["position"],
                                   "organisation": person["organisation"], "sentence_id": sid, "start": start, "end": end})
        for k, ref in enumerate(entry["references"]):
            sid, _, _ = _find(sents, ref["alias"] or "", ref["number"])
            rows["references"].append({"article_id": aid, "ref_id": f"{ref['kind']}:{ref['number']}", "kind": ref["kind"],
                                       "number": ref["number"], "issuer": ref["issuer"], "date": ref["date"],
                                       "alias": ref["alias"], "sentence_id": sid})
        for slug in entry["themes"]:
            rows["themes"].append({"article_id": aid, "theme": slug, "hits": 2, "sentence_id": 1})
        for q in entry.get("quantities", []):
            sid, _, _ = _find(sents, q["text"])
            rows["quantities"].append({"article_id": aid, "text": q["text"], "value": float(q["value"]), "unit": q["unit"],
                                       "about": q["about"], "sentence_id": sid})
    return {name: pd.DataFrame(r) for name, r in rows.items()}


def write(out: Path, **kwargs) -> Path:
    from analysis.tables import write_tables

    write_tables(build(**kwargs), out)
    return out


def render(out: Path, tables: Path | None = None, **kwargs):
    """Render the reports quietly (no TTY): analysis.report.render_reports with its log captured."""
    import io

    from analysis.report import render_reports

    log = io.StringIO()
    result = render_reports(tables=tables, out=out, tty=False, stream=log, **kwargs)
    result.log = log.getvalue()
    return result
