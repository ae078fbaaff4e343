"""Image captions that are not in <figcaption>: the text that shares a small box with an image.

Why: old and home-grown CMSes set a photo's caption as a <span>, <p> or <i> next to the <img>
inside a little <div> ("<div class=shashin><img><br><span>休止が決まった…（同市提供）</span></div>",
"<div class=billede><img><p class=billedtekst>…</p></div>", "<p><img><br><i>…</i></p>").
trafilatura keeps that text as a paragraph of the article. Structure tells it apart in any
language: the nearest block around the image that holds text holds only a caption's worth (a
couple of short lines), and the image opens it. Icons and emoji (tiny or so named) are not photos.
"""

from __future__ import annotations

import re

from lxml.html import Element, HtmlElement

from archive.textclean import remove_keep_tail

MAX_CAPTION_CHARS = 200
MIN_PHOTO_SIDE = 60
_BOXES = frozenset({"div", "figure", "p", "center", "table"})
_NEVER = frozenset({"body", "html", "article", "main", "td", "section"})
_ICON = re.compile(r"emoji|icon|logo|avatar|smiley|badge", re.IGNORECASE)


def remove_image_captions(tree: HtmlElement) -> int:
    """Remove the small boxes that hold an image and its caption; returns how many went."""
    boxes = []
    for image in tree.iter("img"):
        box = _caption_box(image)
        if box is None:
            box = _caption_under(image)
        if box is not None and box not in boxes:
            boxes.append(box)
    for box in boxes:
        if box.getparent() is None:
            continue
        if box.tag == "table":  # a block with the photo stays: it sets a lead apart (`archive.standfirst`)
            photo_block = Element("div")
            photo = next(box.iter("img"))
            photo_block.append(photo)
            photo.tail = None
            photo_block.tail = box.tail
            box.getparent().replace(box, photo_block)
        else:
            remove_keep_tail(box)
    return len(boxes)


def _caption_box(image: HtmlElement) -> HtmlElement | None:
    if not _is_photo(image):
        return None
    box = image.getparent()
    while box is not None and box.tag not in _NEVER and not _text(box):
        box = box.getparent()  # <a><img></a>, <picture>, an empty wrapper
    if box is not None and box.tag == "td":
        box = _photo_table(box)
    if box is None or box.tag not in _BOXES or box.find(".//h1") is not None:
        return None
    text = _text(box)
    if len(text) > MAX_CAPTION_CHARS or len(box.findall(".//img")) > 1 or _opens_with_text(box, image):
        return None
    return box


_CENTRED = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)


def _caption_under(image: HtmlElement) -> HtmlElement | None:
    """A centred line right under a block holding only the photo: Chinese CMSs set the photo and
    its caption as two centred paragraphs between the indented ones (`<p style="text-align:center">
    <img></p><p style="text-align:center">执法人员…（资料图）</p>`). Only where the paragraphs around are
    not centred: a theme centring all its text says nothing by it."""
    holder = image.getparent()
    while holder is not None and holder.tag not in ("p", "div", "center", "figure") and not _text(holder):
        holder = holder.getparent()
    if holder is None or holder.tag not in ("p", "div", "center", "figure") or _text(holder):
        return None
    under = holder.getnext()
    if under is None or under.tag not in ("p", "div") or (holder.tail or "").strip():
        return None
    text = _text(under)
    if not text or not _centred(under) or len(text) > MAX_CAPTION_CHARS or under.find(".//img") is not None:
        return None
    after = [e for e in under.itersiblings() if isinstance(e.tag, str) and _text(e)]
    before = [e for e in holder.itersiblings(preceding=True) if isinstance(e.tag, str) and _text(e)]
    neighbour = after[0] if after else (before[0] if before else None)
    return under if neighbour is not None and not _centred(neighbour) else None


def _centred(element: HtmlElement) -> bool:
    aligned = element.get("align", "").lower() == "center"
    return aligned or _CENTRED.search(element.get("style", "")) is not None


def _photo_table(cell: HtmlElement) -> HtmlElement | None:
    """The small table an old layout sets a photo in, the caption in its cell or the next row
    ("<table align=right class=bildbox><tr><td><img><br><span>…</span></td></tr></table>")."""
    table = next(cell.iterancestors("table"), None)
    if table is None or next(table.iterancestors("td", "th"), None) is None:
        return None  # the page's own frame, not a box inside its text column
    return table if len(table.findall(".//tr")) <= 2 else None


def _is_photo(image: HtmlElement) -> bool:
    names = " ".join(image.get(a, "") for a in ("class", "id", "src", "alt"))
    if _ICON.search(names):
        return False
    for side in ("width", "height"):
        value = (image.get(side) or "").strip().rstrip("px")
        if value.isdigit() and int(value) < MIN_PHOTO_SIDE:
            return False
    return True


def _opens_with_text(box: HtmlElement, image: HtmlElement) -> bool:
    """Text before the image inside the box: a paragraph with an inline picture, not a caption box."""
    before = [box.text or ""]
    for element in box.iterdescendants():
        if element is image or image in element.iterdescendants():
            break
        before.append(element.text or "")
        before.append(element.tail or "")
    return bool("".join(before).strip())


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())
