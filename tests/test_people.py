"""People: every rank, title, body, qualifier and honorific on its example; composed sentences of the genre
(other provinces, ranks and titles, Lao/Cambodian names, lists, dashes, back-references); what is not a person."""
from __future__ import annotations

import pytest

from analysis import ruledata
from analysis.people import extract_people, find_people, merge_people, person_id
from _frames import frames, many


def people(text: str) -> list[dict]:
    return merge_people(find_people(text))


def one(text: str) -> dict:
    got = people(text)
    assert len(got) == 1, got
    return got[0]


RANKS = ruledata.load("ranks.yaml")["ranks"]
POS = ruledata.load("positions.yaml")


@pytest.mark.parametrize("entry", RANKS, ids=lambda e: e["rank"])
def test_every_rank_is_read_and_capitalised(entry):
    p = people(entry["example"])[0]
    assert p["rank"] == entry["rank"]
    assert p["name"][0].isupper() and len(p["name"].split()) >= 2


def test_lower_case_rank_is_capitalised():
    assert one("Tại buổi lễ, thượng tá Hồ Văn Mười, Phó Giám đốc Công an tỉnh Quảng Trị phát biểu.")["rank"] == "Thượng tá"


@pytest.mark.parametrize("entry", POS["titles"], ids=lambda e: e["title"])
def test_every_title_is_read_on_its_example(entry):
    got = people(entry["example"])
    assert got, entry["example"]
    assert any(t.startswith(entry["title"]) or t.startswith("Phó " + entry["title"]) for p in got for t in p["positions"]), got


@pytest.mark.parametrize("entry", POS["bodies"], ids=lambda e: e["pattern"][:30])
def test_every_body_stays_in_the_title(entry):
    import re

    got = people(entry["example"])
    body = re.compile(ruledata.expand(entry["pattern"]))
    assert any(body.search(t) for p in got for t in p["positions"]), got


@pytest.mark.parametrize("section", ["qualifiers", "honorifics"])
def test_qualifiers_and_honorifics(section):
    for entry in POS[section]:
        got = people(entry["example"])
        assert got, entry["example"]
        if section == "qualifiers":
            assert any(entry["word"] in t for p in got for t in p["positions"])


def test_rank_name_apposition_with_several_titles():
    p = one("Trung tướng Nguyễn Văn Long, Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương, Thứ trưởng Bộ Công an "
            "dự và phát biểu chỉ đạo hội nghị.")
    assert (p["name"], p["rank"], p["position"]) == ("Nguyễn Văn Long", "Trung tướng", "Thứ trưởng")
    assert p["positions"] == ["Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương", "Thứ trưởng"]
    assert p["organisation"] == "Bộ Công an"


def test_title_and_organisation_before_the_name_then_rank():
    p = one("Phát biểu tại hội nghị, Giám đốc Công an tỉnh Gia Lai Thượng tá Nguyễn Hữu Hợp cho biết.")
    assert (p["name"], p["rank"], p["position"], p["organisation"]) == (
        "Nguyễn Hữu Hợp", "Thượng tá", "Giám đốc", "Công an tỉnh Gia Lai")


def test_party_secretary_before_the_name_keeps_body_not_place():
    p = one("Bí thư Tỉnh ủy tỉnh Kon Tum Dương Văn Trang đánh giá cao kết quả phối hợp.")
    assert p["position"] == "Bí thư Tỉnh ủy" and p["organisation"] == "Tỉnh ủy Kon Tum"


def test_dash_apposition_and_deputy_titles():
    p = one("Đại tá Trần Ngọc Tuấn - Phó Giám đốc Công an tỉnh Bình Phước - trao đổi với phóng viên.")
    assert (p["rank"], p["position"]) == ("Đại tá", "Phó Giám đốc")
    p = one("Trung tá Vi Văn Kiên, Phó Trưởng phòng An ninh đối ngoại báo cáo.")
    assert p["position"] == "Phó Trưởng phòng"


def test_political_commissar_and_the_police_director_who_is_also_party_secretary():
    p = one("Thiếu tướng Phạm Thế Tùng - Giám đốc Công an tỉnh Quảng Ninh kiêm Bí thư Đảng ủy Công an tỉnh phát biểu.")
    assert p["position"] == "Giám đốc" and "Bí thư Đảng ủy" in p["positions"]
    p = one("Đại tá Lê Văn Sơn, Chính ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum dự lễ.")
    assert p["position"] == "Chính ủy" and p["organisation"] == "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum"


