"""Sentences grouped by article, as plain lists, for extractors that scan an article in one pass, and
helpers of such a scan: where the runs of digits begin, a pattern's matches tried only at given offsets,
and a list of words written as a regular expression that the engine tries fast."""
from __future__ import annotations

import re
from itertools import accumulate
from typing import Iterator

import numpy as np
import pandas as pd

SEP = "\x00"  # joins an article's sentences: neither a word character nor white space, so no pattern crosses it


def by_article(sentences: pd.DataFrame) -> Iterator[tuple[str, tuple[list[int], list[int], list[str]]]]:
    """(article_id, (sentence_ids, starts, texts)) for each article, sentences in order.

    The loader already gives sentences grouped by article and in order; only when they are not
    is the table sorted (pandas' sort on string ids is the slow part, so it is skipped when it can be).
    """
    keys = [str(a) for a in sentences["article_id"].tolist()]
    sid_array = sentences["sentence_id"].to_numpy(dtype="int64")
    sids = sid_array.tolist()
    starts = sentences["start"].astype("int64").tolist()
    texts = [t if isinstance(t, str) else "" for t in sentences["text"].tolist()]
    n = len(keys)
    if not n:
        return
    # Where each run of one article's rows begins; the table is in order when no article has two
    # runs and the sentence ids rise within each run (compared as numpy arrays: one pass in C each).
    key_array = np.array(keys, dtype=object)
    changes = key_array[1:] != key_array[:-1]  # changes[i - 1]: row i starts a run
    cuts = [0, *(np.flatnonzero(changes) + 1).tolist()]
    ordered = len({keys[i] for i in cuts}) == len(cuts) and bool(((sid_array[1:] > sid_array[:-1]) | changes).all())
    if not ordered:
        order = sorted(range(n), key=lambda x: (keys[x], sids[x]))
        keys, sids = [keys[x] for x in order], [sids[x] for x in order]
        starts, texts = [starts[x] for x in order], [texts[x] for x in order]
        cuts = [0] + [i for i in range(1, n) if keys[i] != keys[i - 1]]
    cuts.append(n)
    for i, j in zip(cuts, cuts[1:]):
        yield keys[i], (sids[i:j], starts[i:j], texts[i:j])


def sentence_starts(texts: list[str]) -> list[int]:
    """Where each of `texts` begins in SEP.join(texts), then where a next one would begin (for bisect)."""
    return list(accumulate(map((1).__add__, map(len, texts)), initial=0))  # (one pass in C)


def digit_runs(text: str) -> list[int]:
    """Offsets where a run of ASCII digits begins in `text`, in order.

    (One str.find per digit and occurrence: looking for one character is several times faster than a
    regular expression testing every character against [0-9].)
    """
    found = []
    for digit in "0123456789":
        i = text.find(digit)
        while i >= 0:
            found.append(i)
            i = text.find(digit, i + 1)
    found.sort()
    return [p for k, p in enumerate(found) if not k or found[k - 1] != p - 1]


def finditer_at(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """The matches of pattern.finditer(text), tried only at `starts` (in order; they must include every
    offset where a match can begin, and the pattern must not match the empty string)."""
    end = 0
    for pos in starts:
        if pos >= end:
            m = pattern.match(text, pos)
            if m:
                end = m.end()
                yield m


def alternation(words) -> str:
    """A regular expression for any of `words`, the longest first, written as a trie: "t(?:r(?:iệu|ăm)|ỷ)"
    for "triệu", "trăm", "tỷ".

    The regex engine then tests a few first letters instead of every word in turn, and the matches are
    those of the plain alternation sorted longest first: the words that match at a position are prefixes
    of one another, and the trie tries the longer ones first too (a word's continuations before the word
    itself), also when the rest of the pattern fails and the engine backtracks. Only for patterns matched
    case-sensitively (under IGNORECASE two different letters may both match).
    """
    tree: dict = {}
    for word in set(words):
        node = tree
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: dict) -> str:
    """The alternation of the words below a node of alternation's trie."""
    alternatives = []
    for c in sorted(k for k in node if k):
        text, child = re.escape(c), node[c]
        while len(child) == 1 and "" not in child:  # a run of single letters: one literal
            (letter, child), = child.items()
            text += re.escape(letter)
        alternatives.append(text + _branches(child))
    if not alternatives:
        return ""
    if "" in node:  # the word ending here comes after its continuations
        return "(?:" + "|".join(alternatives) + ")?"
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
