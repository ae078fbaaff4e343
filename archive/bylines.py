"""Author names from page metadata and byline strings, in any script.

Why: trafilatura's author guess and site byline lines carry labels ("By", "Von",
"기자명", "记者", "文／", "بقلم:") and sometimes boilerplate ("Share", "Staff", a URL,
a date). Metadata the publisher wrote for machines (<meta name="author">, JSON-LD
author, article:author) is read first; every candidate passes the same cleaning
and is rejected when it does not look like a person's or desk's name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import regex as re  # Unicode-aware \w: combining marks of Thai, Devanagari, Bengali… are word characters
from lxml.html import HtmlElement

from archive.credits import PHOTO_LABELS, name_like
from archive.datelines import DASH_SEPARATOR
from archive.headerlines import TITLE_SEPARATOR, header_pieces
from archive.scripts import LABEL_COLONS, OTHER_FULL_STOPS, has_case, is_lowercase_start

MAX_AUTHOR_CHARS = 60

# A label before the name (Latin, Cyrillic, Arabic, CJK, Korean), with or without a colon.
# "By" before a name, and the "Author:"/"Reporter:" words, in the languages news sites write in.
_BY_WORDS = (
    "(?:written|posted|published|reported|words|story|text) by|"
    # Joomla's "created by" line in the site's language: "Escrito por", "Écrit par", "Scritto da" …
    "(?:escrito|escrita|écrit|écrite|scritto|scritta|geschrieben|geschreven|napisane|napsáno|írta) "
    "(?:por|par|da|von|door|przez|od)|"
    "by|von|par|por|door|di|da|av|af|oleh|od|από|מאת|โดย|ข่าวโดย|รายงานโดย|เขียนโดย|द्वारा|"
    "gan|nga|ni|nina|minn|per|ڈیلی|از|ከ|ដោយ|ໂດຍ|által"
)
_AUTHOR_WORDS = (
    "reporter|autor|autorka|author|auteur|autore|автор|аутор|автори|بقلم|كتبت|كتب|نویسنده|گزارش|"
    "szerző|kirjoittaja|tác giả|phóng viên|yazan|muhabir|redactor|συντάκτης|γράφει|लेखक|रिपोर्ट|"
    "संवाददाता|প্রতিবেদক|লেখক|wartawan|penulis|pewarta|"
    # Slavic, Baltic, Nordic, Celtic, Caucasian, Central Asian and South Asian author and reporter words
    "avtor|avtorica|autorica|autorka|autorius|autors|autorė|piše|пише|піша|аўтар|аўтарка|"
    "журналист|журналіст|кореспондент|корреспондент|репортер|сэтгүүлч|тілші|мухбир|"
    "tekst|teksti|text|texte|höfundur|forfatter|författare|skribent|toimittaja|"
    "текст|тэкст|ysgrifennwyd gan|egilea|idazlea|reporteiro|redattore|giornalista|periodista|jornalista|"
    "ავტორი|კორესპონდენტი|հեղինակ|թղթակից|ሪፖርተር|ጸሐፊ|ዘጋቢ|"
    "અહેવાલ|લેખક|ਲੇਖਕ|ਰਿਪੋਰਟਰ|ಲೇಖಕ|ವರದಿಗಾರ|రచయిత|విలేకరి|எழுதியவர்|செய்தியாளர்|நிருபர்|"
    "ലേഖകൻ|ലേഖിക|റിപ്പോർട്ടർ|වාර්තාකරු|ලේඛක|ලියූ|អ្នកយកព័ត៌មាន|អ្នកសរសេរ|"
    "ນັກຂ່າວ|သတင်းထောက်|ရေးသားသူ|تحریر|رپورٹ|نامہ نگار|خبرنگار|מאת הכתב|כתב|wartawati|reporter|"
    "ผู้สื่อข่าว|ผู้เขียน|นักข่าว|"  # Thai reporter, writer
    "mwandishi|onye nta akụkọ|akọroyin|ɗan jarida"
)
_LEADING_LABEL = re.compile(
    rf"^(?:(?:{_BY_WORDS})\s*[{LABEL_COLONS}]?\s+"
    # Thai "เรื่อง" (story by) and Swahili "Na" (by; also "and") only in an author slot.
    rf"|(?:{_AUTHOR_WORDS}|المحرر|เรื่อง|ข่าว)\s*[{LABEL_COLONS}]?\s*"
    r"|na\s+(?=\p{Lu})"
    rf"|(?:本[报報])?(?:记者|記者|作者|文|撰文|기자명)\s*[{LABEL_COLONS}/／]?\s*)",
    re.IGNORECASE,
)
# A desk before the name in CJK author slots: "社会部 高橋 真理", "编辑部 李华", "社会部・山本彩花".
_DESK_PREFIX = re.compile(r"^[\u3040-\u30ff\u4e00-\u9fff]{1,6}(?:部|局|課|课|室|組|组)(?:\s+|・|･)(?=\S)")
# A role after the name: "김지훈 기자", "ศิริพร แก้วมณี ผู้สื่อข่าวข่าวสารล้านนา" (reporter of the outlet).
_TRAILING_LABEL = re.compile(r"\s*(?:기자|특파원|记者|記者|reporter)$|\s+ผู้สื่อข่าว\S*$", re.IGNORECASE)
# text and photos by one reporter: "Text/Foto: …", "Tekst i foto: …", "ข่าว/ภาพ : …", "Tekst i fot. …"
_TEXT_AND_PHOTO = (
    r"(?:text|texte|tekst|teksti|texto|testo|ข่าว|เรื่อง)\s*(?:/|&|\+|and|und|et|i|e|y|og|och|ja)\s*"
    rf"(?:(?:{PHOTO_LABELS})\s*[:：]\s*|(?:{PHOTO_LABELS})\.\s*)"
)
_TEXT_AND_PHOTO_LABEL = re.compile(f"^{_TEXT_AND_PHOTO}", re.IGNORECASE)
# Strings sites put in author slots that are not a name.
_BOILERPLATE = frozenset(
    "share teilen partager compartir staff redaktion admin administrator editor editors "
    "newsroom anonymous unknown none null guest author autor webmaster redacción rédaction "
    "redazione redação redactie red. red redakcja redaktsioon toimitus 本報 本报".split()
)
# A desk, not a person: "staff reporter" and its kin in the languages news sites write in.
_DESKS = re.compile(
    r"^(?:staff|our)\s+(?:reporter|correspondent|writer)s?|"
    r"(?:^|\s)(?:desk|डेस्क|ডেস্ক|டெஸ்க்|ڈیسک|ڊيسڪ|bureau|news network|news service|"
    r"न्यूज़ नेटवर्क|न्यूज नेटवर्क|নিউজ নেটওয়ার্ক)$|"
    r"^haber merkezi|^redacción|^agencias?|^নিজস্ব\s|^निज संवाददाता|^हमारे संवाददाता|"
    r"^ब्यूरो|^বার্তা কক্ষ|^خبرگزاری|^المحرر|^مراسلنا|^本报记者$|^本報記者$|"
    r"(?:^|\s)news\s?team$|^ทีมข่าว|^กองบรรณาธิการ|^โต๊ะข่าว",  # Thai "news team", "editorial board", "news desk"
    re.IGNORECASE,
)
_URL_OR_HANDLE = re.compile(r"^(?:https?:|www\.)|^@|\.[a-z]{2,4}(?:/|$)", re.IGNORECASE)
_DATE_LIKE = re.compile(r"\d{1,4}[./\-年]\d{1,2}|\d{1,2}:\d{2}|(?<!\d)(?:19|20)\d\d(?!\d)")
# A sentence end followed by more text; a full stop after a lone letter is an initial ("Г.Саруул").
_SENTENCE = re.compile(rf"(?:(?<!(?:^|[\s.])\w\p{{M}}*)\.|[!?。！？{OTHER_FULL_STOPS}])\s*\S")


def clean_author(value: str | None, site_name: str | None = None) -> str | None:
    """The name in one author string, labels removed; None if it is not a name."""
    if not value:
        return None
    name = _WITH_AGENCY.sub("", " ".join(value.split()))  # "Julie Verhaegen (avec Belga)"
    name = _SOCIAL_HANDLE.sub("", name)  # "Matías Quiroga @matiquiroga": the account after the name
    name = _REPORT_MARK_FIRST.sub("", name)  # "【本報訊】記者 陳嘉欣": a report mark, then the byline
    name = name.strip(f" \t|·•-–—,;()[]（）【】〔〕{LABEL_COLONS}")
    if site_name and name.startswith(site_name.strip() + " "):
        name = name[len(site_name.strip()) :].strip()  # "遠州タイムス 社会部 高橋 真理": the outlet first
    name = _DESK_PREFIX.sub("", name)
    name = greek_nominative(name)
    dashed = _PLACE_DASH_NAME.match(name)  # "(මහනුවර - නිමල් පෙරේරා)": the place, then the reporter
    name = (_place_dash_name(dashed.group("place"), dashed.group("name")) if dashed else None) or name
    # "Na Rehema Mwakalinga; Tanga": the place after a semicolon; "Ana Ruiz, corresponsal": a role
    name = without_place(name.split(";")[0], places=False)
    name = _without_site_piece(name, site_name)
    name = _LEADING_LABEL.sub("", _TEXT_AND_PHOTO_LABEL.sub("", name))
    name = _TRAILING_LABEL.sub("", name).strip(" ,;:：()[]（）【】〔〕")
    # In an author slot a one-word label before a colon is a label in any language ("Пише: …").
    labelled = _SLOT_LABEL.match(name)
    if labelled and _PHOTO_LABEL.match(labelled.group(0).strip(f" {LABEL_COLONS}")):
        return None  # "FOTO: Martin Kubala": the photographer, not the reporter
    if labelled and name_like(name[labelled.end():]):
        name = name[labelled.end():]
    return name if is_plausible_author(name, site_name) else None


_PHOTO_LABEL = re.compile(rf"^(?:{PHOTO_LABELS})$", re.IGNORECASE)
_SOCIAL_HANDLE = re.compile(r"(?<=\S)\s*[(\[]?@[A-Za-z0-9_.]{2,30}[)\]]?$")


def without_text_and_photo_label(text: str) -> str:
    """The name after "Text and photos:" ("Tekst i fot. Tomasz Wójcik"), or the text itself."""
    return _TEXT_AND_PHOTO_LABEL.sub("", text, count=1)


def without_leading_label(text: str) -> str:
    """The text after a byline's label ("By", "Von", "โดย"), or the text itself."""
    return _LEADING_LABEL.sub("", text + " ", count=1).strip() or text


