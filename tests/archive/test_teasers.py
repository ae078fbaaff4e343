# ruff: noqa: E501  (HTML fixtures read best on one line)
"""Teaser lines inside article bodies.

Real-world behaviour: news sites drop "Read also: <other story>" lines between the
paragraphs of an article, in many forms — the label inside the link, the label in
<strong> before it, no label, an arrow glyph, or a small list of two teasers. The
body itself also has links: a sentence citing a ministry's PDF, a sentence with a
link in the middle. Only the first kind may go.
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.teasers import remove_teasers

PAGE = "https://www.harbour-gazette.example/politics/2026/11/ombudsman-report-4411"
BODY = (
    "<p>The Ombudsman published its findings on Tuesday after an inquiry that lasted eleven months "
    "and heard from forty-two complainants.</p>{teaser}"
    "<p>The Regional Dispatch Authority said it would answer within the statutory period.</p>"
)


def _text_of(html: str, page_url: str) -> str:
    """The page's text after its teasers went."""
    tree = lxml.html.document_fromstring(html)
    remove_teasers(tree, page_url)
    return tree.text_content()


def _texts(snippet: str) -> str:
    html = f"<html><body><article>{BODY.format(teaser=snippet)}</article></body></html>"
    tree = lxml.html.document_fromstring(html)
    remove_teasers(tree, PAGE)
    return " ".join(tree.text_content().split())


@pytest.mark.parametrize(
    "teaser",
    [
        '<p><a href="/politics/2026/10/dispatch-strike-4390">'
        "Read also: Dispatchers strike over staffing</a></p>",
        '<p><strong>Siehe auch:</strong> '
        '<a href="/politik/2026/leitstelle-4380">Leitstelle ohne Personal</a></p>',
        '<p><a href="https://harbour-gazette.example/society/call-recordings-explained-4101">'
        "Call recordings, explained</a></p>",
        '<div>▶ <a href="/politics/2026/09/ombudsman-profile-3999">Who is the Ombudsman?</a></div>',
        '<ul><li><a href="/a/2026/1">延伸阅读：调度中心录音被删</a></li>'
        '<li><a href="/a/2026/2">あわせて読みたい 救急通報の記録</a></li></ul>',
        '<p>[طالع أيضا] <a href="/ar/news/2026/5521">تقرير أمين المظالم</a></p>',
    ],
)
def test_teasers_go(teaser: str) -> None:
    text = _texts(teaser)
    assert "forty-two complainants" in text and "statutory period" in text
    for word in ("Dispatchers strike", "Leitstelle", "explained", "Who is", "调度中心", "救急通報", "تقرير"):
        assert word not in text


@pytest.mark.parametrize(
    ("snippet", "kept"),
    [
        # External source document: the ministry's PDF stays.
        ('<p>Full report: <a href="https://www.interior.gov.example/files/report-2026.pdf">'
         "report (PDF)</a></p>",
         "report (PDF)"),
        # A same-site PDF is a document, not a story.
        ('<p><a href="/files/ombudsman-findings-2026.pdf">Findings of the Ombudsman (PDF)</a></p>',
         "Findings"),
        # A body sentence that merely contains an internal link.
        ('<p>The complaint, first <a href="/politics/2026/03/complaint-4000">reported in March</a>, was '
         "brought by a group of relatives of callers whose recordings were erased.</p>", "reported in March"),
        # A section link is navigation, not an article.
        ('<p>More from: <a href="/politics">Politics</a></p>', "Politics"),
        # A link to the page itself.
        (f'<p><a href="{PAGE}">Permalink to this statement</a></p>', "Permalink"),
    ],
)
def test_body_links_stay(snippet: str, kept: str) -> None:
    assert kept in _texts(snippet)


# Teasers as lines between <br>s of one block, after a label with no punctuation, and as a list
# under a short heading: the heading goes with the list, the body lines around stay.
BR_BODY = (
    "<p>调度中心在声明中表示，将在三十天内恢复所有被删除通话的保存措施，并向受影响的投诉人书面说明情况。<br>"
    "{teaser}"
    "监察专员办公室表示，将在明年一月审查整改进展，并公布审查结果。</p>"
)


