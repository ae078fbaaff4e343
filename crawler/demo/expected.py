"""Which demo outcomes are deliberate, and why: read from each demo site's `_expected.toml`.

The demo sites include a few failures on purpose (a robots.txt refusal, a
deleted article, a server error retried and given up) to show how presswarc
records them. Each one is listed, with its reason, in the site's
`_expected.toml`, keyed by request target (path and query; a key ending in
`*` matches a prefix) like `_routes.toml`:

    ["/member/*"]
    outcome = "refused"
    why = "robots.txt disallows /member/"

Anything else that did not end `archived`, `replayed` or `duplicate` is
unexplained: a broken demo site.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archive.crawllog import read_crawl_log

EXPECTED_NAME = "_expected.toml"
UNREMARKABLE = frozenset({"archived", "replayed", "duplicate"})


@dataclass(frozen=True)
class ExpectedOutcome:
    site: str
    target: str
    outcome: str
    why: str

    def matches(self, site: str, target: str, outcome: str) -> bool:
        if site != self.site or outcome != self.outcome:
            return False
        if self.target.endswith("*"):
            return target.startswith(self.target[:-1])
        return target == self.target


@dataclass
class Explanations:
    explained: list[tuple[ExpectedOutcome, dict[str, Any]]] = field(default_factory=list)
    unexplained: list[dict[str, Any]] = field(default_factory=list)
    unseen: list[ExpectedOutcome] = field(default_factory=list)


def load_expected(sites_dir: Path) -> list[ExpectedOutcome]:
    expected = []
    for path in sorted(sites_dir.glob(f"*/{EXPECTED_NAME}")):
        for target, entry in tomllib.loads(path.read_text(encoding="utf-8")).items():
            expected.append(ExpectedOutcome(path.parent.name, target, entry["outcome"], entry["why"]))
    return expected


def site_origins(out: Path) -> dict[str, str]:
    """origin -> demo site name, from the sources file the demo wrote into OUT."""
    sources = tomllib.loads((out / "sources.toml").read_text(encoding="utf-8"))
    origins = {}
    for source in sources.get("source", []):
        for seed in source.get("seeds", []):
            parts = urlsplit(seed)
            origins[f"{parts.scheme}://{parts.netloc}"] = source["name"]
    return origins


def request_target(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def explain_outcomes(out: Path, sites_dir: Path) -> Explanations:
    """Sort the crawl log's remarkable outcomes into expected and unexplained."""
    expected = load_expected(sites_dir)
    origins = site_origins(out)
    result = Explanations()
    seen: set[ExpectedOutcome] = set()
    for line in read_crawl_log(out):
        if line["outcome"] in UNREMARKABLE:
            continue
        parts = urlsplit(line["url"])
        site = origins.get(f"{parts.scheme}://{parts.netloc}", "")
        target = request_target(line["url"])
        entry = next((e for e in expected if e.matches(site, target, line["outcome"])), None)
        if entry is None:
            result.unexplained.append(line)
        else:
            result.explained.append((entry, line))
            seen.add(entry)
    result.unseen = [entry for entry in expected if entry not in seen]
    return result


def format_explanations(result: Explanations) -> str:
    lines = ["expected: deliberate refusals and failures built into the demo sites"]
    for entry, line in result.explained:
        status = f" {line['status']}" if line.get("status") else ""
        lines.append(f"  {line['outcome']}{status}  {entry.site} {request_target(line['url'])}")
        lines.append(f"      why: {entry.why}")
    for entry in result.unseen:
        lines.append(f"  did not happen: {entry.outcome} {entry.site} {entry.target} ({entry.why})")
    lines.append(f"unexplained failures: {len(result.unexplained)}")
    for line in result.unexplained:
        lines.append(f"  {line['outcome']}  {line['url']}  {line.get('reason') or ''}")
    return "\n".join(lines)
