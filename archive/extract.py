"""Extraction: a pure function of a `Capture` (and the profiles).

No network, no Scrapy, no state shared between pages: trafilatura's dedup
cache is off, and the capture date bounds every date found, so the same
capture gives the same result live, offline, today or in ten years.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from functools import lru_cache
from importlib.metadata import version
from typing import Any
from urllib.parse import urljoin

import lxml.html
import py3langid
import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from archive.bodycontainer import body_container
from archive.bylines import (
    author_from_metadata,
    byline_under_headline,
    clean_author,
    prefer_printed,
    site_name_of,
)
from archive.captions import remove_image_captions
from archive.datelines import dateparser_languages
from archive.decoding import ContentDecodingError, decode_html, undo_content_coding
from archive.divparagraphs import retag_prose_divs
from archive.factboxes import remove_fact_boxes
from archive.headerbylines import labelled_author_block, pop_bare_byline, structural_byline
from archive.headerlines import TITLE_SEPARATOR, collapse_spaces, headline_element
from archive.joiners import protect_joiners, restore_joiners
from archive.kickers import remove_kicker
from archive.layouttables import unwrap_layout_tables
from archive.model import Capture
from archive.pagetail import page_tail, remove_page_tail
from archive.phrasing import wrap_loose_text
from archive.profiles import ProfileSet, load_profiles
from archive.readerboxes import remove_reader_boxes
from archive.signature import pop_signature
from archive.standfirst import pop_standfirst
from archive.teasers import remove_teasers
from archive.textclean import (
    apply_line_rules,
    byline_from_tree,
    date_from_tree,
    drop_title_line,
    join_pasted_lines,
    keep_only_content,
    normalise_whitespace,
    prune,
)
from archive.visibledates import visible_date

EXTRACTOR_NAME = "presswarc+trafilatura"
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "favor_precision": True,
    "include_tables": True,
    "deduplicate": False,
    "with_metadata": True,
}
MIN_TEXT_CHARS = 200
MIN_TEXT_CHARS_CJK = 80
MAX_HTML_BYTES = 8 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Extraction:
    """What a capture yields; `text` is None when there is no article."""

    content_type: str | None
    charset: dict[str, Any] | None = None
    text: str | None = None
    no_article_reason: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    modified: str | None = None
    sitename: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    text_source: str | None = None
    profiles: list[str] = field(default_factory=list)

    @property
    def text_sha1(self) -> str | None:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest() if self.text else None

    @property
    def word_count(self) -> int:
        if not self.text:
            return 0
        return len(WORD.findall(CJK.sub(" ", self.text))) + len(CJK.findall(self.text))

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@lru_cache(maxsize=1)
def default_profiles() -> ProfileSet:
    return load_profiles()


def extractor_info(profiles: ProfileSet | None = None) -> dict[str, str]:
    """Name, version and a digest of every setting that changes the output."""
    profiles = profiles or default_profiles()
    settings = {
        "trafilatura": TRAFILATURA_OPTIONS,
        "trafilatura_when_too_short": RECALL_OPTIONS,
        "min_chars": [MIN_TEXT_CHARS, MIN_TEXT_CHARS_CJK],
        "max_html_bytes": MAX_HTML_BYTES,
        "profiles": profiles.digest(),
        "versions": {p: version(p) for p in ("trafilatura", "htmldate", "py3langid", "lxml", "dateparser")},
    }
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()
    return {"name": EXTRACTOR_NAME, "version": version("trafilatura"), "settings_digest": digest}


def media_type(capture: Capture) -> str | None:
    value = capture.header("Content-Type")
    return value.split(";")[0].strip().lower() if value else None


BINARY_SIGNATURES = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF",
    b"\x1f\x8b",
    b"PK\x03\x04",
    b"BZh",
    b"\xfd7zXZ",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"OggS",
    b"fLaC",
    b"ID3",
    b"\x28\xb5\x2f\xfd",
)
CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


def looks_like_html(body: bytes) -> bool:
    """Sniff like a browser would: known binary signatures and control-byte soup are not HTML."""
    head = body[:1024]
    if not head.strip() or head.startswith(BINARY_SIGNATURES):
        return False
    controls = sum(head.count(bytes([b])) for b in CONTROL_BYTES)
    if controls > len(head) // 20:
        return False
    lowered = head.lower()
    return any(
        tag in lowered
        for tag in (
            b"<html",
            b"<head",
            b"<body",
            b"<!doctype html",
            b"<meta",
            b"<p",
            b"<div",
            b"<article",
            b"<title",
        )
    )


def is_extractable(capture: Capture) -> bool:
    """Which responses get extracted: complete 2xx GET HTML (declared or, if undeclared, sniffed)."""
    if not 200 <= capture.status < 300 or capture.method != "GET" or capture.truncated:
        return False
    declared = media_type(capture)
    return declared in HTML_TYPES or declared is None


def extract(capture: Capture, profiles: ProfileSet | None = None) -> Extraction:
    """Clean text and metadata of one captured HTML page."""
    profiles = profiles or default_profiles()
    content_type = capture.header("Content-Type")
    try:
        body = undo_content_coding(capture.body, capture.header("Content-Encoding"), MAX_HTML_BYTES)
    except ContentDecodingError as exc:
        return Extraction(content_type, no_article_reason=f"content-coding: {exc}")
    if not looks_like_html(body):
        return Extraction(content_type, no_article_reason="not HTML (sniffed)")
    html, charset = decode_html(body, content_type)
    # trafilatura's own parser settings (comments and PIs dropped), so text
    # split by <!-- --> markers stays whole.
    tree = load_html(html)
    if tree is None:
        return Extraction(content_type, charset.as_dict(), no_article_reason="unparseable HTML")
    chosen = profiles.select(capture.url, tree, capture.fetched_at)
    base = Extraction(content_type, charset.as_dict(), profiles=[p.name for p in chosen])
    result = _extract_tree(capture, tree, chosen, base, TRAFILATURA_OPTIONS)
    if result.no_article_reason == TOO_SHORT:
        # Precision mode can drop most of a short body it finds too link- or chrome-like; before
        # saying "no article", look again in recall mode on a fresh parse (the first pass pruned).
        fresh = load_html(html)
        if fresh is not None:
            second = _extract_tree(capture, fresh, chosen, base, RECALL_OPTIONS)
            if second.text is not None:
                return second
    return result


TOO_SHORT = "no article: too little main text"
RECALL_OPTIONS: dict[str, Any] = {**TRAFILATURA_OPTIONS, "favor_precision": False, "favor_recall": True}


def _extract_tree(
    capture: Capture, tree: HtmlElement, chosen: list[Any], base: Extraction, options: dict[str, Any]
) -> Extraction:
    meta = _page_metadata(tree)
    headline = headline_element(tree)
    headline_text = collapse_spaces(headline.text_content()) if headline is not None else ""
    site = site_name_of(tree)
    meta_author = author_from_metadata(tree, site)
    max_date = (capture.fetched_at + timedelta(days=1)).strftime("%Y-%m-%d")
    dates = _dates(tree, max_date)
    profile_date = date_from_tree(tree, chosen, max_date)
    tree_byline = (
        byline_from_tree(tree, chosen)
        or byline_under_headline(tree)
        or structural_byline(tree)
        or labelled_author_block(tree)
        or pop_bare_byline(tree)  # last: it removes the name's block
    )
    visible = None
    # Without a declared date, the dateline under an <h1> beats htmldate's guess; without an <h1> the
    # "header" starts at the page's top bar, where today's date sits.
    declared = has_declared_date(tree, capture.url) or headline is None
    if not profile_date and not (dates[0] and declared):  # read before pruning takes the header away
        visible = visible_date(tree, dateparser_languages(meta.get("lang")), max_date)
    keep_only_content(tree, chosen)
    for profile in chosen:
        prune(tree, profile.prune)
    body = body_container(tree)
    tail = page_tail(body)  # before the chrome that tells it goes
    remove_reader_boxes(tree)  # after the header block's byline and date were read: a share box may hold them
    remove_image_captions(tree)
    unwrap_layout_tables(tree)
    remove_kicker(tree)
    standfirst = pop_standfirst(tree)
    remove_teasers(tree, capture.url)
    remove_fact_boxes(tree)  # after the teasers: their links in related boxes tell the site's own host
    signature = pop_signature(tree)
    remove_page_tail(tail)  # after the signature under the text was read
    join_pasted_lines(tree)
    wrap_loose_text(tree, body)
    retag_prose_divs(body)
    protect_joiners(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=capture.url,
        date_extraction_params={"extensive_search": False, "original_date": True, "max_date": max_date},
        **options,
    )
    doc: dict[str, Any] = {}
    if isinstance(document, dict):
        doc = document
    elif document is not None:
        doc = document.as_dict()
    doc = {key: restore_joiners(value) if isinstance(value, str) else value for key, value in doc.items()}
    raw_text = normalise_whitespace(doc.get("text") or "")
    # Date lines are read in the page's languages: its text's and its declared one (the chrome's).
    languages = dateparser_languages(_language(raw_text, None), meta.get("lang"))
    title = headline_title(doc.get("title") or meta.get("title"), headline_text, raw_text)
    page_title = tree.findtext(".//head/title") or ""
    main_part = bool(headline_text) and 2 * len(headline_text) >= len(page_title)  # not the site's name
    if main_part and title and headline_text not in title and headline_text in page_title:
        title = headline_text  # trafilatura took the site's name; the page's <title> names the headline
    # The headline goes first so the line after it is the text's edge (a photo credit there),
    # and again after the line rules in case a byline or date line stood above it.
    text, byline = apply_line_rules(drop_title_line(raw_text, title), chosen, languages)
    text = drop_title_line(text, title)
    source = "html"
    json_body = json_ld_text(meta.get("articleBody") or "")
    if json_body and len(json_body) > 1.3 * len(text):
        text, source = apply_line_rules(json_body, chosen, languages)[0], "json-ld"
    printed = clean_author(tree_byline, site) or clean_author(byline, site)
    guessed_author = clean_author(doc.get("author"), site or doc.get("sitename"))
    fields: dict[str, Any] = {
        "title": title,
        "author": prefer_printed(meta_author or printed or guessed_author or signature, printed),
        "published": _published(profile_date, declared, visible, doc.get("date"), dates[0]),
        "sitename": doc.get("sitename"),
        "canonical_url": urljoin(capture.url, meta["canonical"]) if "canonical" in meta else None,
        "description": doc.get("description") or standfirst,
    }
    fields["modified"] = dates[1] if dates[1] != fields["published"] else None
    if _too_short(text):
        return _replace(base, no_article_reason=TOO_SHORT, **fields)
    fields["language"] = _language(text, meta.get("lang"))
    return _replace(base, text=text, text_source=source, **fields)


MAX_SITE_NAME_CHARS = 60


def headline_title(title: str | None, headline: str, text: str = "") -> str | None:
    """The headline when the title is it plus the site's name on either side ("Khaosan Lanna ::
    Headline", "Headline « Site"), in forms trafilatura does not strip: the page's <h1>, or, on
    a page without one, the part of the title printed as a line at the top of the text."""
    if not title:
        return title
    candidates = [headline] if headline else []
    top = {" ".join(line.split()) for line in text.splitlines()[:HEADLINE_SEARCH_LINES]}
    candidates += [part for part in TITLE_SEPARATOR.split(title) if part.strip() in top]
    for candidate in candidates:
        if not candidate or candidate == title or candidate not in title:
            continue
        rest = title.replace(candidate, " ", 1).strip(" |:-–—«»·/\\•")
        if rest and len(rest) <= MAX_SITE_NAME_CHARS and len(candidate) >= len(rest):
            return candidate.strip()
    return title


HEADLINE_SEARCH_LINES = 3


def _replace(base: Extraction, **changes: Any) -> Extraction:
    values = base.as_dict()
    values.update(changes)
    return Extraction(**values)


def _too_short(text: str) -> bool:
    limit = MIN_TEXT_CHARS_CJK if len(CJK.findall(text)) > len(text) / 3 else MIN_TEXT_CHARS
    return len(text) < limit


def _language(text: str, declared: str | None) -> str | None:
    if len(text) >= 40:
        return _classify(text[:5000])
    return declared.split("-")[0].lower() if declared else None


@lru_cache(maxsize=4)
def _classify(sample: str) -> str:
    """py3langid's language; memoised, as a page's raw and cleaned text usually begin alike."""
    code, _ = py3langid.classify(sample)
    return str(code)


def _published(
    profile_date: str | None, declared: bool, visible: str | None, guessed: str | None, found: str | None
) -> str | None:
    """Without a date declared for machines, htmldate's guess may be the site's "today" bar; the
    dateline under the headline is then the article's own."""
    if profile_date:
        return profile_date
    if not declared and visible:
        return visible
    return guessed or found or visible


