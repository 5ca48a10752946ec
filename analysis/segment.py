"""Sentence splitting with character offsets, one block (paragraph, headline, caption) at a time.

underthesea's sent_tokenize does the splitting; its known failures are repaired afterwards:
- a cut after an abbreviation of data/abbreviations.yaml ('TP.', 'TS.', 'v.v.') or a lone initial ('Nguyễn V.');
- a cut inside a number or a date ('Ngày 9.8', '12.9.2022');
- a piece that starts with a closing quote or bracket ('“Câu này.' + '” Ông nói.'): the closing mark goes
  back to the sentence it closes;
- a piece that starts with a lower-case letter or a punctuation mark: it continues the previous sentence;
- a quotation cut inside and followed by its attribution ('“A. B”, ông nói.') is one sentence;
- a block with no sentence end before its last character is one sentence (the tokenizer is not called).
Offsets are always recomputed against the block, so block[start:end] is exactly the sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from underthesea import sent_tokenize

from analysis import ruledata

_CLOSERS = "”’\")]»"
_STARTS_LOWER = re.compile(rf"^[{ruledata.LOWER}]")
_STARTS_PUNCT = re.compile(r"^[,;:%)\]}…]")
_INITIAL = re.compile(rf"(?:^|\s)[{ruledata.UPPER}]\.$")
_ENDS_NUMBER_DOT = re.compile(r"\d[.,]$")
_STARTS_DIGIT = re.compile(r"^\d")
_ATTRIBUTION = re.compile(rf"”\s*(?:,|[{ruledata.LOWER}])")


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[str, ...]:
    return tuple(token for token, _ in ruledata.tokens("abbreviations.yaml", "abbreviations"))


def _ends_with_abbreviation(piece: str) -> bool:
    for token in _abbreviations():
        if piece.endswith(token) and (len(piece) == len(token) or not piece[-len(token) - 1].isalnum()):
            return True
    return bool(_INITIAL.search(piece))


def _locate(block: str, pieces: list[str]) -> list[list[int]]:
    """[start, end] of each tokenizer piece in block, searching forward; pieces that cannot be found
    (the tokenizer changed them) are skipped, their text stays with the neighbouring spans."""
    spans, cursor = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = block.find(piece, cursor)
        if at < 0:
            continue
        spans.append([at, at + len(piece)])
        cursor = at + len(piece)
    return spans


MAX_QUOTE_PIECES = 6   # a quotation cut into more pieces than this is left as cut


def _merge_open_quotes(block: str, spans: list[list[int]]) -> list[list[int]]:
    """A quotation cut inside ('“A. B”, ông nói.') becomes one sentence when it closes within a few pieces
    and the sentence goes on after the closing quote (a comma or a lower-case word: the attribution)."""
    out: list[list[int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        closing = _closing_piece(block, spans, i)
        if closing is not None:
            end, i = spans[closing][1], closing
        out.append([start, end])
        i += 1
    return out


def _closing_piece(block: str, spans: list[list[int]], i: int) -> int | None:
    """Index of the piece that closes the quotation opened in piece i, when an attribution follows it."""
    piece = block[spans[i][0]:spans[i][1]]
    balance = piece.count("“") - piece.count("”")
    if balance <= 0:
        return None
    for j in range(i + 1, min(len(spans), i + MAX_QUOTE_PIECES)):
        nxt = block[spans[j][0]:spans[j][1]]
        balance += nxt.count("“") - nxt.count("”")
        if balance <= 0:
            return j if _ATTRIBUTION.search(nxt) else None
    return None


def split_spans(block: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of one block, in order; the spans cover all non-space text of the
    block, and block[start:end] has no leading or trailing space."""
    if not block.strip():
        return []
    last = len(block.rstrip()) - 1
    if not any(block.find(stop, 0, last) >= 0 for stop in ".!?…"):
        # No sentence end before the last character: one sentence, no need to call the tokenizer.
        start = len(block) - len(block.lstrip())
        return [(start, len(block.rstrip()))]
    spans = _locate(block, sent_tokenize(block))
    if not spans:
        spans = [[0, len(block)]]
    # Cover the whole block: the first span starts at the first character, each span runs to the next.
    spans[0][0] = 0
    for prev, nxt in zip(spans, spans[1:]):
        prev[1] = nxt[0]
    spans[-1][1] = len(block)
    merged: list[list[int]] = []
    for span in spans:
        if merged:
            prev_text = block[merged[-1][0]:merged[-1][1]].rstrip()
            text = block[span[0]:span[1]].lstrip()
            if text and text[0] in _CLOSERS:
                # Move the closing marks (and any punctuation glued to them) back to the previous sentence.
                m = re.match(rf"[{re.escape(_CLOSERS)}.,;:!?…]+", text)
                cut = span[0] + (len(block[span[0]:span[1]]) - len(text)) + m.end()
                merged[-1][1] = cut
                span = [cut, span[1]]
                text = block[span[0]:span[1]].lstrip()
                if not text:
                    continue
                if _STARTS_LOWER.match(text) or _STARTS_PUNCT.match(text):
                    merged[-1][1] = span[1]
                    continue
            elif (_ends_with_abbreviation(prev_text) or _STARTS_LOWER.match(text) or _STARTS_PUNCT.match(text)
                  or (_ENDS_NUMBER_DOT.search(prev_text) and _STARTS_DIGIT.match(text))):
                merged[-1][1] = span[1]
                continue
        merged.append(list(span))
    merged = _merge_open_quotes(block, merged)
    out = []
    for start, end in merged:
        piece = block[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if end - trail > start + lead:
            out.append((start + lead, end - trail))
    return out


def split_sentences(block: str) -> list[str]:
    """The sentences of one block, as text."""
    return [block[s:e] for s, e in split_spans(block)]
