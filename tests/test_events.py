"""Events: every kind, agreement type and term rule on its example; composed articles of the genre (signings
with foreign partners, reviews, roll-outs, passive voice, witnesses vs signatories, splitting a signing by pair)."""
from __future__ import annotations

import pytest

from analysis import ruledata
from analysis.events import extract_events, find_agreement, find_term, find_triggers
from analysis.extract import extract_core
from _frames import frames

RULES = ruledata.load("events.yaml")


def events_of(paragraphs: list[str], published: str = "2024-05-01", event_date: str | None = None):
    articles, sentences = frames(paragraphs, published=published, event_date=event_date)
    t = extract_core(articles, sentences)
    return t["events"], t["event_parties"], t["event_signatories"]


@pytest.mark.parametrize("entry", RULES["kinds"], ids=lambda e: e["kind"])
def test_every_kind_is_an_event_in_a_lead(entry):
    events, parties, _ = events_of(["Tin hoạt động", entry["example"]])
    assert entry["kind"] in set(events["kind"]), events
    assert len(parties) >= 2


@pytest.mark.parametrize("entry", RULES["agreements"], ids=lambda e: e["type"])
def test_every_agreement_type_is_found(entry):
    hit = find_agreement(entry["example"], 0, len(entry["example"]))
    assert hit is not None and hit[2] == entry["type"]


@pytest.mark.parametrize("entry", RULES["terms"], ids=lambda e: e["pattern"][:20])
def test_every_term_rule(entry):
    term = find_term(entry["example"])
    assert term is not None and all(y.isdigit() and len(y) == 4 for y in term.split("-"))


def test_term_shapes():
    assert find_term("biên bản hợp tác đảm bảo ANTT năm 2023, và") == "2023"
    assert find_term("phòng, chống ma túy giai đoạn 2022 - 2025.") == "2022-2025"
    assert find_term("ký ngày 29/10/2020 về bảo đảm an ninh") is None
    assert find_term("sau 1 năm thực hiện") is None


def test_touching_triggers_merge_to_the_more_specific_kind():
    text = "Công an tỉnh Lai Châu tổ chức Hội nghị sơ kết 3 năm thực hiện quy chế phối hợp."
    kinds = [t[2]["kind"] for t in find_triggers(text)]
    assert kinds == ["so_ket"]


def test_signing_with_a_lao_partner_and_a_final_review_in_one_lead():
    events, parties, sigs = events_of([
        "Công an tỉnh Quảng Trị và Công an tỉnh Savannakhet (Lào) ký kết biên bản hợp tác năm 2024",
        "Ngày 15/4, tại TP. Đông Hà, Công an tỉnh Quảng Trị và Công an tỉnh Xa-va-na-khẹt (Lào) tổ chức lễ ký kết "
        "biên bản hợp tác bảo đảm an ninh trật tự năm 2024 và tổng kết 5 năm thực hiện biên bản hợp tác giai đoạn "
        "2019 - 2024.",
        "Đại tá Nguyễn Văn Hùng, Giám đốc Công an tỉnh Quảng Trị và đại tá Bun Thoong Xay Nha Vông, Giám đốc Công an "
        "tỉnh Savannakhet đã ký kết biên bản hợp tác.",
    ])
    assert list(zip(events["kind"], events["agreement_type"], events["term"])) == [
        ("ky_ket", "bien_ban_hop_tac", "2024"), ("tong_ket", "bien_ban_hop_tac", "2019-2024")]
    assert set(events["date"]) == {"2024-04-15"}
    assert set(events["place"]) == {"TP. Đông Hà"}
    for eid in events["event_id"]:
        assert set(parties.loc[parties["event_id"] == eid, "unit"]) == {"Công an tỉnh Quảng Trị", "Công an tỉnh Savannakhet (Lào)"}
    assert list(sigs["name"]) == ["Nguyễn Văn Hùng", "Bun Thoong Xay Nha Vông"]
    assert set(sigs["event_id"]) == {events["event_id"].iloc[0]}


def test_rollout_with_document_number_and_term_and_no_event_from_history():
    events, parties, _ = events_of([
        "Hội nghị triển khai kế hoạch phối hợp bảo vệ biên giới",
        "Sáng 5/4, tại TP. Pleiku, Công an tỉnh Gia Lai và Bộ Chỉ huy Bộ đội Biên phòng tỉnh Gia Lai tổ chức hội "
        "nghị triển khai kế hoạch phối hợp số 125/KH-CAT-BĐBP về bảo vệ an ninh biên giới giai đoạn 2024-2026.",
        "Năm 2020, hai đơn vị đã ký kết quy chế phối hợp. Đại tá Rơ Mah Tuân, Giám đốc Công an tỉnh Gia Lai chủ trì.",
    ])
    assert len(events) == 1
    ev = events.iloc[0]
    assert (ev["kind"], ev["agreement_type"], ev["doc_number"], ev["term"], ev["date"]) == (
        "trien_khai", "ke_hoach_phoi_hop", "125/KH-CAT-BĐBP", "2024-2026", "2024-04-05")
    assert list(parties["kind"]) == ["police_province", "border_guard"]


def test_witnesses_are_not_signatories():
    events, parties, sigs = events_of([
        "Công an tỉnh Tây Ninh và Công an tỉnh Svay Rieng ký thỏa thuận hợp tác",
        "Ngày 20/4, Công an tỉnh Tây Ninh và Công an tỉnh Svay Rieng (Campuchia) đã ký thỏa thuận hợp tác phòng, "
        "chống tội phạm qua biên giới.",
        "Thay mặt hai bên, Đại tá Nguyễn Văn Trang, Giám đốc Công an tỉnh Tây Ninh và thiếu tướng Sok Sam Rith, "
        "Giám đốc Công an tỉnh Svay Rieng ký thỏa thuận. Thứ trưởng Lê Quốc Hùng cùng các đại biểu chứng kiến lễ ký kết.",
    ])
    assert list(events["agreement_type"]) == ["thoa_thuan"]
    assert list(sigs["name"]) == ["Nguyễn Văn Trang", "Sok Sam Rith"]
    assert list(sigs["organisation"]) == ["Công an tỉnh Tây Ninh", "Công an tỉnh Svay Rieng (Campuchia)"]


