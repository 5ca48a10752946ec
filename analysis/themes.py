"""Themes: which of the themes of ../shared/contract/themes.md an article substantively discusses.

`extract_themes(articles, sentences)` returns one row per article and theme (columns `COLUMNS`).

The rule, with every number and phrase in data/themes.yaml:

1. Keyword phrases are matched in every sentence at once (one Aho-Corasick automaton, whole words,
   case-insensitive; a phrase ending in a digit does not match a longer number: "Nghị quyết 12" is
   not found in "Nghị quyết 12/2023/NQ-HĐND"). Each phrase has a weight: 1.0 when it names the field by itself, 0.5 when it
   points to it but also occurs in passing, 0.3 for words this genre uses loosely. For each theme,
   overlapping hits in a sentence count once (the heaviest); a theme's `exclude` phrases cancel
   the hits they overlap.
2. A hit inside a *catalogue* counts only `catalogue_factor` of its weight. A catalogue is a run of
   at least `catalogue_min_items` short items (at most `catalogue_item_words` words, not counting
   openers such as "các loại", "nhất là") joined by commas or "và"/"hoặc", whose hits name at least
   `catalogue_min_themes` different themes: "các loại tội phạm kinh tế, tham nhũng, ma túy, sử
   dụng công nghệ cao" lists crime types without discussing any (the `catalogue_umbrella` themes
   keep their weight: a list of crime types is about crime prevention in general). The run takes
   in the tail of the item before it, to which its first element is glued ("xử lý các loại tội
   phạm kinh tế, tham nhũng, ma túy"). A run whose items all belong to one or two themes ("gian lận thương mại, buôn lậu, hàng giả, tội phạm kinh tế, tham nhũng";
   "văn hóa, văn nghệ, thể thao") is a clause about those themes and keeps its weight, except in a list
   of crime types (an umbrella theme's hit in the run or just before it): there a theme named by one
   item only is named in passing ("xử lý các vụ án ma túy, trộm cắp, cố ý gây thương tích, đánh bạc").
   The same holds for an *enumeration*: named items joined only by list separators, whatever their
   length ("các loại tội phạm ma túy, môi trường, công nghệ cao hoạt động tại khu vực giáp ranh": its
   last item runs on into the clause, so the run of short items is too short to be a catalogue).
3. A sentence repeated in the same article (a caption repeating the body) counts once.
4. Speed: one automaton pass per article (its sentences joined by a separator no phrase crosses);
   the overlap rule runs per theme over the whole article (hits of different sentences never
   overlap, so only groups of overlapping hits need resolving: a lone hit is kept as it is, and so are
   all the hits of a theme none of which overlap); the catalogue analysis runs only on sentences naming
   >= 3 themes, or 2 with an umbrella one, and reads the items only of the parts of them that could
   weigh a hit down. The result is the same as running `sentence_hits` sentence by sentence (a test
   checks it).
5. The article has the theme when the weights add up to `threshold` (1.0): one clause with a
   naming phrase, or several looser mentions. `hits` counts the hits, `score` is the weighted sum,
   and the evidence is the first of the heaviest hits.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, count
from operator import add, itemgetter

import ahocorasick
import pandas as pd

from analysis import ruledata
from analysis.grouping import SEP, by_article
from analysis.ruledata import RuleDataError

DATA_FILE = "themes.yaml"
COLUMNS = ["article_id", "theme", "label_vi", "label_en", "hits", "score", "sentence_id", "start", "end", "evidence"]
CONTRACT_THEMES = (
    "de_an_06", "nghi_quyet_12", "ma_tuy", "giap_ranh", "doi_ngoai_bien_gioi", "canh_ve", "thi_dua_khen_thuong",
    "xay_dung_dang_luc_luong", "toan_dan_bao_ve_antq", "phong_chong_toi_pham", "kinh_te_tham_nhung", "cong_nghe_cao",
    "cai_cach_hanh_chinh", "an_sinh_xa_hoi", "van_hoa_the_thao", "covid19", "moi_truong_attp", "dai_hoi_dang",
    "giao_thong", "pccc",
)


def _fail(path, where: str, problem: str, fix: str):
    raise RuleDataError(f"{path}: {where}: {problem}. Fix: {fix}")


def _variants(phrase: str) -> set[str]:
    key = re.sub(r"\s+", " ", phrase.strip().lower())
    return {key, key.replace(", ", " ")}


@lru_cache(maxsize=None)
def rules() -> dict:
    """The validated content of data/themes.yaml and its automaton (loaded once)."""
    path, data = ruledata.read(DATA_FILE)
    return compile_rules(data, path)


def compile_rules(data: dict, path="themes.yaml") -> dict:
    """Validate the theme data and build the automaton (separate from I/O so tests can feed bad data)."""
    if not isinstance(data, dict) or not isinstance(data.get("themes"), dict):
        _fail(path, "top level", "expected a mapping with a `themes:` section", "see the comments at the top of the file")
    for key in ("threshold", "catalogue_factor", "catalogue_min_items", "catalogue_min_themes", "catalogue_item_words"):
        if not isinstance(data.get(key), (int, float)):
            _fail(path, key, f"missing or not a number ({data.get(key)!r})", f"set `{key}:` to a number")
    themes = data["themes"]
    unknown = set(themes) - set(CONTRACT_THEMES)
    if unknown:
        _fail(path, f"themes {sorted(unknown)}", "not a slug of ../shared/contract/themes.md", "use the contract's slugs")
    missing = set(CONTRACT_THEMES) - set(themes)
    if missing:
        _fail(path, f"themes {sorted(missing)}", "contract themes without an entry", "add each with labels, keywords and examples")
    automaton = ahocorasick.Automaton()
    table: dict[str, list[tuple[str, float]]] = {}
    labels = {}
    for slug, entry in themes.items():
        where = f"themes.{slug}"
        if not isinstance(entry, dict) or not entry.get("vi") or not entry.get("en"):
            _fail(path, where, "needs `vi` and `en` labels", "add them as in themes.md")
        keywords = entry.get("keywords")
        if not isinstance(keywords, dict) or not keywords:
            _fail(path, where, "needs `keywords:` mapping weights to phrase lists", "e.g. `1.0: [\"phòng, chống ma túy\"]`")
        for weight, phrases in keywords.items():
            try:
                w = float(weight)
            except (TypeError, ValueError):
                _fail(path, f"{where}.keywords.{weight}", "weight is not a number", "use 1.0, 0.5 or 0.3")
            if not 0 < w <= 1 or not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
                _fail(path, f"{where}.keywords.{weight}", "weight must be in (0, 1] with a list of non-empty phrases", "correct the entry")
            for phrase in phrases:
                for key in _variants(phrase):
                    table.setdefault(key, []).append((slug, w, False))
        for phrase in entry.get("exclude") or []:
            for key in _variants(phrase):
                table.setdefault(key, []).append((slug, 0.0, True))
        examples = entry.get("examples")
        if not isinstance(examples, dict) or not examples.get("positive") or not examples.get("negative"):
            _fail(path, where, "needs `examples:` with `positive:` and `negative:` sentences", "add real-looking sentences of the genre")
        labels[slug] = (entry["vi"], entry["en"])
    for key, targets in table.items():
        # the value: the phrase's length, whether it ends in a digit (see _number_goes_on), its targets,
        # and, when it names a single theme with no exclusion (most phrases), that theme and weight
        # (the fast path of extract_themes; else None)
        slug, weight = targets[0][:2] if len(targets) == 1 and not targets[0][2] else (None, 0.0)
        automaton.add_word(key, (len(key), key[-1].isdigit(), tuple(targets), slug, weight))
    automaton.make_automaton()
    umbrella = data.get("catalogue_umbrella") or []
    if not isinstance(umbrella, list) or set(umbrella) - set(CONTRACT_THEMES):
        _fail(path, f"catalogue_umbrella {umbrella!r}", "expected a list of theme slugs", "use the contract's slugs")
    fillers = sorted((f.lower() for f in data.get("item_fillers") or []), key=len, reverse=True)
    filler_re = re.compile(r"^(?:(?:" + "|".join(re.escape(f) for f in fillers) + r")\s+)+") if fillers else None
    return {
        "automaton": automaton, "labels": labels, "filler_re": filler_re,
        "threshold": float(data["threshold"]), "factor": float(data["catalogue_factor"]),
        "min_items": int(data["catalogue_min_items"]), "min_themes": int(data["catalogue_min_themes"]),
        "item_words": int(data["catalogue_item_words"]),
        "examples": {slug: themes[slug]["examples"] for slug in themes},
        "umbrella": set(umbrella),
    }


# Item separators inside a sentence: soft ones (comma, "và", "hoặc") continue an enumeration,
# hard ones (; : … ( ) " - " and sentence ends) close it. The comma of "phòng, chống" is not a
# separator. Every alternative starts with its own literal character (the conditions on what is
# around it follow), so that the regex engine scans for the set of those characters and, at each,
# tries only the alternative that starts with it.
# A space is shared by two separators only once (", và" is one separator: ", " then the item "và ...").
_SEPARATOR = re.compile(r",(?<!phòng,)(?= )|;|:|\(|\)|…|!|\?|\.(?:\.\.|(?=\s|$))"
                        r"|-(?<= -)(?<![,\-–] -)(?<! và -)(?<! hoặc -)(?= )"
                        r"|–(?<= –)(?<![,\-–] –)(?<! và –)(?<! hoặc –)(?= )"
                        r"|và(?= )(?<= và)(?<![,\-–] và)(?<! và và)(?<! hoặc và)"
                        r"|hoặc(?= )(?<= hoặc)(?<![,\-–] hoặc)(?<! và hoặc)(?<! hoặc hoặc)")  # on lower-cased text
_SPLIT = re.compile(f"({_SEPARATOR.pattern})")  # split: item, separator, item, ..., item
_QUOTES = " “”\"'"
_WORD = re.compile(r"\S+")


def _items(lower: str, filler_re, max_words: int) -> list[tuple[int, int, bool, bool]]:
    """(start, end, short, soft_before) for each item of the sentence."""
    return list(zip(*_item_columns(lower, filler_re, max_words)))


def _item_columns(lower: str, filler_re, max_words: int) -> tuple[list[int], list[int], list[bool], list[bool]]:
    """The items of `_items`, column by column: starts, ends, short, soft_before."""
    parts, starts, ends, soft = _split_items(lower)
    return starts, ends, [_short(part, filler_re, max_words) for part in parts[::2]], soft


def _split_items(lower: str) -> tuple[list[str], list[int], list[int], list[bool]]:
    """The sentence split into items: the parts (item, separator, item, ..., item), the items' starts and ends, and
    whether a soft separator comes before each."""
    parts = _SPLIT.split(lower)
    offsets = list(accumulate(map(len, parts), initial=0))
    soft = [False] + [sep[0] in ",vh" for sep in parts[1::2]]  # ",", "và", "hoặc" (no hard separator starts so)
    return parts, offsets[::2], offsets[1::2], soft


def _short(item: str, filler_re, max_words: int) -> bool:
    """Whether an item has 1 to `max_words` words, openers ("các loại", "nhất là") not counted."""
    words = item.strip(_QUOTES)
    if not words:
        return False
    if words.count(" ") < max_words:  # (most items are decided so: one word more than spaces)
        return True
    if filler_re is None:
        return False
    opener = filler_re.match(words)  # (anchored: most items have none, and then nothing is cut)
    # (split at most max_words times: enough to tell whether there are more than max_words words)
    return 0 < len((words[opener.end():] if opener else words).split(None, max_words)) <= max_words


def _catalogues(lower: str, hits: list[tuple[str, int, int]], r: dict) -> list[tuple[int, int, list[int]]]:
    """The runs of short items (candidates for a catalogue) that may weigh down some of the sentence's hits
    (theme, start, end): (start, end, the end of each item).

    A run also takes in the tail (its last `catalogue_item_words` words) of the item before it when
    a comma joins them: the first element of a list is glued to its verb ("xử lý nghiêm các loại
    tội phạm kinh tế, tham nhũng, ma túy").

    A run lies in a segment (items joined by soft separators) and weighs down only the hits in it (`_weighed_down`):
    a segment with no hit of a theme other than the umbrella ones, or with fewer than `catalogue_min_themes` themes
    and no umbrella hit that could make it a list of crime types, is passed over without reading its items.
    """
    parts, starts, ends, soft = _split_items(lower)
    filler_re, min_items, item_words = r["filler_re"], r["min_items"], r["item_words"]
    umbrella = r["umbrella"]
    n = len(starts)
    runs = []
    cuts = [i for i in range(1, n) if not soft[i]]  # where a hard separator begins a segment
    for a, b in zip([0, *cuts], [*cuts, n]):  # the segment of items a .. b - 1
        if b - a < min_items:
            continue
        seg_start, seg_end = starts[a], ends[b - 1]
        named = {t for t, s, e in hits if seg_start <= s and e <= seg_end}
        if named <= umbrella or (len(named) < r["min_themes"] and not any(
                t in umbrella and seg_start - _NEAR <= e <= seg_end for t, _, e in hits)):
            continue
        first = None  # the index of the first item of the current run
        for i in range(a, b + 1):  # (the end of the segment closes the last run)
            is_short = i < b and _short(parts[2 * i], filler_re, item_words)
            if is_short and i > a and first is not None:  # (a soft separator comes before every item but the first)
                continue
            if first is not None and i - first >= min_items:
                start = starts[first]
                if first > a:  # (a comma or "và" before it)
                    words = list(_WORD.finditer(lower, starts[first - 1], ends[first - 1]))
                    if words:
                        start = words[max(0, len(words) - item_words)].start()
                runs.append((start, ends[i - 1], ends[first:i]))
            first = i if is_short else None
    return runs


_NEAR = 30  # characters: an umbrella hit ending this close before a catalogue (or in it) introduces its items

# Between two named items of an enumeration: a list separator (", ", " và ", ", hoặc "), or one short unnamed item
# between two separators ("ma túy, vũ khí, buôn lậu")
_SEP1 = r"\s*(?:,\s*(?:(?:và|hoặc)\s+)?|\s(?:và|hoặc)\s+)"
_RUNS_ON = r"(?:\s+[^\W\d_]+){0,2}"  # a named item may run on by two words ('các loại tội phạm hình sự, ma túy')
_NEXT_ITEM = _RUNS_ON + _SEP1
_UNNAMED_ITEM = rf"{_RUNS_ON}{_SEP1}(?:[^\W\d_]+\s+){{0,2}}[^\W\d_]+{_SEP1}"
# The gap between two named items, by fullmatch: the next item (no group), or an unnamed one and the next (group 1).
# (One call: an alternative is tried to the end of the gap before the next one is.)
_GAP = re.compile(f"{_NEXT_ITEM}|({_UNNAMED_ITEM})")
_LAST_UNNAMED_ITEM = re.compile(rf"{_RUNS_ON}{_SEP1}(?:[^\W\d_]+\s+){{0,2}}[^\W\d_]+(?=\s*[,;.:…]|\s*$)")  # '..., kinh tế, Công an'


def _enumerations(lower: str, hits: list[tuple[str, int, int]], r: dict) -> list[tuple[int, int, list[int]]]:
    """Enumerations of named items in one text: runs of hits (theme, start, end), sorted by start, joined only by
    list separators (or one short unnamed item between two, or closing the list), of at least `catalogue_min_items`
    items: "các loại tội phạm ma túy, môi trường, công nghệ cao hoạt động tại khu vực giáp ranh", whose last item
    runs on into the clause and so is no short item of a catalogue. Each as (start, end, the end of each named
    item)."""
    out = []
    min_items = r["min_items"]
    i, n = 0, len(hits)
    while i < n:
        ends, items, j = [hits[i][2]], 1, i + 1
        while j < n:
            prev_end, start = ends[-1], hits[j][1]
            if start < prev_end:  # overlapping hits: one item
                ends[-1] = max(prev_end, hits[j][2])
            else:
                gap = _GAP.fullmatch(lower, prev_end, start)
                if gap is None:
                    break
                items += 2 if gap.lastindex else 1
                ends.append(hits[j][2])
            j += 1
        # a short unnamed item closes the list ('ma túy, kinh tế, ...'): looked for only when it decides
        if len(ends) >= 2 and items == min_items - 1 and _LAST_UNNAMED_ITEM.match(lower, ends[-1]):
            items += 1
        if items >= min_items and len(ends) >= 2:
            out.append((hits[i][1], ends[-1], ends))
        i = j
    return out


def _in_passing(inside: list[tuple[str, int, int]], item_ends: list[int], r: dict, crime_list: bool) -> set[str]:
    """The themes of a catalogue's hits (theme, start, end) that the catalogue only names: every theme but the
    umbrella ones when the hits name `catalogue_min_themes` themes; else, in a list of crime types (an umbrella
    theme's hit in the catalogue or just before it: `crime_list`), each theme named by one item only ("xử lý các vụ
    án ma túy, trộm cắp, cố ý gây thương tích, đánh bạc"; "đấu tranh với các loại tội phạm khác như ma túy, vũ khí,
    buôn lậu")."""
    themes = {t for t, _, _ in inside}
    if len(themes) >= r["min_themes"]:
        return themes - r["umbrella"]
    if not crime_list:
        return set()
    items: dict[str, set[int]] = {}
    for t, hs, _ in inside:
        if t not in r["umbrella"]:
            items.setdefault(t, set()).add(bisect_left(item_ends, hs + 1))  # the item whose end comes first after hs
    return {t for t, at in items.items() if len(at) == 1}


def _catalogue_gate(named: set, r: dict) -> bool:
    """Whether a sentence naming these themes may hold a catalogue that weighs some down: `catalogue_min_themes` of
    them, or two with an umbrella one."""
    return len(named) >= r["min_themes"] or (len(named) >= 2 and bool(named & r["umbrella"]))


def _weighed_down(lower: str, hits: list[tuple[str, int, int]], r: dict) -> set[int]:
    """The indices of the hits (theme, start, end) of one sentence, sorted by start, that its catalogues and
    enumerations only name (rule 2): each counts `catalogue_factor` of its weight, once."""
    out: set[int] = set()
    umbrella_ends = [e for t, _, e in hits if t in r["umbrella"]]
    for cs, ce, item_ends in _catalogues(lower, hits, r) + _enumerations(lower, hits, r):
        inside = [k for k, (_, s, e) in enumerate(hits) if cs <= s and e <= ce]
        if not inside:  # (then nothing is weighed down)
            continue
        crime_list = any(cs - _NEAR <= e <= ce for e in umbrella_ends)
        passing = _in_passing([hits[k] for k in inside], item_ends, r, crime_list)
        out.update(k for k in inside if hits[k][0] in passing)
    return out


def _lower(text: str) -> str:
    lower = text.lower()
    if len(lower) != len(text):  # keep offsets exact for the rare letters whose lower case changes length
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lower


def _number_goes_on(text: str, e: int) -> bool:
    """After a phrase ending in a digit: "/", "-" or "." and more means the number is longer than the
    phrase's ("Nghị quyết 12/2023/NQ-HĐND", "Nghị quyết 12-NQ/TU" are not "Nghị quyết 12")."""
    return text[e] in "/-." and e + 1 < len(text) and text[e + 1].isalnum()


def _raw_hits(lower: str, r: dict):
    """(start, end, targets) of every whole-word phrase occurrence in a lower-cased text."""
    n = len(lower)
    for end, (klen, digit_end, targets, _, _) in r["automaton"].iter(lower):
        start, e = end - klen + 1, end + 1
        if (start == 0 or not lower[start - 1].isalnum()) and (e >= n or not (lower[e].isalnum()
                                                                            or (digit_end and _number_goes_on(lower, e)))):
            yield start, e, targets


def _resolve(lower: str, found, r: dict) -> list[list]:
    """Weighted hits [theme, start, end, weight, in_catalogue] of one sentence from its raw phrase
    hits (offsets relative to `lower`): exclusions, one hit per overlap and theme, the catalogue rule."""
    raw: dict[str, list[tuple[int, int, float]]] = {}
    excluded: dict[str, list[tuple[int, int]]] | None = None
    for start, end, targets in found:
        for slug, weight, is_exclusion in targets:
            if is_exclusion:
                if excluded is None:
                    excluded = {}
                excluded.setdefault(slug, []).append((start, end))
            else:
                raw.setdefault(slug, []).append((start, end, weight))
    chosen: list[list] = []
    for slug, hits in raw.items():
        spans = excluded.get(slug, ()) if excluded else ()
        if len(hits) == 1 and not spans:
            s, e, w = hits[0]
            chosen.append([slug, s, e, w, False])
            continue
        kept: list[tuple[int, int, float]] = []
        for s, e, w in sorted(hits, key=lambda h: (-h[2], -(h[1] - h[0]), h[0])):
            if any(s < xe and xs < e for xs, xe in spans):
                continue
            if any(s < ke and ks < e for ks, ke, _ in kept):
                continue
            kept.append((s, e, w))
        chosen += [[slug, s, e, w, False] for s, e, w in kept]
    if _catalogue_gate({h[0] for h in chosen}, r):
        in_order = sorted(chosen, key=lambda h: h[1])
        for k in _weighed_down(lower, [(h[0], h[1], h[2]) for h in in_order], r):
            in_order[k][3] *= r["factor"]
            in_order[k][4] = True
    chosen.sort(key=lambda h: h[1])
    return chosen


def sentence_hits(text: str, r: dict | None = None) -> list[dict]:
    """The weighted theme hits of one sentence (after exclusions, overlaps and the catalogue rule)."""
    r = r or rules()
    lower = _lower(text)
    return [{"theme": t, "s": s, "e": e, "weight": w, "catalogue": c}
            for t, s, e, w, c in _resolve(lower, list(_raw_hits(lower, r)), r)]


_WEIGHT = itemgetter(2)


def _greedy(hits: list, spans) -> list:
    """The hits of one theme kept from a group that overlap one another: heaviest first, then longest,
    then first; a hit overlapping a kept one or an exclusion span is dropped."""
    kept = []
    for h in sorted(hits, key=lambda h: (-h[2], h[0] - h[1], h[0])):
        s, e = h[0], h[1]
        if spans and any(s < xe and xs < e for xs, xe in spans):
            continue
        for k in kept:
            if s < k[1] and k[0] < e:
                break
        else:
            kept.append(h)
    return kept


def extract_themes(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per article and theme it substantively discusses (see the module docstring).

    The rule is the one of `sentence_hits`, run over a whole article at once: the hits of each theme
    are grouped into runs of phrases that overlap one another (hits of different sentences never
    do), a lone hit is kept as it is and only a group is resolved; the catalogue rule runs on the
    sentences that name enough themes.
    """
    r = rules()
    if sentences is None or not len(sentences):
        return pd.DataFrame(columns=COLUMNS)
    rows: list[tuple] = []  # in the order of COLUMNS
    automaton, labels, threshold = r["automaton"], r["labels"], r["threshold"]
    factor = r["factor"]
    for article_id, (sids, starts, texts) in by_article(sentences):
        # One automaton pass over the article's sentences joined by SEP (no phrase crosses it), with
        # a SEP at each end too (so that every hit has a character before and after it). `bounds`: where
        # each sentence begins in `joined`, and last the length of `joined`.
        bounds = list(map(add, accumulate(map(len, texts), initial=1), count()))
        joined = _lower(SEP.join(["", *texts, ""]))
        if len(set(map(str.strip, texts))) < len(texts):  # a caption repeating the body counts once: its copies are blanked out
            seen = set()
            for k, text in enumerate(texts):
                key = text.strip()
                if key in seen:
                    joined = joined[:bounds[k]] + SEP * len(text) + joined[bounds[k] + len(text):]
                seen.add(key)
        by_theme: dict[str, list] = {}  # theme -> [[start, end, weight, sentence]] in the order of their ends, offsets in `joined`
        tangled = set()  # the themes two of whose hits overlap (the others need no overlap rule)
        excluded: dict[str, list] | None = None
        # the sentences whose hits pass the catalogue gate (before the overlap rule: only an exclusion can take a theme
        # away from a sentence, as a group of overlapping hits keeps one)
        candidates = []
        named = set()  # the themes of the hits of sentence k so far
        k, next_bound = 0, bounds[1]
        for end, (klen, digit_end, targets, slug, weight) in automaton.iter(joined):
            s, e = end - klen + 1, end + 1
            if joined[s - 1].isalnum() or joined[e].isalnum() or (digit_end and _number_goes_on(joined, e)):
                continue  # not a whole word (or a longer number)
            if s >= next_bound:  # hits come in order of their end: move to the sentence holding this one
                if len(named) >= 2 and _catalogue_gate(named, r):
                    candidates.append(k)
                named = set()
                k = bisect_right(bounds, s) - 1
                next_bound = bounds[k + 1]
            if slug is not None:  # one theme, no exclusion (most phrases)
                named.add(slug)
                hits = by_theme.get(slug)
                if hits is None:
                    by_theme[slug] = [[s, e, weight, k]]
                else:
                    if s < hits[-1][1]:  # (in the order of their ends, two hits overlap only if two consecutive ones do)
                        tangled.add(slug)
                    hits.append([s, e, weight, k])
                continue
            for t, w, is_exclusion in targets:  # (rare: taken through the overlap rule whatever they overlap)
                if is_exclusion:
                    if excluded is None:
                        excluded = {}
                    excluded.setdefault(t, []).append((s, e))
                else:
                    named.add(t)
                    tangled.add(t)
                    by_theme.setdefault(t, []).append([s, e, w, k])
        if not by_theme:
            continue
        if len(named) >= 2 and _catalogue_gate(named, r):
            candidates.append(k)
        # One hit per overlap and theme (exclusions cancel what they overlap), in the order of the text.
        kept: dict[str, list] = {}
        for slug, hits in by_theme.items():
            spans = excluded.get(slug) if excluded else None
            if slug not in tangled and not spans:  # no two hits overlap (the common case): all are kept, in order
                kept[slug] = hits
                continue
            hits.sort()
            chosen = []
            i, m = 0, len(hits)
            while i < m:  # each group of hits that overlap one another: hits[i:j]
                g = hits[i]
                group_end, j = g[1], i + 1
                while j < m and hits[j][0] < group_end:
                    if hits[j][1] > group_end:
                        group_end = hits[j][1]
                    j += 1
                if not spans and j - i <= 2:  # alone, or two overlapping hits: the one _greedy keeps
                    if j - i == 2:  # (g starts first: h wins by its weight, or, as heavy, by its length)
                        h = hits[i + 1]
                        if h[2] > g[2] or (h[2] == g[2] and h[1] - h[0] > g[1] - g[0]):
                            g = h
                    chosen.append(g)
                else:
                    chosen += sorted(_greedy(hits[i:j], spans))
                i = j
            if chosen:
                kept[slug] = chosen
        # The catalogue rule, on the sentences naming at least `catalogue_min_themes` themes, or two with an
        # umbrella theme among them.
        if candidates:
            in_sentence: dict[int, list] = {k: [] for k in candidates}  # sentence -> its hits (theme, hit)
            for slug, hits in kept.items():
                for h in hits:
                    inside_k = in_sentence.get(h[3])
                    if inside_k is not None:
                        inside_k.append((slug, h))
            for k, inside_k in in_sentence.items():
                if excluded and not _catalogue_gate({slug for slug, _ in inside_k}, r):
                    continue
                inside_k.sort(key=lambda sh: sh[1][0])
                base = bounds[k]
                hits_k = [(slug, h[0] - base, h[1] - base) for slug, h in inside_k]
                for j in _weighed_down(joined[base:base + len(texts[k])], hits_k, r):
                    inside_k[j][1][2] *= factor
        # Each theme's hits and score; the first of its heaviest hits is the evidence. The rows come in the
        # order of the themes' first hits.
        found = []
        for slug, hits in kept.items():
            score = sum([h[2] for h in hits]) if len(hits) > 1 else hits[0][2]
            if score + 1e-9 >= threshold:
                found.append((hits[0][0], slug, len(hits), score, max(hits, key=_WEIGHT)))
        found.sort()
        for _, slug, hits, score, (s, e, _, k) in found:
            offset = starts[k] - bounds[k]
            rows.append((article_id, slug, *labels[slug], hits, round(score, 3), sids[k], s + offset, e + offset, texts[k]))
    if not rows:
        return pd.DataFrame([], columns=COLUMNS)
    return pd.DataFrame(dict(zip(COLUMNS, map(list, zip(*rows)))), columns=COLUMNS)

