# ruff: noqa: E501  (HTML fixtures read best on one line)
"""The lead set apart between headline and body is the description, not body text.

Real behaviour: outlets print a one- or two-sentence summary under the headline in an element of
its own (Greek `<p class="perilipsi">`, Hebrew `<h2 class="kotar-mishne">`, Spanish
`<div class="entradilla">`, generic `<div class="c-x12">`), sometimes with the dateline or
byline between it and the body, and the body's paragraphs follow in a container of their own.
Other outlets put the body's paragraphs straight after the headline, with no container: then
nothing sets the first paragraph apart and it stays. A dateline or byline block is never a lead.
"""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.html
import pytest

from archive.extract import extract
from archive.standfirst import pop_standfirst
from tests.archive.captures import html_capture

BODY = (
    "<div class='{cls}'><p>The water board sent the following statement on Thursday morning.</p>"
    "<p>The swimming ban at the Small Lake stays in force until 28 August, as new samples show "
    "the algae spreading further along the shore.</p>"
    "<p>Residents are asked to keep dogs out of the water as well.</p></div>"
)
LEAD = "The ban now covers the whole lake and could last until the end of the season."


def page(between: str, body_class: str = "article-body", wrapper: str = "article") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        f"<html><body><{wrapper}><h1>Swimming ban extended</h1>{between}{BODY.format(cls=body_class)}"
        f"</{wrapper}></body></html>"
    )


@pytest.mark.parametrize(
    "between",
    [
        f"<p class='perilipsi'>{LEAD}</p>",
        f"<h2 class='kotar-mishne'>{LEAD}</h2>"
        "<div class='pratim'><time datetime='2026-08-14'>14.08.2026</time></div>",
        f"<div class='c-x12'>{LEAD}</div><div class='c-x13'>Door: Sanne de Vries<br>14 augustus 2026</div>",
        f"<figure><img src='/a.jpg'></figure><p>{LEAD}</p>",
        # a "chapô" wrapper around one paragraph, then a share bar of buttons before the body
        f"<div class='art__chapo'><p>{LEAD}</p></div><div class='art__share'><button>Partager</button>"
        "<button>Facebook</button><button>WhatsApp</button><button>Copier le lien</button></div>",
        # div soup: the intro a <div> inside a <div>, then a meta row of <div>s and a reading time
        f"<div class='sc-art-3 intro'><div>{LEAD}</div></div><div class='sc-art-4 meta'><div><time datetime='2026-08-14'>14 aug 2026, 16:05</time></div>"
        "<div><span>Leestijd 3 minuten</span></div></div>",
    ],
    ids=[
        "p-lead",
        "h2-lead-then-time",
        "generic-div-then-byline-block",
        "image-then-lead",
        "wrapped-lead-then-share-bar",
        "div-in-div-lead",
    ],
)
def test_a_lead_set_apart_above_the_body_is_taken_out(between: str) -> None:
    tree = page(between, body_class="c-x99")
    assert pop_standfirst(tree) == LEAD
    text = tree.text_content()
    assert LEAD not in text and "The water board sent" in text


def test_a_lead_inside_a_header_block_with_the_headline_is_found_too() -> None:
    tree = lxml.html.document_fromstring(
        f"<html><body><header><h1>Swimming ban extended</h1></header><p class='dek'>{LEAD}</p>"
        f"{BODY.format(cls='story')}</body></html>"
    )
    assert pop_standfirst(tree) == LEAD


@pytest.mark.parametrize(
    "html",
    [
        # Body paragraphs are the headline's own siblings: nothing is set apart.
        f"<html><body><article><h1>H</h1><p>{LEAD}</p><p>The water board sent the following statement "
        "on Thursday.</p><p>The swimming ban at the Small Lake stays in force.</p></article></body></html>",
        # Only a dateline and a byline between headline and body.
        "<html><body><h1>H</h1><p>Publicerad 20 november 2026 kl. 09.14</p><div>By Jane Roe<br>Nov 20</div>"
        f"{BODY.format(cls='b')}</body></html>",
        # The "lead" is longer than the body: it is the body.
        f"<html><body><h1>H</h1><div>{LEAD * 6}</div>"
        f"<div><p>{LEAD[:40]}</p><p>{LEAD[:40]}</p></div></body></html>",
        # No headline at all.
        f"<html><body><p>{LEAD}</p>{BODY.format(cls='b')}</body></html>",
    ],
    ids=["paragraphs-beside-headline", "only-meta-lines", "lead-longer-than-body", "no-headline"],
)
def test_nothing_is_taken_when_no_lead_is_set_apart(html: str) -> None:
    tree = lxml.html.document_fromstring(html)
    before = " ".join(tree.text_content().split())
    assert pop_standfirst(tree) is None
    assert " ".join(tree.text_content().split()) == before


