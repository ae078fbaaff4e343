"""Re-join pasted visual lines into paragraphs, deciding from the lines themselves.

A statement copied from a PDF or an e-mail and pasted into a CMS often keeps its
line wrapping: every *visual line* becomes its own `<p>` (or `<div>`, or is
separated by `<br>`), sometimes with spacer elements (`<p>&nbsp;</p>`,
`<br><br>`) between lines and a larger spacer run between paragraphs. Which CMS
did it does not matter; the lines give it away:

- visual lines cluster at one width (the wrap width) and most end mid-sentence,
  the next line going on in lower case;
- a line is *full* when the next line's first word would not have fitted on it,
  so it wrapped: full lines continue their paragraph;
- when spacer runs vary, the paragraph break is the run that follows lines which
  clearly end a paragraph (short, closed by a full stop): usually the larger one,
  and a full line ending with a full stop inside a paragraph is joined too;
- without spacers, a full stop at a line end followed by a capital could end the
  paragraph or not; it is taken as a paragraph end (the text stays whole sentences).

A paragraph cut in two mid-sentence (a line ending in a lower-case word, the
next starting with one) is re-joined wherever it occurs. Ordinary pages
(paragraphs that end their sentences, lists of short labels, headings) give no
such evidence and are left alone. `decide_joins` is the whole
rule on plain strings; `join_visual_lines` applies it to an lxml tree.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from lxml.html import HtmlElement

from archive.chromelines import is_labelled_list, is_menu_line
from archive.credits import is_photo_credit_line
from archive.datelines import YEAR_LIKE, date_line_kind, through_clock
from archive.scripts import OTHER_FULL_STOPS, UNPUNCTUATED_SCRIPT

NBSP_LIKE = re.compile(r"[\u00a0\u2007\u202f\u200b\ufeff]")
SPACES = re.compile(r"\s+")
# Closing quotation marks end a line as its full stop does, German and Danish ones too („…“, »…«).
TERMINAL = re.compile(rf"""[.!?:;。！？：；…"'”’»“‘›«」』)\]{OTHER_FULL_STOPS}]$""")
UNPUNCTUATED = re.compile(f"[{UNPUNCTUATED_SCRIPT}]")
NO_SPACE_SCRIPT = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
WIDE_SCRIPT = re.compile(r"[\u1100-\u11ff\u3000-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")
MIN_LINES = 3
MIN_BROKEN_LINE = 30
MIN_EVIDENCE = 2
EVIDENCE_SHARE = 0.2
MAX_OVER_WRAP = 1.2
FULL_WITH_SPACER_EVIDENCE = 0.6
FULL_OPEN_LINE = 0.6
FULL_CLOSED_LINE = 0.95
FIRST_WORD_CAP = 12
MAX_WRAP_WIDTH = 130
"""Display columns: e-mail wraps at 72-78, a PDF page's line at 60-110 (CJK characters count two)."""

BLOCK_TAGS = frozenset(
    "address article aside blockquote center dd details dir div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main menu nav ol p pre section table tbody td tfoot th thead tr ul img "
    "picture video audio iframe embed object svg canvas math script style noscript textarea select".split()
)
MEDIA_TAGS = frozenset("img picture video audio iframe embed object svg canvas table hr".split())
LINE_TAGS = frozenset({"p", "div"})


def clean(text: str) -> str:
    return SPACES.sub(" ", NBSP_LIKE.sub(" ", text)).strip()


def display_width(text: str) -> int:
    """Columns a line takes: East Asian wide characters count two, combining marks (Thai and
    Devanagari vowel signs, Arabic harakat) none: they sit on the letter before them."""
    if text.isascii():
        return len(text)
    return sum(_columns(c) for c in text)


