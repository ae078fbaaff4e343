# ruff: noqa: E501  (HTML fixtures read best on one line)
"""Short lines after the article's body container, outside it, leave the text.

Real behaviour: a theme closes the article's paragraphs in one container and sets the page's own
blocks after it: a Norwegian local paper's footer (`<div id="bunn">`: the masthead line "Ansvarlig
redaktør: … Vi arbeider etter Vær Varsom-plakatens regler", a rights line), a Japanese regional
paper's e-paper promotion after the related-news list (`<div class="denshi-pr">`), a Persian
portal's disclaimer, a Swedish paper's tip line in the side column. Their class names say nothing
an extractor knows. Varied: body as <p>s, as one wrapper per paragraph, as leaf <div>s; tail in
a sibling, in an ancestor's sibling, in the footer. What stays: the body's own short paragraphs,
a body split in parts of one class around an ad, long blocks after the body (a second body part,
a reader's comment), and everything when no container holds most of the prose.
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.bodycontainer import body_container
from archive.pagetail import page_tail, remove_page_tail

PARAGRAPHS = [
    "The municipality introduced a boil-water notice on Wednesday afternoon for every household connected to the Rødberg waterworks.",
    "Around 1,100 residents are affected, and the municipality sent a text message to all registered households shortly after three.",
    "The head of technical services said new samples had been taken and that results are expected on Friday at the earliest.",
]
SHORT_LAST = "The notice applies until further notice."


def body_of(paragraphs: list[str], wrap: str = "p") -> str:
    if wrap == "wrapper":
        return "".join(f"<div class='content-text'><p>{p}</p></div>" for p in paragraphs)
    return "".join(f"<{wrap}>{p}</{wrap}>" for p in paragraphs)


def after_removal(html: str) -> str:
    tree = lxml.html.document_fromstring(html)
    remove_page_tail(page_tail(body_container(tree)))
    return " ".join(tree.text_content().split())


@pytest.mark.parametrize("wrap", ["p", "wrapper", "div"])
def test_the_footer_masthead_after_the_body_goes(wrap: str) -> None:
    html = (
        "<html><body><div id='innhold'><div class='artikkel'><h1>Kokevarsel</h1>"
        f"<div class='brodtekst'>{body_of(PARAGRAPHS, wrap)}<p>{SHORT_LAST}</p></div>"
        "<div class='kommentarer'><h3>Kommentarer</h3><p>Vi har stengt kommentarfeltet på denne saken.</p></div></div>"
        "<div class='sidekolonne'><h3>Siste nytt</h3><ul><li><a href='/a'>Veggli IL klar for kretsfinale</a></li></ul></div></div>"
        "<div id='bunn'><p>Numedalsposten – lokalavisa for Flesberg, Rollag og Nore og Uvdal</p>"
        "<p>Ansvarlig redaktør: Torunn Vestheim. Numedalsposten arbeider etter Vær Varsom-plakatens regler for god presseskikk.</p></div>"
        "</body></html>"
    )
    text = after_removal(html)
    assert "Ansvarlig redaktør" not in text and "lokalavisa" not in text and "kommentarfeltet" not in text
    assert all(p in text for p in PARAGRAPHS) and SHORT_LAST in text
    assert "Kokevarsel" in text  # before the body: not this rule's business


def test_a_promotion_after_the_article_element_goes() -> None:
    paragraphs = [
        "長野県は25日、飯田市と下伊那郡の一部地域にツキノワグマ出没警報を発令した。県は住民に対し、早朝や夕方の外出時に十分注意するよう呼び掛けている。",
        "県の発表によると、飯田・下伊那地域では10月以降、クマの目撃件数が前年同期の約3倍にあたる142件に上っている。今月に入ってからも住宅地での目撃が相次いだ。",
        "飯田市も同日、危機管理室を中心とした連絡会議を開き、通学路でのパトロールを強化する方針を確認した。市内の小中学校では当面、保護者による送迎を認める。",
    ]
    html = (
        "<html><body><div id='main'><div class='article'><h1>クマ出没警報</h1>"
        f"<div class='honbun'>{body_of(paragraphs)}<p>警報の期間は12月25日まで。</p></div></div>"
        "<div class='kanren'><h2>この地域の主なニュース</h2><ul><li><a href='/a'>天竜川下り　今季の営業終える</a></li><li><a href='/b'>水引の新作展示会</a></li></ul></div>"
        "<div class='denshi-pr'><p>電子版なら、紙面そのままの記事をスマートフォンでお読みいただけます。今なら初月無料。</p></div></div>"
        "<div id='footer'><p>掲載の記事・写真・図表などの無断転載を禁止します。著作権は本社またはその情報提供者に属します。</p></div>"
        "</body></html>"
    )
    text = after_removal(html)
    assert "初月無料" not in text and "無断転載" not in text
    assert all(p in text for p in paragraphs) and "警報の期間は12月25日まで。" in text


def test_a_body_split_in_parts_of_one_class_keeps_its_last_part() -> None:
    html = (
        f"<html><body><article><div class='rich-text'>{body_of(PARAGRAPHS)}</div>"
        "<div class='ad-slot'>Advertisement</div>"
        f"<div class='rich-text'><h3>What happens next</h3><p>{SHORT_LAST}</p></div>"
        "<div class='tags'>Topics: <a href='/t/water'>Water</a> · <a href='/t/health'>Health</a></div>"
        "<p class='tip'>Got a tip? Write to the newsroom.</p></article></body></html>"
    )
    text = after_removal(html)
    assert SHORT_LAST in text and "What happens next" in text
    assert "Got a tip" not in text


SECOND_PART = "After the break, the council confirmed that bottled water will be handed out at the school gym every morning from seven."


@pytest.mark.parametrize(
    "between",
    [
        "",
        "<div class='ad'>Advertisement</div>",
        "<div class='related'>Read also: <a href='/a'>Flood warning</a></div>",
    ],
    ids=["nothing", "ad-label", "one-teaser"],
)
def test_a_second_body_part_before_any_chrome_stays(between: str) -> None:
    html = (
        f"<html><body><div class='story'>{body_of(PARAGRAPHS)}</div>{between}"
        f"<div class='story-continued'><p>{SECOND_PART}</p><p>{SHORT_LAST}</p></div>"
        "<div class='share'><a href='#'>Facebook</a> <a href='#'>X</a></div><p>Short line after the share bar.</p></body></html>"
    )
    text = after_removal(html)
    assert SECOND_PART in text and SHORT_LAST in text
    assert "Short line after the share bar" not in text


def test_long_blocks_after_the_chrome_stay() -> None:
    comment = "I live on the hill above the waterworks and we were told nothing until the text message came, which is not good enough for a notice of this kind, frankly, and the council should explain why it took so long, since the school had already sent the children home with bottles before anyone had a word from the town hall."
    html = (
        f"<html><body><div class='story'>{body_of(PARAGRAPHS * 2)}</div>"
        f"<div class='comments'><h3>Comments</h3><p>{comment}</p><p>Reply</p></div></body></html>"
    )
    text = after_removal(html)
    assert comment in text and "Reply" not in text


def test_nothing_goes_without_a_body_holding_most_of_the_prose() -> None:
    # two bodies of equal weight (a split body of different classes): no container can be told
    html = (
        f"<html><body><div class='part-one'>{body_of(PARAGRAPHS[:2])}</div>"
        f"<div class='part-two'>{body_of(PARAGRAPHS[2:] * 2)}<p>{SHORT_LAST}</p></div>"
        "<p>Short line after.</p></body></html>"
    )
    tree = lxml.html.document_fromstring(html)
    assert body_container(tree) is None
    assert page_tail(body_container(tree)) == []


def test_nothing_goes_with_fewer_than_three_prose_paragraphs() -> None:
    html = f"<html><body><div class='body'>{body_of(PARAGRAPHS[:2])}</div><h3>More</h3><p>{SHORT_LAST}</p></body></html>"
    assert SHORT_LAST in after_removal(html)


def test_the_container_of_one_wrapper_per_paragraph_is_their_parent() -> None:
    html = f"<html><body><main><div class='article-body'>{body_of(PARAGRAPHS, 'wrapper')}</div><p>Tags: water</p></main></body></html>"
    container = body_container(lxml.html.document_fromstring(html))
    assert container is not None and container.get("class") == "article-body"


def test_loose_promotion_text_in_the_side_column_goes_after_links_under_the_text() -> None:
    """A 2009 table layout: the body's paragraphs in the middle cell end with "print | send" links and
    "More from Eschwege" links (inside the cell, after the last paragraph); the right cell holds an
    ad and an e-paper offer as loose text under a bold line."""
    html = (
        "<html><body><table><tr><td class='links'><a href='/l'>Lokales</a></td>"
        f"<td class='inhalt'>{body_of(PARAGRAPHS)}<p class='autor'>Von Jana Köhler</p>"
        "<a href='javascript:print()'>Artikel drucken</a> | <a href='/send'>Artikel versenden</a><br>"
        "<b>Weitere Artikel</b><br>&raquo; <a href='/a.html'>Stadtwerke erhöhen Preise</a><br></td>"
        "<td class='rechtespalte'><div class='anzeige'>Anzeige</div><br>"
        "<b>Das E-Paper</b><br>Die komplette Zeitung schon ab 5 Uhr morgens – jetzt 4 Wochen kostenlos testen!</td>"
        "</tr></table></body></html>"
    )
    text = after_removal(html)
    assert "kostenlos testen" not in text and "Das E-Paper" not in text
    assert all(p in text for p in PARAGRAPHS) and "Von Jana Köhler" in text


def test_after_the_comment_section_opens_no_paragraph_is_the_articles_again() -> None:
    """A Greek portal's 2006 table layout: the body as loose lines in one <div>, tags, then the
    comment box (a bold "Σχόλια" over a long moderation notice) in the same cell; the right
    column's weather box and news-tip prompt after it."""
    body = "<br><br>".join(PARAGRAPHS)
    html = (
        "<html><body><table><tr><td id='center-col'>"
        f"<div class='arthro-keimeno'>{body}</div><div class='arthro-keimeno2'>{PARAGRAPHS[0]}</div><div>{PARAGRAPHS[1]}</div>"
        "<div class='sxolia'><b>Σχόλια</b><br><span>Τα σχόλια δημοσιεύονται μετά από έγκριση. Ο Παλμός δεν ευθύνεται για τις απόψεις των αναγνωστών που τις διατυπώνουν.</span></div>"
        "</td><td id='right-col'><div class='right-box'><b>Καιρός</b><br>Ιωάννινα: 9°C, βροχή</div>"
        "<div class='right-box'>Στείλτε μας τις ειδήσεις σας στο palmos@example.gr</div></td></tr></table></body></html>"
    )
    text = after_removal(html)
    assert "Καιρός" not in text and "Στείλτε μας" not in text
    assert all(p in text for p in PARAGRAPHS)


