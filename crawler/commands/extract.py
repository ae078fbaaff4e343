"""`presswarc extract`: debug extraction of saved HTML pages."""

from __future__ import annotations

import argparse
from pathlib import Path

from crawler.commands import Command


class ExtractCommand(Command):
    name = "extract"
    help = "extract clean text and metadata from saved HTML pages"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE.html")
        parser.add_argument("--url", help="the page's URL (profiles and relative links use it)")
        parser.add_argument(
            "--content-type", help="Content-Type header to assume, e.g. 'text/html; charset=euc-kr'"
        )
        parser.add_argument("--jsonl", action="store_true", help="one JSON object per line")

    def run(self, args: argparse.Namespace) -> int:
        from crawler.extract_cmd import extract_files

        return extract_files(args.files, args.url, args.content_type, args.jsonl)
