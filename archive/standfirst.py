"""The standfirst: the lead set apart between the headline and the article body.

Why: outlets print a one- or two-sentence summary under the headline in its own element
(`<p class="perilipsi">`, `<h2 class="kotar-mishne">`, `<div class="c-x12">`), and the body
follows in a container of its own. It is the page's description, not statement text (the
public benchmark's ground truth leaves it out too), but trafilatura keeps it as the first
paragraph. Structure tells it apart, in any language and class naming: a prose block that
follows the headline, before a sibling container holding the body's paragraphs. When the
body's paragraphs are the headline's own siblings, nothing sets the lead apart, and it stays.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from archive.datelines import YEAR_LIKE
from archive.textclean import remove_keep_tail

MIN_STANDFIRST_CHARS = 30
MAX_STANDFIRST_CHARS = 400
MAX_STANDFIRSTS = 2
MIN_BODY_PARAGRAPHS = 2
MAX_CLIMB = 2
MAX_META_CHARS = 100
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
_TEXT_BLOCKS = frozenset({"p", "h2", "h3", "div"})
_BLOCKS = frozenset("p div ul ol table section article h1 h2 h3 h4 blockquote figure".split())
_PASSING = frozenset({"figure", "picture", "img", "time", "hr", "br", "script", "style", "noscript"})


def pop_standfirst(tree: HtmlElement) -> str | None:
    """Remove the standfirst block(s) and return their text; None when no lead is set apart."""
    headline = tree.find(".//h1")
    anchor = headline
    for _ in range(MAX_CLIMB + 1):
        if anchor is None:
            return None
        found = _leads_before_body(anchor)
        if found is not None:
            for block in found:
                remove_keep_tail(block)
            return "\n".join(" ".join(block.text_content().split()) for block in found) or None
        if any(_words(sibling) for sibling in anchor.itersiblings()):
            return None  # the headline's block goes on without a body container
        anchor = anchor.getparent()
    return None


def _leads_before_body(anchor: HtmlElement) -> list[HtmlElement] | None:
    """Prose blocks between `anchor` and the next sibling holding the body; None if no such body."""
    leads: list[HtmlElement] = []
    for sibling in anchor.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in _PASSING or not _words(sibling):
            continue
        if _is_meta_line(sibling):
            continue  # a dateline or byline between headline and body: not a lead, not the body
        if _is_body(sibling):
            return leads if leads and _longer_than(sibling, leads) else None
        if _is_prose_block(sibling):
            leads.append(sibling)
            if len(leads) > MAX_STANDFIRSTS:
                return None
        elif sibling.tag == "p" or _paragraphs(sibling):
            return None  # body paragraphs beside the headline: nothing is set apart
    return None


def _is_meta_line(element: HtmlElement) -> bool:
    """Byline and date lines ("Publicerad 20 november 2026 kl. 09.14", "Door: X<br>vrijdag …")."""
    if element.find(".//br") is not None and len(_words(element)) <= MAX_META_CHARS:
        return True
    text = _words(element)
    return len(text) <= MAX_META_CHARS and bool(YEAR_LIKE.search(text) or _CLOCK.search(text))


def _is_prose_block(element: HtmlElement) -> bool:
    if element.tag not in _TEXT_BLOCKS:
        return False
    blocks = [c for c in element.iterdescendants() if isinstance(c.tag, str) and c.tag in _BLOCKS]
    # A wrapper around one paragraph is that paragraph ("<div class=chapo><p>…</p></div>").
    if blocks and not (len(blocks) == 1 and blocks[0].tag == "p" and _words(blocks[0]) == _words(element)):
        return False
    text = _words(element)
    controls = sum(len(_words(c)) for c in element.iterdescendants("a", "button"))
    if 2 * controls >= len(text):
        return False  # a share bar or a row of links, not a summary
    # Several words (or a CJK run): a summary, not a dateline or a byline.
    wordy = len(text.split()) >= 6 or len(text) >= 40
    return MIN_STANDFIRST_CHARS <= len(text) <= MAX_STANDFIRST_CHARS and wordy


def _is_body(element: HtmlElement) -> bool:
    return len(_paragraphs(element)) >= MIN_BODY_PARAGRAPHS


def _paragraphs(element: HtmlElement) -> list[HtmlElement]:
    return [p for p in element.iter("p") if len(_words(p)) >= MIN_STANDFIRST_CHARS]


def _longer_than(body: HtmlElement, leads: list[HtmlElement]) -> bool:
    return len(_words(body)) > 2 * sum(len(_words(lead)) for lead in leads)


def _words(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())
