"""`presswarc replay`: re-extract WARC/ARC files offline into sidecars."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.commands import Command


class ReplayCommand(Command):
    name = "replay"
    help = "re-extract text from WARC/ARC files offline into sidecars"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("inputs", nargs="+", type=Path, metavar="WARC_OR_DIR")
        parser.add_argument("-o", "--out", type=Path, required=True, help="folder for NAME.jsonl.gz sidecars")
        parser.add_argument(
            "--warc",
            action="store_true",
            help="also write NAME-derived.warc.gz with conversion/metadata records",
        )
        parser.add_argument(
            "--workers", type=int, default=0, help="extraction processes (default: one per core)"
        )

    def run(self, args: argparse.Namespace) -> int:
        from archive.replay import Replayer, ReplayFailed

        missing = [str(p) for p in args.inputs if not p.exists()]
        if missing:
            print(f"presswarc replay: no such file or folder: {', '.join(missing)}", file=sys.stderr)
            return 2
        try:
            report = Replayer(args.out, workers=args.workers, write_warc=args.warc).run(args.inputs)
        except ValueError as exc:
            print(f"presswarc replay: {exc}", file=sys.stderr)
            return 2
        except ReplayFailed as exc:
            print(f"presswarc replay: {exc}", file=sys.stderr)
            return 1
        print(
            f"{report.files} file(s), {report.responses} responses, {report.extracted} documents "
            f"extracted, {len(report.problems)} problem(s); sidecars in {args.out}"
        )
        return 0
