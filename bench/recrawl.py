"""What a scheduled re-crawl costs: first crawl against re-crawl of the same site.

    python bench/recrawl.py [--pages 1000]

Generates the benchmark news site (bench/newssite.py), serves it from nginx
(ETag and Last-Modified, as real servers send them; Python's http.server
when nginx is missing), crawls it into one folder, then crawls it again
unchanged into the same folder (incremental by default), then once more with
`--full`. Prints wall time, bytes written to the folder, and the records of
each kind each run wrote.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newssite import build_site  # noqa: E402
from webserver import SiteServer  # noqa: E402

LIFTED = [
    *("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"),
    *("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=WARNING", "-s", "PRESSWARC_PROGRESS=False"),
]


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def record_kinds(warcs: list[Path]) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for warc in warcs:
        with open(warc, "rb") as stream:
            for record in ArchiveIterator(stream):
                profile = record.rec_headers.get_header("WARC-Profile") or ""
                kinds[record.rec_type + (":" + profile.rsplit("/", 1)[-1] if profile else "")] += 1
    return kinds


def crawl(url: str, out: Path, *extra: str) -> tuple[float, int, Counter[str]]:
    before_bytes = folder_bytes(out) if out.exists() else 0
    before = set((out / "warc").glob("*.warc.gz")) if out.exists() else set()
    started = time.perf_counter()
    command = [sys.executable, "-m", "crawler.cli", "crawl", url + "/", "--out", str(out), *LIFTED, *extra]
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    new = sorted(set((out / "warc").glob("*.warc.gz")) - before)
    return seconds, folder_bytes(out) - before_bytes, record_kinds(new)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="presswarc-recrawl-") as scratch:
        root = Path(scratch)
        site = build_site(root / "site", args.pages)
        with SiteServer(root / "site", root / "server") as server:
            print(f"site: {site.page_count} pages on {server.kind} ({server.version})")
            runs = [
                ("first crawl", crawl(server.url, root / "out")),
                ("re-crawl, unchanged", crawl(server.url, root / "out")),
                ("re-crawl --full", crawl(server.url, root / "out", "--full")),
            ]
    first_seconds, first_bytes, _ = runs[0][1]
    print(f"{'run':22} {'seconds':>8} {'MB written':>11} {'time':>6} {'bytes':>6}  records")
    for name, (seconds, written, kinds) in runs:
        ratio_t, ratio_b = seconds / first_seconds, written / max(first_bytes, 1)
        records = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
        print(f"{name:22} {seconds:8.1f} {written / 1e6:11.2f} {ratio_t:6.2f} {ratio_b:6.2f}  {records}")


if __name__ == "__main__":
    main()
