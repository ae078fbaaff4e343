"""presswarc's archive layer: captures, WARC files, crawl logs. No Scrapy here."""

from archive.crawllog import CrawlLog, read_crawl_log
from archive.model import Capture, RecordLocation
from archive.records import CaptureRecords
from archive.writer import RotatingWarcWriter

__version__ = "0.1.0"

__all__ = [
    "Capture",
    "CaptureRecords",
    "CrawlLog",
    "RecordLocation",
    "RotatingWarcWriter",
    "read_crawl_log",
]
