"""`presswarc` command line: parser and dispatch built from the commands in crawler/commands/.

Each subparser carries its handler (`set_defaults(handler=...)`), so there is
no second table to keep in step with the parser.
"""

from __future__ import annotations

import argparse
import sys

from crawler.commands import Command
from crawler.commands.clusters import ClustersCommand
from crawler.commands.crawl import CrawlCommand, print_report
from crawler.commands.demo import DemoCommand
from crawler.commands.export import ExportCommand
from crawler.commands.extract import ExtractCommand
from crawler.commands.index import IndexCommand
from crawler.commands.recover import RecoverCommand
from crawler.commands.replay import ReplayCommand
from crawler.commands.report import ReportCommand
from crawler.commands.tools import PackCommand, ServeCommand, ToolsCommand

__all__ = ["ALL_COMMANDS", "build_parser", "main", "print_report"]

ALL_COMMANDS: tuple[Command, ...] = (
    CrawlCommand(),
    ExtractCommand(),
    ReplayCommand(),
    IndexCommand(),
    ServeCommand(),
    PackCommand(),
    ToolsCommand(),
    ExportCommand(),
    ClustersCommand(),
    ReportCommand(),
    RecoverCommand(),
    DemoCommand(),
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presswarc", description="Archive statement republications as WARC."
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    for command in ALL_COMMANDS:
        subparser = subparsers.add_parser(command.name, help=command.help)
        command.add_arguments(subparser)
        subparser.set_defaults(handler=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    status: int = args.handler(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
