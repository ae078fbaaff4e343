"""Shared fixtures: fixture sites on 127.0.0.1 and real crawls run as subprocesses.

Twisted's reactor runs once per process, so every crawl is its own
`presswarc crawl` process, exactly as a user would run it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.demo.siteserver import SiteServer

SITES = Path(__file__).parent / "sites"

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"]


def run_presswarc(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run the console entry point in a fresh interpreter; fail loudly on error."""
    result = subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(f"presswarc {args} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def basic_site() -> Iterator[SiteServer]:
    with SiteServer(SITES / "basic") as server:
        yield server


@pytest.fixture(scope="session")
def basic_crawl(basic_site: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One crawl of the basic fixture site, shared by the read-only tests."""
    out = tmp_path_factory.mktemp("basic-crawl")
    run_presswarc("crawl", basic_site.url + "/", "--out", str(out), *FAST)
    return out


@pytest.fixture(scope="session")
def demo_crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`presswarc demo` into a temporary folder: four sites, four languages of chrome."""
    out = tmp_path_factory.mktemp("demo")
    run_presswarc("demo", "--out", str(out))
    return out


HOSTILE_SETTINGS = [
    *FAST,
    "-s",
    "DOWNLOAD_TIMEOUT=3",
    "-s",
    "RETRY_BACKOFF_BASE=0.2",
    "-s",
    "PRESSWARC_MAX_PAGES_PER_PATTERN=20",
]


@pytest.fixture(scope="session")
def hostile_sites() -> Iterator[tuple[SiteServer, SiteServer]]:
    from crawler.demo.hostile import compressed_zeros

    for coding in ("gzip", "deflate", "br"):  # build the bombs before the crawl's clock starts
        compressed_zeros(coding, 300_000_000)
    with SiteServer(SITES / "hostile") as hostile, SiteServer(SITES / "robots500") as robots500:
        yield hostile, robots500


@pytest.fixture(scope="session")
def hostile_crawl(
    hostile_sites: tuple[SiteServer, SiteServer], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    hostile, robots500 = hostile_sites
    root = tmp_path_factory.mktemp("hostile")
    sources = root / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "hostile"\nseeds = ["{hostile.url}/"]\n'
        f'sitemaps = ["{hostile.url}/sitemap-xxe.xml"]\n'
        f'[[source]]\nname = "robots500"\nseeds = ["{robots500.url}/"]\n'
    )
    out = root / "out"
    run_presswarc("crawl", "--sources", str(sources), "--out", str(out), *HOSTILE_SETTINGS)
    return out
