"""Loose text beside blocks becomes paragraphs of its own before extraction.

Why: CMSs paste text straight into a container and then add blocks to the same
container (an image <div>, an editor's <p>, an ad slot), so a statement's paragraph
can be the *tail* of an image div. trafilatura, in its precision mode, drops such
tails with the block before them, and the paragraph is lost. Reader modes avoid
this the same way we do here (Readability.js wraps "phrasing content" runs of a
<div> in <p>s): every run of text and inline elements between the block children
of a container is moved into a new <p>, in place, with nothing added or dropped.
The run before the first block child is the body's first paragraph in the body
container, or wherever it holds a line of prose; elsewhere it is a kicker or a
byline above the headline, which trafilatura leaves out while it stays loose.
"""

from __future__ import annotations

from lxml.html import Element, HtmlElement

CONTAINERS = frozenset("div article section main body td th center blockquote form".split())
BLOCKS = frozenset(
    "address article aside blockquote center dd details dir div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main menu nav ol p pre section table tbody td tfoot th thead tr ul "
    "script style noscript template".split()
)
_BLANK = " \t\n\r\f\v\u00a0\u3000"


def wrap_loose_text(tree: HtmlElement, body: HtmlElement | None = None) -> int:
    """Wrap each run of loose text (and its inline elements) after a block child in a <p>; in the
    body container (`archive.bodycontainer`), the run before its first block child too."""
    wrapped = 0
    for container in [e for e in tree.iter() if isinstance(e.tag, str) and e.tag in CONTAINERS]:
        children = list(container)
        if any(_is_block(c) for c in children):
            wrapped += _wrap_runs(container, children, with_leading_run=container is body)
    return wrapped


def _wrap_runs(container: HtmlElement, children: list[HtmlElement], with_leading_run: bool) -> int:
    runs: list[tuple[HtmlElement | None, str | None, list[HtmlElement]]] = []
    lead: str | None = container.text
    run: list[HtmlElement] = []
    anchor: HtmlElement | None = None  # the block the run follows (None: the container's start)
    for child in [*children, None]:
        if child is not None and not _is_block(child):
            run.append(child)
            continue
        # a run of "<br>text<br>text" has its words in the <br>s' tails
        words = _has_words(lead) or any(_has_words(_text_with_tail(n)) for n in run)
        if words and not any(_holds_block(node) for node in run):
            runs.append((anchor, lead, run))
        if child is not None:
            anchor, lead, run = child, child.tail, []
    # Elsewhere the leading run is a section label or a byline above the headline, which trafilatura
    # leaves out as long as it stays loose; in the body it is the first paragraph, which it drops once
    # the runs after it are <p>s: wrapped in the body container, and wherever it holds a line of prose.
    later = [r for r in runs if r[0] is not None]
    prose_first = [r for r in runs if r[0] is None and bool(later) and _holds_prose_line(r[1], r[2])]
    leading = [r for r in runs if r[0] is None and with_leading_run] or prose_first
    for anchor, lead, nodes in [*leading, *later]:
        paragraph = Element("p")
        paragraph.text = lead
        for node in nodes:
            paragraph.append(node)  # moves the node with its tail
        if anchor is None:
            container.text = None
            container.insert(0, paragraph)
        else:
            anchor.tail = None
            anchor.addnext(paragraph)
    return len(leading) + len(later)


MIN_PROSE_LINE_CHARS = 120
"""A line this long is a paragraph's, not a kicker's, a byline's or a dateline's."""


def _holds_prose_line(lead: str | None, nodes: list[HtmlElement]) -> bool:
    lines: list[str] = [lead or ""]
    for node in nodes:
        if node.tag == "br":
            lines.append(node.tail or "")
        else:
            lines[-1] += _text_with_tail(node)
    return any(len(" ".join(line.split())) >= MIN_PROSE_LINE_CHARS for line in lines)


def _text_with_tail(node: HtmlElement) -> str:
    text = node.text_content() if isinstance(node.tag, str) else ""
    return text + (node.tail or "")


def _holds_block(node: HtmlElement) -> bool:
    """An inline element wrapping blocks (old pages' <font> around the <p>s): not phrasing content,
    and a <p> around it would nest paragraphs."""
    return isinstance(node.tag, str) and next(node.iterdescendants("p"), None) is not None


def _is_block(element: HtmlElement) -> bool:
    return isinstance(element.tag, str) and element.tag in BLOCKS


def _has_words(text: str | None) -> bool:
    return bool(text and text.strip(_BLANK))
