"""Conditional re-fetches in a real Scrapy crawl against a real validating server.

Real behaviour this stands for: a scheduled re-crawl of an outlet whose
server revalidates the way nginx, Apache and most CDNs do: a matching
If-None-Match (or, without an ETag, an If-Modified-Since not older than the
page's Last-Modified) gets `304 Not Modified` and no body; a stale ETag gets
the new page with 200. Variations: a page validated by ETag, one by date
only, one changed since, one never seen, one whose stored copy was a 404, a
robots.txt the state also remembers, a request the spider wants in full,
and one where the spider set its own validator (Scrapy's default handling
of a 304 shows there). The crawl is a real `CrawlerProcess` in its own
process (Twisted's reactor runs once per process) with only our middleware
added, so this does not depend on the recorder.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from scrapy.settings import Settings

from archive.model import Capture, RecordLocation
from archive.revisit import Kind, remember
from archive.state import STATE_NAME, CrawlState, FullCopy, UrlState
from archive.writer import RotatingWarcWriter
from crawler.conditional import NOT_MODIFIED_FLAG, conditional_headers
from crawler.crawlstate import is_incremental

ROOT = Path(__file__).resolve().parents[1]
LAST_MODIFIED = "Mon, 02 Mar 2026 07:00:00 GMT"
CHANGED_AT = "Tue, 03 Mar 2026 09:00:00 GMT"
OLD_CHANGED = b"<html><body><p>Berth 4.</p></body></html>"


@dataclass(frozen=True)
class Page:
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None


PAGES = {
    "/robots.txt": Page(b"User-agent: *\nAllow: /\n", etag='"robots-1"'),
    "/news/unchanged-etag.html": Page(b"<html><body><p>Berth 4 stays closed.</p></body></html>", '"u-1"'),
    "/news/unchanged-date.html": Page(b"<html><body><p>Quota notice.</p></body></html>", None, LAST_MODIFIED),
    "/news/changed.html": Page(b"<html><body><p>Corrected: berth 5.</p></body></html>", '"c-2"', CHANGED_AT),
    "/news/new.html": Page(b"<html><body><p>A new statement.</p></body></html>", '"n-1"'),
    "/news/was-missing.html": Page(b"<html><body><p>Back again.</p></body></html>", '"m-1"'),
    "/news/opt-out.html": Page(b"<html><body><p>Wanted in full.</p></body></html>", '"o-1"'),
    "/news/explicit.html": Page(b"<html><body><p>Spider validates.</p></body></html>", '"x-1"'),
    "/news/copy-lost.html": Page(b"<html><body><p>Archived, then moved.</p></body></html>", '"l-1"'),
    "/news/renamed.html": Page(b"", '"r-1"', moved_to="/news/landing.html"),
    "/news/landing.html": Page(b"<html><body><p>The renamed statement.</p></body></html>", '"r-1"'),
}


class ValidatingServer:
    """Serves PAGES on 127.0.0.1, answering validators as RFC 9110 13.2.2 says; logs every request."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                page = PAGES.get(self.path)
                if page is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if page.moved_to:
                    self.send_response(301)
                    self.send_header("Location", page.moved_to)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                validators = []
                if page.etag:
                    validators.append(("ETag", page.etag))
                if page.last_modified:
                    validators.append(("Last-Modified", page.last_modified))
                status = 304 if _not_modified(self.headers, page) else 200
                self.send_response(status)
                for name, value in validators:
                    self.send_header(name, value)
                if status == 200:
                    kind = "text/plain" if self.path.endswith(".txt") else "text/html; charset=utf-8"
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(page.body)))
                self.end_headers()
                if status == 200:
                    self.wfile.write(page.body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def sent(self, path: str) -> list[dict[str, str]]:
        return [headers for seen, headers in self.requests if seen == path]


def _not_modified(headers: Any, page: Page) -> bool:
    none_match = headers.get("If-None-Match")
    if none_match is not None:  # If-None-Match wins; If-Modified-Since is then ignored
        tags = [tag.strip() for tag in none_match.split(",")]
        return page.etag is not None and ("*" in tags or page.etag in tags)
    since = headers.get("If-Modified-Since")
    if since and page.last_modified:
        return parsedate_to_datetime(page.last_modified) <= parsedate_to_datetime(since)
    return False


@pytest.fixture
def server() -> Iterator[ValidatingServer]:
    site = ValidatingServer()
    yield site
    site.httpd.shutdown()
    site.httpd.server_close()


def _previous_crawl(out: Path, base: str) -> None:
    """What an earlier crawl left: full copies in a WARC, remembered in the state."""
    writer = RotatingWarcWriter(out / "warc", prefix="earlier")
    when = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    with CrawlState.open(out) as state:
        for path, etag, last_modified in (
            ("/robots.txt", '"robots-1"', None),
            ("/news/unchanged-etag.html", '"u-1"', None),
            ("/news/unchanged-date.html", None, LAST_MODIFIED),
            ("/news/changed.html", '"c-1"', "Sun, 01 Mar 2026 07:00:00 GMT"),
            ("/news/opt-out.html", '"o-1"', None),
            ("/news/explicit.html", '"x-1"', None),
            ("/news/copy-lost.html", '"l-1"', None),
            ("/news/renamed.html", '"r-1"', None),
        ):
            headers = [("Content-Type", "text/html; charset=utf-8")]
            headers += [("ETag", etag)] if etag else []
            headers += [("Last-Modified", last_modified)] if last_modified else []
            body = OLD_CHANGED if path == "/news/changed.html" else PAGES[path].body
            capture = Capture(base + path, when, 200, tuple(headers), body)
            remember(state, capture, writer.write_capture(capture), Kind.FULL)
        missing = Capture(base + "/news/was-missing.html", when, 404, (), b"<h1>Not here</h1>")
        remember(state, missing, writer.write_capture(missing), Kind.FULL)
        writer.close()
        # The copy of one page was lost since (its WARC moved away by hand): its 304 goes on as it is.
        lost = state.last(base + "/news/copy-lost.html")
        assert lost is not None
        moved = replace(lost.record, filename="moved-away.warc.gz")
        state.record_capture(
            lost.url, 200, '"l-1"', None, "sha1:L", moved, "2026-03-01T08:00:00Z", full=True
        )


PROBE = """
import json, sys
import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.spidermiddlewares.httperror import HttpError
from crawler.crawlstate import CrawlStateLink

base, out, paths, extra = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
log = open(out + "/probe.jsonl", "w")


class Probe(scrapy.Spider):
    name = "probe"

    async def start(self):
        frontier = CrawlStateLink.of(self.crawler).state
        for path in paths:
            frontier.add_pending(base + path, "page", 0)
        for path in paths:
            meta = {"presswarc_full": True} if path.endswith("opt-out.html") else {}
            headers = {"If-None-Match": '"x-1"'} if path.endswith("explicit.html") else {}
            yield scrapy.Request(base + path, meta=meta, headers=headers, errback=self.failed)

    def parse(self, response):
        row = {"path": response.url[len(base):], "how": "callback", "status": response.status,
               "body": response.text if response.body else "", "flags": response.flags,
               "sent": response.meta.get("presswarc_conditional")}
        log.write(json.dumps(row) + "\\n")
        CrawlStateLink.of(self.crawler).finished(response.request)

    def failed(self, failure):
        error = failure.value
        status = error.response.status if isinstance(error, HttpError) else None
        row = {"path": failure.request.url[len(base):], "how": "errback", "error": type(error).__name__,
               "status": status}
        log.write(json.dumps(row) + "\\n")
        CrawlStateLink.of(self.crawler).finished(failure.request)


settings = {
    "ARCHIVE_DIR": out,
    "DOWNLOADER_MIDDLEWARES": {"crawler.conditional.ConditionalRequestMiddleware": 930},
    "ROBOTSTXT_OBEY": True,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    **extra,
}
process = CrawlerProcess(settings)
process.crawl(Probe)
process.start()
log.close()
"""

NEWS = [path for path in PAGES if path.startswith("/news/") and path != "/news/landing.html"]
PLAIN_200 = [path for path in NEWS if path not in ("/news/explicit.html", "/news/renamed.html")]
"""Pages answered 200 when fetched without validators (not redirected, not validated by the spider)."""


def _crawl(base: str, out: Path, **settings: Any) -> dict[str, dict[str, Any]]:
    out.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, base, str(out), json.dumps(NEWS), json.dumps(settings)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    rows = [json.loads(line) for line in (out / "probe.jsonl").read_text().splitlines()]
    return {row["path"]: row for row in rows}


def test_a_recrawl_sends_validators_and_gets_304s(server: ValidatingServer, tmp_path: Path) -> None:
    out = tmp_path / "collection"
    _previous_crawl(out, server.url)
    seen = _crawl(server.url, out)

    sent = {path: server.sent(path)[0] for path in NEWS}
    assert sent["/news/unchanged-etag.html"]["if-none-match"] == '"u-1"'
    assert "if-modified-since" not in sent["/news/unchanged-etag.html"]
    assert sent["/news/unchanged-date.html"]["if-modified-since"] == LAST_MODIFIED
    assert "if-none-match" not in sent["/news/unchanged-date.html"]
    assert sent["/news/changed.html"]["if-none-match"] == '"c-1"'
    assert sent["/news/changed.html"]["if-modified-since"] == "Sun, 01 Mar 2026 07:00:00 GMT"
    for path in ("/news/new.html", "/news/was-missing.html", "/news/opt-out.html"):
        assert not {"if-none-match", "if-modified-since"} & sent[path].keys(), path
    robots = server.sent("/robots.txt")
    assert len(robots) == 1 and "if-none-match" not in robots[0]

    # Unchanged pages: the server said 304; the spider gets the archived copy, flagged.
    for path in ("/news/unchanged-etag.html", "/news/unchanged-date.html"):
        assert seen[path]["how"] == "callback" and seen[path]["status"] == 200, path
        assert seen[path]["body"] == PAGES[path].body.decode() and seen[path]["flags"] == [NOT_MODIFIED_FLAG]
    assert seen["/news/unchanged-etag.html"]["sent"] == {"If-None-Match": '"u-1"'}
    assert seen["/news/unchanged-date.html"]["sent"] == {"If-Modified-Since": LAST_MODIFIED}
    # Its copy could not be read: the 304 itself reaches the callback, not the errback.
    lost = seen["/news/copy-lost.html"]
    assert (lost["how"], lost["status"], lost["body"], lost["flags"]) == ("callback", 304, "", [])
    # Moved since: the 301 to a page the state has no copy of. The validators sent for the old
    # URL (the same ETag, as a CMS may give) do not travel with the redirect.
    assert sent["/news/renamed.html"]["if-none-match"] == '"r-1"'
    landing = server.sent("/news/landing.html")
    assert len(landing) == 1 and "if-none-match" not in landing[0]
    assert seen["/news/landing.html"]["status"] == 200 and "renamed" in seen["/news/landing.html"]["body"]
    # Every URL reached its outcome, the redirected one included: the frontier is empty.
    with CrawlState.open(out, read_only=True) as state:
        assert state.pending_count() == 0 and state.url_count() == 9
    changed = seen["/news/changed.html"]
    assert changed["status"] == 200 and "Corrected" in changed["body"] and changed["flags"] == []
    for path in ("/news/new.html", "/news/was-missing.html", "/news/opt-out.html"):
        assert seen[path]["status"] == 200 and seen[path]["sent"] is None, path
    # Scrapy's default for a 304 the middleware did not arrange: HttpErrorMiddleware drops it.
    explicit = seen["/news/explicit.html"]
    assert sent["/news/explicit.html"]["if-none-match"] == '"x-1"'
    assert explicit == {"path": "/news/explicit.html", "how": "errback", "error": "HttpError", "status": 304}


@pytest.mark.parametrize("forced", [{"PRESSWARC_FULL_REFETCH": True}, {"PRESSWARC_INCREMENTAL": False}])
def test_a_forced_full_refetch_sends_no_validators(
    server: ValidatingServer, tmp_path: Path, forced: dict[str, bool]
) -> None:
    out = tmp_path / "collection"
    _previous_crawl(out, server.url)
    seen = _crawl(server.url, out, **forced)
    for path in PLAIN_200:
        assert not {"if-none-match", "if-modified-since"} & server.sent(path)[0].keys(), path
        assert seen[path]["status"] == 200 and seen[path]["body"] == PAGES[path].body.decode(), path


def test_a_first_crawl_sends_no_validators_and_leaves_state_for_the_next(
    server: ValidatingServer, tmp_path: Path
) -> None:
    out = tmp_path / "fresh"
    seen = _crawl(server.url, out)
    assert all(seen[path]["status"] == 200 and seen[path]["flags"] == [] for path in PLAIN_200)
    assert all("if-none-match" not in server.sent(path)[0] for path in PLAIN_200)
    assert (out / STATE_NAME).is_file()


def _state(status: int, etag: str | None, last_modified: str | None, full: bool = True) -> UrlState:
    when = datetime(2026, 3, 1, tzinfo=UTC)
    copy = FullCopy("a.warc.gz", 0, 1, "<urn:a>", "2026-03-01T00:00:00Z", "http://x/", status, "sha1:A")
    record = RecordLocation("a.warc.gz", 0, 1, "<urn:a>")
    return UrlState("http://x/", when, status, when, etag, last_modified, copy if full else None, record)


def test_conditional_headers_only_for_a_stored_200_with_validators() -> None:
    assert conditional_headers(None) == {}
    assert conditional_headers(_state(200, None, None)) == {}
    assert conditional_headers(_state(200, '"e"', None)) == {"If-None-Match": '"e"'}
    assert conditional_headers(_state(200, 'W/"e"', LAST_MODIFIED)) == {
        "If-None-Match": 'W/"e"',
        "If-Modified-Since": LAST_MODIFIED,
    }
    assert conditional_headers(_state(206, '"e"', LAST_MODIFIED)) == {}
    assert conditional_headers(_state(200, '"e"', LAST_MODIFIED, full=False)) == {}


def test_incremental_by_default_only_where_state_exists(tmp_path: Path) -> None:
    settings = Settings()
    assert not is_incremental(settings, tmp_path)
    with CrawlState.open(tmp_path):
        pass
    assert is_incremental(settings, tmp_path)
    assert not is_incremental(Settings({"PRESSWARC_FULL_REFETCH": "True"}), tmp_path)
    assert not is_incremental(Settings({"PRESSWARC_INCREMENTAL": "False"}), tmp_path)
    assert is_incremental(Settings({"PRESSWARC_INCREMENTAL": True}), tmp_path / "elsewhere")
