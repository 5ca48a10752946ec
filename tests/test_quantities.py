"""Quantities: money, percentages, counts and time spans; dates, identifiers and participants left out."""
from __future__ import annotations

import copy

import pandas as pd
import pytest
import yaml

from analysis import paths
from analysis.quantities import COLUMNS, RuleDataError, compile_rules, extract_quantities, parse_number, rules

DATA = yaml.safe_load(paths.data_file("quantities.yaml").read_text(encoding="utf-8"))


def frames(*sentences: str, article_id: str = "t1"):
    """An article made of the given sentences (one paragraph each), as the loader would give it."""
    text = "\n\n".join(sentences)
    rows, pos = [], 0
    for i, sentence in enumerate(sentences):
        rows.append({"article_id": article_id, "sentence_id": i, "start": pos, "end": pos + len(sentence),
                     "text": sentence, "kind": "body", "paragraph": i})
        pos += len(sentence) + 2
    articles = pd.DataFrame([{"article_id": article_id, "title": sentences[0], "published": None, "event_date": None, "text": text}])
    return articles, pd.DataFrame(rows)


def quantities(*sentences: str) -> pd.DataFrame:
    articles, sentence_rows = frames(*sentences)
    out = extract_quantities(articles, sentence_rows)
    text = articles.iloc[0]["text"]
    for row in out.itertuples():
        assert text[row.start:row.end] == row.text
    return out


def values(*sentences: str) -> list[tuple]:
    return [(r.value, r.unit, r.measure, None if pd.isna(r.qualifier) else r.qualifier) for r in quantities(*sentences).itertuples()]


# ----------------------------------------------------------------------------- seeds

def test_seed_quantities_match_the_gold(seed_load, gold):
    out = extract_quantities(seed_load.articles, seed_load.sentences)
    assert list(out.columns) == COLUMNS
    for article_id, entry in gold.items():
        got = set(out[out.article_id == article_id]["value"])
        assert got == {float(q["value"]) for q in entry["quantities"]}, article_id


def test_seed_units_and_spans(seed_load, gold):
    out = extract_quantities(seed_load.articles, seed_load.sentences)
    texts = dict(zip(seed_load.articles.article_id, seed_load.articles.text))
    for row in out.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
    for article_id, entry in gold.items():
        rows = out[out.article_id == article_id].set_index("value")
        for q in entry["quantities"]:
            assert rows.loc[float(q["value"]), "unit"] == q["unit"], (article_id, q["text"])


def test_seed_repeated_durations_are_one_row(seed_load):
    out = extract_quantities(seed_load.articles, seed_load.sentences)
    row = out[out.article_id.str.startswith("002")].iloc[0]
    assert (row["value"], row["measure"], row["mentions"]) == (2.0, "năm", 4)


# ----------------------------------------------------------------------------- what is a quantity

