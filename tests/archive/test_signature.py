# ruff: noqa: E501  (HTML fixtures read best on one line)
"""A reporter's name alone at the end of the body, set apart, is the byline.

Real behaviour: Vietnamese, Thai, Chinese and Spanish-language outlets often sign an article with
the reporter's name on its own line after the last paragraph, in bold or right-aligned, or in a
block with a signature class; Polish ones "Tekst i fot. …" (text and photos by), Italian and English
themes an author box (the name in bold, a line about the writer). A statement's own closing line, a short last sentence, or a bold
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
        # a short notice after it (a Belarusian portal's "link required" line)
        ("<p class='avtor' style='text-align:right'><strong>Ольга Кравченко</strong></p><div class='source'>При использовании материалов гиперссылка на сайт обязательна</div>", "Ольга Кравченко"),
        # a Japanese signature with its "text and photos" label
        ("<p class='credit'>（文・写真　佐藤健一）</p>", "佐藤健一"),
        # a Polish regional paper's "text and photos" with the abbreviation's full stop
        ("<p class='autor-tekstu' style='text-align:right'><b>Tekst i fot. Marek Zieliński</b></p>", "Marek Zieliński"),
        # an Italian theme's author box: the name in bold, a line about the writer
        ("<div class='autore-box'><p><strong>Chiara Lombardi</strong><br><em>Giornalista, segue la cronaca della provincia.</em></p></div>", "Chiara Lombardi"),
        ("<div class='author-bio'><p><b>Daniel Okafor</b><br>Covers the council and local courts for the paper.</p></div>", "Daniel Okafor"),
    ],
    ids=["vi-right-bold", "vi-caps", "th-right", "fr-signature-class", "zh-bold-then-empty", "ru-then-notice", "ja-text-photo-label", "pl-text-and-photo-abbreviated", "it-author-box", "en-author-bio"],
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
        # one word over the comment section's notice is its heading, not a signature
        '<p class="c"><strong>التعليقات</strong></p><p>التعليقات تعبر عن آراء أصحابها</p>',
        # a bold lead-in and its paragraph: no author box around it
        "<p><strong>Road works</strong><br>The council will resurface the bridge approach in March, weather permitting.</p>",
        # an author box whose "name" is a sentence
        "<div class='author-box'><p><b>Thanks for reading our paper</b><br>Subscribe for more.</p></div>",
    ],
    ids=["ends", "subheading-with-text-after", "plain", "place-and-date", "long-bold-sentence", "ar-comments-heading", "bold-lead-in-no-box", "box-without-a-name"],
)
def test_other_closing_lines_stay(closing: str) -> None:
    tree = body(closing)
    assert pop_signature(tree) is None


def test_a_bold_name_in_the_middle_of_the_body_stays() -> None:
    tree = lxml.html.document_fromstring(
        f"<html><body><div>{PARAS}<p><strong>Minh Anh</strong></p>{PARAS}</div></body></html>"
    )
    assert pop_signature(tree) is None


BR_LINES = (
    "Most přes řeku Bystřici bude od pondělí úplně uzavřen pro veškerou dopravu.<br><br>"
    "Objízdná trasa povede přes sousední obec a bude vyznačena dopravním značením.<br><br>"
)


@pytest.mark.parametrize(
    ("closing", "name"),
    [
        ("<b>Jana Horáková</b>", "Jana Horáková"),
        ("<strong>María José Ortega</strong>\n", "María José Ortega"),
        ("<b>王小明</b><br>", "王小明"),
        # co-authors joined by the page's "and" (a Senegalese daily's table layout)
        ("<b>Mamadou Lamine Diop et Awa Ndiaye</b>", "Mamadou Lamine Diop et Awa Ndiaye"),
    ],
    ids=["cs-bold", "es-strong-newline", "zh-bold-then-br", "fr-co-authors"],
)
def test_a_bold_name_closing_br_lines_is_the_author(closing: str, name: str) -> None:
    """The same signature on pages whose body is one block of <br>-separated lines."""
    html = f"<html><body><div class='x'>{BR_LINES}{closing}</div></body></html>"
    tree = lxml.html.document_fromstring(html)
    assert pop_signature(tree) == name
    assert name not in tree.text_content() and "Objízdná trasa" in tree.text_content()


@pytest.mark.parametrize(
    "closing",
    [
        "<b>Konec</b>",  # one Latin word: a closing word, not a name
        "<b>Jana Horáková</b> napsala tento text.",  # text follows
        "<b>Děkujeme za pochopení.</b>",  # a sentence
        "<b>Ministerstvo zemědělství a Krajská veterinární správa</b>",  # two bodies, not two names
        "<b>Ministry of Health and Ministry of Finance</b>",
    ],
    ids=["one-latin-word", "text-after", "sentence", "two-institutions", "two-ministries"],
)
def test_other_bold_closing_lines_stay(closing: str) -> None:
    tree = lxml.html.document_fromstring(f"<html><body><div>{BR_LINES}{closing}</div></body></html>")
    assert pop_signature(tree) is None


def test_a_bold_name_after_a_single_line_is_not_a_signature() -> None:
    html = "<html><body><div>Krátká zpráva.<br><b>Jana Horáková</b></div></body></html>"
    tree = lxml.html.document_fromstring(html)
    assert pop_signature(tree) is None


def test_a_right_aligned_name_closing_a_body_of_br_lines_is_the_author() -> None:
    """An old table layout: the body is the cell's own text split by <br><br>, and the reporter's
    name closes it in a right-aligned <div>."""
    body = (
        "Krajská veterinární správa vyhlásila ochranné pásmo kolem tří obcí na Pelhřimovsku.<br><br>"
        "Chovatelé drůbeže musí ptáky držet v uzavřených prostorách až do odvolání.<br><br>"
        "Ministerstvo bude situaci vyhodnocovat každý týden a o dalším postupu informuje veřejnost."
    )
    tree = lxml.html.document_fromstring(
        f"<html><body><table><tr><td>{body}<br><br><div align='right'>Tomáš Kratochvíl</div></td></tr></table></body></html>"
    )
    assert pop_signature(tree) == "Tomáš Kratochvíl"
    assert "Tomáš Kratochvíl" not in tree.text_content()


def test_a_right_aligned_name_after_a_short_cell_is_not_a_signature() -> None:
    tree = lxml.html.document_fromstring(
        "<html><body><table><tr><td>Kontakt:<br><div align='right'>Tomáš Kratochvíl</div></td></tr></table></body></html>"
    )
    assert pop_signature(tree) is None


def test_a_bracketed_desk_and_name_closing_the_body_is_the_author() -> None:
    """Japanese papers sign "（社会部・山本彩花）" (desk, name) under the text; a share bar and a list
    of the section's other stories (mostly links) may follow it."""
    tree = body(
        "<div class='kisha'>（社会部・山本彩花）</div>",
        after="",
    )
    assert pop_signature(tree) == "山本彩花"
    tree = body(
        "<div class='kisha'>（社会部・山本彩花）</div><div class='share'><a href='#'>ツイート</a> <a href='#'>シェア</a></div>"
        "<div class='kanren'><b>社会の最新記事</b><ul><li><a href='/n/1.html'>瀬戸大橋線、強風で一時運転見合わせ</a>（11/27）</li>"
        "<li><a href='/n/2.html'>津山の住宅火災、焼け跡から1人の遺体</a>（11/27）</li>"
        "<li><a href='/n/3.html'>児島の小学校で不審者情報　保護者に一斉メール</a>（11/26）</li></ul></div>"
    )
    assert pop_signature(tree) == "山本彩花"


def test_a_bracketed_sentence_closing_the_body_is_no_signature() -> None:
    tree = body("<p>（詳細は市のホームページで確認できる。）</p>")
    assert pop_signature(tree) is None
