"""Every notebook executed with papermill and exported to HTML: facts, no code, offline, escaped.

Three rendered runs are shared by the assertions (module fixtures):
  - `gold_run`: every notebook on contract tables built from the hand-made gold, one article carrying
    hostile markup in its title and in a sentence (tests the report layer independently of extraction);
  - `filtered_run`: the same tables with one province, English labels and a theme profile;
  - `seeds_run`: `make report`'s path, the real pipeline on seeds/ (skipped until extraction exists).
"""
from __future__ import annotations

import json
import re

import pytest

from analysis import paths

import fixture_tables

REPORTS = ("overview", "agreements", "participants", "themes", "profile")
EXTERNAL = [
    re.compile(r"""(?:src|href|action|poster)\s*=\s*["']?\s*(?!data:|#|javascript:void)(?:[a-z][a-z0-9+.-]*:|//)""", re.I),
    re.compile(r"""url\(\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""@import\s+(?:url\()?\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""import\s*\(\s*["'](?:https?:)?//""", re.I),
    re.compile(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I),
]
CODE_MARKERS = ("from analysis import", "show.setup", "findings.load(", "# Parameters", "injected-parameters",
                'tables = "', "lab-only", "class=\"highlight")
CODE_MARKUP = re.compile(r'class="[^"]*(?:jp-InputArea|jp-InputPrompt|jp-Cell-inputWrapper|jp-CodeMirrorEditor)')


