"""Units: the organisations an article mentions as actors, one canonical name and id per organisation.

Public functions (pure, no I/O beyond loading the packaged rule data once):

    province_gazetteer()                 DataFrame of the 63 pre-2025 provinces (from vietnamadminunits) + aliases
    resolve_place(text)                  'Thừa Thiên - Huế' / 'TPHCM' / 'Sê Kong' -> Place or None
    find_unit_mentions(text)             every unit mention of one text: list of dicts (surface, start, end, unit ...)
    extract_unit_mentions(articles, sentences)  DataFrame, one row per mention (the `unit_mentions` table)
    extract_units(articles, sentences)   DataFrame, one row per unit per article (the contract's `units` table)
    units_from_mentions(mentions)        the per-article `units` table from a `unit_mentions` frame

Canonical names: 'Công an tỉnh Thừa Thiên Huế', 'Công an Thành phố Hồ Chí Minh', 'Công an thành phố Cần Thơ',
'Công an tỉnh Sê Kông (Lào)', 'Công an huyện Mường Tè (Lai Châu)', 'Tỉnh ủy Thừa Thiên Huế',
'Ủy ban nhân dân tỉnh Bình Dương', 'Bộ Tư lệnh Cảnh vệ', 'Cụm thi đua số 6'. unit_id = slugify(unit).
"""
from __future__ import annotations

import bisect
import json
import operator
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import pandas as pd

from analysis import ruledata
from analysis.anchors import core_positions, match_prefixes

_c = lru_cache(maxsize=None)(re.compile)  # compiled once, looked up fast
from analysis.text import fold
from analysis.text import slugify as _slugify

slugify = lru_cache(maxsize=1 << 16)(_slugify)

DATA_FILE = "units.yaml"
FOREIGN_FILE = "foreign_provinces.yaml"
U, L = ruledata.UPPER, ruledata.LOWER

UNIT_COLUMNS = ["article_id", "unit_id", "unit", "kind", "province", "province_2025", "country",
                "sentence_id", "start", "end", "surface", "mentions", "level", "province_code", "province_2025_code"]
MENTION_COLUMNS = ["article_id", "unit_id", "unit", "kind", "province", "province_2025", "country",
                   "sentence_id", "start", "end", "surface", "level", "how", "in_parentheses"]

# One capitalised word of a place name ("Thừa", "Át-ta-pư", "HCM", "07"), and the glue between words.
_WORD = re.compile(rf"(?:[{U}][\w]*(?:-[\w]+)*|\d+)")
_GLUE = re.compile(r"\s*-\s*|\s+|\.\s?")
MAX_PLACE_WORDS = 6


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """Matching key of a place name: case, marks, spaces, dots and hyphens ignored ('Sê-Kông' == 'Sekong')."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


@dataclass(frozen=True)
class Place:
    name: str                 # short canonical name: 'Thừa Thiên Huế', 'Hồ Chí Minh', 'Sê Kông'
    country: str              # 'Việt Nam', 'Lào', 'Campuchia'
    level: str                # 'tỉnh' or 'thành phố' (Vietnam), 'tỉnh' abroad
    code: str | None = None   # province code before 2025 (Vietnam)
    name_2025: str | None = None
    code_2025: str | None = None
    proper: str | None = None  # 'Thành phố Hồ Chí Minh' when the official name carries "Thành phố"
    lat: float | None = None
    lon: float | None = None

    # cached: a Place is immutable and the same few Places name most mentions (stored in the instance's
    # __dict__, outside the dataclass fields, so equality, hashing and repr are unchanged)
    @cached_property
    def full(self) -> str:
        """'tỉnh Quảng Trị', 'thành phố Cần Thơ', 'Thành phố Hồ Chí Minh', 'tỉnh Sê Kông'."""
        if self.proper:
            return self.proper
        if self.name.startswith("Thủ đô"):
            return self.name
        return f"{self.level} {self.name}"

    @cached_property
    def police(self) -> str:
        """The canonical name of its police: 'Công an tỉnh Quảng Trị', 'Công an tỉnh Sê Kông (Lào)'."""
        if self.country != "Việt Nam":
            return f"Công an {self.full} ({self.country})"
        return f"Công an {self.full}"


def _fail(file: str, what: str) -> ValueError:
    return ValueError(f"analysis/data/{file}: {what}")


# The keys each entry of a units.yaml list may have (ruledata.check_keys).
_SCHEMA = {
    "province_aliases": {"alias", "code", "example"},
    "province_names": {"code", "name", "level", "example"},
    "proper_names": {"code", "name", "example"},
    "levels": {"word", "level", "pattern", "example"},
    "bodies": {"pattern", "name", "kind", "level", "police", "home", "foreign_only", "provincial", "example"},
    "fixed_units": {"name", "kind", "aliases", "country", "example"},
    "commands": {"pattern", "name", "kind", "example"},
    "posts": {"pattern", "name", "kind", "country", "example"},
    "departments": {"pattern", "kind", "example"},
    "clusters": {"pattern", "kind", "example"},
    "countries": {"name", "aliases", "example"},
}
_FOREIGN_SCHEMA = {"provinces": {"name", "country", "aliases", "example"}}


@lru_cache(maxsize=None)
def _rules() -> dict:
    data = ruledata.load(DATA_FILE)
    ruledata.check_keys(DATA_FILE, data, _SCHEMA)
    for section in ("province_aliases", "province_names", "proper_names", "levels", "bodies", "fixed_units",
                    "commands", "departments", "clusters", "countries", "posts"):
        entries = data.get(section)
        if not isinstance(entries, list) or not entries:
            raise _fail(DATA_FILE, f"missing or empty list {section!r}")
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or "example" not in entry:
                raise _fail(DATA_FILE, f"{section}[{i}] = {entry!r}: each entry needs an 'example'")
            if "pattern" in entry:
                try:
                    rx = re.compile(ruledata.expand(entry["pattern"]))
                except re.error as exc:
                    raise _fail(DATA_FILE, f"{section}[{i}] pattern {entry['pattern']!r} is not a valid regex: {exc}") from exc
                if not rx.search(entry["example"]):
                    raise _fail(DATA_FILE, f"{section}[{i}] pattern {entry['pattern']!r} does not match its example {entry['example']!r}")
    for i, entry in enumerate(data["bodies"]):
        if not entry.get("police") and not entry.get("kind"):
            raise _fail(DATA_FILE, f"bodies[{i}] {entry['pattern']!r}: needs 'kind' (or police: true)")
    for i, entry in enumerate(data["fixed_units"]):
        if not entry.get("name") or not entry.get("kind"):
            raise _fail(DATA_FILE, f"fixed_units[{i}] = {entry!r}: needs 'name' and 'kind'")
        if not any(a in entry["example"] for a in [entry["name"], *entry.get("aliases", [])]):
            raise _fail(DATA_FILE, f"fixed_units[{i}] {entry['name']!r}: the example does not mention it")
    return data


@lru_cache(maxsize=None)
def _foreign() -> tuple[dict, ...]:
    data = ruledata.load(FOREIGN_FILE)
    ruledata.check_keys(FOREIGN_FILE, data, _FOREIGN_SCHEMA)
    entries = data.get("provinces")
    if not isinstance(entries, list) or not entries:
        raise _fail(FOREIGN_FILE, "missing or empty list 'provinces'")
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or not e.get("name") or e.get("country") not in ("Lào", "Campuchia", "Trung Quốc") or not e.get("example"):
            raise _fail(FOREIGN_FILE, f"provinces[{i}] = {e!r}: needs name, country (Lào|Campuchia|Trung Quốc) and example")
        forms = {key(f) for f in [e["name"], *e.get("aliases", [])]}
        ex = e["example"]
        if not any(key(f) in key(ex) for f in [e["name"], *e.get("aliases", [])]):
            raise _fail(FOREIGN_FILE, f"provinces[{i}] {e['name']!r}: the example {ex!r} uses none of its spellings")
        if "" in forms:
            raise _fail(FOREIGN_FILE, f"provinces[{i}] {e['name']!r}: an empty spelling")
    return tuple(entries)


def _library_provinces() -> tuple[list[dict], dict[str, str], dict[str, dict]]:
    """(legacy provinces, legacy key -> 2025 key, 2025 key -> 2025 province) from vietnamadminunits' own data."""
    from vietnamadminunits.database import query

    legacy = query("SELECT DISTINCT province, provinceShort, provinceCode, provinceKey, provinceLat, provinceLon, "
                   "provinceKeywords FROM admin_units_legacy")
    current = {r["provinceKey"]: r for r in query(
        "SELECT DISTINCT province, provinceShort, provinceCode, provinceKey FROM admin_units")}
    conv = json.loads(resources.files("vietnamadminunits").joinpath("data/converter_2025.json").read_text(encoding="utf-8"))
    to_2025 = {old: new for new, olds in conv["DICT_PROVINCE"].items() for old in olds}
    return legacy, to_2025, current


