"""Run the `statements` spider in this process with presswarc's settings."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings


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
) -> dict[str, Any]:
    """Crawl into `out`; blocks until done and returns the final stats."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    settings = project_settings({"ARCHIVE_DIR": str(out), **(overrides or {})})
    if max_depth >= 0:
        settings.set("DEPTH_LIMIT", max_depth + 1, priority="cmdline")
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
