# ruff: noqa: E501  (HTML fixtures read best on one line)
"""Layout tables versus data tables.

Real behaviour this stands for:
- Older CMSs and many regional portals lay out the whole page in tables: a logo row, a menu
  row, a left cell of section links, a content cell holding the article (as <p>s, or as bare
  text with <br><br> between paragraphs), a share row and a footer row; often a table nested in
  the content cell for headline + body.
- Articles also carry real data tables: results, budgets, timetables, with <th> headers or
  without, sometimes with each value wrapped in a <p> by the editor (WordPress's block editor).
- Reader modes (Readability.js `_markDataTables`) tell the two apart by markup and size.
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.extract import extract
from archive.layouttables import is_layout_table, unwrap_layout_tables
from archive.model import Capture
from tests.archive.captures import html_capture

PROSE = (
    "The council confirmed on Tuesday that the western reservoir will be drained for inspection "
    "during the first two weeks of March, and that households in the upper town will be supplied "
    "from the eastern network while the work lasts, without any change to their bills."
)


def first_table(html: str) -> lxml.html.HtmlElement:
    return next(lxml.html.fromstring(f"<div>{html}</div>").iter("table"))


@pytest.mark.parametrize(
    "html",
    [
        # nav cell + content cell with paragraphs
        f"<table><tr><td><a href='/a'>Home</a><br><a href='/b'>Sport</a></td><td><p>{PROSE}</p></td></tr></table>",
        # bare prose with <br><br> in one long cell
        f"<table><tr><td>Menu</td><td>{PROSE}<br><br>{PROSE}</td></tr></table>",
        # nested tables
        "<table><tr><td><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></td></tr></table>",
        # a single row of share links
        "<table><tr><td><a href='/s1'>Facebook</a></td><td><a href='/s2'>X</a></td><td>Mail</td></tr></table>",
        # a single column
        "<table><tr><td>Logo</td></tr><tr><td>Menu</td></tr><tr><td>Footer</td></tr></table>",
        "<table role='presentation'><tr><th>x</th><td>y</td></tr><tr><td>1</td><td>2</td></tr></table>",
    ],
    ids=["nav-and-paragraphs", "long-br-cell", "nested", "one-row", "one-column", "role-presentation"],
)
def test_layout_tables(html: str) -> None:
    assert is_layout_table(first_table(html))


@pytest.mark.parametrize(
    "html",
    [
        "<table><thead><tr><th>District</th><th>Households</th></tr></thead>"
        "<tr><td>Upper town</td><td>4,210</td></tr><tr><td>Riverside</td><td>2,975</td></tr></table>",
        # values wrapped in <p> by a block editor, with a header row
        "<table><tr><th><p>Year</p></th><th><p>Budget</p></th></tr>"
        "<tr><td><p>2025</p></td><td><p>1.2 m</p></td></tr><tr><td><p>2026</p></td><td><p>1.4 m</p></td></tr></table>",
        # no header at all, but a grid of 4 x 4 values
        "<table>" + "".join(f"<tr>{''.join(f'<td>{r * c}</td>' for c in range(1, 5))}</tr>" for r in range(1, 5))
        + "</table>",
        "<table summary='Opening hours'><tr><td>Mon</td><td>9-21</td></tr><tr><td>Sat</td><td>10-14</td></tr></table>",
    ],
    ids=["thead", "block-editor-cells", "grid-without-header", "summary"],
)
def test_data_tables_stay(html: str) -> None:
    assert not is_layout_table(first_table(html))


def test_unwrap_turns_only_layout_tables_into_divs() -> None:
    tree = lxml.html.fromstring(
        f"<html><body><table><tr><td>Menu</td><td><p>{PROSE}</p>"
        "<table><tr><th>District</th><th>Households</th></tr><tr><td>Upper</td><td>4,210</td></tr></table>"
        "</td></tr></table></body></html>"
    )
    assert unwrap_layout_tables(tree) == 1
    assert [t.tag for t in tree.iter("table")] == ["table"]
    assert tree.find(".//th") is not None
    assert tree.find(".//td[@colspan]") is None


def _page(body: str) -> Capture:
    html = f"<html lang='en'><head><title>Reservoir inspection</title></head><body>{body}</body></html>"
    return html_capture(html, "https://valleyherald.example/local/2026/11/20/reservoir-inspection-5521.html")


CHROME_ROWS = (
    "<tr><td colspan='2' class='menu'><a href='/local/'>Local</a> | <a href='/sport/'>Sport</a> | "
    "<a href='/opinion/'>Opinion</a> | <a href='/archive/'>Archive</a></td></tr>"
)
LEFT_CELL = (
    "<td width='180' valign='top'><b>Most read</b><br>"
    "<a href='/local/2026/11/18/bridge-opens-4411.html'>The new bridge opens in March</a><br>"
    "<a href='/local/2026/11/17/market-stalls-4398.html'>Forty stalls for the winter market</a></td>"
)
FOOTER_ROW = "<tr><td colspan='2'>Valley Herald · 3 High Street · Legal notice · Privacy</td></tr>"
SECOND = "Residents can follow the progress of the inspection on the council's website, which will be updated daily."


@pytest.mark.parametrize(
    "content_cell",
    [
        f"<td valign='top'><p>{PROSE}</p><p>{SECOND}</p></td>",
        f"<td valign='top'>{PROSE}<br><br>{SECOND}</td>",
        f"<td><table width='100%'><tr><td><b>Reservoir inspection</b></td></tr><tr><td>{PROSE}<br><br>{SECOND}</td></tr></table></td>",
    ],
    ids=["paragraphs", "br-paragraphs", "nested-headline-table"],
)
def test_table_laid_out_page_gives_the_article_without_chrome(content_cell: str) -> None:
    body = f"<table width='960'>{CHROME_ROWS}<tr>{LEFT_CELL}{content_cell}</tr>{FOOTER_ROW}</table>"
    text = extract(_page(body)).text or ""
    assert text.splitlines() == [PROSE, SECOND]
    assert "|" not in text
