"""WARC file lifecycle: name, warcinfo first, `.open` while writing, rollover.

A file is written as `NAME.warc.gz.open` and renamed to `NAME.warc.gz` only
when closed, so a reader never mistakes a file being written for a finished
one. Every record is its own gzip member. Records that belong together (a
request + response pair, a response's conversion + metadata) are serialised
in memory and written with one call; if that write fails (disk full, file
size limit), the file is cut back to where the group began, so a reader never
finds half a group: no orphan request record, no response without its request.
"""

from __future__ import annotations

import io
import os
import re
import socket
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from warcio.warcwriter import WARCWriter

from archive.model import Capture, RecordLocation
from archive.records import CaptureRecords

OPEN_SUFFIX = ".open"
DEFAULT_MAX_SIZE = 1_000_000_000
GZIP_LEVEL = 6
"""zlib's default: warcio's level 9 cost ~2x the CPU for ~1% smaller files (as warcprox and
Browsertrix, which also stay below 9). Only the compression changes: each record is still
its own gzip member and its uncompressed bytes are exactly what warcio serialises."""


def safe_host_label(name: str) -> str:
    """Host name reduced to characters that are safe in a file name."""
    label = re.sub(r"[^A-Za-z0-9.-]+", "-", name).strip("-.")
    return label[:63] or "localhost"


def serialise(record: Any) -> bytes:
    """One record as the gzip member it will be in the file."""
    buffer = io.BytesIO()
    WARCWriter(buffer, gzip=False, warc_version="1.1").write_record(record)
    member = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)  # a gzip member
    return member.compress(buffer.getbuffer()) + member.flush()


class OpenWarc:
    """One WARC file being written."""

    def __init__(self, path: Path) -> None:
        self.final_path = path
        self.open_path = path.with_name(path.name + OPEN_SUFFIX)
        # Unbuffered: a failed write leaves nothing in a buffer to reappear later.
        self.stream: BinaryIO = open(self.open_path, "xb", buffering=0)

    @property
    def name(self) -> str:
        return self.final_path.name

    def size(self) -> int:
        return self.stream.tell()

    def write(self, record: Any) -> tuple[int, int]:
        """Write one record; returns its (offset, length) in the file."""
        return self.write_group([record])[0]

    def write_group(self, records: list[Any]) -> list[tuple[int, int]]:
        """Write records all or nothing; returns each one's (offset, length).

        On any failure the file is truncated back to the group's start and
        the error is raised.
        """
        members = [serialise(record) for record in records]
        start = self.stream.tell()
        try:
            _write_all(self.stream, b"".join(members))
        except BaseException:
            self.stream.truncate(start)
            self.stream.seek(start)
            raise
        places = []
        offset = start
        for member in members:
            places.append((offset, len(member)))
            offset += len(member)
        return places

    def finish(self) -> Path:
        """Flush and close the file, keeping its `.open` name; returns that path."""
        if not self.stream.closed:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
        return self.open_path

    def close(self) -> Path:
        """Finish the file and rename it to its final name."""
        os.replace(self.finish(), self.final_path)
        return self.final_path


def _write_all(stream: BinaryIO, data: bytes) -> None:
    """Write every byte (a raw stream may take fewer than it was given)."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if not written:
            raise OSError(f"could not write to {getattr(stream, 'name', 'the WARC file')}")
        view = view[written:]


class RotatingWarcWriter:
    """Writes captures to `DIR/<prefix>-<UTC timestamp>-<serial>-<host>.warc.gz`.

    A new file is started when the current one has reached `max_size` bytes;
    a request/response pair is never split across files.
    """

    def __init__(
        self,
        directory: Path,
        prefix: str = "presswarc",
        max_size: int = DEFAULT_MAX_SIZE,
        warcinfo: dict[str, str] | None = None,
        records: CaptureRecords | None = None,
        clock: Callable[[], datetime] | None = None,
        on_close: Callable[[Path], None] | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.prefix = safe_host_label(prefix)
        self.max_size = max_size
        self.warcinfo = dict(warcinfo or {})
        self.records = records or CaptureRecords()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._on_close = on_close
        self._host = safe_host_label(socket.gethostname())
        self._serial = 0
        self._current: OpenWarc | None = None
        self._draining: dict[str, OpenWarc] = {}
        self._holds: dict[str, int] = {}
        self.closed_files: list[Path] = []

    def _next_path(self) -> Path:
        while True:
            self._serial += 1
            stamp = self._clock().strftime("%Y%m%d%H%M%S%f")[:17]
            name = f"{self.prefix}-{stamp}-{self._serial:05d}-{self._host}.warc.gz"
            path = self.directory / name
            if not path.exists() and not path.with_name(name + OPEN_SUFFIX).exists():
                return path

    def _file_for_next_record(self) -> OpenWarc:
        if self._current is not None and self._current.size() >= self.max_size:
            self._close_current()
        if self._current is None:
            self._current = OpenWarc(self._next_path())
            info = self.records.warcinfo(self._current.name, self.warcinfo)
            self._current.write(info)
        return self._current

    def write_capture(self, capture: Capture, hold: bool = False) -> RecordLocation:
        """Archive one exchange as a request + response pair; locate the response.

        The pair is written all or nothing. With `hold`, the file is held
        (see `hold`) before this returns, so no rollover can close it before
        the records derived from this response are in.
        """
        warc = self._file_for_next_record()
        response_id = self.records.new_record_id()
        request_id = self.records.new_record_id()
        request = self.records.request(capture, request_id, concurrent_to=response_id)
        response = self.records.response(capture, response_id, concurrent_to=request_id)
        _, (offset, length) = warc.write_group([request, response])
        if hold:
            self.hold(warc.name)
        return RecordLocation(warc.name, offset, length, response_id)

    def hold(self, name: str) -> None:
        """Keep file `name` open (even past rollover) until `release(name)`.

        Records derived from a response (conversion, metadata) belong in the
        same WARC as the response, and they arrive later.
        """
        self._holds[name] = self._holds.get(name, 0) + 1

    def release(self, name: str) -> None:
        self._holds[name] = self._holds.get(name, 1) - 1
        if self._holds[name] <= 0:
            del self._holds[name]
            if name in self._draining:
                self._finish(self._draining.pop(name))

    def write_records(self, records: list[Any]) -> list[RecordLocation]:
        """Append records, all or nothing, to the current file (started if needed): a revisit pair."""
        return self.write_records_to(self._file_for_next_record().name, records)

    def write_records_to(self, name: str, records: list[Any]) -> list[RecordLocation]:
        """Append records, all or nothing, to the open file `name` (the current or a held one)."""
        if self._current is not None and self._current.name == name:
            warc = self._current
        elif name in self._draining:
            warc = self._draining[name]
        else:
            raise KeyError(f"{name} is not open for writing")
        places = warc.write_group(records)
        return [
            RecordLocation(name, offset, length, record.rec_headers.get_header("WARC-Record-ID"))
            for record, (offset, length) in zip(records, places, strict=True)
        ]

    def _close_current(self) -> None:
        if self._current is None:
            return
        warc, self._current = self._current, None
        if self._holds.get(warc.name):
            self._draining[warc.name] = warc
        else:
            self._finish(warc)

    def _finish(self, warc: OpenWarc) -> None:
        path = warc.close()
        self.closed_files.append(path)
        if self._on_close is not None:
            self._on_close(path)

    def close(self) -> None:
        """Finish every file (rename away `.open`), held or not."""
        self._close_current()
        for name in list(self._draining):
            self._finish(self._draining.pop(name))
        self._holds.clear()
