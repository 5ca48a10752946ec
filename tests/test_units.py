"""Units: gazetteer from vietnamadminunits, every rule-data entry on its example sentence, composed sentences
in the genre (other provinces, district/commune police, Lao and Cambodian partners, lists), offsets."""
from __future__ import annotations

import re

import pytest

from analysis import ruledata
from analysis.text import slugify
from analysis.units import (extract_unit_mentions, extract_units, find_unit_mentions, key, province_gazetteer,
                            resolve_home, resolve_place)
from _frames import frames


def mentions(text: str) -> list[dict]:
    return resolve_home(find_unit_mentions(text), text)


def units_of(text: str) -> list[str]:
    return [m["unit"] for m in mentions(text)]


# ------------------------------------------------------------------ gazetteer

def test_gazetteer_has_the_63_provinces_before_2025_and_their_2025_province():
    gaz = province_gazetteer()
    vn = gaz[gaz["country"] == "Việt Nam"]
    assert vn["code"].nunique() == 63
    assert vn["code_2025"].nunique() == 34  # the merger of 2025: 34 provinces
    assert resolve_place("Quảng Bình").name_2025 == "Quảng Trị"
    assert resolve_place("Bà Rịa - Vũng Tàu").name_2025 == "Hồ Chí Minh"
    assert resolve_place("Hà Giang").name_2025 == "Tuyên Quang"
    assert resolve_place("Hà Nội").name_2025 == "Hà Nội"


@pytest.mark.parametrize("spelling, name", [
    ("Thừa Thiên - Huế", "Thừa Thiên Huế"), ("Thừa Thiên Huế", "Thừa Thiên Huế"), ("Huế", "Thừa Thiên Huế"),
    ("TPHCM", "Hồ Chí Minh"), ("TP.HCM", "Hồ Chí Minh"), ("HCM", "Hồ Chí Minh"), ("Hồ Chí Minh", "Hồ Chí Minh"),
    ("Sê Kong", "Sê Kông"), ("Sekong", "Sê Kông"), ("Saravan", "Salavan"), ("Sa La Văn", "Salavan"),
    ("Át-ta-pư", "Attapeu"), ("Ra-ta-na-ki-ri", "Ratanakiri"), ("Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu"),
])
def test_spellings_fold_to_one_place(spelling, name):
    assert resolve_place(spelling).name == name


def test_every_province_alias_entry_resolves_on_its_example():
    data = ruledata.load("units.yaml")
    for e in data["province_aliases"]:
        place = resolve_place(e["alias"])
        assert place is not None and place.code == str(e["code"]), e
        got = mentions(e["example"])
        assert got and got[0]["province_code"] == str(e["code"]), (e, got)


def test_province_names_and_proper_names_give_the_canonical_unit():
    data = ruledata.load("units.yaml")
    for e in data["province_names"]:
        got = mentions(e["example"])
        assert got[0]["province"] == e["name"]
        assert got[0]["unit"] == f"Công an {e['level']} {e['name']}"
    for e in data["proper_names"]:
        got = mentions(e["example"])
        assert got[0]["unit"] == f"Công an {e['name']}"


FOREIGN = ruledata.load("foreign_provinces.yaml")["provinces"]


@pytest.mark.parametrize("entry", FOREIGN, ids=[e["name"] for e in FOREIGN])
def test_every_foreign_province_is_found_in_its_example(entry):
    got = [m for m in mentions(entry["example"]) if m["kind"] == "foreign_police"]
    assert got, entry["example"]
    assert got[0]["province"] == entry["name"]
    assert got[0]["country"] == entry["country"]
    assert got[0]["unit"].endswith(f"({entry['country']})")


def test_there_are_17_lao_provinces_plus_the_capital_and_25_cambodian_units():
    countries = [e["country"] for e in FOREIGN]
    assert countries.count("Lào") == 18
    assert countries.count("Campuchia") == 25


@pytest.mark.parametrize("entry", FOREIGN, ids=[e["name"] for e in FOREIGN])
def test_every_foreign_spelling_resolves(entry):
    for spelling in [entry["name"], *entry.get("aliases", [])]:
        assert resolve_place(spelling).name == entry["name"], spelling


# ------------------------------------------------------------------ rule entries on their examples

UNIT_RULES = ruledata.load("units.yaml")


@pytest.mark.parametrize("entry", UNIT_RULES["levels"], ids=lambda e: e["pattern"])
def test_every_level_word_reads_a_unit(entry):
    got = mentions(entry["example"] + " ký kết quy chế phối hợp.")
    assert got and got[0]["surface"] == entry["example"], got
    assert got[0]["kind"] == {"province": "police_province", "city": "police_province", "district": "police_district",
                              "commune": "police_commune"}[entry["level"]]


@pytest.mark.parametrize("entry", UNIT_RULES["bodies"], ids=lambda e: e["pattern"])
def test_every_body_reads_a_unit_with_its_kind(entry):
    got = mentions(entry["example"])
    want = "police" if entry.get("police") else entry["kind"]
    assert any(m["kind"].startswith(want) or (want == "police" and m["kind"] == "foreign_police") for m in got), got


