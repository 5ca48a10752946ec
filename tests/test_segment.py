"""Sentence splitting: underthesea's sent_tokenize, repaired, with exact offsets."""
from __future__ import annotations

import pytest

from analysis import ruledata
from analysis.segment import split_sentences, split_spans


@pytest.mark.parametrize("token, example", ruledata.tokens("abbreviations.yaml", "abbreviations"))
def test_each_abbreviation_entry_keeps_its_sentence_whole(token, example):
    pair = f"{example} Hai bên thống nhất nhiều nội dung."
    assert split_sentences(pair) == [example, "Hai bên thống nhất nhiều nội dung."]


@pytest.mark.parametrize("block, sentences", [
    ("Ngày 9.8, tại TP.Huế, Công an tỉnh ký kết. Hai bên thống nhất.",
     ["Ngày 9.8, tại TP.Huế, Công an tỉnh ký kết.", "Hai bên thống nhất."]),
    ("Chiều 12/9/2022, tại TP. Hồ Chí Minh, Công an TP. Hồ Chí Minh phối hợp. Đồng thời, hai bên cam kết.",
     ["Chiều 12/9/2022, tại TP. Hồ Chí Minh, Công an TP. Hồ Chí Minh phối hợp.", "Đồng thời, hai bên cam kết."]),
    ("Ông nói: “Chúng tôi sẽ làm.” Hai bên cam kết.", ["Ông nói: “Chúng tôi sẽ làm.”", "Hai bên cam kết."]),
    ("“Việc ký kết là cơ sở. Hai đơn vị sẽ phối hợp”, đồng chí Thứ trưởng khẳng định. Sau đó, đoàn thăm trụ sở.",
     ["“Việc ký kết là cơ sở. Hai đơn vị sẽ phối hợp”, đồng chí Thứ trưởng khẳng định.", "Sau đó, đoàn thăm trụ sở."]),
    ("Các loại tội phạm ma túy, buôn lậu... được tập trung đấu tranh. Kết quả rất tốt.",
     ["Các loại tội phạm ma túy, buôn lậu... được tập trung đấu tranh.", "Kết quả rất tốt."]),
    ("Có 1.500 người tham gia. Tỷ lệ giảm 12,5%. Ngày 12.9.2022 họp tổng kết.",
     ["Có 1.500 người tham gia.", "Tỷ lệ giảm 12,5%.", "Ngày 12.9.2022 họp tổng kết."]),
    ("Ông Nguyễn V. An đến dự. Hội nghị kết thúc.", ["Ông Nguyễn V. An đến dự.", "Hội nghị kết thúc."]),
    ("Công an TPHCM tặng Công an tỉnh Thừa Thiên Huế 100 triệu đồng", ["Công an TPHCM tặng Công an tỉnh Thừa Thiên Huế 100 triệu đồng"]),
    ("Có thật không? Có! Hội nghị tiếp tục.", ["Có thật không?", "Có!", "Hội nghị tiếp tục."]),
])
def test_repaired_splits(block, sentences):
    assert split_sentences(block) == sentences


@pytest.mark.parametrize("block", [
    "  Hai bên thống nhất.  Đồng thời cam kết hỗ trợ.  ",
    "Sáng 14/3 (ảnh) tại Hà Nội. “Câu trích.” Rồi tiếp… Cuối cùng!",
    "Một câu không có dấu chấm",
    ".",
    "",
])
def test_offsets_are_exact_and_trimmed(block):
    spans = split_spans(block)
    for start, end in spans:
        piece = block[start:end]
        assert piece and piece == piece.strip()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    # Nothing but spaces is left out.
    covered = "".join(block[s:e] for s, e in spans)
    assert covered.replace(" ", "") == block.replace(" ", "")
