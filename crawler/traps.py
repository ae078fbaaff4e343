"""Crawler traps: session ids, calendars, endlessly deepening paths.

URLs are canonicalised (session-like parameters and `;jsessionid=` dropped)
before they are scheduled, and budgets end what canonicalisation cannot:
pages per host, pages per URL pattern (digits and query values blanked, so
`/calendar?month=2031-04` and `/calendar?month=2031-05` are one pattern),
path depth and repeated path segments.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapy.settings import BaseSettings

SESSION_PARAMS = re.compile(
    r"^(?:sid|sess|session|sessionid|session_id|phpsessid|jsessionid|aspsessionid\w*|cfid|cftoken"
    r"|utm_\w+|fbclid|gclid|mc_eid|_hsenc|_hsmi)$",
    re.IGNORECASE,
)
PATH_SESSION = re.compile(r";(?:jsessionid|sid|phpsessid)=[^/?#]*", re.IGNORECASE)
DIGITS = re.compile(r"\d+")


def canonical_url(url: str) -> str:
    """The URL without session ids, tracking parameters or fragment."""
    parts = urlsplit(url)
    path = PATH_SESSION.sub("", parts.path)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not SESSION_PARAMS.match(k)]
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query, doseq=True), ""))


def url_pattern(url: str) -> str:
    parts = urlsplit(url)
    keys = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{parts.netloc}{DIGITS.sub('N', parts.path)}?{'&'.join(keys)}"


class TrapGuard:
    def __init__(
        self,
        per_host: int = 5000,
        per_pattern: int = 200,
        max_segments: int = 15,
        max_repeats: int = 3,
        max_url_length: int = 2000,
    ) -> None:
        self.per_host = per_host
        self.per_pattern = per_pattern
        self.max_segments = max_segments
        self.max_repeats = max_repeats
        self.max_url_length = max_url_length
        self.hosts: Counter[str] = Counter()
        self.patterns: Counter[str] = Counter()

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> TrapGuard:
        return cls(
            per_host=settings.getint("PRESSWARC_MAX_PAGES_PER_HOST", 5000),
            per_pattern=settings.getint("PRESSWARC_MAX_PAGES_PER_PATTERN", 200),
            max_segments=settings.getint("PRESSWARC_MAX_PATH_SEGMENTS", 15),
            max_repeats=settings.getint("PRESSWARC_MAX_SEGMENT_REPEATS", 3),
            max_url_length=settings.getint("PRESSWARC_MAX_URL_LENGTH", 2000),
        )

    def refuse(self, url: str) -> str | None:
        """Why this URL must not be scheduled, or None; counts it against budgets if not."""
        if len(url) > self.max_url_length:
            return f"trap: URL longer than {self.max_url_length} characters"
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) > self.max_segments:
            return f"trap: path deeper than {self.max_segments} segments"
        if segments and max(Counter(segments).values()) > self.max_repeats:
            return f"trap: a path segment repeats more than {self.max_repeats} times"
        pattern = url_pattern(url)
        if self.patterns[pattern] >= self.per_pattern:
            return f"budget: {self.per_pattern} pages for pattern {pattern}"
        if self.hosts[parts.netloc] >= self.per_host:
            return f"budget: {self.per_host} pages for host {parts.netloc}"
        self.patterns[pattern] += 1
        self.hosts[parts.netloc] += 1
        return None
