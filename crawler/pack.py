"""`presswarc pack DIR -o FILE.wacz`: a WACZ with pages.jsonl listing the articles.

The package is made by py-wacz (`wacz create`) from the tools venv; pages
come from our sidecars, so the WACZ lists the extracted statements with
their titles and text.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import uuid
from pathlib import Path

from archive.reader import archive_files
from archive.sidecars import SIDECAR_SUFFIX, read_sidecar
from crawler.tools_venv import ensure_tools_venv, tool

PAGES_HEADER = {"format": "json-pages-1.0", "id": "pages", "title": "Extracted articles", "hasText": True}


def pages_from_sidecars(directory: Path) -> list[dict[str, object]]:
    pages = []
    for sidecar in sorted(directory.rglob(f"*{SIDECAR_SUFFIX}")):
        for row in read_sidecar(sidecar):
            pages.append(
                {
                    "id": uuid.uuid5(uuid.NAMESPACE_URL, row["warc_record_id"]).hex,
                    "url": row["url"],
                    "ts": row["fetched_at"],
                    "title": row["title"] or row["url"],
                    "text": row["text"],
                }
            )
    return pages


def pack(directory: Path, output: Path, venv: Path | None = None) -> int:
    venv = ensure_tools_venv(venv)
    warcs = [p for p in archive_files([directory]) if ".pywb" not in p.parts]
    if not warcs:
        raise FileNotFoundError(f"no WARC files under {directory}")
    with tempfile.TemporaryDirectory() as scratch:
        pages_file = Path(scratch) / "pages.jsonl"
        lines = [PAGES_HEADER, *pages_from_sidecars(directory)]
        pages_file.write_text(
            "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
        )
        command = [
            str(tool(venv, "wacz")),
            "create",
            "-o",
            str(output),
            "-p",
            str(pages_file),
            "--title",
            f"presswarc: {directory.name}",
            *map(str, warcs),
        ]
        return subprocess.call(command)
