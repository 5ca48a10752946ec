"""Fast candidate positions for many rule regexes at once (pyahocorasick), then exact regex checks.

Python's `re` tries every alternative of a big case-insensitive alternation at every character; on a 5,000-character
article that costs about a millisecond per rule family. Instead, each rule pattern is reduced to the set of words it
can start with ('(?:quy|qui) chế phối hợp' -> {'quy', 'qui'}); one Aho-Corasick automaton finds those words in the
lower-cased text in one pass, and the exact regex is only tried where a word starts.

    anchors = Anchors({"rank": [r"đại tá", r"thượng tá"], "title": [r"(?:Phó\\s+)?Giám đốc"]})
    anchors.positions(text)   -> {"rank": [12, 480], "title": [30]}   (sorted start offsets)
    core_positions(text)      -> the candidates of analysis.units, people and events together, from ONE automaton
                                 (one pass over the text per article, shared by the three extractors)
"""
from __future__ import annotations

import re
from re import _constants, _parser  # the regex parse tree, for match_prefixes

import ahocorasick

_WORD_CHARS = re.compile(r"[^\W\d_]+|\d+")
_NON_WORD = re.compile(r"\W")


def _split_top(pattern: str) -> list[str]:
    """Top-level alternatives of a regex ('a|(?:b|c)d' -> ['a', '(?:b|c)d'])."""
    out, depth, cur, i = [], 0, [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            cur.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[":
            j = pattern.index("]", i + 1)
            cur.append(pattern[i:j + 1])
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _group_end(pattern: str, start: int) -> int:
    depth, i = 0, start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = pattern.index("]", i + 1) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced parentheses in {pattern!r}")


_META_SPACE = re.compile(r"\\s[+*]?|\\ | ")


def _literal_prefix(alt: str) -> str:
    """The longest run of whole literal words an alternative starts with ('Công an|...' -> 'công an';
    'Cục\\s+(?:Cảnh sát|An ninh)' -> 'cục'; 'TP\\.?' -> 'tp'), lower-cased, words joined by one space."""
    out, i, n = [], 0, len(alt)
    while i < n:
        m = _WORD_CHARS.match(alt, i)
        if m:
            out.append(m.group(0))
            i = m.end()
            continue
        sp = _META_SPACE.match(alt, i)
        if sp and out and out[-1] != " ":
            out.append(" ")
            i = sp.end()
            continue
        break
    # a word cut by a quantifier or a group ('ký(?= ...)' is fine, 'Trung ươn?g' is not) stays whole only if
    # the next character cannot extend it
    if i < n and out and out[-1] != " " and alt[i] in "?*{+":
        out.pop()
    words = "".join(out).strip().lower()
    return words


def first_words(pattern: str) -> set[str]:
    """The lower-case words a match of `pattern` can start with. Raises ValueError when it cannot tell
    (a pattern that starts with a character class or a wildcard): such a rule needs a literal start."""
    words: set[str] = set()
    for alt in _split_top(pattern):
        alt = re.sub(r"^(?:\(\?<[!=][^)]*\))+", "", alt)  # lookbehinds at the start
        alt = alt.lstrip("^")
        if alt.startswith("(?:") or alt.startswith("(?P<") or (alt.startswith("(") and not alt.startswith("(?")):
            end = _group_end(alt, 0)
            inner = alt[alt.index(">") + 1 if alt.startswith("(?P<") else (3 if alt.startswith("(?:") else 1):end]
            rest = alt[end + 1:]
            optional = rest[:1] in ("?", "*")
            rest = rest[1:] if optional else rest
            for w in first_words(inner):
                words.add(w)
            if optional:
                rest = re.sub(r"^\\s[+*]?", "", rest)
                words |= first_words(rest)
            continue
        prefix = _literal_prefix(alt)
        if not prefix:
            raise ValueError(f"pattern {pattern!r}: the alternative {alt!r} does not start with a literal word")
        words.add(prefix)
    return words


_ANY = frozenset({("", False)})  # a match may start with anything
_MAX_PREFIXES = 512


def match_prefixes(pattern: str, n: int = 2) -> frozenset[str]:
    """Strings of at most n characters such that every match of `pattern` starts with one of them:
    'Công an|CA' -> {'Cô', 'CA'}; '[Cc]ông an' -> {'Cô', 'cô'}; '(?:Ngân hàng )?BIDV' -> {'Ng', 'BI'}. A shorter
    string where the pattern is not known further ('' when it may start with anything, e.g. '\\w+'), so the
    answer is never too narrow: a text at whose offset none of them starts cannot match there. Read from the
    regex's parse tree; zero-width assertions are passed over (they only narrow the matches)."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return frozenset({""})
    return frozenset(s for s, _ in _sequence(list(parsed), n))


def _sequence(items: list, n: int) -> set[tuple[str, bool]]:
    """(prefix, complete) pairs of a sequence of parsed items: complete when the whole sequence matched exactly
    `prefix` (the next item continues it), else a prefix of the match (capped at n characters)."""
    acc = {("", True)}
    for op, av in items:
        if not any(complete for _, complete in acc):
            break
        options = _item(op, av, n)
        grown = set()
        for s, complete in acc:
            if not complete:
                grown.add((s, False))
                continue
            for t, whole in options:
                u = s + t
                grown.add((u[:n], whole and len(u) < n))
        if len(grown) > _MAX_PREFIXES:
            return set(_ANY)
        acc = grown
    return acc


def _item(op, av, n: int) -> set[tuple[str, bool]]:
    c = _constants
    if op is c.LITERAL:
        return {(chr(av), True)}
    if op is c.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is c.LITERAL:
                chars.add(chr(a))
            elif o is c.RANGE and a[1] - a[0] < 64:
                chars.update(map(chr, range(a[0], a[1] + 1)))
            else:  # a negated set, a category (\\w, \\s) or a wide range
                return set(_ANY)
        return {(ch, True) for ch in chars}
    if op is c.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return _sequence(list(sub), n) if not add_flags and not del_flags else set(_ANY)
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av), n)
    if op is c.BRANCH:
        return set().union(*(_sequence(list(b), n) for b in av[1]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        once = _sequence(list(sub), n)
        if not (lo == hi == 1 or (lo == 0 and hi == 1)):
            once = {(s, False) for s, _ in once}  # more repetitions may follow the first one
        return once | {("", True)} if lo == 0 else once
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {("", True)}
    return set(_ANY)


# punctuation -> ' ' (same length), so that ' word ' matches whole words only; str.replace is far faster than
# a regex or str.translate over Vietnamese text. Other rare symbols simply do not count as word boundaries.
_PUNCT = "\n\t\r,.;:!?()[]{}\"'“”‘’–—-/…«»*+=|<>&%#@~^`\u00a0"
_last: list = [None, None]


def _padded(text: str) -> str:
    """' ' + lower-cased text with punctuation blanked + ' ' (memoised for the last text: the three rule
    families of one article share it)."""
    if _last[0] is text:
        return _last[1]
    low = text.lower()
    if len(low) != len(text):  # a rare character whose lower case changes length: keep it as it is
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for ch in _PUNCT:
        if ch in low:
            low = low.replace(ch, " ")
    padded = " " + low + " "
    _last[0], _last[1] = text, padded
    return padded


class Anchors:
    """One automaton over the first words of every pattern of every family."""

    def __init__(self, families: dict[str, list[str]], _table: dict[str, set[str]] | None = None):
        table: dict[str, set[str]] = {} if _table is None else _table
        for family, patterns in families.items():
            for p in patterns:
                for w in first_words(p):
                    table.setdefault(w, set()).add(family)
        self.table = table
        # words with the same set of families share one bucket, numbered here: the automaton gives each hit's
        # bucket, so a hit costs one list append instead of a loop over its families
        combos = sorted({tuple(sorted(fams)) for fams in table.values()})
        bucket_of = {c: i for i, c in enumerate(combos)}
        self.automaton = ahocorasick.Automaton()
        for w, fams in table.items():
            # value: (back, bucket); a hit ends on the pad after the word at `end` in the padded text, so the word
            # starts at end - back in the text itself
            self.automaton.add_word(f" {w} ", (len(w) + 1, bucket_of[tuple(sorted(fams))]))
        self.automaton.make_automaton()
        self.families = tuple(families) if _table is None else tuple(sorted({f for fs in table.values() for f in fs}))
        self._n_buckets = len(combos)
        self._family_buckets = tuple((f, tuple(i for i, c in enumerate(combos) if f in c)) for f in self.families)
        self._last: tuple = (None, None)

    @classmethod
    def union(cls, *parts: "Anchors") -> "Anchors":
        """One automaton for the families of several Anchors (family names must differ): one pass over a text
        gives the candidates of every rule family at once."""
        table: dict[str, set[str]] = {}
        for part in parts:
            for w, fams in part.table.items():
                table.setdefault(w, set()).update(fams)
        return cls({}, table)

    def positions_once(self, text: str) -> dict[str, list[int]]:
        """positions(text), memoised for the last text object only (the extractors of one article share one pass;
        the dict and its lists must not be modified)."""
        if self._last[0] is text:
            return self._last[1]
        out = self.positions(text)
        self._last = (text, out)
        return out

    def positions_within(self, text: str, spans: list[tuple[int, int]], family: str) -> list[int]:
        """positions(text)[family], only the offsets inside the (start, end) spans: the automaton reads just those
        stretches of the same padded text (each extended by the longest word, so a word starting inside a span is
        read whole), not the whole text."""
        if not spans:
            return []
        padded = _padded(text)
        reach = max(map(len, self.table), default=0) + 2
        ids = set(dict(self._family_buckets)[family])
        found = set()
        for start, end in spans:
            # padded[p] is the blank before the word at text offset p (one pad in front)
            for last, (back, bucket) in self.automaton.iter(padded, start, min(len(padded), end + reach)):
                p = last - back
                if start <= p < end and bucket in ids:
                    found.add(p)
        return sorted(found)

    def positions(self, text: str) -> dict[str, list[int]]:
        """Start offsets (in `text`) of whole words that may start a match, per family, sorted."""
        padded = _padded(text)
        buckets: list[list[int]] = [[] for _ in range(self._n_buckets)]
        for end, (back, bucket) in self.automaton.iter(padded):
            buckets[bucket].append(end - back)
        out: dict[str, list[int]] = {}
        for f, ids in self._family_buckets:
            if len(ids) == 1:  # the usual case: the family's words belong to no other family
                out[f] = sorted(set(buckets[ids[0]]))
            else:
                out[f] = sorted({start for i in ids for start in buckets[i]})
        return out


_CORE: list = [(), None]  # [the three extractors' Anchors the union was built from, their union]
_EXTRACTORS: list = []  # the modules analysis.units, people, events (imported on first use: they import this one)


def core_positions(text: str) -> dict[str, list[int]]:
    """Candidate offsets of the unit, person and event rule families of analysis.units / people / events in one
    pass over `text` (memoised for the last text object, so the three extractors of one article share it)."""
    if not _EXTRACTORS:
        from analysis import events, people, units

        _EXTRACTORS.extend((units, people, events))
    units, people, events = _EXTRACTORS
    parts = (units._rx().anchors, people._rx().anchors, events._anchors())
    built = _CORE[0]
    if not built or built[0] is not parts[0] or built[1] is not parts[1] or built[2] is not parts[2]:
        _CORE[0], _CORE[1] = parts, Anchors.union(*parts)  # rule data reloaded (tests): rebuild
    return _CORE[1].positions_once(text)
