"""Text clean-up rules, each on its own.

Real-world behaviour these stand for:
- A statement copied from a PDF or an e-mail and pasted into a CMS keeps its visual lines: one
  `<p>` (or `<div>`) per line, words often joined by NBSP, or one `<br>` per line. Some editors
  add a spacer (`<p>&nbsp;</p>`, `<br><br>`) between lines and a longer spacer run between
  paragraphs; others leave no spacer and paragraphs show only as short closing lines. A line can
  end with a full stop in the middle of its paragraph when a sentence ended at the wrap point.
- Ordinary articles are made of short paragraphs that end their sentences, lists of names or
  stops without full stops, subheadings and photo captions: none of these are visual lines.
- Pages print "Published"/"Publié le"/"Stand:"/"입력" date lines in their own language, and
  real sentences mention dates too ("The Ministry will reply by 15 January 2027.").
The texts below are varied on purpose (widths 38 to 80, English, Korean, Chinese) so that no rule
is fitted to one fixture.
"""

from __future__ import annotations

import textwrap

import lxml.html
import pytest

from archive.datelines import date_line_kind, is_update_note
from archive.linejoin import MAX_WRAP_WIDTH, decide_joins, display_width, joiner
from archive.profiles import profile_from_dict
from archive.textclean import (
    apply_line_rules,
    drop_title_line,
    join_pasted_lines,
    normalise_whitespace,
    prune,
    selector,
)

NB = "\u00a0"

STATEMENT = [
    "The Harbour Authority of Port Ellery will close the outer mooring field to private boats from "
    "the first of December while the breakwater is rebuilt after last winter's storms.",
    "Boat owners with a seasonal permit will be offered a berth in the inner basin at the same "
    "price. Those who decline will receive a refund of the unused part of their permit.",
    "“The breakwater protects every boat in this harbour,” said the harbour master, Ana Ferreira. "
    "“Rebuilding it now is cheaper than repairing the damage of another storm.”",
    "The works are expected to last until the end of May.",
]


def wrapped(width: int) -> list[list[str]]:
    return [textwrap.wrap(paragraph, width) for paragraph in STATEMENT]


def as_lines(paragraphs: list[list[str]], within: int, between: int) -> tuple[list[str], list[int]]:
    texts: list[str] = []
    gaps: list[int] = []
    for lines in paragraphs:
        for index, line in enumerate(lines):
            if texts:
                gaps.append(between if index == 0 else within)
            texts.append(line)
    return texts, gaps


def rejoined(texts: list[str], gaps: list[int]) -> list[str]:
    out = [texts[0]]
    for join, text in zip(decide_joins(texts, gaps), texts[1:], strict=True):
        if join:
            out[-1] += " " + text
        else:
            out.append(text)
    return out


@pytest.mark.parametrize("width", [38, 52, 66, 80])
@pytest.mark.parametrize(("within", "between"), [(0, 1), (1, 2), (2, 4)])
def test_visual_lines_become_paragraphs_at_any_width_and_spacing(
    width: int, within: int, between: int
) -> None:
    texts, gaps = as_lines(wrapped(width), within, between)
    assert rejoined(texts, gaps) == STATEMENT


@pytest.mark.parametrize("width", [38, 44, 52, 60, 66, 80])
def test_without_spacers_lines_join_into_whole_sentences_within_one_paragraph(width: int) -> None:
    texts, gaps = as_lines(wrapped(width), 0, 0)
    result = rejoined(texts, gaps)
    assert " ".join(result) == " ".join(STATEMENT)
    assert all(any(line in paragraph for paragraph in STATEMENT) for line in result)
    assert all(line[-1] in ".”" for line in result)
    assert len(result) < len(texts) / 2


