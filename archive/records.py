"""Build warcio records from a `Capture`.

Only builds; `writer.py` decides which file a record goes to. The record ID
factory and clock are parameters so tests can pin them.

The HTTP head of request and response records (start line, header lines,
blank line) is serialised here, byte for byte from the capture: warcio's
`StatusAndHeaders` would re-encode header text (percent-encoding anything
non-ASCII), so a raw UTF-8 `Location` would be stored as bytes the server
never sent and the block digest would cover them.
"""

from __future__ import annotations

import io
import ipaddress
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

from warcio.recordbuilder import RecordBuilder
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date

from archive.model import Capture, header_bytes

WARC_VERSION = "WARC/1.1"

# Hop-by-hop framing: the body we store is already de-chunked, so these would lie.
FRAMING_HEADERS = frozenset({"transfer-encoding"})

DEFAULT_PORTS = {"http": 80, "https": 443}


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


def host_header(url: str) -> str:
    """The Host value an HTTP/1.1 client sends for `url` (port only when not the default)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        if ipaddress.ip_address(host).version == 6:
            host = f"[{host}]"
    except ValueError:
        pass
    port = parts.port or DEFAULT_PORTS.get(parts.scheme, 0)
    return host if port == DEFAULT_PORTS.get(parts.scheme) else f"{host}:{port}"


def http_head(start_line: str, headers: Iterable[tuple[str, str]]) -> bytes:
    """Start line, `Name: value` lines and the blank line, each text mapped back to its bytes.

    An LF inside a line would end it early and forge a header: refused. A bare
    CR is kept: WARC readers split lines at LF, and a capture read from another
    tool's WARC may hold one.
    """
    lines = [header_bytes(start_line)]
    lines += [header_bytes(name) + b": " + header_bytes(value) for name, value in headers]
    for line in lines:
        if b"\n" in line:
            raise ValueError(f"line feed inside an HTTP head line: {line[:80]!r}")
    return b"\r\n".join(lines) + b"\r\n\r\n"


class ExactHttpHeaders(StatusAndHeaders):  # type: ignore[misc]
    """warcio's view of an HTTP head whose serialised bytes are fixed in advance.

    warcio's writer calls `compute_headers_buffer` before writing and digests
    `headers_buff`; returning our bytes makes the block and its
    WARC-Block-Digest exactly what we serialised. `headers` stays available
    (as latin-1 text) for code that looks headers up.
    """

    def __init__(self, start_line: str, headers: list[tuple[str, str]]) -> None:
        self.exact_bytes = http_head(start_line, headers)
        first, _, rest = start_line.partition(" ")  # as warcio parses it: protocol (or method), rest
        super().__init__(rest, headers, protocol=first)
        self.headers_buff = self.exact_bytes

    def compute_headers_buffer(self, header_filter: Any = None) -> None:
        self.headers_buff = self.exact_bytes

    def to_ascii_bytes(self, filter_func: Any = None) -> bytes:
        return self.exact_bytes

    def to_bytes(self, filter_func: Any = None, encoding: str = "utf-8") -> bytes:
        return self.exact_bytes


class _PinnableBuilder(RecordBuilder):  # type: ignore[misc]
    """warcio's RecordBuilder with the record ID factory and clock injected."""

    def __init__(self, new_record_id: Callable[[], str], clock: Callable[[], datetime]) -> None:
        super().__init__(warc_version=WARC_VERSION)
        self._new_record_id = new_record_id
        self._clock = clock

    def _make_warc_id(self) -> str:  # warcio calls it on self
        return self._new_record_id()

    def _make_warc_date(self, use_micros: bool = True) -> str:
        return warc_date(self._clock())


def _random_record_id() -> str:
    return str(RecordBuilder._make_warc_id())


class CaptureRecords:
    """Turns captures into request/response (and other) WARC records."""

    def __init__(
        self,
        new_record_id: Callable[[], str] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        """`new_record_id` and `clock` (record IDs, dates of warcinfo and undated records) pin tests."""
        self._new_id = new_record_id or _random_record_id
        self._builder = _PinnableBuilder(self.new_record_id, clock or (lambda: datetime.now(UTC)))

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
        """The response record: status line, headers and body, as received."""
        warc_headers = self._base_headers(capture, record_id)
        warc_headers["WARC-Concurrent-To"] = concurrent_to
        if capture.truncated:
            warc_headers["WARC-Truncated"] = capture.truncated
        headers = [(k, v) for k, v in capture.response_headers if k.lower() not in FRAMING_HEADERS]
        http_headers = ExactHttpHeaders(status_line(capture), headers)
        return self._record(capture.url, "response", capture.body, warc_headers, http_headers)

    def request(self, capture: Capture, record_id: str, concurrent_to: str) -> Any:
        """The request record: request line and headers as the HTTP client writes them."""
        warc_headers = self._base_headers(capture, record_id)
        warc_headers["WARC-Concurrent-To"] = concurrent_to
        headers = list(capture.request_headers)
        if not any(k.lower() == "host" for k, _ in headers):
            headers.append(("Host", host_header(capture.url)))  # where an HTTP/1.1 client puts it: last
        line = f"{capture.method} {request_target(capture.url)} {capture.request_protocol}"
        http_headers = ExactHttpHeaders(line, headers)
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
        return self._builder.create_warc_record(
            uri,
            record_type,
            payload=io.BytesIO(payload),
            length=len(payload),
            warc_content_type=content_type,
            warc_headers=self._warc_headers(record_type, uri, headers),
        )

    def warcinfo(self, filename: str, info: dict[str, str]) -> Any:
        return self._builder.create_warcinfo_record(filename, info)

    def _warc_headers(self, record_type: str, uri: str, fields: dict[str, str]) -> StatusAndHeaders:
        """WARC headers in a fixed order: type, ID, date, target, then the rest as given.

        warcio appends the digests, Content-Type and Content-Length when it writes.
        """
        rest = {k: v for k, v in fields.items() if k not in ("Content-Type", "Content-Length")}
        ordered = [
            ("WARC-Type", record_type),
            ("WARC-Record-ID", rest.pop("WARC-Record-ID", None) or self.new_record_id()),
            ("WARC-Date", rest.pop("WARC-Date", None) or self._builder.curr_warc_date()),
        ]
        if uri:
            ordered.append(("WARC-Target-URI", uri))
        ordered += [(k, v) for k, v in rest.items() if k not in ("WARC-Type", "WARC-Target-URI")]
        return StatusAndHeaders("", ordered, protocol=WARC_VERSION)

    def _record(
        self,
        uri: str,
        record_type: str,
        body: bytes,
        warc_headers: dict[str, str],
        http_headers: ExactHttpHeaders,
    ) -> Any:
        return self._builder.create_warc_record(
            uri,
            record_type,
            payload=io.BytesIO(body),
            length=len(body),
            warc_headers=self._warc_headers(record_type, uri, warc_headers),
            http_headers=http_headers,
        )
