"""Read captures back out of WARC and ARC files, ours or anyone's.

Damage is reported, never fatal: a record that cannot be parsed becomes a
`ReadProblem` (file, offset, what went wrong) and reading resumes at the next
record boundary found after it, so the rest of the file is still read.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeadersParser
from warcio.timeutils import iso_date_to_datetime

from archive.model import Capture, RecordLocation, header_text

ARCHIVE_SUFFIXES = (".warc.gz", ".warc", ".arc.gz", ".arc")
MAX_BODY = 64 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b\x08"
SCAN_BLOCK = 1 << 20


@dataclass(frozen=True)
class ReadProblem:
    """A damaged stretch of an archive file."""

    filename: str
    offset: int
    message: str

    def __str__(self) -> str:
        return f"{self.filename} @ {self.offset}: {self.message}"


@dataclass(frozen=True)
class RawRecord:
    """A warcio record whose payload has been read, with its place in the file."""

    record: Any
    payload: bytes
    payload_complete: bool
    offset: int
    length: int
    http_head: bytes = b""
    """The HTTP head (start line, header lines, blank line) exactly as stored; empty if none."""
    cut_short: bool = False
    """The file holds fewer bytes of this record than it declares (reported as a ReadProblem)."""


class _HeadRecorder:
    """Passes a record's stream to warcio's HTTP head parser and keeps the lines it reads."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.lines: list[bytes] = []

    def readline(self, limit: int | None = None) -> bytes:
        line: bytes = self._stream.readline(limit) if limit is not None else self._stream.readline()
        self.lines.append(line)
        return line

    def tell(self) -> int:
        return int(self._stream.tell())


class _Latin1HeadParser(StatusAndHeadersParser):  # type: ignore[misc]
    """warcio's HTTP head parser, with every byte kept as one latin-1 character.

    warcio decodes each line as UTF-8, else latin-1, so `é` may have been
    `C3 A9` or `E9`; latin-1 alone maps back to the exact bytes.
    """

    @staticmethod
    def decode_header(line: bytes | str) -> str:
        return header_text(line) if isinstance(line, bytes) else line


_LATIN1_HEAD = _Latin1HeadParser([], verify=False)


def _load_http_head(iterator: ArchiveIterator, record: Any) -> bytes:
    """Parse a record's HTTP head as warcio would, keeping the bytes it was parsed from.

    The iterator runs with `no_record_parse`, so the stream is still at the
    start of the block: warcio's own loader parses the head (same rules, same
    errors) through a recorder of the lines it reads.
    """
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    recorder = _HeadRecorder(record.raw_stream)
    start = recorder.tell()
    record.http_headers = iterator.loader.load_http_headers(record.rec_type, uri, recorder, record.length)
    if record.http_headers is None:
        return b""
    if record.length:
        record.payload_length = record.length - (recorder.tell() - start)
    return b"".join(recorder.lines)


@dataclass(frozen=True)
class ArchivedResponse:
    """A response read back as a Capture, with where its record lives."""

    capture: Capture
    location: RecordLocation


