"""People: named participants with rank, titles and organisation, merged per article, linked across articles.

Public functions (pure; rule data loaded once from analysis/data/ranks.yaml, positions.yaml, names.yaml):

    find_people(text, unit_mentions=None)   every person mention of one text: list of dicts
    article_people(article_id, text, unit_mentions=None, sindex=None)  one merged record per person of an article
    extract_people(articles, sentences, unit_mentions=None)  the contract's `people` table (+ `positions`, `mentions`)
    extract_person_mentions(...)            every mention (the `person_mentions` table)
    person_id(name)                         the corpus-wide id of a name

Patterns: a rank before the name ('Đại tá Nguyễn Thanh Tuấn', 'đại tá Khăm Ban Phôm Mạ Ni Vông'), a title (and
its organisation, and maybe a rank) before the name ('Bí thư Tỉnh ủy tỉnh Thừa Thiên Huế Lê Trường Lưu',
'Giám đốc Công an TP Cần Thơ Thiếu tướng Nguyễn Văn Thuận'), an honorific ('ông Lưu', 'đồng chí Nguyễn Văn Nên'),
lists ('các đồng chí: A, title; B, title'), then titles in apposition after ', ' or ' - '.
"""
from __future__ import annotations

import bisect
import operator
import re
from functools import lru_cache

import pandas as pd

from analysis import ruledata
from analysis.anchors import core_positions, first_words
from analysis.units import find_unit_mentions, resolve_at, resolve_home, sentence_of

_c = lru_cache(maxsize=None)(re.compile)  # compiled once, looked up fast
from analysis.text import slugify as _slugify

slugify = lru_cache(maxsize=1 << 16)(_slugify)

U, L = ruledata.UPPER, ruledata.LOWER
PEOPLE_COLUMNS = ["article_id", "person_id", "name", "rank", "position", "organisation", "sentence_id", "start", "end",
                  "positions", "organisation_id", "mentions", "surface"]
MENTION_COLUMNS = ["article_id", "person_id", "name", "rank", "titles", "organisation", "sentence_id", "start", "end",
                   "surface", "trigger"]

MAX_VN_WORDS = 4
MAX_FOREIGN_WORDS = 8


def person_id(name: str) -> str:
    """One id per person across the corpus: the slug of the full name ('Lê Hồng Nam' -> 'le-hong-nam')."""
    return slugify(name)


# The keys each entry of a ranks.yaml / positions.yaml list may have (ruledata.check_keys).
_RANKS_SCHEMA = {"ranks": {"rank", "pattern", "example"}, "generic_ranks": {"pattern", "example"}}
_POSITIONS_SCHEMA = {"titles": {"title", "pattern", "priority", "membership", "example"}, "qualifiers": {"word", "example"},
                     "bodies": {"pattern", "party", "shift", "example"}, "honorifics": {"pattern", "example"},
                     "degrees": {"pattern", "example"}}


@lru_cache(maxsize=None)
def _rules() -> dict:
    ruledata.check_keys("ranks.yaml", ruledata.load("ranks.yaml"), _RANKS_SCHEMA)
    ruledata.check_keys("positions.yaml", ruledata.load("positions.yaml"), _POSITIONS_SCHEMA)
    ranks = ruledata.load("ranks.yaml").get("ranks")
    if not isinstance(ranks, list) or not ranks:
        raise ValueError("analysis/data/ranks.yaml: missing or empty list 'ranks'")
    rank_forms = {}
    for i, e in enumerate(ranks):
        if not isinstance(e, dict) or not e.get("rank") or not e.get("pattern") or not e.get("example"):
            raise ValueError(f"analysis/data/ranks.yaml: ranks[{i}] = {e!r}: needs rank, pattern, example")
        rx = re.compile(e["pattern"], re.IGNORECASE)
        if not rx.search(e["example"]):
            raise ValueError(f"analysis/data/ranks.yaml: ranks[{i}] {e['rank']!r}: pattern does not match its example")
        for form in e["pattern"].split("|"):
            rank_forms[form.lower()] = e["rank"]
    generic = ruledata.load("ranks.yaml").get("generic_ranks") or []
    for i, e in enumerate(generic):
        if not isinstance(e, dict) or not e.get("pattern") or not e.get("example"):
            raise ValueError(f"analysis/data/ranks.yaml: generic_ranks[{i}] = {e!r}: needs pattern, example")
        if not re.search(rf"(?:{e['pattern']})\s+[{U}]", e["example"], re.IGNORECASE):
            raise ValueError(f"analysis/data/ranks.yaml: generic_ranks[{i}] {e['pattern']!r} does not match its example")
    pos = ruledata.load("positions.yaml")
    titles = pos.get("titles")
    if not isinstance(titles, list) or not titles:
        raise ValueError("analysis/data/positions.yaml: missing or empty list 'titles'")
    by_form = {}
    for i, e in enumerate(titles):
        if not isinstance(e, dict) or not e.get("title") or not e.get("pattern") or "priority" not in e or not e.get("example"):
            raise ValueError(f"analysis/data/positions.yaml: titles[{i}] = {e!r}: needs title, pattern, priority, example")
        try:
            rx = re.compile(ruledata.expand(e["pattern"]), re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"analysis/data/positions.yaml: titles[{i}] {e['title']!r}: bad pattern: {exc}") from exc
        if not rx.search(e["example"]):
            raise ValueError(f"analysis/data/positions.yaml: titles[{i}] {e['title']!r}: pattern does not match its example")
        by_form[e["title"].lower()] = e
    for t in pos.get("section_titles") or []:
        if str(t).lower() not in by_form:
            raise ValueError(f"analysis/data/positions.yaml: section_titles: {t!r} is not one of the titles; add it to "
                             "`titles` first or remove it")
    for section in ("bodies", "qualifiers", "honorifics"):
        entries = pos.get(section)
        if not isinstance(entries, list) or not entries:
            raise ValueError(f"analysis/data/positions.yaml: missing or empty list {section!r}")
        for i, e in enumerate(entries):
            if not isinstance(e, dict) or not e.get("example"):
                raise ValueError(f"analysis/data/positions.yaml: {section}[{i}] = {e!r}: needs an example")
            pat = e.get("pattern") or re.escape(e.get("word", ""))
            if not re.search(ruledata.expand(pat), e["example"], re.IGNORECASE if section == "honorifics" else 0):
                raise ValueError(f"analysis/data/positions.yaml: {section}[{i}] {pat!r} does not match its example")
    names = ruledata.load("names.yaml")
    if not names.get("surnames") or not isinstance(names.get("historical_figures"), list):
        raise ValueError("analysis/data/names.yaml: needs lists 'surnames' and 'historical_figures'")
    return {"ranks": ranks, "rank_forms": rank_forms, "generic_ranks": generic, "titles": titles, "by_form": by_form, "pos": pos,
            "surnames": frozenset(str(s) for s in names["surnames"]),
            "not_name_starts": frozenset(str(s) for s in names.get("not_name_starts", [])),
            "historical": frozenset(slugify(str(s)) for s in names["historical_figures"])}


