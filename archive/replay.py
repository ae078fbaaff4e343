"""Offline re-extraction: WARC files in, the same sidecars as a live crawl out.

Reads every response record (ours or another tool's), runs the same
`extract()` on the 2xx HTML ones in a process pool, and writes
`OUT/NAME.jsonl.gz` per input file, rows in file order. Optionally writes
`OUT/NAME-derived.warc.gz` holding conversion + metadata records that refer
to the original response records. No network.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from archive.derive import Deriver
from archive.extract import Extraction, extract, extractor_info, is_extractable
from archive.reader import ArchivedResponse, ReadProblem, archive_files, iter_responses
from archive.records import CaptureRecords
from archive.sidecars import SidecarSet, sidecar_name
from archive.writer import OpenWarc

DERIVED_SUFFIX = "-derived.warc.gz"


@dataclass
class ReplayReport:
    files: int = 0
    responses: int = 0
    extracted: int = 0
    no_article: int = 0
    failed: int = 0
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _derived_warc(out: Path, input_name: str, derived_from: str) -> OpenWarc:
    stem = sidecar_name(input_name).removesuffix(".jsonl.gz")
    warc = OpenWarc(out / f"{stem}{DERIVED_SUFFIX}")
    info = {"software": "presswarc replay", "format": "WARC File Format 1.1", "derived-from": derived_from}
    warc.write(CaptureRecords().warcinfo(warc.name, info))
    return warc


class Replayer:
    """Runs extraction over archive files with a bounded window of pending work."""

    def __init__(
        self, out: Path, workers: int = 0, write_warc: bool = False, progress: TextIO | None = sys.stderr
    ) -> None:
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.workers = workers or os.cpu_count() or 1
        self.window = 4 * self.workers
        self.write_warc = write_warc
        self.progress = progress
        self.report = ReplayReport()

    def run(self, inputs: list[Path]) -> ReplayReport:
        files = archive_files(inputs)
        names = [sidecar_name(p.name) for p in files]
        clashes = sorted({n for n in names if names.count(n) > 1})
        if clashes:
            raise ValueError(
                f"input files would share sidecar names {clashes}; replay them into separate --out folders"
            )
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=context) as pool:
            for number, path in enumerate(files, 1):
                self._replay_file(pool, path)
                self._say(f"[{number}/{len(files)}] {path.name}: {self.report.extracted} extracted so far")
        (self.out / "replay-report.json").write_text(
            json.dumps(self.report.as_dict(), indent=2), encoding="utf-8"
        )
        return self.report

    def _say(self, line: str) -> None:
        if self.progress is not None:
            print(line, file=self.progress, flush=True)

    def _replay_file(self, pool: ProcessPoolExecutor, path: Path) -> None:
        self.report.files += 1
        sidecars = SidecarSet(self.out)
        derived = _derived_warc(self.out, path.name, path.name) if self.write_warc else None
        write: Callable[[str, list[Any]], object] | None = None
        if derived is not None:
            target = derived

            def write(_name: str, records: list[Any]) -> None:
                for record in records:
                    target.write(record)

        deriver = Deriver(sidecars, extractor_info(), write_records=write)
        pending: deque[tuple[ArchivedResponse, Future[Extraction]]] = deque()
        try:
            for item in iter_responses(path):
                if isinstance(item, ReadProblem):
                    self.report.problems.append(str(item))
                    self._say(f"  damaged: {item}")
                    continue
                self.report.responses += 1
                if not is_extractable(item.capture):
                    continue
                pending.append((item, pool.submit(extract, item.capture)))
                while len(pending) >= self.window:
                    self._store(deriver, *pending.popleft())
            while pending:
                self._store(deriver, *pending.popleft())
        finally:
            sidecars.close(path.name)
            if derived is not None:
                derived.close()

    def _store(self, deriver: Deriver, item: ArchivedResponse, future: Future[Extraction]) -> None:
        try:
            extraction = future.result()
        except Exception as exc:  # one bad page must not stop the replay
            self.report.failed += 1
            self.report.problems.append(
                f"{item.location.filename} @ {item.location.offset}: extraction failed: {exc}"
            )
            return
        if deriver.derive(item.capture, item.location, extraction):
            self.report.extracted += 1
        else:
            self.report.no_article += 1
