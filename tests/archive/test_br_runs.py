# ruff: noqa: E501  (HTML fixtures read best on one line)
"""Pasted lines separated by <br> inside a body element that also holds block children.

Real behaviour: Chinese portals (and many older CMSs elsewhere) paste a statement into the body
<div> as text with one <br> per visual line and <br><br> between paragraphs (each paragraph
indented with two full-width spaces), then the CMS appends its own blocks in the same element:
an editor line <p>, an image <div>, a teaser set off by blank lines. The block children must not
stop the lines before and after them from being re-joined, and a removed teaser must not change
how wide the paragraph break around it looks.
"""

from __future__ import annotations

import pytest

from archive.extract import extract
from archive.linejoin import display_width
from tests.archive.captures import html_capture

ZH_PARAGRAPHS = [
    "市交通运输局20日发布通告称，因地铁二号线东延段进行轨道接驳施工，自12月1日起至12月15日，东湖站至滨江站区间将在每天22时后暂停运营。",
    "施工期间，市公交集团将开通两条夜间接驳线路，沿途设置临时站点，具体时刻表将在官方网站和车站公告栏同步公布。",
    "请市民提前规划出行路线，如有疑问可拨打交通服务热线咨询。",
]
EN_PARAGRAPHS = [
    "The Water Board announced on Friday that the eastern pumping station will be taken out of service for repairs from the first of December until the middle of the month.",
    "During the works, households in the eastern district will be supplied from the northern reservoir, and pressure may be lower than usual in the evening hours.",
    "Residents with questions can call the Board's service line, which is open every day from eight in the morning until eight in the evening.",
]


