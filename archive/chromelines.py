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
_MENU_SEPARATORS = "|·•｜»›>＞→"


def is_menu_line(line: str) -> bool:
    """A row of three or more short non-sentence items split by '|', '｜', '·', '•' or a
    breadcrumb's '»', '›', '>', '＞' or '→' ("홈 > 사회 > 행정", "ホーム ＞ 地域 ＞ 港湾")."""
    line = line.strip()
    if not line or line[0] in _MENU_SEPARATORS or line[-1] in "|｜»›>＞→":
        return False
    items = [item.strip() for item in re.split(rf"\s*[{_MENU_SEPARATORS}]\s*", _LEADING_LABEL.sub("", line))]
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
    if _SENTENCE.search(rest.replace(", ", " ")) or rest.endswith(".") or _CJK_SENTENCE.search(rest):
        return False  # a label and a sentence: "…指出：“消费者应选择…，…。”" is a quotation, not tags
    items = [item.strip() for item in re.split(r"\s*[,、，;]\s*", rest)]
    if len(items) >= MIN_ITEMS and all(item and len(item.split()) <= 3 for item in items):
        return True
    words = rest.split()
    return len(words) >= MIN_ITEMS and all(_WORD_ITEM.match(word) for word in words)


MAX_LABELLED_LIST_CHARS = 120
_CJK_SENTENCE = re.compile(r"[。；“”「」『』]")


# Words for reader comments, in the scripts news sites write in: counters and links ("Komentarze
# (0)", "已有0人参与，点击查看全部评论"), moderation notes, and notes after the body (archive.readerboxes).
COMMENT_WORD = re.compile(
    r"comment|koment|komment|komen|comentar|comentá|коммент|комент|yorum|reactie|reageren|bình luận|"
    r"diskus|diskuz|discussion|discusión|discussione|"
    r"评论|評論|留言|댓글|コメント|تعليق|التعليقات|תגובות|תגובה|टिप्पणी|মন্তব্য|ความคิดเห็น|نظرات|maoni|"
    r"கருத்து|კომენტარ|մեկնաբանություն|አስተያየት|അഭിപ്രായ|пікір|వ్యాఖ్య|ಪ್ರತಿಕ್ರಿಯೆ|ટિપ્પણી|ਟਿੱਪਣੀ|"
    r"අදහස්|មតិ|မှတ်ချက်|сэтгэгдэл|hozzászól|kommentti|athugasemd|sylw|σχόλι|σχολί",
    re.IGNORECASE,
)
MAX_COUNTER_CHARS = 60
MAX_COUNTER_WORDS = 6


def is_comment_counter(line: str) -> bool:
    """A short line with a number and a word for comments: a counter or a link to them."""
    # "The ministry received 40 comments by Friday." is a sentence
    return _is_counter(line, COMMENT_WORD, MAX_COUNTER_CHARS, MAX_COUNTER_WORDS)


def _is_counter(line: str, word: re.Pattern[str], max_chars: int, max_words: int) -> bool:
    """A short line with a number and `word`, not closing a sentence: a counter, not a statement."""
    line = line.strip()
    if len(line) > max_chars or len(line.split()) > max_words or line[-1:] in ".!?。！？":
        return False
    return any(c.isdigit() for c in line) and word.search(line) is not None


# "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter.": a typo-report prompt; the key names are
# the same in every language.
_CTRL_ENTER = re.compile(r"ctrl\s*\+\s*enter", re.IGNORECASE)
MAX_PROMPT_CHARS = 140


def is_typo_prompt(line: str) -> bool:
    return len(line) <= MAX_PROMPT_CHARS and bool(_CTRL_ENTER.search(line))