def test_list_of_comrades_separated_by_semicolons():
    got = people("Dự lễ có các đồng chí: Hoàng Văn Nghiệm, Chủ tịch UBND tỉnh Lạng Sơn; Đoàn Thị Hậu, Phó Bí thư "
                 "Thường trực Tỉnh ủy; Thiếu tướng Thân Văn Hải, Giám đốc Công an tỉnh Lạng Sơn; đại diện các sở, ngành.")
    assert [p["name"] for p in got] == ["Hoàng Văn Nghiệm", "Đoàn Thị Hậu", "Thân Văn Hải"]
    assert [p["position"] for p in got] == ["Chủ tịch UBND", "Phó Bí thư Thường trực Tỉnh ủy", "Giám đốc"]
    assert got[2]["rank"] == "Thiếu tướng"


def test_lao_and_cambodian_names_after_a_rank():
    got = people("Tại buổi hội đàm, đại tá Xổm Phết Phôm Ma Vông, Giám đốc Công an tỉnh Attapeu và thiếu tướng "
                 "Xo Phi Ly, Phó Giám đốc Công an tỉnh Ratanakiri (Campuchia) trao đổi tình hình.")
    assert [p["name"] for p in got] == ["Xổm Phết Phôm Ma Vông", "Xo Phi Ly"]
    assert [p["organisation"] for p in got] == ["Công an tỉnh Attapeu (Lào)", "Công an tỉnh Ratanakiri (Campuchia)"]
    assert [p["rank"] for p in got] == ["Đại tá", "Thiếu tướng"]


def test_back_references_merge_into_one_person():
    got = people("Ông Nguyễn Văn Phương, Bí thư Tỉnh ủy tỉnh Quảng Trị dự lễ. Phát biểu tại buổi lễ, ông Phương "
                 "đánh giá cao. Sau đó, Bí thư Tỉnh ủy Nguyễn Văn Phương trao quà.")
    assert len(got) == 1
    assert got[0]["mentions"] == 3 and got[0]["position"] == "Bí thư Tỉnh ủy"


def test_ambiguous_short_reference_is_dropped():
    got = people("Ông Lê Văn Hòa và ông Trần Văn Hòa dự lễ. Ông Hòa phát biểu.")
    assert {p["name"] for p in got} == {"Lê Văn Hòa", "Trần Văn Hòa"}
    assert all(p["mentions"] == 1 for p in got)


def test_name_stops_before_a_following_title():
    p = one("Thượng tá Nguyễn Trung Kiên Trưởng phòng Cảnh sát hình sự báo cáo.")
    assert p["name"] == "Nguyễn Trung Kiên"


def test_not_people_historical_figures_bylines_titles_without_names():
    assert people("Dâng hương tưởng niệm Chủ tịch Hồ Chí Minh; học tập tư tưởng Hồ Chí Minh.") == []
    assert people("Đồng chí Thứ trưởng khẳng định. Giám đốc Công an tỉnh cho biết.") == []
    assert people("VĂN THẮNG") == []
    assert people("Theo Nguyễn Văn A, phóng viên. Ảnh: Trần B.") == []


def test_person_id_is_the_same_across_articles_so_rank_changes_show():
    articles, sentences = many({
        "a1": ["Hội nghị năm 2022", "Thiếu tướng Lê Hồng Nam, Giám đốc Công an TP. Hồ Chí Minh chủ trì."],
        "a2": ["Lễ ký kết năm 2024", "Trung tướng Lê Hồng Nam, Giám đốc Công an TPHCM ký kết."],
    })
    table = extract_people(articles, sentences)
    assert table["person_id"].nunique() == 1 and table["person_id"].iloc[0] == person_id("Lê Hồng Nam")
    assert list(table["rank"]) == ["Thiếu tướng", "Trung tướng"]


def test_people_table_offsets_point_at_the_name():
    articles, sentences = frames(["Hội đàm", "Ngày 5/6, Đại tá Rơ Mah Tuân, Giám đốc Công an tỉnh Gia Lai tiếp đoàn."])
    table = extract_people(articles, sentences)
    text = articles["text"].iloc[0]
    row = table.iloc[0]
    assert text[row["start"]:row["end"]] == row["name"] == row["surface"] == "Rơ Mah Tuân"
    assert row["sentence_id"] == 1
    assert list(table.columns[:9]) == ["article_id", "person_id", "name", "rank", "position", "organisation",
                                       "sentence_id", "start", "end"]


