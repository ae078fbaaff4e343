"""Reader-interaction boxes (comment forms, sign-up boxes, comment sections) leave the tree.

Why: such boxes sit inside or beside the article body, and trafilatura keeps their text
as article text: a comment form's heading and disclaimer, a newsletter box's "subscribe"
sentence, a comment section's "No comments yet". Outlets name their classes in their own
language or generically ("c-x12"), so structure decides first:

- A form box is found from its control (a textarea, a select, a text-like input; a button
  only counts beside one of those): the box is the highest ancestor that still looks like a
  small widget, i.e. little text, no h1, no long paragraph, not the page/article/main element,
  at most one sentence-long paragraph, and not the container of the article's paragraphs.
- A comment section without a form is found by a comment word in its class or id (in the
  languages news CMSs use), and goes only if it is not the article: no h1, not the container
  of the article's paragraphs, and less than half of the page's paragraph text. So a Czech
  opinion column whose container is named "komentar" stays.

No sentence lists: nothing here reads the box's words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from archive.chromelines import COMMENT_WORD
from archive.textclean import remove_keep_tail

MAX_BOX_CHARS = 400
"""A widget's whole text (heading, disclaimer, labels, button) stays under this."""
MAX_BOX_BLOCK_CHARS = 200
"""A widget has no paragraph longer than this; an article paragraph often is."""
PROSE_CHARS = 60
"""A block this long without a control is a sentence: a widget has at most one (its disclaimer)."""
MAX_BOX_PROSE_BLOCKS = 1

NEVER_BOX = frozenset({"html", "body", "article", "main", "blockquote", "q"})
NEVER_BOX_ROLES = frozenset({"main", "article"})
SKIPPED = frozenset({"script", "style", "noscript", "template", "svg"})
INLINE = frozenset(
    "a abbr b bdi bdo big br button cite code data del dfn em font i img input ins kbd label mark "
    "meter option output progress q rp rt ruby s samp select small span strike strong sub sup "
    "textarea time tt u var wbr".split()
)
NOT_TYPED_CONTROLS = frozenset({"hidden", "submit", "button", "reset", "image"})
"""Input types that are not a place to type or choose: hidden fields and buttons."""

COMMENT_STEMS = (
    "comment",  # en, and fr "commentaire", it "commento", ro "comment-"; also "commentary" (guarded)
    "koment",  # id/ms "komentar", cs/sk "komentář", pl "komentarz", hr/sl/sr "komentar", lv
    "komen",  # ms/id "komen", "ruang-komen" (also matches nl "komende": guarded like the rest)
    "komment",  # de/da/no/sv "kommentar", hu "komment", fi "kommentit"
    "comentar",  # es/pt "comentario(s)", "comentário", ro "comentarii", ca "comentari"
    "коммент",  # ru
    "комент",  # uk, bg, sr
    "yorum",  # tr "yorum", "yorumlar"
    "binh-luan",  # vi "bình luận"
    "binhluan",
    "binh_luan",
    "reactie",  # nl "reactie", "reacties"
    "pinglun",  # zh 评论
    "talkback",  # he news sites' comment sections
    "disqus",  # the comment platform's embed ("disqus_thread")
)
"""Lowercase substrings of class/id that name reader comments in news CMSs and themes."""


def remove_reader_boxes(tree: HtmlElement) -> int:
    """Remove form boxes, then guarded comment sections; returns how many elements were removed."""
    holder = paragraph_holder(tree)
    removed = _remove_outermost([b for c in _controls(tree) if (b := form_box(c, holder)) is not None])
    removed += _remove_outermost(comment_sections(tree))
    removed += _remove_outermost(comment_notes(tree))
    removed += _remove_outermost(dialogs(tree, holder))
    return removed


def dialogs(tree: HtmlElement, holder: HtmlElement | None) -> list[HtmlElement]:
    """Overlays declared as dialogs (a consent manager's "<div class=didomi-popup role=dialog>", a
    newsletter modal): never article text, unless one holds the article itself."""
    found = []
    for element in tree.xpath("//*[@role or @aria-modal]"):
        role = (element.get("role") or "").lower()
        modal = role in ("dialog", "alertdialog") or element.get("aria-modal") == "true"
        if not modal or _never_a_box(element) or element.find(".//h1") is not None:
            continue
        if holder is not None and (holder is element or any(a is element for a in holder.iterancestors())):
            continue
        found.append(element)
    return found


MAX_NOTE_CHARS = 120
_NOTE_TAGS = frozenset({"p", "div", "span", "small", "em", "i", "section", "footer"})
_NOTE_BLOCKS = frozenset({"p", "div", "ul", "ol", "table", "h1", "h2", "h3"})


def comment_notes(tree: HtmlElement) -> list[HtmlElement]:
    """Short notes about reader comments after the article body ("Comments are closed.", "التعليقات
    مغلقة لهذا المقال.", "Diskusia k článku je uzavretá.", "Vous devez être abonné pour commenter.").

    Position, not wording, keeps a statement's own "declined to comment" safe: only a block
    outside the paragraph holder, after it in the page, holding one short line, goes.
    """
    holder = paragraph_holder(tree)
    if holder is None:
        return []
    inside = set(holder.iter())
    after = False
    notes = []
    for element in tree.iter():
        if element is holder:
            after = True
            continue
        if not after or element in inside or element.tag not in _NOTE_TAGS:
            continue
        if any(child.tag in _NOTE_BLOCKS for child in element):
            continue
        text = " ".join(element.text_content().split())
        if text and len(text) <= MAX_NOTE_CHARS and COMMENT_WORD.search(text):
            notes.append(element)
    return notes


