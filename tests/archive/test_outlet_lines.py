# ruff: noqa: E501  (sample lines are kept whole: they are what outlets print)
"""Outlet lines around a statement, in the forms news sites print them.

Real behaviour each case stands for:
- header rows around the date, split by "|" or "·": "fredag den 20. november 2026 kl. 11.30 ·
  Opdateret kl. 13.02" (Danish), "Dodano: 20.11.2026, 13:40 | Odsłon: 1482" (a view counter,
  Polish), "Zuzana Kováčová | 20. 11. 2026 o 16:45 | Prečítané: 912x" (reporter, date, counter);
- tag and share rows without bars: "Etiketler: eğitim, lise, arıza", "Paylaş: Facebook Twitter
  WhatsApp Linkedin"; they must not be re-joined with the statement's lines either;
- a short note after the closing chrome: "Yorum yapabilmek için giriş yapmalısınız." (log in to
  comment) after tags and share rows, "Diskusia k článku je uzavretá." after a source line;
- a photo caption closed by its credit: "Budynek szpitala przy ul. Kolejowej. Fot. Tomasz Nowicki";
- a breadcrumb kicker and a headline longer than the page's <title> ("Región > Zvolenská Lehota"
  above "Mesto … poplatok za komunálny odpad", <title> "Mesto … poplatok za odpad");
- a desk instead of a person ("নিজস্ব প্রতিবেদক" = staff correspondent, "Staff Reporter");
- single-<br> lines inside one <p>, which is itself the paragraph: full lines join across a full stop.
What must stay: sentences with dates or with "comment", a short closing sentence of the statement,
a comma list inside a sentence, a body line after a photo credit in the middle.
"""

from __future__ import annotations

import pytest

from archive.bylines import bracketed_name_line, byline_line, clean_author
from archive.chromelines import is_comment_counter, is_labelled_list
from archive.credits import is_caption_line
from archive.datelines import is_date_row, is_relative_stamp, is_update_note, name_in_date_row
from archive.linejoin import decide_joins
from archive.textclean import apply_line_rules, drop_title_line

BODY = [
    "The council said on Friday that the indoor pool will close from 1 December until the end of March.",
    "Swimming lessons move to the sports centre in the meantime, and season tickets are extended.",
    "The council apologises for the inconvenience and thanks residents for their patience.",
]


@pytest.mark.parametrize(
    ("line", "languages", "name"),
    [
        ("fredag den 20. november 2026 kl. 11.30 · Opdateret kl. 13.02", ("da",), None),
        ("Dodano: 20.11.2026, 13:40 | Odsłon: 1482", ("pl",), None),
        ("Zuzana Kováčová | 20. 11. 2026 o 16:45 | Prečítané: 912x", ("sk",), "Zuzana Kováčová"),
        # labelled stamps side by side, only spaces between (two <span>s in a Korean CMS's info row)
        ("입력 2026.11.27 14:22 수정 2026.11.27 16:05", ("ko",), None),
        ("Veröffentlicht 20.11.2026 Aktualisiert 21.11.2026", ("de",), None),
        # published and updated stamps parted by a dash (a Belgian Drupal theme's "submitted" row)
        ("Publié le 19/11/2026 à 18h07 - Mis à jour le 20/11/2026 à 08h30", ("fr",), None),
    ],
)
def test_header_rows_around_a_date_go_and_give_their_name(
    line: str, languages: tuple[str, ...], name: str | None
) -> None:
    assert is_date_row(line, languages)
    assert name_in_date_row(line) == name
    text, author = apply_line_rules("\n".join([line, *BODY]), [], languages)
    assert (text.splitlines(), author) == (BODY, name)


