"""Byte-exact records: what `CaptureRecords` builds, serialised by warcio's writer.

Done the way warcio tests its own writer (test/test_writer.py): record IDs and the clock are
pinned, whole records are compared byte for byte with records written out below, digests
included. Each expected record is also checked on its own terms (Content-Length is the block's
length, the block digest is the SHA-1 of the block, the payload digest that of the body), so the
literals are not merely a snapshot of whatever the code produced.

The captures stand for: a Korean news article served gzip-encoded with cookies, a raw UTF-8
`Location` and a latin-1 `Content-Disposition` filename (and a `Transfer-Encoding` a foreign
reader may have kept, which must not be written: the body is stored de-chunked); a POST to an
IPv6 host with a port whose server answered HTTP/1.0 with its own latin-1 reason phrase and cut
the body off; the conversion and metadata records derived from the article; a resource; warcinfo.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import zlib
from base64 import b32encode
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from archive.model import Capture, header_bytes, header_text
from archive.reader import ArchivedResponse, iter_responses
from archive.records import CaptureRecords, host_header, http_head

GZIP_BODY = bytes.fromhex(
    "1f8b0800000000000203b329b07bbd79cbebfe9637f326bc5edca3f06641cbeb353b6cf40becb80067bfb4921b000000"
)
"""`<p>보도자료 전문</p>\\n`, gzip-compressed once and kept literally (zlib builds differ)."""

ARTICLE_URL = "https://news.example.kr/news/articleView.html?idxno=7"

ARTICLE = Capture(
    url=ARTICLE_URL,
    fetched_at=datetime(2026, 11, 20, 9, 15, 42, 654321, tzinfo=UTC),
    status=200,
    response_headers=(
        ("Content-Length", "48"),
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Encoding", "gzip"),
        ("Set-Cookie", "a=1; Path=/"),
        ("Set-Cookie", "b=2; Path=/"),
        ("Location", header_text("/뉴스/기사".encode())),
        ("Content-Disposition", header_text(b'inline; filename="caf\xe9.html"')),
        ("Transfer-Encoding", "chunked"),
    ),
    body=GZIP_BODY,
    request_headers=(("User-Agent", "presswarc/test"), ("Accept-Encoding", "gzip, deflate")),
    ip_address="192.0.2.7",
)

SEARCH = Capture(
    url="http://[2001:db8::1]:8080/search?q=statement",
    fetched_at=datetime(2026, 11, 21, 0, 0, 1, tzinfo=UTC),
    status=404,
    reason=header_text(b"Non trouv\xe9"),
    protocol="HTTP/1.0",
    response_headers=(("Content-Type", "text/plain"),),
    body=b"gone",
    method="POST",
    request_headers=(("Content-Length", "11"), ("Content-Type", "application/x-www-form-urlencoded")),
    request_body=b"q=statement",
    truncated="disconnect",
)

ID = "<urn:uuid:00000000-0000-4000-8000-{:012d}>"

ARTICLE_REQUEST = (
    b"WARC/1.1\r\n"
    b"WARC-Type: request\r\n"
    b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000002>\r\n"
    b"WARC-Date: 2026-11-20T09:15:42.654321Z\r\n"
    b"WARC-Target-URI: https://news.example.kr/news/articleView.html?idxno=7\r\n"
    b"WARC-IP-Address: 192.0.2.7\r\n"
    b"WARC-Concurrent-To: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
    b"WARC-Payload-Digest: sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ\r\n"
    b"WARC-Block-Digest: sha1:AMOQES5ME3UTOMMUCOE74WD5CNETAKMF\r\n"
    b"Content-Type: application/http; msgtype=request\r\n"
    b"Content-Length: 130\r\n"
    b"\r\n"
    b"GET /news/articleView.html?idxno=7 HTTP/1.1\r\n"
    b"User-Agent: presswarc/test\r\n"
    b"Accept-Encoding: gzip, deflate\r\n"
    b"Host: news.example.kr\r\n"
    b"\r\n"
    b"\r\n\r\n"
)

ARTICLE_RESPONSE = (
    b"WARC/1.1\r\n"
    b"WARC-Type: response\r\n"
    b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
    b"WARC-Date: 2026-11-20T09:15:42.654321Z\r\n"
    b"WARC-Target-URI: https://news.example.kr/news/articleView.html?idxno=7\r\n"
    b"WARC-IP-Address: 192.0.2.7\r\n"
    b"WARC-Concurrent-To: <urn:uuid:00000000-0000-4000-8000-000000000002>\r\n"
    b"WARC-Payload-Digest: sha1:6E43HYH4BXX6TGZSMSUWR3UH3ZF75ZF2\r\n"
    b"WARC-Block-Digest: sha1:VFBGASWCEWUY6EQXTM3TXN3CVG43TN4W\r\n"
    b"Content-Type: application/http; msgtype=response\r\n"
    b"Content-Length: 278\r\n"
    b"\r\n"
    b"HTTP/1.1 200 OK\r\n"
    b"Content-Length: 48\r\n"
    b"Content-Type: text/html; charset=utf-8\r\n"
    b"Content-Encoding: gzip\r\n"
    b"Set-Cookie: a=1; Path=/\r\n"
    b"Set-Cookie: b=2; Path=/\r\n"
    b"Location: /\xeb\x89\xb4\xec\x8a\xa4/\xea\xb8\xb0\xec\x82\xac\r\n"
    b'Content-Disposition: inline; filename="caf\xe9.html"\r\n'
    b"\r\n" + GZIP_BODY + b"\r\n\r\n"
)

SEARCH_REQUEST = (
    b"WARC/1.1\r\n"
    b"WARC-Type: request\r\n"
    b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000004>\r\n"
    b"WARC-Date: 2026-11-21T00:00:01Z\r\n"
    b"WARC-Target-URI: http://[2001:db8::1]:8080/search?q=statement\r\n"
    b"WARC-Concurrent-To: <urn:uuid:00000000-0000-4000-8000-000000000003>\r\n"
    b"WARC-Payload-Digest: sha1:NUC4MK5SUWUAKTZ3L6UTA2EL3NCZIEVE\r\n"
    b"WARC-Block-Digest: sha1:XX66HDPLZBBZBHMBGQK43Z4NUYPYKVWU\r\n"
    b"Content-Type: application/http; msgtype=request\r\n"
    b"Content-Length: 143\r\n"
    b"\r\n"
    b"POST /search?q=statement HTTP/1.1\r\n"
    b"Content-Length: 11\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\n"
    b"Host: [2001:db8::1]:8080\r\n"
    b"\r\n"
    b"q=statement\r\n\r\n"
)

SEARCH_RESPONSE = (
    b"WARC/1.1\r\n"
    b"WARC-Type: response\r\n"
    b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000003>\r\n"
    b"WARC-Date: 2026-11-21T00:00:01Z\r\n"
    b"WARC-Target-URI: http://[2001:db8::1]:8080/search?q=statement\r\n"
    b"WARC-Concurrent-To: <urn:uuid:00000000-0000-4000-8000-000000000004>\r\n"
    b"WARC-Truncated: disconnect\r\n"
    b"WARC-Payload-Digest: sha1:U3P55KR2ISSMKLKEFBEEPVYWBCJLIAL6\r\n"
    b"WARC-Block-Digest: sha1:TCONVXTOAX7ERAN5TGKQOUVPUSMPQW4X\r\n"
    b"Content-Type: application/http; msgtype=response\r\n"
    b"Content-Length: 57\r\n"
    b"\r\n"
    b"HTTP/1.0 404 Non trouv\xe9\r\n"
    b"Content-Type: text/plain\r\n"
    b"\r\n"
    b"gone\r\n\r\n"
)

REFERS = {
    "WARC-Refers-To": ID.format(1),
    "WARC-Refers-To-Target-URI": ARTICLE_URL,
    "WARC-Refers-To-Date": "2026-11-20T09:15:42.654321Z",
    "WARC-Date": "2026-11-20T09:15:42.654321Z",
}

CONVERSION = (
    b"WARC/1.1\r\n"
    b"WARC-Type: conversion\r\n"
    b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000005>\r\n"
    b"WARC-Date: 2026-11-20T09:15:42.654321Z\r\n"
    b"WARC-Target-URI: https://news.example.kr/news/articleView.html?idxno=7\r\n"
    b"WARC-Refers-To: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
    b"WARC-Refers-To-Target-URI: https://news.example.kr/news/articleView.html?idxno=7\r\n"
    b"WARC-Refers-To-Date: 2026-11-20T09:15:42.654321Z\r\n"
    b"WARC-Payload-Digest: sha1:PVE7WYLZWW6367OCMFG4MOUHHTDNJVRE\r\n"
    b"WARC-Block-Digest: sha1:PVE7WYLZWW6367OCMFG4MOUHHTDNJVRE\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: 20\r\n"
    b"\r\n"
    b"\xeb\xb3\xb4\xeb\x8f\x84\xec\x9e\x90\xeb\xa3\x8c \xec\xa0\x84\xeb\xac\xb8\n"
    b"\r\n\r\n"
)

METADATA = (
    b"WARC/1.1\r\n"
    b"WARC-Type: metadata\r\n"
    b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000006>\r\n"
    b"WARC-Date: 2026-11-20T09:15:42.654321Z\r\n"
    b"WARC-Target-URI: https://news.example.kr/news/articleView.html?idxno=7\r\n"
    b"WARC-Refers-To: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
    b"WARC-Refers-To-Target-URI: https://news.example.kr/news/articleView.html?idxno=7\r\n"
    b"WARC-Refers-To-Date: 2026-11-20T09:15:42.654321Z\r\n"
    b"WARC-Payload-Digest: sha1:QT4KT5ZAAINV6X3IAU4WECUU4AIBXSJG\r\n"
    b"WARC-Block-Digest: sha1:QT4KT5ZAAINV6X3IAU4WECUU4AIBXSJG\r\n"
    b"Content-Type: application/json\r\n"
    b"Content-Length: 25\r\n"
    b"\r\n"
    b'{"title": "\xeb\xb3\xb4\xeb\x8f\x84\xec\x9e\x90\xeb\xa3\x8c"}'
    b"\r\n\r\n"
)

RESOURCE = (
    b"WARC/1.1\r\n"
    b"WARC-Type: resource\r\n"
    b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000007>\r\n"
    b"WARC-Date: 2026-11-20T09:30:00.123456Z\r\n"
    b"WARC-Target-URI: https://news.example.kr/favicon.ico\r\n"
    b"WARC-Payload-Digest: sha1:H4UVIZCTM6FYKWJRYF2KS7LMBCKLR5KG\r\n"
    b"WARC-Block-Digest: sha1:H4UVIZCTM6FYKWJRYF2KS7LMBCKLR5KG\r\n"
    b"Content-Type: image/x-icon\r\n"
    b"Content-Length: 2\r\n"
    b"\r\n"
    b"\x00\x01"
    b"\r\n\r\n"
)

WARCINFO = (
    b"WARC/1.1\r\n"
    b"WARC-Type: warcinfo\r\n"
    b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000008>\r\n"
    b"WARC-Filename: presswarc-test.warc.gz\r\n"
    b"WARC-Date: 2026-11-20T09:30:00.123456Z\r\n"
    b"WARC-Block-Digest: sha1:EL7PH4A5RRNWLRRHNDAACZAY4BHXTHV3\r\n"
    b"Content-Type: application/warc-fields\r\n"
    b"Content-Length: 56\r\n"
    b"\r\n"
    b"software: presswarc/test\r\n"
    b"format: WARC File Format 1.1\r\n"
    b"\r\n\r\n"
)


def pinned_records() -> CaptureRecords:
    """Record IDs 1, 2, 3, ... in order of request; the clock stopped at 2026-11-20 09:30:00.123456."""
    counter = iter(range(1, 1000))
    return CaptureRecords(
        lambda: ID.format(next(counter)),
        clock=lambda: datetime(2026, 11, 20, 9, 30, 0, 123456, tzinfo=UTC),
    )


def build_all(records: CaptureRecords) -> list[Any]:
    """The records in the order of the expected list below (IDs drawn in this order)."""
    article_response, article_request = records.new_record_id(), records.new_record_id()
    search_response, search_request = records.new_record_id(), records.new_record_id()
    return [
        records.request(ARTICLE, article_request, concurrent_to=article_response),
        records.response(ARTICLE, article_response, concurrent_to=article_request),
        records.request(SEARCH, search_request, concurrent_to=search_response),
        records.response(SEARCH, search_response, concurrent_to=search_request),
        records.resource(
            "conversion", ARTICLE_URL, "보도자료 전문\n".encode(), "text/plain; charset=utf-8", REFERS
        ),
        records.resource(
            "metadata", ARTICLE_URL, '{"title": "보도자료"}'.encode(), "application/json", REFERS
        ),
        records.resource("resource", "https://news.example.kr/favicon.ico", b"\x00\x01", "image/x-icon", {}),
        records.warcinfo(
            "presswarc-test.warc.gz", {"software": "presswarc/test", "format": "WARC File Format 1.1"}
        ),
    ]


EXPECTED = [
    ARTICLE_REQUEST,
    ARTICLE_RESPONSE,
    SEARCH_REQUEST,
    SEARCH_RESPONSE,
    CONVERSION,
    METADATA,
    RESOURCE,
    WARCINFO,
]
NAMES = ["article-request", "article-response", "search-request", "search-response"]
NAMES += ["conversion", "metadata", "resource", "warcinfo"]


def serialise(record: Any, gzipped: bool = False) -> bytes:
    out = io.BytesIO()
    WARCWriter(out, gzip=gzipped, warc_version="1.1").write_record(record)
    return out.getvalue()


def sha1_b32(data: bytes) -> str:
    return "sha1:" + b32encode(hashlib.sha1(data).digest()).decode()


def split(record: bytes) -> tuple[dict[str, str], bytes]:
    head, _, rest = record.partition(b"\r\n\r\n")
    lines = head.decode("utf-8").split("\r\n")
    assert lines[0] == "WARC/1.1"
    fields = dict(line.split(": ", 1) for line in lines[1:])
    assert rest.endswith(b"\r\n\r\n")
    return fields, rest[:-4]


@pytest.mark.parametrize(("index", "name"), list(enumerate(NAMES)))
def test_records_are_written_byte_for_byte(index: int, name: str) -> None:
    assert serialise(build_all(pinned_records())[index]) == EXPECTED[index]


@pytest.mark.parametrize("expected", EXPECTED, ids=NAMES)
def test_expected_records_are_self_consistent(expected: bytes) -> None:
    """Content-Length is the block; the block digest is over the block; the payload digest over the body."""
    fields, block = split(expected)
    assert int(fields["Content-Length"]) == len(block)
    assert fields["WARC-Block-Digest"] == sha1_b32(block)
    if fields["WARC-Type"] in ("request", "response"):
        body = block.split(b"\r\n\r\n", 1)[1]
        assert fields["WARC-Payload-Digest"] == sha1_b32(body)
    elif "WARC-Payload-Digest" in fields:
        assert fields["WARC-Payload-Digest"] == sha1_b32(block)


def test_gzip_members_hold_the_same_bytes() -> None:
    """One gzip member per record, each inflating to exactly the uncompressed record."""
    for record, expected in zip(build_all(pinned_records()), EXPECTED, strict=True):
        member = serialise(record, gzipped=True)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        assert inflater.decompress(member) == expected
        assert inflater.eof and inflater.unused_data == b""


def test_the_gzip_body_is_kept_encoded() -> None:
    _, block = split(ARTICLE_RESPONSE)
    body = block.split(b"\r\n\r\n", 1)[1]
    assert body == GZIP_BODY
    assert gzip.decompress(body) == "<p>보도자료 전문</p>\n".encode()


def test_warcio_reads_and_verifies_the_records(tmp_path: Path) -> None:
    path = tmp_path / "pinned.warc.gz"
    path.write_bytes(b"".join(serialise(r, gzipped=True) for r in build_all(pinned_records())))
    with open(path, "rb") as stream:
        read = list(_read_checked(stream))
    assert [kind for kind, _ in read] == [
        "request",
        "response",
        "request",
        "response",
        "conversion",
        "metadata",
        "resource",
        "warcinfo",
    ]
    assert read[1][1]["Location"] == "/뉴스/기사"  # warcio decodes a UTF-8 line as UTF-8


def _read_checked(stream: Any) -> Any:
    for record in ArchiveIterator(stream, check_digests=True):
        record.content_stream().read()
        assert record.digest_checker.passed is not False, record.digest_checker.problems
        headers = dict(record.http_headers.headers) if record.http_headers else {}
        yield record.rec_type, headers


def test_reading_back_and_writing_again_gives_the_same_response(tmp_path: Path) -> None:
    """A capture read by presswarc's reader re-serialises to the identical record."""
    path = tmp_path / "pinned.warc.gz"
    path.write_bytes(b"".join(serialise(r, gzipped=True) for r in build_all(pinned_records())))
    captures = [item.capture for item in iter_responses(path) if isinstance(item, ArchivedResponse)]
    assert [c.url for c in captures] == [ARTICLE.url, SEARCH.url]
    article, search = captures
    assert header_bytes(article.header("Location") or "") == "/뉴스/기사".encode()
    assert header_bytes(article.header("Content-Disposition") or "") == b'inline; filename="caf\xe9.html"'
    assert header_bytes(search.reason) == b"Non trouv\xe9"
    assert article.body == GZIP_BODY and search.truncated == "disconnect"
    again = pinned_records()
    rebuilt = [
        serialise(again.response(article, ID.format(1), ID.format(2))),
        serialise(again.response(search, ID.format(3), ID.format(4))),
    ]
    assert rebuilt == [ARTICLE_RESPONSE, SEARCH_RESPONSE]


