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
    """A row of three or more short non-sentence items split by '|', '｜', '·', '•' or a
    breadcrumb's '»' / '›'."""
    line = line.strip()
    if not line or line[0] in "|·•｜»›" or line[-1] in "|｜»›":
        return False
    items = [item.strip() for item in re.split(r"\s*[|·•｜»›]\s*", _LEADING_LABEL.sub("", line))]
    if len(items) < MIN_ITEMS or any(not item for item in items):
        return False
    if 2 * sum(any(ch.isdigit() for ch in item) for item in items) >= len(items):
        return False  # prices, times, scores: data, not a menu
    return all(
        len(item) <= MAX_ITEM_CHARS and len(item.split()) <= MAX_ITEM_WORDS and not _SENTENCE.search(item)
        for item in items
    )


_WORD_ITEM = re.compile(r"^\p{Lu}[\w.+-]*$")


def is_labelled_list(line: str) -> bool:
    """A label, then a list of three or more short items: tags ("Etiketler: eğitim, lise, arıza",
    "Tags: waterschap, Heerhoven, fietspad") or share targets without bars ("Paylaş: Facebook
    Twitter WhatsApp Linkedin"). Without the label a comma list is a sentence's, so it stays."""
    line = line.strip()
    label = _LEADING_LABEL.match(line)
    if not label or len(line) > MAX_LABELLED_LIST_CHARS:
        return False
    rest = line[label.end():].strip()
    if _SENTENCE.search(rest.replace(", ", " ")) or rest.endswith("."):
        return False
    items = [item.strip() for item in re.split(r"\s*[,、，;]\s*", rest)]
    if len(items) >= MIN_ITEMS and all(item and len(item.split()) <= 3 for item in items):
        return True
    words = rest.split()
    return len(words) >= MIN_ITEMS and all(_WORD_ITEM.match(word) for word in words)


MAX_LABELLED_LIST_CHARS = 120


# Reader-comment counters and links: "Komentarze (0)", "12 comments", "已有0人参与，点击查看全部评论".
_COMMENT_WORD = re.compile(
    r"comment|koment|komment|komen|comentar|коммент|комент|yorum|reactie|reacties|bình luận|"
    r"评论|評論|댓글|コメント|تعليق|تعليقات|תגובות|תגובה|टिप्पणी|মন্তব্য|ความคิดเห็น|نظرات",
    re.IGNORECASE,
)
MAX_COUNTER_CHARS = 60
MAX_COUNTER_WORDS = 6


def is_comment_counter(line: str) -> bool:
    """A short line with a number and a word for comments: a counter or a link to them."""
    line = line.strip()
    if len(line) > MAX_COUNTER_CHARS or len(line.split()) > MAX_COUNTER_WORDS or line[-1:] in ".!?。！？":
        return False  # "The ministry received 40 comments by Friday." is a sentence
    return any(c.isdigit() for c in line) and bool(_COMMENT_WORD.search(line))


# "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter.": a typo-report prompt; the key names are
# the same in every language.
_CTRL_ENTER = re.compile(r"ctrl\s*\+\s*enter", re.IGNORECASE)
MAX_PROMPT_CHARS = 140


def is_typo_prompt(line: str) -> bool:
    return len(line) <= MAX_PROMPT_CHARS and bool(_CTRL_ENTER.search(line))