@pytest.mark.parametrize("sentence, expected", [
    ("Công an TPHCM tặng Công an tỉnh Thừa Thiên Huế 100 triệu đồng.", [(1e8, "VND", "đồng", None)]),
    ("Các đối tượng chiếm đoạt hơn 1,5 tỷ đồng của 30 bị hại.", [(1.5e9, "VND", "đồng", "hơn"), (30.0, "count", "bị hại", None)]),
    ("Mỗi suất quà trị giá 200 nghìn đồng.", [(2e5, "VND", "đồng", None)]),
    ("Đơn vị trao tặng 50.000.000 đồng cho quỹ khuyến học.", [(5e7, "VND", "đồng", None)]),
    ("Tổng kinh phí hỗ trợ là 2 tỷ 500 triệu đồng.", [(2.5e9, "VND", "đồng", None)]),
    ("Mỗi gia đình được hỗ trợ 500.000đ tiền mặt.", [(5e5, "VND", "đồng", None)]),
    ("Thu giữ 12.000 USD tiền mặt.", [(12000.0, "other", "USD", None)]),
    ("Phấn đấu kéo giảm tội phạm ít nhất 5% so với năm trước.", [(5.0, "percent", "%", "ít nhất")]),
    ("Tỷ lệ điều tra khám phá đạt 92,5 phần trăm.", [(92.5, "percent", "%", None)]),
    ("Từ năm 2018 đến nay, đã bảo vệ an toàn 327 lượt đối tượng cảnh vệ.", [(327.0, "count", "lượt", None)]),
    ("Với 3 Chương và 10 Điều, Quy chế là cơ sở pháp lý cho hai đơn vị.", [(3.0, "count", "Chương", None), (10.0, "count", "Điều", None)]),
    ("Các đơn vị ký giao ước thi đua với 6 nội dung trọng tâm.", [(6.0, "count", "nội dung", None)]),
    ("Lực lượng chức năng đã tuần tra hơn 1.200 lượt trên các tuyến.", [(1200.0, "count", "lượt", "hơn")]),
    ("Sơ kết 02 năm thực hiện Quy chế phối hợp.", [(2.0, "other", "năm", None)]),
    ("Sau 1 năm triển khai, mô hình đạt nhiều kết quả.", [(1.0, "other", "năm", None)]),
    ("Sau hai năm thực hiện, các bên đánh giá cao kết quả.", [(2.0, "other", "năm", None)]),
    ("Thu giữ gần 5 kg ma túy tổng hợp.", [(5.0, "other", "kg", "gần")]),
    ("Khoảng 1,2 triệu lượt người dân được cấp căn cước.", [(1.2e6, "count", "lượt", "khoảng")]),
])
def test_quantities_of_the_genre(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Chiều 22-3, tại Công an tỉnh diễn ra lễ ký kết.",
    "Ngày 9.8, tại TP.Huế, hai bên tổ chức lễ ký kết.",
    "Chiều 12/9/2022, hội nghị diễn ra tại TP. Hồ Chí Minh.",
    "Thứ Sáu, 28/05/2021, 13:07",
    "Các đơn vị hoàn thành chỉ tiêu công tác năm 2024.",
    "Tình hình, kết quả công tác 8 tháng đầu năm 2022 được báo cáo tại hội nghị.",
    "Nhiệm vụ trọng tâm 6 tháng cuối năm được thống nhất.",
    "Hướng tới kỷ niệm 80 năm Ngày truyền thống lực lượng CAND Việt Nam.",
    "Chào mừng 20 năm Ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
    "Việc ký kết Quy chế phối hợp số 303 thể hiện quyết tâm của các đơn vị.",
    "Cụm thi đua số 6 ký giao ước thi đua.",
    "Thực hiện Nghị quyết số 12-NQ/TW của Bộ Chính trị.",
    "Tiến tới Đại hội Đảng toàn quốc lần thứ XIV, nhiệm kỳ 2025-2030.",
    "Hội nghị sơ kết giữa Công an 07 tỉnh, thành phố.",
    "Đề nghị công an 2 địa phương nhanh chóng triển khai.",
    "Thứ trưởng chứng kiến 2 đơn vị ký kết Quy chế phối hợp.",
    "Công an 5 tỉnh: Thanh Hóa, Ninh Bình, Nghệ An, Hà Tĩnh và Quảng Bình.",
    "Lãnh đạo công an 3 tỉnh vui mừng trước kết quả đạt được.",
    "Mặc dù gặp nhiều khó khăn do ảnh hưởng của đại dịch Covid-19.",
    "Theo quy định tại khoản 2 Điều 3 của Nghị định.",
    "Lượt xem: 2093",
    "Ngày 16 tháng 3 năm 2022, Bộ Chính trị ban hành Nghị quyết.",
    "Hội nghị lần thứ 2 của Ban Chỉ đạo.",
])
def test_not_quantities(sentence):
    assert quantities(sentence).empty


def test_the_same_value_and_measure_twice_is_one_row_with_its_mentions():
    out = quantities("Sơ kết 1 năm thực hiện biên bản hợp tác.", "Kết quả 1 năm triển khai thực hiện đạt nhiều kết quả.",
                     "Lãnh đạo hai tỉnh ký kết.", "Bảo vệ 327 lượt đối tượng cảnh vệ.", "Bảo vệ 327 lượt đối tượng cảnh vệ.")
    assert list(out["value"]) == [1.0, 327.0]
    assert list(out["mentions"]) == [2, 2]
    assert list(out["sentence_id"]) == [0, 3]


