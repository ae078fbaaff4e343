"""`presswarc export`: the collection's texts for downstream pipelines.

`txt` (the default, as before): one text file per extracted URL in a folder.
`jsonl` and `parquet`: one table, one row per document version, every
sidecar field plus `cluster_id` (archive/dataset.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.commands import Command

FORMATS = ("txt", "jsonl", "parquet")


class ExportCommand(Command):
    name = "export"
    help = "export extracted texts: one .txt per URL (default), or one JSONL/Parquet table"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "directory", type=Path, metavar="DIR", help="a crawl or replay folder with sidecars"
        )
        parser.add_argument(
            "-o", "--out", type=Path, required=True, help="a folder (txt) or a file (jsonl, parquet)"
        )
        parser.add_argument("--format", choices=FORMATS, default="txt")
        parser.add_argument("--latest", action="store_true", help="only the latest version of each URL")
        parser.add_argument(
            "--one-per-cluster",
            action="store_true",
            help="only the first document of each republication cluster",
        )

    def run(self, args: argparse.Namespace) -> int:
        if not args.directory.is_dir():
            print(f"presswarc export: not a folder: {args.directory}", file=sys.stderr)
            return 2
        if args.format == "txt":
            from archive.export import export_texts

            written, skipped = export_texts(args.directory, args.out)
            print(f"{written} text file(s) in {args.out} ({skipped} repeat capture(s) of a URL skipped)")
            return 0
        from archive.dataset import export_dataset

        if args.out.is_dir():
            print(
                f"presswarc export: --format {args.format} writes a file; {args.out} is a folder",
                file=sys.stderr,
            )
            return 2
        rows = export_dataset(args.directory, args.out, args.format, args.latest, args.one_per_cluster)
        print(f"{rows} document(s) in {args.out}")
        return 0