@pytest.mark.parametrize("entry", POS["degrees"], ids=lambda e: e["pattern"][:20])
def test_degrees_between_rank_or_title_and_name_are_skipped(entry):
    p = one(entry["example"])
    assert p["name"] == "Trần Minh Lệ" and p["rank"] == "Thiếu tướng"
    p = one("Giám đốc Công an tỉnh Hòa Bình Đại tá, TS Nguyễn Văn Long phát biểu tại hội nghị.")
    assert (p["name"], p["rank"], p["position"]) == ("Nguyễn Văn Long", "Đại tá", "Giám đốc")


def test_list_of_comrades_without_colon_and_other_state_bodies():
    got = people("Tham dự có các đồng chí Nguyễn Văn Tuấn, Viện trưởng Viện kiểm sát nhân dân tỉnh Bắc Ninh; "
                 "Lê Thị Hạnh, Chánh án Tòa án nhân dân tỉnh Bắc Ninh.")
    assert [(p["name"], p["position"], p["organisation"]) for p in got] == [
        ("Nguyễn Văn Tuấn", "Viện trưởng", "Viện kiểm sát nhân dân tỉnh Bắc Ninh"),
        ("Lê Thị Hạnh", "Chánh án", "Tòa án nhân dân tỉnh Bắc Ninh")]


def test_lao_capital_police_in_lower_case():
    p = one("Đại tá Xổm Xay Phôm Vi Hản, Giám đốc Công an thủ đô Viêng Chăn (Lào) dự lễ.")
    assert p["organisation"] == "Công an Thủ đô Viêng Chăn (Lào)"


def test_vietnamese_name_with_a_title_in_apposition_and_no_trigger():
    got = people("Tham dự có Nguyễn Văn Tuấn, Viện trưởng Viện kiểm sát nhân dân tỉnh Bắc Ninh và Lê Thị Hạnh - Chánh án "
                 "Tòa án nhân dân tỉnh Bắc Ninh.")
    assert [p["name"] for p in got] == ["Nguyễn Văn Tuấn", "Lê Thị Hạnh"]
    # a place before a title is no name
    assert people("Bí thư Thành ủy Hà Nội, Chủ tịch HĐND thành phố dự. Lãnh đạo Công an tỉnh Hà Tĩnh, Giám đốc Sở Tư pháp dự.") == []


NAMES = ruledata.load("names.yaml")


@pytest.mark.parametrize("surname", NAMES["surnames"])
def test_every_surname_makes_a_name_without_other_trigger(surname):
    got = people(f"Tham dự có {surname} Văn Bình, Giám đốc Công an tỉnh Gia Lai.")
    assert [p["name"] for p in got] == [f"{surname} Văn Bình"]


@pytest.mark.parametrize("figure", NAMES["historical_figures"])
def test_historical_figures_are_not_participants(figure):
    assert people(f"Dâng hương tưởng niệm Chủ tịch {figure}; học tập tấm gương đồng chí {figure}.") == []


@pytest.mark.parametrize("name, old, new, match", [
    ("ranks.yaml", "{rank: Thượng tá, pattern: 'thượng tá'", "{rank: Thượng tá, pattern: 'thượng tướng'", r"ranks\.yaml.*Thượng tá"),
    ("positions.yaml", "{title: Chính ủy, pattern: 'Chính ủy',", "{title: Chính ủy, pattern: 'Chính ủy(',", r"positions\.yaml.*Chính ủy"),
    ("names.yaml", "historical_figures: [", "historical_figure: [", r"names\.yaml"),
])
def test_broken_rule_files_name_the_file_and_entry(tmp_path, monkeypatch, name, old, new, match):
    from analysis import people as pp
    from _frames import restore_rule_files, with_broken_rule_file

    with_broken_rule_file(tmp_path, monkeypatch, name, old, new, pp._rules, pp._rx)
    try:
        with pytest.raises(ValueError, match=match):
            pp._rules()
    finally:
        restore_rule_files(monkeypatch, pp._rules, pp._rx)


# ------------------------------------------------------------------ more shapes of the genre

