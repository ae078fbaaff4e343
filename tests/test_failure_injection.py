"""Half-written state: real failures injected, the archive left whole.

Real-world behaviours these stand for:
- the disk fills (or a file-size quota is hit) in the middle of a crawl: the
  write of a large response fails after part of it reached the file. The WARC
  must not end with a request record whose response never made it, nor with
  half a gzip member; a later, smaller exchange must still be archived
  readably. Simulated by RLIMIT_FSIZE in a subprocess, so the operating system
  itself refuses the bytes (a short write, then EFBIG).
- the same happens while `presswarc replay` writes sidecars and derived
  WARCs: a failed run must not leave partial output under final names that
  look complete, and must say so clearly.
- a slow server sends headers, then the body a second later (a CMS rendering
  a long page, a proxy buffering): WARC-Date is when capture began, not when
  the body finished (WARC 1.1).
- the crawl log names the final status of a URL that ended in an HTTP error
  (a 404, and a 503 that stays 503 through every retry) and how many attempts
  it took.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive import Capture, RotatingWarcWriter, read_crawl_log
from crawler.demo.siteserver import SiteServer
from tests.conftest import FAST, run_presswarc
from tests.test_rollover_extraction import ARTICLES, build_news_site
from tests.warcs import read_records, warc_files

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def records_of(path: Path) -> list[Any]:
    """(type, WARC headers) of every record; raises if any byte is not a whole record."""
    found = []
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream, check_digests=True):
            record.content_stream().read()
            found.append((record.rec_type, dict(record.rec_headers.headers)))
    return found


# --- (a) a request + response pair is written all or nothing -------------------------------

WRITE_UNTIL_FULL = """
    import random, resource, sys
    from datetime import UTC, datetime
    from pathlib import Path
    from archive import Capture, RotatingWarcWriter

    folder, before, huge = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    writer = RotatingWarcWriter(folder, max_size=10**9)
    rng = random.Random(7)
    resource.setrlimit(resource.RLIMIT_FSIZE, (12000, 12000))
    def capture(n, size):
        body = rng.randbytes(size)  # incompressible, so the file grows by about `size`
        return Capture(url=f"http://news.test/{n}", fetched_at=datetime.now(UTC), status=200,
                       response_headers=(("Content-Type", "application/octet-stream"),), body=body)
    for n, size in enumerate([900, 1500, 2100][:before]):
        writer.write_capture(capture(n, size))
    try:
        writer.write_capture(capture(50, huge))
    except OSError as error:
        print("failed with errno", error.errno)
    writer.write_capture(capture(99, 200))  # room is left for a small one
    print("written", before + 1)