def test_a_body_of_loose_text_has_a_container_too() -> None:
    """A Japanese regional paper's 2012 theme: the body as loose text between <br><br>s in
    <div class=articleBody>, the reporter's signature in a <p> under it; the related-news list
    and an app banner after it."""
    body = "<br><br>".join(PARAGRAPHS)
    html = (
        "<html><body><div id='main'><h2>Kokevarsel</h2>"
        f"<div class='articleBody'>{body}<br><br><p class='reporter'>（松本支局　田中美咲）</p></div>"
        "<div class='relatedNews'><h3>この記事に関連するニュース</h3><ul><li><a href='/a'>放置柿の伐採</a></li><li><a href='/b'>通学路にクマ</a></li></ul></div>"
        "<div class='appBanner'>信越タイムスのニュースをアプリで。ダウンロードは無料です。</div></div></body></html>"
    )
    tree = lxml.html.document_fromstring(html)
    container = body_container(tree)
    assert container is not None and container.get("class") == "articleBody"
    remove_page_tail(page_tail(container))
    text = " ".join(tree.text_content().split())
    assert "アプリで" not in text and all(p in text for p in PARAGRAPHS) and "田中美咲" in text


def test_one_div_of_br_lines_is_the_body_container() -> None:
    """A Tamil portal's theme: the whole body in one <div class=art-body> of <br>-separated visual
    lines (each under a paragraph's width), then tag links, a comment prompt and a newsletter offer
    in the same article <div>."""
    lines = "<br>".join(" ".join(PARAGRAPHS).replace(", ", ",<br>").split("<br>") * 3)
    html = (
        "<html><body><div class='art'><h1>Kokevarsel</h1>"
        f"<div class='art-body'>{lines}</div>"
        "<div class='art-tags'><a href='/tag/a'>Water</a> <a href='/tag/b'>Health</a></div>"
        "<div class='art-nl'>Sign up to our newsletter and get the day's main stories by e-mail.</div></div></body></html>"
    )
    tree = lxml.html.document_fromstring(html)
    container = body_container(tree)
    assert container is not None and container.get("class") == "art-body"
    remove_page_tail(page_tail(container))
    assert "newsletter" not in tree.text_content()