@lru_cache(maxsize=None)
def _gazetteer() -> tuple[dict[str, Place], int]:
    """key -> Place for every spelling of the 63 Vietnamese provinces (before 2025) and the Lao/Cambodian ones."""
    rules = _rules()
    legacy, to_2025, current = _library_provinces()
    if len(legacy) != 63:
        raise RuntimeError(f"vietnamadminunits returned {len(legacy)} provinces before 2025, expected 63")
    names = {str(e["code"]): e for e in rules["province_names"]}
    propers = {str(e["code"]): e["name"] for e in rules["proper_names"]}
    index: dict[str, Place] = {}
    by_code: dict[str, Place] = {}
    for row in legacy:
        code = row["provinceCode"]
        new = current[to_2025[row["provinceKey"]]]
        level = "thành phố" if row["province"].startswith("Thành phố") else "tỉnh"
        name = row["provinceShort"]
        if code in names:
            name, level = names[code]["name"], names[code].get("level", level)
        place = Place(name=name, country="Việt Nam", level=level, code=code, name_2025=new["provinceShort"],
                      code_2025=new["provinceCode"], proper=propers.get(code), lat=row["provinceLat"], lon=row["provinceLon"])
        by_code[code] = place
        spellings = {name, row["provinceShort"], *json.loads(row["provinceKeywords"] or "[]")}
        for s in spellings:
            k = key(s)
            if k.startswith(("tinh", "thanhpho")) and k not in (key(name), key(row["provinceShort"])):
                continue  # 'tinhquangtri' keywords: the level word is matched separately
            index.setdefault(k, place)
    for i, e in enumerate(rules["province_aliases"]):
        code = str(e.get("code"))
        if code not in by_code:
            raise _fail(DATA_FILE, f"province_aliases[{i}] {e.get('alias')!r}: unknown province code {code!r}")
        index[key(e["alias"])] = by_code[code]
    for e in _foreign():
        place = Place(name=e["name"], country=e["country"], level="tỉnh", name_2025=e["name"])
        for s in [e["name"], *e.get("aliases", [])]:
            k = key(s)
            if k in index and index[k].name != e["name"]:
                raise _fail(FOREIGN_FILE, f"{s!r} of {e['name']!r} clashes with {index[k].name!r}")
            index[k] = place
    longest = max(len(_WORD.findall(s)) for e in _foreign() for s in [e["name"], *e.get("aliases", [])])
    return index, max(longest, 4)


def province_gazetteer() -> pd.DataFrame:
    """Every spelling the extractor recognises: key, name, country, province code before/after 2025."""
    index, _ = _gazetteer()
    return pd.DataFrame([{"key": k, "name": p.name, "country": p.country, "level": p.level, "code": p.code,
                          "province_2025": p.name_2025, "code_2025": p.code_2025, "lat": p.lat, "lon": p.lon}
                         for k, p in sorted(index.items())])


@lru_cache(maxsize=None)
def _districts() -> dict[str, list[tuple[str, str, str]]]:
    """key of a district's short name -> [(province code, district type, district short name)] (before 2025)."""
    from vietnamadminunits.database import query

    out: dict[str, list] = {}
    for r in query("SELECT DISTINCT provinceCode, districtType, districtShort FROM admin_units_legacy"):
        out.setdefault(key(r["districtShort"]), []).append((r["provinceCode"], r["districtType"], r["districtShort"]))
    return out


_WS = re.compile(r"\s+")
_WS0 = re.compile(r"\s*")
_PAREN = re.compile(r"\s*\([^()]{1,40}\)")
_LIST_SEP = re.compile(r"\s*(?:,|;|và|cùng)\s*")
_DEPT_HEAD = re.compile(r"(?:Tổng cục|Cục|Vụ|Phòng)\s+")  # the head words of units.yaml departments
_CODE_THEN_WS = re.compile(r"(?:\s*\([^()]{1,20}\))?\s+")
_DEPT_GLUE = re.compile(r"\s+|,\s+(?=(?:phòng|chống)\b)")
_DEPT_WORD = re.compile(rf"[{L}\w][\w]*")
_RUN = re.compile(rf"(?:{_WORD.pattern})(?:(?:{_GLUE.pattern})(?:{_WORD.pattern}))*")
# the first five words of _RUN: it ends where _place_words(text, pos, 5)[-1] does
_RUN_OF_5 = re.compile(rf"(?:{_WORD.pattern})(?:(?:{_GLUE.pattern})(?:{_WORD.pattern})){{0,4}}")


_MISSING = object()


def _place_words(text: str, pos: int, limit: int, run=_MISSING) -> list[tuple[int, int]]:
    """Spans of up to `limit` capitalised words starting exactly at pos, joined by spaces/hyphens/dots (`run`:
    _RUN.match(text, pos) when the caller has it already)."""
    if run is _MISSING:
        run = _RUN.match(text, pos)
    if not run:
        return []
    return [(w.start(), w.end()) for _, w in zip(range(limit), _WORD.finditer(text, pos, run.end()))]


def resolve_at(text: str, pos: int) -> tuple[Place, int] | None:
    """The longest known place name starting at pos: (Place, end offset) or None."""
    return _resolve_match(_RUN.match(text, pos))


def _resolve_match(run: re.Match | None) -> tuple[Place, int] | None:
    """resolve_at(text, pos) given run = _RUN.match(text, pos): the callers that read the run of capitalised words
    at pos for other ends too match it once."""
    if not run:
        return None
    words = run.group(0)
    gazetteer = _gazetteer()
    hit = _RUN_CACHE[1].get(words, _MISSING) if _RUN_CACHE[0] is gazetteer else _MISSING
    if hit is _MISSING:
        hit = _resolve_run(words, gazetteer)
    return (hit[0], run.start() + hit[1]) if hit else None


_RUN_CACHE: list = [None, {}]  # [the gazetteer the memo was filled from, run -> result]


