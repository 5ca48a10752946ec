"""Legal references: the Party and State documents and named programmes an article cites.

`extract_references(articles, sentences)` returns one row per article and document with the
columns of `COLUMNS`. How a reference is found (all rules and lists are in data/references.yaml):

1. A *number* in one of the official formats: Party documents number-code/body ("12-NQ/TW",
   "14-KL/TW"), administrative documents number[/year]/code-issuer ("06/QĐ-TTg", "13/2023/NĐ-CP",
   "303/QCPH"). It is taken when a kind word precedes it ("Nghị quyết số ...", "Quy chế phối hợp
   số ...") or when its type code alone says the kind ("NQ", "QĐ", "KL" ...). Variant spellings
   are folded: "12/NQ-TW" and "12-NQ/TƯ" are "12-NQ/TW".
2. A *bare number* after a kind word ("Quy chế phối hợp số 303", "Nghị quyết 12", "NQ 12"): linked to the
   full number of the same kind in the same article, else to the one known document of that kind
   and number, else kept as the digits. A kind word without a number ("các Nghị quyết của Đảng",
   "Quy chế phối hợp" as an agreement) is not a reference.
3. A *named programme* ("Đề án 06", or its title) from `programmes`, linked to the decision that
   created it (`linked_ref_id`, both ways).
4. A *law* named without a number ("Luật Căn cước 2023"), from `laws`.

After each mention the text may give the document's date ("ngày 16/3/2022"), its issuer
("của Bộ Chính trị") and its subject ("về ..." or a quoted title). The year is the date's, else the
one in the number, else the known document's; a number issued more than once (12-NQ/TW of 2012 and
of 2022) is resolved by the date, then the known document's cue words in the sentences, then the
article's own date (the latest document issued before it).
"""
from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from functools import lru_cache

import pandas as pd

from analysis.text import slugify as _slugify
from analysis import ruledata
from analysis.grouping import SEP, by_article, digit_runs, finditer_at, sentence_starts
from analysis.ruledata import RuleDataError

DATA_FILE = "references.yaml"
KINDS = ("nghi_quyet", "quyet_dinh", "ket_luan", "chi_thi", "de_an", "quy_che", "nghi_dinh", "luat", "other")
COLUMNS = [
    "article_id", "ref_id", "kind", "number", "issuer", "date", "year", "alias", "linked_ref_id",
    "title", "mentions", "sentence_id", "start", "end", "surface",
]


# A document number: digits, an optional year, then code parts that start with a capital letter.
NUMBER = r"(?-i:\d{1,5}(?:/\d{4})?(?:\s?[-/]\s?[A-ZĐƯ][A-ZĐƯa-zđư0-9&]*)+)"
# The same in either case (matched on the text as written; the case is checked with NUMBER), starting
# with a character set alone so that the regex engine skips fast to the digits.
NUMBER_TAIL = r"(?:/[0-9]{4})?(?:\s?[-/]\s?[a-zA-ZđĐưƯ][a-zA-ZđĐưƯ0-9&]*)+"  # what follows the digits ("BNN&PTNT" is one part)
NUMBER_ANY = r"[0-9][0-9]{0,4}" + NUMBER_TAIL
_DIGIT_RUNS = re.compile(r"[0-9][0-9]*")
_BARE_END = re.compile(r"[\d/.,:\-]\d|[\w/-]")  # after a bare number: it goes on (a date, a decimal, a code)
_SEPARATOR = " :\t\n\xa0"  # what may stand between a kind word and its number ("số: 12"); see _kind_before


def _number_scan(kind_last) -> re.Pattern:
    """The numbers worth a look, in one scan: a run of at most 5 digits not glued to a word or a code
    before it ("[^\W_]" is exactly str.isalnum), then either the rest of a full number (group `code`)
    or, only right after a kind word's last word (`kind_last`, group `after`), nothing that makes it go
    on (a bare number). A match begins a run of digits, so the pattern is tried only there
    (grouping.finditer_at); a run glued to what precedes it fails at once.

    A full number swallows the digits of its code ("13/2023/NĐ-CP"): they are glued to "/" or a letter,
    so they would have been passed over anyway. The test for the word before a bare number is looser
    than _kind_before's (any case, no word boundary, and anything after two separators) but lets
    through every number that _kind_before can take: most bare numbers ("ngày 16", "năm 2024") then
    fail in the regex engine instead of in Python. (A bare match spans its digits alone, so no later
    run is skipped because of one.)
    """
    sep = "[" + re.escape(_SEPARATOR) + "]"
    by_length: dict[int, list[str]] = {}
    for word in sorted(kind_last):
        by_length.setdefault(len(word), []).append(re.escape(word))
    before = "|".join(f"(?<=(?i:{'|'.join(words)}){sep}[0-9])" for _, words in sorted(by_length.items()))
    return re.compile(
        rf"[0-9](?<![^\W_][0-9])(?<![/\-][0-9])(?P<after>(?<={sep}[0-9])(?:{before}|(?<={sep}{sep}[0-9])))?"
        rf"[0-9]{{0,4}}(?![0-9])(?:(?P<code>{NUMBER_TAIL})(?![\w/])|(?(after)(?!{_BARE_END.pattern})|(?!)))")


