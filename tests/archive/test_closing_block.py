# ruff: noqa: E501  (sample lines are kept whole: they are what outlets print)
"""The outlet's closing block under a statement, and the lines around the headline.

Real behaviour these cases stand for: outlets end an article with a block of their own, several
short lines in a row: a source or credit line ("Izvor: …", "Ffynhonnell: datganiad i'r wasg …",
"Lähde: …"), a publication or correction stamp with its time, then prompts and promotions in any
wording ("Za komentiranje morate biti prijavljeni.", "Join our WhatsApp channel", "Spotted a
mistake? Tell us."). Rules that know one line only at the text's very end miss the block; the block
is read from its first known line down. A prompt phrased as a question plus a request goes after
other outlet lines were dropped. Above the headline, a kicker set in capitals may be long
("STATEMENT FROM THE HARBOUR MASTER"). Dates at the edges are read in every language when the
page's own does not read them (dateparser's data for a language can lack a form).
What must stay: a place dateline with short paragraphs after it ("Geneva, 18 September 2026"), a
statement's own closing question and answer, a long last paragraph under a source line.
"""

from __future__ import annotations

import pytest

from archive.textclean import apply_line_rules, drop_title_line

BODY = [
    "The harbour master said on Sunday that all catamaran lines to the islands are suspended until the wind drops.",
    "Ferries to the two nearest islands keep sailing, but passengers should expect delays of up to two hours.",
    "Small boats may not leave port anywhere in the county until further notice, the statement added.",
]