def wrap(paragraph: str, width: int) -> list[str]:
    """Visual lines of a paragraph as a PDF or an e-mail client would have broken it."""
    if " " not in paragraph:
        return [paragraph[i : i + width] for i in range(0, len(paragraph), width)]
    lines, line = [], ""
    for word in paragraph.split():  # by rendered width: Thai and Devanagari vowel signs take no column
        if line and display_width(line) + 1 + display_width(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def paragraphs_of(language: str, body: str) -> list[str]:
    """The extracted text's lines for a page with this body."""
    html = f"<html lang='{language}'><head><title>Notice</title></head><body><h1>Notice</h1>{body}</body></html>"
    capture = html_capture(html, "https://news.example/news/2026/1120/89310.html")
    return (extract(capture).text or "").splitlines()


def body_with_br_lines(paragraphs: list[str], width: int, indent: str, middle_block: str, teaser: str) -> str:
    parts = ["<br>".join(wrap(p, width)) for p in paragraphs]
    first, *rest = [indent + p for p in parts]
    return (
        f"{first}<br><br>{middle_block}{rest[0]}<br><br>{teaser}{rest[1]}<br><br>"
        "<p class='editor'>(Editor: 王芳)</p>"
    )


@pytest.mark.parametrize(
    ("paragraphs", "width", "indent", "language"),
    [(ZH_PARAGRAPHS, 22, "\u3000\u3000", "zh"), (EN_PARAGRAPHS, 64, "", "en"), (ZH_PARAGRAPHS, 17, "", "zh")],
    ids=["zh-indented", "en", "zh-narrow"],
)
@pytest.mark.parametrize(
    ("middle_block", "teaser"),
    [
        ("", ""),
        ("<div class='pic'><img src='/p/1.jpg'></div>", ""),
        ("", "延伸阅读：<a href='/news/2026/1103/88102.html'>东延段工程进展顺利</a><br><br>"),
        ("<div class='pic'><img src='/p/1.jpg'></div>", "<a href='/news/2026/1103/88102.html'>Read also: pumping station history</a><br><br>"),
    ],
    ids=["plain", "image-block", "teaser", "image-and-teaser"],
)
def test_br_lines_around_block_children_become_paragraphs(
    paragraphs: list[str], width: int, indent: str, language: str, middle_block: str, teaser: str
) -> None:
    body = f"<div class='content'>{body_with_br_lines(paragraphs, width, indent, middle_block, teaser)}</div>"
    assert paragraphs_of(language, body) == paragraphs


# One visual line per <p> and no spacers at all: the only paragraph mark is the first line's indent
# (two full-width spaces in Chinese and Japanese typesetting, no-break spaces elsewhere).
@pytest.mark.parametrize(
    ("paragraphs", "width", "indent", "language"),
    [
        (ZH_PARAGRAPHS, 20, "\u3000\u3000", "zh"),
        (ZH_PARAGRAPHS, 26, "\u3000\u3000", "zh"),
        (EN_PARAGRAPHS, 70, "\u00a0\u00a0\u00a0", "en"),
    ],
    ids=["zh-20", "zh-26", "en-nbsp"],
)
def test_indent_marks_paragraphs_of_p_lines_without_spacers(
    paragraphs: list[str], width: int, indent: str, language: str
) -> None:
    body = "".join(
        f"<p>{indent if i == 0 else ''}{line}</p>\n"
        for paragraph in paragraphs
        for i, line in enumerate(wrap(paragraph, width))
    )
    body = f"<div>{body}</div>"
    assert paragraphs_of(language, body) == paragraphs


# Scripts whose full stop is not "." (Devanagari danda "।", Arabic "؟"), with combining marks.
HI_PARAGRAPHS = [
    "नगर निगम ने सोमवार को बताया कि पुराने पुल की मरम्मत का काम अगले सप्ताह से शुरू होगा और लगभग तीन महीने तक चलेगा।",
    "इस दौरान भारी वाहनों को नए बाईपास से भेजा जाएगा, जबकि दोपहिया वाहन और पैदल यात्री पुल का उपयोग कर सकेंगे।",
    "निगम ने नागरिकों से धैर्य बनाए रखने और यातायात पुलिस के निर्देशों का पालन करने की अपील की है।",
]


@pytest.mark.parametrize("spacer", ["<div>&nbsp;</div>", "<div><br></div>", ""], ids=["nbsp", "br", "none"])
def test_devanagari_div_lines_join_at_the_danda(spacer: str) -> None:
    body = "".join(
        "".join(f"<div>{line}</div>" for line in wrap(paragraph, 48)) + spacer for paragraph in HI_PARAGRAPHS
    )
    assert paragraphs_of("hi", f"<div class='khabar'>{body}</div>") == HI_PARAGRAPHS


# Every visual-line layout of the issue, in five languages and four scripts: one line per <p>, per
# <div> or per <br>; no spacers, a spacer between paragraphs, or a spacer after every line and two
# between paragraphs. The same statement must come out as the same paragraphs each time.
IT_PARAGRAPHS = [
    "Il Comune di Valbruna informa che, a partire da lunedì 1 dicembre, la biblioteca civica resterà chiusa per lavori di adeguamento dell'impianto elettrico e antincendio.",
    "Durante la chiusura, il servizio di prestito sarà garantito presso la sala polivalente di via Roma, aperta dal martedì al sabato dalle 9 alle 13.",
    "L'amministrazione si scusa per il disagio e ringrazia i cittadini per la collaborazione.",
]
RU_PARAGRAPHS = [
    "Администрация города сообщает, что с понедельника на улице Садовой начнётся ремонт водопровода, который продлится около двух недель.",
    "На время работ движение транспорта будет ограничено, а жители соседних домов получат воду по временной схеме.",
    "Просим горожан отнестись к неудобствам с пониманием.",
]
# Thai ends sentences with a space, not a mark: a paragraph's last line has no full stop to show.
TH_PARAGRAPHS = [
    "เทศบาลเมืองบ้านสวนแจ้งว่า ตั้งแต่วันจันทร์ที่ 1 ธันวาคม จะปิดซ่อม สะพานข้ามคลอง หน้าตลาดสด "
    "เป็นเวลาประมาณ สองเดือน เพื่อเปลี่ยนคาน ที่ชำรุด และทาสีราวสะพาน ใหม่ทั้งหมด",
    "ในระหว่างการซ่อม รถยนต์และ รถจักรยานยนต์ ให้ใช้เส้นทางเลี่ยง ผ่านถนนศรีบ้านสวน ส่วนผู้เดินเท้า "
    "ยังใช้สะพาน ชั่วคราวได้ ตามปกติ โดยมีเจ้าหน้าที่ คอยดูแล ตลอดเวลา",
    "เทศบาลขออภัย ในความไม่สะดวก มา ณ โอกาสนี้",
]
LANGUAGES = {
    "en": (EN_PARAGRAPHS, 62),
    "th": (TH_PARAGRAPHS, 50),
    "it": (IT_PARAGRAPHS, 58),
    "ru": (RU_PARAGRAPHS, 55),
    "zh": (ZH_PARAGRAPHS, 21),
    "hi": (HI_PARAGRAPHS, 46),
}
LINE = {"p": "<p>{}</p>", "div": "<div>{}</div>", "br": "{}<br>"}
SPACER = {"p": "<p>&nbsp;</p>", "div": "<div><br></div>", "br": "<br>"}


def visual_lines(kind: str, spacing: str, paragraphs: list[str], width: int) -> str:
    parts = []
    for number, paragraph in enumerate(paragraphs):
        lines = wrap(paragraph, width)
        for index, line in enumerate(lines):
            parts.append(LINE[kind].format(line))
            if spacing == "every" and index < len(lines) - 1:
                parts.append(SPACER[kind])
        if number < len(paragraphs) - 1 and spacing != "none":
            parts.append(SPACER[kind] * (2 if spacing == "every" else 1))
    return f"<div class='body'>{''.join(parts)}</div>"


# Thai lines with no spacer, indent or stop: a paragraph ending on a full line is undecidable
# (see the test after this one), so Thai runs only the layouts with spacers.
LAYOUTS = [
    (language, kind, spacing)
    for language in sorted(LANGUAGES)
    for kind in ("p", "div", "br")
    for spacing in ("none", "between", "every")
    if (kind, spacing) != ("br", "none") and (language, spacing) != ("th", "none")
]


@pytest.mark.parametrize(("language", "kind", "spacing"), LAYOUTS)
def test_every_visual_line_layout_gives_the_same_paragraphs(language: str, kind: str, spacing: str) -> None:
    paragraphs, width = LANGUAGES[language]
    assert paragraphs_of(language, visual_lines(kind, spacing, paragraphs, width)) == paragraphs


def test_thai_lines_without_spacers_split_where_a_line_ends_early() -> None:
    """Where a Thai paragraph's last line stops short (the next phrase would have fitted), it ends
    there; full lines go on. The first paragraph here ends on a full line: that one stays joined."""
    paragraphs, width = LANGUAGES["th"]
    lines = [line for paragraph in paragraphs for line in wrap(paragraph, width)]
    got = paragraphs_of("th", "<div class='body'>" + "".join(f"<p>{line}</p>" for line in lines) + "</div>")
    assert got == [paragraphs[0] + " " + paragraphs[1], paragraphs[2]]


def test_br_lines_inside_an_inline_element_of_one_p_are_one_paragraph() -> None:
    """A pasted statement set in italics: "<p><em>„…<br>…<br>…”</em></p>"; the <br>s' parent is
    the <em>, the paragraph is the <p>."""
    lines = [
        "„W wyniku szczegółowej inspekcji przeprowadzonej w nocy stwierdzono",
        "postępujące pęknięcia dwóch dźwigarów głównych mostu na rzece. ",
        "Most zostaje zamknięty dla ruchu kołowego i pieszego do odwołania. ",
        "Przepraszamy za utrudnienia.”",
    ]
    html = (
        "<div class='entry'><p>Urząd Miasta opublikował na swojej stronie komunikat, który przytaczamy w całości:</p>"
        f"<blockquote><p><em>{'<br>'.join(lines)}</em></p></blockquote>"
        "<p>Miejski Zarząd Dróg zapowiada, że w ciągu dwóch tygodni przedstawi ekspertyzę naprawy.</p></div>"
    )
    got = paragraphs_of("pl", html)
    assert len(got) == 3 and got[1].startswith("„W wyniku") and got[1].endswith("utrudnienia.”")


def test_br_lines_of_a_quotation_in_italics_are_one_paragraph() -> None:
    """Old Swiss and French table layouts set a pasted statement as "<i>«…<br>…<br>…»</i>" inside a
    <font> between "<br><br>" paragraphs."""
    lines = [
        "«Les mesures effectuées jeudi par le géologue cantonal montrent que la masse en mouvement,",
        "estimée à 15'000 m3, n'est pas encore stabilisée. La sécurité des usagers ne peut être garantie.",
        "Une déviation est mise en place par Huémoz et Chesières.",
        "Les transports publics circulent selon un horaire adapté.»",
    ]
    html = (
        "<table><tr><td><font class='texte'>La route cantonale restera fermée à tout trafic au moins jusqu'au 12 décembre, a annoncé la direction.<br><br>"
        f"Dans son communiqué, le Département précise la situation:<br><br><i>{'<br>'.join(lines)}</i><br><br>"
        "Pour les habitants des hauts de la commune, le détour représente une vingtaine de minutes.</font></td></tr></table>"
    )
    got = paragraphs_of("fr", html)
    assert " ".join(lines) in got
