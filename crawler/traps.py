"""Crawler traps: calendars, session loops, deepening paths; and the dedup key.

No rule here counts pages an outlet's own articles could reach. Each trap
ends by a rule about its shape instead:

- calendars and session loops: a *barren chain* — a run of pages of one URL
  pattern, each reached from the previous, none of which linked a URL of
  another pattern that its predecessor did not link — is not followed past
  `PRESSWARC_MAX_BARREN_HOPS` hops. Each page of a listing links articles the
  previous page did not, so pagination resets the chain and is followed to
  its end; a calendar's empty months link the same site chrome every time;
- session ids: a parameter whose *value* is a long random token (`sid`,
  `PHPSESSID`, `;jsessionid=` ...) is left out of the duplicate key, so the
  same page linked with a new token every time is fetched once;
- deepening paths: path depth and repeated segments (as Heritrix's
  TooManyPathSegments and PathologicalPath rules), and URL length.

Per-host and per-pattern page budgets remain as settings, off by default;
when any budget cuts pages the crawl report says so (`budget_cut`).

URLs are fetched and recorded exactly as linked; the canonical form below
only keys the spider's duplicate filter.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapy.settings import BaseSettings
from w3lib.url import canonicalize_url

TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_eid|mc_cid|_hsenc|_hsmi|igshid)$", re.IGNORECASE
)
SESSION_NAMES = re.compile(
    r"^(?:sid|sess|session|sessid|sessionid|session_id|phpsessid|jsessionid|aspsessionid\w*|cfid|cftoken|s)$",
    re.IGNORECASE,
)
TOKEN = re.compile(
    r"(?=[0-9A-Za-z_-]*[0-9])[0-9A-Za-z_-]{16,}(?:\.[0-9A-Za-z_-]+)?"  # PHP, Java (with .node), ASP.NET
    r"|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"  # a UUID
)
PATH_SESSION = re.compile(r";(?:jsessionid|sid|phpsessid)=[^/?#]*", re.IGNORECASE)
DIGITS = re.compile(r"\d+")

URL_CACHE_SIZE = 4096
"""Entries per memo below: a site's navigation links recur on every page, so the same URLs are
keyed, patterned and fingerprinted over and over; bounded, so memory stays flat with crawl length."""


@lru_cache(maxsize=URL_CACHE_SIZE)
def canonical_form(url: str) -> str:
    """w3lib's `canonicalize_url`, memoised (it is pure and costs ~20 µs a call)."""
    return canonicalize_url(url)


def is_token(value: str) -> bool:
    """A long random-looking value (with a digit), as session ids are; `101` is not."""
    return TOKEN.fullmatch(value) is not None


def is_session_param(name: str, value: str) -> bool:
    """A session id by name *and* value: `sid=101` is a story, `sid=8f14e45f...` a session."""
    return SESSION_NAMES.match(name) is not None and is_token(value)


@lru_cache(maxsize=URL_CACHE_SIZE)
def dedup_key(url: str) -> str:
    """The key under which two spellings of a URL are one page.

    w3lib's canonical form (sorted query, `?flag` = `?flag=`, no fragment),
    minus tracking parameters and session-token parameters. At least as
    coarse as Scrapy's request fingerprint, so its duplicate filter never
    drops a request this key keeps apart.
    """
    parts = urlsplit(url)
    path = PATH_SESSION.sub("", parts.path)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not TRACKING_PARAMS.match(k) and not is_session_param(k, v)]
    query = parts.query if len(kept) == len(pairs) else urlencode(kept, doseq=True)
    return canonical_form(urlunsplit((parts.scheme, parts.netloc, path, query, "")))


canonical_url = dedup_key  # the old name


@lru_cache(maxsize=URL_CACHE_SIZE)
def url_pattern(url: str) -> str:
    """Host, path with digit runs and tokens blanked, and the sorted query keys.

    `/calendar?month=2031-04` and `/calendar?month=2031-05` are one pattern,
    so are `/a/1.html` and `/a/2.html`.
    """
    parts = urlsplit(url)
    path = "/".join(
        "T" if is_token(s) else DIGITS.sub("N", s) for s in PATH_SESSION.sub("", parts.path).split("/")
    )
    keys = sorted(
        {k for k, _ in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)}
    )
    return f"{parts.netloc.lower()}{path}?{'&'.join(keys)}"


