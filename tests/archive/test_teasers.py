"""Teaser lines inside article bodies.

Real-world behaviour: news sites drop "Read also: <other story>" lines between the
paragraphs of an article, in many forms — the label inside the link, the label in
<strong> before it, no label, an arrow glyph, or a small list of two teasers. The
body itself also has links: a sentence citing a ministry's PDF, a sentence with a
link in the middle. Only the first kind may go.
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.teasers import remove_teasers

PAGE = "https://www.harbour-gazette.example/politics/2026/11/ombudsman-report-4411"
BODY = (
    "<p>The Ombudsman published its findings on Tuesday after an inquiry that lasted eleven months "
    "and heard from forty-two complainants.</p>{teaser}"
    "<p>The Regional Dispatch Authority said it would answer within the statutory period.</p>"
)


def _texts(snippet: str) -> str:
    html = f"<html><body><article>{BODY.format(teaser=snippet)}</article></body></html>"
    tree = lxml.html.document_fromstring(html)
    remove_teasers(tree, PAGE)
    return " ".join(tree.text_content().split())


@pytest.mark.parametrize(
    "teaser",
    [
        '<p><a href="/politics/2026/10/dispatch-strike-4390">'
        "Read also: Dispatchers strike over staffing</a></p>",
        '<p><strong>Siehe auch:</strong> '
        '<a href="/politik/2026/leitstelle-4380">Leitstelle ohne Personal</a></p>',
        '<p><a href="https://harbour-gazette.example/society/call-recordings-explained-4101">'
        "Call recordings, explained</a></p>",
        '<div>▶ <a href="/politics/2026/09/ombudsman-profile-3999">Who is the Ombudsman?</a></div>',
        '<ul><li><a href="/a/2026/1">延伸阅读：调度中心录音被删</a></li>'
        '<li><a href="/a/2026/2">あわせて読みたい 救急通報の記録</a></li></ul>',
        '<p>[طالع أيضا] <a href="/ar/news/2026/5521">تقرير أمين المظالم</a></p>',
    ],
)
def test_teasers_go(teaser: str) -> None:
    text = _texts(teaser)
    assert "forty-two complainants" in text and "statutory period" in text
    for word in ("Dispatchers strike", "Leitstelle", "explained", "Who is", "调度中心", "救急通報", "تقرير"):
        assert word not in text


@pytest.mark.parametrize(
    ("snippet", "kept"),
    [
        # External source document: the ministry's PDF stays.
        ('<p>Full report: <a href="https://www.interior.gov.example/files/report-2026.pdf">'
         "report (PDF)</a></p>",
         "report (PDF)"),
        # A same-site PDF is a document, not a story.
        ('<p><a href="/files/ombudsman-findings-2026.pdf">Findings of the Ombudsman (PDF)</a></p>',
         "Findings"),
        # A body sentence that merely contains an internal link.
        ('<p>The complaint, first <a href="/politics/2026/03/complaint-4000">reported in March</a>, was '
         "brought by a group of relatives of callers whose recordings were erased.</p>", "reported in March"),
        # A section link is navigation, not an article.
        ('<p>More from: <a href="/politics">Politics</a></p>', "Politics"),
        # A link to the page itself.
        (f'<p><a href="{PAGE}">Permalink to this statement</a></p>', "Permalink"),
    ],
)
def test_body_links_stay(snippet: str, kept: str) -> None:
    assert kept in _texts(snippet)
