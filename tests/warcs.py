"""Test helpers that read WARC files back with warcio."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator


def warc_files(out: Path) -> list[Path]:
    return sorted((out / "warc").glob("*.warc.gz"))


def read_records(path: Path) -> list[dict[str, Any]]:
    """Every record of a WARC as a dict: type, headers, raw payload bytes, offset."""
    records = []
    with open(path, "rb") as stream:
        iterator = ArchiveIterator(stream)
        for record in iterator:
            records.append(
                {
                    "type": record.rec_type,
                    "warc": dict(record.rec_headers.headers),
                    "http": record.http_headers,
                    "raw": record.raw_stream.read(),
                    "offset": iterator.get_record_offset(),
                }
            )
    return records


def all_records(out: Path) -> list[dict[str, Any]]:
    return [r for path in warc_files(out) for r in read_records(path)]
