"""Golden cases as captures (web-poet fixture layout, fundus golden pages)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from archive.model import Capture

GOLDEN = Path(__file__).parent

SITE_CHROME = (
    "댓글",
    "공유",
    "추천",
    "많이 본",
    "무단전재",
    "로그인",
    "기사 인쇄",
    "페이스북",
    "Share this",
    "Leave a Reply",
    "says:",
    "cookies",
    "Newsletter",
    "Most read",
    "Related",
    "Proudly powered",
)
"""Strings of comment widgets, share bars and site chrome in our fixture pages: never in a statement."""


def case_dirs() -> list[Path]:
    return sorted(p.parent for p in GOLDEN.glob("*/*/meta.json"))


def capture_of_case(case: Path) -> Capture:
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    return Capture(
        url=meta["url"],
        fetched_at=datetime.fromisoformat(meta["fetched_at"]),
        status=meta.get("status", 200),
        response_headers=tuple((k, v) for k, v in meta.get("headers", [])),
        body=(case / "input.html").read_bytes(),
    )
