# ruff: noqa: E501  (sample lines are kept whole: they are what outlets print)
"""Bylines found by the header block's structure (`archive.headerbylines`).

Real behaviour these pages stand for: regional and national outlets print the reporter's name
under the headline in their own words, often with no author metadata for machines.
- Old portals print one meta row: "Added: date | Text: name | Views: 1843", each label in the
  site's language; the row's date is what marks it as the article's own header row.
- Themes name the author's block in their own language or shorthand ("autor-box", "writer",
  "art-by") and put a bare name, sometimes "name, place", in it.
- Local papers put the reporter's e-mail address under the name ("Jón Jónsson<br>jj@…").
- Some set the name in its own element after a short "by" word ("Írta <b>Kiss Anna</b>",
  "Ni <a href=/author/…>…</a>").
Each is varied (labels in several languages and scripts, date formats, markup), and the
negatives are the header rows that look alike but name no person: a category, a photo or source
credit, a sentence, and a labelled name in a block with no structural signal at all.
"""

from __future__ import annotations

import pytest

from archive.bylines import byline_line, clean_author, prefer_printed, without_place
from archive.extract import extract
from archive.headerbylines import person_name
from archive.textclean import apply_line_rules
from tests.archive.captures import html_capture

BODY = (
    "<p>The regional water authority announced on Tuesday that the treatment plant at the river "
    "mouth will be closed for maintenance during the first two weeks of December.</p>"
    "<p>According to the statement, households in the northern districts will receive water from "
    "the reserve reservoir, and pressure may be lower than usual in the evenings.</p>"
    "<p>The authority asked residents to report leaks through its hotline and apologised for the "
    "inconvenience the works will cause to businesses in the area.</p>"
)


def page(header: str, lang: str = "en") -> str:
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>Water plant closes for maintenance</title>'
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        f"<h1>Water plant closes for maintenance</h1>{header}<div class='body'>{BODY}</div>"
        "</article><footer>© 2026 Example Media</footer></body></html>"
    )


def author_of(header: str, lang: str = "en") -> str | None:
    result = extract(html_capture(page(header, lang), "http://127.0.0.1:8000/news/2026/11/water-plant"))
    assert result.text and "treatment plant" in result.text
    return result.author


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # an unknown label beside the row's date, in several languages and date forms
        ("<font size=1>Dodano: 2026-11-25 09:15 | Piszący: Anna Kowalczyk | Odsłon: 1843</font>", "Anna Kowalczyk"),
        ("<div class=meta>Kirjutas: Mari Tamm · 3. november 2026</div>", "Mari Tamm"),
        ("<p>Parengė: Rūta Petraitė<br>2026-11-03 14:20</p>", "Rūta Petraitė"),
        ("<div class=info>Napisala: Ana Horvat, Zadar | 3.11.2026.</div>", "Ana Horvat"),
        ("<div class=m>ተጻፈ፦ አበበ ከበደ | 2026</div>", "አበበ ከበደ"),
        # a block themes name for the author, with a bare name (and a place)
        ("<div class='meta-autor-box'><span>Ana Horvat</span></div>", "Ana Horvat"),
        ("<p id='writer'>Kwame Mensah, Accra</p>", "Kwame Mensah"),
        ("<div class='art-by'>ச. கார்த்திகேயன், திருச்சி</div>", "ச. கார்த்திகேயன்"),
        # a name over its e-mail address, or the address link carrying the name
        ("<div class=who>Jón Jónsson<br><a href='mailto:jj@paper.example'>jj@paper.example</a></div>", "Jón Jónsson"),
        ("<p class=x><a href='mailto:roe@paper.example'>Jane Roe</a></p>", "Jane Roe"),
        # a short word and the name in its own element
        ("<p>Írta <b>Kiss Anna</b> · 2026. november 3.</p>", "Kiss Anna"),
        ("<div class=t>Ni <a href='/author/msantos'>Maria Santos</a></div>", "Maria Santos"),
    ],
)
def test_the_header_blocks_structure_names_the_author(header: str, expected: str) -> None:
    assert author_of(header) == expected


