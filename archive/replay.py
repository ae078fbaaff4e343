"""Offline re-extraction: WARC files in, the same sidecars as a live crawl out.

Reads every response record (ours or another tool's), runs the same
`extract()` on the 2xx HTML ones in the shared process pool, and stores each
result through the same `Deriver.store` as the live crawl: `OUT/NAME.jsonl.gz`
per input file, rows in file order; optionally `OUT/NAME-derived.warc.gz`
holding conversion + metadata records that refer to the original response
records. No network.

Output is written under `.open` names and renamed to final names only when
the whole run has succeeded; a run that fails (disk full, a write error, an
interrupt) leaves its partial output as `.open` and raises `ReplayFailed`.
"""

from __future__ import annotations

import json
import os
import sys
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from archive.derive import Deriver
from archive.extract import Extraction, extractor_info, is_extractable
from archive.pool import ExtractionPool
from archive.progress import Progress
from archive.reader import ArchivedResponse, ReadProblem, archive_files, iter_responses
from archive.records import CaptureRecords
from archive.sidecars import SidecarSet, sidecar_name
from archive.writer import OPEN_SUFFIX, OpenWarc

DERIVED_SUFFIX = "-derived.warc.gz"
REPORT_NAME = "replay-report.json"


class ReplayFailed(RuntimeError):
    """The run stopped before the end; nothing was renamed to a final name."""


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
    final = out / f"{stem}{DERIVED_SUFFIX}"
    final.with_name(final.name + OPEN_SUFFIX).unlink(missing_ok=True)  # a failed run's partial output
    warc = OpenWarc(final)
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
        self._live: Progress | None = None
        self._finished: list[tuple[Path, Path]] = []  # (.open path, final path), renamed at the end
        self._at = ""

    def run(self, inputs: list[Path]) -> ReplayReport:
        files = archive_files(inputs)
        names = [sidecar_name(p.name) for p in files]
        clashes = sorted({n for n in names if names.count(n) > 1})
        if clashes:
            raise ValueError(
                f"input files would share sidecar names {clashes}; replay them into separate --out folders"
            )
        if self.progress is not None:
            self._live = Progress("replay", stream=self.progress)
        try:
            with ExtractionPool(self.workers, self.window) as pool:
                for number, path in enumerate(files, 1):
                    self._replay_file(pool, path)
                    done = self.report.extracted
                    if not self.progress or not self.progress.isatty():
                        self._say(f"[{number}/{len(files)}] {path.name}: {done} extracted so far")
        except Exception as exc:
            self._stop_progress()
            raise ReplayFailed(
                f"stopped in {self._at}: {type(exc).__name__}: {exc}; "
                f"nothing renamed, partial output left as *{OPEN_SUFFIX} in {self.out}"
            ) from exc
        self._stop_progress()
        for open_path, final in self._finished:
            os.replace(open_path, final)
        (self.out / REPORT_NAME).write_text(json.dumps(self.report.as_dict(), indent=2), encoding="utf-8")
        return self.report

    def _show_progress(self) -> None:
        if self._live is not None:
            report = self.report
            self._live.update(
                {
                    "responses": report.responses,
                    "extracted": report.extracted,
                    "no article": report.no_article,
                    "failed": report.failed,
                    "damaged": len(report.problems) - report.failed,
                }
            )

    def _stop_progress(self) -> None:
        if self._live is not None:
            self._live.close()
            self._live = None

    def _say(self, line: str) -> None:
        if self.progress is not None:
            print(line, file=self.progress, flush=True)

    def _replay_file(self, pool: ExtractionPool, path: Path) -> None:
        self.report.files += 1
        self._at = path.name
        sidecars = SidecarSet(self.out)
        derived = _derived_warc(self.out, path.name, path.name) if self.write_warc else None
        write: Callable[[str, list[Any]], object] | None = None
        if derived is not None:
            target = derived

            def write(_name: str, records: list[Any]) -> None:
                target.write_group(records)

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
                pending.append((item, pool.submit(item.capture)))
                while pool.full:
                    self._store(pool, deriver, *pending.popleft())
            while pending:
                self._store(pool, deriver, *pending.popleft())
        finally:  # complete the streams either way; only a finished run renames them
            self._finished.append(sidecars.finish(path.name))
            if derived is not None:
                self._finished.append((derived.finish(), derived.final_path))

    def _store(
        self, pool: ExtractionPool, deriver: Deriver, item: ArchivedResponse, job: Future[Extraction]
    ) -> None:
        self._at = f"{item.location.filename} @ {item.location.offset}"
        stored = deriver.store(item.capture, item.location, job)  # waits for the job
        pool.finished()
        if stored.kind == "failed":  # one bad page must not stop the replay
            self.report.failed += 1
            self.report.problems.append(f"{self._at}: extraction failed: {stored.error}")
        elif stored.kind == "extracted":
            self.report.extracted += 1
        else:
            self.report.no_article += 1
        self._show_progress()