def _resolve_run(run: str, gazetteer) -> tuple[Place, int] | None:
    """The longest known place name a run of capitalised words starts with: (Place, its length) or None
    (memoised per run of words, i.e. per place-name surface; the cache follows the gazetteer object)."""
    if _RUN_CACHE[0] is not gazetteer:
        _RUN_CACHE[0], _RUN_CACHE[1] = gazetteer, {}
    table = _RUN_CACHE[1]
    out = table.get(run, _MISSING)
    if out is not _MISSING:
        return out
    index, longest = gazetteer
    words = [(w.start(), w.end()) for _, w in zip(range(longest), _WORD.finditer(run))]
    out = None
    for j in range(len(words), 0, -1):
        k = key(run[:words[j - 1][1]])
        if k in index:
            out = (index[k], words[j - 1][1])
            break
    if len(table) < 200_000:
        table[run] = out
    return out


def resolve_place(name: str) -> Place | None:
    """A province name in any spelling -> Place, or None."""
    index, _ = _gazetteer()
    return index.get(key(name))


# --------------------------------------------------------------------------------------------- matching

@dataclass
class _Rx:
    master: re.Pattern
    levels: list[tuple[re.Pattern, dict]]
    list_open: re.Pattern
    country_paren: re.Pattern
    countries: dict[str, str]
    bodies: list[dict]
    fixed: dict[str, dict]
    stop_words: re.Pattern
    max_words: int
    not_places: tuple[str, ...]
    anchors: object
    level_rx: re.Pattern
    lower_starts: tuple = ()
    level_groups: dict | None = None  # level_rx group name 'l3' -> levels[3]'s entry (a dict lookup per level word)
    group_bodies: dict | None = None  # master group name 'b3' -> bodies[3]
    starts: tuple = ()  # (prefixes, alternative) of the master's alternatives but the first, and of the fixed names
    masters: dict | None = None  # two characters -> _master_for's regex
    level_or_space: re.Pattern | None = None


@lru_cache(maxsize=None)
def _rx() -> _Rx:
    r = _rules()
    alts = []
    bodies = []
    for i, b in enumerate(r["bodies"]):
        alts.append(f"(?P<b{i}>{ruledata.expand(b['pattern'])})")
        bodies.append(b)
    fixed = {}
    forms = []
    for f in r["fixed_units"]:
        for s in [f["name"], *f.get("aliases", [])]:
            fixed[key(s)] = f
            forms.append(s)
    forms.sort(key=len, reverse=True)
    for i, c in reversed(list(enumerate(r["commands"]))):
        alts.insert(0, f"(?P<c{i}>{ruledata.expand(c['pattern'])})")
    for i, c in reversed(list(enumerate(r["posts"]))):
        alts.insert(0, f"(?P<p{i}>{ruledata.expand(c['pattern'])})")
    alts.insert(0, "(?P<dept>" + "|".join(ruledata.expand(c["pattern"]) for c in r["departments"]) + ")")
    alts.insert(0, "(?P<cluster>" + "|".join(ruledata.expand(c["pattern"]) for c in r["clusters"]) + ")")
    fixed_forms = [r"\s+".join(map(re.escape, s.split())) for s in forms]
    alts.insert(0, _fixed_alt(fixed_forms))
    master = _c(_master_pattern(alts))
    from analysis.anchors import Anchors

    anchors = Anchors({"unit": [re.sub(r"^\(\?P<\w+>", "(?:", a) for a in alts]})
    levels = [(re.compile(r"\s+(?:" + ruledata.expand(e["pattern"]) + r")(?!\w)\s*"), e) for e in r["levels"]]
    levels.insert(0, (re.compile(r"\s+[Tt]hủ đô(?!\w)\s*"), {"level": "capital", "word": "Thủ đô", "pattern": "[Tt]hủ đô"}))
    level_rx = re.compile(r"\s+(?:" + "|".join(f"(?P<l{i}>{ruledata.expand(e['pattern'])})" for i, (_, e) in enumerate(levels)) + r")(?:(?<=\.)|(?!\w))\s*")
    counts = "|".join(map(re.escape, r["list_counts"]))
    lvls = "|".join(re.escape(x) for x in sorted(r["list_levels"], key=len, reverse=True))
    list_open = re.compile(rf"\s+(?:\d{{1,2}}|{counts})\s+(?:{lvls})(?:\s+(?:của|nước|bạn)(?:\s+(?:nước|bạn))?\s+(?P<country>[{U}][\w]+))?\s*(?:(?:bao\s+)?gồm\s*)?:?\s*")
    countries = {}
    cforms = []
    for c in r["countries"]:
        for a in c["aliases"]:
            countries[key(a)] = c["name"]
            cforms.append(a)
    country_paren = re.compile(r"\s*\((?:nước\s+)?(" + "|".join(map(re.escape, sorted(cforms, key=len, reverse=True))) + r")\)")
    stops = sorted(r["department_stop_words"], key=len, reverse=True)
    stop_words = _c(r"(?:" + "|".join(r"\s+".join(map(re.escape, s.split())) for s in stops) + r")(?!\w)")
    out = _Rx(master, levels, list_open, country_paren, countries, bodies, fixed, stop_words,
              int(r.get("department_max_words", 12)), tuple(r.get("not_places", [])), anchors, level_rx)
    out.level_groups = {f"l{i}": e for i, (_, e) in enumerate(levels)}
    out.level_or_space = re.compile(f"(?:{level_rx.pattern})|\\s*")  # _level_at: a level word, else the spaces
    out.group_bodies = {f"b{i}": b for i, b in enumerate(bodies)}
    # names of departments holding a comma or 'và' (as written, as named), longest first: read whole after the head
    names = r.get("department_names") or {}
    if not isinstance(names, dict) or not all(isinstance(k, str) and isinstance(v, str) and k and v for k, v in names.items()):
        raise _fail(DATA_FILE, f"department_names = {names!r}: expected a mapping of the name as written to the name given")
    out.department_names = tuple(sorted(names.items(), key=lambda kv: len(kv[0]), reverse=True))
    # the anchor words a unit may start with in lower case ('công an tỉnh ...'): elsewhere a lower-case letter
    # at an anchor is no unit and the master regex is not tried
    out.lower_starts = tuple(w for w in anchors.table if master.match(w + " tỉnh Gia Lai") or master.match(w + " Gia Lai"))
    # the master regex cut down to the alternatives that can start with given two characters (_master_for); the
    # first alternative, of the fixed names, is cut down name by name
    out.starts = ([(match_prefixes(_master_pattern([a])), a) for a in alts[1:]],
                  [(match_prefixes(f), f) for f in fixed_forms])
    out.masters = {}
    return out


def _fixed_alt(forms: list[str]) -> str:
    """The master's alternative of the named central bodies (regexes of their names), unless a level word or
    'chi nhánh' follows: 'Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh X' and 'Hội Cựu chiến binh Việt Nam tỉnh X'
    are provincial bodies."""
    return ("(?P<fixed>(?:" + "|".join(forms)
            + r")(?!\s+(?:[Cc]hi nhánh|tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường)(?!\w)))")


def _master_pattern(alts: list[str]) -> str:
    """The master regex of these alternatives: whole words; "công an" in lower case is accepted too ("công an tỉnh
    Quảng Trị"), everything else is case-sensitive."""
    return r"(?<!\w)(?:" + "|".join(alts).replace("(?P<b0>Công an|CA)", "(?P<b0>[Cc]ông an|CA)") + r")(?!\w)"


