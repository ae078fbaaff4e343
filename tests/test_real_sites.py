"""Whole outlets, crawled the way a new user would: default trap settings, politeness lifted.

Real-world behaviour these tests stand for (fixtures in tests/outlet.py):

- a news CMS puts all of its articles under one URL pattern, reached through
  paginated listings: `/story.php?sid=N` (sid is the story id), ndsoft's
  `/news/articleView.html?idxno=N` with `articleList.html?page=N&sc_section_code=`,
  WordPress-like `/a/N.html` with `/archive/page/N/`;
- the site's first answer is a redirect to another origin of the same site
  (http → https, apex → www): here `http://127.0.0.1:P1/` → `http://localhost:P2/`;
- a calendar widget links month after empty month forever; a members area
  mints a new 32-hex session token in `sid` on every response; a "refresh"
  link changes a counter on every response under a name no list knows;
- the server cares how a link is spelled (`?flag`, `%20`, `;` in a query);
- the outlet links, and redirects to, a partner origin that is not in scope.

A crawl must archive every article once with its text, end the traps by
their shape, fetch and record every URL exactly as linked, and never contact
what is out of scope. Budgets that cut pages must say so.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Request

from archive import read_crawl_log
from archive.sidecars import sidecar_name
from crawler.guard import OutOfScope, ScopeGuardMiddleware
from crawler.sources import Scope, Source
from crawler.traps import (
    TrapGuard,
    budget_rule,
    dedup_key,
    is_session_param,
    link_print,
    next_barren,
    url_pattern,
)
from spiders.statements import StatementsSpider
from tests.conftest import FAST, run_presswarc
from tests.outlet import Outlet, OutletServer, redirector
from tests.warcs import all_records, warc_files

CRAWL = [*FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]


# --- the trap rules, one by one ---------------------------------------------------------------


def test_a_session_id_is_known_by_its_value_not_its_name() -> None:
    assert dedup_key("http://o.example/story.php?sid=101") != dedup_key("http://o.example/story.php?sid=102")
    token_a = "http://o.example/members.php?sid=8f14e45fceea167a5a36dedd4bea2543"
    token_b = "http://o.example/members.php?sid=c9f0f895fb98ab9159f51fd0297e236d"
    assert dedup_key(token_a) == dedup_key(token_b) == "http://o.example/members.php"
    assert dedup_key("http://o.example/a;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9?x=1") == (
        "http://o.example/a?x=1"
    )
    assert not is_session_param("sid", "101") and not is_session_param(
        "page", "8f14e45fceea167a5a36dedd4bea2543"
    )
    assert is_session_param("PHPSESSID", "k3j4h5g6f7d8s9a0q1w2e3r4t5")


def test_the_dedup_key_drops_tracking_and_is_at_least_as_coarse_as_scrapys_fingerprint() -> None:
    assert dedup_key("http://o.example/a/1.html?utm_source=x&fbclid=y#top") == "http://o.example/a/1.html"
    assert dedup_key("http://o.example/print.php?flag") == dedup_key("http://o.example/print.php?flag=")
    assert dedup_key("http://o.example/l?b=2&a=1") == dedup_key("http://o.example/l?a=1&b=2")
    assert dedup_key("http://o.example/docs/annual%20report.html") != dedup_key(
        "http://o.example/docs/annual"
    )


def test_url_patterns_blank_numbers_and_tokens() -> None:
    assert url_pattern("http://o.example/calendar?month=2031-04") == url_pattern(
        "http://o.example/calendar?month=2031-05"
    )
    assert url_pattern("http://o.example/a/1.html") == url_pattern("http://o.example/a/2.html")
    assert url_pattern("http://o.example/s/8f14e45fceea167a5a36dedd4bea2543/x") == "o.example/s/T/x?"
    assert url_pattern("http://o.example/a/1.html") != url_pattern("http://o.example/list?page=1")


def test_a_barren_chain_grows_only_through_same_pattern_pages_that_brought_nothing_new() -> None:
    month = "http://o.example/calendar?month=5"
    assert next_barren(month, 2, False, "http://o.example/calendar?month=6") == 3
    assert next_barren(month, 2, True, "http://o.example/calendar?month=6") == 0
    assert next_barren(month, 2, False, "http://o.example/a/1.html") == 0


def test_shape_rules_and_budgets_off_by_default() -> None:
    guard = TrapGuard()
    assert guard.refuse("http://o.example/" + "x/" * 16) == "trap: path deeper than 15 segments"
    assert "repeats" in (guard.refuse("http://o.example/deep/more/more/more/more/") or "")
    assert "longer" in (guard.refuse("http://o.example/?q=" + "x" * 2000) or "")
    assert all(guard.refuse(f"http://o.example/a/{n}.html") is None for n in range(20_000))
    assert "hops" in (guard.refuse("http://o.example/calendar?month=9", barren=6) or "")
    assert guard.refuse("http://o.example/calendar?month=9", barren=5) is None
    capped = TrapGuard(per_pattern=2)
    reasons = [capped.refuse(f"http://o.example/a/{n}.html") for n in range(3)]
    assert reasons[:2] == [None, None] and budget_rule(reasons[2] or "") == "PRESSWARC_MAX_PAGES_PER_PATTERN"


def spider_for(seed: str) -> StatementsSpider:
    return StatementsSpider(urls=seed)


def prints(*urls: str) -> frozenset[int]:
    return frozenset(link_print(dedup_key(url)) for url in urls)


def test_the_spider_ends_a_calendar_but_follows_pagination_to_its_end() -> None:
    """The spider's own routing, fed link lists by hand: no network needed to see the rule."""
    spider = spider_for("http://o.example/")
    home, page = "http://o.example/", "http://o.example/calendar?month=1"
    followed, barren, parent = [], 0, prints(home, page)  # month 1 was linked from the home page
    for number in range(2, 40):
        link = f"http://o.example/calendar?month={number}"
        requests = list(spider._follow_links(page, barren, [link, home], 1, parent))
        if not requests:
            break
        followed.append(link)
        page, barren, parent = (
            link,
            requests[0].meta["presswarc_barren"],
            requests[0].meta["presswarc_parent_links"],
        )
    assert len(followed) == 5

    spider = spider_for("http://o.example/")
    for url in [home, *(f"http://o.example/a/{n}.html" for n in range(4000))]:
        assert spider._request(url, "page") is not None  # found already, say through "related" links
    page, barren, parent, pages = "http://o.example/list?page=1", 0, prints(home), 1
    for number in range(2, 200):
        articles = [f"http://o.example/a/{number * 20 + k}.html" for k in range(20)]
        links = [*articles, f"http://o.example/list?page={number}", home]
        requests = list(spider._follow_links(page, barren, links, 1, parent))
        assert [r.url for r in requests] == [f"http://o.example/list?page={number}"]
        page, barren, parent = (
            requests[0].url,
            requests[0].meta["presswarc_barren"],
            requests[0].meta["presswarc_parent_links"],
        )
        pages += 1
    assert pages == 199 and barren == 0


