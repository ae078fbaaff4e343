"""`presswarc export`: one text file per extracted URL, for text pipelines."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.commands import Command


class ExportCommand(Command):
    name = "export"
    help = "write one text file per extracted URL (for text pipelines)"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "directory", type=Path, metavar="DIR", help="a crawl or replay folder with sidecars"
        )
        parser.add_argument("--out", type=Path, required=True)

    def run(self, args: argparse.Namespace) -> int:
        from archive.export import export_texts

        if not args.directory.is_dir():
            print(f"presswarc export: not a folder: {args.directory}", file=sys.stderr)
            return 2
        written, skipped = export_texts(args.directory, args.out)
        print(f"{written} text file(s) in {args.out} ({skipped} repeat capture(s) of a URL skipped)")
        return 0
