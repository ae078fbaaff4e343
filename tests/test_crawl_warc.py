"""A real crawl of the basic fixture site, read back with warcio."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import zlib
from base64 import b32encode
from pathlib import Path

import brotli

from archive import read_crawl_log
from crawler.demo.siteserver import SiteServer
from tests.conftest import FAST, SITES, run_presswarc
from tests.warcs import all_records, read_records, warc_files


def sha1_b32(data: bytes) -> str:
    return "sha1:" + b32encode(hashlib.sha1(data).digest()).decode()


def responses_by_url(out: Path) -> dict[str, dict]:
    return {r["warc"]["WARC-Target-URI"]: r for r in all_records(out) if r["type"] == "response"}


def test_every_file_starts_with_warcinfo_and_passes_warcio_check(basic_crawl: Path) -> None:
    files = warc_files(basic_crawl)
    assert files, "no WARC written"
    for path in files:
        records = read_records(path)
        assert records[0]["type"] == "warcinfo"
        assert records[0]["warc"]["WARC-Filename"] == path.name
        check = subprocess.run(
            [sys.executable, "-m", "warcio.cli", "check", str(path)], capture_output=True, text=True
        )
        assert check.returncode == 0, check.stdout + check.stderr


def test_no_open_file_remains_and_names_follow_the_pattern(basic_crawl: Path) -> None:
    assert not list((basic_crawl / "warc").glob("*.open"))
    for path in warc_files(basic_crawl):
        prefix, stamp, serial, host = path.name.removesuffix(".warc.gz").split("-", 3)
        assert prefix == "presswarc" and len(stamp) == 17 and stamp.isdigit()
        assert serial.isdigit() and host


def test_every_response_has_its_request(basic_crawl: Path) -> None:
    records = all_records(basic_crawl)
    by_id = {r["warc"]["WARC-Record-ID"]: r for r in records}
    responses = [r for r in records if r["type"] == "response"]
    assert len(responses) >= 10
    for response in responses:
        request = by_id[response["warc"]["WARC-Concurrent-To"]]
        assert request["type"] == "request"
        assert request["warc"]["WARC-Concurrent-To"] == response["warc"]["WARC-Record-ID"]
        assert request["warc"]["WARC-Target-URI"] == response["warc"]["WARC-Target-URI"]
        assert response["warc"]["WARC-IP-Address"] == "127.0.0.1"
        assert response["warc"]["WARC-Date"].endswith("Z")


def test_robots_redirects_and_errors_are_archived(basic_crawl: Path, basic_site: SiteServer) -> None:
    responses = responses_by_url(basic_crawl)
    base = basic_site.url
    assert responses[base + "/robots.txt"]["http"].get_statuscode() == "200"
    assert responses[base + "/old/moved.html"]["http"].get_statuscode() == "301"
    assert responses[base + "/old/moved-again.html"]["http"].get_statuscode() == "302"
    assert responses[base + "/news/plain.html"]["http"].get_statuscode() == "200"
    assert responses[base + "/missing.html"]["http"].get_statuscode() == "404"
    assert responses[base + "/broken.html"]["http"].statusline.startswith("500 Internal Server Error")
    assert base + "/private/secret.html" not in responses
    assert ("GET", "/private/secret.html") not in basic_site.requests
    assert not any(url.startswith("http://127.0.0.2") for url in responses)


def test_digests_are_correct(basic_crawl: Path) -> None:
    for record in all_records(basic_crawl):
        if record["type"] in ("response", "request"):
            assert record["warc"]["WARC-Payload-Digest"] == sha1_b32(record["raw"])


def test_encoded_bodies_are_stored_encoded(basic_crawl: Path, basic_site: SiteServer) -> None:
    responses = responses_by_url(basic_crawl)
    decoders = {"gzip": gzip.decompress, "deflate": zlib.decompress}
    for name, coding in (("gzip", "gzip"), ("deflate", "deflate"), ("chunked-gzip", "gzip")):
        record = responses[f"{basic_site.url}/news/{name}.html"]
        assert record["http"].get_header("Content-Encoding") == coding
        original = (SITES / "basic" / "news" / f"{name}.html").read_bytes()
        assert record["raw"] != original
        assert decoders[coding](record["raw"]) == original


def test_chunked_bodies_are_dechunked_without_transfer_encoding(
    basic_crawl: Path, basic_site: SiteServer
) -> None:
    record = responses_by_url(basic_crawl)[basic_site.url + "/news/chunked.html"]
    assert record["http"].get_header("Transfer-Encoding") is None
    assert record["raw"] == (SITES / "basic" / "news" / "chunked.html").read_bytes()


def test_request_record_is_what_was_sent(basic_crawl: Path, basic_site: SiteServer) -> None:
    requests = [r for r in all_records(basic_crawl) if r["type"] == "request"]
    first = requests[0]["http"]
    assert first.protocol == "GET" or first.statusline.startswith("GET ")
    for record in requests:
        agent = record["http"].get_header("User-Agent")
        assert agent.startswith("presswarc/") and "+http" in agent
        assert record["http"].get_header("Host") == basic_site.url.removeprefix("http://")


def test_warcinfo_describes_the_crawl(basic_crawl: Path) -> None:
    info = read_records(warc_files(basic_crawl)[0])[0]["raw"].decode()
    fields = dict(line.split(": ", 1) for line in info.strip().splitlines())
    assert "scrapy/" in fields["software"] and "warcio/" in fields["software"]
    assert fields["robots"] == "obey"
    assert "Scrapy" in fields["http-headers"]
    assert json.loads(fields["presswarc-settings"])["ROBOTSTXT_OBEY"] is True


def test_crawl_log_and_stats(basic_crawl: Path, basic_site: SiteServer) -> None:
    lines = read_crawl_log(basic_crawl)
    by_url = {line["url"]: line for line in lines}
    assert by_url[basic_site.url + "/news/gzip.html"]["outcome"] == "archived"
    assert by_url[basic_site.url + "/news/gzip.html"]["status"] == 200
    assert by_url[basic_site.url + "/private/secret.html"]["outcome"] == "refused"
    assert "robots" in by_url[basic_site.url + "/private/secret.html"]["reason"]
    for line in lines:
        assert set(line) >= {"url", "status", "size", "outcome", "reason"}
    stats = json.loads((basic_crawl / "stats.json").read_text())
    assert stats["finish_reason"] == "finished"
    assert stats["warc_files"] == [p.name for p in warc_files(basic_crawl)]


def test_brotli_body_is_stored_encoded(basic_site: SiteServer, tmp_path: Path) -> None:
    url = basic_site.url + "/news/brotli.html"
    run_presswarc("crawl", url, "--out", str(tmp_path), "--max-depth", "0", *FAST)
    record = responses_by_url(tmp_path)[url]
    assert record["http"].get_header("Content-Encoding") == "br"
    assert brotli.decompress(record["raw"]) == (SITES / "basic" / "news" / "brotli.html").read_bytes()


def test_rotation_at_a_small_size_limit(basic_site: SiteServer, tmp_path: Path) -> None:
    run_presswarc("crawl", basic_site.url + "/", "--out", str(tmp_path), "--warc-max-size", "3000", *FAST)
    files = warc_files(tmp_path)
    assert len(files) >= 3
    serials = [int(p.name.split("-")[2]) for p in files]
    assert serials == sorted(serials) and len(set(serials)) == len(serials)
    ids: set[str] = set()
    for path in files:
        records = read_records(path)
        assert records[0]["type"] == "warcinfo"
        local = {r["warc"]["WARC-Record-ID"] for r in records}
        for record in records:
            if record["type"] == "response":
                assert record["warc"]["WARC-Concurrent-To"] in local, "pair split across files"
        ids |= local
    assert len(ids) == sum(len(read_records(p)) for p in files)


def test_max_pages_and_max_depth(basic_site: SiteServer, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    run_presswarc(
        "crawl", basic_site.url + "/news/deep-1.html", "--out", str(shallow), "--max-depth", "1", *FAST
    )
    urls = set(responses_by_url(shallow))
    assert basic_site.url + "/news/deep-2.html" in urls
    assert basic_site.url + "/news/deep-3.html" not in urls
    few = tmp_path / "few"
    run_presswarc("crawl", basic_site.url + "/", "--out", str(few), "--max-pages", "3", *FAST)
    pages = [u for u in responses_by_url(few) if not u.endswith("/robots.txt")]
    assert len(pages) == 3


def test_sources_file_with_sitemap_and_feed(tmp_path: Path) -> None:
    with SiteServer(SITES / "feeds") as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nname = "feeds"\nsitemaps = ["{site.url}/sitemap-index.xml"]\n'
            f'feeds = ["{site.url}/atom.xml"]\n'
        )
        run_presswarc("crawl", "--sources", str(sources), "--out", str(tmp_path / "out"), *FAST)
        fetched = {path for _, path in site.requests}
    assert {
        "/sitemap-index.xml",
        "/sitemap-news.xml",
        "/from-sitemap.html",
        "/atom.xml",
        "/from-feed.html",
    } <= fetched


def test_scrapy_crawl_from_the_project_root(basic_site: SiteServer, tmp_path: Path) -> None:
    root = Path(__file__).parent.parent
    scrapy = Path(sys.executable).with_name("scrapy")
    result = subprocess.run(
        [
            str(scrapy),
            "crawl",
            "statements",
            "-a",
            f"urls={basic_site.url}/news/plain.html",
            "-a",
            "max_depth=0",
            "-s",
            f"ARCHIVE_DIR={tmp_path}",
            "-s",
            "DOWNLOAD_DELAY=0",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert set(responses_by_url(tmp_path)) == {
        basic_site.url + "/robots.txt",
        basic_site.url + "/news/plain.html",
    }


def test_article_patterns_get_scheduling_priority(tmp_path: Path) -> None:
    from spiders.statements import StatementsSpider

    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[[source]]\nname = "n"\nseeds = ["https://news.example/"]\n'
        'article_patterns = ["/news/articleView"]\n'
    )
    spider = StatementsSpider(sources=str(sources))
    article = spider._request("https://news.example/news/articleView.html?idxno=1", "page")
    section = spider._request("https://news.example/news/articleList.html", "page")
    elsewhere = spider._request("https://other.example/news/articleView.html?idxno=1", "page")
    assert article is not None and section is not None and elsewhere is None
    assert article.priority > section.priority == 0
