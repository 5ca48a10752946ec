"""The helpers analysis.events uses to read its rules faster, and their equivalence with the plain readings."""
from __future__ import annotations

import re
from re import _parser as sre_parser

import pytest

from analysis import events as ev


@pytest.mark.parametrize("pattern, holds", [
    (r"năm\s+(\d{4})", True),
    (r"(?:giai đoạn|nhiệm kỳ)\s+(\d{4})\s*-\s*(\d{4})", True),
    (r"(?:a\d|\d)x", True),        # every branch reads one
    (r"năm\s+(\d{4})?", False),    # optional
    (r"(?:a|\d)x", False),         # one branch reads none
    (r"[\d/]+", False),            # '/' alone is no digit
    (r"x(?=\d)", False),           # a lookahead consumes nothing
])
def test_holds_digit(pattern, holds):
    assert ev._holds_digit(sre_parser.parse(pattern, re.IGNORECASE)) is holds


def test_every_term_rule_holds_a_digit_so_the_digit_prefilter_is_on():
    assert ev._rules()["term_digit"] is not None


@pytest.mark.parametrize("window", [
    "biên bản hợp tác đảm bảo ANTT năm 2023, và", "phòng, chống ma túy giai đoạn 2022 - 2025.",
    "chương trình phối hợp 2024-2026", "năm 2023 - 2025 giai đoạn 2020 – 2021", "NĂM 2030", "năm 1900",
    "không có năm nào", "", "số 12/2023 năm 2024", "nhiệm kỳ 2021—2026 năm 2020",
])
def test_find_term_is_the_leftmost_match_of_the_rules_in_order(window):
    best = None
    for rx, _ in ev._rules()["terms"]:
        m = rx.search(window)
        if m and (best is None or m.start() < best.start()):
            best = m
    want = None
    if best is not None:
        years = [g for g in best.groups() if g]
        want = "-".join(years) if all(1945 <= int(y) <= 2100 for y in years) else None
    assert ev.find_term(window) == want
