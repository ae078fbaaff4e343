"""Export sidecar documents as one text file per URL, for downstream text pipelines.

`OUT/<url_filename>.txt` holds the text; `OUT/index.jsonl` maps each file to
its URL and WARC record. The first capture of a URL wins; later ones are
listed as skipped, never written over it.
"""

from __future__ import annotations

from pathlib import Path

from archive.filenames import url_filename, write_new_file
from archive.sidecars import SIDECAR_SUFFIX, dumps_strict, read_sidecar


def export_texts(directory: Path, out: Path) -> tuple[int, int]:
    """Returns (files written, documents skipped because their URL already has a file)."""
    out.mkdir(parents=True, exist_ok=True)
    written = skipped = 0
    with open(out / "index.jsonl", "ab") as index:
        for sidecar in sorted(Path(directory).rglob(f"*{SIDECAR_SUFFIX}")):
            if out.resolve() in sidecar.resolve().parents:
                continue
            for row in read_sidecar(sidecar):
                name = url_filename(row["url"])
                path = write_new_file(out, name, row["text"].encode("utf-8", errors="replace"))
                entry = {
                    "file": name,
                    "url": row["url"],
                    "warc_filename": row["warc_filename"],
                    "warc_record_id": row["warc_record_id"],
                    "written": path is not None,
                }
                index.write(dumps_strict(entry))
                written += path is not None
                skipped += path is None
    return written, skipped
