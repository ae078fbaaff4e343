"""The one place where Scrapy objects become archive values.

Header values cross this boundary as bytes kept in latin-1 text
(`archive.model.header_text`), so what Twisted handed Scrapy is what the
WARC holds, byte for byte.
"""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy import Request
from scrapy.http import Response
from scrapy.http.headers import Headers as ScrapyHeaders
from scrapy.responsetypes import responsetypes
from twisted.web.http_headers import Headers as TwistedHeaders

from archive.model import Capture, Headers, header_bytes, header_text
from archive.records import host_header

TWISTED_REQUEST_PROTOCOL = "HTTP/1.1"
"""Twisted's HTTP/1.1 client writes this on every request line."""


def header_pairs(headers: ScrapyHeaders) -> Headers:
    """Every (name, value) pair, repeated headers kept in order, values byte for byte."""
    return tuple(
        (header_text(bytes(name)), header_text(bytes(value)))
        for name, values in headers.items()
        for value in values
    )


def request_headers_as_sent(request: Request) -> Headers:
    """The request headers in the order and case Twisted's client writes them.

    Scrapy's download handler passes `Headers(request.headers)` to Twisted,
    which canonicalises the names, puts the body framing first (a
    Content-Length, also `0` for a body-less POST or PUT) and adds Host last.
    """
    pairs: list[tuple[str, str]] = []
    if request.body:
        pairs.append(("Content-Length", str(len(request.body))))
    elif request.method.upper() in ("POST", "PUT"):
        pairs.append(("Content-Length", "0"))
    twisted_headers = TwistedHeaders(request.headers)  # as the download handler builds them
    pairs += [
        (header_text(name), header_text(value))
        for name, values in twisted_headers.getAllRawHeaders()
        for value in values
    ]
    if not twisted_headers.hasHeader(b"Host"):
        pairs.append(("Host", host_header(request.url)))
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
        request_headers=request_headers_as_sent(request),
        request_body=request.body,
        protocol=response.protocol or "HTTP/1.1",
        ip_address=str(response.ip_address) if response.ip_address else None,
        truncated=truncated,
        request_protocol=TWISTED_REQUEST_PROTOCOL,
    )


def response_from_capture(capture: Capture, request: Request, flags: list[str] | None = None) -> Response:
    """A Scrapy Response rebuilt from an archived capture (body still content-coded)."""
    headers = ScrapyHeaders()
    for name, value in capture.response_headers:
        headers.appendlist(header_bytes(name), header_bytes(value))  # Scrapy would encode text as UTF-8
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
