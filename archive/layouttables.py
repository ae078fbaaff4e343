"""Layout tables become plain blocks before extraction; data tables stay tables.

Why: older CMSs (and many portals still) lay the whole page out in <table> cells:
menu in one cell, article in another, share bar and copyright in more rows.
trafilatura keeps tables as tables, so such a page comes out as `| menu | … |`
rows with all its chrome. Browsers' reader modes solve this by telling layout
tables from data tables (Readability.js `_markDataTables`); we use the same
signals, plus one of our own: a cell holding paragraphs or a long run of prose
is page layout, not a datum.

- layout: role="presentation", datatable="0", a nested table, a cell with more
  than `LONG_CELL_CHARS` of text;
- data: summary, caption, th/thead/tfoot/col/colgroup (a WordPress table may wrap
  its cells' values in <p>, so this comes before the next test);
- layout: a cell with block content (p, div, ul, ol, h1-h6, blockquote);
- else by size: one row or one column is layout; 10+ rows, 5+ columns or more than
  10 cells is data.
"""

from __future__ import annotations

from lxml.html import HtmlElement

LONG_CELL_CHARS = 300
_CELL_BLOCKS = frozenset("p div ul ol dl h1 h2 h3 h4 h5 h6 blockquote article section".split())
_DATA_MARKS = frozenset("th thead tfoot col colgroup".split())
_TABLE_PARTS = frozenset("table thead tbody tfoot tr td th caption colgroup col".split())


def unwrap_layout_tables(tree: HtmlElement) -> int:
    """Turn every layout table (and its rows and cells) into <div>s; returns how many."""
    layout = [table for table in tree.iter("table") if is_layout_table(table)]
    for table in layout:
        for part in _own_parts(table):
            part.tag = "div"
            for attribute in ("width", "height", "colspan", "rowspan", "valign", "align"):
                part.attrib.pop(attribute, None)
        table.tag = "div"
    return len(layout)


def is_layout_table(table: HtmlElement) -> bool:
    """Readability's data-table test, with paragraphs or long prose in a cell meaning layout."""
    if (table.get("role") or "").strip().lower() == "presentation" or table.get("datatable") == "0":
        return True
    parts = list(_own_parts(table))
    if any(part.tag == "table" for part in table.iterdescendants("table")):
        return True
    cells = [part for part in parts if part.tag in ("td", "th")]
    if any(_cell_chars(cell) > LONG_CELL_CHARS for cell in cells):
        return True
    if table.get("summary") or any(part.tag in _DATA_MARKS for part in parts):
        return False
    if any(_holds_blocks(cell) for cell in cells):
        return True
    caption = table.find("caption")
    if caption is not None and caption.text_content().strip():
        return False
    rows = [part for part in parts if part.tag == "tr"]
    columns = max((_row_width(row) for row in rows), default=0)
    if len(rows) <= 1 or columns <= 1:
        return True
    if len(rows) >= 10 or columns > 4:
        return False
    return len(rows) * columns <= 10


def _own_parts(table: HtmlElement) -> list[HtmlElement]:
    """Rows, cells and sections of this table, not of tables nested in its cells."""
    parts: list[HtmlElement] = []
    stack = list(table)
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str) or element.tag not in _TABLE_PARTS or element.tag == "table":
            continue
        parts.append(element)
        if element.tag not in ("td", "th", "caption"):
            stack.extend(element)
    return parts


def _cell_chars(cell: HtmlElement) -> int:
    return len(" ".join(cell.text_content().split()))


def _holds_blocks(cell: HtmlElement) -> bool:
    return any(child.tag in _CELL_BLOCKS for child in cell.iterdescendants())


def _row_width(row: HtmlElement) -> int:
    width = 0
    for cell in row:
        if cell.tag in ("td", "th"):
            try:
                width += max(1, int(cell.get("colspan") or 1))
            except ValueError:
                width += 1
    return width
