"""A crawl of sites that send raw non-ASCII header bytes: the WARC must hold those bytes.

Real-world behaviour this stands for:
- Korean and Japanese CMSs that moved their articles redirect with the *unescaped* UTF-8 bytes
  of the new path (`Location: /뉴스/기사`), sometimes with a UTF-8 query as well; browsers and
  Scrapy percent-encode those bytes and follow.
- Older Korean sites still serve EUC-KR and put EUC-KR bytes in `Location` (not valid UTF-8).
- Attachment downloads (press releases as .hwp) name the file in `Content-Disposition` with raw
  bytes, sometimes UTF-8 and latin-1 mixed in one value by a CMS that concatenates strings.
- Desk or note headers carry raw UTF-8 text; cookies are set in several headers with others
  between; a few servers still fold long header lines, use their own reason phrase and send
  Connection/Keep-Alive.

The fixture (`tests/sites/headerbytes`) varies the charset (UTF-8, EUC-KR, UTF-8 + latin-1 mixed),
the script (Hangul, kana/kanji, accented Latin), the place of the bytes (path, query, quoted
parameter, free text) and the status (200, 301, 302), so the rule under test is "bytes in, the
same bytes out", not a rule fitted to one header.

The WARC is read three ways: raw (each gzip member gunzipped by hand), with warcio, and with
presswarc's own reader; digests are recomputed from the raw bytes.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zlib
from base64 import b32encode
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive import read_crawl_log
from archive.index import cdxj_lines
from archive.model import header_bytes
from archive.reader import ArchivedResponse, iter_responses
from archive.records import CaptureRecords
from crawler.demo.siteserver import SiteServer
from tests.conftest import FAST, SITES, run_presswarc
from tests.warcs import warc_files

KOREAN_TARGET = "/%EB%89%B4%EC%8A%A4/%EA%B8%B0%EC%82%AC"
EUC_KR_TARGET = "/%C0%DA%B7%E1%BD%C7/%BA%B8%B5%B5"
JAPANESE_TARGET = "/%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9/%E8%A8%98%E4%BA%8B?id=%E5%A3%B0%E6%98%8E"

# (request target, header name, the bytes the server sent)
SENT = [
    ("/old/statement", b"Location", "/뉴스/기사".encode()),
    ("/old/statement", b"X-Desk", "정치부 · 발표 전문".encode()),
    ("/legacy/view", b"Location", "/자료실/보도".encode("euc-kr")),
    ("/ja/old-news", b"Location", "/ニュース/記事?id=声明".encode()),
    (
        "/download?id=7",
        b"Content-Disposition",
        b'attachment; filename="' + "보도자료-".encode() + b"caf\xe9" + b'.hwp"',
    ),
    ("/download?id=7", b"X-Download-Note", "첨부 파일 · pièce jointe".encode()),
]


def sha1_b32(data: bytes) -> str:
    return "sha1:" + b32encode(hashlib.sha1(data).digest()).decode()


@dataclass(frozen=True)
class RawMember:
    """One gzip member of a WARC, gunzipped by hand and split at the WARC header block."""

    offset: int
    warc_headers: dict[bytes, bytes]
    block: bytes
    trailer: bytes

    @property
    def http_head(self) -> bytes:
        return self.block[: self.block.index(b"\r\n\r\n") + 4]

    @property
    def payload(self) -> bytes:
        return self.block[len(self.http_head) :]

    def http_header(self, name: bytes) -> list[bytes]:
        lines = self.http_head.split(b"\r\n")[1:]
        return [line.split(b": ", 1)[1] for line in lines if line.split(b":", 1)[0] == name]


def raw_members(path: Path) -> Iterator[RawMember]:
    data = path.read_bytes()
    offset = 0
    while offset < len(data):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        member = inflater.decompress(data[offset:])
        assert inflater.eof, f"gzip member at {offset} is incomplete"
        head, _, rest = member.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        assert lines[0] == b"WARC/1.1"
        headers = dict(line.split(b": ", 1) for line in lines[1:])
        length = int(headers[b"Content-Length"])
        yield RawMember(offset, headers, rest[:length], rest[length:])
        offset = len(data) - len(inflater.unused_data)


@pytest.fixture(scope="module")
def site() -> Iterator[SiteServer]:
    with SiteServer(SITES / "headerbytes") as server:
        yield server


@pytest.fixture(scope="module")
def crawl(site: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("headerbytes")
    run_presswarc("crawl", site.url + "/", "--out", str(out), *FAST)
    return out


@pytest.fixture(scope="module")
def members(crawl: Path) -> list[RawMember]:
    found = [member for path in warc_files(crawl) for member in raw_members(path)]
    assert found
    return found


def record(members: list[RawMember], site: SiteServer, kind: bytes, target: str) -> RawMember:
    uri = (site.url + target).encode()
    matches = [
        m
        for m in members
        if m.warc_headers[b"WARC-Type"] == kind and m.warc_headers.get(b"WARC-Target-URI") == uri
    ]
    assert len(matches) == 1, f"{kind!r} records for {target}: {len(matches)}"
    return matches[0]


@pytest.mark.parametrize(("target", "name", "sent"), SENT)
def test_header_bytes_in_the_warc_are_the_bytes_the_server_sent(
    members: list[RawMember], site: SiteServer, target: str, name: bytes, sent: bytes
) -> None:
    assert record(members, site, b"response", target).http_header(name) == [sent]


def test_digests_cover_exactly_the_bytes_written(members: list[RawMember]) -> None:
    kinds = set()
    for member in members:
        kinds.add(member.warc_headers[b"WARC-Type"])
        assert member.trailer == b"\r\n\r\n"
        assert member.warc_headers[b"WARC-Block-Digest"].decode() == sha1_b32(member.block)
        if member.warc_headers[b"WARC-Type"] in (b"response", b"request"):
            assert member.warc_headers[b"WARC-Payload-Digest"].decode() == sha1_b32(member.payload)
    assert {b"warcinfo", b"request", b"response"} <= kinds


def test_the_download_body_is_the_payload(members: list[RawMember], site: SiteServer) -> None:
    download = record(members, site, b"response", "/download?id=7")
    assert download.payload == b"HWP placeholder bytes"
    assert download.http_header(b"Content-Length") == [b"21"]


def test_redirects_to_raw_locations_are_followed_percent_encoded(crawl: Path, site: SiteServer) -> None:
    """Scrapy percent-encodes the raw bytes (UTF-8 or not) and fetches that URL."""
    fetched = {path for _, path in site.requests}
    assert {KOREAN_TARGET, EUC_KR_TARGET, JAPANESE_TARGET} <= fetched
    outcomes = {line["url"]: line for line in read_crawl_log(crawl)}
    for target in (KOREAN_TARGET, EUC_KR_TARGET, JAPANESE_TARGET):
        assert outcomes[site.url + target]["outcome"] == "archived"
        assert outcomes[site.url + target]["status"] == 200
    assert outcomes[site.url + "/old/statement"]["status"] == 301


def test_request_records_hold_what_the_server_received(members: list[RawMember], site: SiteServer) -> None:
    for target in ("/", "/old/statement", "/download?id=7", KOREAN_TARGET, JAPANESE_TARGET):
        request = record(members, site, b"request", target)
        assert request.http_head == site.request_heads[target] + b"\r\n"
        assert request.payload == b""


def test_warcio_reads_the_same_headers(crawl: Path, site: SiteServer) -> None:
    """warcio decodes a header line as UTF-8 if it can, else as latin-1."""
    seen: dict[str, dict[str, str]] = {}
    for path in warc_files(crawl):
        with open(path, "rb") as stream:
            for rec in ArchiveIterator(stream, check_digests=True):
                if rec.rec_type == "response":
                    uri = rec.rec_headers.get_header("WARC-Target-URI")
                    seen[uri] = dict(rec.http_headers.headers)
                    rec.content_stream().read()
                    assert rec.digest_checker.passed is not False, uri
    assert seen[site.url + "/old/statement"]["Location"] == "/뉴스/기사"
    assert seen[site.url + "/ja/old-news"]["Location"] == "/ニュース/記事?id=声明"
    assert seen[site.url + "/legacy/view"]["Location"] == "/자료실/보도".encode("euc-kr").decode("latin-1")


def test_presswarc_reader_gives_back_the_same_bytes(
    crawl: Path, members: list[RawMember], site: SiteServer
) -> None:
    """The reader's capture re-serialises to the very HTTP head stored (so replay writes what was sent)."""
    captures = {
        item.capture.url: item.capture
        for path in warc_files(crawl)
        for item in iter_responses(path)
        if isinstance(item, ArchivedResponse)
    }
    for target, name, sent in SENT:
        value = captures[site.url + target].header(name.decode())
        assert value is not None and header_bytes(value) == sent
    builder = CaptureRecords()
    for url, capture in captures.items():
        stored = record(members, site, b"response", url.removeprefix(site.url))
        rebuilt = builder.response(capture, builder.new_record_id(), builder.new_record_id())
        assert rebuilt.http_headers.headers_buff == stored.http_head, url


