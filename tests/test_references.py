"""Legal references: seeds against the gold, and sentences of the genre written for the rules."""
from __future__ import annotations

import copy

import pandas as pd
import pytest
import yaml

from analysis import paths
from analysis.references import (
    COLUMNS, RuleDataError, compile_rules, extract_references, normalise_number, rules,
)


def frames(*sentences: str, article_id: str = "t1", published: str | None = None):
    """An article made of the given sentences (one paragraph each), as the loader would give it."""
    text = "\n\n".join(sentences)
    rows, pos = [], 0
    for i, sentence in enumerate(sentences):
        rows.append({"article_id": article_id, "sentence_id": i, "start": pos, "end": pos + len(sentence),
                     "text": sentence, "kind": "body", "paragraph": i})
        pos += len(sentence) + 2
    articles = pd.DataFrame([{"article_id": article_id, "title": sentences[0], "published": published,
                              "event_date": None, "text": text}])
    return articles, pd.DataFrame(rows)


def refs(*sentences: str, published: str | None = None) -> pd.DataFrame:
    return extract_references(*frames(*sentences, published=published))


def one(sentence: str, published: str | None = None) -> dict:
    out = refs(sentence, published=published)
    assert len(out) == 1, f"expected one reference in {sentence!r}, got {out[['kind', 'number']].to_dict('records')}"
    return out.iloc[0].to_dict()


def assert_spans(articles: pd.DataFrame, out: pd.DataFrame):
    texts = dict(zip(articles["article_id"], articles["text"]))
    for row in out.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.surface


# ----------------------------------------------------------------------------- seeds

def test_seed_references_match_the_gold(seed_load, gold):
    out = extract_references(seed_load.articles, seed_load.sentences)
    assert list(out.columns) == COLUMNS
    for article_id, entry in gold.items():
        got = {(r.kind, r.number) for r in out[out.article_id == article_id].itertuples()}
        want = {(g["kind"], g["number"]) for g in entry["references"]}
        assert got == want, article_id


def test_seed_dates_issuers_and_links_follow_the_text(seed_load, gold):
    out = extract_references(seed_load.articles, seed_load.sentences)
    for article_id, entry in gold.items():
        rows = {(r["kind"], r["number"]): r for r in out[out.article_id == article_id].to_dict("records")}
        for g in entry["references"]:
            row = rows[(g["kind"], g["number"])]
            if g.get("date"):
                assert row["date"] == g["date"], (article_id, g["number"])
            if g.get("issuer"):
                assert row["issuer"] == g["issuer"], (article_id, g["number"])
    seed_002 = out[out.article_id.str.startswith("002")].set_index("kind")
    assert seed_002.loc["de_an", "linked_ref_id"] == seed_002.loc["quyet_dinh", "ref_id"]
    assert seed_002.loc["quyet_dinh", "linked_ref_id"] == seed_002.loc["de_an", "ref_id"]
    assert seed_002.loc["quy_che", "alias"] == "Quy chế phối hợp số 303"
    assert seed_002.loc["quy_che", "mentions"] == 2
    assert seed_002.loc["nghi_quyet", "alias"] == "Nghị quyết số 12/NQ-TW"


def test_seed_spans_slice_to_the_surface(seed_load):
    out = extract_references(seed_load.articles, seed_load.sentences)
    assert len(out)
    assert_spans(seed_load.articles, out)
    sentences = seed_load.sentences.set_index(["article_id", "sentence_id"])
    for row in out.itertuples():
        sentence = sentences.loc[(row.article_id, row.sentence_id)]
        assert sentence.start <= row.start and row.end <= sentence.end


def test_ref_ids_are_stable_across_articles(seed_load):
    out = extract_references(seed_load.articles, seed_load.sentences)
    ids = out.groupby(["kind", "number"])["ref_id"].nunique()
    assert (ids == 1).all(), ids[ids > 1]


# ----------------------------------------------------------------------------- sentences of the genre