def test_passive_signing_and_place_after_the_trigger():
    events, parties, _ = events_of([
        "Tin hoạt động",
        "Ngày 3/10, Quy chế phối hợp giữa Công an tỉnh Kon Tum và Bộ Chỉ huy Quân sự tỉnh Kon Tum đã được ký kết "
        "tại Công an tỉnh Kon Tum.",
    ])
    assert list(zip(events["kind"], events["agreement_type"])) == [("ky_ket", "quy_che_phoi_hop")]
    assert events["place"].iloc[0] == "Công an tỉnh Kon Tum"
    assert list(parties["unit"]) == ["Công an tỉnh Kon Tum", "Bộ Chỉ huy Quân sự tỉnh Kon Tum"]


def test_one_ceremony_split_into_one_signing_per_pair():
    events, parties, sigs = events_of([
        "Tin hoạt động",
        "Sáng 10-5, tại Công an tỉnh Nghệ An diễn ra lễ ký kết quy chế phối hợp giữa Công an tỉnh Nghệ An với "
        "Công an tỉnh Hà Tĩnh và Công an tỉnh Xiêng Khoảng (Lào).",
        "Đại tá Bùi Quang Thanh, Giám đốc Công an tỉnh Nghệ An và Đại tá Nguyễn Hồng Phong, Giám đốc Công an tỉnh "
        "Hà Tĩnh ký kết quy chế phối hợp giữa Công an tỉnh Nghệ An và Công an tỉnh Hà Tĩnh.",
        "Tiếp đó, Đại tá Bùi Quang Thanh và đại tá Xổm Xay Phăn Xay, Giám đốc Công an tỉnh Xiêng Khoảng ký kết quy "
        "chế phối hợp giữa Công an tỉnh Nghệ An và Công an tỉnh Xiêng Khoảng.",
    ], published="2024-05")
    assert len(events) == 2 and set(events["kind"]) == {"ky_ket"}
    e1, e2 = events["event_id"]
    assert set(parties.loc[parties.event_id == e1, "unit"]) == {"Công an tỉnh Nghệ An", "Công an tỉnh Hà Tĩnh"}
    assert set(parties.loc[parties.event_id == e2, "unit"]) == {"Công an tỉnh Nghệ An", "Công an tỉnh Xiêng Khoảng (Lào)"}
    assert list(sigs.loc[sigs.event_id == e2, "name"]) == ["Bùi Quang Thanh", "Xổm Xay Phăn Xay"]
    assert set(events["date"]) == {"2024-05-10"} and set(events["place"]) == {"Công an tỉnh Nghệ An"}


def test_structure_is_attached_to_the_agreement():
    events, _, _ = events_of([
        "Ký kết quy chế phối hợp giữa Công an tỉnh Lâm Đồng và Bộ Tư lệnh Cảnh sát cơ động",
        "Ngày 8/3, Công an tỉnh Lâm Đồng và Bộ Tư lệnh Cảnh sát cơ động ký kết quy chế phối hợp.",
        "Quy chế gồm 4 Chương, 15 Điều, quy định rõ trách nhiệm của mỗi bên.",
    ])
    assert events["structure"].iloc[0] == "4 Chương, 15 Điều"


def test_no_event_in_routine_news():
    events, _, _ = events_of([
        "Công an tỉnh Nghệ An triển khai công tác năm 2024",
        "Sáng 2/1, Công an tỉnh Nghệ An tổ chức hội nghị triển khai công tác công an năm 2024. Thiếu tướng Phạm Thế "
        "Tùng, Giám đốc Công an tỉnh chủ trì hội nghị.",
    ])
    assert events.empty


def test_cluster_and_ministry_are_not_parties():
    events, parties, _ = events_of([
        "Cụm thi đua số 4 ký giao ước thi đua năm 2024",
        "Ngày 1/3, Cụm thi đua số 4 (Bộ Công an) gồm Công an 4 tỉnh: Quảng Nam (Cụm trưởng), Quảng Ngãi, Bình Định "
        "và Phú Yên đã ký giao ước thi đua “Vì an ninh Tổ quốc” năm 2024.",
    ])
    assert list(zip(events["kind"], events["agreement_type"], events["term"])) == [("ky_ket", "giao_uoc_thi_dua", "2024")]
    assert list(parties["unit"]) == ["Công an tỉnh Quảng Nam", "Công an tỉnh Quảng Ngãi", "Công an tỉnh Bình Định",
                                     "Công an tỉnh Phú Yên"]


def test_extract_events_alone_and_event_offsets():
    articles, sentences = frames(["Tin", "Ngày 9/9, Công an tỉnh Cao Bằng và Bộ Chỉ huy Bộ đội Biên phòng tỉnh Cao Bằng "
                                          "sơ kết 2 năm thực hiện kế hoạch phối hợp."])
    events, parties, sigs = extract_events(articles, sentences)
    text = articles["text"].iloc[0]
    row = events.iloc[0]
    assert row["kind"] == "so_ket" and row["event_id"] == "t000:e1"
    assert text[row["start"]:row["end"]] == row["surface"] == "sơ kết 2 năm thực hiện kế hoạch phối hợp"
    assert len(parties) == 2 and sigs.empty


def test_review_without_agreement_needs_two_parties():
    events, _, _ = events_of(["Tin", "Sáng 3/7, Công an tỉnh Điện Biên tổ chức hội nghị sơ kết công tác 6 tháng đầu năm."])
    assert events.empty
    events, parties, _ = events_of(["Tin", "Sáng 3/7, Công an tỉnh Điện Biên và Công an tỉnh Phông Xa Lỳ (Lào) tổ chức "
                                           "hội nghị sơ kết công tác phối hợp 6 tháng đầu năm."])
    assert list(events["kind"]) == ["so_ket"] and events["agreement_type"].isna().all() and len(parties) == 2