def test_a_link_cut_by_a_barren_chain_is_scheduled_when_a_listing_finds_it() -> None:
    spider = spider_for("http://o.example/")
    cut = "http://o.example/a/7.html"
    assert not list(spider._follow_links("http://o.example/a/6.html", 5, [cut], 6))
    requests = list(spider._follow_links("http://o.example/list?page=1", 0, [cut], 1))
    assert [r.url for r in requests] == [cut]
    spider.closed("finished")
    assert not spider.deferred


def test_declared_articles_are_never_cut_by_a_barren_chain() -> None:
    spider = spider_for("http://o.example/")
    assert not list(spider._follow_links("http://o.example/a/6.html", 5, ["http://o.example/a/7.html"], 6))
    spider.scope = Scope([Source(name="o", seeds=("http://o.example/",), article_patterns=(r"/a/\d+",))])
    requests = list(spider._follow_links("http://o.example/a/8.html", 40, ["http://o.example/a/9.html"], 41))
    assert [r.url for r in requests] == ["http://o.example/a/9.html"] and requests[0].priority == 10


def guard_for(*seeds: str) -> tuple[ScopeGuardMiddleware, Scope]:
    scope = Scope([Source(name="outlet", seeds=seeds)])
    crawler: Any = SimpleNamespace(spider=SimpleNamespace(scope=scope))
    return ScopeGuardMiddleware(crawler), scope


def redirected(url: str, *chain: str) -> Request:
    return Request(url, meta={"redirect_urls": list(chain)})


