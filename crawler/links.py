"""The links of an HTML page, as Scrapy's `LinkExtractor(deny_extensions=None, unique=True)` finds them.

Same tags (`a`, `area`), attribute (`href`), whitespace stripping, `<base href>`,
URL escaping in the page's encoding, schemes and ignored file extensions, in
document order without repeats: the same list of URLs. It skips what the
spider never reads (each link's text and rel=nofollow), and memoises the
resolution of hrefs that do not depend on the page's own path (absolute URLs
and `/rooted` paths), because a site's navigation links recur on every page;
profiling a crawl put LinkExtractor at a third of the main process.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urljoin, urlparse, urlsplit

from scrapy.http import TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.utils.response import get_base_url
from scrapy.utils.url import url_has_any_extension
from w3lib.html import strip_html5_whitespace
from w3lib.url import safe_url_string

DENIED_EXTENSIONS = frozenset("." + e for e in IGNORED_EXTENSIONS)
FOLLOWED_SCHEMES = frozenset({"http", "https", "file", "ftp"})  # scrapy.linkextractors._is_valid_url


def _resolve(base_url: str, response_url: str, href: str, encoding: str) -> str | None:
    """One href as LinkExtractor turns it into a followed URL, or None when it drops it."""
    try:
        url = safe_url_string(urljoin(base_url, strip_html5_whitespace(href)), encoding=encoding)
    except ValueError:
        return None
    url = urljoin(response_url, url)
    if url.split("://", 1)[0] not in FOLLOWED_SCHEMES:
        return None
    if url_has_any_extension(urlparse(url), DENIED_EXTENSIONS):
        return None
    return url


_resolve_shared = lru_cache(maxsize=4096)(_resolve)
"""For hrefs whose result depends only on the page's origin: called with origins, so pages share it."""


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _page_independent(href: str) -> bool:
    """An href that an origin resolves as well as the full page URL: `/path`, `//host/..`, `scheme://...`.

    (`http:page.html`, without slashes, is relative to the page's path, so it is not one.)
    """
    href = href.strip(" \t\n\r\f")
    if href.startswith("/"):
        return True
    scheme, slashes, _ = href.partition("://")
    plain = scheme.replace("+", "").replace("-", "").replace(".", "")
    return bool(slashes) and scheme.isascii() and scheme[:1].isalpha() and plain.isalnum()


def page_links(response: TextResponse) -> list[str]:
    """Absolute URLs of the page's `<a href>` and `<area href>`, first occurrence order, no repeats."""
    base_url = get_base_url(response)
    response_url = response.url
    encoding = response.encoding
    base_origin, response_origin = _origin(base_url), _origin(response_url)
    shareable = base_origin is not None and response_origin is not None
    urls: list[str] = []
    found: set[str] = set()
    hrefs: set[str] = set()
    for element in response.selector.root.iter("a", "area"):
        href = element.get("href")
        if href is None or href in hrefs:
            continue
        hrefs.add(href)
        if shareable and _page_independent(href):
            url = _resolve_shared(base_origin, response_origin, href, encoding)
        else:
            url = _resolve(base_url, response_url, href, encoding)
        if url is not None and url not in found:
            found.add(url)
            urls.append(url)
    return urls
