"""`presswarc crawl`: seed URLs or a sources file into WARC files, then print the report."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from crawler.commands import Command


def _setting(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key, value


def print_report(out: Path) -> None:
    """The end-of-crawl summary (also in OUT/report.json)."""
    report_file = out / "report.json"
    if report_file.exists():
        report = json.loads(report_file.read_text(encoding="utf-8"))
        print(
            f"archived {report['pages_archived']} responses, extracted {report['extracted']} documents, "
            f"refused {report['refused']}, skipped {report['skipped']}, failed {report['failed']}"
        )
        for reason, count in report["by_reason"].items():
            print(f"  {count:5d}  {reason}")
        for rule, count in report.get("budget_cut", {}).items():
            print(f"WARNING: {count} discovered pages not crawled: budget {rule} reached (raise or unset it)")
    print(f"WARC files: {out / 'warc'}\ncrawl log:  {out / 'crawl.log'}\nreport:     {report_file}")


class CrawlCommand(Command):
    name = "crawl"
    help = "crawl URLs or a sources file into WARC files"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("urls", nargs="*", metavar="URL", help="seed URLs (scope: their origins)")
        parser.add_argument("--sources", type=Path, help="TOML file of [[source]] tables")
        parser.add_argument("-o", "--out", type=Path, required=True, help="output folder")
        parser.add_argument(
            "--max-pages", type=int, default=0, help="stop scheduling after N pages (0: no limit)"
        )
        parser.add_argument(
            "--max-depth", type=int, default=-1, help="follow links at most N hops from a seed"
        )
        parser.add_argument(
            "--warc-max-size", type=int, help="roll over to a new WARC file at this many bytes"
        )
        parser.add_argument(
            "--from-archive",
            type=Path,
            metavar="DIR",
            help="answer every request from the WARCs under DIR; never touch the network",
        )
        parser.add_argument(
            "--full",
            action="store_true",
            help="re-fetch and store every page in full (a re-run is incremental by default)",
        )
        parser.add_argument("--contact-url", help="contact URL in the User-Agent")
        parser.add_argument(
            "--redis",
            metavar="URL",
            help="be one worker of a crawl shared in Redis (redis://HOST:PORT/DB); needs --job",
        )
        parser.add_argument("--job", help="name of the shared Redis crawl this worker joins")
        parser.add_argument(
            "-s",
            "--set",
            type=_setting,
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help="any Scrapy or presswarc setting",
        )

    def run(self, args: argparse.Namespace) -> int:
        from crawler.crawl import run_crawl
        from crawler.lock import CollectionBusy
        from crawler.sources import SourcesError

        if not args.urls and not args.sources:
            print("presswarc crawl: give seed URLs or --sources FILE", file=sys.stderr)
            return 2
        overrides: dict[str, Any] = dict(args.set)
        if args.warc_max_size:
            overrides["ARCHIVE_WARC_MAX_SIZE"] = args.warc_max_size
        if args.from_archive:
            if not args.from_archive.exists():
                print(f"presswarc crawl: no such archive folder: {args.from_archive}", file=sys.stderr)
                return 2
            overrides["ARCHIVE_REPLAY_FROM"] = str(args.from_archive)
            overrides["EXTRACT_ENABLED"] = False
        if args.contact_url:
            overrides["PRESSWARC_CONTACT_URL"] = args.contact_url
        if args.full:
            overrides["PRESSWARC_FULL_REFETCH"] = True
        if bool(args.redis) != bool(args.job):
            print("presswarc crawl: --redis and --job go together", file=sys.stderr)
            return 2
        try:
            run_crawl(
                args.out,
                urls=args.urls,
                sources=args.sources,
                max_pages=args.max_pages,
                max_depth=args.max_depth,
                overrides=overrides,
                redis=(args.redis, args.job) if args.redis else None,
            )
        except SourcesError as exc:
            print(f"presswarc crawl: {exc}", file=sys.stderr)
            return 2
        except CollectionBusy as exc:
            print(f"presswarc crawl: {exc}", file=sys.stderr)
            return 3
        print_report(args.out)
        return 0
