"""Facts about writing systems that several text rules share."""

from __future__ import annotations

import unicodedata

OTHER_FULL_STOPS = "\u0964\u0965\u061f\u06d4\u0589\u1362\u104b\u17d4\u17d5\u0f0d"
"""Sentence ends besides . ! ? and the CJK ones: Devanagari danda and double danda, Arabic
question mark, Urdu full stop, Armenian full stop, Ethiopic full stop, Myanmar section mark."""
LABEL_COLONS = ":\uff1a\u1366\u1361\u17d6\u055d"
"""What follows a label before its value: the colon, the full-width colon, the Ethiopic preface
colon and wordspace ("ዘጋቢ፡ ሰላማዊት ታደሰ"), the Khmer camnuc pii kuuh, and the Armenian comma, which
Armenian prints after a label ("Հեղինակ՝ Լիլիթ Հակոբյան")."""
# Thai and Lao end sentences with a space, not a mark: a line there can close a paragraph bare.
UNPUNCTUATED_SCRIPT = "\u0e00-\u0eff"

# Georgian Mkhedruli has capital forms (Mtavruli) in Unicode but is written without case: a
# name starts with the same letters as any word.
_CASELESS_WITH_CAPITALS = ("\u10d0", "\u10ff")


def has_case(char: str) -> bool:
    """Whether a letter belongs to a script that writes capitals (Latin, Cyrillic, Greek, Armenian)."""
    if _CASELESS_WITH_CAPITALS[0] <= char <= _CASELESS_WITH_CAPITALS[1]:
        return False
    return char.upper() != char.lower()


def is_lowercase_start(word: str) -> bool:
    """The word starts with a small letter of a cased script ("kapetanija", not "ნინო")."""
    return bool(word) and has_case(word[0]) and word[0].islower()


def ascii_digits(text: str) -> str:
    """Digits of any script as ASCII ("ឆ្នាំ២០២៦" -> "ឆ្នាំ2026", "۱۴۰۵" -> "1405"), so one pattern reads them."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text)
