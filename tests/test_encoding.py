"""Bytes -> text: BOMs, UTF-16, Windows-1258, mojibake, binary files, and the text normalisation after it."""
from __future__ import annotations

import codecs
import unicodedata

import pytest

from analysis.encoding import SIGNATURES, DecodeProblem, binary_signature, decode, encode_cp1258, repair_mojibake
from analysis.text import normalise_quotes, normalise_text

SAMPLE = ("Chiều 22-3, tại Công an tỉnh Thừa Thiên Huế diễn ra lễ ký kết chương trình phối hợp. Đại tá Nguyễn Thanh Tuấn, "
          "Giám đốc Công an tỉnh, và “Ủy ban nhân dân” đồng thời ký quy chế số 12-NQ/TW.")


@pytest.mark.parametrize("data, encoding", [
    (SAMPLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
    (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32-le"),
    (SAMPLE.encode("utf-16-le"), "utf-16-le (no BOM)"),
    (SAMPLE.encode("utf-16-be"), "utf-16-be (no BOM)"),
    (encode_cp1258(SAMPLE), "cp1258"),
    (SAMPLE.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8"), "utf-8 (mojibake repaired)"),
    (SAMPLE.encode("utf-8").decode("latin-1").encode("utf-8"), "utf-8 (mojibake repaired)"),
])
def test_decodes_to_the_same_text(data, encoding):
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert unicodedata.normalize("NFC", decoded.text) == SAMPLE


def test_cp1258_really_is_legacy_bytes():
    data = encode_cp1258(SAMPLE)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "\u0300" in data.decode("cp1258")   # combining tone marks: NFC needed afterwards


def test_clean_text_is_not_touched_by_the_mojibake_repair():
    assert repair_mojibake(SAMPLE) == (SAMPLE, False)
    assert repair_mojibake("Giá 100 € và “Ánh sáng” — Ãn tượng") [0].startswith("Giá 100 €")


@pytest.mark.parametrize("signature, kind", SIGNATURES)
def test_every_binary_signature_is_refused_with_a_reason(signature, kind):
    data = signature + b"\x00\x01\x02binary payload" * 10
    assert binary_signature(data) == kind
    with pytest.raises(DecodeProblem, match=r"binary file \(.*signature\): not an article; remove it or convert it to text"):
        decode(data)


def test_text_that_starts_like_a_signature_is_still_text():
    assert decode("MZ Thanh Hóa".encode("utf-8")).text == "MZ Thanh Hóa"
    assert decode("BMW và Công an".encode("utf-8")).text == "BMW và Công an"


def test_nul_bytes_and_controls_are_binary():
    with pytest.raises(DecodeProblem, match="NUL bytes"):
        decode(bytes(range(256)) * 4)
    with pytest.raises(DecodeProblem, match="control characters"):
        decode(bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x0e, 0x0f]) * 50)


def test_undecodable_bytes_say_to_save_as_utf8():
    with pytest.raises(DecodeProblem, match=r"undecodable bytes: byte 0 \(0x80\) is not UTF-8.*save it as UTF-8"):
        decode(bytes([0x80, 0x81, 0x8D, 0x8E, 0x8F, 0x90]) * 100)


def test_damaged_utf16_says_what_to_do():
    with pytest.raises(DecodeProblem, match="utf-16-le byte-order mark.*save it again as UTF-8"):
        decode(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8")


def test_normalise_text_conventions():
    raw = "Thanh Hoá\r\n  Uỷ ban\u00a0 nhân dân hoà  giải\rquý khoẻ\u200b \n\n\n«Giao ước» và \"thi đua\" \t"
    assert normalise_text(raw) == "Thanh Hóa\nỦy ban nhân dân hòa giải\nquý khỏe\n\n\n“Giao ước” và “thi đua”"
    nfd = unicodedata.normalize("NFD", "Công an tỉnh Thừa Thiên Huế")
    assert normalise_text(nfd) == "Công an tỉnh Thừa Thiên Huế"
    assert normalise_quotes('một " lẻ') == 'một " lẻ'           # an odd straight quote is left alone
    assert normalise_quotes("„a‟ ‚b‛") == "“a” ‘b‘"


def test_utf8_with_a_few_damaged_bytes_is_read_and_says_so():
    data = SAMPLE.encode("utf-8")
    damaged = data[:30] + b"\xff" + data[30:]
    decoded = decode(damaged)
    assert decoded.encoding == "utf-8 (1 damaged bytes replaced by U+FFFD)"
    assert decoded.text.replace("\ufffd", "") == SAMPLE
    # Many damaged bytes are not "a few": the file is then read as a legacy code page or refused.
    assert not decode(encode_cp1258(SAMPLE)).encoding.startswith("utf-8")
