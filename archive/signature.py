"""A reporter's signature closing the body: a name alone, set apart, after the last paragraph.

Why: many outlets (Vietnamese, Thai, Chinese and Spanish-language papers among them)
sign an article not with a "By" line but with the reporter's name on its own line at
the end, bold or right-aligned (`<p style="text-align:right"><strong>Minh Anh</strong></p>`).
trafilatura keeps it as the last line of text. Structure tells it apart from a closing
paragraph: the block holds nothing but a short name-like value, set apart by emphasis,
right alignment or a signature/author class, and no text follows it among its siblings.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from archive.bylines import (
    CO_AUTHOR_JOIN,
    MAX_CO_AUTHORS,
    byline_line,
    clean_author,
    has_small_words,
    without_text_and_photo_label,
)
from archive.credits import name_like
from archive.scripts import has_case
from archive.textclean import remove_keep_tail, sole_wrapper

MAX_SIGNATURE_CHARS = 40
MAX_SIGNATURE_WORDS = 4
MIN_PARAGRAPHS_BEFORE = 2
MIN_LOOSE_BODY_CHARS = 200
_EMPHASIS = frozenset({"strong", "b", "em", "i"})
_RIGHT = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)
_SIGNATURE_CLASS = re.compile(
    r"auth?or|signature|byline|writer|reporter|tac-?gia|firma|podpis|kisha", re.IGNORECASE
)
_NOT_A_NAME = re.compile(r"[\d.!?:;,。！？：；，@/|()]")


def pop_signature(tree: HtmlElement) -> str | None:
    """Remove the closing signature block and return the name in it; None when there is none."""
    for block in tree.iter("p", "div"):
        name = _signature_name(block)
        if name is None and (name := _author_box_name(block)) is not None:
            block = _alone_in(block)
        if name is not None and _closes_its_body(block):
            remove_keep_tail(block)
            return name
    return _pop_closing_line_signature(tree)


MIN_LINES_BEFORE = 2


def _pop_closing_line_signature(tree: HtmlElement) -> str | None:
    """The same signature as the last <br>-separated line of a body: "…<br><br><b>Jana Horáková</b>"."""
    for emphasis in tree.iter(*_EMPHASIS):
        parent = emphasis.getparent()
        previous = emphasis.getprevious()
        if parent is None or previous is None or previous.tag != "br" or (previous.tail or "").strip():
            continue
        after = list(emphasis.itersiblings())
        if (emphasis.tail or "").strip() or any(_has_words(s) or (s.tail or "").strip() for s in after):
            continue
        text = " ".join(emphasis.text_content().split())
        if not _name_alone(text):
            continue
        lines = [parent.text or ""] + [br.tail or "" for br in parent.iter("br")]
        lines_before = sum(1 for line in lines if line.strip())
        name = clean_author(text)
        if name is not None and lines_before >= MIN_LINES_BEFORE:
            remove_keep_tail(emphasis)
            return name
    return None


def _signature_name(block: HtmlElement) -> str | None:
    if len(block) > 3 or any(isinstance(c.tag, str) and c.tag in ("p", "div") for c in block):
        return None  # a container, not a line (and its text would cost a walk of its subtree)
    text = " ".join(block.text_content().split())
    bracketed = _BRACKETED.match(text)  # "（社会部・山本彩花）": Japanese papers sign in brackets
    if bracketed:
        inner = bracketed.group("inner").strip()
        if not _name_alone(inner):
            return None
        return byline_line(inner) or clean_author(inner)  # "（文・写真　佐藤健一）": text and photos by
    name = without_text_and_photo_label(text)  # "Tekst i fot. Tomasz Wójcik", set apart as a name is
    if not _name_alone(name) or not _set_apart(block, text):
        return None
    return clean_author(name)


MAX_BIO_CHARS = 200


def _author_box_name(block: HtmlElement) -> str | None:
    """The author box closing an article: the name in bold, a line break, a line about the writer
    (`<div class=autore-box><p><strong>Giulia Rossi</strong><br><em>Giornalista, segue …</em></p>`)."""
    children = [c for c in block if isinstance(c.tag, str)]
    if len(children) < 2 or children[0].tag not in _EMPHASIS or children[1].tag != "br":
        return None
    if (block.text or "").strip() or (children[0].tail or "").strip():
        return None
    name = " ".join(children[0].text_content().split())
    about = " ".join(block.text_content().split())[len(name):]
    classes = block.get("class", "") + " " + _alone_in(block).get("class", "")
    if not _SIGNATURE_CLASS.search(classes) or not _name_alone(name):
        return None
    if not about or len(about) > MAX_BIO_CHARS:
        return None
    return clean_author(name)


def _alone_in(block: HtmlElement) -> HtmlElement:
    """The <div> a block is the only content of (`<div class=author-box><p>…</p></div>`), or the block."""
    box = sole_wrapper(block)
    return box if box.tag == "div" else block


_BRACKETED = re.compile(r"^[（(](?P<inner>[^（()）]{2,40})[）)]$")


def _name_alone(text: str) -> bool:
    """A short name: in a script with letter case at least two words ("Ende" is not a signature);
    or two or three such names joined by "and" ("Mamadou Lamine Diop et Awa Ndiaye")."""
    names = CO_AUTHOR_JOIN.split(text)
    if 2 <= len(names) <= MAX_CO_AUTHORS:
        return not has_small_words(names) and all(_one_name(name) for name in names)
    return _one_name(text)


def _one_name(text: str) -> bool:
    words = text.split()
    if not text or len(text) > MAX_SIGNATURE_CHARS or len(words) > MAX_SIGNATURE_WORDS:
        return False
    if _NOT_A_NAME.search(text) or not name_like(text):
        return False
    cased = any(has_case(ch) for ch in text)
    return len(words) >= 2 or not cased


def _set_apart(block: HtmlElement, text: str) -> bool:
    if block.get("align", "").lower() == "right" or _RIGHT.search(block.get("style", "")):
        return True
    if _SIGNATURE_CLASS.search(block.get("class", "")):
        return True
    children = [c for c in block if isinstance(c.tag, str)]
    emphasised = len(children) == 1 and children[0].tag in _EMPHASIS and not (block.text or "").strip()
    return emphasised and " ".join(children[0].text_content().split()) == text


def _closes_its_body(block: HtmlElement) -> bool:
    """No text after it among its siblings, and at least two paragraphs before it."""
    if (block.tail or "").strip():
        return False
    # A share bar or a list of other stories may follow it, and a short notice or two ("При
    # использовании материалов гиперссылка на сайт обязательна"): not a paragraph of text.
    after = [s for s in block.itersiblings() if _has_words(s) and not _mostly_links(s)]
    one_word = len(block.text_content().split()) < 2  # "التعليقات" over the comments is no name
    if after and one_word:
        return False
    if len(after) > MAX_NOTES_AFTER or not all(_is_note(s) for s in after):
        return False
    before = [s for s in block.itersiblings(preceding=True) if _has_words(s)]
    if len(before) >= MIN_PARAGRAPHS_BEFORE:
        return True
    # A body of <br> lines sits in the parent's own text and the tails between its children.
    parent = block.getparent()
    loose = [parent.text or ""] if parent is not None else []
    loose += [s.tail or "" for s in block.itersiblings(preceding=True)]
    return sum(len(t.strip()) for t in loose) >= MIN_LOOSE_BODY_CHARS


MIN_LINK_SHARE = 0.6
MAX_NOTES_AFTER = 2
MAX_NOTE_CHARS = 100


def _is_note(element: HtmlElement) -> bool:
    """A short line that closes no sentence: a notice, not a paragraph of the text."""
    text = element.text_content().strip()
    return len(text) <= MAX_NOTE_CHARS and not _SENTENCE_END.search(text)


_SENTENCE_END = re.compile(r"[.!?。！？]$")


def _mostly_links(element: HtmlElement) -> bool:
    text = "".join(element.text_content().split())
    linked = sum(len("".join(a.text_content().split())) for a in element.iter("a", "button"))
    return bool(text) and linked >= MIN_LINK_SHARE * len(text)


def _has_words(element: HtmlElement) -> bool:
    return isinstance(element.tag, str) and bool(element.text_content().strip())
