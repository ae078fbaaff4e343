"""Revisit records: an unchanged page archived again without its body, and replayed whole.

Real behaviour this stands for: an outlet's statement page is fetched again
by a later scheduled run. Either the server honours the validators of the
first copy and answers `304 Not Modified` (nginx and most CDNs do), or it
ignores them and sends the same bytes again with `200` (many CMSes send no
ETag, or a fresh Date with an identical body), or the page changed (a
correction was appended). Variations: one first copy is plain HTML with an
ETag, the other gzip content-coded with only Last-Modified (as most outlets
send); the revisits land in a later WARC file than the full copies, as a
later run's would. Files are written by our writer and warcio's WARCWriter,
read back with warcio, checked with `warcio check`, and replayed in pywb.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
import urllib.request
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from archive.index import cdxj_lines
from archive.model import Capture, RecordLocation
from archive.reader import RawRecord, iter_records
from archive.records import warc_date
from archive.revisit import (
    IDENTICAL_PAYLOAD_DIGEST,
    SERVER_NOT_MODIFIED,
    Kind,
    RevisitRecords,
    classify,
    previous_version,
    remember,
)
from archive.sidecars import payload_digest
from archive.state import CrawlState, FullCopy, UrlState
from archive.writer import RotatingWarcWriter
from tests.test_index_serve_pack import pywb_serving, tools_venv  # noqa: F401 (fixture)

FIRST = datetime(2026, 2, 9, 6, 30, 0, tzinfo=UTC)
AGAIN = FIRST + timedelta(days=1, hours=3)
PLAIN = "http://127.0.0.1:9/news/2026/02/port-authority-statement.html"
CODED = "http://127.0.0.1:9/en/press/fisheries-quota-notice"
PLAIN_BODY = (
    b"<html><head><title>Port authority statement</title></head><body><article>"
    b"<h1>Port authority closes berth 4 for inspection</h1><p>The authority said on Monday "
    b"that berth 4 would stay closed until the survey is complete.</p></article></body></html>"
)
CODED_TEXT = (
    "<html><head><meta charset='utf-8'><title>Quota notice</title></head><body><main>"
    "<h1>Fisheries quota notice – revised</h1><p>The ministry's notice sets the spring quota "
    "at 4,200 tonnes.</p></main></body></html>"
).encode()
CODED_BODY = gzip.compress(CODED_TEXT, mtime=0)


def _page(url: str, when: datetime, status: int, body: bytes, headers: list[tuple[str, str]]) -> Capture:
    return Capture(
        url=url,
        fetched_at=when,
        status=status,
        response_headers=tuple(headers),
        body=body,
        request_headers=(("User-Agent", "presswarc-test"), ("Accept-Encoding", "gzip, deflate")),
        ip_address="127.0.0.1",
    )


def _first_plain() -> Capture:
    headers = [
        ("Content-Type", "text/html; charset=utf-8"),
        ("ETag", '"berth4-v1"'),
        ("Content-Length", str(len(PLAIN_BODY))),
    ]
    return _page(PLAIN, FIRST, 200, PLAIN_BODY, headers)


def _first_coded() -> Capture:
    headers = [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Encoding", "gzip"),
        ("Last-Modified", "Sun, 08 Feb 2026 17:00:00 GMT"),
        ("Transfer-Encoding", "chunked"),
    ]
    return _page(CODED, FIRST + timedelta(seconds=2), 200, CODED_BODY, headers)


def _previous(capture: Capture, record_id: str = "<urn:uuid:full>") -> UrlState:
    full = FullCopy(
        "x.warc.gz", 0, 10, record_id, warc_date(capture.fetched_at), capture.url,
        capture.status, payload_digest(capture.body),
    )  # fmt: skip
    record = RecordLocation(full.filename, full.offset, full.length, full.record_id)
    when = capture.fetched_at
    return UrlState(capture.url, when, capture.status, when, None, None, full, record)


def _not_modified(url: str) -> Capture:
    return _page(url, AGAIN, 304, b"", [("ETag", '"berth4-v1"'), ("Date", "Tue, 10 Feb 2026 09:30:00 GMT")])


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("never seen", Kind.FULL),
        ("seen, but no full copy", Kind.FULL),
        ("304", Kind.NOT_MODIFIED),
        ("same bytes again", Kind.IDENTICAL),
        ("same bytes, new headers", Kind.IDENTICAL),
        ("correction appended", Kind.FULL),
        ("same bytes but now 404", Kind.FULL),
        ("same bytes but cut off", Kind.FULL),
        ("same bytes by POST", Kind.FULL),
    ],
)
def test_classify(case: str, expected: Kind) -> None:
    first = _first_plain()
    previous: UrlState | None = _previous(first)
    again = replace(first, fetched_at=AGAIN)
    if case == "never seen":
        previous = None
    elif case == "seen, but no full copy":
        assert previous is not None
        previous = replace(previous, full=None, status=503)
        again = _not_modified(PLAIN)
    elif case == "304":
        again = _not_modified(PLAIN)
    elif case == "same bytes, new headers":
        again = replace(again, response_headers=(("Content-Type", "text/html"), ("Age", "40")))
    elif case == "correction appended":
        corrected = PLAIN_BODY.replace(b"</article>", b"<p>Corrected: berth 5.</p></article>")
        again = replace(again, body=corrected)
    elif case == "same bytes but now 404":
        again = replace(again, status=404)
    elif case == "same bytes but cut off":
        again = replace(again, truncated="disconnect")
    elif case == "same bytes by POST":
        again = replace(again, method="POST")
    assert classify(previous, again) is expected


def test_a_full_capture_is_not_a_revisit() -> None:
    with pytest.raises(ValueError, match="response record"):
        RevisitRecords().revisit(_first_plain(), _previous(_first_plain()).full, Kind.FULL, "<urn:uuid:x>")


def _read(path: Path) -> list[dict[str, Any]]:
    with open(path, "rb") as stream:
        return [
            {
                "type": record.rec_type,
                "warc": dict(record.rec_headers.headers),
                "names": [name for name, _ in record.rec_headers.headers],
                "http": record.http_headers,
                "payload": record.content_stream().read(),
            }
            for record in ArchiveIterator(stream)
        ]


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run 1: full copies by our writer, remembered in the state. Run 2: revisits in a new file."""
    root = tmp_path_factory.mktemp("revisits")
    writer = RotatingWarcWriter(root / "warc", prefix="run1")
    with CrawlState.open(root) as state:
        for capture in (_first_plain(), _first_coded()):
            remember(state, capture, writer.write_capture(capture), Kind.FULL)
        writer.close()

        plain_again = _not_modified(PLAIN)
        plain_again = replace(
            plain_again, request_headers=(*plain_again.request_headers, ("If-None-Match", '"berth4-v1"'))
        )
        coded_again = replace(_first_coded(), fetched_at=AGAIN + timedelta(seconds=5))
        coded_again = replace(
            coded_again,
            response_headers=(*coded_again.response_headers, ("Date", "Tue, 10 Feb 2026 09:30:05 GMT")),
        )
        builder = RevisitRecords()
        with open(root / "warc" / "run2.warc.gz", "wb") as stream:
            out = WARCWriter(stream, gzip=True, warc_version="1.1")
            for capture in (plain_again, coded_again):
                previous = state.last(capture.url)
                assert previous is not None and previous.full is not None
                kind = classify(previous, capture)
                request, revisit = builder.pair(capture, previous.full, kind)
                out.write_record(request)
                offset = stream.tell()
                out.write_record(revisit)
                record_id = revisit.rec_headers.get_header("WARC-Record-ID")
                location = RecordLocation("run2.warc.gz", offset, stream.tell() - offset, record_id)
                remember(state, capture, location, kind)
                assert previous_version(previous, kind) is None
    return root


