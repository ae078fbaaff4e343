# ruff: noqa: E501  (HTML fixtures read best on one line)
"""Reader-interaction boxes (comment forms, sign-up boxes, comment sections) leave the page.

Real behaviour each fixture stands for:
- Comment forms under or inside the article body: a heading ("अपनी राय दें", "Tulis Komentar",
  "أضف تعليقك", "Γράψτε το σχόλιό σας"), a disclaimer sentence, a <textarea>, name/e-mail
  inputs and a submit button. Outlets name the box semantically in their language
  ("tippani-box", "sxolia-forma"), generically from a CSS build ("c-x12"), or not at all.
- Newsletter sign-up boxes dropped between two paragraphs of the body: a bold or heading line
  ("Підпишіться на нашу розсилку", "Recibe el boletín", "Morgenbrief"), one sentence, an
  <input type="email"> and a button; sometimes a consent checkbox with its label; sometimes
  the box holds loose text instead of paragraphs.
- Comment sections without a form (the form is loaded by script, or closed): a heading, the
  outlet's disclaimer and "no comments yet", in a container named with the singular or a
  language's own word: class "komentar" (Indonesian), id "komentarze" (Polish), class
  "yorum-alani" (Turkish, appended by a plugin inside the body container), class
  "bloc-commentaire" (French).
- What must stay: a Czech opinion column whose body container is named "komentar" (it IS the
  article; the page's teasers carry paragraphs too, sometimes more paragraph text than the column); a short body with a reader poll (radio
  buttons and a "vote" button) between its paragraphs, whose paragraphs are short enough that
  the whole body would pass for a widget; a long paragraph standing next to a small form.

Every fixture is checked three ways: `remove_reader_boxes` removes something; the page
extracted by `archive.extract.extract` after it keeps every body paragraph and none of the
box's strings; and plain trafilatura (our options) on the untouched page does keep some box
string, so the fixture is a real case and not one trafilatura already handles.
"""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
import trafilatura

from archive.extract import TRAFILATURA_OPTIONS, extract
from archive.model import Capture
from archive.phrasing import wrap_loose_text
from archive.readerboxes import form_box, remove_reader_boxes
from tests.archive.captures import html_capture