class _Rx:
    def __init__(self):
        r = _rules()
        rank_alt = "|".join(sorted((f.replace(" ", r"\s+") for f in r["rank_forms"]), key=len, reverse=True))
        self.rank = re.compile(rf"(?<!\w)(?:{rank_alt})(?!\w)", re.IGNORECASE)
        forms = sorted(r["titles"], key=lambda e: len(e["pattern"]), reverse=True)
        self.title_by_text = {e["pattern"].lower(): e for e in forms if re.fullmatch(r"[\w ]+", e["pattern"])}
        self.title_alts = [(re.compile(rf"(?:{ruledata.expand(e['pattern'])})(?!\w)", re.IGNORECASE), e) for e in forms]
        title_alt = "|".join(f"(?:{ruledata.expand(e['pattern'])})" for e in forms)
        self.title = re.compile(rf"(?<!\w)(?P<dep>[Pp]hó\s+)?(?:{title_alt})(?!\w)", re.IGNORECASE)
        # self.title tries its titles in turn; the same regex with only the titles that may start where the
        # candidate does is much faster (see _title_match)
        self.title_patterns = [ruledata.expand(e["pattern"]) for e in forms]
        self.title_firsts = [_first_letters(p) for p in self.title_patterns]
        self.title_by_start: dict = {}  # two characters -> the .match of self.title reduced to them
        ph = _ignorecase_chars("ph")  # (a few more pairs than 'ph' in any case: they keep the whole regex)
        self.deputy_first = frozenset(a + b for a in ph for b in ph)
        self.title_any = re.compile(rf"(?:[Pp]hó\s+)?(?:{title_alt})(?!\w)", re.IGNORECASE)
        self.section_titles = frozenset(str(t) for t in r["pos"].get("section_titles") or [])
        # a section's name between a section title and its unit: capitalised words with no punctuation
        self.section_name = re.compile(rf"\s+[{U}]\w*(?:\s+\w+){{0,9}}\s+$")  # 'Cảnh sát hình sự', 'PC02'
        self.qual = re.compile(r"\s+(" + "|".join(re.escape(q["word"]) for q in r["pos"]["qualifiers"]) + r")(?!\w)")
        qual_first = frozenset(str(q["word"])[:1] for q in r["pos"]["qualifiers"])
        # the letters a qualifier starts with, and the spaces (several spaces before it): a cheap pre-check
        self.qual_next = _EVERY_CHAR if "" in qual_first else qual_first | _class_chars(r"\s")
        self.body = re.compile(r"\s+(?:" + "|".join(f"(?P<b{i}>{ruledata.expand(b['pattern'])})" for i, b in enumerate(r["pos"]["bodies"])) + r")(?!\w)")
        self.body_shift = [int(b.get("shift", 0)) for b in r["pos"]["bodies"]]
        self.body_party = [bool(b.get("party")) for b in r["pos"]["bodies"]]
        self.level = re.compile(r"\s+(tỉnh|thành phố|huyện|quận|xã|phường)(?!\w)")
        hon = "|".join(f"(?:{h['pattern']})" for h in r["pos"]["honorifics"])
        self.honorific = re.compile(rf"(?<!\w)(?P<hon>{hon})(?P<colon>\s*:)?\s+", re.IGNORECASE)
        self.word = re.compile(rf"[{U}][{L}{U}]*(?![\w])|[{U}](?=\s)")
        # a capitalised word that starts a rank, title or unit: never part of a name
        self.stop = re.compile(rf"(?:{rank_alt})(?!\w)|(?:Phó\s+)?(?:{title_alt})(?!\w)|Công an|Bộ\s|Ủy ban|UBND|HĐND|Tỉnh ủy|Thành ủy|Cục\s|Cụm\s|Tại\s|Theo\s|Sau\s|Trong\s|Với\s", re.IGNORECASE)
        from analysis.anchors import Anchors

        self.anchors = Anchors({"rank": list(r["rank_forms"]),
                                "title": [rf"(?:Phó\s+)?(?:{e['pattern']})" for e in forms],
                                "honorific": [h["pattern"] for h in r["pos"]["honorifics"]],
                                "grank": [e["pattern"] for e in r["generic_ranks"]] or ["tướng"]})
        # a generic rank ('Tướng Ouk Kim Seng', a Cambodian general): no rank of the Vietnamese scale, so the
        # person gets rank None; never the tail of a full rank ('Đại tướng') or of 'Thủ tướng'
        grank = "|".join(f"(?:{e['pattern']})" for e in r["generic_ranks"]) or "(?!)"
        self.grank = re.compile(rf"(?<!\w)(?<!đại )(?<!thượng )(?<!trung )(?<!thiếu )(?<!thủ )(?:{grank})(?=\s+[{U}])",
                                re.IGNORECASE)
        bodies = "|".join(f"(?:{ruledata.expand(b['pattern'])})" for b in r["pos"]["bodies"])
        self.title_tail = re.compile(rf"(?<!\w)(?:Phó\s+)?(?:{title_alt})(?:\s+Thường trực)?(?:\s+(?:{bodies}))?\s*$", re.IGNORECASE)
        # "H'Hen Niê", "Ksor H'Bơ": an Ede/Jarai female prefix H' is part of the word
        self.run = re.compile(rf"[{U}](?:['’](?=[{U}]))?[{L}{U}]*(?: [{U}](?:['’](?=[{U}]))?[{L}{U}]*)*(?![\w'’])")
        stop_pats = [f"(?:Phó\\s+)?(?:{e['pattern']})" for e in forms] + list(r["rank_forms"]) + [
            "Công an", "Bộ", "Ủy ban", "UBND", "HĐND", "Tỉnh ủy", "Thành ủy", "Cục", "Cụm", "Tại", "Theo", "Sau", "Trong", "Với"]
        self.stop_first = frozenset(w.split()[0] for p in stop_pats for w in first_words(p))
        deg = "|".join(f"(?:{d['pattern']})" for d in r["pos"].get("degrees", []))
        self.degree = re.compile(rf"(?:,\s*)?(?:{deg})(?=\s)\s*") if deg else None
        # the first two letters a degree can start with (a cheap pre-check before the regex; a one-letter degree
        # word would need the regex everywhere)
        words = [w for d in r["pos"].get("degrees", []) for w in first_words(d["pattern"])]
        self.degree_first = frozenset([","] + [w[:2] for w in words]) if all(len(w) >= 2 for w in words) else None
        # the lookbehinds ('not after a word character, a comma or ', '') come after the first capital, each reading
        # that capital too ('.'), so that the regex engine can skip to the next capital when it searches
        self.before_title = re.compile(rf"([{U}](?<![\w,].)(?<!, .)[{L}]*(?: [{U}][{L}]*){{1,3}})\s*(?:,|-|–)\s*$")
        seps = ",-–—("  # '..., Giám đốc' / '(Phó Trưởng phòng ...)'
        self.apposition = re.compile(r"\s*(?:" + "|".join(map(re.escape, seps)) + r")\s*")
        self.apposition_first = frozenset(seps)  # (with a space: what self.apposition can start with)
        # between two titles: ',', 'kiêm', or a dash with spaces ('Phó Chủ tịch - Tổng Thư ký Ủy ban ...')
        self.title_sep = re.compile(r"\s*,\s*|\s+kiêm\s+|\s+[-–]\s+")
        self.run_cache: dict = {}
        # a title's surface ('Giám đốc', 'giám  đốc') -> (label, priority, membership) or None, one dict without and
        # one with 'Phó' before it (see _title_head)
        self.title_heads: tuple[dict, dict] = ({}, {})
        self.rank_forms = r["rank_forms"]
        # every character a rank can start with, in any case the case-insensitive regex accepts: a cheap pre-check
        # before self.rank.match (all characters when a form does not start with two plain letters)
        plain = all(re.match(r"[^\W\d_]{2}", f) for f in r["rank_forms"])
        self.rank_first = _ignorecase_chars("".join(f[0] for f in r["rank_forms"])) if plain else _EVERY_CHAR
        self.rank_names: dict = {}  # a rank's surface ('Đại tá', 'đại  tá') -> its rank (see _rank_name)
        self.body_labels: dict = {}  # a body's surface -> its words in the label (see _body_label)
        self.upper = _class_chars(U)  # the letters a name (self.run) can start with: a cheap pre-check


