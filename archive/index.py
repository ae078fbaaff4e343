"""CDXJ indexes in pywb's format: `SURT TIMESTAMP {json}`, sorted by key.

Built from our reader, so damaged files index what is readable and report
the rest (file and offset) instead of stopping.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from surt import surt

from archive.reader import RawRecord, ReadProblem, archive_files, iter_records
from archive.sidecars import payload_digest

INDEXED_TYPES = ("response", "revisit", "resource")
INDEX_NAME = "index.cdxj"


def _timestamp(warc_date: str) -> str:
    digits = "".join(ch for ch in warc_date if ch.isdigit())
    return (digits + "00000000000000")[:14]


def _entry(item: RawRecord, filename: str) -> str | None:
    record = item.record
    if record.rec_type not in INDEXED_TYPES:
        return None
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    if not url:
        return None
    try:
        key = surt(url)
    except Exception:  # surt rejects some odd URIs; index them under the raw URL
        key = url
    fields: dict[str, str] = {"url": url}
    if record.rec_type == "revisit":
        fields["mime"] = "warc/revisit"
    elif record.http_headers is not None and record.rec_type == "response":
        content_type = record.http_headers.get_header("Content-Type") or ""
        fields["mime"] = content_type.split(";")[0].strip() or "unk"
    else:
        fields["mime"] = (record.rec_headers.get_header("Content-Type") or "unk").split(";")[0].strip()
    if record.http_headers is not None and record.rec_type != "resource":
        status = record.http_headers.get_statuscode()
        if status:
            fields["status"] = str(status)
    digest = record.rec_headers.get_header("WARC-Payload-Digest")
    fields["digest"] = digest or payload_digest(item.payload)
    fields["length"] = str(item.length)
    fields["offset"] = str(item.offset)
    fields["filename"] = filename
    date = record.rec_headers.get_header("WARC-Date") or ""
    return f"{key} {_timestamp(date)} {json.dumps(fields, ensure_ascii=False)}"


def cdxj_lines(path: Path) -> Iterator[str | ReadProblem]:
    """Index lines for one file (unsorted), and problems for damaged stretches."""
    seekable = True
    for item in iter_records(path):
        if isinstance(item, ReadProblem):
            seekable = seekable and not item.message.startswith("whole-file gzip")
            yield item
        elif seekable and not item.cut_short:  # a record cut short cannot be replayed
            line = _entry(item, path.name)
            if line is not None:
                yield line


def write_cdxj(lines: list[str], target: Path) -> Path:
    """Sort and write atomically (`.open`, then rename)."""
    partial = target.with_name(target.name + ".open")
    with open(partial, "w", encoding="utf-8") as stream:
        for line in sorted(lines):
            stream.write(line + "\n")
    os.replace(partial, target)
    return target


def index_files(paths: list[Path], target: Path) -> tuple[int, list[ReadProblem]]:
    """One sorted CDXJ for all archive files found; returns (lines, problems)."""
    lines: list[str] = []
    problems: list[ReadProblem] = []
    for path in archive_files(paths):
        for item in cdxj_lines(path):
            if isinstance(item, ReadProblem):
                problems.append(item)
            else:
                lines.append(item)
    write_cdxj(lines, target)
    return len(lines), problems


def cdxj_name(warc_name: str) -> str:
    return warc_name.removesuffix(".gz").removesuffix(".warc") + ".cdxj"