def _spellings(word: str) -> tuple[str, ...]:
    """The usual spellings of a lower-case trigger word: as is, capitalised, title case, upper case."""
    return tuple(dict.fromkeys((word, word[:1].upper() + word[1:], word.title(), word.upper())))
_NUMBER_CASED = re.compile(NUMBER)
@lru_cache(maxsize=65536)
def slugify(text: str) -> str:
    """analysis.text.slugify, cached: the same few documents recur across a corpus."""
    return _slugify(text)


# --------------------------------------------------------------------------- rule data

def _fail(path, where: str, problem: str, fix: str):
    raise RuleDataError(f"{path}: {where}: {problem}. Fix: {fix}")


@lru_cache(maxsize=None)
def rules() -> dict:
    """The validated content of data/references.yaml with its compiled patterns (loaded once)."""
    path, data = ruledata.read(DATA_FILE)
    return compile_rules(data, path)


def compile_rules(data: dict, path="references.yaml") -> dict:
    """Validate the rule data and build the regular expressions (separate from I/O for tests)."""
    if not isinstance(data, dict):
        _fail(path, "top level", "expected a mapping of sections", "see the comments at the top of the file")
    for section in ("kinds", "codes", "party_bodies", "issuers", "issuer_codes", "programmes", "laws", "documents"):
        if section not in data:
            _fail(path, section, "section missing", f"add a `{section}:` section")
    kind_words: dict[str, str] = {}
    for i, entry in enumerate(data["kinds"]):
        if not isinstance(entry, dict) or not entry.get("words") or entry.get("kind") not in KINDS:
            _fail(path, f"kinds[{i}] {entry!r}", "needs `words` (a list) and a `kind` among " + ", ".join(KINDS), "correct the entry")
        for word in entry["words"]:
            kind_words[word.casefold()] = entry["kind"]
    codes = {}
    for code, kind in data["codes"].items():
        if kind not in KINDS:
            _fail(path, f"codes.{code}", f"unknown kind {kind!r}", "use one of " + ", ".join(KINDS))
        codes[str(code)] = kind
    issuers: dict[str, str] = {}
    for i, entry in enumerate(data["issuers"]):
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("spellings"):
            _fail(path, f"issuers[{i}] {entry!r}", "needs `name` and `spellings`", "correct the entry")
        for spelling in entry["spellings"]:
            issuers[spelling.casefold()] = entry["name"]
    issuer_codes = []
    for i, entry in enumerate(data["issuer_codes"]):
        try:
            issuer_codes.append((re.compile(rf"(?:^|-)(?:{entry['code']})$"), entry["issuer"]))
        except (KeyError, TypeError, re.error) as exc:
            _fail(path, f"issuer_codes[{i}] {entry!r}", f"needs `code` (a regular expression) and `issuer` ({exc})", "correct the entry")
    programmes = []
    for i, entry in enumerate(data["programmes"]):
        where = f"programmes[{i}] {entry.get('name') if isinstance(entry, dict) else entry!r}"
        if not isinstance(entry, dict) or not all(entry.get(k) for k in ("name", "kind", "number", "patterns")):
            _fail(path, where, "needs name, kind, number, patterns", "correct the entry")
        if entry["kind"] not in KINDS:
            _fail(path, where, f"unknown kind {entry['kind']!r}", "use one of " + ", ".join(KINDS))
        try:
            pattern = re.compile("|".join(f"(?:{p})" for p in entry["patterns"]), re.IGNORECASE)
        except re.error as exc:
            _fail(path, where, f"a pattern is not a valid regular expression ({exc})", "correct the pattern")
        decision = entry.get("decision")
        if decision is not None and (decision.get("kind") not in KINDS or not decision.get("number")):
            _fail(path, where, "`decision` needs a kind and a number", "correct the entry")
        trigger = str(entry.get("trigger") or "").lower()
        if not trigger:
            _fail(path, where, "needs `trigger`: a word every spelling contains (to skip other sentences fast)", "e.g. `trigger: đề án`")
        for p in entry["patterns"]:
            if not p.lower().startswith(trigger):
                _fail(path, where, f"pattern {p!r} does not start with the trigger {trigger!r}",
                      "start every pattern with the trigger word (matches are anchored on it)")
        programmes.append({**entry, "number": str(entry["number"]), "regex": pattern, "trigger": trigger,
                           "triggers": _spellings(trigger)})
    documents = []
    for i, entry in enumerate(data["documents"]):
        where = f"documents[{i}] {entry.get('number') if isinstance(entry, dict) else entry!r}"
        if not isinstance(entry, dict) or entry.get("kind") not in KINDS or not entry.get("number"):
            _fail(path, where, "needs a kind among the contract's and a number", "correct the entry")
        date = str(entry.get("date") or "")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            _fail(path, where, f"date {date!r} is not an ISO date", "write it as \"2022-03-16\" (quoted)")
        documents.append({**entry, "number": str(entry["number"]), "date": date, "cues": [c.casefold() for c in entry.get("cues") or []]})
    bare_kinds = data.get("bare_number_kinds") or []
    if not isinstance(bare_kinds, list) or set(bare_kinds) - set(KINDS):
        _fail(path, f"bare_number_kinds {bare_kinds!r}", "expected a list of kinds", "use kinds among " + ", ".join(KINDS))
    laws = [str(name) for name in data["laws"]]
    if not all(laws):
        _fail(path, "laws", "an empty law name", "remove the empty line")

    # Numbers are found first (the pattern starts with a digit, so it scans fast); the kind word
    # before them is looked up by `_kind_before`. Matched on the lower-cased text (same offsets);
    # the case of a number's code is checked afterwards against NUMBER on the original text.
    numbers = re.compile(rf"{NUMBER_ANY}(?![\w/])")
    law_alt = "|".join(re.escape(n) for n in sorted(laws, key=len, reverse=True))
    law = re.compile(rf"luật\s+(?P<name>{law_alt.lower()})(?![\w])(?:\s+(?:năm\s+)?(?P<year>(?:19|20)\d\d)(?!\d))?")
    issuer_alt = "|".join(re.escape(s) for s in sorted(issuers, key=len, reverse=True))
    after = re.compile(
        r"\s*,?\s*(?:ban hành\s+)?(?:ngày\s+(?P<d>\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(?P<m>\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*(?P<y>\d{4}))?"
        rf"\s*,?\s*(?:của\s+(?P<issuer>{issuer_alt})(?![\w]))?"
        r"(?:\s*,?\s*(?:(?:về\s+)?[“\"«](?P<quoted>[^”\"»\x00]{3,300})[”\"»]|(?P<about>về\s+[^;.…“”\"!?\n\x00]{3,250})))?",
        re.IGNORECASE,
    )
    kind_sorted = sorted(kind_words, key=len, reverse=True)
    kind_last = {w.split()[-1] for w in kind_words} | {"số", "hiệu"}
    kind_by_last: dict[str, list[str]] = {}  # the kind words (longest first) by their last letter
    for word in kind_sorted:
        kind_by_last.setdefault(word[-1], []).append(word)
    documents_by_key: dict[tuple[str, str], list[dict]] = {}  # the known documents by kind and number
    for doc in documents:
        documents_by_key.setdefault((doc["kind"], doc["number"]), []).append(doc)
    return {
        "kind_words": kind_words, "codes": codes, "party_bodies": {str(k): str(v) for k, v in data["party_bodies"].items()},
        "issuers": issuers, "issuer_codes": issuer_codes, "programmes": programmes, "documents": documents,
        "documents_by_key": documents_by_key, "kind_by_last": kind_by_last,
        "bare_kinds": set(bare_kinds), "numbers": numbers, "kind_sorted": kind_sorted,
        "kind_tuple": tuple(kind_words), "kind_last": kind_last, "law": law, "law_triggers": _spellings("luật "), "after": after, "laws": {n.casefold(): n for n in laws},
        "digit_runs": _DIGIT_RUNS, "bare_end": _BARE_END, "number_scan": _number_scan(kind_last),
    }