def _full_response(root: Path, url: str) -> dict[str, Any]:
    run1 = next((root / "warc").glob("run1-*.warc.gz"))
    return next(r for r in _read(run1) if r["type"] == "response" and r["warc"]["WARC-Target-URI"] == url)


def test_server_not_modified_record(collection: Path) -> None:
    records = _read(collection / "warc" / "run2.warc.gz")
    request, revisit = records[0], records[1]
    full = _full_response(collection, PLAIN)
    assert revisit["type"] == "revisit" and request["type"] == "request"
    assert set(revisit["names"]) == {
        "WARC-Record-ID", "WARC-Date", "WARC-Profile", "WARC-Refers-To", "WARC-Refers-To-Target-URI",
        "WARC-Refers-To-Date", "WARC-Payload-Digest", "WARC-Concurrent-To", "WARC-IP-Address",
        "WARC-Type", "WARC-Target-URI", "WARC-Block-Digest", "Content-Length",
    }  # fmt: skip
    assert len(revisit["names"]) == len(set(revisit["names"]))
    fields = revisit["warc"]
    assert fields["WARC-Profile"] == SERVER_NOT_MODIFIED
    assert fields["WARC-Refers-To"] == full["warc"]["WARC-Record-ID"]
    assert fields["WARC-Refers-To-Target-URI"] == PLAIN == fields["WARC-Target-URI"]
    assert fields["WARC-Refers-To-Date"] == full["warc"]["WARC-Date"] == "2026-02-09T06:30:00Z"
    assert fields["WARC-Date"] == "2026-02-10T09:30:00Z"
    assert fields["WARC-Payload-Digest"] == full["warc"]["WARC-Payload-Digest"]
    assert fields["Content-Length"] == "0" and revisit["payload"] == b""
    assert fields["WARC-Concurrent-To"] == request["warc"]["WARC-Record-ID"]
    assert request["warc"]["WARC-Concurrent-To"] == fields["WARC-Record-ID"]
    assert request["http"].get_header("If-None-Match") == '"berth4-v1"'