@pytest.mark.parametrize(
    "teaser",
    [
        '延伸阅读：<a href="/news/2026/11/dispatch-4390.html">调度员因人手不足罢工</a><br>',
        '<strong>相关新闻</strong> <a href="/news/2026/11/dispatch-4390.html">调度员因人手不足罢工</a><br>',
        '<a href="/news/2026/11/dispatch-4390.html">调度员因人手不足罢工</a><br>'
        '<a href="/news/2026/10/records-4101.html">通话录音为何必须保存</a><br>',
    ],
    ids=["label-colon", "label-no-colon", "two-bare-links"],
)
def test_teaser_lines_between_brs_go(teaser: str) -> None:
    tree = lxml.html.document_fromstring(f"<html><body><article>{BR_BODY.format(teaser=teaser)}</article></body></html>")
    remove_teasers(tree, "https://news.example/news/2026/11/ombudsman-4411.html")
    text = tree.text_content()
    assert "三十天内" in text and "明年一月" in text
    assert "罢工" not in text and "延伸阅读" not in text and "相关新闻" not in text and "为何" not in text


@pytest.mark.parametrize(
    ("teaser", "gone"),
    [
        ('<p>관련기사 <a href="/news/articleView.html?idxno=88123">출동청 녹음 삭제 논란</a></p>', "관련기사"),
        ('<p>Lesen Sie auch <a href="/politik/2026/leitstelle-4380">Leitstelle ohne Personal</a></p>', "Lesen Sie"),
        ('<h4>Te puede interesar</h4><ul><li><a href="/local/2026/11/puente-4411.html">El puente abre en marzo</a></li>'
         '<li><a href="/local/2026/11/mercado-4398.html">Cuarenta puestos en el mercado</a></li></ul>', "interesar"),
        ('<div class="box"><strong>Related</strong><ul><li><a href="/politics/2026/10/strike-4390">Dispatchers '
         'strike</a></li></ul></div>', "Related"),
    ],
    ids=["ko-bare-label", "de-bare-label", "es-list-heading", "en-list-heading"],
)
def test_bare_labels_and_list_headings_go(teaser: str, gone: str) -> None:
    text = _texts(teaser)
    assert "forty-two complainants" in text and "statutory period" in text
    assert gone not in text


@pytest.mark.parametrize(
    ("snippet", "kept"),
    [
        # A sentence that is mostly one internal link is still a sentence when its rest is long.
        ('<p>As the ombudsman told parliament last month, <a href="/politics/2026/10/hearing-4300">the '
         "dispatch authority ignored two warnings</a>.</p>", "told parliament"),
        # A subheading before an ordinary paragraph stays.
        ("<h4>Next steps</h4><p>The Authority must reply by 15 January 2027 and publish its answer.</p>",
         "Next steps"),
        # A list of the statement's own recommendations stays.
        ("<ul><li>restore automatic retention of recordings;</li><li>publish a deletion log every quarter.</li></ul>",
         "deletion log"),
    ],
)
def test_body_sentences_subheadings_and_lists_stay(snippet: str, kept: str) -> None:
    assert kept in _texts(snippet)


def test_statement_lines_between_brs_with_a_link_in_a_sentence_stay() -> None:
    html = (
        "<html><body><div>第一行是正文，提到<a href='/news/2026/11/earlier-4000.html'>此前报道</a>的调查结果和后续安排。<br>"
        "第二行继续说明整改期限。</div></body></html>"
    )
    tree = lxml.html.document_fromstring(html)
    assert remove_teasers(tree, "https://news.example/news/2026/11/ombudsman-4411.html") == 0
    assert "此前报道" in tree.text_content()


@pytest.mark.parametrize(
    ("teaser", "gone"),
    [
        ('<p>» <a href="/cikk.php?id=20411">Új kiállítás nyílt a múzeumban</a></p>', "kiállítás"),
        ('<p><a href="/view.asp?no=88123&amp;sec=2">Neue Leitstelle eröffnet</a></p>', "Leitstelle"),
    ],
    ids=["php-id-query", "asp-no-query"],
)
def test_old_cms_articles_named_by_their_query_are_teasers(teaser: str, gone: str) -> None:
    """Old CMSes name every article by a query on one script ("/cikk.php?id=20411")."""
    text = _texts(teaser)
    assert gone not in text and "statutory period" in text


def test_a_link_to_the_page_itself_with_its_own_query_stays() -> None:
    page = "https://www.harbour-gazette.example/cikk.php?id=20433"
    same = '<p>» <a href="/cikk.php?id=20433">A mai cikk nyomtatható változata</a></p>'
    tree = lxml.html.document_fromstring(f"<html><body><article>{BODY.format(teaser=same)}</article></body></html>")
    remove_teasers(tree, page)
    assert "nyomtatható" in tree.text_content()


def test_a_teaser_heading_with_a_colon_goes_with_its_br_lines() -> None:
    html = (
        '<div class="x"><b>További hírek a rovatból:</b><br>'
        '» <a href="/cikk.php?id=20411">Új kiállítás nyílt a múzeumban</a><br>'
        '» <a href="/cikk.php?id=20398">Adventi koncertsorozat a főtéren</a></div>'
    )
    tree = lxml.html.document_fromstring(f"<html><body><article>{BODY.format(teaser=html)}</article></body></html>")
    remove_teasers(tree, PAGE)
    text = tree.text_content()
    assert "További hírek" not in text and "koncertsorozat" not in text and "statutory period" in text


