"""Credit lines at the edges of a text: "(Editor: Wang Lin)", "编辑：张伟", "Photo: Jane Roe/Agency".

Why: every site words them differently, but the shape is one: a short line near the
start or end, a label of 1–3 words without sentence punctuation, a separator
(':', '：', '=', '/', '／') and a short name-like value, sometimes wrapped in () or [].
A value is name-like when its Latin words are capitalised (small joining words
allowed) or it is in a script without case; a sentence ("Note: the Authority will
publish ...") is never one. Labelled dates are left to `archive.datelines`.

On the very first or last line of a text the value need not be a name: sites
credit a desk or a source in plain words ("Source: embassy consular section",
"Источник: пресс-служба министерства", "Foto: archivo"). There a one-word label
and a value of up to four words (joining words aside) without digits or punctuation
is enough, and the label may be an abbreviation closed by its full stop ("Fot. archiwum").
"""

from __future__ import annotations

import regex as re  # Unicode-aware \w: combining marks of Thai, Devanagari, Bengali… are word characters

from archive.scripts import OTHER_FULL_STOPS, has_case

MAX_CREDIT_CHARS = 60
_CREDIT = re.compile(
    r"^[(\[（【]?\s*(?P<label>[^\W\d_][\w.'’ -]{0,24}?)\s*[:：=／/]\s*(?P<value>[^:：]{1,45}?)\s*[)\]）】]?$"
)
_JOINERS = frozenset(
    "of de la le du des der die das von und and the for y e da di del do dos van al".split()
    # name particles: "Lotte Van den Broeck", "Jan ter Horst", "Maria della Valle", "Ali bin Hassan"
    + "den ter ten della delle degli dei zu zur bin binti ibn".split()
    # "and" between two names, in the languages bylines are printed in ("Elif Kaya ve Burak Demir")
    + "et i a en og och ja és și şi ve na и і та και dan và".split()
)
_SENTENCE_END = re.compile(rf"[.!?。！？{OTHER_FULL_STOPS}]\s*$|[,;]\s+\w+\s+\w+\s+\w+")


def is_credit_line(line: str) -> bool:
    """A short 'label: name' line (caller checks it is at an edge of the text)."""
    if len(line) > MAX_CREDIT_CHARS:
        return False
    match = _CREDIT.match(line.strip())
    if not match:
        return False
    label, value = match.group("label").strip(), match.group("value").strip()
    if not 1 <= len(label.split()) <= 3 or _SENTENCE_END.search(value) or len(value.split()) > 6:
        return False
    if value[:1] in _OPENING_QUOTES:
        return False  # "…负责人表示：“我们将依法从重处罚。”": a quotation, never a credit
    return name_like(value)


_OPENING_QUOTES = "\"“„«‘‚「『"


MAX_OUTER_CREDIT_CHARS = 64
MAX_OUTER_VALUE_WORDS = 4
# "Fot. archiwum", "Phot. AFP": an abbreviated label closed by its full stop.
_ABBREVIATED_CREDIT = re.compile(r"^(?P<label>[^\W\d_]{2,5})\.\s+(?P<value>[^.:：]{1,45})$")
_PLAIN_VALUE = re.compile(r"^[^\W\d_][^\d.;!?。！？；]*$")


# Wire copy's closing marks: agency codes ("dpa/lby", "(AFP)", "kna/epd") and end marks ("（完）",
# Iranian agencies' "انتهای پیام/", end of message).
_AGENCY_TAG = re.compile(r"^[(\[]?[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})+[)\]]?$|^\((?:[A-Za-z]{2,5})\)$")
_END_MARK = re.compile(r"^[(（]\s*(?:完|终|終|end|fin|ende)\s*[)）]$|^انتهای پیام\s*/?$", re.IGNORECASE)


# "*Com informações da Secretaria …", "With reporting by Reuters": the sources the outlet drew on.
_WITH_INFORMATION = re.compile(
    r"^[*(\[]?\s*(?:com informações d[aoe]s?|con información de|con informaci[oó]n de|"
    r"con informazioni d[aie]|avec (?:l'afp|afp|reuters|agences)|mit material von|"
    r"(?:with )?(?:additional )?reporting (?:by|from)|z informacji|cu informații de la)\b",
    re.IGNORECASE,
)


# "Met Belga", "mit dpa", "Avec AFP et Reuters", "With AP": the wire agencies a story was written with,
# closing it; an agency's name is capitalised, or a short code in lower case (dpa, apa).
_WITH_AGENCIES = re.compile(
    r"^[(\[]?(?i:met|mit|avec|with|con|com|med|z|ze|s|с|со)\s+"
    r"(?:[A-Z][\w.&-]{1,20}|[a-z]{2,4})"
    r"(?:\s*(?:,|/|&|en|and|und|et|e|y|og|och|i|a)\s*(?:[A-Z][\w.&-]{1,20}|[a-z]{2,4})){0,2}[)\]]?$"
)