def test_header_text_is_a_bijection_on_bytes() -> None:
    every_byte = bytes(range(256))
    assert header_bytes(header_text(every_byte)) == every_byte
    assert header_text(header_bytes("café")) == "café"  # latin-1-only text stays one byte per character


def test_text_beyond_latin1_is_written_as_utf8() -> None:
    """A header typed as Unicode (not decoded from bytes) goes out as UTF-8, as a browser sends it."""
    assert header_bytes("/뉴스") == "/뉴스".encode()
    assert http_head("HTTP/1.1 302 Found", [("Location", "/뉴스")]) == (
        b"HTTP/1.1 302 Found\r\nLocation: /\xeb\x89\xb4\xec\x8a\xa4\r\n\r\n"
    )


@pytest.mark.parametrize("value", ["a\r\nX-Forged: 1", "a\nb"])
def test_a_line_feed_inside_a_header_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="line feed"):
        http_head("HTTP/1.1 200 OK", [("X-Note", value)])


def test_a_bare_carriage_return_is_kept_as_sent() -> None:
    """Readers split lines at LF, so a CR inside a value (read from another tool's WARC) is stored as is."""
    assert http_head("HTTP/1.1 200 OK", [("X-Note", "a\rb")]) == b"HTTP/1.1 200 OK\r\nX-Note: a\rb\r\n\r\n"


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("http://news.example/a", "news.example"),
        ("http://news.example:80/a", "news.example"),
        ("https://news.example:443/a", "news.example"),
        ("https://news.example:8443/a", "news.example:8443"),
        ("http://127.0.0.1:8080/", "127.0.0.1:8080"),
        ("http://[2001:db8::1]/", "[2001:db8::1]"),
        ("http://user:pw@news.example/", "news.example"),
    ],
)
def test_host_header_is_what_an_http11_client_sends(url: str, host: str) -> None:
    assert host_header(url) == host


def test_a_missing_host_goes_last_and_request_line_uses_the_request_protocol() -> None:
    records = pinned_records()
    request = records.request(SEARCH, records.new_record_id(), records.new_record_id())
    lines = request.http_headers.headers_buff.split(b"\r\n")
    assert lines[0] == b"POST /search?q=statement HTTP/1.1"  # the server answered HTTP/1.0
    assert lines[-3] == b"Host: [2001:db8::1]:8080"