def test_a_full_line_ending_with_a_full_stop_continues_its_paragraph_when_spacers_say_so() -> None:
    paragraph = (
        "Reservoir levels have recovered to 81 per cent of the usable capacity. The Board's "
        "hydrologists expect levels to stay above the drought threshold all winter."
    )
    lines = textwrap.wrap(paragraph, 72)
    assert lines[0].endswith("capacity.")
    closing = "The next review is due in February."
    for within, between in ((0, 1), (1, 2)):
        texts, gaps = as_lines([textwrap.wrap(STATEMENT[0], 72), lines, [closing]], within, between)
        assert rejoined(texts, gaps) == [STATEMENT[0], paragraph, closing]
    # Without spacers the full stop is ambiguous: the split falls between whole sentences.
    texts, gaps = as_lines([textwrap.wrap(STATEMENT[0], 72), lines, [closing]], 0, 0)
    second = paragraph[len(lines[0]) + 1 :]
    assert rejoined(texts, gaps) == [STATEMENT[0], lines[0], second, closing]


def test_the_larger_spacer_run_is_the_paragraph_break_even_after_a_long_last_line() -> None:
    texts, gaps = as_lines(wrapped(52), 1, 2)
    texts[2] = texts[2] + " xx"  # a last line that happens to be almost full
    assert len(rejoined(texts, gaps)) == len(STATEMENT)


def test_intro_in_another_script_is_not_glued_to_the_statement() -> None:
    intro = "[바다신문=정유진 기자] 항만청이 발표한 성명 전문은 다음과 같다"
    texts, gaps = as_lines([[intro], *wrapped(60)], 1, 2)
    assert rejoined(texts, gaps) == [intro, *STATEMENT]


def test_wide_script_lines_are_measured_in_columns_and_joined_without_spaces() -> None:
    assert display_width("항만청") == 6 and display_width("abc") == 3
    paragraph = (
        "港务局宣布，由于去年冬季风暴损坏防波堤，外港系泊区将从十二月一日起对私人船只关闭，"
        "工程预计持续到明年五月底。"
    )
    lines = [paragraph[i : i + 20] for i in range(0, len(paragraph), 20)]
    other = "持有季节许可证的船主将获得内港泊位，价格不变。"
    html = "<div>" + "".join(f"<p>{line}</p>" for line in [*lines, other]) + "</div>"
    assert paragraphs(html) == [paragraph, other]


ORDINARY = [
    "The council approved its budget for next year on Tuesday evening.",
    "Nineteen members voted in favour, four against and two abstained.",
    "The largest item is the renovation of the primary school on Linden Road.",
    "Work starts in the summer holidays and should take about fourteen months.",
    "Members who voted against",
    "Claire Vasseur, Future Group",
    "Julien Marchetti, Future Group",
    "Henri Dufour, independent",
    "The next council meeting is on 3 October 2026 in the town hall.",
]


@pytest.mark.parametrize("gap", [0, 1])
def test_ordinary_short_paragraphs_and_lists_are_not_merged(gap: int) -> None:
    assert not any(decide_joins(ORDINARY, [gap] * (len(ORDINARY) - 1)))


def test_a_paragraph_cut_mid_sentence_into_two_elements_is_rejoined() -> None:
    first = (
        "Recommendation widgets provide the harbour office with a steady way to reach boat owners, "
        "and the office says it will use them to announce closures well in"
    )
    second = "advance of the works, starting with the outer mooring field."
    html = f"<div><p>Opening paragraph of the notice.</p><p>{first}</p><p>{second}</p></div>"
    assert paragraphs(html) == ["Opening paragraph of the notice.", f"{first} {second}"]
    shopping = ["apples from the valley farms", "oranges from the coast", "pears"]
    assert not any(decide_joins(shopping, [0, 0]))


def test_poem_like_lines_starting_with_capitals_are_not_merged() -> None:
    lines = [
        "Across the harbour wall the gulls are calling",
        "Over the boats that wait for morning light",
        "And every rope is wet with evening falling",
        "Until the lamps are lit along the night",
    ]
    assert not any(decide_joins(lines, [0, 0, 0]))


def test_a_list_of_korean_stops_is_not_one_paragraph() -> None:
    lines = [
        "시는 새벽 시간대 첫차를 오전 5시로 조정한다고 밝혔다.",
        "▲ 첫차 시간이 바뀌는 주요 노선",
        "해운대구 ~ 사상구 간선 1번",
        "기장군 ~ 서면 간선 7번",
        "영도구 ~ 부산역 지선 82번",
        "시는 다음 달 최종 시간표를 확정할 계획이다.",
    ]
    assert not any(decide_joins(lines, [1] * 5))


