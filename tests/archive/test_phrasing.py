"""Loose text after a block child is wrapped in a <p>, in place, with nothing lost.

Real behaviour: a CMS body element holds pasted text and the blocks the editor inserted into it
(an image <div>, an ad slot, a pull quote), so a paragraph of the statement is the tail of the
image block. Comment widgets start with loose text ("<b>name</b> wrote:") before their <p>.
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