def html_of(run, name: str) -> str:
    return (run.out / f"{name}.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def gold_tables(tmp_path_factory):
    return fixture_tables.write(tmp_path_factory.mktemp("tables") / "tables", hostile=True)


@pytest.fixture(scope="module")
def gold_run(tmp_path_factory, gold_tables):
    result = fixture_tables.render(tmp_path_factory.mktemp("gold") / "reports", tables=gold_tables)
    assert result.exit_code == 0, result.log
    return result


@pytest.fixture(scope="module")
def filtered_run(tmp_path_factory, gold_tables):
    result = fixture_tables.render(tmp_path_factory.mktemp("filtered") / "reports", tables=gold_tables,
                                   params={"provinces": ["Long An"], "lang": "en", "focus": "de_an_06"})
    assert result.exit_code == 0, result.log
    return result


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    pytest.importorskip("analysis.extract", reason="extraction (analysis/extract.py) not there yet")
    result = fixture_tables.render(tmp_path_factory.mktemp("seeds") / "reports", source=paths.SEEDS)
    assert result.exit_code == 0, result.log
    return result


def test_every_notebook_rendered(gold_run):
    assert [r.name for r in gold_run.results] == list(REPORTS)
    for name in REPORTS:
        assert (gold_run.out / f"{name}.html").stat().st_size > 10_000
        assert (gold_run.run_dir / f"{name}.ipynb").exists()           # executed notebook kept with the run
    assert "[5/5] profile: ok" in gold_run.log


@pytest.mark.parametrize("name", REPORTS)
def test_no_code_no_parameters_cell_no_external_links(gold_run, name):
    page = html_of(gold_run, name)
    for marker in CODE_MARKERS:
        assert marker not in page, f"{name}.html shows {marker!r}"
    assert not CODE_MARKUP.search(page), f"{name}.html has an input area"
    for pattern in EXTERNAL:
        found = pattern.search(page)
        assert found is None, f"{name}.html links outside: {page[max(0, found.start() - 80):found.end() + 80]!r}"
    assert "data:image/png;base64" in page                              # figures inline
    assert re.search(r"<title>[^<]+</title>", page)


@pytest.mark.parametrize("name", REPORTS)
def test_article_text_is_escaped(gold_run, name):
    page = html_of(gold_run, name)
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page and "<img src=\"x\"" not in page
    if name != "profile":     # the profile (Thừa Thiên Huế) does not include the hostile article
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page or "&lt;img src=x onerror=alert(1)&gt;" in page


def test_findings_paragraph_at_the_top(gold_run):
    page = html_of(gold_run, "overview")
    first = page.index('class="an-report an-findings"')
    assert "5 bài báo từ 2021-05-28 đến 2024-03-22 ghi nhận 7 sự kiện" in page[first:first + 2000]
    assert page.index('class="an-title"') < first < page.index('src="data:image/png')


def test_agreements_hold_the_seven_seed_events_with_parties(gold_run, gold):
    page = html_of(gold_run, "agreements")
    for article in gold.values():
        for ev in article["events"]:
            assert ev["date"] in page
            for party in ev["parties"]:
                assert party in page, party
    assert page.count("303/QCPH") >= 1 and "Nguyễn Thanh Tuấn; Lê Hồng Nam" in page
    assert "Dòng thời gian các sự kiện" not in page or "data:image/png" in page
    assert "Bản đồ" in page and "Mạng lưới phối hợp" in page


def test_participants_show_the_rank_change(gold_run):
    page = html_of(gold_run, "participants")
    assert "Lê Hồng Nam" in page and "Thiếu tướng → Trung tướng" in page
    assert re.search(r"Thiếu tướng \(2022-09-12, 002\) → Trung tướng \(2024-03-22, 000\)", page)
    assert "new ITable(" in page or "ITable" in page                   # the long people table is interactive


def test_themes_show_de_an_06_in_three_articles(gold_run):
    page = html_of(gold_run, "themes")
    assert "Đề án 06: 3 bài." in page
    focus = page[page.index("Tiêu điểm Đề án 06"):page.index("Tiêu điểm Nghị quyết 12-NQ/TW")]
    for article in ("000_e25ca3fa2d6ec780", "002_262e6469bd3af320", "004_71665bd45adc1e1f"):
        assert article in focus
    assert "001_df5e52d94e631ff8" not in focus
    assert "12-NQ/TW" in page and "Bộ Chính trị" in page


def test_profile_of_the_default_province(gold_run):
    page = html_of(gold_run, "profile")
    assert "Hồ sơ: Thừa Thiên Huế" in page and "Hồ sơ tỉnh/thành Thừa Thiên Huế" in page
    assert "Công an tỉnh Salavan (Lào)" in page


def test_index_and_manifest(gold_run):
    index = (gold_run.out / "index.html").read_text(encoding="utf-8")
    for name in REPORTS:
        assert f'href="{name}.html"' in index
    assert index.count(">ok<") == 5 and "focus = &quot;Thừa Thiên Huế&quot;" in index
    manifest = json.loads((gold_run.run_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "ok" and manifest["duration_s"] > 0
    assert manifest["versions"]["papermill"] and manifest["versions"]["pandas"] and "commit" in manifest["git"]
    assert manifest["parameters"] == {} and manifest["counts"]["events"] == 7
    assert manifest["notebooks"][4]["parameters"]["focus"] == "Thừa Thiên Huế"
    assert [n["status"] for n in manifest["notebooks"]] == ["ok"] * 5


def test_filtered_run_english_one_province(filtered_run):
    agreements = html_of(filtered_run, "agreements")
    assert "Agreements and cooperation events" in agreements and "Provinces: Long An" in agreements
    assert "303/QCPH" in agreements and "Interim review" in agreements and "Công an tỉnh Tây Ninh" in agreements
    assert "Bộ Tư lệnh Cảnh vệ" not in agreements and "Sê Kông" not in agreements
    assert "1 article from 2022-09-12 to 2022-09-12 reports 1 event" in html_of(filtered_run, "overview")
    themes = html_of(filtered_run, "themes")
    assert "Project 06: 1 article." in themes and "Themes by article" in themes
    profile = html_of(filtered_run, "profile")
    assert "Profile: Project 06" in profile and "002_262e6469bd3af320" in profile and "000_e25ca3fa2d6ec780" not in profile
    participants = html_of(filtered_run, "participants")
    assert "Nguyễn Duy Ngọc" in participants and "Nguyễn Văn Thuận" not in participants
    index = (filtered_run.out / "index.html").read_text(encoding="utf-8")
    assert "provinces = [&quot;Long An&quot;]" in index


def test_seeds_report_through_the_real_pipeline(seeds_run, gold):
    assert [r.status for r in seeds_run.results] == ["ok"] * 5
    agreements = html_of(seeds_run, "agreements")
    for token in ("Long An", "Tây Ninh", "Tiền Giang", "Salavan", "Bộ Tư lệnh Cảnh vệ", "Thanh Hóa", "Quảng Bình", "Cần Thơ"):
        assert token in agreements, token
    assert "Lê Hồng Nam" in html_of(seeds_run, "participants")
    assert "Thiếu tướng → Trung tướng" in html_of(seeds_run, "participants")
    assert "Đề án 06: 3 bài." in html_of(seeds_run, "themes")
    for name in REPORTS:
        page = html_of(seeds_run, name)
        assert not any(p.search(page) for p in EXTERNAL) and "from analysis import" not in page
