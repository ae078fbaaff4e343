"""`presswarc demo`: crawl the bundled demo sites and explain every deliberate failure."""

from __future__ import annotations

import argparse
from pathlib import Path

from crawler.commands import Command
from crawler.commands.crawl import print_report


class DemoCommand(Command):
    name = "demo"
    help = "serve the bundled demo sites on 127.0.0.1 and crawl them"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("-o", "--out", type=Path, default=Path("presswarc-demo"))

    def run(self, args: argparse.Namespace) -> int:
        from crawler.demo.expected import explain_outcomes, format_explanations
        from crawler.demo.run import SITES_DIR, run_demo

        run_demo(args.out)
        print("Demo crawl finished: four sites republishing one statement, crawled from 127.0.0.1.")
        print_report(args.out)
        print(f"sidecars:   {args.out / 'warc'}/*.jsonl.gz (clean text and metadata)")
        explained = explain_outcomes(args.out, SITES_DIR)
        print(format_explanations(explained))
        return 0
