"""Speed benchmark: presswarc against bare Scrapy, a stock CrawlSpider, wget and plain trafilatura.

    .venv/bin/python bench/run.py [--quick] [--rounds N] [--pages N] [--out bench-out]

Generates a local news site (bench/newssite.py), serves it on 127.0.0.1 from
nginx (Python's http.server if nginx is missing), then runs these rows back
to back, interleaved over rounds (alternate rounds in reverse order, so drift
on a shared machine does not always favour one row):

  A   bare Scrapy spider, `statements`' link routing, no archive/extract (bench/bare_spider.py)
  A0  stock CrawlSpider + LinkExtractor (bench/stock_crawlspider.py)
  B   presswarc crawl, archive only (-s EXTRACT_ENABLED=False)
  C   presswarc crawl, full pipeline
  W   wget --recursive --warc-file
  T   plain trafilatura.bare_extraction over the same pages, one process
  R   presswarc replay of C's WARCs (same round)

Every crawl gets the same lifted politeness and concurrency. Each run's wall
time, CPU time, peak RSS of its whole process tree and bytes written are
recorded; pages/s counts the pages each run actually fetched (a run that
fetched fewer pages than the site has is flagged). Prints a table and, last,
`ratios: B/A=… C/A=… C/A0=… C/W=… R/T=… rss_C_MB=…`; writes OUT/results-<time>.json
and OUT/latest.json. Scratch files (site, crawl outputs) live in OUT/scratch
and are removed at the end unless --keep.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from newssite import LARGE_SHARE, Site, build_site  # noqa: E402
from processes import RunResult, kill_all, measure, survivors  # noqa: E402
from webserver import SiteServer  # noqa: E402

ROWS: dict[str, str] = {
    "A": "bare Scrapy spider, same link routing as `statements`, same concurrency, no archive/extract",
    "A0": "a stock CrawlSpider + LinkExtractor (what a user writes first)",
    "B": "`presswarc crawl` archive only (`EXTRACT_ENABLED=False`)",
    "C": "`presswarc crawl` full pipeline",
    "W": "`wget --recursive --warc-file`",
    "T": "plain `trafilatura.bare_extraction` in one process over the same pages",
    "R": "`presswarc replay` of C's WARCs",
}
FORWARD = ["A", "A0", "B", "C", "R", "W", "T"]
BACKWARD = ["T", "W", "C", "R", "B", "A0", "A"]  # R still follows the C it replays
UNLIMITED = 1_000_000_000  # trap budgets: every page of the site is crawled


def scrapy_settings(concurrency: int) -> dict[str, Any]:
    """Politeness lifted identically for every Scrapy-based row."""
    return {
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": True,  # the site's robots.txt allows everything
        "CONCURRENT_REQUESTS": concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "LOG_LEVEL": "INFO",
        "TELNETCONSOLE_ENABLED": False,
    }


PRESSWARC_SETTINGS = {
    "PRESSWARC_MAX_PAGES_PER_PATTERN": UNLIMITED,
    "PRESSWARC_MAX_PAGES_PER_HOST": UNLIMITED,
}


def _flags(settings: dict[str, Any]) -> list[str]:
    return [part for key, value in settings.items() for part in ("-s", f"{key}={value}")]


@dataclass
class Measurement:
    row: str
    round: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    pages: int  # pages actually fetched (crawls) or processed (T, R)
    expected_pages: int
    bytes_written: int
    returncode: int
    extracted: int | None = None
    notes: list[str] = field(default_factory=list)
    peak_pss_mb: float = 0.0  # tree-wide PSS: shared pages split between processes, not counted in each

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    @property
    def cpu_ms_per_page(self) -> float:
        return 1000 * self.cpu_seconds / self.pages if self.pages else 0.0

    @property
    def bytes_per_page(self) -> float:
        return self.bytes_written / self.pages if self.pages else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "pages_per_second": round(self.pages_per_second, 2),
                "cpu_ms_per_page": round(self.cpu_ms_per_page, 3),
                "bytes_per_page": round(self.bytes_per_page, 1)}


def bytes_under(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


def _is_robots(url: str) -> bool:
    return url.split("?", 1)[0].endswith("/robots.txt")


def pages_in_crawl_log(out: Path) -> int:
    """HTML pages presswarc archived with status 200 (robots.txt not counted)."""
    urls = set()
    log = out / "crawl.log"
    if log.exists():
        with open(log, encoding="utf-8") as lines:
            for line in lines:
                entry = json.loads(line)
                if entry.get("outcome") == "archived" and entry.get("status") == 200 and not _is_robots(
                    entry["url"]
                ):
                    urls.add(entry["url"])
    return len(urls)


def pages_in_warcs(out: Path) -> int:
    """Status-200 responses (robots.txt not counted) in the WARCs under `out` (wget's)."""
    from warcio.archiveiterator import ArchiveIterator

    urls = set()
    for path in sorted(out.rglob("*.warc.gz")):
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                if record.http_headers.get_statuscode() == "200" and not _is_robots(url):
                    urls.add(url)
    return len(urls)


class Bench:
    def __init__(self, args: argparse.Namespace, site: Site, url: str, scratch: Path) -> None:
        self.args = args
        self.site = site
        self.url = url.rstrip("/") + "/"
        self.scratch = scratch
        self.wget = shutil.which("wget")
        self.common = scrapy_settings(args.concurrency)

    def run_dir(self, row: str, number: int) -> tuple[Path, Path]:
        folder = self.scratch / f"round{number}" / row
        out = folder / "out"
        out.mkdir(parents=True, exist_ok=True)
        return folder, out

    def _run(self, row: str, number: int, command: list[str], cwd: Path,
             count: Callable[[Path, Path], tuple[int, int | None]]) -> Measurement:
        folder, out = self.run_dir(row, number)
        log_path = folder / "run.log"
        with open(log_path, "wb") as log:
            result: RunResult = measure([part.replace("{out}", str(out)) for part in command], cwd, log)
        notes = []
        if result.returncode != 0:
            tail = log_path.read_text(errors="replace")[-1500:]
            notes.append(f"exit code {result.returncode}")
            print(f"  {row} failed (exit {result.returncode}); log tail:\n{tail}", file=sys.stderr)
        pages, extracted = count(folder, out)
        if pages < self.site.page_count:
            notes.append(f"SHORT: {pages} of {self.site.page_count} pages")
        return Measurement(
            row=row, round=number, seconds=round(result.seconds, 3),
            cpu_seconds=round(result.cpu_seconds, 3), peak_rss_mb=round(result.peak_rss / 2**20, 1),
            pages=pages, expected_pages=self.site.page_count, bytes_written=bytes_under(out),
            returncode=result.returncode, extracted=extracted, notes=notes,
            peak_pss_mb=round(result.peak_pss / 2**20, 1),
        )

    def scrapy_baseline(self, row: str, number: int) -> Measurement:
        kind = "bare" if row == "A" else "stock"
        folder, _ = self.run_dir(row, number)
        stats = folder / "stats.json"
        command = [sys.executable, str(HERE / "baselines.py"), kind, self.url, "--stats", str(stats),
                   *_flags(self.common)]

        def count(_folder: Path, _out: Path) -> tuple[int, int | None]:
            if not stats.exists():
                return 0, None
            figures = json.loads(stats.read_text())
            robots = int(figures.get("robotstxt/response_count", 0))
            return int(figures.get("response_received_count", 0)) - robots, None

        return self._run(row, number, command, folder, count)

    def presswarc_crawl(self, row: str, number: int) -> Measurement:
        settings = {**self.common, **PRESSWARC_SETTINGS}
        if row == "B":
            settings["EXTRACT_ENABLED"] = False
        command = [sys.executable, "-m", "crawler.cli", "crawl", self.url, "--out", "{out}",
                   *_flags(settings)]

        def count(_folder: Path, out: Path) -> tuple[int, int | None]:
            report = out / "report.json"
            extracted = json.loads(report.read_text()).get("extracted") if report.exists() else None
            return pages_in_crawl_log(out), extracted

        return self._run(row, number, command, ROOT, count)

    def wget_mirror(self, number: int) -> Measurement:
        assert self.wget is not None
        command = [self.wget, "--recursive", "--level=inf", "--no-verbose", "--execute", "robots=on",
                   "--warc-file={out}/wget", "--directory-prefix={out}/mirror", "--delete-after", self.url]
        folder, _ = self.run_dir("W", number)

        def count(_folder: Path, out: Path) -> tuple[int, int | None]:
            return pages_in_warcs(out), None

        return self._run("W", number, command, folder, count)

    def trafilatura_only(self, number: int) -> Measurement:
        folder, _ = self.run_dir("T", number)
        stats = folder / "stats.json"
        command = [sys.executable, str(HERE / "baselines.py"), "trafilatura", str(self.site.root),
                   "--base", self.url, "--stats", str(stats)]

        def count(_folder: Path, _out: Path) -> tuple[int, int | None]:
            if not stats.exists():
                return 0, None
            figures = json.loads(stats.read_text())
            return int(figures["pages"]), int(figures["extracted"])

        measurement = self._run("T", number, command, folder, count)
        if stats.exists():
            measurement.notes.append(f"loop only: {json.loads(stats.read_text())['loop_seconds']:.2f} s")
        return measurement

    def replay(self, number: int) -> Measurement | None:
        warcs = self.scratch / f"round{number}" / "C" / "out" / "warc"
        if not warcs.exists():
            return None
        command = [sys.executable, "-m", "crawler.cli", "replay", str(warcs), "--out", "{out}"]

        def count(_folder: Path, out: Path) -> tuple[int, int | None]:
            report_file = out / "replay-report.json"
            if not report_file.exists():
                return 0, None
            report = json.loads(report_file.read_text())
            return report["extracted"] + report["no_article"] + report["failed"], report["extracted"]

        return self._run("R", number, command, ROOT, count)

    def measure_row(self, row: str, number: int) -> Measurement | None:
        if row in ("A", "A0"):
            return self.scrapy_baseline(row, number)
        if row in ("B", "C"):
            return self.presswarc_crawl(row, number)
        if row == "W":
            return self.wget_mirror(number) if self.wget else None
        if row == "T":
            return self.trafilatura_only(number)
        return self.replay(number)

    def clean_round(self, number: int) -> None:
        if not self.args.keep:
            shutil.rmtree(self.scratch / f"round{number}", ignore_errors=True)


def summarise(runs: list[Measurement]) -> dict[str, dict[str, Any]]:
    summary: dict[str, dict[str, Any]] = {}
    for row in ROWS:
        mine = [m for m in runs if m.row == row and m.returncode == 0 and m.pages > 0]
        if not mine:
            continue

        def spread(values: list[float], digits: int = 1) -> dict[str, float]:
            return {"median": round(statistics.median(values), digits), "min": round(min(values), digits),
                    "max": round(max(values), digits)}

        summary[row] = {
            "runs": len(mine),
            "pages": spread([m.pages for m in mine], 0),
            "expected_pages": mine[0].expected_pages,
            "pages_per_second": spread([m.pages_per_second for m in mine]),
            "seconds": spread([m.seconds for m in mine], 2),
            "cpu_ms_per_page": spread([m.cpu_ms_per_page for m in mine], 2),
            "peak_rss_mb": spread([m.peak_rss_mb for m in mine]),
            "peak_pss_mb": spread([m.peak_pss_mb for m in mine]),
            "bytes_per_page": spread([m.bytes_per_page for m in mine], 0),
            "short_runs": sum(1 for m in mine if m.pages < m.expected_pages),
        }
    return summary


def ratio(summary: dict[str, dict[str, Any]], top: str, bottom: str) -> float | None:
    if top not in summary or bottom not in summary:
        return None
    top_rate = float(summary[top]["pages_per_second"]["median"])
    return top_rate / float(summary[bottom]["pages_per_second"]["median"])


RATIO_PAIRS = {
    "B/A": ("B", "A"), "C/A": ("C", "A"), "C/A0": ("C", "A0"), "C/W": ("C", "W"), "R/T": ("R", "T"),
}


def paired_ratios(runs: list[Measurement]) -> dict[str, dict[str, Any]]:
    """Each ratio within each round (runs minutes apart), then median and range over rounds.

    On a shared machine whose load swings between rounds these are steadier
    than ratios of medians; `cpu` is the same ratio from CPU time per page,
    which load changes least (a row using two cores can still be faster).
    """
    found: dict[str, dict[str, Any]] = {}
    good = {(m.row, m.round): m for m in runs if m.returncode == 0 and m.pages > 0}
    for name, (top, bottom) in RATIO_PAIRS.items():
        rounds = sorted({number for _, number in good})
        wall = [good[top, n].pages_per_second / good[bottom, n].pages_per_second
                for n in rounds if (top, n) in good and (bottom, n) in good]
        cpu = [good[bottom, n].cpu_ms_per_page / good[top, n].cpu_ms_per_page
               for n in rounds if (top, n) in good and (bottom, n) in good and good[top, n].cpu_ms_per_page]
        if wall:
            found[name] = {"per_round": [round(v, 3) for v in wall],
                           "median": round(statistics.median(wall), 3),
                           "min": round(min(wall), 3), "max": round(max(wall), 3),
                           "cpu_per_page": round(statistics.median(cpu), 3) if cpu else None}
    return found


def ratios_line(summary: dict[str, dict[str, Any]]) -> tuple[str, dict[str, float | None]]:
    values: dict[str, float | None] = {name: ratio(summary, *pair) for name, pair in RATIO_PAIRS.items()}
    rss = summary.get("C", {}).get("peak_rss_mb", {}).get("median")
    values["rss_C_MB"] = rss
    parts = [f"{name}={value:.2f}" if value is not None else f"{name}=n/a"
             for name, value in values.items() if name != "rss_C_MB"]
    parts.append(f"rss_C_MB={rss:.0f}" if rss is not None else "rss_C_MB=n/a")
    pss = summary.get("C", {}).get("peak_pss_mb", {}).get("median")
    if pss:
        parts.append(f"pss_C_MB={pss:.0f}")
    return "ratios: " + " ".join(parts), values


def _range(entry: dict[str, float], fmt: str = "{:,.0f}") -> str:
    if entry["min"] == entry["max"]:
        return fmt.format(entry["median"])
    return f"{fmt.format(entry['median'])} ({fmt.format(entry['min'])}–{fmt.format(entry['max'])})"


def relative(summary: dict[str, dict[str, Any]], row: str) -> str:
    """The ratio column: A0, B, C against A (C also against A0), C against W, R against T."""
    def times(top: str, bottom: str) -> str:
        value = ratio(summary, top, bottom)
        return f"{value:.2f}·{bottom}" if value is not None else ""

    if row in ("A", "T"):
        return "1"
    if row == "C":
        return ", ".join(part for part in (times("C", "A"), times("C", "A0")) if part)
    if row == "W":
        value = ratio(summary, "C", "W")
        return f"C/W = {value:.2f}" if value is not None else ""
    return times(row, "T" if row == "R" else "A")


def table(summary: dict[str, dict[str, Any]], skipped: dict[str, str]) -> str:
    lines = ["| run | pages | pages/s median (min–max) | ratio | CPU ms/page | peak RSS MB, tree (min–max)"
             " | peak PSS MB, tree | bytes written/page |",
             "|---|---|---|---|---|---|---|---|"]
    for row, what in ROWS.items():
        if row not in summary:
            reason = skipped.get(row, "no successful run")
            lines.append(f"| {row}: {what} | – | skipped: {reason} | | | | | |")
            continue
        entry = summary[row]
        rel = relative(summary, row)
        pages = f"{entry['pages']['median']:.0f}/{entry['expected_pages']}"
        if entry["short_runs"]:
            pages += f" ({entry['short_runs']} short)"
        lines.append(
            f"| {row}: {what} | {pages} | {_range(entry['pages_per_second'])} | {rel} "
            f"| {entry['cpu_ms_per_page']['median']:.1f} | {_range(entry['peak_rss_mb'])} "
            f"| {_range(entry['peak_pss_mb'])} "
            f"| {entry['bytes_per_page']['median']:,.0f} |"
        )
    return "\n".join(lines)


def versions() -> dict[str, str]:
    from importlib.metadata import version

    import scrapy
    import trafilatura

    return {"python": platform.python_version(), "scrapy": scrapy.__version__,
            "trafilatura": trafilatura.__version__, "warcio": version("warcio"),
            "presswarc": version("presswarc")}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few hundred pages, 2 rounds")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 5; --quick 2)")
    parser.add_argument("--pages", type=int, help="site size in pages (default 3000; --quick 300)")
    parser.add_argument("--concurrency", type=int, default=16,
                        help="CONCURRENT_REQUESTS and CONCURRENT_REQUESTS_PER_DOMAIN for every Scrapy row")
    parser.add_argument("--rows", default=",".join(ROWS), help="comma-separated subset, e.g. A,B,C")
    parser.add_argument("--server", choices=["auto", "nginx", "python"], default="auto")
    parser.add_argument("--no-install", action="store_true", help="do not try apt-get install nginx")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out", help="results folder")
    parser.add_argument("--keep", action="store_true", help="keep the site and crawl outputs in OUT/scratch")
    args = parser.parse_args(argv)
    args.rounds = args.rounds or (2 if args.quick else 5)
    args.pages = args.pages or (300 if args.quick else 3000)
    args.rows = [r.strip() for r in args.rows.split(",") if r.strip()]
    unknown = [r for r in args.rows if r not in ROWS]
    if unknown:
        parser.error(f"unknown rows {unknown}; choose from {', '.join(ROWS)}")
    if "R" in args.rows and "C" not in args.rows:
        parser.error("R replays C's WARCs: include C")
    if args.rounds < 1 or args.pages < 50:
        parser.error("need at least 1 round and 50 pages")
    return args