def _master_for(rx: _Rx, pair: str) -> re.Pattern | None:
    """The master regex with only the alternatives that can start with `pair` (the two characters of the text at
    the offset tried), in the same order and with the same group names: it matches there exactly as the master
    does, without trying the fifty others (None: none can start so). Memoised in rx.masters (read inline there)."""
    if len(pair) < 2:  # the end of the text
        return rx.master
    alts_starts, forms_starts = rx.starts
    forms = [f for starts, f in forms_starts if pair.startswith(tuple(starts))]
    alts = ([_fixed_alt(forms)] if forms else []) + [a for starts, a in alts_starts if pair.startswith(tuple(starts))]
    out = rx.masters[pair] = re.compile(_master_pattern(alts)) if alts else None
    return out


def _mention(start, end, unit, kind, place: Place | None = None, level=None, how="text", **extra) -> dict:
    if place is None:
        out = {"start": start, "end": end, "unit": unit, "kind": kind, "level": level, "how": how,
               "province": None, "province_2025": None, "country": "Việt Nam",
               "province_code": None, "province_2025_code": None}
    else:
        out = {"start": start, "end": end, "unit": unit, "kind": kind, "level": level, "how": how,
               "province": place.name, "province_2025": place.name_2025, "country": place.country,
               "province_code": place.code, "province_2025_code": place.code_2025}
    if extra:
        out.update(extra)
    return out


def _level_at(text: str, pos: int, rx: _Rx | None = None) -> tuple[dict | None, int]:
    """The level word ('tỉnh', 'thành phố', 'huyện' ...) right after pos: (its levels entry, the end of it and the
    spaces after it), or (None, the end of the spaces at pos) when there is none: one regex for both."""
    if rx is None:
        rx = _rx()
    m = rx.level_or_space.match(text, pos)
    return (rx.level_groups[m.lastgroup] if m.lastgroup else None), m.end()


def _local_name(text: str, pos: int, level: str, run=_MISSING) -> tuple[str, int, str | None] | None:
    """A district/commune name at pos: (name, end, province code if the library knows it uniquely)."""
    words = _place_words(text, pos, 4, run)
    if not words:
        return None
    if level == "district":
        table = _districts()
        for j in range(len(words), 0, -1):
            hits = table.get(key(text[pos:words[j - 1][1]]))
            if hits:
                codes = {h[0] for h in hits}
                return hits[0][2], words[j - 1][1], (next(iter(codes)) if len(codes) == 1 else None)
    # not in the gazetteer: the capitalised words, stopping before a rank/title/unit word
    stop = _stop_words_re()
    end = pos
    n = 0
    for s, e in words:
        if n and stop.match(text, s):
            break
        end = e
        n += 1
        if n == 3:
            break
    return text[pos:end], end, None


@lru_cache(maxsize=None)
def _stop_words_re() -> re.Pattern:
    return re.compile(r"(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)|Giám đốc|Phó|Bí thư|Chủ tịch|Trưởng|Công an|Bộ|Ủy ban|UBND|Tỉnh ủy|Thành ủy|Huyện ủy")


@lru_cache(maxsize=None)
def _codes_index() -> dict[str, Place]:
    index, _ = _gazetteer()
    return {p.code: p for p in index.values() if p.code}


_ITEM_LEVEL = re.compile(r"(?:tỉnh|thành phố|TP\.?)\s+")


def _police_at(text: str, m: re.Match, rx: _Rx, out: list) -> None:
    """Parse a police unit (or a list of them) after the head 'Công an' / 'CATP' / 'CA'."""
    head = m.group(0)
    pos = m.end()
    implied_city = head == "CATP"
    # 1) lists: "Công an các tỉnh: A, B và C", "Công an 2 tỉnh Sê Kong và Salavan (Lào)"
    lo = rx.list_open.match(text, pos)
    if lo and not implied_city:
        items = []
        p = lo.end()
        while True:
            lvl = _ITEM_LEVEL.match(text, p)  # '... và TP Hồ Chí Minh', '..., tỉnh Đồng Nai'
            hit = resolve_at(text, lvl.end() if lvl else p)
            if not hit:
                break
            items.append((p, hit[1], hit[0]))
            p = hit[1]
            paren = _PAREN.match(text, p)
            if paren and not rx.country_paren.match(text, p):
                p = paren.end()
            sep = _LIST_SEP.match(text, p)
            if not sep:
                break
            p = sep.end()
        if items:
            country = None
            cp = rx.country_paren.match(text, items[-1][1])
            if cp:
                country = rx.countries.get(key(cp.group(1)))
            elif lo.group("country"):
                country = rx.countries.get(key(lo.group("country")))
            for i, (s, e, place) in enumerate(items):
                if country and place.country == "Việt Nam" and country != "Việt Nam":
                    continue  # a Vietnamese name read in a foreign list: leave it
                start = m.start() if i == 0 else s
                out.append(_mention(start, e, place.police,
                                    "police_province" if place.country == "Việt Nam" else "foreign_police",
                                    place, level="province", how="list"))
            return
    # 2) single unit: optional level word, then a place
    entry, p = _level_at(text, pos, rx)
    level = entry["level"] if entry else ("city" if implied_city else None)
    run = _RUN.match(text, p)  # the capitalised words at p, read once (_WORD matches at p exactly when it does)
    if level == "capital":  # 'Công an Thủ đô Viêng Chăn' is the capital's police, not the province's
        hit = _resolve_match(run)
        if hit:
            capital = _gazetteer()[0].get("thudo" + key(text[p:hit[1]]))
            hit = (capital, hit[1]) if capital else hit
        level = "city"
    elif level in (None, "province", "city"):
        hit = _resolve_match(run)
    else:
        hit = None
    if hit:
        place, end = hit
        if level == "city" and place.country == "Việt Nam" and place.level != "thành phố" and place.code != "46":
            hit = None  # "Công an TP Vinh" is not a province: read it as a district-level city below
        elif text.startswith(rx.not_places, p):
            return
        else:
            kind = "police_province" if place.country == "Việt Nam" else "foreign_police"
            extra_end = end
            out.append(_mention(m.start(), extra_end, place.police, kind, place, level="province"))
            return
    if level in (None, "province") and run:
        # a spelling the gazetteer lacks, vouched for by its country: 'Công an tỉnh Bo Ly Khăm Xay (Lào)'
        last = _RUN_OF_5.match(text, p).end()
        cp = rx.country_paren.match(text, last)
        if cp:
            country = rx.countries.get(key(cp.group(1)))
            name = " ".join(text[p:last].split())
            place = Place(name=name, country=country, level="tỉnh", name_2025=name)
            out.append(_mention(m.start(), last, place.police, "foreign_police", place,
                                level="province", how="unknown_spelling"))
            return
    if level in ("district", "commune", "city") and run and not _person_follows(text, p, run):
        if text.startswith(rx.not_places, p):
            return
        local = _local_name(text, p, "district" if level == "city" else level, run)
        if not local:
            return
        name, end, code = local
        word = entry["word"] if entry else "thành phố"
        if level == "city":
            word = "thành phố"
        if code is None:  # not a Vietnamese district the library knows: a Lao or Cambodian one?
            foreign = _foreign_after(text, end, rx)
            if foreign is not None:
                place, country = foreign
                where = f"{place.name}, {country}" if place else country
                out.append(_mention(m.start(), end, f"Công an {word} {name} ({where})", "foreign_police", place,
                                    level=level, how="text", country=country))
                return
        prov_code = code or _province_after(text, end)
        place = _codes_index().get(prov_code) if prov_code else None
        kind = "police_commune" if level == "commune" else "police_district"
        out.append(_mention(m.start(), end, None, kind, place, level=level, how="text", local=f"{word} {name}"))
        return
    if level in ("province", "city") and (not run or _person_follows(text, p, run)):
        # bare "Công an tỉnh" / "Công an thành phố" / "CATP": the article's home province (resolved later)
        end = m.end() if entry is None else (m.end() + len(text[m.end():p].rstrip()))
        out.append(_mention(m.start(), end, None, "police_province", None, level=level, how="home", body="Công an"))
    elif level in ("district", "commune") and (not run or _person_follows(text, p, run)):
        # bare "Công an huyện" / "Công an xã": the district or commune police the article names (resolved later)
        end = m.end() + len(text[m.end():p].rstrip())
        kind = "police_commune" if level == "commune" else "police_district"
        out.append(_mention(m.start(), end, None, kind, None, level=level, how="home_local", body="Công an"))


