"""Score presswarc's extractor on the shared article-extraction benchmark.

Runs `archive.extract.extract` on every benchmark page (as a Capture of the
page's UTF-8 bytes), writes the predictions in the benchmark's format, and
has the benchmark's own `evaluate_extraction.py` score them side by side with
plain trafilatura (`include_comments=False`) as the baseline. Also prints the
CPU cost of `extract()` per page (the first page of each worker process pays
for imports and dateparser's locale data).

    python bench/extraction_quality.py [--data ../shared/benchmarks] [--out bench/results]
    python bench/extraction_quality.py --rules    # which profile rule acts on how many pages

`--rules` is the audit behind "no rule fitted to one benchmark page": for every
line rule (boilerplate and byline patterns, run on the text extracted *without*
line rules) and every prune/byline selector of the profiles that apply, the
number of benchmark pages where it acts, and the lines it takes on rare ones.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from trafilatura.utils import load_html

from archive.decoding import decode_html
from archive.extract import default_profiles, extract
from archive.model import Capture
from archive.profiles import ProfileSet
from archive.textclean import selector

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
CAPTURED = datetime(2026, 1, 1, tzinfo=UTC)
RARE = 2


def capture_of(path: Path) -> Capture:
    return Capture(
        url=f"http://benchmark.invalid/{path.name.split('.')[0]}",
        fetched_at=CAPTURED,
        status=200,
        response_headers=(("Content-Type", "text/html; charset=utf-8"),),
        body=gzip.decompress(path.read_bytes()),
    )


def predict(path: Path) -> tuple[str, str, float]:
    capture = capture_of(path)
    started = time.process_time()
    text = extract(capture).text or ""
    return path.name.split(".")[0], text, time.process_time() - started


def rule_hits(path: Path) -> dict[str, list[str]]:
    """Rules that act on one page: line rules on the text extracted without them, selectors on the tree."""
    profiles = default_profiles()
    without_line_rules = ProfileSet(
        tuple(replace(p, drop_line_patterns=(), byline_patterns=()) for p in profiles.profiles)
    )
    capture = capture_of(path)
    hits: dict[str, list[str]] = defaultdict(list)
    tree = load_html(decode_html(capture.body, capture.header("Content-Type"))[0])
    chosen = {p.name for p in profiles.select(capture.url, tree, capture.fetched_at)}
    for profile in (p for p in profiles.profiles if p.name in chosen):
        for css in (*profile.prune, *profile.byline_selectors, *profile.content):
            if selector(css)(tree):
                hits[f"{profile.name}: selector {css}"].append("")
    text = extract(capture, without_line_rules).text or ""
    for line in text.splitlines():
        if len(line) > 200:
            continue
        for profile in (p for p in profiles.profiles if p.name in chosen):
            for pattern in profile.drop_line_patterns:
                if pattern.search(line):
                    hits[f"{profile.name}: drop {pattern.pattern}"].append(line)
            for pattern in profile.byline_patterns:
                if pattern.match(line):
                    hits[f"{profile.name}: byline {pattern.pattern}"].append(line)
    return dict(hits)


def audit_rules(pages: list[Path]) -> int:
    with ProcessPoolExecutor() as pool:
        per_page = list(pool.map(rule_hits, pages, chunksize=4))
    counts: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for page, hits in zip(pages, per_page, strict=True):
        for rule, lines in hits.items():
            counts[rule].append((page.name[:8], lines))
    for profile in default_profiles().profiles:
        rules = [f"selector {c}" for c in (*profile.prune, *profile.byline_selectors, *profile.content)]
        rules += [f"drop {p.pattern}" for p in profile.drop_line_patterns]
        rules += [f"byline {p.pattern}" for p in profile.byline_patterns]
        for rule in rules:
            found = counts.get(f"{profile.name}: {rule}", [])
            print(f"{len(found):4d} pages  {profile.name}: {rule}")
            if 0 < len(found) <= RARE:
                for key, lines in found:
                    print(f"             {key} {[line[:70] for line in lines[:2] if line]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    parser.add_argument("--baseline", default="trafilatura_nocomments")
    parser.add_argument("--rules", action="store_true", help="audit which profile rules act on which pages")
    args = parser.parse_args(argv)
    pages = sorted((args.data / "scrapinghub-article-extraction-benchmark" / "html").glob("*.html.gz"))
    if not pages:
        print(f"no benchmark pages under {args.data}", file=sys.stderr)
        return 2
    if args.rules:
        return audit_rules(pages)
    with ProcessPoolExecutor() as pool:
        results = list(pool.map(predict, pages, chunksize=4))
    predictions = {key: {"articleBody": text} for key, text, _ in results}
    costs = sorted(1000 * seconds for _, _, seconds in results)
    print(
        f"presswarc extract(): {statistics.mean(costs):.0f} ms/page CPU on average, median "
        f"{statistics.median(costs):.0f}, p95 {costs[int(0.95 * (len(costs) - 1))]:.0f} ({len(costs)} pages)"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    predictions_path = args.out / "presswarc.json"
    predictions_path.write_text(json.dumps(predictions, ensure_ascii=False), encoding="utf-8")
    command = [
        sys.executable,
        str(args.data / "evaluate_extraction.py"),
        args.baseline,
        "--score-predictions",
        str(predictions_path),
        "--json-out",
        str(args.out / "scores.json"),
    ]
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
