"""Events: signings, interim/final reviews, roll-outs and conferences, with parties and signatories.

Public functions (pure; rule data in analysis/data/events.yaml, loaded once):

    find_triggers(text)                 kind triggers of a sentence: [(start, end, kind)]
    find_agreement(text, start, end)    leftmost agreement phrase in a span: (start, end, type) or None
    find_term(text)                     'năm 2023' -> '2023', 'giai đoạn 2022 - 2025' -> '2022-2025'
    article_events(...)                 the events of one article (dicts with parties and signatories)
    extract_events(articles, sentences, unit_mentions=None, person_mentions=None)
        -> (events, event_parties, event_signatories) DataFrames

An event is read from the article's title and lead (the first two paragraphs): every clause with a kind trigger
('ký kết', 'sơ kết', 'Hội nghị sơ kết', ...) and, where the kind needs one, an agreement ('quy chế phối hợp', ...).
Clauses of the same event merge; 'ký kết A và B' / 'ký kết A, B' with agreements of different types is one signing
per agreement. A body sentence that signs an agreement differing (type or number) from the events found so far
('Tại hội nghị, hai Bộ đã ký kết Kế hoạch phối hợp số 25/KH-...') is one more signing, with the lead event's parties,
place and date where it names none; repeats, earlier and future signings are not. Sentences anywhere that name who signed ('Đại tá A, Giám đốc ... và Thiếu
tướng B, ... ký kết ... giữa X và Y') add signatories; when they split one signing between different pairs of
units, the signing becomes one event per pair.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from re import _constants as _sre
from re import _parser as _sre_parser

import pandas as pd

from analysis import ruledata
from analysis.units import resolve_at

EVENT_COLUMNS = ["article_id", "event_id", "kind", "agreement_type", "date", "place", "term", "doc_number", "structure",
                 "sentence_id", "start", "end", "surface", "n_parties", "n_signatories"]
PARTY_COLUMNS = ["article_id", "event_id", "unit_id", "unit", "kind", "country"]
SIGNATORY_COLUMNS = ["article_id", "event_id", "person_id", "name", "rank", "organisation"]
LEAD_PARAGRAPHS = 2
PARTY_KINDS_EXCLUDED = {"cluster"}


_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
               _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = tuple(getattr(_sre, op) for op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, op))


def _class_items(items) -> list[str] | None:
    """The items of a parsed character class as class source ('a', 'a-z', '\\d'); None for a negated class."""
    out = []
    for op, av in items:
        if op is _sre.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _sre.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _sre.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            return None
    return out


def _firsts(seq) -> tuple[list[str] | None, bool]:
    """(class items every match of the parsed sequence can start with, whether the sequence can match empty);
    None when that cannot be told (a wildcard, a negated class, a back-reference, a local flag)."""
    out: list[str] = []
    for op, av in seq:
        if op in _ZERO_WIDTH:  # lookarounds and anchors consume nothing: the next item starts the match
            continue
        if op is _sre.LITERAL:
            return out + [re.escape(chr(av))], False
        if op is _sre.IN:
            items = _class_items(av)
            return (None, False) if items is None else (out + items, False)
        if op is _sre.BRANCH:
            parts = [_firsts(b) for b in av[1]]
        elif op is _sre.SUBPATTERN:
            if av[1] or av[2]:  # (?i:...) and the like: its first letters would not follow the pattern's flags
                return None, False
            parts = [_firsts(av[3])]
        elif op is _sre.ATOMIC_GROUP:
            parts = [_firsts(av)]
        elif op in _REPEATS:
            first, empty = _firsts(av[2])
            parts = [(first, empty or av[0] == 0)]
        else:
            return None, False
        if any(first is None for first, _ in parts):
            return None, False
        for first, _ in parts:
            out += first
        if not any(empty for _, empty in parts):
            return out, False
    return out, True


_ONE_DIGIT = [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_DIGIT)])]  # a parsed '\\d'


def _digit_run(seq) -> int:
    """How many digits (\\d) in a row every match of the parsed sequence holds, as one of its items tells ('(\\d{4})'
    -> 4; 0 when that cannot be told)."""
    best = 0
    for op, av in seq:
        if op is _sre.IN:
            n = 1 if [(op, av)] == _ONE_DIGIT else 0
        elif op in _REPEATS:
            n = (av[0] if list(av[2]) == _ONE_DIGIT else _digit_run(av[2])) if av[0] >= 1 else 0
        elif op is _sre.SUBPATTERN:
            n = _digit_run(av[3])
        elif op is _sre.BRANCH:
            n = min(_digit_run(b) for b in av[1])
        else:
            n = 0
        best = max(best, n)
    return best


def _first_class(rx: re.Pattern) -> re.Pattern:
    """rx with a lookahead on the characters its matches start with in front ('(?<!\\w)số\\s+...' ->
    '(?=[s])(?:(?<!\\w)số\\s+...)'): the same matches, found several times faster, because `re` scans quickly
    only for a pattern that opens with a plain character class, not with a lookbehind, a group or a
    case-insensitive letter. rx itself when the first characters cannot be told."""
    try:
        first, empty = _firsts(_sre_parser.parse(rx.pattern, rx.flags))
        if first is None or empty:
            return rx
        return re.compile(f"(?=[{''.join(dict.fromkeys(first))}])(?:{rx.pattern})", rx.flags)
    except (re.error, TypeError, ValueError, IndexError):  # an unusual pattern: keep it as it is
        return rx


# The keys each entry of an events.yaml list may have (ruledata.check_keys).
_SCHEMA = {"kinds": {"kind", "pattern", "priority", "requires_agreement", "example"},
           "agreements": {"type", "pattern", "example"}, "terms": {"pattern", "example"}}


@lru_cache(maxsize=None)
def _rules() -> dict:
    data = ruledata.load("events.yaml")
    ruledata.check_keys("events.yaml", data, _SCHEMA)
    out = {}
    for section, need in (("kinds", ("kind", "pattern", "priority", "example")), ("agreements", ("type", "pattern", "example")),
                          ("terms", ("pattern", "example"))):
        entries = data.get(section)
        if not isinstance(entries, list) or not entries:
            raise ValueError(f"analysis/data/events.yaml: missing or empty list {section!r}")
        compiled = []
        for i, e in enumerate(entries):
            if not isinstance(e, dict) or any(k not in e for k in need):
                raise ValueError(f"analysis/data/events.yaml: {section}[{i}] = {e!r}: needs {', '.join(need)}")
            try:
                rx = re.compile(ruledata.expand(e["pattern"]), re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"analysis/data/events.yaml: {section}[{i}] pattern {e['pattern']!r}: {exc}") from exc
            if not rx.search(e["example"]):
                raise ValueError(f"analysis/data/events.yaml: {section}[{i}] pattern {e['pattern']!r} does not match its example {e['example']!r}")
            compiled.append((rx, e))
        out[section] = compiled
    # the terms as one alternation, searched for in every clause window: its leftmost match is the leftmost of
    # the rules', and at one place the first rule's, as find_term wants (one scan, not one per rule); with the
    # first characters up front
    out["term_rx"] = _first_class(re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in out["terms"]), re.IGNORECASE))
    # every term reads a year: a window without digits in a row has none, told by a far faster scan (a plain class
    # first); as many digits as every rule's matches hold, None when one holds none
    run = min(_digit_run(_sre_parser.parse(rx.pattern, rx.flags)) for rx, _ in out["terms"])
    out["term_digits"] = re.compile(r"\d" * run) if run else None
    for key in ("place_skip", "place_levels", "not_joined", "cited_documents", "signers_after"):
        if not isinstance(data.get(key), list) or not data[key] or not all(isinstance(w, str) and w.strip() for w in data[key]):
            raise ValueError(f"analysis/data/events.yaml: {key!r} must be a non-empty list of words")
    skip = "|".join(re.escape(w) for w in sorted(data["place_skip"], key=len, reverse=True))
    levels = "|".join(re.escape(w) for w in sorted(data["place_levels"], key=len, reverse=True))
    # 'tại' + skipped words + the place: a capitalised name, or a level word and a capitalised name
    # ('tại' first and the word boundary behind it, the same as '(?<!\w)tại': `re` scans quickly for a pattern that
    # opens with plain letters)
    out["place"] = re.compile(
        rf"tại(?<!\wtại)\s+(?:(?:{skip})\s+)?(?=[{ruledata.UPPER}]|(?:{levels})\s+[{ruledata.UPPER}])(.{{2,70}}?)"
        r"(?=\s*[,;(]|\s+(?:diễn ra|đã|đang|sẽ|tổ chức|long trọng|trang trọng|ký|hội đàm)(?!\w)|(?<!TP)(?<!Tp)\s*\.(?:\s|$)|$)")
    docs = "|".join(re.escape(w) for w in data["cited_documents"])
    out["cited"] = _first_class(re.compile(rf"(?<!\w)(?:{docs})(?!\w)[^;]{{0,120}}?\svề\s"))
    cues = "|".join(re.escape(w) for w in sorted(data["signers_after"], key=len, reverse=True))
    # the cue, then at most three words (a rank, 'đồng chí') up to the first name; no clause break
    out["signers_after"] = re.compile(rf"(?<!\w)(?:{cues})\s*:?\s*(?:[^\s.;:,]+\s+){{0,3}}$", re.IGNORECASE)
    out["not_joined"] = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in data["not_joined"]) + r")(?!\w)")
    stops = data.get("not_signing")
    if not isinstance(stops, list) or not stops:
        raise ValueError("analysis/data/events.yaml: missing or empty list 'not_signing'")
    out["not_signing"] = _first_class(re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in stops) + r")(?!\w)", re.IGNORECASE))
    out["kind_rx"] = re.compile("|".join(f"(?P<k{i}>{ruledata.expand(e['pattern'])})" for i, (_, e) in enumerate(out["kinds"])), re.IGNORECASE)
    # the kind entry of a match's m.lastindex: the group k<i> of the kind that matched closes last
    out["kind_of_group"] = {n: out["kinds"][int(name[1:])][1] for name, n in out["kind_rx"].groupindex.items() if name[0] == "k"}
    return out


@lru_cache(maxsize=None)
def _anchors():
    """The first words of the kind triggers and of the agreement phrases: read in the one pass over an article
    that analysis.anchors.core_positions makes for units, people and events (a few more hits there cost far less
    than a second pass over the sentences that tell a signing)."""
    from analysis.anchors import Anchors, _split_top

    return Anchors({"kind": [e["pattern"] for _, e in _rules()["kinds"]],
                    "agreement": [alt for _, e in _rules()["agreements"] for alt in _split_top(ruledata.expand(e["pattern"]))]})


def trigger_positions(text: str) -> list[int]:
    """Offsets where a kind trigger may start (one pass over the whole text)."""
    from analysis.anchors import core_positions

    return core_positions(text)["kind"]


def agreement_positions(text: str) -> list[int]:
    """Offsets where an agreement phrase may start (the same pass as trigger_positions)."""
    from analysis.anchors import core_positions

    return core_positions(text)["agreement"]


def find_triggers(text: str, start: int = 0, end: int | None = None, positions: list[int] | None = None) -> list[tuple[int, int, dict]]:
    """Kind triggers in text[start:end], touching ones merged ('Hội nghị sơ kết' -> so_ket).
    positions: candidate offsets from trigger_positions(text), to scan a long text only once."""
    end = len(text) if end is None else end
    if positions is None:
        positions = trigger_positions(text[start:end])
        positions = [p + start for p in positions]
    return _triggers_within(text, [(start, end)], positions)[0]


def _triggers_within(text: str, spans: list[tuple[int, int]], positions: list[int]) -> list[list[tuple[int, int, dict]]]:
    """find_triggers of each (start, end) span, in one loop (an article's sentences)."""
    r = _rules()
    kind_rx, kind_of = r["kind_rx"], r["kind_of_group"]
    out = []
    for start, end in spans:
        # the candidates inside the span only (slicing to the end of a long article's list would copy it each time)
        lo, hi = bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)
        merged: list[tuple] = []
        last = -1
        for p in positions[lo:hi]:
            if p < last:
                continue
            m = kind_rx.match(text, p, end)
            if m is None:
                continue
            last = m.end()
            entry = kind_of[m.lastindex]
            if merged and p - merged[-1][1] <= 3 and _TOUCHING.fullmatch(text, merged[-1][1], p):
                ps, _, pk = merged[-1]
                merged[-1] = (ps, last, entry if entry["priority"] > pk["priority"] else pk)
            else:
                merged.append((p, last, entry))
        out.append(merged)
    return out


