"""Peak memory of a crawl of the hostile site (2 GB bombs) against a baseline crawl.

Runs two real `presswarc crawl` processes one after the other on this
machine: the baseline crawls the small `basic` fixture site, the hostile run
crawls the hostile site with its bombs raised to 2 GB (gzip, deflate and
brotli under Content-Encoding, and raw gzip served as text/html). The whole
process tree (crawler plus extraction workers) and the crawler process alone
are sampled from /proc every 20 ms; the report gives the peaks and ratios.

    python bench/crawl_memory.py [--bomb-size 2000000000] [--json bench/results/memory.json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.demo.hostile import compressed_zeros  # noqa: E402
from crawler.demo.siteserver import SiteServer  # noqa: E402

SETTINGS = [
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "AUTOTHROTTLE_ENABLED=False",
    "-s",
    "DOWNLOAD_TIMEOUT=5",
    "-s",
    "RETRY_BACKOFF_BASE=0.2",
    "-s",
    "LOG_LEVEL=ERROR",
    "-s",
    "PRESSWARC_MAX_PAGES_PER_PATTERN=20",
]


def rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (FileNotFoundError, ProcessLookupError):
        return 0


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{current}/task/{current}/children") as children:
                stack += [int(c) for c in children.read().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def peak_of_crawl(site_dir: Path, out: Path) -> tuple[int, int, float]:
    with SiteServer(site_dir) as site:
        command = [sys.executable, "-m", "crawler.cli", "crawl", site.url + "/", "--out", str(out), *SETTINGS]
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peak = main_peak = 0
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            main_peak = max(main_peak, rss(process.pid))
            time.sleep(0.02)
        if process.returncode != 0:
            raise SystemExit(f"crawl of {site_dir} failed with {process.returncode}")
        return peak, main_peak, time.perf_counter() - started


def hostile_copy(scratch: Path, bomb_size: int) -> Path:
    site = scratch / "hostile"
    shutil.copytree(ROOT / "tests" / "sites" / "hostile", site)
    routes_file = site / "_routes.toml"
    routes = tomllib.loads(routes_file.read_text())
    lines = routes_file.read_text().splitlines()
    text = "\n".join(line.replace("size = 300_000_000", f"size = {bomb_size}") for line in lines) + "\n"
    routes_file.write_text(text)
    for route in routes.values():
        if route.get("behaviour") == "bomb":
            compressed_zeros(route.get("coding", "gzip"), bomb_size)  # built before timing starts
    return site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bomb-size", type=int, default=2_000_000_000)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        site = hostile_copy(scratch, args.bomb_size)
        base_peak, base_main, base_time = peak_of_crawl(
            ROOT / "tests" / "sites" / "basic", scratch / "baseline"
        )
        hostile_peak, hostile_main, hostile_time = peak_of_crawl(site, scratch / "hostile-out")
        report = json.loads((scratch / "hostile-out" / "report.json").read_text())
    figures = {
        "bomb_size_bytes": args.bomb_size,
        "baseline_peak_rss_mib": round(base_peak / 2**20, 1),
        "hostile_peak_rss_mib": round(hostile_peak / 2**20, 1),
        "ratio_hostile_to_baseline": round(hostile_peak / base_peak, 2),
        "baseline_crawler_process_peak_rss_mib": round(base_main / 2**20, 1),
        "hostile_crawler_process_peak_rss_mib": round(hostile_main / 2**20, 1),
        "crawler_process_ratio": round(hostile_main / base_main, 2),
        "baseline_seconds": round(base_time, 1),
        "hostile_seconds": round(hostile_time, 1),
        "hostile_report": {
            k: report[k] for k in ("pages_archived", "refused", "failed", "skipped", "extracted")
        },
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