def archive_files(paths: list[Path]) -> list[Path]:
    """Files given, plus WARC/ARC files found under folders given (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(ARCHIVE_SUFFIXES))
        else:
            found.append(path)
    return found


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as stream:
        return stream.read(3) == GZIP_MAGIC


def _member_starts_record(stream: BinaryIO, offset: int) -> bool:
    stream.seek(offset)
    try:
        head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(stream.read(4096), 64)
    except zlib.error:
        return False
    return head.startswith(b"WARC/") or head[:7].lower() in (b"http://", b"https:/", b"filedes", b"dns:")


def next_boundary(stream: BinaryIO, after: int, gzipped: bool) -> int | None:
    """Offset of the next plausible record start strictly after `after`, or None."""
    needle = GZIP_MAGIC if gzipped else b"\nWARC/1."
    position = after + 1
    while True:
        stream.seek(position)
        block = stream.read(SCAN_BLOCK + len(needle))
        if len(block) < len(needle):
            return None
        index = block.find(needle)
        while index != -1:
            candidate = position + index + (0 if gzipped else 1)
            if not gzipped or _member_starts_record(stream, candidate):
                return candidate
            index = block.find(needle, index + 1)
        position += SCAN_BLOCK


def _read_payload(record: Any) -> tuple[bytes, bool, int]:
    """The block after the HTTP head (kept up to MAX_BODY), whether all of it was kept, and its size.

    What lies beyond MAX_BODY is read and counted, not kept, so memory stays bounded.
    """
    data = record.raw_stream.read(MAX_BODY + 1)
    size = len(data)
    while more := record.raw_stream.read(SCAN_BLOCK):
        size += len(more)
    return data[:MAX_BODY], size <= MAX_BODY, size


def _declared_length(record: Any) -> int | None:
    """The block length warcio parsed (WARC Content-Length, ARC length); None if there is none."""
    length = record.length
    if isinstance(length, int) and length >= 0:
        return length
    value = (record.rec_headers.get_header("Content-Length") or "").strip()
    return int(value) if value.isdigit() else None


def _header_problem(record: Any) -> str | None:
    """Why a record's header block did not parse (cut short, compressed bytes), or None."""
    kind = record.rec_type or ""
    if not kind or not kind.isascii() or not kind.isprintable():
        return "WARC header block cut short or unreadable (no WARC-Type)"
    if _declared_length(record) is None:
        return "WARC header block cut short or unreadable (no Content-Length)"
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if not uri.isprintable():
        return "WARC header block unreadable (binary WARC-Target-URI)"
    return None


def _iterate(stream: BinaryIO | gzip.GzipFile, base: int, name: str) -> Iterator[RawRecord | ReadProblem]:
    """Records from `base` on; stops after the first ReadProblem (damage).

    warcio's offsets are already absolute: its iterator starts counting at
    `stream.tell()`, which is `base` after the seek. A record shorter than it
    declares is reported and then yielded with `payload_complete=False`.
    """
    stream.seek(base)
    iterator = ArchiveIterator(stream, arc2warc=True, no_record_parse=True)
    position = base
    try:
        for record in iterator:
            start = iterator.offset  # set by warcio at the end of the previous record
            broken = _header_problem(record)
            if broken is not None:
                yield ReadProblem(name, start, broken)
                return
            head = _load_http_head(iterator, record)
            payload, complete, rest = _read_payload(record)
            offset = iterator.get_record_offset()
            length = max(0, iterator.get_record_length())
            position = max(position, offset + length)
            declared = _declared_length(record)
            present = len(head) + rest
            if declared is not None and present < declared:
                yield ReadProblem(
                    name, offset, f"record cut short: {present} of its {declared} declared bytes present"
                )
                yield RawRecord(record, payload, False, offset, length, head, cut_short=True)
                return
            yield RawRecord(record, payload, complete, offset, length, head)
    except Exception as exc:  # warcio signals damage with many exception types
        yield ReadProblem(name, position, _damage_message(exc))


def _damage_message(exc: Exception) -> str:
    """warcio's error in one line; a gzip member read as plain bytes is named as such."""
    message = " ".join(f"{type(exc).__name__}: {exc}".split())
    if "first line: ['\\x1f\\x8b" in message:
        return "gzip member cut short or corrupt: its deflate data does not end where it should"
    return message[:300]


def iter_records(path: Path) -> Iterator[RawRecord | ReadProblem]:
    """Every readable record of a WARC/ARC file, and a problem for each damaged stretch."""
    gzipped = _is_gzip(path)
    if gzipped and _is_whole_file_gzip(path):
        yield from _with_chunk_checks(_whole_file_gzip(path), path.name)
        return
    with open(path, "rb") as stream:
        base: int | None = 0
        while base is not None:
            damage: ReadProblem | None = None
            for item in _with_chunk_checks(_iterate(stream, base, path.name), path.name):
                if isinstance(item, ReadProblem) and not item.message.startswith(CHUNK_PROBLEM):
                    damage = item
                yield item
            if damage is None:
                return
            base = next_boundary(stream, damage.offset, gzipped)


