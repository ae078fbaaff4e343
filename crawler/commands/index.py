"""`presswarc index`: one pywb CDXJ index for the WARCs under a folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.commands import Command


class IndexCommand(Command):
    name = "index"
    help = "write DIR/index.cdxj (pywb's CDXJ) for the WARCs under DIR"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("directory", type=Path, metavar="DIR")
        parser.add_argument(
            "-o", "--output", "--out", dest="output", type=Path, help="index file (default DIR/index.cdxj)"
        )

    def run(self, args: argparse.Namespace) -> int:
        from archive.index import INDEX_NAME, index_files

        if not args.directory.is_dir():
            print(f"presswarc index: not a folder: {args.directory}", file=sys.stderr)
            return 2
        target = args.output or args.directory / INDEX_NAME
        count, problems = index_files([args.directory], target)
        for problem in problems:
            print(f"damaged: {problem}", file=sys.stderr)
        print(f"{count} captures indexed in {target}")
        return 0
