"""Seed and article URLs with commas in their path are fetched exactly as written.

Real behaviour: several outlets number articles with commas in the path
("/region/title,art,77315", Gazeta-style "/7,75398,30412345,title.html"), and a URL may hold
commas legally anywhere in its path or query. `-a urls=a,b` (the Scrapy way) still separates
seeds with commas, so a comma splits the list only where a new URL with a scheme begins.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.sidecars import read_sidecar, sidecar_name
from crawler.demo.siteserver import SiteServer
from crawler.sources import split_url_list
from tests.conftest import FAST, SITES, run_presswarc
from tests.warcs import all_records, warc_files

SEED = "/region/heating-tariffs-review,art,77315"
LINKED = "/region/district-heating-explained,art,77290"


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("https://a.example/region/x,art,1", ["https://a.example/region/x,art,1"]),
        ("https://a.example/7,75398,30412345,t.html", ["https://a.example/7,75398,30412345,t.html"]),
        ("https://a.example/1,https://b.example/2", ["https://a.example/1", "https://b.example/2"]),
        ("https://a.example/x,art,1, http://b.example/", ["https://a.example/x,art,1", "http://b.example/"]),
        ("https://a.example/?ids=1,2\nhttps://b.example/", ["https://a.example/?ids=1,2", "https://b.example/"]),
    ],
)
def test_url_lists_split_only_where_a_new_url_starts(text: str, urls: list[str]) -> None:
    assert split_url_list(text) == urls


def test_comma_urls_are_crawled_as_written(tmp_path: Path) -> None:
    with SiteServer(SITES / "commas") as site:
        run_presswarc("crawl", site.url + SEED, "--out", str(tmp_path), *FAST)
        responses = {
            r["warc"]["WARC-Target-URI"]: r["http"].get_statuscode()
            for r in all_records(tmp_path)
            if r["type"] == "response" and not r["warc"]["WARC-Target-URI"].endswith("/robots.txt")
        }
    assert responses == {site.url + SEED: "200", site.url + LINKED: "200"}
    sidecars = [path.with_name(sidecar_name(path.name)) for path in warc_files(tmp_path)]
    rows = [row for sidecar in sidecars for row in read_sidecar(sidecar)]
    assert {row["url"] for row in rows if row.get("text")} == {site.url + SEED, site.url + LINKED}