def test_a_row_of_a_labelled_byline_a_town_with_its_state_and_a_date_goes_and_gives_the_name() -> None:
    """A Mexican portal's row: "Por:" and the name, the town with its state's abbreviation ("Hgo."),
    the date, the time with "hrs.": abbreviations' stops, not sentence ends; the town is no name."""
    line = "Por: Lucía Méndez Ortega | Tulancingo, Hgo. | Viernes 20 de Noviembre de 2026 | 09:40 hrs."
    assert is_date_row(line, ("es",))
    assert name_in_date_row(line) is None
    text, author = apply_line_rules("\n".join([line, *BODY]), [], ("es",))
    assert (text.splitlines(), author) == (BODY, "Lucía Méndez Ortega")


@pytest.mark.parametrize(
    "line",
    [
        "The council met on 20.11.2026 and decided to close the pool.",  # a sentence
        "20.11.2026 | The council decided to close the pool for four months",  # a long piece
        "Opening hours | Monday | Tuesday",  # no date
        "By 2026 about 14 schools will be rebuilt",  # words before numbers, but no stamps
        "20.11.2026 | The pool closes. | It reopens in March.",  # short sentences as pieces
        "Le 20/11/2026 - la commune ferme deux écoles après la découverte d'amiante",  # a dash, then a sentence
    ],
)
def test_sentences_and_rows_without_a_date_are_not_date_rows(line: str) -> None:
    assert not is_date_row(line, ("en",))


@pytest.mark.parametrize(
    "line",
    [
        "Etiketler: eğitim, lise, arıza",
        "Paylaş: Facebook Twitter WhatsApp Linkedin",
        "Tags: pool, council, sport",
    ],
)
def test_labelled_tag_and_share_rows(line: str) -> None:
    assert is_labelled_list(line)
    text, _ = apply_line_rules("\n".join([*BODY, line]), [])
    assert text.splitlines() == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Wichtig: Die Stadt, der Kreis und das Land zahlen gemeinsam.",
        "The pool, the gym, and the sauna close together",  # no label
    ],
)
def test_sentences_with_lists_are_not_tag_rows(line: str) -> None:
    assert not is_labelled_list(line)


def test_tag_and_share_rows_are_never_joined_with_visual_lines() -> None:
    lines = [
        "The council said on Friday that the indoor pool will",
        "close from 1 December until the end of March while the",
        "boiler and filters are replaced in the plant room.",
        "Etiketler: eğitim, lise, arıza",
        "Paylaş: Facebook Twitter WhatsApp Linkedin",
        "Yorum yapabilmek için giriş yapmalısınız.",
    ]
    joins = decide_joins(lines, [0] * (len(lines) - 1))
    assert joins[2:] == [False, False, False]


def test_a_short_note_after_closing_chrome_goes_but_a_short_last_paragraph_stays() -> None:
    tail = [
        "Etiketler: eğitim, lise, arıza",
        "Paylaş: Facebook Twitter WhatsApp Linkedin",
        "Yorum yapabilmek için giriş yapmalısınız.",
    ]
    text, _ = apply_line_rules("\n".join([*BODY, *tail]), [])
    assert text.splitlines() == BODY
    text, _ = apply_line_rules(
        "\n".join([*BODY, "Zdroj: Mestský úrad Zvolenská Lehota", "Diskusia k článku je uzavretá."]), []
    )
    assert text.splitlines() == BODY
    closing = [*BODY, "Thank you."]
    assert apply_line_rules("\n".join(closing), [])[0].splitlines() == closing


@pytest.mark.parametrize(
    "line",
    [
        "Budynek szpitala przy ul. Kolejowej. Fot. Tomasz Nowicki",
        "Svømmehallen i Bredsten blev bygget i 1978. Foto: Lars Holm",
        "Zberný dvor na Železničnej ulici. Foto: Podpolianske noviny/Michal Baláž",
    ],
)
def test_a_caption_closed_by_its_photo_credit_goes_anywhere(line: str) -> None:
    assert is_caption_line(line)
    lines = [BODY[0], line, *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "line",
    ["The ministry published a photo of the bridge.", "Il sindaco ha detto. Foto: non disponibili per ora"],
)
def test_sentences_about_photos_are_not_captions(line: str) -> None:
    assert not is_caption_line(line)