# --------------------------------------------------------------------------- numbers

_SPLIT = re.compile(r"\s?([-/])\s?")


def normalise_number(raw: str, rules_: dict | None = None) -> str:
    """'12/NQ-TW' -> '12-NQ/TW', '12-NQ/TƯ' -> '12-NQ/TW', '06/QĐ-TTg' and '13/2023/NĐ-CP' as written."""
    r = rules_ or rules()
    parts = [p for p in _SPLIT.split(raw.strip()) if p not in ("-", "/")]
    bodies = r["party_bodies"]
    if len(parts) == 3 and parts[0].isdigit() and parts[2] in bodies and not parts[1].isdigit():
        return f"{parts[0]}-{parts[1]}/{bodies[parts[2]]}"
    return _SPLIT.sub(r"\1", raw.strip())


@lru_cache(maxsize=65536)
def _normalised(raw: str) -> str:
    """normalise_number with the rule data of data/references.yaml, cached: the same numbers recur across a corpus."""
    return normalise_number(raw, rules())


_PART = re.compile(r"[-/]")
_TRAILING_DIGITS = re.compile(r"\d+$")
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s")


def number_code(number: str) -> str:
    """The type code of a normalised number: 'NQ' of '12-NQ/TW', 'QĐ' of '06/QĐ-TTg', 'QH' of '26/2023/QH15'."""
    for part in _PART.split(number)[1:]:
        if part and not part.isdigit():
            return _TRAILING_DIGITS.sub("", part)
    return ""


