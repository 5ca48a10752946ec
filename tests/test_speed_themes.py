"""Themes: the helpers of the faster catalogue analysis give what the plain reading gives."""
from __future__ import annotations

import random
import re

import pytest
import yaml

from analysis import paths
from analysis.themes import (
    _GAP, _NEXT_ITEM, _UNNAMED_ITEM, _WORD, _catalogues, _enumerations, _in_passing, _item_columns, _lower, _raw_hits,
    _resolve, _short, _NEAR, rules,
)

DATA = yaml.safe_load(paths.data_file("themes.yaml").read_text(encoding="utf-8"))
EXAMPLES = [s for e in DATA["themes"].values() for k in ("positive", "negative") for s in e["examples"][k]]
LISTS = [  # sentences with catalogues and enumerations of every kind
    "Xử lý nghiêm các loại tội phạm kinh tế, tham nhũng, ma túy, sử dụng công nghệ cao.",
    "Hai ngành tập trung xử lý nghiêm các vụ án ma túy, trộm cắp, cố ý gây thương tích, đánh bạc, góp phần kiềm chế tội phạm.",
    "Tập trung điều tra, xử lý các hành vi gian lận thương mại, tài chính, ngân hàng, buôn lậu và buôn bán hàng giả, tội phạm kinh tế, tham nhũng.",
    "Các loại tội phạm ma túy, môi trường, công nghệ cao hoạt động tại khu vực giáp ranh; văn hóa, văn nghệ, thể thao và du lịch.",
    "Tổ chức các hoạt động văn hóa, văn nghệ, thể thao - an sinh xã hội, cải cách hành chính, chuyển đổi số, giao thông.",
    "Phòng chống tội phạm (ma túy, buôn lậu, vũ khí); đặc biệt là  các  loại  ma  túy  tổng  hợp, cờ bạc, “tín dụng đen”.",
]


def _plain_runs(lower: str, r: dict) -> list[tuple[int, int, list[int]]]:
    """Every run of short items, read item by item over the whole sentence (what _catalogues narrows)."""
    starts, ends, short, soft = _item_columns(lower, r["filler_re"], r["item_words"])
    runs, first = [], None
    for i, is_short in enumerate(short + [False]):
        if is_short and soft[i] and first is not None:
            continue
        if first is not None and i - first >= r["min_items"]:
            start = starts[first]
            if first > 0 and soft[first]:
                words = list(_WORD.finditer(lower, starts[first - 1], ends[first - 1]))
                if words:
                    start = words[max(0, len(words) - r["item_words"])].start()
            runs.append((start, ends[i - 1], ends[first:i]))
        first = i if is_short else None
    return runs


def _weighed_by(runs, hits, r) -> set[int]:
    out = set()
    for cs, ce, item_ends in runs:
        inside = [k for k, (_, s, e) in enumerate(hits) if cs <= s and e <= ce]
        crime_list = any(t in r["umbrella"] and cs - _NEAR <= e <= ce for t, _, e in hits)
        passing = _in_passing([hits[k] for k in inside], item_ends, r, crime_list)
        out.update(k for k in inside if hits[k][0] in passing)
    return out


def _sentences():
    rng = random.Random(11)
    found = EXAMPLES + LISTS
    for _ in range(300):  # recombined: clauses of one joined by list separators
        found.append(rng.choice([", ", " và ", "; ", ", hoặc "]).join(rng.sample(LISTS + EXAMPLES, 2)))
    return found


def test_catalogues_drop_only_runs_that_weigh_nothing_down():
    r = rules()
    for sentence in _sentences():
        lower = _lower(sentence)
        hits = sorted(((t, s, e) for t, s, e, _, _ in _resolve(lower, list(_raw_hits(lower, r)), r)), key=lambda h: h[1])
        narrowed = _catalogues(lower, hits, r)
        assert set(map(repr, narrowed)) <= set(map(repr, _plain_runs(lower, r))), sentence
        assert _weighed_by(narrowed, hits, r) == _weighed_by(_plain_runs(lower, r), hits, r), sentence


@pytest.mark.parametrize("item, short", [
    ("", False), (" “” ", False), ("ma túy", True), (" ma túy ", True), ("“tín dụng đen”", True),
    ("một hai ba bốn năm", True), ("một hai ba bốn năm sáu", False),
    ("các loại ma túy tổng hợp mới", True),  # the opener does not count
    ("đặc biệt là các loại một hai ba bốn năm", True), ("đặc biệt là các loại một hai ba bốn năm sáu", False),
    ("ma  túy  tổng  hợp", True),  # more spaces than words
    ("các loại", True),  # (openers are taken off the longer items only)
])
def test_an_item_is_short_with_one_to_five_words_not_counting_openers(item, short):
    r = rules()
    assert _short(item, r["filler_re"], r["item_words"]) is short
    assert _short("một hai ba bốn năm sáu", None, 5) is False and _short("các loại ma túy", None, 5) is True


@pytest.mark.parametrize("gap", [
    ", ", " và ", ", và ", ", hoặc ", " hoặc ", " khác, ", " hình sự, ", ", vũ khí, ", ", tài chính, ngân hàng, ",
    ", buôn bán hàng giả, ", " tại khu vực, ", " và ", "; ", " của tỉnh ", ", 12, ", " - ", ", cố ý gây, ",
])
def test_one_gap_call_is_the_next_item_or_an_unnamed_one(gap):
    text = f"ma túy{gap}tham nhũng"
    start, end = len("ma túy"), len("ma túy") + len(gap)
    m = _GAP.fullmatch(text, start, end)
    if re.compile(_NEXT_ITEM).fullmatch(text, start, end):
        assert m and not m.lastindex
    elif re.compile(_UNNAMED_ITEM).fullmatch(text, start, end):
        assert m and m.lastindex == 1
    else:
        assert m is None


def test_enumerations_look_for_a_closing_item_only_when_it_decides():
    r = rules()
    lower = "các loại tội phạm ma túy, môi trường, kinh tế, công an"
    hits = sorted(((t, s, e) for t, s, e, _, _ in _resolve(lower, list(_raw_hits(lower, r)), r)), key=lambda h: h[1])
    assert any(len(ends) >= 2 for _, _, ends in _enumerations(lower, hits, r))
