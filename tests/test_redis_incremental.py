"""A scheduled re-crawl of a Redis job: the second run revisits, across workers.

Real behaviour: an archive team crawls an outlet with two workers on one
Redis (`--redis URL --job NAME`), and a day later runs the same job again.
Meanwhile the outlet edited a handful of stories. Its CMS answers
conditional requests the way real servers are found to: some pages carry
only an ETag, some only Last-Modified, some both, and section pages carry
neither (so only the payload digest can show they did not change). The
second run must ask conditionally, store a revisit for each unchanged page
(whichever worker fetched it the first time), store each edited story in
full with `previous_version` in its sidecar row, archive no page twice and
miss none. A real redis-server and a real HTTP server run on loopback; the
WARCs are read back with warcio.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.conftest import FAST, run_presswarc
from tests.test_redis_workers import REDIS_SERVER, redis_url  # noqa: F401 (the fixture)

pytestmark = pytest.mark.skipif(
    REDIS_SERVER is None, reason="redis-server not installed (.ci/run installs it)"
)
STORIES = 150
PER_LIST = 40
EDITED = {3, 58, 101, 122, 149}  # one of each validator style among them
WORKER = [*FAST, "-s", "PRESSWARC_REDIS_IDLE=3", "-s", "EXTRACT_WORKERS=1", "-s", "PRESSWARC_REFETCH_AFTER=0"]
FIRST_EDITION = 1_700_000_000.0
SECOND_EDITION = FIRST_EDITION + 86_400


class Newsroom:
    """The outlet: story N at /news/N.html, section pages /section/K, edits applied by `edit()`."""

    def __init__(self) -> None:
        self.edition: dict[int, float] = dict.fromkeys(range(1, STORIES + 1), FIRST_EDITION)
        self.conditional: Counter[str] = Counter()
        self.not_modified = 0
        self.lock = threading.Lock()

    def edit(self) -> None:
        for n in EDITED:
            self.edition[n] = SECOND_EDITION

    def story(self, n: int) -> bytes:
        edited = self.edition[n] > FIRST_EDITION
        # An outlet's correction as outlets print one: the figure in the text is put right and a
        # note says so (the note is the outlet's, so extraction drops it; the text still changed).
        when = "next month" if edited else "next week"
        note = "<p>Correction: an earlier version of this story gave the wrong publication date.</p>"
        update = note if edited else ""
        related = " ".join(
            f'<a href="/news/{m}.html">Story {m}</a>' for m in (n - 1, n + 1) if 1 <= m <= STORIES
        )
        body = (
            f"<article><h1>Statement {n} on the harbour budget</h1>"
            f"<p>The council confirmed on hearing {n} that the harbour budget stays as announced.</p>"
            f"<p>Officials said item {n * 7} of the review would be published in full {when}.</p>"
            "<p>The harbour master added that the dredging of the inner basin, the repairs to the north "
            "quay and the new ferry ramp remain funded, and that no mooring fees will rise this year.</p>"
            f"{update}</article><aside>{related}</aside>"
        )
        return _page(f"Statement {n}", body)

    def section(self, k: int) -> bytes:
        first = (k - 1) * PER_LIST + 1
        items = "".join(
            f'<li><a href="/news/{n}.html">Story {n}</a></li>'
            for n in range(first, min(first + PER_LIST, STORIES + 1))
        )
        more = f'<a href="/section/{k + 1}">Older</a>' if first + PER_LIST <= STORIES else ""
        return _page(f"Section {k}", f"<ul>{items}</ul>{more}")

    def validators(self, n: int) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) as this story's CMS sends them: n % 3 picks the style."""
        etag = f'"{hashlib.sha1(self.story(n)).hexdigest()[:16]}"'
        modified = formatdate(self.edition[n], usegmt=True)
        return (etag if n % 3 != 1 else None, modified if n % 3 != 0 else None)


def _page(title: str, body: str) -> bytes:
    head = f'<!DOCTYPE html><html lang="en"><head><title>{title}</title></head>'
    return f"{head}<body>{body}</body></html>".encode()


def _serve(site: Newsroom) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            headers: list[tuple[str, str]] = []
            status, body = 200, b""
            if self.path == "/robots.txt":
                body = b"User-agent: *\nAllow: /\n"
                headers.append(("Content-Type", "text/plain"))
            elif self.path == "/":
                body = _page("Home", '<a href="/section/1">Latest statements</a>')
            elif self.path.startswith("/section/") and self.path[9:].isdigit():
                body = site.section(int(self.path[9:]))
            elif self.path.startswith("/news/") and self.path.endswith(".html") and self.path[6:-5].isdigit():
                n = int(self.path[6:-5])
                etag, modified = site.validators(n)
                headers += [(k, v) for k, v in (("ETag", etag), ("Last-Modified", modified)) if v]
                asked_etag, asked_since = (
                    self.headers.get("If-None-Match"),
                    self.headers.get("If-Modified-Since"),
                )
                with site.lock:
                    if asked_etag or asked_since:
                        site.conditional[self.path] += 1
                if (etag and asked_etag == etag) or (not etag and modified and asked_since == modified):
                    with site.lock:
                        site.not_modified += 1
                    status = 304
                else:
                    body = site.story(n)
            else:
                status, body = 404, _page("Not found", "<p>No such page.</p>")
            self.send_response(status)
            if status != 304:
                headers.append(("Content-Type", "text/html; charset=utf-8"))
                headers.append(("Content-Length", str(len(body))))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def newsroom() -> Iterator[tuple[str, Newsroom]]:
    site = Newsroom()
    server = _serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/", site
    server.shutdown()
    server.server_close()