def test_broken_events_file_names_the_file_and_entry(tmp_path, monkeypatch):
    from analysis import events as ev
    from _frames import restore_rule_files, with_broken_rule_file

    with_broken_rule_file(tmp_path, monkeypatch, "events.yaml", "{type: giao_uoc_thi_dua, pattern: 'giao ước thi đua'",
                          "{type: giao_uoc_thi_dua, pattern: 'giao kèo thi đua'", ev._rules, ev._anchors)
    try:
        with pytest.raises(ValueError, match=r"events\.yaml: agreements\[\d+\].*does not match its example"):
            ev._rules()
    finally:
        restore_rule_files(monkeypatch, ev._rules, ev._anchors)


def test_an_earlier_signing_recalled_in_the_lead_is_not_an_event():
    events, _, _ = events_of(["Tin", "Sau 3 năm ký kết quy chế phối hợp, Công an tỉnh Bắc Giang và Công an tỉnh Lạng "
                                     "Sơn tổ chức hội nghị sơ kết 3 năm thực hiện quy chế phối hợp."])
    assert list(zip(events["kind"], events["agreement_type"])) == [("so_ket", "quy_che_phoi_hop")]


def test_review_between_the_ministry_and_a_central_mass_organisation_has_both_parties():
    events, parties, _ = events_of([
        "Bộ Công an và Trung ương Hội Liên hiệp Phụ nữ Việt Nam sơ kết 5 năm phối hợp",
        "Sáng 12/3, tại Hà Nội, Bộ Công an và Trung ương Hội Liên hiệp Phụ nữ Việt Nam tổ chức hội nghị sơ kết 5 năm "
        "thực hiện Chương trình phối hợp giai đoạn 2020 - 2025.",
        "Thượng tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an và bà Hà Thị Nga, Chủ tịch Trung ương Hội Liên hiệp Phụ nữ "
        "Việt Nam đồng chủ trì hội nghị."])
    assert list(zip(events["kind"], events["agreement_type"], events["term"])) == [
        ("so_ket", "chuong_trinh_phoi_hop", "2020-2025")]
    assert list(parties["unit"]) == ["Bộ Công an", "Trung ương Hội Liên hiệp Phụ nữ Việt Nam"]


def test_signing_of_two_provincial_police_with_ethnic_minority_signatories():
    events, parties, sigs = events_of([
        "Công an tỉnh Đắk Lắk và Công an tỉnh Đắk Nông ký kết quy chế phối hợp",
        "Ngày 14/8, tại TP Buôn Ma Thuột, Công an tỉnh Đắk Lắk và Công an tỉnh Đắk Nông tổ chức lễ ký kết quy chế "
        "phối hợp bảo đảm an ninh, trật tự vùng giáp ranh.",
        "Đại tá Lê Vinh Quy, Giám đốc Công an tỉnh Đắk Lắk và Đại tá Y Prô Êban ký kết quy chế."])
    assert list(zip(events["kind"], events["agreement_type"])) == [("ky_ket", "quy_che_phoi_hop")]
    assert list(parties["unit"]) == ["Công an tỉnh Đắk Lắk", "Công an tỉnh Đắk Nông"]
    assert list(sigs["name"]) == ["Lê Vinh Quy", "Y Prô Êban"]


def test_interagency_regulation_of_police_procuracy_and_court():
    events, parties, _ = events_of([
        "Ký kết quy chế phối hợp liên ngành",
        "Chiều 2/10, Công an tỉnh Hà Tĩnh, Viện kiểm sát nhân dân tỉnh Hà Tĩnh và Tòa án nhân dân tỉnh Hà Tĩnh ký "
        "kết quy chế phối hợp trong công tác điều tra, truy tố, xét xử."])
    assert list(events["kind"]) == ["ky_ket"]
    assert list(parties["unit"]) == ["Công an tỉnh Hà Tĩnh", "Viện kiểm sát nhân dân tỉnh Hà Tĩnh", "Tòa án nhân dân tỉnh Hà Tĩnh"]
    assert set(parties["kind"]) == {"police_province", "procuracy", "court"}


def test_two_agreements_signed_together_are_two_signings():
    events, parties, _ = events_of([
        "Tin hoạt động",
        "Sáng 12/7, tại TP. Vĩnh Long, Công an tỉnh Vĩnh Long và Công an tỉnh Trà Vinh tổ chức ký kết quy chế phối "
        "hợp năm 2024 và kế hoạch phối hợp phòng, chống tội phạm ma túy giai đoạn 2024 - 2026.",
    ], published="2024-07-13")
    assert list(zip(events["kind"], events["agreement_type"], events["term"])) == [
        ("ky_ket", "quy_che_phoi_hop", "2024"), ("ky_ket", "ke_hoach_phoi_hop", "2024-2026")]
    assert set(events["date"]) == {"2024-07-12"} and set(events["place"]) == {"TP. Vĩnh Long"}
    for eid in events["event_id"]:
        assert set(parties.loc[parties["event_id"] == eid, "unit"]) == {"Công an tỉnh Vĩnh Long", "Công an tỉnh Trà Vinh"}


def test_agreements_listed_with_a_comma_and_same_type_ones_stay_one():
    events, _, _ = events_of([
        "Tin", "Ngày 4/6, Công an tỉnh Bắc Ninh và Công an tỉnh Bắc Giang ký kết biên bản ghi nhớ, chương trình "
        "phối hợp bảo đảm an ninh khu vực giáp ranh."])
    assert list(events["agreement_type"]) == ["bien_ban_hop_tac", "chuong_trinh_phoi_hop"]
    one, _, _ = events_of([
        "Tin", "Ngày 4/6, Công an tỉnh Bắc Ninh và Công an tỉnh Bắc Giang ký kết quy chế phối hợp và quy chế hợp tác."])
    assert list(one["agreement_type"]) == ["quy_che_phoi_hop"]
    review, _, _ = events_of([
        "Tin", "Ngày 4/6, Công an tỉnh Bắc Ninh và Công an tỉnh Bắc Giang sơ kết thực hiện quy chế phối hợp và "
        "kế hoạch phối hợp."])
    assert list(review["kind"]) == ["so_ket"]


