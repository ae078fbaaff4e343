"""Bylines read from the header block's structure, where no label list knows the words.

Why: outlets print the reporter's name under the headline in forms no vocabulary covers: a
label in the site's language beside the date ("Tekst: Anna Kowalczyk | Odsłon: 1843", "Label፦
name"), a block the theme names for the author ("<div class=statia-avtori>", "art-by"), a name
over its e-mail address. Three structural signals say that a header piece is the byline:

- the block, or an element inside it, is named for the author in its class or id;
- the block holds a mailto: link (the reporter's address beside the name), or a link to the
  author's page (WordPress's /author/slug/, rel="author"): the link's text is the name;
- the block also holds a date, and the piece is a one-word label, a colon and a name
  ("Label: Name | 25.11.2026"), or a short word and a name set in its own element.

Whatever the signal, the value must still be a person's name: two to five name-like words (an
initial counts as a word: "Г.Саруул"), no digits, no sentence, not a photo or source credit.
"""

from __future__ import annotations

import regex as re  # Unicode-aware \w: combining marks of Indic and South-East Asian scripts
from lxml.html import HtmlElement

from archive.bylines import (
    CO_AUTHOR_JOIN,
    MAX_CO_AUTHORS,
    byline_line,
    clean_author,
    has_small_words,
    is_plausible_author,
    without_leading_label,
    without_place,
)
from archive.chromelines import COMMENT_WORD
from archive.credits import PHOTO_LABELS, SOURCE_LABELS, name_like
from archive.datelines import YEAR_LIKE, is_date_row, name_in_date_row
from archive.headerlines import MAX_HEADER_LINE_CHARS, block_lines, header_blocks, line_pieces
from archive.scripts import LABEL_COLONS, UNPUNCTUATED_SCRIPT, ascii_digits, has_case, is_lowercase_start
from archive.textclean import remove_keep_tail

# Class and id words themes give the author's element, in the languages theme authors write.
_AUTHOR_NAMED = re.compile(
    r"author|autor|avtor|auteur|byline|writer|reporter|journalist|redaktor|yazar|penulis|hofund|szerzo|szerző|"
    r"forfatter|skribent|muhabir|novinar|dziennikarz|zhurnalist|korrespondent|wartawan|phong-?vien|"
    r"tac-?gia|jizhe|(?:^|[-_\s])(?:by|auth|firma)(?:$|[-_\s])",
    re.IGNORECASE,
)
_LABELLED = re.compile(rf"^(?P<label>[^\W\d_]{{1,20}})\.?\s*[{LABEL_COLONS}]\s*(?P<value>.+)$")
_SHORT_WORD = re.compile(r"^(?P<word>[^\W\d_]{1,4})\s+(?P<value>.+)$")
_CREDIT_LABEL = re.compile(rf"^(?:{PHOTO_LABELS}|{SOURCE_LABELS})$", re.IGNORECASE)
_EMAIL = re.compile(r"[(<\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>\]]?")
_INITIAL = re.compile(r"(?<=^|\s)(\w\p{M}*)\.(?=\w)")
_INLINE = frozenset("span b strong a em i font".split())
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 5


_OUTLET_DASH_PLACE = re.compile(r"\s[-–—/|]\s")


def structural_byline(tree: HtmlElement) -> str | None:
    """The name in the first header block whose structure says it is the byline."""
    blocks = list(header_blocks(tree))
    for parent in dict.fromkeys(b.getparent() for b in blocks if b.getparent() is not None):
        # "<div class=td-post-author-name><div class=td-author-by>De</div> <a href=/author/…>": the
        # link to the author's page beside the leaf blocks, in their parent
        linked = _author_link_name(parent, own_links_only=True)
        if linked:
            return linked
    for block in blocks:
        named = _author_named(block)
        mailed = any((a.get("href") or "").lower().startswith("mailto:") for a in block.iter("a"))
        pieces = [
            piece
            for line in block_lines(block)
            for piece in line_pieces(_EMAIL.sub(" ", line))
            if len(piece) <= MAX_HEADER_LINE_CHARS
        ]
        dated = any(YEAR_LIKE.search(ascii_digits(piece)) for piece in pieces)
        for piece in pieces:  # the dateline's own bracket is signal enough
            bracketed = _dateline_name(piece)
            if bracketed:
                return bracketed
        if any("©" in piece for piece in pieces):
            continue  # the footer's "Editor: … | © 2026 …"
        linked = _author_link_name(block)
        if linked:
            return linked
        if not (named or mailed or dated):
            continue  # no signal
        marked = {" ".join(e.text_content().split()) for e in block.iterdescendants() if e.tag in _INLINE}
        # The element named for the author, read on its own: sibling spans run together in the
        # block's text ("<span class=muhabir>Elif Kaya</span><span class=tarih>24.11.2026</span>").
        for element in _named_inline(block):
            name = clean_author(" ".join(element.text_content().split()))
            if name and person_name(name):
                return name
        for piece in pieces:
            name = byline_line(piece) or _labelled_name(piece) or _short_word_name(piece, marked, dated)
            if name is None and (named or mailed):
                name = person_name(piece)
            if name:
                return name
        # "28. 11. 2026 10:25 | Martina Kubátová | Zobrazeno: 2 417×": the name a date row carries
        in_row = next((name_in_date_row(line) for line in block_lines(block) if is_date_row(line)), None)
        if in_row and person_name(in_row) == in_row and not _OUTLET_DASH_PLACE.search(in_row):
            return in_row  # not "صدى الأطلس - فاس": the outlet and its place
    return None


