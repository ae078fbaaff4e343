"""A generated local news site for the speed benchmark.

Real news sites are mostly chrome around a few hundred words: navigation, a
ticker, share bars, comment widgets, "related" and "most read" lists, a heavy
footer, inline scripts and JSON-LD. Popular articles carry long comment
threads, which push a page to 40-80 KB. Section pages list articles twenty to
a page with pagination. This module writes such a site (text of its own,
seeded, so every run crawls the same bytes) as static files: `DIR/path/index.html`
for `/path/`, each with a `.gz` twin for nginx's gzip_static, so the server
spends almost no CPU while the crawlers are measured.

Images, stylesheets and scripts point at another host, as on sites behind a
CDN, so no crawler (Scrapy's LinkExtractor or wget without -H) fetches them and
every crawler fetches the same HTML pages.
"""

from __future__ import annotations

import gzip
import html
import json
import math
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

SITE_NAME = "The Harbour Ledger"
CDN = "https://static.harbourledger.invalid"
SECTIONS = ["politics", "economy", "world", "health", "science", "culture", "sport", "local", "opinion",
            "technology"]
STATIC_PAGES = {
    "about": "About us",
    "contact": "Contact the newsroom",
    "corrections": "Corrections and clarifications",
    "privacy": "Privacy notice",
    "terms": "Terms of use",
}
PER_SECTION_PAGE = 20
LARGE_SHARE = 0.35  # articles with long comment threads (40-80 KB pages)

FIRST = ["Amara", "Tomas", "Ingrid", "Kwame", "Lucia", "Hiroshi", "Nadia", "Oskar", "Priya", "Rafael",
         "Selin", "Wen", "Yusuf", "Elena", "Marek", "Fatima", "Jonas", "Leila", "Dmitri", "Chloe"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Novak", "Castillo", "Brennan", "Sato",
        "Kowalski", "Mensah", "Varga", "Iyer", "Schultz", "Delgado", "Ferreira", "Aziz", "Hale"]
ROLES = ["the finance minister", "a spokesperson for the ministry", "the mayor", "the committee chair",
         "an economist at the central bank", "the union's general secretary", "a senior official",
         "the health commissioner", "the opposition leader", "a researcher at the national institute"]
BODIES = ["the ministry of finance", "the port authority", "the regional council", "the central bank",
          "the national statistics office", "the transport agency", "the environment agency",
          "the university hospital", "the supreme court", "the fisheries board", "the energy regulator"]
PLACES = ["the northern districts", "the harbour quarter", "the coastal towns", "the capital",
          "the river valley", "the industrial estate", "the island communities", "the eastern provinces"]
TOPICS = {
    "politics": ["the budget bill", "the coalition agreement", "electoral reform", "the spending review"],
    "economy": ["inflation", "wage growth", "the housing market", "export orders", "interest rates"],
    "world": ["the border talks", "the trade summit", "the ceasefire", "the aid programme"],
    "health": ["waiting lists", "the vaccination drive", "hospital staffing", "the new clinic"],
    "science": ["the survey vessel", "the climate record", "the new telescope", "the gene study"],
    "culture": ["the festival", "the museum reopening", "the film prize", "the library plan"],
    "sport": ["the cup final", "the stadium plan", "the relay squad", "the transfer window"],
    "local": ["the ferry timetable", "the school merger", "the flood defences", "the market square"],
    "opinion": ["the tax debate", "public broadcasting", "the housing crisis", "city planning"],
    "technology": ["the broadband rollout", "the data law", "the chip plant", "the digital ID scheme"],
}
VERBS = ["announced", "confirmed", "warned", "signalled", "proposed", "rejected", "welcomed", "criticised",
         "postponed", "approved", "questioned", "defended"]
NOUNS = ["plan", "measure", "proposal", "report", "review", "decision", "agreement", "figure", "forecast",
         "deadline", "investment", "inquiry"]
ADJS = ["new", "revised", "long-awaited", "controversial", "modest", "sweeping", "temporary", "joint",
        "preliminary", "final", "cautious", "ambitious"]
