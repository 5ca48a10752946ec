"""The report logic (analysis.findings, labels, geo, network, figures) on contract tables built from the gold."""
from __future__ import annotations

import unicodedata

import matplotlib
import pandas as pd
import pytest

from analysis import findings, geo, labels, network

import fixture_tables


@pytest.fixture(scope="module")
def t():
    return findings.complete(fixture_tables.build())


def test_events_table_has_the_seven_seed_events_with_parties_and_evidence(t):
    ev = findings.events_table(t)
    assert len(ev) == 7
    assert list(ev["date"]) == sorted(ev["date"])
    row = ev[ev["doc_number"] == "303/QCPH"].iloc[0]
    assert row["kind"] == "so_ket" and "Công an tỉnh Long An" in row["parties"] and "Công an tỉnh Tây Ninh" in row["parties"]
    assert ev["evidence"].map(bool).all() and ev["article_id"].map(bool).all()
    signed = ev[ev["signatories"].str.contains("Lê Hồng Nam")]
    assert len(signed) == 1 and "Công an TP Hồ Chí Minh" in signed.iloc[0]["parties"]


def test_rank_change_of_le_hong_nam(t):
    rc = findings.rank_changes(t)
    row = rc[rc["name"] == "Lê Hồng Nam"].iloc[0]
    assert row["change"] == "Thiếu tướng → Trung tướng"
    assert row["ranks"].index("Thiếu tướng (2022-09-12") < row["ranks"].index("Trung tướng (2024-03-22")
    assert "002_262e6469bd3af320" in row["articles"] and "000_e25ca3fa2d6ec780" in row["articles"]
    assert "Lê Hồng Nam" in row["evidence"]
    assert rc.iloc[0]["name"] == "Lê Hồng Nam"            # changes first


def test_de_an_06_in_three_articles(t):
    f = findings.focus(t, "de_an_06")
    assert list(f["articles"]["article_id"].str[:3]) == ["002", "004", "000"]   # by date
    assert not f["evidence"].empty and f["evidence"]["evidence"].str.contains("06").any()
    refs = findings.reference_counts(t)
    assert refs.set_index("number").loc["06", "n_articles"] == 3
    assert findings.theme_counts(t).set_index("theme").loc["de_an_06", "n_articles"] == 3


def test_theme_matrix_and_cooccurrence(t):
    m = findings.theme_matrix(t)
    assert m.shape[0] == 5 and list(m.columns)[:2] == ["de_an_06", "nghi_quyet_12"]
    co = findings.theme_cooccurrence(t)
    assert co.loc["de_an_06", "de_an_06"] == 3 and co.loc["de_an_06", "nghi_quyet_12"] == 3
    over = findings.themes_over_time(t)
    assert over.loc["2024", "de_an_06"] == 2


def test_select_by_province_date_theme_unit(t):
    assert list(findings.select(t, provinces=["Long An"])["articles"]["article_id"].str[:3]) == ["002"]
    assert set(findings.select(t, provinces=["TP. Hồ Chí Minh"])["articles"]["article_id"].str[:3]) == {"000", "002"}
    assert set(findings.select(t, date_from="2024")["articles"]["article_id"].str[:3]) == {"000", "004"}
    assert set(findings.select(t, date_from="2022-09", date_to="2023-08")["articles"]["article_id"].str[:3]) == {"001", "002"}
    assert set(findings.select(t, themes=["canh_ve"])["articles"]["article_id"].str[:3]) == {"003"}
    assert set(findings.select(t, units=["công an tp cần thơ"])["articles"]["article_id"].str[:3]) == {"000", "003"}
    empty = findings.select(t, date_from="2030")
    assert findings.events_table(empty).empty and "Không có bài báo" in findings.summary(empty)


def test_summary_is_written_from_the_data(t):
    text = findings.summary(t, "overview", "vi", since="2024-01-01")
    assert text.startswith("5 bài báo từ 2021-05-28 đến 2024-03-22 ghi nhận 7 sự kiện")
    assert "Công an tỉnh Thừa Thiên Huế (4)" in text and "Từ 2024-01-01: 3 sự kiện mới." in text
    en = findings.summary(t, "participants", "en")
    assert "5 articles from 2021-05-28 to 2024-03-22" in en and "Lê Hồng Nam changed: Thiếu tướng → Trung tướng" in en
    assert "Project 06: 3 articles" in findings.summary(t, "themes", "en")


def test_new_since_and_units_activity(t):
    assert len(findings.new_since(t, "2024-03-20")) == 2
    assert findings.since_or_default(t, "") == "2024-01-01"
    ua = findings.units_activity(t).set_index("unit")
    assert ua.loc["Công an tỉnh Thừa Thiên Huế", "n_events"] == 4
    assert "Công an tỉnh Salavan (Lào)" in ua.loc["Công an tỉnh Thừa Thiên Huế", "partners"]


def test_profiles_resolve_unit_province_theme(t):
    assert findings.resolve_focus(t, "de_an_06") == ("theme", "de_an_06")
    assert findings.resolve_focus(t, "cần thơ") == ("province", "Cần Thơ")
    assert findings.resolve_focus(t, "Bộ Tư lệnh Cảnh vệ") == ("unit", "Bộ Tư lệnh Cảnh vệ")
    p = findings.profile(t, "Công an TP Cần Thơ")
    assert len(p["events"]) == 2 and "Bộ Tư lệnh Cảnh vệ" in findings.profile_summary(p)
    with pytest.raises(ValueError, match="Atlantis.*Themes: de_an_06"):
        findings.resolve_focus(t, "Atlantis")


