"""Crawl state in SQLite: per-URL history, the frontier, and surviving a kill.

Real behaviour this stands for: cron runs `presswarc crawl` on the same folder
every few hours. Between runs, a page is unchanged (304 or the same bytes),
changed (a new full copy), or broken for a while (a 503 or 404 that must not
replace the last good copy). A run can be killed at any instant (OOM killer,
reboot), and something else may read the state while a crawl writes it
(a status command, a backup). The files here are real SQLite databases on
disk and the kill is a real SIGKILL of a writer process.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from archive.model import RecordLocation
from archive.state import STATE_NAME, CrawlState, StateError, has_state

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 3, 2, 8, 0, 0, tzinfo=UTC)
ARTICLE = "https://harbour-gazette.example/news/2026/03/ministry-statement.html"


def _at(name: str, offset: int, record_id: str, length: int = 900) -> RecordLocation:
    return RecordLocation(name, offset, length, record_id)


def test_a_full_copy_then_a_revisit_then_a_broken_fetch(tmp_path: Path) -> None:
    with CrawlState.open(tmp_path) as state:
        assert state.last(ARTICLE) is None
        first = _at("run1.warc.gz", 1200, "<urn:uuid:first>")
        state.record_capture(
            ARTICLE, 200, '"v1"', "Mon, 02 Mar 2026 07:00:00 GMT", "sha1:AAAA",
            first, "2026-03-02T08:00:00.000000Z", full=True, fetched_at=T0,
        )  # fmt: skip
        seen = state.last(ARTICLE)
        assert seen is not None and seen.full is not None
        assert (seen.status, seen.etag, seen.payload_digest) == (200, '"v1"', "sha1:AAAA")
        assert seen.full.record_id == "<urn:uuid:first>" and seen.full.offset == 1200
        assert seen.full.warc_date == "2026-03-02T08:00:00.000000Z" and seen.full.target_uri == ARTICLE
        assert seen.fetched_at == T0 == seen.confirmed_at and seen.record == first

        # A 304 with a new ETag and no Last-Modified: the copy stays, the ETag moves on.
        later = T0 + timedelta(hours=6)
        state.record_capture(
            ARTICLE, 304, '"v1-gz"', None, None, _at("run2.warc.gz", 400, "<urn:uuid:revisit>"),
            "2026-03-02T14:00:00.000000Z", full=False, fetched_at=later,
        )  # fmt: skip
        seen = state.last(ARTICLE)
        assert seen is not None and seen.full is not None
        assert seen.status == 304 and seen.etag == '"v1-gz"'
        assert seen.last_modified == "Mon, 02 Mar 2026 07:00:00 GMT"
        assert seen.full.record_id == "<urn:uuid:first>" and seen.confirmed_at == later
        assert seen.record == _at("run2.warc.gz", 400, "<urn:uuid:revisit>")

        # A 503 archived in full: the last fetch, not a copy to refer to.
        broken = later + timedelta(hours=6)
        state.record_capture(
            ARTICLE, 503, None, None, "sha1:ERRPAGE", _at("run3.warc.gz", 80, "<urn:uuid:error>"),
            "2026-03-02T20:00:00.000000Z", full=True, fetched_at=broken,
        )  # fmt: skip
        seen = state.last(ARTICLE)
        assert seen is not None and seen.full is not None
        assert seen.status == 503 and seen.fetched_at == broken
        assert seen.full.record_id == "<urn:uuid:first>" and seen.payload_digest == "sha1:AAAA"
        assert seen.etag == '"v1-gz"' and seen.confirmed_at == later

        # A 200 cut off mid-body: kept in the WARC, but no copy to refer to either.
        cut = broken + timedelta(minutes=5)
        state.record_capture(
            ARTICLE, 200, '"v2"', None, "sha1:HALF", _at("run3.warc.gz", 900, "<urn:uuid:cut>"),
            "2026-03-02T20:05:00.000000Z", full=True, fetched_at=cut, complete=False,
        )  # fmt: skip
        seen = state.last(ARTICLE)
        assert seen is not None and seen.full is not None
        assert seen.status == 200 and seen.record.record_id == "<urn:uuid:cut>"
        assert seen.full.record_id == "<urn:uuid:first>" and seen.etag == '"v1-gz"'

        # The page changed: a new full copy replaces the reference and its validators.
        changed = broken + timedelta(hours=6)
        state.record_capture(
            ARTICLE, 200, None, "Tue, 03 Mar 2026 01:00:00 GMT", "sha1:BBBB",
            _at("run4.warc.gz", 3000, "<urn:uuid:second>"), "2026-03-03T02:00:00.000000Z",
            full=True, fetched_at=changed,
        )  # fmt: skip
        seen = state.last(ARTICLE)
        assert seen is not None and seen.full is not None
        assert seen.full.record_id == "<urn:uuid:second>" and seen.payload_digest == "sha1:BBBB"
        assert seen.etag is None and seen.last_modified == "Tue, 03 Mar 2026 01:00:00 GMT"


def test_a_revisit_needs_a_full_copy_to_refer_to(tmp_path: Path) -> None:
    with CrawlState.open(tmp_path) as state:
        only_error = "https://quay-post.example/notice.html"
        state.record_capture(
            only_error, 404, None, None, "sha1:NF", _at("a.warc.gz", 10, "<urn:uuid:nf>"),
            "2026-03-02T08:00:00Z", full=True,
        )  # fmt: skip
        last = state.last(only_error)
        assert last is not None and last.full is None and last.status == 404
        with pytest.raises(StateError, match="no full copy"):
            state.record_capture(
                only_error, 304, None, None, None, _at("b.warc.gz", 10, "<urn:uuid:rv>"),
                "2026-03-02T09:00:00Z", full=False,
            )  # fmt: skip


def test_fresh_enough_counts_only_fetches_that_confirmed_the_copy(tmp_path: Path) -> None:
    with CrawlState.open(tmp_path) as state:
        state.record_capture(
            ARTICLE, 200, None, None, "sha1:AAAA", _at("a.warc.gz", 1, "<urn:uuid:a>"),
            "2026-03-02T08:00:00Z", full=True, fetched_at=T0,
        )  # fmt: skip
        assert state.fresh_enough(ARTICLE, timedelta(hours=12), now=T0 + timedelta(hours=11))
        assert not state.fresh_enough(ARTICLE, timedelta(hours=12), now=T0 + timedelta(hours=13))
        assert not state.fresh_enough("https://harbour-gazette.example/never", timedelta(days=9))
        # A failed fetch later on does not make the copy any fresher.
        state.record_capture(
            ARTICLE, 500, None, None, "sha1:E", _at("b.warc.gz", 1, "<urn:uuid:e>"),
            "2026-03-02T20:00:00Z", full=True, fetched_at=T0 + timedelta(hours=12),
        )  # fmt: skip
        assert not state.fresh_enough(ARTICLE, timedelta(hours=12), now=T0 + timedelta(hours=13))


def test_is_due_honours_lastmod_and_the_minimum_age(tmp_path: Path) -> None:
    with CrawlState.open(tmp_path) as state:
        state.record_capture(
            ARTICLE, 200, None, None, "sha1:AAAA", _at("a.warc.gz", 1, "<urn:uuid:a>"),
            "2026-03-02T08:00:00Z", full=True, fetched_at=T0,
        )  # fmt: skip
        day = timedelta(days=1)
        soon = T0 + timedelta(hours=2)
        assert state.is_due("https://harbour-gazette.example/news/other.html", day, now=soon)
        assert not state.is_due(ARTICLE, day, now=soon)
        assert not state.is_due(ARTICLE, day, lastmod=T0 - timedelta(hours=1), now=soon)
        assert state.is_due(ARTICLE, day, lastmod=T0 + timedelta(hours=1), now=soon)  # sitemap says changed
        assert state.is_due(ARTICLE, day, now=T0 + day)


def test_the_frontier_orders_dedups_and_survives_reopening(tmp_path: Path) -> None:
    with CrawlState.open(tmp_path) as state:
        assert state.add_pending("https://a.example/feed.xml", "feed", 0, priority=0)
        assert state.add_pending("https://a.example/p/1", "page", 1, priority=10, meta={"source": "a"})
        assert state.add_pending("https://a.example/section", "page", 1, priority=0)
        assert state.add_pending("https://a.example/p/2", "page", 2, priority=10)
        assert not state.add_pending("https://a.example/p/1", "page", 5, priority=0)
        state.done("https://a.example/feed.xml")
        state.done("https://a.example/not-pending")  # harmless
    assert has_state(tmp_path)
    with CrawlState.open(tmp_path) as state:
        pending = list(state.pending())
        assert [p.url for p in pending] == [
            "https://a.example/p/1",
            "https://a.example/p/2",
            "https://a.example/section",
        ]
        assert pending[0].meta == {"source": "a"} and pending[0].depth == 1 and pending[0].role == "page"
        assert pending[0].added_at is not None and pending[0].added_at <= datetime.now(UTC)
        # Scheduled after reopening: after the older ones of the same priority.
        state.add_pending("https://a.example/late", "page", 1, priority=0)
        assert [p.url for p in state.pending()][-2:] == ["https://a.example/section", "https://a.example/late"]
        assert state.is_pending("https://a.example/late") and state.pending_count() == 4


def test_files_it_cannot_use_are_refused_clearly(tmp_path: Path) -> None:
    newer = tmp_path / "newer"
    with CrawlState.open(newer):
        pass
    with sqlite3.connect(newer / STATE_NAME) as db:
        db.execute("UPDATE schema SET version = 99")
    with pytest.raises(StateError, match="newer presswarc"):
        CrawlState.open(newer)

    foreign = tmp_path / "foreign"
    foreign.mkdir()
    with sqlite3.connect(foreign / STATE_NAME) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(StateError, match="not a presswarc crawl state"):
        CrawlState.open(foreign)

    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / STATE_NAME).write_bytes(b"this was never a database\n" * 200)
    with pytest.raises(StateError, match="not a usable"):
        CrawlState.open(garbage)
    assert (garbage / STATE_NAME).read_bytes().startswith(b"this was never")  # left as it was


# Writes forever, acknowledging each committed URL on stdout, until killed.
WRITER = """
import sys
from archive.model import RecordLocation
from archive.state import CrawlState