_NAME_RUN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)+")


@lru_cache(maxsize=None)
def _surnames() -> frozenset:
    return frozenset(str(s) for s in ruledata.load("names.yaml")["surnames"])


def _person_follows(text: str, pos: int, run=_MISSING) -> bool:
    """A personal name at pos ('Chủ tịch UBND tỉnh Võ Trọng Hải'): a Vietnamese surname, then another capitalised
    word. The title's body is then the bare body of the article's province, not a place named 'Võ Trọng Hải'.
    (`run`: _RUN.match(text, pos) when the caller has it.)"""
    w = _WORD.match(text, pos)
    if not w or w.group(0) not in _surnames():
        return False
    if run is _MISSING:
        run = _RUN.match(text, pos)
    words = _place_words(text, pos, 3, run)
    if len(words) < 3:  # a personal name has three words or more ('Lò Văn Hùng'); 'Kim Bình', 'Mai Châu' are places
        return False
    if not _NAME_RUN.fullmatch(text, pos, words[-1][1]):  # words joined by single spaces only ('Kim Bình. Thượng tá')
        return False
    table = _districts()  # 'Hoàng Su Phì' is a district
    return not any(key(text[pos:e]) in table for _, e in words[1:]) and _resolve_match(run) is None


_AFTER_PROVINCE = re.compile(r"\s*(?:,|\(|-)\s*(?:tỉnh|thành phố|TP\.?)\s+")
_NEXT_PROVINCE = re.compile(r"(?:\s*(?:,|\(|-)\s*|\s+)(?:tỉnh|thành phố|TP\.?)\s+")  # also with no comma: 'huyện X tỉnh Y'


def _foreign_after(text: str, pos: int, rx: _Rx) -> tuple[Place | None, str] | None:
    """(province, country) of a foreign district named right before pos: ', tỉnh Hủa Phăn (Lào)', '(Lào)',
    ', tỉnh Savannakhet'; None when what follows is no foreign place."""
    cp = rx.country_paren.match(text, pos)
    if cp:
        country = rx.countries.get(key(cp.group(1)))
        return (None, country) if country and country != "Việt Nam" else None
    m = _NEXT_PROVINCE.match(text, pos)
    if not m:
        return None
    hit = resolve_at(text, m.end())
    if not hit or hit[0].country == "Việt Nam":
        return None
    return hit[0], hit[0].country


def _province_after(text: str, pos: int) -> str | None:
    """'..., tỉnh Lai Châu' / '(tỉnh Gia Lai)' right after a district name -> province code."""
    p = pos
    for _ in range(2):  # ", huyện X, tỉnh Y": skip one intermediate level
        m = _AFTER_PROVINCE.match(text, p)
        if m:
            hit = resolve_at(text, m.end())
            return hit[0].code if hit and hit[0].country == "Việt Nam" else None
        m2 = _c(r"\s*,\s*(?:huyện|quận|thị xã|thành phố|TP\.?)\s+").match(text, p)
        if not m2:
            return None
        words = _place_words(text, m2.end(), 3)
        if not words:
            return None
        p = words[-1][1]
        if not _AFTER_PROVINCE.match(text, p):  # ', huyện Đức Cơ' alone: the district's province if unique
            for j in range(len(words), 0, -1):
                codes = {h[0] for h in _districts().get(key(text[m2.end():words[j - 1][1]]), [])}
                if len(codes) == 1:
                    return codes.pop()
            return None
    return None


_ABBREVIATION = re.compile(rf"\s*\([{U}]{{2,8}}\)(?:\s+Việt Nam(?!\w))?")  # 'Mặt trận Tổ quốc (MTTQ) Việt Nam tỉnh'


def _body_at(text: str, m: re.Match, body: dict, out: list, rx: _Rx | None = None) -> None:
    head_end = m.end()
    ab = _ABBREVIATION.match(text, head_end) if text.startswith("(", head_end + 1) else None
    if ab:  # the body's abbreviation in brackets inside its name: read on after it
        head_end = ab.end()
    entry, p = _level_at(text, head_end, rx)
    level = entry["level"] if entry else body.get("level")
    if level == "capital":
        level = "city"
    elif level is None and body.get("provincial"):
        level = "province"  # 'Sở Y tế' alone: a department of the article's province
    run = _RUN.match(text, p)  # the capitalised words at p, read once (_WORD matches at p exactly when it does)
    hit = _resolve_match(run) if level in (None, "province", "city") else None
    name = body["name"] or " ".join(m.group(0).split())  # 'Sở Tư pháp': the body's own words
    if hit:
        place, end = hit
        if place.country != "Việt Nam":
            unit = f"{name} {place.full} ({place.country})"
        elif body["kind"] == "party_committee" or body.get("level"):  # 'Tỉnh ủy Gia Lai', 'Tỉnh đoàn Đồng Tháp'
            unit = f"{name} {place.proper or place.name}"
        else:
            unit = f"{name} {place.full}"
        out.append(_mention(m.start(), end, unit, body["kind"], place, level="province"))
        return
    if level in ("district", "commune") and run:  # 'UBND huyện Mường Tè', 'Huyện ủy Mường Tè'
        if entry is None:
            entry = {"word": {"Huyện ủy": "huyện", "Quận ủy": "quận", "Thị ủy": "thị xã"}.get(name, "huyện")}
        local = _local_name(text, p, level, run)
        if local:
            lname, end, code = local
            prov_code = code or _province_after(text, end)
            place = _codes_index().get(prov_code) if prov_code else None
            out.append(_mention(m.start(), end, None, body["kind"], place, level=level, local=f"{entry['word']} {lname}", body=name))
        return
    if level in ("province", "city") and (not run or _person_follows(text, p, run)) and body.get("home", True):
        end = head_end if entry is None else head_end + len(text[head_end:p].rstrip())
        # 'Tỉnh đoàn' names its province as 'Tỉnh đoàn Lâm Đồng', as _body_at does with a place: `proper` says so
        out.append(_mention(m.start(), end, None, body["kind"], None, level=level, how="home", body=name,
                            proper=bool(body.get("level"))))


