"""Names made from URLs stay inside the folder, short, unique, never overwritten."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from archive.filenames import url_filename, write_new_file

HOSTILE_URLS = [
    "http://x.example/../../etc/passwd",
    "http://x.example/%2F..%2F..%2Fetc%2Fpasswd",
    "http://x.example/..%5C..%5Cwindows%5Csystem32",
    "http://x.example/" + "a" * 600,
    "http://x.example/" + "가" * 300,
    "http://x.example/CON",
    "http://x.example/con.txt",
    "http://x.example/nul",
    "http://x.example/Caf\u00e9",
    "http://x.example/" + unicodedata.normalize("NFD", "Caf\u00e9"),
    "http://x.example/Page",
    "http://x.example/page",
    "http://x.example/a\x00b",
    "http://x.example/?q=1",
    "http://x.example/?q=2",
]


def test_names_are_safe_short_and_distinct() -> None:
    names = [url_filename(url) for url in HOSTILE_URLS]
    assert len(set(names)) == len(HOSTILE_URLS)
    assert len({name.lower() for name in names}) == len(HOSTILE_URLS)  # case-insensitive filesystems too
    for name in names:
        assert len(name.encode()) <= 255
        assert "/" not in name and "\\" not in name and "\x00" not in name and not name.startswith(".")
        assert name.split("-")[0].split(".")[0].lower() not in {"con", "nul", "prn", "aux"}


def test_files_stay_inside_and_are_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for url in HOSTILE_URLS:
        assert write_new_file(out, url_filename(url), url.encode("utf-8", "surrogatepass")) is not None
    assert write_new_file(out, url_filename(HOSTILE_URLS[0]), b"second capture") is None
    files = list(out.iterdir())
    assert len(files) == len(HOSTILE_URLS)
    assert all(f.parent == out for f in files)
    assert (out / url_filename(HOSTILE_URLS[0])).read_bytes() == HOSTILE_URLS[0].encode()
    assert [p for p in tmp_path.rglob("*") if p.is_file() and out not in p.parents] == []