@lru_cache(maxsize=None)
def _rx() -> _Rx:
    return _Rx()


@lru_cache(maxsize=None)
def _class_chars(char_class: str) -> frozenset[str]:
    """Every character the regex class [char_class] (case-sensitive) matches: the class tried on every code point up
    to the highest one written in it (no member of a class without escapes can be above that)."""
    top = 0x10FFFF if "\\" in char_class else max(map(ord, char_class))
    return frozenset(re.findall(f"[{char_class}]", "".join(map(chr, range(top + 1)))))


@lru_cache(maxsize=None)
def _ignorecase_chars(letters: str) -> frozenset[str]:
    """Every character that matches one of `letters` case-insensitively, as the regex engine decides (tried on every
    code point once)."""
    rx = re.compile("[" + "".join(map(re.escape, letters)) + "]", re.IGNORECASE)
    return frozenset(rx.findall("".join(map(chr, range(0x110000)))))


class _EveryChar:
    """A set of every character: no pre-check."""

    def __contains__(self, item) -> bool:
        return True


_EVERY_CHAR = _EveryChar()
_WS = re.compile(r"\s+")
_COMMA = re.compile(r"\s*,\s*")
_SEMICOLON = re.compile(r"\s*;\s*")
_LIST_AND = re.compile(r"\s*(?:;\s*)?và\s+")  # '...; và C, title' / '... và C, title': the last item
_LIST_COMMA = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)")  # between bare names: 'các đồng chí A, B, C và D'
_APPOSED = re.compile(rf"(?<!\w)[{ruledata.UPPER}][\w]*\s*[,\-–]\s*$")  # 'Nguyễn Văn A, ' before a title: apposition
_WS_OR_DEGREE = re.compile(r"\s+|,\s*(?=(?:GS|PGS|TS|ThS)\b)")
_KEEP_IN_NAMES = frozenset({"Trung", "Thành", "Công"})  # name words that also start a unit or title word


