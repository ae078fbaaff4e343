"""A crawl of the hostile fixture site finishes by itself, with every case handled.

Assertions read the server's own request log (what was *not* fetched), the
crawl log, the output tree and the WARCs.
"""

from __future__ import annotations

import json
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import pytest

from archive import read_crawl_log
from archive.sidecars import sidecar_name
from crawler.demo.siteserver import SiteServer
from tests.conftest import FAST
from tests.warcs import all_records, warc_files

Sites = tuple[SiteServer, SiteServer]


def log_lines(out: Path) -> list[dict]:
    return read_crawl_log(out)


def outcomes(out: Path, site: SiteServer) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for line in log_lines(out):
        found.setdefault(line["url"].removeprefix(site.url), []).append(line)
    return found


def paths(site: SiteServer) -> list[str]:
    return [path for _, path in site.requests]


def final(out: Path, site: SiteServer, path: str) -> dict:
    return outcomes(out, site)[path][-1]


def responses(out: Path) -> dict[str, dict]:
    return {r["warc"]["WARC-Target-URI"]: r for r in all_records(out) if r["type"] == "response"}


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
def test_decompression_bombs_are_archived_encoded_and_refused(
    hostile_crawl: Path, hostile_sites: Sites, coding: str
) -> None:
    site = hostile_sites[0]
    record = responses(hostile_crawl)[f"{site.url}/bomb-{coding}.html"]
    assert record["http"].get_header("Content-Encoding") == coding
    assert len(record["raw"]) < 10_000_000  # the compressed bytes, as sent
    line = final(hostile_crawl, site, f"/bomb-{coding}.html")
    assert line["outcome"] == "refused" and "DOWNLOAD_MAXSIZE" in line["reason"]


def test_raw_gzip_served_as_html_is_archived_verbatim_not_extracted(
    hostile_crawl: Path, hostile_sites: Sites
) -> None:
    site = hostile_sites[0]
    record = responses(hostile_crawl)[f"{site.url}/bomb-raw.html"]
    assert record["raw"][:3] == b"\x1f\x8b\x08" and record["http"].get_header("Content-Encoding") is None
    urls = {row["url"] for row in sidecar_rows(hostile_crawl)}
    assert f"{site.url}/bomb-raw.html" not in urls and f"{site.url}/binary.html" not in urls


def test_oversize_and_slow_bodies_are_not_archived_and_say_why(
    hostile_crawl: Path, hostile_sites: Sites
) -> None:
    site = hostile_sites[0]
    archived = responses(hostile_crawl)
    for path, words in (
        ("/huge.html", "max size"),
        ("/huge-chunked.html", "DownloadCancelled"),
        ("/drip.html", "took longer"),
    ):
        assert f"{site.url}{path}" not in archived
        line = final(hostile_crawl, site, path)
        assert line["outcome"] == "failed" and words in line["reason"], line


@pytest.mark.parametrize("path", ["/cut.html", "/cut-chunked.html"])
def test_cut_off_bodies_are_archived_as_truncated(
    hostile_crawl: Path, hostile_sites: Sites, path: str
) -> None:
    site = hostile_sites[0]
    record = responses(hostile_crawl)[site.url + path]
    assert record["warc"]["WARC-Truncated"] == "disconnect"
    assert record["raw"].startswith(b"<html><head><title>Cut off")
    line = outcomes(hostile_crawl, site)[path][0]
    assert line["outcome"] == "archived" and line["reason"] == "truncated: disconnect"


def test_redirects_out_of_scope_are_refused_before_any_connection(
    hostile_crawl: Path, hostile_sites: Sites
) -> None:
    site = hostile_sites[0]
    log = {line["url"]: line for line in log_lines(hostile_crawl)}
    assert "link-local address 169.254.169.254" in log["http://169.254.169.254/latest/meta-data/"]["reason"]
    assert log[f"http://localhost:{site.port}/landing-from-localhost.html"]["outcome"] == "refused"
    assert "/landing-from-localhost.html" not in paths(site)  # same server, other origin: never asked
    assert "file:///etc/passwd" in final(hostile_crawl, site, "/to-file")["reason"]
    assert "redirect loop" in final(hostile_crawl, site, "/loop-a")["reason"]
    chain = [p for p in paths(site) if p.startswith("/chain/")]
    assert len(chain) <= 11 and any("max redirections" in line["reason"] for line in log_lines(hostile_crawl))


def test_traps_end_by_their_shape(hostile_crawl: Path, hostile_sites: Sites) -> None:
    """Calendar and session loop: a barren chain of 5 hops; deepening path: repeated segments."""
    site = hostile_sites[0]
    calendar = [p for p in paths(site) if p.startswith("/calendar")]
    assert calendar == [f"/calendar?month={n}" for n in range(1, 7)]  # month 7 is the 6th barren hop
    session = [p for p in paths(site) if p.startswith("/session")]
    assert session[0] == "/session?sid=abc123&page=1" and 2 <= len(session) <= 6  # fetched as linked
    assert max(p.count("more") for p in paths(site) if p.startswith("/deep/")) == 3
    skipped = [line for line in log_lines(hostile_crawl) if line["outcome"] == "skipped"]
    assert {line["reason"].split(":")[0] for line in skipped} >= {"trap", "out of scope"}
    assert any(
        "/calendar?month=7" in line["url"] and "PRESSWARC_MAX_BARREN_HOPS" in line["reason"]
        for line in skipped
    )
    assert json.loads((hostile_crawl / "report.json").read_text())["budget_cut"] == {}


