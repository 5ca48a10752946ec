"""A folder of hostile inputs, built by the tests in tmp_path: every file is loaded or skipped with a clear reason."""
from __future__ import annotations

import codecs
import json
import unicodedata

import pytest

from analysis.encoding import encode_cp1258
from analysis.loader import load_articles


def article(n: int, place: str = "Thanh Hóa") -> str:
    """A realistic article of the genre, different for every n (so no two are duplicates)."""
    return (
        f"Công an tỉnh {place} ký kết quy chế phối hợp số {n}\n"
        "\n"
        f"Thứ hai, {n}/3/2024 - 08:30\n"
        "Lượt xem: 1520\n"
        f"Sáng {n}/3, tại Công an tỉnh {place}, Đại tá Nguyễn Văn An, Giám đốc Công an tỉnh, và Ủy ban nhân dân "
        f"huyện đã ký kết quy chế phối hợp số {n}/QCPH về bảo đảm an ninh trật tự.\n"
        "\n"
        "Quang cảnh buổi lễ ký kết\n"
        "\n"
        "Theo quy chế, hai bên phối hợp trao đổi thông tin, hòa giải mâu thuẫn ở cơ sở. Đồng thời, “tăng cường "
        "tuần tra” trên địa bàn giáp ranh.\n"
        "\n"
        "HOÀNG LONG\n"
    )


def expected_text(n: int, place: str = "Thanh Hóa") -> str:
    return (
        f"Công an tỉnh {place} ký kết quy chế phối hợp số {n}\n\n"
        f"Sáng {n}/3, tại Công an tỉnh {place}, Đại tá Nguyễn Văn An, Giám đốc Công an tỉnh, và Ủy ban nhân dân "
        f"huyện đã ký kết quy chế phối hợp số {n}/QCPH về bảo đảm an ninh trật tự.\n\n"
        "Quang cảnh buổi lễ ký kết\n\n"
        "Theo quy chế, hai bên phối hợp trao đổi thông tin, hòa giải mâu thuẫn ở cơ sở. Đồng thời, “tăng cường "
        "tuần tra” trên địa bàn giáp ranh."
    )


