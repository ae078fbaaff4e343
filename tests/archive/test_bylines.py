"""Author names from metadata and byline strings across scripts.

Real-world behaviour: publishers put the author in <meta name="author">, in JSON-LD
(author as a string, a dict, a list of dicts, or a Person in @graph) or in
article:author (sometimes a profile URL instead of a name); byline strings carry a
language's label ("By", "Von", "기자명", "记者", "文／", "بقلم:", "Автор:") and sites
fill author slots with chrome ("Share", "Staff", "admin", a date, the site name).
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.bylines import (
    author_from_metadata,
    byline_under_headline,
    clean_author,
    json_ld_authors,
    site_name_of,
)
from archive.profiles import load_profiles
from archive.textclean import byline_from_tree


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("By Jane Roe", "Jane Roe"),
        ("Von Anna Berger", "Anna Berger"),
        ("Par Claire Dubois", "Claire Dubois"),
        ("Por Lucía Gómez", "Lucía Gómez"),
        ("김지훈 기자", "김지훈"),
        ("기자명 박서연", "박서연"),
        ("记者 李华", "李华"),
        ("文／山田太郎", "山田太郎"),
        ("文/山田太郎", "山田太郎"),
        ("بقلم: سامي خليل", "سامي خليل"),
        ("Автор: Иван Петров", "Иван Петров"),
        ("Reporter: Sam Okoro", "Sam Okoro"),
        ("Door: Sanne de Vries", "Sanne de Vries"),
        ("เรื่อง: ณัฐวุฒิ แสงทอง", "ณัฐวุฒิ แสงทอง"),  # Thai "story:" in an author slot
        ("ข่าว: สมชาย ใจดี", "สมชาย ใจดี"),
    ],
)
def test_labels_are_removed_in_each_script(raw: str, name: str) -> None:
    assert clean_author(raw) == name


@pytest.mark.parametrize(
    "raw",
    ["Share", "Staff", "admin", "https://example.org/authors/jroe", "12.03.2026", "2026-03-12 10:00",
     "The minister said the report will be published in March. It was late.", "x" * 61, "Redacción"],
)
def test_boilerplate_is_never_an_author(raw: str) -> None:
    assert clean_author(raw) is None


def test_site_name_is_not_an_author() -> None:
    assert clean_author("Harbour Gazette", site_name="Harbour Gazette Online") is None
    assert clean_author("Mira Holt", site_name="Harbour Gazette Online") == "Mira Holt"


@pytest.mark.parametrize(
    ("blob", "expected"),
    [
        ('{"@type": "NewsArticle", "author": "Jane Roe"}', ["Jane Roe"]),
        ('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "李华"}}', ["李华"]),
        ('[{"author": [{"name": "Anna Berger"}, {"name": "Tom Hale"}]}]', ["Anna Berger"]),
        ('{"@graph": [{"@type": "WebPage"}, {"@type": "Person", "name": "سامي خليل"}]}', ["سامي خليل"]),
        ("{not json", []),
    ],
)
def test_json_ld_author_shapes(blob: str, expected: list[str]) -> None:
    assert json_ld_authors(blob) == expected


def _tree(head: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>")


def test_metadata_order_and_url_rejection() -> None:
    tree = _tree(
        '<meta property="article:author" content="https://news.example/people/jroe">'
        '<script type="application/ld+json">{"author": {"name": "Von Anna Berger"}}</script>'
    )
    assert author_from_metadata(tree) == "Anna Berger"
    tree = _tree('<meta name="author" content="김지훈 기자"><script type="application/ld+json">'
                 '{"author": "Other Name"}</script>')
    assert author_from_metadata(tree) == "김지훈"
    tree = _tree('<meta property="og:site_name" content="Office of the Ombudsman of Eastmere">'
                 '<meta name="author" content="Office of the Ombudsman">')
    assert author_from_metadata(tree) is None
    url_only = _tree('<meta property="article:author" content="https://x.example/a">')
    assert author_from_metadata(url_only) is None


@pytest.mark.parametrize(
    "title",
    [
        "市、給食費を無償化　小中７４校｜上州タイムス",
        "市、給食費を無償化 ｜ 上州タイムス",
        "Council lowers fees | 上州タイムス",
    ],
    ids=["fullwidth-bar-tight", "fullwidth-bar-spaced", "bar"],
)
def test_the_site_named_in_the_title_is_never_the_metadata_author(title: str) -> None:
    """Japanese regional sites put their own name in <meta name=author> and print it after a
    full-width bar in the <title>, often with no spaces around it; no og:site_name."""
    tree = _tree(f'<title>{title}</title><meta name="author" content="上州タイムス">')
    assert site_name_of(tree) == "上州タイムス"
    assert author_from_metadata(tree, site_name_of(tree)) is None


# Byline elements: the element's class says "author", its text may be a bare name, a labelled
# byline in the site's language, or chrome that must be skipped.
@pytest.mark.parametrize(
    ("markup", "name"),
    [
        ('<span class="author">Ana Ruiz</span>', "Ana Ruiz"),
        ('<div class="signature">Par Claire Dubois</div>', "Claire Dubois"),
        ('<span itemprop="author"><span itemprop="name">Jonas Wehrmann</span></span>', "Jonas Wehrmann"),
        ('<p class="autor">Autor: Иван Петров</p>', "Иван Петров"),
        ('<span class="reporter">김지훈 기자</span>', "김지훈"),
        ('<span class="author">Share</span><span class="byline">By Jane Roe</span>', "Jane Roe"),
    ],
)
def test_author_from_byline_elements(markup: str, name: str) -> None:
    generic = [p for p in load_profiles().profiles if p.name == "generic"]
    html = f"<html><body><h1>Headline</h1>{markup}<p>Body text.</p></body></html>"
    tree = lxml.html.document_fromstring(html)
    assert byline_from_tree(tree, generic) == name


def test_a_long_author_box_is_not_a_byline() -> None:
    generic = [p for p in load_profiles().profiles if p.name == "generic"]
    bio = "Ana Ruiz covers city hall and has written about water policy for the paper since 2015."
    tree = lxml.html.document_fromstring(f"<html><body><div class='author'>{bio}</div></body></html>")
    assert byline_from_tree(tree, generic) is None


def _page(header: str, before: str = "", aside: str = "") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        f"<html><body><div class='top'>{before}</div><h1>Bridge closed</h1>{header}"
        "<div class='body'><p>The bridge will be closed to lorries from 25 November.</p></div>"
        f"<aside>{aside}</aside></body></html>"
    )


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("<div class='artikel-info'>Door: Sanne de Vries<br>vrijdag 20 november 2026, 14:32</div>",
         "Sanne de Vries"),
        ("<div class='c-x1'><span>Penulis: Rizky Hidayat</span> <span>Jumat, 20 November 2026</span></div>",
         "Rizky Hidayat"),
        ("<p>입력 2026.11.20 09:14 | 김지훈 기자</p>", "김지훈"),
        ("<div><b>रिपोर्ट: अंजलि वर्मा</b></div>", "अंजलि वर्मा"),
    ],
    ids=["nl-br-lines", "id-spans", "ko-pieces", "hi-bold"],
)
def test_a_byline_printed_under_the_headline_is_the_author(header: str, name: str) -> None:
    """Outlets print the byline in the header block with no metadata and outside the body."""
    assert byline_under_headline(_page(header)) == name


def test_bylines_of_other_stories_and_of_the_top_bar_are_not_read() -> None:
    page = _page(
        "<p class='dek'>The council approved the closure on Thursday evening.</p>",
        before="<span>Von Anna Berger</span>",
        aside="<ul><li><a href='/x/1'>Von Paul Schmidt</a></li></ul><p>Von Maria Huber</p>",
    )
    assert byline_under_headline(page) is None
