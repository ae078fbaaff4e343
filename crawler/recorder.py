"""Downloader middleware that archives every exchange at the downloader edge.

It sits next to the download handler (priority 950, after every built-in
middleware), so it sees requests as they are sent and responses before
decompression, redirects, retries or robots handling touch them. It is glue
only: the capture goes to the writer, an outcome line to the crawl log, an
extractable capture to `LiveExtraction`, and each closed WARC down the
one-way `PostCloseChain` (sidecar, index).

WARC-Date is when capture began (WARC 1.1), not when the body finished:
the instant the download handler started the request, recovered when the
response headers arrive from Scrapy's `download_latency` (handler start to
headers). Should a handler not report headers, the time the request entered
the downloader (`process_request`) stands in.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from twisted.internet import threads

from archive import RotatingWarcWriter
from archive.derive import Deriver, Stored
from archive.extract import extractor_info, is_extractable
from archive.model import Capture, RecordLocation
from archive.pool import ExtractionPool
from archive.postclose import PostCloseChain
from archive.revisit import Kind, RevisitRecords, classify, previous_version
from archive.sidecars import SidecarSet
from archive.state import UrlState
from crawler.adapters import capture_from_scrapy
from crawler.crawlstate import CrawlStateLink, uses_state
from crawler.extraction import LiveExtraction
from crawler.from_archive import REPLAYED_FLAG
from crawler.outcomes import OutcomeLog
from crawler.warcinfo import warcinfo_fields

logger = logging.getLogger(__name__)

META_KEY = "presswarc_record"
"""`request.meta` key holding the response record's location."""
WRITE_FAILED = "warc_write_failed"
"""Finish reason of a crawl stopped because the WARC could not be written."""
STARTED_KEY = "presswarc_capture_started"
"""`request.meta` key: when capture of this attempt began (UTC datetime)."""


