from __future__ import annotations

import gzip
import zlib

import brotli
import pytest

from archive.decoding import ContentDecodingError, browser_codec, decode_html, undo_content_coding

KOREAN = "<p>똠방각하 국민의 기록은 국민의 것입니다. 긴급전화 녹음 삭제에 관한 성명.</p>" * 3


def test_bom_wins_over_a_wrong_header() -> None:
    text, report = decode_html("\ufeffÉté".encode("utf-8"), "text/html; charset=iso-8859-1")
    assert text == "Été" and report.used == "utf-8"


def test_valid_header_charset_is_used() -> None:
    text, report = decode_html("<p>Grüße</p>".encode("cp1252"), "text/html; charset=windows-1252")
    assert text == "<p>Grüße</p>" and report.used == "cp1252" and report.header == "windows-1252"


def test_euc_kr_label_decodes_as_cp949() -> None:
    body = ("<meta charset=euc-kr>" + KOREAN).encode("cp949")  # 똠 exists only in CP949
    text, report = decode_html(body, "text/html; charset=EUC-KR")
    assert "똠방각하" in text and report.used == "cp949" and report.errors == 0


def test_provably_wrong_header_falls_through_to_meta() -> None:
    body = ('<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">' + KOREAN).encode("cp949")
    text, report = decode_html(body, "text/html; charset=utf-8")
    assert "긴급전화" in text
    assert (report.header, report.meta, report.used) == ("utf-8", "euc-kr", "cp949")


def test_unlabelled_shift_jis_is_detected() -> None:
    body = (
        "<p>" + "緊急通報の録音記録は市民のものです。オンブズマンは削除の再発防止を求めた。" * 4 + "</p>"
    ).encode("shift_jis")
    text, report = decode_html(body, "text/html")
    assert "緊急通報" in text and report.detected is not None and report.used in ("cp932", "shift_jis")


def test_invalid_bytes_are_counted_and_replaced() -> None:
    text, report = decode_html(b"<p>ok \xff\xfe then more text</p>", "text/html; charset=utf-8")
    assert report.used == "utf-8" and report.errors == 2 and "\ufffd\ufffd" in text


def test_nul_bytes_do_not_survive() -> None:
    text, _ = decode_html(b"<p>a\x00b</p>", "text/html; charset=utf-8")
    assert "\x00" not in text


@pytest.mark.parametrize(
    ("coding", "encode"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("br", brotli.compress)],
)
def test_content_codings_are_undone(coding: str, encode) -> None:  # type: ignore[no-untyped-def]
    assert undo_content_coding(encode(b"<p>statement</p>"), coding) == b"<p>statement</p>"


@pytest.mark.parametrize(
    ("coding", "encode"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("br", brotli.compress)],
)
def test_decompression_is_capped(coding: str, encode) -> None:  # type: ignore[no-untyped-def]
    bomb = encode(b"\0" * 5_000_000)
    with pytest.raises(ContentDecodingError):
        undo_content_coding(bomb, coding, max_size=1_000_000)


def test_browser_label_mapping() -> None:
    assert browser_codec("euc-kr") == "cp949"
    assert browser_codec("ISO-8859-1") == "cp1252"
    assert browser_codec("no-such-charset") is None


def test_each_undecodable_byte_becomes_one_replacement_character_and_is_counted() -> None:
    """A UTF-8 page with a stray cp1252 byte in a quote and a NUL: every bad byte is counted once.

    The counting runs as one regex pass; the text must be what a per-byte
    replacement gives, the neighbours (including real U+FFFD in the page) intact.
    """
    body = "<p>Déclaration \ufffd du ministre</p>".encode() + b"<p>\x93cit\xe9\x94</p>\x00"
    text, report = decode_html(body, "text/html; charset=utf-8")
    assert report.used == "utf-8"
    assert report.errors == 3  # \x93, \xe9, \x94; the NUL is replaced but is valid UTF-8
    assert text == "<p>Déclaration \ufffd du ministre</p><p>\ufffdcit\ufffd\ufffd</p>\ufffd"
