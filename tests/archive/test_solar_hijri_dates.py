# ruff: noqa: E501  (sample lines are kept whole: they are what outlets print)
"""Solar Hijri datelines: Iranian and Afghan outlets print the publication date in the Persian
calendar only ("تاریخ انتشار: ۱۵ مهر ۱۴۰۵ - ۱۰:۲۴" is 7 October 2026), often with no date for
machines. Read as Gregorian, 1405 is six centuries early and was thrown away. Varied: Persian and
ASCII digits, a label or none, a clock time; a lunar Hijri date (same year range, Arabic month
names) is not read as one, nor is a bare number like an article id.
"""

from __future__ import annotations

import pytest

from archive.extract import extract
from archive.visibledates import solar_hijri_day
from tests.archive.captures import html_capture


@pytest.mark.parametrize(
    ("piece", "day"),
    [
        ("۱۵ مهر ۱۴۰۵", "2026-10-07"),
        ("تاریخ انتشار: ۱۵ مهر ۱۴۰۵ - ۱۰:۲۴", "2026-10-07"),
        ("1 فروردین 1405", "2026-03-21"),
        ("۳۰ آبان ۱۴۰۵", "2026-11-21"),
        ("۱۵ رجب ۱۴۴۸", None),  # lunar Hijri: Arabic month name
        ("کد خبر: ۱۴۰۵", None),  # an article id
    ],
)
def test_solar_hijri_day(piece: str, day: str | None) -> None:
    assert solar_hijri_day(piece) == day


def test_a_persian_pages_only_date_is_its_publication_date() -> None:
    body = "".join(
        f"<p>شرکت آب و فاضلاب شیراز اعلام کرد که فشار آب در مناطق شمالی شهر تا پایان هفته کاهش می‌یابد و مردم باید آب ذخیره کنند. بند {n}</p>"
        for n in range(4)
    )
    html = (
        '<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>افت فشار آب در شیراز</title></head><body>'
        '<div class="news"><div class="news_date">تاریخ انتشار: ۱۵ مهر ۱۴۰۵ - ۱۰:۲۴</div>'
        f"<h1>افت فشار آب در شیراز</h1>{body}</div></body></html>"
    )
    result = extract(html_capture(html, "http://127.0.0.1:8000/fa/news/284177"))
    assert result.published is not None and result.published[:10] == "2026-10-07"