def test_seed_redirects_join_scope_and_other_redirects_do_not() -> None:
    guard, scope = guard_for("http://outlet.example/")
    guard.process_request(redirected("https://outlet.example/", "http://outlet.example/"))
    guard.process_request(
        redirected("https://www.outlet.example/", "http://outlet.example/", "https://outlet.example/")
    )
    assert "https://www.outlet.example/a/1.html" in scope and "https://outlet.example/x" in scope
    with pytest.raises(OutOfScope, match="another origin"):
        guard.process_request(redirected("https://partner.example/", "https://www.outlet.example/a/1.html"))
    with pytest.raises(OutOfScope, match="another origin"):
        guard.process_request(Request("https://partner.example/"))
    for private in ("http://169.254.169.254/latest/", "http://10.0.0.8/", "http://localhost:8080/"):
        with pytest.raises(OutOfScope, match="address"):
            guard.process_request(redirected(private, "http://outlet.example/"))
    assert "http://10.0.0.8/" not in scope


def test_a_loopback_seed_may_redirect_to_another_loopback_origin() -> None:
    guard, scope = guard_for("http://127.0.0.1:8001/")
    guard.process_request(redirected("http://localhost:8002/", "http://127.0.0.1:8001/"))
    assert "http://localhost:8002/story.php?sid=1" in scope


# --- whole outlets ------------------------------------------------------------------------------


@dataclass
class OutletCrawl:
    out: Path
    site: OutletServer
    seed: OutletServer
    third: OutletServer
    base: str

    def responses(self) -> list[dict[str, Any]]:
        return [r for r in all_records(self.out) if r["type"] == "response"]


def sidecar_rows(out: Path) -> list[dict[str, Any]]:
    rows = []
    for path in warc_files(out):
        text = gzip.decompress(path.with_name(sidecar_name(path.name)).read_bytes()).decode("utf-8")
        rows += [json.loads(line) for line in text.splitlines()]
    return rows


@pytest.fixture(scope="module")
def outlet_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OutletCrawl]:
    with OutletServer(lambda target: (200, [], b"<html><body>partner</body></html>")) as third:
        outlet = Outlet(articles=1000, per_page=20, elsewhere=f"http://127.0.0.1:{third.port}")
        with OutletServer(outlet.respond) as site:
            base = f"http://localhost:{site.port}"
            with OutletServer(redirector(base)) as seed:
                out = tmp_path_factory.mktemp("outlet") / "out"
                run_presswarc(
                    "crawl", f"http://127.0.0.1:{seed.port}/", "--out", str(out), *CRAWL, timeout=600
                )
                yield OutletCrawl(out, site, seed, third, base)


def test_every_article_is_archived_once_with_its_text(outlet_crawl: OutletCrawl) -> None:
    stories = Counter(
        r["warc"]["WARC-Target-URI"].removeprefix(outlet_crawl.base)
        for r in outlet_crawl.responses()
        if "/story.php?" in r["warc"]["WARC-Target-URI"]
    )
    assert stories == Counter({f"/story.php?sid={n}": 1 for n in range(1, 1001)})
    rows = {row["url"]: row for row in sidecar_rows(outlet_crawl.out)}
    for n in range(1, 1001):
        assert f"hearing number {n * 10}." in rows[f"{outlet_crawl.base}/story.php?sid={n}"]["text"]
    lists = [t for t in outlet_crawl.site.targets() if t.startswith("/list?")]
    assert sorted(lists) == sorted(f"/list?page={n}" for n in range(1, 51))  # pagination to its end


def test_traps_end_by_their_shape(outlet_crawl: OutletCrawl) -> None:
    targets = outlet_crawl.site.targets()
    calendar = [t for t in targets if t.startswith("/calendar")]
    assert 2 <= len(calendar) <= 11  # the month linked + at most 5 barren hops either way
    assert len([t for t in targets if t.startswith("/members.php")]) == 1  # one page, whatever its token
    assert 2 <= len([t for t in targets if t.startswith("/board")]) <= 6
    log = read_crawl_log(outlet_crawl.out)
    trapped = {line["url"].split("?")[0] for line in log if "PRESSWARC_MAX_BARREN_HOPS" in line["reason"]}
    assert trapped == {f"{outlet_crawl.base}/calendar", f"{outlet_crawl.base}/board"}
    assert any(line["outcome"] == "duplicate" and "/members.php?sid=" in line["url"] for line in log)
    report = json.loads((outlet_crawl.out / "report.json").read_text())
    assert report["budget_cut"] == {} and report["finish_reason"] == "finished"


