"""Throughput of Redis workers: one worker against two, on one shared job.

    python bench/redis_workers.py [--pages 1000]

Generates the benchmark news site (bench/newssite.py), serves it from nginx
(or Python's http.server), starts a redis-server of its own on a free
loopback port, then crawls the site with one `presswarc crawl --redis`
worker and, with a fresh job, with two workers at once. Prints pages/s of
each run and the ratio; pages are counted from the WARCs the workers wrote.
The idle wait that ends each worker is set to 2 s and left out of the time.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newssite import build_site  # noqa: E402
from webserver import SiteServer, free_port  # noqa: E402

IDLE = 2.0
WORKER = [
    *("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"),
    *("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16"),
    *("-s", "LOG_LEVEL=WARNING", "-s", "PRESSWARC_PROGRESS=False", "-s", f"PRESSWARC_REDIS_IDLE={IDLE}"),
]


def responses(folder: Path) -> int:
    count = 0
    for warc in folder.rglob("*.warc.gz"):
        with open(warc, "rb") as stream:
            count += sum(1 for record in ArchiveIterator(stream) if record.rec_type == "response")
    return count


def run_workers(url: str, redis_url: str, job: str, workers: int, out: Path) -> tuple[float, int]:
    commands = [
        [sys.executable, "-m", "crawler.cli", "crawl", url + "/", "--out", str(out / f"w{n}"),
         "--redis", redis_url, "--job", job, *WORKER]
        for n in range(workers)
    ]  # fmt: skip
    started = time.perf_counter()
    processes = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for c in commands]
    for process in processes:
        process.wait()
    return time.perf_counter() - started - IDLE, responses(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        raise SystemExit("redis-server is not installed (Debian: apt-get install redis-server)")
    with tempfile.TemporaryDirectory(prefix="presswarc-redis-bench-") as scratch:
        root = Path(scratch)
        site = build_site(root / "site", args.pages)
        port = free_port()
        redis = subprocess.Popen(
            [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        try:
            time.sleep(0.5)
            with SiteServer(root / "site", root / "server") as server:
                print(f"site: {site.page_count} pages on {server.kind}; redis-server on port {port}")
                redis_url = f"redis://127.0.0.1:{port}/0"
                one = run_workers(server.url, redis_url, "one", 1, root / "one")
                two = run_workers(server.url, redis_url, "two", 2, root / "two")
        finally:
            redis.terminate()
            redis.wait()
    for name, (seconds, pages) in (("1 worker", one), ("2 workers", two)):
        print(f"{name:10} {pages:6d} responses in {seconds:6.1f} s: {pages / seconds:6.1f} pages/s")
    print(f"ratio 2 workers / 1 worker: {(two[1] / two[0]) / (one[1] / one[0]):.2f}")


if __name__ == "__main__":
    main()
