"""Zero-width joiners kept through trafilatura.

Why: trafilatura drops every non-printable character from the text, and the zero-width
non-joiner (U+200C) and joiner (U+200D) are "format" characters, so not printable. Persian
writes the non-joiner inside most sentences ("اطلاعیه‌ای", "می‌رساند"), Indic scripts use both
to pick a letter's form, emoji sequences use the joiner: without them the archived text is
not the text the page showed. Before extraction each becomes a printable stand-in no page
uses in text (two musical symbols), and the stand-ins become joiners again after.
"""

from __future__ import annotations

from lxml.html import HtmlElement

JOINERS = {"\u200c": "\U0001d10b", "\u200d": "\U0001d10c"}
_TO_STAND_IN = str.maketrans(JOINERS)
_BACK = str.maketrans({stand_in: joiner for joiner, stand_in in JOINERS.items()})


def protect_joiners(tree: HtmlElement) -> None:
    """Replace the joiners in the tree's text, and in its <meta> values (the og:title and
    description trafilatura reads its metadata from), by their printable stand-ins, in place."""
    for element in tree.iter():
        if element.text and ("\u200c" in element.text or "\u200d" in element.text):
            element.text = element.text.translate(_TO_STAND_IN)
        if element.tail and ("\u200c" in element.tail or "\u200d" in element.tail):
            element.tail = element.tail.translate(_TO_STAND_IN)
        content = element.get("content") if element.tag == "meta" else None
        if content and ("\u200c" in content or "\u200d" in content):
            element.set("content", content.translate(_TO_STAND_IN))


def restore_joiners(text: str) -> str:
    """The joiners back in place of their stand-ins."""
    return text.translate(_BACK)