def _leading(number: str) -> int | None:
    m = _DIGITS.match(number)
    return int(m.group()) if m else None


_NUMBER_YEAR = re.compile(r"/((?:19|20)\d\d)/")
_YEAR_FIRST = re.compile(r"\d{4}")


def _number_year(number: str) -> int | None:
    m = _NUMBER_YEAR.search(number)
    return int(m.group(1)) if m else None


# --------------------------------------------------------------------------- extraction

def _lower(text: str) -> str:
    lower = text.lower()
    if len(lower) != len(text):  # offsets must stay exact
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lower


@lru_cache(maxsize=None)
def _tails(spellings: tuple[str, ...]) -> tuple[tuple[str, frozenset, str, int], ...]:
    """The spellings grouped by all but their first character: ("uật ", {"l", "L"}, "", 1) for "luật ", "Luật ",
    with the capital letters of that rest ("ẬT" for "UẬT ") and where its first letter with a diacritic is
    (-1 when it has none)."""
    groups: dict[str, set] = {}
    for spelling in spellings:
        if len(spelling) > 1:
            groups.setdefault(spelling[1:], set()).add(spelling[0])
    return tuple((tail, frozenset(firsts), "".join(c for c in dict.fromkeys(tail) if c.isupper()),
                  next((k for k, c in enumerate(tail) if not c.isascii()), -1)) for tail, firsts in groups.items())


def _find_any(text: str, spellings: tuple[str, ...]):
    """Start offsets of every occurrence of any of `spellings` (str.find is far faster than lower-casing the text).

    Spellings that differ only in their first letter ("luật ", "Luật ") are found with one search of
    the rest, the letter before being checked (each search is a pass over the whole text). A rest with
    capital letters ("ĐỀ ÁN") is searched for only when the text has each of them (a search for one
    character is many times faster than for several, and capitals are rare). A rest with a letter with
    a diacritic ("uật ") is found through that letter ("ậ"): such letters are rare enough that checking
    each of them costs less than the search for several characters.
    """
    out = []
    for spelling in spellings:
        if len(spelling) > 1:
            continue
        i = text.find(spelling)
        while i >= 0:
            out.append(i)
            i = text.find(spelling, i + 1)
    for tail, firsts, capitals, anchor in _tails(spellings):
        for c in capitals:
            if c not in text:
                break
        else:
            if anchor < 0:
                i = text.find(tail, 1)
                while i >= 0:
                    if text[i - 1] in firsts:
                        out.append(i - 1)
                    i = text.find(tail, i + 1)
                continue
            letter = tail[anchor]
            i = text.find(letter, anchor + 1)
            while i >= 0:
                begin = i - anchor  # where the rest would begin
                if text[begin - 1] in firsts and text.startswith(tail, begin):
                    out.append(begin - 1)
                i = text.find(letter, i + 1)
    if len(spellings) > 1:
        out = sorted(set(out))
    return out