def paragraphs(html: str) -> list[str]:
    tree = lxml.html.document_fromstring(html)
    join_pasted_lines(tree)
    blocks = []
    for element in tree.iter("p", "div", "h2"):
        if element.text_content().strip() and not element.findall(".//p") and not element.findall(".//div"):
            for piece in lxml.html.tostring(element, encoding=str).split("<br>"):
                text = normalise_whitespace(lxml.html.fromstring(f"<div>{piece}</div>").text_content())
                if text:
                    blocks.append(text)
    return blocks


def nbsp(line: str) -> str:
    return line.replace(" ", NB)


def test_spacer_paragraph_layout_in_a_tree() -> None:
    spacer = "<p>&nbsp;</p>"
    parts = []
    for number, lines in enumerate(wrapped(70)):
        if number:
            parts += [spacer, spacer]
        parts.append(spacer.join(f"<p><span>{nbsp(line)}</span></p>" for line in lines))
    html = f"<div id='body'><h2>Statement</h2>{''.join(parts)}</div>"
    assert paragraphs(html) == ["Statement", *STATEMENT]


def test_br_layout_in_a_tree() -> None:
    body = "<br><br>\n".join("<br>\n".join(lines) for lines in wrapped(58))
    assert paragraphs(f"<div><p>{body}</p></div>") == STATEMENT


def test_div_per_line_layout_without_spacers_in_a_tree() -> None:
    body = "".join(f"<div>{line}</div>" for lines in wrapped(64) for line in lines)
    assert paragraphs(f"<section><div class='text'>{body}</div></section>") == STATEMENT


def test_an_image_or_heading_ends_a_run_of_lines() -> None:
    first, second = wrapped(60)[:2]
    html = (
        "<div>"
        + "".join(f"<p>{line}</p>" for line in first)
        + "<p><img src='a.jpg'></p>"
        + "".join(f"<p>{line}</p>" for line in second)
        + "</div>"
    )
    assert paragraphs(html) == STATEMENT[:2]


def test_prune_keeps_the_tail_text() -> None:
    tree = lxml.html.document_fromstring('<div><p>before <span class="share">Share</span> after</p></div>')
    assert prune(tree, [".share"]) == 1
    assert normalise_whitespace(tree.text_content()) == "before after"


def test_selectors_are_compiled_once() -> None:
    assert selector("div.share-box a") is selector("div.share-box a")


def test_byline_lines_leave_the_text_and_become_the_author() -> None:
    profile = profile_from_dict(
        {
            "name": "t",
            "byline_patterns": [r"^기자명\s+(?P<name>\S+)\s*기자$", r"^By (?P<name>.+)$"],
            "drop_line_patterns": ["무단전재"],
        }
    )
    text, author = apply_line_rules(
        "기자명 김하늘 기자\n본문입니다.\nBy Someone Else\n무단전재 및 재배포 금지", [profile]
    )
    assert text == "본문입니다." and author == "김하늘"


def test_whitespace_is_normalised() -> None:
    assert normalise_whitespace(f"a{NB}{NB}b \t c\n\n  d  ") == "a b c\nd"


DATE_LINES = [
    "Publié le 18 septembre 2026",
    "Mis à jour le 3 novembre 2026 à 14h05",
    "Stand: 17.11.2026",
    "Veröffentlicht am 17. November 2026, 10:15 Uhr",
    "Actualizado el 3 de noviembre de 2026",
    "Опубликовано 20 ноября 2026 г.",
    "수정 2026.09.03 10:00",
    "发布时间：2026-11-20 10:30",
    "Updated: Nov. 3, 2026 5:30 p.m. ET",
    "18 septembre 2026",
    "2026년 9월 3일",
    "Monday, 3 November 2026",
    "2026-11-20T11:30:00+09:00",
]
NOT_DATE_LINES = [
    "The Authority must reply by 15 January 2027.",
    "Le prochain conseil se réunira le 3 octobre 2026 à la salle des fêtes.",
    "2026 Annual Report",
    "Budget 2026-2027",
    "Section 4.2",
    "Tel. 02-123-4567",
    "1,412 calls were erased",
]