def test_what_twisted_and_scrapy_still_change_is_what_warcinfo_says(
    members: list[RawMember], site: SiteServer
) -> None:
    """The server sent `200 Here You Go`, a lower-case name, Set-Cookie twice with others
    between, a folded line, a bare CR and Connection/Keep-Alive; this is what reaches the WARC."""
    download = record(members, site, b"response", "/download?id=7")
    lines = download.http_head.split(b"\r\n")
    names = [line.split(b":", 1)[0] for line in lines[1:] if line]
    assert lines[0] == b"HTTP/1.1 200 OK"
    assert names[0] == b"Content-Length"
    assert b"X-Download-Note" in names and b"x-download-note" not in names
    cookies = names.index(b"Set-Cookie")
    assert names[cookies : cookies + 2] == [b"Set-Cookie", b"Set-Cookie"]
    assert download.http_header(b"X-Folded") == [b"first\tsecond"]
    assert download.http_header(b"X-Carriage") == [b"before after"]
    assert b"Connection" not in names and b"Keep-Alive" not in names
    info = next(m for m in members if m.warc_headers[b"WARC-Type"] == b"warcinfo").block
    fields = dict(line.split(b": ", 1) for line in info.strip().split(b"\r\n"))
    said = fields[b"http-headers"].decode()
    caveats = ("reason phrase", "title-cased", "grouped", "obs-folded", "CR", "Keep-Alive", "Host last")
    for caveat in caveats:
        assert caveat in said


