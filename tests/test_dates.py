"""Publication dates (header, dateline, metadata) and event dates from the lead."""
from __future__ import annotations

import pytest

from analysis import ruledata
from analysis.dates import find_event_date, parse_dateline, parse_day_month, parse_header, parse_published


@pytest.mark.parametrize("line, iso", [
    ("12/09/2022", "2022-09-12"),
    ("Thứ Sáu, 28/05/2021, 13:07", "2021-05-28"),
    ("28/05/2021 13:07 GMT+7", "2021-05-28"),
    ("(28/5/2021)", "2021-05-28"),
    ("Cập nhật: 08:30 ngày 12/9/2022", "2022-09-12"),
    ("Thứ hai, 12/9/2022 - 08:30", "2022-09-12"),
    ("2022-09-12", "2022-09-12"),
    ("ngày 12 tháng 9 năm 2022", "2022-09-12"),
    ("Thứ hai, 12/9/2022, 08:30 (GMT+7)", "2022-09-12"),
    ("12/09/2022 | 08:30", "2022-09-12"),
    ("12-09-2022 08:30:15", "2022-09-12"),
    ("12.09.2022", "2022-09-12"),
    ("[12/09/2022 08:30 AM]", "2022-09-12"),
    ("2022-09-12T08:30:00+07:00", "2022-09-12"),
    ("Chủ nhật, 29/02/2023 - 20:15", None),          # no such day
    ("Thứ Năm, 29/02/2024 - 20:15", "2024-02-29"),  # leap year
])
def test_dateline_forms(line, iso):
    assert parse_dateline(line) == iso


@pytest.mark.parametrize("line", [
    "Chiều 12/9/2022, tại TP. Hồ Chí Minh, Công an TP. Hồ Chí Minh phối hợp với Công an các tỉnh.",
    "Lượt xem: 2093",
    "Từ 12/9/2022 đến 15/9/2022",                   # two dates: a sentence, not a dateline
    "Nghị quyết 12/2022",
    "Ký kết ngày 12/9/2022",                         # words other than dateline filler
    "",
])
def test_lines_that_are_not_datelines(line):
    assert parse_dateline(line) is None


@pytest.mark.parametrize("example", [e for _, e in ruledata.patterns("datelines.yaml", "filler", whole_line=False)])
def test_each_dateline_filler_entry_is_needed_and_works(example):
    assert parse_dateline(example) is not None


def test_seed_header():
    assert parse_header(" date 2024-03 Chiều 22-3, tại Huế") == ("2024-03", "Chiều 22-3, tại Huế")
    assert parse_header("date 2024-03-22 Sáng nay") == ("2024-03-22", "Sáng nay")
    assert parse_header(" date 2024-13 x") == (None, " date 2024-13 x")
    assert parse_header("Chiều 22-3, tại Huế") == (None, "Chiều 22-3, tại Huế")


@pytest.mark.parametrize("value, iso", [
    ("2024-03-22T10:00:00+07:00", "2024-03-22"),
    ("2024-03-22", "2024-03-22"),
    ("2024-03", "2024-03"),
    ("22/03/2024", "2024-03-22"),
    ("Thứ Sáu, 22/03/2024, 13:07", "2024-03-22"),
    ("date 2024-03", "2024-03"),
    ("", None),
    ("nan", None),
    (None, None),
    ("không rõ", None),
])
def test_published_from_metadata(value, iso):
    assert parse_published(value) == iso


def test_published_from_date_objects():
    import datetime as dt

    import pandas as pd

    assert parse_published(dt.date(2024, 3, 22)) == "2024-03-22"
    assert parse_published(dt.datetime(2024, 3, 22, 9, 30)) == "2024-03-22"
    assert parse_published(pd.Timestamp("2024-03-22 09:30")) == "2024-03-22"


