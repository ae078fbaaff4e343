"""Refuse, before any connection, requests that leave the crawl's scope.

Scope is the origin (scheme, host, port) of the sources, so a redirect to
another origin, to a cloud metadata address (169.254.169.254), to a private
or loopback address, or to a non-HTTP scheme is refused and logged, and no
cookie or Authorization header can follow it anywhere.

One exception: a redirect chain that starts at a source's seed, sitemap or
feed brings each hop's origin into that source's scope (http→https and
apex→www are the web's most common first answers) — unless the hop is a
private, loopback or link-local address and the start URL was not.
"""

from __future__ import annotations

import ipaddress
import logging
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from crawler.sources import Scope

ALLOWED_SCHEMES = ("http", "https")
logger = logging.getLogger(__name__)


class OutOfScope(IgnoreRequest):
    """A request the guard refused; the message says why."""


def private_address(host: str) -> str | None:
    """'private', 'loopback', 'link-local', ... for an IP literal host; None otherwise."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return "loopback"  # RFC 6761: always resolves to a loopback address
    try:
        address = ipaddress.ip_address(host)
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
        if redirected and self._admit_seed_redirect(
            scope, request.meta["redirect_urls"][0], request.url, kind
        ):
            return
        if kind is not None:
            raise OutOfScope(f"{what} {kind} address {parts.hostname}")
        raise OutOfScope(f"{what} another origin {parts.scheme}://{parts.netloc}")

    def _admit_seed_redirect(self, scope: Scope, start: str, target: str, kind: str | None) -> bool:
        """Widen the start URL's source to the target's origin if this chain began at a start URL."""
        source = scope.start_source(start)
        if source is None:
            return False
        if kind is not None and private_address(urlsplit(start).hostname or "") is None:
            return False  # a public seed must not lead the crawl into a private network
        if scope.admit(target, source):
            parts = urlsplit(target)
            logger.info(
                "seed redirect %s -> %s: source %r now includes %s://%s",
                start,
                target,
                source.name,
                parts.scheme,
                parts.netloc,
            )
        return True
