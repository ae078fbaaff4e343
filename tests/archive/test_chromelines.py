"""Share, tag and menu bars flattened into one line.

Real behaviour: share bars ("Facebook | X | WhatsApp | E-mail"), print/e-mail tools and breadcrumb
or tag rows ("Home · News · Local") sit inside article containers on many CMSs and come out as
one line of short items. Statement text can hold a middle dot or a bar too (a list of prices, a
timetable row, a sentence with a dot as a separator), and tables come out as "| a | b |" rows.
"""

from __future__ import annotations

import pytest

from archive.chromelines import is_menu_line


@pytest.mark.parametrize(
    "line",
    [
        "Facebook | X | WhatsApp | E-mail",
        "Email this story | Print this story | Share this",
        "Compartir: Facebook • X • Correo",
        "Home · News · Local",
        "Chia sẻ: Facebook | Zalo | In bài viết",
        "공유: 페이스북 | 카카오톡 | 링크 복사",
        # breadcrumbs printed as plain text, with the separators CMSs use
        "홈 > 사회 > 행정",
        "Home > News > Local government",
        "ホーム ＞ 地域 ＞ 港湾",
        "Startseite → Region → Polizei",
    ],
)
def test_bars_of_short_items_are_menus(line: str) -> None:
    assert is_menu_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "| Year | Budget |",
        "Mon | 9:00 | 17:00",
        "Prices: 2 € · 3 € · 4 €",
        "The council met · the mayor spoke, and then left · end",
        "Water | Power",
        "5 > 3 > 1",  # a comparison
        "Fees rise if income > 30,000 euros > the council's threshold.",
        "The Board will publish its answer | the ministry will reply | the court will rule.",
    ],
)
def test_table_rows_numbers_and_sentences_are_not(line: str) -> None:
    assert not is_menu_line(line)
