# ruff: noqa: E501  (sample lines are kept whole: they are what outlets print)
"""Single <br>s inside one <p>: the paragraph is the <p>.

Real behaviour: statements pasted from a word processor or an e-mail keep a hard line break inside
each paragraph, and the CMS turns it into one <br> inside the paragraph's <p>; editors also set a
quotation on its own line after "the council said:" with shift+enter, which is one <br> too. Readers
(and those who cite the text) see one paragraph: paragraphs inside one <p> are set apart by
<br><br>. In scripts with letter case a lower-case word on both sides would show the cut; Khmer,
Georgian, Amharic, Thai and CJK give no such evidence, and need none here. Varied across scripts,
sentence ends (., ។, ።, :) and line lengths. What stays apart: the same lines outside one <p>
(sibling <div>s decide by their shapes), and a dated stamp row next to the text.
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.linejoin import decide_joins, introduces_next, join_visual_lines

KHMER = ["ក្រសួងសាធារណការ និងដឹកជញ្ជូន បានចេញសេចក្តីជូនដំណឹងនៅថ្ងៃនេះ ថាស្ពាន", "នឹងត្រូវបិទជាបណ្តោះអាសន្ន ចាប់ពីថ្ងៃច័ន្ទ។"]


@pytest.mark.parametrize(
    "lines",
    [
        KHMER,
        ["ქალაქის მერიამ განაცხადა, რომ თეთრი ხიდი დეკემბრის დასაწყისიდან", "ორი კვირით დაიკეტება სარემონტო სამუშაოების გამო."],
        ["የከተማው አስተዳደር ዛሬ ባወጣው መግለጫ መንገዱ ለሁለት ሳምንታት", "በከፊል እንደሚዘጋ አስታውቋል።"],
        # a quotation set on its own lines after the sentence introducing it
        ["In a statement on Monday evening, the council said:", "“We are sorry for the disruption since the new contract began. This is not the standard residents expect.”",
         "“Extra crews have been brought in and all missed collections will be cleared this week.”"],
        # a statement wrapped at a fixed width, short sentences on lines of their own
        ["«В связи с аварийной ситуацией на тепловых сетях занятия в корпусах", "№ 2 и № 4 проводятся в дистанционном формате.", "Сессия будет проведена в установленные сроки.", "Общежития работают в штатном режиме»."],
    ],
)
def test_single_breaks_inside_one_paragraph_are_wraps(lines: list[str]) -> None:
    assert decide_joins(lines, [0] * (len(lines) - 1), in_paragraph=True) == [True] * (len(lines) - 1)


def test_outside_one_paragraph_two_lines_are_not_joined_by_shape() -> None:
    assert decide_joins(KHMER, [0], in_paragraph=False) == [False]


@pytest.mark.parametrize(
    "stamp",
    [
        "Апублікавана: 26.11.2026, 09:12 · Праглядаў: 1 204",
        "Published 20/11/26 | Views: 1,204 | Comments: 3",
        # pieces parted by spaces only once the " &nbsp; " went with the HTML: date and clock, section, views
        "วันที่ 16 พ.ย. 2569 เวลา 10:15 น. หมวด: สิ่งแวดล้อม อ่าน 1,482 ครั้ง",
        "Publié le 20.11.2026 à 09:12 Rubrique : Société",
    ],
)
def test_a_dated_stamp_row_is_never_joined_to_the_text(stamp: str) -> None:
    """The outlet's date-and-counter row sits right above a source line or the body; the row is
    chrome, not a wrapped line of the statement."""
    assert decide_joins([stamp, "According to the ministry's press service."], [0], in_paragraph=True) == [False]


@pytest.mark.parametrize(
    "lines",
    [
        ["June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", "June 10 – Tampa, FL @ Credit Union Amphitheatre", "June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre"],
        ["VIP : 60,000₩", "R : 50,000₩", "S : 40,000₩"],
        ["Ministry of Public Works and Transport", "Press and Information Department", "12 Harbour Road, Phnom Penh"],
    ],
)
def test_a_list_set_in_one_paragraph_keeps_its_lines(lines: list[str]) -> None:
    """Items that do not end sentences, three or more: a list inside one <p>, one item per line."""
    assert decide_joins(lines, [0] * (len(lines) - 1), in_paragraph=True) == [False] * (len(lines) - 1)


# A Taiwanese daily's pasted press release: its intro line, then the release wrapped at 19
# characters one <p> per line, the photo credit in a <p> of its own above them.
RELEASE = ["澄灣港務局今日發布以下新聞稿。", "東碼頭將於七月十一日至十二日封閉，進行", "防波堤護岸補強工程，期間渡輪改由西碼頭", "上下船。",
           "港務局提醒旅客提早三十分鐘抵達，並留意", "現場指示牌。"]


def test_a_photo_credit_is_never_joined_to_the_lines_under_it() -> None:
    joins = decide_joins(["圖／海港日報資料照", *RELEASE], [0] * len(RELEASE))
    assert joins[0] is False


def test_a_short_closed_chinese_line_is_not_a_full_line() -> None:
    """Chinese wraps between any two characters: the next line's first character is all that
    could have moved up, so a 15-character line under a 19-character wrap ended its paragraph."""
    assert decide_joins(RELEASE, [0] * (len(RELEASE) - 1)) == [False, True, True, False, True]


def test_a_german_quotation_closing_with_its_low_high_mark_ends_a_sentence() -> None:
    """German quotes run „…“: a line ending in “ ends its sentence, so a three-line quote in one <p>
    is a paragraph, not a list of open lines."""
    lines = ["„Die unbekannten Täter hebelten in der Nacht zum Mittwoch die Türen von vier Gartenhäusern auf",
             "und entwendeten unter anderem Werkzeug, Gasflaschen und einen Rasenmäher.",
             "Der entstandene Sachschaden wird auf rund 3.500 Euro geschätzt.“"]
    assert decide_joins(lines, [0, 0], in_paragraph=True) == [True, True]


@pytest.mark.parametrize(
    "lines",
    [
        ["山嵐大學昨晚發生宿舍電線走火事件，校方今天上午發布聲明，", "宣布即日起加強宿舍用電管理，全文如下：",
         "本校學生宿舍第三棟於昨晚十時許發生延長線過熱冒煙情形。"],
        ["The council said on Friday, after a meeting with the water board,", "that the pool will stay closed until March.",
         "Swimming lessons move to the sports centre."],
    ],
    ids=["zh-fullwidth-comma-and-colon", "en-comma"],
)
def test_a_line_ending_in_a_comma_goes_on_in_any_script(lines: list[str]) -> None:
    assert decide_joins(lines, [0, 1])[0] is True


def test_a_quotation_in_a_blockquote_with_br_lines_is_one_paragraph() -> None:
    """A French regional paper reproduces the prefecture's communiqué in a <blockquote>, its PDF
    line breaks kept as <br>s, sentence ends at line ends included: one quoted paragraph."""
    import lxml.html

    from archive.linejoin import join_visual_lines

    quote = ("« En raison de la crue de l'Argenton et du Thouet, les routes départementales<br>"
             "D 759, D 748 et D 135 sont fermées à la circulation jusqu'à nouvel ordre.<br>"
             "Des déviations sont mises en place par le Département. La préfète appelle<br>"
             "chacun à la plus grande prudence : ne vous engagez jamais sur une route<br>"
             "inondée, à pied comme en voiture. »")
    tree = lxml.html.document_fromstring(f"<html><body><blockquote class='communique'>{quote}</blockquote></body></html>")
    join_visual_lines(tree)
    assert tree.find(".//br") is None


GERMAN_QUOTE = [
    "WEILHEIM. Seit Anfang November sind in den Kleingärten am Fluss mindestens neun Lauben aufgebrochen worden, teilte die Polizei mit.",
    "In einer am Dienstag verbreiteten Mitteilung der Polizeidirektion heißt es: „Die Täter gingen stets",
    "auf die gleiche Weise vor. Sie öffneten Fensterläden mit einem Hebel und",
    "nahmen vorwiegend Rasenmäher, Heckenscheren und Werkzeug mit. Der",
    "Schaden liegt nach ersten Schätzungen bei rund 8.000 Euro.“",
    "Die Ermittler bitten Zeugen, die verdächtige Fahrzeuge bemerkt haben, sich bei der Kriminalpolizei zu melden; Hinweise nimmt auch jede andere Dienststelle entgegen.",
]


def test_a_wrapped_quotation_among_long_paragraphs_is_rejoined_across_a_capitalised_noun() -> None:
    """A statement quoted as pasted e-mail lines between ordinary paragraphs: the wrapped lines are too
    few for a wrap width, but each goes on mid-sentence; a German line ending "… Der" goes on to the
    noun "Schaden" on the next, as a line that itself began mid-sentence cannot be a heading."""
    gaps = [1, 0, 0, 0, 1]
    assert decide_joins(GERMAN_QUOTE, gaps) == [False, True, True, True, False]


def test_a_heading_without_a_full_stop_is_not_joined_to_the_paragraph_under_it() -> None:
    lines = [
        "Was die Stadtverwaltung am Montag beschlossen hat",
        "Die Stadtverwaltung hat am Montag beschlossen, die Brücke bis zum Frühjahr zu sperren.",
        "Ab März soll der Verkehr wieder über die Brücke fließen, teilte das Bauamt mit.",
    ]
    assert decide_joins(lines, [0, 0]) == [False, False]


def test_a_colon_line_and_the_quotation_after_a_single_br_are_one_paragraph_where_blank_lines_part_paragraphs() -> None:
    """An old layout's text of <br><br> paragraphs: "… schreibt der Gemeinderat:<br>«…»<br><br>" is one
    paragraph as a reader cites it. A list after the colon, or sibling <p>s, stay apart."""
    quote = "«Die Messungen haben gezeigt, dass auf dem Abschnitt rund ein Viertel der Fahrzeuge zu schnell ist.»"
    texts = ["Auslöser war eine Petition mit über 600 Unterschriften.", "In der Medienmitteilung schreibt der Gemeinderat:", quote, "Der Gewerbeverein zeigt sich skeptisch."]
    assert introduces_next(texts, [1, 0, 1], 1)
    assert not introduces_next(texts, [0, 0, 0], 1)  # no blank lines part the paragraphs: sibling lines
    listed = ["Folgende Strassen sind gesperrt:", "Bahnhofstrasse", "Dorfstrasse"]
    assert not introduces_next([*listed, "Die Sperre dauert bis Mai."], [0, 0, 1], 0)


def test_the_colon_line_joins_its_quotation_in_the_tree() -> None:
    html = (
        "<div><span class='text'>Auslöser war eine Petition mit über 600 Unterschriften aus dem Schulhausquartier.<br><br>"
        "In der Medienmitteilung schreibt der Gemeinderat:<br><i>«Die Messungen haben gezeigt, dass auf dem Abschnitt<br>"
        "rund ein Viertel der Fahrzeuge zu schnell unterwegs ist.»</i><br><br>Der Gewerbeverein zeigt sich skeptisch.</span></div>"
    )
    tree = lxml.html.fromstring(html)
    assert len(tree.findall(".//br")) == 6
    join_visual_lines(tree)
    italics = tree.find(".//i")
    assert italics.find("br") is None  # the quotation's own wrapped line
    assert "Gemeinderat:" in (italics.getprevious().tail or "")  # no <br> left between colon line and quotation
    assert len(tree.findall(".//br")) == 4  # the two blank lines between paragraphs stay


def test_a_thai_quotation_wrapped_in_one_paragraph_is_joined() -> None:
    """Thai has no full stop, so no line "ends a sentence": within one <p>, long <br> lines of a
    quoted notice are its wrapping, not a list's items."""
    quote = [
        "ทั้งนี้ ประกาศเทศบาลระบุว่า",
        '"ห้ามมิให้ผู้ใดจุดหรือปล่อยโคมลอย โคมควัน บั้งไฟ พลุ และดอกไม้ไฟทุกชนิด',
        "ในเขตเทศบาลเมือง เว้นแต่ได้รับอนุญาตเป็นหนังสือจากนายกเทศมนตรีเท่านั้น",
        'หากพบเห็นการกระทำผิด ขอให้แจ้งศูนย์รับแจ้งเหตุเทศบาลทันทีตลอดยี่สิบสี่ชั่วโมง"',
    ]
    assert decide_joins(quote, [0, 0, 0], in_paragraph=True) == [True, True, True]