def form_box(control: HtmlElement, holder: HtmlElement | None = None) -> HtmlElement | None:
    """The highest ancestor of a form control that is still a small widget, or None."""
    protected = set(_self_and_ancestors(holder)) if holder is not None else set()
    box = None
    current = control
    while (parent := current.getparent()) is not None:
        if _never_a_box(parent) or parent in protected or not _widget_sized(parent):
            break
        if parent.find(".//h1") is not None:
            break
        box = current = parent
    return box


def comment_sections(tree: HtmlElement) -> list[HtmlElement]:
    """Elements named for reader comments that are not the article itself."""
    named = [e for e in tree.iter() if isinstance(e.tag, str) and _named_for_comments(e)]
    if not named:
        return []
    holder = paragraph_holder(tree)
    # The body's size: its <p>s, or its loose lines when it has none (a body of <div>/<br> lines).
    page_chars = max(_paragraph_chars(tree), _text_chars(holder) if holder is not None else 0)
    text_chars = _text_chars(tree) if not page_chars else 0
    protected = set(_self_and_ancestors(holder)) if holder is not None else set()
    sections = []
    for element in named:
        if _never_a_box(element) or element in protected or element.find(".//h1") is not None:
            continue
        if page_chars and 2 * (_paragraph_chars(element) or _text_chars(element)) >= page_chars:
            continue
        if not page_chars and 2 * _text_chars(element) >= text_chars:
            continue
        sections.append(element)
    return sections


def paragraph_holder(tree: HtmlElement) -> HtmlElement | None:
    """The element whose own <p> children and loose text lines (a body of <br>-separated lines)
    hold the most text: the article body, as reader modes find it."""
    totals: dict[HtmlElement, int] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is not None:
            totals[parent] = totals.get(parent, 0) + _text_chars(paragraph)
    for element in tree.iter("div", "td", "section", "article", "font", "span"):
        loose = len("".join([element.text or "", *(child.tail or "" for child in element)]).strip())
        if loose:
            totals[element] = totals.get(element, 0) + loose
    if not totals:
        return None
    best = max(totals, key=lambda element: totals[element])
    return best if totals[best] else None


def is_typed_control(element: HtmlElement) -> bool:
    """A place to type or choose: textarea, select, or an input that is not hidden and not a button."""
    if element.tag in ("textarea", "select"):
        return True
    if element.tag != "input":
        return False
    return (element.get("type") or "text").strip().lower() not in NOT_TYPED_CONTROLS


def _controls(tree: HtmlElement) -> list[HtmlElement]:
    return [e for e in tree.iter("textarea", "select", "input") if is_typed_control(e)]


def _never_a_box(element: HtmlElement) -> bool:
    """The page, its main part, the article or a quotation: never a box (a nested article is a
    comment, per HTML; "<blockquote class=comment>" is a statement quoted in full)."""
    if element.tag == "article":
        return next(element.iterancestors("article"), None) is None
    if element.tag in NEVER_BOX:
        return True
    if (element.get("role") or "").strip().lower() in NEVER_BOX_ROLES:
        return True
    return (element.get("itemprop") or "").strip() == "articleBody"


def _named_for_comments(element: HtmlElement) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return any(stem in names for stem in COMMENT_STEMS)


def _self_and_ancestors(element: HtmlElement) -> Iterator[HtmlElement]:
    yield element
    yield from element.iterancestors()


def _remove_outermost(elements: list[HtmlElement]) -> int:
    chosen = set(elements)
    outermost = [e for e in dict.fromkeys(elements) if not any(a in chosen for a in e.iterancestors())]
    for element in outermost:
        remove_keep_tail(element)
    return len(outermost)


def _paragraph_chars(element: HtmlElement) -> int:
    return sum(_text_chars(p) for p in element.iter("p"))


def _text_chars(element: HtmlElement) -> int:
    return _measure(element, limit=None).chars


@dataclass
class _Measure:
    chars: int = 0
    longest_block: int = 0
    prose_blocks: int = 0
    over_limit: bool = False


def _widget_sized(element: HtmlElement) -> bool:
    measure = _measure(element, limit=MAX_BOX_CHARS)
    return (
        not measure.over_limit
        and measure.longest_block <= MAX_BOX_BLOCK_CHARS
        and measure.prose_blocks <= MAX_BOX_PROSE_BLOCKS
    )


def _measure(root: HtmlElement, limit: int | None) -> _Measure:
    """Whitespace-normalised text length of a subtree and of each block's own text.

    A block's own text is the text not inside a nested block; a block is prose when its own
    text is sentence-long and no control sits directly in it (a consent label with its
    checkbox is not prose). Scripts and styles do not count. Stops once past `limit`.
    """
    measure = _Measure()
    blocks: list[list[int]] = []  # open blocks: [own chars, holds a control]
    stack: list[tuple[HtmlElement, bool]] = [(root, False)]

    def add(text: str | None) -> None:
        words = " ".join(text.split()) if text else ""
        if words:
            measure.chars += len(words) + 1
            blocks[-1][0] += len(words) + 1

    while stack:
        element, closing = stack.pop()
        tag = element.tag
        is_block = element is root or (isinstance(tag, str) and tag not in INLINE)
        if closing:
            if is_block:
                own, has_control = blocks.pop()
                measure.longest_block = max(measure.longest_block, own - 1)
                measure.prose_blocks += own - 1 >= PROSE_CHARS and not has_control
            if element is not root:
                add(element.tail)
            if limit is not None and measure.chars - 1 > limit:
                measure.over_limit = True
                return measure
            continue
        if not isinstance(tag, str) or tag in SKIPPED:
            if element is not root:
                add(element.tail)
            continue
        if is_block:
            blocks.append([0, 0])
        if is_typed_control(element):
            blocks[-1][1] = 1
        add(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    measure.chars = max(measure.chars - 1, 0)
    return measure
