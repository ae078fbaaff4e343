"""WARC 1.1 `revisit` records: a re-fetch that found the archived content unchanged.

Two profiles (WARC 1.1, section 6.7):

- server-not-modified: the server answered a conditional request with 304;
- identical-payload-digest: the server sent the whole body again (200) and
  its payload digest equals the stored copy's.

Either way the record names the full copy it stands for (WARC-Refers-To,
-Refers-To-Target-URI, -Refers-To-Date) and carries that copy's payload
digest, and never a body. Replay tools (pywb, wabac.js) find the body
through those fields.

`classify` decides which record a fresh capture becomes.
"""

from __future__ import annotations

import io
from enum import StrEnum
from typing import Any

from warcio.recordbuilder import RecordBuilder
from warcio.statusandheaders import StatusAndHeaders

from archive.model import Capture, RecordLocation
from archive.records import FRAMING_HEADERS, WARC_VERSION, CaptureRecords, status_line, warc_date
from archive.sidecars import payload_digest
from archive.state import FullCopy, StateStore, UrlState

SERVER_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
IDENTICAL_PAYLOAD_DIGEST = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"


class Kind(StrEnum):
    """What a capture is archived as."""

    FULL = "full"
    NOT_MODIFIED = "not-modified"
    IDENTICAL = "identical"


PROFILES = {Kind.NOT_MODIFIED: SERVER_NOT_MODIFIED, Kind.IDENTICAL: IDENTICAL_PAYLOAD_DIGEST}


def classify(previous: UrlState | None, capture: Capture) -> Kind:
    """A capture's kind, given what the state remembers of its URL.

    A revisit needs a full copy to refer to. A 304 is `not-modified`; a
    complete GET answer with the same status as that copy and the same
    payload digest is `identical`. Anything else, including a 304 with no
    copy to point at and a truncated body, is archived in full.
    """
    if previous is None or previous.full is None or capture.method != "GET":
        return Kind.FULL
    if capture.status == 304:
        return Kind.NOT_MODIFIED
    if (
        capture.truncated is None
        and capture.status == previous.full.status
        and payload_digest(capture.body) == previous.full.payload_digest
    ):
        return Kind.IDENTICAL
    return Kind.FULL


class RevisitRecords:
    """Builds the request + revisit record pair for an unchanged re-fetch."""

    def __init__(self, records: CaptureRecords | None = None) -> None:
        self.records = records or CaptureRecords()
        self._builder = RecordBuilder(warc_version=WARC_VERSION)

    def pair(self, capture: Capture, full: FullCopy, kind: Kind) -> tuple[Any, Any]:
        """(request record, revisit record), concurrent to each other, for one writer group."""
        revisit_id = self.records.new_record_id()
        request_id = self.records.new_record_id()
        request = self.records.request(capture, request_id, concurrent_to=revisit_id)
        return request, self.revisit(capture, full, kind, revisit_id, concurrent_to=request_id)

    def revisit(
        self, capture: Capture, full: FullCopy, kind: Kind, record_id: str, concurrent_to: str = ""
    ) -> Any:
        """The revisit record for `capture`, referring to the full copy `full`.

        Both profiles carry the full copy's payload digest: identical by
        definition for a 200, and for a 304 the payload is "the original
        payload content" (the server-not-modified profile).

        identical-payload-digest keeps the new 200's HTTP head as its block
        (its body left out, hence WARC-Truncated: length, as the profile requires).
        server-not-modified has an empty block: pywb replays a revisit whose
        own head is a 3xx as that head with an empty body, so a stored
        `304 Not Modified` head would replay as an empty 304 instead of the
        archived page; without a head, pywb replays the full copy's head and
        body. The 304 exchange itself stays visible in the request record
        (its If-None-Match / If-Modified-Since) and this record's WARC-Date.
        """
        if kind is Kind.FULL:
            raise ValueError("a full capture is a response record, not a revisit")
        warc_headers = {
            "WARC-Record-ID": record_id,
            "WARC-Date": warc_date(capture.fetched_at),
            "WARC-Profile": PROFILES[kind],
            "WARC-Refers-To": full.record_id,
            "WARC-Refers-To-Target-URI": full.target_uri,
            "WARC-Refers-To-Date": full.warc_date,
            "WARC-Payload-Digest": full.payload_digest,
        }
        if concurrent_to:
            warc_headers["WARC-Concurrent-To"] = concurrent_to
        if capture.ip_address:
            warc_headers["WARC-IP-Address"] = capture.ip_address
        http_headers = None
        if kind is Kind.IDENTICAL:
            warc_headers["WARC-Truncated"] = "length"
            http_headers = StatusAndHeaders(
                status_line(capture),
                [(k, v) for k, v in capture.response_headers if k.lower() not in FRAMING_HEADERS],
                protocol="",
            )
        record = self._builder.create_warc_record(
            capture.url,
            "revisit",
            payload=io.BytesIO(b""),
            length=0,
            warc_headers_dict=warc_headers,
            http_headers=http_headers,
        )
        if http_headers is None:
            record.content_type = None  # WARC 1.1 asks a Content-Type of non-empty blocks only
        return record


def remember(state: StateStore, capture: Capture, location: RecordLocation, kind: Kind) -> None:
    """Tell the state what was just archived for `capture`; call after the WARC write returned.

    A full 2xx GET with its whole body becomes the copy later revisits refer
    to; a revisit keeps that copy and takes any fresh validators the answer
    carried.
    """
    state.record_capture(
        capture.url,
        capture.status,
        capture.header("ETag"),
        capture.header("Last-Modified"),
        payload_digest(capture.body) if kind is Kind.FULL else None,
        location,
        warc_date(capture.fetched_at),
        full=kind is Kind.FULL,
        fetched_at=capture.fetched_at,
        complete=capture.truncated is None and capture.method == "GET",
    )


def previous_version(previous: UrlState | None, kind: Kind) -> dict[str, Any] | None:
    """For the sidecar row of a page archived in full again: the full copy it supersedes.

    `previous` is the state as it was before this capture was remembered.
    None for a first capture and for revisits (they get no sidecar row).
    """
    if kind is not Kind.FULL or previous is None or previous.full is None:
        return None
    full = previous.full
    return {
        "warc_filename": full.filename,
        "warc_record_id": full.record_id,
        "warc_offset": full.offset,
        "fetched_at": full.warc_date,
        "payload_digest": full.payload_digest,
    }
