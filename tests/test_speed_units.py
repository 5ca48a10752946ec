"""The helpers the speed work on analysis.units / anchors added: what they promise beyond 'same output'."""
from __future__ import annotations

import re

import pytest

from analysis.anchors import match_prefixes
from analysis import units as un


@pytest.mark.parametrize("pattern, prefixes", [
    ("Công an|CA", {"Cô", "CA"}),
    ("[Cc]ông an", {"Cô", "cô"}),
    ("(?:Ngân hàng )?BIDV", {"Ng", "BI"}),
    (r"Cụm thi đua (?:số\s+)?(\d{1,2})", {"Cụ"}),
    (r"(?<!\w)(?:Sở(?: x)?)(?!\w)", {"Sở"}),  # assertions are passed over
    ("ab*c", {"ab", "ac"}),
    ("x{2,3}y", {"x"}),  # known no further than the first repetition
    ("a?", {"", "a"}),  # may match nothing: anything may follow
    (r"\w+", {""}),
    ("[^a]b", {""}),
    ("(?i:abc)", {""}),
    ("(?i)abc", {""}),
    ("X", {"X"}),
])
def test_match_prefixes(pattern, prefixes):
    assert match_prefixes(pattern) == prefixes


@pytest.mark.parametrize("pattern", ["Công an|CA", r"(?:Ngân hàng )?BIDV [Cc]hi nhánh", "ab*c", "x{2,3}y", r"\d+\.?", "a?b?"])
def test_match_prefixes_never_miss_a_match(pattern):
    starts = tuple(match_prefixes(pattern))
    rx = re.compile(pattern)
    for text in ["Công an tỉnh", "CA", "Ngân hàng BIDV chi nhánh", "BIDV Chi nhánh", "abbbc", "ac", "xxy", "12.", "b", ""]:
        if rx.match(text):
            assert text.startswith(starts), (pattern, text)


def test_cut_down_master_matches_as_the_master_does():
    rx = un._rx()
    text = ("Công an tỉnh Quảng Trị, CATP Cần Thơ, Bộ Công an, Cục Cảnh sát hình sự, UBND tỉnh Gia Lai, Cụm thi đua số 6, "
            "Bộ Tư lệnh Quân khu 4, Ngân hàng BIDV chi nhánh Hà Tĩnh, công an huyện, Công ty, Cảnh sát, C")
    for pos in [m.start() for m in re.finditer(r"\b\w", text)]:
        cut = un._master_for(rx, text[pos:pos + 2])
        full, mine = rx.master.match(text, pos), cut.match(text, pos) if cut is not None else None
        assert (full and (full.span(), full.lastgroup)) == (mine and (mine.span(), mine.lastgroup)), text[pos:pos + 20]


@pytest.mark.parametrize("text", ["Bo Ly Khăm Xay (Lào)", "Thừa Thiên - Huế và", "TP.HCM. Sau", "Át-ta-pư Sê Kông A B C D E F",
                                  "07 tỉnh", "A", "Hà Nội,  Hải Phòng", "X - Y - Z - W - V - U - T", "Quận 1 TP. Hồ Chí Minh"])
def test_run_of_5_ends_at_the_fifth_place_word(text):
    assert un._RUN_OF_5.match(text).end() == un._place_words(text, 0, 5)[-1][1]
