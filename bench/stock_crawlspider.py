"""Row A0: the CrawlSpider a Scrapy user writes first.

`allowed_domains`, one Rule with a default LinkExtractor that follows every
link and yields a small item per page; Scrapy's default scheduling order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule


class StockCrawlSpider(CrawlSpider):
    name = "stock"
    rules = (Rule(LinkExtractor(), callback="parse_item", follow=True),)

    def __init__(self, urls: str = "", **kwargs: Any) -> None:
        self.start_urls = [u for u in urls.replace(",", " ").split() if u]
        self.allowed_domains = sorted({urlsplit(u).hostname or "" for u in self.start_urls})
        super().__init__(**kwargs)

    def parse_item(self, response: Response) -> Iterator[dict[str, Any]]:
        yield {"url": response.url, "title": response.css("title::text").get()}