@pytest.mark.parametrize("entry", UNIT_RULES["fixed_units"], ids=lambda e: e["name"])
def test_every_fixed_unit_is_found(entry):
    got = mentions(entry["example"])
    hit = [m for m in got if m["unit"] == entry["name"]]
    assert hit and hit[0]["kind"] == entry["kind"]
    assert hit[0]["country"] == entry.get("country", "Việt Nam")
    for alias in entry.get("aliases", []):
        assert entry["name"] in units_of(f"Đại diện {alias} dự hội nghị."), alias


@pytest.mark.parametrize("section", ["commands", "departments", "clusters", "posts"])
def test_command_department_and_cluster_rules(section):
    for entry in UNIT_RULES[section]:
        got = [m for m in mentions(entry["example"]) if m["kind"] == entry["kind"]]
        assert got, entry["example"]


@pytest.mark.parametrize("sentence, unit, surface", [
    ("Công an huyện Mường Lát và Đồn Biên phòng Pù Nhi đã ký kết Quy chế phối hợp.", "Đồn Biên phòng Pù Nhi",
     "Đồn Biên phòng Pù Nhi"),
    ("Thiếu tá Lò Văn Duyên, Đồn trưởng Đồn BP Sín Thầu Thượng tá Nguyễn Văn A dự.", "Đồn Biên phòng Sín Thầu", "Đồn BP Sín Thầu"),
    ("Đồn Biên phòng Cửa khẩu Quốc tế Lao Bảo (Quảng Trị) và Công an tỉnh Savannakhet trao đổi thông tin.",
     "Đồn Biên phòng Cửa khẩu Quốc tế Lao Bảo (Quảng Trị)", "Đồn Biên phòng Cửa khẩu Quốc tế Lao Bảo"),
    ("Đồn Biên phòng Ia Dom, tỉnh Gia Lai phối hợp với Công an xã Ia Dom.", "Đồn Biên phòng Ia Dom (Gia Lai)",
     "Đồn Biên phòng Ia Dom"),
])
def test_border_posts_are_named_by_their_place(sentence, unit, surface):
    got = mentions(sentence)
    post = next(m for m in got if m["kind"] == "border_guard")
    assert (post["unit"], sentence[post["start"]:post["end"]]) == (unit, surface)


@pytest.mark.parametrize("sentence, unit, province", [
    ("Dự lễ ký có đại diện Công an huyện Sầm Tớ, tỉnh Hủa Phăn (Lào).", "Công an huyện Sầm Tớ (Hủa Phăn, Lào)", "Hủa Phăn"),
    ("Công an huyện Mường Nhé và Công an huyện Mường Mày (Lào) ký kết biên bản hợp tác.", "Công an huyện Mường Mày (Lào)", None),
    ("Công an huyện Kiri Vong, tỉnh Takeo (Campuchia) hội đàm với Công an huyện An Phú.",
     "Công an huyện Kiri Vong (Takeo, Campuchia)", "Takeo"),
    # the province with no comma before it
    ("Lãnh đạo Công an huyện Xiêng Khọ tỉnh Hủa Phăn (Lào) dự hội đàm.", "Công an huyện Xiêng Khọ (Hủa Phăn, Lào)", "Hủa Phăn"),
    ("Đoàn Cảnh sát huyện Bokeo tỉnh Ratanakiri do Thiếu tướng Sok Vanna dẫn đầu đến thăm.",
     "Công an huyện Bokeo (Ratanakiri, Campuchia)", "Ratanakiri"),
])
def test_lao_and_cambodian_district_police_with_their_province_or_country(sentence, unit, province):
    got = next(m for m in mentions(sentence) if m["kind"] == "foreign_police")
    assert (got["unit"], got["province"], got["level"]) == (unit, province, "district")
    assert sentence[got["start"]:got["end"]].startswith(("Công an huyện", "Cảnh sát huyện"))


@pytest.mark.parametrize("text, district, unit", [
    ("Công an tỉnh Thanh Hóa và Công an tỉnh Hủa Phăn (Lào) sơ kết công tác phối hợp. Công an huyện Sốp Bâu và "
     "Công an huyện Mường Lát cùng tham dự.", "Sốp Bâu", "Công an huyện Sốp Bâu (Lào)"),
    # a Vietnamese district keeps its province, even beside a foreign partner
    ("Công an tỉnh Thanh Hóa và Công an tỉnh Hủa Phăn (Lào) sơ kết công tác phối hợp. Công an huyện Sốp Bâu và "
     "Công an huyện Mường Lát cùng tham dự.", "Mường Lát", "Công an huyện Mường Lát (Thanh Hóa)"),
    ("Công an tỉnh An Giang và Cảnh sát tỉnh Takeo (Campuchia) ký biên bản. Công an huyện Kiri Vong cùng dự.",
     "Kiri Vong", "Công an huyện Kiri Vong (Campuchia)"),
])
def test_unknown_district_beside_one_foreign_partner_is_the_partners(text, district, unit):
    got = next(m for m in mentions(text) if district in text[m["start"]:m["end"]])
    assert got["unit"] == unit