def test_a_breadcrumb_kicker_and_a_headline_longer_than_the_title_go() -> None:
    lines = ["Región > Zvolenská Lehota", "Mesto Zvolenská Lehota zvyšuje poplatok za komunálny odpad", *BODY]
    assert (
        drop_title_line("\n".join(lines), "Mesto Zvolenská Lehota zvyšuje poplatok za odpad").splitlines()
        == BODY
    )
    # A first paragraph sharing a few words with a short title stays.
    assert drop_title_line("\n".join(BODY), "Pool closes").splitlines() == BODY


@pytest.mark.parametrize("value", ["নিজস্ব প্রতিবেদক; সিলেট", "Staff Reporter", "Haber Merkezi", "Redacción"])
def test_a_desk_is_not_an_author(value: str) -> None:
    assert clean_author(value) is None


@pytest.mark.parametrize(
    ("line", "name"), [("Oprac. Anna Wiśniewska", "Anna Wiśniewska"), ("（文・写真　佐藤健一）", "佐藤健一")]
)
def test_more_byline_labels(line: str, name: str) -> None:
    assert byline_line(line) == name


def test_single_br_lines_of_one_p_join_across_a_full_stop() -> None:
    lines = [
        "Svømmehallen i Bredsten lukker fra mandag den 30. november",
        "og seks uger frem, fordi ventilationsanlægget skal udskiftes.",
        "Anlægget er over 40 år gammelt og kan ikke længere holde",
        "luftfugtigheden nede i hallen.",
    ]
    assert decide_joins(lines, [0, 0, 0], in_paragraph=True) == [True, True, True]
    assert decide_joins(lines, [0, 0, 0]) == [
        True,
        False,
        True,
    ]  # between <p>s: a full stop + capital ends one


def test_short_lines_after_paragraph_wide_lines_are_not_visual_lines() -> None:
    lines = [
        BODY[0] + " " + BODY[1],
        BODY[1] + " " + BODY[2],
        BODY[2] + " " + BODY[0],
        "Zdroj: Mestský úrad Zvolenská Lehota",
        "Zdieľať: Facebook | Poslať e-mailom",
        "Diskusia k článku je uzavretá.",
    ]
    assert decide_joins(lines, [0] * 5) == [False] * 5


@pytest.mark.parametrize(
    "line",
    [
        "Update, 14.10 Uhr: Die Stadt hat die Nummer des Bürgertelefons ergänzt.",
        "Notícia atualizada às 15h20 com a reação da associação.",
        "Laporan dikemas kini pada 11.40 pagi.",
        "기사 수정 2026.11.20 10:00",
        # about the story itself, no clock time: the story named first, then "updated", in the past
        "This story has been updated with comment from Coun. Andrea Lacroix.",
        "Cet article a été mis à jour avec la réaction du maire.",
        "Artykuł został zaktualizowany o komentarz burmistrza.",
        # the story named first, with the time of the update inside the sentence
        "This article was updated at 09:40 on 20 November to include the mayor's response.",
        "Dieser Artikel wurde um 14:10 Uhr aktualisiert.",
        # the UK's Local Democracy Reporting Service note under every story it supplies
        "This article was written by a Local Democracy Reporter under a scheme funded by the BBC and used by news organisations across the UK.",
    ],
)
def test_update_notes_in_their_own_words_go_at_the_end(line: str) -> None:
    """An update note opens with "updated" in the outlet's language and carries a clock time, or
    names the story as updated."""
    assert is_update_note(line)
    assert apply_line_rules("\n".join([*BODY, line]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "line",
    [
        "The ministry updated its guidance at 10:00 on Tuesday.",
        "This story will be updated at 18:00 with the results.",  # a plan, with a time
        "Die Stadt aktualisiert die Liste.",
        "The report will be updated every six months.",  # a plan, not a note
        "The ministry updated the article on its website.",  # someone else's update
        "The report was written by the ombudsman and sent to the council on Monday.",  # the statement's report
    ],
)
def test_sentences_reporting_an_update_are_not_update_notes(line: str) -> None:
    assert not is_update_note(line)


@pytest.mark.parametrize(
    ("line", "counter"),
    [
        ("已有0人参与，点击查看全部评论", True),
        ("Komentarze (0)", True),
        ("댓글 3개", True),
        ("The ministry received 40 comments by Friday.", False),
        ("The minister declined to comment on 12 cases.", False),
    ],
)
def test_comment_counters(line: str, counter: bool) -> None:
    assert is_comment_counter(line) is counter


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("图为市场监管执法人员在一家健身房检查合同。 资料图片", True),
        ("休止が決まった市営温水プール（同市提供）", True),
        ("（记者 王伟 摄）", True),
        # unbracketed: after the caption's sentence, or alone; a reporter's title or a space before "摄"
        ("市民在一家健身房前台咨询办卡事宜。 记者 赵宇 摄", True),
        ("新华社记者 李明 摄", True),
        ("陈晨／摄", True),
        ("大桥夜景。 周雨桐 摄影", True),
        ("市政府表示，将继续提供服务。", False),
        # Japanese captions close with "＝" and when and where the photo was taken
        ("特殊詐欺への注意を呼びかけるチラシを配る署員ら＝27日、岡山市北区の商業施設", True),
        ("会見する市長＝市役所で26日", True),
        ("料金は大人＝500円、子ども＝250円。", False),  # "＝" in a sentence of prices
        ("会场内禁止拍摄", False),  # "filming is not allowed": a sentence ending in the same character
        ("市民在一家健身房前台咨询。会场内禁止拍摄", False),
    ],
)
def test_chinese_and_japanese_caption_marks(line: str, caption: bool) -> None:
    assert is_caption_line(line) is caption


