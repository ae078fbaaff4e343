"""Publication dates that a page only prints next to its headline.

Real behaviour: many outlets carry no date in metadata or markup that htmldate reads; the reader
sees a dateline under the headline in the site's own language and format ("2026年11月20日
18時05分", "입력 2026.11.20 09:14 | 김지훈 기자", "Publicado el 20 de noviembre de 2026",
"20/11/2026 - 10h32",
"Publicerad 20 november 2026 kl. 09.14", Thai papers' Buddhist-era year ("20 พฤศจิกายน 2569
เวลา 13:45 น."), a byline and a date on two <br> lines of one block), while the statement
below mentions other dates of its own, and a sidebar lists other stories with their dates.
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.visibledates import visible_date

STATEMENT = (
    "<p>An inspection on 28 October 2026 found cracks in two beams; the Board will report again on "
    "15 January 2027.</p>"
)


def page(header: str, before_headline: str = "") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        f"<html><body><div class='top'>{before_headline}</div><h1>Headline</h1>{header}{STATEMENT}"
        "<aside><ul><li><a href='/a/1'>Older story</a> <span>12.11.2026</span></li></ul></aside>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("header", "languages"),
    [
        ("<p class='date'>2026年11月20日 18時05分</p>", ("ja",)),
        ("<div class='info'><span>입력 2026.11.20 09:14 | 김지훈 기자</span></div>", ("ko",)),
        ("<div><span class='x1'>Publicado el 20 de noviembre de 2026</span></div>", ("es",)),
        ("<div class='meta'><em>20/11/2026 - 10h32</em></div>", ("pt",)),
        ("<p>Publié le 20 novembre 2026 à 16h12</p>", ()),
        ("<p class='publicerad'>Publicerad 20 november 2026 kl. 09.14</p>", ("sv",)),
        ("<div><span>เรื่อง: สมชาย ใจดี</span> | <span>20 พฤศจิกายน 2569 เวลา 13:45 น.</span></div>", ("th",)),
        ("<div class='c-x9'>Door: Sanne de Vries<br>vrijdag 20 november 2026, 14:32</div>", ("nl",)),
        ("<div class='info'>Penulis: Rizky Hidayat | Jumat, 20 November 2026 | 15:20 WIB</div>", ("id",)),
    ],
    ids=[
        "ja", "ko-with-byline", "es-label", "pt-numeric", "fr-any-language", "sv-clock-word",
        "th-buddhist-era", "nl-byline-br-date", "id-pieces-zone",
    ],
)
def test_the_dateline_under_the_headline_is_read(header: str, languages: tuple[str, ...]) -> None:
    assert visible_date(page(header), languages, "2026-11-21") == "2026-11-20"


def test_dates_inside_the_statement_or_before_the_headline_are_not_the_dateline() -> None:
    # No dateline: the statement's own sentence is not a date line; the top bar's date comes before the h1.
    assert visible_date(page("", before_headline="<span>Friday 13.11.2026</span>"), (), "2026-11-21") is None


def test_a_future_date_is_not_a_publication_date() -> None:
    assert visible_date(page("<p>2026年12月24日</p>"), ("ja",), "2026-11-21") is None


def test_a_solar_hijri_year_is_not_read_as_gregorian() -> None:
    """۲۹ آبان ۱۴۰۵ is 20 November 2026 in the Solar Hijri calendar, not a date in 1405."""
    assert visible_date(page("<p>۲۹ آبان ۱۴۰۵</p><p>29/08/1405</p>"), ("fa",), "2026-11-21") == "2026-11-20"
    assert visible_date(page("<p>29/08/1405</p>"), ("fa",), "2026-11-21") is None  # no month name: unread


def test_a_buddhist_era_year_far_from_the_capture_is_still_not_read() -> None:
    # 2569 BE is 2026; 2580 BE would be 2037, after the capture.
    assert visible_date(page("<p>20 พฤศจิกายน 2580</p>"), ("th",), "2026-11-21") is None


def test_a_dateline_just_above_the_headline_in_the_article_is_read() -> None:
    """Vietnamese and other outlets print the date above the headline, inside the article block."""
    tree = lxml.html.document_fromstring(
        "<html><body><header><span>Thứ Bảy, 21/11/2026</span></header><div class='detail'>"
        "<div class='detail-time'>Thứ Sáu, 20/11/2026 - 08:30 (GMT+7)</div><h1>Headline</h1>"
        f"{STATEMENT}</div></body></html>"
    )
    assert visible_date(tree, ("vi",), "2026-11-21") == "2026-11-20"


@pytest.mark.parametrize(
    ("line", "languages"),
    [
        ("2026 නොවැම්බර් 28 සෙනසුරාදා, පෙ.ව. 9.20", ("si",)),  # Sinhala "a.m." is an abbreviation of two
        ("20. november 2026 kl. 11.30", ("da",)),
        ("28/11/2026 à 10h30", ("fr",)),
        ("วันเสาร์ที่ 28 พฤศจิกายน พ.ศ. 2569 เวลา 15:40 น.", ("th",)),  # the Buddhist era's mark before the year
        ("28 พ.ย. พ.ศ.2569", ("th",)),
    ],
)
def test_a_date_with_a_clock_time_and_its_little_word_after_it(line: str, languages: tuple[str, ...]) -> None:
    from archive.datelines import is_complete_date

    assert is_complete_date(line, languages)


@pytest.mark.parametrize(
    "dateline",
    ["Eschwege, 07.10.2025 - 16:42 Uhr", "07.10.2025", "Praha 7. 10. 2025", "07.10.25, 16:42"],
)
def test_a_dotted_numeric_date_on_a_page_without_a_language_is_day_first(dateline: str) -> None:
    """Day, month and year between dots is day first wherever it is printed (German, Czech, Russian,
    Turkish outlets); an old page declaring no language must not come out as 10 July."""
    assert visible_date(page(f"<span class='datum'>{dateline}</span>"), (), "2026-11-21") == "2025-10-07"


def test_a_slashed_date_without_a_language_is_still_read_as_dateparser_reads_it() -> None:
    """Slashes are ambiguous (10/07 is 7 October in the US, 10 July in Europe): left to dateparser's
    default, which reads month first, as before."""
    assert visible_date(page("<span>10/07/2025</span>"), (), "2026-11-21") == "2025-10-07"
