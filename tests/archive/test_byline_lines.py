"""Byline lines in any script, found by their shape at the edges of a text.

Real outlets print the reporter as a line of its own, above or below the body, in
their own script: Korean "김지훈 기자", Chinese "记者 李华" or "李华 记者", Japanese
"文／山田太郎" (often in brackets), German "Von Anna Berger", Arabic "بقلم: سامي خليل",
Russian "Автор: Ирина Петрова", Dutch "Door: Sanne de Vries" (the colon after "by"),
Romanian "de Ion Popescu", Taiwanese "記者陳怡君／港北報導" (reporter, place, "reports"),
and, on the very first or last line, a signature "name, place" ("Kovács Eszter, Tiszakert").
The same words also begin ordinary sentences
("Por su parte el ministro…", "By Monday the ministry…", "文化体育观光部…"), which
must stay. The rule is a label, then a short name-like value, at an edge.
"""

from __future__ import annotations

import pytest

from archive.bylines import byline_line, name_place_byline
from archive.textclean import apply_line_rules

BODY = [
    "The Ministry of Coastal Affairs said on Tuesday that the harbour works would pause for review.",
    "Residents may send comments to the ministry until the end of the consultation period.",
    "A second hearing is planned once the independent survey has been published in full.",
    "The ministry will publish every comment it receives, with names removed on request.",
]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("记者 李华", "李华"),
        ("李华 记者", "李华"),
        ("（文／山田太郎）", "山田太郎"),
        ("文/山田太郎", "山田太郎"),
        ("記者：佐藤健", "佐藤健"),
        ("بقلم: سامي خليل", "سامي خليل"),
        ("Von Anna Berger", "Anna Berger"),
        ("Автор: Ирина Петрова", "Ирина Петрова"),
        ("Reporter: Tom Okafor", "Tom Okafor"),
        ("박서연 기자", "박서연"),
        ("Oleh Rina Wulandari", "Rina Wulandari"),
        ("Szerző: Kovács Anna", "Kovács Anna"),
        ("Tác giả: Nguyễn Văn An", "Nguyễn Văn An"),
        ("Γράφει: Μαρία Νικολάου", "Μαρία Νικολάου"),
        ("লেখক: রহিম উদ্দিন", "রহিম উদ্দিন"),
        ("Od poniedziałku do piątku", None),  # "from Monday to Friday", not a byline
        # with the reporter's e-mail address after the name
        ("박서연 기자 sypark@newsmaeil.example", "박서연"),
        ("By Jane Roe (jane.roe@valleyherald.example)", "Jane Roe"),
        ("Von Anna Berger <a.berger@rheinpost.example>", "Anna Berger"),
        # "by" followed by a colon; Romanian lower-case "de"; reporter / place / "reports"
        ("Door: Sanne de Vries", "Sanne de Vries"),
        ("By: Jane Roe", "Jane Roe"),
        ("de Ion Popescu", "Ion Popescu"),
        ("記者陳怡君／港北報導", "陳怡君"),
        ("【記者王小明／台北報導】", "王小明"),
        ("（记者 李华 北京电）", "李华"),
    ],
)
def test_a_byline_line_gives_the_name(line: str, name: str | None) -> None:
    assert byline_line(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "Por su parte el ministro",
        "Par ailleurs",
        "By Monday the ministry will reply",
        "By the Office of the Ombudsman",
        "文化体育观光部发布声明",
        "by 2027",
        "Share",
        "Von 2026 an gilt die neue Regel",
        "De Gaulle a spus",  # a capital "De" is a name's particle, not "by"
        "de la primărie",
        "記者會將於明天舉行",  # "a press conference will be held tomorrow"
    ],
)
def test_sentences_and_chrome_are_not_bylines(line: str) -> None:
    assert byline_line(line) is None


@pytest.mark.parametrize("byline", ["记者 李华", "Von Anna Berger", "بقلم: سامي خليل", "（文／山田太郎）"])
@pytest.mark.parametrize("where", ["first", "last"])
def test_an_edge_byline_line_leaves_the_text_and_becomes_the_author(byline: str, where: str) -> None:
    lines = [byline, *BODY] if where == "first" else [*BODY, byline]
    text, author = apply_line_rules("\n".join(lines), [])
    assert text.splitlines() == BODY
    assert author is not None and author in byline


def test_a_byline_shaped_line_in_the_middle_stays() -> None:
    lines = [*BODY[:3], "Von Anna Berger", *BODY, BODY[0]]
    text, _ = apply_line_rules("\n".join(lines), [])
    assert "Von Anna Berger" in text.splitlines()



@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Kovács Eszter, Tiszakert", "Kovács Eszter"),
        ("Anna Berger, Wien", "Anna Berger"),
        ("राम शर्मा, नई दिल्ली", "राम शर्मा"),
        ("Berlin, Hamburg", None),  # one word before the comma: a place, not a name
        ("Thank you, Sir", None),
        ("Jane Roe, Reuters.", None),
        ("Berlin, 20 November", None),
    ],
)
def test_name_comma_place_signatures(line: str, name: str | None) -> None:
    assert name_place_byline(line) == name


@pytest.mark.parametrize("where", ["first", "last"])
def test_a_name_place_signature_leaves_only_the_outermost_line(where: str) -> None:
    signature = "Kovács Eszter, Tiszakert"
    lines = [signature, *BODY] if where == "first" else [*BODY, signature]
    text, author = apply_line_rules("\n".join(lines), [])
    assert (text.splitlines(), author) == (BODY, "Kovács Eszter")
    inside = [*BODY[:1], signature, *BODY[1:]]  # second line: a list item, not a signature
    assert signature in apply_line_rules("\n".join(inside), [])[0].splitlines()