@pytest.mark.parametrize(
    "header",
    [
        "<div class=meta>Rubrika: Zprávy | 3.11.2026</div>",  # a category: one word
        "<div class=meta>Foto: Jan Novák | 3.11.2026</div>",  # a photo credit
        "<div class=meta>Zdroj: Krajský Úřad | 3.11.2026</div>",  # a source credit
        "<div class=meta>Update: the ministry revised the figures | 3.11.2026</div>",  # a sentence
        "<div class=lead>Kirjutas: Mari Tamm</div>",  # no date, no author class, no address
    ],
)
def test_header_rows_that_name_no_person_give_no_author(header: str) -> None:
    assert author_of(header) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Г.Саруул", "Г.Саруул"),  # an initial joined to the name
        ("T. K. Anoop", "T. K. Anoop"),
        ("Ivana Matić, Split", "Ivana Matić"),
        ("ნინო ბერიძე", "ნინო ბერიძე"),  # Georgian has capital code points but is written without case
        ("Anna", None),  # one word
        ("the press office", None),
        ("Anna Kowalczyk 1843", None),
        ("Ring the Hotline Now Please Today", None),  # too many words for a name
    ],
)
def test_person_name(value: str, expected: str | None) -> None:
    assert person_name(value) == expected


# Co-authors: metadata lists them (or only the first) while the page prints them joined by its own
# word for "and"; the printed form is what a reader cites. Hebrew prefixes "and" to the second
# name ("ו" + name, each name in its own link), so spacing must not decide.
@pytest.mark.parametrize(
    ("meta", "header", "expected"),
    [
        ('<meta name="author" content="Amani Odera, Baraka Njoroge">', "<div class=meta>Na <span class=author>Amani Odera na Baraka Njoroge</span></div>", "Amani Odera na Baraka Njoroge"),
        ('<meta name="author" content="Claire Dubois">', "<p class=byline>Par Claire Dubois et Luc Martin</p>", "Claire Dubois et Luc Martin"),
        ("", "<div class=haber-bilgi><span class=muhabir>Ayşe Yıldız ve Can Öztürk</span><span class=tarih>24.11.2026 11:05</span></div>", "Ayşe Yıldız ve Can Öztürk"),
        ("", "<div class=byline>מאת: <a href='/w/1'>דנה לוי</a> ו<a href='/w/2'>יוסי כהן</a> | 02/06/2026</div>", "דנה לוי ויוסי כהן"),
        ('<meta name="author" content="Jane Roe">', "<p class=byline>By John Doe</p>", "Jane Roe"),  # another person: metadata stays
    ],
)
def test_co_authors_come_out_as_the_page_prints_them(meta: str, header: str, expected: str) -> None:
    html = page(header).replace("</title>", "</title>" + meta)
    result = extract(html_capture(html, "http://127.0.0.1:8000/news/2026/11/water-plant"))
    assert result.author == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("<div class=autor><strong>Marta Nowak</strong>, dziennikarka Gazety Nadsańskiej</div>", "Marta Nowak"),  # a role
        ("<p class=credit>ข่าว/ภาพ : สมชาย ใจดี ผู้สื่อข่าวประจำจังหวัด</p>", "สมชาย ใจดี"),  # text/photo label, a role
        ("<p>Text/Foto: Jan Novák | 3. 11. 2026</p>", "Jan Novák"),
        ("<div class=dt>Published by: Priya Nair | Updated Mon, 24 Aug 2026 08:15 PM IST</div>", "Priya Nair"),
        ("<div class=autor>Red.</div>", None),  # the newsroom's abbreviation, not a person
    ],
)
def test_labels_and_roles_around_the_name_go(header: str, expected: str | None) -> None:
    assert author_of(header) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # Indian papers: place, date, then the reporter in brackets
        ("<div class=dateline>ਲੁਧਿਆਣਾ, 28 ਨਵੰਬਰ (ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਸੰਧੂ)</div>", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਸੰਧੂ"),
        ("<p>नई दिल्ली, 3 दिसंबर (राम प्रसाद शर्मा)</p>", "राम प्रसाद शर्मा"),
        ("<p>Brussels, 3 March (Reuters)</p>", None),  # an agency, not a person
        # Hong Kong and Taiwan papers: "our reporter … reports", with or without the place
        ("<p class=src>【本報記者 陳嘉敏報道】</p>", "陳嘉敏"),
        ("<p>〔記者林佳蓉／花蓮報導〕</p>", "林佳蓉"),
        ("<p>本報記者</p>", None),  # "our reporter" alone names no one
    ],
)
def test_reporter_names_in_datelines_and_report_marks(header: str, expected: str | None) -> None:
    assert author_of(header) == expected