_TOUCHING = re.compile(r"[\s\w]{0,3}")  # what may stand between two triggers that read as one


@lru_cache(maxsize=None)
def _agreement_rx() -> tuple[re.Pattern, list[str]]:
    """One regex for every agreement phrase: alternatives longest first, so that at one place the longer wins."""
    from analysis.anchors import _split_top

    alts = [(alt, e["type"]) for _, e in _rules()["agreements"] for alt in _split_top(ruledata.expand(e["pattern"]))]
    alts.sort(key=lambda a: len(a[0]), reverse=True)
    types = [t for _, t in alts]
    grouped = _by_first_letter([f"(?P<a{i}>{a})" for i, (a, _) in enumerate(alts)], re.IGNORECASE)
    return _first_class(re.compile(grouped, re.IGNORECASE)), types


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def _by_first_letter(alts: list[str], flags: int) -> str:
    """The alternation of alts, those that start with the same letter gathered behind one lookahead on it
    ('(?=[q])(?:quy chế phối hợp|quy chế)|(?=[b])(?:...)'): `re` then tries at a place only the alternatives that
    can match there, not all of them in turn. The first alternative to match at a place stays the same: those of
    one letter keep their order, and no character matches two different ASCII letters (under IGNORECASE either).
    The plain alternation is kept when an alternative starts otherwise, or holds more than one group (moving it
    would renumber the groups a back-reference may name)."""
    groups: dict[str, list[str]] = {}
    for alt in alts:
        try:
            first, empty = _firsts(_sre_parser.parse(alt, flags))
            if re.compile(alt, flags).groups != 1:
                first = None
        except (re.error, TypeError, ValueError, IndexError):
            first, empty = None, True
        if first is None or empty or len(set(first)) != 1 or first[0] not in _ASCII_LETTERS:
            return "|".join(alts)
        groups.setdefault(first[0], []).append(alt)
    return "|".join(f"(?=[{c}])(?:{'|'.join(group)})" for c, group in groups.items())


