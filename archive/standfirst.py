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

from archive.datelines import CLOCK, YEAR_LIKE
from archive.headerlines import headline_element
from archive.linejoin import display_width
from archive.textclean import remove_keep_tail, sole_wrapper

MIN_STANDFIRST_CHARS = 30
MAX_STANDFIRST_CHARS = 400
MAX_STANDFIRSTS = 2
MIN_BODY_PARAGRAPHS = 2
MAX_CLIMB = 2
MAX_META_CHARS = 100
_TEXT_BLOCKS = frozenset({"p", "h2", "h3", "h4", "div", "font"})  # <font class=intro>: old table layouts' <p>
_BLOCKS = frozenset("p div ul ol table section article h1 h2 h3 h4 blockquote figure".split())
_INLINE_LEADS = frozenset({"b", "strong", "span", "i", "em"})
_WRAPPED = frozenset({"p", "h2", "h3", "h4", "div"})
_PASSING = frozenset({"figure", "picture", "img", "time", "hr", "br", "script", "style", "noscript"})


def pop_standfirst(tree: HtmlElement) -> str | None:
    """Remove the standfirst block(s) and return their text; None when no lead is set apart.

    The headline and its lead may share a header block whose sibling is the body ("<div
    class=header><h1/><div class=lead/><div class=meta/></div><div class=body>…"): leads found
    beside the headline count when the body turns up a level or two higher.
    """
    anchor = headline_element(tree)
    pending: list[HtmlElement] = []
    for _ in range(MAX_CLIMB + 1):
        if anchor is None:
            return None
        state, leads, body_chars, body = _scan_after(anchor)
        pending += leads
        if state == _STOP or len(pending) > MAX_STANDFIRSTS:
            return None
        if state == _BODY:
            if not pending and body is not None:
                pending = _lead_opening(body)  # "<div class=entry-content><p class=lead><strong>…"
            if not pending or body_chars <= 2 * sum(len(_words(lead)) for lead in pending):
                return None
            for block in pending:
                remove_keep_tail(block)
            return "\n".join(" ".join(block.text_content().split()) for block in pending) or None
        anchor = anchor.getparent()
    return None


_BODY, _OPEN, _STOP = "body", "open", "stop"


def _scan_after(anchor: HtmlElement) -> tuple[str, list[HtmlElement], int, HtmlElement | None]:
    """What follows `anchor` among its siblings: the body after some leads (`_BODY`, with the body's
    length), only leads and meta lines (`_OPEN`: look a level up), or paragraphs beside the
    headline (`_STOP`). An image between the lead and the paragraphs sets the lead apart too
    ("<h1/><p class=copete/><table><img/>…</table><p>body</p><p>…")."""
    leads: list[HtmlElement] = []
    image_after_lead = False
    for sibling in anchor.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in _PASSING or not _words(sibling):
            image_after_lead = image_after_lead or bool(leads and _has_image(sibling))
            continue
        if _is_meta_line(sibling) or _is_controls(sibling):
            # a dateline, byline or share bar between headline and body: not a lead, not the body;
            # a photo with a one-line caption ("<img><br>Foto: …") sets the lead apart as any image
            image_after_lead = image_after_lead or bool(leads and _has_image(sibling))
            continue
        if _is_body(sibling):
            return _BODY, leads, len(_words(sibling)), sibling
        run = _paragraph_run(sibling)
        if len(run) >= MIN_BODY_PARAGRAPHS:
            return _BODY, leads, sum(len(_words(e)) for e in run), None
        paragraphs = sibling.tag == "p" or bool(_paragraphs(sibling))
        if paragraphs and image_after_lead and _styled_apart(leads, sibling):
            rest = [sibling, *sibling.itersiblings()]
            return _BODY, leads, sum(len(_words(e)) for e in rest if isinstance(e.tag, str)), None
        if (_is_prose_block(sibling) or _is_highlights(sibling)) and not image_after_lead:
            leads.append(sibling)
        elif sibling.tag == "p" or _paragraphs(sibling):
            return _STOP, leads, 0, None  # body paragraphs beside the headline: nothing is set apart
        elif _is_header_part(sibling):
            image_after_lead = image_after_lead or bool(leads and _has_image(sibling))
        else:
            return _STOP, leads, 0, None
    return _OPEN, leads, 0, None


