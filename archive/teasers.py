"""Teaser lines inside an article body ("Read also: <link>"), removed from the tree.

Why: trafilatura flattens links away, after which a teaser looks like any short
line. Before that, its shape is plain: a short block whose text is mostly one link
to another article of the same site, with at most a short label before it.

The same shape is found in three more places: between the `<br>`s of one block
("延伸阅读：<a>…</a><br>"), after a label without punctuation ("관련기사 <a>…</a>",
"Lesen Sie auch <a>…</a>": at most three short words), and as a list of teasers
under a short heading ("Related" + <ul>), where the heading goes with its list.

Internal vs external: a link is internal when its host equals the page's host, or the host of
the page's canonical URL (`<link rel=canonical>`, `og:url`: a page fetched from a mirror or a
replay host still links its own articles by the outlet's name)
(ignoring "www." and letter case) and it is not the page itself; a link to a
document (.pdf, .doc, ...), to another host (a ministry, a court), or to the
site's front page or a section (one short path segment) is never a teaser.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from archive.bylines import site_name_of
from archive.textclean import is_short_phrase, remove_keep_tail

TEASER_BLOCKS = ("p", "li", "div", "h4", "h5", "h6", "section", "aside")
MAX_TEASER_CHARS = 160
MIN_LINK_SHARE = 0.6
MIN_LIST_LINKS = 3
MAX_LABEL_CHARS = 40
_DOCUMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|zip|csv|jpe?g|png)$", re.IGNORECASE)
_LABEL_END = re.compile(r"(?:[:：|»›>▶►→•\-–—]|\[[^\]]*\]|\([^)]*\)|（[^）]*）|【[^】]*】)\s*$")
_LABEL_BLOCKS = frozenset("p div h2 h3 h4 h5 h6 strong b span dt".split())
_BLOCK_CHILDREN = {
    "p", "div", "li", "ul", "ol", "table", "section", "article", "blockquote", "h1", "h2", "h3",
}


def remove_teasers(tree: HtmlElement, page_url: str) -> int:
    """Remove teaser blocks, teaser lines between <br>s and emptied teaser lists; returns how many."""
    page = urlsplit(page_url)
    if not _host(page.netloc):
        return 0
    hosts = _site_hosts(tree, page_url)
    removed = sum(_remove_br_teasers(parent, page_url, hosts) for parent in _br_parents(tree))
    doomed = [block for block in tree.iter(*TEASER_BLOCKS) if _is_teaser(block, page_url, hosts)]
    emptied = {block.getparent() for block in doomed if block.tag == "li"}
    for block in doomed:
        _remove_with_label(block)
    for teaser_list in emptied:
        if teaser_list is not None and teaser_list.getparent() is not None and not _has_text(teaser_list):
            _remove_with_label(teaser_list)
    return removed + len(doomed)


_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
MIN_OWN_HOST_LINKS = 5


def _site_hosts(tree: HtmlElement, page_url: str) -> tuple[str, ...]:
    """The page's host, the host its canonical URL names, the host most of its absolute links go
    to (an outlet served from a mirror, a CDN or an archive's replay host links its articles by its
    own name; a theme that writes absolute URLs names it in every menu link), and a host named as
    the site is ("Folha do Cerrado" at folhadocerrado.com.br)."""
    hosts = [_host(urlsplit(page_url).netloc)]
    linked = Counter(
        _host(urlsplit(href).netloc)
        for href in (a.get("href") or "" for a in tree.iter("a"))
        if href.startswith(("http://", "https://"))
    )
    if linked:
        host, count = linked.most_common(1)[0]
        if count >= MIN_OWN_HOST_LINKS and 2 * count >= sum(linked.values()):
            hosts.append(host)
    named = _squashed(site_name_of(tree) or "")
    hosts += [host for host in linked if named and _squashed(host.split(".", 1)[0]) == named]
    for element in tree.iterfind(".//link[@rel]"):
        if (element.get("rel") or "").strip().lower() == "canonical" and element.get("href"):
            hosts.append(_host(urlsplit(urljoin(page_url, element.get("href") or "")).netloc))
    for element in tree.iterfind(".//meta[@property]"):
        if (element.get("property") or "").strip().lower() == "og:url" and element.get("content"):
            hosts.append(_host(urlsplit(element.get("content") or "").netloc))
    return tuple(dict.fromkeys(h for h in hosts if h))


def _is_teaser(block: HtmlElement, page_url: str, hosts: tuple[str, ...]) -> bool:
    # A heading may open the block ("<div><h3>Paling Popular</h3><a>…</a> <a>…</a></div>"): its text
    # is then the label; any other block inside makes it a container, not a line.
    for index, child in enumerate(block.iterdescendants()):
        if child.tag in _BLOCK_CHILDREN and not (index == 0 and child.tag in _HEADINGS):
            return False
    links = [a for a in block.iter("a") if a.get("href")]
    return is_teaser_line(" ".join(block.text_content().split()), links, page_url, hosts)


def is_teaser_line(text: str, links: list[HtmlElement], page_url: str, hosts: tuple[str, ...]) -> bool:
    """Mostly links to other articles of this site, with at most a short label. A list of such
    links under its heading ("Benzer Haberler" and two titles, no <li>) may be longer."""
    if not text or not links or (len(text) > MAX_TEASER_CHARS and len(links) < MIN_LIST_LINKS):
        return False
    link_text = " ".join(" ".join(a.text_content().split()) for a in links).strip()
    if not link_text or len(link_text) < MIN_LINK_SHARE * len(text):
        return False
    if not all(_internal_article(a.get("href") or "", page_url, hosts) for a in links):
        return False
    rest = text
    for a in links:
        rest = rest.replace(" ".join(a.text_content().split()), " ")
    return is_label(" ".join(rest.split()))


def is_label(rest: str) -> bool:
    """Nothing, a glyph, a label closed by punctuation, or up to three short words."""
    if not rest or len(rest) <= 2:
        return True
    if len(rest) > MAX_LABEL_CHARS:
        return False
    if _LABEL_END.search(rest):
        return True
    return is_short_phrase(rest) and not any(ch.isdigit() for ch in rest)


def _remove_with_label(block: HtmlElement) -> None:
    """Remove a teaser block, and the short label block just before it ("Related", "关联阅读").

    A teaser set off by spacer blocks ("<p>&nbsp;</p>teaser<p>&nbsp;</p>") takes one spacer with
    it, so the paragraph break around it stays as wide as the others.
    """
    previous, following = block.getprevious(), block.getnext()
    if _is_spacer(previous) and _is_spacer(following) and not (block.tail or "").strip():
        remove_keep_tail(following)
    remove_keep_tail(block)
    if (
        previous is not None
        and previous.tag in _LABEL_BLOCKS
        and not (previous.tail or "").strip()
        and previous.find(".//a") is None
        and is_label(" ".join(previous.text_content().split()).rstrip(":：").strip())
        and previous.text_content().strip()
    ):
        remove_keep_tail(previous)


_SPACER_TAGS = frozenset({"p", "div"})
_NOT_SPACER = frozenset({"img", "picture", "video", "iframe", "table", "svg", "hr"})


def _is_spacer(element: HtmlElement | None) -> bool:
    """An empty <p>/<div> (blank, &nbsp;, a lone <br>) used as vertical space."""
    if element is None or element.tag not in _SPACER_TAGS or (element.tail or "").strip():
        return False
    if any(child.tag in _NOT_SPACER for child in element.iter()):
        return False
    return not element.text_content().replace("\u00a0", " ").strip()


def _br_parents(tree: HtmlElement) -> list[HtmlElement]:
    parents = {br.getparent() for br in tree.iter("br")}
    return [element for element in tree.iter() if element in parents]


def _remove_br_teasers(parent: HtmlElement, page_url: str, hosts: tuple[str, ...]) -> int:
    """Teaser lines among the <br>-separated lines of one block ("延伸阅读：<a>…</a><br>")."""
    segments = _br_segments(parent)
    if len(segments) < 2:
        return 0
    removed = 0
    teasers = [
        is_teaser_line(
            " ".join(_segment_text(parent, opening, nodes).split()),
            [a for node in nodes for a in node.iter("a") if a.get("href")],
            page_url,
            hosts,
        )
        for opening, nodes in segments
    ]
    for index, (opening, nodes) in enumerate(segments):
        if not teasers[index]:
            continue
        heads_list = 1 <= index < len(teasers) - 1 and teasers[index + 1] and not teasers[index - 1]
        if index >= 1 and removed_label_before(parent, segments, index, heads_list):
            removed += 1
        for node in nodes:
            parent.remove(node)
        if opening is None:
            parent.text = None
        else:
            opening.tail = None
            if opening.tag == "br":
                parent.remove(opening)
                # A teaser set off by blank lines ("…<br><br>teaser<br><br>…") takes one blank line
                # with it, so the paragraph break around it stays as wide as the others.
                before, before_nodes = segments[index - 1]
                if before is not None and before.tag == "br" and before.getparent() is parent:
                    if not before_nodes and not (before.tail or "").strip():
                        parent.remove(before)
        removed += 1
    rest = " ".join(parent.text_content().split())
    orphan_heading = removed and rest and (is_label(rest) or is_label(rest.rstrip(":：").strip()))
    if parent.getparent() is None or parent.tag in ("body", "html"):
        return removed
    if orphan_heading:
        remove_keep_tail(parent)  # what is left is the teasers' heading ("Most read")
    elif removed and not rest and parent.tag in TEASER_BLOCKS:
        _remove_with_label(parent)  # every line was a teaser: the label block above goes too
    return removed


def removed_label_before(
    parent: HtmlElement,
    segments: list[tuple[HtmlElement | None, list[HtmlElement]]],
    index: int,
    heads_list: bool = False,
) -> bool:
    """The label line just above a teaser line among <br>s ("【関連記事】<br><a>…</a>"), emptied.
    Above a list of teaser lines the heading may be a short phrase ("More from Crime & Courts")."""
    opening, nodes = segments[index - 1]
    text = " ".join(_segment_text(parent, opening, nodes).split())
    linked = any(isinstance(node.tag, str) and next(node.iter("a"), None) is not None for node in nodes)
    if not text or linked or len(text) > MAX_LABEL_CHARS:
        return False
    labelled = is_label(text) or is_label(text.rstrip(":：").strip())
    if not (labelled or (heads_list and _is_list_heading(text))):
        return False
    for node in nodes:
        if node.getparent() is parent:
            parent.remove(node)
    if opening is None:
        parent.text = None
    else:
        opening.tail = None
    return True


MAX_LIST_HEADING_WORDS = 6
_SENTENCE_MARK = re.compile(r"[.!?。！？]\s*$")


def _is_list_heading(text: str) -> bool:
    """A heading's few words: no sentence end, no number."""
    words = text.split()
    return len(words) <= MAX_LIST_HEADING_WORDS and not _SENTENCE_MARK.search(text) and not any(
        ch.isdigit() for ch in text
    )