@pytest.mark.parametrize(
    ("first", "name", "rest"),
    [
        ("〔記者林欣怡／台中報導〕山嵐大學昨晚發生宿舍電線走火事件。", "林欣怡", "山嵐大學昨晚發生宿舍電線走火事件。"),
        ("【山口早苗】港湾安全委員会は２７日、大型クレーンの緊急点検を求めた。", "山口早苗", "港湾安全委員会は２７日、大型クレーンの緊急点検を求めた。"),
        ("【本報記者 陳嘉敏報道】食環署今日宣布延長街市營業時間。", "陳嘉敏", "食環署今日宣布延長街市營業時間。"),
    ],
)
def test_a_report_mark_opening_the_first_paragraph_names_the_reporter(first: str, name: str, rest: str) -> None:
    text, author = apply_line_rules("\n".join([first, "第二段。"]), [])
    assert author == name and text.splitlines()[0] == rest


@pytest.mark.parametrize(
    "first",
    ["【速報】港湾安全委員会は２７日、緊急点検を求めた。", "【写真特集】港の一日", "(Reuters) - The ministry said on Monday it would act.", "【ワシントン共同】米政府は２７日、発表した。"],
)
def test_bracketed_labels_and_agencies_opening_a_paragraph_stay(first: str) -> None:
    text, author = apply_line_rules("\n".join([first, "第二段。"]), [])
    assert author is None and text.splitlines()[0] == first


def test_a_printed_name_with_its_place_does_not_replace_metadatas_name() -> None:
    assert prefer_printed("Rehema Mwakalinga", "Rehema Mwakalinga, Tanga") == "Rehema Mwakalinga"
    assert prefer_printed("Juma Kassim, Neema Mushi", "Juma Kassim na Neema Mushi") == "Juma Kassim na Neema Mushi"


def test_an_organisation_named_as_author_in_json_ld_is_no_byline() -> None:
    meta = (
        '<script type="application/ld+json">{"@type":"NewsArticle","author":'
        '{"@type":"Organization","name":"Daily Harbour News"}}</script>'
    )
    html = page("<div class=meta>3.11.2026</div>").replace("</title>", "</title>" + meta)
    assert extract(html_capture(html, "http://127.0.0.1:8000/news/2026/11/water-plant")).author is None


def test_the_sites_name_from_the_title_is_no_author() -> None:
    html = page("").replace(
        "<title>Water plant closes for maintenance</title>",
        '<title>Water plant closes for maintenance | Daily Harbour News</title><meta name="author" content="Daily Harbour News">',
    )
    assert extract(html_capture(html, "http://127.0.0.1:8000/news/2026/11/water-plant")).author is None


@pytest.mark.parametrize(
    ("value", "site", "expected"),
    [
        ("遠州タイムス 社会部 高橋 真理", "遠州タイムス", "高橋 真理"),  # the outlet, the desk, then the name
        ("本报记者 刘晓雯", None, "刘晓雯"),
        ("Текст Анна Королёва", None, "Анна Королёва"),
    ],
)
def test_outlets_desks_and_labels_before_a_name_in_an_author_slot(value: str, site: str | None, expected: str) -> None:
    assert clean_author(value, site) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("記者陳怡君、林志豪／臺中報導", "陳怡君、林志豪"),
        ("記者陳怡君、林志豪∕臺中報導", "陳怡君、林志豪"),  # U+2215, as some CMS fonts set it
        ("Oleh Ahmad Faizal Ismail dan Nurul Huda Rahman", "Ahmad Faizal Ismail dan Nurul Huda Rahman"),
        ("By Ana Ruiz and Pedro Gómez Díaz", "Ana Ruiz and Pedro Gómez Díaz"),
        ("By the council's press office and its partners in the region", None),
    ],
)
def test_co_author_bylines_with_long_names(line: str, expected: str | None) -> None:
    assert byline_line(line) == expected


def test_a_category_in_a_date_row_is_not_the_reporter() -> None:
    assert author_of("<div class=dt>วันเสาร์ที่ 28 พฤศจิกายน 2569 เวลา 09:12 น. | หมวด: การศึกษา | อ่าน 2,481 ครั้ง</div>") is None


def test_a_bengali_staff_correspondent_is_a_desk() -> None:
    assert clean_author("নিজস্ব সংবাদদাতা") is None
    assert clean_author("নিজস্ব সংবাদদাত") is None  # as trafilatura cuts it: its last vowel sign gone