def test_warcio_check_and_cdxj_index(crawl: Path, site: SiteServer) -> None:
    for path in warc_files(crawl):
        check = subprocess.run(
            [sys.executable, "-m", "warcio.cli", "check", str(path)], capture_output=True, text=True
        )
        assert check.returncode == 0, check.stdout + check.stderr
        entries = [json.loads(line.split(" ", 2)[2]) for line in cdxj_lines(path) if isinstance(line, str)]
        status = {entry["url"]: entry.get("status") for entry in entries}
        assert status[site.url + "/old/statement"] == "301"
        assert status[site.url + "/legacy/view"] == "302"
        assert status[site.url + KOREAN_TARGET] == "200"
        assert status[site.url + "/download?id=7"] == "200"
        assert path.with_name(path.name.removesuffix(".warc.gz") + ".cdxj").exists()


def test_from_archive_follows_the_archived_raw_locations(
    crawl: Path, site: SiteServer, tmp_path: Path
) -> None:
    """Answered from the WARC, each raw Location (UTF-8 or EUC-KR) still leads to the archived page."""
    fetched_before = len(site.requests)
    out = tmp_path / "debug"
    run_presswarc("crawl", site.url + "/", "--from-archive", str(crawl / "warc"), "--out", str(out), *FAST)
    outcomes = {line["url"]: line["outcome"] for line in read_crawl_log(out)}
    for target in (KOREAN_TARGET, EUC_KR_TARGET, JAPANESE_TARGET):
        assert outcomes.get(site.url + target) == "replayed", outcomes
    assert "not-in-archive" not in outcomes.values()
    assert len(site.requests) == fetched_before
