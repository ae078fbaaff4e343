"""`presswarc demo`: serve the bundled news sites on 127.0.0.1 and crawl them."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from crawler.crawl import run_crawl
from crawler.demo.siteserver import SiteServer

SITES_DIR = Path(__file__).parent / "sites"

SOURCES_TEMPLATE = """\
[[source]]
name = "issuer"
seeds = ["{issuer}/"]
sitemaps = ["{issuer}/sitemap.xml"]

[[source]]
name = "koreanews"
seeds = ["{koreanews}/"]
feeds = ["{koreanews}/rss.xml"]
article_patterns = ["/news/articleView"]

[[source]]
name = "hanmaeul"
seeds = ["{hanmaeul}/"]
article_patterns = ["/view\\\\.html"]

[[source]]
name = "blog"
seeds = ["{blog}/"]
article_patterns = ["/20[0-9][0-9]/"]
"""

DEMO_SETTINGS = {
    # The demo sites are ours and local: no need to wait between requests.
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_START_DELAY": 0.05,
    "AUTOTHROTTLE_MAX_DELAY": 0.5,
    "LOG_LEVEL": "WARNING",
}


def demo_site_names() -> list[str]:
    return sorted(p.name for p in SITES_DIR.iterdir() if p.is_dir())


def run_demo(out: Path, max_pages: int = 200) -> Path:
    """Crawl the demo sites into `out`; returns the WARC folder."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        servers = {name: stack.enter_context(SiteServer(SITES_DIR / name)) for name in demo_site_names()}
        sources = out / "sources.toml"
        sources.write_text(
            SOURCES_TEMPLATE.format(**{n: s.url for n, s in servers.items()}), encoding="utf-8"
        )
        run_crawl(out, sources=sources, max_pages=max_pages, overrides=DEMO_SETTINGS)
    return out / "warc"
