"""Downloader middleware that archives every exchange at the downloader edge.

It sits next to the download handler (priority 950, after every built-in
middleware), so it sees requests as they are sent and responses before
decompression, redirects, retries or robots handling touch them.
"""

from __future__ import annotations

import json
import logging
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future

from archive import CrawlLog, RotatingWarcWriter
from archive.derive import Deriver
from archive.extract import Extraction, extractor_info, is_extractable
from archive.index import cdxj_lines, cdxj_name, write_cdxj
from archive.model import Capture, RecordLocation
from archive.sidecars import SidecarSet
from crawler.adapters import capture_from_scrapy
from crawler.extraction import ExtractionPool
from crawler.from_archive import REPLAYED_FLAG, NotInArchive

logger = logging.getLogger(__name__)

META_KEY = "presswarc_record"
"""`request.meta` key holding the response record's location."""

RECORDED_SETTINGS = (
    "BOT_NAME",
    "USER_AGENT",
    "ROBOTSTXT_OBEY",
    "AUTOTHROTTLE_ENABLED",
    "AUTOTHROTTLE_TARGET_CONCURRENCY",
    "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "DOWNLOAD_DELAY",
    "DOWNLOAD_MAXSIZE",
    "DOWNLOAD_TIMEOUT",
    "DEPTH_LIMIT",
    "ARCHIVE_WARC_MAX_SIZE",
)

HEADER_PROVENANCE = (
    "Records are rebuilt from what passed through Scrapy/Twisted at the downloader "
    "edge: bodies are stored as received (content-coding kept, transfer-coding removed); "
    "header names are in Twisted's canonical case and hop-by-hop headers (Connection, "
    "Keep-Alive, Transfer-Encoding) are not kept; the status reason phrase is the "
    "standard one for the code; request records hold the headers handed to the HTTP client."
)


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


def warcinfo_fields(settings: Any) -> dict[str, str]:
    """What a reader of the WARC needs to know about how it was made."""
    crawl_settings = {key: settings.get(key) for key in RECORDED_SETTINGS}
    software = ", ".join(f"{name}/{_version(name)}" for name in ("presswarc", "scrapy", "twisted", "warcio"))
    return {
        "software": f"{software}, python/{platform.python_version()}",
        "format": "WARC File Format 1.1",
        "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
        "isPartOf": str(settings.get("BOT_NAME")),
        "http-header-user-agent": str(settings.get("USER_AGENT")),
        "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
        "http-headers": HEADER_PROVENANCE,
        "presswarc-settings": json.dumps(crawl_settings, sort_keys=True, default=str),
    }


class WarcRecorderMiddleware:
    """Write a request + response record pair for every downloaded response."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        out = settings.get("ARCHIVE_DIR")
        if not out:
            raise NotConfigured("ARCHIVE_DIR not set")
        self.out_dir = Path(out)
        self.crawler = crawler
        self.writer = RotatingWarcWriter(
            self.out_dir / "warc",
            prefix=settings.get("ARCHIVE_WARC_PREFIX", "presswarc"),
            max_size=settings.getint("ARCHIVE_WARC_MAX_SIZE"),
            warcinfo=warcinfo_fields(settings),
        )
        self.log = CrawlLog(self.out_dir)
        self.sidecars = SidecarSet(self.out_dir / "warc")
        self.writer._on_close = self._file_closed
        self.pool: ExtractionPool | None = None
        if settings.getbool("EXTRACT_ENABLED", True):
            self.pool = ExtractionPool(
                settings.getint("EXTRACT_WORKERS"), settings.getint("EXTRACT_MAX_PENDING")
            )
        self.deriver = Deriver(self.sidecars, extractor_info(), write_records=self.writer.write_records_to)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcRecorderMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Response:
        if REPLAYED_FLAG in response.flags:
            self.log.write(response.url, "replayed", status=response.status, size=len(response.body))
            return response
        capture = capture_from_scrapy(request, response)
        location = self.writer.write_capture(capture)
        request.meta[META_KEY] = location
        if self.pool is not None and is_extractable(capture):
            await maybe_deferred_to_future(self.pool.wait_for_slot())
            self._extract(capture, location)
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value("presswarc/records_written", 2)
            stats.inc_value(f"presswarc/archived/status/{response.status}")
        self.log.write(
            response.url,
            "archived",
            status=response.status,
            size=len(response.body),
            reason=capture.truncated or "",
            method=request.method,
            warc_filename=location.filename,
            warc_offset=location.offset,
        )
        return response

    def _file_closed(self, path: Path) -> None:
        """A WARC is complete: finish its sidecar and write its CDXJ beside it."""
        self.sidecars.close(path.name)
        lines = [line for line in cdxj_lines(path) if isinstance(line, str)]
        write_cdxj(lines, path.with_name(cdxj_name(path.name)))

    def _extract(self, capture: Capture, location: RecordLocation) -> None:
        assert self.pool is not None
        self.writer.hold(location.filename)

        def done(extraction: Extraction) -> None:
            try:
                yielded = self.deriver.derive(capture, location, extraction)
                self._count("presswarc/extracted" if yielded else "presswarc/no_article")
            finally:
                self.writer.release(location.filename)

        def failed(error: BaseException) -> None:
            self.writer.release(location.filename)
            self._count(f"presswarc/extract_failed/{type(error).__name__}")
            self.log.write(
                capture.url,
                "extract-failed",
                status=capture.status,
                reason=f"{type(error).__name__}: {error}"[:500],
            )

        self.pool.submit(capture, done, failed)

    def _count(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

    def process_exception(self, request: Request, exception: Exception) -> None:
        reason = f"{type(exception).__name__}: {exception}".strip().rstrip(":")
        outcome = "refused" if isinstance(exception, IgnoreRequest) else "failed"
        if isinstance(exception, NotInArchive):
            outcome = "not-in-archive"
        self.log.write(request.url, outcome, reason=reason[:500], method=request.method)
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"presswarc/failed/{type(exception).__name__}")

    async def spider_closed(self, spider: Spider, reason: str) -> None:
        """Wait for pending extractions, then close WARCs, sidecars and logs."""
        if self.pool is not None:
            await maybe_deferred_to_future(self.pool.drained())
        self._finish(reason)

    def _finish(self, reason: str) -> None:
        if self.pool is not None:
            self.pool.shutdown()
        self.writer.close()
        self.sidecars.close_all()
        self.log.close()
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        report = {
            "finish_reason": reason,
            "warc_files": [p.name for p in self.writer.closed_files],
            "stats": stats,
        }
        path = self.out_dir / "stats.json"
        path.write_text(json.dumps(report, indent=2, sort_keys=True, default=str), encoding="utf-8")
        logger.info("presswarc: %d WARC file(s) in %s", len(self.writer.closed_files), self.out_dir / "warc")