"""


@pytest.mark.parametrize(("before", "huge"), [(0, 11500), (1, 20000), (3, 5200)])
def test_a_failed_write_leaves_no_orphan_request_and_no_partial_record(
    tmp_path: Path, before: int, huge: int
) -> None:
    result = run_python(WRITE_UNTIL_FULL, str(tmp_path), str(before), str(huge))
    assert result.returncode == 0, result.stderr
    assert "failed with errno 27" in result.stdout  # EFBIG: the operating system refused the bytes
    (path,) = tmp_path.glob("*.warc.gz.open")
    records = records_of(path)
    written = int(result.stdout.split("written ")[1])
    kinds = [kind for kind, _ in records]
    assert kinds == ["warcinfo"] + ["request", "response"] * written
    for request, response in zip(records[1::2], records[2::2], strict=True):
        assert request[1]["WARC-Concurrent-To"] == response[1]["WARC-Record-ID"]
        assert response[1]["WARC-Concurrent-To"] == request[1]["WARC-Record-ID"]
    assert "http://news.test/50" not in {headers["WARC-Target-URI"] for _, headers in records[1:]}
    assert records[-1][1]["WARC-Target-URI"] == "http://news.test/99"


def test_records_of_a_group_come_back_with_their_offsets(tmp_path: Path) -> None:
    """The offsets returned for a pair are where a reader finds the records."""
    writer = RotatingWarcWriter(tmp_path, max_size=10**9)
    places = []
    for n in range(5):
        capture = Capture(
            url=f"http://news.test/{n}", fetched_at=datetime.now(UTC), status=200,
            response_headers=(("Content-Type", "text/html"),), body=b"<p>x</p>" * (n * 40 + 1),
        )  # fmt: skip
        places.append(writer.write_capture(capture))
    writer.close()
    (path,) = tmp_path.glob("*.warc.gz")
    found = {r["warc"]["WARC-Record-ID"]: r["offset"] for r in read_records(path) if r["type"] == "response"}
    assert found == {p.record_id: p.offset for p in places}


CRAWL_WITH_LIMIT = """
    import resource, sys
    from crawler.cli import main
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    sys.exit(main(["crawl", *sys.argv[2:]]))
"""


def test_a_crawl_that_fills_the_disk_stops_and_keeps_a_whole_warc(tmp_path: Path) -> None:
    build_news_site(tmp_path / "site")
    out = tmp_path / "out"
    with SiteServer(tmp_path / "site") as site:
        result = run_python(
            CRAWL_WITH_LIMIT, "60000", site.url + "/", "--out", str(out), *FAST,
            "-s", "EXTRACT_ENABLED=False", "-s", "PRESSWARC_MAX_PAGES_PER_PATTERN=1000",
        )  # fmt: skip
    assert "stopping the crawl" in result.stderr and "File too large" in result.stderr, result.stderr
    assert json.loads((out / "stats.json").read_text())["finish_reason"] == "warc_write_failed"
    (path,) = warc_files(out)
    records = records_of(path)
    pairs = len(records) // 2
    assert [kind for kind, _ in records] == ["warcinfo"] + ["request", "response"] * pairs
    responses = {headers["WARC-Target-URI"] for kind, headers in records if kind == "response"}
    lines = read_crawl_log(out)
    archived = [line for line in lines if line["outcome"] == "archived"]
    assert {line["url"] for line in archived} == responses  # no line claims a record that was cut away
    assert len(archived) < ARTICLES  # it stopped
    assert any(line["outcome"] == "failed" and "File too large" in line["reason"] for line in lines)


# --- (b) replay renames to final names only when the whole run succeeded ----------------------


def write_inputs(folder: Path) -> None:
    """Two input WARCs: a small one that replays completely, then a large one."""
    rng = random.Random(11)
    words = "harbour council statement audit minister reply budget hearing district water".split()
    for prefix, count in (("a", 3), ("b", 60)):
        writer = RotatingWarcWriter(folder, prefix=prefix, max_size=10**9)
        for n in range(count):
            paragraphs = "".join(
                "<p>" + " ".join(rng.choice(words) for _ in range(60)).capitalize() + ".</p>"
                for _ in range(5)
            )
            body = f"<html><head><title>Statement {n}</title></head><body><article>{paragraphs}</article>"
            writer.write_capture(
                Capture(
                    url=f"http://news.test/{prefix}/{n}.html",
                    fetched_at=datetime.now(UTC),
                    status=200,
                    response_headers=(("Content-Type", "text/html; charset=utf-8"),),
                    body=(body + "</body></html>").encode(),
                )  # fmt: skip
            )
        writer.close()


REPLAY_WITH_LIMIT = """
    import resource, sys
    from crawler.cli import main
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    sys.exit(main(["replay", *sys.argv[2:]]))
"""

# The extraction workers inherit the limit, and py3langid writes its model to a
# temporary file when it loads: lift the limit in every fresh interpreter, so
# only the replay process's own output hits a full disk.
LIFT_LIMIT = """
import resource
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
"""


def test_a_failed_replay_leaves_open_names_and_says_so(tmp_path: Path) -> None:
    inputs, out, site = tmp_path / "in", tmp_path / "out", tmp_path / "site"
    write_inputs(inputs)
    site.mkdir()
    (site / "sitecustomize.py").write_text(LIFT_LIMIT)
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(REPLAY_WITH_LIMIT), "20000", str(inputs), "--out", str(out),
         "--warc", "--workers", "1"],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(site)},
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "presswarc replay: stopped in b-" in result.stderr
    assert "File too large" in result.stderr and "nothing renamed" in result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if not n.endswith(".open")], names  # nothing under a final name
    assert any(n.startswith("a-") and n.endswith(".jsonl.gz.open") for n in names)  # the finished file too
    assert any(n.startswith("b-") and n.endswith("-derived.warc.gz.open") for n in names)

    again = run_presswarc("replay", str(inputs), "--out", str(out), "--warc", "--workers", "1")
    assert "63 documents extracted" in again.stdout
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.endswith(".open")], names
    assert "replay-report.json" in names and len([n for n in names if n.endswith(".jsonl.gz")]) == 2


# --- (c) WARC-Date is when capture began; (6) the crawl log names final statuses --------------


class EventLog:
    """What the server did and when (wall clock, the same clock the crawler stamps with)."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.hits: dict[str, int] = {}


