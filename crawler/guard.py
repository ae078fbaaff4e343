"""Refuse, before any connection, requests that leave the crawl's scope.

Scope is the origin (scheme, host, port) of the sources, so a redirect to
another origin, to a cloud metadata address (169.254.169.254), to a private
or loopback address, or to a non-HTTP scheme is refused and logged, and no
cookie or Authorization header can follow it anywhere.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

ALLOWED_SCHEMES = ("http", "https")


class OutOfScope(IgnoreRequest):
    """A request the guard refused; the message says why."""


def private_address(host: str) -> str | None:
    """'private', 'loopback', 'link-local', ... for an IP literal host; None otherwise."""
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    for kind in ("loopback", "link_local", "private", "reserved", "multicast", "unspecified"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None


class ScopeGuardMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScopeGuardMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        redirected = bool(request.meta.get("redirect_urls"))
        what = "redirect to" if redirected else "request for"
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            raise OutOfScope(f"{what} non-HTTP scheme {parts.scheme!r}")
        scope = getattr(self.crawler.spider, "scope", None)
        if scope is None or request.url in scope:
            return
        kind = private_address(parts.hostname or "")
        if kind is not None:
            raise OutOfScope(f"{what} {kind} address {parts.hostname}")
        raise OutOfScope(f"{what} another origin {parts.scheme}://{parts.netloc}")