# Outlet notices that reach the text as a line: the cookie banner ("This site uses cookies.",
# "Šī vietne izmanto sīkdatnes."), the comment moderation note ("Comments are published after
# moderation."), and channel promotions ("Follow us on WhatsApp"). Callers keep them to the edges.
_COOKIE = re.compile(
    r"cookie|sīkdatn|slapuk|küpsis|piškot|kolačić|evästei|sütik|kakor|informasjonskapsl|"
    r"쿠키|クッキー|кукис|куки|файлы cookie|vidakuzi|çerez|kolačiće|колачиће",
    re.IGNORECASE,
)
# ... and the site they are set on, or the privacy, consent or partners they are for: a cookie notice
# names both ("This site uses cookies", "Nous et nos partenaires utilisons des cookies pour …").
_SITE = re.compile(
    r"site|web|page|página|pagina|seite|strona|stránk|stran|vietne|svetain|veebi|sivu|oldal|webbplats|"
    r"nettsted|sayfa|portal|сайт|веб|страниц|网站|網站|사이트|サイト|ウェブ|الموقع|האתר|वेबसाइट|เว็บไซต์|"
    r"privacy|privée|privacidad|privacidade|datenschutz|prywatnoś|конфиденциальн|개인정보|個人情報|隐私|隱私|"
    r"partner|partenaires|socios|parceiros|consent|zustimm|einwillig|consentimiento|audience|advertis|"
    r"publicité|werbung|publicidad|pubblicità|reklam|tovuti",
    re.IGNORECASE,
)
_MODERATION = re.compile(
    r"moderat|модерат|moderac|moderoi|moderá|moderiert|மட்டுறுத்த|審核|审核|검토 후", re.IGNORECASE
)
# A subscription offer: a word for subscribing or supporting, and a price.
_SUBSCRIBE = re.compile(
    r"subscri|abonn|soutenez|support (?:us|local|independent)|unterstütz|suscr|apoya|abbona|sostieni|assine|"
    r"assinatura|prenumer|předplat|predplat|előfizet|подпиш|подписк|передплат|구독|購読|订阅|訂閱|berlangganan|abone",
    re.IGNORECASE,
)
# An offer prices a period ("1 € le premier mois", "$1 a week", "4 Wochen für 0,99 €"); a statement's
# sentence about subscribers and a fee does not ("a £15 credit … to the accounts of subscribers").
_PERIOD = re.compile(
    r"\b(?:month|week|year|mois|semaine|an|monat|monate|woche|wochen|jahr|mes|meses|semana|año|mese|mesi|"
    r"settimana|anno|mês|miesiąc|tydzień|месяц|неделю|год|ay|hafta|yıl|tháng|bulan|minggu|maand|week|jaar|"
    r"måned|månad|vecka|kuukausi)\w*|月|週|年|개월|주",
    re.IGNORECASE,
)
MAX_OFFER_CHARS = 120
# A newsletter promotion: the newsletter named, and signing up or the e-mail it comes by
# ("Nejdůležitější zprávy dne každé ráno do e-mailu. Přihlaste se k odběru newsletteru.").
_NEWSLETTER = re.compile(
    r"newsletter|nieuwsbrief|infolettre|lettre d'information|boletín|boletim|notiziario|biuletyn|zpravodaj|"
    r"hírlevél|bülten|bản tin|рассылк|розсилк|бюлетен|뉴스레터|ニュースレター|メルマガ|电子报|電子報|"
    r"nyhedsbrev|nyhetsbrev|uutiskirje|"
    r"النشرة البريدية|ניוזלטר|न्यूज़लेटर|নিউজলেটার|จดหมายข่าว",
    re.IGNORECASE,
)
_SIGN_UP = re.compile(
    r"e-?mail|inbox|postfach|boîte|correo|caixa|casella|skrzynk|schránk|postaláda|posta kutus|hộp thư|почт|"
    r"indbakke|inkorg|innboks|sähköposti|"
    r"이메일|メール|邮箱|郵箱|البريد|מייל|ईमेल|ইমেইল|อีเมล|"
    r"sign up|anmeld|přihlas|prihlás|inscri|registr|zapisz|iscriv|jelentkez|kayıt|daftar|đăng ký|"
    r"가입|登録|注册|註冊",
    re.IGNORECASE,
)


def is_newsletter_promotion(line: str) -> bool:
    """A short line naming the newsletter and signing up for it or the e-mail it comes by."""
    if len(line) > MAX_NOTICE_CHARS:
        return False
    if not _NEWSLETTER.search(line):
        return False
    heading = len(line.split()) <= MAX_NEWSLETTER_HEADING_WORDS and not _FULL_STOP_END.search(line)
    return heading or bool(_SIGN_UP.search(line) or _SUBSCRIBE.search(line))


MAX_NEWSLETTER_HEADING_WORDS = 3


def is_subscription_offer(line: str) -> bool:
    """"Soutenez une information locale indépendante : 1 € le premier mois.": subscribe, a price, a period."""
    if len(line) > MAX_OFFER_CHARS:
        return False
    return all(pattern.search(line) for pattern in (_SUBSCRIBE, _PRICE, _PERIOD))