def test_a_signing_told_in_the_body_takes_the_lead_event_parties():
    events, parties, _ = events_of([
        "Hội nghị tổng kết 3 năm thực hiện quy chế phối hợp",
        "Chiều 20/11, tại TP. Quy Nhơn, Công an tỉnh Bình Định và Bộ Chỉ huy Quân sự tỉnh Bình Định tổ chức hội nghị "
        "tổng kết 3 năm thực hiện quy chế phối hợp.",
        "Hội nghị đánh giá kết quả phối hợp tuần tra, kiểm soát trên địa bàn.",
        "Dịp này, hai đơn vị đã ký kết kế hoạch phối hợp số 112/KH-CAT-BCH giai đoạn 2025 - 2027.",
        "Sau hội nghị, hai đơn vị tiếp tục thực hiện quy chế phối hợp đã ký kết.",
    ], published="2024-11-21")
    assert list(zip(events["kind"], events["agreement_type"])) == [("tong_ket", "quy_che_phoi_hop"),
                                                                   ("ky_ket", "ke_hoach_phoi_hop")]
    ev = events.iloc[1]
    assert (ev["doc_number"], ev["term"], ev["date"], ev["place"]) == ("112/KH-CAT-BCH", "2025-2027", "2024-11-20", "TP. Quy Nhơn")
    assert set(parties.loc[parties["event_id"] == ev["event_id"], "unit"]) == {
        "Công an tỉnh Bình Định", "Bộ Chỉ huy Quân sự tỉnh Bình Định"}


def test_body_sentences_repeating_the_lead_agreement_or_recalling_history_add_no_event():
    events, _, _ = events_of([
        "Công an tỉnh Sóc Trăng và Công an tỉnh Bạc Liêu ký kết chương trình phối hợp",
        "Ngày 9/5, Công an tỉnh Sóc Trăng và Công an tỉnh Bạc Liêu tổ chức lễ ký kết chương trình phối hợp số "
        "07/CTPH năm 2024.",
        "Đại diện lãnh đạo hai đơn vị đã ký kết chương trình phối hợp số 07/CTPH.",
        "Việc ký kết bản ghi nhớ này là cơ sở để hai đơn vị phối hợp chặt chẽ.",
        "Trước đó, hai đơn vị đã ký kết biên bản hợp tác về phòng, chống ma túy.",
        "Năm 2019, hai đơn vị đã ký kết quy chế phối hợp về phòng, chống tội phạm.",
        "Thời gian tới, hai đơn vị sẽ ký kết kế hoạch phối hợp bảo đảm an ninh nông thôn.",
        "Các đơn vị cũng ký kết quy chế.",
    ])
    assert list(zip(events["kind"], events["agreement_type"], events["doc_number"])) == [
        ("ky_ket", "chuong_trinh_phoi_hop", "07/CTPH")]


@pytest.mark.parametrize("sentence", [
    "Kết thúc hội đàm, hai bên thống nhất giao các đơn vị chức năng xây dựng dự thảo biên bản hợp tác giai đoạn 2026 - "
    "2030 để ký kết trong quý I/2026, thay thế biên bản hợp tác giai đoạn 2021 - 2025.",
    "Hai bên thống nhất sẽ hoàn thiện nội dung để ký kết vào năm 2026 biên bản hợp tác giai đoạn 2026 - 2030.",
    "Hai bên giao các đơn vị nghiệp vụ hoàn thiện nội dung để ký kết trong thời gian tới kế hoạch phối hợp mới.",
])
def test_talks_that_plan_a_later_signing_add_no_signing(sentence):
    events, _, _ = events_of([
        "Công an tỉnh Lâm Đồng hội đàm với Công an tỉnh Mondulkiri",
        "Ngày 2/10, Công an tỉnh Lâm Đồng đã tổ chức hội đàm với đoàn công tác Công an tỉnh Mondulkiri (Vương quốc "
        "Campuchia).", sentence], published="2025-10-03")
    assert list(events["kind"]) == ["hoi_nghi"]


def test_a_body_signing_of_the_same_type_with_another_number_is_a_new_event():
    events, _, _ = events_of([
        "Tin", "Ngày 2/3, Công an tỉnh Lào Cai và Công an tỉnh Yên Bái sơ kết kế hoạch phối hợp số 15/KH-CA.",
        "Tại hội nghị, hai đơn vị ký kết kế hoạch phối hợp số 31/KH-CA giai đoạn 2024 - 2025.",
    ])
    assert list(zip(events["kind"], events["doc_number"], events["term"].fillna(""))) == [
        ("so_ket", "15/KH-CA", ""), ("ky_ket", "31/KH-CA", "2024-2025")]


@pytest.mark.parametrize("verb", RULES["not_signing"])
def test_each_not_signing_word_makes_a_witness_or_a_speaker(verb):
    events, _, sigs = events_of([
        "Công an tỉnh Nghệ An và Công an tỉnh Hủa Phăn ký biên bản hợp tác",
        "Ngày 17/2, Công an tỉnh Nghệ An và Công an tỉnh Hủa Phăn (Lào) ký kết Biên bản hợp tác năm 2025.",
        f"Thiếu tướng Bùi Quang Thanh, Giám đốc Công an tỉnh Nghệ An {verb} lễ ký kết biên bản hợp tác.",
    ], published="2025-02-18")
    assert list(events["agreement_type"]) == ["bien_ban_hop_tac"]
    assert sigs.empty


