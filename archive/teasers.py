"""Teaser lines inside an article body ("Read also: <link>"), removed from the tree.

Why: trafilatura flattens links away, after which a teaser looks like any short
line. Before that, its shape is plain: a short block whose text is mostly one link
to another article of the same site, with at most a short label before it.

Internal vs external: a link is internal when its host equals the page's host
(ignoring "www." and letter case) and it is not the page itself; a link to a
document (.pdf, .doc, ...), to another host (a ministry, a court), or to the
site's front page or a section (one short path segment) is never a teaser.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from archive.textclean import remove_keep_tail

TEASER_BLOCKS = ("p", "li", "div", "h4", "h5", "h6")
MAX_TEASER_CHARS = 160
MIN_LINK_SHARE = 0.6
MAX_LABEL_CHARS = 40
_DOCUMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|zip|csv|jpe?g|png)$", re.IGNORECASE)
_LABEL_END = re.compile(r"(?:[:：|»›>▶►→•\-–—]|\[[^\]]*\]|\([^)]*\)|【[^】]*】)\s*$")
_BLOCK_CHILDREN = {
    "p", "div", "li", "ul", "ol", "table", "section", "article", "blockquote", "h1", "h2", "h3",
}


def remove_teasers(tree: HtmlElement, page_url: str) -> int:
    """Remove teaser blocks; returns how many went."""
    page = urlsplit(page_url)
    host = _host(page.netloc)
    if not host:
        return 0
    doomed = [block for block in tree.iter(*TEASER_BLOCKS) if _is_teaser(block, page_url, host)]
    for block in doomed:
        remove_keep_tail(block)
    return len(doomed)


def _is_teaser(block: HtmlElement, page_url: str, host: str) -> bool:
    if any(child.tag in _BLOCK_CHILDREN for child in block.iterdescendants()):
        return False
    text = " ".join(block.text_content().split())
    if not text or len(text) > MAX_TEASER_CHARS:
        return False
    links = [a for a in block.iter("a") if a.get("href")]
    if not links:
        return False
    link_text = " ".join(" ".join(a.text_content().split()) for a in links).strip()
    if not link_text or len(link_text) < MIN_LINK_SHARE * len(text):
        return False
    if not all(_internal_article(a.get("href") or "", page_url, host) for a in links):
        return False
    rest = text
    for a in links:
        rest = rest.replace(" ".join(a.text_content().split()), " ")
    rest = " ".join(rest.split())
    return not rest or (len(rest) <= MAX_LABEL_CHARS and bool(_LABEL_END.search(rest) or len(rest) <= 2))


def _internal_article(href: str, page_url: str, host: str) -> bool:
    target = urlsplit(urljoin(page_url, href.strip()))
    if target.scheme not in ("http", "https") or _host(target.netloc) != host:
        return False
    path = target.path.rstrip("/")
    if _DOCUMENT.search(path) or path == urlsplit(page_url).path.rstrip("/"):
        return False
    segments = [s for s in path.split("/") if s]
    # An article has a slug or an id: a section ("/politics") or the front page is navigation.
    if len(segments) >= 2:
        return True
    return len(segments) == 1 and (len(segments[0]) > 20 or any(c.isdigit() for c in segments[0]))


def _host(netloc: str) -> str:
    netloc = netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0]
    return netloc[4:] if netloc.startswith("www.") else netloc
