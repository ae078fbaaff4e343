"""`presswarc serve` over a collection of other tools' files, damaged ones among them.

Real-world behaviour this stands for: an archivist drops WARCs and ARCs from several tools and
years into one folder (some cut short, one gzipped whole, one with spaces in a URI) and browses
it. The collection is built by `tests/foreign_warcs.py` plus the committed wget WARC, so nothing
beside the repository is needed. pywb must index the folder without a traceback and replay the
captures that are intact, whatever format they came in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crawler.tools_venv import default_tools_venv, ensure_tools_venv
from tests.foreign_warcs import STORIES, build_all
from tests.test_index_serve_pack import fetch, pywb_serving
from tests.test_replay import DATA


@pytest.fixture(scope="module")
def tools() -> Path:
    """The pywb/wacz venv: created on first use, as a user's first `presswarc serve` does."""
    return ensure_tools_venv(default_tools_venv())


def test_pywb_serves_other_tools_files_beside_damaged_ones(tools: Path, tmp_path: Path) -> None:
    collection = tmp_path / "mixed"
    build_all(collection / "warcs")
    shutil.copy(DATA / "wget-1.21.3-basic.warc.gz", collection / "warcs")
    with pywb_serving(collection, tools) as (base, process):
        from_arc = fetch(f"{base}/2004id_/{STORIES['reservoir'].url}")
        spaced = fetch(f"{base}/2019id_/{STORIES['market'].url.replace(' ', '%20')}")
        wget_plain = fetch(f"{base}/2026id_/http://127.0.0.1:41573/news/plain.html")
    assert STORIES["reservoir"].marker.encode() in from_arc  # ARC v1, 2004
    assert STORIES["market"].marker.encode() in spaced  # WARC-Target-URI with spaces
    assert b"Marker for the plain page" in wget_plain  # GNU Wget's WARC
    assert process.stderr is not None
    assert "Traceback" not in process.stderr.read().split("Serving")[0]  # indexing did not fail
