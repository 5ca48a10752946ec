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
import re
from functools import lru_cache

import pandas as pd

from analysis import ruledata
from analysis.anchors import core_positions
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


@lru_cache(maxsize=None)
def _rules() -> dict:
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
        self.title_any = re.compile(rf"(?:[Pp]hó\s+)?(?:{title_alt})(?!\w)", re.IGNORECASE)
        self.qual = re.compile(r"\s+(" + "|".join(re.escape(q["word"]) for q in r["pos"]["qualifiers"]) + r")(?!\w)")
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
        from analysis.anchors import first_words

        stop_pats = [f"(?:Phó\\s+)?(?:{e['pattern']})" for e in forms] + list(r["rank_forms"]) + [
            "Công an", "Bộ", "Ủy ban", "UBND", "HĐND", "Tỉnh ủy", "Thành ủy", "Cục", "Cụm", "Tại", "Theo", "Sau", "Trong", "Với"]
        self.stop_first = frozenset(w.split()[0] for p in stop_pats for w in first_words(p))
        deg = "|".join(f"(?:{d['pattern']})" for d in r["pos"].get("degrees", []))
        self.degree = re.compile(rf"(?:,\s*)?(?:{deg})(?=\s)\s*") if deg else None
        # the first two letters a degree can start with (a cheap pre-check before the regex; a one-letter degree
        # word would need the regex everywhere)
        words = [w for d in r["pos"].get("degrees", []) for w in first_words(d["pattern"])]
        self.degree_first = frozenset([","] + [w[:2] for w in words]) if all(len(w) >= 2 for w in words) else None
        self.before_title = re.compile(rf"(?<![\w,])(?<!, )([{U}][{L}]*(?: [{U}][{L}]*){{1,3}})\s*(?:,|-|–)\s*$")
        self.apposition = re.compile(r"\s*(?:,|-|–|—|\()\s*")  # '..., Giám đốc' / '(Phó Trưởng phòng ...)'
        self.title_sep = re.compile(r"\s*,\s*|\s+kiêm\s+")
        self.run_cache: dict = {}
        self.title_entries: dict = {}  # a title's surface ('Giám đốc', 'giám  đốc') -> its entry (see _title_entry)


@lru_cache(maxsize=None)
def _rx() -> _Rx:
    return _Rx()


_WS = re.compile(r"\s+")
_COMMA = re.compile(r"\s*,\s*")
_SEMICOLON = re.compile(r"\s*;\s*")
_APPOSED = re.compile(rf"(?<!\w)[{ruledata.UPPER}][\w]*\s*[,\-–]\s*$")  # 'Nguyễn Văn A, ' before a title: apposition
_WS_OR_DEGREE = re.compile(r"\s+|,\s*(?=(?:GS|PGS|TS|ThS)\b)")
_KEEP_IN_NAMES = frozenset({"Trung", "Thành", "Công"})  # name words that also start a unit or title word


def _run_words(run: str, rx) -> tuple[tuple[int, int, bool], ...]:
    """The name-word candidates of a run of capitalised words: (offset, length, may stop the name) for each word
    before the first acronym, at most MAX_FOREIGN_WORDS (memoised per run, i.e. per name surface)."""
    out = rx.run_cache.get(run)
    if out is None:
        words = []
        p = 0
        for w in run.split(" ")[:MAX_FOREIGN_WORDS]:
            if len(w) > 1 and w.isupper():
                break  # acronyms ('UBND', 'VĂN THẮNG' bylines) are not name words
            words.append((p, len(w), w.lower() in rx.stop_first, w in _KEEP_IN_NAMES))
            p += len(w) + 1
        out = tuple(words)
        if len(rx.run_cache) < 200_000:
            rx.run_cache[run] = out
    return out


