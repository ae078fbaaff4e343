from __future__ import annotations

import lxml.html

from archive.profiles import profile_from_dict
from archive.textclean import apply_line_rules, join_pasted_lines, normalise_whitespace, prune

NB = "\u00a0"


def paragraphs(html: str) -> list[str]:
    tree = lxml.html.document_fromstring(html)
    join_pasted_lines(tree)
    return [normalise_whitespace(p.text_content()) for p in tree.iter("p") if p.text_content().strip()]


def test_pasted_visual_lines_are_joined_and_paragraph_breaks_kept() -> None:
    html = (
        f"<div><p>The inquiry{NB}found that</p><p>recordings{NB}were erased</p><p>early.</p>"
        f"<p>&nbsp;</p><p>The{NB}Authority must</p><p>reply{NB}by January.</p></div>"
    )
    assert paragraphs(html) == [
        "The inquiry found that recordings were erased early.",
        "The Authority must reply by January.",
    ]


def test_ordinary_paragraphs_without_nbsp_are_left_alone() -> None:
    html = "<div><p>Heading without a full stop</p><p>A normal paragraph.</p></div>"
    assert paragraphs(html) == ["Heading without a full stop", "A normal paragraph."]


def test_prune_keeps_the_tail_text() -> None:
    tree = lxml.html.document_fromstring('<div><p>before <span class="share">Share</span> after</p></div>')
    assert prune(tree, [".share"]) == 1
    assert normalise_whitespace(tree.text_content()) == "before after"


def test_byline_lines_leave_the_text_and_become_the_author() -> None:
    profile = profile_from_dict(
        {
            "name": "t",
            "byline_patterns": [r"^기자명\s+(?P<name>\S+)\s*기자$", r"^By (?P<name>.+)$"],
            "drop_line_patterns": ["무단전재"],
        }
    )
    text, author = apply_line_rules(
        "기자명 김하늘 기자\n본문입니다.\nBy Someone Else\n무단전재 및 재배포 금지", [profile]
    )
    assert text == "본문입니다." and author == "김하늘"


def test_whitespace_is_normalised() -> None:
    assert normalise_whitespace(f"a{NB}{NB}b \t c\n\n  d  ") == "a b c\nd"