def _run_words(run: str, rx) -> tuple[tuple[tuple[int, int, bool, bool], ...], bool, dict]:
    """The name-word candidates of a run of capitalised words: (offset, length, may stop the name, kept in names)
    for each word before the first acronym, at most MAX_FOREIGN_WORDS; whether any of them may stop the name; and
    the run's memo of _name_in_run (memoised per run, i.e. per name surface)."""
    out = rx.run_cache.get(run)
    if out is None:  # (a 3-tuple when known: callers may test `get(run) or _run_words(run, rx)`)
        words = []
        p = 0
        for w in run.split(" ")[:MAX_FOREIGN_WORDS]:
            if len(w) > 1 and w.isupper():
                break  # acronyms ('UBND', 'VĂN THẮNG' bylines) are not name words
            words.append((p, len(w), w.lower() in rx.stop_first, w in _KEEP_IN_NAMES))
            p += len(w) + 1
        out = (tuple(words), any(w[2] for w in words), {})
        if len(rx.run_cache) < 200_000:
            rx.run_cache[run] = out
    return out


def _name_at(text: str, pos: int, foreign_ok: bool | str, rx=None, r=None) -> tuple[int, int, str] | None:
    """A personal name starting at pos: (start, end, name) or None. foreign_ok: True accepts any name (after a rank
    or an honorific); 'title' accepts a name without a known surname unless it starts like an organisation.
    (rx, r: _rx() and _rules(), when the caller has them.)"""
    if rx is None:
        rx, r = _rx(), _rules()
    m = rx.run.match(text, pos)
    if not m:
        return None
    run = m.group(0)
    words, stops, known = rx.run_cache.get(run) or _run_words(run, rx)
    if stops:
        n = 0
        for off, length, stoppable, keep in words:
            if stoppable:
                p = pos + off
                if (rx.title_any.match(text, p) or rx.rank.match(text, p)
                        or (not n or not keep) and rx.stop.match(text, p)):
                    break  # 'Nguyễn Văn Thuận Giám đốc' stops before 'Giám'; 'ông Giám đốc' is no name
            n += 1
        if not n:
            return None
    else:  # no word may stop the name: all of them are read
        n = len(words)
        if not n:
            return None
    # the rest depends on the run, n and foreign_ok only: memoised per run (short runs: name surfaces)
    key = (n, foreign_ok)
    if key in known:
        hit = known[key]
    else:
        hit = _name_in_run(run, words, n, foreign_ok, r)
        if len(run) <= 60:
            known[key] = hit
    return None if hit is None else (pos, pos + hit[0], hit[1])


def _name_in_run(run: str, words: tuple, n: int, foreign_ok: bool | str, r: dict) -> tuple[int, str] | None:
    """The name made of the first n words of a run: (its length, the name) or None when it is no name (see
    _name_at)."""
    first = run[:words[0][1]]
    vn = first in r["surnames"] or first.startswith(("H'", "H’"))
    if vn and n > MAX_VN_WORDS and foreign_ok is not True:
        return None
    if not vn and (not foreign_ok or foreign_ok == "title" and (first in r["not_name_starts"] or n > MAX_VN_WORDS)):
        return None  # after a title, a name of another people ('Giám đốc Công an tỉnh Takeo Ouk Kim Seng'), not an organisation
    off, length = words[n - 1][:2]
    name = run[:off + length]
    if person_id(name) in r["historical"]:
        return None
    return off + length, name


def _title_head(head: str, deputy: bool, rx) -> tuple[str, int, bool] | None:
    """(label, priority, membership) of a title surface ('Giám đốc', 'giám  đốc'; deputy: 'Phó' before it), None
    when it is no known title (memoised per surface: a few hundred distinct spellings)."""
    memo = rx.title_heads[deputy]
    if head in memo:
        return memo[head]
    entry = rx.title_by_text.get(" ".join(head.lower().split()))
    if entry is None:
        for trx, e in rx.title_alts:
            if trx.fullmatch(head):
                entry = e
                break
    out = None
    if entry is not None:
        label = entry["title"]
        priority = int(entry["priority"])
        if deputy:
            label = "Phó " + label[0].upper() + label[1:]
            priority -= 25
        out = label, priority, bool(entry.get("membership"))
    if len(memo) < 50_000:
        memo[head] = out
    return out


def _title_match(text: str, pos: int, rx) -> re.Match | None:
    """rx.title.match(text, pos), by the same regex without the titles that cannot start with the two characters at
    pos (see _title_matcher)."""
    key = text[pos:pos + 2]
    return (rx.title_by_start.get(key) or _title_matcher(key, rx))(text, pos)


def _title_matcher(key: str, rx):
    """The .match of rx.title holding only the titles that may start with `key`, in their order (memoised per key):
    the same match wherever the text starts with key. All titles where 'Phó' may start (the title is after it)."""
    if key in rx.deputy_first:
        match = rx.title.match
    else:
        low = key.lower()
        pats = [p for p, first in zip(rx.title_patterns, rx.title_firsts)
                if first is None or any(low.startswith(f) for f in first)]
        alt = "|".join(f"(?:{p})" for p in pats) or "(?!)"
        match = re.compile(rf"(?<!\w)(?P<dep>[Pp]hó\s+)?(?:{alt})(?!\w)", re.IGNORECASE).match
    if len(rx.title_by_start) < 10_000:
        rx.title_by_start[key] = match
    return match


try:  # the letters the regex engine also matches case-insensitively to letters other than their lower/upper case
    from re._casefix import _EXTRA_CASES as _CASE_EXTRAS  # ('s' and 'ſ', 'k' and the Kelvin sign ...)
except ImportError:  # another Python: no pre-check
    _CASE_EXTRAS = None