def find_agreement(text: str, start: int, end: int, positions: list[int] | None = None) -> tuple[int, int, str] | None:
    """Leftmost (then longest) agreement phrase in text[start:end]. positions: candidate offsets of the whole text
    (agreement_positions(text)), to try the regex only there."""
    rx, types = _agreement_rx()
    if positions is None:
        m = rx.search(text, start, end)
    else:
        m = None
        for p in positions[bisect.bisect_left(positions, start):]:
            if p >= end:
                break
            m = rx.match(text, p, end)
            if m:
                break
    return (m.start(), m.end(), types[int(m.lastgroup[1:])]) if m else None


def find_term(text: str, until: re.Pattern | None = None) -> str | None:
    """The term written after an agreement: 'năm 2023' -> '2023', 'giai đoạn 2022 - 2025' -> '2022-2025'.
    until: the term is read in the text before the first match of that regex only."""
    r = _rules()
    if r["term_digits"] is not None and r["term_digits"].search(text) is None:
        return None  # nor in any part of it: the search for `until` is spared too
    if until is not None:
        stop = until.search(text)
        if stop:
            text = text[:stop.start()]
    best = r["term_rx"].search(text)
    if not best:
        return None
    years = [g for g in best.groups() if g]  # the groups of the rule that matched (the others' are None)
    if not all(1945 <= int(y) <= 2100 for y in years):
        return None
    return "-".join(years)


_DIGIT = re.compile(r"\d")  # a plain class, which `re` scans for quickly
_DOC = _first_class(re.compile(r"(?<!\w)số\s+(\d{1,5}(?:/[\wĐđ\-]+)*)", re.IGNORECASE))
_STRUCTURE = re.compile(r"(\d{1,3})\s+(Chương)\s*(?:,|và)?\s*(\d{1,3})\s+(Điều)", re.IGNORECASE)
_NOT_PLACE = re.compile(r"(?:Hội nghị|Hội đàm|Lễ|Buổi|Phiên|Đại hội)(?!\w)", re.IGNORECASE)
_RETRO = _first_class(re.compile(r"(?:(?:sau|qua)\s+(?:\d+|một|hai|ba|bốn|năm|mười)\s+năm|(?:kể\s+)?từ\s+khi|kể\s+từ|từ\s+ngày)\s+$", re.IGNORECASE))
_PASSIVE = re.compile(r"được\s*$")  # 'Quy chế phối hợp ... đã được ký kết'
_OWNER = re.compile(r"(?<!\w)(?:thuộc|của|trực thuộc)\s*$")
_CLAUSE_END = re.compile(r"[;.](?!\w)")
_SIGNER_STOP = re.compile(r"[.;:]")  # between a signatory and the signing trigger: another clause
_AND_THEN = re.compile(r",\s*(?:và|đồng thời)\s")  # ', và ...', ', đồng thời ...': the term window ends there
_JOINED = re.compile(r"(?:\s+và|\s*,)\s*$")  # 'A và B', 'A, B': the connector right before the next agreement
_WITNESS = re.compile(r"(?<!\w)chứng kiến của(?!\w)", re.IGNORECASE)
_AND = re.compile(r"(?<!\w)và(?!\w)")
_GENERIC = _first_class(re.compile(r"(?:quy|qui) chế|thỏa thuận|thoả thuận|biên bản|chương trình|kế hoạch", re.IGNORECASE))
_BACKREF = re.compile(r"\s*(?:này|đó|trên|nói trên|đã ký|vừa ký)(?!\w)", re.IGNORECASE)
_NOT_YET = _first_class(re.compile(r"(?:sẽ|tiến tới|dự kiến|chuẩn bị|đề xuất|nghiên cứu|hướng tới|chưa|dự thảo)\s+(?:\w+\s+){0,2}$", re.IGNORECASE))
# a signing dated after the article ('ký kết trong quý I/2026', 'ký kết vào năm 2026', 'ký kết trong thời gian tới')
_LATER = re.compile(r"\w+(?:\s+kết)?\s+(?:(?:trong|vào)\s+(?:(?:quý\s+[IV]+|tháng\s+\d{1,2}|đầu|giữa|cuối)\s*(?:/|năm)?\s*"
                    r"|năm\s+)?(\d{4})|(?:trong\s+)?thời gian tới)", re.IGNORECASE)
