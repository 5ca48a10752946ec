"""Dates in Vietnamese news: the publication date (header, dateline, metadata) and the event date of a lead.

Public functions (pure):
    parse_header(line)            ' date 2024-03 Chiều 22-3 ...' -> ('2024-03', rest of the line)
    parse_dateline(line)          'Thứ Sáu, 28/05/2021, 13:07' -> '2021-05-28' (None when the line is not a dateline)
    parse_published(value)        any date-ish value from metadata -> ISO at its precision, or None
    parse_day_month(text, ref)    first date in a snippet, the year resolved from the ISO reference
    find_event_date(lead, published)  the event date of a lead sentence/paragraph

Dates are ISO strings at the precision known: 'YYYY-MM-DD' or 'YYYY-MM'.
"""
from __future__ import annotations

import datetime as dt
import re

from analysis import ruledata

MIN_YEAR, MAX_YEAR = 1945, 2100
# How far after the publication day a day-month may fall and still be the same year (announcements of
# events a few days ahead); further than that it is taken as last year's date.
FUTURE_TOLERANCE_DAYS = 7

_HEADER = re.compile(r"^\s*date\s+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=\s|$)\s*", re.IGNORECASE)

# Full dates (with a year), the shapes datelines and metadata use. A pattern that opens with a lookbehind gets
# no fast first-character scan from the regex engine, so a lookahead on its possible first characters comes first.
_DMY = re.compile(r"(?=\d)(?<![\d/.\-])(\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\d/])")
_YMD = re.compile(r"(?=\d)(?<![\d/.\-])(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?)?(?![\d/])")
_YM = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_WORDY = re.compile(r"(?=n)\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}\s?[:hg]\s?\d{2}(?:\s?:\s?\d{2})?(?:\s?(?:AM|PM|SA|CH))?\b|\b\d{1,2}\s?(?:giờ|h)\b", re.IGNORECASE)
_ZONE = re.compile(r"\(?\b(?:GMT|UTC|ICT)\s*(?:[+\-]\s*\d{1,2}(?::?\d{2})?)?\)?", re.IGNORECASE)
_PUNCT_ONLY = re.compile(r"[\s,;:|/\\\-–—()\[\].·•]*")
MAX_DATELINE_CHARS = 90
_FOUR_DIGITS = re.compile(r"\d{4}")
_DIGIT = re.compile(r"\d")


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    """ISO string of a valid date in range, else None."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_header(line: str) -> tuple[str | None, str]:
    """The seed header: ' date 2024-03 Chiều 22-3, ...' -> ('2024-03', 'Chiều 22-3, ...').

    Returns (None, line) when the line has no valid header.
    """
    m = _HEADER.match(line)
    if not m:
        return None, line
    year, month = int(m.group(1)), int(m.group(2))
    day = int(m.group(3)) if m.group(3) else None
    iso = _iso(year, month, day)
    if iso is None:
        return None, line
    return iso, line[m.end():]


def _full_dates(text: str):
    """(start, end, iso) of every full date (with year) in text, in order."""
    if not _FOUR_DIGITS.search(text):  # each of the three shapes holds a four-digit year
        return []
    found = []
    for m in _DMY.finditer(text):
        iso = _iso(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in _YMD.finditer(text):
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in _WORDY.finditer(text):
        iso = _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if iso:
            found.append((m.start(), m.end(), iso))
    return sorted(found)


def _filler():
    return ruledata.patterns("datelines.yaml", "filler", whole_line=False)


def parse_dateline(line: str) -> str | None:
    """'Thứ Sáu, 28/05/2021, 13:07' -> '2021-05-28'; None when the line is not a dateline.

    A dateline holds exactly one full date and, once the date, times, time zones and the filler words
    of data/datelines.yaml are removed, nothing but punctuation.
    """
    if not line or len(line) > MAX_DATELINE_CHARS or not _FOUR_DIGITS.search(line):
        return None
    dates = _full_dates(line)
    if len(dates) != 1:
        return None
    start, end, iso = dates[0]
    rest = line[:start] + " " + line[end:]
    rest = _ZONE.sub(" ", _TIME.sub(" ", rest))
    for regex, _ in _filler():
        rest = re.sub(rf"(?<!\w)(?:{regex.pattern})(?!\w)", " ", rest, flags=re.IGNORECASE)
    return iso if _PUNCT_ONLY.fullmatch(rest) else None


def parse_published(value) -> str | None:
    """A publication date from metadata (str, date, datetime, pandas Timestamp) -> ISO at its precision.

    Accepts '2024-03-22T10:00:00+07:00', '2024-03-22', '2024-03', '22/03/2024', datelines, and the
    seed header form 'date 2024-03'. Returns None when nothing date-like is found.
    """
    if value is None:
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        try:
            return value.to_pydatetime().date().isoformat()
        except (ValueError, AttributeError):
            return None
    text = str(value).strip()
    if not text or text.lower() in {"nan", "none", "null", "nat"}:
        return None
    header, rest = parse_header(text)
    if header and not rest.strip():
        return header
    m = _YM.match(text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)))
    dates = _full_dates(text)
    return dates[0][2] if dates else None


# --- event dates ---------------------------------------------------------------------------------

# A day-month without a year is only taken after one of these words (or at the very start of the
# snippet), so that '2022 - 2025', '12-NQ/TW' or '2 tỉnh 3-4' are not read as dates.
_LEAD_WORD = (r"(?:(?:rạng\s+)?sáng|trưa|chiều|tối|đêm|khuya|ngày|hôm|từ|vào|trong|đến|tới)"
              r"(?:\s+(?:nay|qua|mai|hôm\s+qua|hôm\s+nay))?\s*,?\s*\(?\s*(?:(?:các\s+)?ngày\s+)?")
_D, _M = r"(\d{1,2})", r"(\d{1,2})"
_SEP = r"\s?[/.\-]\s?"
_YEAR = rf"(?:{_SEP}(\d{{4}}))?"
_END = r"(?![\d])(?!\s?[/.\-]\s?\d)"
_FIRST = r"(?=[rstcđkhnv\d])"  # the first letters of _LEAD_WORD's words (case-insensitive; keep in step) or the day's digit
# a day and a month joined by a separator: every pattern below but the wordy ones needs one (a quick pre-check)
_DAY_SEP_MONTH = re.compile(r"\d\s?[/.\-]\s?\d")
# 'ngày 12 tháng 9 năm 2022', 'ngày 12 tháng 9'
_EV_WORDY = re.compile(r"(?=n)(?<!\w)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,|/)\s*(\d{4}))?", re.IGNORECASE)
# ranges: 'Ngày 20 và 21/9', 'Từ ngày 3 đến 5/6', 'Ngày 20-21/9', 'ngày 3, 4/6'
_EV_RANGE = re.compile(rf"{_FIRST}(?:(?<!\w){_LEAD_WORD}|^)(?<![\d/.\-]){_D}\s*(?:và|,|-|–|đến|tới|&)\s*(?:ngày\s+)?(\d{{1,2}}){_SEP}{_M}{_YEAR}{_END}",
                       re.IGNORECASE)
# single day-month after a lead word: 'Chiều 22-3', 'Ngày 9.8', 'Sáng 14/3', 'Chiều 12/9/2022'
_EV_SINGLE = re.compile(rf"{_FIRST}(?:(?<!\w){_LEAD_WORD}|^)(?<![\d/.\-]){_D}{_SEP}{_M}{_YEAR}{_END}", re.IGNORECASE)


def _resolve(day: int, month: int, year: int | None, reference: str | None) -> str | None:
    """A day-month (and maybe year) -> ISO date, the year taken from the reference when missing:
    last year when the day-month falls after the reference (beyond a few days' tolerance)."""
    if year is not None:
        return _iso(year, month, day)
    if not reference:
        return None
    ref = str(reference)
    m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?", ref)
    if not m:
        return None
    ref_year, ref_month = int(m.group(1)), int(m.group(2))
    if m.group(3):
        ref_date = dt.date(ref_year, ref_month, int(m.group(3)))
        iso = _iso(ref_year, month, day)
        if iso and dt.date.fromisoformat(iso) > ref_date + dt.timedelta(days=FUTURE_TOLERANCE_DAYS):
            iso = _iso(ref_year - 1, month, day)
        return iso
    year = ref_year - 1 if month > ref_month else ref_year
    return _iso(year, month, day)


# The day-month patterns in the order parse_day_month ranks candidates that start at the same offset, with their
# groups of day, month and year (_EV_RANGE and _EV_SINGLE match only in a snippet where _DAY_SEP_MONTH does).
_AT_START = ((_EV_WORDY, (1, 2, 3)), (_EV_RANGE, (1, 3, 4)), (_EV_SINGLE, (1, 2, 3)))


# 'Chiều qua, ...' (yesterday), 'Sáng nay, ...' (today) opening a lead: a day relative to the publication date
_RELATIVE = re.compile(r"\s*(?:(?:rạng\s+)?(?:sáng|trưa|chiều|tối|đêm)|hôm)\s+(qua|nay)(?!\w)", re.IGNORECASE)


def _relative(word: str, reference_iso: str | None) -> str | None:
    """The day 'qua' (yesterday) or 'nay' (today) names, from a full reference date; None without one."""
    if not reference_iso or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(reference_iso)):
        return None
    day = dt.date.fromisoformat(str(reference_iso)) - dt.timedelta(days=1 if word == "qua" else 0)
    return day.isoformat()


