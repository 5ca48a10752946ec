"""The loader on the five seeds (golden values checked by hand) and on articles of the same genre written here."""
from __future__ import annotations

import unicodedata

import pytest

from analysis import ruledata
from analysis.layout import is_caption, is_furniture, match_byline, match_credit_line, match_source, parse_layout, split_glued_credit
from analysis.loader import ARTICLE_COLUMNS, REPORT_COLUMNS, SENTENCE_COLUMNS, build_article, load_articles
from analysis.text import normalise_text

# Checked by hand against the seed files (see the sentence listing in the issue note).
GOLDEN = {
    "000_e25ca3fa2d6ec780": dict(
        title="Chiều 22-3, tại Công an tỉnh Thừa Thiên Huế diễn ra lễ ký kết chương trình phối hợp thực hiện công tác "
              "giữa Công an tỉnh Thừa Thiên Huế với Công an TPHCM và Công an TP Cần Thơ.",
        title_source="lead", published="2024-03", event_date="2024-03-22", n_sentences=15, n_captions=2,
        author="VĂN THẮNG", photo_credits=[]),
    "001_df5e52d94e631ff8": dict(
        title="Ngày 9.8, tại TP.Huế, Công an tỉnh Thừa Thiên - Huế và Công an 2 tỉnh Sê Kong và Salavan (Lào) đã tổ chức "
              "lễ ký kết biên bản hợp tác đảm bảo ANTT năm 2023, và sơ kết 1 năm thực hiện biên bản hợp tác phòng, chống "
              "ma túy giai đoạn 2022 - 2025.",
        title_source="lead", published="2023-08", event_date="2023-08-09", n_sentences=13, n_captions=2,
        author="N.X", photo_credits=["N.X"]),
    "002_262e6469bd3af320": dict(
        title="Tiếp tục triển khai hiệu quả công tác bảo đảm an ninh, trật tự địa bàn giáp ranh giữa Công an 07 tỉnh, thành phố",
        title_source="headline", published="2022-09-12", event_date="2022-09-12", n_sentences=26, n_captions=5,
        author="Phương Anh", photo_credits=[]),
    "003_9614a9f9b7b5dcb5": dict(
        title="Ký kết Qui chế phối hợp giữa Công an TP Cần Thơ và Bộ Tư lệnh Cảnh vệ",
        title_source="headline", published="2021-05-28", event_date="2021-05-28", n_sentences=29, n_captions=8,
        author="Văn Đức", photo_credits=[]),
    "004_71665bd45adc1e1f": dict(
        title="Cụm thi đua số 6 (Bộ Công an) ký giao ước thi đua “Vì an ninh Tổ quốc” năm 2024",
        title_source="headline", published="2024-03", event_date="2024-03-14", n_sentences=27, n_captions=4,
        author=None, photo_credits=[]),
}

# What must never be a sentence or inside one: page furniture, bylines, headers.
NOT_TEXT = ["Lượt xem", "Tìm kiếm", "Tin tức - Sự kiện", "Liên kết website", "VĂN THẮNG", "Phương Anh", "Văn Đức",
            "N.X", "date 2024", "date 2023", "12/09/2022", "Thứ Sáu, 28/05/2021"]


def _articles(seed_load):
    return seed_load.articles.set_index("article_id")


def test_every_seed_is_loaded_and_reported(seed_load):
    assert list(seed_load.report.columns) == REPORT_COLUMNS
    assert seed_load.report["status"].tolist() == ["loaded"] * 5
    assert seed_load.report["encoding"].tolist() == ["utf-8"] * 5
    assert sorted(seed_load.articles["article_id"]) == sorted(GOLDEN)
    assert list(seed_load.articles.columns) == ARTICLE_COLUMNS
    assert list(seed_load.sentences.columns) == SENTENCE_COLUMNS


