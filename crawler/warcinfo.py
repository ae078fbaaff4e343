"""The warcinfo fields: what a reader of the WARC needs to know about how it was made."""

from __future__ import annotations

import json
import platform
from importlib.metadata import PackageNotFoundError, version
from typing import Any

RECORDED_SETTINGS = (
    "BOT_NAME",
    "USER_AGENT",
    "ROBOTSTXT_OBEY",
    "AUTOTHROTTLE_ENABLED",
    "AUTOTHROTTLE_TARGET_CONCURRENCY",
    "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "DOWNLOAD_DELAY",
    "DOWNLOAD_MAXSIZE",
    "DOWNLOAD_TIMEOUT",
    "DEPTH_LIMIT",
    "ARCHIVE_WARC_MAX_SIZE",
    "PRESSWARC_MAX_PAGES_PER_HOST",
    "PRESSWARC_MAX_PAGES_PER_PATTERN",
    "PRESSWARC_MAX_BARREN_HOPS",
    "RETRY_TIMES",
)

HEADER_PROVENANCE = (
    "Records are rebuilt at the downloader edge from what Twisted's HTTP/1.1 client handed Scrapy. "
    "Kept byte for byte: protocol and status code, header values (raw non-ASCII bytes included, "
    "never re-encoded) and the body as received (content-coding kept, transfer-coding removed). "
    "Changed by Twisted or Scrapy before we see it: the reason phrase is not kept (the standard "
    "one for the code is written); header names are title-cased (x-foo: X-Foo, ETag: Etag); a "
    "header repeated with others between is grouped at its first place; spaces and tabs around a "
    "value are trimmed; an obs-folded value is joined without its line break; a CR inside a value "
    "becomes a space; Content-Length comes first and gives the declared length (absent if the body "
    "was chunked or ran to connection close); Connection, Keep-Alive, Transfer-Encoding, TE, "
    "Trailers, Upgrade and Proxy-Connection are not kept. "
    "Request records hold the request line and headers in the order and case the client writes "
    "them (Content-Length first if there is a body, Host last). "
    "A body cut off by the server is kept with WARC-Truncated: disconnect."
)


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


def warcinfo_fields(settings: Any) -> dict[str, str]:
    crawl_settings = {key: settings.get(key) for key in RECORDED_SETTINGS}
    software = ", ".join(f"{name}/{_version(name)}" for name in ("presswarc", "scrapy", "twisted", "warcio"))
    return {
        "software": f"{software}, python/{platform.python_version()}",
        "format": "WARC File Format 1.1",
        "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
        "isPartOf": str(settings.get("BOT_NAME")),
        "http-header-user-agent": str(settings.get("USER_AGENT")),
        "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
        "robots-policy": "RFC 9309: a 4xx robots.txt allows all; a 5xx or unreachable one disallows all",
        "http-headers": HEADER_PROVENANCE,
        "presswarc-settings": json.dumps(crawl_settings, sort_keys=True, default=str),
    }