def test_generic_rank_of_a_foreign_general_gives_a_person_without_grade():
    got = people("Dự hội đàm có Tướng Sok Phal, Tổng Cục trưởng Tổng cục Cảnh sát quốc gia Campuchia, và tướng "
                 "Chhay Sinarith, Giám đốc Công an tỉnh Svay Rieng (Campuchia).")
    assert [(p["name"], p["rank"]) for p in got] == [("Sok Phal", None), ("Chhay Sinarith", None)]
    assert got[1]["organisation"] == "Công an tỉnh Svay Rieng (Campuchia)"
    # the tail of a full rank or of the Prime Minister's title is not a generic rank
    assert [(p["name"], p["rank"]) for p in people("Đại tướng Phan Văn Giang và Thủ tướng Phạm Minh Chính dự.")] == [
        ("Phan Văn Giang", "Đại tướng"), ("Phạm Minh Chính", None)]


def test_title_then_comma_then_rank_and_name_keeps_the_title():
    p = one("Phát biểu chỉ đạo, Thứ trưởng Bộ Công an, Trung tướng Nguyễn Văn Sơn đề nghị hai đơn vị phối hợp.")
    assert (p["name"], p["rank"], p["position"], p["organisation"]) == ("Nguyễn Văn Sơn", "Trung tướng", "Thứ trưởng", "Bộ Công an")
    # in a list, a title in apposition belongs to the name before it, not to the next one
    got = people("Dự có Đại tá Hoàng Văn Minh, Giám đốc Công an tỉnh Sơn La, Thượng tá Lò Văn Pấng, Phó Giám đốc "
                 "Công an tỉnh Điện Biên.")
    assert [(p["name"], p["position"], p["organisation"]) for p in got] == [
        ("Hoàng Văn Minh", "Giám đốc", "Công an tỉnh Sơn La"), ("Lò Văn Pấng", "Phó Giám đốc", "Công an tỉnh Điện Biên")]


@pytest.mark.parametrize("text, name", [
    ("Thượng tá Ksor Y Bla, Phó Giám đốc Công an tỉnh Gia Lai phát biểu.", "Ksor Y Bla"),
    ("Trung tá Rơ Mah Tuân, Trưởng Công an huyện Chư Păh báo cáo.", "Rơ Mah Tuân"),
    ("Đại tá Y Prô Êban, Giám đốc Công an tỉnh Đắk Nông ký kết.", "Y Prô Êban"),
    ("Bà H'Yim Kđoh, Phó Chủ tịch UBND tỉnh Đắk Lắk dự lễ.", "H'Yim Kđoh"),
    ("Thiếu tá Sùng A Páo, Trưởng Công an xã Pả Vi phát biểu.", "Sùng A Páo"),
    ("Đại úy Giàng A Tủa, Đội trưởng Đội Cảnh sát giao thông báo cáo.", "Giàng A Tủa"),
    ("Thượng úy Mùa A Sử nhận giấy khen.", "Mùa A Sử"),
    ("Phó Chủ tịch UBND tỉnh Kon Tum Y Ngọc dự lễ.", "Y Ngọc"),
    ("Giám đốc Công an tỉnh Champasak Khăm Mạ Ni Vông phát biểu.", "Khăm Mạ Ni Vông"),
    ("Thiếu tướng Sổm Xay Phôm Vi Hản, Giám đốc Công an tỉnh Hủa Phăn (Lào) dự.", "Sổm Xay Phôm Vi Hản"),
])
def test_ethnic_minority_lao_and_cambodian_names_after_a_rank_or_title(text, name):
    assert [p["name"] for p in people(text)] == [name]


def test_a_title_before_an_organisation_is_no_name():
    assert people("Phó Giám đốc Trung tâm Huấn luyện và Tổng Giám đốc Tập đoàn Viễn thông dự lễ.") == []


def test_title_in_parentheses_and_comrade_with_rank():
    p = one("Thiếu tá Đỗ Văn Tài (Đội trưởng Đội Cảnh sát giao thông) báo cáo kết quả.")
    assert (p["rank"], p["position"]) == ("Thiếu tá", "Đội trưởng")
    p = one("Đồng chí Đại tá Bùi Quang Bình, Phó Giám đốc Công an tỉnh Hà Nam phát biểu.")
    assert (p["name"], p["rank"], p["position"], p["organisation"]) == (
        "Bùi Quang Bình", "Đại tá", "Phó Giám đốc", "Công an tỉnh Hà Nam")


