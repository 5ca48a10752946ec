"""Bytes -> text for article files: BOMs, UTF-8, UTF-16/32, legacy Vietnamese code pages, mojibake, binary.

decode(data) returns a Decoded(text, encoding) or raises DecodeProblem with a reason a user can act on.
Order of the checks:
1. empty / whitespace-only is reported by the caller (the bytes decode fine);
2. a byte-order mark decides UTF-8 / UTF-16 / UTF-32;
3. a known binary signature (PDF, images, archives, Office files, executables) -> not an article;
4. NUL bytes: UTF-16 without a BOM if the NULs sit on every other byte, else binary;
5. strict UTF-8; then mojibake repair (UTF-8 that was read as cp1252/latin-1 and saved again) with ftfy;
   UTF-8 with a few damaged bytes (at most 3, or 0.1% of the text) is accepted with them replaced by U+FFFD;
6. Windows-1258 (legacy Vietnamese, tone marks as combining characters: NFC afterwards), when the
   result reads as Vietnamese; then charset-normalizer's best guess; else undecodable.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import ftfy

# (signature, description) at offset 0.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"BM", "BMP image"),
    (b"PK\x03\x04", "ZIP container (.zip/.docx/.xlsx/.epub)"),
    (b"PK\x05\x06", "ZIP container (empty)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document (.doc/.xls)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"{\\rtf", "RTF document"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Typical mojibake of Vietnamese UTF-8 read as cp1252/latin-1: 'á»', 'áº', 'Ã´', 'Ä‘', 'Æ°', 'â€œ'.
_MOJIBAKE = re.compile("[ÃÄÆá][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€")
_VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")
# Letters only Vietnamese uses, after NFC: a text in Windows-1258 decodes to many of these.
_VIET_NFC = re.compile("[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơư]", re.IGNORECASE)


MAX_DAMAGED_BYTES = 3          # invalid bytes tolerated in an otherwise UTF-8 file ...
MAX_DAMAGED_SHARE = 0.001      # ... or this share of its characters, whichever is larger


class DecodeProblem(ValueError):
    """The bytes are not an article text; str(self) says why and what to do."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str   # what was detected, e.g. 'utf-8', 'utf-8-sig', 'utf-16-le', 'cp1258', 'utf-8 (mojibake repaired)'


def binary_signature(data: bytes) -> str | None:
    """The kind of binary file the bytes start with ('PDF', 'PNG image' ...), or None."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            if len(signature) < 3 and b"\x00" not in data[:64]:
                continue  # 'BM'/'MZ' without NUL bytes after them is text ('BMW và ...')
            return kind
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NUL bytes sit on one parity (ASCII-heavy UTF-16 text), else None."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def repair_mojibake(text: str) -> tuple[str, bool]:
    """(text, repaired?): UTF-8 text that was decoded as cp1252/latin-1 and saved again, fixed with ftfy.

    Only called into ftfy when the typical byte pairs are present, so clean text costs one regex search.
    """
    if not _MOJIBAKE.search(text):
        return text, False
    fixed = ftfy.fix_encoding(text)
    return fixed, fixed != text


def _looks_vietnamese(text: str) -> bool:
    letters = sum(ch.isalpha() for ch in text[:20000])
    return letters > 0 and len(_VIET_NFC.findall(text[:20000])) / letters > 0.02


_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")  # controls, private use, replacement char


def _control_ratio(text: str) -> float:
    """Share of control / private-use / replacement characters in the first 20,000 characters."""
    sample = text[:20000]
    return len(_CONTROL_CHARS.findall(sample)) / len(sample) if sample else 0.0


def decode(data: bytes) -> Decoded:
    """Decode the bytes of an article file; raises DecodeProblem (with what to do) when they are not text."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise DecodeProblem(f"starts with a {name} byte-order mark but byte {exc.start + len(bom)} is not valid {name}: "
                                    f"the file is damaged; save it again as UTF-8") from exc
            text, repaired = repair_mojibake(text)
            return Decoded(text, name + (" (mojibake repaired)" if repaired else ""))
    kind = binary_signature(data)
    if kind:
        raise DecodeProblem(f"binary file ({kind} signature): not an article; remove it or convert it to text")
    if b"\x00" in data:
        name = _utf16_without_bom(data)
        if name:
            try:
                return Decoded(data.decode(name), name + " (no BOM)")
            except UnicodeDecodeError:
                pass  # falls through to the binary verdict below
        raise DecodeProblem(f"binary file ({data.count(0)} NUL bytes): not an article; remove it or convert it to text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        text, repaired = repair_mojibake(text)
        if _control_ratio(text) > 0.1:
            raise DecodeProblem("binary file (mostly control characters): not an article; remove it or convert it to text")
        return Decoded(text, "utf-8 (mojibake repaired)" if repaired else "utf-8")
    # Almost UTF-8: a few damaged bytes in a UTF-8 file (scraped or truncated) are replaced, and said so.
    lenient = data.decode("utf-8", errors="replace")
    damaged = lenient.count("\ufffd")
    if damaged <= max(MAX_DAMAGED_BYTES, len(lenient) * MAX_DAMAGED_SHARE) and _looks_vietnamese(lenient):
        text, repaired = repair_mojibake(lenient)
        return Decoded(text, f"utf-8 ({damaged} damaged bytes replaced by U+FFFD)" + (" (mojibake repaired)" if repaired else ""))
    # Not UTF-8: legacy code pages.
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_vietnamese(text) and _control_ratio(text) < 0.01:
        return Decoded(text, "cp1258")
    from charset_normalizer import from_bytes  # imported late: only legacy files need it

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            guess = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            guess = None
        if guess is not None and _control_ratio(guess) < 0.01:
            return Decoded(unicodedata.normalize("NFC", guess), best.encoding)
    raise DecodeProblem(f"undecodable bytes: byte {utf8_error.start} (0x{data[utf8_error.start]:02x}) is not UTF-8 and the file "
                        f"is neither Windows-1258 nor another known encoding; open it in an editor and save it as UTF-8")


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def encode_cp1258(text: str) -> bytes:
    """Text -> Windows-1258 bytes the way legacy Vietnamese software wrote them: letters with a vowel
    mark precomposed where the code page has them (â, ê, ô, ơ, ư, ă, đ), tone marks as combining
    characters. Used to build test files; raises UnicodeEncodeError for characters cp1258 lacks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in _TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)
