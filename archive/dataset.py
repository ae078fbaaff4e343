"""A collection's documents as one table: JSON Lines or Parquet, streamed.

One row per document version (sidecar row), flat columns so pandas,
pyarrow and Hugging Face `datasets` load it without glue: the sidecar's
fields, nested objects spread into `charset_*` and `extractor_*` columns,
the WARC file's path inside the collection, and the republication
`cluster_id`. Rows are written in batches, so memory does not grow with the
collection (the cluster pass keeps one 1 KB sketch per document).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from archive.republications import cluster_ids, document_key, sidecar_rows
from archive.sidecars import SIDECAR_SUFFIX, dumps_strict, sidecar_name

BATCH = 2000

SCHEMA = pa.schema(
    [
        ("url", pa.string()),
        ("cluster_id", pa.string()),
        ("title", pa.string()),
        ("author", pa.string()),
        ("published", pa.string()),
        ("modified", pa.string()),
        ("sitename", pa.string()),
        ("language", pa.string()),
        ("canonical_url", pa.string()),
        ("description", pa.string()),
        ("text", pa.string()),
        ("text_sha1", pa.string()),
        ("word_count", pa.int64()),
        ("text_source", pa.string()),
        ("profiles", pa.list_(pa.string())),
        ("fetched_at", pa.string()),
        ("status", pa.int64()),
        ("content_type", pa.string()),
        ("payload_digest", pa.string()),
        ("charset_header", pa.string()),
        ("charset_meta", pa.string()),
        ("charset_detected", pa.string()),
        ("charset_used", pa.string()),
        ("charset_errors", pa.int64()),
        ("warc_path", pa.string()),
        ("warc_filename", pa.string()),
        ("warc_record_id", pa.string()),
        ("warc_offset", pa.int64()),
        ("warc_length", pa.int64()),
        ("extractor_name", pa.string()),
        ("extractor_version", pa.string()),
        ("extractor_settings_digest", pa.string()),
        ("extracted_at", pa.string()),
    ]
)
COLUMNS = tuple(SCHEMA.names)
FORMATS = ("jsonl", "parquet")


def _warc_paths(directory: Path) -> dict[str, str]:
    """WARC file name → its path relative to the collection (located by its sidecar)."""
    found = {}
    for sidecar in Path(directory).rglob(f"*{SIDECAR_SUFFIX}"):
        relative = sidecar.parent.relative_to(directory)
        for warc in sidecar.parent.glob("*"):
            if sidecar_name(warc.name) == sidecar.name and warc.name != sidecar.name:
                found[warc.name] = str(relative / warc.name)
    return found


def flat_row(row: dict[str, Any], cluster: str | None, warc_path: str | None) -> dict[str, Any]:
    """A sidecar row in the table's columns (missing fields are null)."""
    flat: dict[str, Any] = {name: row.get(name) for name in COLUMNS}
    for group in ("charset", "extractor"):
        nested = row.get(group) or {}
        for key, value in nested.items():
            column = f"{group}_{key}"
            if column in flat:
                flat[column] = value
    flat["cluster_id"] = cluster
    flat["warc_path"] = warc_path
    return flat


def dataset_rows(
    directory: Path, latest_only: bool = False, one_per_cluster: bool = False
) -> Iterator[dict[str, Any]]:
    """The table's rows, in sidecar order, filtered as asked."""
    clusters = cluster_ids(directory)
    paths = _warc_paths(directory)
    latest: dict[str, tuple[str, str]] = {}
    if latest_only:
        for row in sidecar_rows(directory):
            mark = (row.get("fetched_at") or "", document_key(row))
            if row["url"] not in latest or latest[row["url"]] < mark:
                latest[row["url"]] = mark
    emitted_clusters: set[str] = set()
    for row in sidecar_rows(directory):
        key = document_key(row)
        if latest_only and latest[row["url"]][1] != key:
            continue
        cluster = clusters.get(key)
        if one_per_cluster and cluster is not None:
            if cluster in emitted_clusters:
                continue
            emitted_clusters.add(cluster)
        yield flat_row(row, cluster, paths.get(row["warc_filename"]))


def export_dataset(
    directory: Path, out: Path, fmt: str, latest_only: bool = False, one_per_cluster: bool = False
) -> int:
    """Write the table to `out` (written as `out.open`, renamed when complete); returns rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rows = dataset_rows(directory, latest_only, one_per_cluster)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".open")
    try:
        count = _write_jsonl(rows, partial) if fmt == "jsonl" else _write_parquet(rows, partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, out)
    return count


def _write_jsonl(rows: Iterator[dict[str, Any]], path: Path) -> int:
    count = 0
    with open(path, "wb") as stream:
        for row in rows:
            stream.write(dumps_strict(row))
            count += 1
    return count


def _write_parquet(rows: Iterator[dict[str, Any]], path: Path) -> int:
    count = 0
    with pq.ParquetWriter(path, SCHEMA, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
            count += len(batch)
    return count
