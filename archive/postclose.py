"""What happens to a WARC file after it closes: a one-way chain, as in warcprox.

The writer hands each closed file forward once: its sidecar is finished
(renamed from `.open`), then `NAME.cdxj` is built in a background thread
(it re-reads the whole file, which must not stall fetching). Nothing in the
chain calls back into the writer.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from archive.index import cdxj_lines, cdxj_name, write_cdxj
from archive.sidecars import SidecarSet


def index_beside(path: Path) -> Path:
    """Write NAME.cdxj beside a closed WARC."""
    lines = [line for line in cdxj_lines(path) if isinstance(line, str)]
    return write_cdxj(lines, path.with_name(cdxj_name(path.name)))


class PostCloseChain:
    """Closed WARC → finish its sidecar → index it (in a thread)."""

    def __init__(self, sidecars: SidecarSet, index: bool = True) -> None:
        self.sidecars = sidecars
        self.index = index
        self._indexer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="presswarc-index")
        self._indexing: list[Future[Path]] = []

    def __call__(self, path: Path) -> None:
        self.sidecars.close(path.name)
        if self.index:
            self._indexing.append(self._indexer.submit(index_beside, path))

    def finish(self) -> list[BaseException]:
        """Close any sidecar still open, wait for indexing; returns indexing errors (blocks)."""
        self.sidecars.close_all()
        self._indexer.shutdown(wait=True)
        return [error for job in self._indexing if (error := job.exception()) is not None]
