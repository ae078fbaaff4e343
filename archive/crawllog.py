"""The crawl log: one JSON line per fetch attempt, written beside the WARCs.

One line per outcome, flushed at once, so `tail -f` follows a crawl and a
crash keeps every line written before it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

CRAWL_LOG_NAME = "crawl.log"


class CrawlLog:
    """Appends `{"ts", "url", "status", "size", "outcome", "reason", ...}` lines."""

    def __init__(self, directory: Path) -> None:
        Path(directory).mkdir(parents=True, exist_ok=True)
        self.path = Path(directory) / CRAWL_LOG_NAME
        self._stream: TextIO = open(self.path, "a", encoding="utf-8")

    def write(
        self,
        url: str,
        outcome: str,
        status: int | None = None,
        size: int | None = None,
        reason: str = "",
        **extra: Any,
    ) -> None:
        line = {
            "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "url": url,
            "status": status,
            "size": size,
            "outcome": outcome,
            "reason": reason,
            **extra,
        }
        self._stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        self._stream.flush()

    def close(self) -> None:
        self._stream.close()


def read_crawl_log(directory: Path) -> list[dict[str, Any]]:
    """All lines of a crawl log (for reports and tests)."""
    path = Path(directory) / CRAWL_LOG_NAME
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]