_YEAR = _first_class(re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/])"))
_HISTORY = _first_class(re.compile(r"(?<!\w)(?:trước đó|trước đây|đã từng|từng)(?!\w)", re.IGNORECASE))
_LEVEL = re.compile(r"(?:TP\.?|Tp\.?|thành phố|Thành phố|tỉnh|Thủ đô)\s*")


def _place(text: str, s_start: int, s_end: int, limit: int, units: list[dict]) -> tuple[str, int, int] | None:
    place_rx = _rules()["place"]
    m = place_rx.search(text, s_start, s_end)
    while m and _NOT_PLACE.match(m.group(1)):
        m = place_rx.search(text, m.end(), s_end)
    if not m or m.start() > limit:
        return None
    ps, pe = m.start(1), m.end(1)
    u = next((u for u in units if u["start"] == ps), None)
    if u is not None:
        pe = u["end"]
    else:  # 'tại TP. Hồ Chí Minh', 'tại tỉnh Gia Lai': a level word and a known place
        lv = _LEVEL.match(text, ps)
        hit = resolve_at(text, lv.end() if lv else ps)
        if hit:
            pe = max(pe, hit[1])
    return text[ps:pe], ps, pe


def _affiliation(text: str, unit: dict) -> bool:
    """True when the unit is a person's organisation ('Giám đốc Công an tỉnh X', 'Thứ trưởng Bộ Công an': marked
    by analysis.people when it reads the title) or is owned by another ('... của Bộ Công an')."""
    if unit.get("affiliation"):
        return True
    if "affiliation" not in unit:  # mentions that did not go through analysis.people: read the words before
        from analysis.people import _rx as people_rx

        if people_rx().title_tail.search(text, max(0, unit["start"] - 60), unit["start"]):
            return True
    before = text[max(0, unit["start"] - 14):unit["start"]]
    return ("của" in before or "thuộc" in before) and bool(_OWNER.search(before))


_SUBJECT_END = re.compile(r";|,\s+(?=[A-ZĐ])")