def test_the_printed_byline_beats_a_guess_from_the_date_line_beside_it() -> None:
    """A theme's author row holds the name and the date ("प्रकाशित : मंसिर १२, २०८३", published:
    date); the name element is the byline, not a date label trafilatura may guess from the row."""
    body = "".join(
        f"<p>अख्तियार दुरुपयोग अनुसन्धान आयोगले स्थानीय तहका खरिद प्रक्रिया सार्वजनिक गर्न निर्देशन दिएको छ, अनुच्छेद {n}।</p>"
        for n in range(4)
    )
    html = (
        "<html lang='ne'><head><meta charset='utf-8'><title>आयोगको निर्देशन</title></head><body><main class='container'>"
        "<article class='single-post'><h1 class='entry-title'>आयोगको निर्देशन</h1>"
        "<div class='author-row'><img class='avatar' src='/a.jpg' alt=''><div><div class='author-name'>"
        "<a href='/author/laxmi-khanal/'>लक्ष्मी खनाल</a></div><div class='post-date'>प्रकाशित : मंसिर १२, २०८३</div></div></div>"
        "<div class='share-top'><a class='fb'>Facebook</a> <a class='tw'>Twitter</a></div>"
        f"<div class='entry-content'>{body}</div></article></main></body></html>"
    )
    result = extract(html_capture(html, "http://127.0.0.1:8000/news/2026/11/aayog.html"))
    assert result.author == "लक्ष्मी खनाल"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # WordPress themes link the name to the author's archive page, beside the date or alone
        ("<div class=post-meta>Publié le 26 novembre 2026 par <a href='/author/mfall/'>Mamadou Fall</a> | Commentaires (3)</div>", "Mamadou Fall"),
        ("<div class=entry-meta><a href='/autor/lucia-mendez'>Lucía Méndez</a></div>", "Lucía Méndez"),
        ("<span class=x><a rel='author' href='/team/17'>Kofi Boateng</a></span>", "Kofi Boateng"),
        # a link to another kind of page is no byline
        ("<div class=post-meta>Posted in <a href='/category/city-hall/'>City Hall</a></div>", None),
    ],
)
def test_a_link_to_the_authors_page_names_the_author(header: str, expected: str | None) -> None:
    assert author_of(header) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # the name and the role in sibling elements the theme styles apart, no space between them
        ("<div class='sc-author'><img src='/av.jpg' alt=''><span>Domingos Ngola</span><span class='role'>Jornalista</span></div>", "Domingos Ngola"),
        ("<div class='author'><span>Ana Ruiz</span><span>Redactora</span></div>", "Ana Ruiz"),
        # the name and the desk on lines of their own in a byline element
        ("<div class='byline'>Megan Lefebvre and Raj Patel<br>Northshore Beacon staff</div>", "Megan Lefebvre and Raj Patel"),
        ("<div class='byline'><div>Tomás Herrera</div><div>Corresponsal en Cusco</div></div>", "Tomás Herrera"),
        # the label alone in its element, the name in the next
        ("<div class='byline'><span>By</span><a href='/people/jo-kim'>Jo Kim</a></div>", "Jo Kim"),
        # a role starting small, or in a script without case, in a sibling of another class
        ("<div class='art-author'><img src='/a.jpg' alt=''><span class='name'>Katarzyna Wróbel</span><span class='role'>dziennikarka Kuriera</span></div>", "Katarzyna Wróbel"),
        ("<div class='byline'><span class='auth'>प्रिया शर्मा</span><span class='desig'>वरिष्ठ संवाददाता, भोपाल</span></div>", "प्रिया शर्मा"),
        # a Hungarian theme names the author's block "szerzo" (szerző: author)
        ("<div class='szerzo'><img src='/sz/ke.jpg' alt=''> <strong>Kovács Eszter</strong>, újságíró</div>", "Kovács Eszter"),
    ],
)
def test_a_name_is_read_apart_from_the_role_beside_it(header: str, expected: str) -> None:
    assert author_of(header) == expected


def test_the_armenian_comma_after_a_label_is_its_colon() -> None:
    assert author_of("<div class=meta>Հեղինակ՝ Լիլիթ Հակոբյան | 28.11.2026, 12:10</div>", "hy") == "Լիլիթ Հակոբյան"
    assert byline_line("Հեղինակ՝ Լիլիթ Հակոբյան") == "Լիլիթ Հակոբյան"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the name, then the source it wrote from: a police press office, an agency, the wires
        ("Piše: Ivana Perić / PU splitsko-dalmatinska", "Ivana Perić"),
        ("By Jo Kim | Reuters", "Jo Kim"),
        ("Autor: Jan Nowak / PAP", "Jan Nowak"),
        # a slash inside a name's label stays the label's ("文／山田太郎")
        ("文／山田太郎", "山田太郎"),
        # no label: a name and a source are not a byline line by themselves
        ("Ivana Perić / PU splitsko-dalmatinska", None),
    ],
)
def test_a_byline_line_may_name_its_source_after_a_slash(line: str, expected: str | None) -> None:
    assert byline_line(line) == expected


