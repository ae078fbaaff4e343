"""A generated news outlet on 127.0.0.1, for crawls of a whole real-sized site.

What it stands for (the web as a new user meets it):

- a CMS puts every article under one URL pattern (`/story.php?sid=N`,
  `/news/articleView.html?idxno=N`, `/a/N.html`), reached from paginated
  listing pages of a fixed size, with "related" links between articles;
- a calendar widget whose month pages link the next and previous month
  forever, with nothing on them;
- a members area that mints a new random session token (`?sid=<32 hex>`) on
  every response, and a "visit counter" link that changes on every response
  under a name no session list knows;
- links whose exact spelling the server cares about: a bare `?flag`, `%20`
  in a path, `;` inside a query value;
- links and a redirect to another origin that is not the outlet's.

Pages are made on the fly; every request line is recorded with its Host
header, so a test can assert which origin was asked for exactly which URL.
A request in another spelling than the one linked gets a 404.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape as esc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count
from types import TracebackType

WORDS = (
    "council ministry harbour budget inquiry committee tribunal commissioner ombudsman regulator "
    "province delegation treaty ferry vaccine archive drought tariff grain railway census pension"
).split()
VERBS = "published confirmed rejected extended postponed reviewed funded defended announced".split()


def article_text(n: int) -> list[str]:
    """Three paragraphs, different for every n, long enough to be extracted."""
    paragraphs = []
    for p in range(3):
        sentences = []
        for s in range(4):
            a, b, c = (WORDS[(n * 7 + p * 5 + s * 3 + k) % len(WORDS)] for k in range(3))
            verb = VERBS[(n + p + s) % len(VERBS)]
            sentences.append(
                f"The {a} {verb} its report on the {b} after the {c} hearing number {n * 10 + p * 3 + s}."
            )
        paragraphs.append(" ".join(sentences))
    return paragraphs


def page(title: str, body: str) -> bytes:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
        f'<body><nav><a href="/">Home</a> <a href="/list-first">Latest</a></nav>{body}</body></html>'
    ).encode()


@dataclass
class Outlet:
    """What one generated outlet serves: how its articles and listings are spelled."""

    articles: int = 1000
    per_page: int = 20
    article_path: Callable[[int], str] = lambda n: f"/story.php?sid={n}"
    list_path: Callable[[int], str] = lambda n: f"/list?page={n}"
    elsewhere: str = ""  # an origin linked (and redirected to) but outside the crawl's scope
    spelling: dict[str, str] = field(
        default_factory=lambda: {
            "/print.php?flag": "Print edition of the weekly statement digest",
            "/docs/annual%20report.html": "The annual report of the statements desk",
            "/search.php?tags=trade;energy": "Statements tagged trade and energy",
        }
    )
    _visits: count[int] = field(default_factory=count)

    def pages(self) -> int:
        return -(-self.articles // self.per_page)

    def article_number(self, target: str) -> int | None:
        for n in (int(d) for d in _digits(target)):
            if 1 <= n <= self.articles and self.article_path(n) == target:
                return n
        return None

    def respond(self, target: str) -> tuple[int, list[tuple[str, str]], bytes]:
        """Status, headers and body for a request-target exactly as received."""
        if target == "/robots.txt":
            return 200, [("Content-Type", "text/plain")], b"User-agent: *\nAllow: /\n"
        if target == "/":
            return 200, [], self.home()
        if target == "/list-first":
            return 301, [("Location", self.list_path(1))], b""
        if (n := self.article_number(target)) is not None:
            return 200, [], self.article(n)
        for number in range(1, self.pages() + 1):
            if self.list_path(number) == target:
                return 200, [], self.listing(number)
        if target.startswith("/calendar?month="):
            return 200, [], self.calendar(target.removeprefix("/calendar?month="))
        if target.startswith("/members.php?sid="):
            token = secrets.token_hex(16)
            links = f'<a href="/members.php?sid={token}">Members</a> <a href="/">Home</a>'
            return 200, [], page("Members", f"<p>Please sign in.</p>{links}")
        if target.startswith("/board?visit="):
            link = f'<a href="/board?visit={next(self._visits) + 1000}">Refresh</a>'
            return 200, [], page("Board", f"<p>Notices.</p>{link}")
        if target == "/go-elsewhere" and self.elsewhere:
            return 302, [("Location", f"{self.elsewhere}/from-redirect.html")], b""
        if target in self.spelling:
            title = self.spelling[target]
            text = "".join(f"<p>{p}</p>" for p in article_text(len(target)))
            return 200, [], page(title, f"<article><h1>{title}</h1>{text}</article>")
        return 404, [], page("Not found", "<p>No such page.</p>")

    def home(self) -> bytes:
        latest = "".join(
            f'<li><a href="{esc(self.article_path(n))}">Story {n}</a></li>'
            for n in range(self.articles, max(self.articles - 5, 0), -1)
        )
        extra = "".join(f'<a href="{esc(href)}">{title}</a> ' for href, title in self.spelling.items())
        away = f'<a href="{self.elsewhere}/elsewhere.html">Partner site</a> ' if self.elsewhere else ""
        return page(
            "Outlet",
            f"<h1>Today</h1><ul>{latest}</ul><p>{extra}</p>"
            f'<p><a href="{esc(self.list_path(1))}">All stories</a> '
            '<a href="/calendar?month=2026-11">Events</a> '
            f'<a href="/members.php?sid={secrets.token_hex(16)}">Members</a> '
            f'<a href="/board?visit=1">Board</a> {away}<a href="/go-elsewhere">Partner (redirect)</a></p>',
        )

    def listing(self, number: int) -> bytes:
        first = (number - 1) * self.per_page + 1
        last = min(number * self.per_page, self.articles)
        items = "".join(
            f'<li><a href="{esc(self.article_path(n))}">Story {n}</a></li>'
            for n in range(last, first - 1, -1)
        )
        nav = f'<a href="{esc(self.list_path(1))}">First</a> '
        if number > 1:
            nav += f'<a href="{esc(self.list_path(number - 1))}">Previous</a> '
        if number < self.pages():
            nav += f'<a href="{esc(self.list_path(number + 1))}">Next</a>'
        return page(f"Stories, page {number}", f"<h1>Stories</h1><ul>{items}</ul><p>{nav}</p>")

    def article(self, n: int) -> bytes:
        text = "".join(f"<p>{p}</p>" for p in article_text(n))
        related = "".join(
            f'<a href="{esc(self.article_path(m))}">Story {m}</a> '
            for m in (n - 1, n + 1, n + 17)
            if 1 <= m <= self.articles
        )
        return page(
            f"Story {n}",
            f"<article><h1>Story {n}: statement on item {hashlib.sha1(str(n).encode()).hexdigest()[:6]}</h1>"
            f"{text}</article><aside>Related: {related}</aside>",
        )

    def calendar(self, month: str) -> bytes:
        try:
            year, mon = (int(x) for x in month.split("-"))
        except ValueError:
            return page("Events", "<p>No such month.</p>")
        index = year * 12 + mon - 1
        before, after = divmod(index - 1, 12), divmod(index + 1, 12)
        links = (
            f'<a href="/calendar?month={before[0]}-{before[1] + 1:02d}">Previous month</a> '
            f'<a href="/calendar?month={after[0]}-{after[1] + 1:02d}">Next month</a>'
        )
        return page(f"Events {month}", f"<h1>Events in {month}</h1><p>No events.</p><p>{links}</p>")


def _digits(text: str) -> list[str]:
    found, current = [], ""
    for ch in text:
        if ch.isdigit():
            current += ch
        elif current:
            found.append(current)
            current = ""
    return [*found, current] if current else found


class OutletServer:
    """Serve a responder on a loopback port; `requests` holds (Host, request-target, status) of each."""

    def __init__(self, respond: Callable[[str], tuple[int, list[tuple[str, str]], bytes]]) -> None:
        self.requests: list[tuple[str, str, int]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                status, headers, body = respond(self.path)
                with server._lock:
                    server.requests.append((self.headers.get("Host", ""), self.path, status))
                self.send_response(status)
                if not any(name == "Content-Type" for name, _ in headers):
                    headers = [*headers, ("Content-Type", "text/html; charset=utf-8")]
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def targets(self, host: str | None = None) -> list[str]:
        """Request-targets received, optionally only those sent with this Host header."""
        with self._lock:
            return [t for h, t, _ in self.requests if host is None or h == host]

    def __enter__(self) -> OutletServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def redirector(target_origin: str) -> Callable[[str], tuple[int, list[tuple[str, str]], bytes]]:
    """Answer everything with a 301 to the same path on another origin (apex → www, http → https)."""

    def respond(target: str) -> tuple[int, list[tuple[str, str]], bytes]:
        if target == "/robots.txt":
            return 404, [], b""
        return 301, [("Location", target_origin + target)], b""

    return respond
