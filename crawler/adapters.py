"""The one place where Scrapy objects become archive values."""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy import Request
from scrapy.http import Response
from scrapy.http.headers import Headers as ScrapyHeaders
from scrapy.responsetypes import responsetypes

from archive.model import Capture, Headers


def _text(value: bytes | str) -> str:
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value


def header_pairs(headers: ScrapyHeaders) -> Headers:
    """Every (name, value) pair, repeated headers kept in order."""
    pairs = []
    for name, values in headers.items():
        for value in values:
            pairs.append((_text(name), _text(value)))
    return tuple(pairs)


def capture_from_scrapy(request: Request, response: Response, fetched_at: datetime | None = None) -> Capture:
    """A Capture of a response as the download handler produced it.

    Must be called before HttpCompressionMiddleware, so the body is still
    content-coded as the server sent it.
    """
    truncated = None
    if "dataloss" in response.flags:
        truncated = "disconnect"  # the server closed the connection before the body was complete
    return Capture(
        url=response.url,
        fetched_at=fetched_at or datetime.now(UTC),
        status=response.status,
        response_headers=header_pairs(response.headers),
        body=response.body,
        method=request.method,
        request_headers=header_pairs(request.headers),
        request_body=request.body,
        protocol=response.protocol or "HTTP/1.1",
        ip_address=str(response.ip_address) if response.ip_address else None,
        truncated=truncated,
    )


def response_from_capture(capture: Capture, request: Request, flags: list[str] | None = None) -> Response:
    """A Scrapy Response rebuilt from an archived capture (body still content-coded)."""
    headers = ScrapyHeaders()
    for name, value in capture.response_headers:
        headers.appendlist(name, value)
    response_class = responsetypes.from_args(headers=headers, url=capture.url, body=capture.body)
    return response_class(
        url=capture.url,
        status=capture.status,
        headers=headers,
        body=capture.body,
        flags=flags or [],
        request=request,
        protocol=capture.protocol,
    )
