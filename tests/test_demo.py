"""The demo is a user's first impression: every failure it shows is deliberate and explained.

Real-world stand-in: news sites whose menus, section lists, reporter pages and
related-article boxes all lead somewhere, plus the few dead ends any crawler
meets on the real web and the demo keeps on purpose: a login area behind
robots.txt, an article the newsroom deleted (404), a CMS error that survives
retries (500). Each is listed with its reason in the site's `_expected.toml`,
and `presswarc demo` prints them under "expected".
"""

from __future__ import annotations

import html
import json
import re
import shutil
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from crawler.demo.expected import explain_outcomes, format_explanations, load_expected, request_target
from crawler.demo.run import SITES_DIR, demo_site_names
from crawler.demo.siteserver import SiteServer

LINK = re.compile(r"""(?:href|src)="([^"]+)"|<(?:loc|link)>([^<]+)</""")


def test_the_demo_crawl_has_no_unexplained_failure(demo_crawl: Path) -> None:
    result = explain_outcomes(demo_crawl, SITES_DIR)
    assert result.unexplained == []
    assert result.unseen == [], "an expected failure no longer happens: update _expected.toml"
    report = json.loads((demo_crawl / "report.json").read_text(encoding="utf-8"))
    outcomes = [line["outcome"] for _, line in result.explained]
    assert report["failed"] == outcomes.count("http-error") + outcomes.count("failed") == 3
    assert report["refused"] == outcomes.count("refused") == 3
    assert report["skipped"] == 0 and report["extracted"] == 4


def site_links(site: Path, origin: str) -> set[str]:
    """Every same-site request target the pages, sitemaps and feeds of a demo site link to."""
    targets = set()
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".xml") or not path.is_file():
            continue
        page = "/" + str(path.relative_to(site)).removesuffix("index.html")
        text = path.read_text(encoding="utf-8").replace("{{origin}}", origin)
        for match in LINK.finditer(text):
            url = urljoin(origin + page, html.unescape(match.group(1) or match.group(2)).strip())
            if url.startswith(origin + "/"):
                targets.add(request_target(url))
    routes = tomllib.loads((site / "_routes.toml").read_text(encoding="utf-8"))
    for route, fields in routes.items():  # pages written inline in _routes.toml
        for match in LINK.finditer(str(fields.get("body", ""))):
            url = urljoin(origin + route, html.unescape(match.group(1) or match.group(2)).strip())
            if url.startswith(origin + "/"):
                targets.add(request_target(url))
    return targets


@pytest.mark.parametrize("name", demo_site_names())
def test_every_link_in_a_demo_site_leads_to_a_page_or_is_expected(name: str) -> None:
    expected = [entry for entry in load_expected(SITES_DIR) if entry.site == name]
    with SiteServer(SITES_DIR / name) as server:
        targets = site_links(SITES_DIR / name, server.url)
        assert len(targets) >= 3
        dead = []
        for target in sorted(targets):
            try:
                urllib.request.urlopen(server.url + target, timeout=20).close()
            except urllib.error.HTTPError as exc:
                if not any(entry.matches(name, target, entry.outcome) for entry in expected):
                    dead.append(f"{target}: {exc.code}")
    assert dead == []


def test_an_unexplained_failure_is_counted_and_printed(demo_crawl: Path, tmp_path: Path) -> None:
    """The check can fail: an extra 404, a wrong outcome and a missing expected failure all show."""
    shutil.copy(demo_crawl / "sources.toml", tmp_path / "sources.toml")
    lines = [json.loads(line) for line in (demo_crawl / "crawl.log").read_text().splitlines()]
    server_error = next(
        line for line in lines if "idxno=20912" in line["url"] and line["outcome"] != "archived"
    )
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(server_error["url"]))
    lines = [line for line in lines if line is not server_error]
    lines.append({"url": f"{origin}/news/articleList.html?sc_section_code=S9", "outcome": "http-error"})
    lines.append({"url": f"{origin}/member/login.html", "outcome": "http-error"})
    (tmp_path / "crawl.log").write_text("".join(json.dumps(line) + "\n" for line in lines))

    result = explain_outcomes(tmp_path, SITES_DIR)
    assert [request_target(line["url"]) for line in result.unexplained] == [
        "/news/articleList.html?sc_section_code=S9",
        "/member/login.html",
    ]
    assert [entry.target for entry in result.unseen] == ["/news/articleView.html?idxno=20912"]
    printed = format_explanations(result)
    assert "unexplained failures: 2" in printed
    assert "did not happen: http-error koreanews /news/articleView.html?idxno=20912" in printed
