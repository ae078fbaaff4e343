"""Several workers, one crawl, one Redis: nothing fetched twice, nothing lost.

Real behaviour: an archive team runs `presswarc crawl --redis ... --job NAME`
on a few machines against one Redis; each worker writes its own WARCs; a
machine can die mid-crawl (SIGKILL here) with requests in flight. A real
redis-server (Debian's package; `.ci/run` installs it) runs on a free
loopback port; the workers are real `presswarc` subprocesses crawling a
generated 500-article outlet on 127.0.0.1.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from warcio.archiveiterator import ArchiveIterator

from crawler.redis_frontier import RedisFrontier
from tests.conftest import FAST
from tests.outlet import Outlet, OutletServer

REDIS_SERVER = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(
    REDIS_SERVER is None, reason="redis-server not installed (.ci/run installs it)"
)
ARTICLES = 500
WORKER = [*FAST, "-s", "PRESSWARC_REDIS_IDLE=3", "-s", "EXTRACT_WORKERS=1"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    assert REDIS_SERVER is not None
    port = _free_port()
    server = subprocess.Popen(
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="module")
def outlet() -> Iterator[tuple[str, Outlet]]:
    site = Outlet(articles=ARTICLES)
    with OutletServer(site.respond) as server:
        yield f"http://127.0.0.1:{server.port}/", site


def _worker(url: str, out: Path, redis_url: str, *extra: str) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "crawler.cli",
        "crawl",
        url,
        "--out",
        str(out),
        "--redis",
        redis_url,
        "--job",
        "outlet",
        *WORKER,
        *extra,
    ]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _archived_urls(root: Path) -> Counter[str]:
    """Target URIs of every 200 response in every WARC (closed or left open) under root."""
    found: Counter[str] = Counter()
    for warc in sorted(root.rglob("*.warc.gz*")):
        if not (warc.name.endswith(".warc.gz") or warc.name.endswith(".warc.gz.open")):
            continue
        with open(warc, "rb") as stream:
            try:
                for record in ArchiveIterator(stream):
                    if record.rec_type == "response" and record.http_headers.get_statuscode() == "200":
                        found[record.rec_headers.get_header("WARC-Target-URI")] += 1
            except Exception:  # a SIGKILLed worker's last record may be cut: count what is whole
                pass
    return found


def _article_urls(base: str, site: Outlet) -> set[str]:
    return {base.rstrip("/") + site.article_path(n) for n in range(1, ARTICLES + 1)}


def _finish(worker: subprocess.Popen[str]) -> str:
    _, err = worker.communicate(timeout=600)
    assert worker.returncode == 0, err[-3000:]
    return err


def test_two_workers_archive_every_page_exactly_once(
    outlet: tuple[str, Outlet], redis_url: str, tmp_path: Path
) -> None:
    url, site = outlet
    workers = [_worker(url, tmp_path / f"w{n}", redis_url) for n in range(2)]
    for worker in workers:
        _finish(worker)
    archived = _archived_urls(tmp_path)
    articles = _article_urls(url, site)
    assert articles <= set(archived), f"missing: {sorted(articles - set(archived))[:5]}"
    # each worker reads robots.txt for itself (its politeness is its own); pages are shared
    assert [u for u, n in archived.items() if n > 1 and not u.endswith("/robots.txt")] == []
    per_worker = [sum(_archived_urls(tmp_path / f"w{n}").values()) for n in range(2)]
    assert min(per_worker) > 0, f"one worker did all the work: {per_worker}"
    warc_names = [p.name for p in tmp_path.rglob("*.warc.gz")]
    assert len(set(warc_names)) == len(warc_names)
    frontier = RedisFrontier(redis.Redis.from_url(redis_url), "outlet", 300)
    assert frontier.queued() == 0 and frontier.leased() == 0


def test_a_killed_workers_requests_are_archived_by_another(
    outlet: tuple[str, Outlet], redis_url: str, tmp_path: Path
) -> None:
    url, site = outlet
    lease = ["-s", "PRESSWARC_REDIS_LEASE=4"]
    doomed = _worker(url, tmp_path / "doomed", redis_url, *lease)
    deadline = time.monotonic() + 120
    log = tmp_path / "doomed" / "crawl.log"
    while not log.exists() or log.read_text(encoding="utf-8").count('"archived"') < 40:
        assert doomed.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    survivor = _worker(url, tmp_path / "survivor", redis_url, *lease)
    time.sleep(1.0)
    doomed.send_signal(signal.SIGKILL)
    doomed.wait()
    err = _finish(survivor)
    archived = _archived_urls(tmp_path)
    missing = _article_urls(url, site) - set(archived)
    assert missing == set(), f"{len(missing)} articles never archived"
    assert "returned to the queue" in err  # the survivor took over the dead worker's leases
