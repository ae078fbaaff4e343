"""A short body that trafilatura's precision mode drops is looked for again in recall mode.

Real behaviour: some themes wrap the main column in an <aside> (their "primary" sidebar layout),
and some put a short news brief inside the entry's <header> or the article's <footer> block. In
precision mode trafilatura discards such blocks whole; on a long page other text remains, but a
short notice then yields "no article" although a reader sees one. Recall mode is tried only when
precision mode found too little, so ordinary pages keep precision mode's output, and a page
with nothing but chrome still says "no article".
"""

from __future__ import annotations

import pytest

from archive.extract import TOO_SHORT, extract
from archive.model import Capture
from tests.archive.captures import html_capture

NOTICE = [
    "Halmashauri ya Wilaya ya Mto Mweupe imetangaza kuwa maji yatakatika Jumatatu kuanzia saa mbili asubuhi.",
    "Wakazi wa kata za Kati na Mashariki wanaombwa kuhifadhi maji ya kutosha kabla ya siku hiyo.",
    "Huduma itarejea Jumanne jioni baada ya ukarabati wa bomba kuu kukamilika.",
]


def capture(body: str) -> Capture:
    html = (
        "<html lang='sw'><head><title>Maji kukatika</title></head><body>"
        "<nav><a href='/'>Nyumbani</a> <a href='/habari'>Habari</a> <a href='/michezo'>Michezo</a></nav>"
        f"<h1>Maji kukatika</h1>{body}<footer>© 2026 Sauti ya Pwani</footer></body></html>"
    )
    return html_capture(html, "https://sauti.example/habari/maji-kukatika-5521")


@pytest.mark.parametrize(
    "body",
    [
        "<aside class='primary'>" + "".join(f"<p>{p}</p>" for p in NOTICE) + "</aside>",
        "<header class='entry-header'>" + "".join(f"<p>{p}</p>" for p in NOTICE) + "</header>",
        "<article><footer>" + "".join(f"<p>{p}</p>" for p in NOTICE) + "</footer></article>",
    ],
    ids=["main-column-in-aside", "brief-inside-header", "brief-inside-article-footer"],
)
def test_a_short_body_dropped_by_precision_mode_is_found(body: str) -> None:
    result = extract(capture(body))
    assert result.no_article_reason is None
    assert result.text is not None and "Huduma itarejea Jumanne jioni" in result.text


def test_a_page_of_chrome_still_has_no_article() -> None:
    menu = "<ul>" + "".join(f"<li><a href='/habari/{i}'>Habari ya {i}</a></li>" for i in range(12)) + "</ul>"
    result = extract(capture(menu))
    assert result.text is None and result.no_article_reason == TOO_SHORT