def test_a_persian_rights_notice_at_the_end_goes() -> None:
    notice = "کلیه حقوق این سایت متعلق به روزنامه است."
    assert apply_line_rules("\n".join([*BODY, notice]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("（佐藤美咲）", "佐藤美咲"),
        ("(Jane Roe)", "Jane Roe"),
        ("(AFP)", None),
        ("(2026)", None),
        ("（本报记者）", None),
    ],
)
def test_a_name_alone_in_brackets_closing_the_body(line: str, name: str | None) -> None:
    """Japanese papers sign an article with the reporter's name in brackets on its last line."""
    assert bracketed_name_line(line) == name
    if name is not None:
        text, author = apply_line_rules("\n".join([*BODY, line]), [])
        assert (text.splitlines(), author) == (BODY, name)
        middle = [BODY[0], line, *BODY[1:]]
        assert line in apply_line_rules("\n".join(middle), [])[0].splitlines()


@pytest.mark.parametrize(
    ("value", "name"), [("Na Rehema Mwakalinga; Tanga", "Rehema Mwakalinga"), ("Nadia Roe", "Nadia Roe")]
)
def test_swahili_by_and_a_place_after_a_semicolon_in_author_slots(value: str, name: str) -> None:
    assert clean_author(value) == name


@pytest.mark.parametrize(
    "line",
    [
        "Sehemu ya Soko la Mgandini jijini Tanga. (Picha na Maktaba)",
        "(Photo by Jane Roe)",
        "(Фото из архива)",
        "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter.",
    ],
)
def test_bracketed_photo_credits_and_typo_prompts_go_anywhere(line: str) -> None:
    lines = [BODY[0], line, *BODY[1:]]
    assert apply_line_rules("\n".join(lines), [])[0].splitlines() == BODY


def test_a_sentence_mentioning_a_photo_in_brackets_stays() -> None:
    line = "The photographs (photo 3) show the damage to the roof."
    assert line in apply_line_rules("\n".join([BODY[0], line, *BODY[1:]]), [])[0].splitlines()


@pytest.mark.parametrize(
    "prompts",
    [
        ["Huomasitko virheen?"],
        ["Har du ett tips till redaktionen?", "Uočili ste pogrešku u tekstu?"],
        ["Izvor: Lučka kapetanija Split", "Uočili ste pogrešku u tekstu?"],
    ],
)
def test_short_questions_closing_the_text_are_prompts(prompts: list[str]) -> None:
    """Outlets close articles with typo and tip prompts phrased as questions; a source line
    before them is then the last line, and goes as a credit."""
    assert apply_line_rules("\n".join([*BODY, *prompts]), [])[0].splitlines() == BODY