CONNECTORS = ["However,", "Meanwhile,", "In a statement,", "Earlier this week,", "According to officials,",
              "By contrast,", "At the same time,", "Critics say", "Supporters argue that", "Last year,"]
COMMENT_BITS = ["I have lived here for twenty years and never seen anything like this.",
                "Who is going to pay for all of this in the end?", "Finally some good news for once.",
                "The article leaves out the most important part of the story.", "Spot on, as usual.",
                "This was promised before the last election as well.", "Thanks for the clear reporting.",
                "Does anyone know when the consultation closes?", "Same story every winter, sadly.",
                "My neighbours were affected too, it has been a very difficult month.",
                "Interesting figures, but compared with what baseline?", "Well said."]


@dataclass
class Page:
    path: str  # URL path, starting and ending with "/"
    title: str
    kind: str  # home, section, article, static


@dataclass
class Article:
    number: int
    section: str
    slug: str
    title: str
    teaser: str
    author: str
    published: datetime
    large: bool
    related: list[int] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/{self.section}/{self.published:%Y/%m/%d}/{self.slug}-{self.number}/"


@dataclass
class Site:
    root: Path
    pages: list[Page]
    bytes_html: int

    @property
    def page_count(self) -> int:
        return len(self.pages)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(rng: random.Random, section: str) -> str:
    topic = rng.choice(TOPICS[section])
    shape = rng.randrange(6)
    if shape == 0:
        day = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday"])
        return (f"{rng.choice(BODIES).capitalize()} {rng.choice(VERBS)} a {rng.choice(ADJS)} "
                f"{rng.choice(NOUNS)} on {topic} on {day}.")
    if shape == 1:
        share = rng.randint(2, 48)
        return (f"The {rng.choice(NOUNS)} would affect about {share} per cent of households in "
                f"{rng.choice(PLACES)}, {rng.choice(ROLES)} said.")
    if shape == 2:
        return (f"\u201cWe cannot keep postponing {topic},\u201d said {_name(rng)}, {rng.choice(ROLES)}, "
                f"adding that the {rng.choice(ADJS)} {rng.choice(NOUNS)} was \u201ca first step\u201d.")
    if shape == 3:
        amount = rng.randint(3, 900)
        return (f"{rng.choice(CONNECTORS)} {rng.choice(BODIES)} put the cost at {amount} million, "
                f"{rng.choice(['up', 'down'])} from {amount + rng.randint(-2, 40)} million a year earlier.")
    if shape == 4:
        return (f"{rng.choice(CONNECTORS)} residents of {rng.choice(PLACES)} have {rng.choice(VERBS)} "
                f"the {rng.choice(ADJS)} {rng.choice(NOUNS)} on {topic}.")
    return (f"The {rng.choice(NOUNS)} is expected to go before {rng.choice(BODIES)} in "
            f"{rng.choice(['the spring', 'the autumn', 'January', 'March', 'June'])}, "
            f"when a {rng.choice(ADJS)} {rng.choice(NOUNS)} is due.")


