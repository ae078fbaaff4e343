"""The article's body container: the element whose paragraphs are the article's text.

Why: several steps need to know where the text lives, in any theme and any language: what comes
after it and outside it is the page's (`pagetail`), and prose laid out in `<div>`s inside it is
text an extractor would otherwise drop (`divparagraphs`). Reader modes find it by scoring the
parents of paragraphs (Readability.js); so do we, with paragraph-length blocks as the paragraphs.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from archive.linejoin import display_width
from archive.phrasing import BLOCKS

MIN_PROSE_WIDTH = 80
"""A block this wide (CJK characters count two) is a paragraph of prose, not a label or a link."""
BODY_SHARE = 0.6
"""The body container holds this share of the page's prose; less, and the body is split (or unknown)."""
MIN_BODY_PROSE_BLOCKS = 3
MIN_BODY_WIDTH = 800
"""A body in fewer blocks (one <div> of <br>-separated lines) is one when it is this long: ten lines."""
TEXT_BLOCKS = frozenset("p div li dd dt td blockquote h2 h3 h4 h5 h6 font center".split())
SKIPPED = frozenset({"script", "style", "noscript", "template"})


def body_container(tree: HtmlElement) -> HtmlElement | None:
    """The element whose paragraphs are the article's: scored as reader modes do (a prose block
    counts fully for its parent and half for its grandparent, so a body laid out one wrapper per
    paragraph scores at the wrappers' parent), if it holds BODY_SHARE of the page's prose. Loose
    text runs count for the element they lie in ("<div class=articleBody>…<br><br>…<p class=
    reporter>"): an old layout's body has no paragraph elements at all."""
    units = _prose_units(tree)
    scores: dict[HtmlElement, float] = {}
    for _, scored, width in units:
        scores[scored] = scores.get(scored, 0) + width
        parent = scored.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + width / 2
    if not scores:
        return None
    body = max(scores, key=scores.__getitem__)
    if body.tag in ("body", "html"):
        return None
    held = [(unit, width) for unit, _, width in units if unit is body or is_inside(unit, body)]
    holders = [unit for unit, _ in held]
    if len(holders) == 1 and holders[0] is not body:
        body = holders[0]  # one <div> holding the whole text as <br>-separated lines: it is the body
    elif held:
        # ... or holding most of it, a lead, a caption and a list beside it ("<td><p class=vorspann/>
        # <table>photo</table><font>…<br><br>…</font><table>tools</table><font>list</font></td>")
        main, main_width = max(held, key=lambda pair: pair[1])
        most = main_width >= MAIN_BLOCK_SHARE * sum(width for _, width in held)
        if main is not body and most and sum(1 for _ in main.iter("br")) >= MIN_BR_BODY_BREAKS:
            body = main
    inside = [width for unit, _, width in units if unit is body or is_inside(unit, body)]
    enough = len(inside) >= MIN_BODY_PROSE_BLOCKS or sum(inside) >= MIN_BODY_WIDTH  # one <br> block
    if not enough or sum(inside) < BODY_SHARE * sum(w for _, _, w in units):
        return None
    return body


MIN_BR_BODY_BREAKS = 2
MAIN_BLOCK_SHARE = 0.7


def _prose_units(tree: HtmlElement) -> list[tuple[HtmlElement, HtmlElement, int]]:
    """(where the prose is, the element it scores for, its width) for each paragraph-length text
    block (scoring for its parent) and each loose run of text beside blocks (for its element).
    One walk: a block's text is read only for leaf text blocks (the walk is O(page))."""
    units: list[tuple[HtmlElement, HtmlElement, int]] = []
    for element in tree.iter():
        tag = element.tag
        if not isinstance(tag, str) or tag in SKIPPED:
            continue
        leaf = not any(isinstance(child.tag, str) and child.tag in BLOCKS for child in element)
        if leaf and tag in TEXT_BLOCKS:
            text = words(element)
            if text:
                width = display_width(text)
                parent = element.getparent()
                skipped = width >= MIN_PROSE_WIDTH and any(a.tag in SKIPPED for a in element.iterancestors())
                if width >= MIN_PROSE_WIDTH and parent is not None and not skipped:
                    units.append((element, parent, width))
                continue
        for run in (element.text, *(child.tail for child in element)):
            width = display_width(" ".join((run or "").split()))
            if width >= MIN_PROSE_WIDTH:
                units.append((element, element, width))
    return units


def loose_prose_after(element: HtmlElement) -> bool:
    """Whether a paragraph-length run of loose text follows the element (its tail)."""
    return display_width(" ".join((element.tail or "").split())) >= MIN_PROSE_WIDTH


def is_inside(element: HtmlElement, container: HtmlElement) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())


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
