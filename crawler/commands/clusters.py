"""`presswarc clusters`: which outlets republished the same statement, and how."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from crawler.commands import Command


class ClustersCommand(Command):
    name = "clusters"
    help = "list republication clusters of the extracted texts under DIR (origin, members, changes)"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "directory", type=Path, metavar="DIR", help="a crawl or replay folder with sidecars"
        )
        parser.add_argument(
            "--threshold", type=float, default=0.5, help="Jaccard similarity to join a cluster"
        )
        parser.add_argument("--all", action="store_true", help="also list documents republished nowhere else")
        parser.add_argument("--json", action="store_true", help="one JSON object per cluster")

    def run(self, args: argparse.Namespace) -> int:
        from archive.republications import find_clusters

        if not args.directory.is_dir():
            print(f"presswarc clusters: not a folder: {args.directory}", file=sys.stderr)
            return 2
        found = find_clusters(args.directory, args.threshold)
        clusters = [c for c in found if args.all or len(c.members) > 1]
        for cluster in clusters:
            if args.json:
                print(json.dumps(cluster.as_json(), ensure_ascii=False))
                continue
            print(f"{cluster.id}  {len(cluster.members)} documents, origin {cluster.origin.url}")
            for member in cluster.members:
                note = "origin"
                if member.changes is not None:
                    note = f"+{len(member.changes.added)} / -{len(member.changes.removed)} paragraphs"
                print(f"  {member.fetched_at}  {member.site:30}  {note:22}  {member.url}")
                for paragraph in member.changes.added if member.changes else ():
                    print(f"      + {paragraph[:100]}")
                for paragraph in member.changes.removed if member.changes else ():
                    print(f"      - {paragraph[:100]}")
        if not args.json:
            print(f"{len(clusters)} cluster(s)")
        return 0
