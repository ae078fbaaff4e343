"""One crawl at a time per collection folder.

`DIR/.presswarc.lock` is held with an exclusive `flock` for the whole crawl.
The kernel drops the lock when the holding process dies, however it dies, so
a lock left by a killed crawl is recovered simply by taking it again; the
file's content (pid, host, start time) only serves the error message.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

LOCK_NAME = ".presswarc.lock"


class CollectionBusy(RuntimeError):
    """Another live process holds the collection's lock."""


class CollectionLock:
    """Context manager: hold `DIR/.presswarc.lock` exclusively or raise CollectionBusy."""

    def __init__(self, directory: Path, command: str = "crawl") -> None:
        self.path = Path(directory) / LOCK_NAME
        self.command = command
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip()
            handle.close()
            message = f"{self.path.parent} is in use by another presswarc process: {holder}"
            raise CollectionBusy(message) from None
        handle.seek(0)
        handle.truncate()
        handle.write(
            json.dumps(
                {
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "command": self.command,
                    "since": datetime.now(UTC).isoformat(timespec="seconds"),
                }
            )
        )
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None

    def __enter__(self) -> CollectionLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.release()
