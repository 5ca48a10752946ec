"""Themes: every theme's examples, the catalogue rule, seeds against the gold, provenance."""
from __future__ import annotations

import copy

import pandas as pd
import pytest
import yaml

from analysis import paths
from analysis.themes import (
    COLUMNS, CONTRACT_THEMES, RuleDataError, compile_rules, extract_themes, rules, sentence_hits,
)

DATA = yaml.safe_load(paths.data_file("themes.yaml").read_text(encoding="utf-8"))


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


def themes_of(*sentences: str) -> set[str]:
    return set(extract_themes(*frames(*sentences))["theme"])


# ----------------------------------------------------------------------------- the data file

def test_every_contract_theme_has_labels_keywords_and_examples():
    contract = (paths.SHARED / "contract" / "themes.md")
    if contract.exists():
        slugs = {line.split("|")[1].strip() for line in contract.read_text(encoding="utf-8").splitlines()
                 if line.startswith("| ") and not line.startswith("| slug")}
        assert slugs == set(CONTRACT_THEMES)
    assert set(DATA["themes"]) == set(CONTRACT_THEMES)
    for slug, entry in DATA["themes"].items():
        assert entry["vi"] and entry["en"] and entry["keywords"], slug
        assert entry["examples"]["positive"] and entry["examples"]["negative"], slug


POSITIVE = [(slug, s) for slug, e in DATA["themes"].items() for s in e["examples"]["positive"]]
NEGATIVE = [(slug, s) for slug, e in DATA["themes"].items() for s in e["examples"]["negative"]]


@pytest.mark.parametrize("slug, sentence", POSITIVE)
def test_positive_examples_give_the_theme(slug, sentence):
    assert slug in themes_of(sentence)


@pytest.mark.parametrize("slug, sentence", NEGATIVE)
def test_negative_examples_do_not(slug, sentence):
    assert slug not in themes_of(sentence)


KEYWORDS = [(slug, float(w), p) for slug, e in DATA["themes"].items() for w, ps in e["keywords"].items() for p in ps]


@pytest.mark.parametrize("slug, weight, phrase", KEYWORDS)
def test_each_keyword_is_found_as_a_whole_phrase(slug, weight, phrase):
    sentence = f"Hội nghị đã dành thời gian thảo luận về {phrase} trên địa bàn tỉnh."
    hits = [h for h in sentence_hits(sentence) if h["theme"] == slug]
    assert hits, phrase
    assert max(h["weight"] for h in hits) >= weight
    glued = f"Hội nghị thảo luận về x{phrase}x trên địa bàn."
    assert not [h for h in sentence_hits(glued) if h["theme"] == slug and glued[h["s"]:h["e"]].lower() == phrase.lower()]


@pytest.mark.parametrize("slug, phrase", [(s, p) for s, e in DATA["themes"].items() for p in e.get("exclude") or []])
def test_each_exclusion_cancels_its_theme(slug, phrase):
    sentence = f"Đoàn công tác ghé thăm {phrase} vào chiều cùng ngày."
    overlapping = [h for h in sentence_hits(sentence) if h["theme"] == slug
                   and sentence.find(phrase) <= h["s"] < sentence.find(phrase) + len(phrase)]
    assert not overlapping


def test_comma_phrases_also_match_without_the_comma():
    assert "ma_tuy" in themes_of("Ký kết biên bản hợp tác phòng chống ma túy năm 2024.")
    assert "phong_chong_toi_pham" in themes_of("Đấu tranh phòng chống tội phạm trên tuyến biên giới.")


# ----------------------------------------------------------------------------- the rule

def test_a_catalogue_of_crime_types_names_without_discussing():
    found = themes_of("Làm tốt công tác phòng ngừa, xử lý nghiêm minh các loại tội phạm, đặc biệt là tội phạm có tổ chức, "
                      "xuyên quốc gia, các loại tội phạm kinh tế, tham nhũng, ma túy, sử dụng công nghệ cao...")
    assert "phong_chong_toi_pham" in found
    assert not found & {"kinh_te_tham_nhung", "ma_tuy", "cong_nghe_cao"}


def test_a_run_about_one_theme_is_a_clause_about_it():
    found = themes_of("Tập trung điều tra, xử lý các hành vi gian lận thương mại, tài chính, ngân hàng, buôn lậu và buôn bán hàng giả, tội phạm kinh tế, tham nhũng.")
    assert "kinh_te_tham_nhung" in found


def test_catalogue_hits_are_discounted_not_dropped():
    sentence = "Trấn áp các loại tội phạm hình sự, ma túy, tham nhũng, công nghệ cao."
    hits = {h["theme"]: h for h in sentence_hits(sentence)}
    factor = DATA["catalogue_factor"]
    assert hits["ma_tuy"]["weight"] == pytest.approx(factor)
    assert hits["ma_tuy"].get("catalogue")