HTML = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Ký kết quy chế phối hợp bảo đảm an ninh - Báo Công an</title>
<meta property="og:title" content="Ký kết quy chế phối hợp bảo đảm an ninh">
<meta property="article:published_time" content="2024-03-14T08:30:00+07:00">
<link rel="canonical" href="https://www.congan.example.vn/tin-tuc/ky-ket-quy-che-123.html">
<script>window.dataLayer = []; function track(){ document.write("QUẢNG CÁO"); }</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav>
<article><h1>Ký kết quy chế phối hợp bảo đảm an ninh</h1>
<p>Sáng 14/3, tại Công an tỉnh Nghệ An, lãnh đạo Công an hai tỉnh Nghệ An và Hà Tĩnh đã ký kết quy chế phối hợp
bảo đảm an ninh trật tự vùng giáp ranh. Tài liệu hướng dẫn có đoạn mã &lt;script&gt;alert(1)&lt;/script&gt; được nêu làm ví dụ về tấn công mạng.</p>
<script>alert("không được lọt vào bài")</script>
<p>Theo quy chế, hai bên thường xuyên trao đổi thông tin về tình hình tội phạm, phối hợp tuần tra, kiểm soát trên các tuyến giao thông giáp ranh và hỗ trợ nhau điều tra các vụ án.</p>
<p>Tại buổi lễ, Đại tá Trần Văn Bình, Giám đốc Công an tỉnh Hà Tĩnh đề nghị các đơn vị triển khai ngay nội dung quy chế.</p>
</article><footer>Liên kết website | Bản quyền thuộc về Báo Công an</footer></body></html>"""


def _write(folder, name, data):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Every bad input of the issue in one folder, loaded once."""
    folder = tmp_path_factory.mktemp("hostile")
    mojibake = article(4).encode("utf-8").decode("sloppy-windows-1252") if codecs.lookup("sloppy-windows-1252") else None
    files = {
        "utf8.txt": article(1).encode("utf-8"),
        "utf8_bom.txt": codecs.BOM_UTF8 + article(2).encode("utf-8"),
        "utf16le_bom.txt": codecs.BOM_UTF16_LE + article(3).encode("utf-16-le"),
        "utf16be_bom.txt": codecs.BOM_UTF16_BE + article(5).encode("utf-16-be"),
        "utf16le_nobom.txt": article(6).encode("utf-16-le"),
        "mojibake.txt": mojibake.encode("utf-8"),
        "cp1258.txt": encode_cp1258(article(7)),
        "nfd.txt": unicodedata.normalize("NFD", article(8)).encode("utf-8"),
        "crlf.txt": article(9).replace("\n", "\r\n").encode("utf-8"),
        "lone_cr.txt": article(10).replace("\n", "\r").encode("utf-8"),
        "old_tones.txt": article(11, place="Thanh Hoá").replace("Ủy", "Uỷ").replace("hòa", "hoà").encode("utf-8"),
        "nbsp_spaces.txt": article(12).replace(" tại ", "\u00a0tại  ").replace("\n\n", "\n \u00a0\n").encode("utf-8"),
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t\n \r\n",
        "fake_text.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>",
        "nul_bytes.txt": bytes(range(256)) * 8,
        "undecodable.txt": bytes([0x80, 0x81, 0x8D, 0x8E, 0x8F, 0x90]) * 300,
        "furniture_only.txt": "Tìm kiếm\nTin tức - Sự kiện\nLiên kết website\n.\n".encode("utf-8"),
        "photo.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "scan.pdf": b"%PDF-1.4\n",
        "notes": "no extension".encode("utf-8"),
        ".DS_Store": b"\x00\x00\x00\x01Bud1",
        ".ipynb_checkpoints/utf8-checkpoint.txt": article(1).encode("utf-8"),
        "zz_copy_of_utf8.txt": article(1).encode("utf-8"),
        "zz_copy_in_cp1258.txt": encode_cp1258(article(1)),
        "page.html": HTML.encode("utf-8"),
        "empty_page.html": b"<html><head><title>x</title></head><body><nav>Trang ch\xe1\xbb\xa7</nav></body></html>",
        "sub/nested.txt": article(13).encode("utf-8"),
    }
    jsonl_lines = [
        json.dumps({"id": "cand-001", "title": "Ký kết quy chế phối hợp số 20", "date": "2024-03-20T09:00:00+07:00",
                    "url": "https://cand.com.vn/a/ky-ket-20.html", "text": article(20)}, ensure_ascii=False),
        json.dumps({"headline": "Bài có tên cột khác", "published": "2024-03", "link": "https://www.baochinhphu.vn/b.htm",
                    "content": article(21)}, ensure_ascii=False),
        '{"title": "dòng hỏng", "text": "thiếu ngoặc"',
        json.dumps({"title": "Bài không có nội dung", "text": "  "}, ensure_ascii=False),
        "",
        json.dumps({"title": "Bài HTML", "publish_date": "22/03/2024",
                    "body": "<p>Chiều 22-3, tại Công an TP Cần Thơ, hai đơn vị đã ký kết chương trình phối hợp.</p>"
                            "<p>Hai bên cam kết hỗ trợ nhau.</p><script>x()</script>"}, ensure_ascii=False),
        json.dumps(["not", "an", "object"]),
    ]
    files["export.jsonl"] = ("\n".join(jsonl_lines) + "\n").encode("utf-8")
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["headline", "publish_date", "link", "body"])
    writer.writerow(["Ký kết quy chế số 30", "2024-03-30", "https://congan.example.vn/30", article(30)])
    writer.writerow(["Không có bài", "2024-03-30", "https://congan.example.vn/31", ""])
    writer.writerow(["Ký kết quy chế số 32", "30/03/2024", "", article(32)])
    files["export.csv"] = buffer.getvalue().encode("utf-8")
    files["no_text_column.csv"] = "title,date\nA,2024-01-01\n".encode("utf-8")
    for name, data in files.items():
        _write(folder, name, data)
    res = load_articles(folder)
    return folder, res


def _row(res, name, record=None):
    rows = res.report[res.report["path"].str.endswith("/" + name)]
    if record is not None:
        rows = rows[rows["record"] == record]
    assert len(rows) == 1, f"{name} record {record}: {len(rows)} report rows\n{res.report[['path', 'record', 'status', 'reason']]}"
    return rows.iloc[0]


def _article(res, article_id):
    rows = res.articles[res.articles["article_id"] == article_id]
    assert len(rows) == 1, f"{article_id} not loaded"
    return rows.iloc[0]