@pytest.mark.parametrize("sentence, kind, number, issuer, date, year", [
    ("Các đơn vị quán triệt Nghị quyết số 51-NQ/TW ngày 05/7/2019 của Bộ Chính trị về Chiến lược bảo vệ an ninh quốc gia.",
     "nghi_quyet", "51-NQ/TW", "Bộ Chính trị", "2019-07-05", 2019),
    ("Tiếp tục thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
     "chi_thi", "05-CT/TW", "Bộ Chính trị", None, 2016),
    ("Triển khai Nghị định 13/2023/NĐ-CP của Chính phủ về bảo vệ dữ liệu cá nhân.",
     "nghi_dinh", "13/2023/NĐ-CP", "Chính phủ", None, 2023),
    ("Công an tỉnh ban hành Kế hoạch số 15/KH-CAT ngày 02/3/2024 triển khai công tác năm 2024.",
     "other", "15/KH-CAT", None, "2024-03-02", 2024),
    ("Thực hiện Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị.",
     "ket_luan", "14-KL/TW", "Bộ Chính trị", "2021-09-22", 2021),
    ("Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ.",
     "quyet_dinh", "06/QĐ-TTg", "Thủ tướng Chính phủ", "2022-01-06", 2022),
    ("Hai đơn vị sơ kết Quy chế phối hợp số 125/QCPH ngày 12 tháng 5 năm 2021 giữa hai lực lượng.",
     "quy_che", "125/QCPH", None, "2021-05-12", 2021),
    ("Công an huyện tuyên truyền Luật Căn cước 2023 đến từng hộ dân.",
     "luat", "26/2023/QH15", "Quốc hội", None, 2023),
    ("Hướng dẫn thi hành Luật số 26/2023/QH15 của Quốc hội.",
     "luat", "26/2023/QH15", "Quốc hội", None, 2023),
    ("Quán triệt Thông tư số 59/2021/TT-BCA của Bộ trưởng Bộ Công an.",
     "other", "59/2021/TT-BCA", "Bộ Công an", None, 2021),
    ("Thực hiện Chỉ thị số 18-CT/TW ngày 26/10/2022 của Ban Bí thư.",
     "chi_thi", "18-CT/TW", "Ban Bí thư", "2022-10-26", 2022),
    ("Tỉnh ủy ban hành Nghị quyết số 09-NQ/TU về phát triển kinh tế biển.",
     "nghi_quyet", "09-NQ/TU", None, None, None),
    ("Thực hiện Quy định số 66-QĐ/TW của Ban Chấp hành Trung ương về thể thức văn bản của Đảng.",
     "other", "66-QĐ/TW", "Ban Chấp hành Trung ương", None, None),
    ("Thông báo kết luận số 14-KL/TW của Bộ Chính trị được quán triệt.",
     "ket_luan", "14-KL/TW", "Bộ Chính trị", None, 2021),
    # a joint circular: its kind words are longer than "Thông tư", and "&" joins two bodies inside one code part
    ("Thực hiện Thông tư liên tịch số 01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC, hai ngành tăng cường trao đổi thông tin.",
     "other", "01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC", None, None, 2017),
    ("Theo Thông tư liên tịch số 02/2021/TTLT-BCA-VKSNDTC về phối hợp giải quyết nguồn tin về tội phạm.",
     "other", "02/2021/TTLT-BCA-VKSNDTC", None, None, 2021),
])
def test_numbered_documents(sentence, kind, number, issuer, date, year):
    row = one(sentence)
    assert (row["kind"], row["number"], row["issuer"], row["date"]) == (kind, number, issuer, date)
    assert (None if pd.isna(row["year"]) else int(row["year"])) == year


@pytest.mark.parametrize("written, normalised", [
    ("12/NQ-TW", "12-NQ/TW"), ("12-NQ/TW", "12-NQ/TW"), ("12-NQ/TƯ", "12-NQ/TW"), ("35/NQ-TƯ", "35-NQ/TW"),
    ("06/QĐ-TTg", "06/QĐ-TTg"), ("13/2023/NĐ-CP", "13/2023/NĐ-CP"), ("303/QCPH", "303/QCPH"), ("22/NQ-ĐU", "22-NQ/ĐU"),
])
def test_number_spellings_fold(written, normalised):
    assert normalise_number(written) == normalised


def test_variant_spelling_is_kept_as_alias():
    row = one("Quán triệt Nghị quyết số 12/NQ-TW của Bộ Chính trị.", published="2023-05-01")
    assert row["number"] == "12-NQ/TW" and row["alias"] == "Nghị quyết số 12/NQ-TW"
    row = one("Quán triệt Nghị quyết số 12-NQ/TW của Bộ Chính trị.", published="2023-05-01")
    assert row["alias"] is None