def test_a_byline_line_naming_its_source_leaves_the_text() -> None:
    text, byline = apply_line_rules(
        "Piše: Ivana Perić / PU splitsko-dalmatinska\n"
        "Policijska uprava izvijestila je kako je u srijedu navečer uhićen osumnjičeni za niz provala.",
        [],
    )
    assert byline == "Ivana Perić"
    assert not text.startswith("Piše")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # "writes" before the name: Greek with its article, South Slavic, Polish, Czech, Romanian
        ("Γράφει ο Νίκος Οικονόμου", "Νίκος Οικονόμου"),
        ("Γράφει η Μαρία Παππά", "Μαρία Παππά"),
        ("Piše Ana Horvat", "Ana Horvat"),
        ("Pisze Jan Nowak", "Jan Nowak"),
        ("Pisze prezydent miasta", None),  # "the mayor writes": no name
        # a name and a role named in capitals, no label
        ("Thandeka Nkosi, Senior Reporter", "Thandeka Nkosi"),
        ("Jane Roe, Political Editor", "Jane Roe"),
        ("Anna Berger, Redakteurin", "Anna Berger"),
        ("Helen Marsh, Local Democracy Reporting Service", "Helen Marsh"),  # the service she writes for
        ("Jane Roe, John Doe", None),  # two names, no role
    ],
)
def test_writes_before_a_name_and_a_capitalised_role_after_it(line: str, expected: str | None) -> None:
    assert byline_line(line) == expected


def test_a_capitalised_role_in_an_author_slot_is_not_part_of_the_name() -> None:
    assert clean_author("Thandeka Nkosi, Senior Reporter") == "Thandeka Nkosi"
    assert clean_author("Jane Roe, John Doe") == "Jane Roe, John Doe"


@pytest.mark.parametrize(
    ("slot", "site", "name"),
    [
        # one word after a full name is the place or the agency: a co-author has a full name too
        ("Rehema Mwakalinga, Tanga", None, "Rehema Mwakalinga"),
        ("रमिला गुरुङ, पोखरा", None, "रमिला गुरुङ"),
        ("Ana Ruiz, EFE", None, "Ana Ruiz"),
        ("Jane Roe, Doe", None, "Jane Roe"),
        # a date after the name is never part of it
        ("Door Marijke Oosterhuis · 14 augustus 2026, 09:20", None, None),
        # the outlet's own name after a bar
        ("Javier Ruiz | El Norteño", "El Norteño", "Javier Ruiz"),
        ("Javier Ruiz | Deportes", "El Norteño", "Javier Ruiz | Deportes"),
    ],
)
def test_a_place_an_agency_or_the_outlet_after_a_name_in_an_author_slot(slot: str, site: str | None, name: str | None) -> None:
    assert clean_author(slot, site) == name


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Arabic papers open the text with "place - reporter"; Sri Lankan ones close it in brackets
        ("سكاكا - فهد العنزي", "فهد العنزي"),
        ("القاهرة – محمد عبد الله", "محمد عبد الله"),
        ("(මහනුවර - නිමල් පෙරේරා)", "නිමල් පෙරේරා"),
        ("الرياض - واس", None),  # an agency's short name after the place, no person
        ("LONDON - Jane Roe", None),  # in scripts with case this shape opens a dateline sentence
        ("Ministry - Press Release", None),
    ],
)
def test_a_place_and_a_reporter_joined_by_a_dash(line: str, expected: str | None) -> None:
    from archive.bylines import name_place_byline

    assert name_place_byline(line) == expected


def test_a_place_dash_reporter_line_opening_the_text_is_the_byline() -> None:
    body = "أعلنت أمانة المنطقة اليوم عن إطلاق المرحلة الثانية من مشروع تطوير الواجهة الحضرية للمدينة."
    text, author = apply_line_rules(f"سكاكا - فهد العنزي\n{body}\n{body}", [])
    assert author == "فهد العنزي" and text == f"{body}\n{body}"
    assert clean_author("(මහනුවර - නිමල් පෙරේරා)") == "නිමල් පෙරේරා"


