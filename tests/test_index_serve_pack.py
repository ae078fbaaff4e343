"""CDXJ index, pywb replay from `presswarc serve`, and WACZ packaging."""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from archive.index import cdxj_name
from archive.sidecars import read_sidecar, sidecar_name
from crawler.tools_venv import default_tools_venv, ensure_tools_venv, tool
from tests.conftest import run_presswarc
from tests.test_replay import PEER_WARCS, needs_peer_warcs
from tests.warcs import read_records, warc_files


def cdxj(path: Path) -> list[tuple[str, str, dict]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        key, stamp, blob = line.split(" ", 2)
        rows.append((key, stamp, json.loads(blob)))
    return rows


def test_index_is_sorted_cdxj_pointing_at_response_records(demo_crawl: Path) -> None:
    run_presswarc("index", str(demo_crawl))
    rows = cdxj(demo_crawl / "index.cdxj")
    assert rows == sorted(rows, key=lambda r: (r[0], r[1], json.dumps(r[2])))
    responses = {
        (r["warc"]["WARC-Target-URI"], r["offset"])
        for p in warc_files(demo_crawl)
        for r in read_records(p)
        if r["type"] == "response"
    }
    assert {(row["url"], int(row["offset"])) for _, _, row in rows} == responses
    for key, stamp, row in rows:
        assert key.startswith("1,0,0,127:") and len(stamp) == 14 and stamp.isdigit()
        assert {"url", "mime", "status", "digest", "length", "offset", "filename"} <= row.keys()


def test_a_cdxj_is_written_beside_each_warc_during_the_crawl(demo_crawl: Path) -> None:
    for path in warc_files(demo_crawl):
        beside = path.with_name(cdxj_name(path.name))
        assert beside.exists() and len(cdxj(beside)) > 10


@needs_peer_warcs  # self-contained: tests/test_replay.py indexes built foreign files
def test_index_gets_through_peer_warcs(tmp_path: Path) -> None:
    result = run_presswarc("index", str(PEER_WARCS), "-o", str(tmp_path / "peer.cdxj"))
    assert "Traceback" not in result.stderr
    assert "example-wrong-chunks.warc.gz @ 0: record cut short" in result.stderr  # split over 2 members
    urls = {row["url"] for _, _, row in cdxj(tmp_path / "peer.cdxj")}
    assert {"http://example.com/", "http://www.iana.org/", "http://httpbin.org/post"} <= urls


@pytest.fixture(scope="session")
def tools_venv() -> Path:
    """The real first-use path: creates the pywb/wacz venv if this machine has none yet."""
    return ensure_tools_venv(default_tools_venv())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def pywb_serving(directory: Path, tools_venv: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`presswarc serve DIR` on a free port; yields the collection URL once pywb answers."""
    port = free_port()
    env = {**os.environ, "PRESSWARC_TOOLS_VENV": str(tools_venv)}
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve", str(directory), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/presswarc"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def served(demo_crawl: Path, tools_venv: Path) -> Iterator[str]:
    with pywb_serving(demo_crawl, tools_venv) as (base, _):
        yield base


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=20) as response:
        body: bytes = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return body


def test_pywb_serves_the_archived_pages(served: str, demo_crawl: Path) -> None:
    rows = [row for p in warc_files(demo_crawl) for row in read_sidecar(p.with_name(sidecar_name(p.name)))]
    korean = next(row for row in rows if row["sitename"] == "한빛일보")
    body = fetch(f"{served}/2026id_/{korean['url']}")
    assert "기자명 김하늘 기자".encode() in body
    assert b"reply to these recommendations by 15 January" in body
    replayed = fetch(f"{served}/2026mp_/{korean['url']}").decode("utf-8")
    assert "Eastmere ombudsman" in replayed


def test_pack_makes_a_valid_wacz_listing_the_articles(
    demo_crawl: Path, tools_venv: Path, tmp_path: Path
) -> None:
    output = tmp_path / "demo.wacz"
    env = {**os.environ, "PRESSWARC_TOOLS_VENV": str(tools_venv)}
    subprocess.run(
        [sys.executable, "-m", "crawler.cli", "pack", str(demo_crawl), "-o", str(output)],
        env=env,
        check=True,
        capture_output=True,
    )
    check = subprocess.run(
        [str(tool(tools_venv, "wacz")), "validate", "-f", str(output)], capture_output=True, text=True
    )
    assert check.returncode == 0 and "valid" in check.stdout, check.stdout + check.stderr
    with zipfile.ZipFile(output) as wacz:
        pages = [json.loads(line) for line in wacz.read("pages/pages.jsonl").decode().splitlines()]
        names = wacz.namelist()
    assert pages[0]["format"] == "json-pages-1.0"
    assert len(pages[1:]) == 4 and all(page["text"] for page in pages[1:])
    assert sum(name.startswith("archive/") for name in names) == len(warc_files(demo_crawl))


@needs_peer_warcs  # self-contained: tests/test_serve_foreign.py
def test_pywb_serves_peer_warcs_too(tools_venv: Path, tmp_path: Path) -> None:
    import shutil

    collection = tmp_path / "peers"
    shutil.copytree(PEER_WARCS, collection)
    with pywb_serving(collection, tools_venv) as (base, process):
        body = fetch(f"{base}/2017id_/http://www.iana.org/")
    assert b"Internet Assigned Numbers Authority" in body
    assert process.stderr is not None
    assert (
        "Traceback" not in process.stderr.read().split("Serving")[0]
    )  # indexing the collection did not fail
