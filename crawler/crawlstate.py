"""The crawl's one `CrawlState`, shared by the components that read or write it.

Opened on first use in `ARCHIVE_DIR` (created there on a first crawl, so the
next one can be incremental) and closed when the engine stops, after the
recorder's `spider_closed` work. Used from the reactor thread only: SQLite
connections refuse other threads.

Whether this crawl uses what earlier crawls stored is decided once, before
the file is created: PRESSWARC_FULL_REFETCH forces a full re-fetch;
otherwise PRESSWARC_INCREMENTAL (default: incremental when the folder already
has state).
"""

from __future__ import annotations

from pathlib import Path

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings

from archive.state import CrawlState, has_state

INCREMENTAL = "PRESSWARC_INCREMENTAL"
FULL_REFETCH = "PRESSWARC_FULL_REFETCH"


def uses_state(settings: BaseSettings) -> bool:
    """A crawl keeps state unless turned off or a Redis worker (the frontier lives in Redis)."""
    return settings.getbool("PRESSWARC_STATE", True) and not settings.get("PRESSWARC_REDIS_URL")


def is_incremental(settings: BaseSettings, out_dir: Path) -> bool:
    """Whether this crawl sends conditional requests and writes revisits."""
    if settings.getbool(FULL_REFETCH, False):
        return False
    configured = settings.get(INCREMENTAL)
    if configured is None or configured == "":
        return has_state(out_dir)
    return settings.getbool(INCREMENTAL)


class CrawlStateLink:
    """Holds the crawler's CrawlState and whether it is used incrementally."""

    def __init__(self, crawler: Crawler, out_dir: Path) -> None:
        self.incremental = is_incremental(crawler.settings, out_dir)
        self.state = CrawlState.open(out_dir)
        crawler.signals.connect(self.finished, signal=signals.request_dropped)
        crawler.signals.connect(self.close, signal=signals.engine_stopped)

    @classmethod
    def of(cls, crawler: Crawler) -> CrawlStateLink:
        """The crawler's one link (the state is opened on first use)."""
        existing: CrawlStateLink | None = getattr(crawler, "_presswarc_state", None)
        if existing is None:
            out = crawler.settings.get("ARCHIVE_DIR")
            if not out:
                raise NotConfigured("ARCHIVE_DIR not set")
            existing = cls(crawler, Path(out))
            crawler._presswarc_state = existing  # type: ignore[attr-defined]
        return existing

    def finished(self, request: Request) -> None:
        """`request` reached its final outcome: it and the URLs that redirected to it leave the frontier.

        Call it from the callback and the errback. A request the scheduler
        drops (a duplicate) is finished here on the `request_dropped` signal.
        """
        for url in (*request.meta.get("redirect_urls", ()), request.url):
            self.state.done(url)

    def close(self) -> None:
        self.state.close()
