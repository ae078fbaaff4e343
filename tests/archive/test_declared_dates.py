# ruff: noqa: E501  (HTML fixtures read best on one line)
"""The dateline under the headline beats a date guessed from the page when nothing declares one.

Real behaviour: old regional portals print today's date in the site's top bar ("Sonntag, 29.
November 2026") and the article's date under the headline ("27.11.2026, 11:20 Uhr"), with no
meta date, no <time datetime>, no JSON-LD and a URL with a year and month only. htmldate's cheap
search takes the top bar. Where a date is declared for machines (meta, <time>, JSON-LD, a day in
the URL) that one still wins.
"""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.html
from htmldate import find_date

from archive.extract import extract
from tests.archive.captures import html_capture

SUNDAY = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
BODY = "".join(
    f"<p>Nach einer Serie von Einbrüchen in Gartenlauben bittet die Polizei um Hinweise aus der Bevölkerung, Absatz {n}.</p>"
    for n in range(4)
)


def page(head: str = "") -> str:
    return (
        f"<html lang='de'><head><meta charset='utf-8'><title>Einbruchsserie in Gartenlauben</title>{head}</head><body>"
        "<div id='kopf'><div id='datum'>Sonntag, 29. November 2026</div></div><div class='artikel'>"
        f"<h1>Einbruchsserie in Gartenlauben</h1><div class='artikelinfo'>27.11.2026, 11:20 Uhr | Von unserer Redaktion</div>{BODY}"
        "</div></body></html>"
    )


def test_without_a_declared_date_the_dateline_under_the_headline_wins() -> None:
    result = extract(html_capture(page(), "http://127.0.0.1:8000/lokales/2026/11/einbruchsserie.html", SUNDAY))
    assert result.published is not None and result.published[:10] == "2026-11-27"


def test_a_declared_date_still_wins() -> None:
    head = '<meta property="article:published_time" content="2026-11-26T18:00:00+01:00">'
    result = extract(html_capture(page(head), "http://127.0.0.1:8000/lokales/2026/11/einbruchsserie.html", SUNDAY))
    assert result.published is not None and result.published[:10] == "2026-11-26"


def test_a_headline_without_h1_is_found_by_the_title_and_its_dateline_wins() -> None:
    """No <h1>, but the <title>'s headline printed in an <h2>: the header block starts there."""
    html = page().replace("<h1>Einbruchsserie in Gartenlauben</h1>", "<h2 class='itemTitle'>Einbruchsserie in Gartenlauben</h2>")
    result = extract(html_capture(html, "http://127.0.0.1:8000/lokales/2026/11/einbruchsserie.html", SUNDAY))
    assert result.published is not None and result.published[:10] == "2026-11-27"


def test_without_any_headline_element_htmldates_find_stays() -> None:
    """No <h1> and no element printing the title: the header lines would start at the site's top
    bar (today's date), so our dateline reading does not override the date htmldate finds."""
    html = page().replace("<h1>Einbruchsserie in Gartenlauben</h1>", "<h2 class='itemTitle'>Diebe in der Kleingartenanlage</h2>")
    result = extract(html_capture(html, "http://127.0.0.1:8000/lokales/2026/11/einbruchsserie.html", SUNDAY))
    found = find_date(lxml.html.document_fromstring(html), extensive_search=False, original_date=True, max_date="2026-11-30")
    assert result.published is not None and result.published[:10] == found