HI = [
    "राज्य सरकार ने मंगलवार को घोषणा की कि जिले के सभी सरकारी विद्यालयों में अगले सत्र से दोपहर का भोजन नए रसोईघरों में बनेगा।",
    "शिक्षा विभाग के अनुसार पहले चरण में एक सौ बीस विद्यालयों को चुना गया है और बाकी विद्यालय मार्च तक जोड़े जाएंगे।",
]
ID = [
    "Pemerintah kota menutup sementara Jembatan Merah mulai Senin depan karena perbaikan sambungan baja di bagian tengah.",
    "Kendaraan roda empat dialihkan melalui Jalan Pahlawan, sedangkan pejalan kaki masih dapat melintas di sisi utara.",
]
AR = [
    "أعلنت وزارة الصحة أن حملة التطعيم الموسمية ستبدأ الأسبوع المقبل في جميع المراكز الصحية بالمحافظة.",
    "وأوضحت الوزارة أن الأولوية ستكون لكبار السن والعاملين في القطاع الصحي، على أن تتوسع الحملة لاحقا.",
    "ودعت الوزارة المواطنين إلى حمل بطاقات الهوية عند التوجه إلى المراكز، وإلى الالتزام بالمواعيد المحددة.",
]
EL = [
    "Ο δήμος ανακοίνωσε ότι η κεντρική αγορά θα λειτουργεί και τις Κυριακές του Δεκεμβρίου, από τις δέκα το πρωί έως τις έξι.",
    "Σύμφωνα με την ανακοίνωση, θα ενισχυθούν και τα δρομολόγια των λεωφορείων προς το κέντρο της πόλης τις ημέρες αυτές.",
]
UK = [
    "Міська рада затвердила план ремонту трьох шкіл у Подільському районі, роботи мають завершитися до першого вересня.",
    "Під час ремонту учні навчатимуться в сусідніх закладах за змішаним розкладом, повідомили в управлінні освіти.",
    "Загальна вартість робіт становить сорок два мільйони гривень, з них половину покриє державна субвенція.",
]
ES = [
    "El ayuntamiento abrirá el nuevo centro de salud del barrio de San Roque el próximo lunes, con horario de mañana y tarde.",
    "El edificio contará con consultas de pediatría, enfermería y fisioterapia, además de una sala de extracciones.",
    "Los vecinos que hoy acuden al centro de la avenida Castilla recibirán una carta con su nueva cita de referencia.",
]
DE = [
    "Die Stadtwerke erneuern ab Montag die Wasserleitung in der Lindenstraße, der Abschnitt bleibt sechs Wochen gesperrt.",
    "Anwohner erreichen ihre Grundstücke weiterhin zu Fuß, der Bus der Linie vier hält an einer Ersatzhaltestelle.",
    "Die Arbeiten sind Teil eines Programms, mit dem bis 2030 alle Leitungen aus den sechziger Jahren ersetzt werden.",
]
PL = [
    "Zarząd powiatu przyjął projekt budżetu na przyszły rok, w którym najwięcej pieniędzy przeznaczono na drogi i szpitale.",
    "Radni zajmą się projektem na sesji w połowie grudnia, a wcześniej zaopiniują go komisje i regionalna izba obrachunkowa.",
]
TR = [
    "Belediye, kış aylarında evsizler için iki yeni barınma merkezinin kapılarını açacağını duyurdu.",
    "Merkezlerde sıcak yemek, temiz giysi ve sağlık taraması hizmeti gönüllülerin desteğiyle sunulacak.",
    "Yardım etmek isteyen vatandaşlar, belediyenin sosyal hizmetler birimine başvurarak gönüllü olabilecek.",
]
FR = [
    "La préfecture a levé jeudi l'interdiction de circuler sur la route départementale 12, fermée depuis les crues de la semaine dernière.",
    "Les services de l'équipement ont contrôlé les deux ponts du secteur et n'ont relevé aucun dommage sur les ouvrages.",
]
CS_LONG = [
    "Vláda ve středu schválila novelu stavebního zákona, která má zkrátit povolování staveb na polovinu, a přitom slibuje, že se nezmenší ochrana sousedů ani přírody. Kdo četl text zákona, ví, že je to slib, který se bude těžko dodržovat.",
    "Obce budou muset vyřizovat žádosti v kratších lhůtách, ale nedostanou na to ani korunu navíc. Úřady, které už dnes nestíhají, tak nejspíš začnou vracet žádosti kvůli drobnostem, aby lhůty vůbec dodržely.",
    "Zákon zůstane dobrý jen tehdy, když k němu ministerstvo připraví i peníze a lidi. Jinak stavebníci zjistí, že kratší lhůta na papíře znamená delší čekání na úřadě.",
]
CS_TEASERS = [
    "Nemocnice v Kolíně otevře nové oddělení dlouhodobé péče už v lednu, přijme čtyřicet sester.",
    "Kraj zvýší příspěvek na dopravu seniorů, týká se to všech linek včetně vlakových spojů.",
    "Muzeum v Berouně vrací do expozice sbírku minerálů, kterou restaurátoři čistili dva roky.",
    "Hasiči z Rakovníka dostanou novou cisternu, stará sloužila přes třicet let bez větší opravy.",
]
SHORT_BODY = [
    "Obec Lhota opraví hasičskou zbrojnici za dva miliony korun.",
    "Práce začnou v dubnu a mají skončit do konce léta.",
    "Zastupitelé o opravě rozhodli jednomyslně na posledním zasedání.",
    "Během oprav bude technika hasičů parkovat v areálu bývalého statku.",
]
LONG_PARAGRAPH = (
    "The county council will hold a public hearing on the new bus network on 4 December at the town hall. "
    "Residents can comment on the proposed routes, on the timetable changes planned for the villages in the "
    "east of the county, and on the fares, which are to rise by five per cent from March. The council says the "
    "network has not been changed in fifteen years."
)


def page(language: str, body: str) -> str:
    return (
        f"<html lang='{language}'><head><title>News</title></head><body>"
        "<header><a href='/'>Regional News</a> <a href='/politics/'>Politics</a></header>"
        f"<main><article><h1>Headline of the day</h1>{body}</article></main>"
        "<footer><p>Regional News, 5 Market Square. Contact the newsroom.</p></footer></body></html>"
    )