def _first_letters(pattern: str) -> frozenset[str] | None:
    """The first (at most two) letters, lower-cased, of the words a match of `pattern` can start with
    (anchors.first_words): a text whose lower-cased start is none of them cannot match, with or without
    IGNORECASE. None when that cannot be told: a pattern that does not start with literal words, or a letter
    whose lower case is longer or matches other letters case-insensitively (as 'k' does the Kelvin sign)."""
    try:
        words = first_words(pattern)
    except ValueError:
        return None
    if len(pattern.lower()) != len(pattern):
        return None
    out = set()
    for w in words:
        first = w.split(" ", 1)[0][:2]
        if not first or _CASE_EXTRAS is None or any(ord(c) in _CASE_EXTRAS for c in first):
            return None
        out.add(first)
    return frozenset(out)


def _space_end(text: str, pos: int) -> int:
    """_WS.match(text, pos).end(), or -1 when no whitespace starts at pos (one space before a non-space, the usual
    case, and no space at all without the regex; str.isspace and the regex's \\s are the same character class)."""
    c = text[pos:pos + 1]
    if c == " ":
        if not text[pos + 1:pos + 2].isspace():
            return pos + 1
    elif not c.isspace():
        return -1
    ws = _WS.match(text, pos)
    return ws.end() if ws else -1


def _title_at(text: str, pos: int, units_at: dict, m: re.Match | None = None,
              unit_starts: list[int] | None = None, rx=None) -> tuple[dict, int] | None:
    """A title starting at pos: ({'title', 'priority', 'organisation', 'membership'}, end) or None (m: the title
    regex's match at pos when the caller has it already; unit_starts: sorted(units_at), rx: _rx(), when the caller
    has them)."""
    if rx is None:
        rx = _rx()
    if text.endswith(("Ban ", "ban "), pos - 4 if pos > 4 else 0, pos):
        return None  # 'Ban Giám đốc Công an tỉnh', 'Ban Bí thư Trung ương Đoàn': a collective body, no one's title
    if m is None:
        m = _title_match(text, pos, rx)
        if not m:
            return None
    dep = m.end("dep")  # -1 without 'Phó'
    end = m.end()
    head = text[dep if dep >= 0 else pos:end]
    memo = rx.title_heads[dep >= 0]
    known = memo[head] if head in memo else _title_head(head, dep >= 0, rx)
    if known is None:
        return None
    label, priority, membership = known
    # a qualifier ('Thường trực') needs a space, then a space or one of its first letters (else no regex)
    if text[end + 1:end + 2] in rx.qual_next and text[end:end + 1].isspace():
        q = rx.qual.match(text, end)
        if q:
            label += " " + q.group(1)
            end = q.end()
    org = None
    b = rx.body.match(text, end)
    if b:
        g = b.lastgroup
        label += _body_label(b.group(g), rx)
        k = int(g[1:])
        priority += rx.body_shift[k]
        membership = membership or rx.body_party[k]
        unit = units_at.get(b.start(g))
        end = b.end()
        lv = rx.level.match(text, end)
        if lv:
            ws = _space_end(text, lv.end())
            if not (ws >= 0 and resolve_at(text, ws)):
                label += " " + lv.group(1)
                end = lv.end()
        if unit is not None:
            org = unit
            end = max(end, unit["end"])
        else:
            ws = _space_end(text, end)
            if ws >= 0 and ws in units_at:
                org = units_at[ws]
                end = org["end"]
    else:
        ws = end + 1 if text[end:end + 1] == " " and not text[end + 1:end + 2].isspace() else _space_end(text, end)
        if ws >= 0 and ws in units_at:
            org = units_at[ws]
            end = org["end"]
        elif unit_starts is None:  # 'Trưởng Công an huyện Mường Tè': the unit starts inside the title
            for k in range(pos + 1, end):
                if k in units_at:
                    org = units_at[k]
                    end = max(end, org["end"])
                    break
        else:  # the same: the first unit that starts after pos, if before end
            k = bisect.bisect_right(unit_starts, pos)
            if k < len(unit_starts) and unit_starts[k] < end:
                org = units_at[unit_starts[k]]
                end = max(end, org["end"])
    if org is None and rx.section_titles and label.removeprefix("Phó ") in rx.section_titles:
        # 'Trưởng phòng Cảnh sát hình sự Công an tỉnh Đắk Lắk': the unit after the section's name; the title is
        # 'Trưởng phòng Cảnh sát hình sự' (as the gold writes 'Thủ trưởng Cơ quan Cảnh sát điều tra')
        starts = unit_starts if unit_starts is not None else sorted(units_at)
        k = bisect.bisect_right(starts, end)
        if k < len(starts) and starts[k] - end <= 70 and rx.section_name.match(text, end, starts[k]):
            label = f"{label} {' '.join(text[end:starts[k]].split())}"  # the section is part of the post
            org = units_at[starts[k]]
            end = org["end"]
    if org is not None:
        org["affiliation"] = True  # the unit is someone's organisation here, not a party (see analysis.events)
    return {"title": label, "priority": priority, "organisation": org["unit"] if org else None,
            "membership": membership}, end


def _body_label(surface: str, rx) -> str:
    """' ' + a body's words, one space between them ('Ủy ban  nhân dân' -> ' Ủy ban nhân dân'; memoised per
    surface)."""
    memo = rx.body_labels
    if surface in memo:
        return memo[surface]
    label = " " + " ".join(surface.split())
    if len(memo) < 10_000:
        memo[surface] = label
    return label


def _titles_after(text: str, pos: int, units_at: dict, cache: dict | None = None,
                  unit_starts: list[int] | None = None, rx=None) -> tuple[list[dict], int]:
    """Titles in apposition after a name: ', Giám đốc Công an tỉnh X, Cụm trưởng' / ' - Ủy viên ..., Thứ trưởng ...'
    (cache: position -> _title_at there, shared by the calls of one text; unit_starts: sorted(units_at); rx:
    _rx())."""
    if rx is None:
        rx = _rx()
    out = []
    c = text[pos:pos + 1]
    if not (c in rx.apposition_first or c.isspace()):
        return out, pos  # no separator: rx.apposition cannot match
    m = rx.apposition.match(text, pos)
    if not m or m.end() == pos:
        return out, pos
    if cache is None:
        cache = {}
    p = m.end()
    title_sep = rx.title_sep.match
    while True:
        if p in cache:
            hit = cache[p]
        else:
            hit = cache[p] = _title_at(text, p, units_at, None, unit_starts, rx)
        if not hit:
            break
        out.append(hit[0])
        pos = hit[1]
        sep = title_sep(text, pos)
        if not sep:
            break
        p = sep.end()
    return out, pos


