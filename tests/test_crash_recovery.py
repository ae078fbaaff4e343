"""A scheduled crawl that is killed, or started twice, loses nothing.

Real behaviour: cron starts `presswarc crawl` every few hours on the same
folder; a run is killed with SIGKILL (the OOM killer, a reboot) half-way
through a WARC and its sidecar, with extraction workers busy; or a slow
run is still going when the next one starts. The crawls here are real
subprocesses of the `presswarc` entry point against a generated outlet on
127.0.0.1, killed with real signals.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.conftest import FAST
from tests.outlet import Outlet, OutletServer

SLOW = [*FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "DOWNLOAD_DELAY=0.03"]


@pytest.fixture(scope="module")
def outlet() -> Iterator[str]:
    with OutletServer(Outlet(articles=400).respond) as server:
        yield f"http://127.0.0.1:{server.port}/"


def _start_crawl(url: str, out: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "crawl", url, "--out", str(out), *SLOW, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _archived(out: Path) -> int:
    log = out / "crawl.log"
    if not log.exists():
        return 0
    return sum(1 for line in log.read_text(encoding="utf-8").splitlines() if '"archived"' in line)


def _wait_for_archived(out: Path, count: int, crawl: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while _archived(out) < count:
        assert crawl.poll() is None, "the crawl ended before it could be interrupted"
        assert time.monotonic() < deadline, "the crawl made no progress"
        time.sleep(0.1)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (FileNotFoundError, ProcessLookupError):
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False


def _warcio_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warcio.cli", "check", str(path)], capture_output=True, text=True, timeout=120
    )


def test_a_second_crawl_on_a_busy_folder_exits_at_once(outlet: str, tmp_path: Path) -> None:
    first = _start_crawl(outlet, tmp_path)
    try:
        _wait_for_archived(tmp_path, 5, first)
        second = subprocess.run(
            [sys.executable, "-m", "crawler.cli", "crawl", outlet, "--out", str(tmp_path), *FAST],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 3
        assert "in use by another presswarc process" in second.stderr
        assert f'"pid": {first.pid}' in second.stderr
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()


def test_kill_9_leaves_no_process_and_recover_closes_every_warc(outlet: str, tmp_path: Path) -> None:
    out = tmp_path / "crawl"
    crawl = _start_crawl(outlet, out)
    _wait_for_archived(out, 30, crawl)
    family = _descendants(crawl.pid)
    assert family, "extraction workers should be running"
    crawl.send_signal(signal.SIGKILL)
    crawl.wait()
    deadline = time.monotonic() + 20
    while any(_alive(p) for p in family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [p for p in family if _alive(p)] == []

    left_open = list(out.rglob("*.open"))
    assert any(p.name.endswith(".warc.gz.open") for p in left_open)
    archived_before = _archived(out)
    result = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "recover", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "recovered" in result.stdout
    assert list(out.rglob("*.open")) == []
    warcs = sorted((out / "warc").glob("*.warc.gz"))
    assert warcs
    responses = 0
    for warc in warcs:
        check = _warcio_check(warc)
        assert check.returncode == 0, check.stdout + check.stderr
        assert warc.with_name(warc.name.removesuffix(".warc.gz") + ".cdxj").exists()
        with open(warc, "rb") as stream:
            responses += sum(1 for record in ArchiveIterator(stream) if record.rec_type == "response")
    # every response the crawl log called archived is in a WARC (the log line follows the write)
    assert responses >= archived_before


def test_the_next_crawl_recovers_the_folder_first(outlet: str, tmp_path: Path) -> None:
    crawl = _start_crawl(outlet, tmp_path)
    _wait_for_archived(tmp_path, 20, crawl)
    crawl.send_signal(signal.SIGKILL)
    crawl.wait()
    assert list(tmp_path.rglob("*.warc.gz.open"))
    rerun = subprocess.run(
        [
            sys.executable,
            "-m",
            "crawler.cli",
            "crawl",
            outlet,
            "--out",
            str(tmp_path),
            *FAST,
            "--max-pages",
            "5",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ},
    )
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert "recovered after an interrupted crawl" in rerun.stderr
    assert list(tmp_path.rglob("*.open")) == []
    for warc in (tmp_path / "warc").glob("*.warc.gz"):
        assert _warcio_check(warc).returncode == 0
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["pages_archived"] >= 1
