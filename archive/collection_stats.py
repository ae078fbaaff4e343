"""Figures about a collection, gathered from what a crawl leaves beside its WARCs.

The crawl log says what happened to every URL; the CDXJ indexes (or the
WARCs themselves when a file has no index) say what was archived; the
sidecars say what was extracted. Everything is streamed and counted.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from archive.crawllog import CRAWL_LOG_NAME
from archive.index import cdxj_lines, cdxj_name
from archive.reader import archive_files
from archive.republications import Cluster, find_clusters, sidecar_rows

FAILED = ("failed", "http-error")
WORD_BINS = (0, 50, 100, 200, 400, 800, 1600, 3200)


@dataclass
class HostFigures:
    fetched: int = 0
    archived: int = 0
    extracted: int = 0
    failed: int = 0
    refused: int = 0


@dataclass
class CollectionStats:
    hosts: dict[str, HostFigures] = field(default_factory=dict)
    statuses: Counter[str] = field(default_factory=Counter)
    content_types: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    word_counts: Counter[str] = field(default_factory=Counter)
    captures_by_day: Counter[str] = field(default_factory=Counter)
    clusters: list[Cluster] = field(default_factory=list)
    warc_files: int = 0
    warc_bytes: int = 0

    def host(self, url: str) -> HostFigures:
        name = urlsplit(url).netloc or "(none)"
        return self.hosts.setdefault(name, HostFigures())


def _crawl_log_lines(directory: Path) -> Iterator[dict[str, object]]:
    for path in sorted(Path(directory).rglob(CRAWL_LOG_NAME)):
        with open(path, encoding="utf-8") as stream:
            for line in stream:
                if line.strip():
                    yield json.loads(line)


def _index_entries(directory: Path) -> Iterator[dict[str, str]]:
    """CDXJ entries of every WARC: from its NAME.cdxj when present, else read from the WARC."""
    for warc in archive_files([directory]):
        index = warc.with_name(cdxj_name(warc.name))
        if index.exists():
            with open(index, encoding="utf-8") as handle:
                yield from _parse_cdxj(handle)
        else:
            yield from _parse_cdxj(cdxj_lines(warc))


def _parse_cdxj(lines: Iterable[object]) -> Iterator[dict[str, str]]:
    for line in lines:
        if isinstance(line, str) and line.strip():
            parts = line.split(" ", 2)
            if len(parts) == 3:
                entry: dict[str, str] = json.loads(parts[2])
                entry["timestamp"] = parts[1]
                yield entry


def word_bin_labels() -> list[str]:
    """Histogram bins of extracted length, in order: `0-49`, `50-99`, ..., `3200+`."""
    return [f"{low}-{high - 1}" for low, high in zip(WORD_BINS, WORD_BINS[1:], strict=False)] + [
        f"{WORD_BINS[-1]}+"
    ]


def _word_bin(words: int) -> str:
    index = max(i for i, low in enumerate(WORD_BINS) if low <= max(words, 0))
    return word_bin_labels()[index]


def collect(directory: Path) -> CollectionStats:
    """Every figure of the report."""
    stats = CollectionStats()
    for line in _crawl_log_lines(directory):
        url, outcome = str(line.get("url", "")), str(line.get("outcome", ""))
        stats.outcomes[outcome] += 1
        host = stats.host(url)
        if outcome in ("archived", "fetch-error"):
            host.fetched += 1
        if outcome == "archived":
            host.archived += 1
        elif outcome in FAILED:
            host.failed += 1
        elif outcome == "refused":
            host.refused += 1
        if outcome not in ("archived", "replayed") and line.get("reason"):
            stats.reasons[f"{outcome}: {str(line['reason'])[:80]}"] += 1
    for entry in _index_entries(directory):
        stats.statuses[entry.get("status", "-")] += 1
        stats.content_types[entry.get("mime", "unk")] += 1
        stamp = entry["timestamp"]
        stats.captures_by_day[f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"] += 1
    for warc in archive_files([directory]):
        stats.warc_files += 1
        stats.warc_bytes += warc.stat().st_size
    for row in sidecar_rows(directory):
        stats.host(row["url"]).extracted += 1
        stats.word_counts[_word_bin(int(row.get("word_count") or 0))] += 1
    stats.clusters = [c for c in find_clusters(directory) if len(c.members) > 1]
    return stats