def _paragraphs(rng: random.Random, section: str, words: int) -> list[str]:
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(_sentence(rng, section) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def _articles(rng: random.Random, count: int) -> list[Article]:
    start = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
    articles = []
    for number in range(count):
        section = SECTIONS[number % len(SECTIONS)]
        topic = rng.choice(TOPICS[section])
        title = (f"{rng.choice(BODIES).capitalize()} {rng.choice(VERBS)} {rng.choice(ADJS)} "
                 f"{rng.choice(NOUNS)} on {topic}")
        slug = "-".join(w.strip(",.").lower() for w in title.split()[:8])
        articles.append(Article(
            number=10_000 + number,
            section=section,
            slug=slug,
            title=title,
            teaser=_sentence(rng, section),
            author=_name(rng),
            published=start - timedelta(minutes=37 * number + rng.randint(0, 30)),
            large=rng.random() < LARGE_SHARE,
        ))
    for article in articles:
        article.related = rng.sample(range(count), k=min(6, count))
    return articles


def _head(title: str, description: str, extra: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} | {SITE_NAME}</title>
<meta name="description" content="{html.escape(description)}">
<meta property="og:site_name" content="{SITE_NAME}">
<meta property="og:title" content="{html.escape(title)}">
<link rel="stylesheet" href="{CDN}/css/site.4f2a91.css">
<link rel="icon" href="{CDN}/img/favicon.ico">
<script async src="{CDN}/js/analytics.8c1d.js"></script>
{extra}
</head>
"""


def _header(articles: list[Article], rng: random.Random) -> str:
    nav = "\n".join(f'<li><a href="/{s}/">{s.capitalize()}</a></li>' for s in SECTIONS)
    ticker = "\n".join(
        f'<li><a href="{a.path}">{html.escape(a.title)}</a></li>' for a in rng.sample(articles, k=5)
    )
    return f"""<body>
<a class="skip" href="#main">Skip to content</a>
<header class="masthead">
<div class="brand"><a href="/">
<img src="{CDN}/img/logo.svg" alt="{SITE_NAME}" width="240" height="40"></a></div>
<div class="tools"><a href="/contact/">Tips</a> <button class="search-toggle">Search</button>
<button class="login">Sign in</button>
<a class="subscribe" href="https://subscribe.harbourledger.invalid/">Subscribe</a></div>
<nav class="primary" aria-label="Sections"><ul>
<li><a href="/">Home</a></li>
{nav}
</ul></nav>
<div class="ticker"><span>Latest</span><ul>
{ticker}
</ul></div>
</header>
"""


def _footer() -> str:
    static = "\n".join(f'<li><a href="/{slug}/">{title}</a></li>' for slug, title in STATIC_PAGES.items())
    sections = "\n".join(f'<li><a href="/{s}/">{s.capitalize()}</a></li>' for s in SECTIONS)
    social = "\n".join(
        f'<li><a href="https://{net}.example/harbourledger" rel="noopener">{net.capitalize()}</a></li>'
        for net in ("facebook", "instagram", "youtube", "mastodon")
    )
    return f"""<footer class="site-footer">
<div class="cols"><ul class="sections">{sections}</ul>
<ul class="about">{static}</ul><ul class="social">{social}</ul></div>
<p class="legal">&copy; 2026 {SITE_NAME}. All rights reserved.
Registered as a newspaper with the press council.</p>
</footer>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}
gtag('js',new Date());gtag('config','HL-000000');
document.querySelectorAll('.search-toggle').forEach(function(b){{
b.addEventListener('click',function(){{document.body.classList.toggle('searching');}});}});</script>
</body>
</html>
"""


def _share_bar(url: str, title: str) -> str:
    quoted = html.escape(url)
    text = html.escape(title)
    return f"""<div class="share-bar" aria-label="Share this article">
<span>Share</span>
<a class="share fb" href="https://www.facebook.example/sharer/sharer.php?u={quoted}">Facebook</a>
<a class="share x" href="https://x.example/intent/post?url={quoted}&amp;text={text}">X</a>
<a class="share li" href="https://www.linkedin.example/sharing/share-offsite/?url={quoted}">LinkedIn</a>
<a class="share wa" href="https://wa.example/send?text={quoted}">WhatsApp</a>
<a class="share mail" href="mailto:?subject={text}&amp;body={quoted}">Email</a>
<button class="share copy" data-url="{quoted}">Copy link</button>
</div>
"""


def _comments(rng: random.Random, target_bytes: int, current: int) -> str:
    form = """<section class="comments" id="comments">
<h2>Comments</h2>
<form class="comment-form" method="post" action="https://comments.harbourledger.invalid/post">
<label>Your comment <textarea name="body" rows="4"></textarea></label>
<p class="rules">Comments are moderated. Please keep to the house rules.</p>
<button type="submit">Post comment</button>
</form>
"""
    parts = [form]
    size = current + len(form)
    number = 0
    while size < target_bytes:
        number += 1
        body = " ".join(rng.choice(COMMENT_BITS) for _ in range(rng.randint(1, 5)))
        item = f"""<article class="comment" id="c{number}">
