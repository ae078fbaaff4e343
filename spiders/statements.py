"""The generic `statements` spider: seeds, sitemaps and feeds from sources data.

It only routes: which URLs to schedule (in scope, not seen under their
dedup key, not a trap, within budgets) and which responses to follow. URLs
are requested exactly as linked; the dedup key is only a key. Archiving happens at the downloader edge,
extraction in the pool; every URL it decides not to fetch gets an outcome.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.crawlstate import CrawlStateLink, uses_state
from crawler.discovery import feed_entries, sitemap_entries
from crawler.from_archive import NotInArchive
from crawler.links import page_links
from crawler.outcomes import url_outcome
from crawler.redis_frontier import release_lease
from crawler.sources import Scope, Source, load_sources, sources_from_urls, split_url_list
from crawler.traps import TrapGuard, canonical_form, dedup_key, link_print, next_barren, url_pattern

ROLE = "presswarc_role"
DEPTH = "presswarc_depth"
BARREN = "presswarc_barren"  # hops through same-pattern pages that brought nothing new
PARENT_LINKS = "presswarc_parent_links"  # link_print()s of the page that linked this one


class StatementsSpider(scrapy.Spider):
    name = "statements"

    def __init__(
        self,
        urls: str = "",
        sources: str = "",
        max_pages: str | int = 0,
        max_depth: str | int = -1,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        found: list[Source] = []
        if sources:
            found += load_sources(Path(sources))
        found += sources_from_urls(split_url_list(str(urls)))
        if not found:
            raise ValueError("statements spider needs urls=... or sources=FILE")
        self.scope = Scope(found)
        self.max_pages = int(max_pages or 0)
        self.max_depth = int(max_depth if max_depth not in ("", None) else -1)
        self.scheduled = 0
        self.seen: set[str] = set()
        self.deferred: dict[str, tuple[str, str]] = {}
        self.traps = TrapGuard()
        self.state: CrawlStateLink | None = None
        self.refetch_after = timedelta(days=1)
        self.resuming = False
        """A killed crawl's frontier is being finished: nothing it archived is fetched again."""

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> StatementsSpider:
        spider: StatementsSpider = super().from_crawler(crawler, *args, **kwargs)
        spider.traps = TrapGuard.from_settings(crawler.settings)
        if uses_state(crawler.settings):
            spider.state = CrawlStateLink.of(crawler)
        spider.refetch_after = timedelta(seconds=crawler.settings.getfloat("PRESSWARC_REFETCH_AFTER", 86400))
        return spider

    def _outcome(self, url: str, outcome: str, reason: str) -> None:
        if getattr(self, "crawler", None) is not None:
            self.crawler.signals.send_catch_log(url_outcome, url=url, outcome=outcome, reason=reason)

    def _request(
        self,
        url: str,
        role: str,
        depth: int = 0,
        barren: int = 0,
        parent_links: frozenset[int] = frozenset(),
        listed: bool = False,
        lastmod: datetime | None = None,
    ) -> scrapy.Request | None:
        """A request for the URL as linked (fragment aside), or None with the URL's outcome.

        Refusals that a later discovery can lift (out of scope before a seed
        redirect widened it, a barren chain reached by a shorter one later)
        are held back and logged at close if still standing. A URL the
        source's `article_patterns` declare an article is never cut by a
        barren chain (article-to-article "related" links).
        """
        url = urldefrag(url)[0]
        key = dedup_key(url)
        if key in self.seen:
            if key != canonical_form(url):
                reason = "same page as a scheduled URL once session ids and tracking parameters are set aside"
                self._outcome(url, "duplicate", reason)
            return None
        if url not in self.scope:
            self.deferred.setdefault(key, (url, "out of scope: another origin"))
            return None
        source = self.scope.source_for(url)
        declared_article = source is not None and bool(source.article_patterns) and source.is_article(url)
        barren_trap = None if declared_article else self.traps.barren_trap(url, barren)
        if barren_trap is not None:
            self.deferred.setdefault(key, (url, barren_trap))
            return None
        self.seen.add(key)
        self.deferred.pop(key, None)
        checked = (declared_article or listed or self.resuming) and role == "page"
        fresh = self._fresh(url, lastmod) if checked else None
        if fresh is not None:
            self._outcome(url, "skipped", fresh)
            return None
        if self.max_pages and self.scheduled >= self.max_pages:
            self._outcome(url, "skipped", f"budget: --max-pages {self.max_pages} reached")
            return None
        refusal = self.traps.shape_trap(url) or self.traps.budget(url)
        if refusal is not None:
            self._outcome(url, "skipped", refusal)
            return None
        self.scheduled += 1
        article_first = 10 if declared_article else 0
        if listed and self.state is not None and self.state.incremental and self.state.last(url) is None:
            article_first += 20  # a sitemap or feed item never archived: new items first
        if self.state is not None:  # in the frontier until its final outcome: a killed crawl resumes it
            self.state.add_pending(url, role, depth, article_first, {"barren": barren})
        return scrapy.Request(
            url,
            callback=self.parse,
            errback=self.failed,
            priority=article_first,
            meta={ROLE: role, DEPTH: depth, BARREN: barren, PARENT_LINKS: parent_links},
        )

    async def start(self) -> Any:
        if self.state is not None:  # what an interrupted crawl left pending comes first
            self.resuming = self.state.incremental and self.state.state.pending_count() > 0
            for pending in self.state.state.pending():
                barren = int(pending.meta.get("barren", 0))
                request = self._request(pending.url, pending.role, pending.depth, barren)
                if request is not None:
                    yield request
        for source in self.scope.sources:
            for role, urls in (("sitemap", source.sitemaps), ("feed", source.feeds), ("page", source.seeds)):
                for url in urls:
                    if (request := self._request(url, role)) is not None:
                        yield request

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        try:
            yield from self._read_page(response)
        finally:  # even if reading the page failed: a held Redis lease would keep every worker waiting
            if response.request is not None:
                release_lease(self.crawler, response.request)

    def _read_page(self, response: Response) -> Iterator[Any]:
        role = response.meta.get(ROLE, "page")
        depth = response.meta.get(DEPTH, 0)
        self.seen.add(dedup_key(response.url))  # a redirect's target is known now too
        if role == "sitemap":
            kind, entries = sitemap_entries(response.body)
            yield from self._follow(entries, "sitemap" if kind == "sitemapindex" else "page", depth)
        elif role == "feed":
            yield from self._follow(feed_entries(response.body, response.url), "page", depth)
        elif isinstance(response, scrapy.http.HtmlResponse) and not (0 <= self.max_depth <= depth):
            links = page_links(response)
            barren, parent_links = response.meta.get(BARREN, 0), response.meta.get(PARENT_LINKS, frozenset())
            yield from self._follow_links(response.url, barren, links, depth, parent_links)
        if self.state is not None and response.request is not None:
            self.state.finished(response.request)  # after its links are pending, the page is done

    def _follow(
        self, entries: Iterable[tuple[str, datetime | None]], role: str, depth: int
    ) -> Iterator[scrapy.Request]:
        """Items of a sitemap or feed, with the date it gives each (lastmod, pubDate).

        In an incremental crawl the items never archived are yielded first: their priority puts
        them first in the queue, but the downloader may start on the first items yielded before
        the rest are queued, so the yield order must say the same.
        """
        state = self.state
        if state is not None and state.incremental:
            entries = sorted(entries, key=lambda entry: state.last(entry[0]) is not None)
        for url, lastmod in entries:
            request = self._request(url, role, depth + 1, listed=True, lastmod=lastmod)
            if request is not None:
                yield request

    def _fresh(self, url: str, lastmod: datetime | None) -> str | None:
        """Why an archived article need not be fetched again yet, or None.

        Only in an incremental crawl, for articles (declared, or listed by a
        sitemap or feed), and for every page while resuming a killed crawl:
        fetched again once `PRESSWARC_REFETCH_AFTER` has passed since its copy
        was last confirmed, or at once when the sitemap or feed dates it after.
        """
        if self.state is None or not self.state.incremental or self.state.is_pending(url):
            return None  # a pending URL's links were never read: fetch it
        if self.resuming:  # anything the killed run archived (a redirect too) and finished stays done
            last = self.state.last(url)
            if last is not None and datetime.now(UTC) - last.fetched_at < self.refetch_after:
                return "fresh: archived by the interrupted crawl this run resumes"
        if self.state.is_due(url, self.refetch_after, lastmod):
            return None
        hours = self.refetch_after.total_seconds() / 3600
        return f"fresh: copy confirmed less than {hours:g} h ago (PRESSWARC_REFETCH_AFTER), not dated newer"

    def _follow_links(
        self,
        page_url: str,
        page_barren: int,
        links: list[str],
        depth: int,
        parent_links: frozenset[int] = frozenset(),
    ) -> Iterator[scrapy.Request]:
        """Links of an HTML page, each with its barren-chain length (crawler/traps.py).

        The page brought news if it links, in scope, a URL of another pattern
        than its own that the page which linked it did not link: a listing's
        next page does (its articles), a calendar's next month does not (the
        same site chrome). Comparing with the parent, not with everything
        seen, keeps the rule independent of crawl order.
        """
        page_pattern = url_pattern(page_url)
        prints = {url: link_print(dedup_key(urldefrag(url)[0])) for url in links}
        brought_news = any(
            prints[url] not in parent_links
            and url_pattern(url) != page_pattern
            and url in self.scope
            and self.traps.shape_trap(url) is None
            for url in links
        )
        these_links = frozenset(prints.values())
        for url in links:
            barren = next_barren(page_url, page_barren, brought_news, url)
            if (request := self._request(url, "page", depth + 1, barren, these_links)) is not None:
                yield request

    def closed(self, reason: str) -> None:
        """Log the held-back refusals that no later discovery lifted."""
        for url, why in self.deferred.values():
            self._outcome(url, "skipped", why)
        self.deferred.clear()

    def failed(self, failure: Failure) -> None:
        """Final outcome of a request that did not end in a followed response.

        When the request was sent, the line carries the number of attempts
        (retries included) and, if the last attempt got an answer, its status.
        """
        request = failure.request  # type: ignore[attr-defined]
        error = failure.value
        if self.state is not None:
            self.state.finished(request)
        release_lease(self.crawler, request)
        attempts = request.meta.get("retry_times", 0) + 1
        fields: dict[str, Any] = {}
        if isinstance(error, HttpError):
            response = error.response
            fields = {"status": response.status, "attempts": attempts}
            location = response.headers.get(b"Location")
            if 300 <= response.status < 400 and location:
                target = location.decode("latin-1")
                outcome, reason = "refused", f"redirect not followed (non-HTTP or unusable target): {target}"
            else:
                outcome, reason = "http-error", f"HTTP {response.status}"
        elif isinstance(error, NotInArchive):
            outcome, reason = "not-in-archive", str(error)
        elif isinstance(error, scrapy.exceptions.IgnoreRequest):
            outcome, reason = "refused", str(error) or type(error).__name__
        else:
            outcome, reason = "failed", f"{type(error).__name__}: {error}"[:500]
            fields = {"attempts": attempts}
        if getattr(self, "crawler", None) is not None:
            self.crawler.signals.send_catch_log(
                url_outcome, url=request.url, outcome=outcome, reason=reason, **fields
            )