def test_the_lead_becomes_the_description_and_leaves_the_text() -> None:
    html = (
        f"<html lang='en'><head><title>Swimming ban extended</title></head><body>{page_html()}</body></html>"
    )
    capture = html_capture(
        html, "https://news.example/region/swimming-ban-extended-4520", datetime(2026, 8, 15, tzinfo=UTC)
    )
    result = extract(capture)
    assert result.description == LEAD
    assert result.text is not None and LEAD not in result.text
    assert result.text.splitlines()[0] == "The water board sent the following statement on Thursday morning."


def page_html() -> str:
    body = BODY.format(cls="c-body")
    return f"<article><h1>Swimming ban extended</h1><p class='lead'>{LEAD}</p>{body}</article>"


def test_a_lead_styled_apart_above_an_image_then_the_body_is_taken_out() -> None:
    """An old table layout: headline, "copete", a table with the photo, then the body's paragraphs
    as the headline's own siblings; the image and the lead's own class set it apart."""
    tree = lxml.html.document_fromstring(
        f"<html><body><table><tr><td class='centro'><h1>Swimming ban extended</h1><p class='copete'>{LEAD}</p>"
        "<table><tr><td><img src='/a.jpg'></td></tr><tr><td class='epigrafe'>The lake in August.</td></tr></table>"
        "<p>The water board sent the following statement on Thursday morning to all residents.</p>"
        "<p>The swimming ban at the Small Lake stays in force until 28 August, as new samples show the algae "
        "spreading further along the shore.</p></td></tr></table></body></html>"
    )
    assert pop_standfirst(tree) == LEAD


@pytest.mark.parametrize(
    "photo",
    [
        "<div><img src='/a.jpg'><br><font size='1'>The lake in August. Photo: Archive</font></div>",
        "<div class='bild'><img src='/a.jpg'><br>Photo: Water board</div>",
        "<p><img src='/a.jpg'><br><small>The Small Lake on Monday (archive)</small></p>",
    ],
    ids=["caption-and-credit", "credit-only", "in-a-paragraph"],
)
def test_a_photo_with_a_one_line_caption_sets_the_lead_apart(photo: str) -> None:
    """A German regional paper's 2009 theme: headline, a bold "Vorspann", the photo with its caption
    under a <br> (a short block with a line break, read like a dateline), then the body's paragraphs
    as the headline's siblings. The photo sets the lead apart as a bare image does."""
    tree = lxml.html.document_fromstring(
        f"<html><body><div class='inhalt'><h1>Swimming ban extended</h1><p class='vorspann'><b>{LEAD}</b></p>{photo}"
        "<p class='text'>The water board sent the following statement on Thursday morning to all residents.</p>"
        "<p class='text'>The swimming ban at the Small Lake stays in force until 28 August, as new samples show the algae "
        "spreading further along the shore.</p></div></body></html>"
    )
    assert pop_standfirst(tree) == LEAD
    assert "Thursday morning" in tree.text_content()


def test_a_first_paragraph_before_an_image_is_body_when_styled_like_the_rest() -> None:
    first = "The water board sent the following statement on Thursday morning to all residents."
    tree = lxml.html.document_fromstring(
        f"<html><body><article><h1>Swimming ban extended</h1><p>{first}</p><figure><img src='/a.jpg'></figure>"
        "<p>The swimming ban at the Small Lake stays in force until 28 August, as new samples show the algae "
        "spreading further along the shore.</p><p>Residents are asked to keep dogs out of the water.</p>"
        "</article></body></html>"
    )
    assert pop_standfirst(tree) is None
    assert first in tree.text_content()


def test_a_lead_in_the_headlines_header_block_counts_when_the_body_is_its_sibling() -> None:
    """A React-style page: the header block holds kicker, headline, lead, author row and photo; the
    body is the header block's sibling, one level up from the headline."""
    tree = lxml.html.document_fromstring(
        "<html><body><article class='Article_article'><div class='Article_header'><div class='Article_kicker'>Lakes</div>"
        f"<h1>Swimming ban extended</h1><div class='Article_lead'><p>{LEAD}</p></div>"
        "<div class='Article_meta'><div class='Author'><div>Reto Ammann</div><div>Redaktor Region</div></div>"
        "<div class='Article_date'><time>14.08.2026, 14.35 Uhr</time></div></div>"
        "<div class='ShareBar'><button>Teilen</button><button>Merken</button></div></div>"
        f"{BODY.format(cls='Article_body')}</article></body></html>"
    )
    assert pop_standfirst(tree) == LEAD
    assert "The water board sent" in tree.text_content()


