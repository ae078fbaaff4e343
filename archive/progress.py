"""A crawl's or a replay's progress, on a terminal or in a log.

On a terminal one status line is redrawn in place (rich); otherwise, for
cron mail and CI logs, a plain line is printed every `interval` seconds.
The caller supplies the counters; this module only shows them, with the
rate of the first counter.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from typing import TextIO

from rich.console import Console
from rich.live import Live
from rich.text import Text


def describe(counters: Mapping[str, float], rate: float) -> str:
    """`fetched 120 · archived 118 · ... · 12.3/s` (MB values with one decimal)."""
    parts = [
        f"{name} {value:.1f}" if isinstance(value, float) else f"{name} {value}"
        for name, value in counters.items()
    ]
    return " · ".join([*parts, f"{rate:.1f}/s"])


class Progress:
    """Shows counters as they change; `close()` prints the last state once."""

    def __init__(self, label: str, stream: TextIO | None = None, interval: float = 30.0) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.interval = interval
        self.started = time.monotonic()
        self._last_line = 0.0
        self._live: Live | None = None
        if self.stream.isatty():
            self._live = Live(
                Text(label), console=Console(file=self.stream), auto_refresh=False, transient=False
            )
            self._live.start()
        self._counters: dict[str, float] = {}
        self._printed = ""

    def rate(self) -> float:
        first = next(iter(self._counters.values()), 0)
        return first / max(time.monotonic() - self.started, 1e-6)

    def update(self, counters: Mapping[str, float]) -> None:
        self._counters = dict(counters)
        line = f"{self.label}: {describe(self._counters, self.rate())}"
        if self._live is not None:
            if time.monotonic() - self._last_line >= 0.2:  # a terminal redraw costs; five a second is plenty
                self._last_line = time.monotonic()
                self._live.update(Text(line), refresh=True)
        elif time.monotonic() - self._last_line >= self.interval:
            self._last_line = time.monotonic()
            self._print(line)

    def close(self) -> None:
        if self._live is not None:
            self._live.update(Text(f"{self.label}: {describe(self._counters, self.rate())}"), refresh=True)
            self._live.stop()
            self._live = None
        elif self._counters:
            self._print(f"{self.label}: {describe(self._counters, self.rate())}")

    def _print(self, line: str) -> None:
        """A plain line, unless it would only repeat the last one (counters and rate unchanged)."""
        if line != self._printed:
            self._printed = line
            print(line, file=self.stream, flush=True)