def _first_member_end(path: Path) -> int | None:
    """Where the first gzip member of `path` ends, None if it is cut short or corrupt.

    Decompresses into a bounded window and discards the output.
    """
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    consumed = 0
    with open(path, "rb") as stream:
        while not inflater.eof:
            block = stream.read(SCAN_BLOCK)
            if not block:
                return None
            consumed += len(block)
            data = block
            try:
                while data and not inflater.eof:
                    inflater.decompress(data, SCAN_BLOCK)
                    data = inflater.unconsumed_tail
            except zlib.error:
                return None
            if inflater.eof:
                return consumed - len(inflater.unused_data) - len(data)
    return None


def _is_whole_file_gzip(path: Path) -> bool:
    """One gzip member covering the whole file and holding more than one record.

    A file of one member per record has its first member end before the
    file does (or holds a single record): read member by member.
    """
    if _first_member_end(path) != path.stat().st_size:
        return False
    records = 0
    try:
        with gzip.open(path, "rb") as stream:
            for _ in ArchiveIterator(stream, arc2warc=True, no_record_parse=True):
                records += 1
                if records > 1:
                    return True
    except Exception:  # damage after the first record still means more than one record
        return records >= 1
    return False


def _whole_file_gzip(path: Path) -> Iterator[RawRecord | ReadProblem]:
    """A file gzipped as one stream (not a member per record): read it decompressed."""
    yield ReadProblem(
        path.name,
        0,
        "whole-file gzip, not one member per record: read decompressed; "
        "offsets below are positions in the decompressed stream",
    )
    with gzip.open(path, "rb") as stream:  # streamed: seeking back to 0 is all _iterate needs
        yield from _iterate(stream, 0, path.name)


CHUNK_PROBLEM = "chunked body with wrong chunk sizes"
_SIZE_LINE = re.compile(rb"([0-9a-fA-F]{1,16})[ \t]*(?:;[^\r\n]*)?\r?\n")
_NEXT_SIZE_LINE = re.compile(rb"\r\n([0-9a-fA-F]{1,16})[ \t]*(?:;[^\r\n]*)?\r\n")


def _is_chunked(head: bytes) -> bool:
    """Whether an HTTP head declares `Transfer-Encoding: chunked`."""
    for line in head.split(b"\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"transfer-encoding" and b"chunked" in value.lower():
            return True
    return False


def dechunk(payload: bytes) -> tuple[bytes, bool]:
    """Undo chunked transfer-coding kept by some writers: (body, sizes were right).

    A body that does not start with a size line is not chunked and is kept as
    it is. Where a size does not land on the next size line (a writer that
    counted characters, not bytes), the chunk is taken to end at the next
    CRLF-delimited hex line, so size lines stay out of the body.
    """
    if not _SIZE_LINE.match(payload):
        return payload, True
    parts: list[bytes] = []
    position, right = 0, True
    while (line := _SIZE_LINE.match(payload, position)) is not None:
        size, start = int(line.group(1), 16), line.end()
        if size == 0:
            break
        end = start + size
        after = payload[end : end + 2]
        if after == b"\r\n" and (end + 2 == len(payload) or _SIZE_LINE.match(payload, end + 2)):
            parts.append(payload[start:end])
            position = end + 2
            continue
        if end >= len(payload) and not after:
            parts.append(payload[start:])  # the last chunk runs to the end: cut short, not wrong
            break
        right = False
        following = next(
            (
                m
                for m in _NEXT_SIZE_LINE.finditer(payload, start)
                if int(m.group(1), 16) <= len(payload) - m.end()
            ),
            None,
        )
        if following is None:
            parts.append(payload[start:])
            break
        parts.append(payload[start : following.start()])
        position = following.start() + 2
    else:
        right = right and position >= len(payload)  # data left that is no size line
        if not right:
            parts.append(payload[position:])
    body = b"".join(parts)
    return (body if body or not payload else payload), right


def _with_chunk_checks(
    items: Iterator[RawRecord | ReadProblem], name: str
) -> Iterator[RawRecord | ReadProblem]:
    """Pass items on, with a problem before each response whose chunk sizes are wrong."""
    for item in items:
        if (
            isinstance(item, RawRecord)
            and item.payload_complete
            and item.record.rec_type == "response"
            and _is_chunked(item.http_head)
            and not dechunk(item.payload)[1]
        ):
            yield ReadProblem(name, item.offset, f"{CHUNK_PROBLEM}: body recovered at its size lines")
        yield item


def _warc_datetime(value: str | None) -> datetime:
    if not value:
        return datetime(1970, 1, 1, tzinfo=UTC)
    try:
        parsed: datetime = iso_date_to_datetime(value)
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=UTC)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


