# ruff: noqa: E501  (sample lines are kept whole: they are what outlets print)
"""Credit lines at the start or end of an article text.

Real-world behaviour: Chinese portals end with "(Editor: Wang Lin)" / "责任编辑：…",
Western sites put "Photo: Jane Roe/Agency" or "Source: Ministry of …" under the
text, Korean sites "[사진=연합뉴스]". The same 'label: value' shape also starts body
sentences ("Note: the Authority will publish …") and headings, which must stay;
and a credit-shaped line in the middle of the text is left alone.
"""

from __future__ import annotations

import pytest

from archive.credits import is_credit_line, is_photo_credit_line
from archive.profiles import load_profiles
from archive.textclean import apply_line_rules

BODY = [
    "The Ombudsman published its findings on Tuesday after an inquiry of eleven months.",
    "Note: the Authority will publish its findings in March.",
    "The Regional Dispatch Authority said it would answer within the statutory period.",
    "Relatives of callers welcomed the report and asked for the recordings to be restored.",
]


@pytest.mark.parametrize(
    "line",
    ["(Editor: Wang Lin)", "编辑：张伟", "责任编辑：刘洋", "Photo: Jane Roe/Agency",
     "Source: Ministry of Interior", "[사진=연합뉴스]", "Fotos: Max Muster／Stadt Eastmere"],
)
def test_credit_lines_at_the_end_go(line: str) -> None:
    text, _ = apply_line_rules("\n".join([*BODY, line]), [])
    assert line not in text.splitlines() and text.splitlines() == BODY


@pytest.mark.parametrize(
    "line",
    ["Note: the Authority will publish its findings in March.", "Update: minister resigns over recordings",
     "Statement of the Ombudsman", "Fotos: " + "Jane Roe " * 8],
)
def test_sentences_and_headings_are_not_credits(line: str) -> None:
    assert not is_credit_line(line)


def test_credit_shape_in_the_middle_stays() -> None:
    lines = [*BODY, "Chair: Jane Roe", "More text follows here at length.", "And more."]
    lines += ["Closing paragraph of the report, long enough to be body text.", "Last line of the body text."]
    text, _ = apply_line_rules("\n".join(lines), [])
    assert "Chair: Jane Roe" in text


@pytest.mark.parametrize(
    "credit",
    [
        "Photo: Jane Roe",
        "Foto: Jan Novák/ČTK",
        "圖／記者陳怡君攝",
        "사진=연합뉴스",
        "(Фото: пресслужба міської ради)",
        "ภาพ: สำนักข่าวท้องถิ่น",
        "صورة: أرشيف البلدية",
    ],
)
def test_a_photo_credit_goes_wherever_it_stands(credit: str) -> None:
    """A caption credit under an image in the middle of the body is as much chrome as at the end."""
    lines = [*BODY[:2], credit, *BODY[2:], "Closing paragraph of the report, long enough to be body text."]
    text, _ = apply_line_rules("\n".join(lines), [])
    assert credit not in text.splitlines() and len(text.splitlines()) == len(lines) - 1


@pytest.mark.parametrize(
    "line",
    ["Photos show the damage to the bridge.", "Bild: Die Brücke ist seit Montag gesperrt.",
     "Image: the ministry's new logo, adopted in 2025, replaces the old crest."],
)
def test_sentences_after_a_photo_word_stay(line: str) -> None:
    assert not is_photo_credit_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Извор: Служба за односе с јавношћу Министарства здравља",
        "Fuente: Secretaría de Salud del Gobierno del Estado de Jalisco",
        "Quelle: Pressestelle der Stadtverwaltung Rosenheim und Landratsamt",
    ],
)
def test_a_source_naming_a_whole_office_on_the_last_line_goes(line: str) -> None:
    text, _ = apply_line_rules("\n".join([*BODY, line]), [])
    assert text.splitlines() == BODY


@pytest.mark.parametrize("line", ["dpa/lby", "kna / epd", "(AFP)", "（完）", "(END)"])
def test_wire_agency_codes_and_end_marks_on_the_last_line_go(line: str) -> None:
    """Agency copy ends with the agencies' codes or an end mark; neither is statement text."""
    text, _ = apply_line_rules("\n".join([*BODY, line]), [])
    assert text.splitlines() == BODY


