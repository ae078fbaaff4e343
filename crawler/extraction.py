"""Run extraction in a process pool, off the Twisted reactor thread.

Fetching never waits on extraction, except when the pool is `max_pending`
jobs behind: then the recorder waits for a free slot, so memory stays
bounded and the crawl slows to what the cores can extract.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import defer, reactor

from archive.derive import Deriver
from archive.extract import Extraction, extract
from archive.model import Capture, RecordLocation
from archive.writer import RotatingWarcWriter

logger = logging.getLogger(__name__)


class ExtractionPool:
    def __init__(self, workers: int = 0, max_pending: int = 0) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.max_pending = max_pending or 4 * self.workers
        self._executor = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("spawn")
        )
        self.pending = 0
        self._slot_waiters: list[defer.Deferred[None]] = []
        self._idle_waiters: list[defer.Deferred[None]] = []

    def wait_for_slot(self) -> defer.Deferred[None]:
        if self.pending < self.max_pending:
            return defer.succeed(None)
        waiter: defer.Deferred[None] = defer.Deferred()
        self._slot_waiters.append(waiter)
        return waiter

    def submit(
        self,
        capture: Capture,
        on_done: Callable[[Extraction], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Extract in a worker; the callbacks run on the reactor thread."""
        self.pending += 1
        future = self._executor.submit(extract, capture)  # workers import only archive/

        def done(fut: Future[Extraction]) -> None:
            reactor.callFromThread(self._finished, fut, on_done, on_error)

        future.add_done_callback(done)

    def _finished(
        self,
        future: Future[Extraction],
        on_done: Callable[[Extraction], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.pending -= 1
        try:
            error = future.exception()
            if error is None:
                on_done(future.result())
            else:
                on_error(error)
        except Exception:  # a bug in a callback must not wedge the pool
            logger.exception("presswarc: storing an extraction failed")
        if self._slot_waiters and self.pending < self.max_pending:
            self._slot_waiters.pop(0).callback(None)
        if self.pending == 0:
            waiters, self._idle_waiters = self._idle_waiters, []
            for waiter in waiters:
                waiter.callback(None)

    def drained(self) -> defer.Deferred[None]:
        """Fires when no extraction is pending."""
        if self.pending == 0:
            return defer.succeed(None)
        waiter: defer.Deferred[None] = defer.Deferred()
        self._idle_waiters.append(waiter)
        return waiter

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


class LiveExtraction:
    """Extract each archived capture in the pool, store the result beside its response.

    The response's WARC file is held open until its derived records are in.
    """

    def __init__(
        self,
        pool: ExtractionPool,
        writer: RotatingWarcWriter,
        deriver: Deriver,
        count: Callable[[str], None],
        report_failure: Callable[[Capture, str], None],
    ) -> None:
        self.pool = pool
        self.writer = writer
        self.deriver = deriver
        self.count = count
        self.report_failure = report_failure

    async def submit(self, capture: Capture, location: RecordLocation) -> None:
        await maybe_deferred_to_future(self.pool.wait_for_slot())
        self.writer.hold(location.filename)

        def done(extraction: Extraction) -> None:
            try:
                yielded = self.deriver.derive(capture, location, extraction)
                self.count("presswarc/extracted" if yielded else "presswarc/no_article")
            finally:
                self.writer.release(location.filename)

        def failed(error: BaseException) -> None:
            self.writer.release(location.filename)
            self.count(f"presswarc/extract_failed/{type(error).__name__}")
            self.report_failure(capture, f"{type(error).__name__}: {error}"[:500])

        self.pool.submit(capture, done, failed)