@pytest.mark.parametrize("line", DATE_LINES)
def test_date_lines_in_any_language_are_recognised(line: str) -> None:
    assert date_line_kind(line) is not None


@pytest.mark.parametrize("line", NOT_DATE_LINES)
def test_sentences_and_numbers_are_not_date_lines(line: str) -> None:
    assert date_line_kind(line) is None


def test_date_lines_leave_the_text_but_sentences_with_dates_stay() -> None:
    body = [
        "Publié le 18 septembre 2026",
        "Le conseil municipal a adopté mardi soir son budget pour l'année prochaine.",
        "Le prochain conseil se réunira le 3 octobre 2026 à la salle des fêtes.",
        "Les travaux commenceront pendant les vacances d'été.",
        "L'opposition a voté contre.",
        "Le maire a salué un budget « sérieux ».",
        "Mis à jour le 19 septembre 2026 à 08h15",
    ]
    text, _ = apply_line_rules("\n".join(body), [])
    assert text.splitlines() == body[1:-1]


def test_a_labelled_date_in_the_middle_of_the_text_stays_a_bare_date_goes() -> None:
    middle = ["First paragraph.", "Second paragraph.", "Third paragraph."]
    body = [*middle, "Geneva, 18 September 2026", "18 September 2026", *middle]
    text, _ = apply_line_rules("\n".join(body), [])
    assert text.splitlines() == [*middle, "Geneva, 18 September 2026", *middle]


@pytest.mark.parametrize(
    ("before", "after", "glue"),
    [
        ("监察专员要求调度中心在明年", "2月底前提交整改报告。", ""),  # a digit after Chinese
        ("調査結果は", "NHKなど各社が報じた。", ""),  # Latin after Japanese
        ("声明は2026", "年11月に公表された。", ""),  # Japanese after a digit
        ("옴부즈맨은 출동청에", "권고했다.", " "),  # Korean keeps its spaces
        ("The Authority must reply by", "15 January 2027.", " "),
    ],
)
def test_joiner_sets_no_space_next_to_chinese_or_japanese(before: str, after: str, glue: str) -> None:
    assert joiner(before, after) == glue


@pytest.mark.parametrize(
    "lines",
    [
        # Polish: a wrap before a capitalised name and before a number.
        ["Rada Miasta Lipowo informuje, że w związku z remontem mostu przy",
         "Kolejowej ruch autobusów linii 4 i 9 zostanie skierowany na",
         "12 dni objazdem przez ulicę Polną i Szkolną."],
        # German: nouns are capitalised, so most wrapped lines go on with a capital.
        ["Die Gemeindeverwaltung teilt mit, dass die Sporthalle an der",
         "Schulstraße wegen eines Wasserschadens bis zum Ende der",
         "Herbstferien geschlossen bleibt und der Vereinssport ruht."],
    ],
    ids=["pl", "de"],
)
def test_wrapped_lines_before_capitals_and_numbers_join(lines: list[str]) -> None:
    joins = decide_joins(lines, [0] * (len(lines) - 1))
    assert all(joins), joins


def test_short_lines_before_capitals_stay_apart() -> None:
    # An address or a list of names: open lines, capitals after, but nothing is full.
    lines = ["Rada Miasta Lipowo", "Biuro Prasowe", "ul. Kolejowa 12", "Lipowo, 20 listopada 2026 r."]
    assert not any(decide_joins(lines, [0, 0, 0]))


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Lokales\nStadtwerke: Wasser wieder sauber\nDie Stadtwerke teilen mit.",
         "Stadtwerke: Wasser wieder sauber", "Die Stadtwerke teilen mit."),
        ("地域\n市立図書館が臨時休館\n教育委員会は20日発表した。",
         "市立図書館が臨時休館", "教育委員会は20日発表した。"),
        # A first sentence before the headline-like line is body, not a kicker: nothing goes.
        ("The council met today.\nBudget adopted\nIt passed by nine votes.", "Budget adopted",
         "The council met today.\nBudget adopted\nIt passed by nine votes."),
    ],
    ids=["de-kicker", "ja-kicker", "sentence-first"],
)
def test_headline_and_its_kicker_go(text: str, title: str, expected: str) -> None:
    assert drop_title_line(text, title) == expected


