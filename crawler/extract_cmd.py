"""`presswarc extract`: run the archive extractor on saved pages, print JSON.

For debugging a site and for benchmarks; no Scrapy, no network.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archive.extract import extract
from archive.model import Capture


def capture_of_file(path: Path, url: str | None, content_type: str | None) -> Capture:
    body = path.read_bytes()
    headers = (("Content-Type", content_type),) if content_type else ()
    modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return Capture(
        url=url or path.resolve().as_uri(),
        fetched_at=modified,
        status=200,
        response_headers=headers,
        body=body,
    )


def extract_files(paths: list[Path], url: str | None, content_type: str | None, jsonl: bool) -> int:
    failures = 0
    for path in paths:
        try:
            result: dict[str, Any] = {
                "file": str(path),
                **extract(capture_of_file(path, url, content_type)).as_dict(),
            }
        except OSError as exc:
            result = {"file": str(path), "error": str(exc)}
            failures += 1
        print(json.dumps(result, ensure_ascii=False, indent=None if jsonl else 2))
    return 1 if failures else 0