def test_unknown_district_with_no_foreign_partner_stays_vietnamese():
    got = next(m for m in mentions("Công an huyện Sốp Bâu tổ chức hội nghị.") if m["level"] == "district")
    assert (got["unit"], got["country"]) == ("Công an huyện Sốp Bâu", "Việt Nam")


@pytest.mark.parametrize("sentence, unit", [
    ("Công an tỉnh Hà Giang hội đàm với Sở Công an tỉnh Vân Nam (Trung Quốc).", "Công an tỉnh Vân Nam (Trung Quốc)"),
    ("Công an tỉnh Lạng Sơn và Sở Công an Quảng Tây trao đổi thông tin.", "Công an tỉnh Quảng Tây (Trung Quốc)"),
    ("Công an tỉnh Lào Cai và Công an tỉnh Vân Nam (Trung Quốc) hội đàm.", "Công an tỉnh Vân Nam (Trung Quốc)"),
])
def test_chinese_provincial_police_on_the_border(sentence, unit):
    assert [m["unit"] for m in mentions(sentence) if m["kind"] == "foreign_police"] == [unit]


def test_a_department_of_state_stops_before_its_level_word():
    assert units_of("Sở Tư pháp tỉnh Gia Lai và Sở Công Thương tỉnh Gia Lai phối hợp với Công an tỉnh.") == [
        "Sở Tư pháp tỉnh Gia Lai", "Sở Công Thương tỉnh Gia Lai", "Công an tỉnh Gia Lai"]


@pytest.mark.parametrize("name", [
    "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Cục Công tác đảng và công tác chính trị",
    "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
])
def test_department_names_with_commas_and_va_are_whole(name):
    assert units_of(f"Thiếu tướng Trần Văn Sơn, Cục trưởng {name} và Công an tỉnh Bình Định dự hội nghị.") == [
        name, "Công an tỉnh Bình Định"]


def test_department_name_stops_before_the_verb():
    got = mentions("Cục Cảnh sát điều tra tội phạm về ma túy phối hợp với Công an tỉnh Sơn La triệt phá đường dây.")
    assert got[0]["unit"] == "Cục Cảnh sát điều tra tội phạm về ma túy"
    assert got[1]["unit"] == "Công an tỉnh Sơn La"


def test_cluster_and_its_ministry_in_parentheses():
    got = mentions("Cụm thi đua số 4 (Bộ Công an) gồm Công an các tỉnh Quảng Trị, Quảng Bình và Hà Tĩnh.")
    assert got[0]["unit"] == "Cụm thi đua số 4" and got[0]["kind"] == "cluster"
    assert got[1]["unit"] == "Bộ Công an" and got[1]["in_parentheses"]


@pytest.mark.parametrize("entry", UNIT_RULES["countries"], ids=lambda e: e["name"])
def test_country_in_parentheses_after_a_list(entry):
    got = mentions(entry["example"])
    assert any(m["country"] == entry["name"] for m in got)


# ------------------------------------------------------------------ composed sentences

def test_provincial_police_in_many_spellings_share_one_id():
    text = ("Công an TPHCM, Công an TP. Hồ Chí Minh, CATP HCM, Công an Thành phố Hồ Chí Minh và Công an TP.HCM "
            "cùng dự hội nghị.")
    got = mentions(text)
    assert {m["unit"] for m in got} == {"Công an Thành phố Hồ Chí Minh"}
    assert len(got) == 5
    assert {m["unit_id"] if "unit_id" in m else slugify(m["unit"]) for m in got} == {"cong-an-thanh-pho-ho-chi-minh"}


def test_city_police_of_a_province_level_city_and_of_a_district_level_city():
    got = mentions("Công an TP Đà Nẵng và Công an TP Vinh, tỉnh Nghệ An ký kết kế hoạch phối hợp.")
    assert got[0]["unit"] == "Công an thành phố Đà Nẵng" and got[0]["kind"] == "police_province"
    assert got[1]["kind"] == "police_district"
    assert got[1]["unit"] == "Công an thành phố Vinh (Nghệ An)"


def test_district_and_commune_police_with_their_province():
    got = mentions("Công an huyện Mường Tè phối hợp với Công an xã Ia Dom, huyện Đức Cơ, tỉnh Gia Lai.")
    assert got[0]["unit"] == "Công an huyện Mường Tè (Lai Châu)"  # unique district name in the library
    assert got[0]["province"] == "Lai Châu" and got[0]["kind"] == "police_district"
    assert got[1]["unit"] == "Công an xã Ia Dom (Gia Lai)" and got[1]["kind"] == "police_commune"


def test_province_without_level_word_and_lower_case_head():
    assert units_of("công an tỉnh Quảng Trị và Công an Gia Lai trao đổi kinh nghiệm.") == [
        "Công an tỉnh Quảng Trị", "Công an tỉnh Gia Lai"]