def _rank_name(surface: str, rx) -> str:
    """The rank of a rank regex match ('Đại tá', 'đại  tá' -> 'Đại tá'; memoised per surface)."""
    memo = rx.rank_names
    if surface in memo:
        return memo[surface]
    rank = rx.rank_forms[" ".join(surface.lower().split())]
    if len(memo) < 10_000:
        memo[surface] = rank
    return rank


def find_people(text: str, unit_mentions: list[dict] | None = None) -> list[dict]:
    """Every person mention of one text: name, start/end of the name, rank, titles (with organisation), trigger."""
    if unit_mentions is None:
        unit_mentions = resolve_home(find_unit_mentions(text), text)
    units_at = {u["start"]: u for u in unit_mentions}
    for u in unit_mentions:
        u.setdefault("affiliation", False)
    unit_starts = sorted(units_at)
    rx = _rx()
    cands = core_positions(text)
    titles_cache: dict = {}
    # (name position, trigger, rank, titles before), in this order of families (ties keep it when sorted)
    anchors = _rank_anchors(text, cands["rank"], rx)
    anchors += _title_anchors(text, cands["title"], units_at, unit_starts, titles_cache, rx)
    wsd = _WS_OR_DEGREE.match
    for p in cands.get("grank", ()):
        m = rx.grank.match(text, p)
        if m:
            ws = wsd(text, m.end())
            if ws:
                anchors.append((ws.end(), "rank", None, []))
    for p in cands["honorific"]:
        m = rx.honorific.match(text, p)
        if m:
            plural = m.group("hon").lower().startswith("các")
            anchors.append((m.end(), "list" if m.group("colon") or plural else "honorific", None, []))
    anchors += _apposition_anchors(text, cands["title"], unit_mentions, rx)
    if rx.degree is not None:  # 'Đại tá, TS. Nguyễn Văn A': the name is after the degree
        first = rx.degree_first
        for k, a in enumerate(anchors):
            q = a[0]
            if first is None or text[q:q + 1] == "," or text[q:q + 2].lower() in first:
                anchors[k] = (_skip_degree(text, q, rx), *a[1:])
    anchors.sort(key=_FIRST)
    return _with_repeats(text, _read_anchors(text, anchors, units_at, unit_starts, titles_cache, rx))


# a level or street word right before a capitalised run: the run is a place ('châu Văn Sơn', 'đường Lê Lợi')
_PLACE_WORD_BEFORE = re.compile(r"(?<!\w)(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn|châu|đường|phố)\s+$")
_NAME_GOES_ON = re.compile(rf"[\w'’-]| [{U}]")


def _with_repeats(text: str, mentions: list[dict]) -> list[dict]:
    """The mentions, plus each full name already read at a rank, title or honorific that the text writes again on its
    own ('Thiếu tướng Mạc Đình Phong và TS.BS Lưu Quang Dũng ký quy chế'): trigger 'repeat', no titles. Only whole
    names: not inside a mention, not glued to a letter, not followed by another capitalised word (a longer name)."""
    names = {m["name"] for m in mentions if " " in m["name"]}
    if not names:
        return mentions
    taken = {m["start"] for m in mentions}
    spans = [(m["start"], m["end"]) for m in mentions]
    extra = []
    for name in names:
        i = text.find(name)
        while i != -1:
            e = i + len(name)
            if (i not in taken and (i == 0 or not text[i - 1].isalnum()) and not _NAME_GOES_ON.match(text, e)
                    and not any(s <= i < se for s, se in spans)
                    and not _PLACE_WORD_BEFORE.search(text, i - 12 if i > 12 else 0, i)):
                extra.append({"start": i, "end": e, "name": name, "rank": None, "titles": [], "trigger": "repeat",
                              "surface": name})
            i = text.find(name, e)
    if not extra:
        return mentions
    return sorted(mentions + extra, key=_START)


_FIRST = operator.itemgetter(0)


def _rank_anchors(text: str, positions: list[int], rx) -> list[tuple]:
    """Anchors after a rank ('Đại tá Nguyễn ...', 'Đại tá, TS. Nguyễn ...')."""
    out = []
    rank, wsd = rx.rank.match, _WS_OR_DEGREE.match
    for p in positions:
        m = rank(text, p)
        if m:
            ws = wsd(text, m.end())  # 'Đại tá, TS. Nguyễn ...' too
            if ws:
                out.append((ws.end(), "rank", _rank_name(m.group(0), rx), []))
    return out