def _name_at(text: str, pos: int, foreign_ok: bool | str) -> tuple[int, int, str] | None:
    """A personal name starting at pos: (start, end, name) or None. foreign_ok: True accepts any name (after a rank
    or an honorific); 'title' accepts a name without a known surname unless it starts like an organisation."""
    rx, r = _rx(), _rules()
    m = rx.run.match(text, pos)
    if not m:
        return None
    n = 0
    words = _run_words(m.group(0), rx)
    for off, length, stoppable, keep in words:
        if stoppable:
            p = pos + off
            if (rx.title_any.match(text, p) or rx.rank.match(text, p)
                    or (not n or not keep) and rx.stop.match(text, p)):
                break  # 'Nguyễn Văn Thuận Giám đốc' stops before 'Giám'; 'ông Giám đốc' is no name
        n += 1
        last = (off, length)
    if not n:
        return None
    first = text[pos:pos + words[0][1]]
    vn = first in r["surnames"] or first.startswith(("H'", "H’"))
    if vn and n > MAX_VN_WORDS and foreign_ok is not True:
        return None
    if not vn and (not foreign_ok or foreign_ok == "title" and (first in r["not_name_starts"] or n > MAX_VN_WORDS)):
        return None  # after a title, a name of another people ('Giám đốc Công an tỉnh Takeo Ouk Kim Seng'), not an organisation
    start, end = pos, pos + last[0] + last[1]
    name = text[start:end]
    if person_id(name) in r["historical"]:
        return None
    return start, end, name


def _title_entry(head: str, rx) -> dict | None:
    """The rule entry of a title surface (memoised per surface: a few hundred distinct spellings)."""
    entries = rx.title_entries
    if head in entries:
        return entries[head]
    entry = rx.title_by_text.get(" ".join(head.lower().split()))
    if entry is None:
        for trx, e in rx.title_alts:
            if trx.fullmatch(head):
                entry = e
                break
    if len(entries) < 50_000:
        entries[head] = entry
    return entry


def _title_at(text: str, pos: int, units_at: dict, cache: dict | None = None, m: re.Match | None = None) -> tuple[dict, int] | None:
    """A title starting at pos: ({'title', 'priority', 'organisation'}, end) or None (memoised in `cache`;
    m: the title regex's match at pos when the caller has it already)."""
    if cache is not None:
        if pos not in cache:
            cache[pos] = _title_at(text, pos, units_at, None, m)
        return cache[pos]
    rx = _rx()
    m = m or rx.title.match(text, pos)
    if not m:
        return None
    head = text[m.end("dep") if m.group("dep") else m.start():m.end()]
    entry = _title_entry(head, rx)
    if entry is None:
        return None
    label = entry["title"]
    priority = int(entry["priority"])
    membership = bool(entry.get("membership"))
    if m.group("dep"):
        label = "Phó " + label[0].upper() + label[1:]
        priority -= 25
    end = m.end()
    q = rx.qual.match(text, end)
    if q:
        label += " " + q.group(1)
        end = q.end()
    org = None
    b = rx.body.match(text, end)
    if b:
        g = b.lastgroup
        label += " " + " ".join(b.group(g).split())
        priority += rx.body_shift[int(g[1:])]
        membership = membership or rx.body_party[int(g[1:])]
        unit = units_at.get(b.start(g))
        end = b.end()
        lv = rx.level.match(text, end)
        if lv:
            ws = _WS.match(text, lv.end())
            if not (ws and resolve_at(text, ws.end())):
                label += " " + lv.group(1)
                end = lv.end()
        if unit is not None:
            org = unit
            end = max(end, unit["end"])
        else:
            ws = _WS.match(text, end)
            if ws and ws.end() in units_at:
                org = units_at[ws.end()]
                end = org["end"]
    else:
        ws = _WS.match(text, end)
        if ws and ws.end() in units_at:
            org = units_at[ws.end()]
            end = org["end"]
        else:  # 'Trưởng Công an huyện Mường Tè': the unit starts inside the title
            inside = None
            for k in range(m.start() + 1, end):
                if k in units_at:
                    inside = units_at[k]
                    break
            if inside is not None:
                org = inside
                end = max(end, inside["end"])
    if org is not None:
        org["affiliation"] = True  # the unit is someone's organisation here, not a party (see analysis.events)
    return {"title": label, "priority": priority, "organisation": org["unit"] if org else None,
            "membership": membership}, end


def _titles_after(text: str, pos: int, units_at: dict, cache: dict | None = None) -> tuple[list[dict], int]:
    """Titles in apposition after a name: ', Giám đốc Công an tỉnh X, Cụm trưởng' / ' - Ủy viên ..., Thứ trưởng ...'."""
    rx = _rx()
    out = []
    m = rx.apposition.match(text, pos)
    if not m or m.end() == pos:
        return out, pos
    p = m.end()
    while True:
        hit = _title_at(text, p, units_at, cache)
        if not hit:
            break
        out.append(hit[0])
        pos = hit[1]
        sep = rx.title_sep.match(text, pos)
        if not sep:
            break
        p = sep.end()
    return out, pos