def test_lists_are_expanded_with_offsets_on_each_name():
    text = "Công an các tỉnh: Kon Tum, Gia Lai, Đắk Lắk và Đắk Nông tổ chức hội nghị."
    got = mentions(text)
    assert [m["unit"] for m in got] == ["Công an tỉnh Kon Tum", "Công an tỉnh Gia Lai", "Công an tỉnh Đắk Lắk",
                                        "Công an tỉnh Đắk Nông"]
    assert [m["surface"] for m in got][1:] == ["Gia Lai", "Đắk Lắk", "Đắk Nông"]
    for m in got:
        assert text[m["start"]:m["end"]] == m["surface"]


@pytest.mark.parametrize("text", [
    "Công an 5 tỉnh, thành phố gồm Bình Dương, Bình Phước, Tây Ninh, Đồng Nai và TP Hồ Chí Minh tổ chức hội nghị.",
    "Công an các tỉnh, thành phố: Bình Dương, tỉnh Bình Phước, Tây Ninh, Đồng Nai và thành phố Hồ Chí Minh dự.",
    "Công an 5 địa phương bao gồm: Bình Dương, Bình Phước, Tây Ninh, Đồng Nai và TP. Hồ Chí Minh ký kết quy chế.",
])
def test_list_introduced_by_gom_with_level_words_on_its_items(text):
    got = mentions(text)
    assert [m["unit"] for m in got] == ["Công an tỉnh Bình Dương", "Công an tỉnh Bình Phước", "Công an tỉnh Tây Ninh",
                                        "Công an tỉnh Đồng Nai", "Công an Thành phố Hồ Chí Minh"]
    assert all(m["how"] == "list" for m in got)
    assert got[-1]["surface"].endswith("Hồ Chí Minh") and text[got[-1]["start"]:got[-1]["end"]] == got[-1]["surface"]


def test_numbered_list_with_role_in_parentheses():
    got = units_of("Công an 4 tỉnh: Quảng Nam (Cụm trưởng), Quảng Ngãi, Bình Định và Phú Yên ký giao ước thi đua.")
    assert got == ["Công an tỉnh Quảng Nam", "Công an tỉnh Quảng Ngãi", "Công an tỉnh Bình Định", "Công an tỉnh Phú Yên"]


def test_foreign_list_with_country_after_it():
    got = mentions("Công an hai tỉnh Attapeu và Sê Kông (Lào) hội đàm với Công an tỉnh Kon Tum.")
    assert [m["unit"] for m in got] == ["Công an tỉnh Attapeu (Lào)", "Công an tỉnh Sê Kông (Lào)", "Công an tỉnh Kon Tum"]
    assert [m["country"] for m in got] == ["Lào", "Lào", "Việt Nam"]


def test_cambodian_partner_with_country():
    got = mentions("Công an tỉnh Ratanakiri (Campuchia) và Công an tỉnh Gia Lai ký kết biên bản hợp tác.")
    assert got[0]["unit"] == "Công an tỉnh Ratanakiri (Campuchia)" and got[0]["kind"] == "foreign_police"
    assert got[0]["province_2025"] == "Ratanakiri"


@pytest.mark.parametrize("sentence, province", [
    ("Công an tỉnh Kiên Giang hội đàm với Cảnh sát tỉnh Kampot, Vương quốc Campuchia.", "Kampot"),
    ("Thiếu tướng Mao Chanmathurith, Tỉnh trưởng Cảnh sát tỉnh Kampot ký biên bản ghi nhớ.", "Kampot"),
    ("Công an tỉnh Tây Ninh và Cảnh sát tỉnh Svay Rieng (Campuchia) ký kết kế hoạch phối hợp.", "Svay Rieng"),
])
def test_cambodian_provincial_police_written_canh_sat_is_the_same_unit(sentence, province):
    got = [m for m in mentions(sentence) if m["kind"] == "foreign_police"]
    assert [m["unit"] for m in got] == [f"Công an tỉnh {province} (Campuchia)"]
    assert sentence[got[0]["start"]:got[0]["end"]].startswith("Cảnh sát tỉnh")


@pytest.mark.parametrize("sentence", [
    "Lực lượng Cảnh sát cơ động và Cảnh sát giao thông tuần tra trên tuyến.",
    "Cảnh sát tỉnh phối hợp tuần tra.",
    "Cảnh sát Hà Nội và Cảnh sát tỉnh Gia Lai trao đổi kinh nghiệm.",  # not how the press names Vietnamese police
])
def test_canh_sat_names_no_vietnamese_unit(sentence):
    assert units_of(sentence) == []


def test_abbreviations_inside_a_document_number_are_not_mentions():
    text = ("Thực hiện Thông tư liên tịch số 01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC, Công an TP Cần Thơ "
            "phối hợp với VKSND TP Cần Thơ.")
    assert units_of(text) == ["Công an thành phố Cần Thơ", "Viện kiểm sát nhân dân thành phố Cần Thơ"]


def test_a_bare_body_named_with_its_level_has_one_name_with_or_without_its_place():
    text = ("Công an tỉnh Lâm Đồng và Tỉnh đoàn Lâm Đồng ký kết chương trình phối hợp. "
            "Bà Nguyễn Thị Mai Hương, Bí thư Tỉnh đoàn phát biểu.")
    assert units_of(text) == ["Công an tỉnh Lâm Đồng", "Tỉnh đoàn Lâm Đồng", "Tỉnh đoàn Lâm Đồng"]


