"""Text and tree clean-up around trafilatura: pruning, pasted lines, bylines.

Kept apart from `extract.py` so each rule can be tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import lxml.html
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from archive.bylines import (
    CO_AUTHOR_JOIN,
    MAX_CO_AUTHORS,
    bracketed_name_line,
    byline_line,
    clean_author,
    is_label_only,
    name_place_byline,
    opening_report_mark,
)
from archive.chromelines import (
    is_advert_label,
    is_comment_counter,
    is_comment_heading,
    is_correction_note,
    is_labelled_list,
    is_menu_line,
    is_newsletter_promotion,
    is_outlet_notice,
    is_typo_prompt,
    is_view_counter,
)
from archive.credits import is_caption_line, is_credit_line, is_outer_credit_line, is_photo_credit_line
from archive.datelines import (
    ROW_SEPARATORS,
    YEAR_LIKE,
    date_line_kind,
    is_date_row,
    is_relative_stamp,
    is_stamp_word,
    is_update_note,
    name_in_date_row,
    through_clock,
)
from archive.headerlines import block_lines
from archive.linejoin import display_width, join_visual_lines
from archive.profiles import Profile
from archive.scripts import OTHER_FULL_STOPS

NBSP_LIKE = re.compile(r"[\u00a0\u2007\u202f\u200b\ufeff]")
SPACES = re.compile(r"[ \t\r\f\v]+")
NEVER_PRUNE = {"html", "body"}
QUOTATIONS = {"blockquote", "q"}
DATE_LINE_EDGE = 3
# A copyright sign, or "all rights reserved" in the languages news sites write in (a notice
# without the sign: "جميع الحقوق محفوظة لجريدة الواحة", "무단전재 및 재배포 금지", "版權所有").
RIGHTS_RESERVED = (
    "all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
    "tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|"
    "wszelkie prawa zastrzeżone|všechna práva vyhrazena|všetky práva vyhradené|minden jog fenntartva|"
    "toate drepturile rezervate|все права защищены|усі права захищені|сва права задржана|sva prava pridržana|"
    "tüm hakları saklıdır|με επιφύλαξη παντός δικαιώματος|כל הזכויות שמורות|جميع الحقوق محفوظة|"
    "كافة الحقوق محفوظة|تمامی حقوق|کلیه حقوق|सर्वाधिकार सुरक्षित|সর্বস্বত্ব সংরক্ষিত|สงวนลิขสิทธิ์|版权所有|版權所有|"
    r"無断転載|무단\s*전재|저작권자|hak cipta dilindungi|haki zote zimehifadhiwa|kaikki oikeudet pidätetään|"
    "alla rättigheter förbehållna|alle rettigheder forbeholdes|alle rettigheter reservert|bản quyền thuộc|"
    "всички права запазени|сите права задржани|усе правы абаронены|барлық құқықтар қорғалған|"
    "бүх эрх хуулиар хамгаалагдсан|ყველა უფლება დაცულია|բոլոր իրավունքները պաշտպանված են|"
    "visas tiesības aizsargātas|visos teisės saugomos|kõik õigused kaitstud|vse pravice pridržane|"
    "të gjitha të drejtat e rezervuara|allur réttur áskilinn|tots els drets reservats|"
    "todos os dereitos reservados|eskubide guztiak erreserbatuta|cedwir pob hawl|"
    "id-drittijiet kollha riservati|hak cipta terpelihara|lahat ng karapatan ay nakalaan|"
    "جملہ حقوق محفوظ|መብቱ በሕግ የተጠበቀ|រក្សាសិទ្ធិគ្រប់យ៉ាង|සියලු හිමිකම් ඇවිරිණි|"
    "அனைத்து உரிமைகளும் பாதுகாக்கப்பட்டவை|എല്ലാ അവകാശങ്ങളും നിക്ഷിപ്തം|સર્વાધિકાર સુરક્ષિત|"
    "reproduction interdite|nachdruck verboten|prohibida su reproducción|vietata la riproduzione|"
    "proibida a reprodução|kopiowanie zabronione|перепечатка запрещена|передрук заборонено|"
    # "use of the material without the editors' consent is prohibited", in the Caucasus and beyond
    "თანხმობის გარეშე აკრძალულია|առանց խմբագրության համաձայնության|без согласия редакции запрещено|"
    "без згоди редакції заборонено|bez zgody redakcji zabronione|razılığı olmadan qadağandır"
)
COPYRIGHT = re.compile(rf"[©ⓒ℗]|\(c\)\s*\d{{4}}|{RIGHTS_RESERVED}", re.IGNORECASE)
MAX_COPYRIGHT_CHARS = 120
MAX_OPENING_COPYRIGHT_CHARS = 260
_OPENING_COPYRIGHT = re.compile(r"^\W{0,3}(?:copyright|©|ⓒ|\(c\))", re.IGNORECASE)


def is_rights_notice(line: str) -> bool:
    """A short line with a copyright sign or "all rights reserved"; one that opens with the sign may
    go on ("Copyright © 2026 The Tribune. All rights reserved. This material may not be …")."""
    if not COPYRIGHT.search(line):
        return False
    limit = MAX_OPENING_COPYRIGHT_CHARS if _OPENING_COPYRIGHT.match(line) else MAX_COPYRIGHT_CHARS
    return len(line) <= limit
"""A short line with a copyright sign near the start or end is the outlet's notice, in any language."""
"""A labelled date line ("Mis à jour le 3 novembre 2026") goes only this close to the start or end."""