def test_a_lead_above_a_body_of_loose_br_lines_is_taken_out() -> None:
    """An Italian regional portal: "sommario" under the headline, then the body as the container's
    own text split by <br><br>, with no <p> at all."""
    loose = (
        "The water board sent the following statement on Thursday morning to all residents.<br><br>"
        "The swimming ban at the Small Lake stays in force until 28 August, as new samples show the algae "
        "spreading further along the shore.<br><br>Residents are asked to keep dogs out of the water as well, "
        "the board said, and to report dead fish to the hotline."
    )
    tree = lxml.html.document_fromstring(
        f"<html><body><div class='art'><h1>Swimming ban extended</h1><div class='sommario'>{LEAD}</div>"
        f"<div class='autore'>di <b>Luca Benedetti</b><br>mar 24 nov 2026</div><div class='testo'>{loose}</div></div></body></html>"
    )
    assert pop_standfirst(tree) == LEAD


def test_a_number_with_a_full_stop_is_not_a_clock_time() -> None:
    """"46.000 euros" in a subtitle does not make it a dateline."""
    lead = "The council sets aside 46.000 euros to keep the reading room open at night during exams"
    tree = page(f"<h2 class='subtitulo'>{lead}</h2>", body_class="cuerpo")
    assert pop_standfirst(tree) == lead


@pytest.mark.parametrize("cls", ["lead", "article-intro", "perex", "chapo", "manchet", "ingressi"])
def test_a_lead_marked_by_its_class_as_the_bodys_first_paragraph_is_taken_out(cls: str) -> None:
    """WordPress-like themes put the lead inside the body container, first, with a class of its own."""
    tree = lxml.html.document_fromstring(
        f"<html><body><article><header><h1>Swimming ban extended</h1></header><div class='entry-content'>"
        f"<p class='{cls}'><strong>{LEAD}</strong></p>"
        "<p>The water board sent the following statement on Thursday morning to all residents.</p>"
        "<p>The swimming ban at the Small Lake stays in force until 28 August, as new samples show the algae.</p>"
        "<p>Residents are asked to keep dogs out of the water as well, the board said on Thursday.</p>"
        "</div></article></body></html>"
    )
    assert pop_standfirst(tree) == LEAD


def test_a_lead_in_a_cms_field_wrapper_named_for_it_is_taken_out() -> None:
    """Drupal themes wrap each field: the headline outside the node, then "<div class='field
    field-name-field-chapeau'><p><strong>…</strong></p></div>" inside it, a photo field, the body field."""
    tree = lxml.html.document_fromstring(
        "<html><body><h1 class='title'>Swimming ban extended</h1><div class='node node-article'>"
        "<div class='submitted'><span>Par Julie Dethier</span><br><span>Publié le 14/08/2026 à 18h07</span></div>"
        f"<div class='field field-name-field-chapeau'><p><strong>{LEAD}</strong></p></div>"
        "<div class='field field-name-field-image'><img src='/a.jpg'><div class='legende'>The lake.</div></div>"
        "<div class='field field-name-body'><div class='field-items'>"
        "<p>The water board sent the following statement on Thursday morning to all residents.</p>"
        "<p>The swimming ban at the Small Lake stays in force until 28 August, as new samples show the algae.</p>"
        "<p>Residents are asked to keep dogs out of the water as well, the board said on Thursday.</p>"
        "</div></div></div></body></html>"
    )
    assert pop_standfirst(tree) == LEAD
    assert LEAD not in tree.text_content()


def test_a_first_paragraph_set_in_bold_without_a_lead_class_stays() -> None:
    """News leads are often set in bold as the body's first paragraph; the public benchmark's truth
    counts them as body."""
    tree = lxml.html.document_fromstring(
        "<html><body><article><h1>Swimming ban extended</h1><div class='article-text'>"
        f"<p><strong>{LEAD}</strong></p>"
        "<p>The water board sent the following statement on Thursday morning to all residents.</p>"
        "<p>The swimming ban at the Small Lake stays in force until 28 August, as new samples show the algae.</p>"
        "</div></article></body></html>"
    )
    assert pop_standfirst(tree) is None