def _post_at(text: str, m: re.Match, post: dict, out: list) -> None:
    """'Đồn Biên phòng Pù Nhi', 'Đồn Biên phòng Cửa khẩu Quốc tế Lao Bảo': the head, then the capitalised words of
    the post's name (up to 5, stopping before a rank, title or unit word); the province when the text gives it
    (', tỉnh Quảng Trị' or '(Quảng Trị)' after the name)."""
    ws = _WS.match(text, m.end())
    p = ws.end() if ws else m.end()
    words = _place_words(text, p, 5)
    if not words:
        return
    stop = _stop_words_re()
    end = p
    for i, (s, e) in enumerate(words):
        if i and (stop.match(text, s) or "\n" in text[end:s]):  # a rank, title or unit word, or the next line
            break
        end = e
    name = " ".join(text[p:end].split())
    head = " ".join(m.group(0).split())  # the head as written: 'Đồn Biên phòng Cửa khẩu Quốc tế'
    if post.get("country"):  # a foreign post ('Cục Công an châu Văn Sơn (Trung Quốc)'): no Vietnamese province
        unit = f"{post['name']}{head[len(post['name']):]} {name} ({post['country']})"
        out.append(_mention(m.start(), end, unit, post["kind"], None, level="post", country=post["country"]))
        return
    prov_code = _province_after(text, end)
    if prov_code is None:
        paren = _PAREN.match(text, end)
        hit = resolve_at(text, _WS0.match(text, end).end() + 1) if paren else None
        prov_code = hit[0].code if hit and hit[0].country == "Việt Nam" else None
    place = _codes_index().get(prov_code) if prov_code else None
    unit = f"{post['name']}{head[len(post['name']):]} {name}" + (f" ({place.name})" if place else "")
    out.append(_mention(m.start(), end, unit, post["kind"], place, level="post"))


def _department_at(text: str, m: re.Match, rx: _Rx, out: list) -> None:
    """'Cục Cảnh sát điều tra tội phạm về ma túy' : the head, then lower-case words up to a stop word; a name of
    units.yaml department_names is read whole ('Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ')."""
    p = m.end()
    end = p
    n = 0
    head = _DEPT_HEAD.match(text, m.start())  # 'Phòng ' / 'Cục ' / 'Tổng cục ' / 'Vụ '
    after_head = head.end() if head else m.end()
    known = next(((w, named) for w, named in rx.department_names if text.startswith(w, after_head)), None) if head else None
    if known is not None:
        end = p = after_head + len(known[0])
        n = rx.max_words  # whole: no more words
    while n < rx.max_words:
        ws = _DEPT_GLUE.match(text, p)
        if not ws:
            break
        q = ws.end()
        if rx.stop_words.match(text, q):
            break
        w = _DEPT_WORD.match(text, q)
        if not w:
            break
        if text[q].isupper() and not text[q:w.end()].isupper():
            # a capitalised word ends the name unless it is an acronym (e.g. "Cục Cảnh sát PCCC")
            break
        end = w.end()
        p = end
        n += 1
    name = " ".join(text[m.start():end].split())
    if known is not None:  # 'Phòng Cảnh sát PCCC và CNCH' -> 'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ'
        name = " ".join(text[m.start():after_head].split()) + " " + known[1]
    if name.startswith("Phòng"):
        # a section of a provincial police: 'Phòng Cảnh sát hình sự Công an tỉnh Kon Tum' is one unit (its code in
        # brackets may stand between: 'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ (PC07) Công an tỉnh')
        ws = _CODE_THEN_WS.match(text, end)
        pm = rx.master.match(text, ws.end()) if ws else None
        if pm and pm.lastgroup and pm.lastgroup[0] == "b" and rx.bodies[int(pm.lastgroup[1:])].get("police"):
            police: list = []
            _police_at(text, pm, rx, police)
            if len(police) == 1 and police[0]["unit"] and police[0]["how"] == "text":
                u = police[0]
                out.append({**u, "start": m.start(), "unit": f"{name} {u['unit']}", "kind": "department"})
                return
    if name.startswith("Phòng"):  # a section of the article's provincial police ('Phòng Cảnh sát kinh tế'): named
        out.append(_mention(m.start(), end, None, "department", None, level="province", how="home", body=name,
                            section=True))  # with it by resolve_home, so sections of two provinces stay apart
        return
    out.append(_mention(m.start(), end, name, "department", None))


_DIGITS = re.compile(r"\d+")
_NUMBER = re.compile(r"\d+|[IVX]+$")


def find_unit_mentions(text: str) -> list[dict]:
    """Every unit mention in one text, in order, overlaps resolved (longest first). Home-province mentions
    (bare 'Công an tỉnh', 'Tỉnh ủy') carry unit=None and how='home' until resolve_home() fills them."""
    rx = _rx()
    masters = rx.masters
    found: list[dict] = []
    last = -1
    for pos in core_positions(text)["unit"]:
        if pos < last:
            continue
        if text[pos].islower() and not text.startswith(rx.lower_starts, pos):
            continue  # unit patterns start with a capital but a few ('công an'); the anchors ignore case
        master = masters.get(text[pos:pos + 2], _MISSING)  # the master regex cut down to what can start here
        if master is _MISSING:
            master = _master_for(rx, text[pos:pos + 2])
        m = master.match(text, pos) if master is not None else None
        if not m:
            continue
        last = m.end()
        g = m.lastgroup
        if pos and text.startswith(("-", "/", "&"), pos - 1) and text[pos:pos + 2].isupper():
            continue  # an abbreviation inside a document number ('01/2017/TTLT-BCA-BQP'): an issuer, not a mention
        body = rx.group_bodies.get(g)
        if body is not None:  # the usual case first: 'Công an ...', 'UBND ...', 'Tỉnh ủy ...'
            if body.get("foreign_only"):  # 'Cảnh sát tỉnh Kampot': the Cambodian name of a provincial police
                police: list = []
                _police_at(text, m, rx, police)
                found += [d for d in police if d["kind"] == "foreign_police"]
            elif body.get("police"):
                _police_at(text, m, rx, found)
            else:
                _body_at(text, m, body, found, rx)
        elif g == "cluster":
            num = _DIGITS.search(m.group(0)).group(0)
            found.append(_mention(m.start(), m.end(), f"Cụm thi đua số {int(num)}", "cluster", None))
        elif g == "dept":
            _department_at(text, m, rx, found)
        elif g and g[0] == "p" and g[1:].isdigit():
            _post_at(text, m, _rules()["posts"][int(g[1:])], found)
        elif g and g[0] == "c" and g[1:].isdigit():
            cmd = _rules()["commands"][int(g[1:])]
            num = _NUMBER.search(m.group(0)).group(0)  # 'Quân khu 4', 'Chi cục Hải quan khu vực XI'
            found.append(_mention(m.start(), m.end(), f"{cmd['name']} {int(num) if num.isdigit() else num}", cmd["kind"], None))
        elif g == "fixed":
            f = rx.fixed[key(m.group(0))]
            branch = None  # 'Agribank Hà Tĩnh'; 'Ngân hàng Nông nghiệp ... Việt Nam (Agribank) Chi nhánh tỉnh Đồng Tháp'
            if f["kind"] == "bank":
                branch = _bank_branch(text, m, f, _BRACKETED_BRANCH) or _bank_branch(text, m, f)
            found.append(branch or _mention(m.start(), m.end(), f["name"], f["kind"], None, country=f.get("country", "Việt Nam")))
    # overlaps: keep the earliest, then the longest. Two stable sorts (by end descending, then by start) give the
    # order of the key (start, -length) with C key functions instead of a Python one per mention
    found.sort(key=_END, reverse=True)
    found.sort(key=_START)
    kept: list[dict] = []
    last_end = -1
    near_paren = _after_open_paren(text) if found else set()
    for d in found:
        start, end = d["start"], d["end"]
        if start >= last_end:
            kept.append(d)
            if end > last_end:
                last_end = end
            d["surface"] = text[start:end]
            d["in_parentheses"] = start in near_paren and _in_parentheses(text, start, end)
    return kept