def test_a_question_inside_the_last_paragraph_stays() -> None:
    closing = "What happens to season tickets now? The council will refund them in full."
    assert apply_line_rules("\n".join([*BODY, closing]), [])[0].splitlines() == [*BODY, closing]


@pytest.mark.parametrize(
    "line", ["Juttua korjattu 28.11. klo 11.02", "Korrigiert um 10:15: Name der Ministerin"]
)
def test_correction_notes_are_update_notes(line: str) -> None:
    assert is_update_note(line)


def test_a_taiwanese_byline_in_tortoise_shell_brackets() -> None:
    assert byline_line("〔記者林佳蓉／花蓮報導〕") == "林佳蓉"


@pytest.mark.parametrize(
    "line",
    [
        "Šī vietne izmanto sīkdatnes.",
        "Ta strona używa plików cookies.",
        "Коментарите се одобруваат од модератор пред да бидат објавени.",
        "Follow us on WhatsApp for the latest news",
        "Реката Вардар кај Велес. Фото: архива",
        "Vir: Varuh človekovih pravic RS",
    ],
)
def test_outlet_notices_corrections_and_short_credits_at_the_end_go(line: str) -> None:
    """Cookie banners, moderation notes, channel promotions, a caption with a one-word credit and a
    source in another language, as outlets print them after the body."""
    assert apply_line_rules("\n".join([*BODY, line]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Report leaks on WhatsApp 0800 555 010 or at the town hall.",
        "The mediator will moderate the talks on Monday.",
        "The council sold the cookie factory.",
        "Correctional services will expand the programme next year.",
        "Corrections officers will be consulted before the plan is adopted.",
    ],
)
def test_statement_lines_with_those_words_stay(line: str) -> None:
    assert apply_line_rules("\n".join([*BODY, line]), [])[0].splitlines() == [*BODY, line]


@pytest.mark.parametrize(
    ("line", "is_list"),
    [
        ("标签：健身、预付卡、消费维权", True),
        ("タグ：防災、除雪、市政", True),
        # a label and a quotation: its clauses are split by commas, but it is a sentence
        ("市场监管局在提示中指出：“消费者应选择证照齐全、信誉良好的经营者，单次充值金额不宜过大；办卡前要认真查看合同条款。”", False),
        ("該局表示：「市民應保留單據、合約，如有糾紛可致電熱線。」", False),
    ],
)
def test_cjk_tag_rows_and_quotations(line: str, is_list: bool) -> None:
    assert is_labelled_list(line) is is_list


@pytest.mark.parametrize(
    ("line", "languages"),
    [
        ("· Atualizado há 3 horas", ("pt",)),  # the clock time before it sat in a <time> element
        ("Updated 2 hours ago", ("en",)),
        ("Zuletzt aktualisiert vor 5 Minuten", ("de",)),
        ("hace 20 minutos", ("es",)),
        ("3小时前", ("zh",)),
        ("Publié il y a 2 jours", ("fr",)),
    ],
)
def test_stamps_counted_from_when_the_page_was_served_go_at_the_edges(line: str, languages: tuple[str, ...]) -> None:
    assert is_relative_stamp(line, languages)
    body = "A ministry statement said the bridge closes on Monday for repairs that take a month."
    assert apply_line_rules(f"{line}\n{body}\n{body}", [], languages)[0] == f"{body}\n{body}"


@pytest.mark.parametrize(
    ("line", "languages"),
    [
        ("In 3 days", ("en",)),  # the future
        ("3 horas", ("pt",)),  # no "ago": a duration
        ("Reading time 3 min", ("en",)),
        ("The council met 3 times", ("en",)),
        ("Hace 20 minutos llegó la policía al lugar.", ("es",)),  # a sentence
    ],
)
def test_durations_futures_and_sentences_are_no_relative_stamps(line: str, languages: tuple[str, ...]) -> None:
    assert not is_relative_stamp(line, languages)


