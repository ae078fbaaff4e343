"""`presswarc report`: a self-contained HTML report of a collection, with plots."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.commands import Command


class ReportCommand(Command):
    name = "report"
    help = "write a self-contained HTML report of the collection under DIR (hosts, outcomes, plots, clusters)"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("directory", type=Path, metavar="DIR", help="a crawl folder (or a parent)")
        parser.add_argument("-o", "--out", type=Path, help="HTML file (default DIR/report.html)")

    def run(self, args: argparse.Namespace) -> int:
        from archive.report_html import write_report

        if not args.directory.is_dir():
            print(f"presswarc report: not a folder: {args.directory}", file=sys.stderr)
            return 2
        out = args.out or args.directory / "report.html"
        stats = write_report(args.directory, out)
        archived = sum(f.archived for f in stats.hosts.values())
        print(f"report of {len(stats.hosts)} host(s), {archived} responses archived: {out}")
        return 0