def test_party_committee_peoples_committee_front_military():
    got = mentions("Tỉnh ủy Gia Lai, HĐND tỉnh Gia Lai, UBND tỉnh Gia Lai, Ủy ban MTTQ Việt Nam tỉnh Gia Lai, "
                   "Bộ Chỉ huy Quân sự tỉnh Gia Lai và Bộ Chỉ huy Bộ đội Biên phòng tỉnh Gia Lai dự lễ.")
    assert [m["kind"] for m in got] == ["party_committee", "peoples_council", "peoples_committee", "front", "military",
                                         "border_guard"]
    assert got[0]["unit"] == "Tỉnh ủy Gia Lai"
    assert got[2]["unit"] == "Ủy ban nhân dân tỉnh Gia Lai"
    assert all(m["province_2025"] == "Gia Lai" for m in got)


def test_bare_body_takes_the_province_named_later_in_its_clause_else_the_home_province():
    text = ("Công an tỉnh Bình Phước chủ trì. Dự có ông A, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Đồng Nai; "
            "ông B, Phó Bí thư Tỉnh ủy; Giám đốc Công an tỉnh phát biểu.")
    got = [m["unit"] for m in mentions(text)]
    assert got == ["Công an tỉnh Bình Phước", "Tỉnh ủy Đồng Nai", "Ủy ban nhân dân tỉnh Đồng Nai", "Tỉnh ủy Bình Phước",
                   "Công an tỉnh Bình Phước"]


def test_words_that_are_not_places_make_no_unit():
    assert units_of("Lực lượng Công an nhân dân và công an 3 địa phương cùng Công an các đơn vị tham gia.") == []
    assert units_of("Xây dựng lực lượng Công an Nhân dân thật sự trong sạch.") == []


def test_unit_table_one_row_per_unit_per_article_with_mentions_and_offsets():
    articles, sentences = frames([
        "Công an tỉnh Quảng Trị và Công an tỉnh Khăm Muồn (Lào) hội đàm",
        "Ngày 3/10, tại Công an tỉnh Quảng Trị, Công an tỉnh Quảng Trị và Công an tỉnh Khammouane tổ chức hội đàm.",
    ])
    units = extract_units(articles, sentences)
    assert list(units["unit"]) == ["Công an tỉnh Quảng Trị", "Công an tỉnh Khăm Muồn (Lào)"]
    assert list(units["mentions"]) == [3, 2]
    text = articles["text"].iloc[0]
    for row in units.itertuples():
        assert text[row.start:row.end] == row.surface
        sent = sentences[sentences["sentence_id"] == row.sentence_id].iloc[0]
        assert sent["start"] <= row.start and row.end <= sent["end"]
    m = extract_unit_mentions(articles, sentences)
    assert len(m) == 5 and (m["unit_id"] == m["unit"].map(slugify)).all()


def test_key_ignores_marks_case_spaces_and_hyphens():
    assert key("Sê-Kông") == key("se kong") == key("SEKONG")
    assert re.fullmatch(r"[a-z0-9]+", key("Bà Rịa - Vũng Tàu"))


def test_broken_rule_file_names_the_file_and_entry(tmp_path, monkeypatch):
    from analysis import paths
    from analysis import units as un

    bad = tmp_path / "units.yaml"
    bad.write_text((paths.DATA / "units.yaml").read_text(encoding="utf-8").replace(
        "{pattern: 'huyện', level: district, word: huyện, example: 'Công an huyện Mường Tè'}",
        "{pattern: 'huyện(', level: district, word: huyện, example: 'Công an huyện Mường Tè'}"), encoding="utf-8")
    monkeypatch.setattr(paths, "DATA", tmp_path)
    ruledata.load.cache_clear()
    un._rules.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"units\.yaml.*levels\[\d+\]"):
            un._rules()
    finally:
        monkeypatch.undo()
        ruledata.load.cache_clear()
        un._rules.cache_clear()


def test_other_state_bodies_and_named_departments_of_state():
    got = mentions("Sở Thông tin và Truyền thông tỉnh Quảng Ninh, Viện kiểm sát nhân dân tỉnh Bắc Ninh, TAND tỉnh "
                   "Hậu Giang, Tỉnh đoàn Đồng Tháp và Quân khu 7 dự lễ.")
    assert [m["unit"] for m in got] == ["Sở Thông tin và Truyền thông tỉnh Quảng Ninh", "Viện kiểm sát nhân dân tỉnh Bắc Ninh",
                                        "Tòa án nhân dân tỉnh Hậu Giang", "Tỉnh đoàn Đồng Tháp", "Bộ Tư lệnh Quân khu 7"]
    assert got[2]["province_2025"] == "Cần Thơ"  # Hậu Giang merged into Cần Thơ in 2025