# Greek bylines name the reporter in the genitive after the article: "Της Ελένης Παπαδάκη" (by Eleni
# Papadaki), "Του Κώστα Μανωλάκη". A reader cites the nominative, as "Γράφει η Ελένη Παπαδάκη" prints it.
_GREEK_GENITIVE = re.compile(r"^(?P<article>[ΤT](?:ης|ου))\s+(?=\p{Lu})")
_FEMININE_GIVEN = (("ης", "η"), ("ας", "α"))
_MASCULINE_GIVEN = (("ου", "ος"), ("η", "ης"), ("ή", "ής"), ("α", "ας"), ("ά", "άς"))
_MASCULINE_SURNAME = (("η", "ης"), ("ή", "ής"), ("α", "ας"), ("ά", "άς"))


def greek_nominative(name: str) -> str:
    """A Greek genitive byline's name in the nominative, by the regular declensions: a woman's given
    name (-ης, -ας; her surname reads the same in both cases), a man's given name (-ου, -η, -α) and
    surname (-η, -α: "Μανωλάκη"). A man's surname in -ου stays: as often as not it is the
    nominative itself ("Οικονόμου", "Παπανδρέου")."""
    match = _GREEK_GENITIVE.match(name)
    if match is None:
        return name
    feminine = match.group("article").endswith("ης")
    given, *surnames = name[match.end() :].split()
    if feminine:
        return " ".join([_declined(given, _FEMININE_GIVEN), *surnames])
    declined = [_declined(surname, _MASCULINE_SURNAME) for surname in surnames]
    return " ".join([_declined(given, _MASCULINE_GIVEN), *declined])


