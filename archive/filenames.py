"""File names made from URLs, safe on every filesystem we know of.

A name is an ASCII slug of the URL plus a hash of the exact URL, so:
`../`, `%2F`, `..%5C` and NUL can never make a path (no separators survive),
Windows device names (CON, NUL, COM1, ...) are prefixed, Unicode
normalisation twins and case twins get different hashes, and the whole name
stays within 255 bytes however long the URL is.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

MAX_NAME_BYTES = 255
WINDOWS_DEVICES = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}
UNSAFE = re.compile(r"[^a-z0-9_-]+")


def url_filename(url: str, suffix: str = ".txt") -> str:
    """`news-example-a-1-<hash>.txt` for `https://news.example/a/1`; unique per exact URL."""
    digest = hashlib.sha256(url.encode("utf-8", errors="surrogatepass")).hexdigest()[:20]
    parts = urlsplit(url)
    readable = unquote(f"{parts.netloc}{parts.path}{'?' + parts.query if parts.query else ''}")
    ascii_text = unicodedata.normalize("NFKD", readable).encode("ascii", "ignore").decode().lower()
    slug = UNSAFE.sub("-", ascii_text).strip("-")
    room = MAX_NAME_BYTES - len(digest) - len(suffix) - 1
    slug = slug[:room].rstrip("-") or "url"
    if slug.split("-")[0] in WINDOWS_DEVICES:
        slug = ("url-" + slug)[:room]
    return f"{slug}-{digest}{suffix}"


def write_new_file(folder: Path, name: str, data: bytes) -> Path | None:
    """Create `folder/name` (never overwriting, never outside `folder`); None if it exists."""
    folder = folder.resolve()
    target = (folder / name).resolve()
    if target.parent != folder or len(name.encode()) > MAX_NAME_BYTES:
        raise ValueError(f"unsafe file name {name!r}")
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return None
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
    return target
