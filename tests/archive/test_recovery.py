"""Recovery of what a killed crawl leaves open.

Real behaviour this stands for: a crawl killed with SIGKILL leaves its current
WARC as `NAME.warc.gz.open` whose last gzip member may be cut anywhere (the
kernel had only part of the write), and a sidecar `NAME.jsonl.gz.open`
flushed after each row but never finished (no gzip trailer). The files are
real: written by our writer, then cut at several points.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from archive.model import Capture
from archive.records import CaptureRecords
from archive.recovery import complete_members, recover_collection, recover_warc
from archive.sidecars import SidecarSet, read_sidecar
from archive.writer import RotatingWarcWriter


def _capture(number: int) -> Capture:
    body = f"<html><body><p>Statement number {number}.</p></body></html>".encode()
    return Capture(
        url=f"http://127.0.0.1:9/a/{number}.html",
        fetched_at=datetime(2026, 11, 1, 12, number % 60, 0, tzinfo=UTC),
        status=200,
        response_headers=(("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))),
        body=body,
        request_headers=(("User-Agent", "presswarc-test"),),
    )


def _crashed_warc(directory: Path, records: int) -> tuple[Path, list[int]]:
    """A WARC left open by a writer that was never closed; returns it and its response offsets."""
    writer = RotatingWarcWriter(directory, warcinfo={"software": "test"})
    offsets = [writer.write_capture(_capture(n)).offset for n in range(records)]
    open_files = list(directory.glob("*.warc.gz.open"))
    assert len(open_files) == 1
    writer._current.stream.flush()  # type: ignore[union-attr]
    copy = directory / "crashed" / open_files[0].name
    copy.parent.mkdir()
    shutil.copyfile(open_files[0], copy)
    return copy, offsets


def _record_types(path: Path) -> list[str]:
    with open(path, "rb") as stream:
        return [record.rec_type for record in ArchiveIterator(stream)]


def _one_record_member(capture: Capture) -> bytes:
    buffer = io.BytesIO()
    records = CaptureRecords()
    WARCWriter(buffer, gzip=True, warc_version="1.1").write_record(
        records.response(capture, records.new_record_id(), concurrent_to=records.new_record_id())
    )
    return buffer.getvalue()


def test_a_complete_open_warc_is_renamed_and_keeps_every_record(tmp_path: Path) -> None:
    warc, _ = _crashed_warc(tmp_path, 3)
    result = recover_warc(warc)
    assert not warc.exists() and result.path.exists()
    assert result.path.name == warc.name.removesuffix(".open")
    assert result.bytes_dropped == 0
    assert _record_types(result.path) == ["warcinfo"] + ["request", "response"] * 3


@pytest.mark.parametrize("cut", [1, 10, 0.5, -8, -1])
def test_a_partial_trailing_record_is_dropped_and_the_rest_reads(tmp_path: Path, cut: float) -> None:
    warc, _ = _crashed_warc(tmp_path, 2)
    member = _one_record_member(_capture(99))
    keep = int(len(member) * cut) if isinstance(cut, float) else cut % len(member)
    good_size = warc.stat().st_size
    with open(warc, "ab") as stream:
        stream.write(member[:keep])
    result = recover_warc(warc)
    assert result.path.stat().st_size == good_size
    assert result.bytes_dropped == keep
    assert any("partial record" in note for note in result.notes)
    assert _record_types(result.path) == ["warcinfo"] + ["request", "response"] * 2


def test_a_request_without_its_response_is_dropped(tmp_path: Path) -> None:
    warc, _ = _crashed_warc(tmp_path, 2)
    members = list(complete_members(warc))
    pair_start = members[-2].offset  # the last request record
    with open(warc, "r+b") as stream:
        stream.truncate(members[-1].offset)
    result = recover_warc(warc)
    assert result.path.stat().st_size == pair_start
    assert any("had no response" in note for note in result.notes)
    assert _record_types(result.path) == ["warcinfo", "request", "response"]


def test_garbage_after_the_last_record_is_dropped(tmp_path: Path) -> None:
    warc, _ = _crashed_warc(tmp_path, 1)
    size = warc.stat().st_size
    with open(warc, "ab") as stream:
        stream.write(b"\x00" * 4096)  # a preallocated tail of zeros after a power cut
    result = recover_warc(warc)
    assert result.path.stat().st_size == size
    assert result.bytes_dropped == 4096


def test_the_sidecar_keeps_complete_rows_that_point_into_the_kept_warc(tmp_path: Path) -> None:
    warc, offsets = _crashed_warc(tmp_path, 3)
    final_name = warc.name.removesuffix(".open")
    sidecars = SidecarSet(warc.parent)
    for number, offset in enumerate(offsets):
        sidecars.append(final_name, {"url": f"u{number}", "warc_offset": offset, "text": "x" * 50})
    beyond = warc.stat().st_size + 10
    sidecars.append(final_name, {"url": "lost", "warc_offset": beyond, "text": "y"})
    stream = sidecars._open[final_name]
    stream.fileobj.flush()  # type: ignore[union-attr]
    open_sidecar = warc.parent / (final_name.removesuffix(".warc.gz") + ".jsonl.gz.open")
    snapshot = open_sidecar.read_bytes()  # what a kill -9 leaves: flushed rows, no trailer
    stream.close()
    open_sidecar.write_bytes(snapshot + b"\x1f\x8b partial")
    result = recover_warc(warc)
    assert result.sidecar is not None and not open_sidecar.exists()
    rows = read_sidecar(result.sidecar)
    assert [row["url"] for row in rows] == ["u0", "u1", "u2"]
    assert result.sidecar_rows_dropped == 1


def test_recover_collection_finishes_a_sidecar_whose_warc_was_closed(tmp_path: Path) -> None:
    warc_dir = tmp_path / "warc"
    writer = RotatingWarcWriter(warc_dir)
    location = writer.write_capture(_capture(1))
    writer.close()
    sidecar = warc_dir / (location.filename.removesuffix(".warc.gz") + ".jsonl.gz.open")
    with gzip.open(sidecar, "wb") as stream:
        stream.write(json.dumps({"url": "u", "warc_offset": location.offset}).encode() + b"\n")
    results = recover_collection(tmp_path)
    assert len(results) == 1 and results[0].sidecar_rows_kept == 1
    assert not sidecar.exists()
    assert recover_collection(tmp_path) == []