def _paragraph_run(first: HtmlElement) -> list[HtmlElement]:
    """`first` and the siblings after it built alike (same tag and class), each wrapping a
    paragraph: a body laid out one wrapper per paragraph ("<div class='mc-column content-text'>
    <p>…</p></div>" repeated), which no single container holds."""
    run: list[HtmlElement] = []
    for element in [first, *first.itersiblings()]:
        if not isinstance(element.tag, str) or element.tag in _PASSING:
            continue
        alike = element.tag == first.tag and element.get("class") == first.get("class")
        if not alike or element.tag == "p" or len(_paragraphs(element)) != 1:
            break
        run.append(element)
    return run


def _styled_apart(leads: list[HtmlElement], body_start: HtmlElement) -> bool:
    """The lead has a class of its own: a body's first paragraph before an image looks like the
    paragraphs after it (same class or none); a "copete" does not."""
    own = {(lead.get("class") or "").strip() for lead in leads}
    return "" not in own and (body_start.get("class") or "").strip() not in own


# The lead as the body's first paragraph, marked by the theme: "lead", "intro", "chapo", "perex" …
_LEAD_CLASS = re.compile(
    r"(?:^|[\s_-])(?:lead|lede|intro|summary|standfirst|dek|chapo|chapeau|sapo|entradilla|bajada|copete|"
    r"sommario|perex|ingress|ingres|ingressi|vorspann|anons|spot|lid|manchet|resumen|resumo|ozet|excerpt)(?:$|[\s_-])",
    re.IGNORECASE,
)


def _lead_opening(body: HtmlElement) -> list[HtmlElement]:
    """The body container's first paragraph when the theme marks it as the lead (its class, or its
    wrapper's: Drupal's "<div class=field-name-field-chapeau><p>…"), and other paragraphs follow;
    [] otherwise. A first paragraph set in bold is not enough: news leads are (the public benchmark
    counts them as body)."""
    first = next((p for p in body.iter("p") if _words(p)), None)
    if first is None:
        return []
    lead = sole_wrapper(first, within=body)  # a CMS field's <div> around the paragraph
    if not _LEAD_CLASS.search(f"{first.get('class') or ''} {lead.get('class') or ''}"):
        return []
    if not _is_prose_block(first) or len(_paragraphs(body)) < MIN_BODY_PARAGRAPHS + 1:
        return []
    return [lead]


def _has_image(element: HtmlElement) -> bool:
    return element.tag in ("img", "figure", "picture") or element.find(".//img") is not None


MAX_HEADER_PART_CHARS = 200


def _is_header_part(element: HtmlElement) -> bool:
    """A short block of the header (a meta row with nested parts, a figure with its caption)."""
    return len(_words(element)) <= MAX_HEADER_PART_CHARS and not _paragraphs(element)


def _is_controls(element: HtmlElement) -> bool:
    """A share bar or a row of links: mostly buttons and links."""
    text = _words(element)
    controls = sum(len(_words(c)) for c in element.iterdescendants("a", "button"))
    return bool(text) and 2 * controls >= len(text)


def _is_meta_line(element: HtmlElement) -> bool:
    """Byline and date lines ("Publicerad 20 november 2026 kl. 09.14", "Door: X<br>vrijdag …")."""
    if element.find(".//br") is not None and len(_words(element)) <= MAX_META_CHARS:
        return True
    text = _words(element)
    dated = bool(YEAR_LIKE.search(text) or CLOCK.search(text))
    if len(text) <= MAX_META_CHARS and dated:
        return True
    # A meta block of short lines ("Por Fernanda Luz e Tiago Moura, …" / "27/11/2026 09h41 · Atualizado …").
    lines = [_words(p) for p in element.iterdescendants("p", "div") if p.find(".//p") is None]
    # in columns: four short Korean paragraphs are a body, not a meta block
    short = bool(lines) and all(display_width(line) <= MAX_META_CHARS for line in lines)
    return dated and short and display_width(text) <= MAX_META_BLOCK_CHARS


MAX_META_BLOCK_CHARS = 240