def test_broken_foreign_file_names_the_file_and_entry(tmp_path, monkeypatch):
    from analysis import units as un
    from _frames import restore_rule_files, with_broken_rule_file

    with_broken_rule_file(tmp_path, monkeypatch, "foreign_provinces.yaml", "{name: Kampot, country: Campuchia",
                          "{name: Kampot, country: Thái Lan", un._foreign, un._gazetteer, un._rx, un._codes_index)
    try:
        with pytest.raises(ValueError, match=r"foreign_provinces\.yaml: provinces\[\d+\].*Kampot"):
            un._foreign()
    finally:
        restore_rule_files(monkeypatch, un._foreign, un._gazetteer, un._rx, un._codes_index)


def test_a_value_cut_by_an_unquoted_comma_is_an_error_naming_the_entry(tmp_path, monkeypatch):
    # YAML reads `{name: Bộ Văn hóa, Thể thao và Du lịch, kind: ...}` as name 'Bộ Văn hóa' plus a key
    # 'Thể thao và Du lịch': the loader must refuse it, not keep a truncated name.
    from analysis import units as un
    from _frames import restore_rule_files, with_broken_rule_file

    with_broken_rule_file(tmp_path, monkeypatch, "units.yaml", '{name: "Bộ Văn hóa, Thể thao và Du lịch", kind',
                          "{name: Bộ Văn hóa, Thể thao và Du lịch, kind", un._rules, un._gazetteer, un._rx)
    try:
        with pytest.raises(ruledata.RuleDataError, match=r"units\.yaml: fixed_units\[\d+\].*unknown key.*Thể thao và "
                                                         r"Du lịch.*Fix: quote"):
            un._rules()
    finally:
        restore_rule_files(monkeypatch, un._rules, un._gazetteer, un._rx)


@pytest.mark.parametrize("name", ["units.yaml", "foreign_provinces.yaml", "events.yaml", "ranks.yaml", "positions.yaml"])
def test_every_rule_entry_uses_only_known_keys(name):
    # the loaders check this on load; here every shipped file is checked directly, so a new key in a data file
    # fails with the file's name even before an extractor is run
    from analysis import events, people
    from analysis import units as un

    schemas = {"units.yaml": un._SCHEMA, "foreign_provinces.yaml": un._FOREIGN_SCHEMA,
               "events.yaml": events._SCHEMA, "ranks.yaml": people._RANKS_SCHEMA, "positions.yaml": people._POSITIONS_SCHEMA}
    ruledata.check_keys(name, ruledata.load(name), schemas[name])


def test_bodies_of_the_2025_reorganisation_and_a_department_named_alone():
    text = ("Chiều 22/7, Công an tỉnh Lâm Đồng tổ chức lễ ký kết quy chế phối hợp với Sở Y tế và với Thuế tỉnh Lâm Đồng. "
            "Chi cục Hải quan khu vực XI và Chi cục Hải quan khu vực 3 cùng dự.")
    got = mentions(text)
    assert [(m["unit"], m["kind"]) for m in got] == [
        ("Công an tỉnh Lâm Đồng", "police_province"), ("Sở Y tế tỉnh Lâm Đồng", "department_of_state"),
        ("Thuế tỉnh Lâm Đồng", "tax"), ("Chi cục Hải quan khu vực XI", "customs"), ("Chi cục Hải quan khu vực 3", "customs")]
    assert [m["surface"] for m in got][1] == "Sở Y tế"


def test_a_banks_full_name_then_its_abbreviation_and_branch_is_the_branch():
    text = ("Công an tỉnh Đồng Tháp và Ngân hàng Nông nghiệp và Phát triển nông thôn Việt Nam (Agribank) Chi nhánh tỉnh "
            "Đồng Tháp tổ chức lễ ký kết.")
    got = mentions(text)
    assert [m["unit"] for m in got] == ["Công an tỉnh Đồng Tháp", "Agribank chi nhánh Đồng Tháp"]
    assert got[1]["surface"].startswith("Ngân hàng Nông nghiệp") and got[1]["surface"].endswith("Đồng Tháp")


@pytest.mark.parametrize("text, unit", [
    ("Công an tỉnh Tuyên Quang hội đàm với Cục Công an châu Văn Sơn, tỉnh Vân Nam (Trung Quốc).",
     "Cục Công an châu Văn Sơn (Trung Quốc)"),
    ("Công an tỉnh Quảng Ninh và Cục Công an thành phố Phòng Thành Cảng hội đàm.",
     "Cục Công an thành phố Phòng Thành Cảng (Trung Quốc)"),
])
def test_police_of_chinese_prefectures_and_cities(text, unit):
    got = next(m for m in mentions(text) if m["kind"] == "foreign_police")
    assert (got["unit"], got["country"], got["province"]) == (unit, "Trung Quốc", None)
    assert text[got["start"]:got["end"]] == got["surface"] and got["surface"].startswith("Cục Công an")