def test_about_describes_the_quantity():
    out = quantities("Đã bảo vệ 327 lượt đối tượng cảnh vệ đến làm việc tại thành phố.",
                     "Phấn đấu kéo giảm tội phạm ít nhất 5%.").set_index("value")
    assert out.loc[327.0, "about"] == "lượt đối tượng cảnh vệ"
    assert out.loc[5.0, "about"] == "Phấn đấu kéo giảm tội phạm"


def test_numbers_inside_a_unit_name_are_skipped_when_units_are_given():
    articles, sentences = frames("Công an Quận 1 bắt giữ 3 đối tượng.")
    plain = extract_quantities(articles, sentences)
    units = pd.DataFrame([{"article_id": "t1", "start": 0, "end": len("Công an Quận 1")}])
    assert list(extract_quantities(articles, sentences, units=units)["value"]) == list(plain["value"]) == [3.0]


@pytest.mark.parametrize("raw, value", [("1.200", 1200.0), ("1,5", 1.5), ("02", 2.0), ("50.000.000", 5e7), ("1.5", 1.5), ("92,5", 92.5)])
def test_vietnamese_number_writing(raw, value):
    assert parse_number(raw) == value


# ----------------------------------------------------------------------------- every rule-data entry

@pytest.mark.parametrize("word, multiplier", sorted(DATA["scales"].items()))
def test_each_scale(word, multiplier):
    assert values(f"Đơn vị ủng hộ 3 {word} đồng cho quỹ.")[0][0] == 3 * multiplier


@pytest.mark.parametrize("word, unit", [(w, e["unit"]) for e in DATA["currencies"] for w in e["words"]])
def test_each_currency(word, unit):
    sep = "" if word == "đ" else " "
    assert values(f"Thu giữ 300{sep}{word} tại hiện trường.")[0][:2] == (300.0, unit)


@pytest.mark.parametrize("word", DATA["percent"])
def test_each_percent_word(word):
    sep = "" if word == "%" else " "
    assert values(f"Tỷ lệ giải quyết tin báo đạt 95{sep}{word} trong năm.")[0][:2] == (95.0, "percent")


@pytest.mark.parametrize("word", DATA["counters"])
def test_each_counter(word):
    assert values(f"Trong đợt cao điểm, lực lượng chức năng ghi nhận 14 {word} liên quan.") == [(14.0, "count", word, None)]


@pytest.mark.parametrize("word", DATA["measures"] + DATA["durations"])
def test_each_measure_and_time_span(word):
    assert values(f"Lực lượng chức năng đã tổ chức truy quét trong 14 {word} liên tục.") == [(14.0, "other", word, None)]


@pytest.mark.parametrize("word", DATA["participants"])
def test_each_participant_count_is_left_out(word):
    assert quantities(f"Lãnh đạo công an 4 {word} ký kết biên bản hợp tác.").empty


@pytest.mark.parametrize("word", DATA["identifier_before"])
def test_each_identifier_word_is_left_out(word):
    assert quantities(f"Lực lượng tuần tra tại {word} 7 lượt qua.").empty or values(f"Tại {word} 7 lượt.") == []


@pytest.mark.parametrize("word", DATA["date_before"])
def test_each_date_word_makes_a_date(word):
    assert quantities(f"Vào {word} 15 tháng 6 năm 2024 diễn ra hội nghị.").empty


@pytest.mark.parametrize("word", DATA["calendar_after"])
def test_each_calendar_period(word):
    assert quantities(f"Kết quả công tác 6 tháng {word} được báo cáo.").empty


@pytest.mark.parametrize("word", DATA["anniversary_before"])
def test_each_anniversary_opener(word):
    assert quantities(f"Các hoạt động {word} 75 năm của lực lượng.").empty


@pytest.mark.parametrize("word", DATA["anniversary_after"])
def test_each_anniversary_closer(word):
    assert quantities(f"Nhân dịp 78 năm {word} của lực lượng Công an nhân dân.").empty


@pytest.mark.parametrize("word", DATA["qualifiers"])
def test_each_qualifier(word):
    assert values(f"Lực lượng chức năng đã xử lý {word} 40 vụ vi phạm.") == [(40.0, "count", "vụ", word)]


@pytest.mark.parametrize("word, value", sorted(DATA["number_words"].items()))
def test_each_number_word(word, value):
    assert values(f"Sau {word} năm thực hiện, quy chế đạt nhiều kết quả.") == [(float(value), "other", "năm", None)]


