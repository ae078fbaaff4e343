"""`presswarc serve`, `pack` and `tools`: the commands that use the separate pywb/wacz venv."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.commands import Command

TOOLS_VENV_HELP = "venv for pywb/wacz (default: PRESSWARC_TOOLS_VENV or ~/.cache)"


class ServeCommand(Command):
    name = "serve"
    help = "browse the captures under DIR in pywb on 127.0.0.1"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("directory", type=Path, metavar="DIR")
        parser.add_argument("--port", type=int, default=8080)
        parser.add_argument("--tools-venv", type=Path, help=TOOLS_VENV_HELP)

    def run(self, args: argparse.Namespace) -> int:
        from crawler.serve import serve

        if not args.directory.is_dir():
            print(f"presswarc serve: not a folder: {args.directory}", file=sys.stderr)
            return 2
        # Absolute: serve changes into the collection folder before it becomes pywb.
        serve(args.directory.resolve(), args.port, args.tools_venv)


class PackCommand(Command):
    name = "pack"
    help = "package the WARCs under DIR as a WACZ with pages.jsonl"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("directory", type=Path, metavar="DIR")
        parser.add_argument(
            "-o", "--output", "--out", dest="output", type=Path, required=True, metavar="FILE.wacz"
        )
        parser.add_argument("--tools-venv", type=Path, help=TOOLS_VENV_HELP)

    def run(self, args: argparse.Namespace) -> int:
        from crawler.pack import pack

        try:
            return pack(args.directory, args.output, args.tools_venv)
        except FileNotFoundError as exc:
            print(f"presswarc pack: {exc}", file=sys.stderr)
            return 2


class ToolsCommand(Command):
    name = "tools"
    help = "set up the separate pywb/wacz environment now"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--tools-venv", type=Path)

    def run(self, args: argparse.Namespace) -> int:
        from crawler.tools_venv import ensure_tools_venv

        print(ensure_tools_venv(args.tools_venv))
        return 0
