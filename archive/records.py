"""Build warcio records from a `Capture`.

Only builds; `writer.py` decides which file a record goes to. The record ID
factory and clock are parameters so tests can pin them.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

from warcio.recordbuilder import RecordBuilder
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date

from archive.model import Capture

WARC_VERSION = "WARC/1.1"

# Hop-by-hop framing: the body we store is already de-chunked, so these would lie.
FRAMING_HEADERS = frozenset({"transfer-encoding"})


def warc_date(moment: datetime) -> str:
    """WARC 1.1 date with microseconds, always UTC."""
    utc = moment.astimezone(UTC).replace(tzinfo=None)
    return str(datetime_to_iso_date(utc, use_micros=True))


def status_line(capture: Capture) -> str:
    """`HTTP/1.1 200 OK`: the reason is the standard phrase unless we saw one."""
    reason = capture.reason
    if not reason:
        try:
            reason = HTTPStatus(capture.status).phrase
        except ValueError:
            reason = ""
    return f"{capture.protocol} {capture.status} {reason}".rstrip()


def request_target(url: str) -> str:
    """Origin-form request target (`/path?query`), as sent on the wire."""
    parts = urlsplit(url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return target


class CaptureRecords:
    """Turns captures into request/response (and other) WARC records."""

    def __init__(self, new_record_id: Callable[[], str] | None = None) -> None:
        self._builder = RecordBuilder(warc_version=WARC_VERSION)
        self._new_id = new_record_id or self._builder._make_warc_id

    def new_record_id(self) -> str:
        return str(self._new_id())

    def _base_headers(self, capture: Capture, record_id: str) -> dict[str, str]:
        headers = {
            "WARC-Record-ID": record_id,
            "WARC-Date": warc_date(capture.fetched_at),
        }
        if capture.ip_address:
            headers["WARC-IP-Address"] = capture.ip_address
        return headers

    def response(self, capture: Capture, record_id: str, concurrent_to: str) -> Any:
        """The response record: status line, headers and raw body."""
        warc_headers = self._base_headers(capture, record_id)
        warc_headers["WARC-Concurrent-To"] = concurrent_to
        if capture.truncated:
            warc_headers["WARC-Truncated"] = capture.truncated
        http_headers = StatusAndHeaders(
            status_line(capture),
            [(k, v) for k, v in capture.response_headers if k.lower() not in FRAMING_HEADERS],
            protocol="",
        )
        return self._record(capture.url, "response", capture.body, warc_headers, http_headers)

    def request(self, capture: Capture, record_id: str, concurrent_to: str) -> Any:
        """The request record, rebuilt from what the HTTP client was given."""
        warc_headers = self._base_headers(capture, record_id)
        warc_headers["WARC-Concurrent-To"] = concurrent_to
        headers = list(capture.request_headers)
        if not any(k.lower() == "host" for k, _ in headers):
            headers.insert(0, ("Host", urlsplit(capture.url).netloc))
        line = f"{capture.method} {request_target(capture.url)} {capture.protocol}"
        http_headers = StatusAndHeaders(line, headers, is_http_request=True)
        return self._record(capture.url, "request", capture.request_body, warc_headers, http_headers)

    def resource(
        self,
        record_type: str,
        uri: str,
        payload: bytes,
        content_type: str,
        headers: dict[str, str],
    ) -> Any:
        """A conversion, metadata or resource record (no HTTP envelope)."""
        warc_headers = dict(headers)
        warc_headers.setdefault("WARC-Record-ID", self.new_record_id())
        warc_headers["Content-Type"] = content_type
        record = self._builder.create_warc_record(
            uri,
            record_type,
            payload=io.BytesIO(payload),
            length=len(payload),
            warc_content_type=content_type,
            warc_headers_dict=warc_headers,
        )
        return record

    def warcinfo(self, filename: str, info: dict[str, str]) -> Any:
        return self._builder.create_warcinfo_record(filename, info)

    def _record(
        self,
        uri: str,
        record_type: str,
        body: bytes,
        warc_headers: dict[str, str],
        http_headers: StatusAndHeaders,
    ) -> Any:
        return self._builder.create_warc_record(
            uri,
            record_type,
            payload=io.BytesIO(body),
            length=len(body),
            warc_headers_dict=warc_headers,
            http_headers=http_headers,
        )
