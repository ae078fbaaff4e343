"""Extraction profiles: site knowledge as data, versioned by date.

A profile is a TOML file in `archive/profiles/` (or a folder you pass):

    name = "wordpress"
    valid_from = "2010-01-01"          # optional; inclusive
    valid_until = "2030-01-01"         # optional; exclusive
    markers = ["body.single-post"]     # CSS: the profile applies if any matches
    url_patterns = []                  # regexes on the URL, an alternative to markers
    prune = ["div.sharedaddy"]         # CSS selectors removed before extraction
    content = ["td#articleBody"]       # CSS: if found, only these elements hold the text
    byline_selectors = [".byline"]     # CSS: elements whose text may be a byline
    date_selectors = ["td.byline"]     # CSS: elements whose text holds the publication date
    byline_patterns = ['^By (?P<name>.+)$']   # whole lines; the line leaves the text
    drop_line_patterns = ['^All rights reserved']  # short lines that are boilerplate
    join_lines = false                 # accepted for old profiles; no effect (see below)

Pasted visual lines are re-joined on every page by `archive.linejoin`, which
decides from the lines themselves, so no profile needs to ask for it any more.
Date lines are recognised by `archive.datelines` in any language, so profiles
hold no date patterns either.

`generic.toml` (no markers) applies to every page. A capture is read with the
profiles valid on its capture date, so an old capture keeps the rules of its time.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

BUNDLED_PROFILES = Path(__file__).parent / "profiles"


class ProfileError(ValueError):
    """A profile file that cannot be used, with the reason."""


@dataclass(frozen=True)
class Profile:
    name: str
    source: dict[str, Any]
    valid_from: date | None = None
    valid_until: date | None = None
    markers: tuple[str, ...] = ()
    url_patterns: tuple[re.Pattern[str], ...] = ()
    prune: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    byline_selectors: tuple[str, ...] = ()
    date_selectors: tuple[str, ...] = ()
    byline_patterns: tuple[re.Pattern[str], ...] = ()
    drop_line_patterns: tuple[re.Pattern[str], ...] = ()
    join_lines: bool = False
    _marker_selectors: tuple[CSSSelector, ...] = field(default=(), repr=False, compare=False)

    @property
    def is_generic(self) -> bool:
        return not self.markers and not self.url_patterns

    def valid_on(self, day: date) -> bool:
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_until and day >= self.valid_until)

    def matches(self, url: str, tree: HtmlElement) -> bool:
        if self.is_generic:
            return True
        if any(p.search(url) for p in self.url_patterns):
            return True
        return any(selector(tree) for selector in self._marker_selectors)


def _date(value: Any, key: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ProfileError(f"{key}: {exc}") from exc


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{key} must be a list of strings")
    return tuple(value)


def profile_from_dict(data: dict[str, Any]) -> Profile:
    try:
        markers = _strings(data, "markers")
        return Profile(
            name=str(data["name"]),
            source=data,
            valid_from=_date(data.get("valid_from"), "valid_from"),
            valid_until=_date(data.get("valid_until"), "valid_until"),
            markers=markers,
            url_patterns=tuple(re.compile(p) for p in _strings(data, "url_patterns")),
            prune=_strings(data, "prune"),
            content=_strings(data, "content"),
            byline_selectors=_strings(data, "byline_selectors"),
            date_selectors=_strings(data, "date_selectors"),
            byline_patterns=tuple(re.compile(p) for p in _strings(data, "byline_patterns")),
            drop_line_patterns=tuple(re.compile(p) for p in _strings(data, "drop_line_patterns")),
            join_lines=bool(data.get("join_lines", False)),
            _marker_selectors=tuple(CSSSelector(m) for m in markers),
        )
    except KeyError as exc:
        raise ProfileError(f"missing key {exc}") from exc
    except re.error as exc:
        raise ProfileError(f"bad regex: {exc}") from exc
    except Exception as exc:  # cssselect raises its own SelectorSyntaxError family
        if isinstance(exc, ProfileError):
            raise
        raise ProfileError(f"bad selector: {exc}") from exc


@dataclass(frozen=True)
class ProfileSet:
    """All known profiles; picks the ones that apply to one capture."""

    profiles: tuple[Profile, ...]

    def select(self, url: str, tree: HtmlElement, captured: datetime) -> list[Profile]:
        day = captured.date()
        return [p for p in self.profiles if p.valid_on(day) and p.matches(url, tree)]

    def digest(self) -> str:
        """Changes whenever any profile's content changes (for provenance)."""
        blob = json.dumps([p.source for p in self.profiles], sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()


def load_profiles(folder: Path = BUNDLED_PROFILES) -> ProfileSet:
    profiles = []
    for path in sorted(Path(folder).glob("*.toml")):
        try:
            profiles.append(profile_from_dict(tomllib.loads(path.read_text(encoding="utf-8"))))
        except (ProfileError, tomllib.TOMLDecodeError) as exc:
            raise ProfileError(f"{path}: {exc}") from exc
    return ProfileSet(tuple(profiles))