def test_identical_payload_digest_record(collection: Path) -> None:
    records = _read(collection / "warc" / "run2.warc.gz")
    revisit = records[3]
    full = _full_response(collection, CODED)
    fields = revisit["warc"]
    assert fields["WARC-Profile"] == IDENTICAL_PAYLOAD_DIGEST
    assert set(revisit["names"]) == {
        "WARC-Record-ID", "WARC-Date", "WARC-Profile", "WARC-Refers-To", "WARC-Refers-To-Target-URI",
        "WARC-Refers-To-Date", "WARC-Payload-Digest", "WARC-Concurrent-To", "WARC-IP-Address",
        "WARC-Truncated", "WARC-Type", "WARC-Target-URI", "WARC-Block-Digest", "Content-Type",
        "Content-Length",
    }  # fmt: skip
    assert fields["WARC-Refers-To"] == full["warc"]["WARC-Record-ID"]
    assert fields["WARC-Refers-To-Date"] == full["warc"]["WARC-Date"]
    assert fields["WARC-Payload-Digest"] == full["warc"]["WARC-Payload-Digest"] == payload_digest(CODED_BODY)
    assert fields["WARC-Truncated"] == "length"
    assert fields["Content-Type"] == "application/http; msgtype=response"
    http = revisit["http"]
    assert http.get_statuscode() == "200" and http.get_header("Content-Encoding") == "gzip"
    assert http.get_header("Date") == "Tue, 10 Feb 2026 09:30:05 GMT"
    assert http.get_header("Transfer-Encoding") is None  # framing of a body that is not there
    assert revisit["payload"] == b""
    assert int(fields["Content-Length"]) == len(http.to_bytes())


