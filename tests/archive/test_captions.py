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