@pytest.mark.parametrize("article_id", sorted(GOLDEN))
def test_seed_golden_values(seed_load, article_id):
    art = _articles(seed_load).loc[article_id]
    want = GOLDEN[article_id]
    for key in ("title", "title_source", "published", "event_date", "n_sentences", "author"):
        assert art[key] == want[key], key
    assert list(art["photo_credits"]) == want["photo_credits"]
    sents = seed_load.sentences[seed_load.sentences["article_id"] == article_id]
    assert (sents["kind"] == "caption").sum() == want["n_captions"]
    assert art["n_chars"] == len(art["text"])
    assert art["format"] == "txt" and len(art["sha256"]) == 64 and art["duplicate_of"] is None


def test_event_dates_equal_the_gold(seed_load, gold):
    arts = _articles(seed_load)
    for article_id, entry in gold.items():
        assert arts.loc[article_id, "event_date"] == entry["event_date"], article_id


def test_offsets_round_trip_on_every_seed(seed_load):
    texts = _articles(seed_load)["text"]
    for s in seed_load.sentences.itertuples():
        assert texts[s.article_id][s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text


def test_sentence_ids_paragraphs_and_kinds_are_consistent(seed_load):
    texts = _articles(seed_load)["text"]
    for article_id, sents in seed_load.sentences.groupby("article_id"):
        assert sents["sentence_id"].tolist() == list(range(len(sents)))
        assert sents["start"].is_monotonic_increasing
        blocks = texts[article_id].split("\n\n")
        assert sorted(set(sents["paragraph"])) == list(range(len(blocks)))
        for s in sents.itertuples():
            assert s.text in blocks[s.paragraph]            # never across blocks
            assert "\n" not in s.text
        assert set(sents["kind"]) <= {"title", "body", "caption"}


def test_title_block_comes_first_only_when_there_is_a_headline(seed_load):
    arts = _articles(seed_load)
    for article_id, sents in seed_load.sentences.groupby("article_id"):
        first = sents.iloc[0]
        if GOLDEN[article_id]["title_source"] == "headline":
            assert first["kind"] == "title" and first["text"] == arts.loc[article_id, "title"]
            assert arts.loc[article_id, "text"].startswith(arts.loc[article_id, "title"] + "\n\n")
            assert (sents["kind"] == "title").sum() == 1
        else:  # the lead's first sentence is the title, not repeated in the text
            assert first["kind"] == "body" and first["text"] == arts.loc[article_id, "title"]
            assert arts.loc[article_id, "text"].count(arts.loc[article_id, "title"]) == 1
        assert arts.loc[article_id, "lead"] == sents[sents["kind"] == "body"].iloc[0]["text"]


def test_no_sentence_holds_furniture_bylines_or_headers(seed_load):
    for text in seed_load.sentences["text"]:
        assert text not in {".", ""}
        for needle in NOT_TEXT:
            assert needle not in text, (needle, text)
    for text in seed_load.articles["text"]:
        for needle in NOT_TEXT:
            assert needle not in text, needle


def test_captions_stay_in_the_text(seed_load):
    s = seed_load.sentences
    caption = s[(s["article_id"] == "000_e25ca3fa2d6ec780") & s["text"].str.contains("100 triệu đồng")]
    assert caption[["kind", "text"]].values.tolist() == [["caption", "Công an TPHCM tặng Công an tỉnh Thừa Thiên Huế 100 triệu đồng"]]
    glued = s[(s["article_id"] == "001_df5e52d94e631ff8") & (s["kind"] == "caption")]["text"].tolist()
    assert glued == ["Lãnh đạo công an các tỉnh ký kết biên bản hợp tác đảm bảo ANTT năm 2023",
                     "Đoàn công tác công an 2 tỉnh của Lào thăm, làm việc với Bí thư Tỉnh ủy Thừa Thiên - Huế"]
    # Seed 003 opens with a photo caption: the lead is the paragraph after it.
    lead = _articles(seed_load).loc["003_9614a9f9b7b5dcb5", "lead"]
    assert lead.startswith("Ngày 28/5, tại Công an TP Cần Thơ diễn ra lễ ký kết")


def test_known_sentence_splits_on_the_seeds(seed_load):
    s = seed_load.sentences
    texts = s[s["article_id"] == "000_e25ca3fa2d6ec780"]["text"].tolist()
    assert texts[5].endswith("hợp tác tốt đẹp giữa 2 đơn vị.") and texts[6].startswith("Đồng thời, đề nghị công an 2 địa phương")
    assert texts[-1].endswith("Nghị quyết số 12-NQ/TW của Bộ Chính trị”.")
    texts = s[s["article_id"] == "002_262e6469bd3af320"]["text"].tolist()
    assert texts[1].startswith("Chiều 12/9/2022, tại TP. Hồ Chí Minh, Công an TP. Hồ Chí Minh phối hợp")   # 'TP.' kept whole
    texts = s[s["article_id"] == "003_9614a9f9b7b5dcb5"]["text"].tolist()
    assert texts[15].startswith("“Công an thành phố sẽ tích cực") and texts[15].endswith("Thiếu tướng Nguyễn Văn Thuận nói.")


def test_text_is_normalised(seed_load):
    for art in seed_load.articles.itertuples():
        assert unicodedata.is_normalized("NFC", art.text)
        assert "\u00a0" not in art.text and "  " not in art.text and "\r" not in art.text
        assert all(line == line.strip() and line for line in art.text.split("\n\n"))
        assert "\n\n\n" not in art.text
    raw_004 = _articles(seed_load).loc["004_71665bd45adc1e1f", "raw_text"]
    assert raw_004.startswith(" date 2024-03 ")      # raw text is kept as read


# --- the same genre, written here -------------------------------------------------------------------


GENRE = """Trang chủ > Tin tức > An ninh trật tự
Công an hai tỉnh ký kết chương trình phối hợp bảo đảm an ninh
Cập nhật: 08:30 ngày 12/9/2022
In bài viết
Chia sẻ
Facebook
Zalo
Cỡ chữ
Chiều 12/9, tại TP. Đà Nẵng, Công an TP. Đà Nẵng và Công an tỉnh Quảng Nam đã ký kết chương trình phối hợp giai đoạn 2022 - 2027. Dự lễ ký có Trung tướng Nguyễn Văn Hùng.

Lãnh đạo hai đơn vị ký kết chương trình phối hợp (Ảnh: Hoàng Long)

Theo chương trình, hai bên sẽ phối hợp chặt chẽ trong công tác phòng, chống tội phạm. Thượng tá Lê Văn Bình nói: “Chúng tôi sẽ thực hiện nghiêm túc.” Ông cũng cho biết thêm nhiều nội dung.
(Ảnh: Văn Đức)
Ảnh minh họa

Toàn cảnh hội nghị. Ảnh: Minh Châu

Nhóm PV
Theo TTXVN
Tin liên quan
Bình luận (0)
"""


def test_an_article_of_the_same_genre_with_other_furniture_datelines_and_credits():
    art, sents = build_article(GENRE, article_id="genre", path="genre.txt", fmt="txt", encoding="utf-8", sha256="0" * 64)
    assert art["title"] == "Công an hai tỉnh ký kết chương trình phối hợp bảo đảm an ninh"
    assert art["published"] == "2022-09-12" and art["event_date"] == "2022-09-12"
    assert art["dateline"] == "Cập nhật: 08:30 ngày 12/9/2022"
    assert art["author"] == "Nhóm PV" and art["attribution"] == "TTXVN"
    assert art["photo_credits"] == ["Văn Đức", "Ảnh minh họa", "Hoàng Long", "Minh Châu"]
    assert [(s["kind"], s["text"]) for s in sents] == [
        ("title", "Công an hai tỉnh ký kết chương trình phối hợp bảo đảm an ninh"),
        ("body", "Chiều 12/9, tại TP. Đà Nẵng, Công an TP. Đà Nẵng và Công an tỉnh Quảng Nam đã ký kết chương trình "
                 "phối hợp giai đoạn 2022 - 2027."),
        ("body", "Dự lễ ký có Trung tướng Nguyễn Văn Hùng."),
        ("caption", "Lãnh đạo hai đơn vị ký kết chương trình phối hợp"),
        ("body", "Theo chương trình, hai bên sẽ phối hợp chặt chẽ trong công tác phòng, chống tội phạm."),
        ("body", "Thượng tá Lê Văn Bình nói: “Chúng tôi sẽ thực hiện nghiêm túc.”"),
        ("body", "Ông cũng cho biết thêm nhiều nội dung."),
        ("caption", "Toàn cảnh hội nghị."),
    ]


@pytest.mark.parametrize("dateline, iso", [
    ("Thứ hai, 12/9/2022 - 08:30", "2022-09-12"),
    ("28/05/2021 13:07 GMT+7", "2021-05-28"),
    ("(28/5/2021)", "2021-05-28"),
    ("2022-09-12", "2022-09-12"),
    ("ngày 12 tháng 9 năm 2022", "2022-09-12"),
    ("Thứ Hai, 12/9/2022, 08:30 (GMT+7)", "2022-09-12"),
])
def test_headline_then_any_dateline_form(dateline, iso):
    text = f"Ký kết quy chế phối hợp\n{dateline}\nSáng 10/9, hai đơn vị đã ký kết quy chế phối hợp.\n\nTRẦN HÙNG\n"
    layout = parse_layout(normalise_text(text))
    assert layout.title == "Ký kết quy chế phối hợp" and layout.title_source == "headline"
    assert layout.published == iso and layout.dateline == dateline
    assert layout.author == "TRẦN HÙNG"
    assert [b.kind for b in layout.blocks] == ["title", "body"]


def test_a_sentence_that_looks_like_a_byline_is_kept_when_it_is_not_the_last_line():
    text = "Ký kết quy chế phối hợp\n\nSáng 10/9, hai đơn vị đã ký kết quy chế.\n\nNguyễn Văn An\n\nÔng An là Giám đốc Công an tỉnh.\n"
    layout = parse_layout(normalise_text(text))
    assert layout.author is None
    assert "Nguyễn Văn An" in [b.text for b in layout.blocks]


def test_body_sentences_starting_with_theo_are_not_attributions():
    text = "Tiêu đề bài viết\n\nSáng 10/9, hai đơn vị đã ký kết quy chế.\n\nTheo Bộ Công an, kết quả rất tốt.\n"
    layout = parse_layout(normalise_text(text))
    assert layout.attribution is None and layout.blocks[-1].text == "Theo Bộ Công an, kết quả rất tốt."


def test_hard_wrapped_paragraphs_are_joined():
    text = "Tiêu đề bài viết\n\nSáng 10/9, tại Công an tỉnh Nghệ An, hai đơn vị\nđã ký kết quy chế phối hợp.\n"
    layout = parse_layout(normalise_text(text))
    assert layout.blocks[1].text == "Sáng 10/9, tại Công an tỉnh Nghệ An, hai đơn vị đã ký kết quy chế phối hợp."


# --- every entry of the rule data is exercised on a real-looking line ------------------------------------


@pytest.mark.parametrize("example", [e for _, e in ruledata.patterns("furniture.yaml", "furniture")])
def test_each_furniture_entry_is_removed_from_an_article(example):
    assert is_furniture(example)
    text = f"Tiêu đề bài viết\n{example}\nSáng 10/9, hai đơn vị đã ký kết quy chế phối hợp.\n{example}\n\nTRẦN HÙNG\n"
    layout = parse_layout(normalise_text(text))
    assert [b.text for b in layout.blocks] == ["Tiêu đề bài viết", "Sáng 10/9, hai đơn vị đã ký kết quy chế phối hợp."]
    assert layout.author == "TRẦN HÙNG"


@pytest.mark.parametrize("example", [e for _, e in ruledata.patterns("furniture.yaml", "link_headings")])
def test_each_link_heading_drops_the_linked_headlines_after_it(example):
    text = (f"Tiêu đề bài viết\n\nSáng 10/9, hai đơn vị đã ký kết quy chế phối hợp.\n\nTRẦN HÙNG\n\n{example}\n"
            "Quảng Trị: Trao trả 12 công dân bị lừa sang Lào làm việc\nCông an Quảng Bình hội đàm với Công an tỉnh Khăm Muộn\n")
    layout = parse_layout(normalise_text(text))
    assert [b.text for b in layout.blocks] == ["Tiêu đề bài viết", "Sáng 10/9, hai đơn vị đã ký kết quy chế phối hợp."]
    assert [why for _, why in layout.removed].count("related link") == 2
    assert layout.author == "TRẦN HÙNG"


def test_a_sentence_after_the_linked_headlines_is_kept():
    text = ("Tiêu đề bài viết\n\nSáng 10/9, hai đơn vị đã ký kết quy chế phối hợp.\n\nTin liên quan\n"
            "Gia Lai: Bắt 2 đối tượng vận chuyển 6.000 viên ma túy\n\nHai bên thống nhất tổ chức sơ kết vào năm 2026.\n")
    layout = parse_layout(normalise_text(text))
    assert [b.text for b in layout.blocks][-1] == "Hai bên thống nhất tổ chức sơ kết vào năm 2026."
    assert all("6.000 viên" not in b.text for b in layout.blocks)


@pytest.mark.parametrize("line", ["Sáng 10/9, hai đơn vị đã ký kết quy chế phối hợp.", "Chia sẻ kinh nghiệm là cần thiết.",
                                  "Tìm kiếm người mất tích", "Tin tức về lễ ký kết."])
def test_sentences_are_not_furniture(line):
    assert not is_furniture(line)


@pytest.mark.parametrize("example", [e for _, e in ruledata.patterns("bylines.yaml", "byline_lines", flags=0)])
def test_each_byline_entry_becomes_the_author(example):
    text = f"Tiêu đề bài viết\n\nSáng 10/9, hai đơn vị đã ký kết quy chế phối hợp.\n\n{example}\n"
    layout = parse_layout(normalise_text(text))
    assert layout.author and layout.author in example
    assert [b.text for b in layout.blocks] == ["Tiêu đề bài viết", "Sáng 10/9, hai đơn vị đã ký kết quy chế phối hợp."]
    assert match_byline(example) == layout.author


@pytest.mark.parametrize("example", [e for _, e in ruledata.patterns("bylines.yaml", "source_lines", flags=0)])
def test_each_source_line_entry_becomes_the_attribution(example):
    text = f"Tiêu đề bài viết\n\nSáng 10/9, hai đơn vị đã ký kết quy chế phối hợp.\n\n{example}\n"
    layout = parse_layout(normalise_text(text))
    assert layout.attribution == match_source(example) and layout.attribution in example
    assert len(layout.blocks) == 2


@pytest.mark.parametrize("example", [e for _, e in ruledata.patterns("bylines.yaml", "credit_lines", flags=0)])
def test_each_credit_line_entry_becomes_a_photo_credit(example):
    text = f"Tiêu đề bài viết\n\nSáng 10/9, hai đơn vị đã ký kết quy chế phối hợp.\n{example}\n\nHai bên thống nhất nhiều nội dung.\n"
    layout = parse_layout(normalise_text(text))
    assert layout.photo_credits == [match_credit_line(example)]
    assert len(layout.blocks) == 3 and not any("Ảnh" in b.text for b in layout.blocks)


@pytest.mark.parametrize("example", [e for _, e in ruledata.patterns("bylines.yaml", "glued_credits", whole_line=False, flags=0)])
def test_each_glued_credit_entry_is_cut_off_its_caption(example):
    caption, credit = split_glued_credit(example)
    assert credit and credit not in caption and example.startswith(caption.rstrip("."))
    text = f"Tiêu đề bài viết\n\nSáng 10/9, hai đơn vị đã ký kết quy chế phối hợp.\n\n{example}\n\nHai bên thống nhất nhiều nội dung.\n"
    layout = parse_layout(normalise_text(text))
    assert layout.blocks[2].kind == "caption" and layout.blocks[2].text == caption
    assert credit in layout.photo_credits


def test_initials_are_not_cut_off_a_body_sentence():
    line = "Ông N.V.A phát biểu tại hội nghị và cho biết kết quả của năm qua rất tốt, theo ghi nhận của P.V."
    assert split_glued_credit(line) == (line, None)
    caption = "Lãnh đạo tỉnh trao quà cho ông N.V"      # a name in initials, not a credit
    assert split_glued_credit(caption) == (caption, None)


@pytest.mark.parametrize("example", [e for _, e in ruledata.patterns("captions.yaml", "caption_patterns", whole_line=False)])
def test_each_caption_pattern_entry_marks_a_caption(example):
    assert is_caption(example)
    text = f"Tiêu đề bài viết\n\nSáng 10/9, hai đơn vị đã ký kết quy chế phối hợp.\n\n{example}\n\nHai bên thống nhất nhiều nội dung.\n"
    assert [b.kind for b in parse_layout(normalise_text(text)).blocks] == ["title", "body", "caption", "body"]


@pytest.mark.parametrize("example", [e for _, e in ruledata.patterns("captions.yaml", "not_caption_openers", whole_line=False)])
def test_each_not_caption_opener_keeps_a_repeated_sentence_in_the_body(example):
    nearby = [example.replace("ký kết", "đã ký kết") + " Nội dung gồm nhiều điểm quan trọng."]
    assert not is_caption(example, nearby)
    assert is_caption(example.split(", ", 1)[1], nearby)      # without the opener it reads as a caption


def test_body_sentences_are_not_captions():
    assert not is_caption("Phát biểu chỉ đạo buổi lễ, Thứ trưởng Lê Tấn Tới biểu dương Công an TP Cần Thơ và Bộ Tư lệnh "
                          "Cảnh vệ đã triển khai ký kết Qui chế phối hợp rất cụ thể, bài bản.")
    assert not is_caption("Hai bên thống nhất nhiều nội dung. Đồng thời cam kết hỗ trợ nhau.")  # two sentences


def test_seed_header_with_a_headline_or_a_lead():
    with_headline = parse_layout(" date 2024-03 Ký kết quy chế phối hợp\n\nSáng 14/3, hai đơn vị ký kết quy chế.\n")
    assert with_headline.title_source == "headline" and with_headline.published == "2024-03"
    with_lead = parse_layout(" date 2024-03 Sáng 14/3, hai đơn vị ký kết quy chế. Hai bên cam kết hỗ trợ.\n\nNội dung khác.\n")
    assert with_lead.title_source == "lead" and with_lead.title == "Sáng 14/3, hai đơn vị ký kết quy chế."
    assert with_lead.blocks[0].kind == "body"


def test_short_lines_without_a_body_are_body_not_captions():
    layout = parse_layout("Hai đơn vị ký kết quy chế phối hợp\n\nCông an tỉnh Nghệ An và Công an tỉnh Hà Tĩnh\n")
    assert layout.title == "Hai đơn vị ký kết quy chế phối hợp"
    assert [b.kind for b in layout.blocks] == ["title", "body"]


def test_every_column_is_documented():
    from analysis.loader import COLUMN_DOCS

    assert list(COLUMN_DOCS["articles"]) == ARTICLE_COLUMNS
    assert list(COLUMN_DOCS["sentences"]) == SENTENCE_COLUMNS
    assert list(COLUMN_DOCS["report"]) == REPORT_COLUMNS


def test_a_report_sentence_worded_like_a_caption_stays_body():
    line = "Dịp này, Bộ trưởng trao bằng khen cho 5 tập thể có thành tích xuất sắc."
    assert not is_caption(line)
    assert is_caption("Bộ trưởng trao bằng khen cho 5 tập thể có thành tích xuất sắc.")