def _declined(word: str, endings: tuple[tuple[str, str], ...]) -> str:
    for genitive, nominative in endings:
        if word.endswith(genitive):
            return word[: -len(genitive)] + nominative
    return word


_PIECE_BAR = re.compile(r"\s+[|｜·•]\s+")


def _without_site_piece(name: str, site_name: str | None) -> str:
    """"Javier Ruiz | El Norteño": the outlet's own name after a bar is not part of the byline."""
    pieces = _PIECE_BAR.split(name)
    if not site_name or len(pieces) < 2:
        return name
    kept = [piece for piece in pieces if not _same_organisation(piece, site_name)]
    return " | ".join(kept) if kept and len(kept) < len(pieces) else name


_REPORT_MARK_FIRST = re.compile(r"^[【〔［\[][^】〕］\]\s]{1,8}[】〕］\]]\s*(?=\S)")


def is_label_only(text: str) -> bool:
    """A byline's label standing alone ("By", "記者", "Autor:"), its name in the next element."""
    match = _LEADING_LABEL.match(" ".join(text.split()) + " ")
    return match is not None and match.end() >= len(" ".join(text.split()))


# The agency the reporter wrote with, in brackets after the name.
_WITH_AGENCY = re.compile(
    r"\s*[(\[]\s*(?:avec|with|mit|con|com|met|z|ze|cu|ile|и|з)\s+[^()\[\]]{1,30}[)\]]?\s*$", re.IGNORECASE
)