def test_robots_txt_is_obeyed_and_a_5xx_robots_txt_disallows_everything(
    hostile_crawl: Path, hostile_sites: Sites
) -> None:
    hostile, robots500 = hostile_sites
    assert "/private/secret.html" not in paths(hostile)
    assert set(paths(robots500)) == {"/robots.txt"}
    assert final(hostile_crawl, robots500, "/")["reason"] == "Forbidden by robots.txt"


def test_sitemap_entities_are_not_resolved(hostile_crawl: Path, hostile_sites: Sites) -> None:
    site = hostile_sites[0]
    assert "/from-sitemap-plain.html" in paths(site)
    assert "/xxe-probe" not in paths(site)
    assert not any("root:" in p or "passwd" in p for p in paths(site))


def test_retries_back_off_then_succeed_or_give_up(hostile_crawl: Path, hostile_sites: Sites) -> None:
    site = hostile_sites[0]
    assert paths(site).count("/retry.html") == 3
    attempts = outcomes(hostile_crawl, site)["/retry.html"]
    assert [line["status"] for line in attempts] == [503, 503, 200]
    stamps = [datetime.fromisoformat(line["ts"]) for line in attempts]
    assert all(
        (later - earlier).total_seconds() >= 0.9 for earlier, later in pairwise(stamps)
    )  # Retry-After: 1
    assert paths(site).count("/always-429.html") == 3
    assert final(hostile_crawl, site, "/always-429.html") == {
        **final(hostile_crawl, site, "/always-429.html"),
        "outcome": "http-error",
        "reason": "HTTP 429",
    }


def sidecar_rows(out: Path) -> list[dict]:
    rows = []
    for path in warc_files(out):
        raw = __import__("gzip").decompress(path.with_name(sidecar_name(path.name)).read_bytes())
        text = raw.decode("utf-8")  # strict: raises on anything that is not UTF-8
        rows += [json.loads(line) for line in text.splitlines()]
    return rows


def test_encodings_and_bad_bytes(hostile_crawl: Path, hostile_sites: Sites) -> None:
    site = hostile_sites[0]
    rows = {row["url"].removeprefix(site.url): row for row in sidecar_rows(hostile_crawl)}
    assert rows["/cp949.html"]["charset"]["used"] == "cp949" and "똠방각하" in rows["/cp949.html"]["text"]
    assert rows["/sjis.html"]["charset"]["used"] == "cp932" and "オンブズマン" in rows["/sjis.html"]["text"]
    assert rows["/nul.html"]["charset"]["errors"] == 3 and "\x00" not in rows["/nul.html"]["text"]
    assert "/empty.html" not in rows and "/binary.html" not in rows
    for row in rows.values():
        assert not any("\ud800" <= ch <= "\udfff" for ch in row["text"])


def test_every_discovered_url_has_an_outcome(hostile_crawl: Path, hostile_sites: Sites) -> None:
    site = hostile_sites[0]
    logged = {line["url"] for line in log_lines(hostile_crawl)}
    index = (Path(__file__).parent / "sites" / "hostile" / "index.html").read_text()
    import re

    for href in re.findall(r'href="([^"]+)"', index):
        url = href.replace("&amp;", "&")
        url = url if "://" in url else site.url + url
        assert url in logged, url


def test_report_and_output_tree(hostile_crawl: Path) -> None:
    report = json.loads((hostile_crawl / "report.json").read_text())
    assert report["finish_reason"] == "finished"
    assert (
        report["refused"] >= 8
        and report["failed"] >= 3
        and report["skipped"] >= 3
        and report["extracted"] >= 3
    )
    assert sum(report["by_reason"].values()) >= report["refused"] + report["failed"]
    top = {p.name for p in hostile_crawl.iterdir()}
    assert top == {"warc", "crawl.log", "report.json", "stats.json", ".presswarc.lock", "crawl-state.sqlite"}
    assert not list(hostile_crawl.rglob("*.open"))


def test_a_killed_crawl_keeps_everything_already_archived(
    basic_site: SiteServer, hostile_sites: Sites, tmp_path: Path
) -> None:
    """SIGKILL mid-crawl: closed WARCs stay valid, the open one holds whole records, no half sidecar."""
    import signal
    import subprocess
    import sys
    import time

    hostile = hostile_sites[0]
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "crawler.cli",
        "crawl",
        basic_site.url + "/",
        hostile.url + "/drip.html",
        "--out",
        str(out),
        "--warc-max-size",
        "2000",
        "-s",
        "DOWNLOAD_TIMEOUT=60",
        *FAST,
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            if len(list((out / "warc").glob("*.warc.gz"))) >= 3 and "/drip.html" in paths(hostile):
                break
            time.sleep(0.1)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    closed = sorted((out / "warc").glob("*.warc.gz"))
    assert len(closed) >= 3
    for path in closed:
        check = subprocess.run([sys.executable, "-m", "warcio.cli", "check", str(path)], capture_output=True)
        assert check.returncode == 0, path
        assert path.with_name(sidecar_name(path.name)).exists()
    from archive.reader import ReadProblem, iter_records

    for path in (out / "warc").glob("*.warc.gz.open"):
        items = list(iter_records(path))
        whole = [item for item in items if not isinstance(item, ReadProblem)]
        assert whole and whole[0].record.rec_type == "warcinfo"
    for sidecar in (out / "warc").glob("*.jsonl.gz"):
        __import__("gzip").decompress(sidecar.read_bytes())  # complete gzip streams only under final names