<img class="avatar" src="{CDN}/avatars/{rng.randrange(500)}.png" alt="" width="32" height="32">
<div class="meta"><span class="who">{_name(rng)}</span> <time>{rng.randint(1, 59)} minutes ago</time></div>
<p>{html.escape(body)}</p>
<div class="actions"><button class="like">Like ({rng.randint(0, 90)})</button>
<button class="reply">Reply</button> <button class="report">Report</button></div>
</article>
"""
        parts.append(item)
        size += len(item)
    if number == 0:
        parts.append('<p class="empty">Be the first to comment.</p>\n')
    parts.append("</section>\n")
    return "".join(parts)


def article_html(article: Article, articles: list[Article], rng: random.Random) -> str:
    words = rng.randint(300, 900)
    paragraphs = _paragraphs(rng, article.section, words)
    body_parts = []
    for index, paragraph in enumerate(paragraphs):
        if index and index % 4 == 0:
            body_parts.append(f"<h2>{html.escape(rng.choice(TOPICS[article.section]).capitalize())}</h2>")
        if index == 2:
            quote = html.escape(_sentence(rng, article.section))
            body_parts.append(f"<blockquote><p>{quote}</p></blockquote>")
        body_parts.append(f"<p>{html.escape(paragraph)}</p>")
    body = "\n".join(body_parts)
    url = article.path
    ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
        "datePublished": article.published.isoformat(), "author": {"@type": "Person", "name": article.author},
        "publisher": {"@type": "Organization", "name": SITE_NAME}, "description": article.teaser,
    })
    related = "\n".join(
        f'<li><a href="{articles[i].path}"><img src="{CDN}/thumbs/{articles[i].number}.jpg" alt="">'
        f"{html.escape(articles[i].title)}</a></li>"
        for i in article.related
    )
    tags = " ".join(f'<span class="tag">{html.escape(t)}</span>' for t in TOPICS[article.section])
    most_read = "\n".join(
        f'<li><a href="{a.path}">{html.escape(a.title)}</a></li>' for a in rng.sample(articles, k=5)
    )
    page = [
        _head(article.title, article.teaser, f'<script type="application/ld+json">{ld}</script>'),
        _header(articles, rng),
        f"""<main id="main">
<nav class="breadcrumb"><a href="/">Home</a> &rsaquo;
<a href="/{article.section}/">{article.section.capitalize()}</a></nav>
<article class="story">
<h1>{html.escape(article.title)}</h1>
<p class="standfirst">{html.escape(article.teaser)}</p>
<div class="byline">By <a rel="author" href="/about/">{article.author}</a> &middot;
<time datetime="{article.published.isoformat()}">{article.published:%d %B %Y, %H:%M}</time></div>
{_share_bar(url, article.title)}
<figure><img src="{CDN}/photos/{article.number}.jpg" alt="" width="1200" height="675">
<figcaption>{html.escape(_sentence(rng, article.section))} Photo: {_name(rng)}</figcaption></figure>
<div class="article-body">
{body}
</div>
<p class="tags">Topics: {tags}</p>
{_share_bar(url, article.title)}
<aside class="newsletter"><h2>Morning briefing</h2><p>The day's news in your inbox at seven.</p>
<form action="https://lists.harbourledger.invalid/subscribe"><input type="email" name="email">
<button>Sign up</button></form></aside>
</article>
<aside class="related"><h2>Related</h2><ul>
{related}
</ul></aside>
<aside class="most-read"><h2>Most read</h2><ol>
{most_read}
</ol></aside>
""",
    ]
    current = sum(len(p) for p in page) + 2000
    target = rng.randint(40_000, 80_000) if article.large else 0
    page.append(_comments(rng, target, current))
    page.append("</main>\n")
    page.append(_footer())
    return "".join(page)


def listing_html(title: str, path: str, items: list[Article], articles: list[Article], rng: random.Random,
                 pager: str = "") -> str:
    cards = "\n".join(
        f"""<article class="card"><a href="{a.path}">
