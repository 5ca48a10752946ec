"""Sentences grouped by article, as plain lists, for extractors that scan an article in one pass."""
from __future__ import annotations

from typing import Iterator

import pandas as pd

SEP = "\x00"  # joins an article's sentences: neither a word character nor white space, so no pattern crosses it


def by_article(sentences: pd.DataFrame) -> Iterator[tuple[str, tuple[list[int], list[int], list[str]]]]:
    """(article_id, (sentence_ids, starts, texts)) for each article, sentences in order.

    The loader already gives sentences grouped by article and in order; only when they are not
    is the table sorted (pandas' sort on string ids is the slow part, so it is skipped when it can be).
    """
    keys = [str(a) for a in sentences["article_id"].tolist()]
    sids = sentences["sentence_id"].astype("int64").tolist()
    starts = sentences["start"].astype("int64").tolist()
    texts = [t if isinstance(t, str) else "" for t in sentences["text"].tolist()]
    n = len(keys)
    if not n:
        return
    # Where each run of one article's rows begins; the table is in order when no article has two
    # runs and the sentence ids rise within each run (list comprehensions: one fast pass each).
    cuts = [0] + [i for i in range(1, n) if keys[i] != keys[i - 1]]
    ordered = len({keys[i] for i in cuts}) == len(cuts) and all(
        [sids[i] > sids[i - 1] for i in range(1, n) if keys[i] == keys[i - 1]])
    if not ordered:
        order = sorted(range(n), key=lambda x: (keys[x], sids[x]))
        keys, sids = [keys[x] for x in order], [sids[x] for x in order]
        starts, texts = [starts[x] for x in order], [texts[x] for x in order]
        cuts = [0] + [i for i in range(1, n) if keys[i] != keys[i - 1]]
    cuts.append(n)
    for i, j in zip(cuts, cuts[1:]):
        yield keys[i], (sids[i:j], starts[i:j], texts[i:j])