def serve(events: EventLog) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, status: int, body: bytes, pause: float = 0.0) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.flush()
            events.times[f"{self.path} headers sent"] = time.time()
            time.sleep(pause)
            self.wfile.write(body)
            self.wfile.flush()
            events.times[f"{self.path} body sent"] = time.time()

        def do_GET(self) -> None:
            events.hits[self.path] = events.hits.get(self.path, 0) + 1
            if self.path == "/":
                links = "".join(f'<a href="{p}">{p}</a> ' for p in ("/slow.html", "/gone.html", "/down.html"))
                self._send(200, f"<html><body>{links}</body></html>".encode())
            elif self.path == "/slow.html":
                text = "<p>The committee published its findings on the harbour works today.</p>" * 20
                self._send(200, f"<html><body><article>{text}</article></body></html>".encode(), pause=1.0)
            elif self.path == "/down.html":
                self._send(503, b"<h1>Service unavailable</h1>")
            else:
                self._send(404, b"<h1>Not found</h1>")

    return ThreadingHTTPServer(("127.0.0.1", 0), Handler)


@pytest.fixture(scope="module")
def slow_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, EventLog, float]]:
    events = EventLog()
    server = serve(events)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    out = tmp_path_factory.mktemp("slow") / "out"
    started = time.time()
    try:
        result = run_presswarc(
            "crawl", f"http://127.0.0.1:{server.server_address[1]}/", "--out", str(out), *FAST,
            "-s", "RETRY_BACKOFF_BASE=0.1",
        )  # fmt: skip
        # ("Gave up retrying" is an ERROR line by Scrapy's design; a failing handler is not.)
        assert "Traceback" not in result.stderr and "signal handler" not in result.stderr, result.stderr
        yield out, events, started
    finally:
        server.shutdown()
        server.server_close()


def _warc_time(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


SlowCrawl = tuple[Path, EventLog, float]


def test_warc_date_is_when_capture_began_not_when_the_body_ended(slow_crawl: SlowCrawl) -> None:
    out, events, started = slow_crawl
    records = read_records(warc_files(out)[0])
    pair = [r for r in records if r["warc"].get("WARC-Target-URI", "").endswith("/slow.html")]
    assert [r["type"] for r in pair] == ["request", "response"]
    date = _warc_time(pair[1]["warc"]["WARC-Date"])
    assert pair[0]["warc"]["WARC-Date"] == pair[1]["warc"]["WARC-Date"]
    assert started < date < events.times["/slow.html headers sent"]
    assert events.times["/slow.html body sent"] - events.times["/slow.html headers sent"] >= 1.0


def test_http_error_lines_carry_the_final_status_and_attempts(slow_crawl: SlowCrawl) -> None:
    out, events, _ = slow_crawl
    lines = read_crawl_log(out)
    errors = {line["url"].rsplit("/", 1)[1]: line for line in lines if line["outcome"] == "http-error"}
    assert errors.keys() == {"gone.html", "down.html"}
    assert (errors["gone.html"]["status"], errors["gone.html"]["attempts"]) == (404, 1)
    assert (errors["down.html"]["status"], errors["down.html"]["attempts"]) == (503, 3)
    assert events.hits["/down.html"] == 3
    down = [line for line in lines if line["url"].endswith("/down.html")]
    assert [(line["outcome"], line["status"]) for line in down] == [("archived", 503)] * 3 + [
        ("http-error", 503)
    ]