def test_a_byline_line_with_the_outlet_and_place_after_the_name() -> None:
    line = "Por Fernanda Luz e Tiago Moura, Portal Cariri — Juazeiro do Norte"
    assert byline_line(line) == "Fernanda Luz e Tiago Moura"


def test_header_lines_printed_as_list_items_are_read_without_the_list_mark() -> None:
    """A CMS's info row as a <ul> ("<li>입력 …</li><li>수정 …</li><li>댓글 0</li>") comes out of
    trafilatura as "- " lines; the rules read each item, and keep a dialogue dash's line as is."""
    lines = ["- 입력 2026.11.20 14:20", "- 수정 2026.11.20 16:02", "- 댓글 0", *BODY]
    assert apply_line_rules("\n".join(lines), [], ("ko",))[0].splitlines() == BODY
    dialogue = [*BODY[:2], "- We will reopen in spring, the manager said.", BODY[2]]
    assert apply_line_rules("\n".join(dialogue), [], ("en",))[0].splitlines() == dialogue



@pytest.mark.parametrize(
    ("line", "languages"),
    [
        ("2026年11月27日 19時42分 更新", ("ja",)),  # the label after the date
        ("27.11.2026 aktualisiert", ("de",)),
    ],
)
def test_a_date_line_with_its_label_after_the_date_goes_at_the_edges(line: str, languages: tuple[str, ...]) -> None:
    assert apply_line_rules("\n".join([line, *BODY]), [], languages)[0].splitlines() == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Nejdůležitější zprávy dne každé ráno do e-mailu. Přihlaste se k odběru newsletteru.",
        "Sign up for our morning newsletter and get the day's news in your inbox.",
        "Abonnez-vous à notre infolettre gratuite.",
        "뉴스레터 구독하고 매일 아침 이메일로 받아보세요",
    ],
)
def test_newsletter_promotions_at_the_end_go(line: str) -> None:
    assert apply_line_rules("\n".join([*BODY, line]), [])[0].splitlines() == BODY


@pytest.mark.parametrize(
    "line",
    [
        "The decree was published in the official bulletin on Friday and sent to mayors by e-mail.",
        "Residents can read the council's newsletter at the town hall.",
    ],
)
def test_sentences_about_bulletins_and_newsletters_stay(line: str) -> None:
    assert apply_line_rules("\n".join([*BODY, line]), [])[0].splitlines() == [*BODY, line]


@pytest.mark.parametrize(
    "note",
    [
        "Güncelleme notu: Haberin ilk versiyonunda etkilenen mahalle sayısı iki olarak yer almıştı.",
        "Update: The ministry replied on Friday after this story was published.",
        "Editor's note: This story was first published in 2019 and has been updated.",
        "Nota de la redacción: se corrigió la fecha de la audiencia.",
    ],
)
def test_labelled_update_and_editors_notes_at_the_end_go(note: str) -> None:
    assert apply_line_rules("\n".join([*BODY, note]), [])[0].splitlines() == BODY


def test_an_update_word_opening_a_sentence_stays() -> None:
    line = "Update of the flood plan: the council will vote on it in June, the mayor said."
    assert apply_line_rules("\n".join([*BODY, line]), [])[0].splitlines() == [*BODY, line]


@pytest.mark.parametrize("value", ["डिजिटल डेस्क", "Digital Desk", "Sports Desk", "नर्मदा टाइम्स न्यूज़ नेटवर्क", "Capital Bureau"])
def test_desks_and_news_networks_are_not_authors(value: str) -> None:
    assert clean_author(value) is None