def _title_anchors(text: str, positions: list[int], units_at: dict, unit_starts: list[int], cache: dict,
                   rx) -> list[tuple]:
    """Anchors after a title (and its organisation, and maybe a rank): 'Giám đốc Công an tỉnh X Đại tá Nguyễn ...'
    (cache: filled with the titles read, for _titles_after)."""
    out = []
    rank, rank_first, wsd = rx.rank.match, rx.rank_first, _WS_OR_DEGREE.match
    by_start = rx.title_by_start
    last_title = -1
    for p in positions:
        if p < last_title:
            continue  # 'Chủ tịch' inside 'Phó Chủ tịch ...'
        key = text[p:p + 2]  # _title_match, inlined
        m = (by_start.get(key) or _title_matcher(key, rx))(text, p)
        if not m:
            continue
        hit = cache[p] = _title_at(text, p, units_at, m, unit_starts, rx)
        if not hit:
            continue
        info, end = hit
        last_title = end
        q = end + 1 if text[end:end + 1] == " " and not text[end + 1:end + 2].isspace() else _space_end(text, end)
        if q < 0:
            # 'Bộ trưởng Bộ Công an, Đại tướng Tô Lâm': a title, a comma, then a rank and the name; not when the
            # title is itself in apposition to the name before it ('A, Giám đốc Công an tỉnh X, Đại tá B')
            ws = _COMMA.match(text, end)
            if not (ws and rank(text, ws.end()) and not _APPOSED.search(text, p - 30 if p > 30 else 0, p)):
                continue
            q = ws.end()
        rank_name = None
        rm = text[q:q + 1] in rank_first and rank(text, q)
        if rm:
            rank_name = _rank_name(rm.group(0), rx)
            ws2 = wsd(text, rm.end())
            if not ws2:
                continue
            q = ws2.end()
        out.append((q, "title", rank_name, [info]))
    return out


def _apposition_anchors(text: str, positions: list[int], unit_mentions: list[dict], rx) -> list[tuple]:
    """A Vietnamese name with a title in apposition and nothing before it: 'Nguyễn Văn A, Giám đốc Công an tỉnh ...'
    (positions: the title candidates)."""
    out = []
    spans = span_starts = None  # the units' spans, sorted: built when a name is found
    for p in positions:
        if p < 4 or text[p - 2] not in ",-–" and text[p - 1] not in ",-–":
            continue  # cheap pre-check: only a title right after ', ' or ' - ' can follow a bare name
        back = _name_before(text, p, rx)
        if not back:
            continue
        start = back.start(1)
        if spans is None:
            spans = sorted([(u["start"], u["end"]) for u in unit_mentions])
            span_starts = [a for a, _ in spans]
        k = bisect.bisect_right(span_starts, start)
        inside = False
        for s, e in spans[k - 3 if k > 3 else 0:k]:
            if s <= start < e:
                inside = True
                break
        if inside:
            continue  # the tail of an organisation ('Tỉnh ủy Hà Nam, ...')
        place = resolve_at(text, start)
        if place and place[1] >= back.end(1):
            continue  # a place name ('... tỉnh Hà Tĩnh, Giám đốc ...')
        if _PLACE_WORD_BEFORE.search(text, start - 12 if start > 12 else 0, start):
            continue  # a place or street named as people are ('châu Văn Sơn, Cục trưởng ...', 'phường Nguyễn Trãi')
        out.append((start, "apposition", None, []))
    return out


def _name_before(text: str, p: int, rx) -> re.Match | None:
    """rx.before_title.search(text, max(0, p - 60), p): a name of 2 to 4 words, then ',', '-' or '–' right before p.
    The search starts at the 4th last space before the separator (a match has at most 3 spaces) and is skipped
    when no separator ends the text before p (str.rstrip strips what the regex's \\s matches)."""
    lo = p - 60 if p > 60 else 0  # (no max(): a builtin call costs more)
    head = text[lo:p].rstrip()
    if not head or head[-1] not in ",-–":
        return None
    words = head[:-1].rstrip().rsplit(" ", 4)
    if len(words) == 5:
        lo += len(words[0]) + 1
    return rx.before_title.search(text, lo, p)


def _read_anchors(text: str, queue: list[tuple], units_at: dict, unit_starts: list[int], titles_cache: dict,
                  rx) -> list[dict]:
    """The mentions of the names at the anchors (sorted by position; a list anchor adds the next item of the list
    to the queue), with the titles in apposition after each, sorted by start."""
    r = _rules()
    upper, rank, rank_first = rx.upper, rx.rank.match, rx.rank_first
    found: dict[int, dict] = {}
    names_at: dict = {}
    after_at: dict = {}
    i = 0
    while i < len(queue):
        p, trigger, rank_name, before = queue[i]
        i += 1
        if text[p:p + 1] not in upper:
            continue  # no name can start here (a shortcut: _name_at would say None)
        if trigger in ("list", "honorific") and text[p] in rank_first and rank(text, p):
            continue  # 'các đồng chí: Thiếu tướng Trần Phú Hà' / 'đồng chí Đại tá ...': the rank anchor does it
        foreign_ok = True if trigger in ("rank", "honorific", "list") else trigger == "title" and "title"
        key = (p, foreign_ok)
        if key in names_at:  # several anchors often lead to one name: read it once
            hit = names_at[key]
        else:
            hit = names_at[key] = _name_at(text, p, foreign_ok, rx, r)
        if not hit:
            continue
        start, end, name = hit
        if trigger != "honorific" and " " not in name:
            continue
        if end in after_at:
            titles, after = after_at[end]
        else:
            titles, after = after_at[end] = _titles_after(text, end, units_at, titles_cache, unit_starts, rx)
        mention = found.get(start)
        if mention is None:
            mention = found[start] = {"start": start, "end": end, "name": name, "rank": rank_name, "titles": [],
                                      "trigger": trigger}
        elif not mention["rank"]:
            mention["rank"] = rank_name
        have = mention["titles"]
        for t in before:
            if t not in have:
                have.append(t)
        for t in titles:
            if t not in have:
                have.append(t)
        if trigger == "list":
            # next item of 'các đồng chí: A, title; B, title; ... và C, title', or of bare names 'các đồng chí A, B và C'
            nxt = _SEMICOLON.match(text, after) or _LIST_AND.match(text, after) or (
                _LIST_COMMA.match(text, after) if not titles else None)
            if nxt:
                queue.insert(i, (nxt.end(), "list", None, []))
    out = [found[s] for s in sorted(found)]
    for d in out:
        d["surface"] = text[d["start"]:d["end"]]
    return out


