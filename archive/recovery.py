"""Close what a killed crawl left open: `.open` WARCs and sidecars.

A crawl that is killed (kill -9, power loss) leaves `NAME.warc.gz.open`,
possibly ending in a record that was only partly written, and
`NAME.jsonl.gz.open`. Recovery keeps every complete record and drops only
what is incomplete, then gives the files their final names so index,
replay and serve see them:

- a WARC is cut after its last complete gzip member (each record is its own
  member, and gzip's CRC and length trailer say whether a member is whole);
  a request record left without its response at the end is dropped too, as
  the writer writes the pair all-or-nothing;
- a sidecar keeps every complete JSON line that points inside the kept part
  of its WARC.

Nothing is read into memory whole: members are decompressed in blocks.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive.sidecars import OPEN_SUFFIX, dumps_strict, sidecar_name

BLOCK = 1 << 20
HEADER_PEEK = 64 * 1024


@dataclass(frozen=True)
class Member:
    """One complete gzip member of a WARC file and the record it holds."""

    offset: int
    end: int
    record_type: str
    record_id: str
    concurrent_to: str


@dataclass
class Recovered:
    """What recovery did to one `.open` WARC (and its sidecar)."""

    path: Path
    records_kept: int = 0
    bytes_dropped: int = 0
    notes: list[str] = field(default_factory=list)
    sidecar: Path | None = None
    sidecar_rows_kept: int = 0
    sidecar_rows_dropped: int = 0

    def summary(self) -> str:
        text = f"{self.path.name}: kept {self.records_kept} records"
        if self.bytes_dropped:
            text += f", dropped {self.bytes_dropped} trailing bytes"
        if self.notes:
            text += " (" + "; ".join(self.notes) + ")"
        if self.sidecar is not None:
            text += f"; sidecar {self.sidecar_rows_kept} rows"
            if self.sidecar_rows_dropped:
                text += f", {self.sidecar_rows_dropped} incomplete or dangling dropped"
        return text


def _warc_header(head: bytes) -> dict[str, str]:
    """The WARC named fields of a record's first bytes (empty if not a WARC record)."""
    block, _, _ = head.partition(b"\r\n\r\n")
    lines = block.split(b"\r\n")
    if not lines or not lines[0].startswith(b"WARC/"):
        return {}
    fields: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(b":")
        if sep:
            fields[name.strip().decode("latin-1").lower()] = value.strip().decode("latin-1")
    return fields


def complete_members(path: Path) -> Iterator[Member]:
    """Each complete gzip member holding a WARC record, in file order; stops at the first damage."""
    with open(path, "rb") as stream:
        offset = 0
        while True:
            stream.seek(offset)
            decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
            head = b""
            consumed = 0
            pending = stream.read(BLOCK)
            if not pending:
                return
            try:
                while True:
                    out = decompressor.decompress(pending)
                    if len(head) < HEADER_PEEK:
                        head += out[: HEADER_PEEK - len(head)]
                    if decompressor.eof:
                        consumed += len(pending) - len(decompressor.unused_data)
                        break
                    consumed += len(pending)
                    pending = stream.read(BLOCK)
                    if not pending:
                        return  # the member never ended: a partly written record
            except zlib.error:
                return
            fields = _warc_header(head)
            if not fields:
                return
            yield Member(
                offset=offset,
                end=offset + consumed,
                record_type=fields.get("warc-type", ""),
                record_id=fields.get("warc-record-id", ""),
                concurrent_to=fields.get("warc-concurrent-to", ""),
            )
            offset += consumed


def _kept_end(members: list[Member], notes: list[str]) -> tuple[int, int]:
    """(end offset, record count) of the complete part, without a trailing orphan request."""
    kept = list(members)
    if kept and kept[-1].record_type == "request":
        orphan = kept.pop()
        notes.append(f"request record {orphan.record_id} had no response: dropped")
    return (kept[-1].end if kept else 0), len(kept)


def recover_warc(open_path: Path) -> Recovered:
    """Cut `NAME.warc.gz.open` after its last complete record and rename it `NAME.warc.gz`."""
    if not open_path.name.endswith(OPEN_SUFFIX):
        raise ValueError(f"not an open WARC: {open_path}")
    final = open_path.with_name(open_path.name.removesuffix(OPEN_SUFFIX))
    result = Recovered(final)
    size = open_path.stat().st_size
    members = list(complete_members(open_path))
    end, count = _kept_end(members, result.notes)
    if members and members[-1].end < size:
        result.notes.append(f"partial record at offset {members[-1].end} dropped")
    elif not members and size:
        result.notes.append("no complete record")
    result.records_kept = count
    result.bytes_dropped = size - end
    with open(open_path, "r+b") as stream:
        stream.truncate(end)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(open_path, final)
    _recover_sidecar(result, end)
    return result


def _sidecar_lines(path: Path) -> Iterator[bytes]:
    """Complete lines of a gzip stream that may end mid-member (flushed per row)."""
    decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
    buffered = b""
    with open(path, "rb") as stream:
        while block := stream.read(BLOCK):
            saved = decompressor.copy()
            try:
                buffered += decompressor.decompress(block)
            except zlib.error:
                buffered += _decompress_until_damage(saved, block)
                damaged = True
            else:
                damaged = decompressor.eof
            *lines, buffered = buffered.split(b"\n")
            yield from lines
            if damaged:
                break


def _decompress_until_damage(decompressor: Any, block: bytes) -> bytes:
    """Everything `block` yields before the byte where the stream turns bad."""
    out = b""
    for position in range(len(block)):
        try:
            out += decompressor.decompress(block[position : position + 1])
        except zlib.error:
            break
    return out


def _recover_sidecar(result: Recovered, warc_end: int) -> None:
    warc_name = result.path.name
    final = result.path.with_name(sidecar_name(warc_name))
    open_path = final.with_name(final.name + OPEN_SUFFIX)
    if not open_path.exists():
        return
    rows: list[dict[str, Any]] = []
    for line in _sidecar_lines(open_path):
        try:
            row = json.loads(line)
        except ValueError:
            result.sidecar_rows_dropped += 1
            continue
        if isinstance(row, dict) and int(row.get("warc_offset", warc_end)) < warc_end:
            rows.append(row)
        else:
            result.sidecar_rows_dropped += 1
    temporary = final.with_name(final.name + ".recovering")
    with gzip.open(temporary, "wb") as out:
        for row in rows:
            out.write(dumps_strict(row))
    os.replace(temporary, final)
    open_path.unlink()
    result.sidecar = final
    result.sidecar_rows_kept = len(rows)


def open_warcs(directory: Path) -> list[Path]:
    """The `.warc.gz.open` files under a collection folder."""
    return sorted(p for p in Path(directory).rglob("*.warc.gz" + OPEN_SUFFIX) if p.is_file())


def recover_collection(directory: Path) -> list[Recovered]:
    """Recover every open WARC (and its sidecar) under `directory`.

    A sidecar left open beside a WARC that did get closed (a kill between the
    two renames) is finished too, keeping its complete rows.
    """
    results = [recover_warc(path) for path in open_warcs(directory)]
    suffix = ".jsonl.gz" + OPEN_SUFFIX
    for open_sidecar in sorted(Path(directory).rglob("*" + suffix)):
        warc = open_sidecar.with_name(open_sidecar.name.removesuffix(suffix) + ".warc.gz")
        if warc.exists():
            result = Recovered(warc, notes=["WARC was already closed"])
            _recover_sidecar(result, warc.stat().st_size)
            results.append(result)
    return results
