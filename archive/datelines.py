"""Standalone date lines ("Publié le 18 septembre 2026", "Stand: 17.11.2026", "수정 2026.09.03 10:00").

Pages print their publication and update dates as lines of their own, in their
own language. Such a line is metadata, not statement text. Rather than a regex
per language, the date is read by dateparser (about 200 locales); the structure
decides what counts as a *standalone* date line:

- the whole line is a complete date (day, month and year), perhaps with a time; or
- a short label of words (at most four, no digits, no @/brackets: "Mis à jour le",
  "Stand:") followed by such a date, and the line does not end like a sentence.

A sentence that mentions a date ("The Authority must reply by 15 January
2027.") is longer than a label allows or ends with a full stop, and stays.
Cheap by construction: only short lines holding a year-like number are parsed,
and results are cached (the answer depends on the string only).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

import regex as re  # Unicode-aware \w: combining marks of Thai, Devanagari, Bengali… are word characters

from archive.credits import name_like
from archive.scripts import LABEL_COLONS, OTHER_FULL_STOPS, ascii_digits

MAX_LINE_CHARS = 64
MAX_LABEL_WORDS = 4
MAX_LABEL_CHARS = 32
# A year (19xx/20xx, or 25xx of the Thai Buddhist era) or a numeric day.month.year: no date line without one.
YEAR_LIKE = re.compile(r"(?<!\d)(?:19|20|25)\d\d(?!\d)|\d{1,2}[./-]\d{1,2}[./-]\d{2}(?!\d)")
# "2026." ends a sentence, "г." does not
SENTENCE_END = re.compile(rf"[!?。！？{OTHER_FULL_STOPS}]$|[^\s.]{{3}}\.$")
LABEL = re.compile(r"^[^\W\d_]+(?:[\s.,:：'’\-–—]+[^\W\d_]*)*$")  # words and light punctuation only
LABEL_COLON = re.compile(r"(?<=\D)([:：])(?=\S)")
DIGIT = re.compile(r"\d")
# A clock time after the date, with its little word before and zone after ("kl. 09.14",
# "เวลา 13:45 น.", "| 15:20 WIB", "à 10h30"): dateparser fails on many of them, the day is enough.
TRAILING_TIME = re.compile(
    # the little word may be an abbreviation of two ("පෙ.ව. 9.20": Sinhala a.m.)
    r"(?:\s*[,|·•–—-])?\s*(?:(?:[^\W\d_]{1,5}\.){1,2}\s*|[^\W\d_]{1,5}\s*)?(?<![\d.:])\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?"
    r"(?:\s*[^\W\d_]{1,5}\.?)?\s*$"
)
DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,  # day, month and year must all be there
    "PARSERS": ["absolute-time"],  # no "3 days ago", no bare Unix timestamps
}
# "07.10.2025": a day, month and year between dots is day first wherever it is printed (German, Slavic,
# Nordic, Turkish outlets); dateparser reads it month first when it is not told the page's language.
_DOTTED_DAY_FIRST = re.compile(r"(?<![\d.])\d{1,2}\. ?\d{1,2}\. ?\d{2,4}(?![\d.]\d)")
_DAY_FIRST_SETTINGS = {**DATEPARSER_SETTINGS, "DATE_ORDER": "DMY"}


@lru_cache(maxsize=1)
def _known_languages() -> frozenset[str]:
    from dateparser.data.languages_info import language_order  # type: ignore[import-untyped]

    return frozenset(language_order)


def dateparser_languages(*codes: str | None) -> tuple[str, ...]:
    """The page's languages that dateparser knows ("en-GB" -> "en"), in order, without repeats.

    Empty means "try every language": complete but slower (a failed parse tries ~200 locales).
    """
    found: list[str] = []
    for code in codes:
        base = (code or "").strip().lower().replace("_", "-").split("-")[0]
        if base and base in _known_languages() and base not in found:
            found.append(base)
    return tuple(found)


def is_complete_date(text: str, languages: tuple[str, ...] = ()) -> bool:
    """Whether `text` as a whole is a date with day, month and year (in `languages`, or any)."""
    return _parse_with_time(text, languages) is not None


# The era printed before a Thai year: "พ.ศ. 2569" (Buddhist era), "ค.ศ. 2026" (common era).
_ERA_MARK = re.compile(r"\s*(?:พ\.\s?ศ\.?|ค\.\s?ศ\.?)\s*(?=\d)")


# Morocco, Algeria and Tunisia name the months after the French ones ("27 نونبر 2026"); dateparser's
# Arabic knows the Levantine and Egyptian names only, so these are read as the ones it knows.
_MAGHREB_MONTHS = {
    "ماي": "مايو", "يوليوز": "يوليو", "غشت": "أغسطس", "شتنبر": "سبتمبر", "نونبر": "نوفمبر", "دجنبر": "ديسمبر"
}
_MAGHREB_MONTH = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(_MAGHREB_MONTHS, key=len, reverse=True))})(?!\w)")


def _parse_with_time(text: str, languages: tuple[str, ...]) -> datetime | None:
    """`text` as a date; failing that, the date before a trailing clock time."""
    text = _ERA_MARK.sub(" ", text)
    text = _MAGHREB_MONTH.sub(lambda month: _MAGHREB_MONTHS[month.group(0)], text)
    parsed = _parse(text, languages)
    if parsed is None:
        day = TRAILING_TIME.sub("", text)
        if day != text and YEAR_LIKE.search(day):
            parsed = _parse(day, languages)
    return parsed


@lru_cache(maxsize=8192)
def _parse(text: str, languages: tuple[str, ...]) -> datetime | None:
    import dateparser  # type: ignore[import-untyped]  # imported on first use: slow to load

    day_first = not languages and _DOTTED_DAY_FIRST.search(text)
    settings = _DAY_FIRST_SETTINGS if day_first else DATEPARSER_SETTINGS
    try:
        parsed = dateparser.parse(text, languages=list(languages) or None, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed if isinstance(parsed, datetime) else None


@lru_cache(maxsize=8192)
def date_line_kind(line: str, languages: tuple[str, ...] = ()) -> str | None:
    """Kind of date line: "date" (just a date), "labelled" (label + date) or None."""
    found = _date_part(line, languages)
    return found[0] if found else None


def date_in_line(line: str, languages: tuple[str, ...] = ()) -> datetime | None:
    """The date a date line states ("入力 2026.11.20 09:14" -> 2026-11-20 09:14), else None."""
    found = _date_part(line, languages)
    return _parse_with_time(found[1], languages) if found else None


def _date_part(line: str, languages: tuple[str, ...]) -> tuple[str, str] | None:
    """("date" or "labelled", the date's text) when the line is a date line; digits of any script
    read as ASCII ("শেষ আপডেট: ২৭ নভেম্বর ২০২৬ ০৭:৩০")."""
    line = ascii_digits(line.strip())
    if not line or len(line) > MAX_LINE_CHARS or not YEAR_LIKE.search(line):
        return None
    if is_complete_date(line, languages):
        return "date", line
    if SENTENCE_END.search(line):
        return None
    words = LABEL_COLON.sub(r"\1 ", line).split()
    first_digit = next(i for i, word in enumerate(words) if DIGIT.search(word))
    # The date starts at its first number or up to two words before (a month or weekday name).
    for start in range(max(1, first_digit - 2), first_digit + 1):
        label = " ".join(words[:start])
        if start > MAX_LABEL_WORDS or len(label) > MAX_LABEL_CHARS or not LABEL.match(label):
            continue
        rest = " ".join(words[start:])
        if is_complete_date(rest, languages):
            return "labelled", rest
    # The label after the date: "2026年11月27日 19時42分 更新" (updated), "27.11.2026 aktualisiert".
    before, _, last = line.rpartition(" ")
    if before and len(last) <= MAX_LABEL_CHARS and LABEL.match(last) and is_complete_date(before, languages):
        return "labelled", before
    return None


# "Оновлено о 12:40: додано …", "Actualización 15:02: se añade …", "(Updated 20.11.2026, 19:05: adds …)":
# a label of a few words, perhaps a date, a clock time, then a separator and the note itself.
UPDATE_NOTE = re.compile(
    r"^[(\[]?[^\W\d_]+(?:\s+[^\W\d_]+\.?){0,3},?\s+(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+)?"
    r"\d{1,2}[:.h]\d{2}(?:\s*[^\W\d_]{1,4}\.?)?\s*[:：\-–—]\s+\S"
)
# "updated" in the languages news sites write in: with a clock time on a line at the text's edge,
# the line is an update note however it is phrased ("Notícia atualizada às 15h20 com …").
UPDATED_WORDS = re.compile(
    r"\b(?:updated?|aktualisiert|aktualisierung|actualizad[oa]|actualización|atualizad[oa]|atualização|"
    r"mis à jour|mise à jour|aggiornat[oa]|aggiornamento|bijgewerkt|geüpdatet|zaktualizowan[oyae]|"
    r"aktualizacja|"
    r"aktualizováno|aktualizované|frissítve|frissítés|actualizat|actualizare|оновлено|обновлено|обновлено|"
    r"ажурирано|güncellendi|güncelleme|cập nhật|diperbarui|dikemas kini|opdateret|uppdaterad|oppdatert|"
    r"päivitetty|ενημερώθηκε|עודכן|به‌روز|تحديث|अपडेट|আপডেট|อัปเดต|"
    # corrections too: "Juttua korjattu 28.11. klo 11.02", "Korrigiert um 10:15"
    r"corrected|correction|korrigiert|korrektur|corrigé|corregido|corrigido|corretto|gecorrigeerd|"
    r"poprawiono|opraveno|korjattu|rättad|rettet|korrigert|исправлено|виправлено|ispravljeno|"
    r"düzeltildi|تصحيح)\b|更新|수정|업데이트|정정|訂正|更正",
    re.IGNORECASE,
)
# "published" in the languages news sites write in: with "updated", the words of a header's stamp.
PUBLISHED_WORDS = re.compile(
    r"published|posted|publicerad|publicerat|publiceret|publisert|julkaistu|publié|publiée|publicado|publicada|"
    r"veröffentlicht|pubblicato|gepubliceerd|opublikowano|publikováno|publikované|közzétéve|publicat|"
    r"опубликовано|опубліковано|объявлено|yayınlanma|yayınlandı|đăng|diterbitkan|δημοσίευση|δημοσιεύθηκε|פורסם|"
    r"نشر|منتشر شده|प्रकाशित|প্রকাশিত|เผยแพร่|게재|입력|公開|发布|發布|掲載",
    re.IGNORECASE,
)


def is_stamp_word(text: str) -> bool:
    """A header stamp's words alone ("Publicerad", "Zuletzt aktualisiert", "입력")."""
    words = text.strip(" :：").split()
    if not words or LABEL.match(" ".join(words)) is None:
        return False
    return PUBLISHED_WORDS.fullmatch(words[-1]) is not None or UPDATED_WORDS.fullmatch(words[-1]) is not None


# "11.02", "9:15", "15h20"; a colon or full stop may follow ("klo 11.02: korjattu …"), a digit may not.
CLOCK = re.compile(
    r"(?<![\d.:])\d{1,2}(?:[:.]|\s?h\s?)\d{2}(?!\d|[.:]\d)"  # "11.02", "9:15", "15h20", "13 h 02" (Quebec)
    r"|\d{1,2}\s*[時时시]\s*\d{1,2}\s*[分분]"
)
MAX_UPDATE_NOTE_CHARS = 160


def is_update_note(line: str) -> bool:
    """An update note with its time ("Updated 19:05: adds the ministry's reply"); callers keep it to
    the text's edges, where outlets print them."""
    line = line.strip()
    if UPDATE_NOTE.match(line):
        return True
    if len(line) > MAX_UPDATE_NOTE_CHARS:
        return False
    if _names_the_story_updated(line):  # "This article was updated at 11:15 on 24 November to include …"
        return True
    if not CLOCK.search(line):
        return False
    # The note opens with it ("Notícia atualizada às …", "Laporan dikemas kini pada …"); a sentence
    # that reports an update ("The ministry updated its guidance at 10:00") has it further on.
    found = UPDATED_WORDS.search(line)
    # An outlet's note may be marked off ("*Artikel ini dikemas kini pada 4.30 petang …"): one word more.
    opening = r"^\S+\s+\S+\s+\S+\s+" if line[:1] in "*([" else r"^\S+\s+\S+\s+"
    third_word = re.search(opening, line)
    return found is not None and (third_word is None or found.start() < third_word.end())


# The note about the story itself, without a time: "This story has been updated with comment from …",
# "Der Artikel wurde um eine Stellungnahme ergänzt und aktualisiert", "Cet article a été mis à jour".
_STORY_WORDS = re.compile(
    r"\b(?:story|article|report|post|artikel|beitrag|artículo|nota|noticia|notícia|matéria|reportagem|articolo|"
    r"notizia|artykuł|článek|článok|cikk|статья|материал|стаття|makale|haber|bài viết|berita|artikkeli|juttu|"
    r"άρθρο|כתבה|הכתבה|المقال|الخبر|مقاله|خبر|記事|文章|报道|報導|기사)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|should|wird|werden|würde|sera|serait|será|sería|sarà|sarebbe|zal|zou|będzie|"
    r"bude|будет|буде|olacak)\b",
    re.IGNORECASE,
)
STORY_WORD_BY = 2
UPDATED_WORD_BY = 7


# What a note says was done to the story: updated or corrected (UPDATED_WORDS), or written, produced
# or funded under a scheme ("This article was written by a Local Democracy Reporter under …").
_MADE_WORDS = re.compile(
    r"\b(?:written|produced|funded|supported|prepared|edited|geschrieben|verfasst|erstellt|rédigé|écrit|"
    r"réalisé|escrito|redactado|elaborado|scritto|redatto|geschreven|napisany|przygotowany|написана|написан|"
    r"подготовлен[ао]?)\b",
    re.IGNORECASE,
)


_THIS = re.compile(
    r"^(?:this|dieser|diese|dieses|cet|cette|ce|este|esta|questo|questa|deze|dit|ten|ta|tento|эта|этот|ця|цей)\s",
    re.IGNORECASE,
)


def _names_the_story_updated(line: str) -> bool:
    """"This story has been updated …", "Cet article a été mis à jour …", "This article was written by
    a Local Democracy Reporter …": the story named first, then what was done to it, in the past (a
    statement's "the report will be updated yearly" is a plan, not a note)."""
    words = line.split()
    story = _STORY_WORDS.search(" ".join(words[:STORY_WORD_BY]))
    opening = " ".join(words[:UPDATED_WORD_BY])
    updated = UPDATED_WORDS.search(opening)
    if updated is None and _THIS.match(line):  # "This article was written …", not "The report was written …"
        updated = _MADE_WORDS.search(opening)
    if story is None or updated is None or story.start() > updated.start():
        return False
    return _FUTURE.search(opening[: updated.start()]) is None


RELATIVE_SETTINGS = {"PARSERS": ["relative-time"], "PREFER_DATES_FROM": "future"}
MAX_RELATIVE_STAMP_CHARS = 48
MAX_RELATIVE_LABEL_WORDS = 2


def is_relative_stamp(line: str, languages: tuple[str, ...] = ()) -> bool:
    """A stamp counted from when the page was served ("· Atualizado há 3 horas", "Updated 2 hours
    ago", "vor 2 Stunden", "3小时前"): a label of a word or two, then a time in the past that
    dateparser reads as relative, in the page's languages. Callers keep it to the text's edges."""
    text = line.strip(" ·•|–—-")
    if len(text) > MAX_RELATIVE_STAMP_CHARS or not DIGIT.search(text) or SENTENCE_END.search(text):
        return False
    words = text.split()
    for start in range(min(MAX_RELATIVE_LABEL_WORDS, len(words) - 1) + 1):
        if start and not LABEL.match(" ".join(words[:start])):
            return False
        if _relative(" ".join(words[start:]), languages):
            return True
    return False


@lru_cache(maxsize=4096)
def _relative(text: str, languages: tuple[str, ...]) -> bool:
    """Whether dateparser reads `text` as a time before now even when told to prefer the future:
    the text itself says "ago" ("há 3 horas"); a bare "3 days" or "in 3 days" does not."""
    import dateparser

    try:
        parsed = dateparser.parse(text, languages=list(languages) or None, settings=RELATIVE_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return False
    return isinstance(parsed, datetime) and parsed < datetime.now()


# The date's clock time and its little word after it ("16:20 น.", "9.14 Uhr"), then more of the row
# with no separator ("… เวลา 16:20 น. อ่าน 2,814 ครั้ง": read 2,814 times).
_CLOCK_THEN_MORE = re.compile(r"^(?P<date>.*?\d{1,2}[:.]\d{2}(?:\s*[^\W\d_]{1,4}\.?)?)\s+(?P<rest>\S.*)$")


def through_clock(piece: str) -> tuple[str, str] | None:
    """(the piece up to its first clock time, what follows) when more follows it; None otherwise."""
    match = _CLOCK_THEN_MORE.match(piece)
    return (match.group("date"), match.group("rest")) if match else None


ROW_SEPARATORS = re.compile(r"\s+[|·•｜]\s+")
MAX_ROW_CHARS = 120
MAX_ROW_PIECE_CHARS = 40
MAX_ROW_NAME_WORDS = 4


def is_date_row(line: str, languages: tuple[str, ...] = ()) -> bool:
    """A header row around a date ("fredag den 20. november 2026 kl. 11.30 · Opdateret kl. 13.02",
    "Dodano: 20.11.2026, 13:40 | Odsłon: 1482", "Zuzana Kováčová | 20. 11. 2026 o 16:45 | Prečítané: 912x"):
    one piece is a date line, every other piece short and either holds a number (a time, a counter)
    or is a name. Callers keep it to the text's edges."""
    line = line.strip()
    if len(line) > MAX_ROW_CHARS:
        return False
    pieces = ROW_SEPARATORS.split(line)
    if len(pieces) < 2:
        # "입력 2026.11.27 14:22 수정 2026.11.27 16:05": labelled stamps side by side, spaces between;
        # "Publié le 25/11/2026 à 18h07 - Mis à jour le 26/11/2026 à 08h30": a dash between
        for stamps in (_BEFORE_LABELLED_NUMBER.split(line), DASH_SEPARATOR.split(line)):
            if len(stamps) >= 2 and all(date_line_kind(stamp, languages) for stamp in stamps):
                return True
        return False
    if not any(date_line_kind(piece, languages) for piece in pieces):
        return False
    return all(_row_piece(piece, languages) for piece in pieces)


_BEFORE_LABELLED_NUMBER = re.compile(r"\s+(?=[^\W\d_]{1,15}[:：]?\s*\d)")
DASH_SEPARATOR = re.compile(r"\s+[-–—]\s+")
"""A spaced dash between two pieces of a line ("… 18h07 - Mis à jour …", "Name – Repórter")."""


def _row_piece(piece: str, languages: tuple[str, ...]) -> bool:
    if len(piece) > MAX_ROW_PIECE_CHARS and date_line_kind(piece, languages) is None:
        return False
    short = len(piece.split()) <= MAX_ROW_NAME_WORDS
    # "13:25 hrs.", "Pachuca, Hgo.": an abbreviation's stop closing a clock time or a place, no sentence
    abbreviated = short and (bool(DIGIT.search(piece)) or name_like(piece))
    if SENTENCE_END.search(piece) and not abbreviated and date_line_kind(piece, languages) is None:
        return False
    return bool(DIGIT.search(piece)) or (short and name_like(piece))


def name_in_date_row(line: str) -> str | None:
    """The reporter's name a date row carries ("Zuzana Kováčová | 20. 11. 2026 o 16:45 | …")."""
    for piece in ROW_SEPARATORS.split(line.strip()):
        if any(mark in piece for mark in LABEL_COLONS) or "," in piece:
            continue  # "หมวด: การศึกษา" (category: education), "Tulancingo, Hgo." (town, state): no bare name
        if not DIGIT.search(piece) and 2 <= len(piece.split()) <= MAX_ROW_NAME_WORDS and name_like(piece):
            return piece
    return None