def test_the_same_theme_discussed_in_its_own_clause_survives_a_catalogue_elsewhere():
    found = themes_of("Xử lý nghiêm các loại tội phạm kinh tế, tham nhũng, ma túy, sử dụng công nghệ cao.",
                      "Hai bên ký kết kế hoạch phối hợp phòng, chống ma túy trên tuyến biên giới.")
    assert "ma_tuy" in found and "cong_nghe_cao" not in found


def test_passing_words_add_up_only_when_repeated():
    one = "Góp phần mở rộng quan hệ đối ngoại của đất nước."
    assert "doi_ngoai_bien_gioi" not in themes_of(one)
    assert "doi_ngoai_bien_gioi" not in themes_of(one, "Là bước phát triển mới trong quan hệ đối ngoại giữa hai địa phương.")
    assert "doi_ngoai_bien_gioi" in themes_of(one, "Phát triển quan hệ đối ngoại.", "Đẩy mạnh công tác đối ngoại.",
                                               "Mở rộng quan hệ đối ngoại với các địa phương.")


def test_a_caption_repeating_the_body_counts_once():
    sentence = "Công an tỉnh phát động ủng hộ Quỹ khuyến học."  # "ủng hộ" weighs 0.5
    assert "an_sinh_xa_hoi" not in themes_of(sentence, sentence)


def test_overlapping_phrases_of_one_theme_count_once():
    hits = [h for h in sentence_hits("Hai bên hợp tác phòng, chống ma túy tổng hợp.") if h["theme"] == "ma_tuy"]
    assert len(hits) == 1


# ----------------------------------------------------------------------------- seeds

def test_seed_themes_match_the_gold(seed_load, gold):
    out = extract_themes(seed_load.articles, seed_load.sentences)
    assert list(out.columns) == COLUMNS
    for article_id, entry in gold.items():
        assert set(out[out.article_id == article_id]["theme"]) == set(entry["themes"]), article_id


def test_seed_evidence_points_into_the_text(seed_load):
    out = extract_themes(seed_load.articles, seed_load.sentences)
    texts = dict(zip(seed_load.articles.article_id, seed_load.articles.text))
    sentences = seed_load.sentences.set_index(["article_id", "sentence_id"])
    for row in out.itertuples():
        sentence = sentences.loc[(row.article_id, row.sentence_id)]
        assert row.evidence == sentence.text
        assert sentence.start <= row.start < row.end <= sentence.end
        assert texts[row.article_id][row.start:row.end] == sentence.text[row.start - sentence.start:row.end - sentence.start]
        assert row.hits >= 1 and row.score >= DATA["threshold"]
        assert (row.label_vi, row.label_en) == (DATA["themes"][row.theme]["vi"], DATA["themes"][row.theme]["en"])


def test_rows_are_one_per_article_and_theme(seed_load):
    out = extract_themes(seed_load.articles, seed_load.sentences)
    assert not out.duplicated(["article_id", "theme"]).any()


def test_empty_input_gives_the_columns():
    articles, sentences = frames("x")
    out = extract_themes(articles, sentences.iloc[0:0])
    assert list(out.columns) == COLUMNS and out.empty


# ----------------------------------------------------------------------------- validation

def test_rule_data_errors_name_the_file_and_the_entry():
    bad = copy.deepcopy(DATA)
    bad["themes"]["an_ninh_mang"] = bad["themes"].pop("cong_nghe_cao")
    with pytest.raises(RuleDataError, match=r"themes\.yaml.*an_ninh_mang"):
        compile_rules(bad, "themes.yaml")
    bad = copy.deepcopy(DATA)
    bad["themes"]["pccc"]["keywords"] = {"nặng": ["cháy"]}
    with pytest.raises(RuleDataError, match=r"themes\.pccc\.keywords\.nặng"):
        compile_rules(bad, "themes.yaml")
    bad = copy.deepcopy(DATA)
    del bad["themes"]["covid19"]["examples"]
    with pytest.raises(RuleDataError, match=r"themes\.covid19.*examples"):
        compile_rules(bad, "themes.yaml")
    bad = copy.deepcopy(DATA)
    del bad["threshold"]
    with pytest.raises(RuleDataError, match="threshold"):
        compile_rules(bad, "themes.yaml")


def test_shipped_rule_data_loads():
    assert rules()["threshold"] == DATA["threshold"]
    assert paths.data_file("themes.yaml").read_text(encoding="utf-8").startswith("#")


