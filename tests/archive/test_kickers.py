# ruff: noqa: E501  (HTML fixtures read best on one line)
"""The kicker over the headline leaves the text.

Real behaviour: German regional papers print a "Dachzeile" (the place or topic) over the headline
(`<p class=news-dachzeile>Trier-Nord</p><h1>…`), Basque and Spanish ones a section label in
capitals (`<p class=sarrera-goiburua>INGURUMENA</p>`), Norwegian ones a place in capitals. What
stays: a sentence above the headline, a date, a breadcrumb of links, and anything not right above it.
Old table layouts set the label as a `<span>` and a `<br>` before the headline (`<span class=dachzeile>
Betrugsmasche im Werra-Meißner-Kreis</span><br><h1>`, an Argentine volanta the same way), and a
Dachzeile is often a phrase of four or five words rather than a section name.
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.extract import extract
from archive.kickers import remove_kicker
from tests.archive.captures import html_capture

BODY = "".join(
    f"<p>{p}</p>"
    for p in [
        "In der Nacht zum Mittwoch sind in einer Kleingartenanlage am Moselufer drei Gartenhütten abgebrannt.",
        "Die Kriminalpolizei schließt Brandstiftung nicht aus und bittet Zeugen, sich unter der Telefonnummer zu melden.",
        "Der Sachschaden wird auf rund 20.000 Euro geschätzt, verletzt wurde niemand.",
    ]
)


@pytest.mark.parametrize(
    "kicker",
    ["<p class='news-dachzeile'>Trier-Nord</p>", "<p class='sarrera-goiburua'>INGURUMENA</p>", "<div class='stikktittel'>NORE OG UVDAL</div>", "<span class='kicker'>Blaulicht</span>", "<font class='surtitre'>FAITS DIVERS</font>", "<span class='dachzeile'>Brandserie im Moseltal</span><br>", "<span class='volanta'>MOVILIDAD URBANA</span><br>\n<br>", "<p class='dachzeile'>Nach dem Feuer an der Mosel</p>"],
)
def test_the_kicker_right_above_the_headline_goes(kicker: str) -> None:
    html = f"<html><head><title>Polizei sucht Zeugen nach Brand</title></head><body><div class='item'>{kicker}<h1>Polizei sucht Zeugen nach Brand</h1>{BODY}</div></body></html>"
    tree = lxml.html.document_fromstring(html)
    label = lxml.html.fromstring(kicker).text_content()
    assert remove_kicker(tree) and label not in tree.text_content()
    text = extract(html_capture(html, "http://127.0.0.1:8000/region/trier/brand.html")).text or ""
    assert label not in text and text.startswith("In der Nacht")


@pytest.mark.parametrize(
    "above",
    [
        "<p>Die Polizei hat am Donnerstag eine Mitteilung veröffentlicht.</p>",  # a sentence
        "<p class='date'>26.11.2026</p>",  # a date
        "<p class='crumb'><a href='/region/'>Region</a></p>",  # a breadcrumb link
        "<p class='dachzeile'>Trier-Nord</p><div class='ad'></div>",  # not right above the headline
        "<span class='dachzeile'>Trier-Nord</span> Stand heute<br>",  # text between it and the headline
        "<p>Nach dem Feuer an der Mosel bittet die Polizei nun alle Zeugen um Hinweise</p>",  # too long
    ],
)
def test_other_lines_above_the_headline_stay(above: str) -> None:
    tree = lxml.html.document_fromstring(f"<html><body><div>{above}<h1>Polizei sucht Zeugen</h1>{BODY}</div></body></html>")
    assert not remove_kicker(tree)