@pytest.mark.parametrize("word", DATA["count_openers"])
def test_each_count_opener_keeps_a_count_after_so(word):
    assert values(f"Hội nghị có {word} 150 cán bộ tham dự.") == [(150.0, "count", "cán bộ", None)]


def test_about_stops_at_each_stop_word():
    for word in DATA["about_stop"]:
        out = quantities(f"Đã bảo vệ 12 lượt khách {word} thành phố.")
        assert out.iloc[0]["about"] == "lượt khách", word


# ----------------------------------------------------------------------------- validation

def test_rule_data_errors_name_the_file_and_the_entry():
    bad = copy.deepcopy(DATA)
    bad["counters"].append("năm")
    with pytest.raises(RuleDataError, match=r"quantities\.yaml.*'năm'.*duration"):
        compile_rules(bad, "quantities.yaml")
    bad = copy.deepcopy(DATA)
    bad["scales"]["triệu"] = "một triệu"
    with pytest.raises(RuleDataError, match=r"quantities\.yaml: scales"):
        compile_rules(bad, "quantities.yaml")
    bad = copy.deepcopy(DATA)
    bad["currencies"][0]["unit"] = "EUR"
    with pytest.raises(RuleDataError, match=r"currencies\[0\]"):
        compile_rules(bad, "quantities.yaml")
    bad = copy.deepcopy(DATA)
    bad["qualifiers"] = []
    with pytest.raises(RuleDataError, match="qualifiers"):
        compile_rules(bad, "quantities.yaml")


def test_shipped_rule_data_loads():
    assert rules()["scales"]["triệu"] == 1e6
    assert paths.data_file("quantities.yaml").read_text(encoding="utf-8").startswith("#")


def test_unordered_and_broken_sentences_are_handled():
    a1, s1 = frames("Sơ kết 02 năm thực hiện quy chế.", "Trao tặng 100 triệu đồng.", article_id="a1")
    a2, s2 = frames("Bảo vệ 327 lượt đối tượng cảnh vệ.", article_id="a2")
    sentences = pd.concat([s1.iloc[[1]], s2, s1.iloc[[0]]], ignore_index=True)
    sentences.loc[len(sentences)] = {"article_id": "a2", "sentence_id": 1, "start": 40, "end": 40, "text": None, "kind": "body", "paragraph": 1}
    out = extract_quantities(pd.concat([a1, a2]), sentences)
    assert sorted(zip(out.article_id, out.value)) == [("a1", 2.0), ("a1", 1e8), ("a2", 327.0)]
    texts = {"a1": a1.iloc[0]["text"], "a2": a2.iloc[0]["text"]}
    for row in out.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text


# ----------------------------------------------------------------------------- counted nouns in general