def _after_open_paren(text: str) -> set[int]:
    """The offsets that have a '(' at most 3 characters before them (or at them): the only starts for which
    _in_parentheses can be true (a set lookup per mention instead of a call)."""
    out: set[int] = set()
    i = text.find("(")
    while i != -1:
        out.update(range(i, i + 4))
        i = text.find("(", i + 1)
    return out


_START, _END = operator.itemgetter("start"), operator.itemgetter("end")
_BRACKETED_BRANCH = re.compile(r"\s*\([^()]{2,20}\)\s*[Cc]hi nhánh\s+(?:(?:tỉnh|thành phố|TP\.?)\s+)?")


def _bank_branch(text: str, m: re.Match, bank: dict, gap: re.Pattern = _WS) -> dict | None:
    """'Agribank Hà Tĩnh': a national bank followed (across `gap`) by a province is its provincial branch, named as
    the 'Agribank chi nhánh ...' rule of units.yaml names it ('Agribank chi nhánh Hà Tĩnh'); None otherwise. With
    gap=_BRACKETED_BRANCH: the bank's full name, its abbreviation in brackets, then 'Chi nhánh' and the province."""
    ws = gap.match(text, m.end())
    hit = resolve_at(text, ws.end()) if ws else None
    if not hit or hit[0].country != "Việt Nam":
        return None
    place, end = hit
    return _mention(m.start(), end, f"{bank['name']} chi nhánh {place.proper or place.name}", "bank", place, level="province")


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """A '(' at most 3 characters before start (only spaces between) and a ')' at most 3 after end."""
    before = text.rfind("(", max(0, start - 3), start + 1)
    return before != -1 and text[before + 1:start].strip() == "" and text.find(")", end, end + 3) != -1


_SEGMENT_END = re.compile(r"[;.!?\n]")


def resolve_home(mentions: list[dict], text: str = "") -> list[dict]:
    """Fill the local/home mentions of one article. A bare 'Tỉnh ủy' / 'Công an tỉnh' takes the province of the
    next explicit unit in its clause ('Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Bình Dương'), else the article's
    home province: the Vietnamese province its units name most often (the first one on a tie).
    District/commune units get their canonical name."""
    counts: dict[str, int] = {}
    explicit: list[int] = []  # indices of the explicit Vietnamese province units: where a bare mention looks ahead
    countries = set()  # of the foreign police named
    for i, d in enumerate(mentions):
        code = d.get("province_code")
        if code and d["country"] == "Việt Nam" and d.get("level") == "province":
            counts[code] = counts.get(code, 0) + 1
            if d.get("how") != "home":
                explicit.append(i)
        if d["kind"] == "foreign_police" and d.get("country"):
            countries.add(d["country"])
    home = None
    if counts:
        best = max(counts.values())
        first = next(d["province_code"] for d in mentions if counts.get(d.get("province_code")) == best)
        home = _codes_index().get(first)
    # the one foreign country whose police the article names ('Lào'), None when it names none or several
    partner = countries.pop() if len(countries) == 1 else None
    out = []
    for i, d in enumerate(mentions):
        how = d.get("how")
        if how == "home_local":  # bare 'Công an huyện': the last such police named before it, else the first after
            same = [m for m in mentions if m["kind"] == d["kind"] and m.get("local") and m.get("how") == "text"]
            own = [m for m in same if (m.get("province_code") == home.code if home is not None else m.get("province_code"))]
            same = own or same  # the article's own province first (not the partner across the border)
            ref = next((m for m in reversed(same) if m["start"] < d["start"]), same[0] if same else None)
            if ref is None:
                continue
            named = _name_local({**d, **{k: ref[k] for k in _PLACE_KEYS}, "local": ref["local"]}, home, partner)
            out.append({**named, "how": "home"})
            continue
        if how == "home":
            side = _side_of(mentions, i, text) if d["kind"].startswith("police") else None
            if side is not None:  # 'Về phía Công an tỉnh Hủa Phăn có Đại tá X, Giám đốc Công an tỉnh': that side's police
                out.append({**d, **{k: side[k] for k in _PLACE_KEYS}, "unit": side["unit"], "kind": side["kind"], "level": "province"})
                continue
            stop = _SEGMENT_END.search(text, d["end"]) if text else None
            limit = stop.start() if stop else len(text)
            later = explicit[bisect.bisect_right(explicit, i):]
            local = next((mentions[j] for j in later if mentions[j]["start"] < limit), None)
            here = _codes_index().get(local["province_code"]) if local else home
            unit = _home_unit(d, here)
            if unit is None:
                continue
            d = {**d, "unit": unit, "province": here.name, "province_2025": here.name_2025, "country": here.country,
                 "province_code": here.code, "province_2025_code": here.code_2025, "level": "province"}
        elif d["unit"] is None:  # district / commune
            d = _name_local(d, home, partner)
        out.append(d)
    return out


def _name_local(d: dict, home: Place | None, partner: str | None = None) -> dict:
    """A district or commune mention with its canonical name ('Công an huyện Mường Tè (Lai Châu)'): its province
    when the text or the library gives it, else the home province when the district lies in it.

    A district police that is no Vietnamese district at all, in an article whose foreign partners are all of one
    country (`partner`), is that country's: 'Công an huyện Sốp Bâu' beside 'Công an tỉnh Hủa Phăn (Lào)' is
    'Công an huyện Sốp Bâu (Lào)'."""
    if (partner and d["kind"] == "police_district" and not d.get("province_code") and not d.get("body")
            and not _known_district(d["local"])):
        return {**d, "unit": f"Công an {d['local']} ({partner})", "kind": "foreign_police", "country": partner}
    place = None
    if d.get("province_code"):
        place = _codes_index().get(d["province_code"])
    elif home is not None and d["kind"] in ("police_district", "police_commune") or d.get("body"):
        place = home if home is not None and _district_in(d["local"], home.code) else None
    head = d.get("body", "Công an")
    out = {**d, "unit": f"{head} {d['local']}" + (f" ({place.name})" if place else "")}
    if place:
        out.update(province=place.name, province_2025=place.name_2025, province_code=place.code,
                   province_2025_code=place.code_2025, country=place.country)
    return out


_PLACE_KEYS = ("province", "province_2025", "country", "province_code", "province_2025_code")
_SIDE = re.compile(r"(?<!\w)[Vv]ề phía\s+$")
_SENTENCE_END = re.compile(r"[.!?\n]")


def _side_of(mentions: list[dict], i: int, text: str) -> dict | None:
    """The police named after 'Về phía' earlier in the sentence of mentions[i] ('Về phía Công an tỉnh Hủa Phăn có
    Đại tá X, Giám đốc Công an tỉnh'), None when there is none."""
    d = mentions[i]
    for j in range(i - 1, -1, -1):
        m = mentions[j]
        if _SENTENCE_END.search(text, m["end"], d["start"]):
            return None
        if m.get("how") != "home" and m["unit"] and m["kind"].startswith(("police", "foreign")) \
                and _SIDE.search(text, max(0, m["start"] - 10), m["start"]):
            return m
    return None