LAYOUT = (
    "<html><body><table><tr><td class='nav'><a href='/'>Start</a></td><td class='maincol'>"
    "<span class='text'>{body}</span><br>{after}<table class='leserbrief'><tr><td><b>Ihre Meinung</b></td></tr></table>"
    "</td></tr></table></body></html>"
)
BR_BODY = "<br><br>".join(PARAGRAPHS)


@pytest.mark.parametrize(
    "row",
    [
        "<a href=\"javascript:popup('/drucken.php?id=1')\"><img src='/img/print.gif'> Artikel drucken</a> &nbsp; <a href='/empfehlen.php?id=1'><img src='/img/mail.gif'> Artikel weiterempfehlen</a>",
        "<a href='/print/1'>Print</a> | <a href='/mail/1'>E-mail</a> | <a href='/share/1'>Share</a>",
        "<span class='tools'><a href='/print/1'>Imprimer</a> · <a href='/mail/1'>Envoyer</a></span>",
    ],
    ids=["de-print-recommend", "en-bar", "fr-in-span"],
)
def test_a_row_of_links_right_after_the_body_goes(row: str) -> None:
    """Old layouts set "Artikel drucken | Artikel weiterempfehlen" loose after the text's <span>."""
    text = after_removal(LAYOUT.format(body=BR_BODY, after=row))
    assert PARAGRAPHS[-1] in text
    assert "drucken" not in text and "E-mail" not in text and "Imprimer" not in text