def test_a_first_paragraph_without_a_lead_class_stays() -> None:
    tree = lxml.html.document_fromstring(
        f"<html><body><article><header><h1>Swimming ban extended</h1></header><div class='entry-content'>"
        f"<p class='has-text-align-left'>{LEAD}</p>"
        "<p>The water board sent the following statement on Thursday morning to all residents.</p>"
        "<p>The swimming ban at the Small Lake stays in force until 28 August, as new samples show the algae.</p>"
        "</div></article></body></html>"
    )
    assert pop_standfirst(tree) is None


PARAGRAPHS = (
    "The water board sent the following statement on Thursday morning to all residents.",
    "The swimming ban at the Small Lake stays in force until 28 August, as new samples show the algae spreading.",
    "Residents are asked to keep dogs out of the water as well, the board said, and to report dead fish.",
)


@pytest.mark.parametrize(
    ("wrapper", "lead_tag"),
    [
        ("<div class='mc-column content-text'><p class='content-text__container'>{}</p></div>", "h2"),  # Globo-style AMP
        ("<section class='block block--text'><p>{}</p></section>", "div"),  # a block editor's sections
    ],
)
def test_a_lead_above_a_body_laid_out_one_wrapper_per_paragraph_is_taken_out(wrapper: str, lead_tag: str) -> None:
    """Some themes give every body paragraph a wrapper of its own, siblings of the header block,
    with no container around them all; the subtitle in the header block is still a lead."""
    body = "".join(wrapper.format(text) for text in PARAGRAPHS)
    tree = lxml.html.document_fromstring(
        f"<html><body><article><div class='content-head'><h1>Swimming ban extended</h1><{lead_tag} class='sub'>{LEAD}</{lead_tag}></div>"
        "<div class='publication-data'><p>Por Ana Luz</p><p><time>27/11/2026 09h41</time></p></div>"
        f"<figure><img src='/a.jpg'><figcaption>The lake</figcaption></figure>{body}</article></body></html>"
    )
    assert pop_standfirst(tree) == LEAD
    assert all(text in tree.text_content() for text in PARAGRAPHS)


def test_one_wrapped_paragraph_after_the_headline_is_no_body_run() -> None:
    """A single wrapper, then paragraphs of another build: the wrapper's paragraph is the body's
    first, not a lead: nothing is taken."""
    tree = lxml.html.document_fromstring(
        "<html><body><article><h1>Swimming ban extended</h1>"
        f"<div class='first'><p>{PARAGRAPHS[0]}</p></div><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></article></body></html>"
    )
    assert pop_standfirst(tree) is None


def test_a_lead_above_a_div_soup_body_is_taken_out() -> None:
    """React-era themes print every paragraph as a <div> ("<div class=art__p>"), no <p> at all; the
    lead is a <div> of its own under the headline, a meta block and a figure between."""
    paragraphs = "".join(f"<div class='art__p'>{text}</div>" for text in PARAGRAPHS)
    tree = lxml.html.document_fromstring(
        f"<html><body><div class='art'><h1>Swimming ban extended</h1><div class='art__lead'>{LEAD}</div>"
        "<div class='art__info'><div class='art__author'>Autor: <b>Ivana Perić</b></div><div class='art__time'>28.11.2026. u 11:20</div></div>"
        "<div class='art__media'><img src='/a.jpg'><div class='art__media-desc'>The lake in the summer, when the algae first appeared</div></div>"
        f"<div class='art__body'>{paragraphs}</div></div></body></html>"
    )
    assert pop_standfirst(tree) == LEAD
    assert all(text in tree.text_content() for text in PARAGRAPHS)


def test_a_caption_div_is_no_body() -> None:
    """One long caption <div> in a figure is not a body of div paragraphs: the lead above
    paragraphs beside the headline stays."""
    tree = lxml.html.document_fromstring(
        f"<html><body><div class='art'><h1>Swimming ban extended</h1><div>{LEAD}</div>"
        "<figure><img src='/a.jpg'><div class='cap'>The lake in the summer, when the algae first appeared along the northern shore</div></figure>"
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></div></body></html>"
    )
    assert pop_standfirst(tree) is None



def test_a_lead_wrapped_around_a_subheading_is_taken_out() -> None:
    """React-era themes wrap the sapo's <h2> in a <div class=ArticleHeader_sapo>."""
    tree = lxml.html.document_fromstring(
        f"<html><body><article><h1>Swimming ban extended</h1><div class='ArticleHeader_sapo'><h2>{LEAD}</h2></div>"
        "<div class='ShareBar'><button>Chia sẻ</button><button>Zalo</button></div>"
        f"<div class='ArticleBody'>{''.join(f'<p>{text}</p>' for text in PARAGRAPHS)}</div></article></body></html>"
    )
    assert pop_standfirst(tree) == LEAD