@pytest.mark.parametrize("name, encoding, n", [
    ("utf8.txt", "utf-8", 1),
    ("utf8_bom.txt", "utf-8-sig", 2),
    ("utf16le_bom.txt", "utf-16-le", 3),
    ("utf16be_bom.txt", "utf-16-be", 5),
    ("utf16le_nobom.txt", "utf-16-le (no BOM)", 6),
    ("mojibake.txt", "utf-8 (mojibake repaired)", 4),
    ("cp1258.txt", "cp1258", 7),
    ("nfd.txt", "utf-8", 8),
    ("crlf.txt", "utf-8", 9),
    ("lone_cr.txt", "utf-8", 10),
    ("nbsp_spaces.txt", "utf-8", 12),
])
def test_every_encoding_and_layout_variant_gives_the_same_clean_article(hostile, name, encoding, n):
    _, res = hostile
    row = _row(res, name)
    assert row["status"] == "loaded", row["reason"]
    assert row["encoding"] == encoding
    art = _article(res, name.rsplit(".", 1)[0])
    assert art["text"] == expected_text(n)
    assert art["published"] == f"2024-03-{n:02d}"
    assert art["event_date"] == f"2024-03-{n:02d}"
    assert art["author"] == "HOÀNG LONG"
    assert art["title"] == f"Công an tỉnh Thanh Hóa ký kết quy chế phối hợp số {n}"
    assert art["encoding"] == encoding
    assert "\r" not in art["text"] and "\ufeff" not in art["text"] and "\u00a0" not in art["text"]
    assert unicodedata.is_normalized("NFC", art["text"])


def test_old_tone_placement_is_modernised(hostile):
    _, res = hostile
    art = _article(res, "old_tones")
    assert art["text"] == expected_text(11)  # Thanh Hoá -> Thanh Hóa, Uỷ -> Ủy, hoà -> hòa
    assert "Uỷ" in art["raw_text"] and "Uỷ" not in art["text"]


def test_sentences_of_hostile_articles_round_trip_and_keep_the_caption(hostile):
    _, res = hostile
    texts = res.articles.set_index("article_id")["text"]
    for s in res.sentences.itertuples():
        assert texts[s.article_id][s.start:s.end] == s.text
    one = res.sentences[res.sentences["article_id"] == "utf8"]
    assert one["kind"].tolist() == ["title", "body", "caption", "body", "body"]
    assert one["text"].tolist()[2] == "Quang cảnh buổi lễ ký kết"


@pytest.mark.parametrize("name, needle", [
    ("empty.txt", "empty file (0 bytes)"),
    ("whitespace.txt", "whitespace-only file"),
    ("fake_text.txt", "binary file (PDF signature): not an article; remove it or convert it to text"),
    ("nul_bytes.txt", "binary file"),
    ("undecodable.txt", "save it as UTF-8"),
    ("furniture_only.txt", "no article text left once furniture was removed"),
    ("photo.png", "unsupported file type '.png'"),
    ("scan.pdf", "unsupported file type '.pdf'"),
    ("notes", "unsupported file type '(no extension)'"),
    (".DS_Store", "hidden file ignored"),
    ("empty_page.html", "no article text left once furniture was removed"),  # trafilatura kept only the nav link
    ("no_text_column.csv", "CSV file without a text column (columns: title, date)"),
])
def test_bad_files_are_skipped_with_a_reason_that_says_what_to_do(hostile, name, needle):
    _, res = hostile
    row = _row(res, name)
    assert row["status"] == "skipped"
    assert needle in row["reason"]
    assert row["article_id"] is None


def test_hidden_folders_are_listed_not_lost(hostile):
    _, res = hostile
    row = _row(res, ".ipynb_checkpoints")
    assert row["status"] == "skipped"
    assert "hidden folder ignored (1 files inside)" in row["reason"]
    assert not res.report["path"].str.contains("utf8-checkpoint").any()


def test_subfolders_are_searched(hostile):
    _, res = hostile
    assert _row(res, "sub/nested.txt")["status"] == "loaded"


def test_duplicates_are_flagged_and_not_counted_twice(hostile):
    _, res = hostile
    for name in ("zz_copy_of_utf8.txt", "zz_copy_in_cp1258.txt"):  # same text once normalised, whatever the encoding
        row = _row(res, name)
        assert row["status"] == "duplicate"
        assert row["duplicate_of"] == "utf8"
        assert "same text as utf8" in row["reason"]
    assert not res.articles["article_id"].isin(["zz_copy_of_utf8", "zz_copy_in_cp1258"]).any()
    assert not res.sentences["article_id"].isin(["zz_copy_of_utf8", "zz_copy_in_cp1258"]).any()
    assert res.articles["text"].is_unique


