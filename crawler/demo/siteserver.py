"""Serve a folder of static pages on 127.0.0.1, with per-path HTTP behaviour as data.

A site is a folder of files plus an optional `_routes.toml` whose tables are
keyed by path and say how to serve it:

    ["/news/1.html"]
    content_encoding = "gzip"        # gzip | deflate | br
    chunked = true                   # Transfer-Encoding: chunked
    content_type = "text/html; charset=euc-kr"
    transcode = "euc-kr"             # encode the UTF-8 file in this charset
    status = 404
    redirect = "/elsewhere"          # with status (default 301)
    body = "inline body"             # instead of a file
    headers = { "X-Extra" = "1" }
    behaviour = "bomb"               # a hostile behaviour from crawler/demo/hostile.py, with its options

A key ending in `*` matches every path with that prefix.

Used by `presswarc demo` and by the tests. Every request is logged in
`requests` so a test can assert what was (not) fetched, and its head in
`request_heads` so a test can compare it with the WARC's request record.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
import tomllib
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import brotli

from crawler.demo.hostile import BEHAVIOURS

ENCODERS = {
    "gzip": gzip.compress,
    "deflate": zlib.compress,
    "br": brotli.compress,
}


class SiteServer:
    """One site on one loopback port, served from a background thread."""

    def __init__(self, root: Path, port: int = 0) -> None:
        self.root = Path(root).resolve()
        routes_file = self.root / "_routes.toml"
        self.routes: dict[str, dict[str, Any]] = (
            tomllib.loads(routes_file.read_text(encoding="utf-8")) if routes_file.exists() else {}
        )
        self.requests: list[tuple[str, str]] = []
        self.request_heads: dict[str, bytes] = {}
        """Request target -> request line and header lines as received (the latest request for it)."""
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _file_for(self, path: str) -> Path | None:
        candidate = (self.root / path.lstrip("/")).resolve()
        if candidate.is_dir():
            candidate = candidate / "index.html"
        if self.root not in candidate.parents or not candidate.is_file():
            return None
        if candidate.name.startswith("_"):
            return None
        return candidate

    def route_for(self, target: str) -> dict[str, Any]:
        """The route for a request target: exact target, then path, then longest `prefix*`."""
        path = urlsplit(target).path or "/"
        if target in self.routes:
            return self.routes[target]
        if path in self.routes:
            return self.routes[path]
        prefixes = [key for key in self.routes if key.endswith("*") and path.startswith(key[:-1])]
        return self.routes[max(prefixes, key=len)] if prefixes else {}

    def response_for(self, target: str) -> tuple[int, list[tuple[str, str]], bytes, bool]:
        """(status, headers, body, chunked) for a request target."""
        path = urlsplit(target).path or "/"
        route = self.route_for(target)
        headers: list[tuple[str, str]] = []
        if "redirect" in route:
            headers.append(("Location", str(route["redirect"]).replace("{{port}}", str(self.port))))
            return int(route.get("status", 301)), headers, b"", False
        status = int(route.get("status", 200))
        if "body" in route:
            body = str(route["body"]).encode("utf-8")
            content_type = route.get("content_type", "text/html; charset=utf-8")
        else:
            file = self._file_for(path)
            if file is None:
                return 404, [("Content-Type", "text/html; charset=utf-8")], b"<h1>Not found</h1>", False
            body = file.read_bytes()
            guessed = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            if guessed.startswith("text/") or guessed.endswith("xml"):
                guessed += "; charset=utf-8"
            content_type = route.get("content_type", guessed)
        body = body.replace(b"{{origin}}", self.url.encode())
        if "transcode" in route:
            body = body.decode("utf-8").encode(route["transcode"])
        headers.append(("Content-Type", content_type))
        encoding = route.get("content_encoding")
        if encoding:
            body = ENCODERS[encoding](body)
            headers.append(("Content-Encoding", encoding))
        headers.extend((str(k), str(v)) for k, v in route.get("headers", {}).items())
        return status, headers, body, bool(route.get("chunked"))

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append(("GET", self.path))
                lines = [self.requestline, *(f"{name}: {value}" for name, value in self.headers.items())]
                server.request_heads[self.path] = "".join(f"{line}\r\n" for line in lines).encode("latin-1")
                route = server.route_for(self.path)
                if "behaviour" in route:
                    BEHAVIOURS[route["behaviour"]](self, route)
                    return
                status, headers, body, chunked = server.response_for(self.path)
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                if chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                else:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if chunked:
                    step = max(1, len(body) // 3 or 1)
                    for start in range(0, len(body), step):
                        piece = body[start : start + step]
                        self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                else:
                    self.wfile.write(body)

        return Handler