_SLOT_LABEL = re.compile(rf"^[^\W\d_]{{1,20}}\s*[{LABEL_COLONS}]\s*(?=\S)")


def is_plausible_author(name: str, site_name: str | None = None) -> bool:
    """A short name-like string: not a URL, date, sentence, site name or chrome word."""
    if not name or len(name) > MAX_AUTHOR_CHARS or len(name) < 2:
        return False
    if name.casefold() in _BOILERPLATE or _URL_OR_HANDLE.search(name) or _DATE_LIKE.search(name):
        return False
    if _DESKS.search(name):
        return False
    if site_name and _same_organisation(name, site_name):
        return False
    if _SENTENCE.search(name) or not any(ch.isalpha() for ch in name):
        return False
    return True


# A byline LINE needs a stricter label than an author slot: "文" and "記者" only with a
# separator or space after them, Latin labels only followed by a name.
_LINE_LABEL = re.compile(
    rf"^(?:(?:{_BY_WORDS.replace('|da|', '|')})\s*[{LABEL_COLONS}]?\s+"
    r"|(?-i:de)\s+(?=\p{Lu})"  # Romanian "de Ion Popescu": lower-case "de", then a capitalised name
    # "writes" before the name, Greek with its article: "Γράφει ο Νίκος Οικονόμου", "Piše Ana Horvat"
    r"|(?:γράφει(?:\s+(?:ο|η|οι))?|piše|пише|pisze|píše|scrie)\s+(?=\p{Lu})"
    rf"|(?:{_AUTHOR_WORDS})\s*[{LABEL_COLONS}]\s*"
    rf"|(?:记者|記者|作者|撰文|기자명)(?:\s*[{LABEL_COLONS}/／]\s*|\s+)"
    rf"|文\s*[{LABEL_COLONS}/／]\s*"
    r"|(?:oprac|opr)\.\s*"  # Polish "Oprac. Anna Wiśniewska" (compiled by)
    rf"|{_TEXT_AND_PHOTO}"
    r"|(?:文・写真|写真・文|文と写真|文・撮影)[\s　]+)",  # Japanese "text and photos: name"
    re.IGNORECASE,
)
# Taiwanese and Chinese papers: "記者陳怡君／港北報導", "（记者 李华 北京电）": reporter, place, "reports".
_REPORTS_FROM = re.compile(
    r"^[〔［\[【（(]?\s*(?:本[报報])?(?:记者|記者)\s*(?P<name>[^\s／/∕、]{2,4}?(?:、[^\s／/∕、]{2,4}?)*)\s*"
    r"(?:(?:[／/∕]\s*|\s+)[^\s／/∕]{1,8})?(?:報導|报道|報道|電|电|綜合報導)\s*[〕］\]】）)]?$"
)
_LINE_TRAILING = re.compile(r"^(?P<name>\S+(?:\s\S+){0,2})\s*(?:기자|특파원|记者|記者|特派员|特派員)$")
MAX_BYLINE_LINE_WORDS = 5
MAX_BYLINE_LINE_CHARS = 100  # the name (at most MAX_AUTHOR_CHARS) and its source or place
# "김민준 기자 mjkim@paper.example", "Jane Roe (jane.roe@paper.example)": the address is contact, not name.
_TRAILING_EMAIL = re.compile(r"\s*[(<\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>\]]?$")


