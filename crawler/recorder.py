"""Downloader middleware that archives every exchange at the downloader edge.

It sits next to the download handler (priority 950, after every built-in
middleware), so it sees requests as they are sent and responses before
decompression, redirects, retries or robots handling touch them. Each
archived 2xx HTML capture then goes to the extraction pool.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import defer, threads

from archive import RotatingWarcWriter
from archive.derive import Deriver
from archive.extract import extractor_info, is_extractable
from archive.index import cdxj_lines, cdxj_name, write_cdxj
from archive.model import Capture
from archive.sidecars import SidecarSet
from crawler.adapters import capture_from_scrapy
from crawler.extraction import ExtractionPool, LiveExtraction
from crawler.from_archive import REPLAYED_FLAG
from crawler.outcomes import OutcomeLog
from crawler.warcinfo import warcinfo_fields

logger = logging.getLogger(__name__)

META_KEY = "presswarc_record"
"""`request.meta` key holding the response record's location."""


def _index_beside(path: Path) -> None:
    """Write NAME.cdxj beside a closed WARC."""
    lines = [line for line in cdxj_lines(path) if isinstance(line, str)]
    write_cdxj(lines, path.with_name(cdxj_name(path.name)))


class WarcRecorderMiddleware:
    """Write a request + response record pair for every downloaded response."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.outcomes = OutcomeLog.of(crawler)
        self.out_dir = self.outcomes.out_dir
        self.writer = RotatingWarcWriter(
            self.out_dir / "warc",
            prefix=settings.get("ARCHIVE_WARC_PREFIX", "presswarc"),
            max_size=settings.getint("ARCHIVE_WARC_MAX_SIZE"),
            warcinfo=warcinfo_fields(settings),
            on_close=self._file_closed,
        )
        self.sidecars = SidecarSet(self.out_dir / "warc")
        self._indexing: list[defer.Deferred[None]] = []
        self.pool: ExtractionPool | None = None
        self.extraction: LiveExtraction | None = None
        if settings.getbool("EXTRACT_ENABLED", True):
            self.pool = ExtractionPool(
                settings.getint("EXTRACT_WORKERS"), settings.getint("EXTRACT_MAX_PENDING")
            )
            deriver = Deriver(self.sidecars, extractor_info(), write_records=self.writer.write_records_to)
            self.extraction = LiveExtraction(
                self.pool, self.writer, deriver, self._count, self._extract_failed
            )
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcRecorderMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Response:
        if REPLAYED_FLAG in response.flags:
            self.outcomes.write(response.url, "replayed", status=response.status, size=len(response.body))
            return response
        capture = capture_from_scrapy(request, response)
        location = self.writer.write_capture(capture)
        request.meta[META_KEY] = location
        self._count("presswarc/records_written", 2)
        self._count(f"presswarc/archived/status/{response.status}")
        self.outcomes.write(
            response.url,
            "archived",
            status=response.status,
            size=len(response.body),
            reason=f"truncated: {capture.truncated}" if capture.truncated else "",
            method=request.method,
            warc_filename=location.filename,
            warc_offset=location.offset,
        )
        if self.extraction is not None and is_extractable(capture):
            await self.extraction.submit(capture, location)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        """Log a fetch attempt that got no response (the final outcome comes from the errback)."""
        if isinstance(exception, IgnoreRequest):
            return
        reason = f"{type(exception).__name__}: {exception}".strip().rstrip(":")
        self.outcomes.write(request.url, "fetch-error", reason=reason[:500], method=request.method)
        self._count(f"presswarc/fetch_error/{type(exception).__name__}")

    def _count(self, key: str, amount: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, amount)

    def _extract_failed(self, capture: Capture, reason: str) -> None:
        self.outcomes.write(capture.url, "extract-failed", status=capture.status, reason=reason)

    def _file_closed(self, path: Path) -> None:
        """A WARC is complete: finish its sidecar; index it in a thread (it re-reads the file)."""
        self.sidecars.close(path.name)
        self._indexing.append(threads.deferToThread(_index_beside, path))

    async def spider_closed(self, spider: Spider, reason: str) -> None:
        """Wait for pending extractions, then close WARCs, sidecars and stats."""
        if self.pool is not None:
            await maybe_deferred_to_future(self.pool.drained())
            self.pool.shutdown()
        self.writer.close()
        self.sidecars.close_all()
        await maybe_deferred_to_future(defer.gatherResults(self._indexing, consumeErrors=True))
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        report = {
            "finish_reason": reason,
            "warc_files": [p.name for p in self.writer.closed_files],
            "stats": stats,
        }
        path = self.out_dir / "stats.json"
        path.write_text(json.dumps(report, indent=2, sort_keys=True, default=str), encoding="utf-8")
        logger.info("presswarc: %d WARC file(s) in %s", len(self.writer.closed_files), self.out_dir / "warc")
