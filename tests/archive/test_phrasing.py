# ruff: noqa: E501  (HTML fixtures read best on one line)
"""Loose text after a block child is wrapped in a <p>, in place, with nothing lost.

Real behaviour: a CMS body element holds pasted text and the blocks the editor inserted into it
(an image <div>, an ad slot, a pull quote), so a paragraph of the statement is the tail of the
image block. Comment widgets start with loose text ("<b>name</b> wrote:") before their <p>.
Old layouts open the article's own element with its first paragraph as loose text before a "read
also" table (`<div class=artikeltext>First…<br><br><table class=lesetipp>…</table>Second…`), write
the paragraphs after a photo as `<br><br>` lines, and wrap the whole text, `<p>`s and all, in a
`<font>`; a section label or byline sits loose before the headline in the page's column.
"""

from __future__ import annotations

import lxml.html

from archive.phrasing import wrap_loose_text


def test_text_after_a_block_becomes_a_paragraph_in_place() -> None:
    tree = lxml.html.fromstring(
        "<div>First paragraph.<br><br><div class='pic'><img src='/a.jpg'></div>Second <b>bold</b> part.<br>"
        "<p>Editor line</p>Third.</div>"
    )
    before = " ".join(tree.text_content().split())
    assert wrap_loose_text(tree) == 2
    assert " ".join(tree.text_content().split()) == before
    assert [p.text_content() for p in tree.iter("p")] == ["Second bold part.", "Editor line", "Third."]
    assert tree.text.startswith("First paragraph.")  # the leading run is left as it was


def test_blank_tails_and_inline_only_containers_are_left_alone() -> None:
    tree = lxml.html.fromstring("<div><p>One.</p>\n  <p>Two.</p>\n</div>")
    assert wrap_loose_text(tree) == 0
    inline_only = lxml.html.fromstring("<div>Line one<br>line two <a href='/x'>link</a></div>")
    assert wrap_loose_text(inline_only) == 0
    assert inline_only.find("p") is None


BODY_TEXT = (
    "<div class='artikeltext'>First paragraph of the statement.<br><br>Second paragraph.<br><br>"
    "<table class='lesetipp'><tr><td><b>Lesen Sie auch:</b> <a href='/x.html'>Other story</a></td></tr></table>"
    "Third paragraph.<br><br>Fourth paragraph.</div>"
)


def test_the_body_containers_leading_run_is_wrapped_too() -> None:
    """trafilatura keeps the loose text after a block once it is a <p>, but drops a leading run left
    loose beside those <p>s: in the body container, the first paragraph."""
    tree = lxml.html.fromstring(f"<div class='column'><span class='label'>Lokales</span><br>{BODY_TEXT}</div>")
    body = tree.find(".//div[@class='artikeltext']")
    before = " ".join(tree.text_content().split())
    wrap_loose_text(tree, body)
    assert " ".join(tree.text_content().split()) == before
    assert body.text is None and body[0].tag == "p" and body[0].text.startswith("First paragraph")
    assert tree[0].tag == "span"  # outside the body, the label before the headline stays loose


def test_a_run_of_br_lines_after_a_block_is_wrapped() -> None:
    """The words of "<div class=photo/>\n<br>Line one.<br><br>Line two." are all in the <br>s' tails."""
    tree = lxml.html.fromstring(
        "<div><p>Lead paragraph.</p><div class='photo'><img src='/a.jpg'></div><br>Line one.<br><br>Line two.<br></div>"
    )
    assert wrap_loose_text(tree) == 1
    assert [p.text_content() for p in tree.iter("p")] == ["Lead paragraph.", "Line one.Line two."]


def test_an_inline_element_around_paragraphs_is_not_wrapped() -> None:
    """A <p> around `<font><p>…</p><p>…</p></font>` would nest paragraphs, which parsers merge into one."""
    tree = lxml.html.fromstring(
        "<div><font size='4'><b>Headline</b></font><br><font size='2'><p>One.</p><p>Two.</p></font>"
        "<hr><font size='1'>Print | Mail</font></div>"
    )
    wrap_loose_text(tree, tree)
    assert [p.text_content() for p in tree.iter("p")] == ["One.", "Two.", "Print | Mail"]


def test_a_leading_line_of_prose_is_wrapped_once_the_runs_after_it_are() -> None:
    """A Blogger post body: its first paragraph loose, then a photo <div>, then "<br>text" lines. Once
    those lines are a <p>, a loose first paragraph beside it would be dropped: a leading run holding a
    line of prose is wrapped too; a short label before a heading is not."""
    first = "Chelsea have this morning paid the release fee to the league to complete the record signing of the goalkeeper from Bilbao"
    tree = lxml.html.fromstring(
        f"<div class='post-body'>{first}<br><div class='separator'><img src='/a.jpg'></div>"
        "<br>This has freed the move of the other keeper to Madrid.<br><br>He will undergo a medical today.</div>"
    )
    wrap_loose_text(tree)
    assert [p.text_content().strip()[:20] for p in tree.iter("p")] == [first[:20], "This has freed the m"]
    labelled = lxml.html.fromstring(
        "<div><span class='seccao'>Concelho</span><br><h1>Provedora manda suspender taxa</h1>"
        "<p>A Provedora de Justiça recomendou à Câmara que suspenda a cobrança da taxa.</p>Texto solto depois.</div>"
    )
    wrap_loose_text(labelled)
    assert labelled[0].tag == "span"