def byline_line(line: str) -> str | None:
    """The name when a short line is a byline in any script ("记者 李华", "文／山田太郎", "بقلم: سامي خليل").

    Structure decides: a byline label, then a short name-like value (capitalised
    words or a script without case, no digits, no sentence). The caller checks
    the line sits at an edge of the text.
    """
    text = _TRAILING_EMAIL.sub("", " ".join(line.split())).strip("()[]（）【】 ")
    if not text or len(text) > MAX_BYLINE_LINE_CHARS or any(ch.isdigit() for ch in text):
        return None
    reports = _REPORTS_FROM.match(text)
    if reports:
        return reports.group("name")
    match = _LINE_LABEL.match(text)
    if match:
        # "Piše: Ivana Perić / PU splitsko-dalmatinska", "By Jo Kim | Reuters", "Por Ana Luz, Portal
        # Cariri — Juazeiro do Norte": the name, then its source or place
        name = _SOURCE_AFTER.split(text[match.end():])[0].strip(f" ,;{LABEL_COLONS}|")
    else:
        trailing = _LINE_TRAILING.match(text)
        if trailing:
            name = trailing.group("name").strip(f" ,;{LABEL_COLONS}|")
        elif text.count(",") == 1 and _ROLE_END.search(text):  # "Thandeka Nkosi, Senior Reporter"
            name = text.split(",")[0].strip()
        else:
            return None
    name = without_place(_TRAILING_LABEL.sub("", name))
    name = name.rsplit("=", 1)[-1].strip()  # "[한빛일보=김하늘 기자]": the outlet, "=", the reporter
    # Co-authors joined by "and" in the page's language: each name within the limit.
    names = CO_AUTHOR_JOIN.split(name)
    if not name or len(names) > MAX_CO_AUTHORS or any(len(n.split()) > MAX_BYLINE_LINE_WORDS for n in names):
        return None
    if not name_like(name) or is_lowercase_start(name):
        return None
    return name if is_plausible_author(name) else None


MAX_CO_AUTHORS = 3
_SOURCE_AFTER = re.compile(r"\s+[/|∕／\-–—]\s+")
CO_AUTHOR_JOIN = re.compile(
    r"\s+(?:and|und|et|y|e|i|en|og|och|ja|és|și|şi|ve|na|dan|và|и|і|та|και)\s+|\s*[、&]\s*"
)
_NAME_PARTICLES = frozenset(
    "de da das do dos du del della di van von der den ter bin binti al el la le".split()
)


def has_small_words(names: list[str]) -> bool:
    """A lower-case word inside names joined by "and" other than a name's particle: "Ministry of Health
    and Ministry of Finance" is two institutions, "Sanne de Wit en Joris Bakker" two people."""
    words = [word for name in names for word in name.split()]
    return any(word[:1].islower() and word not in _NAME_PARTICLES for word in words)


def without_place(value: str, places: bool = True) -> str:
    """A byline's name without the ", place" or ", role" after it ("Ivana Matić, Split", "Marek
    Zieliński, dziennikarz Echa Podkarpacia": a role starts with a small letter). In an author
    slot (`places=False`) a capitalised second part may be a co-author ("Jane Roe, John Doe")."""
    value = value.replace("،", ",")  # the Arabic comma: "محمد عرفان، لاہور"
    dashed = DASH_SEPARATOR.split(value)
    if len(dashed) == 2 and "," not in value:  # "Rafael Köhler – Repórter": a role after a dash
        name, rest = (part.strip() for part in dashed)
        named_role = is_lowercase_start(rest) or _ROLE_END.search(rest) is not None
        full_name = len(name.split()) >= 2
        return name if full_name and named_role and len(rest.split()) <= MAX_ROLE_WORDS else value
    if value.count(",") != 1:
        return value
    name, rest = (part.strip() for part in value.split(","))
    if not name or not rest:
        return value
    # In an author slot one word after a full name is a place or an agency, not a co-author, who has
    # a full name too ("Rehema Mwakalinga, Tanga", "रमिला गुरुङ, पोखरा", "Ana Ruiz, EFE").
    lone = len(rest.split()) == 1 and len(name.split()) >= 2 and not any(ch.isdigit() for ch in value)
    place = (places or lone) and 1 <= len(rest.split()) <= MAX_PLACE_WORDS and name_like(rest)
    named_role = is_lowercase_start(rest) or _ROLE_END.search(rest) is not None
    role = len(rest.split()) <= MAX_ROLE_WORDS and named_role
    return name if place or role else value


