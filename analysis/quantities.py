"""Quantities: numbers with a unit (money, percentages, counts of things, time spans).

`extract_quantities(articles, sentences, units=None, events=None)` returns one row per article and
distinct (value, unit, measure), with the columns of `COLUMNS`. The words are in data/quantities.yaml.

A quantity is a number followed by what it measures:
- money: "100 triệu đồng" = 1e8 VND, "1,5 tỷ đồng", "2 tỷ 500 triệu đồng", "50.000.000 đồng", "200 nghìn đồng";
  a scaled number without "đồng" when a money word comes before it in its clause ("thiệt hại hơn 5 tỷ",
  "trị giá 200 triệu"); other currencies ("10.000 USD") -> unit `other`, the currency in `measure`;
- a percentage: "ít nhất 5%", "15 phần trăm";
- a count: "327 lượt", "6 nội dung", "3 Chương", "hơn 1.200 lượt" (a listed counter word) and, in
  general, a number followed by any lower-case noun ("50 bộ máy vi tính", "120 nhà đồng đội") that is
  not a function word or verb (`not_counted`) -> unit `count`; scales count too ("15 nghìn hội viên");
- a time span or a physical measure: "02 năm thực hiện", "3 tháng", "5 kg" -> unit `other`.
Numbers are read the Vietnamese way: "." separates thousands, "," is the decimal mark.

Not quantities: dates and times ("22-3", "12/9/2022", "13:07", "năm 2024" — a number glued to
"/", "-", ":" or "." + digit is part of a date or a code), calendar periods ("8 tháng đầu năm"),
anniversaries ("kỷ niệm 80 năm Ngày truyền thống"), identifiers and ordinals ("số 303", "lần thứ
2", "khoản 2 Điều 3", "12-NQ/TW", "Đề án 06"; but "tổng số 150 cán bộ" is a count), years before a
noun ("năm 2023 công an ..."), numbers after a date word ("tháng 3 người dân ..."), and counts of the
event's own participants ("Công an 07 tỉnh, thành phố", "2 đơn vị", "hai Bộ đã ký kết", "ba bộ, ngành",
"Công an 3 phường"; but "50 bộ máy vi tính" is a count). When the units table is given,
a number inside a unit's span is skipped too.

`about` says what the quantity is: the counted noun and its words for a count; for money said to be
the value of something ("50 bộ máy vi tính trị giá 1,5 tỷ đồng") that thing ("50 bộ máy vi tính").

Each article's sentences are scanned in one pass (joined by a separator no pattern crosses), and
the regular expressions run on the lower-cased text, tried only where a number can begin (a run of
digits, a spelled numeral), so that the scan is fast.

The same value and measure said twice in an article (a caption repeating the body) is one row;
`mentions` counts them and the provenance is the first.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import chain

import pandas as pd

from analysis import ruledata
from analysis.grouping import SEP, alternation, by_article, digit_runs, finditer_at, sentence_starts
from analysis.ruledata import RuleDataError

DATA_FILE = "quantities.yaml"
COLUMNS = ["article_id", "text", "value", "unit", "measure", "qualifier", "about", "mentions", "sentence_id", "start", "end"]
_LISTS = ("count_openers", "percent", "counters", "measures", "durations", "participants", "identifier_before", "date_before",
          "calendar_after", "anniversary_before", "anniversary_after", "qualifiers", "about_stop", "not_counted", "money_cues",
          "worth_words", "territories", "territory_cues")


def _fail(path, where: str, problem: str, fix: str):
    raise RuleDataError(f"{path}: {where}: {problem}. Fix: {fix}")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=None)
def rules() -> dict:
    """The validated content of data/quantities.yaml with its compiled patterns (loaded once)."""
    path, data = ruledata.read(DATA_FILE)
    return compile_rules(data, path)


def compile_rules(data: dict, path="quantities.yaml") -> dict:
    """Validate the quantity words and build the pattern (separate from I/O so tests can feed bad data)."""
    if not isinstance(data, dict):
        _fail(path, "top level", "expected a mapping of sections", "see the comments at the top of the file")
    for key in _LISTS:
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
            _fail(path, key, f"missing, empty or holding a non-word ({value!r:.80})", f"give `{key}:` a list of words")
    scales = data.get("scales")
    if not isinstance(scales, dict) or not all(isinstance(v, (int, float)) and v > 0 for v in scales.values()):
        _fail(path, "scales", "expected word: positive multiplier", "e.g. `triệu: 1000000`")
    words = data.get("number_words")
    if not isinstance(words, dict) or not all(isinstance(v, int) for v in words.values()):
        _fail(path, "number_words", "expected word: integer", "e.g. `hai: 2`")
    currency: dict[str, str] = {}
    for i, entry in enumerate(data.get("currencies") or []):
        if not isinstance(entry, dict) or not entry.get("words") or entry.get("unit") not in ("VND", "other"):
            _fail(path, f"currencies[{i}] {entry!r}", "needs `words` and a `unit` of VND or other", "correct the entry")
        for w in entry["words"]:
            currency[w.casefold()] = entry["unit"]
    if not currency:
        _fail(path, "currencies", "no currency words", "add at least `{words: [đồng], unit: VND}`")
    kinds: dict[str, str] = {}
    for key, kind in (("participants", "participant"), ("durations", "duration"), ("measures", "measure"),
                      ("counters", "count"), ("percent", "percent")):
        for w in data[key]:
            if w.casefold() in kinds and kinds[w.casefold()] != kind:
                _fail(path, f"{key}: {w!r}", f"also listed as a {kinds[w.casefold()]}", "keep each word in one list")
            kinds[w.casefold()] = kind
    for w in data["territories"]:
        if kinds.get(w.casefold()) != "participant":
            _fail(path, f"territories: {w!r}", "not one of the participants", "list it under participants too, or remove it")
    for w in currency:
        kinds[w] = "money"
    # Matched on the lower-cased sentence (same offsets; far faster than re.IGNORECASE), as tries (the
    # units are some 200 words, tried after each number).
    low = lambda words_: alternation(w.casefold() for w in words_)  # noqa: E731
    # The number: its first digit, not glued to a word or a code before it, then "1.200", "1,5", "1.5"
    # (before a scale word) or plain digits. It is tried only where a run of digits begins (see _candidates).
    digits = (r"[0-9](?<![\w.,/:\-][0-9])(?:[0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]*,[0-9]+"
              r"|[0-9]*\.[0-9]{1,2}(?=\s*(?:" + low(scales) + r")\b)|[0-9]*)")
    # (a scale word is whole: '52 tỉnh' is no '52 tỉ')
    scale = rf"(?:\s*(?P<scale>{low(scales)})(?!\w))?(?:\s+(?P<num2>\d{{1,3}})\s*(?P<scale2>{low(scales)})(?!\w))?"
    unit = rf"\s*(?P<unit>{low(kinds)})(?!\w)"
    # After the number (and its scale): a listed unit word, else any word (a counted noun when it is
    # written in lower case and is not in `not_counted`), else nothing (a scaled amount, or no quantity).
    noun = r"\s+(?P<noun>[^\W\d_]+)"
    pattern = re.compile(rf"(?P<num>{digits})(?![.,/:\-]?\d)(?![/\-][^\W\d_]){scale}(?:{unit}|{noun})?")
    # Spelled numerals, grouped by their first letter ("b(?:ốn|ảy|a)"): every branch starts with a
    # literal, which the regex engine scans for fast. The word boundary before is checked afterwards.
    by_first: dict[str, list[str]] = {}
    for w in {w.casefold() for w in words}:
        by_first.setdefault(w[0], []).append(w[1:])
    rests = {c: "(?:" + "|".join(re.escape(rest) for rest in sorted(rs, key=len, reverse=True)) + ")" for c, rs in sorted(by_first.items())}
    word_pattern = re.compile(rf"(?P<word>{'|'.join(re.escape(c) + rest for c, rest in rests.items())})(?!\w){unit}")
    # Where a spelled numeral starts (followed by no letter): one pattern per first letter, which is a
    # literal (the regex engine looks for one letter far faster than for any of a set of letters). The
    # numeral is matched rather than looked ahead at (a little faster), unless a numeral of that letter ends
    # another one (the search goes on after a match, so that one would be passed over).
    numerals = {w.casefold() for w in words}
    nested = {v[0] for w in numerals for v in numerals if v != w and w.endswith(v)}
    word_starts = tuple(re.compile(rf"{re.escape(c)}(?={rest}(?!\w))" if c in nested else rf"{re.escape(c)}{rest}(?!\w)")
                        for c, rest in rests.items())
    fold = lambda key: {w.casefold() for w in data[key]}  # noqa: E731
    return {
        "pattern": pattern, "word_pattern": word_pattern, "word_starts": word_starts, "kinds": kinds, "currency": currency,
        "scales": {k.casefold(): float(v) for k, v in scales.items()},
        "number_words": {k.casefold(): v for k, v in words.items()},
        "qualifier_words": tuple(sorted({w.casefold() for w in data["qualifiers"]}, key=len, reverse=True)),
        "identifier_words": tuple(sorted({w.casefold() for w in data["identifier_before"]}, key=len, reverse=True)),
        "count_opener_words": tuple(sorted({w.casefold() for w in data["count_openers"]}, key=len, reverse=True)),
        "date_before": fold("date_before"),
        "calendar_after": re.compile(rf"\s+(?:{_alt(data['calendar_after'])})(?!\w)|\s+(?:19|20)\d\d(?!\d)", re.IGNORECASE),
        "anniversary_before": re.compile(rf"(?:{_alt(data['anniversary_before'])})\s+(?:\w+\s+){{0,1}}$", re.IGNORECASE),
        "anniversary_after": re.compile(rf"\s+(?:(?-i:Ngày)|(?:{_alt(w for w in data['anniversary_after'] if w != 'Ngày')}))(?!\w)", re.IGNORECASE),
        "about_stop": fold("about_stop"),
        "not_counted": fold("not_counted"),
        "money_cue": re.compile(rf"(?<!\w)(?:{low(data['money_cues'])})(?!\w)"),
        "worth_words": tuple(sorted({w.casefold() for w in data["worth_words"]}, key=len, reverse=True)),
        "participant_bodies": frozenset(w.casefold() for w in data.get("participant_bodies") or ()),
        "territories": fold("territories"),
        "territory_cues": tuple(sorted({w.casefold() for w in data["territory_cues"]}, key=len, reverse=True)),
        "next_word": re.compile(r"\s*([^\W\d_]+|[^\w\s]|$)"),
        "mottos": _mottos_by_first_word(data.get("mottos") or (), path),
    }


_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def parse_number(raw: str) -> float:
    """'1.200' -> 1200, '1,5' -> 1.5, '02' -> 2, '1.5' (before a scale word) -> 1.5."""
    if _THOUSANDS.fullmatch(raw):
        return float(raw.replace(".", "").replace(",", "."))
    return float(raw.replace(",", "."))


_WORD = re.compile(r"[^\W_]+(?:[-/][^\W_]+)*|[^\w\s]", re.UNICODE)
_CLAUSE = re.compile(r"[,;:.…()“”\"\x00]")
_LOOSE = ("ít", "nhất", "hơn", "gần", "khoảng")


def _clause_before(text: str, start: int, limit: int = 160) -> str:
    """The text of the clause that ends at `start` (bounded: the text may be a whole article)."""
    head = text[max(0, start - limit):start]
    return _CLAUSE.split(head)[-1]


def _about(text: str, start: int, end: int, measure: str | None, r: dict, money: bool = False) -> str | None:
    """A short description of the quantity.

    A count: what is counted (its noun and the words after it, up to a stop word). An amount said to be
    the value of something ("50 bộ máy vi tính trị giá 1,5 tỷ đồng", "120 nhà đồng đội với tổng kinh
    phí 6 tỷ đồng"): that thing. Otherwise the words after the quantity up to a stop word, else the
    clause before it.
    """
    if money:
        clause = _clause_before(text, start).rstrip()
        low = clause.lower()
        for word in r["worth_words"]:
            if low.endswith(word) and (len(low) == len(word) or not low[-len(word) - 1].isalnum()):
                words = clause[: len(clause) - len(word)].split()
                at = next((i for i in range(len(words) - 1, -1, -1) if words[i][0].isdigit()), None)
                thing = words[at:] if at is not None else words[-6:]
                while thing and thing[-1].lower() in r["about_stop"]:
                    thing.pop()
                if thing:
                    return " ".join(thing)
                break
    after = []
    for m in _WORD.finditer(text, end, min(len(text), end + 120)):
        w = m.group()
        if not w[0].isalpha() or w.casefold() in r["about_stop"] or len(after) >= 8:
            break  # punctuation, a number (another quantity) or a stop word
        if text[m.start():m.start() + 24].lower().startswith(r["worth_words"]):
            break  # "50 bộ máy vi tính trị giá ...": the value of the thing follows
        after.append(w)
    if measure:  # a count: what is counted
        return " ".join([measure] + after)
    if after:
        return " ".join(after)
    clause = _clause_before(text, start).split()
    before = [w for w in clause if w.casefold() not in _LOOSE][-8:]
    return " ".join(before) or (measure or None)


def _word_before(lower: str, pos: int, words: tuple[str, ...]) -> str | None:
    """The word of `words` (longest first) written just before `pos`, across white space, or None."""
    head = lower[max(0, pos - 32):pos]
    core = head.rstrip()
    if len(core) == len(head) or not core.endswith(words):
        return None
    base = pos - len(head)
    for word in words:
        if core.endswith(word):
            before = base + len(core) - len(word) - 1
            if before < 0 or not lower[before].isalnum():
                return word
    return None


_AFTER_POLICE = re.compile(r"(?<!\w)công an\s+$")


def _counts_parties(text: str, lower: str, m: re.Match, start: int, r: dict) -> bool:
    """Whether a count counts the event's parties: its noun is an organisation noun written capitalised or with
    nothing counted after it ("hai Bộ đã ký", "ba bộ, ngành"), or the number follows "Công an"."""
    if _AFTER_POLICE.search(lower, max(0, start - 16), start):
        return True
    g = "unit" if m.group("unit") is not None else "noun" if "noun" in m.groupdict() and m.group("noun") else None
    if g is None or m.group(g) not in r["participant_bodies"]:
        return False
    if text[m.start(g)].isupper():
        return True
    nxt = r["next_word"].match(lower, m.end(g))
    word = nxt.group(1) if nxt else ""
    return not word or not word[0].isalpha() or word in r["not_counted"]


def _territory_count(lower: str, pos: int, r: dict) -> bool:
    """A territory cue ('đi qua', 'có', 'ở', 'trên địa bàn') right before the number at pos, or before its qualifier
    ('có hơn 120 xã')."""
    if _word_before(lower, pos, r["territory_cues"]):
        return True
    qualifier = _word_before(lower, pos, r["qualifier_words"])
    if not qualifier:
        return False
    head = lower[max(0, pos - 32):pos]
    return _word_before(lower, pos - (len(head) - len(head.rstrip())) - len(qualifier), r["territory_cues"]) is not None


def _is_year(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and raw[:2] in ("19", "20")


def _mottos_by_first_word(mottos, path) -> dict[str, tuple[str, ...]]:
    """Mottos (lower-cased) by their first word, which must be a number ('6 điều Bác Hồ dạy', 'sáu điều ...'): a
    motto is then looked for only where a number starts."""
    out: dict[str, list[str]] = {}
    for motto in mottos:
        if not isinstance(motto, str) or not motto.strip():
            _fail(path, "mottos", f"{motto!r} is not a phrase", "give `mottos:` a list of phrases")
        first = motto.split()[0].casefold()
        if not (first.isdigit() or first in ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")):
            _fail(path, f"mottos: {motto!r}", "does not start with a number", "only mottos that start with their number count")
        out.setdefault(first, []).append(" ".join(motto.split()).casefold())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _motto_at(lower: str, pos: int, mottos: dict[str, tuple[str, ...]]) -> bool:
    """True when a motto starts at pos (as whole words)."""
    e = pos
    while e < len(lower) and lower[e].isalnum():
        e += 1
    for motto in mottos.get(lower[pos:e], ()):
        end = pos + len(motto)
        if lower.startswith(motto, pos) and (end >= len(lower) or not lower[end].isalnum()):
            return True
    return False


def _candidates(text: str, r: dict, lower: str | None = None):
    """(start, end, qualifier, value, unit, measure) of each quantity in a text (a sentence, or an
    article's sentences joined by SEP)."""
    if lower is None:
        lower = text.lower()
        if len(lower) != len(text):  # offsets must stay exact
            lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    word_re = r["word_pattern"]
    starts = sorted(m.start() for starts in r["word_starts"] for m in starts.finditer(lower))
    words = [m for m in finditer_at(word_re, lower, starts) if not m.start() or not lower[m.start() - 1].isalnum()]
    kinds, not_counted, mottos = r["kinds"], r["not_counted"], r["mottos"]
    numbers = finditer_at(r["pattern"], lower, digit_runs(lower))  # (a number starts a run of digits)
    for m in chain(numbers, words):  # the numbers in digits, then the spelled ones
        is_word = m.re is word_re
        if is_word:  # (the pattern of spelled numerals has a unit, and no noun nor scale)
            unit_word, noun, scale = m.group("unit"), None, None
        else:
            unit_word, noun, scale = m.group("unit", "noun", "scale")
        if unit_word is not None:
            kind = kinds[unit_word]
            if kind == "participant":
                if unit_word not in r["territories"] or is_word or not _territory_count(lower, m.start(), r):
                    continue
                kind = "count"  # 'đi qua 17 huyện': a territory counted, not the parties
            if is_word and kind not in ("count", "duration"):
                continue
        elif noun is not None:
            # any other word: a counted noun when written in lower case and not a function word or verb
            if scale and r["money_cue"].match(lower, m.start("noun")):
                kind = "amount"  # "hỗ trợ 50 triệu kinh phí": a money word after a scaled number, not a counted noun
            elif noun in not_counted or not text[m.start("noun")].islower():
                if not scale:
                    continue
                kind = "amount"  # "trị giá 200 triệu của ...": a scaled amount, maybe money
            elif _is_year(m.group("num")) and not scale:
                continue  # "năm 2023 công an hai huyện ...": a year, not a count
            else:
                kind = "noun"
        elif scale:
            kind = "amount"
        else:
            continue  # a number alone
        num_start = m.start()
        # What _word_before looks at before the number, taken once: most numbers have none of the words there.
        head = lower[max(0, num_start - 32):num_start]
        core = head.rstrip()
        spaced = len(core) != len(head)
        qualifier = _word_before(lower, num_start, r["qualifier_words"]) if spaced and core.endswith(r["qualifier_words"]) else None
        start = num_start
        if qualifier:
            start = num_start - (len(head) - len(core)) - len(qualifier)
        qualified = start != num_start
        if qualified:
            identified = _word_before(lower, start, r["identifier_words"]) or _word_before(lower, num_start, r["identifier_words"])
        else:
            identified = spaced and core.endswith(r["identifier_words"]) and _word_before(lower, num_start, r["identifier_words"])
        if identified and not _word_before(lower, start, r["count_opener_words"]):
            continue
        end = m.end()
        if kind in ("duration", "count", "noun"):
            head = lower[max(0, num_start - 24):num_start].rstrip()  # a bounded window
            prev = head.rsplit(None, 1)[-1] if head else ""
            if qualified:
                head_q = lower[max(0, start - 24):start].rstrip()
                prev_q = head_q.rsplit(None, 1)[-1] if head_q else ""
            else:
                prev_q = prev
            if prev_q in r["date_before"] or prev in r["date_before"]:
                continue  # "ngày 15 tháng 6", "năm 2023 công an ...", "lúc 9 giờ"
            if kind != "duration" and _counts_parties(text, lower, m, start, r):
                continue  # "hai Bộ đã ký kết", "hai bộ, ngành", "Công an 3 phường": the event's own participants
        if kind == "duration":
            if r["calendar_after"].match(text, m.end()) or r["anniversary_after"].match(text, m.end()):
                continue
            if r["anniversary_before"].search(text, max(0, start - 40), start) \
                    or (qualified and r["anniversary_before"].search(text, max(0, num_start - 40), num_start)):
                continue
        if kind == "amount":
            # money said without a currency: only with a money word earlier in the clause
            if not r["money_cue"].search(_clause_before(lower, start, 40)):
                continue
            end = m.end("scale2") if m.group("scale2") else m.end("scale")
        if mottos and _motto_at(lower, num_start, mottos):
            continue  # 'Sáu điều Bác Hồ dạy', 'phương châm 4 tại chỗ': a number in a name counts nothing
        if is_word:
            value = float(r["number_words"][m.group("word")])
        else:
            value = parse_number(m.group("num"))
            if scale:
                value *= r["scales"][scale]
            num2 = m.group("num2")
            if num2:
                value += float(num2) * r["scales"][m.group("scale2")]
        if kind == "money":
            unit = r["currency"][unit_word]
            measure = "đồng" if unit == "VND" else text[m.start("unit"):m.end("unit")]
        elif kind == "amount":
            unit, measure = "VND", "đồng"
        elif kind == "percent":
            unit, measure = "percent", "%"
        elif kind == "count":
            unit, measure = "count", text[m.start("unit"):m.end("unit")]
        elif kind == "noun":
            unit, measure = "count", text[m.start("noun"):m.end("noun")]
        else:
            unit, measure = "other", text[m.start("unit"):m.end("unit")]
        yield start, end, qualifier, value, unit, measure


def extract_quantities(articles: pd.DataFrame, sentences: pd.DataFrame, units: pd.DataFrame | None = None,
                       events: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article and distinct (value, unit, measure) (see the module docstring).

    `units` (optional, the units table with article_id/start/end): numbers inside a unit's span are
    names ("Công an Quận 1"), not quantities. `events` is accepted for the orchestrator's sake.
    """
    r = rules()
    if sentences is None or not len(sentences):
        return pd.DataFrame(columns=COLUMNS)
    unit_spans: dict[str, list[tuple[int, int]]] = {}
    if units is not None and len(units) and {"article_id", "start", "end"} <= set(units.columns):
        # column-wise: the rows with both offsets, which are whole numbers (as int() makes them)
        known = units["start"].notna() & units["end"].notna()
        spanned = units if known.all() else units[known]
        offsets = zip(spanned["start"].astype("int64").tolist(), spanned["end"].astype("int64").tolist())
        for aid, span in zip(spanned["article_id"].tolist(), offsets):
            unit_spans.setdefault(str(aid), []).append(span)
    rows: list[list] = []  # in the order of COLUMNS
    for aid, (sids, starts, texts) in by_article(sentences):
        # One pass over the article's sentences joined by SEP (no pattern crosses it), mapped back.
        joined = SEP.join(texts)
        lower = joined.lower()
        if len(lower) != len(joined):  # offsets must stay exact
            lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in joined)
        bounds = sentence_starts(texts)
        spans = unit_spans.get(aid, ())
        seen: dict[tuple, list] = {}  # (value, unit, measure) -> its row
        for js, je, qualifier, value, unit, measure in _candidates(joined, r, lower):
            k = bisect_right(bounds, js) - 1
            text, qs, qe = texts[k], js - bounds[k], je - bounds[k]
            s, e = starts[k] + qs, starts[k] + qe
            if spans and any(us < e and s < ue for us, ue in spans):
                continue
            key = (value, unit, measure.casefold())
            row = seen.get(key)
            if row is not None:
                row[7] += 1  # mentions
                continue
            seen[key] = row = [
                aid, text[qs:qe], value, unit, measure, qualifier,
                _about(text, qs, qe, measure if unit == "count" else None, r, money=unit == "VND" or measure.casefold() in r["currency"]),
                1, sids[k], s, e,
            ]
            rows.append(row)
    if not rows:
        return pd.DataFrame([], columns=COLUMNS)
    rows.sort(key=lambda row: (row[0], row[9]))  # by article_id, then start (a stable sort)
    return pd.DataFrame(dict(zip(COLUMNS, map(list, zip(*rows)))), columns=COLUMNS)
