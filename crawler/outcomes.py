"""Every URL's outcome, in the crawl log; the end-of-crawl report.

One `OutcomeLog` per crawler, shared by the recorder (what was fetched),
the spider (what it chose not to fetch, via the `url_outcome` signal), the
request errbacks (how a request finally failed) and the scheduler (what it
dropped as a duplicate or redirect loop).
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler

from archive import CrawlLog
from crawler.percrawler import archive_dir, one_per_crawler
from crawler.traps import budget_rule

logger = logging.getLogger(__name__)

url_outcome = object()
"""Signal: url_outcome(url=str, outcome=str, reason=str[, status=int, attempts=int]).

A URL's final outcome; `status` and `attempts` (retries included) when it was fetched.
"""

REPORT_NAME = "report.json"
FETCHED = ("archived", "replayed", "revisited")


def reason_kind(reason: str) -> str:
    """A reason without its URLs, numbers and details, for counting by kind."""
    kind = re.sub(r"<[^>]*>|\w+://\S+", "URL", reason)
    kind = re.sub(r"(?<!HTTP )\b\d+", "N", kind.split(" (")[0])
    return kind[:90]


class OutcomeLog:
    """Writes outcome lines and counts them for the final report."""

    def __init__(self, crawler: Crawler, out_dir: Path) -> None:
        self.crawler = crawler
        self.out_dir = out_dir
        self.log = CrawlLog(out_dir)
        self.counts: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.budget_cut: Counter[str] = Counter()  # pages a count budget kept out, by setting/option
        self._seen: set[tuple[str, str]] = set()
        crawler.signals.connect(self._on_outcome, signal=url_outcome)
        crawler.signals.connect(self._on_dropped, signal=signals.request_dropped)
        crawler.signals.connect(self._write_report, signal=signals.engine_stopped)

    @classmethod
    def of(cls, crawler: Crawler) -> OutcomeLog:
        """The crawler's one OutcomeLog (created on first use)."""
        return one_per_crawler(crawler, "outcomes", lambda: cls(crawler, archive_dir(crawler)))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OutcomeLog:  # as a Scrapy extension
        return cls.of(crawler)

    def write(self, url: str, outcome: str, reason: str = "", once: bool = False, **fields: Any) -> None:
        if once:
            if (url, outcome) in self._seen:
                return
            self._seen.add((url, outcome))
        self.counts[outcome] += 1
        if outcome not in FETCHED or reason:
            self.reasons[f"{outcome}: {reason_kind(reason)}"] += 1
        if outcome == "skipped" and (rule := budget_rule(reason)) is not None:
            self.budget_cut[rule] += 1
        self.log.write(url, outcome, reason=reason, **fields)

    def _on_outcome(
        self, url: str, outcome: str, reason: str = "", status: int | None = None, attempts: int | None = None
    ) -> None:
        extra = {"attempts": attempts} if attempts is not None else {}
        self.write(url, outcome, reason, once=True, status=status, **extra)

    def _on_dropped(self, request: Request) -> None:
        earlier = request.meta.get("redirect_urls")
        if earlier and request.url in earlier:
            chain = " -> ".join([*earlier, request.url])
            self.write(request.url, "refused", reason=f"redirect loop: {chain}"[:500])
        elif earlier:
            reason = f"redirected here from {earlier[-1]}; already scheduled"
            self.write(request.url, "duplicate", reason=reason)
        else:
            self.write(request.url, "duplicate", reason="already scheduled", once=True)

    def report(self) -> dict[str, Any]:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        return {
            "pages_archived": self.counts["archived"],
            "pages_revisited": self.counts["revisited"],
            "extracted": stats.get("presswarc/extracted", 0),
            "no_article": stats.get("presswarc/no_article", 0),
            "refused": self.counts["refused"],
            "skipped": self.counts["skipped"],
            "failed": self.counts["failed"] + self.counts["http-error"],
            "outcomes": dict(self.counts),
            "by_reason": dict(self.reasons.most_common()),
            "budget_cut": dict(self.budget_cut.most_common()),
            "finish_reason": stats.get("finish_reason"),
        }

    def _write_report(self) -> None:
        report = self.report()
        if self.budget_cut:
            cut = ", ".join(f"{rule} {count}" for rule, count in self.budget_cut.most_common())
            logger.warning(
                "%d discovered pages were NOT crawled because a page budget was reached (%s), "
                "and pages they link were never discovered: raise or unset it to crawl them",
                sum(self.budget_cut.values()),
                cut,
            )
        path = self.out_dir / REPORT_NAME
        path.write_text(json.dumps(report, indent=2, sort_keys=True), encoding="utf-8")
        self.log.close()