_SIGNED_AFTER = {
    "gồm": "Tại buổi lễ, lãnh đạo hai đơn vị đã ký kết quy chế phối hợp, gồm Đại tá Nguyễn Văn Hận, Giám đốc Công an "
           "tỉnh và ông Trần Văn Hùng, Viện trưởng Viện kiểm sát nhân dân tỉnh Kiên Giang.",
    "bao gồm": "Hai bên ký kết quy chế phối hợp, bao gồm: Đại tá Nguyễn Văn Hận, Giám đốc Công an tỉnh và ông Trần Văn "
               "Hùng, Viện trưởng Viện kiểm sát nhân dân tỉnh Kiên Giang.",
    "là": "Đại diện ký kết quy chế phối hợp là đồng chí Nguyễn Văn Hận, Giám đốc Công an tỉnh và đồng chí Trần Văn "
          "Hùng, Viện trưởng Viện kiểm sát nhân dân tỉnh Kiên Giang.",
    "với": "Sau khi thống nhất nội dung, Đại tá Nguyễn Văn Hận, Giám đốc Công an tỉnh đã ký kết quy chế phối hợp với "
           "ông Trần Văn Hùng, Viện trưởng Viện kiểm sát nhân dân tỉnh Kiên Giang.",
    "có": "Ký kết quy chế phối hợp có Đại tá Nguyễn Văn Hận, Giám đốc Công an tỉnh và ông Trần Văn Hùng, Viện trưởng "
          "Viện kiểm sát nhân dân tỉnh Kiên Giang.",
    "bởi": "Quy chế phối hợp được ký kết bởi Đại tá Nguyễn Văn Hận, Giám đốc Công an tỉnh và ông Trần Văn Hùng, Viện "
           "trưởng Viện kiểm sát nhân dân tỉnh Kiên Giang, dưới sự chứng kiến của ông Lâm Minh Thành, Chủ tịch UBND tỉnh.",
}


@pytest.mark.parametrize("cue", RULES["signers_after"])
def test_each_signers_after_cue_names_the_people_after_the_signing(cue):
    events, _, sigs = events_of([
        "Công an tỉnh Kiên Giang ký kết quy chế phối hợp với Viện kiểm sát nhân dân tỉnh",
        "Sáng 12/6, Công an tỉnh Kiên Giang và Viện kiểm sát nhân dân tỉnh Kiên Giang tổ chức lễ ký kết quy chế phối "
        "hợp trong công tác tiếp nhận, giải quyết tố giác, tin báo về tội phạm.",
        _SIGNED_AFTER[cue],  # the witness after the signatories ('dưới sự chứng kiến của') is not one of them
    ], published="2024-06-13")
    assert list(events["agreement_type"]) == ["quy_che_phoi_hop"]
    assert list(sigs["name"]) == ["Nguyễn Văn Hận", "Trần Văn Hùng"]


@pytest.mark.parametrize("sentence", [
    # signatories listed with colons and semicolons before the signing
    "Thiếu tướng Mai Hoàng cùng các đồng chí: Thiếu tướng Phạm Quốc Khánh, Giám đốc Công an tỉnh Đồng Nai; Đại tá Tô "
    "Hoàng Sơn, Giám đốc Công an tỉnh Tây Ninh và Đại tá Lê Minh Thắng, Phó Giám đốc Công an tỉnh Lâm Đồng đã ký kết "
    "Quy chế.",
    # bare names after 'các đồng chí'
    "Thay mặt lãnh đạo các đơn vị, Thiếu tướng Mai Hoàng cùng các đồng chí Phạm Quốc Khánh, Tô Hoàng Sơn và Lê Minh "
    "Thắng đã ký kết Quy chế phối hợp giai đoạn 2025 - 2030.",
])
def test_signatories_of_a_list_with_semicolons_or_of_bare_names(sentence):
    _, _, sigs = events_of([
        "Công an 4 tỉnh, thành phố ký kết Quy chế phối hợp",
        "Sáng 14/8, Công an TP Hồ Chí Minh, Công an tỉnh Đồng Nai, Công an tỉnh Tây Ninh và Công an tỉnh Lâm Đồng ký "
        "kết Quy chế phối hợp số 27/QCPH về bảo đảm an ninh, trật tự địa bàn giáp ranh.",
        "Dự hội nghị có Thiếu tướng Phạm Quốc Khánh, Giám đốc Công an tỉnh Đồng Nai; Đại tá Tô Hoàng Sơn, Giám đốc "
        "Công an tỉnh Tây Ninh; Đại tá Lê Minh Thắng, Phó Giám đốc Công an tỉnh Lâm Đồng.",
        sentence], published="2025-08-15")
    assert list(sigs["name"]) == ["Mai Hoàng", "Phạm Quốc Khánh", "Tô Hoàng Sơn", "Lê Minh Thắng"]


@pytest.mark.parametrize("sentence", [
    "Dự lễ ký kết quy chế phối hợp có Đại tá Nguyễn Văn Hận, Giám đốc Công an tỉnh và ông Trần Văn Hùng, Viện trưởng "
    "Viện kiểm sát nhân dân tỉnh Kiên Giang.",  # attended the signing
    "Chứng kiến lễ ký kết quy chế phối hợp, gồm Đại tá Nguyễn Văn Hận, Giám đốc Công an tỉnh và ông Trần Văn Hùng, "
    "Viện trưởng Viện kiểm sát nhân dân tỉnh Kiên Giang.",  # witnessed it
    "Việc ký kết quy chế phối hợp là cơ sở để hai ngành thực hiện tốt nhiệm vụ, đồng chí Nguyễn Văn Hận, Giám đốc "
    "Công an tỉnh nhấn mạnh.",  # no cue right before the name
    "Lễ ký kết quy chế phối hợp có Đại tá Nguyễn Văn Hận, Giám đốc Công an tỉnh và ông Trần Văn Hùng, Viện trưởng "
    "Viện kiểm sát nhân dân tỉnh Kiên Giang tham dự.",  # a verb after the list: they attended
    "Hai đơn vị ký kết quy chế phối hợp với sự chứng kiến của ông Trần Văn Hùng, Viện trưởng Viện kiểm sát nhân dân "
    "tỉnh Kiên Giang.",  # 'với' then a witness
])
def test_people_after_a_signing_without_a_cue_or_after_an_attendance_verb_are_not_signatories(sentence):
    _, _, sigs = events_of([
        "Công an tỉnh Kiên Giang ký kết quy chế phối hợp với Viện kiểm sát nhân dân tỉnh",
        "Sáng 12/6, Công an tỉnh Kiên Giang và Viện kiểm sát nhân dân tỉnh Kiên Giang tổ chức lễ ký kết quy chế phối "
        "hợp.", sentence], published="2024-06-13")
    assert sigs.empty


