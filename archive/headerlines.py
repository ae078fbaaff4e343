"""The short lines of an article's header block: what a reader sees just under the headline.

Why: outlets print the dateline and the byline there ("Door: Sanne de Vries<br>vrijdag 20
november 2026", "Penulis: Rizky Hidayat | Jumat, 20 November 2026"), often with no metadata
for machines and outside the body trafilatura keeps. Only the elements that follow the first
<h1> are read, never links, menus, sidebars or footers (other stories' dates and names live
there), each leaf block split at its <br>s and at " | "-style separators.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from lxml.html import HtmlElement

HEADER_WINDOW = 40
"""Elements after the headline where a dateline or byline may sit (the article's header block)."""
MAX_HEADER_LINE_CHARS = 64
_SKIP = frozenset({"script", "style", "noscript", "template", "a", "nav", "footer", "aside", "head", "title"})
PIECES = re.compile(r"\s+[|ㅣ·•/\-–—]\s+|\s*\u3000+\s*")
_BLOCKS = frozenset("p div li ul ol table tr td section article header h1 h2 h3 h4 h5 h6 blockquote".split())


def headline_element(tree: HtmlElement) -> HtmlElement | None:
    """The article's headline: the first <h1>; on a page without one, the innermost element of the
    body whose text is the headline part of the <title> or og:title.

    Old table layouts and some portals print the headline in "<font class=headline>", "<td
    class=titulo>" or a "<b>": the element whose whole text is the title's longest part (the
    part that is not the site's name) is where the header block starts.
    """
    for headline in tree.iter("h1"):
        if not _is_logo(headline):
            return headline
    for candidate in _title_headlines(tree):
        for node in tree.xpath("//body//text()[contains(., $start)]", start=candidate[:HEADLINE_PROBE_CHARS]):
            element = node.getparent()
            if node.is_tail:
                element = element.getparent()
            while element is not None and len(" ".join(element.text_content().split())) < len(candidate):
                element = element.getparent()
            if element is not None and element.tag == "a" and element.getparent() is not None:
                element = element.getparent()  # "<h2><a href=/…/8831-…>Headline</a></h2>": the link's heading
            if element is None or element.tag in _SKIP or _inside_skipped(element, None):
                continue
            if " ".join(element.text_content().split()) == candidate:
                return element
    return None


def _is_logo(h1: HtmlElement) -> bool:
    """An <h1> that is the site's logo ("<h1 class=logo><a href="/">한빛일보</a></h1>"): its text,
    if any, is a link to the front page."""
    text = " ".join(h1.text_content().split())
    home_links = [a for a in h1.iter("a") if _HOME_PATH.fullmatch(urlsplit(a.get("href") or "").path)]
    linked = " ".join(" ".join(a.text_content().split()) for a in home_links)
    return bool(home_links) and linked == text


_HOME_PATH = re.compile(r"/?(?:index\.\w{2,5}|default\.aspx?)?", re.IGNORECASE)
"""The front page: "/", "", "/index.php", "/index.html", "/default.aspx"."""
HEADLINE_PROBE_CHARS = 12
MIN_TITLE_HEADLINE_CHARS = 20
TITLE_SEPARATOR = re.compile(r"\s+(?:::|\||-|–|—|«|»|·|•)\s+|\s*｜\s*")
"""Between a title's headline and the site's name ("Site :: News :: Headline", "Headline | Site")."""


def _title_headlines(tree: HtmlElement) -> list[str]:
    """The longest part of the <title> and of og:title, long enough to be a headline."""
    titles = [tree.findtext(".//head/title") or "", *tree.xpath("//meta[@property='og:title']/@content")]
    logos = [" ".join(h1.text_content().split()) for h1 in tree.iter("h1") if _is_logo(h1)]
    found: list[str] = []
    for title in titles:
        title = " ".join(str(title).split())
        # "Mwangaza wa Pwani: Wafanyabiashara …": a blog's name, a colon, the post's title
        named = next((title[len(logo) + 1 :] for logo in logos if logo and title.startswith(logo + ":")), "")
        parts = [" ".join(part.split()) for part in TITLE_SEPARATOR.split(named or title)]
        longest = max(parts, key=len, default="")
        # "Niederglatt: Tempo 30 …": the kicker and a colon before the headline the page prints
        after_kicker = longest.partition(": ")[2]
        for candidate in (longest, after_kicker):
            if len(candidate) >= MIN_TITLE_HEADLINE_CHARS and candidate not in found:
                found.append(candidate)
    return found


def header_blocks(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Leaf blocks among the elements following the headline (or from the body's start)."""
    headline = headline_element(tree)
    started = headline is None
    seen = body_paragraphs = 0
    for element in tree.iter():
        if element is headline:
            started = True
            continue
        if not started or not isinstance(element.tag, str) or element.tag in _SKIP:
            continue
        if _inside_skipped(element, headline):
            continue
        seen += 1
        if seen > HEADER_WINDOW:
            return
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in element.iterdescendants()):
            continue
        if len(element.text_content()) > MIN_BODY_PARAGRAPH_CHARS:
            body_paragraphs += 1
            if body_paragraphs > MAX_BODY_PARAGRAPHS:
                return  # the body has begun: what follows is the article's end and the page's footer
        yield element


MIN_BODY_PARAGRAPH_CHARS = 200
MAX_BODY_PARAGRAPHS = 2


def header_lines(tree: HtmlElement) -> Iterator[str]:
    """Short lines of the header block's leaf blocks, split at their <br>s."""
    for block in header_blocks(tree):
        for line in block_lines(block):
            if len(line) <= MAX_HEADER_LINE_CHARS:
                yield line


def header_pieces(tree: HtmlElement) -> Iterator[str]:
    """Short pieces of the header lines, split at separators ("입력 2026.11.20 09:14 | 김지훈 기자");
    a line of several pieces may be longer than one piece ("2026年11月28日　来源：…　记者 陈思远")."""
    for block in header_blocks(tree):
        for line in block_lines(block):
            if len(line) <= MAX_HEADER_ROW_CHARS:
                yield from (piece for piece in line_pieces(line) if len(piece) <= MAX_HEADER_LINE_CHARS)


MAX_HEADER_ROW_CHARS = 160


def line_pieces(line: str) -> list[str]:
    """A header line split at its separators: bars, dots, dashes and runs of ideographic spaces."""
    return [piece.strip() for piece in PIECES.split(line) if piece.strip()]


MAX_ABOVE = 3


def pieces_above_headline(tree: HtmlElement) -> Iterator[str]:
    """Lines of the blocks just above the headline inside the article's own container
    ("<div class=detail><div class=detail-time>Thứ Sáu, 20/11/2026 - 08:30</div><h1>"). Never
    when the headline sits in <body> itself: there the block above is the site's top bar
    (today's date), not the article's."""
    headline = headline_element(tree)
    # The headline first in its post block ("<div class=date-header>…</div><div class=post><h3>"):
    # the blocks above the post block are the ones above it.
    for _ in range(MAX_CLIMB_ABOVE):
        parent = headline.getparent() if headline is not None else None
        if headline is None or parent is None or _has_text_before(headline):
            break
        headline = parent
    if headline is None or headline.getparent() is None or headline.getparent().tag in ("body", "html"):
        return
    for sibling in list(headline.itersiblings(preceding=True))[:MAX_ABOVE]:
        if not isinstance(sibling.tag, str) or sibling.tag in _SKIP or sibling.tag == "header":
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in sibling.iterdescendants()):
            continue
        for line in block_lines(sibling):
            if len(line) <= MAX_HEADER_LINE_CHARS:
                yield from line_pieces(line)


MAX_CLIMB_ABOVE = 1


def _has_text_before(element: HtmlElement) -> bool:
    parent = element.getparent()
    if parent is not None and (parent.text or "").strip():
        return True
    return any(
        isinstance(sibling.tag, str) and sibling.text_content().strip() or (sibling.tail or "").strip()
        for sibling in element.itersiblings(preceding=True)
    )


def block_lines(element: HtmlElement) -> list[str]:
    """The element's text split at its <br>s, spaces collapsed (ideographic spaces kept: they
    separate a CJK header row's pieces)."""
    parts: list[str] = []
    _collect(element, parts)
    lines = "".join(parts).split("\n")
    return [collapse_spaces(_NBSP_RUN.sub("\u3000", line)) for line in lines if line.strip()]


def collapse_spaces(text: str) -> str:
    """Runs of spaces as one, ideographic spaces kept: they part a CJK row's pieces and stand in CJK
    headlines as printed ("…発表　対象…")."""
    return _SPACES.sub(" ", text).strip()


_SPACES = re.compile(r"[^\S\u3000]+")
# "08:32&nbsp;&nbsp;来源：江城晚报&nbsp;&nbsp;作者：王晓峰": two no-break spaces or more part a row's pieces,
# as ideographic spaces do, and so does one between spaces ("10:15 น. &nbsp; หมวด: …"); never right
# after a label's colon ("Autor:&nbsp;&nbsp;Jan Novák").
_NBSP_RUN = re.compile(r"(?<![:：\s\u00a0])(?:[ \t]*\u00a0[ \t]*\u00a0[\s\u00a0]*|[ \t]+\u00a0[ \t]+)")


def _collect(element: HtmlElement, parts: list[str]) -> None:
    """Text in document order, a newline for each <br> and around each block inside.

    Two elements whose texts abut as a lower-case letter then a capital ("<span>Domingos
    Ngola</span><span class=role>Jornalista</span>") are set apart by the page's style, not read
    as one word: they go on lines of their own.
    """
    if element.tag == "br":
        parts.append("\n")
    elif isinstance(element.tag, str):
        parts.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str) and (child.tag in _BLOCKS or _glued(parts, child)):
                parts.append("\n")
            _collect(child, parts)
            parts.append("\n" if isinstance(child.tag, str) and child.tag in _BLOCKS else "")
            parts.append(child.tail or "")


def _glued(parts: list[str], child: HtmlElement) -> bool:
    """The text so far ends in a lower-case letter and the child's starts with a capital, or the
    child abuts a sibling element of another class ("<span class=name>Katarzyna Wróbel</span><span
    class=role>dziennikarka Kuriera</span>", "<span class=auth>प्रिया शर्मा</span><span class=desig>…"):
    the theme styles them apart, in scripts with or without case."""
    before = next((part for part in reversed(parts) if part), "")
    after = child.text_content()
    if not (before and after) or before[-1].isspace() or after[0].isspace():
        return False
    if before[-1].islower() and after[0].isupper():
        return True
    previous = child.getprevious()
    if previous is None or not isinstance(previous.tag, str) or previous.tail:
        return False
    own, other = (child.get("class") or "").strip(), (previous.get("class") or "").strip()
    return bool(own and other) and own != other


def _inside_skipped(element: HtmlElement, headline: HtmlElement | None) -> bool:
    """Inside the headline, a link, a sidebar, a menu or the footer."""
    return any(ancestor is headline or ancestor.tag in _SKIP for ancestor in element.iterancestors())