def test_unordered_and_broken_sentences_are_handled():
    a1, s1 = frames("Hai bên ký kết kế hoạch phòng, chống ma túy.", "Tổ chức giao lưu văn nghệ, thể thao.", article_id="a1")
    a2, s2 = frames("Bảo đảm trật tự an toàn giao thông dịp Tết.", article_id="a2")
    sentences = pd.concat([s1.iloc[[1]], s2, s1.iloc[[0]]], ignore_index=True)
    sentences.loc[len(sentences)] = {"article_id": "a2", "sentence_id": 1, "start": 50, "end": 50, "text": None, "kind": "body", "paragraph": 1}
    out = extract_themes(pd.concat([a1, a2]), sentences)
    assert sorted(zip(out.article_id, out.theme)) == [("a1", "ma_tuy"), ("a1", "van_hoa_the_thao"), ("a2", "giao_thong")]
    assert out.set_index("theme").loc["ma_tuy", "sentence_id"] == 0


@pytest.mark.parametrize("filler", DATA["item_fillers"])
def test_each_item_opener_does_not_count_towards_the_item_length(filler):
    from analysis.themes import _items
    r = rules()
    item = f"{filler} ma túy tổng hợp mới".lower()  # 5 words after the opener, more with it
    assert len(item.split()) > r["item_words"] >= 5
    sentence = f"xử lý nghiêm, {item}; tiếp tục"
    items = _items(sentence, r["filler_re"], r["item_words"])
    assert any(sentence[s:e].strip() == item and short for s, e, short, _ in items), filler


# ----------------------------------------------------------------------------- rules added for the genre

@pytest.mark.parametrize("sentence", [
    "HĐND tỉnh thông qua Nghị quyết 12/2023/NQ-HĐND quy định mức chi cho lực lượng dân phòng.",
    "Ban Thường vụ Huyện ủy ban hành Nghị quyết số 12-NQ/HU về phát triển du lịch.",
    "Thực hiện Nghị quyết số 12/2024/NQ-HĐND ngày 10/7/2024.",
])
def test_a_phrase_ending_in_a_number_does_not_match_a_longer_number(sentence):
    assert "nghi_quyet_12" not in themes_of(sentence)


@pytest.mark.parametrize("sentence", [
    "Quán triệt Nghị quyết 12-NQ/TW đến toàn thể cán bộ, chiến sĩ.",
    "Tiếp tục thực hiện Nghị quyết 12 của Bộ Chính trị.",
    "Sơ kết 2 năm thực hiện Nghị quyết số 12/NQ-TW.",
])
def test_resolution_12_of_the_politburo_is_still_found(sentence):
    assert "nghi_quyet_12" in themes_of(sentence)


def test_a_resolution_12_elsewhere_in_the_article_is_not_the_politburo_one():
    found = themes_of("Công an tỉnh triển khai Nghị quyết 12/2023/NQ-HĐND của HĐND tỉnh.",
                      "Đến nay đã có 1.500 thành viên tổ bảo vệ an ninh, trật tự được hưởng chế độ theo Nghị quyết 12 của HĐND tỉnh.")
    assert "nghi_quyet_12" not in found


@pytest.mark.parametrize("sentence", [
    "Hội Cựu chiến binh tỉnh tặng 60 nhà đồng đội với tổng kinh phí 3 tỷ đồng.",
    "Công an huyện hỗ trợ người nghèo xây dựng nhà đại đoàn kết.",
    "Nhân dịp Tết, đoàn trao tặng quà cho các gia đình chính sách.",
])
def test_houses_and_gifts_are_welfare(sentence):
    assert "an_sinh_xa_hoi" in themes_of(sentence)


def test_the_article_pass_gives_what_sentence_hits_give_sentence_by_sentence():
    """extract_themes resolves a whole article at once; it must agree with sentence_hits run on each sentence."""
    import random
    examples = [s for e in DATA["themes"].values() for k in ("positive", "negative") for s in e["examples"][k]]
    rng = random.Random(7)
    for trial in range(60):
        picked = rng.sample(examples, 4) + [rng.choice(examples)]  # the last may repeat one: counted once
        articles, sentences = frames(*picked, article_id=f"x{trial}")
        expected: dict[str, list] = {}
        seen = set()
        for row in sentences.itertuples():
            if row.text.strip() in seen:
                continue
            seen.add(row.text.strip())
            for h in sentence_hits(row.text):
                a = expected.setdefault(h["theme"], [0, 0.0, None])
                a[0] += 1
                a[1] += h["weight"]
                if a[2] is None or -h["weight"] < a[2][0]:
                    a[2] = (-h["weight"], row.sentence_id, row.start + h["s"], row.start + h["e"])
        want = {t: (n, round(sc, 3), b[1], b[2], b[3]) for t, (n, sc, b) in expected.items() if sc + 1e-9 >= DATA["threshold"]}
        got = {r.theme: (r.hits, r.score, r.sentence_id, r.start, r.end) for r in extract_themes(articles, sentences).itertuples()}
        assert got == want, picked