def run(args: argparse.Namespace) -> int:
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    scratch = out / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    started = datetime.now(UTC)
    print(f"building a {args.pages}-page news site ...", file=sys.stderr, flush=True)
    site = build_site(scratch / "site", args.pages)
    runs: list[Measurement] = []
    skipped: dict[str, str] = {}
    load_before = os.getloadavg()
    with SiteServer(site.root, scratch / "server", prefer=args.server, install=not args.no_install) as server:
        print(f"serving {site.page_count} pages ({site.bytes_html / site.page_count / 1024:.1f} KB average) "
              f"with {server.kind} ({server.version}) at {server.url}", file=sys.stderr, flush=True)
        bench = Bench(args, site, server.url, scratch)
        if "W" in args.rows and bench.wget is None:
            skipped["W"] = "wget is not installed"
        for number in range(1, args.rounds + 1):
            order = [r for r in (FORWARD if number % 2 else BACKWARD) if r in args.rows]
            for row in order:
                measurement = bench.measure_row(row, number)
                if measurement is None:
                    continue
                runs.append(measurement)
                print(f"[round {number}/{args.rounds}] {row:2}: {measurement.pages} pages in "
                      f"{measurement.seconds:.1f} s = {measurement.pages_per_second:.1f} pages/s, "
                      f"CPU {measurement.cpu_ms_per_page:.1f} ms/page, peak {measurement.peak_rss_mb:.0f} MB"
                      + (f"  [{'; '.join(measurement.notes)}]" if measurement.notes else ""),
                      file=sys.stderr, flush=True)
            bench.clean_round(number)
        server_kind, server_version = server.kind, server.version
    for row in args.rows:
        if row not in skipped and not any(m.row == row for m in runs):
            skipped[row] = "no run"
    for row in ROWS:
        if row not in args.rows:
            skipped[row] = "not selected (--rows)"
    summary = summarise(runs)
    line, values = ratios_line(summary)
    paired = paired_ratios(runs)
    results = {
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "rounds": args.rounds,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "loadavg_before": load_before, "loadavg_after": os.getloadavg()},
        "versions": versions(),
        "server": {"kind": server_kind, "version": server_version},
        "site": {"pages": site.page_count, "html_bytes": site.bytes_html,
                 "average_kb": round(site.bytes_html / site.page_count / 1024, 1),
                 "large_page_share": LARGE_SHARE},
        "settings": {"scrapy_rows": bench.common, "presswarc_rows": PRESSWARC_SETTINGS,
                     "wget": "--recursive --level=inf --execute robots=on --warc-file --delete-after"},
        "rows": ROWS,
        "skipped": skipped,
        "summary": summary,
        "ratios": values,
        "ratios_line": line,
        "paired_ratios": paired,
        "runs": [m.as_dict() for m in runs],
    }
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    text = json.dumps(results, indent=2)
    (out / f"results-{stamp}.json").write_text(text)
    (out / "latest.json").write_text(text)
    short = [f"{m.row} round {m.round}" for m in runs if m.pages < m.expected_pages]
    print()
    print(f"{site.page_count}-page site ({results['site']['average_kb']} KB average, "
          f"{LARGE_SHARE:.0%} of articles 40–80 KB) served by {server_kind}; {args.rounds} interleaved "
          f"round(s); concurrency {args.concurrency}; load average before {load_before[0]:.2f}, "
          f"after {results['machine']['loadavg_after'][0]:.2f}")
    print(table(summary, skipped))
    if short:
        print(f"WARNING: fetched fewer pages than the site has: {', '.join(short)}")
    if paired:
        print("within-round ratios, median (min–max) | from CPU time per page: " + "  ".join(
            f"{name}={v['median']:.2f} ({v['min']:.2f}–{v['max']:.2f}) | "
            + (f"{v['cpu_per_page']:.2f}" if v["cpu_per_page"] is not None else "n/a")
            for name, v in paired.items()))
    print(f"results: {out / f'results-{stamp}.json'}")
    print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Ctrl-C stops the run even when started in the background (where SIGINT starts out ignored).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return run(args)
    except KeyboardInterrupt:
        print("interrupted: stopping every child process", file=sys.stderr)
        return 130
    finally:
        kill_all()
        if not args.keep:
            shutil.rmtree(args.out.resolve() / "scratch", ignore_errors=True)
        left = survivors()
        if left:
            print(f"WARNING: process groups still alive after cleanup: {left}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