@pytest.mark.parametrize("spacer", ["<div>&nbsp;</div>", "<p><br></p>", "<p></p>"])
def test_a_teaser_between_spacers_takes_one_spacer_with_it(spacer: str) -> None:
    """Pasted statements use spacer blocks between paragraphs; a teaser set between two of them
    must leave one, not two, or the paragraph break around it looks wider than the others."""
    teaser = '<div><strong>Citește și:</strong> <a href="/local/bugetul-pe-2027-4410">Bugetul pe 2027, în dezbatere publică</a></div>'
    html = f"<div class='body'><div>Unu.</div>{spacer}{teaser}{spacer}<div>Doi.</div>{spacer}<div>Trei.</div></div>"
    tree = lxml.html.document_fromstring(f"<html><body>{html}</body></html>")
    remove_teasers(tree, PAGE)
    body = tree.find(".//div[@class='body']")
    assert body is not None
    shapes = ["text" if child.text_content().strip() else "spacer" for child in body]
    assert shapes == ["text", "spacer", "text", "spacer", "text"]


def test_a_most_read_box_with_its_heading_goes() -> None:
    """A heading opening a block of teaser links ("<div><h3>Paling Popular</h3><a>…</a> <a>…</a></div>")."""
    box = (
        '<div class="c-p2"><h3>Paling Popular</h3><a href="/sukan/piala-malaysia-4410">Terengganu mara ke separuh akhir</a> '
        '<a href="/bisnes/harga-ikan-4402">Harga ikan naik menjelang musim tengkujuh</a></div>'
    )
    text = _texts(box)
    assert "Paling Popular" not in text and "Harga ikan" not in text and "statutory period" in text


def test_a_label_line_above_teaser_lines_between_brs_goes() -> None:
    """「【関連記事】<br><a>・…</a><br><a>・…</a>」 inside a body of <br> lines."""
    html = (
        '<div class="honbun">市営プールは設備の老朽化に伴い改修工事を行います。<br><br>【関連記事】<br>'
        '<a href="/local/20261102_gym.html">・総合体育館、耐震工事で一部閉鎖</a><br>'
        '<a href="/local/20261015_budget.html">・補正予算案、公共施設の改修費を計上</a><br><br>'
        '工事費は約2億3千万円を見込んでいる。</div>'
    )
    text = _text_of(f"<html><body>{html}</body></html>", "https://minato.example/local/20261120_pool.html")
    assert "関連記事" not in text and "体育館" not in text
    assert "老朽化" in text and "2億3千万円" in text


def test_links_to_the_canonical_host_are_internal_on_a_mirror() -> None:
    """A page fetched from a mirror, CDN or replay host links its articles by the outlet's own name."""
    teaser = '<p>Read also: <a href="https://www.harbour-gazette.example/politics/2026/10/strike-4390">Dispatchers strike over staffing</a></p>'
    ministry = '<p>See <a href="https://ministry.example/reports/2026/dispatch-4390">Dispatch review published by the ministry</a></p>'
    html = (
        "<html><head><link rel='canonical' href='https://harbour-gazette.example/politics/2026/11/ombudsman-report-4411'>"
        f"</head><body><article>{BODY.format(teaser=teaser + ministry)}</article></body></html>"
    )
    tree = lxml.html.document_fromstring(html)
    remove_teasers(tree, "http://127.0.0.1:8080/politics/2026/11/ombudsman-report-4411")
    text = tree.text_content()
    assert "Dispatchers strike" not in text and "Dispatch review published" in text


def test_the_host_most_links_name_is_internal_on_a_mirror() -> None:
    """A theme that writes absolute URLs names the outlet's host in every menu link; served from a
    mirror without a canonical link, that host is still the site's own. A lone link elsewhere is not."""
    teaser = '<p>Read also: <a href="https://harbour-gazette.example/politics/2026/10/strike-4390">Dispatchers strike over staffing</a></p>'
    ministry = '<p>See <a href="https://ministry.example/reports/2026/dispatch-4390">Dispatch review published by the ministry</a></p>'
    menu = "".join(f'<a href="https://harbour-gazette.example/{s}/">{s}</a> ' for s in ("politics", "city", "sport", "culture", "weather"))
    html = f"<html><body><nav>{menu}</nav><article>{BODY.format(teaser=teaser + ministry)}</article></body></html>"
    tree = lxml.html.document_fromstring(html)
    remove_teasers(tree, "http://127.0.0.1:8080/politics/2026/11/ombudsman-report-4411")
    text = tree.text_content()
    assert "Dispatchers strike" not in text and "Dispatch review published" in text
    few = lxml.html.document_fromstring(f"<html><body><article>{BODY.format(teaser=teaser)}</article></body></html>")
    remove_teasers(few, "http://127.0.0.1:8080/politics/2026/11/ombudsman-report-4411")
    assert "Dispatchers strike" in few.text_content()  # one link to another host proves nothing


