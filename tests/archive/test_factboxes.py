# ruff: noqa: E501  (HTML fixtures read best on one line)
"""Fact boxes between body paragraphs leave the text; a statement's own lists stay.

Real behaviour: French regional papers set an "encadré" (a shaded box with a heading and two or
three lines: the fine, the penalty); Dutch ones a "factbox" ("… in het kort" and a list);
Bosnian and Croatian portals an "infobox" ("Ukratko"); German ones an "Infokasten" with a bold
heading; some themes an <aside>. Each sits between the body's paragraphs, is short, and opens with
a heading (a Czech "infobox" explaining an agency in one line under "Co je …"; a Belgian theme's `<div class=factbox-title>In cijfers</div>` over a list). Varied: heading tag, items as <p> or <li>, class words in several languages. What
stays: a list the statement itself gives (no box around it), a box without a heading, a box of
paragraph-length text, a box inside a quotation, a box before the body begins.
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.factboxes import remove_fact_boxes

BEFORE = "<p>The prefecture announced on Friday that winter tyres or chains are required in the mountain communes from 1 November.</p>"
AFTER = "<p>Tourism professionals in the valley welcomed the reminder after several weekends of traffic jams last winter.</p>"


def text_after(box: str, before: str = BEFORE) -> str:
    tree = lxml.html.document_fromstring(f"<html><body><article>{before}{box}{AFTER}</article></body></html>")
    remove_fact_boxes(tree)
    return " ".join(tree.text_content().split())


@pytest.mark.parametrize(
    ("box", "gone"),
    [
        ("<div class='encadre' style='background:#eef3f7'><h4>Ce que risquent les conducteurs</h4><p>Amende de 4e classe : 135 euros.</p><p>Immobilisation possible du véhicule.</p></div>", "135 euros"),
        ("<div class='vc-factbox'><h3>Vuurwerkvrije zones in het kort</h3><ul><li>Centrum binnen de ring</li><li>Oranjepark en omgeving</li><li>Woonwijk Zevenhuizen</li></ul></div>", "Oranjepark"),
        ("<div class='infobox'><h4>Ukratko</h4><ul><li>Početak primjene: 1. januar 2027.</li><li>Zakazivanje samo online, bez naknade</li></ul></div>", "Zakazivanje"),
        ("<div class='artikel-infokasten'><strong>Das Wichtigste</strong><ul><li>Winterreifen ab 1. November</li><li>Bußgeld 60 Euro</li></ul></div>", "Bußgeld"),
        ("<aside><h3>Key facts</h3><ul><li>Chains on two driven wheels</li><li>Fine: 135 euros</li></ul></aside>", "two driven wheels"),
        ("<div class='factbox'><div class='factbox-title'>In cijfers</div><ul><li>1.280 klachten</li><li>gemiddelde wachttijd: 6 maanden</li></ul></div>", "wachttijd"),
        ("<div class='c-box'><span>Snel overzicht</span><ol><li>Centrum binnen de ring</li><li>Oranjepark</li></ol></div>", "Oranjepark"),
        ("<div class='infobox'><h3>Co je SÚKL</h3><p>Státní ústav pro kontrolu léčiv sídlí v Praze a dohlíží na bezpečnost léčiv.</p></div>", "sídlí v Praze"),
    ],
    ids=["fr-encadre", "nl-factbox", "bs-infobox", "de-infokasten", "aside", "nl-title-div", "title-then-list", "cs-explainer-one-item"],
)
def test_a_fact_box_between_paragraphs_goes(box: str, gone: str) -> None:
    text = text_after(box)
    assert gone not in text
    assert "winter tyres or chains" in text and "Tourism professionals" in text


@pytest.mark.parametrize(
    ("box", "kept"),
    [
        # the statement's own list, no box around it
        ("<p>The prefecture lists the communes concerned:</p><ul><li>Villard-de-Lans</li><li>Autrans</li></ul>", "Autrans"),
        # a box without a heading
        ("<div class='box'><p>Villard-de-Lans</p><p>Autrans-Méaudre</p></div>", "Autrans"),
        # a "box" class around paragraph-length text
        ("<div class='content-box'><h3>Background</h3><p>" + "The rule follows the mountain law of 2016 and applies every winter in the listed communes of the department. " * 3 + "</p><p>Second.</p></div>", "mountain law"),
        # a box named only "box" with a heading and one paragraph: a statement set in a box
        ("<div class='quote-box'><h4>Statement</h4><p>Chains are required on all mountain roads from 1 November.</p></div>", "Chains are required"),
        # a quotation is never the outlet's box
        ("<blockquote><div class='box'><h4>Notice</h4><p>Chains required.</p><p>Fine 135 euros.</p></div></blockquote>", "Chains required"),
    ],
    ids=["statement-list", "no-heading", "long-text", "one-item-generic-box", "in-quotation"],
)
def test_lists_and_boxes_that_are_not_fact_boxes_stay(box: str, kept: str) -> None:
    assert kept in text_after(box)


def test_a_box_before_the_body_begins_stays() -> None:
    box = "<div class='infobox'><h4>Ukratko</h4><ul><li>Početak: 1. januar</li><li>Online, bez naknade</li></ul></div>"
    assert "Online, bez naknade" in text_after(box, before="")


def test_a_one_line_facts_box_after_the_text_goes() -> None:
    """Swedish papers close with "<div class=artikel__fakta><b>Fakta:</b> …</div>"."""
    box = "<div class='artikel__fakta'><b>Fakta:</b> Eldningsförbud innebär att det är förbjudet att göra upp eld utomhus.</div>"
    assert "Eldningsförbud" not in text_after(box)


def test_a_labelled_line_without_a_box_class_stays() -> None:
    line = "<div class='note'><b>Note:</b> the prefecture will review the list in March.</div>"
    assert "review the list" in text_after(line)


def test_a_japanese_box_after_the_text_with_a_marked_title_goes() -> None:
    """"<div class=kakomi><p class=kakomiTitle>■クマに遭遇したら</p><p>・…</p>…</div>" (囲み, a box)."""
    box = (
        "<div class='kakomi'><p class='kakomiTitle'>■クマに遭遇したら</p><p>・走って逃げず、ゆっくり後退する</p>"
        "<p>・子グマを見かけたら近くに親グマがいると考える</p><p>（長野県の資料より）</p></div>"
    )
    assert "子グマ" not in text_after(box)