def test_a_labelled_byline_in_an_author_block_under_the_text() -> None:
    """Bulgarian and other portals print "Автор: <strong>name</strong>" in a "news-author" block
    after the body, where trafilatura drops it; the block's class names the author."""
    html = (
        "<html><head><title>Русе въвежда безплатен градски транспорт</title></head><body><h1>Русе въвежда безплатен градски транспорт</h1>"
        "<div class='news-text'>"
        + "".join(f"<p>Община Русе обяви временни мерки за ограничаване на замърсяването на въздуха, параграф {n}.</p>" for n in range(4))
        + "</div><div class='news-author'>Автор: <strong>Десислава Петрова</strong></div>"
        "<div class='social-share'>Сподели: <a href='#'>Facebook</a></div></body></html>"
    )
    result = extract(html_capture(html, "http://127.0.0.1:8000/ruse/transport-71030"))
    assert result.author == "Десислава Петрова"


def test_one_name_over_a_role_in_an_author_block_under_the_text_is_the_author() -> None:
    """"<div class=clanok__autor><img><div><strong>Lucia Hrušková</strong><br><span>redaktorka</span>"
    after the text; a box listing several names (other authors) is not a byline, nor a photo
    credit in an element whose class names the photo's author ("autor-foto")."""
    import lxml.html

    from archive.headerbylines import labelled_author_block

    def block_author(html: str) -> str | None:
        return labelled_author_block(lxml.html.document_fromstring(f"<html><body><p>Text.</p>{html}</body></html>"))

    assert block_author("<div class='clanok__autor'><img src='/a.jpg'><div><strong>Lucia Hrušková</strong><br><span>redaktorka</span></div></div>") == "Lucia Hrušková"
    assert block_author("<div class='author-box'><a>Ivana Perić</a><br><a>Marko Horvat</a><br><a>Ana Kovač</a></div>") is None
    assert block_author("<span class='autor-foto'>FOTO: Martin Kubala</span>") is None
    assert clean_author("FOTO: Martin Kubala") is None


def test_romanian_co_authors_joined_by_si_with_a_cedilla() -> None:
    assert byline_line("de Andrei Pop şi Ioana Mureşan") == "Andrei Pop şi Ioana Mureşan"
    assert byline_line("de Andrei Pop și Ioana Mureșan") == "Andrei Pop și Ioana Mureșan"


@pytest.mark.parametrize(
    ("value", "name"),
    [("Julie Verhaegen (avec Belga)", "Julie Verhaegen"), ("Jan Nowak (z PAP)", "Jan Nowak"), ("Ana Ruiz (con EFE)", "Ana Ruiz")],
)
def test_the_agency_written_with_in_brackets_after_the_name_goes(value: str, name: str) -> None:
    assert clean_author(value) == name


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Chinese portals part the info row's pieces with two no-break spaces
        ("<div class='article_info'>2026年11月20日 08:32&nbsp;&nbsp;来源：江城晚报&nbsp;&nbsp;作者：王晓峰&nbsp;&nbsp;【字体：大 中 小】</div>", "王晓峰"),
        # after a label's colon the no-break spaces are the label's, not a separator
        ("<div class='info'>Autor:&nbsp;&nbsp;Jan Novák | 20.11.2026</div>", "Jan Novák"),
    ],
)
def test_no_break_spaces_between_a_rows_pieces(html: str, expected: str) -> None:
    assert author_of(html) == expected


def test_a_reader_comments_author_is_not_the_byline() -> None:
    import lxml.html

    from archive.headerbylines import labelled_author_block

    html = "<html><body><p>Text.</p><div class='comment'><span class='comment-author'>Luz Marina</span> <span>25-11-2026</span></div></body></html>"
    assert labelled_author_block(lxml.html.document_fromstring(html)) is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("<div class='meta'><a href='/authors/iryna-hnatiuk'>Ірина Гнатюк</a> та <a href='/authors/taras-melnyk'>Тарас Мельник</a> · 19.11.2026</div>", "Ірина Гнатюк та Тарас Мельник"),
        ("<div class='meta'>By <a rel='author' href='/p/1'>Jo Kim</a> and <a rel='author' href='/p/2'>Ana Ruiz</a> | 19 Nov 2026</div>", "Jo Kim and Ana Ruiz"),
        ("<div class='meta'><a href='/author/a'>Jo Kim</a> &amp; <a href='/author/b'>Ana Ruiz</a> 19.11.2026</div>", "Jo Kim & Ana Ruiz"),
        # two author links not joined: the first is the byline (the second is a list of others)
        ("<div class='meta'><a href='/author/a'>Jo Kim</a><a href='/author/b'>Ana Ruiz</a> 19.11.2026</div>", "Jo Kim"),
    ],
    ids=["uk-ta", "en-and", "ampersand", "not-joined"],
)
def test_co_authors_in_links_to_their_pages_are_joined_as_the_page_joins_them(header: str, expected: str) -> None:
    assert author_of(header) == expected


