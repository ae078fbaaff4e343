"""Scheduled re-crawls store nothing twice; a killed crawl resumes what was pending.

Real behaviour: cron re-runs `presswarc crawl` on the same folder every few
hours. Most pages are byte-identical to the last run; an article gets a
correction; the members area and the visit counter change on every hit.
A run may be killed with SIGKILL half-way. The site is the generated outlet
of tests/outlet.py on 127.0.0.1, one article of which is edited between runs.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive.sidecars import read_sidecar
from archive.state import CrawlState
from tests.conftest import FAST
from tests.outlet import Outlet, OutletServer

ARTICLES = 60
EDITED = 7


class EditableOutlet:
    """The outlet, with article EDITED corrected once `edited` is set."""

    def __init__(self) -> None:
        self.site = Outlet(articles=ARTICLES)
        self.edited = False

    def respond(self, target: str) -> tuple[int, list[tuple[str, str]], bytes]:
        status, headers, body = self.site.respond(target)
        if self.edited and target == self.site.article_path(EDITED):
            body = body.replace(
                b"</body>", b"<p>Correction: an earlier version misstated the date.</p></body>"
            )
        return status, headers, body


@pytest.fixture
def outlet() -> Iterator[tuple[str, EditableOutlet]]:
    site = EditableOutlet()
    with OutletServer(site.respond) as server:
        yield f"http://127.0.0.1:{server.port}", site


def _crawl(url: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "crawler.cli", "crawl", url + "/", "--out", str(out), *FAST, *extra]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def _records(out: Path) -> list[tuple[str, str, str]]:
    """(type, target URI, revisit profile) of every response/revisit record, in file order."""
    found = []
    for warc in sorted((out / "warc").glob("*.warc.gz")):
        with open(warc, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type in ("response", "revisit"):
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    found.append((record.rec_type, uri, record.rec_headers.get_header("WARC-Profile") or ""))
    return found


def _article(url: str, site: EditableOutlet, n: int) -> str:
    return url + site.site.article_path(n)


def test_a_recrawl_writes_revisits_for_unchanged_pages_and_names_the_previous_version(
    outlet: tuple[str, EditableOutlet], tmp_path: Path
) -> None:
    url, site = outlet
    _crawl(url, tmp_path)
    first = _records(tmp_path)
    first_rows = sum(len(read_sidecar(p)) for p in (tmp_path / "warc").glob("*.jsonl.gz"))
    site.edited = True
    second_run = _crawl(url, tmp_path)
    records = _records(tmp_path)[len(first) :]
    kinds = {uri: kind for kind, uri, _ in records}
    articles = [_article(url, site, n) for n in range(1, ARTICLES + 1)]
    edited = _article(url, site, EDITED)
    assert kinds[edited] == "response"
    assert [a for a in articles if a != edited and kinds.get(a) != "revisit"] == []
    profiles = {profile for kind, _, profile in records if kind == "revisit"}
    assert profiles == {"http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"}
    rows = [row for p in sorted((tmp_path / "warc").glob("*.jsonl.gz")) for row in read_sidecar(p)]
    new_rows = rows[first_rows:]
    assert [row["url"] for row in new_rows if row["url"] in articles] == [edited]
    previous = new_rows[[row["url"] for row in new_rows].index(edited)]["previous_version"]
    first_copy = next(row for row in rows[:first_rows] if row["url"] == edited)
    assert previous["warc_record_id"] == first_copy["warc_record_id"]
    assert "revisited" in second_run.stdout
    with CrawlState.open(tmp_path, read_only=True) as state:
        assert state.pending_count() == 0  # every scheduled URL reached its final outcome


def test_full_refetch_stores_every_page_again(outlet: tuple[str, EditableOutlet], tmp_path: Path) -> None:
    url, site = outlet
    _crawl(url, tmp_path)
    before = len(_records(tmp_path))
    _crawl(url, tmp_path, "--full")
    again = _records(tmp_path)[before:]
    assert again and {kind for kind, _, _ in again} == {"response"}


def test_a_killed_crawl_resumes_its_pending_urls_and_stores_nothing_twice(tmp_path: Path) -> None:
    site = EditableOutlet()
    with OutletServer(site.respond) as server:
        url = f"http://127.0.0.1:{server.port}"
        slow = [*FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "DOWNLOAD_DELAY=0.05"]
        command = [sys.executable, "-m", "crawler.cli", "crawl", url + "/", "--out", str(tmp_path), *slow]
        crawl = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        log = tmp_path / "crawl.log"
        deadline = time.monotonic() + 120
        while not log.exists() or log.read_text(encoding="utf-8").count('"archived"') < 25:
            assert crawl.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        crawl.send_signal(signal.SIGKILL)
        crawl.wait()
        first_run = Counter(server.targets())
        with CrawlState.open(tmp_path, read_only=True) as state:
            pending_at_kill = {p.url.removeprefix(url) for p in state.pending()}
        rerun = _crawl(url, tmp_path)
        second_run = Counter(server.targets()) - first_run
    assert "recovered after an interrupted crawl" in rerun.stderr
    records = _records(tmp_path)
    full = Counter(uri for kind, uri, _ in records if kind == "response")
    for n in range(1, ARTICLES + 1):
        assert full[_article(url, site, n)] == 1, f"article {n}: {full[_article(url, site, n)]} full copies"
    # Resuming fetches what was pending (pages whose links were not read yet), never a page the
    # killed run archived and finished.
    again = {t for t in second_run if t in first_run and t != "/robots.txt"}
    assert again <= pending_at_kill, again - pending_at_kill


class SitemapOutlet:
    """An outlet found through its news sitemap, each item with its `lastmod`.

    Real behaviour: a CMS lists its latest articles in a sitemap with the time
    each was last changed; between two crawls it adds articles and bumps the
    lastmod of one it corrected.
    """

    def __init__(self, articles: int) -> None:
        self.site = Outlet(articles=articles)
        self.listed = articles
        self.lastmod = {n: "2026-11-01T08:00:00+00:00" for n in range(1, articles + 1)}

    def sitemap(self) -> bytes:
        items = "".join(
            f"<url><loc>{self.base}{self.site.article_path(n)}</loc><lastmod>{self.lastmod[n]}</lastmod></url>"
            for n in range(1, self.listed + 1)
        )
        return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'.encode()

    def respond(self, target: str) -> tuple[int, list[tuple[str, str]], bytes]:
        if target == "/sitemap.xml":
            return 200, [("Content-Type", "application/xml")], self.sitemap()
        return self.site.respond(target)


def test_sitemap_lastmod_and_the_refetch_interval_decide_what_is_fetched_again(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    outlet = SitemapOutlet(articles=30)
    outlet.listed = 25
    with OutletServer(outlet.respond) as server:
        outlet.base = f"http://127.0.0.1:{server.port}"
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nname = "outlet"\nsitemaps = ["{outlet.base}/sitemap.xml"]\n'
            'article_patterns = ["story\\\\.php"]\n',
            encoding="utf-8",
        )
        # One request in flight in all: with only the per-domain limit, Scrapy's engine may move several
        # queued requests into the downloader's slot (first in, first out) before their priorities
        # are compared, and the order this test reads would depend on the machine's load.
        one_at_a_time = [
            *FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "CONCURRENT_REQUESTS=1", "--max-depth", "0"
        ]
        crawl = [
            sys.executable,
            "-m",
            "crawler.cli",
            "crawl",
            "--sources",
            str(sources),
            "--out",
            str(tmp_path / "c"),
        ]
        first = subprocess.run([*crawl, *one_at_a_time], capture_output=True, text=True, timeout=300)
        assert first.returncode == 0, first.stderr[-2000:]
        stories = [t for t in server.targets() if t.startswith("/story.php")]
        assert len(stories) == 25
        outlet.listed = 30  # five new articles
        outlet.lastmod[4] = datetime.now(UTC).isoformat(timespec="seconds")  # one corrected
        before = len(server.targets())
        second = subprocess.run([*crawl, *one_at_a_time], capture_output=True, text=True, timeout=300)
        assert second.returncode == 0, second.stderr[-2000:]
        again = [t for t in server.targets()[before:] if t.startswith("/story.php")]
    new = [outlet.site.article_path(n) for n in range(26, 31)]
    assert sorted(again) == sorted([*new, outlet.site.article_path(4)])
    assert again.index(outlet.site.article_path(4)) > max(again.index(path) for path in new)  # new first
    log = (tmp_path / "c" / "crawl.log").read_text(encoding="utf-8")
    assert log.count("fresh: copy confirmed") == 24