def test_bare_number_later_in_the_article_is_the_same_document():
    out = refs("Hội nghị sơ kết Quy chế phối hợp số 303/QCPH ngày 29/10/2020 về bảo đảm an ninh, trật tự.",
               "Việc ký kết Quy chế phối hợp số 303 thể hiện quyết tâm của lực lượng Công an 07 tỉnh, thành phố.")
    assert len(out) == 1
    row = out.iloc[0]
    assert (row["number"], row["mentions"], row["alias"], row["date"]) == ("303/QCPH", 2, "Quy chế phối hợp số 303", "2020-10-29")


def test_bare_party_number_resolves_to_the_known_document():
    row = one("Các đơn vị thực hiện nghiêm Chỉ thị 05 của Bộ Chính trị.")
    assert (row["kind"], row["number"]) == ("chi_thi", "05-CT/TW")


def test_programme_and_its_decision_are_linked_both_ways():
    out = refs("Đẩy mạnh thực hiện Đề án 06 của Chính phủ.",
               "Thực hiện Quyết định số 06/QĐ-TTg của Thủ tướng Chính phủ.").set_index("kind")
    assert out.loc["de_an", "number"] == "06" and out.loc["de_an", "issuer"] == "Chính phủ"
    assert out.loc["de_an", "alias"] == "Đề án 06"
    assert out.loc["de_an", "linked_ref_id"] == out.loc["quyet_dinh", "ref_id"]
    assert out.loc["quyet_dinh", "linked_ref_id"] == out.loc["de_an", "ref_id"]


@pytest.mark.parametrize("sentence", [
    "Tiếp tục triển khai Đề án 06/CP trên địa bàn tỉnh.",
    "Công an xã triển khai Đề án số 06 tại các thôn.",
    "Tiếp tục thực hiện Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử.",
])
def test_programme_spellings(sentence):
    row = one(sentence)
    assert (row["kind"], row["number"], row["alias"]) == ("de_an", "06", "Đề án 06")


@pytest.mark.parametrize("published, sentence, year", [
    ("2023-06-10", "Thực hiện Nghị quyết 12-NQ/TW của Bộ Chính trị.", 2022),
    ("2015-04-02", "Thực hiện Nghị quyết 12-NQ/TW của Trung ương.", 2012),
    (None, "Tiếp tục thực hiện Nghị quyết 12-NQ/TW về một số vấn đề cấp bách về xây dựng Đảng hiện nay.", 2012),
    ("2024-01-05", "Thực hiện Nghị quyết số 12-NQ/TW ngày 16/01/2012 của Ban Chấp hành Trung ương.", 2012),
    (None, "Thực hiện Nghị quyết 12-NQ/TW về xây dựng lực lượng Công an nhân dân.", 2022),
    ("2016-03-01", "Quán triệt Nghị quyết 22-NQ/TW của Bộ Chính trị.", 2013),
])
def test_ambiguous_number_is_resolved_by_date_cue_or_article_date(published, sentence, year):
    row = one(sentence, published=published)
    assert int(row["year"]) == year
    assert row["ref_id"].endswith(str(year))


def test_ambiguous_number_without_any_clue_has_no_year():
    row = one("Các đơn vị quán triệt Nghị quyết 12-NQ/TW.")
    assert pd.isna(row["year"])


def test_subject_after_the_document_is_its_title():
    row = one("Triển khai Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị về \"Chủ trương khuyến khích và bảo vệ cán bộ năng động\".")
    assert row["title"] == "Chủ trương khuyến khích và bảo vệ cán bộ năng động"
    row = one("Thực hiện Kế hoạch số 20/KH-CAT về tăng cường công tác tuần tra; kiểm soát địa bàn.")
    assert row["title"] == "về tăng cường công tác tuần tra"


@pytest.mark.parametrize("sentence", [
    "Quán triệt, thực hiện tốt các Nghị quyết của Đảng về chiến lược bảo vệ Tổ quốc trong tình hình mới.",
    "Lễ ký kết Quy chế phối hợp giữa Công an TP Cần Thơ và Bộ Tư lệnh Cảnh vệ.",
    "Cụm thi đua số 6 ký giao ước thi đua năm 2024.",
    "Chiều 12/9/2022, hội nghị sơ kết 02 năm diễn ra tại TP. Hồ Chí Minh.",
    "Luật sư Nguyễn Văn A tham gia bào chữa cho bị can.",
    "Đại hội Đảng toàn quốc lần thứ XIV, nhiệm kỳ 2025-2030.",
    "Tăng cường tối đa lực lượng tham gia tuyến đầu chống dịch Covid-19.",
    "Đội 2 - Phòng Cảnh sát hình sự phối hợp triệt phá đường dây.",
    "Tỉnh xây dựng kế hoạch 5 năm về phát triển lực lượng.",
    "Cơ quan điều tra thông báo 3 đối tượng bị truy nã.",
    "Chương trình 3 ngày gồm nhiều hoạt động giao lưu.",
])
def test_not_references(sentence):
    assert refs(sentence).empty


