"""The publication date a page only prints, in its own language, next to the headline.

Why: many outlets put no date in their metadata or markup (no <time>, no meta, no
JSON-LD); the reader sees a dateline under the headline ("2026年11月20日 18時05分",
"입력 2026.11.20 09:14", "Publicado el 20 de noviembre de 2026"). htmldate's cheap
search misses those, and its extensive search reads the whole text, where the
statement's own dates ("an inspection on 28 October") would win. So: only short
elements just after the headline, each read as a date line by `archive.datelines`
(dateparser, about 200 locales): the first complete date not after the capture.
"""

from __future__ import annotations

from datetime import date
from itertools import chain

from lxml.html import HtmlElement

from archive.datelines import YEAR_LIKE, date_in_line
from archive.headerlines import header_pieces, pieces_above_headline

EARLIEST = "1995-01-01"
"""htmldate's floor too: a year like 1405 is a Solar Hijri (or Hijri) date read as Gregorian."""


def visible_date(tree: HtmlElement, languages: tuple[str, ...], latest: str) -> str | None:
    """First dateline after the headline (YYYY-MM-DD), not after `latest`; None if there is none.

    When the page's languages read none, every language is tried: dateparser's data for a language
    can lack the form its outlets print ("Venres, 27 de novembro de 2026" in Galician).
    """
    # "입력 2026.11.20 09:14 | 김지훈 기자" under the headline, or "Thứ Sáu, 20/11/2026 - 08:30" above it
    pieces = [p for p in chain(header_pieces(tree), pieces_above_headline(tree)) if YEAR_LIKE.search(p)]
    for tried in (languages, ()) if languages else ((),):
        for piece in pieces:
            found = date_in_line(piece, tried)
            day = _common_era(found.date()) if found is not None else None
            if day is not None and EARLIEST <= day <= latest:
                return day
    return None


BUDDHIST_ERA_OFFSET = 543
"""Thai papers print the Buddhist-era year (2569 is 2026); no Gregorian news date is that far ahead."""


def _common_era(day: date) -> str:
    if day.year >= 2400:
        return f"{day.year - BUDDHIST_ERA_OFFSET:04d}-{day.month:02d}-{day.day:02d}"
    return day.strftime("%Y-%m-%d")
