"""The crawl's one state store (`CrawlState`, or a Redis job's), shared by the components using it.

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

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import redis
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

from archive.model import Capture, RecordLocation
from archive.revisit import Kind, remember
from archive.state import CrawlState, StateStore, UrlState, has_state
from crawler.percrawler import archive_dir, one_per_crawler
from crawler.redis_state import RedisCrawlState, has_redis_state

logger = logging.getLogger(__name__)

INCREMENTAL = "PRESSWARC_INCREMENTAL"
FULL_REFETCH = "PRESSWARC_FULL_REFETCH"
STATE_ERRORS = (sqlite3.Error, redis.RedisError)


def uses_state(settings: BaseSettings) -> bool:
    """A crawl keeps state unless turned off (a Redis worker keeps it in Redis: crawler/redis_state.py)."""
    return settings.getbool("PRESSWARC_STATE", True)


def is_incremental(settings: BaseSettings, out_dir: Path) -> bool:
    """Whether this crawl sends conditional requests and writes revisits."""
    if settings.getbool(FULL_REFETCH, False):
        return False
    configured = settings.get(INCREMENTAL)
    if configured is None or configured == "":
        if settings.get("PRESSWARC_REDIS_URL"):
            return has_redis_state(settings["PRESSWARC_REDIS_URL"], settings["PRESSWARC_REDIS_JOB"])
        return has_state(out_dir)
    return settings.getbool(INCREMENTAL)


class CrawlStateLink:
    """Holds the crawler's state store and whether it is used incrementally."""

    def __init__(self, crawler: Crawler, out_dir: Path) -> None:
        self.incremental = is_incremental(crawler.settings, out_dir)
        redis_url = crawler.settings.get("PRESSWARC_REDIS_URL")
        self.state: StateStore
        if redis_url:  # a worker of a Redis job: the same interface, shared by all workers
            job = crawler.settings["PRESSWARC_REDIS_JOB"]
            self.state = RedisCrawlState.open(redis_url, job)
        else:
            self.state = CrawlState.open(out_dir)
        self.broken = False
        crawler.signals.connect(self.finished, signal=signals.request_dropped)
        crawler.signals.connect(self.close, signal=signals.engine_stopped)

    @classmethod
    def of(cls, crawler: Crawler) -> CrawlStateLink:
        """The crawler's one link (the state is opened on first use)."""
        return one_per_crawler(crawler, "state", lambda: cls(crawler, archive_dir(crawler)))

    def _write(self, action: Callable[[], object]) -> None:
        """Run one state write; a state that cannot be written (disk full) must not stop archiving.

        The first failure is logged and later writes are skipped: the WARCs
        stay the evidence, only this run's resume and revisit data are lost.
        """
        if self.broken:
            return
        try:
            action()
        except STATE_ERRORS as error:
            self.broken = True
            logger.error(
                "presswarc: the crawl state %s cannot be written (%s); archiving goes on, "
                "but this run will not be resumable or used for revisits",
                self.state.path,
                error,
            )

    def last(self, url: str) -> UrlState | None:
        """What the state remembers of `url` (None when nothing, or the state is unreadable)."""
        try:
            return self.state.last(url)
        except STATE_ERRORS:
            return None

    def is_due(self, url: str, min_age: timedelta, lastmod: datetime | None) -> bool:
        """Whether to fetch `url` now (an unreadable state says yes)."""
        try:
            return self.state.is_due(url, min_age, lastmod)
        except STATE_ERRORS:
            return True

    def is_pending(self, url: str) -> bool:
        try:
            return self.state.is_pending(url)
        except STATE_ERRORS:
            return True

    def add_pending(self, url: str, role: str, depth: int, priority: int, meta: dict[str, Any]) -> None:
        self._write(lambda: self.state.add_pending(url, role, depth, priority, meta))

    def remember(self, capture: Capture, location: RecordLocation, kind: Kind) -> None:
        """Record what was just written to the WARC (call after the write returned)."""
        self._write(lambda: remember(self.state, capture, location, kind))

    def finished(self, request: Request) -> None:
        """`request` reached its final outcome: it and the URLs that redirected to it leave the frontier.

        Call it from the callback and the errback. A request the scheduler
        drops (a duplicate) is finished here on the `request_dropped` signal.
        """
        urls = [*request.meta.get("redirect_urls", ()), request.url]

        def done() -> None:
            for url in urls:
                self.state.done(url)

        self._write(done)

    def close(self) -> None:
        self.state.close()