def test_each_document_is_one_row_per_article_with_its_mentions():
    out = refs("Thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị.",
               "Quán triệt Nghị quyết 12-NQ/TW trong toàn lực lượng.",
               "Tiếp tục thực hiện Nghị quyết 12 của Bộ Chính trị.")
    assert len(out) == 1 and out.iloc[0]["mentions"] == 3 and out.iloc[0]["sentence_id"] == 0


def test_spans_of_written_sentences():
    articles, sentences = frames("Triển khai Nghị định 13/2023/NĐ-CP và Luật Căn cước 2023.",
                                 "Thực hiện Đề án 06 của Chính phủ, Chỉ thị 05-CT/TW, Kế hoạch số 15/KH-CAT.")
    out = extract_references(articles, sentences)
    assert len(out) == 5
    assert_spans(articles, out)


@pytest.mark.parametrize("kind", DATA_KINDS := sorted({e["kind"] for e in yaml.safe_load(paths.data_file("references.yaml").read_text(encoding="utf-8"))["kinds"]}))
def test_bare_number_without_so_only_for_document_kinds(kind):
    data = yaml.safe_load(paths.data_file("references.yaml").read_text(encoding="utf-8"))
    word = next(e["words"][0] for e in data["kinds"] if e["kind"] == kind)
    found = refs(f"Các đơn vị quán triệt {word} 45 trong toàn lực lượng.")
    assert (len(found) == 1) == (kind in data["bare_number_kinds"]), word
    lower = refs(f"Các đơn vị quán triệt {word.lower()} 45 trong toàn lực lượng.")
    assert lower.empty, "a lower-case kind word is a common noun, not a document name"
    with_so = refs(f"Các đơn vị quán triệt {word.lower()} số 45 trong toàn lực lượng.")
    assert len(with_so) == 1


# ----------------------------------------------------------------------------- every rule-data entry