def test_keep_duplicates_keeps_them_flagged(hostile):
    folder, _ = hostile
    res = load_articles([folder / "utf8.txt", folder / "zz_copy_of_utf8.txt"], keep_duplicates=True)
    assert res.articles["duplicate_of"].tolist() == [None, "utf8"]
    assert res.report["status"].tolist() == ["loaded", "duplicate"]


def test_every_input_file_is_in_the_report(hostile):
    folder, res = hostile
    on_disk = {p for p in folder.rglob("*") if p.is_file() and ".ipynb_checkpoints" not in p.parts}
    reported = {p for p in res.report["path"]}
    assert {str(p) for p in on_disk} <= reported
    assert set(res.report["status"]) <= {"loaded", "skipped", "duplicate"}
    assert res.report.loc[res.report["status"] != "loaded", "reason"].map(bool).all()


def test_html_page_text_title_date_and_no_scripts(hostile):
    _, res = hostile
    assert _row(res, "page.html")["status"] == "loaded"
    art = _article(res, "page")
    assert art["title"] == "Ký kết quy chế phối hợp bảo đảm an ninh"
    assert art["published"] == "2024-03-14"
    assert art["event_date"] == "2024-03-14"
    assert art["source"] == "congan.example.vn"
    assert art["format"] == "html"
    assert "<script>alert(1)</script>" in art["text"]          # literal text in the article is kept
    assert "không được lọt vào bài" not in art["text"]          # the page's scripts are not
    assert "QUẢNG CÁO" not in art["text"] and "dataLayer" not in art["text"]
    assert "Liên kết website" not in art["text"]
    assert art["text"].count("Ký kết quy chế phối hợp bảo đảm an ninh") == 1   # the h1 is not repeated


def test_jsonl_records(hostile):
    _, res = hostile
    first = _row(res, "export.jsonl", record=1)
    assert first["status"] == "loaded" and first["article_id"] == "cand-001"
    art = _article(res, "cand-001")
    assert art["title"] == "Ký kết quy chế phối hợp số 20"
    assert art["published"] == "2024-03-20" and art["event_date"] == "2024-03-20"
    assert art["url"] == "https://cand.com.vn/a/ky-ket-20.html" and art["source"] == "cand.com.vn"
    assert art["format"] == "jsonl"
    alt = _article(res, "export_2")                 # alternates: headline / published / link / content
    assert alt["title"] == "Bài có tên cột khác"
    assert alt["published"] == "2024-03-21"         # the dateline in the text refines the month of the metadata
    assert alt["source"] == "baochinhphu.vn"
    bad = _row(res, "export.jsonl", record=3)
    assert bad["status"] == "skipped" and bad["reason"].startswith("line 3: malformed JSON")
    empty = _row(res, "export.jsonl", record=4)
    assert empty["status"] == "skipped" and "record 4 has no text" in empty["reason"]
    html_body = _article(res, "export_6")
    assert html_body["text"] == ("Bài HTML\n\nChiều 22-3, tại Công an TP Cần Thơ, hai đơn vị đã ký kết chương trình phối hợp."
                                 "\n\nHai bên cam kết hỗ trợ nhau.")
    assert html_body["event_date"] == "2024-03-22"
    not_object = _row(res, "export.jsonl", record=7)
    assert not_object["status"] == "skipped" and "not an object" in not_object["reason"]


def test_csv_records(hostile):
    _, res = hostile
    assert _row(res, "export.csv", record=1)["status"] == "loaded"
    art = _article(res, "export_1")
    assert art["title"] == "Ký kết quy chế số 30"
    assert art["published"] == "2024-03-30"
    assert art["event_date"] == "2024-03-30"
    assert art["url"] == "https://congan.example.vn/30" and art["format"] == "csv"
    missing = _row(res, "export.csv", record=2)
    assert missing["status"] == "skipped" and "record 2 has no text" in missing["reason"]
    third = _article(res, "export_3")
    assert third["published"] == "2024-03-30" and third["url"] is None


def test_size_limit_is_a_parameter_with_a_clear_reason(tmp_path):
    path = _write(tmp_path, "long.txt", article(1) * 50)
    res = load_articles(path, max_bytes=1000)
    row = res.report.iloc[0]
    assert row["status"] == "skipped"
    assert "above the limit of 0.0 MB" in row["reason"] and f"max_bytes={path.stat().st_size + 1}" in row["reason"]
    assert load_articles(path).report.iloc[0]["status"] == "loaded"


