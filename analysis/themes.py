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
   "văn hóa, văn nghệ, thể thao") is a clause about those themes and keeps its weight.
3. A sentence repeated in the same article (a caption repeating the body) counts once.
4. Speed: one automaton pass per article (its sentences joined by a separator no phrase crosses);
   the overlap rule runs per theme over the whole article (hits of different sentences never
   overlap, so only groups of overlapping hits need resolving: a lone hit is kept as it is); the
   catalogue analysis runs only on sentences naming >= 3 themes. The result is the same as running
   `sentence_hits` sentence by sentence (a test checks it).
5. The article has the theme when the weights add up to `threshold` (1.0): one clause with a
   naming phrase, or several looser mentions. `hits` counts the hits, `score` is the weighted sum,
   and the evidence is the first of the heaviest hits.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

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
        # (the fast path of extract_themes)
        simple = targets[0][:2] if len(targets) == 1 and not targets[0][2] else None
        automaton.add_word(key, (len(key), key[-1].isdigit(), tuple(targets), simple))
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
# separator. The pattern starts with a character set alone (the white space around "và" is checked
# around the word), which the regex engine scans for fast.
# A space is shared by two separators only once (", và" is one separator: ", " then the item "và ...").
_SEPARATOR = re.compile(r"[,;:()…!?.\-–vh](?:(?<=,)(?= )|(?<=[;:()…!?])|(?<=\.)(?:\.\.|(?=\s|$))"
                        r"|(?<= [-–])(?<![,\-–] [-–])(?<! và [-–])(?<! hoặc [-–])(?= )"
                        r"|(?<= v)(?<![,\-–] v)(?<! và v)(?<! hoặc v)à(?= )"
                        r"|(?<= h)(?<![,\-–] h)(?<! và h)(?<! hoặc h)oặc(?= ))")  # on lower-cased text
_SOFT = {",", "và", "hoặc"}


def _items(lower: str, filler_re, max_words: int) -> list[tuple[int, int, bool, bool]]:
    """(start, end, short, soft_before) for each item of the sentence."""
    out = []
    pos, soft = 0, False
    for m in _SEPARATOR.finditer(lower):
        sep = m.group()
        if sep == "," and lower.endswith("phòng", 0, m.start()):
            continue
        out.append((pos, m.start(), soft))
        soft = sep in _SOFT
        pos = m.end()
    out.append((pos, len(lower), soft))
    items = []
    for s, e, soft_before in out:
        words = lower[s:e].strip(" “”\"'")
        n = words.count(" ") + 1 if words else 0
        if n > max_words and filler_re is not None:  # openers ("các loại", "nhất là") do not count
            opener = filler_re.match(words)  # (anchored: most items have none, and then nothing is cut)
            if opener:
                words = words[opener.end():]
            n = len(words.split())
        items.append((s, e, 0 < n <= max_words, soft_before))
    return items


def _catalogues(lower: str, r: dict) -> list[tuple[int, int]]:
    """Spans of the runs of short items (candidates for a catalogue).

    A run also takes in the tail (its last `catalogue_item_words` words) of the item before it when
    a comma joins them: the first element of a list is glued to its verb ("xử lý nghiêm các loại
    tội phạm kinh tế, tham nhũng, ma túy").
    """
    items = _items(lower, r["filler_re"], r["item_words"])
    runs, current = [], []

    def close(run):
        if len(run) < r["min_items"]:
            return
        first = run[0]
        start = items[first][0]
        if first > 0 and items[first][3]:
            prev_start, prev_end = items[first - 1][0], items[first - 1][1]
            words = list(re.finditer(r"\S+", lower[prev_start:prev_end]))
            if words:
                start = prev_start + words[max(0, len(words) - r["item_words"])].start()
        runs.append((start, items[run[-1]][1]))

    for i, (s, e, short, soft_before) in enumerate(items):
        if short and current and soft_before:
            current.append(i)
        else:
            close(current)
            current = [i] if short else []
    close(current)
    return runs


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
    for end, (klen, digit_end, targets, _) in r["automaton"].iter(lower):
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
    if len(raw) >= r["min_themes"] and len({h[0] for h in chosen}) >= r["min_themes"]:
        for cs, ce in _catalogues(lower, r):
            inside = [h for h in chosen if cs <= h[1] and h[2] <= ce]
            if len({h[0] for h in inside}) >= r["min_themes"]:
                for h in inside:
                    if h[0] not in r["umbrella"]:
                        h[3] *= r["factor"]
                        h[4] = True
    chosen.sort(key=lambda h: h[1])
    return chosen


