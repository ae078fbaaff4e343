"""Run the `statements` spider in this process with presswarc's settings.

A crawl holds its collection's lock for its whole run, and first closes
whatever a killed crawl left open in the folder (`archive/recovery.py`), so
index, replay and serve see every complete record. A Redis worker shares its
folder with other workers, so it takes no lock and recovers nothing: run
`presswarc recover DIR` once all workers have stopped.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from archive.postclose import index_beside
from archive.recovery import Recovered, recover_collection
from crawler.lock import CollectionLock

logger = logging.getLogger(__name__)


def project_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """crawler.settings plus command-line overrides (at 'cmdline' priority)."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawl(
    out: Path,
    urls: list[str] | None = None,
    sources: Path | None = None,
    max_pages: int = 0,
    max_depth: int = -1,
    overrides: Mapping[str, Any] | None = None,
    redis: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """Crawl into `out`; blocks until done and returns the final stats.

    Raises `crawler.lock.CollectionBusy` when another crawl holds `out`.
    `redis` is (URL, job name): this process becomes one worker of that job.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    settings = project_settings({"ARCHIVE_DIR": str(out), **(overrides or {})})
    if max_depth >= 0:
        settings.set("DEPTH_LIMIT", max_depth + 1, priority="cmdline")
    with ExitStack() as stack:
        if redis is not None:
            from crawler.redis_frontier import make_worker

            make_worker(settings, *redis)
        else:
            stack.enter_context(CollectionLock(out))
            for result in recover(out):
                logger.warning("presswarc: recovered after an interrupted crawl: %s", result.summary())
        process = CrawlerProcess(settings)
        crawler = process.create_crawler("statements")
        process.crawl(
            crawler,
            urls=" ".join(urls or []),
            sources=str(sources or ""),
            max_pages=max_pages,
            max_depth=max_depth,
        )
        process.start()
    return dict(crawler.stats.get_stats()) if crawler.stats else {}


def recover(out: Path) -> list[Recovered]:
    """Close the `.open` WARCs and sidecars under `out` and index the WARCs (caller holds the lock)."""
    results = recover_collection(out)
    for result in results:
        if result.path.exists():
            index_beside(result.path)
    return results