def test_a_news_team_after_by_is_a_desk_and_the_labelled_writer_is_the_author() -> None:
    """Thai portals: "โดย ทีมข่าวภูมิภาค <site> | ผู้เขียน: <name>" (by the regional news team | writer: …)."""
    header = "<div class='meta-row'><span class='writer'>โดย ทีมข่าวภูมิภาค ล้านนาทูเดย์ | ผู้เขียน: สุดารัตน์ ใจมั่น</span><span class='pubdate'>26 พ.ย. 2569 15:40 น.</span></div>"
    assert author_of(header, "th") == "สุดารัตน์ ใจมั่น"
    assert person_name("โดย ทีมข่าวภูมิภาค ล้านนาทูเดย์") is None


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Της Ελένης Παπαδάκη", "Ελένη Παπαδάκη"),
        ("Της Μαρίας Κωνσταντίνου", "Μαρία Κωνσταντίνου"),
        ("Του Κώστα Μανωλάκη", "Κώστας Μανωλάκης"),
        ("Του Γιάννη Παπαδάκη", "Γιάννης Παπαδάκης"),
        # a man's surname in -ου is as often the nominative itself: it stays
        ("Του Νίκου Οικονόμου", "Νίκος Οικονόμου"),
        # printed in the nominative already
        ("Ελένη Παπαδάκη", "Ελένη Παπαδάκη"),
    ],
)
def test_a_greek_genitive_byline_is_cited_in_the_nominative(byline: str, expected: str) -> None:
    assert clean_author(byline) == expected
    assert author_of(f"<div class='entry-meta'><span class='byline'>{byline}</span> <time datetime='2026-11-24'>24/11/2026</time></div>", "el") == expected


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("<div>ടി. കെ. അനൂപ്</div>", "ടി. കെ. അനൂപ്"),  # Malayalam, initials, no label, no class
        ("<div>प्रिया शर्मा</div>", "प्रिया शर्मा"),
        ("<div>T. K. Anoop</div>", "T. K. Anoop"),
        # capitalised words without initials may be a label, not a name: not taken
        ("<div>Official Statement</div>", None),
        ("<div>Kochi</div>", None),
    ],
)
def test_a_bare_name_under_the_headline(block: str, expected: str | None) -> None:
    """Kerala and Hindi portals print the reporter's name alone in a <div> under the headline and
    the deck, no label, no class."""
    html = page(f"<h2>Water supply to be cut for two days in three areas</h2>{block}", "ml")
    result = extract(html_capture(html, "http://127.0.0.1:8000/kerala/kochi/water-cut-2026.html"))
    assert result.author == expected
    if expected:
        assert expected not in (result.text or "")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # the name a header date row carries, no label
        ("<div class='info'>28. 11. 2026 10:25 | Martina Kubátová | Zobrazeno: 2 417×</div>", "Martina Kubátová"),
        # the outlet and its place in a date row are no name
        ("<div class='x-3d'>Northshore Beacon - Fes | Published: 27 November 2026 - 10:05</div>", None),
        # a theme's "by" in a block of its own, the author's page link beside it
        ("<div class='td-post-author-name'><img src='/a.jpg' alt=''><div class='td-author-by'>De</div> <a href='/author/ioana-rus/'>Ioana Rus</a></div>", "Ioana Rus"),
        # a Hong Kong paper's report mark before the byline
        ("<div class='reporter'>【本報訊】記者 陳嘉欣</div>", "陳嘉欣"),
    ],
    ids=["cs-date-row", "outlet-place", "ro-td-author-by", "hk-report-mark"],
)
def test_bylines_in_header_rows_and_theme_blocks(header: str, expected: str | None) -> None:
    assert author_of(header) == expected