# A role named in capitals ("Senior Reporter", "Political Editor", "Chefredakteurin"), or the service
# the reporter writes for ("Local Democracy Reporting Service"): its last word.
_ROLE_END = re.compile(
    rf"(?:^|\s)(?:{_AUTHOR_WORDS}|correspondent|editor|writer|columnist|photographer|contributor|producer|"
    r"service|agency|network|bureau|team|"
    r"intern|redakteur|redakteurin|korrespondent|korrespondentin|rédacteur|rédactrice|correspondant|"
    r"correspondante|corresponsal|redactora|repórter|correspondente|inviato|inviata)$",
    re.IGNORECASE,
)


MAX_ROLE_WORDS = 6


def prefer_printed(author: str | None, printed: str | None) -> str | None:
    """The byline as printed when it names the chosen author and more: co-authors joined as the
    page joins them ("Juma Kassim na Neema Mushi" where metadata lists "Juma Kassim, Neema Mushi"
    or only the first), or the same name the metadata spaced differently."""
    if not author or not printed:
        return author
    printed = without_place(printed)  # "Rehema Mwakalinga, Tanga": the place is not a co-author
    if author == printed:
        return author
    printed_key = _squeezed(printed)
    names = [name for name in re.split(r"\s*[,;&/、，]\s*", author) if name.strip()]
    if names and all(_squeezed(name) in printed_key for name in names):
        return printed
    return author


