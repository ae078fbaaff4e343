"""Live extraction: the shared process pool, driven from the Twisted reactor.

Fetching never waits on extraction, except when the pool is `max_pending`
jobs behind: then the recorder waits for a free slot, so memory stays
bounded and the crawl slows to what the cores can extract.

The response's WARC file is held from the moment its response record is
written (`RotatingWarcWriter.write_capture(hold=True)`) until the derived
records are in, so a rollover while this capture waits for a slot or for
its worker only moves the file aside; it stays open for its own derived
records and closes when the last of them is written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import defer, reactor

from archive.derive import Deriver, Stored
from archive.extract import Extraction
from archive.model import Capture, RecordLocation
from archive.pool import ExtractionPool
from archive.writer import RotatingWarcWriter

logger = logging.getLogger(__name__)


class LiveExtraction:
    """Extract each archived capture in the pool, store the result beside its response."""

    def __init__(
        self,
        pool: ExtractionPool,
        writer: RotatingWarcWriter,
        deriver: Deriver,
        on_stored: Callable[[Capture, Stored], None],
    ) -> None:
        self.pool = pool
        self.writer = writer
        self.deriver = deriver
        self.on_stored = on_stored
        self._slot_waiters: list[defer.Deferred[None]] = []
        self._idle_waiters: list[defer.Deferred[None]] = []

    def _wait_for_slot(self) -> defer.Deferred[None]:
        if not self.pool.full:
            return defer.succeed(None)
        waiter: defer.Deferred[None] = defer.Deferred()
        self._slot_waiters.append(waiter)
        return waiter

    async def submit(
        self, capture: Capture, location: RecordLocation, extra: dict[str, Any] | None = None
    ) -> None:
        """Queue one capture whose file is already held; the hold is released once stored."""
        try:
            await maybe_deferred_to_future(self._wait_for_slot())
            job = self.pool.submit(capture)
        except BaseException:
            self.writer.release(location.filename)
            raise
        job.add_done_callback(
            lambda done: reactor.callFromThread(self._store, capture, location, done, extra)
        )

    def _store(
        self,
        capture: Capture,
        location: RecordLocation,
        job: Future[Extraction],
        extra: dict[str, Any] | None = None,
    ) -> None:
        """On the reactor thread: derived records and sidecar row, then free the file and the slot."""
        try:
            self.on_stored(capture, self.deriver.store(capture, location, job, extra))
        except Exception:  # a failed write must not wedge the pool; the file still closes
            logger.exception("presswarc: storing the extraction of %s failed", capture.url)
        finally:
            self.writer.release(location.filename)
            self.pool.finished()
            self._wake()

    def _wake(self) -> None:
        while self._slot_waiters and not self.pool.full:
            waiter = self._slot_waiters.pop(0)
            if not waiter.called:  # a cancelled wait (shutdown) has already fired
                waiter.callback(None)
                break
        if self.pool.pending == 0:
            waiters, self._idle_waiters = self._idle_waiters, []
            for waiter in waiters:
                waiter.callback(None)

    def drained(self) -> defer.Deferred[None]:
        """Fires when no extraction is pending."""
        if self.pool.pending == 0:
            return defer.succeed(None)
        waiter: defer.Deferred[None] = defer.Deferred()
        self._idle_waiters.append(waiter)
        return waiter
