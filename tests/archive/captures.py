"""One served HTML page as a capture, for tests that run `extract()` on a page of their own."""

from __future__ import annotations

from datetime import UTC, datetime

from archive.model import Capture

FETCHED = datetime(2026, 11, 21, tzinfo=UTC)


def html_capture(html: str, url: str, fetched_at: datetime = FETCHED) -> Capture:
    """A 200 text/html (UTF-8) response for `url` with `html` as its body."""
    return Capture(
        url=url,
        fetched_at=fetched_at,
        status=200,
        response_headers=(("Content-Type", "text/html; charset=utf-8"),),
        body=html.encode(),
    )
