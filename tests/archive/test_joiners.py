# ruff: noqa: E501  (fixtures read best on one line)
"""Zero-width joiners survive extraction.

Real behaviour: Persian writes the zero-width non-joiner inside most sentences ("اطلاعیه‌ای",
"می‌رساند"); Devanagari and Bengali use the joiner and non-joiner to choose a letter's form; emoji
sequences use the joiner. trafilatura drops non-printable characters, so without care the
archived text differs from the page's.
"""

from __future__ import annotations

import pytest

from archive.extract import extract
from tests.archive.captures import html_capture

PERSIAN = [
    "روابط عمومی شهرداری با انتشار اطلاعیه\u200cای اعلام کرد که بازار ماهی\u200cفروشان از روز یکشنبه تعطیل می\u200cشود.",
    "غرفه\u200cداران در بازارچه موقت مستقر می\u200cشوند و عرضه ماهی همه\u200cروزه ادامه دارد.",
    "شهرداری از صبر و همکاری کسبه و شهروندان سپاسگزار است و تلاش می\u200cکند کار پیش از موعد به پایان برسد.",
]
HINDI = [
    "नगर निगम ने बताया कि क्\u200dष और र्\u200dय जैसे रूपों वाली सूचना पट्टिकाएँ बदली जाएँगी और नई पट्टिकाएँ अगले महीने लगेंगी।",
    "नागरिकों से अनुरोध है कि वे बदलाव के दौरान धैर्य रखें और निगम के कर्मचारियों का सहयोग करें।",
    "पुरानी पट्टिकाएँ संग्रहालय को सौंपी जाएँगी, जहाँ उन्हें शहर के इतिहास के साथ प्रदर्शित किया जाएगा।",
]


@pytest.mark.parametrize(("language", "paragraphs"), [("fa", PERSIAN), ("hi", HINDI)])
def test_joiners_in_the_page_are_in_the_text(language: str, paragraphs: list[str]) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        f"<html lang='{language}'><head><title>اطلاعیه\u200cای</title></head>"
        f"<body><article><h1>اطلاعیه\u200cای</h1>{body}</article></body></html>"
    )
    capture = html_capture(html, "https://news.example/a/2026/11/48213")
    result = extract(capture)
    assert result.text is not None and result.text.splitlines() == paragraphs
    assert result.title == "اطلاعیه\u200cای"  # and no stand-in character left in metadata


def test_joiners_in_the_og_title_are_in_the_title() -> None:
    """Persian portals set og:title (trafilatura's first source for the title) to the headline,
    joiners and all; the title and the headline line dropped from the text must both keep them."""
    headline = "تعطیلی بازار ماهی\u200cفروشان از یکشنبه"
    body = "".join(f"<p>{p}</p>" for p in PERSIAN)
    html = (
        f"<html lang='fa'><head><title>{headline} - خبرنامه</title>"
        f"<meta property='og:title' content='{headline}'><meta name='description' content='بازار ماهی\u200cفروشان'></head>"
        f"<body><article><h1>{headline}</h1>{body}</article></body></html>"
    )
    result = extract(html_capture(html, "https://news.example/a/2026/11/48214"))
    assert result.title == headline
    assert result.text is not None and result.text.splitlines() == PERSIAN
    assert result.description == "بازار ماهی\u200cفروشان"
