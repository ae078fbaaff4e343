"""Worker processes that end when the process that started them is gone.

A crawl killed with SIGKILL cannot stop its extraction workers, and a
`ProcessPoolExecutor` worker blocked on its call queue would otherwise live
on (about 165 MB each). Every pool worker runs `exit_with_parent` as its
initializer: a daemon thread notices that its parent changed (the kernel
re-parents orphans) and exits the worker at once.
"""

from __future__ import annotations

import os
import threading
import time

POLL_SECONDS = 0.5


def _watch(parent: int, poll: float) -> None:
    while os.getppid() == parent:
        time.sleep(poll)
    os._exit(70)  # the parent is gone: nothing will ever read our results


def exit_with_parent(parent: int | None = None, poll: float = POLL_SECONDS) -> None:
    """Pool initializer: end this worker when its parent process dies.

    Pass the parent's pid (`initargs=(os.getpid(),)`): a parent killed while
    the worker was still starting has already been replaced by init, and
    the worker must not take init for its parent.
    """
    expected = os.getppid() if parent is None else parent
    if os.getppid() != expected:
        os._exit(70)
    threading.Thread(target=_watch, args=(expected, poll), name="presswarc-lifeline", daemon=True).start()
