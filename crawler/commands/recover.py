"""`presswarc recover`: close what a killed crawl left open, for a collection not crawled again."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.commands import Command


class RecoverCommand(Command):
    name = "recover"
    help = "close the .open WARCs and sidecars a killed crawl left under DIR (keeps every complete record)"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("directory", type=Path, metavar="DIR", help="a crawl folder")

    def run(self, args: argparse.Namespace) -> int:
        from crawler.crawl import recover
        from crawler.lock import CollectionBusy, CollectionLock

        if not args.directory.is_dir():
            print(f"presswarc recover: not a folder: {args.directory}", file=sys.stderr)
            return 2
        try:
            with CollectionLock(args.directory, command="recover"):
                results = recover(args.directory)
        except CollectionBusy as exc:
            print(f"presswarc recover: {exc}", file=sys.stderr)
            return 3
        for result in results:
            print(result.summary())
        print(f"{len(results)} file(s) recovered in {args.directory}")
        return 0