def _cited_subjects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the subjects of documents cited between start and end ('Nghị định số 03/2019/NĐ-CP của Chính phủ
    về <subject>'): the units named there are what the document is about, not parties of the event."""
    out = []
    if text.find("về", start, end) < 0:  # a subject follows "về": none here (str.find is far faster than the scan)
        return out
    for m in _rules()["cited"].finditer(text, start, end):
        stop = _SUBJECT_END.search(text, m.end(), end)
        out.append((m.end(), stop.start() if stop else end))
    return out


_PARENT_GAP = re.compile(r"\s*(?:\([^()]{1,12}\))?\s*,?\s*")  # between a department (or cluster) and its ministry


def _parties(text: str, units: list[dict], start: int, end: int, place_span=None) -> list[dict]:
    inside = [u for u in units if start <= u["start"] and u["end"] <= end]
    out = []
    subjects = _cited_subjects(text, start, end) if inside else ()
    parent_ends = [u["end"] for u in inside if u["kind"] in ("cluster", "department")]
    for u in inside:
        if u["kind"] in PARTY_KINDS_EXCLUDED or u.get("in_parentheses") or _affiliation(text, u):
            continue
        if u["kind"] == "ministry" and any(_PARENT_GAP.fullmatch(text, e, u["start"]) for e in parent_ends if e <= u["start"]):
            continue  # 'Cụm thi đua số 3 Bộ Công an', 'Cục Cảnh sát hình sự (C02), Bộ Công an': their ministry, not a party
        if subjects and any(s <= u["start"] < e for s, e in subjects):
            continue
        if place_span and place_span[0] <= u["start"] < place_span[1]:
            if not any(v["unit_id"] == u["unit_id"] and not (place_span[0] <= v["start"] < place_span[1]) for v in inside):
                continue
        out.append(u)
    return _unique(out)


def _unique(items: list[dict], key: str = "unit_id") -> list[dict]:
    """The first mention of each unit (or, with key='person_id', of each person), in order."""
    seen, out = set(), []
    for item in items:
        if item[key] not in seen:
            seen.add(item[key])
            out.append(item)
    return out


def _clauses(text: str, sent: dict, triggers: list) -> list[dict]:
    """Event clauses of one sentence: kind, agreement, term, doc number, span. triggers: the sentence's
    find_triggers."""
    out = []
    for clause, window in _clause_drafts(text, sent, triggers):
        clause["term"] = find_term(window)
        out.append(clause)
    return out


def _clause_drafts(text: str, sent: dict, triggers: list, agr_pos: list[int] | None = None,
                   only: str | None = None) -> list[tuple[dict, str]]:
    """The clauses of _clauses with their term still None, each with the window its term is read from: the body
    pass reads the term of a shorter window. triggers: the sentence's find_triggers; agr_pos: agreement candidates.
    only: only the clauses of that kind (each trigger's clauses depend on the offsets of its neighbours only,
    so skipping the other triggers changes none of them)."""
    not_joined = _rules()["not_joined"]
    out = []
    for i, (ts, te, kind) in enumerate(triggers):
        if only is not None and kind["kind"] != only:
            continue
        if kind["kind"] == "ky_ket" and _RETRO.search(text, max(sent["start"], ts - 30), ts):
            continue  # 'sau 3 năm ký kết ...', 'kể từ khi ký kết ...': an earlier signing, not this event
        seg_end = triggers[i + 1][0] if i + 1 < len(triggers) else sent["end"]
        agr = find_agreement(text, te, seg_end, agr_pos)
        if agr is None:
            prev_end = triggers[i - 1][1] if i else sent["start"]
            # 'Quy chế phối hợp ... được ký kết' : the agreement right before the trigger
            before = find_agreement(text, prev_end, ts, agr_pos)
            if before and _PASSIVE.search(text, before[1], ts) is not None:
                agr = before
        if agr is None and kind["requires_agreement"]:
            continue
        # the first clause's window: from the agreement (or trigger) to the end of its clause
        first = agr[1] if agr else te
        stop = _CLAUSE_END.search(text, first, seg_end)
        clause_end = stop.start() if stop else seg_end
        # 'ký kết A và B', 'ký kết A, B': further agreements of other types joined to the first, one clause each
        agrs = [agr]
        if kind["kind"] == "ky_ket" and agr is not None and agr[0] >= ts:
            while True:
                nxt = find_agreement(text, agrs[-1][1], clause_end, agr_pos)
                if (nxt is None or not _JOINED.search(text, agrs[-1][1], nxt[0]) or any(a[2] == nxt[2] for a in agrs)
                        or not_joined.search(text, agrs[-1][1], nxt[0])):
                    break
                agrs.append(nxt)
        for j, a in enumerate(agrs):
            if j == 0:
                window_start, window_end = first, clause_end
            else:
                window_start = a[1]
                stop = _CLAUSE_END.search(text, window_start, seg_end)
                window_end = stop.start() if stop else seg_end
            if j + 1 < len(agrs):
                window_end = min(window_end, agrs[j + 1][0])
            window = text[window_start:window_end]
            cut = _AND_THEN.search(window)  # the part before the first ', và ...' (re.split(...)[0])
            if cut:
                window = window[:cut.start()]
            head = window[:60]
            doc = _DOC.search(head) if _DIGIT.search(head) else None  # a number has digits: a far faster scan first
            out.append(({"kind": kind["kind"], "agreement_type": a[2] if a else None, "term": None,
                         "doc_number": doc.group(1) if doc else None,
                         "start": ts if j == 0 else a[0], "end": a[1] if a and a[0] >= ts else te, "sent": sent,
                         "surface": text[a[0]:a[1]] if a else None}, window))
    return out


def _compatible(a: dict, b: dict) -> bool:
    return (a["kind"] == b["kind"]
            and (a["agreement_type"] is None or b["agreement_type"] is None or a["agreement_type"] == b["agreement_type"])
            and (a["term"] is None or b["term"] is None or a["term"] == b["term"]))


def article_events(article: dict, sents: list[dict], units: list[dict], people: list[dict]) -> list[dict]:
    """Events of one article. article: {article_id, text, published, event_date}; sents: its sentences in order
    (dicts with sentence_id, start, end, kind, paragraph); units / people: mention dicts with start/end."""
    from analysis import dates

    text = article["text"]
    positions = trigger_positions(text)
    # the lead: the paragraphs after the title up to and including the first body paragraph (captions and
    # sapos before it count too), at most LEAD_PARAGRAPHS of them
    lead_pars: set = set()
    for s in sents:
        if s["kind"] == "title" or s["paragraph"] in lead_pars:
            continue
        if len(lead_pars) >= LEAD_PARAGRAPHS:
            break
        lead_pars.add(s["paragraph"])
        if s["kind"] == "body":
            break
    lead_idx = [i for i, s in enumerate(sents) if s["kind"] == "title" or s["paragraph"] in lead_pars]
    lead = [sents[i] for i in lead_idx]
    events: list[dict] = []
    # index -> the sentence's triggers, read once: those of the sentences with a trigger candidate (all the body and
    # signing passes below read) in one loop now, any other the lead passes read when they do
    held = _sentences_holding(sents, positions)
    by_sent: list = [None] * len(sents)
    for i, found in zip(held, _triggers_within(text, [(sents[i]["start"], sents[i]["end"]) for i in held], positions)):
        by_sent[i] = found
    for i in lead_idx:
        s = sents[i]
        for c in _clauses(text, s, _triggers_of(text, sents, i, positions, by_sent)):
            if not _to_come(text, s, c):
                _add(events, c)
    if not events:  # no event in the lead: the first clause of the body that names an agreement
        for i, s in enumerate(sents):
            cl = [c for c in _clauses(text, s, _triggers_of(text, sents, i, positions, by_sent))
                  if c["agreement_type"] and not _to_come(text, s, c)]
            if cl:
                for c in cl:
                    _add(events, c)
                break
    lead_ids = {s["sentence_id"] for s in lead} | {s["sentence_id"] for e in events for s in e["sentences"]}
    # the sentences with a signing trigger: the only ones that can tell a signing or its signatories
    signing = [i for i in held if any(t[2]["kind"] == "ky_ket" for t in by_sent[i])]
    _body_signings(text, sents, lead_ids, events, article, by_sent, signing)
    # parties, place and date from the clauses' sentences
    day_of: dict = {}  # sentence start -> its date / (place, parties): events that share a sentence read it once
    read: dict = {}
    reference = article.get("published") or article.get("event_date")
    for ev in events:
        ev["parties"], ev["signatories"] = [], []
        ev["date"] = ev["place"] = None
        for s in ev["sentences"]:
            if s["start"] not in read:
                place = _place(text, s["start"], s["end"], s["end"], units)
                read[s["start"]] = (place, _parties(text, units, s["start"], s["end"], place[1:] if place else None))
            place, found = read[s["start"]]
            if place and ev["place"] is None:
                ev["place"] = place[0]
            ev["parties"] = _unique(ev["parties"] + found)
            if ev["date"] is None:
                if s["start"] not in day_of:
                    day_of[s["start"]] = dates.parse_day_month(text[s["start"]:s["end"]], reference)
                ev["date"] = day_of[s["start"]]
        if ev.get("from_body") and events[0] is not ev:  # a signing at the lead's event: its parties, place, date
            main = events[0]
            if len(ev["parties"]) < 2:
                ev["parties"] = _unique(ev["parties"] + main["parties"])
            ev["place"] = ev["place"] or main["place"]
            ev["date"] = ev["date"] or main["date"]
        ev["date"] = ev["date"] or article.get("event_date")
    # an event told in the headline (and retold in the body) but not in the lead ('... và ký kết Quy chế phối hợp
    # giữa 3 lực lượng'), whose parties the lead names for another event of the same meeting: those parties
    main = next((e for e in events if len(e["parties"]) >= 2), None)
    lead_body = {s["sentence_id"] for s in lead if s["kind"] != "title"}
    for ev in events:
        if main is not None and ev is not main and len(ev["parties"]) < 2 \
                and not any(s["sentence_id"] in lead_body for s in ev["sentences"]):
            ev["parties"] = _unique(ev["parties"] + main["parties"])
            ev["place"] = ev["place"] or main["place"]
    # a review or signing that names no agreement is a cooperation event only between two or more parties
    # ('Hội nghị sơ kết công tác 6 tháng' of one police force is routine news)
    events[:] = [e for e in events if e["agreement_type"] is not None or len(e["parties"]) >= 2]
    # talks that name no agreement, told in the sentence of another event, are that event's meeting ('tổ chức hội
    # đàm và ký kết Biên bản hợp tác'): one event, not two
    told = {s["sentence_id"] for e in events if e["kind"] != "hoi_nghi" or e["agreement_type"] for s in e["sentences"]}
    events[:] = [e for e in events if e["kind"] != "hoi_nghi" or e["agreement_type"] is not None
                 or not any(s["sentence_id"] in told for s in e["sentences"])]
    # so are talks followed by a signing between the same forces on the same day ('... tổ chức hội đàm. Kết thúc hội
    # đàm, hai bên đã ký ...'): the signing keeps the talks' place and date when it has none
    kept = []
    for e in events:
        if e["kind"] == "hoi_nghi" and e["agreement_type"] is None:
            ids = {u["unit_id"] for u in e["parties"]}
            same = next((o for o in events if o is not e and o["kind"] != "hoi_nghi"
                         and (o["date"] == e["date"] or o["date"] is None or e["date"] is None)
                         and ids & {u["unit_id"] for u in o["parties"]}), None)
            if same is not None:
                same["place"] = same["place"] or e["place"]
                same["date"] = same["date"] or e["date"]
                continue
        kept.append(e)
    events[:] = kept
    _signings(text, sents, units, people, events, by_sent, signing)
    structure = _structure(text)
    if structure:
        target = next((e for e in events if e["agreement_type"] not in (None,)), None)
        if target is not None:
            target["structure"] = f"{structure.group(1)} Chương, {structure.group(3)} Điều"
    for n, ev in enumerate(events, start=1):
        ev["event_id"] = f"{article['article_id']}:e{n}"
    return events


def _triggers_of(text: str, sents: list[dict], i: int, positions: list[int], by_sent: list) -> list:
    """find_triggers of sents[i], read once (by_sent: the article's, by sentence index; None where not read yet)."""
    triggers = by_sent[i]
    if triggers is None:
        s = sents[i]
        triggers = by_sent[i] = find_triggers(text, s["start"], s["end"], positions)
    return triggers


def _sentences_holding(sents: list[dict], positions: list[int]) -> list[int]:
    """Indexes (sorted) of the sentences that hold one of the offsets."""
    starts = [s["start"] for s in sents]
    return sorted({bisect.bisect_right(starts, p) - 1 for p in positions} - {-1})


def _to_come(text: str, sent: dict, clause: dict) -> bool:
    """'Hai lực lượng sẽ ký kết quy chế ...': a signing to come is not one that took place."""
    return clause["kind"] == "ky_ket" and _NOT_YET.search(text, sent["start"], clause["start"]) is not None


def _body_signings(text: str, sents: list[dict], lead_ids: set, events: list[dict], article: dict, by_sent: list,
                   signing: list[int]) -> int:
    """Signings told in the body ('Tại hội nghị, hai Bộ đã ký kết Kế hoạch phối hợp số 25/KH-...') of an agreement
    that differs, in type or number, from every event found so far; a body sentence that repeats a known agreement
    adds nothing. Earlier ('Năm 2020, hai đơn vị đã ký kết ...') and future ('sẽ ký kết') signings are not events.
    signing: the indexes of the sentences with a signing trigger; by_sent: the sentences' triggers, by index."""
    ref = article.get("published") or article.get("event_date")
    ref_year = int(str(ref)[:4]) if ref and str(ref)[:4].isdigit() else None
    signing = [i for i in signing if sents[i]["sentence_id"] not in lead_ids]
    if not signing:
        return 0
    agr_pos = agreement_positions(text)
    added = 0
    for i in signing:
        s = sents[i]
        lo = bisect.bisect_left(agr_pos, s["start"])
        if lo >= len(agr_pos) or agr_pos[lo] >= s["end"]:
            continue  # no agreement word: no clause
        for c, window in _clause_drafts(text, s, by_sent[i], agr_pos, only="ky_ket"):
            # a repeat first: most body signings retell the lead's, and the checks are pure, so their order is free
            if c["agreement_type"] is None:
                continue
            # a new term ('giai đoạn 2024 - 2026') makes a new agreement of a known type; the term is read up to the next
            # agreement word ('số 1520/QCPH thay thế Quy chế năm 2020': 2020 is the replaced one's)
            c["term"] = find_term(window, until=_GENERIC)
            if _repeats(text, c, events):
                _complete(events, c)
                continue
            before = text[s["start"]:c["start"]]
            if _NOT_YET.search(before) or _HISTORY.search(before):
                continue
            if ref_year and any(int(y) < ref_year for y in _YEAR.findall(before)):
                continue
            later = _LATER.match(text, c["start"])  # 'để ký kết trong quý I/2026' in an article of 2025
            if later and (later.group(1) is None or (ref_year and int(later.group(1)) > ref_year)):
                continue
            _add_new(events, c)
            events[-1]["from_body"] = True
            added += 1
    return added


def _same_number(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = a.upper(), b.upper()
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


def _repeats(text: str, clause: dict, events: list[dict]) -> bool:
    """True when the clause names an agreement already found: same type and no different number, or a bare
    generic word ('ký kết quy chế', 'Qui chế này') where a known agreement of that family exists."""
    surface = clause.get("surface") or ""
    end = clause["end"]
    for ev in events:
        if ev["agreement_type"] == clause["agreement_type"] and _same_number(ev["doc_number"], clause["doc_number"]) \
                and not (ev["term"] and clause.get("term") and ev["term"] != clause["term"]):
            return True
    if _BACKREF.match(text, end):
        return any(ev["agreement_type"] for ev in events)
    if clause["agreement_type"] == "other" and _GENERIC.fullmatch(surface.strip()):
        return any(ev["agreement_type"] for ev in events)
    return False


def _structure(text: str) -> re.Match | None:
    """_STRUCTURE.search(text), tried only around the words 'Chương' (str.find is far faster than a
    case-insensitive regex scan of the whole text)."""
    best = None
    for word in ("hương", "HƯƠNG"):
        # one letter first: a text without 'Ơ' has no 'HƯƠNG', and testing a single character is far faster
        # than str.find of a word that is not there
        i = text.find(word) if word[2] in text else -1
        while i > 0:
            if text[i - 1] in "cC":
                m = _STRUCTURE.search(text, max(0, i - 12), min(len(text), i + 40))
                if m:
                    if best is None or m.start() < best.start():
                        best = m
                    break
            i = text.find(word, i + 5)
    return best


def _complete(events: list[dict], clause: dict) -> None:
    """A body sentence retelling a known signing ('Tại hội nghị, ba lực lượng đã ký kết Quy chế phối hợp số
    1520/QCPH-...'): its number and term fill the event's when the headline or lead gave none (its units are not read as
    parties: such a sentence often cites other bodies)."""
    for ev in events:
        if ev["kind"] == clause["kind"] and ev["agreement_type"] == clause["agreement_type"] \
                and _same_number(ev["doc_number"], clause["doc_number"]):
            ev["doc_number"] = ev["doc_number"] or clause["doc_number"]
            ev["term"] = ev["term"] or clause.get("term")
            return


def _add(events: list[dict], clause: dict) -> None:
    generic = clause["agreement_type"] == "other" and _GENERIC.fullmatch((clause.get("surface") or "").strip())
    for ev in events:
        # a bare generic word ('... ký kết quy chế.') names the agreement of its kind already found
        if _compatible(ev, clause) or (generic and ev["kind"] == clause["kind"] and ev["agreement_type"]):
            ev["agreement_type"] = ev["agreement_type"] or clause["agreement_type"]
            ev["term"] = ev["term"] or clause["term"]
            ev["doc_number"] = ev["doc_number"] or clause["doc_number"]
            ev["clauses"].append(clause)
            if clause["sent"] not in ev["sentences"]:
                ev["sentences"].append(clause["sent"])
            return
    _add_new(events, clause)


def _add_new(events: list[dict], clause: dict) -> None:
    events.append({"kind": clause["kind"], "agreement_type": clause["agreement_type"], "term": clause["term"],
                   "doc_number": clause["doc_number"], "structure": None, "start": clause["start"], "end": clause["end"],
                   "sentence_id": clause["sent"]["sentence_id"], "clauses": [clause], "sentences": [clause["sent"]]})


_PREFIX = re.compile(r"\s*(?:[^\s.;:,]+\s+){0,3}")  # at most three words (a rank, 'đồng chí') before a name


def _one_clause(text: str, a: int, b: int, people: list[dict]) -> bool:
    """No clause break between a and b (a signatory and the signing), but for list separators: a ';' or ':' followed,
    within three words, by the name of another person ('Thiếu tướng A cùng các đồng chí: Thiếu tướng B, Giám đốc ...;
    Đại tá C, Giám đốc ... đã ký kết')."""
    for m in _SIGNER_STOP.finditer(text, a, b):
        if m.group() == ".":
            if text[m.end():m.end() + 1].isspace():
                return False
            continue  # inside an abbreviation ('TS.BS Lưu Quang Dũng')
        nxt = next((p["start"] for p in people if m.end() <= p["start"] < b), None)
        if nxt is None or _PREFIX.fullmatch(text, m.end(), nxt) is None:
            return False
    return True


def _signers_after(text: str, s: dict, ts: int, te: int, people: list[dict]) -> list[dict]:
    """The people named after a signing trigger ts..te when a cue introduces them ('đã ký kết quy chế phối hợp, gồm
    Đại tá A, Giám đốc ... và ông B, Viện trưởng ...'), up to a witness or speech verb; [] when the sentence says
    someone attended or witnessed the signing ('Dự lễ ký kết có ...') or no cue comes before the first person."""
    r = _rules()
    after = [p for p in people if te <= p["start"] and p["end"] <= s["end"] and " " in p["name"]]
    if not after or r["not_signing"].search(text, s["start"], ts):
        return []
    between = text[te:after[0]["start"]]
    if _CLAUSE_END.search(between) or r["not_signing"].search(between) or not r["signers_after"].search(between):
        return []
    out = [after[0]]
    for p in after[1:]:
        if r["not_signing"].search(text, out[-1]["end"], p["start"]) or _SIGNER_STOP.search(text, out[-1]["end"], p["start"]):
            break  # 'A và B, dưới sự chứng kiến của C': C witnessed
        out.append(p)
    else:  # 'Lễ ký kết có đồng chí A, B tham dự': a verb after the list makes them its subject
        if r["not_signing"].search(text, out[-1]["end"], s["end"]):
            return []
    return out


def _signings(text: str, sents: list[dict], units: list[dict], people: list[dict], events: list[dict],
              by_sent: list, signing: list[int]) -> None:
    """Signatories: people named before a signing trigger with no witness verb between; split events by pair.
    by_sent, signing: as for _body_signings."""
    not_signing = _rules()["not_signing"]
    signings = [e for e in events if e["kind"] == "ky_ket"]
    if not signings or not people:
        return
    instances: dict[int, list] = {}
    for i in signing:
        s = sents[i]
        triggers = [t for t in by_sent[i] if t[2]["kind"] == "ky_ket"]
        # only the people named in the sentence (in their order) can sign there, or stand between a signatory
        # and the signing
        local = [p for p in people if s["start"] <= p["start"] < s["end"]]
        if not local:
            continue
        since = s["start"]  # 'A và B ký X; C và D ký Y': the signatories of Y come after the signing of X
        for ts, te, kind in triggers:
            # only the people of the clause right before the trigger ('A, title và B, title ký kết'): no stop
            # between (tested first, it is the cheaper search) and no witness verb
            signers = [p for p in local if since <= p["start"] and p["end"] <= ts and " " in p["name"]
                       and _one_clause(text, p["end"], ts, local) and not not_signing.search(text, p["end"], ts)]
            after = _signers_after(text, s, ts, te, local)  # 'A ký kết quy chế với B, C và D'; '..., gồm A và B'
            if after:
                signers = signers + [p for p in after if p not in signers]
            since = after[-1]["end"] if after else te
            if not signers:
                continue
            witness = _WITNESS.search(text, s["start"], signers[0]["start"])
            if witness is not None and _PREFIX.fullmatch(text, witness.end(), signers[0]["start"]) is None:
                witness = None  # 'Dưới sự chứng kiến của lãnh đạo tỉnh, Đại tá A, ... và Đại tá C đã ký': no one named
            if witness is not None and len(signers) > 1:
                # 'Dưới sự chứng kiến của X, Y, A và B đã ký': the witnesses come first; the signatories are the
                # pair joined by 'và' right before the signing (or the last person alone)
                last, prev = signers[-1], signers[-2]
                signers = [prev, last] if _AND.search(text, prev["end"], last["start"]) else [last]
            agr = find_agreement(text, te, min(s["end"], te + 80))
            target = None
            for e in signings:
                if agr is None or e["agreement_type"] is None or e["agreement_type"] == agr[2] or len(signings) == 1:
                    target = e
                    break
            if target is None:
                continue
            clause_end = _CLAUSE_END.search(text, te, s["end"])
            parties = _parties(text, units, ts, clause_end.start() if clause_end else s["end"])
            if not parties:
                orgs = {p.get("organisation") for p in signers}
                parties = _unique([u for u in units if u["unit"] in orgs])
            instances.setdefault(id(target), []).append({"sent": s, "signers": signers, "parties": parties,
                                                         "start": ts, "end": agr[1] if agr else te})
    for target in list(signings):
        inst = instances.get(id(target), [])
        if not inst:
            continue
        distinct = {frozenset(u["unit_id"] for u in i["parties"]) for i in inst if i["parties"]}
        if len(distinct) >= 2:
            at = events.index(target)
            subs = []
            for i in inst:
                sub = {**target, "parties": i["parties"] or target["parties"], "signatories": _unique(i["signers"], "person_id"),
                       "sentence_id": i["sent"]["sentence_id"], "start": i["start"], "end": i["end"]}
                subs.append(sub)
            events[at:at + 1] = subs
        else:
            target["signatories"] = _unique([p for i in inst for p in i["signers"]], "person_id")
            for i in inst:
                target["parties"] = _unique(target["parties"] + i["parties"])



def _without_heads(parties: list[dict]) -> list[dict]:
    """The parties but a national organisation whose branch is a party too ('Agribank' in the headline, 'Agribank chi
    nhánh Đồng Tháp' in the body: the branch signed)."""
    branches = [u["unit"] for u in parties if " chi nhánh " in u["unit"]]
    if not branches:  # the usual case: no branch, no head to drop
        return parties
    return [u for u in parties if not any(n.startswith(u["unit"] + " chi nhánh ") for n in branches)]


def events_rows(article_id: str, events: list[dict], text: str) -> tuple[list[dict], list[dict], list[dict]]:
    ev_rows, party_rows, sig_rows = [], [], []
    for ev in events:
        parties = _without_heads(ev["parties"])
        ev_rows.append({"article_id": article_id, "event_id": ev["event_id"], "kind": ev["kind"],
                        "agreement_type": ev["agreement_type"], "date": ev["date"], "place": ev["place"],
                        # talks or a briefing with no agreement have no term ('giao ban định kỳ quý I năm 2024')
                        "term": None if ev["kind"] == "hoi_nghi" and not ev["agreement_type"] else ev["term"],
                        "doc_number": ev["doc_number"], "structure": ev.get("structure"),
                        "sentence_id": ev["sentence_id"], "start": ev["start"], "end": ev["end"],
                        "surface": text[ev["start"]:ev["end"]], "n_parties": len(parties),
                        "n_signatories": len(ev["signatories"])})
        for u in parties:
            party_rows.append({"article_id": article_id, "event_id": ev["event_id"], "unit_id": u["unit_id"],
                               "unit": u["unit"], "kind": u["kind"], "country": u["country"]})
        for p in ev["signatories"]:
            sig_rows.append({"article_id": article_id, "event_id": ev["event_id"], "person_id": p["person_id"],
                             "name": p["name"], "rank": p.get("rank"), "organisation": p.get("organisation")})
    return ev_rows, party_rows, sig_rows


def frames(ev_rows, party_rows, sig_rows) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    events = pd.DataFrame(ev_rows, columns=EVENT_COLUMNS)
    for c in ("start", "end", "n_parties", "n_signatories"):
        events[c] = events[c].astype("int64")
    events["sentence_id"] = events["sentence_id"].astype("Int64")
    return events, pd.DataFrame(party_rows, columns=PARTY_COLUMNS), pd.DataFrame(sig_rows, columns=SIGNATORY_COLUMNS)


def extract_events(articles: pd.DataFrame, sentences: pd.DataFrame, unit_mentions: pd.DataFrame | None = None,
                   person_mentions: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(events, event_parties, event_signatories) of every article. Unit and person mentions are computed when
    not given (analysis.units / analysis.people)."""
    from analysis.people import find_people, person_id
    from analysis.units import article_mentions

    by_units = {a: g.to_dict("records") for a, g in unit_mentions.groupby("article_id")} if unit_mentions is not None and len(unit_mentions) else {}
    by_people = {a: g.to_dict("records") for a, g in person_mentions.groupby("article_id")} if person_mentions is not None and len(person_mentions) else {}
    by_sents = {a: g.sort_values("sentence_id").to_dict("records") for a, g in sentences.groupby("article_id")}
    rows = ([], [], [])
    for art in articles.to_dict("records"):
        aid, text = art["article_id"], _text(art.get("text"))
        units = by_units.get(aid) if unit_mentions is not None else article_mentions(aid, text)
        people = by_people.get(aid) if person_mentions is not None else [
            {**p, "person_id": person_id(p["name"])} for p in find_people(text, units)]
        evs = article_events(art, by_sents.get(aid, []), units or [], people or [])
        for acc, part in zip(rows, events_rows(aid, evs, text)):
            acc.extend(part)
    return frames(*rows)


def _text(value) -> str:
    """An article's text, '' when missing (None / NaN)."""
    return value if isinstance(value, str) else ""
