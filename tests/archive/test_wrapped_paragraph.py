# ruff: noqa: E501  (sample lines are kept whole: they are what outlets print)
"""One <p> of two lines split by a single <br>: the paragraph wrapped where the writer's editor did.

Real behaviour: statements pasted from a word processor or an e-mail keep a hard line break inside
each paragraph, and the CMS turns it into one <br> inside the paragraph's <p>. In scripts with
letter case a lower-case word on both sides shows the cut; Khmer, Georgian, Amharic, Thai and CJK
give no such evidence, so the shape decides: the first line is long and open, the second ends the
sentence. Varied across scripts and sentence ends (., ។, ።, 。). What stays two lines: a short
label over its text (a sub-heading in bold), and two lines neither of which ends a sentence (an
address block).
"""

from __future__ import annotations

import pytest

from archive.linejoin import decide_joins


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("ក្រសួងសាធារណការ និងដឹកជញ្ជូន បានចេញសេចក្តីជូនដំណឹងនៅថ្ងៃនេះ ថាស្ពាន", "នឹងត្រូវបិទជាបណ្តោះអាសន្ន ចាប់ពីថ្ងៃច័ន្ទ។"),
        ("ქალაქის მერიამ განაცხადა, რომ თეთრი ხიდი დეკემბრის დასაწყისიდან", "ორი კვირით დაიკეტება სარემონტო სამუშაოების გამო."),
        ("የከተማው አስተዳደር ዛሬ ባወጣው መግለጫ መንገዱ ለሁለት ሳምንታት", "በከፊል እንደሚዘጋ አስታውቋል።"),
        ("The council said in a statement on Monday that the bridge over the river", "Will close for two weeks from 1 December."),
    ],
)
def test_a_two_line_paragraph_is_joined(first: str, second: str) -> None:
    assert decide_joins([first, second], [0], in_paragraph=True) == [True]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Background", "The council first announced the works in March, after an inspection."),  # a label
        ("Ministry of Public Works and Transport", "Press and Information Department"),  # an address block
        ("The council closed the bridge on Monday.", "Traffic moves to the ring road."),  # two sentences
    ],
)
def test_labels_addresses_and_sentences_stay_apart(first: str, second: str) -> None:
    assert decide_joins([first, second], [0], in_paragraph=True) == [False]


def test_outside_one_paragraph_two_lines_are_not_joined_by_shape() -> None:
    first = "ក្រសួងសាធារណការ និងដឹកជញ្ជូន បានចេញសេចក្តីជូនដំណឹងនៅថ្ងៃនេះ ថាស្ពាន"
    assert decide_joins([first, "នឹងត្រូវបិទជាបណ្តោះអាសន្ន ចាប់ពីថ្ងៃច័ន្ទ។"], [0], in_paragraph=False) == [False]


@pytest.mark.parametrize(
    "stamp",
    ["Апублікавана: 26.11.2026, 09:12 · Праглядаў: 1 204", "Published 20/11/26 | Views: 1,204 | Comments: 3"],
)
def test_a_dated_stamp_row_is_never_joined_to_the_text(stamp: str) -> None:
    """The outlet's date-and-counter row sits right above a source line or the body; both are open
    lines, but the row is chrome, not a wrapped line of the statement."""
    assert decide_joins([stamp, "According to the ministry's press service."], [0], in_paragraph=True) == [False]