@pytest.mark.parametrize("sentence, expected", [
    # any lower-case noun after a number is a count; its first word (or the listed noun) is the measure
    ("Công an huyện trao tặng 500 áo phao và 20 bình chữa cháy cho ngư dân ven biển.",
     [(500.0, "count", "áo", None), (20.0, "count", "bình", None)]),
    ("Đồn Biên phòng bàn giao 8 công dân nhập cảnh trái phép cho phía bạn.", [(8.0, "count", "công dân", None)]),
    ("Hội Phụ nữ vận động gần 3 ngàn đoàn viên, hội viên tham gia.", [(3000.0, "count", "đoàn viên", "gần")]),
    ("Phòng Cảnh sát hình sự đã huy động hơn 2 nghìn lượt cán bộ tham gia.", [(2000.0, "count", "lượt", "hơn")]),
    ("Hội Cựu chiến binh tỉnh xây tặng 35 nhà nghĩa tình đồng đội cho hội viên.", [(35.0, "count", "nhà", None)]),
    ("Lực lượng chức năng bắt giữ 7 bị can, thu giữ 2 bánh heroin và 6.000 viên ma túy tổng hợp.",
     [(7.0, "count", "bị can", None), (2.0, "count", "bánh", None), (6000.0, "count", "viên", None)]),
    ("Trao 30 sổ tiết kiệm, 150 suất quà và 20 phần quà cho học sinh nghèo.",
     [(30.0, "count", "sổ tiết kiệm", None), (150.0, "count", "suất quà", None), (20.0, "count", "phần quà", None)]),
    ("Tổ chức 12 cuộc tuần tra, 5 buổi tuyên truyền, 3 lớp tập huấn, đăng 45 tin bài.",
     [(12.0, "count", "cuộc", None), (5.0, "count", "buổi", None), (3.0, "count", "lớp", None), (45.0, "count", "tin bài", None)]),
    ("Lắp đặt 250 camera an ninh trên 18 tuyến đường liên xã.", [(250.0, "count", "camera", None), (18.0, "count", "tuyến", "trên")]),
    ("Hội nghị có 200 đại biểu tham dự, Ban Chấp hành gồm 15 đồng chí.", [(200.0, "count", "đại biểu", None), (15.0, "count", "đồng chí", None)]),
    ("Thu giữ 3,5 kg ma túy, 12 gam heroin; phát hiện 25 ha rừng bị phá.",
     [(3.5, "other", "kg", None), (12.0, "other", "gam", None), (25.0, "other", "ha", None)]),
    # money without "đồng", and other currencies
    ("Vụ cháy gây thiệt hại hơn 5 tỷ, không có thiệt hại về người.", [(5e9, "VND", "đồng", "hơn")]),
    ("Thu giữ lô hàng lậu trị giá 200 triệu.", [(2e8, "VND", "đồng", None)]),
    ("Đối tượng chiếm đoạt 10.000 USD của bị hại.", [(10000.0, "other", "USD", None)]),
    ("Cục Cảnh sát đã hỗ trợ đơn vị 50 triệu kinh phí mua sắm trang thiết bị.", [(5e7, "VND", "đồng", None)]),
    ("Hai bên trao tặng 300 triệu cho các hộ nghèo.", [(3e8, "VND", "đồng", None)]),
    ("Hội có 15 nghìn hội viên tham gia phong trào.", [(15000.0, "count", "hội viên", None)]),
])
def test_counted_nouns_scales_and_money_of_the_genre(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Đề án 06 nhằm phục vụ chuyển đổi số quốc gia.",            # a document's number, then a verb
    "Trong năm 2023 công an hai huyện đã cấp căn cước cho người dân.",  # a year
    "Từ năm 2018 đến nay, 2019 Công an xã đã được xây dựng chính quy.",  # a name follows
    "Lúc 9 giờ 30 phút, đoàn công tác đến thăm.",             # a clock time
    "Tổ công tác 141 tuần tra trên các tuyến phố.",           # a unit's number
    "Giai đoạn 2021 - 2025 công an tỉnh đã xử lý nhiều vụ.",    # a period
    "Cả nước có khoảng 3 triệu, theo số liệu ước tính.",      # a scaled number with no money word and no noun
    "Nghị quyết 12 là kim chỉ nam của lực lượng.",
    "Khoảng 10 giờ ngày 5/3, tại km 15 Quốc lộ 1A, xe ô tô va chạm với xe máy.",  # a time of day, a road's kilometre
    "Đối tượng Nguyễn Văn A (SN 1990, trú tại thôn 2, xã B) bị bắt giữ.",
    "Công an phường 3, quận 5 tiếp nhận tin báo.",
])
def test_numbers_that_count_nothing(sentence):
    assert quantities(sentence).empty


def test_money_about_names_the_thing_it_is_the_value_of():
    out = quantities("Dịp này, Công an tỉnh Hà Tĩnh trao tặng Công an tỉnh Bolikhamxay 30 bộ máy vi tính trị giá 900 triệu đồng.",
                     "Hội Cựu chiến binh tặng 45 nhà đồng đội với tổng kinh phí 2,7 tỷ đồng.").set_index("value")
    assert out.loc[9e8, "about"] == "30 bộ máy vi tính"
    assert out.loc[2.7e9, "about"] == "45 nhà đồng đội"
    assert out.loc[30.0, "about"] == "bộ máy vi tính"  # the count's about stops before the value


@pytest.mark.parametrize("word", DATA["not_counted"])
def test_each_not_counted_word_after_a_number_is_no_count(word):
    assert quantities(f"Hội nghị lần này ghi nhận 14 {word} ý kiến.").empty