def _squeezed(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def author_from_metadata(tree: HtmlElement, site_name: str | None = None) -> str | None:
    """First plausible author in <meta name=author>, JSON-LD, then article:author."""
    site_name = site_name or site_name_of(tree)
    for candidate in _metadata_candidates(tree):
        name = clean_author(candidate, site_name)
        if name:
            return name
    return None


def _same_organisation(name: str, site_name: str) -> bool:
    """A site's own name (or its leading part) is the publisher, not an author."""
    a, b = name.casefold(), site_name.strip().casefold()
    return bool(b) and (a == b or (len(a) >= 6 and b.startswith(a)) or (len(b) >= 6 and a.startswith(b)))


_ORGANISATION_TYPES = frozenset(
    {"Organization", "NewsMediaOrganization", "Corporation", "GovernmentOrganization", "NGO", "LocalBusiness"}
)


def site_name_of(tree: HtmlElement) -> str | None:
    """og:site_name; else the last part of a "Headline | Site" title."""
    for meta in tree.iterfind(".//meta[@property]"):
        if (meta.get("property") or "").strip().lower() == "og:site_name" and meta.get("content"):
            return str(meta.get("content"))
    title = tree.find(".//title")
    parts = TITLE_SEPARATOR.split(" ".join(title.text_content().split())) if title is not None else []
    return parts[-1] if len(parts) > 1 else None


def _metadata_candidates(tree: HtmlElement) -> Iterable[str]:
    metas = list(tree.iterfind(".//meta"))
    for meta in metas:
        if (meta.get("name") or "").strip().lower() == "author":
            yield meta.get("content") or ""
    for script in tree.iterfind(".//script[@type]"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            yield from json_ld_authors(script.text)
    for meta in metas:
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key in {"article:author", "og:article:author", "dc.creator", "sailthru.author"}:
            yield meta.get("content") or ""


def json_ld_authors(blob: str) -> list[str]:
    """Author names in one JSON-LD block: author as string, dict, list; Person in @graph."""
    try:
        data = json.loads(blob)
    except ValueError:
        return []
    items: list[Any] = data if isinstance(data, list) else [data]
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        items = data["@graph"]
    names: list[str] = []
    people: list[str] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        names.extend(_names(item.get("author")))
        kind = item.get("@type")
        if kind == "Person" or (isinstance(kind, list) and "Person" in kind):
            people.extend(_names(item))
    return names + people


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        kind = value.get("@type")
        kinds = set(kind if isinstance(kind, list) else [kind])
        if kinds & _ORGANISATION_TYPES:
            return []  # the publisher named as author: not a person's byline
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for entry in value for n in _names(entry)][:1]
    return []


MAX_PLACE_WORDS = 3


def name_place_byline(line: str) -> str | None:
    """The name in a "name, place" signature ("Kovács Eszter, Tiszakert", "राम शर्मा, नई दिल्ली").

    Only for the text's very first or last line (the caller checks): a short name-like value,
    a comma, a short place; in a script with letter case the name has two words or more.
    """
    text = " ".join(line.split())
    dashed = _PLACE_DASH_NAME.match(text)
    if dashed:
        return _place_dash_name(dashed.group("place"), dashed.group("name"))
    if len(text) > MAX_AUTHOR_CHARS or text.count(",") != 1 or any(ch.isdigit() for ch in text):
        return None
    name, place = (part.strip() for part in text.split(","))
    words = name.split()
    cased = any(has_case(ch) for ch in name)
    if not 1 <= len(words) <= MAX_BYLINE_LINE_WORDS or (cased and len(words) < 2):
        return None
    if not 1 <= len(place.split()) <= MAX_PLACE_WORDS or not name_like(name) or not name_like(place):
        return None
    if _SENTENCE.search(text) or text[-1] in ".!?。":
        return None
    return name if is_plausible_author(name) else None


# Arabic papers open the text with "place - reporter" ("سكاكا - فهد العنزي"), Sri Lankan ones close
# it with "(place - reporter)"; in scripts with case the same shape opens a dateline sentence instead.
_PLACE_DASH_NAME = re.compile(
    r"^[(（]?\s*(?P<place>[^()（）\-–—\d,.:]{2,30}?)\s+[-–—]\s+(?P<name>[^()（）\-–—\d,.:]{2,40}?)\s*[)）]?$"
)
MIN_DASHED_NAME_WORDS = 2


def _place_dash_name(place: str, name: str) -> str | None:
    if any(has_case(ch) for ch in place + name):
        return None
    if len(place.split()) > MAX_PLACE_WORDS:
        return None
    if not MIN_DASHED_NAME_WORDS <= len(name.split()) <= MAX_BYLINE_LINE_WORDS:
        return None
    if _SENTENCE.search(name) or not name_like(name):
        return None
    return name if is_plausible_author(name) else None


# Japanese papers close an article with the reporter's name in brackets: "（佐藤美咲）".
_BRACKETED_NAME = re.compile(r"^[（(]\s*(?P<name>[^()（）\d]{2,30}?)\s*[）)]$")
MAX_BRACKETED_NAME_WORDS = 4


def bracketed_name_line(line: str) -> str | None:
    """The name when the text's last line is a name alone in brackets (the caller checks the place)."""
    match = _BRACKETED_NAME.match(" ".join(line.split()))
    if not match:
        return None
    name = _DESK_PREFIX.sub("", match.group("name").strip())  # "（社会部・山本彩花）"
    words = name.split()
    cased = any(has_case(ch) for ch in name)
    if len(words) > MAX_BRACKETED_NAME_WORDS or (cased and len(words) < 2) or not name_like(name):
        return None
    if _SENTENCE.search(name) or any(ch in name for ch in ",，、:：") or _PLACE_DASH_NAME.match(name):
        return None
    return name if is_plausible_author(name) else None


def byline_under_headline(tree: HtmlElement) -> str | None:
    """A byline line printed in the header block under the headline ("Door: Sanne de Vries")."""
    for piece in header_pieces(tree):
        name = byline_line(piece)
        if name:
            return name
    return None


# A report mark opening the first paragraph: "〔記者林欣怡／台中報導〕山嵐大學昨晚…" (Taiwanese papers),
# "【山口早苗】港湾安全委員会は…" (Japanese papers put the reporter's name in brackets there).
_OPENING_MARK = re.compile(
    r"^\s*(?P<mark>[〔【［\[（(][^〔〕【】［］\[\]（）()]{2,24}[〕】］\]）)])\s*(?P<rest>\S.*)$"
)
_HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{3,5}$")
# Bracketed labels, not names: breaking news, correction, exclusive, photos, video, commentary …
_MARK_LABEL = re.compile(r"報|报|特集|解説|速報|訂正|写真|動画|社説|記事|独自|更新|続報|号外|中継")


def opening_report_mark(line: str) -> tuple[str, str] | None:
    """(name, the paragraph without the mark) when a line opens with a reporter's mark."""
    match = _OPENING_MARK.match(line)
    if not match:
        return None
    mark = match.group("mark")
    name = byline_line(mark)
    if name is None:
        inner = mark[1:-1].strip()
        if _HAN_NAME.match(inner) and not _MARK_LABEL.search(inner):
            name = inner
    return (name, match.group("rest")) if name else None