def test_an_agreement_cited_after_a_predicate_is_not_signed_with_the_first():
    events, parties, sigs = events_of([
        "Công an tỉnh Nghệ An và Công an tỉnh Hủa Phăn (Lào) ký biên bản hợp tác năm 2025",
        "Ngày 17/2, tại thành phố Vinh, Công an tỉnh Nghệ An tổ chức hội đàm và ký kết Biên bản hợp tác năm 2025 "
        "với Công an tỉnh Hủa Phăn (Lào).",
        "Phát biểu tại buổi lễ, Thiếu tướng Bùi Quang Thanh khẳng định, việc ký kết biên bản hợp tác là cụ thể hóa "
        "Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị và thỏa thuận giữa Bộ Công an Việt Nam với Bộ An ninh Lào.",
    ], published="2025-02-18")
    assert list(zip(events["kind"], events["agreement_type"], events["date"], events["place"])) == [
        ("ky_ket", "bien_ban_hop_tac", "2025-02-17", "thành phố Vinh")]
    assert set(parties["unit"]) == {"Công an tỉnh Nghệ An", "Công an tỉnh Hủa Phăn (Lào)"}
    assert sigs.empty


@pytest.mark.parametrize("lead, place", [
    ("Ngày 6/11, tại thành phố Hà Tiên, Công an tỉnh Kiên Giang và Công an tỉnh Kampot ký kết biên bản ghi nhớ.",
     "thành phố Hà Tiên"),
    ("Sáng 15/9, tại trụ sở Công an tỉnh Quảng Trị, Công an TP Huế và Công an tỉnh Quảng Trị ký kết kế hoạch phối hợp.",
     "Công an tỉnh Quảng Trị"),
    ("Chiều 3/4, tại tỉnh Gia Lai, Công an tỉnh Gia Lai và Công an tỉnh Attapeu (Lào) ký kết biên bản hợp tác.",
     "tỉnh Gia Lai"),
    ("Ngày 5/6, tại hội trường Công an tỉnh Lạng Sơn, hai đơn vị ký kết quy chế phối hợp.", "Công an tỉnh Lạng Sơn"),
])
def test_place_after_a_skipped_word_or_with_a_lower_case_level_word(lead, place):
    events, _, _ = events_of(["Tin hoạt động", lead])
    assert list(events["place"]) == [place]


def test_place_words_in_the_rule_file_are_each_read():
    for word in RULES["place_skip"]:
        events, _, _ = events_of(["Tin", f"Ngày 5/6, tại {word} Công an tỉnh Lạng Sơn, Công an tỉnh Lạng Sơn và "
                                  "Công an tỉnh Cao Bằng ký kết quy chế phối hợp."])
        assert list(events["place"]) == ["Công an tỉnh Lạng Sơn"], word
    for word in RULES["place_levels"]:
        events, _, _ = events_of(["Tin", f"Ngày 5/6, tại {word} Mường Tè, Công an tỉnh Lai Châu và "
                                  "Công an tỉnh Phông Sa Lỳ ký kết biên bản hợp tác."])
        assert list(events["place"]) == [f"{word} Mường Tè"], word


@pytest.mark.parametrize("word", RULES["not_joined"])
def test_each_not_joined_word_separates_a_cited_agreement(word):
    events, _, _ = events_of(["Tin", f"Ngày 5/6, Công an tỉnh Lạng Sơn và Công an tỉnh Cao Bằng ký kết quy chế phối hợp "
                                     f"năm 2024, {word} kế hoạch phối hợp của hai Bộ và chương trình hợp tác giữa hai tỉnh."])
    # only one agreement is signed ('triển khai' makes its own roll-out event of the plan, which is right)
    assert list(events.loc[events["kind"] == "ky_ket", "agreement_type"]) == ["quy_che_phoi_hop"]


@pytest.mark.parametrize("word", RULES["cited_documents"])
def test_units_in_the_subject_of_a_cited_document_are_not_parties(word):
    events, parties, _ = events_of([
        "Tin hoạt động",
        f"Chiều 8/4, Công an tỉnh Sơn La và Bộ Chỉ huy Quân sự tỉnh tổ chức ký kết Quy chế phối hợp thực hiện {word} "
        "số 03/2019/NĐ-CP của Chính phủ về phối hợp giữa Bộ Công an và Bộ Quốc phòng.",
    ], published="2024-04-09")
    assert list(events["agreement_type"]) == ["quy_che_phoi_hop"]
    assert set(parties["unit"]) == {"Công an tỉnh Sơn La", "Bộ Chỉ huy Quân sự tỉnh Sơn La"}


def test_the_ministries_that_hold_the_review_of_their_decree_are_still_its_parties():
    events, parties, _ = events_of([
        "Bộ Công an và Bộ Quốc phòng tổng kết 5 năm thực hiện Nghị định 03/2019/NĐ-CP",
        "Sáng 14/12, tại Hà Nội, Bộ Công an và Bộ Quốc phòng tổ chức Hội nghị tổng kết 5 năm thực hiện Nghị định số "
        "03/2019/NĐ-CP ngày 5/9/2019 của Chính phủ về phối hợp giữa Bộ Công an và Bộ Quốc phòng trong thực hiện nhiệm vụ.",
    ], published="2023-12-14")
    assert set(parties["unit"]) == {"Bộ Công an", "Bộ Quốc phòng"}