def paras(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def capture(html: str) -> Capture:
    return html_capture(html, "https://regional-news.example/city/2026/11/20/story-88412.html")


def cleaned(html: str) -> tuple[int, str]:
    """(elements removed, the page's extracted text after removing reader boxes)."""
    tree = lxml.html.document_fromstring(html)
    removed = remove_reader_boxes(tree)
    text = extract(capture(lxml.html.tostring(tree, encoding="unicode"))).text or ""
    return removed, text


def without_reader_boxes(html: str) -> str:
    """trafilatura (our options) on the page after our loose-text wrapping, the step before it that matters here."""
    tree = lxml.html.document_fromstring(html)
    wrap_loose_text(tree)
    options: dict[str, Any] = {k: v for k, v in TRAFILATURA_OPTIONS.items() if k != "with_metadata"}
    return trafilatura.extract(tree, **options) or ""


def check_box_goes(html: str, kept: list[str], gone: list[str]) -> None:
    removed, text = cleaned(html)
    assert removed >= 1
    for paragraph in kept:
        assert paragraph in text
    for string in gone:
        assert string not in text
    assert any(string in without_reader_boxes(html) for string in gone), "fixture is not a real case"


COMMENT_FORMS = {
    "hi-semantic-class": (
        "hi",
        HI,
        "<div class='tippani-box'><h3>अपनी राय दें</h3><p>आपकी टिप्पणी संपादक की स्वीकृति के बाद ही प्रकाशित होगी, कृपया अभद्र भाषा का प्रयोग न करें।</p>"
        "<form action='/tippani'><textarea name='msg' placeholder='यहाँ लिखें'></textarea><input type='text' name='naam' placeholder='नाम'><button type='submit'>भेजें</button></form></div>",
        ["अपनी राय दें", "संपादक की स्वीकृति"],
    ),
    "id-generic-class": (
        "id",
        ID,
        "<div class='c-x12'><div class='c-x12__h'>Tulis Komentar</div><div class='c-x12__t'>Komentar sepenuhnya menjadi tanggung jawab pengirim.</div>"
        "<textarea class='c-x12__in'></textarea><div class='c-x12__b'><button>Kirim</button></div></div>",
        ["Tulis Komentar", "tanggung jawab pengirim"],
    ),
    "ar-no-class": (
        "ar",
        AR,
        "<div><h3>أضف تعليقك</h3><p>التعليقات المنشورة تعبر عن رأي أصحابها ولا تعبر عن رأي الصحيفة بأي حال.</p>"
        "<form><p><textarea></textarea></p><p><input name='n' placeholder='الاسم'> <input type='email' name='e'></p><p><button>إرسال</button></p></form></div>",
        ["أضف تعليقك", "تعبر عن رأي أصحابها"],
    ),
    "el-semantic-inside-body": (
        "el",
        EL,
        "<section class='sxolia-forma'><h4>Γράψτε το σχόλιό σας</h4><span>Τα σχόλια δημοσιεύονται μετά από έλεγχο.</span>"
        "<textarea rows='4'></textarea><input type='submit' value='Αποστολή'></section>",
        ["Γράψτε το σχόλιό σας", "μετά από έλεγχο"],
    ),
}


@pytest.mark.parametrize("case", COMMENT_FORMS.values(), ids=COMMENT_FORMS.keys())
def test_comment_forms_go(case: tuple[str, list[str], str, list[str]]) -> None:
    language, body, box, gone = case
    if language == "el":  # the box sits inside the body container, after the paragraphs
        html = page(language, f"<div class='arthro'>{paras(body)}{box}</div>")
    else:
        html = page(language, f"<div class='body'>{paras(body)}</div>{box}")
    check_box_goes(html, body, gone)


NEWSLETTER_BOXES = {
    "uk-bold-and-form": (
        "uk",
        UK,
        "<div class='rozsylka'><p><strong>Підпишіться на нашу розсилку</strong></p><p>Щоп'ятниці надсилаємо головне з регіону.</p>"
        "<form><input type='email' placeholder='Ваш e-mail'><button>Підписатися</button></form></div>",
        ["Підпишіться на нашу розсилку", "Щоп'ятниці надсилаємо"],
    ),
    "es-aside-loose-text": (
        "es",
        ES,
        "<div class='blk-7f'><b>Recibe el boletín</b><br>Cada mañana, las noticias de la provincia en tu correo. "
        "<input type='email' name='m'> <input type='submit' value='Suscribirme'></div>",
        ["Recibe el boletín", "las noticias de la provincia en tu correo"],
    ),
    "de-no-class-consent": (
        "de",
        DE,
        "<div><h4>Morgenbrief</h4><p>Jeden Morgen um sechs Uhr die wichtigsten Nachrichten aus der Region.</p>"
        "<label><input type='checkbox' name='ok'> Ich habe die Datenschutzhinweise gelesen und stimme zu.</label>"
        "<input type='email' placeholder='E-Mail-Adresse'><button>Anmelden</button></div>",
        ["Morgenbrief", "die wichtigsten Nachrichten aus der Region", "Datenschutzhinweise"],
    ),
}


@pytest.mark.parametrize("case", NEWSLETTER_BOXES.values(), ids=NEWSLETTER_BOXES.keys())
def test_newsletter_boxes_between_paragraphs_go(case: tuple[str, list[str], str, list[str]]) -> None:
    language, body, box, gone = case
    first, *rest = body
    html = page(language, f"<div class='text'><p>{first}</p>{box}{paras(rest)}</div>")
    check_box_goes(html, body, gone)


COMMENT_SECTIONS = {
    "id-class-komentar": (
        "id",
        ID,
        "<div class='komentar'><h3>Komentar</h3><p>Komentar sepenuhnya menjadi tanggung jawab pengirim.</p><p>Belum ada komentar.</p></div>",
        ["Komentar sepenuhnya", "Belum ada komentar."],
    ),
    "pl-id-komentarze": (
        "pl",
        PL,
        "<div id='komentarze'><h3>Opinie czytelników</h3><p>Nikt jeszcze nie skomentował tego artykułu.</p><p>Zaloguj się, aby dodać opinię.</p></div>",
        ["Opinie czytelników", "Nikt jeszcze nie skomentował"],
    ),
    "tr-class-yorum": (
        "tr",
        TR,
        "<section class='yorum-alani'><h3>Okur Yorumları</h3><p>Henüz yorum yapılmamış. İlk yorumu siz yapın.</p></section>",
        ["Okur Yorumları", "Henüz yorum yapılmamış"],
    ),
    "fr-class-commentaire": (
        "fr",
        FR,
        "<div class='bloc-commentaire'><h3>Réagir à cet article</h3><p>Les commentaires sont modérés avant publication.</p></div>",
        ["Réagir à cet article", "modérés avant publication"],
    ),
}


@pytest.mark.parametrize("case", COMMENT_SECTIONS.values(), ids=COMMENT_SECTIONS.keys())
def test_comment_sections_without_form_go(case: tuple[str, list[str], str, list[str]]) -> None:
    language, body, section, gone = case
    if language == "tr":  # a plugin appends the section inside the body container
        html = page(language, f"<div class='entry'>{paras(body)}{section}</div>")
    else:
        html = page(language, f"<div class='entry'>{paras(body)}</div>{section}")
    check_box_goes(html, body, gone)


@pytest.mark.parametrize("teaser_rounds", [1, 3], ids=["few-teasers", "teasers-outweigh-the-column"])
def test_an_opinion_column_named_komentar_keeps_its_text(teaser_rounds: int) -> None:
    teasers = "".join(
        f"<div class='teaser'><a href='/t{i}'>Zpráva</a><p>{t}</p></div>"
        for i, t in enumerate(CS_TEASERS * teaser_rounds)
    )
    html = (
        "<html lang='cs'><head><title>Komentář</title></head><body>"
        "<div class='hlavicka'><h1>Kratší lhůty bez peněz nepomohou</h1></div>"
        f"<div class='komentar'><div class='komentar-text'>{paras(CS_LONG)}</div></div>"
        f"<div class='dalsi'>{teasers}</div></body></html>"
    )
    tree = lxml.html.document_fromstring(html)
    assert remove_reader_boxes(tree) == 0
    removed, text = cleaned(html)
    assert removed == 0
    for paragraph in CS_LONG:
        assert paragraph in text


def test_a_short_body_with_a_poll_keeps_its_paragraphs() -> None:
    poll = (
        "<div class='anketa'><p><b>Souhlasíte s opravou?</b></p>"
        "<label><input type='radio' name='a' value='1'> Ano</label> <label><input type='radio' name='a' value='2'> Ne</label>"
        "<button>Hlasovat</button></div>"
    )
    first, *rest = SHORT_BODY
    html = page("cs", f"<div class='clanek'><p>{first}</p>{poll}{paras(rest)}</div>")
    tree = lxml.html.document_fromstring(html)
    radio = tree.find(".//input")
    assert radio is not None
    box = form_box(radio)
    assert box is not None and box.get("class") == "anketa"  # not the body around it
    removed, text = cleaned(html)
    assert removed == 1
    for paragraph in SHORT_BODY:
        assert paragraph in text
    assert "Souhlasíte s opravou?" not in text


def test_a_long_paragraph_next_to_a_form_stays() -> None:
    html = page(
        "en",
        f"<div><p>{LONG_PARAGRAPH}</p><form><input type='text' name='postcode'> <button>Find your stop</button></form></div>"
        "<p>The full proposal is published on the council's website.</p>",
    )
    tree = lxml.html.document_fromstring(html)
    postcode = tree.find(".//input")
    assert postcode is not None
    assert form_box(postcode) is tree.find(".//form")
    removed, text = cleaned(html)
    assert removed == 1
    assert LONG_PARAGRAPH in text


@pytest.mark.parametrize(
    "controls",
    [
        "<input type='hidden' name='token' value='x'>",
        "<button>Mehr laden</button>",
        "<input type='submit' value='OK'>",
    ],
    ids=["hidden-input", "button-alone", "submit-alone"],
)
def test_hidden_inputs_and_lone_buttons_make_no_box(controls: str) -> None:
    tree = lxml.html.document_fromstring(
        page(
            "de",
            f"<div class='text'>{paras(DE)}</div><div class='more'><span>Weitere Artikel</span>{controls}</div>",
        )
    )
    assert remove_reader_boxes(tree) == 0
    assert "Weitere Artikel" in tree.text_content()


def test_text_after_a_removed_box_stays_in_place() -> None:
    tree = lxml.html.fromstring(
        f"<div><p>{DE[0]}</p><p>{DE[1]}</p><span class='x'><b>Morgenbrief</b> <input type='email'></span>{DE[2]}</div>"
    )
    assert remove_reader_boxes(tree) == 1
    text = " ".join(tree.text_content().split())
    assert "Morgenbrief" not in text
    assert text.endswith(DE[2])


def test_a_comment_form_after_a_body_of_br_lines_goes() -> None:
    """Old CMSes give the body as <br>-separated lines with no <p> at all; the comment box's one
    <p> must not be taken for the article's paragraphs (and so be protected)."""
    lines = "<br><br>".join(HI)
    box = (
        "<div class='tippani'><h3>अपनी राय दें</h3><p>टिप्पणियां लेखक के निजी विचार हैं, समाचार पत्र इनके लिए जिम्मेदार नहीं है।</p>"
        "<textarea></textarea><button>भेजें</button></div>"
    )
    html = page("hi", f"<div class='khabar'>{lines}</div>{box}")
    check_box_goes(html, [HI[0], HI[-1]], ["अपनी राय दें", "निजी विचार"])


def test_a_comment_section_after_a_body_of_div_lines_goes() -> None:
    """Malay "ruang-komen" holding the page's only <p>, after a body pasted as one <div> per line:
    measured against the body's own lines, it is small."""
    lines = "".join(f"<div>{line}</div>" for sentence in ID for line in (sentence[:60], sentence[60:]) if line)
    box = "<div class='ruang-komen'><h3>Komen</h3><p>Sila log masuk untuk memberi komen.</p></div>"
    html = page("ms", f"<div class='isi'>{lines}</div>{box}")
    tree = lxml.html.document_fromstring(html)
    assert remove_reader_boxes(tree) >= 1
    assert "Sila log masuk" not in tree.text_content() and ID[0][:40] in tree.text_content()


@pytest.mark.parametrize(
    "note",
    [
        "<p class='c-n1'>التعليقات مغلقة لهذا المقال.</p>",
        "<div>Vous devez être abonné pour commenter.</div>",
        "<p><small>Diskusia k článku je uzavretá.</small></p>",
        "<span class='x'>Comments are closed.</span>",
    ],
)
def test_a_comment_note_after_the_body_goes(note: str) -> None:
    """A short note about comments in its own block after the article body, whatever its class."""
    tree = lxml.html.document_fromstring(page("xx", f"<div class='body'>{paras(ID)}</div>{note}"))
    remove_reader_boxes(tree)
    text = " ".join(tree.text_content().split())
    assert ID[-1][:30] in text
    assert " ".join(lxml.html.fromstring(note).text_content().split()) not in text


def test_declined_to_comment_inside_the_body_stays() -> None:
    body = paras([*ID, "The minister declined to comment."])
    tree = lxml.html.document_fromstring(page("en", f"<div class='body'>{body}</div>"))
    remove_reader_boxes(tree)
    assert "declined to comment" in tree.text_content()


@pytest.mark.parametrize(
    ("quote", "marker"),
    [
        ("<blockquote class='comment'>「学生の皆様に多大なご心配とご迷惑をおかけしておりますことを、深くお詫び申し上げます。今後、再発防止に全力で取り組んでまいります。」</blockquote>", "深くお詫び申し上げます"),
        ("<blockquote class='statement-comment'>“We apologise to every student affected and have opened a help line for them. We will review how our contractors protect personal data.”</blockquote>", "opened a help line"),
        ("<q class='comments'>We regret the disruption and will refund every affected ticket in full before the end of the month, the operator said in its statement.</q>", "refund every affected ticket"),
    ],
)
def test_a_quoted_statement_named_comment_stays(quote: str, marker: str) -> None:
    """Journalism calls a quoted statement a comment ("次のコメントを発表した", "in a comment"); a
    theme's class for it is not a reader-comment section, and the quotation is the statement."""
    body = (
        "<p>The university said on Tuesday that a contractor's server holding scholarship records had been breached.</p>"
        "<p>The president issued the following statement on the same day, addressed to students and parents.</p>"
        f"{quote}<p>The university has reported the breach to the police and to the data protection authority.</p>"
    )
    html = f"<html><body><article><h1>Scholarship records exposed</h1>{body}</article></body></html>"
    result = extract(html_capture(html, "http://127.0.0.1:8000/news/2026/11/25/breach.html"))
    assert result.text is not None and marker in result.text


def test_an_overlay_declared_as_a_dialog_goes_but_never_the_article() -> None:
    """A consent manager's popup ("<div class=didomi-popup role=dialog>", a heading, a sentence and
    buttons, no typed control) and a newsletter modal (aria-modal) sit in <body> before the article."""
    paragraphs = "".join(f"<p>{text}</p>" for text in ES)
    html = (
        "<html><body><div id='didomi-host'><div class='didomi-popup' role='dialog' aria-label='Consentement'>"
        "<p class='didomi-title'>Vos choix en matière de cookies</p><p>Avec nos partenaires, nous utilisons des cookies.</p>"
        "<button>Accepter et fermer</button><button>Paramétrer</button></div></div>"
        "<div class='nl-modal' aria-modal='true'><p>Recevez chaque matin notre lettre d'information.</p></div>"
        f"<article><h1>Nuevo centro de salud</h1>{paragraphs}</article></body></html>"
    )
    tree = lxml.html.document_fromstring(html)
    remove_reader_boxes(tree)
    text = tree.text_content()
    assert "cookies" not in text and "lettre d'information" not in text and ES[-1] in text
    in_dialog = lxml.html.document_fromstring(f"<html><body><div role='dialog'><h1>Nuevo centro de salud</h1>{paragraphs}</div></body></html>")
    remove_reader_boxes(in_dialog)
    assert ES[0] in in_dialog.text_content()  # a page shown as a dialog (a lightbox article) keeps its text
