"""Fact boxes inside an article body: the outlet's summary, not the statement's text.

Why: outlets set a box between the body's paragraphs with a heading and a few short items
("Ce que risquent les conducteurs" + two lines, "Vuurwerkvrije zones in het kort" + a list,
"Ukratko" + a list). It restates the story for skimming readers; trafilatura keeps it as
paragraphs, and the items read as short lines no line rule can tell from the statement's own.

Structure decides, with the theme's word for "box" as the sign that it is set apart:
- the element's class names a box (in the words themes use: box, encadré, kader, Kasten,
  recuadro, riquadro, ramka, factbox, infobox, summary …) or it is an <aside>;
- it opens with a heading (<h2>–<h6>, or a bold line) and holds two short items or more;
- it is small (a box, not a section of the article) and some of the article's text comes before it.
A pasted statement's own list stays: it has no box around it, or no heading, or it is long.
"""

from __future__ import annotations

import regex as re
from lxml.html import HtmlElement

from archive.textclean import remove_keep_tail

MAX_BOX_CHARS = 600
MAX_ITEM_CHARS = 200
MAX_HEADING_CHARS = 80
MIN_ITEMS = 2
MIN_BODY_PARAGRAPH_CHARS = 80
_BOX_CLASS = re.compile(
    r"(?:^|[\s_-])(?:(?:fact|info|key|summary|highlight)[-_]?(?:box|points?|facts?)|box|encadre|encadré|"
    r"kader|kasten|infokasten|recuadro|riquadro|ramka|ramecek|keret|cerceve|summary|highlights|keypoints|"
    r"tldr|in-?short|ukratko|kurz|faktabox|faktaruta|faktaboks|fakta|fakten|facts|faits|feiten|kakomi)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_INFO_BOX_CLASS = re.compile(
    r"(?:fact|info|fakta|fakten|feiten)[-_]?(?:box|boks|kasten|ruta|rute|kader)|infokasten|encadr",
    re.IGNORECASE,
)
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_BOLD = frozenset({"b", "strong"})
_ITEMS = frozenset({"p", "li"})
_SENTENCE_END = re.compile(r"[.!?。！？]\s*$")


def remove_fact_boxes(tree: HtmlElement) -> int:
    """Remove fact boxes set between body paragraphs; returns how many went."""
    doomed = [element for element in tree.iter("div", "aside", "section") if _is_fact_box(element)]
    for box in doomed:
        if box.getparent() is not None:
            remove_keep_tail(box)
    return len(doomed)


def _is_fact_box(element: HtmlElement) -> bool:
    boxed = element.tag == "aside" or _BOX_CLASS.search(element.get("class") or "") is not None
    if not boxed or next(element.iterancestors("blockquote", "q"), None) is not None:
        return False  # a quotation is never the outlet's box
    text = _words(element)
    if not text or len(text) > MAX_BOX_CHARS:
        return False
    children = [child for child in element if isinstance(child.tag, str) and _words(child)]
    if not children or not _is_heading(children[0], children[1:2]):
        return False
    if _labelled_line(element, children[0]):
        return _after_text(element)  # "<div class=artikel__fakta><b>Fakta:</b> …</div>"
    items = [item for item in element.iter(*_ITEMS) if _words(item)]
    # An explainer box ("Co je NÚKIB" + one line) holds a single item; a box named only "box" (a
    # quotation box, a statement box) needs a list's worth.
    fewest = 1 if _INFO_BOX_CLASS.search(element.get("class") or "") else MIN_ITEMS
    if len(items) < fewest or any(len(_words(item)) > MAX_ITEM_CHARS for item in items):
        return False
    return _after_text(element)


MAX_LABELLED_BOX_CHARS = 300


def _labelled_line(element: HtmlElement, first: HtmlElement) -> bool:
    """A one-line box: a bold label with its colon, then the box's text ("Fakta: …")."""
    label = _words(first)
    text = _words(element)
    return first.tag in _BOLD and label.endswith((":", "：")) and len(text) <= MAX_LABELLED_BOX_CHARS


def _after_text(element: HtmlElement) -> bool:
    """Some of the article's text comes before it (a paragraph-long block among its earlier siblings)."""
    return any(
        len(_words(sibling)) >= MIN_BODY_PARAGRAPH_CHARS
        for sibling in element.itersiblings(preceding=True)
        if isinstance(sibling.tag, str)
    )


def _is_heading(element: HtmlElement, next_block: list[HtmlElement]) -> bool:
    """A heading element, a bold line, or a line opened by a box mark ("■クマに遭遇したら"); or any
    short line the theme styles as the box's title (`<div class=factbox-title>In cijfers</div>`),
    or that a list follows."""
    text = _words(element)
    if len(text) > MAX_HEADING_CHARS or _SENTENCE_END.search(text):
        return False
    if element.tag in _HEADINGS or element.tag in _BOLD or text[:1] in _BOX_MARKS:
        return True
    leaf = next(element.iterchildren("p", "div", "ul", "ol", "li"), None) is None
    titled = _TITLE_CLASS.search(element.get("class") or "") is not None
    return leaf and (titled or any(block.tag in ("ul", "ol") for block in next_block))


_TITLE_CLASS = re.compile(r"title|titel|heading|head(?:er)?(?:$|[\s_-])|label", re.IGNORECASE)


_BOX_MARKS = frozenset("■□◆◇●▶▼【")


def _words(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())
