"""Answer requests from archived responses instead of the network.

`presswarc crawl --from-archive DIR` puts this downloader middleware just
before the recorder (940), like HttpCacheMiddleware: Scrapy's redirect,
decompression and robots handling then work on the archived response as
they did live, so a spider's link-following can be debugged offline. A URL
that is not in the archive is refused with NotInArchive, never fetched.
"""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

from archive.reader import read_response_at, url_index
from crawler.adapters import response_from_capture

logger = logging.getLogger(__name__)

REPLAYED_FLAG = "presswarc-replayed"


class NotInArchive(IgnoreRequest):
    """The URL has no archived response: in archive mode it is not fetched."""


class ArchiveReplayMiddleware:
    def __init__(self, source: Path) -> None:
        self.index, problems = url_index([source])
        for problem in problems:
            logger.warning("presswarc: archive problem %s", problem)
        logger.info("presswarc: answering from %d archived URLs in %s", len(self.index), source)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveReplayMiddleware:
        source = crawler.settings.get("ARCHIVE_REPLAY_FROM")
        if not source:
            raise NotConfigured("ARCHIVE_REPLAY_FROM not set")
        return cls(Path(source))

    def process_request(self, request: Request) -> Response:
        found = self.index.get(request.url)
        if found is None:
            raise NotInArchive(f"not in archive: {request.url}")
        capture = read_response_at(*found)
        if capture is None:
            raise NotInArchive(f"archived record unreadable: {found[0].name} @ {found[1]}")
        return response_from_capture(capture, request, flags=[REPLAYED_FLAG])