def _mentions_in(text: str, r: dict) -> list[dict]:
    """Every reference mention in a text (a sentence, or an article's sentences joined by SEP), in
    order, with what follows it (date, issuer, subject).

    Speed: the text is never lower-cased as a whole. Programmes and laws are anchored on their
    trigger word (found with str.find in its usual spellings); numbers on the runs of digits (found
    with str.find, one digit at a time: grouping.digit_runs); the kind word before a number is looked
    up in a short lower-cased window.
    """
    found: list[dict] = []
    taken: list[tuple[int, int]] = []
    for prog in r["programmes"]:
        end = -1
        for i in _find_any(text, prog["triggers"]):
            if i < end:
                continue  # inside the previous match
            m = prog["regex"].match(text, i)
            if m:
                found.append({"type": "programme", "prog": prog, "kind": prog["kind"], "number": prog["number"],
                              "s": m.start(), "e": m.end(), "surface": m.group()})
                taken.append((m.start(), m.end()))
                end = m.end()
    for i in _find_any(text, r["law_triggers"]):  # "pháp luật", "kỷ luật" fail the name match
        if i and text[i - 1].isalnum():
            continue
        window = _lower(text[i:i + 160])
        m = r["law"].match(window)
        if m and not any(s < i + m.end() and i < e for s, e in taken):
            begin = i - 3 if text[max(0, i - 3):i].lower() == "bộ " and (i < 4 or not text[i - 4].isalnum()) else i
            name = r["laws"].get(m.group("name"), text[i + m.start("name"):i + m.end("name")])
            found.append({"type": "law", "kind": "luat", "name": name, "year": int(m.group("year")) if m.group("year") else None,
                          "s": begin, "e": i + m.end(), "surface": text[begin:i + m.end()]})
            taken.append((begin, i + m.end()))
    # Numbers: every run of digits not glued to a word or a code before it. A full number
    # ("12-NQ/TW", "13/2023/NĐ-CP") is taken with the kind word written before it, if any; a bare
    # number ("Quy chế phối hợp số 303", "Nghị quyết 12") only after a kind word. The scan leaves
    # out the runs that cannot be either (see _number_scan).
    kind_words, codes = r["kind_words"], r["codes"]
    for m in finditer_at(r["number_scan"], text, digit_runs(text)):  # (a match starts a run of digits)
        s0 = m.start()
        if m.lastgroup == "code":
            raw = m.group()
            if not _NUMBER_CASED.fullmatch(raw):
                continue  # "2 - phòng": a code must start with a capital letter
            word, begin, _ = _kind_before(text, s0, r)
            if any(s < m.end() and begin < e for s, e in taken):
                continue
            number = _normalised(raw) if r is rules() else normalise_number(raw, r)
            kind = kind_words.get(word) if word else None
            if kind is None:
                kind = codes.get(number_code(number))
                if kind is None:
                    continue  # an unknown code with no kind word: not recognisably a document
            found.append({"type": "number", "kind": kind, "number": number, "word": word,
                          "s": begin, "e": m.end(), "surface": text[begin:m.end()]})
            taken.append((begin, m.end()))
            continue
        e0 = m.end()
        word, begin, so = _kind_before(text, s0, r)
        if word is None or any(s < e0 and begin < e for s, e in taken):
            continue
        kind = kind_words[word]
        if so or (e0 - s0 <= 3 and kind in r["bare_kinds"] and text[begin].isupper()):
            found.append({"type": "bare", "kind": kind, "number": text[s0:e0], "word": word,
                          "s": begin, "e": e0, "surface": text[begin:e0]})
            taken.append((begin, e0))
    found.sort(key=lambda f: f["s"])
    return _followers(found, text, r)


# What stands between a kind word and its number: white space, maybe "số" ("số:") or "số hiệu", i.e. the
# leftmost match of \s+(?:số(?:\s*:)?\s*|số hiệu\s+)?$ in the text before the number. Found as the longest
# match at the start of that text reversed (a match is faster than a search that tries each offset); the
# pattern is written so that its first match there is the longest.
_TAIL_REVERSED = re.compile(r"(?:\s*(?::\s*)?ốs|\s+uệih ốs)?\s+")