def test_talks_between_two_forces_are_a_conference_even_without_an_agreement():
    events, parties, _ = events_of([
        "Công an tỉnh Kiên Giang hội đàm với Cảnh sát tỉnh Kampot",
        "Ngày 6/11, tại thành phố Hà Tiên, Công an tỉnh Kiên Giang hội đàm với Cảnh sát tỉnh Kampot (Campuchia) về "
        "công tác phối hợp bảo đảm an ninh biên giới.",
    ], published="2024-11-07")
    assert list(zip(events["kind"], events["agreement_type"], events["date"])) == [("hoi_nghi", None, "2024-11-06")]
    assert set(parties["unit"]) == {"Công an tỉnh Kiên Giang", "Công an tỉnh Kampot (Campuchia)"}


def test_talks_and_a_signing_told_together_are_one_event():
    events, _, _ = events_of([
        "Tin hoạt động",
        "Ngày 17/2, Công an tỉnh Nghệ An tổ chức hội đàm và ký kết Biên bản hợp tác năm 2025 với Công an tỉnh Hủa Phăn (Lào).",
    ], published="2025-02-18")
    assert list(zip(events["kind"], events["agreement_type"])) == [("ky_ket", "bien_ban_hop_tac")]


def test_talks_of_one_force_alone_are_no_cooperation_event():
    events, _, _ = events_of(["Tin hoạt động", "Chiều 5/3, Công an tỉnh Nghệ An hội đàm trực tuyến về công tác năm 2025."])
    assert events.empty


@pytest.mark.parametrize("lead", [
    "Hai lực lượng sẽ ký kết quy chế phối hợp vào đầu năm 2025.",
    "Công an tỉnh Lạng Sơn và Công an tỉnh Cao Bằng dự kiến ký kết quy chế phối hợp trong tháng 3.",
    "Công an hai tỉnh đang chuẩn bị ký kết kế hoạch phối hợp bảo đảm an ninh biên giới.",
])
def test_a_signing_to_come_is_no_event(lead):
    events, _, _ = events_of(["Tin hoạt động", lead], published="2024-12-21")
    assert events.empty


def test_a_signing_that_took_place_and_one_to_come_in_the_same_lead():
    events, _, _ = events_of(["Tin", "Ngày 5/6, Công an tỉnh Lạng Sơn và Công an tỉnh Cao Bằng ký kết quy chế phối hợp, "
                                     "tiến tới ký kết kế hoạch phối hợp năm 2025."], published="2024-06-06")
    assert list(zip(events["kind"], events["agreement_type"], events["date"])) == [("ky_ket", "quy_che_phoi_hop", "2024-06-05")]


def test_witnesses_named_before_the_signatories_are_not_signatories():
    events, parties, sigs = events_of([
        "Công an tỉnh Quảng Trị và Công an tỉnh Khăm Muồn ký biên bản hợp tác năm 2026",
        "Chiều 12/12, tại thành phố Thà Khẹk, Công an tỉnh Quảng Trị và Công an tỉnh Khăm Muồn (Lào) tổ chức hội đàm.",
        "Kết thúc hội đàm, dưới sự chứng kiến của ông Hoàng Xuân Tân, Phó Chủ tịch UBND tỉnh Quảng Trị và ông Bun Thoong "
        "Đi Vi Xay, Tỉnh trưởng tỉnh Khăm Muồn, Đại tá Nguyễn Hữu Hợp và Thiếu tướng Khăm Phăn Phôm Ma Thắt đã ký "
        "biên bản hợp tác năm 2026.",
    ], published="2025-12-13")
    assert list(zip(events["kind"], events["agreement_type"], events["place"])) == [
        ("ky_ket", "bien_ban_hop_tac", "thành phố Thà Khẹk")]  # the talks are the signing's meeting
    assert list(sigs["name"]) == ["Nguyễn Hữu Hợp", "Khăm Phăn Phôm Ma Thắt"]
    assert set(parties["unit"]) == {"Công an tỉnh Quảng Trị", "Công an tỉnh Khăm Muồn (Lào)"}


def test_a_new_term_signed_after_reviewing_the_old_one_is_a_new_signing():
    events, _, sigs = events_of([
        "Công an tỉnh Long An hội đàm với Công an tỉnh Svay Rieng",
        "Ngày 5-6-2024, Công an tỉnh Long An và Công an tỉnh Svay Rieng (Campuchia) hội đàm đánh giá kết quả thực hiện "
        "Biên bản ghi nhớ hợp tác giai đoạn 2022 - 2024.",
        "Sau hội đàm, Đại tá Nguyễn Minh Hải và Thiếu tướng Sam Rithy đã ký kết Biên bản ghi nhớ hợp tác giai đoạn 2024 - 2026.",
    ], published="2024-06-06")
    got = list(zip(events["kind"], events["agreement_type"], events["term"]))
    assert ("ky_ket", "bien_ban_hop_tac", "2024-2026") in got
    signing = events.loc[events["kind"] == "ky_ket", "event_id"].iloc[0]
    assert list(sigs.loc[sigs["event_id"] == signing, "name"]) == ["Nguyễn Minh Hải", "Sam Rithy"]


def test_the_ministry_after_a_cluster_name_is_not_a_party():
    _, parties, _ = events_of([
        "Cụm thi đua số 3 Bộ Công an tổng kết năm 2024, ký giao ước thi đua năm 2025",
        "Ngày 10/1, Cụm thi đua số 3 gồm Công an 6 tỉnh: Quảng Ninh (Cụm trưởng), Hải Phòng, Hải Dương, Hưng Yên, "
        "Thái Bình và Nam Định ký kết giao ước thi đua năm 2025.",
    ], published="2025-01-11")
    assert "Bộ Công an" not in set(parties["unit"]) and len(set(parties["unit"])) == 6


@pytest.mark.parametrize("board", ["Ban Giám đốc", "Ban Chỉ huy"])
def test_a_board_of_a_unit_signs_for_its_unit(board):
    events, parties, _ = events_of(["Tin", f"Ngày 10/1, {board} Công an tỉnh Nghệ An và {board} Công an tỉnh Hà Tĩnh đã ký "
                                           "kết Quy chế phối hợp năm 2025."], published="2025-01-11")
    assert list(events["agreement_type"]) == ["quy_che_phoi_hop"]
    assert set(parties["unit"]) == {"Công an tỉnh Nghệ An", "Công an tỉnh Hà Tĩnh"}