_DATE_KEYS = re.compile(r"date|time|published|modified|created|issued", re.IGNORECASE)
# A day in the URL ("/2026/11/27/", "/20261127"); a year and month alone do not date the article.
_URL_DATE = re.compile(r"/(?:19|20)\d\d/[01]?\d/[0-3]?\d/|/(?:19|20)\d\d-?[01]\d-?[0-3]\d(?!\d)")


def has_declared_date(tree: HtmlElement, url: str) -> bool:
    """Whether the page declares its date for machines (meta, <time datetime>, JSON-LD, a dated URL)."""
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if _DATE_KEYS.search(key) and meta.get("content"):
            return True
    time_element = tree.find(".//time[@datetime]") is not None
    if time_element or tree.find(".//*[@itemprop='datePublished']") is not None:
        return True
    for script in tree.iterfind(".//script[@type]"):
        is_json_ld = (script.get("type") or "").lower() == "application/ld+json"
        if is_json_ld and "datePublished" in (script.text or ""):
            return True
    return _URL_DATE.search(url) is not None


def _dates(tree: HtmlElement, max_date: str) -> tuple[str | None, str | None]:
    """(published, modified) from the whole page, before anything is pruned."""
    found = []
    for original in (True, False):
        try:
            found.append(find_date(tree, extensive_search=False, original_date=original, max_date=max_date))
        except (ValueError, TypeError):
            found.append(None)
    return found[0], found[1]