def sentence_hits(text: str, r: dict | None = None) -> list[dict]:
    """The weighted theme hits of one sentence (after exclusions, overlaps and the catalogue rule)."""
    r = r or rules()
    lower = _lower(text)
    return [{"theme": t, "s": s, "e": e, "weight": w, "catalogue": c}
            for t, s, e, w, c in _resolve(lower, list(_raw_hits(lower, r)), r)]


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
    rows: list[dict] = []
    automaton = r["automaton"]
    min_themes, umbrella, factor = r["min_themes"], r["umbrella"], r["factor"]
    for article_id, (sids, starts, texts) in by_article(sentences):
        # One automaton pass over the article's sentences joined by SEP (no phrase crosses it).
        joined = _lower(SEP.join(texts))
        bounds, pos = [], 0
        skip, seen = [], set()
        for text in texts:
            bounds.append(pos)
            pos += len(text) + 1
            key = text.strip()
            skip.append(key in seen)  # a caption repeating the body counts once
            seen.add(key)
        by_theme: dict[str, list] = {}  # theme -> [(start, end, weight, sentence)], offsets in `joined`
        excluded: dict[str, list] | None = None
        n, k, next_bound, nb = len(joined), 0, (bounds[1] if len(bounds) > 1 else len(joined) + 1), len(bounds)
        for end, (klen, digit_end, targets, simple) in automaton.iter(joined):
            s, e = end - klen + 1, end + 1
            if (s and joined[s - 1].isalnum()) or (e < n and (joined[e].isalnum() or (digit_end and _number_goes_on(joined, e)))):
                continue  # not a whole word (or a longer number)
            if s >= next_bound:  # hits come in order of their end: move to the sentence holding this one
                k = bisect_right(bounds, s) - 1
                next_bound = bounds[k + 1] if k + 1 < nb else n + 1
            if skip[k]:
                continue
            if simple is not None:  # one theme, no exclusion: the loop below in short
                slug, weight = simple
                hits = by_theme.get(slug)
                if hits is None:
                    by_theme[slug] = [(s, e, weight, k)]
                else:
                    hits.append((s, e, weight, k))
                continue
            for slug, weight, is_exclusion in targets:
                if is_exclusion:
                    if excluded is None:
                        excluded = {}
                    excluded.setdefault(slug, []).append((s, e))
                    continue
                hits = by_theme.get(slug)
                if hits is None:
                    by_theme[slug] = [(s, e, weight, k)]
                else:
                    hits.append((s, e, weight, k))
        # One hit per overlap and theme (exclusions cancel what they overlap).
        chosen: list[list] = []
        for slug, hits in by_theme.items():
            spans = excluded.get(slug) if excluded else None
            if len(hits) == 1 and not spans:  # a lone hit is kept as it is (the common case)
                g = hits[0]
                chosen.append([g[3], g[0], slug, g[1], g[2]])
                continue
            if len(hits) > 1:
                hits.sort()
            group: list = []
            group_end = -1
            for h in hits + [None]:
                if h is not None and h[0] < group_end:  # overlaps the group
                    group.append(h)
                    if h[1] > group_end:
                        group_end = h[1]
                    continue
                if len(group) == 1 and not spans:
                    g = group[0]
                    chosen.append([g[3], g[0], slug, g[1], g[2]])
                elif group:
                    chosen += [[g[3], g[0], slug, g[1], g[2]] for g in _greedy(group, spans)]
                if h is not None:
                    group, group_end = [h], h[1]
        chosen.sort()  # by sentence, then start
        # The catalogue rule, on the sentences naming at least `catalogue_min_themes` themes.
        themes_in: dict[int, set] = {}
        for h in chosen:
            themes_in.setdefault(h[0], set()).add(h[2])
        for k, slugs in themes_in.items():
            if len(slugs) < min_themes:
                continue
            base = bounds[k]
            inside_k = [h for h in chosen if h[0] == k]
            for cs, ce in _catalogues(joined[base:base + len(texts[k])], r):
                inside = [h for h in inside_k if cs <= h[1] - base and h[3] - base <= ce]
                if len({h[2] for h in inside}) >= min_themes:
                    for h in inside:
                        if h[2] not in umbrella:
                            h[4] *= factor
        acc: dict[str, list] = {}  # theme -> [hits, score, evidence]
        for k, s, theme, e, weight in chosen:
            a = acc.get(theme)
            if a is None:
                acc[theme] = [1, weight, (-weight, k, s, e)]
                continue
            a[0] += 1
            a[1] += weight
            if -weight < a[2][0]:  # the first of the heaviest hits is the evidence
                a[2] = (-weight, k, s, e)
        for slug, (hits, score, (_, k, s, e)) in acc.items():
            if score + 1e-9 < r["threshold"]:
                continue
            vi, en = r["labels"][slug]
            offset = starts[k] - bounds[k]
            rows.append({"article_id": article_id, "theme": slug, "label_vi": vi, "label_en": en,
                         "hits": hits, "score": round(score, 3), "sentence_id": sids[k],
                         "start": s + offset, "end": e + offset, "evidence": texts[k]})
    return pd.DataFrame(rows, columns=COLUMNS)
