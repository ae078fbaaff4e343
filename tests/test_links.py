"""`crawler.links.page_links` finds the same URLs as Scrapy's LinkExtractor, cheaper.

Real-world behaviour stood for: news pages repeat one navigation on every
page (rooted `/section/` paths and absolute URLs), mix in page-relative
links (`../`, `?page=2`, `#comments`), a `<base href>` now and then,
whitespace around hrefs from templating, non-ASCII paths, mailto: and
javascript: links, downloads (.pdf, .jpg) and broken URLs. The spider's
routing must not change when link extraction gets faster, so each page is
checked against LinkExtractor(deny_extensions=None, unique=True) under
several page URLs, with the memo shared across pages and origins.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.http import HtmlResponse
from scrapy.linkextractors import LinkExtractor

from crawler.links import page_links

NAV = (
    '<nav><a href="/">Home</a> <a href=" /politics/\n">Politics</a> <a href="https://news.example/world/">World</a>'
    ' <a href="//cdn.example/press/">Press</a> <a href="HTTPS://Other.Example/A?b=1">Partner</a></nav>'
)
PAGES = [
    f"<html><body>{NAV}<a href='story-2.html'>next</a><a href='../archive/?page=2'>older</a>"
    "<a href='#comments'>comments</a><a href=''>self</a><a href='report.pdf'>pdf</a>"
    "<a href='mailto:desk@news.example'>mail</a><a href='javascript:void(0)'>js</a></body></html>",
    f"<html><head><base href='/briefings/2031/'></head><body>{NAV}<a href='statement.html'>s</a>"
    "<area href='/map/region-4'><a href='http:relative.html'>odd</a><a href='1http://x'>digit scheme</a>"
    "<a href='http://[broken'>broken</a><a href='/café menu'>café</a><a href='?q=été'>q</a></body></html>",
    f"<html><body>{NAV}{NAV}<a href='/politics/'>again</a><a href='photo.JPG'>img</a>"
    "<a href='ftp://files.example/a.txt'>ftp</a><a>no href</a><a href='/politics/#top'>top</a></body></html>",
]
PAGE_URLS = [
    "https://news.example/politics/2031/story-1.html",
    "http://news.example:8080/",
    "https://news.example/world/asia/index.html?page=3",
]


def _extractor_urls(url: str, body: str, encoding: str) -> list[str]:
    response = HtmlResponse(url, body=body.encode(encoding, errors="xmlcharrefreplace"), encoding=encoding)
    return [link.url for link in LinkExtractor(deny_extensions=None, unique=True).extract_links(response)]


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_page_links_equal_link_extractor(encoding: str) -> None:
    compared = 0
    for url in PAGE_URLS:
        for body in PAGES:
            expected = _extractor_urls(url, body, encoding)
            raw = body.encode(encoding, errors="xmlcharrefreplace")
            assert page_links(HtmlResponse(url, body=raw, encoding=encoding)) == expected, url
            compared += len(expected)
    assert compared > 60


def test_relative_links_follow_each_page_not_the_memo() -> None:
    """The same relative href on two pages resolves against each page."""
    body = PAGES[0].encode()
    first = page_links(HtmlResponse("https://news.example/a/one.html", body=body, encoding="utf-8"))
    second = page_links(HtmlResponse("https://news.example/b/one.html", body=body, encoding="utf-8"))
    assert "https://news.example/a/story-2.html" in first
    assert "https://news.example/b/story-2.html" in second
    assert "https://news.example/politics/" in first and "https://news.example/politics/" in second
    assert not any(u.endswith((".pdf", "mailto:desk@news.example")) for u in first)


def test_test_sites_pages_agree() -> None:
    """Every HTML fixture of the test sites, under two page URLs."""
    files = sorted((Path(__file__).parent / "sites").rglob("*.htm*"))
    assert files, "tests/sites has HTML pages"
    for url in ("http://127.0.0.1:8000/a/b.html", "https://site.example/"):
        for path in files:
            body = path.read_bytes()
            expected = [
                link.url
                for link in LinkExtractor(deny_extensions=None, unique=True).extract_links(
                    HtmlResponse(url, body=body, encoding="utf-8")
                )
            ]
            assert page_links(HtmlResponse(url, body=body, encoding="utf-8")) == expected, path