def test_social_insurance_with_its_abbreviation_and_bare_in_the_articles_province():
    text = ("Chiều 21/5, Công an tỉnh Bắc Giang, Bảo hiểm xã hội (BHXH) tỉnh và Sở Y tế tỉnh Bắc Giang ký kết quy chế. "
            "Bà Ngô Thị Kim Oanh, Giám đốc BHXH tỉnh dự. Chính sách bảo hiểm xã hội cho người lao động được bảo đảm.")
    got = [m["unit"] for m in mentions(text)]
    assert got == ["Công an tỉnh Bắc Giang", "Bảo hiểm xã hội tỉnh Bắc Giang", "Sở Y tế tỉnh Bắc Giang",
                   "Bảo hiểm xã hội tỉnh Bắc Giang"]


@pytest.mark.parametrize("written, named", sorted(ruledata.load("units.yaml")["department_names"].items()))
def test_each_department_name_with_a_comma_or_va_is_read_whole_with_its_code_and_police(written, named):
    text = f"Công an tỉnh Bình Phước và Phòng {written} (PC07) Công an tỉnh Bình Dương tổ chức hội nghị."
    got = mentions(text)
    assert [m["unit"] for m in got] == ["Công an tỉnh Bình Phước", f"Phòng {named} Công an tỉnh Bình Dương"]
    assert got[1]["surface"] == f"Phòng {written} (PC07) Công an tỉnh Bình Dương"


def test_tax_as_a_common_noun_is_no_unit():
    assert units_of("Thuế thu nhập cá nhân được khấu trừ. Công an tỉnh Gia Lai phối hợp thu hồi.") == ["Công an tỉnh Gia Lai"]


