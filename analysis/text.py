"""Unicode helpers shared by the loader and the extractors: NFC, one tone-mark convention, keys and slugs."""
from __future__ import annotations

import re
import unicodedata

# Old-style tone placement ("hoà", "Thanh Hoá", "Uỷ", "thuỷ") -> the modern one the gold and most
# sites use ("hòa", "Thanh Hóa", "Ủy", "thủy"): in an open syllable oa/oe/uy carry the tone on the first vowel.
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}  # grave, acute, hook, tilde, dot below
_OLD_STYLE = re.compile(r"(?<![qQ\w])(\w*?)([oOuU])([aAeEyY])([\u0300\u0301\u0309\u0303\u0323])(?!\w)")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _move_tone(match: re.Match) -> str:
    head, first, second, tone = match.groups()
    pair = (first.lower(), second.lower())
    if pair not in {("o", "a"), ("o", "e"), ("u", "y")}:
        return match.group(0)
    if pair == ("u", "y") and head[-1:].lower() == "q":  # "quý" is already right
        return match.group(0)
    return head + first + tone + second


def normalise_tone_marks(text: str) -> str:
    """Put tone marks in the modern position: 'hoà' -> 'hòa', 'Thanh Hoá' -> 'Thanh Hóa', 'Uỷ' -> 'Ủy'.

    Syllables closed by a consonant ('hoàn', 'huỳnh') and 'quý' are left alone. Returns NFC text
    of the same length as the NFC input, so offsets are stable across this step.
    """
    decomposed = unicodedata.normalize("NFD", text)
    # Keep the circumflex/breve/horn on their vowel: only tone marks move, and only over plain o/u + a/e/y.
    fixed = _OLD_STYLE.sub(_move_tone, decomposed)
    return unicodedata.normalize("NFC", fixed)


def strip_marks(text: str) -> str:
    """Diacritics removed, for matching keys only (never for what users see)."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in text if unicodedata.category(c) != "Mn"))


def fold(text: str) -> str:
    """Case- and mark-insensitive key: 'Sê Kông' and 'Se Kong' fold alike."""
    return re.sub(r"\s+", " ", strip_marks(text).casefold()).strip()


def slugify(text: str) -> str:
    """Stable ASCII id: 'Công an tỉnh Thừa Thiên Huế' -> 'cong-an-tinh-thua-thien-hue'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


# --- tidying raw article text (used by the loader; every step keeps the text NFC) -------------------

_ZERO_WIDTH = re.compile("[\u200b\u200d\u2060\ufeff\u00ad]")            # zero-width space/joiner, BOM, soft hyphen
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")  # every horizontal space, nbsp included
# The same, but only what needs changing (runs of 2+, or any space that is not U+0020): fast on long texts.
_SPACES_TO_FIX = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")           # C0/C1 controls except \t \n \r
_LINE_EDGES = re.compile(r" +\n *|\n +")
_ODD_QUOTES = re.compile("[„‟«»″‚‛]")
_QUOTES = {"„": "“", "‟": "”", "«": "“", "»": "”", "″": "”", "‚": "‘", "‛": "‘"}
# Where a tone mark may sit in the old position (oà, oé, uỷ at a word end): only the words around these
# go through normalise_tone_marks, which is much faster than decomposing a whole long text.
_OLD_TONE_SPOT = re.compile("[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?!\\w)")


def _normalise_tone_spots(text: str) -> str:
    """normalise_tone_marks applied only to the words that may need it (same result, much faster)."""
    pieces, done = [], 0
    for m in _OLD_TONE_SPOT.finditer(text):
        start = m.start()
        if start < done:
            continue
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_" or unicodedata.category(text[start - 1]) == "Mn"):
            start -= 1
        pieces.append(text[done:start])
        pieces.append(normalise_tone_marks(text[start:m.end()]))
        done = m.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def normalise_newlines(text: str) -> str:
    """CRLF, lone CR, vertical tab, form feed, line/paragraph separators -> \\n."""
    return re.sub("\r\n?|[\x0b\x0c\u2028\u2029\x85]", "\n", text)


def tidy_line(line: str) -> str:
    """One line: no zero-width characters or controls, every run of spaces (nbsp too) -> one space, stripped."""
    return _SPACES.sub(" ", _CONTROLS.sub("", _ZERO_WIDTH.sub("", line))).strip()


def _pair_straight_quotes(line: str) -> str:
    if line.count('"') % 2:
        return line
    parts = line.split('"')
    return parts[0] + "".join(("“" if i % 2 else "”") + part for i, part in enumerate(parts[1:], start=1))


def normalise_quotes(line: str) -> str:
    """Quote convention: typographic double quotes “ ” are kept; „ ‟ « » ″ become “ ”, and straight double
    quotes become “ ” when they pair up on the line (an odd one out is left straight). ‚ ‛ -> ‘."""
    line = _ODD_QUOTES.sub(lambda m: _QUOTES[m.group()], line)
    return _pair_straight_quotes(line) if '"' in line else line


def normalise_text(text: str) -> str:
    """Raw decoded article text -> the normalised text the loader works on.

    NFC, modern tone-mark placement, newlines unified, spaces tidied (nbsp -> space, no runs, no spaces
    at line ends), zero-width and control characters removed, quotes made consistent (normalise_quotes);
    the line structure is kept (blank lines too) for the layout parser. Same result as applying
    tidy_line and normalise_quotes to every line of normalise_tone_marks(text), but fast on long texts.
    """
    text = unicodedata.normalize("NFC", normalise_newlines(text))
    text = _normalise_tone_spots(text)
    text = _SPACES_TO_FIX.sub(" ", _CONTROLS.sub("", _ZERO_WIDTH.sub("", text)))
    text = _LINE_EDGES.sub("\n", text).strip(" ")
    text = _ODD_QUOTES.sub(lambda m: _QUOTES[m.group()], text)
    if '"' in text:
        text = "\n".join(_pair_straight_quotes(line) if '"' in line else line for line in text.split("\n"))
    return text
