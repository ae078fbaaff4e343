"""WARC file lifecycle under rollover: a held file waits for its derived records.

Real-world behaviour this stands for: a response is written, its text is
extracted seconds later, and meanwhile other responses have filled the file
and started new ones. The derived records must still go into the response's
own file, and that file must be renamed (and handed to the post-close chain)
only after they are in. Varied: one file held twice, one not held at all.
"""

from __future__ import annotations

from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path

import pytest

from archive import Capture, CaptureRecords, RotatingWarcWriter
from archive.derive import Deriver, derived_records
from archive.extract import Extraction, extract, extractor_info
from archive.sidecars import SidecarSet, read_sidecar, sidecar_name
from tests.warcs import read_records

ARTICLE = (
    "<html><head><title>Harbour statement</title></head><body><article><h1>Harbour statement</h1>"
    + "".join(
        f"<p>On point {n} of the inquiry the harbour board answered the ombudsman about dredging contract "
        f"{n * 17}, giving the dates of {n + 2} meetings and the names of the officials who attended.</p>"
        for n in range(1, 9)
    )
    + "</article></body></html>"
).encode()


def capture(n: int) -> Capture:
    return Capture(
        url=f"http://news.test/{n}.html",
        fetched_at=datetime(2026, 11, 28, 9, 0, n, tzinfo=UTC),
        status=200,
        response_headers=(("Content-Type", "text/html; charset=utf-8"),),
        body=ARTICLE,
    )


def test_a_held_file_stays_open_past_rollover_until_released(tmp_path: Path) -> None:
    closed: list[str] = []
    writer = RotatingWarcWriter(tmp_path, max_size=1, on_close=lambda path: closed.append(path.name))
    first = writer.write_capture(capture(1), hold=True)
    writer.hold(first.filename)  # a second interested party
    second = writer.write_capture(capture(2))  # rolls over: `first` is moved aside, not closed
    third = writer.write_capture(capture(3))  # rolls over: `second` was not held, so it closes
    assert len({first.filename, second.filename, third.filename}) == 3
    assert closed == [second.filename]
    row = {"text": "The harbour board answered.", "url": capture(1).url}
    records = derived_records(CaptureRecords(), capture(1), first, row)
    writer.write_records_to(first.filename, records)
    writer.release(first.filename)
    assert closed == [second.filename]  # still held once
    writer.release(first.filename)
    assert closed == [second.filename, first.filename]
    kinds = [(r["type"], r["warc"].get("WARC-Refers-To")) for r in read_records(tmp_path / first.filename)]
    assert kinds == [
        ("warcinfo", None),
        ("request", None),
        ("response", None),
        ("conversion", first.record_id),
        ("metadata", first.record_id),
    ]
    writer.close()
    assert not list(tmp_path.glob("*.open"))


def test_records_for_a_closed_file_are_refused(tmp_path: Path) -> None:
    writer = RotatingWarcWriter(tmp_path, max_size=1)
    first = writer.write_capture(capture(1))  # not held
    writer.write_capture(capture(2))
    with pytest.raises(KeyError, match="not open for writing"):
        writer.write_records_to(first.filename, [])


def test_one_store_path_reports_a_failed_job_and_stores_a_good_one(tmp_path: Path) -> None:
    writer = RotatingWarcWriter(tmp_path / "warc", max_size=10**9)
    sidecars = SidecarSet(tmp_path / "warc")
    deriver = Deriver(sidecars, extractor_info(), write_records=writer.write_records_to)
    good, bad = writer.write_capture(capture(1)), writer.write_capture(capture(2))
    done: Future[Extraction] = Future()
    done.set_result(extract(capture(1)))
    broken: Future[Extraction] = Future()
    broken.set_exception(MemoryError("worker ran out of memory"))
    assert deriver.store(capture(1), good, done).kind == "extracted"
    failed = deriver.store(capture(2), bad, broken)
    assert (failed.kind, failed.reason) == ("failed", "MemoryError: worker ran out of memory")
    writer.close()
    sidecars.close_all()
    rows = read_sidecar(tmp_path / "warc" / sidecar_name(good.filename))
    assert [(row["warc_record_id"], row["warc_offset"]) for row in rows] == [(good.record_id, good.offset)]
