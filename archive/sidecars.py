"""JSONL sidecars: one `NAME.jsonl.gz` beside each `NAME.warc.gz`.

One JSON object per document that yielded text, keyed to the exact response
record (file, offset, length, record ID). Written as `.open` and renamed
when complete, so a crash never leaves a half-written sidecar under the
final name. Strict UTF-8: text with lone surrogates is repaired, not dumped.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from base64 import b32encode
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archive.extract import Extraction
from archive.model import Capture, RecordLocation
from archive.records import warc_date

SIDECAR_SUFFIX = ".jsonl.gz"
OPEN_SUFFIX = ".open"


def sidecar_name(warc_name: str) -> str:
    """`NAME.warc.gz` → `NAME.jsonl.gz`; any other name (`x.warc`, `x.arc.gz`) keeps it whole.

    So `example.warc` and `example.warc.gz` side by side get distinct sidecars.
    """
    if warc_name.endswith(".warc.gz"):
        return warc_name.removesuffix(".warc.gz") + SIDECAR_SUFFIX
    return warc_name + SIDECAR_SUFFIX


def payload_digest(body: bytes) -> str:
    return "sha1:" + b32encode(hashlib.sha1(body).digest()).decode("ascii")


def sidecar_row(
    capture: Capture,
    location: RecordLocation,
    extraction: Extraction,
    extractor: dict[str, str],
    extracted_at: datetime | None = None,
) -> dict[str, Any]:
    """The sidecar object for one document: provenance first, then text."""
    return {
        "url": capture.url,
        "warc_filename": location.filename,
        "warc_record_id": location.record_id,
        "warc_offset": location.offset,
        "warc_length": location.length,
        "fetched_at": warc_date(capture.fetched_at),
        "status": capture.status,
        "content_type": extraction.content_type,
        "charset": extraction.charset,
        "payload_digest": payload_digest(capture.body),
        "title": extraction.title,
        "author": extraction.author,
        "published": extraction.published,
        "modified": extraction.modified,
        "sitename": extraction.sitename,
        "language": extraction.language,
        "canonical_url": extraction.canonical_url,
        "description": extraction.description,
        "profiles": extraction.profiles,
        "text_source": extraction.text_source,
        "text": extraction.text,
        "text_sha1": extraction.text_sha1,
        "word_count": extraction.word_count,
        "extractor": extractor,
        "extracted_at": (extracted_at or datetime.now(UTC)).isoformat(timespec="seconds"),
    }


def dumps_strict(row: dict[str, Any]) -> bytes:
    """One JSON line in strict UTF-8 (lone surrogates become U+FFFD)."""
    text = json.dumps(row, ensure_ascii=False, sort_keys=False)
    return text.encode("utf-8", errors="surrogatepass").decode("utf-8", errors="replace").encode() + b"\n"


class SidecarSet:
    """The open sidecars of a folder, one per WARC file name."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._open: dict[str, gzip.GzipFile] = {}
        self.closed: list[Path] = []

    def _final(self, warc_name: str) -> Path:
        return self.directory / sidecar_name(warc_name)

    def _stream(self, warc_name: str) -> gzip.GzipFile:
        if warc_name not in self._open:
            path = self._final(warc_name)
            open_path = path.with_name(path.name + OPEN_SUFFIX)
            # Level 6 (zlib's default) rather than gzip's 9: each row is flushed, so 9 bought little.
            self._open[warc_name] = gzip.GzipFile(open_path, "wb", compresslevel=6)
        return self._open[warc_name]

    def append(self, warc_name: str, row: dict[str, Any]) -> None:
        stream = self._stream(warc_name)
        stream.write(dumps_strict(row))
        stream.flush()

    def finish(self, warc_name: str) -> tuple[Path, Path]:
        """Complete one sidecar's gzip stream but keep its `.open` name.

        Returns (the `.open` path, the final path) for a caller that renames
        only once a whole run has succeeded (replay).
        """
        stream = self._stream(warc_name)
        stream.close()
        del self._open[warc_name]
        path = self._final(warc_name)
        return path.with_name(path.name + OPEN_SUFFIX), path

    def close(self, warc_name: str) -> Path:
        """Finish one sidecar (an empty one if nothing was appended) under its final name."""
        open_path, path = self.finish(warc_name)
        os.replace(open_path, path)
        self.closed.append(path)
        return path

    def close_all(self) -> None:
        for name in list(self._open):
            self.close(name)


def read_sidecar(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]