@lru_cache(maxsize=URL_CACHE_SIZE)
def link_print(key: str) -> int:
    """A small stable fingerprint of a dedup key, to remember a page's links cheaply."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")


def next_barren(page_url: str, page_barren: int, page_brought_news: bool, link_url: str) -> int:
    """The barren-chain length of a link found on a page.

    0 when the link is of another pattern than the page, or the page brought
    new URLs of other patterns; else one more than the page's own.
    """
    if page_brought_news or url_pattern(link_url) != url_pattern(page_url):
        return 0
    return page_barren + 1


class TrapGuard:
    """Shape rules (depth, repeats, length, barren chains) and optional count budgets."""

    def __init__(
        self,
        per_host: int = 0,
        per_pattern: int = 0,
        max_segments: int = 15,
        max_repeats: int = 3,
        max_url_length: int = 2000,
        max_barren_hops: int = 5,
    ) -> None:
        self.per_host = per_host
        self.per_pattern = per_pattern
        self.max_segments = max_segments
        self.max_repeats = max_repeats
        self.max_url_length = max_url_length
        self.max_barren_hops = max_barren_hops
        self.hosts: Counter[str] = Counter()
        self.patterns: Counter[str] = Counter()

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> TrapGuard:
        return cls(
            per_host=settings.getint("PRESSWARC_MAX_PAGES_PER_HOST", 0),
            per_pattern=settings.getint("PRESSWARC_MAX_PAGES_PER_PATTERN", 0),
            max_segments=settings.getint("PRESSWARC_MAX_PATH_SEGMENTS", 15),
            max_repeats=settings.getint("PRESSWARC_MAX_SEGMENT_REPEATS", 3),
            max_url_length=settings.getint("PRESSWARC_MAX_URL_LENGTH", 2000),
            max_barren_hops=settings.getint("PRESSWARC_MAX_BARREN_HOPS", 5),
        )

    def shape_trap(self, url: str) -> str | None:
        """Why this URL's own shape is a trap (too long, too deep, repeating), or None."""
        if self.max_url_length and len(url) > self.max_url_length:
            return f"trap: URL longer than {self.max_url_length} characters"
        segments = [s for s in urlsplit(url).path.split("/") if s]
        if self.max_segments and len(segments) > self.max_segments:
            return f"trap: path deeper than {self.max_segments} segments"
        if self.max_repeats and segments and max(Counter(segments).values()) > self.max_repeats:
            return f"trap: a path segment repeats more than {self.max_repeats} times"
        return None

    def barren_trap(self, url: str, barren: int) -> str | None:
        """Why a link at this barren-chain length is not followed, or None."""
        if self.max_barren_hops and barren > self.max_barren_hops:
            return (
                f"trap: {barren} hops through pages of pattern {url_pattern(url)} "
                "that brought nothing new (PRESSWARC_MAX_BARREN_HOPS)"
            )
        return None

    def budget(self, url: str) -> str | None:
        """Why a count budget refuses this URL, or None; counts it if not.

        Reasons start with `budget: SETTING`, naming the setting to raise.
        """
        pattern = url_pattern(url)
        host = urlsplit(url).netloc.lower()
        if self.per_pattern and self.patterns[pattern] >= self.per_pattern:
            return f"budget: PRESSWARC_MAX_PAGES_PER_PATTERN {self.per_pattern} reached for pattern {pattern}"
        if self.per_host and self.hosts[host] >= self.per_host:
            return f"budget: PRESSWARC_MAX_PAGES_PER_HOST {self.per_host} reached for host {host}"
        self.patterns[pattern] += 1
        self.hosts[host] += 1
        return None

    def refuse(self, url: str, barren: int = 0) -> str | None:
        """Why this URL must not be scheduled, or None (then counted against budgets)."""
        return self.shape_trap(url) or self.barren_trap(url, barren) or self.budget(url)


def budget_rule(reason: str) -> str | None:
    """The setting or option a `budget: ...` skip reason names, or None for other reasons."""
    if not reason.startswith("budget: "):
        return None
    return reason.removeprefix("budget: ").split(" ", 1)[0]
