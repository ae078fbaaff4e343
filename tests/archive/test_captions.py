# ruff: noqa: E501  (fixtures read best on one line)
"""Captions set beside an image in a small box, outside <figcaption>, leave the text.

Real behaviour: old and home-grown CMSes put a photo's caption as a <span>, <p> or <i> next to
the <img> in a small <div> (Japanese regional papers: `<div class="shashin"><img><br><span>…
（同市提供）</span></div>`; Danish: `<div class="billede"><img><p class="billedtekst">…</p></div>`;
Slovak: `<p><img><br><i>… Foto: …</i></p>`). What must stay: a paragraph that merely holds an
inline picture after some words, a long paragraph opened by a picture, icons and emoji, and the
article itself when an image sits at its top.
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.captions import remove_image_captions

BODY = (
    "<div class='body'><p>The city council said on Friday that the indoor pool will close from 1 December "
    "until the end of March while the boiler and filters are replaced.</p>"
    "<p>Swimming lessons move to the sports centre in the meantime.</p></div>"
)


def tree_of(box: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        f"<html><body><div class='main'><h1>Pool closes</h1>{box}{BODY}</div></body></html>"
    )


@pytest.mark.parametrize(
    ("box", "caption"),
    [
        (
            "<div class='shashin'><img src='/p/1.jpg'><br><span>休止が決まった市営温水プール（同市提供）</span></div>",
            "休止が決まった",
        ),
        (
            "<div class='billede'><img src='/b/2.jpg' alt=''><p class='billedtekst'>Svømmehallen blev bygget i 1978.</p></div>",
            "Svømmehallen",
        ),
        (
            "<p><a href='/p/3.jpg'><img src='/p/3s.jpg' width='400'></a><br><i>Zberný dvor na Železničnej ulici.</i></p>",
            "Zberný dvor",
        ),
        (
            "<div class='c-x4'><picture><img src='/x.webp'></picture><div class='c-x5'>The pool in 2019.</div></div>",
            "The pool in 2019",
        ),
    ],
    ids=["ja-span-after-br", "da-p-in-div", "sk-italic-in-p", "generic-nested"],
)
def test_a_caption_boxed_with_its_image_goes(box: str, caption: str) -> None:
    tree = tree_of(box)
    assert remove_image_captions(tree) == 1
    text = tree.text_content()
    assert caption not in text and "Swimming lessons move" in text and "Pool closes" in text


@pytest.mark.parametrize(
    "box",
    [
        "<p>The mayor showed the plan <img src='/p/plan.jpg'> to reporters.</p>",  # text before the picture
        "<p><img src='/p/pool.jpg'>"
        + "The pool opened in 1978 and has been renovated twice since. " * 5
        + "</p>",
        "<p><img src='/i/emoji-smile.png'> Thank you!</p>",
        "<p><img src='/i/x.png' width='16' height='16'> Download the notice</p>",
    ],
    ids=["inline-picture", "long-paragraph", "emoji", "tiny-icon"],
)
def test_paragraphs_with_pictures_and_icons_stay(box: str) -> None:
    tree = tree_of(box)
    assert remove_image_captions(tree) == 0


def test_an_image_at_the_top_of_the_article_takes_nothing_with_it() -> None:
    tree = lxml.html.document_fromstring(
        f"<html><body><article><figure><img src='/a.jpg'></figure>{BODY}</article></body></html>"
    )
    assert remove_image_captions(tree) == 0


def framed(box: str) -> lxml.html.HtmlElement:
    """An old layout: the page is a table, the text column one of its cells."""
    return lxml.html.document_fromstring(
        "<html><body><table><tr><td class='nav'><a href='/'>Start</a></td><td class='content'>"
        f"<h1>Pool closes</h1>{box}{BODY}</td></tr></table></body></html>"
    )


@pytest.mark.parametrize(
    ("box", "caption"),
    [
        (
            "<table align='right' width='300' class='bildbox'><tr><td><img src='/b/bad.jpg' width='300'><br>"
            "<span class='bu'>Das Hallenbad an der Mosel wird saniert.</span><br><span>Foto: Archiv</span></td></tr></table>",
            "Das Hallenbad",
        ),
        (
            "<table align='center'><tr><td><img src='/news/photo/pool.jpg' width='500'></td></tr>"
            "<tr><td class='caption'>시립 실내수영장 전경. /시민일보 DB</td></tr></table>",
            "실내수영장",
        ),
    ],
    ids=["de-caption-in-the-cell", "ko-caption-in-the-next-row"],
)
def test_a_photo_table_inside_the_text_column_loses_its_caption_and_keeps_its_photo(box: str, caption: str) -> None:
    """Old CMSs set a photo in a small table of its own, the caption in the same cell or the row below;
    the photo stays as a block, as other steps read an image between a lead and the body."""
    tree = framed(box)
    assert remove_image_captions(tree) == 1
    text = tree.text_content()
    assert caption not in text and "Swimming lessons move" in text and "Pool closes" in text
    assert tree.find(".//td[@class='content']/div/img") is not None


def test_a_photo_in_the_page_frame_or_a_bigger_table_keeps_its_text() -> None:
    page_frame = lxml.html.document_fromstring(
        f"<html><body><table><tr><td><img src='/p/pool.jpg' width='500'><br>Caption-like line</td></tr></table>{BODY}</body></html>"
    )
    assert remove_image_captions(page_frame) == 0
    rows = "".join(f"<tr><td>Lane {n}: open until 20:00</td></tr>" for n in range(1, 4))
    timetable = framed(f"<table><tr><td><img src='/p/lanes.jpg' width='400'></td></tr>{rows}</table>")
    assert remove_image_captions(timetable) == 0


INDENTED = (
    "<p style='text-indent:2em'>11月20日，市交通运输局发布通告，称城东大桥将于12月1日起封闭施工，预计工期三个月。</p>"
    "<p style='text-indent:2em'>通告称，施工期间公交线路将临时绕行，市民可通过官方网站查询最新信息。</p>"
)


@pytest.mark.parametrize(
    "pair",
    [
        "<p style='text-align:center'><img src='/uploads/allimg/bridge.jpg' alt=''></p><p style='text-align:center;color:#666'>施工中的城东大桥。（资料图）</p>",
        "<div align='center'><a href='/big.jpg'><img src='/small.jpg'></a></div><p align='center'>The bridge deck in October.</p>",
    ],
    ids=["zh-centred-paragraphs", "div-and-centred-p"],
)
def test_a_centred_line_right_under_a_photo_block_is_its_caption(pair: str) -> None:
    """Chinese CMSs set photo and caption as two centred paragraphs between the indented ones."""
    tree = lxml.html.document_fromstring(f"<html><body><div class='content'>{INDENTED}{pair}{INDENTED}</div></body></html>")
    assert remove_image_captions(tree) == 1
    text = tree.text_content()
    assert "资料图" not in text and "bridge deck in October" not in text and text.count("公交线路") == 2
    assert tree.find(".//img") is not None  # the photo block stays


@pytest.mark.parametrize(
    "after",
    [
        "<p style='text-indent:2em'>施工期间，城东大桥两侧将设置临时停车点。</p>",  # a short body paragraph, not centred
        "<p style='text-align:center'>" + "施工期间公交线路将临时绕行，市民可通过官方网站查询最新信息。" * 8 + "</p>",  # too long
    ],
    ids=["not-centred", "long-centred-text"],
)
def test_other_paragraphs_under_a_photo_stay(after: str) -> None:
    photo = "<p style='text-align:center'><img src='/uploads/allimg/bridge.jpg'></p>"
    tree = lxml.html.document_fromstring(f"<html><body><div class='content'>{INDENTED}{photo}{after}</div></body></html>")
    assert remove_image_captions(tree) == 0


def test_a_centred_line_under_a_photo_stays_where_every_paragraph_is_centred() -> None:
    """A theme page centring all its text (a theatre's blog of reviews): the line under the poster
    is the post's own text, like the centred lines around it."""
    centred = "".join(f"<p style='text-align: center;'>“Very talented people, the show was great fun number {n}!”</p>" for n in range(3))
    photo = "<p style='text-align: center;'><img src='/uploads/poster.jpg' width='700'></p>"
    line = "<p style='text-align: center;'>Tradition Series Performance</p>"
    tree = lxml.html.document_fromstring(f"<html><body><div class='entry'>{centred}{photo}{line}{centred}</div></body></html>")
    assert remove_image_captions(tree) == 0
