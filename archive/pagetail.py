"""Short lines after the article's body container, outside it, belong to the page, not the article.

Why: a theme closes the article's text in one container (`<div class="brodtekst">`, `honbun`,
`entry-content`) and sets everything else after it, outside: tag rows, the comment section, the
side column, an e-paper promotion ("電子版なら、紙面そのままの記事を…今なら初月無料。"), the
footer's masthead ("Ansvarlig redaktør: …. Vi arbeider etter Vær Varsom-plakatens regler.").
trafilatura keeps a short block there when its class names nothing it knows (`denshi-pr`,
`bunn`: "bottom" in Norwegian), and as a line it reads like a sentence of the statement.

Structure decides: the body container is the innermost element holding nearly all of the page's
prose (paragraph-length blocks); the short text blocks after it, outside it, go. What stays:
- long blocks there (a second part of a body split around an ad, reader comments: other rules);
- anything in a sibling of the same class (`<div class="text">` parts of one body);
- everything when the body has fewer than three prose blocks (no container can be told).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml.html import HtmlElement

from archive.linejoin import display_width
from archive.phrasing import BLOCKS, wrap_loose_text
from archive.textclean import remove_keep_tail

MIN_PROSE_WIDTH = 80
"""A block this wide (CJK characters count two) is a paragraph of prose, not a label or a link."""
BODY_SHARE = 0.6
"""The body container holds this share of the page's prose; less, and the body is split (or unknown)."""
MIN_BODY_PROSE_BLOCKS = 3
MAX_TAIL_LINE_WIDTH = 260
_TEXT_BLOCKS = frozenset("p div li dd dt td blockquote h2 h3 h4 h5 h6 font center".split())
_SKIPPED = frozenset({"script", "style", "noscript", "template"})


def page_tail(tree: HtmlElement) -> list[HtmlElement]:
    """The short text blocks after the body container, past the page's chrome.

    Read before the chrome goes (teaser lists, share bars, comment forms): a block is the page's
    once a heading, a form or two links stand between it and the body's last paragraph (inside
    the container too: "Weitere Artikel" links under the text). A body's second part set after
    an ad label or one teaser link is not. Loose text in the side column ("<b>E-Paper</b><br>
    Die komplette Zeitung … testen!") is wrapped first, as it will be for the extractor.
    """
    body = body_container(tree)
    if body is None:
        return []
    own_class = (body.get("class") or "").strip()
    chrome = _ChromeSeen()
    for element in body.iter():
        chrome.see(element, in_body=True)
    tail: list[HtmlElement] = []
    for root in _following(body):
        if own_class and _has_class(root, own_class):
            continue
        wrap_loose_text(root)
        for element in root.iter():
            chrome.see(element)
            if chrome.seen and _is_text_block(element) and _width(element) <= MAX_TAIL_LINE_WIDTH:
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
    fed the page's elements in document order (links inside a paragraph are its own)."""

    def __init__(self) -> None:
        self.links = 0
        self.seen = False
        self._prose: HtmlElement | None = None

    def see(self, element: HtmlElement, in_body: bool = False) -> None:
        if not isinstance(element.tag, str) or element.tag in _SKIPPED:
            return
        if self._prose is not None and _is_inside(element, self._prose):
            return
        if _is_text_block(element) and _width(element) >= MIN_PROSE_WIDTH:
            self._prose = element
            if in_body:  # after the chrome, a long block is a reader's comment, not the text again
                self.links, self.seen = 0, False
        elif element.tag in _FORM_PARTS or (element.tag in _HEADINGS and _words(element)):
            self.seen = True
        elif element.tag == "a":
            self.links += 1
            self.seen = self.seen or self.links >= MIN_CHROME_LINKS


def body_container(tree: HtmlElement) -> HtmlElement | None:
    """The element whose paragraphs are the article's: scored as reader modes do (a prose block
    counts fully for its parent and half for its grandparent, so a body laid out one wrapper per
    paragraph scores at the wrappers' parent), if it holds BODY_SHARE of the page's prose."""
    widths = {block: width for block in _text_blocks(tree) if (width := _width(block)) >= MIN_PROSE_WIDTH}
    scores: dict[HtmlElement, float] = {}
    for block, width in widths.items():
        parent = block.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + width
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0) + width / 2
    if not scores:
        return None
    body = max(scores, key=scores.__getitem__)
    if body.tag in ("body", "html"):
        return None
    inside = [width for block, width in widths.items() if _is_inside(block, body)]
    if len(inside) < MIN_BODY_PROSE_BLOCKS or sum(inside) < BODY_SHARE * sum(widths.values()):
        return None
    return body


def _is_inside(element: HtmlElement, container: HtmlElement) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())


def _following(body: HtmlElement) -> Iterator[HtmlElement]:
    """Elements after the body container in document order, outside it: its and its ancestors'
    later siblings, up to the page's <body>."""
    for element in [body, *body.iterancestors()]:
        if element.tag in ("body", "html"):
            return
        yield from (sibling for sibling in element.itersiblings() if isinstance(sibling.tag, str))


def _text_blocks(root: HtmlElement) -> Iterator[HtmlElement]:
    """Blocks holding text and no other block: the lines an extractor prints."""
    for element in root.iter(*_TEXT_BLOCKS):
        if _is_text_block(element) and not any(a.tag in _SKIPPED for a in element.iterancestors()):
            yield element


def _is_text_block(element: HtmlElement) -> bool:
    if element.tag not in _TEXT_BLOCKS:
        return False
    if any(isinstance(child.tag, str) and child.tag in BLOCKS for child in element):
        return False
    return bool(_words(element))


def _has_class(root: HtmlElement, own_class: str) -> bool:
    return any(
        (element.get("class") or "").strip() == own_class
        for element in root.iter()
        if isinstance(element.tag, str)
    )


def _width(element: HtmlElement) -> int:
    return display_width(_words(element))


def _words(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())
