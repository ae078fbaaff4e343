"""Replay: offline re-extraction reproduces the live sidecars; other tools' WARCs replay too."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from archive import read_crawl_log
from archive.sidecars import read_sidecar, sidecar_name
from crawler.demo.siteserver import SiteServer
from tests.conftest import run_presswarc
from tests.warcs import read_records, warc_files

PEER_WARCS = Path(__file__).resolve().parents[2] / "shared" / "peer-warcs"


def rows_by_id(paths: list[Path]) -> dict[str, dict]:
    rows = {}
    for path in paths:
        for row in read_sidecar(path):
            row.pop("extracted_at")
            rows[row["warc_record_id"]] = row
    return rows


def test_replay_reproduces_the_live_sidecars(demo_crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "replayed"
    run_presswarc("replay", str(demo_crawl / "warc"), "--out", str(out))
    live = rows_by_id([p.with_name(sidecar_name(p.name)) for p in warc_files(demo_crawl)])
    replayed = rows_by_id([out / sidecar_name(p.name) for p in warc_files(demo_crawl)])
    assert len(live) == 4
    assert replayed.keys() == live.keys()
    for record_id, row in live.items():
        assert replayed[record_id] == row


def test_replay_can_write_derived_warcs(demo_crawl: Path, tmp_path: Path) -> None:
    run_presswarc("replay", str(demo_crawl / "warc"), "--out", str(tmp_path), "--warc")
    derived = sorted(tmp_path.glob("*-derived.warc.gz"))
    assert len(derived) == len(warc_files(demo_crawl))
    originals = {
        r["warc"]["WARC-Record-ID"]
        for p in warc_files(demo_crawl)
        for r in read_records(p)
        if r["type"] == "response"
    }
    records = [r for p in derived for r in read_records(p)]
    assert records[0]["type"] == "warcinfo"
    refers = [r["warc"]["WARC-Refers-To"] for r in records if r["type"] in ("conversion", "metadata")]
    assert len(refers) == 8 and set(refers) <= originals


def test_peer_warcs_replay_without_a_traceback(tmp_path: Path) -> None:
    inputs = [PEER_WARCS, PEER_WARCS / "example-bad.warc.gz.bad"]
    result = run_presswarc("replay", *map(str, inputs), "--out", str(tmp_path))
    assert "Traceback" not in result.stderr
    assert "example-wrong-chunks.warc.gz @ 516" in result.stderr
    assert "example-bad-non-chunked.warc.gz @ 0" in result.stderr
    for name in (
        "example.warc.gz",
        "example.warc",
        "example.arc",
        "example.arc.gz",
        "example-iana.org-chunked.warc",
        "example-trunc.warc",
    ):
        assert (tmp_path / sidecar_name(name)).exists(), name
    iana = read_sidecar(tmp_path / sidecar_name("example-iana.org-chunked.warc"))
    assert iana and iana[0]["url"] == "http://www.iana.org/" and "DNS Root Zone" in iana[0]["text"]


@pytest.mark.skipif(shutil.which("wget") is None, reason="wget not installed (.ci/run installs it)")
def test_a_warc_written_by_wget_replays(tmp_path: Path) -> None:
    with SiteServer(Path(__file__).parent / "sites" / "basic") as site:
        subprocess.run(
            [
                "wget",
                "--quiet",
                "--recursive",
                "--level=1",
                "--no-verbose",
                "--directory-prefix",
                str(tmp_path / "mirror"),
                "--warc-file",
                str(tmp_path / "wget"),
                "--no-warc-keep-log",
                site.url + "/news/plain.html",
            ],
            check=False,
            timeout=120,
        )
    warc = tmp_path / "wget.warc.gz"
    assert warc.exists()
    run_presswarc("replay", str(warc), "--out", str(tmp_path / "out"))
    rows = read_sidecar(tmp_path / "out" / "wget.jsonl.gz")
    assert [row["url"] for row in rows] == [site.url + "/news/plain.html"]
    assert "harbour survey will be published in full" in rows[0]["text"]


def test_crawl_from_archive_never_touches_the_network(
    basic_crawl: Path, basic_site: SiteServer, tmp_path: Path
) -> None:
    before = len(basic_site.requests)
    run_presswarc(
        "crawl",
        basic_site.url + "/",
        basic_site.url + "/never-archived.html",
        "--from-archive",
        str(basic_crawl / "warc"),
        "--out",
        str(tmp_path),
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
    )
    assert len(basic_site.requests) == before
    log = read_crawl_log(tmp_path)
    outcomes = {line["url"]: line["outcome"] for line in log}
    assert outcomes[basic_site.url + "/never-archived.html"] == "not-in-archive"
    assert (
        outcomes[basic_site.url + "/news/plain.html"] == "replayed"
    )  # reached through the archived redirects
    assert outcomes[basic_site.url + "/news/deep-2.html"] == "replayed"
    assert outcomes[basic_site.url + "/private/secret.html"] == "refused"  # archived robots.txt still obeyed
    assert not list((tmp_path / "warc").glob("*.warc.gz"))