def test_labels_cover_every_theme_of_the_contract():
    from analysis import paths

    contract = paths.SHARED / "contract" / "themes.md"
    if not contract.exists():
        pytest.skip("../shared not beside the checkout")
    rows = [line.split("|") for line in contract.read_text(encoding="utf-8").splitlines() if line.startswith("| ") and "slug" not in line]
    for row in rows:
        slug, vi, en = row[1].strip(), row[2].strip(), row[3].strip()
        assert labels.theme(slug, "vi") == vi and labels.theme(slug, "en") == en
    assert len(labels.theme_slugs()) == len(rows)
    frame = labels.localise(pd.DataFrame({"kind": ["ky_ket"], "date": ["2024"]}), "en")
    assert list(frame.columns) == ["Kind", "Date"] and frame.iloc[0, 0] == "Signing"


def test_font_covers_vietnamese():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    from analysis import figures  # noqa: F401  sets the font

    assert matplotlib.rcParams["font.family"][0] == "DejaVu Sans"
    path = font_manager.findfont("DejaVu Sans", fallback_to_default=False)
    charmap = FT2Font(path).get_charmap()
    alphabet = "ăâđêôơưĂÂĐÊÔƠƯ" + "".join(unicodedata.normalize("NFC", v + m) for v in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
                                          for m in "\u0300\u0301\u0309\u0303\u0323")
    missing = [c for c in alphabet if ord(c) not in charmap]
    assert not missing, f"DejaVu Sans lacks {missing}"


def test_geo_coordinates_from_vietnamadminunits_and_partners():
    hue = geo.find_province("Thừa Thiên - Huế")
    assert hue["name"] == "Thừa Thiên Huế" and 16 < hue["lat"] < 17
    assert geo.find_province("TP. Hồ Chí Minh")["name"] == "Hồ Chí Minh"
    assert geo.find_province("Sê Kong")["country"] == "Lào"
    assert geo.find_province("Atlantis") is None
    assert len(geo.vietnam_provinces().query("era == 'legacy'")) == 63


def test_network_nodes_sized_by_activity(t):
    g = network.cooperation_graph(t)
    assert g.nodes["Công an tỉnh Thừa Thiên Huế"]["events"] == 4
    assert g["Công an tỉnh Thừa Thiên Huế"]["Công an tỉnh Sê Kông (Lào)"]["weight"] == 2
    assert network.centrality(g).iloc[0]["unit"] in ("Công an TP Hồ Chí Minh", "Công an tỉnh Thừa Thiên Huế")


def test_figures_render_in_both_languages(t):
    from analysis import figures

    for lang in ("vi", "en"):
        for fig in (figures.articles_per_month(t, lang), figures.events_by(t, "kind", lang), figures.timeline(t, lang),
                    figures.theme_matrix(t, lang), figures.cooperation_network(t, lang), figures.cooperation_map(t, lang),
                    figures.cooccurrence(t, lang), figures.themes_over_time(t, lang)):
            assert fig.axes and fig.axes[0].get_title()
    assert figures.timeline(findings.select(t, date_from="2030"), "en").axes[0].get_title() == "Timeline of events"
    assert figures.events_by(t, "kind", "en").axes[0].get_title() == "Events by kind"


def test_top_people_counts_articles_per_person_and_latest_rank(t):
    top = findings.top_people(t, 30).set_index("name")
    assert top.loc["Lê Hồng Nam", "n_articles"] == 2 and top.loc["Lê Hồng Nam", "rank"] == "Trung tướng"
    assert top.loc["Lê Hồng Nam", "first_date"] == "2022-09-12" and top.loc["Bùi Quang Hải", "n_articles"] == 1
    assert findings.top_people(t, 30)["n_articles"].is_monotonic_decreasing


def test_shorten_keeps_short_titles():
    assert findings.shorten("Ngắn", 90) == "Ngắn"
    long = "Ký kết " * 30
    assert len(findings.shorten(long, 40)) <= 42 and findings.shorten(long, 40).endswith("…")


def test_load_extracts_the_corpus_when_no_tables_are_given(seeds_dir):
    pytest.importorskip("analysis.extract", reason="extraction not there yet")
    t = findings.load(corpus=seeds_dir)
    assert len(t["articles"]) == 5 and not t["events"].empty
    with pytest.raises(ValueError, match="corpus"):
        findings.load()


def test_every_partner_province_of_the_extraction_has_coordinates():
    import yaml

    from analysis.paths import DATA

    path = DATA / "foreign_provinces.yaml"
    if not path.exists():
        pytest.skip("no foreign_provinces.yaml")
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["provinces"]
    found = {e["name"]: geo.find_province(e["name"]) for e in entries}
    assert all(found.values()), [n for n, f in found.items() if not f]
    assert len({f["name"] for f in found.values()}) == len(entries)            # one point per province
    boxes = {"Lào": (9.5, 22.6, 99.9, 108.0), "Campuchia": (9.5, 22.6, 99.9, 108.0),  # Laos/Cambodia's box
             "Trung Quốc": (21.0, 29.5, 97.0, 112.5)}                            # Yunnan and Guangxi
    for e in entries:
        lat, lon = found[e["name"]]["lat"], found[e["name"]]["lon"]
        south, north, west, east = boxes[e["country"]]
        assert south < lat < north and west < lon < east, e["name"]


def test_articles_per_month_counts_every_month_of_the_span_gaps_included(t):
    m = findings.articles_per_month(t)
    months = list(m["month"])
    assert months == sorted(months) and len(months) == len(set(months))
    span = pd.period_range(months[0], months[-1], freq="M").strftime("%Y-%m").tolist()
    assert months == span
    assert m["count"].sum() == findings.article_dates(t).notna().sum()
