# ruff: noqa: E501  (sample lines are kept whole: they are what outlets print)
"""Titles carrying the site's name in forms trafilatura does not strip.

Real behaviour: old portals write "<title>Site :: Headline</title>", some themes "Headline « Site" or
"Site · Headline"; the headline is the page's <h1>, or on a table-laid-out page without one, a
bold line at the top of the text. Varied: the site's name before and after, several separators,
with and without an <h1>. What stays: a title that is a headline with a dash inside it ("Ministry
- a review"), and a title that the top line only shares words with.
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.extract import extract, headline_title
from archive.headerlines import headline_element
from tests.archive.captures import html_capture


@pytest.mark.parametrize(
    ("title", "headline", "text", "expected"),
    [
        ("Khaosan Lanna :: University closes a building after cracks", "University closes a building after cracks", "", "University closes a building after cracks"),
        ("Harbour bridge closes for repairs « Weald Gazette", "Harbour bridge closes for repairs", "", "Harbour bridge closes for repairs"),
        # no <h1>: the part printed at the top of the text
        ("Nanhu Net · 市场监管局发布消费提示", "", "首页 > 消费\n市场监管局发布消费提示\n正文第一段。", "市场监管局发布消费提示"),
        ("Weald Gazette :: Bins collected at last", "", "Home > News\nBins collected at last\nThe council said …", "Bins collected at last"),
    ],
)
def test_the_headline_without_the_sites_name(title: str, headline: str, text: str, expected: str) -> None:
    assert headline_title(title, headline, text) == expected


@pytest.mark.parametrize(
    ("title", "headline", "text"),
    [
        ("Ministry - a review of the year's statements", "", "Ministry\nThe ministry published …"),  # the rest is longer
        ("Bridge closes for repairs", "Bridge closes for repairs", ""),  # already the headline
        ("Bridge closes :: city says", "", "Bridge closes for a month\nText"),  # the top line is not a part
    ],
)
def test_titles_that_are_not_headline_plus_site_stay(title: str, headline: str, text: str) -> None:
    assert headline_title(title, headline, text) == title


# Old table layouts print the headline without an <h1>: in "<font class=headline>", a bold cell,
# a "<td class=titulo>"; the <title> names the site and section around it.
BODY = "".join(
    f"<p>The provincial police said on Sunday that motorists should verify any tow operator, paragraph {n}.</p>"
    for n in range(3)
)


def table_page(headline_markup: str, title: str = "Lowveld Herald :: News :: Police warn of fake tow-truck syndicate") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><table><tr><td class='nav'><a href='/'>Home</a> | "
        "<a href='/news/'>News</a></td></tr><tr><td class='main'>"
        f"{headline_markup}<br><font class='intro'><i>Motorists are asked to verify any tow operator before handing over keys.</i></font><br>"
        f"<font class='dateline'>Posted: 19/11/2026 14:05</font><br><table class='img'><tr><td><img src='/a.jpg'></td></tr></table>{BODY}"
        "</td></tr></table></body></html>"
    )


@pytest.mark.parametrize(
    "headline_markup",
    [
        "<font class='headline'>Police warn of fake tow-truck syndicate</font>",
        "<b><font size='4'>Police warn of fake tow-truck syndicate</font></b>",
        "<span class='titulo'>Police warn of <i>fake</i> tow-truck syndicate</span>",
    ],
)
def test_a_headline_printed_without_h1_is_found_by_the_title(headline_markup: str) -> None:
    tree = lxml.html.document_fromstring(table_page(headline_markup))
    headline = headline_element(tree)
    assert headline is not None
    assert " ".join(headline.text_content().split()) == "Police warn of fake tow-truck syndicate"
    result = extract(html_capture(table_page(headline_markup), "http://127.0.0.1:8000/news/crime/fake-tow-trucks"))
    assert result.title == "Police warn of fake tow-truck syndicate"
    assert result.published is not None and result.published[:10] == "2026-11-19"
    assert result.description is not None and result.description.startswith("Motorists are asked")
    assert result.text is not None and "Motorists are asked" not in result.text


def test_no_headline_when_the_title_is_not_printed_or_only_the_sites_name_is() -> None:
    unprinted = table_page("<font class='headline'>Syndicate targets stranded drivers</font>")
    assert headline_element(lxml.html.document_fromstring(unprinted)) is None
    short = table_page("<font class='headline'>Lowveld Herald</font>", title="Lowveld Herald")
    assert headline_element(lxml.html.document_fromstring(short)) is None


def test_the_first_h1_is_the_headline_when_there_is_one() -> None:
    tree = lxml.html.document_fromstring("<html><head><title>A b c d e f g h i j k l m n o</title></head><body><h1>Other words</h1><p>A b c d e f g h i j k l m n o</p></body></html>")
    headline = headline_element(tree)
    assert headline is not None and headline.tag == "h1"
