"""From an extraction to what we store: conversion + metadata records, sidecar row.

Used by the live crawl and by offline replay alike, so both store the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from archive.extract import Extraction
from archive.model import Capture, RecordLocation
from archive.records import CaptureRecords, warc_date
from archive.sidecars import SidecarSet, sidecar_row

METADATA_FIELDS_LEFT_OUT = ("text",)


def derived_records(
    builder: CaptureRecords, capture: Capture, location: RecordLocation, row: dict[str, Any]
) -> list[Any]:
    """A `conversion` (text/plain) and a `metadata` (JSON) record for one response."""
    refers = {
        "WARC-Refers-To": location.record_id,
        "WARC-Refers-To-Target-URI": capture.url,
        "WARC-Refers-To-Date": warc_date(capture.fetched_at),
        "WARC-Date": warc_date(capture.fetched_at),
    }
    text = (row["text"] or "").encode("utf-8", errors="replace")
    conversion = builder.resource("conversion", capture.url, text, "text/plain; charset=utf-8", refers)
    metadata = {k: v for k, v in row.items() if k not in METADATA_FIELDS_LEFT_OUT}
    blob = json.dumps(metadata, ensure_ascii=False, sort_keys=True).encode("utf-8", errors="replace")
    meta_record = builder.resource("metadata", capture.url, blob, "application/json", dict(refers))
    return [conversion, meta_record]


@dataclass(frozen=True, slots=True)
class Stored:
    """What became of one extraction job."""

    kind: str
    """`extracted`, `no_article` or `failed`."""
    error: BaseException | None = None
    """Why extraction failed (kind `failed`)."""

    @property
    def reason(self) -> str:
        """The failure as one short line for logs and reports."""
        return f"{type(self.error).__name__}: {self.error}"[:500] if self.error is not None else ""


class Deriver:
    """Turns (capture, location, extraction) into sidecar rows and, optionally, records.

    `write_records(warc_name, records)` puts records into the WARC holding the
    response (live) or into new WARC files (replay); None writes none.
    """

    def __init__(
        self,
        sidecars: SidecarSet,
        extractor: dict[str, str],
        builder: CaptureRecords | None = None,
        write_records: Callable[[str, list[Any]], object] | None = None,
    ) -> None:
        self.sidecars = sidecars
        self.extractor = extractor
        self.builder = builder or CaptureRecords()
        self.write_records = write_records
        self.documents = 0

    def store(
        self,
        capture: Capture,
        location: RecordLocation,
        job: Future[Extraction],
        extra: dict[str, Any] | None = None,
    ) -> Stored:
        """Store a finished (or, in replay, awaited) extraction job.

        The one path from the pool to records and sidecars for the live crawl
        and replay alike. An extraction that raised is reported, not stored;
        a failure to *write* (disk full) propagates.
        """
        error = job.exception()
        if error is not None:
            return Stored("failed", error)
        return Stored("extracted" if self.derive(capture, location, job.result(), extra) else "no_article")

    def derive(
        self,
        capture: Capture,
        location: RecordLocation,
        extraction: Extraction,
        extra: dict[str, Any] | None = None,
    ) -> bool:
        """Store one extraction; returns whether it yielded text.

        `extra` adds fields to the sidecar row (a re-crawl's `previous_version`).
        """
        if not extraction.text:
            return False
        row = sidecar_row(capture, location, extraction, self.extractor)
        row.update(extra or {})
        if self.write_records is not None:
            self.write_records(location.filename, derived_records(self.builder, capture, location, row))
        self.sidecars.append(location.filename, row)
        self.documents += 1
        return True
