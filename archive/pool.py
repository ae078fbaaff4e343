"""The extraction process pool shared by the live crawl and `replay`.

Workers are spawned (not forked: the crawl's reactor and open files stay in
the parent) and import only `archive/`. The pool counts the jobs in flight;
callers keep that count under `max_pending`, so memory stays bounded: the
crawl waits for a free slot, replay drains its oldest job first.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType

from archive.extract import Extraction, extract
from archive.lifeline import exit_with_parent
from archive.model import Capture


class ExtractionPool:
    """`extract(capture)` in worker processes, with a count of jobs in flight."""

    def __init__(self, workers: int = 0, max_pending: int = 0) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.max_pending = max_pending or 4 * self.workers
        self._executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=exit_with_parent,  # a SIGKILLed crawl or replay takes its workers with it
            initargs=(os.getpid(),),
        )
        self.pending = 0

    @property
    def full(self) -> bool:
        return self.pending >= self.max_pending

    def submit(self, capture: Capture) -> Future[Extraction]:
        """Start extracting; call `finished()` once the result has been stored."""
        future = self._executor.submit(extract, capture)
        self.pending += 1
        return future

    def finished(self) -> None:
        """One job's result has been stored: its slot is free."""
        self.pending -= 1

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.shutdown()
