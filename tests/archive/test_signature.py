"""A reporter's name alone at the end of the body, set apart, is the byline.

Real behaviour: Vietnamese, Thai, Chinese and Spanish-language outlets often sign an article with
the reporter's name on its own line after the last paragraph, in bold or right-aligned, or in a
block with a signature class. A statement's own closing line, a short last sentence, or a bold
subheading with text after it is not a signature.
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.signature import pop_signature

PARAS = (
    "<p>The bridge will be closed to lorries from 25 November while the deck is resurfaced.</p>"
    "<p>Buses and cars under sixteen seats may still cross; inspectors will guide traffic at both ends.</p>"
)


def body(closing: str, after: str = "") -> lxml.html.HtmlElement:
    html = f"<html><body><div class='content'>{PARAS}{closing}</div>{after}</body></html>"
    return lxml.html.document_fromstring(html)


@pytest.mark.parametrize(
    ("closing", "name"),
    [
        ('<p style="text-align: right"><strong>Minh Anh</strong></p>', "Minh Anh"),
        ("<p><b>THANH HÀ</b></p>", "THANH HÀ"),
        ('<p align="right">สมชาย ใจดี</p>', "สมชาย ใจดี"),
        ('<div class="signature">Claire Dumont</div>', "Claire Dumont"),
        ("<p><strong>李明</strong></p><div class='related'></div>", "李明"),  # an emptied box after it
    ],
    ids=["vi-right-bold", "vi-caps", "th-right", "fr-signature-class", "zh-bold-then-empty"],
)
def test_closing_signature_is_taken_out_as_the_author(closing: str, name: str) -> None:
    tree = body(closing)
    assert pop_signature(tree) == name
    assert name not in tree.text_content()
    assert "inspectors will guide traffic" in tree.text_content()


@pytest.mark.parametrize(
    "closing",
    [
        "<p>Ends.</p>",
        "<p><strong>Background</strong></p><p>The bridge was built in 1968 and last repaired in 2004.</p>",
        "<p>Thank you all</p>",  # not set apart
        '<p style="text-align:right"><strong>Hanoi, 20 November 2026</strong></p>',  # a date line
        '<p align="right"><strong>The Ministry of Transport thanks drivers for their patience</strong></p>',
    ],
    ids=["ends", "subheading-with-text-after", "plain", "place-and-date", "long-bold-sentence"],
)
def test_other_closing_lines_stay(closing: str) -> None:
    tree = body(closing)
    assert pop_signature(tree) is None


def test_a_bold_name_in_the_middle_of_the_body_stays() -> None:
    tree = lxml.html.document_fromstring(
        f"<html><body><div>{PARAS}<p><strong>Minh Anh</strong></p>{PARAS}</div></body></html>"
    )
    assert pop_signature(tree) is None