@pytest.mark.parametrize("text, position, organisation", [
    ("ông Trần Quốc Bảo, Chủ tịch UBND huyện Krông Pắc phát biểu.", "Chủ tịch UBND huyện", "Ủy ban nhân dân huyện Krông Pắc (Đắk Lắk)"),
    ("Đại tá Lê Văn Hòa, Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh Bình Phước dự.", "Phó Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Bình Phước"),
    ("Thiếu tướng Đào Văn Hà, Tư lệnh Bộ Tư lệnh Cảnh sát cơ động phát biểu.", "Tư lệnh", "Bộ Tư lệnh Cảnh sát cơ động"),
    ("Đại tá Phạm Văn Tuấn, Phó Cục trưởng Cục Cảnh sát giao thông phát biểu.", "Phó Cục trưởng", "Cục Cảnh sát giao thông"),
    ("Thiếu tá Nông Văn Kiên, Trưởng Công an xã Đồng Đăng phát biểu.", "Trưởng Công an", "Công an xã Đồng Đăng"),
    ("Thượng tướng Bế Văn Lâm, Chủ tịch Trung ương Hội Nông dân Việt Nam dự.", "Chủ tịch", "Trung ương Hội Nông dân Việt Nam"),
])
def test_positions_and_organisations_of_the_genre(text, position, organisation):
    p = one(text)
    assert (p["position"], p["organisation"]) == (position, organisation)


@pytest.mark.parametrize("entry", ruledata.load("ranks.yaml")["generic_ranks"], ids=lambda e: e["pattern"])
def test_every_generic_rank_gives_a_person_without_grade(entry):
    got = people(entry["example"])
    assert got and got[0]["rank"] is None and len(got[0]["name"].split()) >= 2, got


@pytest.mark.parametrize("word", [w for w in NAMES["not_name_starts"] if w not in NAMES["surnames"]])
def test_organisation_words_after_a_title_are_no_name(word):
    assert people(f"Phó Giám đốc {word} Ngọc Lâm dự lễ.") == []


def test_executive_post_beats_party_committee_memberships():
    p = one("Đại tướng Lương Văn Hòa, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng "
            "phát biểu chỉ đạo hội nghị.")
    assert p["rank"] == "Đại tướng"
    assert p["position"] == "Bộ trưởng" and p["organisation"] == "Bộ Quốc phòng"
    assert p["positions"] == ["Ủy viên Bộ Chính trị", "Phó Bí thư Quân ủy Trung ương", "Bộ trưởng"]


@pytest.mark.parametrize("sentence, position", [
    # a membership title of high priority still loses to the executive post
    ("Thiếu tướng Đỗ Minh Khang, Phó Bí thư Đảng ủy Công an tỉnh, Phó Giám đốc Công an tỉnh Nam Định dự lễ.",
     "Phó Giám đốc"),
    ("Ông Trịnh Quốc Bảo, Bí thư Ban cán sự đảng, Thứ trưởng Bộ Tư pháp phát biểu.", "Thứ trưởng"),
    ("Ông Hà Văn Lộc, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Sơn La dự lễ.", "Bí thư Tỉnh ủy"),
    ("Ông Lâm Quang Vinh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Cà Mau phát biểu.", "Chủ tịch UBND"),
    ("Đại tá Vũ Thanh Bình, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh Hòa Bình báo cáo.", "Giám đốc"),
    # a membership alone is the main position
    ("Ông Đặng Văn Tâm, Ủy viên Ban Thường vụ Tỉnh ủy dự lễ ký kết.", "Ủy viên Ban Thường vụ Tỉnh ủy"),
])
def test_main_position_is_the_executive_post(sentence, position):
    assert one(sentence)["position"] == position


@pytest.mark.parametrize("title", POS["section_titles"])
def test_a_section_head_belongs_to_the_unit_after_the_section_name(title):
    # the section is part of the post ('Phó Trưởng phòng An ninh đối ngoại'), the police is the organisation
    p = one(f"Thượng tá Nguyễn Hữu Phước, Phó {title} An ninh đối ngoại Công an tỉnh Kiên Giang báo cáo.")
    assert (p["position"], p["organisation"]) == (f"Phó {title} An ninh đối ngoại", "Công an tỉnh Kiên Giang")


def test_a_section_name_with_a_code_and_no_unit_after_a_clause_break():
    assert one("Thượng tá Lê Văn Dũng, Trưởng phòng PC02 Công an tỉnh Gia Lai báo cáo.")["organisation"] == "Công an tỉnh Gia Lai"
    p = one("Thượng tá Lê Văn Dũng, Trưởng phòng Cảnh sát hình sự phát biểu, Công an tỉnh Gia Lai đánh giá cao.")
    assert p["organisation"] is None