MAX_BARE_NAME_BLOCKS = 3
MAX_BARE_NAME_CHARS = 40
_UNSPACED = re.compile(f"[{UNPUNCTUATED_SCRIPT}\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff]")
_INITIALS = re.compile(r"(?:^|\s)\w\p{M}*\.\s")


def pop_bare_byline(tree: HtmlElement) -> str | None:
    """A name alone in one of the first blocks under the headline, no label and no class ("<h1/>
    <h2/><div>ടി. കെ. അനൂപ്</div>"): removed and returned. Only a name in a script without
    capitals, or with initials ("T. K. Anoop"): a capitalised pair of words under a headline may
    as well be "Official Statement"."""
    for count, block in enumerate(header_blocks(tree)):
        if count >= MAX_BARE_NAME_BLOCKS:
            return None
        lines = block_lines(block)
        heading = block.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
        if len(lines) != 1 or heading or block.find(".//a") is not None:
            continue
        name = person_name(lines[0])
        # Thai, Lao, Khmer and Burmese set phrases apart with spaces: a visual line may pass for a name
        spaced = _UNSPACED.search(lines[0]) is None and len(lines[0]) <= MAX_BARE_NAME_CHARS
        uncased = spaced and not any(has_case(ch) for ch in lines[0])
        if name and len(name.split()) >= 2 and (uncased or _INITIALS.search(name + " ")):
            remove_keep_tail(block)
            return name
    return None


MAX_AUTHOR_BLOCK_CHARS = 80


def labelled_author_block(tree: HtmlElement) -> str | None:
    """The name in an element named for the author, the header or not: a labelled byline
    ("<div class=news-author>Автор: <strong>…</strong></div>" under the text), or one person's name
    over a role ("<div class=clanok__autor><strong>Lucia Hrušková</strong><br>redaktorka</div>"); a
    box listing several names is other authors, not the byline."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or not _names_author(element) or _in_comments(element):
            continue
        text = " ".join(element.text_content().split())
        if not text or len(text) > MAX_AUTHOR_BLOCK_CHARS:
            continue
        name = byline_line(text)
        lines = block_lines(element)
        if name is None and 1 <= len(lines) <= MAX_AUTHOR_BLOCK_LINES:
            names = [person_name(line) for line in lines]
            # "Lucía Ferrándiz<br>Villarrubia del Jalón": under one name, a second line is the place
            # (a capitalised place reads as a name); three names or more are a list of other authors
            one = len(lines) <= MAX_NAME_AND_PLACE_LINES or not any(names[1:])
            name = names[0] if names[0] and one else None
        if name:
            return name
    return None


MAX_AUTHOR_BLOCK_LINES = 3
MAX_NAME_AND_PLACE_LINES = 2


def _in_comments(element: HtmlElement) -> bool:
    """Inside a reader comment ("<span class=comment-author>"): a reader's name, not the byline."""
    return any(
        COMMENT_WORD.search(f"{e.get('class') or ''} {e.get('id') or ''}") is not None
        for e in (element, *element.iterancestors())
    )


def person_name(value: str) -> str | None:
    """`value` when it is a person's name, a trailing ", place" dropped ("Ivana Matić, Split"); or two
    or three such names joined as printed ("Sanne de Wit en Joris Bakker")."""
    value = without_place(" ".join(value.split()).strip(" ,;|·–—-"))
    names = CO_AUTHOR_JOIN.split(value)
    if 2 <= len(names) <= MAX_CO_AUTHORS:
        people = not has_small_words(names) and all(_one_person_name(name) for name in names)
        return value if people else None
    return _one_person_name(value)


