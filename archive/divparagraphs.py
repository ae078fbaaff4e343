"""Prose set in a `<div>` among a body's `<p>` paragraphs becomes a paragraph.

Why: trafilatura reads `<div>`s only when the page has little `<p>` text; on a page whose body is
`<p>`s, a paragraph the theme set in a `<div>` (a quoted passage of the statement in a shaded box,
"<table bgcolor=…><td class=citacao><font>…", unwrapped into divs; an editor's paragraph pasted
as a `<div>`) is dropped, and the statement loses its key sentence. Reader modes turn `<div>`s
without block children into `<p>`s (Readability.js); we do that inside the body container only,
for paragraph-length divs, so side boxes and short labels elsewhere are untouched. A body of divs
alone ("div soup") is left as it is: trafilatura reads its divs already.
"""

from __future__ import annotations

import regex as re
from lxml.html import HtmlElement

from archive.bodycontainer import MIN_PROSE_WIDTH, is_text_block, text_width, words


def retag_prose_divs(body: HtmlElement | None) -> int:
    """Turn paragraph-length leaf <div>s between the body container's <p> paragraphs into <p>s;
    returns how many. Only where <p>s carry the body (more prose <p>s than prose <div>s), and only
    after its first prose <p>: a <div> above it is the lead's slot (a "bajada"), not the text."""
    if body is None or body.getparent() is None:
        return 0
    started = False
    paragraphs: list[HtmlElement] = []
    prose: list[HtmlElement] = []
    for element in body.iter("p", "div"):
        if element.tag == "p" and is_text_block(element) and text_width(element) >= MIN_PROSE_WIDTH:
            started = True
            paragraphs.append(element)
        elif element.tag == "div" and started and _is_prose_paragraph(element):
            prose.append(element)
    if len(paragraphs) < MIN_BODY_PARAGRAPHS or len(prose) >= len(paragraphs):
        return 0
    for div in prose:
        div.tag = "p"
    return len(prose)


MIN_BODY_PARAGRAPHS = 2
_SENTENCE_END = re.compile(r"[.!?…。！？»”\"')）」』]\s*$")
MAX_LINK_SHARE = 0.3


def _is_prose_paragraph(div: HtmlElement) -> bool:
    """One paragraph of running text: long, no line breaks (a box of lines, a menu), few links (a
    teaser), ending as a sentence does."""
    if not is_text_block(div) or text_width(div) < MIN_PROSE_WIDTH or div.find(".//br") is not None:
        return False
    text = words(div)
    linked = sum(len(words(link)) for link in div.iter("a"))
    return linked <= MAX_LINK_SHARE * len(text) and _SENTENCE_END.search(text) is not None