@pytest.mark.parametrize(
    ("line", "languages"),
    [
        # the &nbsp; between the dateline and its counter went with the HTML
        ("วันศุกร์ที่ 27 พฤศจิกายน 2569 เวลา 16:20 น. อ่าน 2,814 ครั้ง", ("th",)),
        ("Sonntag, 29. November 2026, 09:14 Uhr 1.204 Aufrufe", ("de",)),
    ],
)
def test_a_dateline_run_on_into_its_view_counter_goes_at_the_edges(line: str, languages: tuple[str, ...]) -> None:
    assert apply_line_rules("\n".join([line, *BODY]), [], languages)[0].splitlines() == BODY


def test_a_sentence_with_a_time_and_a_number_after_it_stays() -> None:
    line = "The ferry leaves at 16:20 and carries 2,814 passengers a week, the council said."
    assert apply_line_rules("\n".join([line, *BODY]), [], ("en",))[0].splitlines() == [line, *BODY]


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("ዘጋቢ፡ ሰላማዊት ታደሰ", "ሰላማዊት ታደሰ"),  # the Ethiopic wordspace after the label
        ("Nina Jose Ramon Dizon at Katrina Malonzo", "Jose Ramon Dizon at Katrina Malonzo"),  # Tagalog "by" for two
    ],
)
def test_labels_commas_and_by_words_of_more_scripts(value: str, name: str) -> None:
    assert clean_author(value) == name


def test_the_arabic_comma_before_a_bylines_place() -> None:
    from archive.bylines import without_place

    assert without_place("محمد عرفان، لاہور") == "محمد عرفان"


@pytest.mark.parametrize(
    ("line", "languages", "author"),
    [
        ("2026年11月28日 06時00分\u3000（大西真理子）", ("ja",), "大西真理子"),
        ("วันพุธที่ 25 พ.ย. 2569 เวลา 16:20 น. ผู้สื่อข่าว: ธนพล แก้วมณี", ("th",), "ธนพล แก้วมณี"),
        ("20.11.2026 Autor: Jan Novák", ("cs",), "Jan Novák"),
        ("（北見支局）", ("ja",), None),  # a bureau, not a person
    ],
)
def test_a_header_row_of_a_date_and_the_reporter_goes_and_names_the_author(
    line: str, languages: tuple[str, ...], author: str | None
) -> None:
    """Japanese papers print "date time　（reporter）" under the headline, or the bureau alone in
    brackets; Thai portals "date เวลา … น. ผู้สื่อข่าว: name" (reporter: …), no separator between."""
    text, found = apply_line_rules("\n".join([line, *BODY]), [], languages)
    assert (text.splitlines(), found) == (BODY, author)


@pytest.mark.parametrize(
    "line",
    ["Freitag, 20.11.2026 Ort: Rathaus Nord", "Sitzung am 20.11.2026 (öffentlich)", "20.11.2026 Hinweis: Die Sitzung ist öffentlich."],
)
def test_a_date_with_a_place_or_a_note_after_it_is_no_byline(line: str) -> None:
    text, found = apply_line_rules("\n".join([*BODY[:2], line, BODY[2]]), [], ("de",))
    assert found is None and line in text.splitlines()


def test_a_dateline_in_bengali_digits_is_read() -> None:
    """Bengali papers print the date in Bengali digits ("শেষ আপডেট: ২৭ নভেম্বর ২০২৬ ০৭:৩০" = last
    updated 27 November 2026 07:30)."""
    from archive.datelines import date_in_line

    found = date_in_line("শেষ আপডেট: ২৭ নভেম্বর ২০২৬ ০৭:৩০", ("bn",))
    assert found is not None and found.strftime("%Y-%m-%d %H:%M") == "2026-11-27 07:30"
    html = (
        "<html lang='bn'><head><title>বিদ্যুতের মাসুল অপরিবর্তিত</title></head><body><h1>বিদ্যুতের মাসুল অপরিবর্তিত</h1>"
        "<div class='byline'><span>নিজস্ব সংবাদদাতা</span> | <span>কলকাতা</span> | <span class='time'>শেষ আপডেট: ১৮ নভেম্বর ২০২৬ ০৭:৩০</span></div>"
        + "".join(f"<p>রাজ্য বিদ্যুৎ নিয়ন্ত্রক কমিশন বৃহস্পতিবার জানিয়েছে যে গৃহস্থ গ্রাহকদের মাসুল আগামী বছরও অপরিবর্তিত থাকবে, অনুচ্ছেদ {n}।</p>" for n in range(4))
        + "</body></html>"
    )
    from archive.extract import extract
    from tests.archive.captures import html_capture

    result = extract(html_capture(html, "http://127.0.0.1:8000/kolkata/2026/11/tariff.html"))
    assert result.published == "2026-11-18" and result.author is None