def _is_prose_block(element: HtmlElement) -> bool:
    # "<h1/><b class=lead>…</b><br><br>": an old table layout's lead, inline but named for it
    inline_lead = element.tag in _INLINE_LEADS and _LEAD_CLASS.search(element.get("class") or "") is not None
    if element.tag not in _TEXT_BLOCKS and not inline_lead:
        return False
    blocks = [c for c in element.iterdescendants() if isinstance(c.tag, str) and c.tag in _BLOCKS]
    # A wrapper around one paragraph or subheading is it ("<div class=chapo><p>…</p></div>",
    # "<div class=ArticleHeader_sapo><h2>…</h2></div>"; in div soup "<div class=intro><div>…</div></div>"),
    # but a photo's box is no lead ("<div><img><div>The lake in summer</div></div>").
    if blocks and not _wraps_one_text_block(element, blocks):
        return False
    text = _words(element)
    if _is_controls(element):
        return False  # a share bar or a row of links, not a summary
    # Several words (or a CJK run): a summary, not a dateline or a byline.
    wordy = len(text.split()) >= 6 or len(text) >= 40
    # Counted in columns: a Korean or Japanese lead of 27 characters is a full line of summary.
    return MIN_STANDFIRST_CHARS <= display_width(text) and len(text) <= MAX_STANDFIRST_CHARS and wordy


def _wraps_one_text_block(element: HtmlElement, blocks: list[HtmlElement]) -> bool:
    if len(blocks) != 1 or blocks[0].tag not in _WRAPPED or _words(blocks[0]) != _words(element):
        return False
    return blocks[0].tag != "div" or element.find(".//img") is None


MIN_HIGHLIGHTS = 2
MAX_HIGHLIGHTS = 5
MIN_HIGHLIGHT_WORDS = 4


def _is_highlights(element: HtmlElement) -> bool:
    """The story's highlights as a list under the headline ("<div class=story-summary><ul><li>…"):
    two to five items that are short sentences, none a link (a list of links is a menu or teasers)."""
    lists = [element] if element.tag in ("ul", "ol") else list(element.iter("ul", "ol"))
    if len(lists) != 1 or _words(lists[0]) != _words(element) or lists[0].find(".//a") is not None:
        return False
    items = [_words(item) for item in lists[0].iter("li")]
    if not MIN_HIGHLIGHTS <= len(items) <= MAX_HIGHLIGHTS:
        return False
    words_each = all(len(item.split()) >= MIN_HIGHLIGHT_WORDS for item in items)
    return words_each and all(display_width(item) <= MAX_STANDFIRST_CHARS for item in items)


def _is_body(element: HtmlElement) -> bool:
    """Paragraphs (<p>, or leaf <div>s of paragraph length in "div soup" themes: "<div
    class=art__p>"), or a body of loose <br>-separated text (the container's own text and tails)."""
    if max(len(_paragraphs(element)), len(_div_paragraphs(element))) >= MIN_BODY_PARAGRAPHS:
        return True
    loose = [element.text or "", *(child.tail or "" for child in element)]
    return sum(len(part.strip()) for part in loose) >= MIN_LOOSE_BODY_CHARS


MIN_LOOSE_BODY_CHARS = 300


MIN_DIV_PARAGRAPH_CHARS = 80
"""Longer than a caption line or a meta row: a leaf <div> this long is a paragraph of text."""


def _div_paragraphs(element: HtmlElement) -> list[HtmlElement]:
    """Leaf <div>s of paragraph length, at most MIN_BODY_PARAGRAPHS (all a caller needs): the leaf
    test stops at a div's first block descendant, so nested div soup costs one walk."""
    found: list[HtmlElement] = []
    for div in element.iter("div"):
        if next(div.iterdescendants(*_BLOCKS), None) is None and len(_words(div)) >= MIN_DIV_PARAGRAPH_CHARS:
            found.append(div)
            if len(found) >= MIN_BODY_PARAGRAPHS:
                break
    return found


def _paragraphs(element: HtmlElement) -> list[HtmlElement]:
    return [p for p in element.iter("p") if len(_words(p)) >= MIN_STANDFIRST_CHARS]


def _words(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())