def test_warcio_check_passes_and_the_index_marks_revisits(collection: Path) -> None:
    files = sorted((collection / "warc").glob("*.warc.gz"))
    check = subprocess.run(
        [sys.executable, "-m", "warcio.cli", "check", "-v", *map(str, files)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert sum(line.endswith("> revisit") for line in check.stdout.splitlines()) == 2
    # warcio check leaves a revisit's block digest unchecked ("not checked (revisit)"): check it here.
    revisits = [
        item
        for item in iter_records(collection / "warc" / "run2.warc.gz")
        if isinstance(item, RawRecord) and item.record.rec_type == "revisit"
    ]
    assert len(revisits) == 2
    for item in revisits:
        block = item.http_head + item.payload
        assert item.record.rec_headers.get_header("WARC-Block-Digest") == payload_digest(block)
        assert int(item.record.rec_headers.get_header("Content-Length")) == len(block)
    lines = [line for line in cdxj_lines(collection / "warc" / "run2.warc.gz") if isinstance(line, str)]
    assert len(lines) == 2
    assert all('"mime": "warc/revisit"' in line for line in lines)
    digests = {_full_response(collection, url)["warc"]["WARC-Payload-Digest"] for url in (PLAIN, CODED)}
    assert {line.split('"digest": "')[1].split('"')[0] for line in lines} == digests


def _get(url: str) -> tuple[dict[str, str], bytes]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return dict(response.headers.items()), response.read()


def test_pywb_replays_each_revisit_with_the_archived_body(collection: Path, tools_venv: Path) -> None:  # noqa: F811
    served = collection.parent / (collection.name + "-served")
    shutil.copytree(collection / "warc", served / "warc")
    with pywb_serving(served, tools_venv) as (base, _):
        for url, body, revisited in (
            (PLAIN, PLAIN_BODY, "Tue, 10 Feb 2026 09:30:00 GMT"),
            (CODED, CODED_TEXT, "Tue, 10 Feb 2026 09:30:05 GMT"),
        ):
            headers, replayed = _get(f"{base}/20260210100000id_/{url}")
            if headers.get("Content-Encoding") == "gzip":
                replayed = gzip.decompress(replayed)
            assert replayed == body, url
            # The capture pywb answered with is the revisit, not the first copy.
            assert headers["Memento-Datetime"] == revisited
            assert headers["Content-Type"].startswith("text/html")
        headers, _ = _get(f"{base}/20260209000000id_/{PLAIN}")
        assert headers["Memento-Datetime"] == "Mon, 09 Feb 2026 06:30:00 GMT"


def test_the_state_keeps_the_full_copy_and_a_changed_page_names_it(collection: Path) -> None:
    with CrawlState.open(collection) as state:
        plain = state.last(PLAIN)
        coded = state.last(CODED)
        assert plain is not None and plain.full is not None and coded is not None and coded.full is not None
        full = _full_response(collection, PLAIN)
        assert plain.full.record_id == full["warc"]["WARC-Record-ID"]
        assert plain.full.warc_date == full["warc"]["WARC-Date"]
        assert plain.full.payload_digest == full["warc"]["WARC-Payload-Digest"]
        assert plain.status == 304 and plain.etag == '"berth4-v1"' and plain.confirmed_at == AGAIN
        assert plain.record.filename == "run2.warc.gz" and plain.record.record_id != plain.full.record_id
        assert coded.status == 200 and coded.last_modified == "Sun, 08 Feb 2026 17:00:00 GMT"
        revisit = _read(collection / "warc" / "run2.warc.gz")[3]
        assert coded.record.record_id == revisit["warc"]["WARC-Record-ID"]

        # A third run: the coded page was corrected, so it is archived in full and names the old copy.
        corrected = replace(
            _first_coded(),
            fetched_at=AGAIN + timedelta(days=1),
            body=gzip.compress(CODED_TEXT.replace(b"4,200", b"4,150"), mtime=0),
        )
        kind = classify(coded, corrected)
        assert kind is Kind.FULL
        assert previous_version(coded, kind) == {
            "warc_filename": coded.full.filename,
            "warc_record_id": _full_response(collection, CODED)["warc"]["WARC-Record-ID"],
            "warc_offset": coded.full.offset,
            "fetched_at": "2026-02-09T06:30:02Z",
            "payload_digest": payload_digest(CODED_BODY),
        }