def parse_day_month(text: str, reference_iso: str | None) -> str | None:
    """The first date of a snippet as an ISO date, its year resolved from reference_iso.

    'Chiều 22-3, tại ...' with '2024-03' -> '2024-03-22'; 'Ngày 15-12' with '2024-03' -> '2023-12-15';
    'Chiều 12/9/2022' -> '2022-09-12' whatever the reference; 'Ngày 20 và 21/9' -> the 20th;
    'Từ ngày 3 đến 5/6' -> the 3rd. A day-month without a year needs a lead word before it
    (ngày, sáng, chiều, tối, trưa, đêm, hôm, từ ...) or must open the snippet. None when no date is found
    or the year cannot be resolved (no year in the text and no reference).
    """
    if not text:
        return None
    rel = _RELATIVE.match(text)
    if rel and not _DAY_SEP_MONTH.search(text, rel.end(), rel.end() + 12):  # 'Sáng nay (12/3)': the date itself
        return _relative(rel.group(1).lower(), reference_iso)
    if not _DIGIT.search(text):  # every candidate below holds a digit
        return None
    # Most leads open with their date ('Chiều 22-3, ...'). Candidates at offset 0 come before all others (in the
    # order of _AT_START; full dates there rank after them), so the first of them that resolves is the answer,
    # found without scanning the whole snippet seven times.
    for rx, groups in _AT_START:
        m = rx.match(text)
        if m:
            day, month, year = m.group(*groups)
            iso = _resolve(int(day), int(month), int(year) if year else None, reference_iso)
            if iso:
                return iso
    candidates = []
    for m in _EV_WORDY.finditer(text):
        candidates.append((m.start(), int(m.group(1)), int(m.group(2)), m.group(3)))
    if _DAY_SEP_MONTH.search(text):
        for m in _EV_RANGE.finditer(text):
            candidates.append((m.start(), int(m.group(1)), int(m.group(3)), m.group(4)))
        for m in _EV_SINGLE.finditer(text):
            candidates.append((m.start(), int(m.group(1)), int(m.group(2)), m.group(3)))
    for start, end, iso in _full_dates(text):
        candidates.append((start, int(iso[8:]), int(iso[5:7]), iso[:4]))
    for _, day, month, year in sorted(candidates, key=lambda c: c[0]):
        iso = _resolve(day, month, int(year) if year else None, reference_iso)
        if iso:
            return iso
    return None


def find_event_date(lead: str, published: str | None) -> str | None:
    """The date of the reported event from the lead (its first sentence or paragraph) and the
    publication date (ISO, month or day precision). See parse_day_month for the rules."""
    return parse_day_month(lead, published)