@lru_cache(maxsize=8192)
def _columns(char: str) -> int:
    if unicodedata.category(char) in ("Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _wide(text: str) -> bool:
    return len(WIDE_SCRIPT.findall(text)) * 3 > len(text)


def joiner(before: str, after: str) -> str:
    """What replaces a line break: nothing next to a Chinese or Japanese character, else a space.

    Chinese and Japanese set digits and Latin words inside a sentence without spaces
    ("明年" + "2月底" is "明年2月底"), so one side in those scripts is enough.
    """
    before, after = before.rstrip(), after.lstrip()
    if before and after and (NO_SPACE_SCRIPT.match(before[-1]) or NO_SPACE_SCRIPT.match(after[0])):
        return ""
    if before and after and before[-1].isdigit() and after[0].isdigit() and _mostly_no_space_script(before):
        return ""  # a number cut by the wrap inside Chinese or Japanese text ("12月" -> "1" | "2月")
    return " "


def _mostly_no_space_script(text: str) -> bool:
    return len(NO_SPACE_SCRIPT.findall(text)) * 3 > len(text)


INDENT = re.compile(r"^[ \t\r\n]*(?:\u3000|[\u00a0\u2002\u2003]{2})")


def is_indented(raw: str) -> bool:
    """A line set in by an indent: a full-width space or two no-break/en/em spaces (source
    newlines and ASCII spaces are markup layout, not an indent)."""
    return bool(INDENT.match(raw))


def _first_word_width(text: str) -> int:
    """The width of what the line could have taken from the next one: its first word, or in
    Chinese and Japanese (which wrap between any two characters) its first character."""
    if text and NO_SPACE_SCRIPT.match(text):
        return display_width(text[0])
    word = text.split(" ", 1)[0]
    return min(display_width(word), FIRST_WORD_CAP)


def _starts_capital(text: str) -> bool:
    for char in text:
        if char.isalpha():
            return char.isupper()
        if char.isdigit():
            return False
    return False


def _wrap_width(widths: Sequence[int]) -> tuple[int, int]:
    """The width most lines reach, and how many lines reach it (within 20%)."""
    ordered = sorted(widths)
    best_count, best_width, low = 0, 0, 0
    for high, width in enumerate(ordered):
        while ordered[low] < 0.8 * width:
            low += 1
        if high - low + 1 >= best_count:
            best_count, best_width = high - low + 1, width
    return best_width, best_count


@dataclass
class _Lines:
    texts: Sequence[str]
    gaps: Sequence[int]
    widths: list[int] = field(init=False)
    open: list[bool] = field(init=False)

    def __post_init__(self) -> None:
        self.widths = [display_width(t) for t in self.texts]
        self.open = [not TERMINAL.search(t) for t in self.texts]

    def fill(self, i: int, wrap: int) -> float:
        """How full line i is: its width plus the next line's first word, over the wrap width."""
        return (self.widths[i] + 1 + _first_word_width(self.texts[i + 1])) / wrap

    def fits(self, i: int, wrap: int) -> bool:
        return max(self.widths[i], self.widths[i + 1]) <= MAX_OVER_WRAP * wrap and _wide(
            self.texts[i]
        ) == _wide(self.texts[i + 1])


def _break_gap(lines: _Lines, wrap: int) -> int | None:
    """The spacer run that marks a paragraph break, or None when spacers say nothing."""
    gaps = list(lines.gaps)
    if len(set(gaps)) < 2:
        return None
    after_endings = [
        gaps[i]
        for i in range(len(gaps))
        if not lines.open[i] and lines.fill(i, wrap) < FULL_WITH_SPACER_EVIDENCE
    ]
    if after_endings:
        counts = Counter(after_endings)
        threshold = max(counts, key=lambda gap: (counts[gap], gap))
    else:
        threshold = max(gaps)
    return threshold if threshold > min(gaps) else None


def decide_joins(
    texts: Sequence[str],
    gaps: Sequence[int],
    indented: Sequence[bool] | None = None,
    in_paragraph: bool = False,
) -> list[bool]:
    """`_decide_joins`, and never into or out of a chrome row (tags, share or menu bar, a dated
    stamp row, a photo credit "圖／海港日報資料照"): those are the outlet's lines around the
    statement, whatever their width."""
    joins = _decide_joins(texts, gaps, indented, in_paragraph)
    if not any(joins):
        return joins
    chrome = [
        is_menu_line(text) or is_labelled_list(text) or is_stamp_row(text) or is_photo_credit_line(text)
        for text in texts
    ]
    return [join and not chrome[i] and not chrome[i + 1] for i, join in enumerate(joins)]


MAX_STAMP_ROW_CHARS = 120
_ROW_SEPARATOR = re.compile(r"\s[|·•｜]\s")


def is_stamp_row(text: str) -> bool:
    """A short row of pieces with a date in it ("Апублікавана: 26.11.2026, 09:12 · Праглядаў: 1 204"),
    or one opened by a dated clock time, its pieces parted by spaces only ("วันที่ 26 พ.ย. 2569 เวลา
    10:15 น. หมวด: … อ่าน 1,482 ครั้ง": date, section, views)."""
    if len(text) > MAX_STAMP_ROW_CHARS or not YEAR_LIKE.search(text):
        return False
    if _ROW_SEPARATOR.search(text):
        return True
    parts = through_clock(text)
    if parts is None or not YEAR_LIKE.search(parts[0]):
        return False
    return date_line_kind(parts[0]) is not None


def _decide_joins(
    texts: Sequence[str],
    gaps: Sequence[int],
    indented: Sequence[bool] | None = None,
    in_paragraph: bool = False,
) -> list[bool]:
    """For each pair of consecutive lines, whether the second continues the first's paragraph.

    `texts` are the lines (whitespace-normalised, non-empty); `gaps[i]` is the number of
    spacers between line i and line i+1; `indented[i]` whether line i began with an indent
    (full-width spaces, several no-break spaces). When some lines are indented and others
    not, an indented line starts a paragraph and an unindented one continues it.
    `in_paragraph`: the lines are single-<br> lines of one <p>, which is itself the paragraph, so
    they all go on (chrome rows aside, see `decide_joins`).
    """
    pairs = len(texts) - 1
    if pairs < 1:
        return []
    lines = _Lines(texts, gaps)
    if in_paragraph and not _list_like(lines):
        # One <p> is one paragraph: a single <br> inside it is where the writer's editor wrapped a
        # line or set a quotation on its own line ("the council said:<br>“We are sorry …”"), in
        # any script; paragraphs inside one <p> are set apart by <br><br>, which never comes here.
        return [True] * pairs
    starts = list(indented or [])
    if len(starts) >= MIN_LINES and all(starts) and min(gaps) >= 1:
        # Every line opens with an indent after a blank line: each is a paragraph ("<br><br>&nbsp;
        # &nbsp;…" in old Thai portals), in a script with full stops or without. (Indents alone
        # may be a theme's on every <p>, and say nothing.)
        return [False] * pairs
    if not (any(starts[1:]) and not all(starts)):
        starts = []
    broken = [
        _broken_mid_sentence(lines, i, min(gaps)) and not (starts and starts[i + 1]) for i in range(pairs)
    ]
    # A paragraph may end on a line without a full stop only in a script that has none (Thai).
    open_ended = [o and not _unpunctuated(t) for o, t in zip(lines.open, texts, strict=True)]
    no = _only_whole_paragraphs(broken, open_ended)
    open_widths = [w for w, o in zip(lines.widths[:-1], lines.open[:-1], strict=True) if o]
    if len(texts) < MIN_LINES or len(open_widths) < MIN_EVIDENCE:
        return no
    cluster, _ = _wrap_width(open_widths)
    wrap = max(w for w in lines.widths if w <= MAX_OVER_WRAP * cluster)
    if wrap < 8 or 2 * sum(w > MAX_OVER_WRAP * wrap for w in lines.widths) >= len(texts):
        return no  # most lines are wider than the "wrap": paragraphs, and a few short lines after them
    if cluster > MAX_WRAP_WIDTH:
        return no  # no e-mail or PDF wraps this wide: paragraphs of one length, not visual lines
    break_gap = _break_gap(lines, wrap)

    def spacer_break(i: int) -> bool:
        return break_gap is not None and gaps[i] >= break_gap

    evidence = sum(
        1
        for i in range(pairs)
        if lines.open[i]
        and not spacer_break(i)
        and lines.fits(i, wrap)
        and lines.fill(i, wrap) >= FULL_OPEN_LINE
        # A capital after a line that stops on a lower-case word is a noun or a name
        # ("… ze świętami" | "Bożego Narodzenia …"): still a wrapped sentence.
        and (not _starts_capital(texts[i + 1]) or texts[i][-1].islower())
    )
    if evidence < MIN_EVIDENCE or evidence < EVIDENCE_SHARE * pairs:
        return no
    joins = []
    for i in range(pairs):
        if spacer_break(i) or not lines.fits(i, wrap) or (starts and starts[i + 1]):
            joins.append(False)
        elif starts:
            joins.append(True)  # an unindented line goes on with the indented paragraph
        elif break_gap is not None:
            joins.append(lines.fill(i, wrap) >= FULL_WITH_SPACER_EVIDENCE)
        else:
            # Without spacers a full stop then a capital is ambiguous; splitting there keeps
            # whole sentences, merging two paragraphs would not, so only a full open line joins.
            closed_sentence = not lines.open[i] and _starts_capital(texts[i + 1]) and not in_paragraph
            # No stop at the end says nothing in Thai: there only a full line goes on.
            needed = FULL_OPEN_LINE if open_ended[i] else FULL_CLOSED_LINE
            joins.append(not closed_sentence and lines.fill(i, wrap) >= needed)
    return _only_whole_paragraphs([a or b for a, b in zip(joins, broken, strict=True)], open_ended)


def _unpunctuated(text: str) -> bool:
    return len(UNPUNCTUATED.findall(text)) * 2 > len(text)


MIN_LIST_LINES = 3


def _list_like(lines: _Lines) -> bool:
    """Three lines or more, most of them not ending a sentence: a list set in one <p> (tour dates,
    prices, an address), each item a line of its own. In a script without full stops (Thai) no
    line ends a sentence; there only short lines make a list, not a quotation wrapped in lines."""
    items = [
        is_open and (not _unpunctuated(text) or width < MIN_UNPUNCTUATED_PROSE_LINE)
        for text, width, is_open in zip(lines.texts, lines.widths, lines.open, strict=True)
    ]
    return len(lines.texts) >= MIN_LIST_LINES and 2 * sum(items) > len(lines.texts)


MIN_UNPUNCTUATED_PROSE_LINE = 40


def _broken_mid_sentence(lines: _Lines, i: int, tightest_gap: int) -> bool:
    """A paragraph cut in two mid-sentence ("… with an" | "effective way …"), whatever the widths.

    In scripts with letter case the line ends in a lower-case letter, the next begins with one or
    with a number ("… zaplanowany na" | "25 grudnia …"), or with a capital when the line itself
    began mid-sentence ("entwendeten vorwiegend … Der" | "Gesamtschaden wird …": a German noun; a
    heading never starts in lower case); in any script the line ends in a comma.
    """
    before, after = lines.texts[i], lines.texts[i + 1]
    goes_on = after[0].islower() or after[0].isdigit() or (before[0].islower() and after[0].isupper())
    cased = before[-1].islower() and goes_on
    return (
        lines.gaps[i] == tightest_gap
        and lines.widths[i] >= MIN_BROKEN_LINE
        and (cased or before[-1] in _COMMAS)
        and _wide(before) == _wide(after)
    )


def introduces_next(texts: Sequence[str], gaps: Sequence[int], i: int) -> bool:
    """In <br> lines whose paragraphs are set apart by blank lines, a line closing on a colon and the
    sentence it introduces after a single <br>: "… schreibt der Gemeinderat:<br>«Die Messungen …»
    <br><br>" is one paragraph, as a reader cites it. A list after the colon (short lines, no full
    stop) is not; nor are sibling <p>s, each a paragraph of its own."""
    after = texts[i + 1]
    return (
        max(gaps) >= 1
        and gaps[i] == 0
        and texts[i].endswith((":", "："))
        and display_width(after) >= MIN_BROKEN_LINE
        and TERMINAL.search(after) is not None
    )


_COMMAS = frozenset(",，、،")
"""A line ending in a comma ends mid-sentence in any script ("…校方今天上午發布聲明，" | "宣布…")."""


def _only_whole_paragraphs(joins: list[bool], open_ended: list[bool]) -> list[bool]:
    """A re-joined paragraph must end a sentence; a run of label lines (a list) is left alone."""
    result = list(joins)
    start = 0
    for end in range(len(open_ended)):
        if end < len(joins) and joins[end]:
            continue
        if end > start and open_ended[end]:
            result[start:end] = [False] * (end - start)
        start = end + 1
    return result


# --- the tree side -------------------------------------------------------------------------


def _tag(element: HtmlElement) -> str:
    return element.tag if isinstance(element.tag, str) else ""


BLANKS = " \t\n\r\f\v\u00a0\u2007\u202f\u200b\ufeff"


def _has_chars(text: str | None) -> bool:
    return bool(text and text.strip(BLANKS))


def _shapes(tree: HtmlElement) -> dict[HtmlElement, str]:
    """ "line" or "spacer" for every <p>/<div>/<br> that is one, in one bottom-up pass.

    A line holds text and inline markup only; a spacer holds no text and no media.
    """
    has_text: dict[HtmlElement, bool] = {}
    blocky: dict[HtmlElement, bool] = {}
    media: dict[HtmlElement, bool] = {}
    inner_break: dict[HtmlElement, bool] = {}
    shapes: dict[HtmlElement, str] = {}
    for element in reversed(list(tree.iter())):
        children = list(element)
        tag = _tag(element)
        has_text[element] = (bool(tag) and _has_chars(element.text)) or any(
            has_text.get(c, False) or _has_chars(c.tail) for c in children
        )
        blocky[element] = any(_tag(c) in BLOCK_TAGS or blocky.get(c, False) for c in children)
        media[element] = tag in MEDIA_TAGS or any(media.get(c, False) for c in children)
        inner_break[element] = any(
            (_tag(c) == "br" and (_has_chars(c.tail) or c.getnext() is not None)) or inner_break.get(c, False)
            for c in children
        )
        if tag == "br":
            shapes[element] = "spacer"
        elif tag in LINE_TAGS:
            if not has_text[element]:
                if not media[element]:
                    shapes[element] = "spacer"
            elif not blocky[element] and not inner_break[element]:
                shapes[element] = "line"
    return shapes


def _glue(before: str | None, after: str | None, glue: str | None) -> str:
    """Two pieces of text; with `glue`, the line break between them becomes that string."""
    if glue is None:
        return (before or "") + (after or "")
    return (before or "").rstrip() + glue + (after or "").lstrip()


def _remove_keeping_tail(element: HtmlElement, joiner: str | None = None) -> None:
    parent = element.getparent()
    if parent is None:
        return
    previous = element.getprevious()
    if previous is not None:
        previous.tail = _glue(previous.tail, element.tail, joiner)
    else:
        parent.text = _glue(parent.text, element.tail, joiner)
    parent.remove(element)


def _append_inline(target: HtmlElement, source: HtmlElement) -> None:
    """Move `source`'s content to the end of `target`, joined as one line."""
    glue = joiner(clean(target.text_content()), clean(source.text_content()))
    if len(target):
        last = target[-1]
        last.tail = _glue(last.tail, source.text, glue)
    else:
        target.text = _glue(target.text, source.text, glue)
    for child in list(source):
        target.append(child)


def _join_sibling_run(run: list[tuple[HtmlElement, list[HtmlElement]]], gaps: list[int]) -> int:
    raw = [element.text_content() for element, _ in run]
    texts = [clean(text) for text in raw]
    joined = 0
    head = run[0][0]
    decisions = decide_joins(texts, gaps, [is_indented(text) for text in raw])
    for decision, (element, spacers) in zip(decisions, run[1:], strict=True):
        if not decision:
            head = element
            continue
        for spacer in spacers:
            _remove_keeping_tail(spacer)
        _append_inline(head, element)
        _remove_keeping_tail(element)
        joined += 1
    if joined:
        # The run was a pasted text: its <div> lines are now paragraphs, and trafilatura's
        # precision mode keeps <p> paragraphs but may drop a body made only of <div>s.
        for element, _ in run:
            if element.tag == "div" and element.getparent() is not None:
                element.tag = "p"
    return joined


def _join_sibling_lines(parent: HtmlElement, shapes: dict[HtmlElement, str]) -> int:
    """Lines that are sibling <p>/<div> elements, spacer elements between."""
    joined = 0
    run: list[tuple[HtmlElement, list[HtmlElement]]] = []
    gaps: list[int] = []
    spacers: list[HtmlElement] = []

    def flush() -> None:
        nonlocal joined, run, gaps, spacers
        if len(run) >= 2:
            joined += _join_sibling_run(run, gaps)
        run, gaps, spacers = [], [], []

    for child in list(parent):
        if not _tag(child):
            continue
        shape = shapes.get(child)
        if shape == "line":
            if run:
                gaps.append(len(spacers))
            run.append((child, spacers))
            spacers = []
        elif shape == "spacer":
            if run:
                spacers.append(child)
        else:
            flush()
        if _has_chars(child.tail):
            flush()
    flush()
    return joined


def _join_br_lines(parent: HtmlElement) -> int:
    """Lines separated by <br> inside one element; <br><br> (or more) between paragraphs.

    A block child (a <p> of credits after the pasted text, a <div> of an image) ends a run
    of lines; the text after it starts the next run.
    """
    if not any(_tag(c) == "br" for c in parent):
        return 0
    joined = 0
    in_paragraph = _in_one_paragraph(parent)
    run = _BrRun(parent.text or "", in_paragraph)
    for child in list(parent):
        tag = _tag(child)
        if tag in BLOCK_TAGS:
            joined += run.join()
            run = _BrRun(child.tail or "", in_paragraph)
        elif tag == "br":
            run.add_break(child)
        else:
            run.current += child.text_content() + (child.tail or "")
    return joined + run.join()


def _in_one_paragraph(parent: HtmlElement) -> bool:
    """The <br>s' parent is a <p> or a <blockquote> (a quoted statement, "<blockquote>« En raison de
    …<br>…»"), or an inline element inside one ("<p><em>„…<br>…”</em></p>", a pasted statement set
    in italics), or italics anywhere ("<font><i>«…<br>…»</i></font>": a quoted
    statement set apart as one): its lines are the lines of one paragraph."""
    if _tag(parent) in _QUOTING:
        return True
    element: HtmlElement | None = parent
    while element is not None and _tag(element) not in BLOCK_TAGS:
        element = element.getparent()
    return element is not None and _tag(element) in ("p", "blockquote")


_QUOTING = frozenset({"i", "em", "q"})


class _BrRun:
    """Lines of text between <br>s, collected in document order, then joined where they wrap."""

    def __init__(self, lead: str, in_paragraph: bool = False) -> None:
        self.in_paragraph = in_paragraph
        self.current = lead
        self.texts: list[str] = []
        self.indented: list[bool] = []
        self.gaps: list[int] = []
        self.breaks: list[list[HtmlElement]] = []
        self.pending: list[HtmlElement] = []

    def add_break(self, br: HtmlElement) -> None:
        self._end_line()
        if self.texts:
            self.pending.append(br)
        self.current = br.tail or ""

    def _end_line(self) -> None:
        if not clean(self.current):
            return
        if self.texts:
            self.gaps.append(len(self.pending) - 1)
            self.breaks.append(self.pending)
        self.texts.append(clean(self.current))
        self.indented.append(is_indented(self.current))
        self.pending = []
        self.current = ""

    def join(self) -> int:
        self._end_line()
        if len(self.texts) < 2:
            return 0
        joined = 0
        one_block = self.in_paragraph and not any(self.gaps)
        decisions = decide_joins(self.texts, self.gaps, self.indented, in_paragraph=one_block)
        decisions = [d or introduces_next(self.texts, self.gaps, i) for i, d in enumerate(decisions)]
        for index, (decision, brs) in enumerate(zip(decisions, self.breaks, strict=True)):
            if decision:
                glue = joiner(self.texts[index], self.texts[index + 1])
                for br in brs:
                    _remove_keeping_tail(br, joiner=glue)
                joined += 1
        return joined


def join_visual_lines(tree: HtmlElement) -> int:
    """Re-join visual lines everywhere in the tree; returns how many line breaks went."""
    joined = 0
    br_parents = {br.getparent() for br in tree.iter("br")}
    for parent in [e for e in tree.iter() if e in br_parents]:  # document order: deterministic
        joined += _join_br_lines(parent)
    shapes = _shapes(tree)
    parents = {e.getparent() for e, shape in shapes.items() if shape == "line"}
    for parent in [e for e in tree.iter() if e in parents]:
        if parent.getparent() is not None or parent is tree:
            joined += _join_sibling_lines(parent, shapes)
    return joined