@pytest.mark.parametrize("line", ["Met Belga", "mit dpa", "Avec AFP et Reuters", "With AP", "Con EFE", "(met ANP)"])
def test_the_agencies_a_story_was_written_with_on_the_last_line_go(line: str) -> None:
    """Flemish papers close with "Met Belga", German ones "mit dpa", French "Avec AFP"."""
    text, _ = apply_line_rules("\n".join([*BODY, line]), [])
    assert text.splitlines() == BODY


@pytest.mark.parametrize("line", ["Met vrienden en familie vierde hij zijn verjaardag.", "Mit dem Rad zur Arbeit", "With thanks to all"])
def test_a_last_line_opened_by_with_that_names_no_agency_stays(line: str) -> None:
    text, _ = apply_line_rules("\n".join([*BODY, line]), [])
    assert text.splitlines() == [*BODY, line]


# On the very first or last line a source or desk in plain words is a credit too.
@pytest.mark.parametrize(
    "lines",
    [
        [*BODY, "Source: embassy consular section"],
        [*BODY, "Источник: пресс-служба министерства"],
        ["Foto: archivo", *BODY],
        [*BODY, "Quelle: dpa", "Fotos: archivo del ayuntamiento"],
        [*BODY, "Fuente: agencias", "© 2026 Diario del Valle. Todos los derechos reservados."],
    ],
    ids=["en-desk", "ru-press-service", "es-photo-first", "two-at-end", "before-copyright"],
)
def test_plain_word_credits_on_the_outer_lines_go(lines: list[str]) -> None:
    generic = [p for p in load_profiles().profiles if p.name == "generic"]
    text, _ = apply_line_rules("\n".join(lines), generic)
    assert text.splitlines() == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Contact: press office, +1 555 0100",  # digits: the statement's own contact line
        "Note: the Authority will publish its findings in March.",  # a sentence
        "Recommendations: restore automatic retention of recordings and publish the deletion log",
    ],
)
def test_outer_lines_that_say_something_stay(line: str) -> None:
    text, _ = apply_line_rules("\n".join([*BODY, line]), [])
    assert text.splitlines()[-1] == line


def test_plain_word_credit_inside_the_text_stays() -> None:
    closing = "Closing paragraph, long enough to be body."
    lines = [BODY[0], "Source: embassy consular section", *BODY[1:], closing]
    text, _ = apply_line_rules("\n".join(lines), [])
    assert "Source: embassy consular section" in text.splitlines()


@pytest.mark.parametrize(
    "line",
    ["Fot. archiwum", "Phot. AFP", "Fonte: assessoria de imprensa da Secretaria de Saúde"],
)
def test_abbreviated_labels_and_desks_with_joining_words_on_the_outer_line_go(line: str) -> None:
    text, _ = apply_line_rules("\n".join([*BODY, line]), [])
    assert text.splitlines() == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Alle Rechte vorbehalten © Rheinpost 2026",
        "Tous droits réservés ©",
        "ⓒ 한마을뉴스",
        "(c) 2026 Valley Herald",
        # without the sign: "all rights reserved" in the outlet's language
        "جميع الحقوق محفوظة لجريدة الواحة",
        "무단전재 및 재배포 금지",
        "版權所有 轉載請註明出處",
        "Wszelkie prawa zastrzeżone.",
    ],
)
def test_copyright_notices_at_the_edges_go(line: str) -> None:
    text, _ = apply_line_rules("\n".join([line, *BODY, line]), [])
    assert text.splitlines() == BODY


def test_a_copyright_sign_inside_the_text_stays() -> None:
    middle = "The logo © 2019 remains the property of the Authority and may not be reused without consent."
    lines = [BODY[0], BODY[1], BODY[2], middle, *BODY, "Closing paragraph, long enough to be body."]
    text, _ = apply_line_rules("\n".join(lines), [])
    assert middle in text.splitlines()


@pytest.mark.parametrize(
    "line",
    ["ภาพ: สำนักข่าวท้องถิ่น", "स्रोत: नगर निगम", "ছবি: সংগৃহীত", "फोटो: राजेश वर्मा"],
    ids=["thai", "hindi-source", "bengali-photo", "hindi-photo"],
)
def test_credit_lines_in_scripts_with_combining_marks(line: str) -> None:
    """Thai, Devanagari and Bengali words hold combining vowel signs: still one word each."""
    text, _ = apply_line_rules("\n".join([*BODY, line]), [])
    assert text.splitlines() == BODY