_PRICE = re.compile(
    r"\d+(?:[.,]\d+)?\s?(?:€|\$|£|zł|kr|Kč|CHF|₽|₴|₺|円|원|元|eur\b)|(?:€|\$|£)\s?\d", re.IGNORECASE
)
_FULL_STOP_END = re.compile(r"[.。।۔።]\s*$")
_CHANNELS = re.compile(r"whatsapp|telegram|viber|google news|line@", re.IGNORECASE)
# An app promotion names the app and the download ("Download the Lokdarpan app for the latest news").
_APP = re.compile(
    r"\bapps?\b|aplikac|applica|aplicativo|aplicaci|приложени|застосун|додаток|ऐप|অ্যাপ|앱|アプリ|客户端|應用程式|تطبيق|اپلیکیشن|"
    r"แอป|ứng dụng|uygulama|εφαρμογή|אפליקציה|ആപ്പ്|ஆப்|એપ",
    re.IGNORECASE,
)
_DOWNLOAD = re.compile(
    r"download|baixe|descarg|télécharg|herunterladen|\blade\b|\bladen sie\b|scarica|pobierz|stáhn|"
    r"letölt|descarc|"
    r"завантаж|скача|загруз|डाउनलोड|ডাউনলোড|다운로드|ダウンロード|下载|下載|دانلود|تحميل|ดาวน์โหลด|tải|"
    r"unduh|indir|κατεβάστε|הורידו|ഡൗൺലോഡ്|பதிவிறக்க|ડાઉનલોડ|app store|google play|play store",
    re.IGNORECASE,
)
MAX_NOTICE_CHARS = 200
MAX_PROMOTION_CHARS = 120


def is_outlet_notice(line: str) -> bool:
    """A cookie banner line, a comment moderation note, or a short channel or app promotion."""
    if len(line) > MAX_NOTICE_CHARS:
        return False
    if _COOKIE.search(line) and _SITE.search(line):
        return True
    if _MODERATION.search(line) and COMMENT_WORD.search(line):
        return True
    if is_subscription_offer(line) or is_newsletter_promotion(line):
        return True
    if len(line) > MAX_PROMOTION_CHARS or any(c.isdigit() for c in line):
        return False  # "Report leaks on WhatsApp 0800 555 010": the statement's own contact line
    if _CHANNELS.search(line):
        return True
    # A promotion is a slogan: "The ministry will download data from the app." is a sentence.
    return bool(_APP.search(line) and _DOWNLOAD.search(line)) and not _FULL_STOP_END.search(line)


MAX_COMMENT_HEADING_CHARS = 40
MAX_COMMENT_HEADING_WORDS = 5
_COUNT = re.compile(r"[(\[]\s*\d+\s*[)\]]")
# "Reader comments", "Comentarios de los lectores", "网友评论": comments named as the readers'.
_READERS = re.compile(
    r"reader|leser|lecteur|lector|lettori|leitor|czytelnik|čitatel|čitateľ|olvasó|okuyucu|читател|"
    r"читач|lezer|läsar|lukija|독자|読者|读者|網友|网友|用户|用戶|القراء|הגולשים|पाठक|পাঠক",
    re.IGNORECASE,
)


def is_comment_heading(line: str) -> bool:
    """The heading of the comment section: a short line with a word for comments and either a
    count ("Diskusia (4)") or few words ("Kommentare", "网友评论") or the readers' name."""
    line = line.strip()
    if not line or len(line) > MAX_COMMENT_HEADING_CHARS or len(line.split()) > MAX_COMMENT_HEADING_WORDS:
        return False
    if line[-1] in ".!?。！？" or not COMMENT_WORD.search(line):
        return False
    return bool(_COUNT.search(line)) or len(line.split()) <= 2 or bool(_READERS.search(line))


# "Advertisement", "Anzeige", "Iklan", "광고": the label an ad slot leaves as a line of its own.
_ADVERT = re.compile(
    r"^[-–—·•\s]*(?:advertisement|advertising|sponsored|anzeige|werbung|publicité|publicidad|publicidade|"
    r"pubblicità|reklama|reklam|реклама|advertentie|annonce|annonse|annons|mainos|hirdetés|διαφήμιση|iklan|"
    r"quảng cáo|광고|広告|广告|廣告|إعلان|פרסומת|विज्ञापन|বিজ্ঞাপন|โฆษณา|tangazo)[-–—·•\s]*$",
    re.IGNORECASE,
)


# The article tools' labels: text size and print controls ("글자크기", "字級：小 中 大", "Drucken").
_TOOL_LABEL = re.compile(
    r"^(?:글자\s?크기|글씨\s?크기|字級|字级|字號|字号|字體|字体|文字サイズ|font size|text size|schriftgröße|"
    r"taille du texte|tamaño de (?:letra|texto)|tamanho da fonte|dimensione (?:del )?testo|"
    r"rozmiar (?:czcionki|tekstu)|"
    r"размер шрифта|print|drucken|imprimir|imprimer|stampa|drukuj|печать|인쇄|印刷|列印|打印)"
    r"(?:\s*[:：]?\s*(?:[-+−–＋－aAＡａ가大中小]\s*){0,6})?$",  # "글자크기 ＋ －": full-width controls too
    re.IGNORECASE,
)


