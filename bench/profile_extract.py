"""Per-page CPU of presswarc `extract()` against plain `bare_extraction`, same pages, same process.

    python bench/profile_extract.py [--pages 300] [--rounds 3] [--profile FILE.pstats] [--digest]

Builds the bench news site in a temporary folder (or reads `--site`), then
times both extractors over every page in interleaved rounds and prints the
ratio extract/bare (what replay's R/T depends on). `--profile` writes a
cProfile of the `extract()` loop; `--digest` prints a hash of every
extraction so a speed change can be checked not to change output.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from baselines import TRAFILATURA_OPTIONS  # noqa: E402


def site_pages(site: Path, base: str) -> list[tuple[str, bytes]]:
    pages = []
    for page in sorted(site.rglob("index.html")):
        folder = page.parent.relative_to(site).as_posix()
        pages.append((base.rstrip("/") + ("/" if folder == "." else f"/{folder}/"), page.read_bytes()))
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--site", type=Path)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--digest", action="store_true")
    args = parser.parse_args(argv)

    import trafilatura

    from archive.extract import extract
    from archive.model import Capture

    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            from newssite import build_site

            site = Path(scratch) / "site"
            build_site(site, args.pages)
        pages = site_pages(site, "http://127.0.0.1:8080/")
    when = datetime(2026, 11, 28, tzinfo=UTC)
    captures = [
        Capture(url, when, 200, (("Content-Type", "text/html; charset=utf-8"),), body) for url, body in pages
    ]

    def run_extract() -> list[Any]:
        return [extract(c) for c in captures]

    def run_bare() -> None:
        for url, body in pages:
            trafilatura.bare_extraction(body, url=url, **TRAFILATURA_OPTIONS)

    run_extract()
    run_bare()  # warm both (imports, caches)
    times: dict[str, list[float]] = {"extract": [], "bare": []}
    for _ in range(args.rounds):
        for name, job in (("extract", run_extract), ("bare", run_bare)):
            started = time.process_time()
            job()
            times[name].append(time.process_time() - started)
    per_page = {k: 1000 * statistics.median(v) / len(pages) for k, v in times.items()}
    print(f"pages={len(pages)} rounds={args.rounds} "
          f"extract_ms={per_page['extract']:.2f} bare_ms={per_page['bare']:.2f} "
          f"extract/bare={per_page['extract'] / per_page['bare']:.2f}")
    if args.digest:
        digest = hashlib.sha1()
        for result in run_extract():
            digest.update(json.dumps(result.as_dict(), sort_keys=True, default=str).encode())
        print("digest", digest.hexdigest())
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run_extract()
        profiler.disable()
        profiler.dump_stats(args.profile)
        import pstats

        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
