"""Menu, share and tag bars flattened into one line of text.

Why: "Facebook | X | WhatsApp | E-mail", "Email this story · Print this story · Share this",
"Compartir: Facebook • X • Correo" survive extraction as a line when the bar is inside the
article container. Whatever the language, the shape is a row of three or more short items
split by a bar or a middle dot, none of them a sentence. Table rows ("| a | b |") start with
the bar and are left alone, and so are rows of mostly numbers (prices, times, scores).
"""

from __future__ import annotations

import regex as re  # Unicode-aware \w: combining marks of Thai, Devanagari, Bengali… are word characters

MIN_ITEMS = 3
MAX_ITEM_WORDS = 4
MAX_ITEM_CHARS = 30
_LEADING_LABEL = re.compile(r"^[^\W\d_][^:：]{0,24}[:：]\s*")
_SENTENCE = re.compile(r"[.!?。！？]$|[,;，；]\s")


def is_menu_line(line: str) -> bool:
    """A row of three or more short non-sentence items split by '|', '·' or '•'."""
    line = line.strip()
    if not line or line[0] in "|·•" or line[-1] in "|":
        return False
    items = [item.strip() for item in re.split(r"\s*[|·•]\s*", _LEADING_LABEL.sub("", line))]
    if len(items) < MIN_ITEMS or any(not item for item in items):
        return False
    if 2 * sum(any(ch.isdigit() for ch in item) for item in items) >= len(items):
        return False  # prices, times, scores: data, not a menu
    return all(
        len(item) <= MAX_ITEM_CHARS and len(item.split()) <= MAX_ITEM_WORDS and not _SENTENCE.search(item)
        for item in items
    )
