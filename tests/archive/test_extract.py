"""extract() is a pure function of the capture (and the profiles)."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import lxml.html

from archive.extract import extract
from archive.profiles import ProfileSet, load_profiles, profile_from_dict
from crawler.cli import main
from tests.golden.cases import capture_of_case, case_dirs

PARAGRAPHS = "".join(
    f"<p>Paragraph {n}: the harbour survey was published in full on Tuesday, including annex {n} "
    f"on sediment quality at measuring point {n * 3}.</p>"
    for n in range(1, 6)
)


def page(published: str) -> bytes:
    return (
        f'<html><head><title>Survey</title><meta property="article:published_time" content="{published}">'
        f"</head><body><article><h1>Survey</h1>{PARAGRAPHS}</article></body></html>"
    ).encode()


def test_same_capture_same_output_whatever_ran_before() -> None:
    cases = case_dirs()
    first = {case: extract(capture_of_case(case)) for case in cases}
    for case in reversed(cases):
        assert extract(capture_of_case(case)) == first[case]


def test_capture_date_bounds_the_dates_found() -> None:
    template = capture_of_case(case_dirs()[0])
    capture = replace(
        template,
        url="https://courier.example/survey",  # no date in the URL
        body=page("2031-05-01T10:00:00+00:00"),
        response_headers=(),
        fetched_at=datetime(2026, 11, 22, tzinfo=UTC),
    )
    assert extract(capture).published != "2031-05-01"
    later = replace(capture, fetched_at=datetime(2031, 6, 1, tzinfo=UTC))
    assert extract(later).published == "2031-05-01"


def test_profiles_apply_only_on_their_dates() -> None:
    old_rule = profile_from_dict(
        {
            "name": "old-layout",
            "valid_until": "2020-01-01",
            "markers": ["article"],
            "drop_line_patterns": ["annex"],
        }
    )
    profiles = ProfileSet((*load_profiles().profiles, old_rule))
    tree = lxml.html.document_fromstring(page("2019-01-01"))
    assert "old-layout" in [p.name for p in profiles.select("http://x/", tree, datetime(2019, 6, 1))]
    assert "old-layout" not in [p.name for p in profiles.select("http://x/", tree, datetime(2026, 6, 1))]


def test_binary_served_as_html_is_not_extracted() -> None:
    template = capture_of_case(case_dirs()[0])
    png = replace(template, body=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result = extract(png)
    assert result.text is None and result.no_article_reason == "not HTML (sniffed)"


def test_extract_command_prints_one_object_per_file(tmp_path: Path) -> None:
    files = []
    for number in range(2):
        path = tmp_path / f"page{number}.html"
        path.write_bytes(page("2026-11-01"))
        files.append(str(path))
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["extract", *files, "--url", "https://courier.example/survey", "--jsonl"]) == 0
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["file"] for line in lines] == files
    assert all(line["title"] == "Survey" and "sediment quality" in line["text"] for line in lines)
