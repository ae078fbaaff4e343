"""`export --format jsonl|parquet`: one table of a collection's documents.

Loaded back the way our users load it (pyarrow, pandas; Hugging Face
`datasets` when installed), from a real crawl's sidecars (the demo) and from
sidecars holding one statement republished by five outlets, two crawls of
one URL among them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from archive.dataset import COLUMNS, export_dataset
from archive.sidecars import SidecarSet
from tests.archive.test_clusters import republications


@pytest.fixture
def two_crawls(tmp_path: Path) -> Path:
    """Each republication captured twice (two WARCs), the second time a day later."""
    for crawl in (0, 1):
        sidecars = SidecarSet(tmp_path / f"crawl{crawl}" / "warc")
        name = f"crawl{crawl}.warc.gz"
        (sidecars.directory / name).write_bytes(b"")  # the WARC the rows point into
        for number, (key, text) in enumerate(republications().items()):
            sidecars.append(
                name,
                {
                    "url": f"https://site{number}.example/{key}",
                    "warc_filename": name,
                    "warc_offset": 100 * number,
                    "fetched_at": f"2026-11-0{1 + crawl}T10:00:{number:02d}Z",
                    "text": text,
                    "text_sha1": f"{key}-{crawl}",
                    "charset": {"header": "utf-8", "used": "utf-8", "errors": 0, "meta": None},
                },
            )
        sidecars.close_all()
    return tmp_path


def test_parquet_has_every_column_and_loads_in_pyarrow_and_pandas(two_crawls: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs.parquet"
    rows = export_dataset(two_crawls, out, "parquet")
    table = pq.read_table(out)
    assert rows == table.num_rows == 2 * len(republications())
    assert tuple(table.column_names) == COLUMNS
    frame = pytest.importorskip("pandas").read_parquet(out)
    assert frame["charset_used"].eq("utf-8").all()
    assert frame["warc_path"].str.endswith(".warc.gz").all()
    assert frame["cluster_id"].nunique() == 4
    assert not list(tmp_path.glob("*.open"))


def test_latest_only_and_one_per_cluster(two_crawls: Path, tmp_path: Path) -> None:
    out = tmp_path / "latest.jsonl"
    assert export_dataset(two_crawls, out, "jsonl", latest_only=True) == len(republications())
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {row["fetched_at"][:10] for row in rows} == {"2026-11-02"}
    single = tmp_path / "single.jsonl"
    assert export_dataset(two_crawls, single, "jsonl", one_per_cluster=True) == 4


def test_a_real_crawl_exports_and_loads_in_datasets(demo_crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "demo.parquet"
    count = export_dataset(demo_crawl, out, "parquet")
    table = pq.read_table(out)
    assert count == table.num_rows > 0
    assert all(table.column("text").to_pylist()) and None not in table.column("cluster_id").to_pylist()
    datasets = pytest.importorskip("datasets", reason="Hugging Face datasets not installed")
    loaded = datasets.load_dataset("parquet", data_files=str(out), split="train")
    assert loaded.num_rows == count and loaded.column_names == list(COLUMNS)


def test_an_unknown_format_is_refused(two_crawls: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        export_dataset(two_crawls, tmp_path / "x.csv", "csv")
