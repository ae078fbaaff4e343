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
