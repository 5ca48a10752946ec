"""The helpers written for speed in grouping, references and quantities match what they replace."""
from __future__ import annotations

import random
import re

from analysis.grouping import alternation
from analysis.references import _find_any, rules as reference_rules


def _plain(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def test_alternation_is_a_trie_matching_as_the_longest_first_alternation():
    words = ["triệu", "trăm", "tỷ", "nghìn", "nghìn tỷ", "cán bộ", "cán bộ, chiến sĩ", "cán", "%", "a.b"]
    trie = alternation(words)
    assert trie.count("|") < len(words) - 1  # shared beginnings are written once
    # the rest of the pattern may fail after the longest word: the engine must then try the shorter ones
    for tail in ("", r"(?!\w)", r"\s+x", r",\s"):
        plain, fast = re.compile(f"(?:{_plain(words)}){tail}"), re.compile(f"(?:{trie}){tail}")
        for text in ("nghìn tỷ x", "nghìn tỷx", "cán bộ, chiến sĩ, ", "cán bộ, chiến sĩx", "cán x", "trăm", "tr", "a.b",
                     "axb", "% x", "tỷ, "):
            m, n = plain.match(text), fast.match(text)
            assert (m and m.group()) == (n and n.group()), (tail, text)


def test_alternation_on_random_words():
    rng = random.Random(7)
    for _ in range(200):
        words = ["".join(rng.choice("abá ") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 8))]
        plain, fast = re.compile(f"(?:{_plain(words)})(?!b)"), re.compile(f"(?:{alternation(words)})(?!b)")
        for _ in range(20):
            text = "".join(rng.choice("abá ") for _ in range(6))
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)], (words, text)


def test_alternation_edge_cases():
    assert alternation(["abc"]) == "abc"
    assert re.fullmatch(alternation(["ab", "abc"]), "ab") and re.fullmatch(alternation(["ab", "abc"]), "abc")


def test_find_any_finds_every_spelling_also_through_a_letter_with_a_diacritic():
    for spellings in (reference_rules()["law_triggers"], reference_rules()["programmes"][0]["triggers"]):
        for text in ("Luật Căn cước và luật đất đai, LUẬT Thủ đô; pháp luật", "Đề án 06, đề án, ĐỀ ÁN 06 và Đề Án", "ật uật luật",
                     "luật luật", "", "ề án đề án"):
            expected = sorted({i for s in spellings for i in range(len(text)) if text.startswith(s, i)})
            assert _find_any(text, spellings) == expected, (spellings, text)


def test_number_scan_takes_bare_numbers_only_after_a_kind_word():
    scan = reference_rules()["number_scan"]
    def found(text):
        m = scan.match(text, next(i for i, c in enumerate(text) if c.isdigit()))
        return m and (m.group(), m.lastgroup == "code")
    assert found("Quy chế phối hợp số 303 ") == ("303", False)
    assert found("NGHỊ QUYẾT  12,") == ("12", False)  # any case; two separators: left to _kind_before
    assert found("số: 7.") == ("7", False)
    assert found("ngày 16 tháng 3") is None and found("năm 2024 ") is None and found("hơn 200 cán bộ") is None
    assert found("ngày 16/3/2022") is None
    assert found("theo 12-NQ/TW") == ("12-NQ/TW", True) and found("Nghị quyết số 13/2023/NĐ-CP") == ("13/2023/NĐ-CP", True)


def test_sentence_starts():
    from analysis.grouping import SEP, sentence_starts
    texts = ["ab", "", "cde"]
    joined = SEP.join(texts)
    assert sentence_starts(texts) == [0, 3, 4, 8]
    assert [joined[s:s + len(t)] for s, t in zip(sentence_starts(texts), texts)] == texts
    assert sentence_starts([]) == [0]


def test_reversed_tail_is_the_leftmost_tail():
    from analysis.references import _TAIL_REVERSED
    tail = re.compile(r"\s+(?:số(?:\s*:)?\s*|số hiệu\s+)?$")  # what it replaces
    rng = random.Random(3)
    pieces = ["s", "ố", " ", ":", "h", "iệu", "x", "\t", "\xa0", "số", "số hiệu", " số ", "\n", "quyết"]
    for _ in range(20000):
        window = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        m, n = tail.search(window), _TAIL_REVERSED.match(window[::-1])
        assert (m and (m.start(), "số" in m.group())) == (n and (len(window) - n.end(), "ốs" in n.group())), repr(window)