def _br_segments(parent: HtmlElement) -> list[tuple[HtmlElement | None, list[HtmlElement]]]:
    """Lines of one block: (what opens the line: None, a <br> or a block child; its inline elements)."""
    segments: list[tuple[HtmlElement | None, list[HtmlElement]]] = [(None, [])]
    for child in parent:
        if child.tag == "br" or child.tag in _BLOCK_CHILDREN:
            segments.append((child, []))
        else:
            segments[-1][1].append(child)
    return segments


def _segment_text(parent: HtmlElement, opening: HtmlElement | None, nodes: list[HtmlElement]) -> str:
    lead = parent.text if opening is None else opening.tail
    return (lead or "") + "".join(
        (node.text_content() if isinstance(node.tag, str) else "") + (node.tail or "") for node in nodes
    )


def _has_text(element: HtmlElement) -> bool:
    return bool(element.text_content().strip())


@lru_cache(maxsize=4096)
def _internal_article(href: str, page_url: str, hosts: tuple[str, ...]) -> bool:
    target = urlsplit(urljoin(page_url, href.strip()))
    if target.scheme not in ("http", "https") or _host(target.netloc) not in hosts:
        return False
    path = target.path.rstrip("/")
    page = urlsplit(page_url)
    if _DOCUMENT.search(path) or (path, target.query) == (page.path.rstrip("/"), page.query):
        return False
    segments = [s for s in path.split("/") if s]
    # An article has a slug or an id: a section ("/politics") or the front page is navigation.
    if len(segments) >= 2:
        return True
    # "/article.php?id=20411": an old CMS names the article in its query.
    named = len(segments) == 1 and (len(segments[0]) > 20 or any(c.isdigit() for c in segments[0]))
    return named or (len(segments) == 1 and any(c.isdigit() for c in target.query))


def _squashed(name: str) -> str:
    """A name as a domain spells it: lower case, accents and everything but letters and digits gone."""
    letters = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in letters if ch.isascii() and ch.isalnum())


def _host(netloc: str) -> str:
    netloc = netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0]
    return netloc[4:] if netloc.startswith("www.") else netloc
