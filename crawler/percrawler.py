"""One shared object per crawler, made on first use.

The outcome log, the crawl state and the Redis frontier are each used by
several Scrapy components (spider, middlewares, extensions) that Scrapy
builds separately; they find the one instance on the crawler itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

T = TypeVar("T")


def one_per_crawler(crawler: Crawler, name: str, make: Callable[[], T]) -> T:
    """The crawler's `name` object, made by `make()` the first time it is asked for."""
    attribute = f"_presswarc_{name}"
    existing: T | None = getattr(crawler, attribute, None)
    if existing is None:
        existing = make()
        setattr(crawler, attribute, existing)
    return existing


def archive_dir(crawler: Crawler) -> Path:
    """The crawl's output folder (ARCHIVE_DIR); components that write need it."""
    out = crawler.settings.get("ARCHIVE_DIR")
    if not out:
        raise NotConfigured("ARCHIVE_DIR not set")
    return Path(out)
