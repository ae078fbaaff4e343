"""Plain values shared by the live crawl and offline replay.

A `Capture` is one HTTP exchange as it came off the wire (as far as the HTTP
client lets us see it). It is the only input the archive writer and the
extractor accept, so live and archived pages travel the same path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

Headers = tuple[tuple[str, str], ...]
"""(name, value) pairs; each character U+0000-U+00FF stands for the byte of that value.

Header bytes are kept as latin-1 text: decoding any byte string as latin-1 and
encoding it back gives the same bytes, so a raw UTF-8 `Location` or a
Content-Disposition filename in any charset survives byte for byte. Read the
text with `header_bytes` before interpreting it in another charset.
"""


def header_text(raw: bytes) -> str:
    """Header bytes as the latin-1 text a `Capture` holds (a bijection)."""
    return raw.decode("latin-1")


def header_bytes(text: str) -> bytes:
    """The bytes a header text stands for.

    Text built from bytes (`header_text`) maps back exactly. Text holding a
    character above U+00FF cannot have come from bytes: it was typed as
    Unicode, and is sent as UTF-8, the way browsers send such a value.
    """
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-8")


@dataclass(frozen=True, slots=True)
class Capture:
    """One request/response exchange, bodies as bytes exactly as received."""

    url: str
    """The URL that was requested (WARC-Target-URI)."""
    fetched_at: datetime
    """When capture of this exchange began: the instant the HTTP client started the request
    (WARC 1.1 WARC-Date: "the instant that data capture for record creation began"), aware UTC."""
    status: int
    """HTTP status code."""
    response_headers: Headers
    """Response headers as the HTTP client handed them on, values byte for byte (see `Headers`)."""
    body: bytes
    """Response body as sent: content-coding (gzip, br, ...) still applied."""
    method: str = "GET"
    request_headers: Headers = ()
    """Request headers as the HTTP client writes them; a missing Host is added from the URL."""
    request_body: bytes = b""
    protocol: str = "HTTP/1.1"
    """Protocol of the response's status line."""
    reason: str = ""
    """Reason phrase of the status line (latin-1 text, as headers); empty means the standard phrase."""
    ip_address: str | None = None
    truncated: str | None = None
    """Why the body is incomplete (WARC-Truncated value), or None."""
    request_protocol: str = "HTTP/1.1"
    """Protocol of the request line (what the client sent, whatever the server answered)."""

    def header(self, name: str) -> str | None:
        """First response header called `name` (case-insensitive), as latin-1 text."""
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
