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
from archive.textclean import SENTENCE_CLOSE, is_kicker, remove_keep_tail

_KICKER_TAGS = frozenset({"p", "div", "span", "strong", "b", "font", "h2", "h3", "h4", "h5", "h6"})


def remove_kicker(tree: HtmlElement) -> bool:
    """Remove the kicker element printed right above the headline; True when one went."""
    headline = headline_element(tree)
    if headline is None:
        return False
    previous = _element_above(headline)
    if previous is None or previous.tag not in _KICKER_TAGS:
        return False
    if previous.find(".//a") is not None or any(ch.isdigit() for ch in previous.text_content()):
        return False  # a breadcrumb link or a date: other rules read those
    text = " ".join(previous.text_content().split())
    if not text or not (is_kicker(text) or _is_headline_label(text)):
        return False
    remove_keep_tail(previous)
    return True


MAX_LABEL_WORDS = 6
MAX_LABEL_CHARS = 60


def _is_headline_label(text: str) -> bool:
    """A German Dachzeile or a Spanish volanta is a phrase longer than a section name ("Betrugsmasche
    im Werra-Meißner-Kreis"); right above the headline, a phrase of a few words with no sentence end
    is still its label, never the statement's first line."""
    short = len(text) <= MAX_LABEL_CHARS and len(text.split()) <= MAX_LABEL_WORDS
    return short and not SENTENCE_CLOSE.search(text)


def _element_above(headline: HtmlElement) -> HtmlElement | None:
    """The element printed right above the headline: its previous sibling, past the line breaks of
    old layouts ("<span class=volanta>…</span><br><h1>"), with no text in between."""
    for sibling in headline.itersiblings(preceding=True):
        if not isinstance(sibling.tag, str) or (sibling.tail or "").strip():
            return None
        if sibling.tag != "br":
            return sibling
    return None