def _run_two_workers(url: str, out: Path, redis: str) -> None:
    command = [
        sys.executable,
        "-m",
        "crawler.cli",
        "crawl",
        url,
        "--redis",
        redis,
        "--job",
        "newsroom",
        *WORKER,
    ]
    workers = [
        subprocess.Popen([*command, "--out", str(out / f"w{n}")], stderr=subprocess.PIPE, text=True)
        for n in range(2)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err[-3000:]


def _records(root: Path) -> list[dict[str, str]]:
    """Every response and revisit record under root: type, URI, id, status, refers-to."""
    found = []
    for warc in sorted(root.rglob("*.warc.gz")):
        with open(warc, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type not in ("response", "revisit"):
                    continue
                headers = record.rec_headers
                found.append(
                    {
                        "type": record.rec_type,
                        "uri": headers.get_header("WARC-Target-URI"),
                        "id": headers.get_header("WARC-Record-ID"),
                        "status": record.http_headers.get_statuscode() if record.http_headers else "",
                        "refers_to": headers.get_header("WARC-Refers-To") or "",
                        "profile": headers.get_header("WARC-Profile") or "",
                        "file": warc.name,
                        "worker": warc.relative_to(root).parts[0],
                    }
                )
    return found


def _sidecar_rows(root: Path) -> list[dict[str, object]]:
    rows = []
    for sidecar in sorted(root.rglob("*.jsonl.gz")):
        with gzip.open(sidecar, "rt", encoding="utf-8") as lines:
            rows += [json.loads(line) for line in lines if line.strip()]
    return rows


def test_second_run_of_a_job_revisits_across_workers(
    newsroom: tuple[str, Newsroom],
    redis_url: str,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    url, site = newsroom
    base = url.rstrip("/")
    stories = {f"{base}/news/{n}.html" for n in range(1, STORIES + 1)}
    edited = {f"{base}/news/{n}.html" for n in EDITED}

    _run_two_workers(url, tmp_path / "run1", redis_url)
    first = _records(tmp_path / "run1")
    first_full = {r["uri"]: r for r in first if r["type"] == "response" and r["status"] == "200"}
    assert stories <= set(first_full)
    assert site.conditional == Counter()  # a first run has nothing to be conditional about

    site.edit()
    _run_two_workers(url, tmp_path / "run2", redis_url)
    second = [r for r in _records(tmp_path / "run2") if r["uri"] in stories]
    per_story = Counter(r["uri"] for r in second)
    assert set(per_story) == stories, f"missing: {sorted(stories - set(per_story))[:5]}"
    assert [u for u, n in per_story.items() if n > 1] == []  # exactly once across the two workers

    by_uri = {r["uri"]: r for r in second}
    for uri in stories - edited:
        record = by_uri[uri]
        assert record["type"] == "revisit", uri
        assert record["profile"].endswith("server-not-modified"), record
        assert record["refers_to"] == first_full[uri]["id"]  # the copy from run 1, whichever worker wrote it
    for uri in edited:
        assert by_uri[uri]["type"] == "response" and by_uri[uri]["status"] == "200"
    # every unchanged story was asked conditionally, and answered 304
    assert {f"{base}{path}" for path in site.conditional} == stories
    assert site.not_modified == len(stories - edited)
    # a revisit that crossed workers: run 2's worker wrote it into a different file than run 1's copy
    files_of_first = {r["file"] for r in first}
    assert all(r["file"] not in files_of_first for r in second)
    crossed = [u for u in stories - edited if by_uri[u]["worker"] != first_full[u]["worker"]]
    assert crossed, "no page first fetched by one worker was revisited by the other"

    rows = [r for r in _sidecar_rows(tmp_path / "run2") if r.get("url") in stories]
    assert sorted(str(r["url"]) for r in rows) == sorted(edited)
    for row in rows:
        previous = row.get("previous_version")
        assert isinstance(previous, dict), row
        assert previous.get("warc_record_id") == first_full[str(row["url"])]["id"]

    run_presswarc("index", str(tmp_path))
    index = (tmp_path / "index.cdxj").read_text(encoding="utf-8").splitlines()
    story_lines = [line for line in index if "/news/" in line]
    assert len(story_lines) == 2 * STORIES  # one capture per story per run, in one collection index
