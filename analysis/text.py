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