def test_urls_are_fetched_and_recorded_exactly_as_linked(outlet_crawl: OutletCrawl) -> None:
    targets = outlet_crawl.site.targets()
    for spelled in ("/print.php?flag", "/docs/annual%20report.html", "/search.php?tags=trade;energy"):
        assert targets.count(spelled) == 1, spelled
    assert all(status != 404 for _, _, status in outlet_crawl.site.requests)  # no respelled request
    recorded = {
        r["warc"]["WARC-Target-URI"]
        for r in outlet_crawl.responses()
        if outlet_crawl.base in r["warc"]["WARC-Target-URI"]
    }
    assert recorded == {outlet_crawl.base + t for t in targets}
    assert f"{outlet_crawl.base}/print.php?flag" in recorded
    assert sum("/story.php?sid=" in t for t in targets) == 1000


def test_a_seed_redirect_joins_scope_and_nothing_else_is_contacted(outlet_crawl: OutletCrawl) -> None:
    assert sorted(outlet_crawl.seed.targets()) == ["/", "/robots.txt"]
    assert {host for host, _, _ in outlet_crawl.site.requests} == {outlet_crawl.base.removeprefix("http://")}
    assert outlet_crawl.third.requests == []
    log = {line["url"]: line for line in read_crawl_log(outlet_crawl.out)}
    assert log[f"{outlet_crawl.base}/go-elsewhere"]["outcome"] == "archived"  # the 302 itself
    partner = f"http://127.0.0.1:{outlet_crawl.third.port}"
    assert log[f"{partner}/from-redirect.html"]["outcome"] == "refused"
    assert log[f"{partner}/elsewhere.html"]["outcome"] == "skipped"


OTHER_CMSES = {
    "ndsoft": Outlet(
        articles=150,
        per_page=15,
        article_path=lambda n: f"/news/articleView.html?idxno={n}",
        list_path=lambda n: f"/news/articleList.html?page={n}&sc_section_code=S1N2&view_type=sm",
        spelling={},
    ),
    "blog": Outlet(
        articles=130,
        per_page=30,
        article_path=lambda n: f"/a/{n}.html",
        list_path=lambda n: f"/archive/page/{n}/",
        spelling={},
    ),
}


def test_other_cms_url_shapes_are_crawled_whole(tmp_path: Path) -> None:
    with (
        OutletServer(OTHER_CMSES["ndsoft"].respond) as ndsoft,
        OutletServer(OTHER_CMSES["blog"].respond) as blog,
    ):
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nname = "ndsoft"\nseeds = ["http://127.0.0.1:{ndsoft.port}/"]\n'
            'article_patterns = ["/news/articleView"]\n'
            f'[[source]]\nname = "blog"\nseeds = ["http://127.0.0.1:{blog.port}/"]\n'
        )
        run_presswarc("crawl", "--sources", str(sources), "--out", str(tmp_path / "out"), *CRAWL, timeout=600)
    rows = Counter(row["url"] for row in sidecar_rows(tmp_path / "out"))
    for name, server in (("ndsoft", ndsoft), ("blog", blog)):
        outlet, base = OTHER_CMSES[name], f"http://127.0.0.1:{server.port}"
        articles = [outlet.article_path(n) for n in range(1, outlet.articles + 1)]
        assert all(rows[base + path] == 1 for path in articles), name
        assert all(server.targets().count(path) == 1 for path in articles), name
        listings = [outlet.list_path(n) for n in range(1, outlet.pages() + 1)]
        assert all(path in server.targets() for path in listings), name
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["budget_cut"] == {}


def test_a_budget_that_cuts_pages_says_so(tmp_path: Path) -> None:
    """--max-pages 25 and 10 pages per pattern: both cut (some 25 pages are wanted besides articles)."""
    outlet = Outlet(articles=80, per_page=20, article_path=lambda n: f"/a/{n}.html", spelling={})
    with OutletServer(outlet.respond) as site:
        result = run_presswarc(
            "crawl",
            f"http://127.0.0.1:{site.port}/",
            "--out",
            str(tmp_path),
            "--max-pages",
            "25",
            "-s",
            "PRESSWARC_MAX_PAGES_PER_PATTERN=10",
            *CRAWL,
        )
    report = json.loads((tmp_path / "report.json").read_text())
    cut = report["budget_cut"]
    assert set(cut) == {"--max-pages", "PRESSWARC_MAX_PAGES_PER_PATTERN"} and all(cut.values())
    skipped = [line for line in read_crawl_log(tmp_path) if line["reason"].startswith("budget: ")]
    assert sum(cut.values()) == len(skipped)
    assert sum(t.startswith("/a/") for t in site.targets()) == 10
    assert f"{sum(cut.values())} discovered pages were NOT crawled" in result.stderr
