"""Republication clusters: the same statement as different outlets carry it.

A statement republished with another headline, an editor's note or intro,
a signature block or other paragraph breaks shares nearly all its word
5-grams with the original, while two statements on the same subject share
few. So each document becomes a set of 5-gram shingles (line breaks ignored;
CJK text shingled by character, as it has no spaces), MinHash sketches
(datasketch) find candidate pairs through LSH in near-linear time, and a
pair joins one cluster when its estimated Jaccard similarity reaches the
threshold. Only the 128-value sketches stay in memory, not the texts.

What a republication added or removed relative to the earliest capture is
decided per paragraph by containment, so re-broken paragraphs are not
reported as changes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

SHINGLE = 5
NUM_PERM = 128
THRESHOLD = 0.5
KEPT_CONTAINMENT = 0.6

WORD = re.compile(r"\w+")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def tokens(text: str) -> list[str]:
    """Lower-cased words; each CJK ideograph or kana is a token of its own."""
    found: list[str] = []
    for word in WORD.findall(unicodedata.normalize("NFKC", text).lower()):
        if CJK.search(word):
            found.extend(_split_cjk(word))
        else:
            found.append(word)
    return found


def _split_cjk(word: str) -> list[str]:
    parts: list[str] = []
    run = ""
    for char in word:
        if CJK.match(char):
            if run:
                parts.append(run)
                run = ""
            parts.append(char)
        else:
            run += char
    if run:
        parts.append(run)
    return parts


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Overlapping `size`-token windows (a short text is one shingle)."""
    words = tokens(text)
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def sketch(text: str, num_perm: int = NUM_PERM) -> MinHash | None:
    """The MinHash of a text's shingles; None for a text with no words."""
    found = shingles(text)
    if not found:
        return None
    minhash = MinHash(num_perm=num_perm)
    minhash.update_batch(list(found))
    return minhash


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = self.parent.setdefault(key, key)
        while root != self.parent[root]:
            self.parent[root] = self.parent[self.parent[root]]
            root = self.parent[root]
        self.parent[key] = root
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster_keys(
    texts: Iterable[tuple[str, str]], threshold: float = THRESHOLD, num_perm: int = NUM_PERM
) -> dict[str, str]:
    """Group `(key, text)` pairs; returns key → the smallest key of its group.

    Documents without words are left out.
    """
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sketches: dict[str, MinHash] = {}
    groups = _UnionFind()
    for key, text in texts:
        minhash = sketch(text, num_perm)
        if minhash is None or key in sketches:
            continue
        groups.find(key)
        for other in lsh.query(minhash):
            if minhash.jaccard(sketches[other]) >= threshold:
                groups.union(key, other)
        lsh.insert(key, minhash)
        sketches[key] = minhash
    return {key: groups.find(key) for key in sketches}


def cluster_id(origin_text_sha1: str) -> str:
    """A cluster's name, stable across runs: from the text of its earliest capture."""
    return "c" + hashlib.sha1(origin_text_sha1.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Changes:
    """Paragraphs a republication added, and paragraphs of the origin it left out."""

    added: tuple[str, ...]
    removed: tuple[str, ...]


def _contained(paragraph: str, other: set[bytes], size: int) -> bool:
    own = shingles(paragraph, size)
    return bool(own) and len(own & other) / len(own) >= KEPT_CONTAINMENT


def changes(origin: str, member: str) -> Changes:
    """Paragraph-level differences of `member` against `origin`, robust to re-broken paragraphs."""
    size = 3  # a paragraph may be short; smaller windows still tell it apart
    origin_set, member_set = shingles(origin, size), shingles(member, size)
    added = tuple(p for p in member.splitlines() if p.strip() and not _contained(p, origin_set, size))
    removed = tuple(p for p in origin.splitlines() if p.strip() and not _contained(p, member_set, size))
    return Changes(added, removed)