@lru_cache(maxsize=1024)
def selector(css: str) -> CSSSelector:
    """A compiled CSS selector; compiling costs more than matching, so each is compiled once."""
    return CSSSelector(css)


TABLE_RULE = re.compile(r"^\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*$")
TABLE_ROW = re.compile(r"^\|\s*(.*?)\s*\|$")


def normalise_whitespace(text: str) -> str:
    """NBSP and friends become spaces; runs of spaces collapse; blank lines go.

    trafilatura writes a data table as Markdown; in plain text a row is "cell | cell" and the
    "|---|---|" rule under the header row is no line of the text.
    """
    lines = []
    for line in NBSP_LIKE.sub(" ", text).splitlines():
        line = SPACES.sub(" ", line).strip()
        if TABLE_RULE.match(line):
            continue
        line = TABLE_ROW.sub(r"\1", line) if line.count("|") >= 2 else line
        if line:
            lines.append(line)
    return "\n".join(lines)


def sole_wrapper(element: HtmlElement, within: HtmlElement | None = None) -> HtmlElement:
    """The parent holding nothing but this element (a CMS field's or an author box's wrapper, not
    `within` itself), or the element."""
    parent = element.getparent()
    if parent is None or parent is within or _words_of(parent) != _words_of(element):
        return element
    return parent


