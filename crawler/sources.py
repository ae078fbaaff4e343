"""Sources as data: which seeds, sitemaps and feeds to crawl, and the scope.

A sources file is TOML with one `[[source]]` table per site:

    [[source]]
    name = "example-news"
    seeds = ["https://news.example/"]
    sitemaps = ["https://news.example/sitemap.xml"]
    feeds = ["https://news.example/rss.xml"]
    allowed_hosts = ["news.example"]          # host or host:port; default: the seeds' origins
    article_patterns = ["/news/articleView"]  # regexes; default: every HTML page is a candidate

Scope is the origin (scheme, host, port) of the seeds unless `allowed_hosts`
widens it, never the bare host name. A redirect from a source's start URL
(seed, sitemap or feed), and every further hop of that redirect, adds the
target's origin to that source's scope, the way Heritrix treats seed
redirects as new seeds: `http://outlet.example/` → `https://www.outlet.example/`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from w3lib.url import canonicalize_url

DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a URL, with the default port filled in."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or DEFAULT_PORTS.get(scheme, 0)


@dataclass(frozen=True)
class Source:
    """One site to crawl."""

    name: str
    seeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()
    article_patterns: tuple[str, ...] = ()
    _patterns: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        compiled = tuple(re.compile(p) for p in self.article_patterns)
        object.__setattr__(self, "_patterns", compiled)

    def start_urls(self) -> tuple[str, ...]:
        return self.seeds + self.sitemaps + self.feeds

    def origins(self) -> set[tuple[str, str, int]]:
        found = {origin(u) for u in self.start_urls()}
        for entry in self.allowed_hosts:
            host, _, port = entry.lower().partition(":")
            for scheme in ("http", "https"):
                found.add((scheme, host, int(port) if port else DEFAULT_PORTS[scheme]))
        return found

    def is_article(self, url: str) -> bool:
        return not self._patterns or any(p.search(url) for p in self._patterns)


class Scope:
    """The union of the sources' origins; URLs outside are never fetched."""

    def __init__(self, sources: list[Source]) -> None:
        self.sources = sources
        self._by_origin: dict[tuple[str, str, int], Source] = {}
        self._by_start: dict[str, Source] = {}
        for source in sources:
            for item in source.origins():
                self._by_origin.setdefault(item, source)
            for url in source.start_urls():
                self._by_start.setdefault(canonicalize_url(url), source)

    def start_source(self, url: str) -> Source | None:
        """The source of which this URL is a seed, sitemap or feed, or None."""
        return self._by_start.get(canonicalize_url(url))

    def admit(self, url: str, source: Source) -> bool:
        """Add the URL's origin to the source's scope; False if it already was in scope."""
        item = origin(url)
        if item in self._by_origin:
            return False
        self._by_origin[item] = source
        return True

    def source_for(self, url: str) -> Source | None:
        return self._by_origin.get(origin(url))

    def __contains__(self, url: str) -> bool:
        return origin(url) in self._by_origin


class SourcesError(ValueError):
    """A sources file that cannot be used, with the reason."""


def load_sources(path: Path) -> list[Source]:
    """Read a sources TOML file; raises SourcesError with a clear message."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: {exc}") from exc
    tables = data.get("source", [])
    if not isinstance(tables, list) or not tables:
        raise SourcesError(f"{path}: no [[source]] tables")
    sources = []
    for number, table in enumerate(tables, 1):
        try:
            sources.append(_source_from_table(table, number))
        except (TypeError, re.error) as exc:
            raise SourcesError(f"{path}: source #{number}: {exc}") from exc
    return sources


def _source_from_table(table: dict[str, object], number: int) -> Source:
    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError(f"{key} must be a list of strings")
        return tuple(value)

    source = Source(
        name=str(table.get("name", f"source-{number}")),
        seeds=strings("seeds"),
        sitemaps=strings("sitemaps"),
        feeds=strings("feeds"),
        allowed_hosts=strings("allowed_hosts"),
        article_patterns=strings("article_patterns"),
    )
    if not source.start_urls():
        raise TypeError("needs at least one of seeds, sitemaps, feeds")
    return source


_URL_LIST_SEPARATOR = re.compile(r"\s+|,(?=\s*[A-Za-z][A-Za-z0-9+.-]*://)")


def split_url_list(text: str) -> list[str]:
    """URLs from `-a urls=...`: split on whitespace, and on a comma only where a new URL begins.

    Commas are legal in paths and used by real outlets ("/region/title,art,77315",
    "/7,75398,30412345,title.html"), so "a,b" is split only when b starts with a scheme.
    """
    return [url for url in _URL_LIST_SEPARATOR.split(text.strip()) if url and url != ","]


def sources_from_urls(urls: list[str]) -> list[Source]:
    """Bare URLs: one source per origin, scoped to that origin."""
    by_origin: dict[tuple[str, str, int], list[str]] = {}
    for url in urls:
        by_origin.setdefault(origin(url), []).append(url)
    return [
        Source(name=f"{host}:{port}", seeds=tuple(seeds)) for (scheme, host, port), seeds in by_origin.items()
    ]
