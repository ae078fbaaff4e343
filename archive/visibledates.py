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

import re
from datetime import date
from itertools import chain

from lxml.html import HtmlElement

from archive.datelines import YEAR_LIKE, date_in_line, through_clock
from archive.headerlines import header_pieces, pieces_above_headline
from archive.scripts import ascii_digits

EARLIEST = "1995-01-01"
"""htmldate's floor too: a year like 1405 is a Solar Hijri (or Hijri) date read as Gregorian."""


def visible_date(tree: HtmlElement, languages: tuple[str, ...], latest: str) -> str | None:
    """First dateline after the headline (YYYY-MM-DD), not after `latest`; None if there is none.

    When the page's languages read none, every language is tried: dateparser's data for a language
    can lack the form its outlets print ("Venres, 27 de novembro de 2026" in Galician).
    """
    # "입력 2026.11.20 09:14 | 김지훈 기자" under the headline, or "Thứ Sáu, 20/11/2026 - 08:30" above it
    all_pieces = list(chain(header_pieces(tree), pieces_above_headline(tree)))
    dated = [piece for piece in all_pieces if YEAR_LIKE.search(ascii_digits(piece))]  # "২৭ নভেম্বর ২০২৬"
    pieces = [cut for piece in dated for cut in (piece, *_date_before_clock(piece))]
    for piece in all_pieces:  # Iranian and Afghan outlets print the Solar Hijri date ("۱۵ مهر ۱۴۰۵")
        day = solar_hijri_day(piece)
        if day is not None and EARLIEST <= day <= latest:
            return day
    for tried in (languages, ()) if languages else ((),):
        for piece in pieces:
            found = date_in_line(piece, tried)
            day = _common_era(found.date()) if found is not None else None
            if day is not None and EARLIEST <= day <= latest:
                return day
    return None


def _date_before_clock(piece: str) -> list[str]:
    """The piece up to its clock time when more of the row follows ("… 16:20 น. อ่าน 2,814 ครั้ง")."""
    parts = through_clock(piece)
    return [parts[0]] if parts else []


_SOLAR_HIJRI_YEAR = re.compile(r"(?<!\d)1[34]\d\d(?!\d)")
_LABEL = re.compile(r"^[^\d:：]{1,30}[:：]\s*")
# The Persian months (Arabic yeh and kaf as some keyboards type them); "دی" only as a word.
_PERSIAN_MONTH = re.compile(
    r"فروردین|فروردين|اردیبهشت|ارديبهشت|خرداد|(?<!\w)تیر(?!\w)|(?<!\w)تير(?!\w)|مرداد|شهریور|شهريور|"
    r"(?<!\w)مهر(?!\w)|آبان|آذر|(?<!\w)دی(?!\w)|(?<!\w)دي(?!\w)|بهمن|اسفند"
)


def solar_hijri_day(piece: str) -> str | None:
    """The Gregorian day of a Solar Hijri date line ("تاريخ انتشار: ۱۵ مهر ۱۴۰۵ - ۱۰:۲۴"), else None.

    Only Persian month names read (dateparser's Jalali calendar), so a lunar Hijri date, whose years
    are in the same range, is not taken for one."""
    if not _SOLAR_HIJRI_YEAR.search(ascii_digits(piece)) or not _PERSIAN_MONTH.search(piece):
        return None
    from dateparser.calendars.jalali import JalaliCalendar  # type: ignore[import-untyped]  # slow to load

    for text in (piece, _LABEL.sub("", piece)):
        try:
            found = JalaliCalendar(text).get_date()
        except (ValueError, TypeError, OverflowError):
            continue
        parts = set(getattr(found, "parts", None) or ())
        if found is not None and found.date_obj is not None and {"day", "month", "year"} <= parts:
            return str(found.date_obj.strftime("%Y-%m-%d"))
    return None


BUDDHIST_ERA_OFFSET = 543
"""Thai papers print the Buddhist-era year (2569 is 2026); no Gregorian news date is that far ahead."""


def _common_era(day: date) -> str:
    if day.year >= 2400:
        return f"{day.year - BUDDHIST_ERA_OFFSET:04d}-{day.month:02d}-{day.day:02d}"
    return day.strftime("%Y-%m-%d")
