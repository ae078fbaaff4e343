# ruff: noqa: E501  (sample lines are kept whole: they are what outlets print)
"""Titles carrying the site's name in forms trafilatura does not strip.

Real behaviour: old portals write "<title>Site :: Headline</title>", some themes "Headline « Site" or
"Site · Headline"; the headline is the page's <h1>, or on a table-laid-out page without one, a
bold line at the top of the text. Varied: the site's name before and after, several separators,
with and without an <h1>. What stays: a title that is a headline with a dash inside it ("Ministry
- a review"), and a title that the top line only shares words with.
"""

from __future__ import annotations

import pytest

from archive.extract import headline_title


@pytest.mark.parametrize(
    ("title", "headline", "text", "expected"),
    [
        ("Khaosan Lanna :: University closes a building after cracks", "University closes a building after cracks", "", "University closes a building after cracks"),
        ("Harbour bridge closes for repairs « Weald Gazette", "Harbour bridge closes for repairs", "", "Harbour bridge closes for repairs"),
        # no <h1>: the part printed at the top of the text
        ("Nanhu Net · 市场监管局发布消费提示", "", "首页 > 消费\n市场监管局发布消费提示\n正文第一段。", "市场监管局发布消费提示"),
        ("Weald Gazette :: Bins collected at last", "", "Home > News\nBins collected at last\nThe council said …", "Bins collected at last"),
    ],
)
def test_the_headline_without_the_sites_name(title: str, headline: str, text: str, expected: str) -> None:
    assert headline_title(title, headline, text) == expected


@pytest.mark.parametrize(
    ("title", "headline", "text"),
    [
        ("Ministry - a review of the year's statements", "", "Ministry\nThe ministry published …"),  # the rest is longer
        ("Bridge closes for repairs", "Bridge closes for repairs", ""),  # already the headline
        ("Bridge closes :: city says", "", "Bridge closes for a month\nText"),  # the top line is not a part
    ],
)
def test_titles_that_are_not_headline_plus_site_stay(title: str, headline: str, text: str) -> None:
    assert headline_title(title, headline, text) == title
