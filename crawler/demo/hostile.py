"""Hostile behaviours for fixture sites: each one fakes a way the web goes wrong.

A route in `_routes.toml` names one with `behaviour = "NAME"` plus its
options; SiteServer hands the request to the function of that name, which
writes the whole response itself. Every loop here is bounded in bytes and
seconds, so a test server always stops by itself.
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections.abc import Callable
from functools import lru_cache
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

import brotli

Route = dict[str, Any]
CHUNK = b"\0" * (1 << 20)
_counters: dict[str, int] = {}
_counter_lock = threading.Lock()


@lru_cache(maxsize=8)
def compressed_zeros(coding: str, size: int) -> bytes:
    """`size` zero bytes compressed with `coding`, built in 1 MiB steps (never held whole)."""
    if coding == "br":
        compressor = brotli.Compressor(quality=5)
        parts = [compressor.process(CHUNK) for _ in range(size // len(CHUNK))]
        return b"".join(parts) + bytes(compressor.finish())
    wbits = zlib.MAX_WBITS | 16 if coding == "gzip" else zlib.MAX_WBITS
    deflater = zlib.compressobj(1, zlib.DEFLATED, wbits)
    parts = [deflater.compress(CHUNK) for _ in range(size // len(CHUNK))]
    return b"".join(parts) + deflater.flush()


def _head(handler: BaseHTTPRequestHandler, status: int, headers: list[tuple[str, str]]) -> None:
    handler.send_response(status)
    for name, value in headers:
        handler.send_header(name, value)
    handler.end_headers()


def bomb(handler: BaseHTTPRequestHandler, route: Route) -> None:
    """A decompression bomb; `coding` gzip/deflate/br; `declared = false` sends it as plain text/html."""
    coding = route.get("coding", "gzip")
    body = compressed_zeros(coding, int(route.get("size", 2_000_000_000)))
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
    if route.get("declared", True):
        headers.append(("Content-Encoding", coding))
    _head(handler, 200, headers)
    handler.wfile.write(body)


def big(handler: BaseHTTPRequestHandler, route: Route) -> None:
    """A body of `size` bytes, announced (Content-Length) or not (chunked)."""
    size = int(route.get("size", 100_000_000))
    page = b"<p>" + b"x" * 1000 + b"</p>\n"
    if route.get("chunked"):
        _head(handler, 200, [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")])
        sent = 0
        while sent < size:
            piece = page * 1000
            try:
                handler.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            except OSError:
                return
            sent += len(piece)
        handler.wfile.write(b"0\r\n\r\n")
        return
    _head(handler, 200, [("Content-Type", "text/html"), ("Content-Length", str(size))])
    sent = 0
    while sent < size:
        try:
            handler.wfile.write(page * 1000)
        except OSError:
            return
        sent += len(page) * 1000


def drip(handler: BaseHTTPRequestHandler, route: Route) -> None:
    """One byte a second, for at most `seconds` seconds."""
    seconds = int(route.get("seconds", 30))
    _head(handler, 200, [("Content-Type", "text/html"), ("Content-Length", str(seconds + 100))])
    for _ in range(seconds):
        try:
            handler.wfile.write(b"<")
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(1)


def drop(handler: BaseHTTPRequestHandler, route: Route) -> None:
    """Send part of the body, then close the connection (Content-Length or chunked)."""
    body = ("<html><head><title>Cut off</title></head><body>" + "<p>Statement text. </p>" * 200).encode()
    keep = int(route.get("after", 1000))
    if route.get("chunked"):
        _head(handler, 200, [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")])
        handler.wfile.write(f"{keep:x}\r\n".encode() + body[:keep] + b"\r\n")
    else:
        _head(handler, 200, [("Content-Type", "text/html"), ("Content-Length", str(len(body)))])
        handler.wfile.write(body[:keep])
    handler.wfile.flush()
    handler.close_connection = True
    try:
        handler.connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def flaky(handler: BaseHTTPRequestHandler, route: Route) -> None:
    """`fail` answers of `status` (with Retry-After), then a normal page."""
    path = urlsplit(handler.path).path
    with _counter_lock:
        _counters[path] = _counters.get(path, 0) + 1
        attempt = _counters[path]
    if attempt <= int(route.get("fail", 2)):
        headers = [("Content-Type", "text/html"), ("Content-Length", "0")]
        if "retry_after" in route:
            headers.append(("Retry-After", str(route["retry_after"])))
        _head(handler, int(route.get("status", 503)), headers)
        return
    body = b"<html><body><p>Back after retries.</p></body></html>"
    _head(handler, 200, [("Content-Type", "text/html"), ("Content-Length", str(len(body)))])
    handler.wfile.write(body)


def trap(handler: BaseHTTPRequestHandler, route: Route) -> None:
    """Endless link generators: `kind` calendar, session or deep."""
    parts = urlsplit(handler.path)
    kind = route.get("kind", "calendar")
    if kind == "calendar":
        month = int(parse_qs(parts.query).get("month", ["0"])[0] or 0)
        link = f"{parts.path}?month={month + 1}"
    elif kind == "session":
        link = f"{parts.path}?sid={time.monotonic_ns()}&page=1"
    else:
        link = parts.path.rstrip("/") + "/more/"
    body = f'<html><body><p>{kind} page</p><a href="{link}">next</a></body></html>'.encode()
    _head(handler, 200, [("Content-Type", "text/html"), ("Content-Length", str(len(body)))])
    handler.wfile.write(body)


def chain(handler: BaseHTTPRequestHandler, route: Route) -> None:
    """/chain/N redirects to /chain/N+1, forever: only a redirect limit ends it."""
    number = int(urlsplit(handler.path).path.rstrip("/").rsplit("/", 1)[-1] or 0)
    _head(handler, 302, [("Location", f"/chain/{number + 1}"), ("Content-Length", "0")])


def _header_value(value: str | list[list[str]], charset: str) -> bytes:
    """A value as bytes: text in `charset`, or [text, charset] segments (mixed charsets in one value)."""
    if isinstance(value, str):
        return value.encode(charset)
    return b"".join(text.encode(segment_charset) for text, segment_charset in value)


def raw_head(handler: BaseHTTPRequestHandler, route: Route) -> None:
    """Header bytes exactly as given, unescaped: raw UTF-8 `Location`, EUC-KR filenames, folded lines.

    `status_line` (default `HTTP/1.1 200 OK`); `headers` = [[name, value], [name, value, charset], ...]
    where value is text (UTF-8 unless `charset`) or [[text, charset], ...] segments; `body` (UTF-8).
    Content-Length is added unless given.
    """
    body = str(route.get("body", "")).encode("utf-8")
    lines = [str(route.get("status_line", "HTTP/1.1 200 OK")).encode("ascii")]
    for name, value, *charset in route.get("headers", []):
        lines.append(name.encode("ascii") + b": " + _header_value(value, charset[0] if charset else "utf-8"))
    if not any(line.lower().startswith(b"content-length:") for line in lines):
        lines.append(b"Content-Length: " + str(len(body)).encode())
    handler.wfile.write(b"\r\n".join(lines) + b"\r\n\r\n" + body)
    handler.wfile.flush()


BEHAVIOURS: dict[str, Callable[[BaseHTTPRequestHandler, Route], None]] = {
    "bomb": bomb,
    "big": big,
    "drip": drip,
    "drop": drop,
    "flaky": flaky,
    "trap": trap,
    "chain": chain,
    "raw_head": raw_head,
}