def find_people(text: str, unit_mentions: list[dict] | None = None) -> list[dict]:
    """Every person mention of one text: name, start/end of the name, rank, titles (with organisation), trigger."""
    if unit_mentions is None:
        unit_mentions = resolve_home(find_unit_mentions(text), text)
    units_at = {u["start"]: u for u in unit_mentions}
    for u in unit_mentions:
        u.setdefault("affiliation", False)
    rx, r = _rx(), _rules()
    anchors: list[tuple[int, str, str | None, list]] = []  # (name position, trigger, rank, titles before)
    cands = core_positions(text)
    for m in filter(None, (rx.rank.match(text, p) for p in cands["rank"])):
        ws = _WS_OR_DEGREE.match(text, m.end())  # 'Đại tá, TS. Nguyễn ...' too
        if ws:
            anchors.append((ws.end(), "rank", r["rank_forms"][" ".join(m.group(0).lower().split())], []))
    last_title = -1
    titles_cache: dict = {}
    for m in filter(None, (rx.title.match(text, p) for p in cands["title"])):
        if m.start() < last_title:
            continue  # 'Chủ tịch' inside 'Phó Chủ tịch ...'
        hit = _title_at(text, m.start(), units_at, titles_cache, m)
        if not hit:
            continue
        info, end = hit
        last_title = end
        ws = _WS.match(text, end)
        if not ws:
            # 'Bộ trưởng Bộ Công an, Đại tướng Tô Lâm': a title, a comma, then a rank and the name; not when the
            # title is itself in apposition to the name before it ('A, Giám đốc Công an tỉnh X, Đại tá B')
            ws = _COMMA.match(text, end)
            if not (ws and rx.rank.match(text, ws.end()) and not _APPOSED.search(text, max(0, m.start() - 30), m.start())):
                continue
        p = ws.end()
        rank = None
        rm = rx.rank.match(text, p)
        if rm:
            rank = r["rank_forms"][" ".join(rm.group(0).lower().split())]
            ws2 = _WS_OR_DEGREE.match(text, rm.end())
            if not ws2:
                continue
            p = ws2.end()
        anchors.append((p, "title", rank, [info]))
    for m in filter(None, (rx.grank.match(text, p) for p in cands.get("grank", ()))):
        ws = _WS_OR_DEGREE.match(text, m.end())
        if ws:
            anchors.append((ws.end(), "rank", None, []))
    for m in filter(None, (rx.honorific.match(text, p) for p in cands["honorific"])):
        plural = m.group("hon").lower().startswith("các")
        anchors.append((m.end(), "list" if m.group("colon") or plural else "honorific", None, []))
    # a Vietnamese name with a title in apposition and nothing before it: 'Nguyễn Văn A, Giám đốc Công an tỉnh ...'
    spans = sorted((u["start"], u["end"]) for u in unit_mentions)
    span_starts = [a for a, _ in spans]
    for p in cands["title"]:
        if p < 4 or text[p - 2] not in ",-–" and text[p - 1] not in ",-–":
            continue  # cheap pre-check: only a title right after ', ' or ' - ' can follow a bare name
        back = rx.before_title.search(text, max(0, p - 60), p)
        if not back:
            continue
        start = back.start(1)
        k = bisect.bisect_right(span_starts, start)
        if any(s <= start < e for s, e in spans[max(0, k - 3):k]):
            continue  # the tail of an organisation ('Tỉnh ủy Hà Nam, ...')
        place = resolve_at(text, start)
        if place and place[1] >= back.end(1):
            continue  # a place name ('... tỉnh Hà Tĩnh, Giám đốc ...')
        anchors.append((start, "apposition", None, []))
    found: dict[int, dict] = {}
    if rx.degree is not None:  # 'Đại tá, TS. Nguyễn Văn A': the name is after the degree
        first = rx.degree_first
        anchors = [(_skip_degree(text, a[0], rx), *a[1:])
                   if first is None or text[a[0]:a[0] + 1] == "," or text[a[0]:a[0] + 2].lower() in first else a
                   for a in anchors]
    queue = sorted(anchors, key=lambda a: a[0])
    names_at: dict = {}
    after_at: dict = {}
    i = 0
    while i < len(queue):
        p, trigger, rank, before = queue[i]
        i += 1
        rm = rx.rank.match(text, p) if trigger in ("list", "honorific") else None
        if rm:  # 'các đồng chí: Thiếu tướng Trần Phú Hà' / 'đồng chí Đại tá ...': the rank anchor does it
            continue
        foreign_ok = True if trigger in ("rank", "honorific", "list") else trigger == "title" and "title"
        if (p, foreign_ok) not in names_at:  # several anchors often lead to one name: read it once
            names_at[p, foreign_ok] = _name_at(text, p, foreign_ok=foreign_ok)
        hit = names_at[p, foreign_ok]
        if not hit:
            continue
        start, end, name = hit
        if trigger != "honorific" and " " not in name:
            continue
        if end not in after_at:
            after_at[end] = _titles_after(text, end, units_at, titles_cache)
        titles, after = after_at[end]
        mention = found.get(start)
        if mention is None:
            mention = {"start": start, "end": end, "name": name, "rank": rank, "titles": [], "trigger": trigger}
            found[start] = mention
        mention["rank"] = mention["rank"] or rank
        for t in before + titles:
            if t not in mention["titles"]:
                mention["titles"].append(t)
        if trigger == "list":
            # next item of 'các đồng chí: A, title; B, title; ...'
            nxt = _SEMICOLON.match(text, after)
            if nxt:
                queue.insert(i, (nxt.end(), "list", None, []))
    out = sorted(found.values(), key=lambda d: d["start"])
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
    full = [m for m in mentions if len(m["name"].split()) > 1]
    people: dict[str, dict] = {}
    for m in mentions:
        name = m["name"]
        if len(name.split()) == 1:
            matches = {f["name"] for f in full if f["name"].split()[-1] == name}
            if len(matches) != 1:
                continue
            name = matches.pop()
        p = people.get(name)
        if p is None:
            p = people[name] = {"name": name, "rank": None, "titles": [], "first": m, "mentions": 0}
            if len(m["name"].split()) == 1:  # first seen as a back-reference: point at the full mention
                p["first"] = next(f for f in full if f["name"] == name)
        p["mentions"] += 1
        p["rank"] = p["rank"] or m["rank"]
        for t in m["titles"]:
            if t not in p["titles"]:
                p["titles"].append(t)
    out = []
    for p in people.values():
        titles = p["titles"]
        main = max(titles, key=lambda t: (not t.get("membership"), t["priority"])) if titles else None
        org = main["organisation"] if main and main["organisation"] else next(
            (t["organisation"] for t in sorted(titles, key=lambda t: bool(t.get("membership"))) if t["organisation"]), None)
        positions = list(dict.fromkeys(t["title"] for t in titles))
        out.append({"name": p["name"], "rank": p["rank"], "position": main["title"] if main else None,
                    "positions": positions, "organisation": org, "start": p["first"]["start"], "end": p["first"]["end"],
                    "surface": p["first"]["surface"], "mentions": p["mentions"]})
    out.sort(key=lambda d: d["start"])
    return out


def article_people(article_id: str, text: str, unit_mentions=None, sindex=None) -> tuple[list[dict], list[dict]]:
    """(merged people rows, mention rows) of one article."""
    mentions = find_people(text, unit_mentions)
    rows = []
    for p in merge_people(mentions):
        rows.append({"article_id": article_id, "person_id": person_id(p["name"]), **p,
                     "organisation_id": slugify(p["organisation"]) if p["organisation"] else None,
                     "sentence_id": sentence_of(sindex, p["start"])})
    mrows = [{"article_id": article_id, "person_id": person_id(m["name"]), "name": m["name"], "rank": m["rank"],
              "titles": [t["title"] for t in m["titles"]], "organisation": next((t["organisation"] for t in m["titles"] if t["organisation"]), None),
              "sentence_id": sentence_of(sindex, m["start"]), "start": m["start"], "end": m["end"],
              "surface": m["surface"], "trigger": m["trigger"]} for m in mentions]
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