def _words_of(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def remove_keep_tail(element: HtmlElement) -> None:
    """Remove an element but keep the text after it (its tail) in place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


_ATTRIBUTE_RULE = re.compile(r"^\[(class|id)([*~])=([A-Za-z0-9_-]+)\]$")
_XML_SPACE = re.compile(r"[ \t\r\n]+")  # what cssselect's ~= (normalize-space) splits on
AttributeRule = tuple[str, str, str, str]  # (css, attribute, operator, value)


@lru_cache(maxsize=256)
def _prune_plan(
    selectors: tuple[str, ...],
) -> tuple[tuple[AttributeRule, ...], dict[str, re.Pattern[str]], tuple[str, ...]]:
    """Split rules into `[class*=x]`/`[id*=x]`/`[class~=x]` ones (tested in Python) and the rest.

    Why: each attribute rule compiled to XPath scans the whole tree; twenty of them cost
    more than trafilatura's own cleaning. One pass over the elements that have a class or
    id, screened by one regex per attribute, gives the same matches.
    """
    rules: list[AttributeRule] = []
    others: list[str] = []
    for css in selectors:
        found = _ATTRIBUTE_RULE.match(css)
        if found:
            rules.append((css, found.group(1), found.group(2), found.group(3)))
        else:
            others.append(css)
    screens = {
        attribute: re.compile("|".join(re.escape(rule[3]) for rule in rules if rule[1] == attribute))
        for attribute in ("class", "id")
        if any(rule[1] == attribute for rule in rules)
    }
    return tuple(rules), screens, tuple(others)


def _attribute_hits(
    element: HtmlElement, rules: tuple[AttributeRule, ...], screens: dict[str, re.Pattern[str]]
) -> list[str]:
    hits: list[str] = []
    for attribute, screen in screens.items():
        value = element.get(attribute)
        if value is None or not screen.search(value):
            continue
        words: list[str] | None = None
        for css, name, operator, wanted in rules:
            if name != attribute:
                continue
            if operator == "*":
                if wanted in value:
                    hits.append(css)
            else:
                words = words if words is not None else _XML_SPACE.split(value)
                if wanted in words:
                    hits.append(css)
    return hits


def prune(tree: HtmlElement, selectors: Iterable[str]) -> int:
    """Remove every element matching a CSS selector; returns how many went."""
    rules, screens, others = _prune_plan(tuple(selectors))
    removed = 0
    if rules:
        for element in tree.xpath("descendant-or-self::*[@class or @id]"):
            hits = _attribute_hits(element, rules, screens)
            if not hits or element.tag in NEVER_PRUNE or element.getparent() is None:
                continue
            if element.tag in ("article", "main") and all(css.startswith("[class*=") for css in hits):
                continue  # a generic substring rule must not take the article itself
            if element.tag in QUOTATIONS:
                continue  # "<blockquote class=comment>": a statement quoted in full, not reader comments
            remove_keep_tail(element)
            removed += 1
    for css in others:
        for element in selector(css)(tree):
            if element.tag in NEVER_PRUNE or element.getparent() is None:
                continue
            if element.tag in ("article", "main") and css.startswith("[class*="):
                continue
            remove_keep_tail(element)
            removed += 1
    return removed


def join_pasted_lines(tree: HtmlElement) -> int:
    """Re-join visual lines of pasted text into paragraphs (see `archive.linejoin`)."""
    return join_visual_lines(tree)


def apply_line_rules(
    text: str, profiles: Iterable[Profile], languages: tuple[str, ...] = ()
) -> tuple[str, str | None]:
    """Drop boilerplate, byline and date lines; returns (text, byline author).

    `languages` (dateparser codes) are where date lines are looked for; empty means all.
    """
    profiles = list(profiles)
    kept: list[str] = []
    dropped_before: list[int] = []  # for each kept line, how many lines were dropped just before it
    uncut = _cut_comment_section(text.splitlines())
    lines = _cut_closing_block(uncut, languages)
    # The closing block may hold the byline ("Autor: Tomáš Hájek" over the share bar): it goes
    # with the block, and names the author.
    closing_author = next((name for line in uncut[len(lines) :] if (name := byline_line(line))), None)
    author: str | None = None
    lines = _rejoin_split_bylines(lines)
    opening = opening_report_mark(lines[0]) if lines else None
    if opening is not None:
        author, lines[0] = opening
    middle_date_checks = MAX_MIDDLE_DATE_CHECKS
    for number, printed in enumerate(lines):
        line = _LIST_MARK.sub("", printed)  # trafilatura's "- " before a list item: the rules read the item
        if number == len(lines) - 1 and number > 0 and is_rights_notice(line):
            continue  # a long one too: "Copyright 2026 The Sentinel. All rights reserved. This material …"
        if len(line) <= 200:
            byline = _match_byline(line, profiles)
            if byline is not None:
                author = author or byline
                continue
            if is_menu_line(line) or is_typo_prompt(line) or is_advert_label(line) or is_view_counter(line):
                continue
            if number == 0 and len(lines) >= MIN_LINES_FOR_LONE_LABEL and _is_lone_label(line):
                continue
            if is_photo_credit_line(line) or is_caption_line(line):
                continue
            following = lines[number + 1] if number + 1 < len(lines) else ""
            if _is_caption_over_credit(line, following):
                continue
            if any(p.search(line) for prof in profiles for p in prof.drop_line_patterns):
                continue
            at_edge = min(number, len(lines) - 1 - number) < DATE_LINE_EDGE
            edge_byline = byline_line(line) if at_edge else None
            if edge_byline is None and number in (0, len(lines) - 1):
                edge_byline = name_place_byline(line)
            if edge_byline is None and number == len(lines) - 1 and number >= 2:
                edge_byline = bracketed_name_line(line)
            if edge_byline is not None:
                author = author or edge_byline
                continue
            if not at_edge and YEAR_LIKE.search(line):
                middle_date_checks -= 1  # each is a dateparser call, up to ~200 locales when unknown
            if (at_edge or middle_date_checks >= 0) and _is_date_line(line, languages, at_edge):
                continue
            if at_edge and (is_credit_line(line) or is_update_note(line) or is_correction_note(line)):
                continue
            if at_edge and is_relative_stamp(line, languages):
                continue
            if at_edge and is_date_row(line, languages):
                author = author or name_in_date_row(line) or _labelled_name_in_row(line)
                continue
            if at_edge and _is_date_then_counter(line, languages):
                continue
            dated = _dated_header_row(line, languages) if at_edge else None
            if dated is not None:
                author = author or dated or None
                continue
            if at_edge and (is_labelled_list(line) or is_comment_counter(line) or is_outlet_notice(line)):
                continue
            if at_edge and is_rights_notice(line):
                continue
        dropped_before.append(number - len(kept) - sum(dropped_before))
        kept.append(printed)
    kept = _trim_chrome_tail(kept, dropped_before)
    kept = _strip_outer_credits(_drop_closing_prompts(kept))
    if kept:
        kept[-1], signed = _closing_signature(kept[-1])
        author = author or signed
    return "\n".join(kept), author or closing_author


# Japanese and Chinese papers sign the last paragraph inside it, after its last full stop:
# "…全力を挙げる」と述べた。（佐藤美穂）", "…（社会部・山本彩花）"; wire copy closes with the agency.
_SIGNED_LAST = re.compile(r"^(?P<text>.*[。！？」』])[\s　]*[（(](?P<name>[^（）()]{2,16})[）)]$")
_WIRE_AGENCIES = frozenset(
    "共同 時事 新華社 新华社 中央社 聯合 联合 中新社 ロイター 路透 ＡＦＰ ＡＰ 연합뉴스 뉴시스".split()
)
MAX_SIGNED_NAME_CHARS = 5


def _closing_signature(line: str) -> tuple[str, str | None]:
    """The last paragraph without the bracketed signature closing it, and the reporter it names (None
    for a wire agency's mark, which goes too); the line as it is when it has none."""
    match = _SIGNED_LAST.match(line)
    if match is None:
        return line, None
    inner = match.group("name").strip()
    if inner in _WIRE_AGENCIES or _BRACKETED_DESK.match(f"（{inner}）"):
        return match.group("text"), None  # "（共同）", "（北見支局）": the agency's or the desk's mark
    bracketed = bracketed_name_line(f"（{inner}）")
    name = clean_author(bracketed) if bracketed else None  # "（记者 李华）": the label goes
    if name is None or len("".join(name.split())) > MAX_SIGNED_NAME_CHARS:
        return line, None
    return match.group("text"), name


_LIST_MARK = re.compile(r"^- (?=\S)")
MAX_CLOSING_BLOCK_LINES = 4
MAX_CLOSING_LINE_CHARS = 140
MIN_LINES_BEFORE_CLOSING_BLOCK = 2


def _cut_closing_block(lines: list[str], languages: tuple[str, ...]) -> list[str]:
    """The outlet's closing block: a source or credit line, an update note, a dateline or a rights
    line, and the short lines under it.

    Outlets close an article with a block of their own: "Izvor: Lučka kapetanija Split", then a
    comment prompt, then "Spotted a mistake? Tell us at …". Each rule knows a line only when it is
    the text's last; here the first such line among the last few short lines ends the text, and
    whatever short lines follow it (prompts, promotions in any wording) go with it.
    """
    end = len(lines)
    first_short = end
    while first_short > max(MIN_LINES_BEFORE_CLOSING_BLOCK, end - MAX_CLOSING_BLOCK_LINES):
        if display_width(lines[first_short - 1]) > MAX_CLOSING_LINE_CHARS:
            break
        first_short -= 1
    for index in range(first_short, end - 1):  # the last line alone is the other rules' business
        if _opens_closing_block(lines[index], languages):
            return lines[:index]
    return lines


# A publication or update stamp ("Апублікавана: 26.11.2026, 09:12"), not a place dateline ("Geneva,
# 18 September 2026") that may open a pasted statement's closing lines.
_STAMP_LABEL = re.compile(r"^[^\W\d_][^\d:：]{0,30}[:：]\s*\S")


def _opens_closing_block(line: str, languages: tuple[str, ...]) -> bool:
    return (
        (is_outer_credit_line(line) and not is_photo_credit_line(line))  # a photo credit sits under its image
        or is_update_note(line)
        or is_correction_note(line)
        or (_STAMP_LABEL.match(line) is not None and date_line_kind(line, languages) is not None)
        or is_rights_notice(line)
        or is_date_row(line, languages)
        or is_advert_label(line)  # an ad slot, then the side column's boxes under it
        or is_newsletter_promotion(line)
    )


def _cut_comment_section(lines: list[str]) -> list[str]:
    """The reader comments under the text, from their heading ("Diskusia (4)", "Comentarios de los
    lectores", "网友评论") down, however long the comments are; never in the text's first third."""
    for index in range(max(MIN_LINES_BEFORE_CLOSING_BLOCK, len(lines) // 3), len(lines)):
        if is_comment_heading(lines[index]):
            return lines[:index]
    return lines


MAX_CAPTION_CHARS = 120
_CLOSING_QUOTES = "\"'”’»」』)）】"


def _is_caption_over_credit(line: str, following: str) -> bool:
    """A short line without a sentence end right above a photo credit is that photo's caption
    ("Uncollected bins in Quarry Hill Road last week" / "Picture: Reader's own")."""
    return (
        bool(following)
        and len(line) <= MAX_CAPTION_CHARS
        and not SENTENCE_CLOSE.search(line.strip().rstrip(_CLOSING_QUOTES))
        and is_photo_credit_line(following)
    )


MIN_LINES_FOR_LONE_LABEL = 3
_LONE_LABEL = re.compile(r"^[^\W\d_]{2,24}\s?[:：]$")


def _is_lone_label(line: str) -> bool:
    """One word and a colon alone opening the text ("Aktualisiert:", "Publicado:"): a header label
    whose value (a date in a <time>, a name in a link) the page set apart. Without the colon a word
    may be the body's first heading ("Claim", "Background"), so it stays, unless it is a word for
    published or updated ("Publicerad <time>…</time>": the date went with its element)."""
    line = line.strip()
    return _LONE_LABEL.match(line) is not None or (len(line.split()) <= 2 and is_stamp_word(line))


MAX_PROMPT_CHARS = 60
MAX_PROMPT_WITH_ASK_CHARS = 110
MAX_CLOSING_PROMPTS = 2
_QUESTION_END = re.compile(r"[?？؟]\s*$")
# "Huomasitko virheen? Ilmoita siitä toimitukselle.", "Atopaches un erro nesta noticia? Avísanos":
# a short question, then one short request.
_QUESTION_THEN_ASK = re.compile(
    rf"^[^.!?。！？]{{3,{MAX_PROMPT_CHARS}}}[?？؟]\s+[^.!?。！？]{{2,60}}[.!。！]?$"
)


def _drop_closing_prompts(lines: list[str]) -> list[str]:
    """Short questions closing the text are the outlet's prompts ("Huomasitko virheen?", "Har du
    ett tips till redaktionen?", "Uočili ste pogrešku u tekstu?"), not the statement's end."""
    end = len(lines)
    while end > max(len(lines) - MAX_CLOSING_PROMPTS, 2):
        line = lines[end - 1]
        if len(line) > MAX_PROMPT_CHARS or not _QUESTION_END.search(line):
            break
        end -= 1
    return lines[:end]


def is_question_then_ask(line: str) -> bool:
    """A short question and one short request ("Huomasitko virheen? Ilmoita siitä toimitukselle."):
    a prompt when outlet lines were dropped just above it; a statement's closing Q and A otherwise."""
    line = _EMAIL_OR_URL.sub("@", line.strip())  # "Mejla tips@paper.example": the address is one word
    return len(line) <= MAX_PROMPT_WITH_ASK_CHARS and _QUESTION_THEN_ASK.match(line) is not None


_EMAIL_OR_URL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+")


MAX_TAIL_LINE_CHARS = 80
MIN_CHROME_BEFORE_TAIL = 2


def _trim_chrome_tail(kept: list[str], dropped_before: list[int]) -> list[str]:
    """A short last line after the outlet's closing chrome is chrome too.

    When the text ends in a source credit, or in two or more lines dropped above (tags, share
    bars, credits, bylines), a short line after them ("Yorum yapabilmek için giriş
    yapmalısınız.", "Diskusia k článku je uzavretá.") is a comment prompt or note: the
    statement's last paragraph came before the chrome.
    `dropped_before[i]` counts the lines dropped between kept line i-1 and kept line i.
    """
    if len(kept) < 3:
        return kept
    if dropped_before[-1] >= 1 and is_question_then_ask(kept[-1]):
        return kept[:-1]  # its own length limit: the address and number make it longer
    if len(kept[-1]) > MAX_TAIL_LINE_CHARS or display_width(kept[-1]) > MAX_TAIL_LINE_CHARS:
        return kept
    if dropped_before[-1] >= MIN_CHROME_BEFORE_TAIL or is_outer_credit_line(kept[-2]):
        return kept[:-1]
    return kept


MAX_OUTER_CREDITS = 2
MAX_MIDDLE_DATE_CHECKS = 20
"""Date lines inside the text are looked for this many times per page: a statement has few, and a
page of hundreds of year-bearing lines (a list, an archive, a hostile page) must not cost minutes."""


def _strip_outer_credits(lines: list[str]) -> list[str]:
    """Credit lines left at the very start or end once other edge lines are gone."""
    start, end = 0, len(lines)
    while start < min(MAX_OUTER_CREDITS, end) and is_outer_credit_line(lines[start]):
        start += 1
    while end > max(start, len(lines) - MAX_OUTER_CREDITS) and is_outer_credit_line(lines[end - 1]):
        end -= 1
    return lines[start:end]


def _rejoin_split_bylines(lines: list[str]) -> list[str]:
    """A byline's label and its name on two lines at the text's edge ("Autor:" | "Karolina Wróbel":
    the name in a <b> trafilatura set apart), read again as the one line the page prints."""
    joined: list[str] = []
    skip = False
    for number, line in enumerate(lines):
        if skip:
            skip = False
            continue
        at_edge = min(number, len(lines) - 1 - number) < DATE_LINE_EDGE
        after = lines[number + 1] if number + 1 < len(lines) else ""
        if at_edge and after and is_label_only(line) and byline_line(f"{line} {after}"):
            joined.append(f"{line} {after}")
            skip = True
            continue
        joined.append(line)
    return joined


def _labelled_name_in_row(line: str) -> str | None:
    """The byline piece of a date row ("Por: Lucía Méndez | Tulancingo, Hgo. | Viernes 20 de …")."""
    return next((name for piece in ROW_SEPARATORS.split(line) if (name := byline_line(piece))), None)


def _is_date_then_counter(line: str, languages: tuple[str, ...]) -> bool:
    """A dateline with the views or comments run on after its clock time, no separator between
    ("วันศุกร์ที่ 27 พฤศจิกายน 2569 เวลา 16:20 น. อ่าน 2,814": the &nbsp; between went with the HTML)."""
    parts = through_clock(line)
    if parts is None:
        return False
    day, rest = parts
    counter = is_view_counter(rest) or is_comment_counter(rest)
    return counter and date_line_kind(day, languages) is not None


# "2026年11月28日 06時00分　（大西真理子）", "…16:20 น. ผู้สื่อข่าว: ธนพล แก้วมณี": a dateline, then the
# reporter in brackets or after a label, with no separator between.
_THEN_BRACKETS = re.compile(r"^(?P<date>.*\d.*?)\s*(?P<name>[（(][^()（）\d]{2,30}[）)])$")
_THEN_LABEL = re.compile(r"^(?P<date>.*\d.*?)\s+(?P<name>[^\W\d_][^\s\d:：]{0,19}\s*[:：]\s*[^\d:：]{2,40})$")
# A bureau or desk in brackets alone ("（北見支局）", "（社会部）"): the outlet's, not a person.
_BRACKETED_DESK = re.compile(r"^[（(][^()（）\d\s]{1,12}(?:支局|総局|支社|本社|部|局|室|课|課)[）)]$")


def _dated_header_row(line: str, languages: tuple[str, ...]) -> str | None:
    """For a header row of a date and a byline: the reporter's name, or "" when the row names a
    desk; None when the line is not such a row (callers keep it to the text's edges)."""
    line = line.strip()
    if _BRACKETED_DESK.match(line):
        return ""
    for pattern in (_THEN_BRACKETS, _THEN_LABEL):
        match = pattern.match(line)
        if match is None or date_line_kind(match.group("date"), languages) is None:
            continue
        name = match.group("name")
        if _BRACKETED_DESK.match(name):
            return ""
        if pattern is _THEN_BRACKETS:
            return bracketed_name_line(name)  # else a note in brackets: it stays
        return byline_line(name)  # "ผู้สื่อข่าว: ธนพล แก้วมณี"; "Ort: Rathaus Nord" is no byline
    return None


def _is_date_line(line: str, languages: tuple[str, ...], at_edge: bool) -> bool:
    """A date on its own anywhere; a label plus a date only near the start or end of the text.

    At the edges a line the page's languages do not read is tried in every language: dateparser's
    data for a language can lack a form its outlets print ("Venres, 27 de novembro de 2026" in gl).
    """
    kind = date_line_kind(line, languages)
    if kind is None and at_edge and languages:
        kind = date_line_kind(line, ())
    return kind == "date" or (kind == "labelled" and at_edge)


def byline_from_tree(tree: HtmlElement, profiles: list[Profile]) -> str | None:
    """Author from byline elements (read before pruning removes them)."""
    for profile in profiles:
        for css in profile.byline_selectors:
            elements = selector(css)(tree)
            for element in elements:
                name = _element_byline(element, profiles)
                if name:
                    return _with_co_authors(name, element, elements, profiles)
    return None


def _element_byline(element: HtmlElement, profiles: list[Profile]) -> str | None:
    """A pattern of the site's, a labelled byline in any script, or, since the element itself says
    it holds the author, a bare name ("<span class=author>Ana Ruiz</span>"): line by line first
    ("Megan Lefebvre<br>Northshore Beacon staff"), then as a whole."""
    text = " ".join(element.text_content().split())
    if len(text) > MAX_BYLINE_ELEMENT_CHARS:
        return None
    for line in [*block_lines(element), text]:
        name = _match_byline(line, profiles) or byline_line(line)
        name = name or (None if is_label_only(line) else clean_author(line))
        if name:
            return name
    return None


def _with_co_authors(
    name: str, element: HtmlElement, matched: list[HtmlElement], profiles: list[Profile]
) -> str:
    """The byline element's next siblings of its kind, joined to it by a word for "and" ("<a
    rel=author>Jo Kim</a> and <a rel=author>Ana Ruiz</a>"), are co-authors: joined as printed."""
    names = [name]
    while len(names) < 2 * MAX_CO_AUTHORS - 1:
        following = element.getnext()
        joiner = f" {element.tail or ''} "
        same_kind = following is not None and any(following is m for m in matched)
        if following is None or not same_kind or not CO_AUTHOR_JOIN.fullmatch(joiner):
            break
        co_author = _element_byline(following, profiles)
        if co_author is None:
            break
        names += [" ".join(joiner.split()), co_author]
        element = following
    return " ".join(names)


MAX_BYLINE_ELEMENT_CHARS = 80


NUMERIC_DATE = re.compile(r"(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})")


def date_from_tree(tree: HtmlElement, profiles: list[Profile], latest: str) -> str | None:
    """First YYYY.MM.DD-style date in a profile's date elements, not after `latest`."""
    for profile in profiles:
        for css in profile.date_selectors:
            for element in selector(css)(tree):
                for year, month, day in NUMERIC_DATE.findall(element.text_content()):
                    found = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
                    if 1 <= int(month) <= 12 and 1 <= int(day) <= 31 and found <= latest:
                        return found
    return None


def keep_only_content(tree: HtmlElement, profiles: list[Profile]) -> bool:
    """If a profile names the content element(s), the body becomes just those.

    Table layouts (td#articleBody) otherwise come out as table rows with pipes.
    """
    for profile in profiles:
        for css in profile.content:
            found = selector(css)(tree)
            if not found:
                continue
            body = tree.find("body")
            if body is None:
                return False
            article = lxml.html.Element("article")
            for element in found:
                element.tag = "div"
                article.append(element)
            for child in list(body):
                body.remove(child)
            body.text = None
            body.append(article)
            return True
    return False


def _match_byline(line: str, profiles: list[Profile]) -> str | None:
    for profile in profiles:
        for pattern in profile.byline_patterns:
            match = pattern.match(line)
            if match:
                return match.group("name").strip()
    return None


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().lower()


MAX_SHORT_PHRASE_CHARS = 24
MAX_SHORT_PHRASE_WORDS = 3
SENTENCE_CLOSE = re.compile(rf"[.!?。！？{OTHER_FULL_STOPS}]$")


def is_short_phrase(text: str) -> bool:
    """Up to three short words not closing a sentence: a kicker ("Lokales") or a bare label ("관련기사")."""
    return (
        len(text) <= MAX_SHORT_PHRASE_CHARS
        and len(text.split()) <= MAX_SHORT_PHRASE_WORDS
        and not SENTENCE_CLOSE.search(text)
    )
TITLE_SEARCH_LINES = 3


def drop_title_line(text: str, title: str | None) -> str:
    """Drop a leading headline that repeats the title, and the kicker above it ("Lokales", "地域").

    The headline is metadata, not body; a section label printed over it is chrome. Only short
    lines without a sentence end count as a kicker, and only when the headline follows them.
    """
    lines = text.splitlines()
    key = _key(title or "")
    if not key:
        return text
    if len(lines) > 1 and _key(lines[-1]) == key:
        lines = lines[:-1]  # the headline again under the text (a print or share block repeats it)
        text = "\n".join(lines)
    for index, line in enumerate(lines[:TITLE_SEARCH_LINES]):
        if _same_headline(_key(line), key):
            if all(is_kicker(kicker) for kicker in lines[:index]):
                return "\n".join(lines[index + 1 :])
            break
    return text


MIN_HEADLINE_SHARE = 0.6


def _same_headline(line_key: str, title_key: str) -> bool:
    """The line is the title; or the title is the line plus the site's name ("Headline | Site"); or
    a shortened title whose every word is in the line ("… poplatok za odpad" for "… poplatok za
    komunálny odpad")."""
    if not line_key:
        return False
    if line_key == title_key:
        return True
    if title_key.startswith(line_key + " ") and len(line_key) >= MIN_HEADLINE_SHARE * len(title_key):
        return True
    title_words, line_words = set(title_key.split()), set(line_key.split())
    return len(title_words) >= MIN_SHORT_TITLE_WORDS and title_words <= line_words and (
        len(line_words) <= len(title_words) + MAX_WORDS_CUT_FROM_TITLE
    )


MIN_SHORT_TITLE_WORDS = 4
MAX_WORDS_CUT_FROM_TITLE = 3


def is_kicker(line: str) -> bool:
    """A section label, or a breadcrumb of them ("Región > Zvolenská Lehota"); or a label set in
    capitals, which may be longer ("PRIOPĆENJE LUČKE KAPETANIJE", "STATEMENT FROM THE MAYOR")."""
    parts = [part.strip() for part in re.split(r"\s[>»›/|]\s", line.strip())]
    if all(part and is_short_phrase(part) for part in parts):
        return True
    line = line.strip()
    letters = [ch for ch in line if ch.isalpha()]
    return (
        len(line) <= MAX_CAPITALS_KICKER_CHARS
        and len(letters) >= MIN_CAPITALS_KICKER_LETTERS
        and all(ch.isupper() for ch in letters)
        and not SENTENCE_CLOSE.search(line)
    )


MAX_CAPITALS_KICKER_CHARS = 60
MIN_CAPITALS_KICKER_LETTERS = 4
