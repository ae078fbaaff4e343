"""The generic `statements` spider: seeds, sitemaps and feeds from sources data.

It only routes: which responses to follow and which are article candidates.
Archiving happens at the downloader edge, extraction in the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Response
from scrapy.linkextractors import LinkExtractor
from w3lib.url import canonicalize_url

from crawler.discovery import feed_urls, sitemap_urls
from crawler.sources import Scope, Source, load_sources, sources_from_urls

ROLE = "presswarc_role"


class StatementsSpider(scrapy.Spider):
    name = "statements"

    def __init__(
        self,
        urls: str = "",
        sources: str = "",
        max_pages: str | int = 0,
        max_depth: str | int = -1,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        found: list[Source] = []
        if sources:
            found += load_sources(Path(sources))
        url_list = [u for u in str(urls).replace(",", " ").split() if u]
        found += sources_from_urls(url_list)
        if not found:
            raise ValueError("statements spider needs urls=... or sources=FILE")
        self.scope = Scope(found)
        self.max_pages = int(max_pages or 0)
        self.max_depth = int(max_depth if max_depth not in ("", None) else -1)
        self.scheduled = 0
        self.seen: set[str] = set()
        self.links = LinkExtractor(deny_extensions=None, unique=True)

    def _budget_left(self) -> bool:
        return not self.max_pages or self.scheduled < self.max_pages

    def _request(self, url: str, role: str, depth: int = 0) -> scrapy.Request | None:
        key = canonicalize_url(url)
        if key in self.seen or url not in self.scope or not self._budget_left():
            return None
        self.seen.add(key)
        self.scheduled += 1
        return scrapy.Request(url, callback=self.parse, meta={ROLE: role, "presswarc_depth": depth})

    async def start(self) -> Any:
        for source in self.scope.sources:
            for role, urls in (("sitemap", source.sitemaps), ("feed", source.feeds), ("page", source.seeds)):
                for url in urls:
                    request = self._request(url, role)
                    if request is not None:
                        yield request

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        role = response.meta.get(ROLE, "page")
        depth = response.meta.get("presswarc_depth", 0)
        if role == "sitemap":
            yield from self._follow_sitemap(response, depth)
        elif role == "feed":
            for url in feed_urls(response.body, response.url):
                if (request := self._request(url, "page", depth + 1)) is not None:
                    yield request
        elif hasattr(response, "text") and isinstance(response, scrapy.http.HtmlResponse):
            yield from self._follow_links(response, depth)

    def _follow_sitemap(self, response: Response, depth: int) -> Iterator[scrapy.Request]:
        kind, locs = sitemap_urls(response.body)
        role = "sitemap" if kind == "sitemapindex" else "page"
        for url in locs:
            if (request := self._request(url, role, depth + 1)) is not None:
                yield request

    def _follow_links(self, response: Response, depth: int) -> Iterator[scrapy.Request]:
        if 0 <= self.max_depth <= depth:
            return
        for link in self.links.extract_links(response):
            if (request := self._request(link.url, "page", depth + 1)) is not None:
                yield request
