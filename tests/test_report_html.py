"""`presswarc report` renders in a real headless browser, plots included.

Chromium (Debian's package; `.ci/run` installs it) loads the file with no
network (the page must be self-contained), then we read the DOM it ends
with: no script error, every plot drawn, every section present.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from crawler.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SECTIONS = ("Hosts", "Why URLs were not archived", "Republication clusters")
PLOTS = (
    "Archived per host",
    "Outcomes",
    "HTTP status of archived records",
    "Content types",
    "Extracted length (words)",
    "Captures per day",
)


def _chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=3000",
        *args,
    ]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(profile)}
    )


@pytest.fixture(scope="module")
def report(demo_crawl: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", str(demo_crawl), "-o", str(out)]) == 0
    return out


def test_the_report_is_self_contained(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)
    for title in (*SECTIONS, *PLOTS):
        assert title in html
    assert html.count('<svg class="plot"') == len(PLOTS)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/run installs Debian's chromium)")
def test_the_report_loads_without_errors_and_draws_its_plots(report: Path, tmp_path: Path) -> None:
    result = _chromium("--dump-dom", report.as_uri(), profile=tmp_path / "profile")
    dom = result.stdout
    assert "<html" in dom, result.stderr[-2000:]
    assert 'data-errors="0"' in dom
    drawn = re.search(r'data-plots="(\d+)"', dom)
    assert drawn is not None and int(drawn.group(1)) >= len(PLOTS)
    screenshot = tmp_path / "report.png"
    _chromium(
        f"--screenshot={screenshot}", "--window-size=1200,1600", report.as_uri(), profile=tmp_path / "p2"
    )
    assert screenshot.exists() and screenshot.stat().st_size > 10_000


def test_the_outcome_counts_match_the_crawl_log(demo_crawl: Path, report: Path) -> None:
    from archive.collection_stats import collect
    from archive.crawllog import read_crawl_log

    stats = collect(demo_crawl)
    log = read_crawl_log(demo_crawl)
    assert sum(f.archived for f in stats.hosts.values()) == sum(
        1 for line in log if line["outcome"] == "archived"
    )
    assert sum(stats.statuses.values()) >= sum(f.archived for f in stats.hosts.values())
