"""The kicker over the headline: a section or place label, not the statement's first line.

Why: outlets print a short label right above the headline ("Trier-Nord" in a `<p class=
news-dachzeile>`, "INGURUMENA" in a `<p class=sarrera-goiburua>`, "NORE OG UVDAL"). trafilatura
leaves the headline out of the text but keeps the label, which then opens the text as a line of
its own. The element right before the headline, when its text is a kicker (a few words without a
sentence end, or a label in capitals), is removed; bylines and dates were read before.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from archive.headerlines import headline_element
from archive.textclean import is_kicker, remove_keep_tail

_KICKER_TAGS = frozenset({"p", "div", "span", "strong", "b", "font", "h2", "h3", "h4", "h5", "h6"})


def remove_kicker(tree: HtmlElement) -> bool:
    """Remove the kicker element printed right above the headline; True when one went."""
    headline = headline_element(tree)
    if headline is None:
        return False
    previous = next((e for e in headline.itersiblings(preceding=True) if isinstance(e.tag, str)), None)
    if previous is None or previous.tag not in _KICKER_TAGS or (headline.getprevious() is not previous):
        return False
    if previous.find(".//a") is not None or any(ch.isdigit() for ch in previous.text_content()):
        return False  # a breadcrumb link or a date: other rules read those
    text = " ".join(previous.text_content().split())
    if not text or not is_kicker(text):
        return False
    remove_keep_tail(previous)
    return True