def test_indent_starts_a_paragraph_only_when_not_every_line_has_one() -> None:
    lines = ["The Board regrets to announce that the reading rooms will close for", "urgent repairs.",
             "Loans and returns move to the Plaza Mayor branch, which will open", "every day."]
    assert decide_joins(lines, [0, 0, 0], [True, False, True, False]) == [True, False, True]
    # Every line indented (a CMS that indents all <p>s): the indent says nothing.
    assert decide_joins(lines, [0, 0, 0], [True] * 4) == decide_joins(lines, [0, 0, 0])


def test_lines_each_indented_after_a_blank_line_are_paragraphs_in_any_script() -> None:
    """Old Thai portals set each paragraph as "<br><br>&nbsp;&nbsp;&nbsp;…": no full stops, widths
    that could pass for a wrap, but every line opens with an indent after a blank line."""
    lines = [
        "กรมอุตุนิยมวิทยาออกประกาศเตือนภัยฉบับที่ 3 ระบุว่าภาคใต้ตอนล่างจะมีฝนตกหนักถึงหนักมากต่อเนื่อง",
        "ประกาศดังกล่าวระบุว่าขอให้ประชาชนระวังอันตรายจากน้ำท่วมฉับพลันและน้ำป่าไหลหลาก",
        "นอกจากนี้ คลื่นลมในอ่าวไทยตอนล่างจะมีกำลังแรง คลื่นสูง 3 ถึง 4 เมตร",
        "ด้านผู้ว่าราชการจังหวัดสั่งการให้ทุกอำเภอเตรียมเครื่องสูบน้ำ",
        "ประชาชนสามารถติดตามประกาศล่าสุดได้ทางสายด่วน 1182",
    ]
    assert decide_joins(lines, [1, 1, 1, 1], [True] * 5) == [False] * 4


def test_paragraphs_of_one_length_wider_than_any_wrap_are_not_joined() -> None:
    """Thai has no full stops: a modern Thai portal's <p> paragraphs of 140-200 columns each look
    like "open" lines of one width. No e-mail or PDF wraps that wide (72-110 columns), so they are
    paragraphs; the same text wrapped at 60 columns is visual lines and is joined."""
    paragraphs = [
        "นอกจากนี้ สำนักงานสาธารณสุขจังหวัดได้เปิดห้องปลอดฝุ่นในโรงพยาบาลส่งเสริมสุขภาพตำบลจำนวน 48 แห่ง และจะแจกหน้ากากอนามัยให้กลุ่มเปราะบางผ่านอาสาสมัครสาธารณสุขประจำหมู่บ้านทุกแห่ง",  # noqa: E501
        "นายแพทย์สาธารณสุขจังหวัดกล่าวกับผู้สื่อข่าวว่า สถานการณ์ในปีนี้เริ่มเร็วกว่าปีก่อนราวสองสัปดาห์ เนื่องจากสภาพอากาศปิดและมีการเผาในที่โล่งในพื้นที่รอยต่อระหว่างจังหวัดเป็นจำนวนมาก",  # noqa: E501
        "ประชาชนสามารถตรวจสอบค่าฝุ่นรายชั่วโมงได้ทางแอปพลิเคชันของกรมควบคุมมลพิษ หรือโทรสอบถามสายด่วนสาธารณสุขจังหวัดตลอด 24 ชั่วโมง รวมทั้งติดตามประกาศของจังหวัดทางหน้าเว็บไซต์",  # noqa: E501
    ]
    assert all(display_width(p) > MAX_WRAP_WIDTH for p in paragraphs)
    assert decide_joins(paragraphs, [0, 0]) == [False, False]
    wrapped = textwrap.wrap(" ".join(paragraphs[:2]), 60)
    assert any(decide_joins(wrapped, [0] * (len(wrapped) - 1)))


def test_a_number_cut_by_the_wrap_inside_chinese_text_is_joined_whole() -> None:
    assert joiner("施工期间自12月1日起至1", "2月15日止") == ""
    assert joiner("Phase 1", "2 weeks later") == " "