def is_outer_credit_line(line: str) -> bool:
    """A credit on the text's first or last line: also a desk or source in plain words."""
    if is_credit_line(line) or is_photo_credit_line(line):
        return True
    if _AGENCY_TAG.match(line.strip()) or _END_MARK.match(line.strip()) or _WITH_AGENCIES.match(line.strip()):
        return True
    if len(line) <= MAX_SOURCE_LINE_CHARS and _WITH_INFORMATION.match(line.strip()):
        return True
    line = line.strip()
    if len(line) > MAX_SOURCE_LINE_CHARS:
        return False
    named = _SOURCE_CREDIT.match(line)
    if named:  # "Извор: Служба за односе с јавношћу Министарства": a source may be a long name
        value = named.group("value").strip()
        words = [word for word in value.split() if word.lower() not in _JOINERS]
        return 1 <= len(words) <= MAX_SOURCE_VALUE_WORDS and bool(_PLAIN_VALUE.match(value))
    if len(line) > MAX_OUTER_CREDIT_CHARS:
        return False
    match = _CREDIT.match(line) or _ABBREVIATED_CREDIT.match(line)
    if not match:
        return False
    label, value = match.group("label").strip(), match.group("value").strip()
    content_words = [word for word in value.split() if word.lower() not in _JOINERS]
    return (
        len(label.split()) == 1
        and 1 <= len(content_words) <= MAX_OUTER_VALUE_WORDS
        and bool(_PLAIN_VALUE.match(value))
    )


# The words outlets put before a photo credit or a source, in the languages news sites write in.
# Photo credits are credits wherever they stand (a caption line under an image mid-body); a
# source may name a whole office ("Fuente: Secretaría de Salud del Gobierno del Estado").
PHOTO_LABELS = (
    "photo|photos|photograph|picture|image|picha|foto|fotos|fot|fotó|fotók|fotografia|fotografie|fotoğraf|"
    "resim|görsel|bild|bilder|kuva|kép|snímek|zdjęcie|фото|світлина|φωτογραφία|φωτ|צילום|תמונה|"
    "صورة|الصورة|عکس|फोटो|तस्वीर|ছবি|ภาพ|ảnh|圖|图|照片|사진|写真|画像"
)
SOURCE_LABELS = (
    "source|sources|fuente|fuentes|fonte|fontes|font|quelle|quellen|bron|kilde|källa|lähde|forrás|"
    "zdroj|źródło|izvor|извор|источник|джерело|sursa|sursă|kaynak|nguồn|sumber|πηγή|מקור|المصدر|"
    "vir|avots|šaltinis|allikas|burimi|ffynhonnell|iturria|heimild|kilde|sors|крыніца|джерела|"
    "эх сурвалж|дереккөз|աղբյուր|წყარო|ምንጭ|ប្រភព|ແຫຼ່ງຂ່າວ|ရင်းမြစ်|මූලාශ්‍රය|மூலம்|ആധാരം|"
    "સ્રોત|ਸਰੋਤ|ಮೂಲ|మూలం|ذریعہ|chanzo|orisun|"
    "مصدر|منبع|स्रोत|সূত্র|ที่มา|来源|來源|출처|出典"
)
MAX_PHOTO_CREDIT_CHARS = 80
MAX_SOURCE_LINE_CHARS = 100
MAX_SOURCE_VALUE_WORDS = 10
_PHOTO_CREDIT = re.compile(
    rf"^[(\[（【]?\s*(?:{PHOTO_LABELS})\.?(?:\s+\w+)?\s*[:：=／/|]\s*(?P<value>[^:：]{{1,60}}?)\s*[)\]）】]?$",
    re.IGNORECASE,
)
_SOURCE_CREDIT = re.compile(
    rf"^[(\[（【]?\s*(?:{SOURCE_LABELS})\s*[:：=／/]\s*(?P<value>[^:：]{{1,90}}?)\s*[)\]）】]?$",
    re.IGNORECASE,
)


MAX_CAPTION_CHARS = 200
_CAPTION_CREDIT = re.compile(
    rf"(?:^|[.!?。！？)）]\s+|\s[-–—|]\s)[(\[（]?(?:{PHOTO_LABELS})\.?\s*[:：=／/]?\s+(?P<value>[^.:：!?。]{{2,50}}?)[)\]）]?$",
    re.IGNORECASE,
)


