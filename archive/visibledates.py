"""The publication date a page only prints, in its own language, next to the headline.

Why: many outlets put no date in their metadata or markup (no <time>, no meta, no
JSON-LD); the reader sees a dateline under the headline ("2026年11月20日 18時05分",
"입력 2026.11.20 09:14", "Publicado el 20 de noviembre de 2026"). htmldate's cheap
search misses those, and its extensive search reads the whole text, where the
statement's own dates ("an inspection on 28 October") would win. So: only short
elements just after the headline, each read as a date line by `archive.datelines`
(dateparser, about 200 locales): the first complete date not after the capture.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.html import HtmlElement

from archive.datelines import MAX_LINE_CHARS, YEAR_LIKE, date_in_line

EARLIEST = "1995-01-01"
"""htmldate's floor too: a year like 1405 is a Solar Hijri (or Hijri) date read as Gregorian."""
HEADER_WINDOW = 40
"""Elements after the headline where a dateline may sit (the article's header block)."""
_SKIP = frozenset({"script", "style", "noscript", "template", "a", "nav", "footer", "aside", "head", "title"})
_PIECES = re.compile(r"\s+[|ㅣ·•/\-–—]\s+")
_BLOCKS = frozenset("p div li ul ol table tr td section article header h1 h2 h3 h4 h5 h6 blockquote".split())


def visible_date(tree: HtmlElement, languages: tuple[str, ...], latest: str) -> str | None:
    """First dateline after the headline (YYYY-MM-DD), not after `latest`; None if there is none."""
    for text in _header_texts(tree):
        for piece in _PIECES.split(text):  # "입력 2026.11.20 09:14 | 김지훈 기자"
            found = date_in_line(piece, languages) if YEAR_LIKE.search(piece) else None
            if found is not None and EARLIEST <= found.strftime("%Y-%m-%d") <= latest:
                return found.strftime("%Y-%m-%d")
    return None


def _header_texts(tree: HtmlElement) -> Iterator[str]:
    """Short texts of the elements following the first <h1> (or from the body's start)."""
    headline = tree.find(".//h1")
    started = headline is None
    seen = 0
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
        text = " ".join(element.text_content().split())
        if text and len(text) <= MAX_LINE_CHARS and YEAR_LIKE.search(text):
            yield text


def _inside_skipped(element: HtmlElement, headline: HtmlElement | None) -> bool:
    """Inside the headline, a link, a sidebar, a menu or the footer (other stories' dates live there)."""
    return any(ancestor is headline or ancestor.tag in _SKIP for ancestor in element.iterancestors())