def capture_of(raw: RawRecord, method: str = "GET") -> Capture | None:
    """A Capture of a response record (None for other record types)."""
    record = raw.record
    if record.rec_type != "response" or record.http_headers is None:
        return None
    http = _LATIN1_HEAD.parse(io.BytesIO(raw.http_head)) if raw.http_head else record.http_headers
    headers = tuple((str(k), str(v)) for k, v in http.headers)
    body = raw.payload
    framing = [v.lower() for k, v in headers if k.lower() == "transfer-encoding"]
    if any("chunked" in v for v in framing):
        body = dechunk(body)[0]
    code, _, reason = str(http.statusline).partition(" ")
    try:
        status = int(code or 0)
    except ValueError:
        status = 0
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    return Capture(
        url=uri,
        fetched_at=_warc_datetime(record.rec_headers.get_header("WARC-Date")),
        status=status,
        response_headers=tuple((k, v) for k, v in headers if k.lower() != "transfer-encoding"),
        body=body,
        method=method,
        protocol=(http.protocol or "HTTP/1.1").split(" ")[0],
        reason=reason.strip(),
        ip_address=record.rec_headers.get_header("WARC-IP-Address"),
        truncated=record.rec_headers.get_header("WARC-Truncated")
        or (None if raw.payload_complete else "length"),
    )


def iter_responses(path: Path) -> Iterator[ArchivedResponse | ReadProblem]:
    """Responses of one file as Captures (method taken from the paired request record)."""
    methods: dict[str, str] = {}
    for item in iter_records(path):
        if isinstance(item, ReadProblem):
            yield item
            continue
        record = item.record
        if record.rec_type == "request" and record.http_headers is not None:
            concurrent = record.rec_headers.get_header("WARC-Concurrent-To")
            if concurrent:
                methods[concurrent] = (record.http_headers.protocol or "GET").upper()
                if len(methods) > 10_000:
                    methods.pop(next(iter(methods)))
            continue
        record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
        capture = capture_of(item, methods.pop(record_id, "GET"))
        if capture is not None:
            yield ArchivedResponse(capture, RecordLocation(path.name, item.offset, item.length, record_id))


def read_response_at(path: Path, offset: int) -> Capture | None:
    """The response record starting at `offset` of `path` (a seekable WARC/ARC)."""
    with open(path, "rb") as stream:
        for item in _iterate(stream, offset, path.name):
            if isinstance(item, ReadProblem):
                return None
            return capture_of(item)
    return None


def url_index(paths: list[Path]) -> tuple[dict[str, tuple[Path, int]], list[ReadProblem]]:
    """URL → (file, offset) of its latest archived response, for answering from an archive."""
    latest: dict[str, tuple[datetime, Path, int]] = {}
    problems: list[ReadProblem] = []
    for path in archive_files(paths):
        gzip_whole = False
        for item in iter_responses(path):
            if isinstance(item, ReadProblem):
                problems.append(item)
                gzip_whole = gzip_whole or item.message.startswith("whole-file gzip")
                continue
            if gzip_whole:
                continue  # offsets are not seekable in the file
            url, when = item.capture.url, item.capture.fetched_at
            if url not in latest or latest[url][0] <= when:
                latest[url] = (when, path, item.location.offset)
    return {url: (path, offset) for url, (_, path, offset) in latest.items()}, problems
