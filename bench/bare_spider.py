"""Row A: a bare Scrapy spider that routes links the way `statements` does, and nothing else.

It is the yardstick for what presswarc's archiving and extraction cost: the
same LinkExtractor (`deny_extensions=None, unique=True`), the same URL
canonicalisation (session parameters and fragments dropped, then
`canonicalize_url` for the seen-set), the same origin scope and the same
breadth-first order, but no WARC writing, crawl log, outcomes, traps or
extraction. Runs with plain Scrapy settings (not presswarc's project), see
`bench/baselines.py`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.linkextractors import LinkExtractor
from w3lib.url import canonicalize_url

from crawler.traps import canonical_url

# The `statements` spider's scheduling order (crawler/settings.py): breadth-first.
ROUTING_SETTINGS = {
    "DEPTH_PRIORITY": 1,
    "SCHEDULER_DISK_QUEUE": "scrapy.squeues.PickleFifoDiskQueue",
    "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
}


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname or "", parts.port or {"http": 80, "https": 443}.get(parts.scheme)


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.seeds = [u for u in urls.replace(",", " ").split() if u]
        self.origins = {_origin(u) for u in self.seeds}
        self.seen: set[str] = set()
        self.links = LinkExtractor(deny_extensions=None, unique=True)

    def _request(self, url: str) -> scrapy.Request | None:
        url = canonical_url(url)
        key = canonicalize_url(url)
        if key in self.seen:
            return None
        self.seen.add(key)
        if _origin(url) not in self.origins:
            return None
        return scrapy.Request(url, callback=self.parse)

    async def start(self) -> Any:
        for url in self.seeds:
            if (request := self._request(url)) is not None:
                yield request

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        if isinstance(response, scrapy.http.HtmlResponse):
            for link in self.links.extract_links(response):
                if (request := self._request(link.url)) is not None:
                    yield request
