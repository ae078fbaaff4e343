"""Conditional re-fetches: ask the server whether a page archived before has changed.

A downloader middleware (930: after HttpCacheMiddleware at 900, before the
archive replay at 940 and the recorder at 950, so the request record shows
the validators sent). For a GET of a URL whose full copy is in the crawl
state, it sends that copy's validators: If-None-Match (its ETag) and
If-Modified-Since (its Last-Modified). A server that finds the page
unchanged answers `304 Not Modified` with no body, which the recorder
archives as a revisit record.

The spider then gets the archived full copy in place of the 304 (status,
headers and body read back from its WARC record, flagged
`presswarc-not-modified`), so it follows the page's links as on any visit:
an unchanged section page still leads to articles that failed or were
left out last time. If that record cannot be read, the 304 itself goes on.
Scrapy would turn a 304 into an `HttpError` before the spider sees it
(HttpErrorMiddleware passes only 2xx), so the middleware adds 304 to the
request's `handle_httpstatus_list`. 304 is not a redirect status for
RedirectMiddleware and not a retry status, so nothing else touches it.

Not made conditional: robots.txt (a 304 there would leave no rules to
parse), non-GET requests, requests that already carry a validator,
requests with `meta["presswarc_full"]`, and URLs whose stored copy is not a
200 or has no validator. Disabled when the crawl is not incremental (see
crawler/crawlstate.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from archive.reader import read_response_at
from archive.state import StateStore, UrlState
from crawler.adapters import response_from_capture
from crawler.crawlstate import CrawlStateLink

logger = logging.getLogger(__name__)

FULL_META = "presswarc_full"
"""`request.meta` key: fetch this URL unconditionally (a full copy whatever the state says)."""
CONDITIONAL_META = "presswarc_conditional"
"""`request.meta` key set by the middleware: the validators it sent, as a dict."""
VALIDATORS = ("If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
NOT_MODIFIED = 304
NOT_MODIFIED_FLAG = "presswarc-not-modified"
"""Response flag: the server answered 304; this is the archived copy it confirmed."""


def conditional_headers(previous: UrlState | None) -> dict[str, str]:
    """The validators to send for a URL, given what the state remembers of it.

    Only a stored 200 can be revalidated: a 304 means "the 200 you hold is
    still current" (RFC 9110 15.4.5), so there must be one.
    """
    if previous is None or previous.full is None or previous.full.status != 200:
        return {}
    headers = {}
    if previous.etag:
        headers["If-None-Match"] = previous.etag
    if previous.last_modified:
        headers["If-Modified-Since"] = previous.last_modified
    return headers


class ConditionalRequestMiddleware:
    """Adds the stored validators to re-fetches; lets their 304 reach the spider."""

    def __init__(self, crawler: Crawler, state: StateStore, warc_dir: Path) -> None:
        self.crawler = crawler
        self.state = state
        self.warc_dir = warc_dir
        settings = crawler.settings
        self._allow_all = settings.getbool("HTTPERROR_ALLOW_ALL")
        codes = [int(code) for code in settings.getlist("HTTPERROR_ALLOWED_CODES")]
        self._allowed_by_setting = [code for code in codes if code not in REDIRECT_STATUSES]

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        link = CrawlStateLink.of(crawler)
        if not link.incremental:
            logger.info("presswarc: not incremental (a first crawl here, or a full re-fetch)")
            raise NotConfigured()
        return cls(crawler, link.state, Path(crawler.settings["ARCHIVE_DIR"]) / "warc")

    def process_request(self, request: Request) -> None:
        ours = request.meta.pop(CONDITIONAL_META, None)
        if ours:  # a redirect or retry copied the request: its validators were for the URL it came from
            for name in ours:
                del request.headers[name]
        if not self._applies_to(request):
            return
        headers = conditional_headers(self.state.last(request.url))
        if not headers:
            return
        for name, value in headers.items():
            request.headers[name] = value
        request.meta[CONDITIONAL_META] = headers
        self._let_304_through(request)
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("presswarc/conditional_requests")

    def process_response(self, request: Request, response: Response) -> Response:
        """A 304 to our validators: hand on the archived copy it confirmed instead."""
        if response.status != NOT_MODIFIED or CONDITIONAL_META not in request.meta:
            return response
        previous = self.state.last(request.url)
        if previous is None or previous.full is None:
            return response
        path = self.warc_dir / previous.full.filename
        try:
            capture = read_response_at(path, previous.full.offset)
        except OSError as error:
            capture = None
            logger.warning("presswarc: cannot read the archived copy of %s: %s", request.url, error)
        if capture is None:
            return response
        return response_from_capture(capture, request, flags=[NOT_MODIFIED_FLAG])

    def _applies_to(self, request: Request) -> bool:
        if request.method != "GET" or request.meta.get(FULL_META):
            return False
        if urlparse_cached(request).path == "/robots.txt":
            return False
        return not any(name in request.headers for name in VALIDATORS)

    def _let_304_through(self, request: Request) -> None:
        """Allow 304 past HttpErrorMiddleware, keeping what it allowed before.

        The request's list replaces the spider's and the setting's for this
        request, so it starts from whichever of them HttpErrorMiddleware would
        have used (redirect statuses left out: listed, RedirectMiddleware
        would stop following them).
        """
        meta = request.meta
        if meta.get("handle_httpstatus_all") or self._allow_all:
            return
        allowed = meta.get("handle_httpstatus_list")
        if allowed is None:
            allowed = getattr(self.crawler.spider, "handle_httpstatus_list", None)
        if allowed is None:
            allowed = self._allowed_by_setting
        if NOT_MODIFIED not in allowed:
            meta["handle_httpstatus_list"] = [*allowed, NOT_MODIFIED]
