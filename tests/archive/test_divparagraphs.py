# ruff: noqa: E501  (HTML fixtures read best on one line)
"""Prose set in a <div> among a body's <p> paragraphs stays in the text.

Real behaviour: a Portuguese regional weekly's 2000s table layout sets the statement's quoted
passages in a shaded one-cell table (`<table bgcolor=#F3F0E6><td class=citacao><font face=Georgia>`)
between the reporter's `<p class=texto>` paragraphs; a newer CMS pastes an editor's paragraph as
a bare `<div>`; a German portal sets the quoted decision in `<div class="zitat">`. trafilatura reads
no `<div>` on a page with enough `<p>` text, so each was lost. Varied: table cell, bare div, classed
div, two in a row. What stays as it was: a body of divs alone (trafilatura reads those), short
divs (an ad label), divs outside the body (a side box).
"""

from __future__ import annotations

import lxml.html
import pytest

from archive.bodycontainer import body_container
from archive.divparagraphs import retag_prose_divs
from archive.extract import extract
from tests.archive.captures import html_capture

PARAGRAPHS = [
    "A Provedora de Justiça recomendou à Câmara Municipal que suspenda a cobrança da nova taxa aos vendedores do mercado semanal.",
    "A recomendação surge na sequência de uma queixa apresentada em agosto pela associação de feirantes, que contesta a taxa desde o verão.",
    "Contactado pelo jornal, o vereador com o pelouro dos mercados disse que a autarquia está a analisar a recomendação com os serviços jurídicos.",
    "Segundo a associação de feirantes, cerca de 140 vendedores pagaram a taxa, que varia entre 4 e 11 euros por dia de mercado.",
]
QUOTE = "No texto enviado à autarquia, a Provedora escreve que a cobrança de um tributo com base num regulamento ainda não publicado viola o princípio da legalidade."


def page(quote_block: str) -> str:
    first, second, *rest = (f"<p class='texto'>{p}</p>" for p in PARAGRAPHS)
    return (
        "<html><head><title>Provedora manda suspender taxa | Voz do Alvor</title></head><body>"
        "<table width='980'><tr><td class='lateral' width='160'><a href='/'>Início</a><br><a href='/concelho'>Concelho</a></td>"
        f"<td class='conteudo'><h1>Provedora manda suspender taxa</h1>{first}{second}{quote_block}{''.join(rest)}</td></tr></table>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    "quote_block",
    [
        f"<table width='100%' bgcolor='#F3F0E6'><tr><td class='citacao'><font face='Georgia' size='2'>{QUOTE}</font></td></tr></table>",
        f"<div>{QUOTE}</div>",
        f"<div class='zitat'><span>{QUOTE}</span></div>",
        f"<div><div><div class='citacao'><font>{QUOTE}</font></div></div></div><div>{QUOTE.replace('No texto', 'Na carta')}</div>",
    ],
    ids=["shaded-table-cell", "bare-div", "classed-div", "nested-two"],
)
def test_a_quoted_passage_in_a_div_between_paragraphs_is_kept(quote_block: str) -> None:
    text = extract(html_capture(page(quote_block), "http://127.0.0.1:8000/noticias/ver.php?id=21004")).text or ""
    assert QUOTE in text
    assert all(p in text for p in PARAGRAPHS)
    if "Na carta" in quote_block:
        assert QUOTE.replace("No texto", "Na carta") in text


def retagged(html: str) -> tuple[int, str]:
    tree = lxml.html.document_fromstring(html)
    count = retag_prose_divs(body_container(tree))
    return count, lxml.html.tostring(tree, encoding="unicode")


def test_a_body_of_divs_alone_is_left_as_it_is() -> None:
    body = "".join(f"<div class='art__p'>{p}</div>" for p in PARAGRAPHS)
    count, html = retagged(f"<html><body><div class='article'>{body}</div></body></html>")
    assert count == 0 and "<p>" not in html


def test_short_divs_and_divs_outside_the_body_stay_divs() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    side = f"<div class='side'>{QUOTE}</div>"
    count, html = retagged(f"<html><body><div class='article'>{body}<div>Publicidade</div></div>{side}</body></html>")
    assert count == 0
    assert "<div>Publicidade</div>" in html and f"<div class=\"side\">{QUOTE}</div>" in html


def test_a_div_above_the_first_paragraph_is_the_leads_slot_and_stays() -> None:
    """A Joomla theme's "bajada" in a <div> above the body's first <p>: the lead, not the text."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    count, _ = retagged(f"<html><body><div class='article'><div class='bajada'><em>{QUOTE}</em></div>{body}</div></body></html>")
    assert count == 0


def test_a_body_of_divs_with_a_stray_paragraph_is_left_as_it_is() -> None:
    """A Vietnamese portal's body: one <div class=sc-p> per paragraph, a <p> inside a quote box."""
    divs = "".join(f"<div class='sc-p'>{p}</div>" for p in PARAGRAPHS)
    count, _ = retagged(f"<html><body><div class='sc-content'><p>{QUOTE}</p>{divs}</div></body></html>")
    assert count == 0