def test_date_lines_inside_the_text_are_looked_for_a_bounded_number_of_times() -> None:
    """Each look is a dateparser call (all ~200 locales when the language is unknown): a page of
    hundreds of year-bearing lines must not cost minutes, so only the first ones are looked at."""
    from archive.textclean import MAX_MIDDLE_DATE_CHECKS

    body = [f"Paragraph {n} of the statement, which is long enough to be ordinary text." for n in range(6)]
    dates = [f"{day} November 2026" for day in range(1, 61)]
    text, _ = apply_line_rules("\n".join([*body[:3], *dates, *body[3:]]), [], ("en",))
    kept = [line for line in text.splitlines() if line in dates]
    assert kept == dates[MAX_MIDDLE_DATE_CHECKS:]
    assert text.splitlines()[:3] == body[:3] and text.splitlines()[-3:] == body[3:]


@pytest.mark.parametrize(
    ("line", "languages"),
    [
        ("Publicerad 20 november 2026 kl. 09.14", ("sv",)),
        ("Jumat, 20 November 2026 | 15:20 WIB", ("id",)),
        ("Stand: 17.11.2026, 14.30 Uhr", ("de",)),
        ("20 พฤศจิกายน 2569 เวลา 13:45 น.", ("th",)),
        ("Päivitetty 20.11.2026 klo 9.41", ("fi",)),
    ],
)
def test_a_clock_time_after_the_date_still_makes_a_date_line(line: str, languages: tuple[str, ...]) -> None:
    """Real datelines end in a time with its own little words ("kl.", "klo", "เวลา … น.", a zone)."""
    assert date_line_kind(line, languages) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Оновлено о 12:40: додано інформацію про цілодобовий режим роботи.",
        "Actualización 15:02: se añade la declaración del alcalde.",
        "(Updated 20.11.2026, 19:05: adds the ministry's reply)",
        "Aktualisiert um 14.30 Uhr: Die Polizei hat die Sperrung aufgehoben.",
        "Mis à jour à 10h30 : ajout de la réaction de la préfecture.",
    ],
)
def test_update_notes_with_a_time_are_recognised(line: str) -> None:
    assert is_update_note(line)


@pytest.mark.parametrize(
    "line",
    [
        "Die Sitzung beginnt um 10:00 im Rathaus.",
        "Termin: 10:30 Uhr",
        "The office opens at 9:00 and closes at 17:00 on weekdays.",
        "Kontakt: Mo–Fr 9.00 – 12.00",
    ],
)
def test_sentences_and_opening_hours_are_not_update_notes(line: str) -> None:
    assert not is_update_note(line)


def test_an_update_note_leaves_the_end_of_the_text_but_not_the_middle() -> None:
    note = "Actualización 15:02: se añade la declaración del alcalde."
    body = [
        "El ayuntamiento ha publicado el siguiente comunicado sobre el corte de agua.",
        "Las obras empiezan el lunes a las ocho de la mañana.",
        "Afectan a los barrios del norte y del centro.",
        note,
        "El suministro se restablecerá el martes por la mañana en todos los barrios.",
        "Los vecinos pueden consultar el mapa de cortes en la web municipal.",
        "El ayuntamiento pide disculpas por las molestias.",
        "Se recomienda almacenar agua el lunes por la noche.",
        "Los camiones cisterna estarán en la plaza mayor.",
    ]
    text, _ = apply_line_rules("\n".join([*body, note]), [])
    assert text.splitlines() == body  # the middle copy stays: only the edges hold notes


def test_markdown_table_rows_become_plain_rows_without_the_rule() -> None:
    """trafilatura writes data tables as Markdown; the text keeps "cell | cell" rows only."""
    raw = "Budget 2027:\n| Item | 2026 | 2027 |\n|---|---|---|\n| Water | 3.1 | 4.2 |\n|:--|--:|:-:|\nEnd."
    want = ["Budget 2027:", "Item | 2026 | 2027", "Water | 3.1 | 4.2", "End."]
    assert normalise_whitespace(raw).splitlines() == want
    assert normalise_whitespace("Yes | no, said the mayor.") == "Yes | no, said the mayor."
