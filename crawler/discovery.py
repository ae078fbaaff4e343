"""URLs out of sitemaps and feeds, parsed without entities, DTDs or network."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree

_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True)


def _root(body: bytes) -> etree._Element | None:
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        return etree.fromstring(body.strip(), parser=parser)
    except etree.XMLSyntaxError:
        return None


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def parse_date(text: str | None) -> datetime | None:
    """A sitemap `lastmod` (W3C datetime) or feed date (RFC 822, ISO 8601) in aware UTC, or None."""
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def sitemap_entries(body: bytes) -> tuple[str, list[tuple[str, datetime | None]]]:
    """('urlset' | 'sitemapindex' | '', [(loc, lastmod)]) of a sitemap (news sitemaps included).

    A news sitemap's `publication_date` stands in for a missing `lastmod`.
    """
    root = _root(body)
    if root is None:
        return "", []
    kind = _local(root.tag)
    entries = []
    for child in root:
        loc, lastmod, published = None, None, None
        for node in child.iter():
            name = _local(node.tag)
            if name == "loc" and loc is None and node.text and node.text.strip():
                loc = node.text.strip()
            elif name == "lastmod":
                lastmod = parse_date(node.text)
            elif name == "publication_date":
                published = parse_date(node.text)
        if loc:
            entries.append((loc, lastmod or published))
    return kind, entries


def sitemap_urls(body: bytes) -> tuple[str, list[str]]:
    """('urlset' | 'sitemapindex' | '', locs) of a sitemap (news sitemaps included)."""
    kind, entries = sitemap_entries(body)
    return kind, [loc for loc, _ in entries]


def feed_entries(body: bytes, base_url: str) -> Iterator[tuple[str, datetime | None]]:
    """(link, updated or published date) of each item of an RSS 2.0, RSS 1.0 or Atom feed."""
    root = _root(body)
    if root is None:
        return
    for element in root.iter():
        name = _local(element.tag)
        if name not in ("item", "entry"):
            continue
        link, when = None, None
        for node in element:
            child = _local(node.tag)
            if name == "item" and child == "link" and node.text and node.text.strip():
                link = urljoin(base_url, node.text.strip())
            elif name == "entry" and child == "link" and node.get("rel", "alternate") == "alternate":
                href = node.get("href")
                link = urljoin(base_url, href) if href else link
            elif child in ("pubDate", "updated", "date", "published", "modified") and when is None:
                when = parse_date(node.text)
        if link:
            yield link, when


def feed_urls(body: bytes, base_url: str) -> Iterator[str]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed."""
    for link, _ in feed_entries(body, base_url):
        yield link