@pytest.mark.parametrize("word", DATA["money_cues"])
def test_each_money_cue_makes_a_scaled_number_money(word):
    assert values(f"Vụ việc được xác định {word} khoảng 3 tỷ, cơ quan chức năng đang điều tra.") == [(3e9, "VND", "đồng", "khoảng")]


@pytest.mark.parametrize("word", DATA["worth_words"])
def test_each_worth_word_gives_the_thing_as_about(word):
    out = quantities(f"Đơn vị trao tặng 40 bộ máy tính {word} 800 triệu đồng cho trường học.").set_index("value")
    assert out.loc[8e8, "about"] == "40 bộ máy tính", word


@pytest.mark.parametrize("sentence", [
    "Tại buổi lễ, hai Bộ đã ký kết Chương trình phối hợp công tác giai đoạn 2025 - 2030.",
    "Ba Sở cùng thống nhất nội dung phối hợp; sau đó ba Sở ký biên bản.",
    "Lãnh đạo hai bộ, ngành chứng kiến lễ ký kết quy chế.",
    "Đại diện 2 Cục đã trao đổi kinh nghiệm về công tác phòng cháy.",
    "Lãnh đạo hai bộ đã thống nhất tăng cường trao đổi thông tin.",
    "Hội nghị có sự tham gia của Công an 4 phường trên địa bàn.",
    "Sau ký kết, hai nước và hai lực lượng sẽ tổ chức tuần tra chung.",
])
def test_counts_of_the_events_own_parties_are_left_out(sentence):
    assert quantities(sentence).empty


@pytest.mark.parametrize("sentence, expected", [
    ("Đơn vị đã trao tặng 50 bộ máy vi tính cho các trường học.", [(50.0, "count", "bộ", None)]),
    ("Nhà tài trợ trao hai bộ máy tính cho đồn biên phòng.", [(2.0, "count", "bộ", None)]),
    ("Hai Bộ đã trao 30 suất học bổng cho học sinh nghèo.", [(30.0, "count", "suất học bổng", None)]),
])
def test_organisation_nouns_that_count_things_are_kept(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize("motto", DATA["mottos"])
def test_each_motto_counts_nothing_and_a_count_beside_it_stays(motto):
    assert values(f"Hai đơn vị thực hiện {motto}, tặng 15 suất quà cho học sinh.") == [(15.0, "count", "suất quà", None)]


def test_a_count_after_the_verb_khoa_is_counted_and_a_term_number_is_not():
    assert values("Phòng An ninh mạng đã tạm khóa 1.126 tài khoản có dấu hiệu lừa đảo.") == [(1126.0, "count", "tài khoản", None)]
    assert values("Đồng chí là đại biểu Quốc hội khóa 15, Ủy viên Ban Chấp hành khóa 13 dự hội nghị.") == []


@pytest.mark.parametrize("cue", DATA["territory_cues"])
def test_each_territory_cue_makes_a_count_of_territories(cue):
    assert values(f"Tuyến biên giới của tỉnh đi {cue} 22 xã và nhiều đường mòn, lối mở.") == [(22.0, "count", "xã", None)]


@pytest.mark.parametrize("sentence", [
    "Công an 5 tỉnh ký kết quy chế phối hợp.",
    "Cụm thi đua số 6 gồm 5 tỉnh ký giao ước thi đua.",
    "Hai bên trao đổi tình hình an ninh, trật tự trên địa bàn 3 tỉnh.",
    "Lãnh đạo 3 tỉnh dự hội nghị.",
])
def test_a_count_of_the_parties_provinces_is_left_out(sentence):
    assert values(sentence) == []


def test_territories_counted_with_a_qualifier_and_a_scale_word_is_a_whole_word():
    assert values("Lực lượng làm rõ hơn 1.600 bị hại ở 52 tỉnh, thành phố.") == [
        (1600.0, "count", "bị hại", "hơn"), (52.0, "count", "tỉnh, thành phố", None)]
    assert values("Tỉnh có hơn 120 xã, phường.") == [(120.0, "count", "xã", "hơn")]
    assert values("Thu giữ 5 tỉ đồng.") == [(5e9, "VND", "đồng", None)]  # 'tỉ' is a scale, 'tỉnh' is not
