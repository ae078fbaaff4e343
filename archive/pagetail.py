"""Short lines after the article's body container, outside it, belong to the page, not the article.

Why: a theme closes the article's text in one container (`<div class="brodtekst">`, `honbun`,
`entry-content`) and sets everything else after it, outside: tag rows, the comment section, the
side column, an e-paper promotion ("電子版なら、紙面そのままの記事を…今なら初月無料。"), the
footer's masthead ("Ansvarlig redaktør: …. Vi arbeider etter Vær Varsom-plakatens regler.").
trafilatura keeps a short block there when its class names nothing it knows (`denshi-pr`,
`bunn`: "bottom" in Norwegian), and as a line it reads like a sentence of the statement.

Structure decides: the body container (`archive.bodycontainer`: the element whose paragraphs are
the page's prose) is where the text ends; the short text blocks after it, outside it, go once the
page's chrome (a heading, a form, two links, the comment section) stands between. What stays:
- long blocks there (a second part of a body split around an ad, reader comments: other rules);
- anything before the chrome (a body's second part after an ad label or one teaser link);
- anything in a sibling of the same class (`<div class="text">` parts of one body);
- everything when no container holds most of the prose (no end of the text can be told).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml.html import HtmlElement

from archive.bodycontainer import (
    MIN_PROSE_WIDTH,
    SKIPPED,
    is_inside,
    is_text_block,
    loose_prose_after,
    text_width,
    words,
)
from archive.chromelines import COMMENT_WORD, is_comment_heading
from archive.headerlines import block_lines
from archive.phrasing import wrap_loose_text
from archive.textclean import remove_keep_tail

MAX_TAIL_LINE_WIDTH = 260


def page_tail(body: HtmlElement | None) -> list[HtmlElement]:
    """The short text blocks after the body container, past the page's chrome.

    Read before the chrome goes (teaser lists, share bars, comment forms): a block is the page's
    once a heading, a form or two links stand between it and the body's last paragraph (inside
    the container too: "Weitere Artikel" links under the text). A body's second part set after
    an ad label or one teaser link is not. Loose text in the side column ("<b>E-Paper</b><br>
    Die komplette Zeitung … testen!") is wrapped first, as it will be for the extractor.
    """
    if body is None:
        return []
    own_class = (body.get("class") or "").strip()
    chrome = _ChromeSeen()
    for element in body.iter():
        chrome.see(element, in_body=True)
    tail: list[HtmlElement] = _link_row_after(body)
    for root in _following(body):
        if own_class and _has_class(root, own_class):
            continue
        wrap_loose_text(root)
        for element in root.iter():
            chrome.see(element)
            if chrome.seen and is_text_block(element) and text_width(element) <= MAX_TAIL_LINE_WIDTH:
                tail.append(element)
    return tail


def remove_page_tail(tail: list[HtmlElement]) -> int:
    """Remove the blocks `page_tail` found (those other steps left); returns how many went."""
    doomed = [block for block in tail if block.getparent() is not None]
    for block in doomed:
        remove_keep_tail(block)
    return len(doomed)


_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_FORM_PARTS = frozenset({"form", "textarea", "input", "button", "select", "nav"})
MIN_CHROME_LINKS = 2


class _ChromeSeen:
    """Whether a heading, a form or MIN_CHROME_LINKS links came since the last prose paragraph,
    fed the page's elements in document order (links inside a paragraph are its own). Once the
    comment section opens ("<b>Σχόλια</b><br>Τα σχόλια δημοσιεύονται…"), no paragraph after it is
    the article's again."""

    def __init__(self) -> None:
        self.links = 0
        self.seen = False
        self._comments = False
        self._prose: HtmlElement | None = None

    def see(self, element: HtmlElement, in_body: bool = False) -> None:
        if not isinstance(element.tag, str) or element.tag in SKIPPED:
            return
        if self._prose is not None and is_inside(element, self._prose):
            return
        block = is_text_block(element)
        if (block or element.tag in _HEADINGS) and _opens_comments(element):
            self._comments = self.seen = True
        if block and text_width(element) >= MIN_PROSE_WIDTH:
            self._prose = element
            if in_body and not self._comments:  # a long block after chrome: the text goes on
                self.links, self.seen = 0, False
            return
        if in_body and not self._comments and loose_prose_after(element):
            self.links, self.seen = 0, False  # "…<br><br>text goes on": loose text is prose too
            return
        if element.tag in _FORM_PARTS or (element.tag in _HEADINGS and words(element)):
            self.seen = True
        elif element.tag == "a":
            self.links += 1
            self.seen = self.seen or self.links >= MIN_CHROME_LINKS


def _opens_comments(element: HtmlElement) -> bool:
    if not COMMENT_WORD.search(element.text_content()[:MAX_COMMENT_HEADING_PROBE]):
        return False  # most blocks: no word for comments near their start, no lines to split
    lines = block_lines(element)
    return bool(lines) and is_comment_heading(lines[0])


MAX_COMMENT_HEADING_PROBE = 200


_INLINE = frozenset({"a", "img", "span", "font", "b", "strong", "small", "br", "i", "em"})
_SEPARATORS = frozenset(" \t\n\r\u00a0|·•/-–—[]()")


def _link_row_after(body: HtmlElement) -> list[HtmlElement]:
    """The row of links set right after the body, outside it, with nothing but separators between
    them: "Artikel drucken | Artikel weiterempfehlen", a share row (`<a><img> Drucken</a> &nbsp;
    <a>…</a>` loose after the text's `<span>` in an old layout). One link there may be the body's
    own last line; two links and no words of their own are the page's."""
    links: list[HtmlElement] = []
    for element in [body, *body.iterancestors()]:
        if element.tag in ("body", "html") or not _only_separators(element.tail):
            break
        for sibling in element.itersiblings():
            if not isinstance(sibling.tag, str) or sibling.tag not in _INLINE:
                break
            anchors = [sibling] if sibling.tag == "a" else list(sibling.iter("a"))
            linked = "".join(words(a) for a in anchors)
            if sibling.tag != "a" and _without_separators(words(sibling)) != _without_separators(linked):
                return []  # words of its own: not a row of links
            links.extend(anchors)
            if not _only_separators(sibling.tail):
                return []
        if links:
            break
    return links if len(links) >= MIN_CHROME_LINKS else []


def _without_separators(text: str) -> str:
    return "".join(char for char in text if char not in _SEPARATORS)


def _only_separators(text: str | None) -> bool:
    return all(char in _SEPARATORS for char in text or "")


def _following(body: HtmlElement) -> Iterator[HtmlElement]:
    """Elements after the body container in document order, outside it: its and its ancestors'
    later siblings, up to the page's <body>."""
    for element in [body, *body.iterancestors()]:
        if element.tag in ("body", "html"):
            return
        yield from (sibling for sibling in element.itersiblings() if isinstance(sibling.tag, str))


def _has_class(root: HtmlElement, own_class: str) -> bool:
    return any(
        (element.get("class") or "").strip() == own_class
        for element in root.iter()
        if isinstance(element.tag, str)
    )