@pytest.mark.parametrize(
    "block",
    [
        ["Izvor: Lučka kapetanija Split", "Komentiraj članak. Za komentiranje morate biti prijavljeni.",
         "Uočili ste pogrešku u tekstu? Javite nam"],
        ["Ffynhonnell: datganiad i'r wasg gan y bwrdd iechyd", "Wedi gweld camgymeriad? Rhowch wybod i'r golygydd."],
        ["Source: press office of the county council", "Join our channel for the latest news",
         "Spotted a mistake? Tell us"],
        ["Апублікавана: 26.11.2026, 09:12", "Падпісвайцеся на наш канал"],
        ["Published: 25 November 2026, 06:40 PM", "Follow us for more local news", "Found an error? Let us know"],
        ["© 2026 Harbour Daily. All rights reserved.", "Comments are switched off for this article"],
        ["Juttua korjattu 28.11. klo 11.02: korjattu remontin kustannusarvio.", "Huomasitko virheen? Ilmoita siitä."],
    ],
)
def test_the_closing_block_goes_from_its_first_known_line_down(block: list[str]) -> None:
    assert apply_line_rules("\n".join([*BODY, *block]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "ending",
    [
        # a place dateline, then the statement's short closing lines
        ["Geneva, 18 September 2026", "The office will publish its report in January.", "Media: press desk."],
        # a statement's own closing question and answer, with no outlet line above it
        ["What happens to season tickets now? The council will refund them in full."],
        # a long paragraph under a source line is the statement, not a prompt
        ["Source: harbour master", "The harbour master also reminded owners of moored boats to check their "
         "lines twice a day, because gusts of more than a hundred kilometres an hour are forecast for the night."],
    ],
)
def test_closing_lines_that_are_the_statements_own_stay(ending: list[str]) -> None:
    text = apply_line_rules("\n".join([*BODY, *ending]), [])[0]
    assert ending[-1] in text
    assert text.splitlines()[: len(BODY)] == BODY


@pytest.mark.parametrize(
    "kicker", ["PRIOPĆENJE LUČKE KAPETANIJE", "STATEMENT FROM THE HARBOUR MASTER", "ЗАЯВА МІНІСТЕРСТВА"]
)
def test_a_capitals_kicker_above_the_headline_goes_with_it(kicker: str) -> None:
    title = "Catamaran lines suspended as the wind strengthens"
    text = "\n".join([kicker, title, *BODY])
    assert drop_title_line(text, title).splitlines() == BODY


def test_a_sentence_in_capitals_above_the_headline_is_not_a_kicker() -> None:
    title = "Catamaran lines suspended as the wind strengthens"
    text = "\n".join(["ALL LINES ARE SUSPENDED.", title, *BODY])
    assert drop_title_line(text, title) == text


@pytest.mark.parametrize(
    ("line", "languages"),
    [
        ("Venres, 27 de novembro de 2026", ("gl",)),  # the page's language does not read it
        ("Publicat: 27 de novembre de 2026", ("ca",)),
        ("27 November 2026", ("en",)),
    ],
)
def test_a_date_line_at_the_edge_goes_whatever_language_reads_it(line: str, languages: tuple[str, ...]) -> None:
    assert apply_line_rules("\n".join([line, *BODY]), [], languages)[0].splitlines() == BODY


@pytest.mark.parametrize(
    "promotion",
    [
        "Download our app for breaking news!",
        "Laden Sie die App herunter",
        "Baixe o aplicativo e receba as notícias no celular",
        "ताज़ा खबरों के लिए हमारा ऐप डाउनलोड करें",
        "앱 다운로드하고 속보 받기",
    ],
)
def test_an_app_promotion_at_the_end_goes(promotion: str) -> None:
    assert apply_line_rules("\n".join([*BODY, promotion]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "sentence",
    ["Residents can report leaks in the harbour app.", "The office will download the data from the app and publish it."],
)
def test_a_sentence_about_an_app_stays(sentence: str) -> None:
    assert apply_line_rules("\n".join([*BODY, sentence]), [])[0].splitlines() == [*BODY, sentence]


@pytest.mark.parametrize(
    "notice",
    [
        "Всички права запазени.", "ყველა უფლება დაცულია", "Tots els drets reservats", "Перепечатка запрещена без ссылки на источник",
        "მასალის გამოყენება რედაქციის თანხმობის გარეშე აკრძალულია.",
        "Использование материалов без согласия редакции запрещено.",
    ],
)
def test_rights_notices_in_more_languages_go(notice: str) -> None:
    assert apply_line_rules("\n".join([*BODY, notice]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "tail",
    [
        ["Ämnen: Brand · Länsstyrelsen · Timrå", "Har du ett tips till redaktionen? Mejla tips@paper.example"],
        ["Tags: harbour, ferries, weather", "Seen something? Write to news@harbour.example today"],
    ],
)
def test_a_question_and_request_after_dropped_outlet_lines_goes(tail: list[str]) -> None:
    assert apply_line_rules("\n".join([*BODY, *tail]), [])[0].splitlines() == BODY


@pytest.mark.parametrize("heading", ["网友评论", "Kommentare (3)", "Comments", "댓글"])
def test_a_comment_heading_opens_the_closing_block(heading: str) -> None:
    rules = "Please keep to the rules and be civil."
    assert apply_line_rules("\n".join([*BODY, heading, rules]), [])[0].splitlines() == BODY


@pytest.mark.parametrize("label", ["Publicerad:", "Aktualisiert:", "发布："])
def test_a_lone_header_label_opening_the_text_goes(label: str) -> None:
    assert apply_line_rules("\n".join([label, *BODY]), [])[0].splitlines() == BODY


def test_a_one_word_line_inside_the_text_stays() -> None:
    lines = [BODY[0], "Background", *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == lines


@pytest.mark.parametrize("heading", ["Claim", "Background", "Photos"])
def test_a_lone_word_without_a_colon_opening_the_text_stays(heading: str) -> None:
    """A fact check opens its body with "Claim"; a gallery story with "Photos": headings, not labels."""
    assert apply_line_rules("\n".join([heading, *BODY]), [])[0].splitlines() == [heading, *BODY]


def test_a_cjk_sentence_about_an_app_store_stays() -> None:
    sentence = "改造すれば、App Storeにない非公式アプリをダウンロードして利用することもできるとのことです。"
    assert apply_line_rules("\n".join([*BODY, sentence]), [])[0].splitlines() == [*BODY, sentence]


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Uncollected sacks in a back lane last week", "Picture: Reader's own"),
        ("Die gesperrte Brücke am Montagmorgen", "Foto: Stadtarchiv"),
        ("Ο νέος σταθμός λεωφορείων στο κέντρο", "Φωτογραφία: Δήμος"),
    ],
)
def test_a_caption_right_above_its_photo_credit_goes_with_it(caption: str, credit: str) -> None:
    lines = [BODY[0], caption, credit, *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == BODY


def test_a_sentence_above_a_photo_credit_stays() -> None:
    sentence = "The harbour master inspected the damaged pier on Sunday."
    lines = [BODY[0], sentence, "Photo: Harbour Authority", *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == [BODY[0], sentence, *BODY[1:]]


@pytest.mark.parametrize(
    "notice",
    [
        "Nous respectons votre vie privée. Nous et nos partenaires utilisons des cookies pour mesurer l'audience.",
        "Wir und unsere Partner verwenden Cookies, um Werbung zu personalisieren.",
        "We and our partners use cookies to personalise advertising",
    ],
)
def test_a_cookie_notice_naming_privacy_or_partners_goes(notice: str) -> None:
    assert apply_line_rules("\n".join([notice, *BODY]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "note",
    [
        "【訂正】当初、件数を「78件」としていましたが「87件」の誤りでした。（11月18日 21時10分）",
        "【更正】本文中的数字有误，现已更正。（11月18日 21时10分）",
        "[정정] 기사 속 수치를 바로잡았습니다. (11월 18일 21시 10분)",
    ],
)
def test_a_correction_note_with_a_cjk_clock_time_goes(note: str) -> None:
    assert apply_line_rules("\n".join([*BODY, note]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "section",
    [
        ["Diskusia (4)", "jozef_pb (27.11.2026 14:12)", "Konečne niekto kontroluje tie stánky.", "Marta (27.11.2026 15:40)",
         "A kde je ten zoznam? Link by sa zišiel a ušetril by veľa hľadania každému rodičovi, ktorý nakupuje hračky na poslednú chvíľu pred sviatkami."],
        ["Comentarios de los lectores", "Los comentarios publicados son de exclusiva responsabilidad de sus autores. El diario se reserva el derecho de eliminar aquellos que resulten ofensivos o discriminatorios.",
         "Otras noticias de Locales"],
        ["网友评论", "请遵守互联网相关规定，文明发言。"],
        ["Reader comments (12)", "Sign in to comment"],
        # Portuguese spells the word with an accent: "Comentários", not "Comentarios"
        ["Comentários (2)", "Os comentários são da exclusiva responsabilidade dos seus autores."],
        # a Greek portal's comment box, then its right column's widgets in the same table
        ["Σχόλια", "Τα σχόλια δημοσιεύονται μετά από έγκριση. Ο Παλμός δεν ευθύνεται για τις απόψεις των αναγνωστών.",
         "Καιρός", "Ιωάννινα: 9°C, βροχή"],
    ],
)
def test_the_comment_section_goes_from_its_heading_down(section: list[str]) -> None:
    assert apply_line_rules("\n".join([*BODY, *section]), [])[0].splitlines() == BODY


def test_a_comment_heading_in_the_first_half_stays() -> None:
    """"Comments" opening a statement's section on public comments is the statement's heading."""
    lines = [BODY[0], "Comments", *BODY[1:], "The consultation closes on 12 December."]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == lines


@pytest.mark.parametrize("label", ["Advertisement", "Anzeige", "Iklan", "- Publicidad -", "광고", "ADVERTISING"])
def test_an_ad_slots_label_goes_anywhere(label: str) -> None:
    lines = [BODY[0], label, *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == BODY


def test_a_sentence_about_advertising_stays() -> None:
    lines = [BODY[0], "Advertising on the ferries will be banned from next year.", *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == lines


@pytest.mark.parametrize(
    "note",
    ["Mise à jour, 13 h 02 : Ce texte a été modifié pour préciser le nombre de résidences.", "Mis à jour à 9h15 : ajout de la réaction du maire"],
)
def test_an_update_note_with_a_spaced_clock_goes(note: str) -> None:
    assert apply_line_rules("\n".join([*BODY, note]), [])[0].splitlines() == BODY


def test_the_headline_repeated_under_the_text_goes() -> None:
    title = "Catamaran lines suspended as the wind strengthens"
    assert drop_title_line("\n".join([*BODY, title]), title).splitlines() == BODY
    longer = "Catamaran lines suspended as the wind strengthens, the harbour master said."
    assert drop_title_line("\n".join([*BODY, longer]), title).splitlines() == [*BODY, longer]


@pytest.mark.parametrize("label", ["글자크기", "字級：小 中 大", "Drucken", "Print", "Schriftgröße: A- A+", "글자크기 ＋ －"])
def test_article_tool_labels_go(label: str) -> None:
    lines = [BODY[0], label, *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == BODY


def test_a_sentence_about_print_stays() -> None:
    lines = [BODY[0], "Print editions will carry the full statement on Monday.", *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == lines


@pytest.mark.parametrize("counter", ["เปิดอ่าน 1,284 ครั้ง", "1 284 views", "Прочитано: 2 318", "조회 1,284", "Odsłon: 1843"])
def test_a_view_counter_goes(counter: str) -> None:
    lines = [BODY[0], counter, *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == BODY


@pytest.mark.parametrize("line", ["Lido di Venezia 2026", "The page had 1,284 views by Monday evening."])
def test_lines_with_a_number_that_are_not_counters_stay(line: str) -> None:
    lines = [BODY[0], line, *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == lines


def test_a_hungarian_comment_prompt_under_the_comment_heading_goes() -> None:
    section = ["Hozzászólások (2)", "Hozzászólás írásához be kell jelentkeznie."]
    assert apply_line_rules("\n".join([*BODY, *section]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "offer",
    ["Soutenez une information locale indépendante : 1 € le premier mois.", "Subscribe for $1 a week", "Jetzt abonnieren: 4 Wochen für 0,99 €"],
)
def test_a_subscription_offer_at_the_end_goes(offer: str) -> None:
    assert apply_line_rules("\n".join([*BODY, offer]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "line",
    [
        "The harbour will subscribe to the regional warning scheme.",
        "Mooring fees rise to €12 a month.",
        "The council added that a £15 garden waste credit would be applied to the accounts of subscribers.",
    ],
)
def test_sentences_about_subscriptions_or_prices_stay(line: str) -> None:
    assert apply_line_rules("\n".join([*BODY, line]), [])[0].splitlines() == [*BODY, line]


@pytest.mark.parametrize(
    "caption", ["창원시 한 아파트 단지 전경. /경남매일뉴스 DB", "Sala de estudio, en una imagen de archivo. / DIARI DE LA PLANA"]
)
def test_a_caption_closed_by_a_slash_credit_goes(caption: str) -> None:
    lines = [BODY[0], caption, *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "note",
    [
        "Correction: an earlier version of this story gave the wrong publication date.",
        "Correctie: in een eerdere versie van dit artikel stond dat de boete 150 euro bedraagt. Dat is 100 euro.",
        "Leiðrétting: Í fyrri útgáfu var rangt farið með nafn sveitarinnar.",
        "*Popravek: V prvotni različici je bilo napačno navedeno število.",
        "【訂正】当初、件数を誤って掲載しました。",
        "திருத்தம்: முந்தைய பதிப்பில் எண்ணிக்கை தவறாகக் குறிப்பிடப்பட்டிருந்தது.",
        "Helyesbítés: cikkünk korábbi változatában tévesen szerepelt a dátum.",
        "Pagtatama: Mali ang petsang nakasaad sa naunang bersyon ng artikulong ito.",
        # the day it was made between the label and the colon
        "Correctie 27 november: in een eerdere versie van dit artikel stond dat het bad in 1971 werd geopend.",
        "Correction, 12 March 2026: an earlier version gave the wrong figure.",
        "Update 27.11.2026, 14:05: the ministry replied after publication.",
        "Mise à jour vendredi 27 novembre, 8 h : la D 135 a été rouverte à la circulation dans la nuit.",
    ],
)
def test_a_labelled_correction_note_at_the_end_goes(note: str) -> None:
    """The outlet's note on a correction it made; the corrected text is what a re-crawl sees change
    (tests/test_redis_incremental.py edits the body and appends such a note)."""
    assert apply_line_rules("\n".join([*BODY, note]), [])[0].splitlines() == BODY


def test_a_correction_word_inside_a_sentence_stays() -> None:
    line = "The correction of the figures was welcomed by the opposition on Friday."
    assert apply_line_rules("\n".join([*BODY, line]), [])[0].splitlines() == [*BODY, line]


def test_a_long_rights_notice_opening_with_the_sign_goes() -> None:
    notice = (
        "Copyright © 2026 The Harbour Tribune. All rights reserved. This material may not be published, "
        "broadcast, rewritten or redistributed."
    )
    assert apply_line_rules("\n".join([*BODY, notice]), [])[0].splitlines() == BODY


def test_a_long_sentence_mentioning_copyright_stays() -> None:
    line = (
        "The ministry said the copyright on the harbour maps, which were drawn in 1904 by the port's first "
        "engineer, has expired and that they may now be reused freely by anyone © free."
    )
    assert apply_line_rules("\n".join([*BODY, line]), [])[0].splitlines() == [*BODY, line]


@pytest.mark.parametrize(
    "caption", ["Foto: archivo La Crónica. Vereda de Génova, Quindío.", "Photo: Harbour Authority. The damaged pier on Sunday."]
)
def test_a_caption_opening_with_its_credit_goes(caption: str) -> None:
    lines = [BODY[0], caption, *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == BODY


def test_an_update_note_marked_off_with_an_asterisk_goes() -> None:
    note = "*Artikel ini dikemas kini pada 4.30 petang dengan maklumat tambahan daripada MBKK."
    assert apply_line_rules("\n".join([*BODY, note]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "quote",
    ["市场监管局有关负责人表示：“对于情节严重的经营者，我们将依法从重处罚。”", "The harbour master said: “Nobody sails until the wind drops.”"],
)
def test_a_quoted_sentence_above_a_photo_credit_is_not_a_caption(quote: str) -> None:
    """A sentence closed inside its quotation marks ends a sentence; the photo's credit under the
    next image does not make it a caption."""
    lines = [BODY[0], quote, "图／江州市市场监管局", *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == [BODY[0], quote, *BODY[1:]]



@pytest.mark.parametrize(
    "line",
    ["*Com informações da Secretaria Municipal de Saúde de Goiânia", "With reporting by Reuters", "Con información de EFE"],
)
def test_a_with_information_from_credit_closing_the_text_goes(line: str) -> None:
    assert apply_line_rules("\n".join([*BODY, line]), [])[0].splitlines() == BODY


@pytest.mark.parametrize("label", ["Publicerad", "Zuletzt aktualisiert", "Published"])
def test_a_publication_word_alone_opening_the_text_goes(label: str) -> None:
    """"Publicerad <time>…</time>": the date went with its element, the word stayed."""
    assert apply_line_rules("\n".join([label, *BODY]), [])[0].splitlines() == BODY


def test_a_one_word_heading_opening_the_text_stays() -> None:
    assert apply_line_rules("\n".join(["Background", *BODY]), [])[0].splitlines() == ["Background", *BODY]


def test_a_long_copyright_notice_closing_the_text_goes() -> None:
    notice = (
        "Copyright 2026 The Lagos Sentinel. All rights reserved. This material, and other digital content on this "
        "website, may not be reproduced, published, broadcast, rewritten or redistributed in whole or in part without "
        "prior express written permission."
    )
    assert apply_line_rules("\n".join([*BODY, notice]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "tail",
    [
        ["Annonce", "Nyhedsbrev", "Få dagens vigtigste nyheder fra Thy og Mors direkte i din indbakke."],
        ["Newsletter", "Get the day's top stories from the valley straight to your inbox."],
    ],
)
def test_a_side_columns_ad_and_newsletter_boxes_close_the_text(tail: list[str]) -> None:
    """An old table layout's right column comes after the body: an ad slot's label, then a
    newsletter box's heading and its line."""
    assert apply_line_rules("\n".join([*BODY, *tail]), [])[0].splitlines() == BODY


def test_an_iranian_agencys_end_of_message_mark_goes() -> None:
    assert apply_line_rules("\n".join([*BODY, "انتهای پیام/"]), [])[0].splitlines() == BODY


def test_a_byline_in_the_closing_block_names_the_author() -> None:
    """Czech regional papers sign the article under the text ("Autor: Tomáš Hájek" in italics), then
    the share row and "Diskuse k článku je uzavřena.": the block goes, and the signature is the author."""
    lines = [*BODY, "Autor: Tomáš Hájek", "Sdílet: Facebook | Twitter | Poslat e-mailem | Tisk", "Diskuse k článku je uzavřena."]
    text, author = apply_line_rules("\n".join(lines), [], ("cs",))
    assert text.splitlines() == BODY and author == "Tomáš Hájek"