DATA = yaml.safe_load(paths.data_file("references.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", DATA["kinds"], ids=lambda e: e["kind"])
def test_each_kind_word_before_a_number(entry):
    for word in entry["words"]:
        row = one(f"Công an tỉnh tổ chức quán triệt {word} số 27/KH-BCA ngày 10/4/2024 đến toàn thể cán bộ, chiến sĩ.")
        assert row["date"] == "2024-04-10"
        assert row["kind"] == (entry["kind"] if entry["kind"] != "other" else "other"), word


@pytest.mark.parametrize("sentence, number", [
    ("Hai bên tổ chức Hội nghị triển khai Kế hoạch phối hợp số 05/KHPH về đấu tranh phòng, chống tội phạm.", "05/KHPH"),
    ("Ba lực lượng triển khai Kế hoạch phối hợp số 214/KHPH-CAT-BĐBP-HQ về phòng, chống buôn lậu.", "214/KHPH-CAT-BĐBP-HQ"),
])
def test_a_numbered_cooperation_plan_is_a_reference(sentence, number):
    row = one(sentence)
    assert (row["kind"], row["number"]) == ("other", number)


@pytest.mark.parametrize("code, kind", sorted(DATA["codes"].items()))
def test_each_type_code_alone_gives_the_kind(code, kind):
    body = "TW" if code in ("NQ", "KL", "CT", "HD", "TB", "KH", "QĐi") else "BCA"
    number = f"17-{code}/{body}" if body == "TW" else f"17/{code}-{body}"
    if code == "QH":
        number = "17/2024/QH15"
    row = one(f"Các đơn vị tiếp tục thực hiện nghiêm túc văn bản {number} trong thời gian tới.")
    assert row["kind"] == kind


@pytest.mark.parametrize("entry", DATA["issuers"], ids=lambda e: e["name"])
def test_each_issuer_spelling(entry):
    for spelling in entry["spellings"]:
        row = one(f"Triển khai Chỉ thị số 08-CT/TW ngày 04/5/2021 của {spelling} về công tác bảo đảm an ninh.")
        assert row["issuer"] == entry["name"], spelling


@pytest.mark.parametrize("entry", DATA["issuer_codes"], ids=lambda e: e["issuer"])
def test_each_issuer_code(entry):
    last = {"TTg": "QĐ-TTg", "CP": "NĐ-CP", "QH\\d*": "QH15", "BCA": "TT-BCA", "HĐND": "NQ-HĐND", "UBND": "QĐ-UBND"}[entry["code"]]
    row = one(f"Các đơn vị triển khai văn bản số 45/2024/{last} trong toàn lực lượng.")
    assert row["issuer"] == entry["issuer"]


@pytest.mark.parametrize("written, body", sorted(DATA["party_bodies"].items()))
def test_each_party_body_folds(written, body):
    row = one(f"Quán triệt Nghị quyết số 33/NQ-{written} trong toàn Đảng bộ.")
    assert row["number"] == f"33-NQ/{body}"


@pytest.mark.parametrize("name", DATA["laws"])
def test_each_law_name(name):
    row = one(f"Công an xã tuyên truyền Luật {name} năm 2020 đến người dân.")
    assert row["kind"] == "luat" and "Luật" in row["surface"]


@pytest.mark.parametrize("doc", DATA["documents"], ids=lambda d: f"{d['number']}@{d['date']}")
def test_each_known_document_is_found_by_its_date(doc):
    d = pd.Timestamp(doc["date"])
    word = {"nghi_quyet": "Nghị quyết", "quyet_dinh": "Quyết định", "ket_luan": "Kết luận", "chi_thi": "Chỉ thị",
            "nghi_dinh": "Nghị định", "luat": "Luật"}[doc["kind"]]
    row = one(f"Thực hiện {word} số {doc['number']} ngày {d.day}/{d.month}/{d.year} trong toàn lực lượng.")
    assert (row["number"], row["year"], row["title"]) == (doc["number"], d.year, doc["title"])
    assert row["issuer"] == doc["issuer"]


# ----------------------------------------------------------------------------- rule data validation

def test_rule_data_errors_name_the_file_and_the_entry():
    data = yaml.safe_load(paths.data_file("references.yaml").read_text(encoding="utf-8"))
    bad = copy.deepcopy(data)
    bad["kinds"].append({"words": ["Nghị quyết liên tịch"], "kind": "nghi_quyet_lien_tich"})
    with pytest.raises(RuleDataError, match=r"references\.yaml.*kinds\[\d+\].*nghi_quyet_lien_tich"):
        compile_rules(bad, "references.yaml")
    bad = copy.deepcopy(data)
    bad["documents"][0]["date"] = "16/3/2022"
    with pytest.raises(RuleDataError, match=r"documents\[0\].*16/3/2022"):
        compile_rules(bad, "references.yaml")
    bad = copy.deepcopy(data)
    del bad["programmes"][0]["trigger"]
    with pytest.raises(RuleDataError, match="trigger"):
        compile_rules(bad, "references.yaml")


def test_shipped_rule_data_loads():
    assert rules()["documents"]
    assert paths.data_file("references.yaml").read_text(encoding="utf-8").startswith("#")


def test_unordered_and_broken_sentences_are_handled():
    a1, s1 = frames("Thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị.", "Quán triệt Đề án 06.", article_id="a1")
    a2, s2 = frames("Triển khai Chỉ thị 05-CT/TW.", article_id="a2")
    sentences = pd.concat([s1.iloc[[1]], s2, s1.iloc[[0]]], ignore_index=True)
    sentences.loc[len(sentences)] = {"article_id": "a2", "sentence_id": 1, "start": 40, "end": 40, "text": None, "kind": "body", "paragraph": 1}
    out = extract_references(pd.concat([a1, a2]), sentences)
    assert sorted(zip(out.article_id, out.number)) == [("a1", "06"), ("a1", "12-NQ/TW"), ("a2", "05-CT/TW")]
    assert_spans(pd.concat([a1, a2]), out)


# ----------------------------------------------------------------------------- variants of the genre

@pytest.mark.parametrize("sentences, kind, number", [
    # a short citation later in the article is the document cited in full before
    (("Quán triệt Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị.", "Sau 2 năm thực hiện Nghị quyết 12, lực lượng có nhiều chuyển biến."),
     "nghi_quyet", "12-NQ/TW"),
    (("Đảng ủy Công an tỉnh quán triệt Nghị quyết số 12-NQ/TW.", "Việc thực hiện NQ 12 được gắn với phong trào thi đua."), "nghi_quyet", "12-NQ/TW"),
    (("Công an xã đẩy mạnh thực hiện NQ 12 của Bộ Chính trị.",), "nghi_quyet", "12-NQ/TW"),
    (("Các đơn vị triển khai Quyết định 06 của Thủ tướng Chính phủ.",), "quyet_dinh", "06/QĐ-TTg"),
    (("Tiếp tục thực hiện QĐ 06/QĐ-TTg về phát triển ứng dụng dữ liệu dân cư.",), "quyet_dinh", "06/QĐ-TTg"),
    (("Thực hiện NĐ 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.",), "nghi_dinh", "13/2023/NĐ-CP"),
    (("Quán triệt Thông tư số 17/2023/TT-BCA của Bộ trưởng Bộ Công an.",), "other", "17/2023/TT-BCA"),
    (("Tuyên truyền Luật Căn cước năm 2023 đến từng hộ gia đình.",), "luat", "26/2023/QH15"),
    (("Công an tỉnh ban hành Kế hoạch số 123/KH-CAT-PV01 về bảo đảm an ninh dịp Tết.",), "other", "123/KH-CAT-PV01"),
    (("Các đơn vị thực hiện nghiêm Chỉ thị 05 của Bộ Chính trị.",), "chi_thi", "05-CT/TW"),
    (("Thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị.",), "ket_luan", "01-KL/TW"),
    (("HĐND tỉnh ban hành Nghị quyết 12/2023/NQ-HĐND về hỗ trợ lực lượng bảo vệ an ninh, trật tự ở cơ sở.",
      "Đến nay, 100% thành viên được hưởng chế độ theo Nghị quyết 12."), "nghi_quyet", "12/2023/NQ-HĐND"),
])
def test_citation_variants_are_one_document(sentences, kind, number):
    out = refs(*sentences)
    assert [(r.kind, r.number) for r in out.itertuples()] == [(kind, number)]
    assert out.iloc[0]["mentions"] == len(sentences)
    assert out.iloc[0]["kind"] in ("nghi_quyet", "quyet_dinh", "ket_luan", "chi_thi", "de_an", "quy_che", "nghi_dinh", "luat", "other")


def test_a_provincial_council_resolution_has_its_issuer_and_is_not_the_politburo_one():
    row = one("HĐND tỉnh ban hành Nghị quyết 12/2023/NQ-HĐND về chế độ cho lực lượng dân phòng.")
    assert (row["kind"], row["number"], row["issuer"], row["year"]) == ("nghi_quyet", "12/2023/NQ-HĐND", "Hội đồng nhân dân", 2023)
    row = one("Thực hiện Nghị quyết số 35-NQ/TU ngày 05/9/2023 của Ban Thường vụ Tỉnh ủy.")
    assert (row["number"], row["issuer"], row["date"]) == ("35-NQ/TU", "Ban Thường vụ Tỉnh ủy", "2023-09-05")


def test_a_short_form_before_a_full_number_is_part_of_the_mention():
    row = one("Tiếp tục thực hiện QĐ 06/QĐ-TTg của Thủ tướng Chính phủ.")
    assert row["surface"] == "QĐ 06/QĐ-TTg" and row["kind"] == "quyet_dinh"


@pytest.mark.parametrize("sentence, surface, kind, number", [
    ("NQ 12 được quán triệt đến toàn thể đảng viên.", "NQ 12", "nghi_quyet", "12-NQ/TW"),
    ("Luật 26/2023/QH15 có hiệu lực từ ngày 01/7/2024.", "Luật 26/2023/QH15", "luat", "26/2023/QH15"),
    ("Các đơn vị triển khai (QĐ 06) trong toàn lực lượng.", "QĐ 06", "quyet_dinh", "06/QĐ-TTg"),
    ("Căn cứ Quyết định số:  15/QĐ-UBND của UBND tỉnh.", "Quyết định số:  15/QĐ-UBND", "quyet_dinh", "15/QĐ-UBND"),
])
def test_kind_word_at_a_sentence_start_or_after_a_bracket(sentence, surface, kind, number):
    out = refs("Công an tỉnh tổ chức hội nghị.", sentence)
    row = out.iloc[0]
    assert (row["surface"], row["kind"], row["number"]) == (surface, kind, number)


def test_a_named_law_with_its_number_is_one_reference():
    row = one("Hai bên tuyên truyền Luật Phòng, chống mua bán người số 53/2024/QH15 có hiệu lực từ ngày 1/7/2025.")
    assert (row["kind"], row["number"], row["title"]) == ("luat", "53/2024/QH15", "Luật Phòng, chống mua bán người")
