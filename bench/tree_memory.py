"""Peak memory of `presswarc crawl` (row C) and `replay` (row R): RSS and PSS, per process.

    python bench/tree_memory.py [--pages 600] [-s EXTRACT_WORKERS=1 ...]

RSS summed over a process tree counts every shared page once per process
(forked or preloaded workers share their libraries and models); PSS splits
each shared page among its users, so its sum is what the tree occupies.
Both are printed, with each process's share at the tree's RSS peak, so a
change can be judged on either. Uses the same site, server and settings as
bench/run.py.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from newssite import build_site  # noqa: E402
from processes import tree_pids  # noqa: E402
from run import PRESSWARC_SETTINGS, _flags, scrapy_settings  # noqa: E402
from webserver import SiteServer  # noqa: E402


def process_memory(pid: int) -> tuple[str, int, int]:
    """(short command line, RSS kB, PSS kB) of one process."""
    name = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    rss = pss = 0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Rss:"):
            rss = int(line.split()[1])
        elif line.startswith("Pss:"):
            pss = int(line.split()[1])
    return name[:70], rss, pss


def watch(command: list[str], log: Path) -> tuple[float, int, int, list[tuple[str, int, int]]]:
    """Run to completion; seconds, peak tree RSS and PSS (kB) and the per-process view at the RSS peak."""
    started = time.perf_counter()
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        peak_rss = peak_pss = 0
        at_peak: list[tuple[str, int, int]] = []
        while process.poll() is None:
            rows = []
            for pid in tree_pids(process.pid):
                try:
                    rows.append(process_memory(pid))
                except (FileNotFoundError, ProcessLookupError, PermissionError):
                    continue
            rss, pss = sum(r[1] for r in rows), sum(r[2] for r in rows)
            peak_pss = max(peak_pss, pss)
            if rss > peak_rss:
                peak_rss, at_peak = rss, rows
            threading.Event().wait(0.2)
    return time.perf_counter() - started, peak_rss, peak_pss, at_peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--scratch", type=Path, default=ROOT / "bench-out" / "tree-memory")
    parser.add_argument("--rows", default="C,R", help="C (crawl), R (replay of its WARCs), or both")
    parser.add_argument("--keep", action="store_true", help="keep the site, WARCs and replay output")
    parser.add_argument("-s", "--set", action="append", default=[], help="extra crawl setting KEY=VALUE")
    args = parser.parse_args(argv)
    shutil.rmtree(args.scratch, ignore_errors=True)
    site = build_site(args.scratch / "site", args.pages)
    settings = {**scrapy_settings(16), **PRESSWARC_SETTINGS}
    settings.update(dict(item.split("=", 1) for item in args.set))
    with SiteServer(site.root, args.scratch / "server", prefer="auto", install=False) as server:
        out = args.scratch / "crawl"
        crawl = [sys.executable, "-m", "crawler.cli", "crawl", server.url, "--out", str(out),
                 *_flags(settings)]
        replay = [sys.executable, "-m", "crawler.cli", "replay", str(out / "warc"),
                  "--out", str(args.scratch / "replay")]
        for row, command in (("C", crawl), ("R", replay)):
            if row not in args.rows.split(","):
                continue
            seconds, rss, pss, at_peak = watch(command, args.scratch / f"{row}.log")
            print(f"{row}: {site.page_count} pages in {seconds:.1f} s; peak tree RSS {rss / 1024:.0f} MB, "
                  f"peak tree PSS {pss / 1024:.0f} MB")
            for name, p_rss, p_pss in at_peak:
                print(f"    RSS {p_rss / 1024:6.0f} MB  PSS {p_pss / 1024:6.0f} MB  {name}")
    if not args.keep:
        shutil.rmtree(args.scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