@pytest.mark.parametrize("text, unit", [
    ("Công an tỉnh Quảng Trị phối hợp với Ban Thường trực Ủy ban Mặt trận Tổ quốc (MTTQ) Việt Nam tỉnh tổ chức hội "
     "nghị.", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị"),
    ("Viện kiểm sát nhân dân (VKSND) tỉnh Bắc Ninh và Công an tỉnh Bắc Ninh ký kết quy chế phối hợp.",
     "Viện kiểm sát nhân dân tỉnh Bắc Ninh"),
])
def test_a_bodys_abbreviation_in_brackets_inside_its_name(text, unit):
    assert unit in units_of(text)


def test_ministry_whose_name_holds_a_comma_is_named_whole():
    got = mentions("Bộ Công an và Bộ Văn hóa, Thể thao và Du lịch ký kết chương trình phối hợp giai đoạn 2024 - 2030.")
    assert [m["unit"] for m in got] == ["Bộ Công an", "Bộ Văn hóa, Thể thao và Du lịch"]


def test_unknown_foreign_spelling_vouched_for_by_its_country():
    got = mentions("Công an tỉnh Xê Pôn Thạ (Lào) và Công an tỉnh Hà Tĩnh hội đàm.")
    assert got[0]["unit"] == "Công an tỉnh Xê Pôn Thạ (Lào)"
    assert (got[0]["kind"], got[0]["country"], got[0]["how"]) == ("foreign_police", "Lào", "unknown_spelling")


# ------------------------------------------------------------------ partners of the police beyond the police

def test_central_mass_organisations_front_and_judiciary_are_units_with_kinds():
    got = {m["unit"]: m["kind"] for m in mentions(
        "Bộ Công an, Ủy ban Trung ương MTTQ Việt Nam, Trung ương Hội Nông dân Việt Nam, Tổng Liên đoàn Lao động Việt "
        "Nam, Viện kiểm sát nhân dân tối cao và Tòa án nhân dân tối cao thống nhất chương trình phối hợp.")}
    assert got == {"Bộ Công an": "ministry", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam": "front",
                   "Trung ương Hội Nông dân Việt Nam": "mass_organisation",
                   "Tổng Liên đoàn Lao động Việt Nam": "mass_organisation",
                   "Viện kiểm sát nhân dân tối cao": "procuracy", "Tòa án nhân dân tối cao": "court"}


def test_provincial_branches_of_mass_organisations_and_state_bodies():
    got = {m["unit"]: m["kind"] for m in mentions(
        "Công an tỉnh Bình Định ký kết chương trình phối hợp với Ủy ban MTTQ Việt Nam tỉnh Bình Định, Hội CCB tỉnh "
        "Bình Định, Đoàn TNCS Hồ Chí Minh tỉnh Bình Định, Sở Giáo dục và Đào tạo tỉnh Bình Định, Cục Thuế tỉnh Bình "
        "Định và Đài PT-TH Bình Định.")}
    assert got == {"Công an tỉnh Bình Định": "police_province",
                   "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Định": "front",
                   "Hội Cựu chiến binh tỉnh Bình Định": "mass_organisation",
                   "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Bình Định": "mass_organisation",
                   "Sở Giáo dục và Đào tạo tỉnh Bình Định": "department_of_state",
                   "Cục Thuế tỉnh Bình Định": "tax",
                   "Đài Phát thanh và Truyền hình tỉnh Bình Định": "media"}


def test_a_central_name_followed_by_a_level_word_is_the_provincial_branch():
    assert units_of("Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Hà Tĩnh phối hợp với Công an tỉnh Hà Tĩnh.") == [
        "Ngân hàng Nhà nước chi nhánh tỉnh Hà Tĩnh", "Công an tỉnh Hà Tĩnh"]
    assert units_of("Thành đoàn TP.HCM và Ban Dân vận Thành ủy TP.HCM dự.") == [
        "Thành đoàn Thành phố Hồ Chí Minh", "Ban Dân vận Thành ủy Thành phố Hồ Chí Minh"]


def test_the_word_newspaper_alone_is_no_unit():
    assert units_of("Báo chí địa phương đưa tin về Công an tỉnh Yên Bái; Báo Yên Bái đăng bài.") == [
        "Công an tỉnh Yên Bái", "Báo Yên Bái"]


def test_police_section_with_its_province_is_one_department():
    got = mentions("Phòng An ninh kinh tế Công an tỉnh Hà Tĩnh và Phòng Cảnh sát giao thông Công an TP Đà Nẵng ký "
                   "kết quy chế phối hợp; Phòng Tham mưu Công an tỉnh cũng tham gia.")
    assert [(m["unit"], m["kind"], m["province"]) for m in got][:2] == [
        ("Phòng An ninh kinh tế Công an tỉnh Hà Tĩnh", "department", "Hà Tĩnh"),
        ("Phòng Cảnh sát giao thông Công an thành phố Đà Nẵng", "department", "Đà Nẵng")]
    # a section followed by a bare 'Công an tỉnh' is the section of the article's province (here Hà Tĩnh, named first)
    assert [m["unit"] for m in got][2:] == ["Phòng Tham mưu Công an tỉnh Hà Tĩnh", "Công an tỉnh Hà Tĩnh"]


def test_a_section_named_alone_belongs_to_the_articles_police_and_sections_of_two_provinces_stay_apart():
    a = mentions("Công an tỉnh Đắk Lắk giao Phòng Cảnh sát kinh tế chủ trì, phối hợp với Cục Thuế tỉnh Đắk Lắk.")
    b = mentions("Công an tỉnh Gia Lai giao Phòng Cảnh sát kinh tế chủ trì.")
    assert a[1]["unit"] == "Phòng Cảnh sát kinh tế Công an tỉnh Đắk Lắk" and a[1]["province"] == "Đắk Lắk"
    assert b[1]["unit"] == "Phòng Cảnh sát kinh tế Công an tỉnh Gia Lai"
    assert units_of("Phòng Cảnh sát giao thông phối hợp tuần tra.") == []  # no province to name it by


def test_a_bare_police_after_ve_phia_is_that_sides_police():
    text = ("Công an tỉnh Thanh Hóa chủ trì hội đàm. Về phía Công an tỉnh Houaphanh có Đại tá Xổm Xạ Vắt, Giám đốc Công an "
            "tỉnh; về phía Công an tỉnh Thanh Hóa có Đại tá Trần Phú Hà, Giám đốc Công an tỉnh.")
    assert units_of(text) == ["Công an tỉnh Thanh Hóa", "Công an tỉnh Hủa Phăn (Lào)", "Công an tỉnh Hủa Phăn (Lào)",
                              "Công an tỉnh Thanh Hóa", "Công an tỉnh Thanh Hóa"]


def test_provincial_branches_of_commercial_banks_have_one_name_however_written():
    text = ("Công an tỉnh Hà Tĩnh, Agribank Hà Tĩnh, Ngân hàng Agribank chi nhánh tỉnh Hà Tĩnh và Ngân hàng BIDV chi "
            "nhánh Hà Tĩnh ký kết; Bộ Công an và Agribank đã ký thỏa thuận.")
    assert units_of(text) == ["Công an tỉnh Hà Tĩnh", "Agribank chi nhánh Hà Tĩnh", "Agribank chi nhánh Hà Tĩnh",
                              "BIDV chi nhánh Hà Tĩnh", "Bộ Công an", "Agribank"]


@pytest.mark.parametrize("text, expected", [
    ("Trung tá Trần Văn Bé, Phó Trưởng Công an quận Ninh Kiều cho biết, 6 tháng đầu năm, Công an quận đã tiếp nhận 215 tin báo.",
     ["Công an quận Ninh Kiều (Cần Thơ)", "Công an quận Ninh Kiều (Cần Thơ)"]),
    ("Công an huyện Bát Xát (Lào Cai) hội đàm với Cục Công an huyện Kim Bình. Thượng tá Vàng Seo Páo, Trưởng Công an huyện "
     "phát biểu.", ["Công an huyện Bát Xát (Lào Cai)", "Công an huyện Kim Bình", "Công an huyện Bát Xát (Lào Cai)"]),
    ("Công an huyện Mường Tè ký kết. Trưởng Công an huyện Lò Văn Hùng phát biểu.",  # a title before a name
     ["Công an huyện Mường Tè (Lai Châu)", "Công an huyện Mường Tè (Lai Châu)"]),
    ("Công an huyện Hoàng Su Phì và Công an huyện Mai Châu ký kết.",  # places that start with a family name
     ["Công an huyện Hoàng Su Phì (Hà Giang)", "Công an huyện Mai Châu (Hòa Bình)"]),
])
def test_a_bare_district_police_is_the_one_the_article_names(text, expected):
    assert units_of(text) == expected
