"""Republication clusters of a collection, read from its sidecars.

Two passes over the sidecars so memory holds sketches, not texts: the first
clusters every document version (one sidecar row); the second reads back
only the texts of clusters with more than one member, to name the earliest
capture (the likely origin) and what each republication changed.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archive.clusters import THRESHOLD, Changes, changes, cluster_id, cluster_keys
from archive.sidecars import SIDECAR_SUFFIX


def document_key(row: dict[str, Any]) -> str:
    """One document version: the response record it was extracted from."""
    return f"{row['warc_filename']}#{row['warc_offset']}"


def sidecar_rows(directory: Path) -> Iterator[dict[str, Any]]:
    """Every sidecar row under `directory`, streamed (finished sidecars only)."""
    for path in sorted(Path(directory).rglob(f"*{SIDECAR_SUFFIX}")):
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            for line in stream:
                if line.strip():
                    yield json.loads(line)


@dataclass(frozen=True)
class Member:
    key: str
    url: str
    site: str
    fetched_at: str
    published: str | None
    text_sha1: str
    changes: Changes | None = None
    """Relative to the cluster's origin; None for the origin itself."""


@dataclass
class Cluster:
    id: str
    members: list[Member] = field(default_factory=list)

    @property
    def origin(self) -> Member:
        return self.members[0]

    def as_json(self) -> dict[str, Any]:
        return {
            "cluster_id": self.id,
            "size": len(self.members),
            "origin": {
                "url": self.origin.url,
                "site": self.origin.site,
                "fetched_at": self.origin.fetched_at,
            },
            "members": [
                {
                    "url": m.url,
                    "site": m.site,
                    "fetched_at": m.fetched_at,
                    "published": m.published,
                    "added": list(m.changes.added) if m.changes else [],
                    "removed": list(m.changes.removed) if m.changes else [],
                }
                for m in self.members
            ],
        }


def _member(row: dict[str, Any]) -> Member:
    return Member(
        key=document_key(row),
        url=row["url"],
        site=urlsplit(row["url"]).netloc,
        fetched_at=row.get("fetched_at") or "",
        published=row.get("published"),
        text_sha1=row.get("text_sha1") or "",
    )


def find_clusters(directory: Path, threshold: float = THRESHOLD) -> list[Cluster]:
    """Every cluster of the collection (singletons included), largest first."""
    members: dict[str, Member] = {}

    def texts() -> Iterator[tuple[str, str]]:
        for row in sidecar_rows(directory):
            member = _member(row)
            members[member.key] = member
            yield member.key, row.get("text") or ""

    groups: dict[str, list[Member]] = {}
    for key, group in cluster_keys(texts(), threshold).items():
        groups.setdefault(group, []).append(members[key])
    clusters = []
    for group_members in groups.values():
        group_members.sort(key=lambda m: (m.fetched_at, m.url))
        clusters.append(Cluster(cluster_id(group_members[0].text_sha1), group_members))
    _add_changes(directory, [c for c in clusters if len(c.members) > 1])
    clusters.sort(key=lambda c: (-len(c.members), c.origin.fetched_at, c.id))
    return clusters


def _add_changes(directory: Path, clusters: list[Cluster]) -> None:
    """Second pass: read the texts of multi-member clusters, diff each member against its origin."""
    wanted = {m.key: cluster for cluster in clusters for m in cluster.members}
    texts: dict[str, str] = {}
    for row in sidecar_rows(directory):
        key = document_key(row)
        if key in wanted:
            texts[key] = row.get("text") or ""
    for cluster in clusters:
        origin_text = texts.get(cluster.origin.key, "")
        cluster.members[1:] = [
            Member(**{**m.__dict__, "changes": changes(origin_text, texts.get(m.key, ""))})
            for m in cluster.members[1:]
        ]


def cluster_ids(directory: Path, threshold: float = THRESHOLD) -> dict[str, str]:
    """Document key → cluster id, for export rows."""
    return {m.key: c.id for c in find_clusters(directory, threshold) for m in c.members}