def _one_person_name(value: str) -> str | None:
    if not value or any(ch.isdigit() for ch in value) or any(ch in value for ch in ",;:：()"):
        return None
    words = _INITIAL.sub(r"\1. ", value).split()
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS:
        return None
    if not name_like(value) or is_lowercase_start(value):
        return None
    unlabelled = without_leading_label(value)  # "โดย ทีมข่าวภูมิภาค …": "by" and a news team
    return value if is_plausible_author(value) and is_plausible_author(unlabelled) else None


# Indian papers close the dateline with the reporter: "ਲੁਧਿਆਣਾ, 28 ਨਵੰਬਰ (ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਸੰਧੂ)".
_DATELINE_NAME = re.compile(
    r"^(?P<dateline>[^()（）]*\d[^()（）]*?)\s*[(（](?P<name>[^()（）\d]{2,40})[)）]$"
)


def _dateline_name(piece: str) -> str | None:
    """The name in brackets closing a dateline (place, date, then the reporter)."""
    match = _DATELINE_NAME.match(ascii_digits(piece))
    return person_name(match.group("name")) if match else None


def _labelled_name(piece: str) -> str | None:
    """"Label: Name", any one-word label that is not a photo or source credit's."""
    match = _LABELLED.match(piece)
    if not match or _CREDIT_LABEL.match(match.group("label")):
        return None
    return person_name(match.group("value"))


def _short_word_name(piece: str, marked: set[str], dated: bool) -> str | None:
    """A short 'by' word and a name: the name in its own element ("Nga <span>Arben Hoxha</span>"),
    or, in a dated block, after a small word ("de Andrei Pop · 25.11.2026")."""
    match = _SHORT_WORD.match(piece)
    if not match:
        return None
    word, value = match.group("word"), match.group("value")
    small = has_case(word[0]) and word[0].islower()
    if value in marked or without_place(value) in marked or (dated and small):
        return person_name(value)
    return None


# A link to the author's page: WordPress's /author/slug/, its kin in other languages, rel="author".
_AUTHOR_PATH = re.compile(
    r"/(?:author|authors|autor|autores|autori|auteur|auteurs|autore|avtor|yazar|penulis|journalist|"
    r"journaliste|reporter|redaktor|writer|columnist|profile/author)s?/",
    re.IGNORECASE,
)


def _author_link_name(block: HtmlElement, own_links_only: bool = False) -> str | None:
    """The name a link to an author page shows ("Publié le 26 novembre par <a href=/author/mfall>");
    two such links joined by a word for "and" are co-authors, joined as the page joins them
    ("<a href=/authors/iryna-hnatiuk>Ірина Гнатюк</a> та <a href=/authors/taras-melnyk>…</a>")."""
    names: list[str] = []
    for link in block.iterchildren("a") if own_links_only else block.iter("a"):
        rel = (link.get("rel") or "").lower().split()
        if not ("author" in rel or _AUTHOR_PATH.search(link.get("href") or "")):
            continue
        name = person_name(" ".join(link.text_content().split()))
        if name is None:
            continue
        if not names:
            names.append(name)
            continue
        joiner = _co_author_joiner(link.getprevious())
        if joiner is None or len(names) >= 2 * MAX_CO_AUTHORS - 1:
            break
        names += [joiner, name]
    return " ".join(names) or None


def _co_author_joiner(previous: HtmlElement | None) -> str | None:
    """The word between the previous author link and this one, when it joins co-authors."""
    if previous is None or previous.tag != "a":
        return None
    between = f" {previous.tail or ''} "
    joined = CO_AUTHOR_JOIN.fullmatch(between)
    return " ".join(between.split()) if joined else None


def _named_inline(block: HtmlElement) -> list[HtmlElement]:
    return [e for e in block.iterdescendants() if e.tag in _INLINE and _names_author(e)]


def _names_author(element: HtmlElement) -> bool:
    """Named for the author, and not for a photo's ("autor-foto", "photo-credit-author")."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return _AUTHOR_NAMED.search(names) is not None and _PHOTO_NAMED.search(names) is None


_PHOTO_NAMED = re.compile(r"foto|photo|image|bild|picture|kep|credit", re.IGNORECASE)


def _author_named(block: HtmlElement) -> bool:
    """The block, its parent or an element inside it is named for the author."""
    parent = block.getparent()
    elements = [block, *block.iterdescendants(), *([parent] if parent is not None else [])]
    return any(_names_author(element) for element in elements if isinstance(element.tag, str))