@pytest.mark.parametrize(
    ("line", "day"),
    [("الجمعة 27 نونبر 2026 - 17:25", "2026-11-27"), ("3 غشت 2026", "2026-08-03"), ("الخميس 5 ماي 2026", "2026-05-05")],
)
def test_maghrebi_month_names_are_read(line: str, day: str) -> None:
    """Moroccan, Algerian and Tunisian outlets name the months after the French ones (نونبر, غشت,
    ماي), which dateparser's Arabic lacks."""
    from archive.datelines import date_in_line

    found = date_in_line(line, ("ar",))
    assert found is not None and found.strftime("%Y-%m-%d") == day


def test_a_byline_label_and_its_name_on_two_lines_at_the_top_are_one_byline() -> None:
    """A Polish portal's info row: "<img> Autor: <b>Name</b><br>Dodano: …"; the bold name comes out
    on a line of its own under the label."""
    body = [
        "Urząd Miejski ogłosił w piątek po południu drugi stopień zagrożenia smogowego, a średnie dobowe stężenie pyłu PM10 przekroczyło 150 mikrogramów.",
        "Od soboty autobusy komunikacji miejskiej będą bezpłatne, a Straż Miejska zapowiada wzmożone kontrole palenisk w domach jednorodzinnych w całym mieście.",
        "Synoptycy przewidują, że poprawa jakości powietrza nastąpi dopiero w poniedziałek, gdy napłynie cieplejsze i bardziej wilgotne powietrze znad Atlantyku.",
    ]
    text, author = apply_line_rules("\n".join(["Autor:", "Karolina Nowicka", "Dodano: 27.11.2026 r., godz. 16:48", *body]), [], ("pl",))
    assert (text.splitlines(), author) == (body, "Karolina Nowicka")


JA_BODY = [
    "奥山市は２０日、市内全域を対象にクマ出没警報を発令した。警報の発令は制度ができてから初めてで、市は早朝と夕方の外出を控えるよう求めている。",
    "市によると、１９日夜には本町の商店街でクマ１頭が防犯カメラに映っていた。けが人は出ていない。",
]


@pytest.mark.parametrize(
    ("closing", "author"),
    [
        ("市長は「市民の安全を最優先に対策を進める」と述べた。（佐藤美穂）", "佐藤美穂"),
        ("市长表示，将全力做好防范工作。（记者 李华）", "李华"),
        ("市長は「対策に全力を挙げる」と述べた。（共同）", None),  # a wire agency's mark
        ("市長は「対策に全力を挙げる」と述べた。（北見支局）", None),  # a bureau's mark
    ],
    ids=["ja-name", "zh-labelled", "ja-agency", "ja-bureau"],
)
def test_a_bracketed_signature_closing_the_last_paragraph_leaves_it(closing: str, author: str | None) -> None:
    """Japanese and Chinese papers sign inside the last paragraph, after its last full stop."""
    text, found = apply_line_rules("\n".join([*JA_BODY, closing]), [], ("ja",))
    assert text.splitlines() == [*JA_BODY, closing[: closing.rindex("。") + 1]]
    assert found == author


@pytest.mark.parametrize("closing", ["市は「対策を進める」と説明した。（詳細は市のホームページで）", "市は対策を進めると説明した。（２０日）"])
def test_other_brackets_closing_the_last_paragraph_stay(closing: str) -> None:
    assert apply_line_rules("\n".join([*JA_BODY, closing]), [], ("ja",))[0].splitlines()[-1] == closing
