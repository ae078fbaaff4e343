"""Bytes to text, decided by us: content-coding, then charset.

Charset order: BOM, then the HTTP charset if the bytes are valid in it, then
`<meta>`, then a detector. Labels map the way browsers map them (WHATWG
Encoding Standard): euc-kr decodes as CP949, latin-1 as windows-1252, and so
on. Every candidate is recorded so a reader can see how the page was read.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import asdict, dataclass

import brotli
from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels browsers treat as supersets (WHATWG Encoding Standard, "legacy" encodings).
BROWSER_SUPERSETS = {
    "euc-kr": "cp949",
    "euc_kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "korean": "cp949",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "big5": "big5hkscs",
}

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE)

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")

MAX_DECODED_BYTES = 32 * 1024 * 1024


class ContentDecodingError(ValueError):
    """A body whose content-coding cannot be undone within the limits."""


def undo_content_coding(body: bytes, coding: str | None, max_size: int = MAX_DECODED_BYTES) -> bytes:
    """Reverse gzip/deflate/br, refusing to inflate beyond `max_size` bytes."""
    coding = (coding or "").strip().lower()
    if coding in ("", "identity"):
        return body[:max_size]
    if coding in ("gzip", "x-gzip", "deflate"):
        return _inflate(body, coding, max_size)
    if coding == "br":
        decompressor = brotli.Decompressor()
        out = decompressor.process(body, output_buffer_limit=max_size + 1)
        if len(out) > max_size:
            raise ContentDecodingError(f"br body inflates beyond {max_size} bytes")
        return bytes(out)
    raise ContentDecodingError(f"unsupported content-coding {coding!r}")


def _inflate(body: bytes, coding: str, max_size: int) -> bytes:
    if coding == "deflate":
        # RFC 9110 deflate is zlib-wrapped; some servers send raw deflate.
        wbits_options = [zlib.MAX_WBITS, -zlib.MAX_WBITS]
    else:
        wbits_options = [zlib.MAX_WBITS | 16]
    last_error: Exception | None = None
    for wbits in wbits_options:
        inflater = zlib.decompressobj(wbits)
        try:
            out = inflater.decompress(body, max_size + 1)
        except zlib.error as exc:
            last_error = exc
            continue
        if len(out) > max_size:
            raise ContentDecodingError(f"{coding} body inflates beyond {max_size} bytes")
        return out
    raise ContentDecodingError(f"{coding} body does not inflate: {last_error}")


@dataclass(frozen=True)
class CharsetReport:
    """Every charset candidate and the one used; `errors` counts undecodable bytes."""

    header: str | None
    meta: str | None
    detected: str | None
    used: str
    errors: int

    def as_dict(self) -> dict[str, str | int | None]:
        return asdict(self)


def browser_codec(label: str | None) -> str | None:
    """Python codec for a charset label, as a browser would read it; None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = BROWSER_SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1).lower() if match else None


def meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:8192])
    return match.group(1).decode("ascii").lower() if match else None


def _valid_in(body: bytes, codec: str | None) -> bool:
    if codec is None:
        return False
    try:
        body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _nearly_valid(body: bytes, labels: tuple[str | None, ...]) -> str | None:
    """A declared charset under which only a stray byte or two is invalid.

    A wrong label (CP949 bytes under utf-8) breaks on most non-ASCII bytes; a
    right label with a few corrupt bytes should win over a detector's guess.
    """
    for label in labels:
        codec = browser_codec(label)
        if codec is None:
            continue
        _, errors = _decode_counting(body, codec)
        if errors <= max(8, len(body) // 200):
            return codec
    return None


def detect_charset(body: bytes) -> str | None:
    best = from_bytes(body[:200_000]).best()
    return best.encoding if best is not None else None


def decode_html(body: bytes, content_type: str | None) -> tuple[str, CharsetReport]:
    """Decode an HTML body; returns the text and how it was decided."""
    from_header = header_charset(content_type)
    from_meta = meta_charset(body)
    detected: str | None = None
    used: str | None = None
    for bom, bom_codec in BOMS:
        if body.startswith(bom):
            used, body = bom_codec, body[len(bom) :]
            break
    if used is None:
        for label in (from_header, from_meta):
            declared = browser_codec(label)
            if _valid_in(body, declared):
                used = declared
                break
    if used is None:
        detected = detect_charset(body)
        used = _nearly_valid(body, (from_header, from_meta)) or browser_codec(detected) or "utf-8"
    text, errors = _decode_counting(body, used)
    return text, CharsetReport(from_header, from_meta, detected, used, errors)


def _decode_counting(body: bytes, codec: str) -> tuple[str, int]:
    """Decode, turning each undecodable byte into U+FFFD and counting them.

    `surrogateescape` stands each undecodable byte for one lone surrogate
    U+DC80-U+DCFF; one regex pass (in C) swaps and counts them.
    """
    text = body.decode(codec, errors="surrogateescape")
    text, errors = _ESCAPED_BYTE.subn("\ufffd", text)
    return text.replace("\x00", "\ufffd"), errors
