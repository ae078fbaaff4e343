"""The article's body container: the element whose paragraphs are the article's text.

Why: several steps need to know where the text lives, in any theme and any language: what comes
after it and outside it is the page's (`pagetail`), and prose laid out in `<div>`s inside it is
text an extractor would otherwise drop (`divparagraphs`). Reader modes find it by scoring the
parents of paragraphs (Readability.js); so do we, with paragraph-length blocks as the paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml.html import HtmlElement

from archive.linejoin import display_width
from archive.phrasing import BLOCKS

MIN_PROSE_WIDTH = 80
"""A block this wide (CJK characters count two) is a paragraph of prose, not a label or a link."""
BODY_SHARE = 0.6
"""The body container holds this share of the page's prose; less, and the body is split (or unknown)."""
MIN_BODY_PROSE_BLOCKS = 3
TEXT_BLOCKS = frozenset("p div li dd dt td blockquote h2 h3 h4 h5 h6 font center".split())
SKIPPED = frozenset({"script", "style", "noscript", "template"})


def body_container(tree: HtmlElement) -> HtmlElement | None:
    """The element whose paragraphs are the article's: scored as reader modes do (a prose block
    counts fully for its parent and half for its grandparent, so a body laid out one wrapper per
    paragraph scores at the wrappers' parent), if it holds BODY_SHARE of the page's prose."""
    widths = {block: width for block in text_blocks(tree) if (width := text_width(block)) >= MIN_PROSE_WIDTH}
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
    inside = [width for block, width in widths.items() if is_inside(block, body)]
    if len(inside) < MIN_BODY_PROSE_BLOCKS or sum(inside) < BODY_SHARE * sum(widths.values()):
        return None
    return body


def is_inside(element: HtmlElement, container: HtmlElement) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())


def text_blocks(root: HtmlElement) -> Iterator[HtmlElement]:
    """Blocks holding text and no other block: the lines an extractor prints."""
    for element in root.iter(*TEXT_BLOCKS):
        if is_text_block(element) and not any(a.tag in SKIPPED for a in element.iterancestors()):
            yield element


def is_text_block(element: HtmlElement) -> bool:
    if element.tag not in TEXT_BLOCKS:
        return False
    if any(isinstance(child.tag, str) and child.tag in BLOCKS for child in element):
        return False
    return bool(words(element))


def text_width(element: HtmlElement) -> int:
    return display_width(words(element))


def words(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())
