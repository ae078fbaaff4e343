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
        # a full-width bar without spaces, and an ideographic space kept inside the headline
        ("長野県、６年ぶり警報　出没件数1.8倍｜信越タイムス", "長野県、６年ぶり警報　出没件数1.8倍", "", "長野県、６年ぶり警報　出没件数1.8倍"),
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


def test_an_h1_that_is_the_sites_logo_is_not_the_headline() -> None:
    """Korean CMSs put the logo in an <h1> and the headline in an <h3 class=heading>; the <title>
    names the headline and the site."""
    html = (
        "<html><head><title>대전시, 다음 달부터 심야버스 4개 노선 신설 - 한빛일보</title></head><body>"
        "<div id='header'><h1 class='logo'><a href='/'>한빛일보</a></h1></div><div class='article_head'>"
        "<h3 class='heading'>대전시, 다음 달부터 심야버스 4개 노선 신설</h3>"
        "<h4 class='sub_heading'>대전역~유성온천역 등 20분 간격 운행…요금·환승 할인 동일</h4>"
        "<ul class='info'><li>이수진 기자</li><li>입력 2026.11.20 14:20</li><li>수정 2026.11.20 16:02</li></ul></div>"
        "<div id='article-view-content-div'>"
        + "".join(f"대전시가 다음 달 1일부터 시내버스 심야 노선 4개를 새로 운행한다고 밝혔다. 신설 노선은 대전역과 유성온천역, 둔산동, 관저동을 잇는 구간으로 운행된다, 문단 {n}.<br><br>" for n in range(4))
        + "</div></body></html>"
    )
    tree = lxml.html.document_fromstring(html)
    headline = headline_element(tree)
    assert headline is not None and headline.tag == "h3"
    result = extract(html_capture(html, "http://127.0.0.1:8000/news/articleView.html?idxno=304130"))
    assert result.title == "대전시, 다음 달부터 심야버스 4개 노선 신설"
    assert result.description == "대전역~유성온천역 등 20분 간격 운행…요금·환승 할인 동일"
    assert result.text is not None and "입력" not in result.text and "심야버스" not in result.text.splitlines()[0]


@pytest.mark.parametrize("home", ["/index.php", "index.html", "/default.aspx", "https://example.org/"])
def test_a_logo_h1_linking_to_the_front_pages_index_file_is_not_the_headline(home: str) -> None:
    """Joomla and old PHP themes link the logo to "/index.php"; the headline is an <h2> further down."""
    html = (
        "<html><head><title>Câmara abre residência com 212 camas - Gazeta do Vale</title></head><body>"
        f"<h1 class='logo'><a href='{home}'><span>Gazeta do Vale</span></a></h1>"
        "<div class='item'><h2><a href='/educacao/8831-camara-abre'>Câmara abre residência com 212 camas</a></h2>"
        + "".join(f"<p>A câmara municipal anunciou que a nova residência abre no próximo ano letivo, parágrafo {n}.</p>" for n in range(3))
        + "</div></body></html>"
    )
    headline = headline_element(lxml.html.document_fromstring(html))
    assert headline is not None and headline.tag == "h2"
    assert extract(html_capture(html, "http://127.0.0.1:8000/educacao/8831")).title == "Câmara abre residência com 212 camas"


def test_an_h1_linking_elsewhere_is_the_headline() -> None:
    html = "<html><head><title>Câmara abre residência - Gazeta</title></head><body><h1><a href='/educacao/8831'>Câmara abre residência</a></h1><p>Texto.</p></body></html>"
    headline = headline_element(lxml.html.document_fromstring(html))
    assert headline is not None and headline.tag == "h1"


def test_a_blogs_name_and_a_colon_before_the_post_title() -> None:
    """Blogger themes: the blog's name in the logo <h1>, the <title> "Blog name: Post title", the
    post title in an <h3 class=post-title>, and the day in a date header above the post block."""
    html = (
        "<html><head><title>Mwangaza wa Pwani: Wafanyabiashara wa Soko la Mgandini kuhamishiwa Makorora</title></head><body>"
        "<div class='header-outer'><h1 class='title'><a href='/'>Mwangaza wa Pwani</a></h1></div>"
        "<div class='main-outer'><div class='date-header'><span>Jumatano, Novemba 18, 2026</span></div>"
        "<div class='post hentry'><h3 class='post-title entry-title'>Wafanyabiashara wa Soko la Mgandini kuhamishiwa Makorora</h3>"
        "<div class='post-body entry-content'>"
        + "".join(f"<p>Halmashauri ya Jiji la Tanga imetangaza kuwa wafanyabiashara wote watahamishiwa katika soko jipya, aya {n}.</p>" for n in range(4))
        + "</div></div></div></body></html>"
    )
    headline = headline_element(lxml.html.document_fromstring(html))
    assert headline is not None and headline.tag == "h3"
    result = extract(html_capture(html, "http://127.0.0.1:8000/2026/11/wafanyabiashara-mgandini.html"))
    assert result.title == "Wafanyabiashara wa Soko la Mgandini kuhamishiwa Makorora"
    assert result.published == "2026-11-18"


def test_a_title_with_the_kicker_and_a_colon_finds_the_headline_printed_without_it() -> None:
    """Swiss and German regional papers title the page "Site - Place: Headline" and print the place
    as a Dachzeile over the headline, the headline alone in a bold span."""
    title = "Lowveld Herald - White River: Police warn of fake tow-truck syndicate"
    page = table_page("<span class='dachzeile'>White River</span><br><span class='titel'><b>Police warn of fake tow-truck syndicate</b></span>", title=title)
    headline = headline_element(lxml.html.document_fromstring(page))
    assert headline is not None and " ".join(headline.text_content().split()) == "Police warn of fake tow-truck syndicate"
    result = extract(html_capture(page, "http://127.0.0.1:8000/news/crime/fake-tow-trucks"))
    assert result.text is not None and not result.text.startswith("White River")
    assert "Police warn of fake" not in result.text