@pytest.mark.parametrize("lead, published, iso", [
    # the seeds
    ("Chiều 22-3, tại Công an tỉnh Thừa Thiên Huế diễn ra lễ ký kết", "2024-03", "2024-03-22"),
    ("Ngày 9.8, tại TP.Huế, Công an tỉnh Thừa Thiên - Huế", "2023-08", "2023-08-09"),
    ("Chiều 12/9/2022, tại TP. Hồ Chí Minh", "2022-09-12", "2022-09-12"),
    ("Ngày 28/5, tại Công an TP Cần Thơ", "2021-05-28", "2021-05-28"),
    ("Sáng 14/3, tại Công an tỉnh Thanh Hóa", "2024-03", "2024-03-14"),
    # other forms of the genre
    ("Tối 5/10, Công an tỉnh tổ chức", "2022-10-12", "2022-10-05"),
    ("Trưa 1-4, tại trụ sở", "2024-04", "2024-04-01"),
    ("Ngày 20 và 21/9, tại Hà Nội", "2022-09", "2022-09-20"),
    ("Từ ngày 3 đến 5/6, đoàn công tác", "2022-06", "2022-06-03"),
    ("Ngày 20-21/9, hội nghị diễn ra", "2022-10-01", "2022-09-20"),
    ("Trong 2 ngày 20 và 21/9, tại Đà Nẵng", "2022-09", "2022-09-20"),
    ("Sáng nay (14/3), tại Hà Nội", "2024-03-14", "2024-03-14"),
    ("Rạng sáng 2/1, lực lượng chức năng", "2024-01-03", "2024-01-02"),
    ("Chiều qua 11/9, tại trụ sở", "2022-09-12", "2022-09-11"),
    ("Vào ngày 12 tháng 9 năm 2022, hai bên ký kết", None, "2022-09-12"),
    ("Ngày 12 tháng 9, hai bên ký kết", "2022-09", "2022-09-12"),
    ("22-3, tại Huế, hai bên ký kết", "2024-03", "2024-03-22"),      # a date that opens the lead
    # the year: last year when the day-month falls after publication
    ("Ngày 15-12, hai bên ký kết", "2024-03", "2023-12-15"),
    ("Ngày 28/12, hai bên ký kết", "2024-01-03", "2023-12-28"),
    ("Ngày 15/3, hai bên sẽ ký kết", "2024-03-12", "2024-03-15"),     # a few days ahead: same year
    # nothing to find
    ("Công an tỉnh ký kết biên bản hợp tác giai đoạn 2022 - 2025 theo Nghị quyết 12-NQ/TW", "2024-03", None),
    ("Công an 2 tỉnh 3-4 đơn vị", "2024-03", None),
    ("Chiều 22-3, tại Huế", None, None),                               # no year anywhere
    ("Ngày 31/2, tại Huế", "2024-03", None),                           # no such day
    ("", "2024-03", None),
])
def test_event_date_from_the_lead(lead, published, iso):
    assert find_event_date(lead, published) == iso
    assert parse_day_month(lead, published) == iso


def test_the_first_date_of_the_snippet_wins():
    assert parse_day_month("Sáng 14/3, hội nghị tổng kết Nghị quyết ngày 16/3/2022", "2024-03") == "2024-03-14"
    assert parse_day_month("Hội nghị (19/8/2005 - 19/8/2025) diễn ra chiều 14/3", "2024-03") == "2005-08-19"


@pytest.mark.parametrize("lead, published, iso", [
    ("Chiều qua, Công an tỉnh Lạng Sơn và Công an tỉnh Cao Bằng ký kết quy chế phối hợp.", "2024-03-13", "2024-03-12"),
    ("Tối qua, hai đơn vị tổ chức giao lưu.", "2024-03-01", "2024-02-29"),
    ("Hôm nay, Công an tỉnh Lạng Sơn tổ chức hội nghị.", "2024-03-13", "2024-03-13"),
    ("Sáng nay (12/3), hai đơn vị ký kết.", "2024-03-13", "2024-03-12"),   # the date written wins
    ("Chiều qua, hai đơn vị ký kết.", "2024-03", None),                   # no day to count from
])
def test_yesterday_and_today_count_from_the_publication_date(lead, published, iso):
    assert parse_day_month(lead, published) == iso


def test_qua_and_nay_inside_words_are_no_relative_date():
    assert parse_day_month("Thông qua kế hoạch năm nay, hai đơn vị ký kết.", "2024-03-13") is None