def is_advert_label(line: str) -> bool:
    """An ad slot's label, or an article tool's (text size, print): a line of its own, never text."""
    return _ADVERT.match(line) is not None or _TOOL_LABEL.match(line.strip()) is not None


MAX_VIEW_COUNTER_CHARS = 40
MAX_VIEW_COUNTER_WORDS = 5
# "1 284 views", "Прочитано: 2 318", "เปิดอ่าน 1,284 ครั้ง", "조회 1,284": a page's view counter.
_VIEWS = re.compile(
    r"views|visningar|visninger|aufrufe|vues|visitas|leído|visualizações|visualizzazioni|"
    r"wyświetle|odsłon|zobrazení|prečítané|přečteno|megtekint|olvasás|просмотр|прочитано|переглядів|прагляд|"
    r"görüntülen|okunma|lượt xem|dilihat|dibaca|조회|閱讀|阅读|閲覧|浏览|瀏覽|مشاهدة|بازدید|צפיות|देखा|পঠিত|"
    r"เปิดอ่าน|อ่าน\s*[\d,]+\s*ครั้ง|kusomwa",
    re.IGNORECASE,
)


def is_view_counter(line: str) -> bool:
    """A short line with a number and a word for views or reads, not a sentence."""
    return _is_counter(line, _VIEWS, MAX_VIEW_COUNTER_CHARS, MAX_VIEW_COUNTER_WORDS)


MAX_CORRECTION_NOTE_CHARS = 300
# "Correction: an earlier version …", "Correctie: …", "*Leiðrétting:", "【訂正】…", "Update: …": the
# outlet's note on a correction or update it made; the corrected text is the statement, the note is
# the outlet's.
_CORRECTION_LABEL = re.compile(
    r"^[\s*\[(【〔]*(?:correction|correctie|correção|corrección|correzione|korrektur|berichtigung|rectificatif|"
    r"erratum|oprava|sprostowanie|korjaus|rättelse|rettelse|leiðrétting|popravek|ispravak|ispravka|"
    r"исправление|виправлення|поправка|düzeltme|διόρθωση|תיקון|تصحيح|تصحیح|정정|訂正|更正|ralat|pembetulan|"
    r"đính chính|แก้ไขข้อมูล|संशोधन|সংশোধনী|திருத்தம்|ತಿದ್ದುಪಡಿ|సవరణ|തിരുത്ത്|સુધારો|ਸੋਧ|درستی|"
    r"შესწორება|ուղղում|залруулга|түзету|korrigjim|corecție|corectură|helyesbítés|"
    r"pagtatama|marekebisho|ការកែតម្រូវ|ပြင်ဆင်ချက်|සංශෝධනය|"
    # update and editor's notes, labelled the same way ("Güncelleme notu:", "Editor's note:")
    r"update|güncelleme|aktualisierung|mise à jour|actualización|atualização|aggiornamento|aktualizacja|"
    r"aktualizace|aktualizácia|frissítés|обновление|оновлення|cập nhật|pembaruan|"
    r"editor'?s note|note de la rédaction|nota de la redacción|nota della redazione|anmerkung der redaktion|"
    r"nota do editor|nota da redação|od redakcji|poznámka redakce|примечание редакции|editörün notu)"
    r"(?:\s+(?:notu|note|notiz|nota|notitie))?"
    # the day it was made, between the label and the colon: "Correctie 27 november:", "Update 27.11.2026:",
    # "Mise à jour vendredi 27 novembre, 8 h :" (a weekday first, an hour without minutes)
    r"(?:,?\s+(?:\p{L}{3,12}\.?,?\s+)?\d{1,2}(?:[./]\d{1,2}[./]?(?:\d{2,4})?|\.?\s+\p{L}{3,12}\.?(?:\s+\d{4})?)"
    r"(?:,?\s+(?:à\s+|um\s+|at\s+|kl\.?\s+)?\d{1,2}(?:[:.h]\s?\d{2}|\s?h))?)?"
    r"\s*[:：\]）)】〕]",
    re.IGNORECASE,
)


def is_correction_note(line: str) -> bool:
    return len(line) <= MAX_CORRECTION_NOTE_CHARS and _CORRECTION_LABEL.match(line) is not None
