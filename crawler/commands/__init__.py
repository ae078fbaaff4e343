"""One module per `presswarc` subcommand; each Command carries its own parser and handler.

The parser is built from `ALL_COMMANDS` and every subparser gets its
handler with `set_defaults`, so a subcommand cannot be parsed without being
runnable (the way Scrapy and warcio register their commands).
"""

from __future__ import annotations

import argparse
from abc import ABC, abstractmethod


class Command(ABC):
    """A subcommand: its name, one-line help, its options and what it does."""

    name: str
    help: str

    @abstractmethod
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    @abstractmethod
    def run(self, args: argparse.Namespace) -> int:
        """Do the work; returns the exit status."""
