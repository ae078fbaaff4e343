"""Golden pages: one test per case and field, so a failure names what broke."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from archive.extract import extract
from archive.linejoin import display_width
from tests.golden.cases import SITE_CHROME, capture_of_case, case_dirs

FIELDS = [
    "text",
    "no_article_reason",
    "title",
    "author",
    "published",
    "modified",
    "sitename",
    "language",
    "canonical_url",
    "description",
    "charset",
    "text_source",
    "profiles",
]
_cache: dict[Path, dict[str, Any]] = {}


def actual(case: Path) -> dict[str, Any]:
    if case not in _cache:
        _cache[case] = extract(capture_of_case(case)).as_dict()
    return _cache[case]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden_field(case: Path, field: str) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert actual(case)[field] == expected[field]


def test_there_are_golden_cases_for_each_family() -> None:
    families = {case.parent.name for case in case_dirs()}
    assert {"generic", "korean-cms-articleview", "korean-portal-table", "wordpress"} <= families


STATEMENT_EN = "The Authority has been asked to reply to these recommendations by 15 January 2027."


def test_korean_cms_statement_lines_are_whole_paragraphs() -> None:
    case = next(c for c in case_dirs() if c.name == "english-statement")
    lines = actual(case)["text"].splitlines()
    assert STATEMENT_EN in lines
    assert len(lines) == 6  # dateline intro + five paragraphs of the statement
    assert all(line.rstrip()[-1] in ".”" for line in lines)
    assert "\u00a0" not in actual(case)["text"]


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_widget_or_chrome_text_leaks(case: Path) -> None:
    text = actual(case)["text"] or ""
    for leak in SITE_CHROME:
        assert leak not in text, leak


def test_pages_without_an_article_say_so() -> None:
    by_name = {c.name: actual(c) for c in case_dirs()}
    for name in ("comments-only", "menu-only"):
        assert by_name[name]["text"] is None
        assert by_name[name]["no_article_reason"].startswith("no article")


# Pasted statements, one golden page per layout: case -> paragraphs in the text (the statement's,
# plus the outlet's own introduction and closing paragraphs).
VISUAL_LINE_CASES = {
    "english-statement": 1 + 5,  # one <p> per line, one spacer between paragraphs
    "spacer-lines-statement": 1 + 5,  # spacer between lines, two between paragraphs, width 72
    "spacer-lines-narrow": 1 + 5 + 1,  # the same at width 46, lines inside <span>
    "br-lines-statement": 4,  # <br> per line, <br><br> between paragraphs; its intro is the standfirst
    "div-lines-statement": 1 + 4,  # one <div> per line, no spacers at all
}


@pytest.mark.parametrize("name", sorted(VISUAL_LINE_CASES))
def test_pasted_statements_come_out_one_paragraph_per_line(name: str) -> None:
    case = next(c for c in case_dirs() if c.name == name)
    lines = actual(case)["text"].splitlines()
    assert len(lines) == VISUAL_LINE_CASES[name]
    assert all(line[-1] in ".”" and display_width(line) > 40 for line in lines)  # whole sentences, any script


@pytest.mark.parametrize("name", ["ordinary-short-paragraphs", "short-paragraphs-fr"])
def test_ordinary_short_paragraphs_are_not_merged(name: str) -> None:
    case = next(c for c in case_dirs() if c.name == name)
    tree = lxml.html.fromstring((case / "input.html").read_bytes())
    paragraphs = {" ".join(p.text_content().split()) for p in tree.iter("p")}
    lines = actual(case)["text"].splitlines()
    assert len(lines) > 8
    # each line is one paragraph (the first without a reporter's mark opening it: "[신문=기자명 기자]")
    assert all(any(paragraph.endswith(line) for paragraph in paragraphs) for line in lines)


def test_date_lines_leave_the_text_in_any_language_but_sentences_with_dates_stay() -> None:
    by_name = {c.name: actual(c)["text"] for c in case_dirs()}
    assert "Publié le" not in by_name["short-paragraphs-fr"]
    assert "Mis à jour le" not in by_name["short-paragraphs-fr"]
    assert "se réunira le 3 octobre 2026 à la salle des fêtes." in by_name["short-paragraphs-fr"]
    assert "Publicado el" not in by_name["br-lines-statement"]
    assert "Stand:" not in by_name["div-lines-statement"]
    assert "Aktualisiert am" not in by_name["div-lines-statement"]