@pytest.mark.parametrize(
    "after",
    [
        "<a href='/news/1'>Read the council's full statement</a>",  # one link: may be the body's own line
        "<a href='/print/1'>Print</a> or read the <a href='/pdf/1'>decision</a> in full.",  # words of its own
    ],
    ids=["one-link", "words-between"],
)
def test_a_single_link_or_a_sentence_with_links_after_the_body_stays(after: str) -> None:
    text = after_removal(LAYOUT.format(body=BR_BODY, after=after))
    assert " ".join(lxml.html.fromstring(f"<div>{after}</div>").text_content().split()) in text


def test_in_a_table_column_the_font_holding_most_of_the_text_as_br_lines_is_the_body() -> None:
    """An old layout's text column: a lead <p>, a photo table, the text as <br><br> lines in one
    <font>, a tools table, then "Weitere Meldungen …" over a list of links, all in one <td>. The
    <font> is the body container, so the heading and list after the tools are the page's."""
    body = "<br><br>".join(PARAGRAPHS + [p.replace("municipality", "council") for p in PARAGRAPHS] + [SECOND_PART])
    html = (
        "<html><body><table><tr><td class='nav'><a href='/'>Start</a></td><td class='inhalt'>"
        "<p class='vorspann'><b>Around 1,100 residents are affected by the boil-water notice issued on Wednesday.</b></p>"
        "<table align='right'><tr><td><img src='/a.jpg' width='240'><br><font size='1'>The waterworks at Rødberg seen from the river bank.</font></td></tr></table>"
        f"<font size='2'>{body}<br><br></font>"
        "<table><tr><td><a href='/print'>Print</a> | <a href='/send'>Send</a> | <a href='/letter'>Letter to the editor</a></td></tr></table><br>"
        "<font size='2'><b>More news from the region</b></font><br>"
        "<font size='2'>· <a href='/a/1'>New ferry timetable from December onwards</a><br>· <a href='/a/2'>Library extends its opening hours</a><br></font>"
        "</td></tr></table></body></html>"
    )
    tree = lxml.html.document_fromstring(html)
    container = body_container(tree)
    assert container is not None and container.tag == "font" and PARAGRAPHS[0] in container.text_content()
    remove_page_tail(page_tail(container))
    text = " ".join(tree.text_content().split())
    assert "More news from the region" not in text and PARAGRAPHS[-1] in text