state = CrawlState.open(sys.argv[1])
site = sys.argv[2]
print("open", flush=True)
for n in range(10_000_000):
    url = f"https://{site}/a/{n}.html"
    state.add_pending(url, "page", 1, priority=n % 3)
    state.record_capture(
        url, 200, f'"e{n}"', None, f"sha1:D{n}",
        RecordLocation("w.warc.gz", n * 1000, 900, f"<urn:uuid:{n}>"), "2026-03-02T08:00:00Z", full=True,
    )
    if n % 2 == 0:
        state.done(url)
    print(n, flush=True)
"""


def _start_writer(directory: Path, site: str = "tidewater-times.example") -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(directory), site],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "open", process.stderr.read() if process.stderr else ""
    return process


def test_a_reader_sees_committed_rows_while_a_writer_writes(tmp_path: Path) -> None:
    writer = _start_writer(tmp_path)
    assert writer.stdout is not None
    try:
        counts = []
        for _ in range(5):
            for _ in range(40):
                acknowledged = int(writer.stdout.readline())
            with CrawlState.open(tmp_path, read_only=True) as reader:
                counts.append(reader.url_count())
                last = reader.last(f"https://tidewater-times.example/a/{acknowledged}.html")
            # Everything the writer had acknowledged is visible to a reader opened after.
            assert counts[-1] >= acknowledged + 1
            assert last is not None and last.etag == f'"e{acknowledged}"'
        assert counts == sorted(counts) and counts[-1] > counts[0]
    finally:
        writer.kill()
        writer.wait()


def test_a_killed_writer_leaves_every_committed_row(tmp_path: Path) -> None:
    writer = _start_writer(tmp_path)
    assert writer.stdout is not None
    for _ in range(300):
        acknowledged = int(writer.stdout.readline())
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert writer.returncode == -signal.SIGKILL

    with sqlite3.connect(tmp_path / STATE_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with CrawlState.open(tmp_path) as state:
        assert state.url_count() >= acknowledged + 1
        for n in range(acknowledged + 1):
            seen = state.last(f"https://tidewater-times.example/a/{n}.html")
            assert seen is not None and seen.full is not None and seen.full.offset == n * 1000
        pending = {p.url for p in state.pending()}
        odd = {f"https://tidewater-times.example/a/{n}.html" for n in range(1, acknowledged + 1, 2)}
        assert odd <= pending
        even = {f"https://tidewater-times.example/a/{n}.html" for n in range(0, acknowledged + 1, 2)}
        assert not even & pending
        # The state goes on being written after the kill.
        assert state.add_pending("https://tidewater-times.example/after-kill", "page", 0)


def test_two_processes_write_one_state_at_once(tmp_path: Path) -> None:
    """Workers sharing a collection folder each hold a connection and write."""
    sites = ("tidewater-times.example", "estuary-echo.example")
    writers = [_start_writer(tmp_path, site) for site in sites]
    acknowledged = {}
    try:
        for _ in range(150):
            for site, writer in zip(sites, writers, strict=True):
                assert writer.stdout is not None
                acknowledged[site] = int(writer.stdout.readline())
    finally:
        for writer in writers:
            writer.kill()
            writer.wait()
    with CrawlState.open(tmp_path) as state:
        for site, last in acknowledged.items():
            for n in range(last + 1):
                seen = state.last(f"https://{site}/a/{n}.html")
                assert seen is not None and seen.etag == f'"e{n}"', (site, n)