def _page_metadata(tree: HtmlElement) -> dict[str, str]:
    """Things read straight from the head: canonical, lang, JSON-LD articleBody."""
    found: dict[str, str] = {}
    lang = tree.get("lang") or tree.get("xml:lang")
    if lang:
        found["lang"] = lang
    for link in tree.iterfind(".//link[@rel]"):
        if link.get("rel", "").lower() == "canonical" and link.get("href"):
            found["canonical"] = link.get("href", "").strip()
            break
    for script in tree.iterfind(".//script[@type]"):
        if script.get("type", "").lower() != "application/ld+json" or not script.text:
            continue
        for item in _json_ld_items(script.text):
            body = item.get("articleBody")
            if isinstance(body, str) and len(body) > len(found.get("articleBody", "")):
                found["articleBody"] = body
    return found


def json_ld_text(body: str) -> str:
    """JSON-LD articleBody as plain text; some sites put (escaped) HTML in it."""
    if "&lt;" in body or "&gt;" in body:
        body = html_lib.unescape(body)
    if "<" in body and ">" in body:
        fragment = lxml.html.fragment_fromstring(body, create_parent="div")
        for block in fragment.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote"):
            block.tail = "\n" + (block.tail or "")
        body = fragment.text_content()
    return normalise_whitespace(body)


def _json_ld_items(blob: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(blob)
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        items = data["@graph"]
    return [item for item in items if isinstance(item, dict)]
