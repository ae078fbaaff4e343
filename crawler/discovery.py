"""URLs out of sitemaps and feeds, parsed without entities, DTDs or network."""

from __future__ import annotations

from collections.abc import Iterator
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


def sitemap_urls(body: bytes) -> tuple[str, list[str]]:
    """('urlset' | 'sitemapindex' | '', locs) of a sitemap (news sitemaps included)."""
    root = _root(body)
    if root is None:
        return "", []
    kind = _local(root.tag)
    locs = []
    for child in root:
        for node in child:
            if _local(node.tag) == "loc" and node.text and node.text.strip():
                locs.append(node.text.strip())
    return kind, locs


def feed_urls(body: bytes, base_url: str) -> Iterator[str]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed."""
    root = _root(body)
    if root is None:
        return
    for element in root.iter():
        name = _local(element.tag)
        if name == "item":
            for node in element:
                if _local(node.tag) == "link" and node.text and node.text.strip():
                    yield urljoin(base_url, node.text.strip())
        elif name == "entry":
            for node in element:
                if _local(node.tag) == "link" and node.get("rel", "alternate") == "alternate":
                    href = node.get("href")
                    if href:
                        yield urljoin(base_url, href)