# Chinese and Japanese captions: "图为…" (the picture shows), and a closing "资料图片" (file
# photo) or a bracketed "（同市提供）" / "（记者 王伟 摄）" (provided by / photographed by).
_CJK_CAPTION = re.compile(
    r"^(?:图为|圖為|图片为|圖片為)|(?:资料图片|資料照片|资料图|資料照|供图|供圖)\s*$"
    r"|[（(][^（()）]{1,16}(?:提供|撮影|摄|攝|供图|供圖)[）)]\s*$"
    # unbracketed, after the caption's sentence or alone: "…办卡事宜。 记者 赵宇 摄", "新华社记者 李明 摄",
    # "陈晨／摄": a reporter's title before the name, or a space or slash before "photographed"
    r"|(?:^|[。！？]\s*)(?:[\u4e00-\u9fff]{0,6}(?:记者|記者|通讯员|通訊員)\s*[\u4e00-\u9fff]{2,4}\s*[／/]?\s*"
    r"|[\u4e00-\u9fff]{2,4}(?:\s+|\s*[／/]\s*))(?:摄|攝|摄影|攝影|撮影)\s*$"
)
MAX_CJK_CAPTION_CHARS = 120
# Japanese papers close a caption with "＝" and when and where the photo was taken: "チラシを配る
# 署員ら＝27日、岡山市北区の商業施設", "会見する市長＝市役所で26日".
_JA_CAPTION_TAIL = re.compile(r"＝[^＝。！？]{0,24}?[0-9０-９]{1,2}日[^＝。！？]{0,30}$")


def is_caption_line(line: str) -> bool:
    """A photo caption closed by its credit ("Zberný dvor na Železničnej ulici. Foto: Michal Baláž",
    "Budynek szpitala. Fot. Tomasz Nowicki", "图为…。 资料图片"): the credit makes the line the caption's."""
    line = line.strip()
    if len(line) <= MAX_CJK_CAPTION_CHARS and (_CJK_CAPTION.search(line) or _JA_CAPTION_TAIL.search(line)):
        return True
    if len(line) > MAX_CAPTION_CHARS:
        return False
    if _SLASH_CREDIT.search(line) or _OPENING_PHOTO_CREDIT.match(line):
        return True
    match = _CAPTION_CREDIT.search(line)
    if match is None:
        return False
    value = match.group("value")
    # "Podpolianske noviny/Michal Baláž": an outlet and a photographer, one of them a name; or a
    # word or two after a caption's full stop ("Реката Вардар кај Велес. Фото: архива")
    after_sentence = match.start() > 0
    return any(name_like(part) for part in value.split("/")) or (after_sentence and len(value.split()) <= 2)


# Korean and some Spanish papers close a caption with a slash and the source: "…전경. /경남매일뉴스 DB",
# "…에서 열린 회의. /연합뉴스", "Sala de estudio, en una imagen de archivo. / DIARI DE LA PLANA".
# A caption that opens with its credit: "Foto: archivo La Crónica. Vereda de Génova, Quindío."
_OPENING_PHOTO_CREDIT = re.compile(
    rf"^(?:{PHOTO_LABELS})\s*[:：]\s*[^.:：!?]{{2,40}}\.\s+\S[^!?]{{0,100}}$", re.IGNORECASE
)
_SLASH_CREDIT = re.compile(r"[.。]\s*/\s*[^\s/.]{2,24}(?:\s+[^\s/.]{1,12}){0,3}$")


# A bracketed credit with a word instead of a separator: "(Picha na Maktaba)", "(Photo by Jane Roe)",
# "(Фото из архива)"; alone, or closing a caption ("Sehemu ya Soko la Mgandini. (Picha na Maktaba)").
_BRACKETED_PHOTO = re.compile(
    rf"(?:^|[.!?。]\s+)[(\[（]\s*(?:{PHOTO_LABELS})\b[^()\[\]（）]{{1,50}}[)\]）]$", re.IGNORECASE
)


def is_photo_credit_line(line: str) -> bool:
    """"Foto: Jan Novák/ČTK", "圖／記者陳怡君攝", "사진=연합뉴스": a photo credit, wherever it stands."""
    line = line.strip()
    if len(line) > MAX_PHOTO_CREDIT_CHARS:
        return False
    if _BRACKETED_PHOTO.search(line) and len(line) <= MAX_CAPTION_CHARS:
        return True
    match = _PHOTO_CREDIT.match(line)
    return match is not None and not _SENTENCE_END.search(match.group("value"))


def name_like(value: str) -> bool:
    """Every word capitalised (joining words allowed) or in a script without case."""
    return all(_name_like(word) for word in re.split(r"[\s/／,、·]+", value) if word)


def _name_like(word: str) -> bool:
    word = word.strip("()[]'\"“”")
    if not word or word.lower() in _JOINERS:
        return True
    first = word[0]
    return first.isupper() or not first.isalpha() or not has_case(first)
