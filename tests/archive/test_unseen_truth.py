"""Extraction against hand-written truth on pages from outlets we never tuned on.

tests/golden/unseen/*/truth.json and tests/golden/unseen2/*/truth.json were written from the page
alone (see their READMEs): the text a reader would cite, one paragraph per line, the author, the
date, and boilerplate strings that must not appear. Word F1 uses the held-out scorer's tokens
(each CJK character one token).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from archive.extract import extract
from tests.golden.cases import GOLDEN, capture_of_case

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from heldout_score import norm, prf  # noqa: E402

CASES = sorted(p.parent for d in ("unseen", "unseen2", "unseen3") for p in (GOLDEN / d).glob("*/truth.json"))


@cache
def result(case: Path) -> dict[str, Any]:
    return extract(capture_of_case(case)).as_dict()


def truth(case: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((case / "truth.json").read_text(encoding="utf-8"))
    return data


def test_there_are_unseen_cases() -> None:
    assert len(CASES) >= 12
    scripts = {_main_script(truth(case)["text"]) for case in CASES}
    assert len(scripts) >= 3


def _main_script(text: str) -> str:
    return Counter(unicodedata.name(c, "?").split()[0] for c in text if c.isalpha()).most_common(1)[0][0]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_text_matches_truth(case: Path) -> None:
    got, want = result(case)["text"] or "", truth(case)
    _, _, f1 = prf(got, want["text"])
    assert f1 >= 0.98, got
    assert len(got.splitlines()) == len(want["text"].splitlines()), got


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_no_boilerplate_in_text(case: Path) -> None:
    text = norm(result(case)["text"])
    assert [b for b in truth(case)["boilerplate"] if norm(b) in text] == []


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_author_and_date_match_truth(case: Path) -> None:
    got, want = result(case), truth(case)
    assert norm(got["author"]) == norm(want["author"])
    assert (got["published"] or "")[:10] == (want["published"] or "")