def test_a_50_mb_file_loads(tmp_path, seeds_dir):
    """The largest file the issue names (50 MB: seed 004 repeated, each copy numbered) loads in reasonable time."""
    block = (seeds_dir / "004_71665bd45adc1e1f.txt").read_text(encoding="utf-8")
    copies = 50 * 1024 * 1024 // len(block.encode("utf-8")) + 1
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(copies):
            fh.write(block.replace("Cụm thi đua số 6", f"Cụm thi đua số {i}"))
    assert path.stat().st_size >= 50 * 1024 * 1024
    res = load_articles(path)
    assert res.report.iloc[0]["status"] == "loaded"
    text = res.articles["text"].iloc[0]
    assert len(text) > 35_000_000
    assert len(res.sentences) > 100_000
    last = res.sentences.iloc[-1]
    assert text[last["start"]:last["end"]] == last["text"]


def test_missing_path_raises_with_what_to_give(tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(FileNotFoundError, match="nowhere does not exist: give a folder of articles, one article file"):
        load_articles(missing)
    with pytest.raises(FileNotFoundError, match="nowhere"):
        load_articles([missing])


def test_single_file_and_list_of_paths(hostile):
    folder, _ = hostile
    one = load_articles(folder / "utf8.txt")
    assert one.articles["article_id"].tolist() == ["utf8"]
    both = load_articles([str(folder / "utf8.txt"), folder / "cp1258.txt"])
    assert both.articles["article_id"].tolist() == ["utf8", "cp1258"]
    assert load_articles([]).articles.empty


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path):
    _write(tmp_path, "a/x.txt", article(1))
    _write(tmp_path, "b/x.txt", article(2))
    res = load_articles(tmp_path)
    assert res.articles["article_id"].tolist() == ["x", "x_2"]
    assert "already used" in res.report["reason"].iloc[1]


def test_json_array_and_tsv_exports(tmp_path):
    _write(tmp_path, "dump.json", json.dumps({"articles": [
        {"title": "Bài một", "date": "2024-03-25", "text": article(25)},
        {"title": "Bài hai", "text": ""},
    ]}, ensure_ascii=False))
    _write(tmp_path, "dump.tsv", "title\tdate\ttext\nBài ba\t2024-03-26\t" + article(26).replace("\n", " ") + "\n")
    res = load_articles(tmp_path)
    rows = res.report.set_index(["path", "record"])["status"].to_dict()
    assert rows[(str(tmp_path / "dump.json"), 1)] == "loaded"
    assert rows[(str(tmp_path / "dump.json"), 2)] == "skipped"
    assert rows[(str(tmp_path / "dump.tsv"), 1)] == "loaded"
    arts = res.articles.set_index("article_id")
    assert arts.loc["dump_1", "title"] == "Bài một" and arts.loc["dump_1", "format"] == "json"
    assert arts.loc["dump_1", "event_date"] == "2024-03-25"
    # dump.tsv record 1 would be dump_1 too: it is renamed, and the report says so
    assert arts.loc["dump_1_2", "title"] == "Bài ba" and arts.loc["dump_1_2", "format"] == "csv"
    assert "'dump_1' was already used: loaded as 'dump_1_2'" in _row(res, "dump.tsv", record=1)["reason"]


def test_unreadable_files_are_reported(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    _write(tmp_path, "ok.txt", article(1))
    res = load_articles(tmp_path)
    row = _row(res, "dangling.txt")
    assert row["status"] == "skipped" and "cannot read the file" in row["reason"]
    assert _row(res, "ok.txt")["status"] == "loaded"


def test_a_loader_bug_on_one_file_is_reported_not_fatal(tmp_path, monkeypatch):
    import analysis.loader as loader

    _write(tmp_path, "a.txt", article(1))
    _write(tmp_path, "b.txt", article(2))
    real = loader.build_article

    def flaky(raw_text, **kw):
        if kw["article_id"] == "a":
            raise KeyError("boom")
        return real(raw_text, **kw)

    monkeypatch.setattr(loader, "build_article", flaky)
    with pytest.warns(RuntimeWarning, match="a.txt: loader error KeyError"):
        res = load_articles(tmp_path)
    assert res.report["status"].tolist() == ["skipped", "loaded"]
    assert "report this file to the developers" in res.report["reason"].iloc[0]
    with pytest.raises(KeyError):
        load_articles(tmp_path, on_error="raise")
    with pytest.raises(ValueError, match="on_error='ignore'"):
        load_articles(tmp_path, on_error="ignore")
