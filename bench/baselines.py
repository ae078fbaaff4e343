"""Runs the baseline rows in their own process: A and A0 (plain Scrapy), T (plain trafilatura).

    python bench/baselines.py bare URL --stats FILE -s KEY=VALUE ...
    python bench/baselines.py stock URL --stats FILE -s KEY=VALUE ...
    python bench/baselines.py trafilatura SITE_DIR --base URL --stats FILE

The Scrapy rows get Scrapy's defaults plus the `-s` settings only (never
presswarc's project settings), and write the final stats as JSON. The
trafilatura row runs `bare_extraction` over every page of the site in one
process, the way a user would without presswarc.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

# What plain trafilatura gets: comments out, metadata on (presswarc extracts metadata too).
TRAFILATURA_OPTIONS: dict[str, Any] = {"include_comments": False, "with_metadata": True}


def _setting(text: str) -> tuple[str, str]:
    key, _, value = text.partition("=")
    return key, value


def run_scrapy(kind: str, url: str, stats_file: Path, overrides: list[tuple[str, str]]) -> int:
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    if kind == "bare":
        from bare_spider import ROUTING_SETTINGS, BareSpider

        spider: type[Any] = BareSpider
        settings = Settings(dict(ROUTING_SETTINGS))
    else:
        from stock_crawlspider import StockCrawlSpider

        spider = StockCrawlSpider
        settings = Settings()
    for key, value in overrides:
        settings.set(key, value, priority="cmdline")
    process = CrawlerProcess(settings, install_root_handler=True)
    crawler = process.create_crawler(spider)
    process.crawl(crawler, urls=url)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    stats_file.write_text(json.dumps(stats, default=str, indent=1))
    return 0


def run_trafilatura(site: Path, base: str, stats_file: Path) -> int:
    import trafilatura

    pages = sorted(site.rglob("index.html"))
    started = time.perf_counter()
    extracted = 0
    for page in pages:
        folder = page.parent.relative_to(site).as_posix()
        url = base.rstrip("/") + ("/" if folder == "." else f"/{folder}/")
        document = trafilatura.bare_extraction(page.read_bytes(), url=url, **TRAFILATURA_OPTIONS)
        if document is not None and (document.text if not isinstance(document, dict) else document["text"]):
            extracted += 1
    seconds = time.perf_counter() - started
    stats_file.write_text(json.dumps({
        "pages": len(pages), "extracted": extracted, "loop_seconds": seconds,
        "trafilatura": trafilatura.__version__, "options": TRAFILATURA_OPTIONS,
    }, indent=1))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["bare", "stock", "trafilatura"])
    parser.add_argument("target", help="seed URL (bare, stock) or site folder (trafilatura)")
    parser.add_argument("--stats", type=Path, required=True)
    parser.add_argument("--base", default="http://127.0.0.1/", help="URL of the site root (trafilatura)")
    parser.add_argument("-s", "--set", type=_setting, action="append", default=[])
    args = parser.parse_args(argv)
    if args.kind == "trafilatura":
        return run_trafilatura(Path(args.target), args.base, args.stats)
    return run_scrapy(args.kind, args.target, args.stats, args.set)


if __name__ == "__main__":
    sys.exit(main())
