"""The title regex reduced by a candidate's first two letters (people._title_match) matches as the whole one does."""
import re

import pytest

from analysis import people


@pytest.mark.parametrize("pattern, expected", [
    ("Chủ tịch", frozenset({"ch"})),
    ("Tổng Bí thư|Thủ tướng(?! Chính phủ)", frozenset({"tổ", "th"})),
    ("(?:Phó\\s+)?Cục trưởng", frozenset({"ph", "cụ"})),
    ("X\\s+Y", frozenset({"x"})),  # a one-letter word: one letter only ('x\t' is no 'x ')
    ("[Cc]ục", None),  # no literal start
    ("Giám đốc", None),  # 'i' also matches the dotless 'ı' case-insensitively: no pre-check
])
def test_first_letters(pattern, expected):
    assert people._first_letters(pattern) == expected


def _spans(m):
    return m and (m.span(), m.span("dep"))


@pytest.mark.parametrize("text", [
    "Giám đốc Công an tỉnh", "Phó Giám đốc Công an", "Phó  Chủ tịch UBND", "PHÓ CHỦ TỊCH nước", "phó chủ tịch",
    "Thủ tướng Chính phủ về việc", "Thủ tướng Phạm Minh Chính", "Tổng cục trưởng", "Tỉnh ủy viên", "Ủy viên Bộ Chính trị",
    "Chủ", "C", "Phó", "Phó ", "Bộ trưởng Bộ Công an", "Trưởng phòng", "Cụm trưởng", "Chánh văn phòng", "THỦ TƯỚNG",
])
def test_title_match_is_the_title_regex(text):
    rx = people._rx()
    for pos in range(len(text)):
        assert _spans(people._title_match(text, pos, rx)) == _spans(rx.title.match(text, pos)), (text, pos)


def test_title_match_on_the_seeds():
    from analysis import paths
    from analysis.anchors import core_positions
    from analysis.loader import load_articles

    rx = people._rx()
    for text in load_articles(paths.SEEDS).articles["text"]:
        for pos in core_positions(text)["title"] + [m.start() for m in re.finditer(r"\b\w", text)][:400]:
            assert _spans(people._title_match(text, pos, rx)) == _spans(rx.title.match(text, pos))
