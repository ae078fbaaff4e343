"""Scrapy extension: the crawl's progress on a terminal, or a log line every so often.

Counters come from the crawl's own bookkeeping (the outcome log and Scrapy's
stats); MB written is the size of the WARC folder. `PRESSWARC_PROGRESS =
False` turns it off; `PRESSWARC_PROGRESS_INTERVAL` (30 s) spaces the plain
lines when stderr is not a terminal.
"""

from __future__ import annotations

import sys
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from archive.progress import Progress
from crawler.outcomes import OutcomeLog


class CrawlProgress:
    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.outcomes = OutcomeLog.of(crawler)
        self.progress: Progress | None = None
        self.interval = interval
        self._ticker: Any = None
        crawler.signals.connect(self._opened, signal=signals.spider_opened)
        crawler.signals.connect(self._closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("PRESSWARC_PROGRESS", True):
            raise NotConfigured  # quietly: the user turned it off
        return cls(crawler, crawler.settings.getfloat("PRESSWARC_PROGRESS_INTERVAL", 30.0))

    def counters(self) -> dict[str, float]:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        counts = self.outcomes.counts
        warc_dir = self.outcomes.out_dir / "warc"
        written = sum(p.stat().st_size for p in warc_dir.glob("*.warc.gz*")) if warc_dir.is_dir() else 0
        return {
            "fetched": int(stats.get("downloader/response_count", 0)),
            "archived": counts["archived"],
            "extracted": int(stats.get("presswarc/extracted", 0)),
            "refused": counts["refused"],
            "failed": counts["failed"] + counts["http-error"],
            "MB": written / 1e6,
        }

    def _tick(self) -> None:
        if self.progress is not None:
            self.progress.update(self.counters())

    def _opened(self, spider: Spider) -> None:
        from twisted.internet import task

        self.progress = Progress("crawl", interval=self.interval)
        self._ticker = task.LoopingCall(self._tick)
        self._ticker.start(0.5 if sys.stderr.isatty() else min(self.interval, 5.0), now=False)

    def _closed(self, spider: Spider, reason: str) -> None:
        if self._ticker is not None and self._ticker.running:
            self._ticker.stop()
        if self.progress is not None:
            self.progress.update(self.counters())
            self.progress.close()
            self.progress = None
