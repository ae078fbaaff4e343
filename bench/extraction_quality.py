"""Score presswarc's extractor on the shared article-extraction benchmark.

Runs `archive.extract.extract` on every benchmark page (as a Capture of the
page's UTF-8 bytes), writes the predictions in the benchmark's format, and
has the benchmark's own `evaluate_extraction.py` score them side by side with
plain trafilatura (`include_comments=False`) as the baseline.

    python bench/extraction_quality.py [--data ../shared/benchmarks] [--out bench/results]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from archive.extract import extract
from archive.model import Capture

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
CAPTURED = datetime(2026, 1, 1, tzinfo=UTC)


def predict(path: Path) -> tuple[str, str]:
    key = path.name.split(".")[0]
    capture = Capture(
        url=f"http://benchmark.invalid/{key}",
        fetched_at=CAPTURED,
        status=200,
        response_headers=(("Content-Type", "text/html; charset=utf-8"),),
        body=gzip.decompress(path.read_bytes()),
    )
    return key, extract(capture).text or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    parser.add_argument("--baseline", default="trafilatura_nocomments")
    args = parser.parse_args(argv)
    pages = sorted((args.data / "scrapinghub-article-extraction-benchmark" / "html").glob("*.html.gz"))
    with ProcessPoolExecutor() as pool:
        predictions = {key: {"articleBody": text} for key, text in pool.map(predict, pages, chunksize=4)}
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