def test_a_thai_reported_by_row_under_a_spaced_date_row_is_the_byline() -> None:
    """Thai portals: a row of date, section and views parted by " &nbsp; " (no bar), then
    "รายงานโดย: <name>" (reported by) in a row of its own; neither row is text, the name is the author."""
    header = (
        "<div class='newsinfo'>วันที่ 16 พ.ย. 2569 เวลา 10:15 น. &nbsp; หมวด: สิ่งแวดล้อม &nbsp; อ่าน 1,482 ครั้ง</div>"
        "<div class='newsinfo'>รายงานโดย: ศิริพร แก้วมณี</div>"
    )
    result = extract(html_capture(page(header, "th"), "http://127.0.0.1:8000/news_detail.php?id=20455"))
    assert result.author == "ศิริพร แก้วมณี"
    assert result.published == "2026-11-16"
    assert result.text and "treatment plant" in result.text and "1,482" not in result.text
    assert byline_line("รายงานโดย: ศิริพร แก้วมณี") == "ศิริพร แก้วมณี"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("<div class='ArticleMeta_authors__s2eWd'><span class='ArticleMeta_avatar__Tq0cn'><img src='/a.jpg' width='32'></span><span>Sanne de Wit en Joris Bakker</span></div>", "Sanne de Wit en Joris Bakker"),
        ("<div class='c-authors'><span>Jo Kim &amp; Ana Ruiz</span></div>", "Jo Kim & Ana Ruiz"),
    ],
    ids=["nl-en", "ampersand"],
)
def test_co_authors_in_an_authors_block_without_a_label_are_the_byline(header: str, expected: str) -> None:
    """A React theme's authors row: an avatar and the names joined as printed, no "By" label; the
    metadata may list only the first (or both, as JSON-LD Persons)."""
    assert author_of(header, "nl") == expected


def test_institutions_joined_by_and_in_an_authors_block_are_no_byline() -> None:
    assert person_name("Ministry of Health and Ministry of Finance") is None
    assert person_name("Sanne de Wit en Joris Bakker") == "Sanne de Wit en Joris Bakker"


@pytest.mark.parametrize("name", ["Lotte Van den Broeck", "Jan ter Horst", "Maria della Valle", "Ali bin Hassan"])
def test_names_with_lower_case_particles_are_names(name: str) -> None:
    """Flemish, Dutch, Italian and Arabic names carry particles in lower case between capitals; an
    author link under the headline with a share row beside it gives the name alone."""
    header = (
        f"<div class='sc-byline-0'><div><img src='/a.jpg' width='40'><div><a href='/auteur/x'>{name}</a>"
        "<div class='sc-byline-3'><time datetime='2026-11-20T14:18:00+01:00'>20 november 2026</time></div></div></div>"
        "<div class='sc-share-0'><button>Delen</button><button>Link kopiëren</button></div></div>"
    )
    assert person_name(name) == name
    assert author_of(header, "nl") == name


def test_the_reporters_social_account_after_the_name_is_not_part_of_it() -> None:
    """Argentine and Spanish portals print "Por <strong>Name</strong> <a>@handle</a>" in the author row."""
    header = "<div class='hp-autor'><img src='/autores/x.jpg' width='40'><span>Por <strong>Lucía Ferreyra</strong></span> <a href='https://x.com/luferreyra'>@luferreyra</a></div>"
    assert author_of(header, "es") == "Lucía Ferreyra"
    assert clean_author("Lucía Ferreyra (@luferreyra)") == "Lucía Ferreyra"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Escrito por Rui Fontes", "Rui Fontes"),  # Joomla's "created by" row in Portuguese
        ("Écrit par Marie Dubois", "Marie Dubois"),
        ("Scritto da Paolo Neri", "Paolo Neri"),
        ("ویب ڈیسک", None),  # Urdu "web desk": the outlet's desk, no person
        ("वेब डेस्क", None),
    ],
)
def test_written_by_labels_and_web_desks(line: str, expected: str | None) -> None:
    assert clean_author(line) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Rafael Köhler – Repórter", "Rafael Köhler"),
        ("María López — corresponsal en Lima", "María López"),
        ("Juan Pérez – Madrid", "Juan Pérez – Madrid"),  # a dash and a capitalised word that is no role: kept
    ],
)
def test_a_role_after_a_dash_is_not_part_of_the_name(value: str, expected: str) -> None:
    assert without_place(value) == expected


def test_a_signature_cell_of_name_and_town_gives_the_name() -> None:
    """Spanish regional papers: "<td class=firma>Name<br>Town</td>" beside the date cell; the town,
    capitalised, reads like a name but is where the reporter writes from."""
    header = "<table><tr><td class='firma'>Lucía Ferrer Ortiz<br>Villanueva del Jalón</td><td class='fecha'>20/11/2026 - 13:48 h.</td></tr></table>"
    assert author_of(header, "es") == "Lucía Ferrer Ortiz"
