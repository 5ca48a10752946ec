"""The helpers analysis.events uses to read its rules faster, and their equivalence with the plain readings."""
from __future__ import annotations

import re
from re import _parser as sre_parser

import pytest

from analysis import events as ev


@pytest.mark.parametrize("pattern, run", [
    (r"năm\s+(\d{4})", 4),
    (r"(?:giai đoạn|nhiệm kỳ)\s+(\d{4})\s*-\s*(\d{2,4})", 4),
    (r"(?<![\d/.-])(?:năm)\s+(\d{4})(?![\d/.-])", 4),
    (r"(?:a\d\d|\d{3})x", 1),      # every branch holds one; '\d\d' is read as two runs of one
    (r"(?:a\d|\d+)x", 1),
    (r"(?:\d{2}){2}", 2),
    (r"\d", 1),
    (r"năm\s+(\d{4})?", 0),        # optional
    (r"(?:a|\d)x", 0),             # one branch holds none
    (r"[\d/]+", 0),                # '/' alone is no digit
    (r"[^\d]", 0),
    (r"x(?=\d{4})", 0),            # a lookahead consumes nothing
])
def test_digit_run(pattern, run):
    assert ev._digit_run(sre_parser.parse(pattern, re.IGNORECASE)) == run


def test_every_term_rule_holds_a_year_so_the_digit_prefilter_is_on():
    assert ev._rules()["term_digits"].pattern == r"\d\d\d\d"


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


@pytest.mark.parametrize("window", [
    " số 1520/QCPH thay thế Quy chế năm 2020", " giai đoạn 2024 - 2026 thay thế quy chế năm 2020",
    " năm 2023", " về phối hợp công tác", " kế hoạch 2021-2025", "", " số 12 ngày 3/4/2024 về kế hoạch năm 2025",
])
def test_find_term_until_reads_only_the_text_before_the_first_match(window):
    stop = ev._GENERIC.search(window)
    assert ev.find_term(window, until=ev._GENERIC) == ev.find_term(window[:stop.start()] if stop else window)


def test_place_rule_matches_as_with_the_boundary_in_front():
    """'tại(?<!\\wtại)' is '(?<!\\w)tại' written so that `re` scans for the letters first: same matches, whatever
    stands before, at the start of the text or of the searched span."""
    fast = ev._rules()["place"]
    assert fast.pattern.startswith("tại(?<!\\wtại)")
    plain = re.compile("(?<!\\w)tại" + fast.pattern[len("tại(?<!\\wtại)"):], fast.flags)
    texts = ["tại Công an tỉnh Gia Lai, hai bên", "Lễ ký diễn ra tại trụ sở Công an tỉnh Quảng Trị.",
             "Đạitại Hà Nội, x", "x-tại Hà Nội; y", "1tại Hà Nội.", "Hội nghị tại tỉnh Gia Lai đã diễn ra",
             "tổ chức tại Hội nghị ở Hà Nội, rồi tại TP. Hồ Chí Minh."]
    for text in texts:
        for pos in range(len(text)):
            a, b = plain.search(text, pos), fast.search(text, pos)
            assert (a and (a.span(), a.span(1))) == (b and (b.span(), b.span(1))), (text, pos)
