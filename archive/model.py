"""Plain values shared by the live crawl and offline replay.

A `Capture` is one HTTP exchange as it came off the wire (as far as the HTTP
client lets us see it). It is the only input the archive writer and the
extractor accept, so live and archived pages travel the same path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Capture:
    """One request/response exchange, bodies as bytes exactly as received."""

    url: str
    """The URL that was requested (WARC-Target-URI)."""
    fetched_at: datetime
    """When the response arrived, timezone-aware UTC (WARC-Date)."""
    status: int
    """HTTP status code."""
    response_headers: Headers
    """Response headers in the order received; hop-by-hop headers removed."""
    body: bytes
    """Response body as sent: content-coding (gzip, br, ...) still applied."""
    method: str = "GET"
    request_headers: Headers = ()
    """Request headers as handed to the HTTP client."""
    request_body: bytes = b""
    protocol: str = "HTTP/1.1"
    reason: str = ""
    """Reason phrase of the status line; empty means the standard phrase."""
    ip_address: str | None = None
    truncated: str | None = None
    """Why the body is incomplete (WARC-Truncated value), or None."""

    def header(self, name: str) -> str | None:
        """First response header called `name` (case-insensitive)."""
        wanted = name.lower()
        for key, value in self.response_headers:
            if key.lower() == wanted:
                return value
        return None


@dataclass(frozen=True, slots=True)
class RecordLocation:
    """Where a record lives: enough to seek to it and to cite it."""

    filename: str
    offset: int
    length: int
    record_id: str