@pytest.mark.parametrize("text, position, organisation", [
    ("Đại tá Lê Văn Minh, Ủy viên dự khuyết Trung ương Đảng, Giám đốc Công an tỉnh Nghệ An phát biểu.", "Giám đốc",
     "Công an tỉnh Nghệ An"),
    ("đồng chí Bùi Quang Huy, Ủy viên dự khuyết Trung ương Đảng, Bí thư thứ nhất Trung ương Đoàn phát biểu.",
     "Bí thư thứ nhất", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ("Thiếu tướng Sam Rithy, Ty trưởng Ty Cảnh sát tỉnh Svay Rieng ký biên bản ghi nhớ.", "Ty trưởng",
     "Công an tỉnh Svay Rieng (Campuchia)"),
])
def test_alternate_members_first_secretaries_and_cambodian_police_chiefs(text, position, organisation):
    p = one(text)
    assert (p["position"], p["organisation"]) == (position, organisation)


def test_two_titles_joined_by_a_dash_share_the_unit_after_the_second():
    p = one("bà Nguyễn Thị Thu Hà, Phó Chủ tịch - Tổng Thư ký Ủy ban Trung ương MTTQ Việt Nam phát biểu.")
    assert (p["position"], p["positions"], p["organisation"]) == (
        "Phó Chủ tịch", ["Phó Chủ tịch", "Tổng Thư ký"], "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")


def test_a_name_read_at_a_title_and_written_again_alone_is_a_mention_too():
    text = ("Dự lễ có TS.BS Lưu Quang Dũng, Giám đốc Sở Y tế tỉnh Lâm Đồng. Tại buổi lễ, Thiếu tướng Mạc Đình Phong và "
            "TS.BS Lưu Quang Dũng ký kết quy chế phối hợp. Lưu Quang Dũng Anh, một người khác, cùng dự.")
    found = find_people(text)
    repeats = [m for m in found if m["trigger"] == "repeat"]
    assert [(m["name"], m["surface"]) for m in repeats] == [("Lưu Quang Dũng", "Lưu Quang Dũng")]
    assert text[repeats[0]["start"]:repeats[0]["end"]] == "Lưu Quang Dũng"
    assert repeats[0]["start"] == text.index("Lưu Quang Dũng ký")  # not inside the longer name 'Lưu Quang Dũng Anh'
    merged = {p["name"]: p for p in merge_people(found)}
    assert (merged["Lưu Quang Dũng"]["position"], merged["Lưu Quang Dũng"]["mentions"]) == ("Giám đốc", 2)


@pytest.mark.parametrize("text, name, position, organisation", [
    ("Dự có anh Cao Xuân Phát, Bí thư Tỉnh đoàn Quảng Trị phát biểu.", "Cao Xuân Phát", "Bí thư Tỉnh đoàn",
     "Tỉnh đoàn Quảng Trị"),
    ("Ông Tăng Văn Kỷ - Chi cục trưởng Chi cục Hải quan khu vực XI phát biểu.", "Tăng Văn Kỷ", "Chi cục trưởng",
     "Chi cục Hải quan khu vực XI"),
])
def test_youth_union_secretaries_and_heads_of_branches(text, name, position, organisation):
    p = next(p for p in people(text) if p["name"] == name)
    assert (p["position"], p["organisation"]) == (position, organisation)


@pytest.mark.parametrize("text", [
    "Về phía Trung Quốc có ông Lý Minh Cường, Phó Chủ tịch Chính phủ nhân dân châu Văn Sơn, Cục trưởng Cục Công an châu "
    "Văn Sơn cùng dự.",
    "Đoàn đến thăm trụ sở Công an phường Nguyễn Trãi, Trưởng Công an phường báo cáo kết quả.",
])
def test_a_place_named_as_people_are_is_no_person_in_apposition(text):
    assert all(p["name"] not in ("Văn Sơn", "Nguyễn Trãi") for p in people(text))


def test_a_place_named_like_a_participant_is_no_repeat_of_that_participant():
    text = ("Dự có ông Trần Văn Hòa, Giám đốc Sở Y tế. Đoàn thăm phường Trần Văn Hòa, xã Trần Văn Hòa. Sau đó, Trần Văn "
            "Hòa phát biểu.")
    found = find_people(text)
    assert [(m["trigger"], m["start"]) for m in found] == [("honorific", 10), ("repeat", text.rindex("Trần Văn"))]