def test_a_short_korean_lead_over_a_body_of_short_korean_paragraphs() -> None:
    """A Korean local daily: a one-line summary under the headline (27 characters, a full line in
    columns), the reporter and stamp row, then four short paragraphs with years in them (a body, not
    a meta block: each is a long line in columns)."""
    body = "".join(
        f"<p>{p}</p>"
        for p in [
            "해솔군은 24일 다음과 같은 보도자료를 냈다.",
            "해솔군은 2027년 12월 31일까지 농어촌 버스 기본요금을 현행 1,300원으로 유지합니다. 연료비가 올랐지만 주민의 교통비 부담을 고려한 결정입니다.",
            "65세 이상 어르신과 초등학생의 무료 승차도 계속됩니다.",
            "군은 부족한 운영비를 군비로 지원할 계획입니다.",
        ]
    )
    tree = lxml.html.document_fromstring(
        "<html><body><h1>해솔군, 농어촌 버스 요금 동결</h1><p class='standfirst'>물가 부담 덜기 위해 내년 말까지 현행 요금 유지</p>"
        f"<div class='reporter'>윤서진 기자 | 입력 2026.11.24 08:30</div><div id='article-view'>{body}</div></body></html>"
    )
    assert pop_standfirst(tree) == "물가 부담 덜기 위해 내년 말까지 현행 요금 유지"


@pytest.mark.parametrize(
    ("summary", "popped"),
    [
        ("<div class='story-summary'><ul><li>कॉलेजों ने समय पर अपलोड नहीं किए आंतरिक मूल्यांकन के अंक</li><li>करीब 62 हजार विद्यार्थी होंगे प्रभावित</li></ul></div>", True),
        ("<ul class='highlights'><li>The ban now covers the whole lake</li><li>Dogs must stay out of the water too</li><li>New samples are due on Friday</li></ul>", True),
        # a list of links under the headline is the section's menu or teasers, not highlights
        ("<ul><li><a href='/a'>The ban now covers the whole lake</a></li><li><a href='/b'>Dogs must stay out of the water too</a></li></ul>", False),
        # labels, not sentences
        ("<ul class='tags'><li>Lakes</li><li>Health</li><li>Dogs</li></ul>", False),
    ],
    ids=["hi-story-summary", "en-highlights", "links", "labels"],
)
def test_highlights_listed_under_the_headline_are_the_lead(summary: str, popped: bool) -> None:
    """Hindi portals (and CNN-style "story highlights") list two to five short sentences under the
    headline, before the byline row and the body."""
    tree = lxml.html.document_fromstring(
        f"<html><body><div class='story'><h1>Swimming ban extended</h1>{summary}"
        "<div class='story-meta'>Report: Ankit Sharma, 28 Nov 2026</div>"
        f"{BODY.format(cls='story-body')}</div></body></html>"
    )
    assert (pop_standfirst(tree) is not None) == popped


def test_an_inline_lead_named_for_it_in_a_table_column_is_taken_out() -> None:
    """Old table layouts set the lead as "<b class=lead>…</b><br><br>" right under the headline, in
    the column's own text, then a photo table and the body."""
    body = "".join(f"<p>{text}</p>" for text in (
        "The water board sent the following statement on Thursday morning to all residents.",
        "The swimming ban at the Small Lake stays in force until 28 August, as new samples show the algae.",
        "Residents are asked to keep dogs out of the water as well, the board said on Thursday.",
    ))
    tree = lxml.html.document_fromstring(
        "<html><body><table><tr><td class='nav'><a href='/'>Start</a></td><td class='maincol'>"
        f"<h1 class='titel'>Swimming ban extended</h1> <b class='lead'>{LEAD}</b><br><br>"
        f"<table align='right'><tr><td><img src='/a.jpg' width='250'></td></tr></table><div class='text'>{body}</div>"
        "</td></tr></table></body></html>"
    )
    assert pop_standfirst(tree) == LEAD
    bold = lxml.html.document_fromstring(
        f"<html><body><div><h1>Swimming ban extended</h1> <b>{LEAD}</b><br><br><div class='text'>{body}</div></div></body></html>"
    )
    assert pop_standfirst(bold) is None  # bold alone names nothing