def _kind_before(text: str, pos: int, r: dict) -> tuple[str | None, int, bool]:
    """The kind word written just before a number at `pos` ("nghị quyết số "), where it begins, and whether "số" is there."""
    j = pos  # the word written before the number (after "số" or the kind word): most numbers are "ngày 16", "năm 2024" ...
    while j and text[j - 1] in _SEPARATOR:
        j -= 1
    i = j
    while i > j - 8 and i and text[i - 1].isalnum():
        i -= 1
    if text[i:j].lower() not in r["kind_last"]:
        return None, pos, False
    window = _lower(text[max(0, pos - 40):pos])
    tail = _TAIL_REVERSED.match(window[::-1])
    if not tail:
        return None, pos, False
    core = window[: len(window) - tail.end()]
    if not core.endswith(r["kind_tuple"]):
        return None, pos, False
    for word in r["kind_by_last"][core[-1]]:  # (core ends with one of the kind words)
        if core.endswith(word) and (len(core) == len(word) or not core[-len(word) - 1].isalnum()):
            return word, pos - len(window) + len(core) - len(word), "ốs" in tail.group()  # ("số" reversed)
    return None, pos, False


def _followers(found: list[dict], text: str, r: dict) -> list[dict]:
    """Add to each mention the date, issuer and subject written right after it."""
    for f in found:
        a = r["after"].match(text, f["e"])
        f["date"] = f["issuer"] = f["title"] = None
        if a:
            if a.group("y"):
                try:
                    f["date"] = datetime.date(int(a.group("y")), int(a.group("m")), int(a.group("d"))).isoformat()
                except ValueError:
                    f["date"] = None
            if a.group("issuer"):
                f["issuer"] = r["issuers"][a.group("issuer").casefold()]
            title = a.group("quoted") or a.group("about")
            if title:
                f["title"] = title.strip(" ,:-–")
    return found


def _resolve_known(cands: list[dict], date: str | None, group: list[dict], article_date: str | None):
    """The known document a (kind, number) mention is, or None (see the module docstring); `cands`: the known
    documents of that kind and number, `group`: its mentions."""
    if len(cands) <= 1:
        if cands and date and cands[0]["date"] != date:
            return None
        return cands[0] if cands else None
    if date:
        return next((d for d in cands if d["date"] == date), None)
    cue_text = " ".join(f["sentence_text"] for f in group).casefold()
    cued = [d for d in cands if any(c in cue_text for c in d["cues"])]
    if len(cued) == 1:
        return cued[0]
    if article_date:
        before = [d for d in cands if d["date"][: len(article_date)] <= article_date]
        if before:
            return max(before, key=lambda d: d["date"])
    return None


def _article_date(row) -> str | None:
    for col in ("published", "event_date"):
        value = row.get(col)
        if isinstance(value, str) and _YEAR_FIRST.match(value):
            return value[:10]
    return None


def _issuer_from_code(number: str, r: dict) -> str | None:
    last = number.split("/")[-1]
    for regex, issuer in r["issuer_codes"]:
        if regex.search(last):
            return issuer
    return None