def _home_unit(d: dict, place: Place | None) -> str | None:
    """Canonical name of a bare mention read as the unit of `place` (None when the level does not fit)."""
    if place is None:
        return None
    is_city = place.level == "thành phố" or place.code == "46"
    if d["kind"].startswith("police"):
        if d["level"] == "city" and not is_city:
            return None
        return place.police
    if d["kind"] == "party_committee":
        if (d["body"] == "Thành ủy") != is_city and place.code != "46":
            return None
        return f"{d['body']} {place.proper or place.name}"
    if d.get("section"):  # 'Phòng Cảnh sát kinh tế' -> 'Phòng Cảnh sát kinh tế Công an tỉnh Đắk Lắk'
        return f"{d['body']} {place.police}" if place.country == "Việt Nam" else None
    if d.get("proper"):  # a body whose name holds its level ('Tỉnh đoàn'): named as with an explicit place
        return f"{d['body']} {place.proper or place.name}"
    return f"{d['body']} {place.full}"


def _district_name(local: str) -> str:
    """'huyện Mường Tè' -> 'Mường Tè' (the district's own name, its level word dropped)."""
    name = local.split(" ", 1)[1] if " " in local else local
    for pair in (("thị xã ", ""), ("thành phố ", "")):
        name = name.replace(*pair)
    return name


def _district_in(local: str, code: str) -> bool:
    return any(h[0] == code for h in _districts().get(key(_district_name(local)), []))


def _known_district(local: str) -> bool:
    """A Vietnamese district (before 2025) of that name exists."""
    return key(_district_name(local)) in _districts()


# --------------------------------------------------------------------------------------------- tables

def _sentence_index(sentences: pd.DataFrame) -> dict[str, tuple[list[int], list[int]]]:
    """article_id -> (sorted sentence starts, their sentence_ids)."""
    out: dict[str, tuple[list[int], list[int]]] = {}
    if sentences is None or len(sentences) == 0:
        return out
    s = sentences.sort_values(["article_id", "start"])
    for aid, starts, sids in zip(s["article_id"].to_numpy(), s["start"].to_numpy(), s["sentence_id"].to_numpy()):
        entry = out.setdefault(aid, ([], []))
        entry[0].append(int(starts))
        entry[1].append(int(sids))
    return out


def sentence_of(index: tuple[list[int], list[int]] | None, offset: int) -> int | None:
    if not index or not index[0]:
        return None
    i = bisect.bisect_right(index[0], offset) - 1
    return index[1][max(i, 0)]


def article_mentions(article_id: str, text: str, sindex=None) -> list[dict]:
    """The resolved unit mentions of one article, with article_id, unit_id and sentence_id."""
    out = resolve_home(find_unit_mentions(text), text)  # a new list: filled in place
    if not sindex or not sindex[0]:
        for d in out:
            d["article_id"] = article_id
            d["unit_id"] = slugify(d["unit"])
            d["sentence_id"] = None
        return out
    starts, ids = sindex[0], sindex[1]  # sentence_of(sindex, start), inlined: one bisect per mention
    for d in out:
        d["article_id"] = article_id
        d["unit_id"] = slugify(d["unit"])
        i = bisect.bisect_right(starts, d["start"]) - 1
        d["sentence_id"] = ids[i if i > 0 else 0]
    return out


def extract_unit_mentions(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The `unit_mentions` table: every mention, with its surface, offsets and sentence."""
    sidx = _sentence_index(sentences)
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        rows.extend(article_mentions(aid, _text(text), sidx.get(aid)))
    return _mentions_frame(rows)


MENTION_TABLE_COLUMNS = MENTION_COLUMNS + ["province_code", "province_2025_code"]


_MENTION_ROW = operator.itemgetter(*MENTION_TABLE_COLUMNS)


# mention_tuple(d): a mention as a compact row of MENTION_TABLE_COLUMNS (a tuple takes a third of a dict's memory).
# The itemgetter itself, not a function calling it: it runs once per mention.
mention_tuple = _MENTION_ROW


def _mentions_frame(rows: list) -> pd.DataFrame:
    if rows and isinstance(rows[0], dict):
        rows = [mention_tuple(d) for d in rows]
    frame = pd.DataFrame.from_records(rows, columns=MENTION_TABLE_COLUMNS) if rows else pd.DataFrame(columns=MENTION_TABLE_COLUMNS)
    frame["sentence_id"] = frame["sentence_id"].astype("Int64")
    frame["start"] = frame["start"].astype("int64")
    frame["end"] = frame["end"].astype("int64")
    return frame


def units_from_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per unit per article: the first mention's provenance and a `mentions` count."""
    if len(mentions) == 0:
        return pd.DataFrame(columns=UNIT_COLUMNS)
    first = mentions.sort_values(["article_id", "start"]).groupby(["article_id", "unit_id"], sort=False, as_index=False).first()
    counts = mentions.groupby(["article_id", "unit_id"]).size().rename("mentions").reset_index()
    out = first.merge(counts, on=["article_id", "unit_id"])
    out = out.sort_values(["article_id", "start"]).reset_index(drop=True)
    return out[UNIT_COLUMNS]


_UNIT_ROW = operator.itemgetter(*[c for c in UNIT_COLUMNS if c != "mentions"])
_AT_MENTIONS = UNIT_COLUMNS.index("mentions")


def article_units(mentions: list[dict]) -> list[tuple]:
    """The `units` rows (tuples of UNIT_COLUMNS) of one article's resolved mentions (in text order): per unit its
    first mention's values (a missing one taken from a later mention, as pandas' groupby().first() does) and
    the number of mentions. Same rows as units_from_mentions, without a frame per article."""
    rows: dict[str, list] = {}  # unit_id -> [values, mentions, indices of the values still missing]
    for d in mentions:
        row = rows.get(d["unit_id"])
        if row is None:
            values = list(_UNIT_ROW(d))
            rows[d["unit_id"]] = [values, 1, [i for i, v in enumerate(values) if v is None] if None in values else ()]
            continue
        row[1] += 1
        if row[2]:  # only the missing values are looked at again
            later, values, filled = _UNIT_ROW(d), row[0], False
            for i in row[2]:
                if later[i] is not None:
                    values[i] = later[i]
                    filled = True
            if filled:
                row[2] = [i for i in row[2] if values[i] is None]
    return [(*v[:_AT_MENTIONS], n, *v[_AT_MENTIONS:]) for v, n, _ in rows.values()]


def units_frame(rows: list[tuple]) -> pd.DataFrame:
    """The `units` table from article_units rows of many articles, ordered by article and first mention."""
    if not rows:
        return pd.DataFrame(columns=UNIT_COLUMNS)
    a, st = UNIT_COLUMNS.index("article_id"), UNIT_COLUMNS.index("start")
    rows = sorted(rows, key=lambda r: (r[a], r[st]))
    frame = pd.DataFrame.from_records(rows, columns=UNIT_COLUMNS)
    frame["sentence_id"] = frame["sentence_id"].astype("Int64")
    for c in ("start", "end", "mentions"):
        frame[c] = frame[c].astype("int64")
    return frame


def extract_units(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The contract's `units` table: one row per organisation per article."""
    return units_from_mentions(extract_unit_mentions(articles, sentences))


def _text(value) -> str:
    """An article's text, '' when missing (None / NaN)."""
    return value if isinstance(value, str) else ""