def test_two_signings_in_one_sentence_each_get_their_own_pair():
    events, parties, sigs = events_of([
        "Công an tỉnh Lâm Đồng ký kết quy chế phối hợp với Sở Y tế và Thuế tỉnh",
        "Chiều 22/7, Công an tỉnh Lâm Đồng tổ chức lễ ký kết quy chế phối hợp với Sở Y tế và với Thuế tỉnh Lâm Đồng.",
        "Tham dự buổi lễ có Thiếu tướng Mạc Đình Phong, Giám đốc Công an tỉnh; Đại tá Hà Quốc Trung, Phó Giám đốc Công an "
        "tỉnh; TS.BS Lưu Quang Dũng, Giám đốc Sở Y tế; ông Võ Đình Nghĩa, Trưởng Thuế tỉnh Lâm Đồng.",
        "Tại buổi lễ, Thiếu tướng Mạc Đình Phong và TS.BS Lưu Quang Dũng ký Quy chế phối hợp giữa Công an tỉnh và Sở Y "
        "tế; Đại tá Hà Quốc Trung và ông Võ Đình Nghĩa ký Quy chế phối hợp giữa Công an tỉnh và Thuế tỉnh Lâm Đồng.",
    ], published="2025-07-23")
    by_event = {e: (sorted(parties[parties["event_id"] == e]["unit"]), list(sigs[sigs["event_id"] == e]["name"]))
                for e in events["event_id"]}
    assert sorted(by_event.values()) == [
        (["Công an tỉnh Lâm Đồng", "Sở Y tế tỉnh Lâm Đồng"], ["Mạc Đình Phong", "Lưu Quang Dũng"]),
        (["Công an tỉnh Lâm Đồng", "Thuế tỉnh Lâm Đồng"], ["Hà Quốc Trung", "Võ Đình Nghĩa"])]


def test_three_signatories_after_unnamed_witnesses_and_a_congratulating_speaker():
    events, parties, sigs = events_of([
        "Công an 3 địa phương ký kết chương trình phối hợp",
        "Sáng 15-11, tại TP Quảng Ngãi, Công an tỉnh Quảng Ngãi, Công an TP Đà Nẵng và Công an tỉnh Bình Định tổ chức lễ "
        "ký kết Chương trình phối hợp thực hiện công tác giữa Công an 3 địa phương giai đoạn 2024 - 2029.",
        "Dưới sự chứng kiến của lãnh đạo tỉnh, thành phố, Đại tá Phạm Ngọc Lâm, Giám đốc Công an tỉnh Quảng Ngãi, Thiếu "
        "tướng Võ Thành Công, Giám đốc Công an TP Đà Nẵng và Đại tá Nguyễn Hữu Tín, Giám đốc Công an tỉnh Bình Định đã "
        "thay mặt Công an 3 địa phương ký kết Chương trình phối hợp.",
        "Phát biểu chỉ đạo, đồng chí Đinh Văn Khương, Bí thư Tỉnh ủy Quảng Ngãi chúc mừng Công an 3 địa phương đã ký kết "
        "chương trình phối hợp với nhiều nội dung thiết thực.",
    ], published="2024-11-16")
    assert len(events) == 1
    assert list(sigs["name"]) == ["Phạm Ngọc Lâm", "Võ Thành Công", "Nguyễn Hữu Tín"]
    assert set(parties["unit"]) == {"Công an tỉnh Quảng Ngãi", "Công an thành phố Đà Nẵng", "Công an tỉnh Bình Định"}


def test_a_national_bank_named_in_the_headline_gives_way_to_its_branch_and_a_ministry_after_its_departments_is_none():
    events, parties, _ = events_of([
        "Công an tỉnh Đồng Tháp ký kết chương trình phối hợp triển khai Đề án 06 với Viettel, VNPT và Agribank",
        "Chiều 9/10, Công an tỉnh Đồng Tháp cùng Viettel Đồng Tháp, VNPT Đồng Tháp và Ngân hàng Nông nghiệp và Phát triển "
        "nông thôn Việt Nam (Agribank) Chi nhánh tỉnh Đồng Tháp tổ chức lễ ký kết Chương trình phối hợp.",
    ], published="2025-10-10")
    assert set(parties["unit"]) == {"Công an tỉnh Đồng Tháp", "Viettel Đồng Tháp", "VNPT Đồng Tháp",
                                    "Agribank chi nhánh Đồng Tháp"}
    assert list(events["n_parties"]) == [4]
    _, parties, _ = events_of([
        "Sơ kết kế hoạch phối hợp đấu tranh với tội phạm lừa đảo",
        "Chiều 19/12, Cục Cảnh sát hình sự (C02), Bộ Công an phối hợp với Công an TP Hà Nội và Công an TP Cần Thơ tổ chức "
        "Hội nghị sơ kết 01 năm thực hiện Kế hoạch phối hợp số 215/KH-C02-A05.",
    ], published="2024-12-20")
    assert "Bộ Công an" not in set(parties["unit"]) and "Cục Cảnh sát hình sự" in set(parties["unit"])


def test_talks_or_a_briefing_without_an_agreement_have_no_term():
    events, parties, _ = events_of([
        "Công an tỉnh Hà Tĩnh giao ban với Công an tỉnh Bolikhamxay",
        "Ngày 5/3, Công an tỉnh Hà Tĩnh và Công an tỉnh Bolikhamxay (Lào) tổ chức giao ban định kỳ quý I năm 2024.",
    ], published="2024-03-06")
    assert list(zip(events["kind"], events["term"].isna())) == [("hoi_nghi", True)]
    assert set(parties["unit"]) == {"Công an tỉnh Hà Tĩnh", "Công an tỉnh Bolikhamxay (Lào)"}
