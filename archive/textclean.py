"""Text and tree clean-up around trafilatura: pruning, pasted lines, bylines.

Kept apart from `extract.py` so each rule can be tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.html
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from archive.profiles import Profile

NBSP_LIKE = re.compile(r"[\u00a0\u2007\u202f\u200b\ufeff]")
SPACES = re.compile(r"[ \t\r\f\v]+")
TERMINAL = re.compile(r"""[.!?:;。！？…"'”’»」』)\]]\s*$""")
NEVER_PRUNE = {"html", "body"}


def normalise_whitespace(text: str) -> str:
    """NBSP and friends become spaces; runs of spaces collapse; blank lines go."""
    lines = []
    for line in NBSP_LIKE.sub(" ", text).splitlines():
        line = SPACES.sub(" ", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def _remove_keep_tail(element: HtmlElement) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def prune(tree: HtmlElement, selectors: Iterable[str]) -> int:
    """Remove every element matching a CSS selector; returns how many went."""
    removed = 0
    for css in selectors:
        for element in CSSSelector(css)(tree):
            if element.tag in NEVER_PRUNE or element.getparent() is None:
                continue
            if element.tag in ("article", "main") and css.startswith("[class*="):
                continue  # a generic substring rule must not take the article itself
            _remove_keep_tail(element)
            removed += 1
    return removed


def _text_of(element: HtmlElement) -> str:
    return NBSP_LIKE.sub(" ", element.text_content()).strip()


def join_pasted_lines(tree: HtmlElement, force: bool = False) -> int:
    """Merge runs of sibling <p> that are visual lines of one paragraph.

    Some CMSs put every line of a pasted statement in its own <p>, ending
    mid-sentence, with NBSP between words. A <p> that does not end a sentence
    is joined with the next non-empty <p>; an empty <p> stays a paragraph
    break. Without `force`, only lines that carry NBSP are joined, so ordinary
    pages are left alone.
    """
    joined = 0
    for parent in {p.getparent() for p in tree.iter("p") if p.getparent() is not None}:
        current: HtmlElement | None = None
        run_pasted = False
        for para in [child for child in parent if child.tag == "p"]:
            text = _text_of(para)
            if not text:
                current = None
                continue
            pasted = force or bool(NBSP_LIKE.search(para.text_content() or ""))
            if current is not None and (pasted or run_pasted) and len(para) == 0:
                current.text = (current.text or "").rstrip() + " " + (para.text or "").strip()
                _remove_keep_tail(para)
                joined += 1
            else:
                current, run_pasted = (para if len(para) == 0 else None), pasted
            if current is not None and TERMINAL.search(_text_of(current)):
                current = None
    return joined


def apply_line_rules(text: str, profiles: Iterable[Profile]) -> tuple[str, str | None]:
    """Drop boilerplate lines and byline lines; returns (text, byline author)."""
    profiles = list(profiles)
    author: str | None = None
    kept = []
    for line in text.splitlines():
        if len(line) <= 200:
            byline = _match_byline(line, profiles)
            if byline is not None:
                author = author or byline
                continue
            if any(p.search(line) for prof in profiles for p in prof.drop_line_patterns):
                continue
        kept.append(line)
    return "\n".join(kept), author


def byline_from_tree(tree: HtmlElement, profiles: list[Profile]) -> str | None:
    """Author from byline elements (read before pruning removes them)."""
    for profile in profiles:
        for css in profile.byline_selectors:
            for element in CSSSelector(css)(tree):
                name = _match_byline(normalise_whitespace(element.text_content()), profiles)
                if name:
                    return name
    return None


NUMERIC_DATE = re.compile(r"(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})")


def date_from_tree(tree: HtmlElement, profiles: list[Profile], latest: str) -> str | None:
    """First YYYY.MM.DD-style date in a profile's date elements, not after `latest`."""
    for profile in profiles:
        for css in profile.date_selectors:
            for element in CSSSelector(css)(tree):
                for year, month, day in NUMERIC_DATE.findall(element.text_content()):
                    found = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
                    if 1 <= int(month) <= 12 and 1 <= int(day) <= 31 and found <= latest:
                        return found
    return None


def keep_only_content(tree: HtmlElement, profiles: list[Profile]) -> bool:
    """If a profile names the content element(s), the body becomes just those.

    Table layouts (td#articleBody) otherwise come out as table rows with pipes.
    """
    for profile in profiles:
        for css in profile.content:
            found = CSSSelector(css)(tree)
            if not found:
                continue
            body = tree.find("body")
            if body is None:
                return False
            article = lxml.html.Element("article")
            for element in found:
                element.tag = "div"
                article.append(element)
            for child in list(body):
                body.remove(child)
            body.text = None
            body.append(article)
            return True
    return False


def _match_byline(line: str, profiles: list[Profile]) -> str | None:
    for profile in profiles:
        for pattern in profile.byline_patterns:
            match = pattern.match(line)
            if match:
                return match.group("name").strip()
    return None


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().lower()


def drop_title_line(text: str, title: str | None) -> str:
    """Drop a leading headline that repeats the title: it is metadata, not body."""
    lines = text.splitlines()
    if lines and title and _key(lines[0]) and _key(lines[0]) == _key(title):
        lines = lines[1:]
    return "\n".join(lines)