def _skip_degree(text: str, pos: int, rx) -> int:
    m = rx.degree.match(text, pos)
    return m.end() if m else pos


def merge_people(mentions: list[dict]) -> list[dict]:
    """One record per person of an article: short back-references ('ông Lưu') joined to the full name that ends
    with them; rank = first seen; every title kept; main position = the title of highest priority among the
    person's executive posts, a Party-committee membership ('Ủy viên Bộ Chính trị', 'Phó Bí thư Quân ủy Trung
    ương', 'Bí thư Đảng ủy Công an tỉnh') only when there is no other title; organisation = the main title's, else
    the first an executive post names, else any."""
    sizes = [len(m["name"].split()) for m in mentions]  # words per name
    full = [m for m, n in zip(mentions, sizes) if n > 1]
    last_words = None  # (last word, name) of each full mention, when a back-reference needs them
    people: dict[str, dict] = {}
    for m, n in zip(mentions, sizes):
        name = m["name"]
        if n == 1:
            if last_words is None:
                last_words = [(f["name"].split()[-1], f["name"]) for f in full]
            matches = {full_name for last, full_name in last_words if last == name}
            if len(matches) != 1:
                continue
            name = matches.pop()
        p = people.get(name)
        if p is None:
            p = people[name] = {"name": name, "rank": None, "titles": [], "first": m, "mentions": 0}
            if n == 1:  # first seen as a back-reference: point at the full mention
                p["first"] = next(f for f in full if f["name"] == name)
        p["mentions"] += 1
        p["rank"] = p["rank"] or m["rank"]
        have = p["titles"]
        for t in m["titles"]:
            if t not in have:
                have.append(t)
    out = []
    for p in people.values():
        titles = p["titles"]
        if len(titles) == 1:  # the usual case, without max, sorted and dict.fromkeys
            main = titles[0]
            org = main["organisation"] or None
            positions = [main["title"]]
        else:
            main = max(titles, key=_main_title_key) if titles else None
            org = main["organisation"] if main and main["organisation"] else next(
                (t["organisation"] for t in sorted(titles, key=_membership_key) if t["organisation"]), None)
            positions = list(dict.fromkeys([t["title"] for t in titles]))
        first = p["first"]
        out.append({"name": p["name"], "rank": p["rank"], "position": main["title"] if main else None,
                    "positions": positions, "organisation": org, "start": first["start"], "end": first["end"],
                    "surface": first["surface"], "mentions": p["mentions"]})
    out.sort(key=_START)
    return out


def _main_title_key(t: dict) -> tuple[bool, int]:
    """The sort key of the main position: an executive post before a membership, then the priority."""
    return not t.get("membership"), t["priority"]


def _membership_key(t: dict) -> bool:
    """The sort key of the organisation's fallback: executive posts first."""
    return bool(t.get("membership"))


_START = operator.itemgetter("start")


def article_people(article_id: str, text: str, unit_mentions=None, sindex=None) -> tuple[list[dict], list[dict]]:
    """(merged people rows, mention rows) of one article."""
    mentions = find_people(text, unit_mentions)
    # start -> sentence id (sentence_of, inlined), read once per start (a person starts at one of its mentions)
    if not sindex or not sindex[0]:
        sentence_at = dict.fromkeys([m["start"] for m in mentions])
    else:
        starts, ids = sindex
        sentence_at = {}
        for m in mentions:
            start = m["start"]
            if start not in sentence_at:
                i = bisect.bisect_right(starts, start) - 1
                sentence_at[start] = ids[i if i > 0 else 0]
    rows = []
    for p in merge_people(mentions):
        start = p["start"]
        rows.append({"article_id": article_id, "person_id": slugify(p["name"]), **p,  # slugify: person_id
                     "organisation_id": slugify(p["organisation"]) if p["organisation"] else None,
                     "sentence_id": sentence_at[start] if start in sentence_at else sentence_of(sindex, start)})
    mrows = []
    for m in mentions:
        titles = m["titles"]
        org = None
        for t in titles:  # the first title that names an organisation
            if t["organisation"]:
                org = t["organisation"]
                break
        start = m["start"]
        mrows.append({"article_id": article_id, "person_id": slugify(m["name"]), "name": m["name"], "rank": m["rank"],
                      "titles": [t["title"] for t in titles], "organisation": org,
                      "sentence_id": sentence_at[start], "start": start, "end": m["end"],
                      "surface": m["surface"], "trigger": m["trigger"]})
    return rows, mrows


def people_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=PEOPLE_COLUMNS)
    for c in ("start", "end", "mentions"):
        frame[c] = frame[c].astype("int64")
    frame["sentence_id"] = frame["sentence_id"].astype("Int64")
    return frame


def extract_people(articles: pd.DataFrame, sentences: pd.DataFrame, unit_mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The contract's `people` table: one row per person per article."""
    return _extract(articles, sentences, unit_mentions)[0]


def extract_person_mentions(articles: pd.DataFrame, sentences: pd.DataFrame, unit_mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every person mention (the `person_mentions` table)."""
    return _extract(articles, sentences, unit_mentions)[1]


def _extract(articles, sentences, unit_mentions):
    from analysis.units import _sentence_index

    sidx = _sentence_index(sentences)
    by_article = {}
    if unit_mentions is not None and len(unit_mentions):
        for aid, group in unit_mentions.groupby("article_id"):
            by_article[aid] = group.to_dict("records")
    rows, mrows = [], []
    for aid, text in zip(articles["article_id"], articles["text"]):
        um = by_article.get(aid, []) if unit_mentions is not None else None
        r, m = article_people(aid, _text(text), um, sidx.get(aid))
        rows.extend(r)
        mrows.extend(m)
    return people_frame(rows), pd.DataFrame(mrows, columns=MENTION_COLUMNS)


def _text(value) -> str:
    """An article's text, '' when missing (None / NaN)."""
    return value if isinstance(value, str) else ""