def test_the_host_spelled_as_the_sites_name_is_internal_on_a_mirror() -> None:
    """A Brazilian WordPress site's "LEIA TAMBÉM" list links two articles by absolute URL on
    folhadocerrado.com.br; the page, served from a mirror, names itself "Folha do Cerrado" (<title>,
    og:site_name) but has no canonical link and few absolute links."""
    teaser = '<p>Read also: <a href="https://folhadocerrado.com.br/cidades/2026/11/goiania-decreta-emergencia/">Goiânia decreta emergência</a></p>'
    ministry = '<p>See <a href="https://saude.gov.example/boletins/2026/dengue-48">Boletim publicado pelo ministério</a></p>'
    for head in ("<title>Vacina contra a dengue | Folha do Cerrado</title>", "<meta property='og:site_name' content='Folha do Cerrado'>"):
        tree = lxml.html.document_fromstring(f"<html><head>{head}</head><body><article>{BODY.format(teaser=teaser + ministry)}</article></body></html>")
        remove_teasers(tree, "http://127.0.0.1:8080/saude/2026/11/vacina-dengue-adolescentes/")
        text = tree.text_content()
        assert "Goiânia decreta" not in text and "Boletim publicado" in text


def test_a_phrase_heading_a_list_of_teaser_lines_goes_with_it() -> None:
    """An old table layout: the section's "More from …" heading in a <font>, then bulleted links,
    one per <br>, loose in the same cell as the body's paragraphs."""
    html = (
        "<td class='main'><p>The police said the syndicate uses unmarked vehicles on the R40.</p>"
        "<p>Motorists should call their insurer before handing over keys.</p>"
        "<font class='morehead'>More from Crime &amp; Courts</font><br>"
        "&bull; <a href='/news/crime/hijacking-kruger-gate/'>Hijacking suspect shot near Kruger Gate</a><br>"
        "&bull; <a href='/news/crime/stolen-livestock/'>Stolen livestock recovered near Barberton</a><br></td>"
    )
    text = _text_of(f"<html><body><table><tr>{html}</tr></table></body></html>", "https://lowveld.example/news/crime/fake-tow-trucks/")
    assert "More from" not in text and "Kruger Gate" not in text
    assert "unmarked vehicles" in text and "handing over keys" in text


def test_a_sentence_above_a_single_teaser_line_stays() -> None:
    """Only a list's heading may be a phrase: a short sentence above one teaser line is text."""
    html = (
        "<div>The council meets again on Monday.<br>"
        "<a href='/news/2026/11/council-budget-4410'>Council budget: what changes</a><br>"
        "The vote is expected in December.</div>"
    )
    assert "meets again on Monday" in _text_of(f"<html><body>{html}</body></html>", "https://lowveld.example/news/2026/11/council-4411")



def test_teaser_items_with_a_date_in_full_width_brackets_go() -> None:
    """Japanese lists of the section's latest stories: "<li><a>…</a>（11/27）</li>"."""
    html = (
        "<div class='kanren'><b>社会の最新記事</b><ul>"
        "<li><a href='/news/shakai/2026/11/20261127_05.html'>瀬戸大橋線、強風で一時運転見合わせ</a>（11/27）</li>"
        "<li><a href='/news/shakai/2026/11/20261126_07.html'>児島の小学校で不審者情報</a>（11/26）</li></ul></div>"
    )
    text = _texts(html)
    assert "瀬戸大橋線" not in text and "最新記事" not in text and "statutory period" in text


def test_a_section_of_related_links_under_its_heading_goes() -> None:
    """"<section class=benzer-haberler><h3>Benzer Haberler</h3><a>…</a><a>…</a></section>": bare
    links under a heading, no list items; with three links or more the block may be long."""
    links = "".join(
        f"<a href='/gundem/haber-{n}-h98{n}.html'>İzmir'de yeni dönem başlıyor: belediye ulaşım planını açıkladı, bölüm {n}</a>"
        for n in range(3)
    )
    text = _texts(f"<section class='benzer-haberler'><h3>Benzer Haberler</h3>{links}</section>")
    assert "Benzer Haberler" not in text and "ulaşım planını" not in text and "statutory period" in text
