"""Retries that back off: Retry-After honoured, otherwise exponential.

Scrapy's RetryMiddleware re-queues a 429/5xx at once. Hammering a server
that asked us to wait is impolite and usually futile, so before handing back
the retry request we wait: Retry-After (seconds or an HTTP date, capped at
RETRY_MAX_DELAY) or RETRY_BACKOFF_BASE * 2**attempt. Only this response's
chain waits; the reactor and other downloads go on.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.defer import deferred_to_future
from twisted.internet import reactor, task


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    async def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await self._wait(request, response)
        return result

    async def _wait(self, request: Request, response: Response) -> None:
        settings = self.crawler.settings
        cap = settings.getfloat("RETRY_MAX_DELAY", 60.0)
        header = response.headers.get(b"Retry-After")
        delay = retry_after_seconds(header.decode("latin-1") if header else None)
        if delay is None:
            attempt = request.meta.get("retry_times", 0)
            delay = settings.getfloat("RETRY_BACKOFF_BASE", 1.0) * (2**attempt)
        delay = min(delay, cap)
        if delay > 0:
            await deferred_to_future(task.deferLater(reactor, delay, lambda: None))