def _article_references(article_id: str, article_date: str | None, sentences: list[tuple], r: dict) -> list[tuple]:
    # One pass over the article's sentences joined by SEP (no pattern crosses it), mapped back.
    sentence_ids, starts, texts = sentences
    joined = SEP.join(texts)
    mentions = _mentions_in(joined, r)
    if not mentions:
        return []
    bounds = sentence_starts(texts)
    for f in mentions:
        k = bisect_right(bounds, f["s"]) - 1
        f["sentence_id"], f["offset"] = sentence_ids[k], starts[k] - bounds[k]
        f["sentence_text"] = texts[k]
    docs = r["documents"]
    groups: dict[tuple, list[dict]] = {}
    order: list[tuple] = []

    def add(key, f):
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(f)

    full = [f for f in mentions if f["type"] == "number"]
    for f in mentions:
        if f["type"] in ("number", "programme"):
            add((f["kind"], f["number"]), f)
        elif f["type"] == "law":
            numbered = next((g for g in full if g["kind"] == "luat" and 0 < g["s"] - f["e"] <= 5), None)
            if numbered is not None:  # 'Luật Phòng, chống mua bán người số 53/2024/QH15': one law, by its number
                f["number"], f["known_title"] = numbered["number"], f"Luật {f['name']}"
                add(("luat", f["number"]), f)
                continue
            known = next((d for d in docs if d["kind"] == "luat" and d.get("title", "").casefold() == f"luật {f['name']}".casefold()
                          and (f["year"] is None or d["date"].startswith(str(f["year"])))), None)
            f["number"] = known["number"] if known else (f"{f['name']} {f['year']}" if f["year"] else f["name"])
            f["known_title"] = f"Luật {f['name']}"
            add(("luat", f["number"]), f)
        else:  # bare number after a kind word
            n = int(f["number"])
            programme = next((p for p in r["programmes"] if p["kind"] == f["kind"] and _leading(p["number"]) == n), None)
            same = next((g for g in full if g["kind"] == f["kind"] and _leading(g["number"]) == n), None)
            if programme is not None:
                f["type"], f["prog"], f["number"] = "programme", programme, programme["number"]
                add((f["kind"], f["number"]), f)
            elif same is not None:
                add((f["kind"], same["number"]), f)
            else:
                known = [d for d in docs if d["kind"] == f["kind"] and _leading(d["number"]) == n]
                numbers = {d["number"] for d in known}
                add((f["kind"], numbers.pop() if len(numbers) == 1 else f["number"]), f)
    rows = []
    for key in order:
        group = sorted(groups[key], key=lambda f: f["offset"] + f["s"])
        kind, number = key
        first = group[0]
        date = next((f["date"] for f in group if f["date"]), None)
        issuer = next((f["issuer"] for f in group if f["issuer"]), None)
        title = next((f["title"] for f in group if f["title"]), None) or next((f.get("known_title") for f in group if f.get("known_title")), None)
        known = _resolve_known(r["documents_by_key"].get(key, []), date, group, article_date)
        prog = next((f["prog"] for f in group if f.get("prog")), None)
        year = (int(date[:4]) if date else None) or _number_year(number) or next((f.get("year") for f in group if f.get("year")), None)
        if year is None and known:
            year = int(known["date"][:4])
        if year is None and prog is not None:
            year = prog.get("year")
        if known and not issuer:
            issuer = known.get("issuer")
        if not issuer:
            issuer = _issuer_from_code(number, r)
        if known and not title:
            title = known.get("title")
        alias = None
        if prog is not None:
            alias = prog["name"]
        else:
            # the first spelling that differs from the canonical number: "Nghị quyết số 12/NQ-TW", "... số 303"
            alias = next((f["surface"] for f in group if f["type"] == "bare"
                          or (f["type"] == "number" and _raw_number(f["surface"]) != number)), None)
        linked = None
        if prog is not None and prog.get("decision"):
            d = prog["decision"]
            linked = slugify(f"{d['kind']} {d['number']} {d.get('year') or ''}")
        else:
            for p in r["programmes"]:
                d = p.get("decision")
                if d and d["kind"] == kind and d["number"] == number:
                    linked = slugify(f"{p['kind']} {p['number']} {p.get('year') or ''}")
        # The id carries a year only when it comes from the registry (known document, programme) or
        # the number itself, so that the same document gets the same id whether or not a date is printed.
        id_year = int(known["date"][:4]) if known else (prog.get("year") if prog is not None else None)
        rows.append((  # in the order of COLUMNS
            article_id, slugify(f"{kind} {number} {'' if _number_year(number) else (id_year or '')}"),
            kind, number, issuer, date, year, alias, linked, title,
            len(group), first["sentence_id"], first["offset"] + first["s"], first["offset"] + first["e"], first["surface"],
        ))
    return rows


def _raw_number(surface: str) -> str:
    m = _NUMBER_CASED.search(surface)
    return _SPACE.sub("", m.group()) if m else surface


def extract_references(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per article and cited document or programme (columns: COLUMNS; see the module docstring)."""
    r = rules()
    dates = {}
    if articles is not None and len(articles):
        columns = [c for c in ("published", "event_date") if c in articles.columns]
        for article_id, *values in zip(articles["article_id"], *(articles[c] for c in columns)):
            dates[str(article_id)] = _article_date(dict(zip(columns, values)))
    rows: list[tuple] = []
    if sentences is None or not len(sentences):
        return pd.DataFrame(columns=COLUMNS)
    for article_id, batch in by_article(sentences):
        rows += _article_references(article_id, dates.get(article_id), batch, r)
    out = pd.DataFrame(dict(zip(COLUMNS, map(list, zip(*rows)))), columns=COLUMNS) if rows else pd.DataFrame([], columns=COLUMNS)
    out["year"] = out["year"].astype("Int64")
    return out