<img src="{CDN}/thumbs/{a.number}.jpg" alt="" loading="lazy">
<h3>{html.escape(a.title)}</h3></a><p>{html.escape(a.teaser)}</p>
<p class="meta">{a.author} &middot;
<time datetime="{a.published.isoformat()}">{a.published:%d %B %Y, %H:%M}</time></p></article>"""
        for a in items
    )
    return "".join([
        _head(title, f"{title}: the latest news from {SITE_NAME}"),
        _header(articles, rng),
        f'<main id="main"><h1>{html.escape(title)}</h1>\n'
        f'<div class="cards">\n{cards}\n</div>\n{pager}</main>\n',
        _footer(),
    ])


def _pager(section: str, number: int, total: int) -> str:
    def href(n: int) -> str:
        return f"/{section}/" if n == 1 else f"/{section}/page/{n}/"

    links = []
    if number > 1:
        links.append(f'<a rel="prev" href="{href(number - 1)}">Newer</a>')
    for n in range(max(1, number - 3), min(total, number + 3) + 1):
        links.append(f"<span>{n}</span>" if n == number else f'<a href="{href(n)}">{n}</a>')
    if number < total:
        links.append(f'<a rel="next" href="{href(number + 1)}">Older</a>')
    return f'<nav class="pager">{" ".join(links)}</nav>\n'


def static_html(title: str, articles: list[Article], rng: random.Random) -> str:
    text = "\n".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(rng, "local", 180))
    return "".join([
        _head(title, title), _header(articles, rng),
        f'<main id="main"><h1>{html.escape(title)}</h1>\n{text}\n</main>\n', _footer(),
    ])


def article_count_for(total_pages: int) -> int:
    """Articles such that articles + section pages + home + static pages is about `total_pages`."""
    fixed = 1 + len(STATIC_PAGES)
    articles = max(len(SECTIONS), total_pages - fixed)
    while articles > len(SECTIONS):
        per_section = math.ceil(articles / len(SECTIONS))
        if articles + fixed + len(SECTIONS) * math.ceil(per_section / PER_SECTION_PAGE) <= total_pages:
            break
        articles -= 1
    return articles


def _write(root: Path, path: str, text: str) -> int:
    data = text.encode("utf-8")
    target = root / path.strip("/") / "index.html" if path.strip("/") else root / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    target.with_name("index.html.gz").write_bytes(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data)


def build_site(root: Path, total_pages: int, seed: int = 11) -> Site:
    """Write the site under `root`; every page is reachable from `/` by <a> links."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    articles = _articles(rng, article_count_for(total_pages))
    pages: list[Page] = []
    written = 0
    for article in articles:
        written += _write(root, article.path, article_html(article, articles, rng))
        pages.append(Page(article.path, article.title, "article"))
    for section in SECTIONS:
        items = [a for a in articles if a.section == section]
        total = max(1, math.ceil(len(items) / PER_SECTION_PAGE))
        for number in range(1, total + 1):
            path = f"/{section}/" if number == 1 else f"/{section}/page/{number}/"
            chunk = items[(number - 1) * PER_SECTION_PAGE: number * PER_SECTION_PAGE]
            title = section.capitalize() + (f" (page {number})" if number > 1 else "")
            written += _write(root, path, listing_html(title, path, chunk, articles, rng,
                                                      _pager(section, number, total)))
            pages.append(Page(path, title, "section"))
    for slug, title in STATIC_PAGES.items():
        written += _write(root, f"/{slug}/", static_html(title, articles, rng))
        pages.append(Page(f"/{slug}/", title, "static"))
    written += _write(root, "/", listing_html(f"{SITE_NAME}: news from the harbour and beyond", "/",
                                              articles[:30], articles, rng))
    pages.append(Page("/", SITE_NAME, "home"))
    (root / "robots.txt").write_text("User-agent: *\nDisallow:\n", encoding="utf-8")
    return Site(root=root, pages=pages, bytes_html=written)


if __name__ == "__main__":
    import sys
    import tempfile

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="newssite-"))
    site = build_site(target, int(sys.argv[2]) if len(sys.argv) > 2 else 300)
    print(f"{site.page_count} pages, {site.bytes_html / site.page_count / 1024:.1f} KB average, in {target}")