class WarcRecorderMiddleware:
    """Write a request + response record pair for every downloaded response."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.outcomes = OutcomeLog.of(crawler)
        self.out_dir = self.outcomes.out_dir
        self.after_close = PostCloseChain(SidecarSet(self.out_dir / "warc"))
        self.writer = RotatingWarcWriter(
            self.out_dir / "warc",
            prefix=settings.get("ARCHIVE_WARC_PREFIX", "presswarc"),
            max_size=settings.getint("ARCHIVE_WARC_MAX_SIZE"),
            warcinfo=warcinfo_fields(settings),
            on_close=self.after_close,
        )
        self.state = CrawlStateLink.of(crawler) if uses_state(settings) else None
        self.revisits = RevisitRecords(self.writer.records)
        self.extraction: LiveExtraction | None = None
        self._stopping = False
        if settings.getbool("EXTRACT_ENABLED", True):
            pool = ExtractionPool(settings.getint("EXTRACT_WORKERS"), settings.getint("EXTRACT_MAX_PENDING"))
            deriver = Deriver(
                self.after_close.sidecars, extractor_info(), write_records=self.writer.write_records_to
            )
            self.extraction = LiveExtraction(pool, self.writer, deriver, self._stored)
        crawler.signals.connect(self.headers_received, signal=signals.headers_received)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcRecorderMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        """Stamp the attempt (a retry or redirect is a new attempt, with meta copied)."""
        request.meta[STARTED_KEY] = datetime.now(UTC)

    def headers_received(self, request: Request, **_: Any) -> None:
        """Refine the stamp to the instant the handler began the request."""
        latency = request.meta.get("download_latency")
        if isinstance(latency, float):
            request.meta[STARTED_KEY] = datetime.now(UTC) - timedelta(seconds=latency)

    async def process_response(self, request: Request, response: Response) -> Response:
        if REPLAYED_FLAG in response.flags:
            self.outcomes.write(response.url, "replayed", status=response.status, size=len(response.body))
            return response
        capture = capture_from_scrapy(request, response, fetched_at=request.meta.get(STARTED_KEY))
        previous = self.state.last(capture.url) if self.state is not None else None
        if self.state is not None and self.state.incremental:
            kind = classify(previous, capture)
            if kind is not Kind.FULL:
                return self._revisit(request, response, capture, previous, kind)
        extract = self.extraction is not None and is_extractable(capture)
        try:
            location = self.writer.write_capture(capture, hold=extract)  # held before any await
        except OSError as error:  # disk full, quota: the pair was cut back out of the file
            self._stop_writing(capture.url, error)
            raise
        request.meta[META_KEY] = location
        if self.state is not None:
            self.state.remember(capture, location, Kind.FULL)
        self._count(f"presswarc/archived/status/{response.status}")
        truncated = f"truncated: {capture.truncated}" if capture.truncated else ""
        self._written(request, response, location, "archived", truncated, size=len(response.body))
        if extract and self.extraction is not None:
            earlier = previous_version(previous, Kind.FULL)  # a changed page names the copy it replaces
            extra = {"previous_version": earlier} if earlier else None
            await self.extraction.submit(capture, location, extra)
        return response

    def _revisit(
        self, request: Request, response: Response, capture: Capture, previous: UrlState | None, kind: Kind
    ) -> Response:
        """An unchanged page: a request + revisit pair pointing at the full copy; no text, no sidecar row."""
        assert self.state is not None and previous is not None and previous.full is not None
        try:
            location = self.writer.write_records(list(self.revisits.pair(capture, previous.full, kind)))[1]
        except OSError as error:
            self._stop_writing(capture.url, error)
            raise
        self.state.remember(capture, location, kind)  # after the write: never points at nothing
        request.meta[META_KEY] = location
        self._count(f"presswarc/revisit/{kind}")
        self._written(request, response, location, "revisited", str(kind))
        return response

    def _written(
        self,
        request: Request,
        response: Response,
        location: RecordLocation,
        outcome: str,
        reason: str,
        **fields: Any,
    ) -> None:
        """Count the record pair and log the URL's outcome with where its record lives."""
        self._count("presswarc/records_written", 2)
        self.outcomes.write(
            response.url,
            outcome,
            status=response.status,
            reason=reason,
            method=request.method,
            warc_filename=location.filename,
            warc_offset=location.offset,
            **fields,
        )

    def process_exception(self, request: Request, exception: Exception) -> None:
        """Log a fetch attempt that got no response (the final outcome comes from the errback)."""
        if isinstance(exception, IgnoreRequest):
            return
        reason = f"{type(exception).__name__}: {exception}".strip().rstrip(":")
        self.outcomes.write(
            request.url,
            "fetch-error",
            reason=reason[:500],
            method=request.method,
            attempt=request.meta.get("retry_times", 0) + 1,
        )
        self._count(f"presswarc/fetch_error/{type(exception).__name__}")

    def _stop_writing(self, url: str, error: OSError) -> None:
        """A WARC write failed: every later capture would be lost too, so end the crawl."""
        logger.error(
            "presswarc: could not archive %s (%s); the WARC holds no part of it; stopping the crawl",
            url,
            error,
        )
        if not self._stopping and self.crawler.engine is not None:
            self._stopping = True
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=WRITE_FAILED))

    def _count(self, key: str, amount: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, amount)

    def _stored(self, capture: Capture, stored: Stored) -> None:
        if stored.kind == "failed":
            self._count(f"presswarc/extract_failed/{type(stored.error).__name__}")
            self.outcomes.write(capture.url, "extract-failed", status=capture.status, reason=stored.reason)
        else:
            self._count(f"presswarc/{stored.kind}")

    async def spider_closed(self, spider: Spider, reason: str) -> None:
        """Wait for pending extractions, then close WARCs, sidecars and indexes; write stats."""
        if self.extraction is not None:
            await maybe_deferred_to_future(self.extraction.drained())
            self.extraction.pool.shutdown()
        self.writer.close()
        errors = await maybe_deferred_to_future(threads.deferToThread(self.after_close.finish))
        for error in errors:
            logger.error("presswarc: indexing a closed WARC failed: %s", error)
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        report = {
            "finish_reason": reason,
            "warc_files": [p.name for p in self.writer.closed_files],
            "stats": stats,
        }
        path = self.out_dir / "stats.json"
        path.write_text(json.dumps(report, indent=2, sort_keys=True, default=str), encoding="utf-8")
        logger.info("presswarc: %d WARC file(s) in %s", len(self.writer.closed_files), self.out_dir / "warc")
