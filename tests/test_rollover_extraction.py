"""Every extraction survives WARC rollover, however far extraction falls behind.

Real-world behaviour this stands for: a news site's archive section lists
hundreds of articles, the crawl fetches them faster than one core can extract
them, and the WARC files roll over many times during the crawl (a 1 GB limit
on a long crawl; here a 20 kB limit on a short one). Extraction then lags
many files behind the file being written. Each article's conversion and
metadata records must still land in the WARC that holds its response, refer
to that response's record ID, and its sidecar row must point at the
response's file and offset.

Varied so the rule is not fitted to one fixture: article lengths differ
(2 to 9 paragraphs, so some captures fill a file alone and others share),
some pages are gzip-encoded listing pages without an article, and the
pending limit is smaller than the per-host concurrency.
"""

from __future__ import annotations

import gzip
import random
from collections import Counter
from pathlib import Path

import pytest

from archive import read_crawl_log
from archive.sidecars import read_sidecar, sidecar_name
from crawler.demo.siteserver import SiteServer
from tests.conftest import FAST, run_presswarc
from tests.warcs import read_records, warc_files

ARTICLES = 300
PER_LISTING = 50

WORDS = (
    "ministry council statement budget harbour committee review minister decision inquiry "
    "report parliament hearing agency regional reform public record transport water health "
    "school court election board audit citizens district grant schedule response letter"
).split()


def _paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(3, 6)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def build_news_site(root: Path) -> None:
    """A front page, listing pages (gzip) and ARTICLES article pages of varying length."""
    rng = random.Random(20261128)
    (root / "news").mkdir(parents=True)
    (root / "list").mkdir()
    listings = (ARTICLES + PER_LISTING - 1) // PER_LISTING
    front = "".join(f'<li><a href="/list/{n}.html">Archive page {n}</a></li>' for n in range(1, listings + 1))
    (root / "index.html").write_text(f"<html><body><h1>Harbour Gazette</h1><ul>{front}</ul></body></html>")
    routes = []
    for n in range(1, listings + 1):
        first = (n - 1) * PER_LISTING + 1
        items = "".join(
            f'<li><a href="/news/{i}.html">Story {i}</a></li>'
            for i in range(first, min(first + PER_LISTING, ARTICLES + 1))
        )
        (root / "list" / f"{n}.html").write_text(f"<html><body><ul>{items}</ul></body></html>")
        routes.append(f'["/list/{n}.html"]\ncontent_encoding = "gzip"\n')
    for i in range(1, ARTICLES + 1):
        paragraphs = "".join(f"<p>{_paragraph(rng)}</p>" for _ in range(rng.randint(2, 9)))
        (root / "news" / f"{i}.html").write_text(
            "<html><head><title>Council statement {i}</title></head><body>"
            '<nav><a href="/">Home</a></nav>'
            f"<article><h1>Council statement number {i}</h1>"
            f'<p class="byline">By Staff Reporter {i % 7}</p>{paragraphs}</article>'
            "<footer>Harbour Gazette</footer></body></html>".replace("{i}", str(i))
        )
    (root / "_routes.toml").write_text("\n".join(routes))


@pytest.fixture(scope="module")
def rollover_crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("rollover")
    build_news_site(root / "site")
    out = root / "out"
    with SiteServer(root / "site") as site:
        result = run_presswarc(
            "crawl", site.url + "/", "--out", str(out), "--warc-max-size", "20000", *FAST,
            "-s", "EXTRACT_WORKERS=1", "-s", "EXTRACT_MAX_PENDING=2",
            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "PRESSWARC_MAX_PAGES_PER_PATTERN=1000",
            timeout=600,
        )  # fmt: skip
    return out, result.stdout + result.stderr


def test_the_crawl_rolled_over_many_times_and_logged_no_error(rollover_crawl: tuple[Path, str]) -> None:
    out, log = rollover_crawl
    assert len(warc_files(out)) > 20
    assert not list((out / "warc").glob("*.open"))
    assert "KeyError" not in log
    assert "ERROR" not in log
    archived = [line for line in read_crawl_log(out) if line["outcome"] == "archived"]
    assert sum("/news/" in line["url"] and line["status"] == 200 for line in archived) == ARTICLES


def test_every_article_has_one_row_and_one_pair_of_derived_records(rollover_crawl: tuple[Path, str]) -> None:
    out, _ = rollover_crawl
    responses: dict[str, tuple[str, int, str]] = {}  # record id -> (file, offset, url)
    derived: Counter[tuple[str, str]] = Counter()  # (type, refers-to)
    derived_file: dict[str, set[str]] = {}
    rows = []
    for path in warc_files(out):
        for record in read_records(path):
            headers = record["warc"]
            if record["type"] == "response":
                where = (path.name, record["offset"], headers["WARC-Target-URI"])
                responses[headers["WARC-Record-ID"]] = where
            elif record["type"] in ("conversion", "metadata"):
                derived[(record["type"], headers["WARC-Refers-To"])] += 1
                derived_file.setdefault(headers["WARC-Refers-To"], set()).add(path.name)
        rows += read_sidecar(path.with_name(sidecar_name(path.name)))
    articles = {rid: where for rid, where in responses.items() if "/news/" in where[2]}
    assert len(articles) == ARTICLES
    rows_per_record = Counter(row["warc_record_id"] for row in rows)
    for record_id, (filename, _, url) in articles.items():
        assert rows_per_record[record_id] == 1, url
        assert derived[("conversion", record_id)] == 1, url
        assert derived[("metadata", record_id)] == 1, url
        assert derived_file[record_id] == {filename}, url  # beside the response, never in a later file
    for row in rows:
        assert (row["warc_filename"], row["warc_offset"], row["url"]) == responses[row["warc_record_id"]]
    assert all(count == 1 for count in derived.values())
    # Each sidecar lists rows for its own WARC only.
    for path in warc_files(out):
        sidecar = path.with_name(sidecar_name(path.name))
        with gzip.open(sidecar, "rt") as stream:
            assert all(f'"warc_filename": "{path.name}"' in line for line in stream if line.strip())
