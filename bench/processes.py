"""Child processes for the benchmark: own process groups, tree-wide peak RSS, no survivors.

Every command runs in a new session (its own process group), so stopping it
stops its extraction workers and nginx's workers too; a registry kills any
group still alive when the harness exits, even on Ctrl-C. Peak memory is the
sum of resident memory over the whole process tree (the command and all its
descendants), sampled from /proc.
"""

from __future__ import annotations

import atexit
import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
PSS_EVERY = 10  # PSS on every 10th RSS sample
_live_groups: set[int] = set()
_started_groups: set[int] = set()


def _kill_group(pgid: int, grace: float = 3.0) -> None:
    """SIGTERM the group, then SIGKILL whatever is left after `grace` seconds."""
    try:
        os.killpg(pgid, signal.SIGTERM)
    except ProcessLookupError:
        _live_groups.discard(pgid)
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not group_alive(pgid):
            break
        time.sleep(0.05)
    else:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _live_groups.discard(pgid)


def group_alive(pgid: int) -> bool:
    """Whether any process of the group still exists (zombies of ours excepted)."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def kill_all() -> None:
    for pgid in list(_live_groups):
        _kill_group(pgid)


def survivors() -> list[int]:
    """Process groups we ever started that still have a live process."""
    return sorted(pgid for pgid in _started_groups if group_alive(pgid))


atexit.register(kill_all)


def _terminate(signum: int, _frame: object) -> None:
    kill_all()
    raise SystemExit(128 + signum)


signal.signal(signal.SIGTERM, _terminate)
signal.signal(signal.SIGHUP, _terminate)


def tree_pids(pid: int) -> list[int]:
    """A process and all its descendants (children of every thread)."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in os.scandir(f"/proc/{current}/task"):
                with open(f"{task.path}/children") as children:
                    stack += [int(c) for c in children.read().split()]
        except (FileNotFoundError, ProcessLookupError, NotADirectoryError):
            continue
    return found


def tree_rss(pid: int) -> int:
    """Resident bytes summed over a process tree."""
    total = 0
    for member in tree_pids(pid):
        try:
            with open(f"/proc/{member}/statm") as statm:
                total += int(statm.read().split()[1]) * PAGE_SIZE
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def tree_pss(pid: int) -> int:
    """Proportional set size summed over a process tree (shared pages split among their users).

    RSS counts a page shared by three processes three times; PSS counts a
    third of it in each, so the sum is what the tree really occupies.
    """
    total = 0
    for member in tree_pids(pid):
        try:
            with open(f"/proc/{member}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


@dataclass
class RunResult:
    seconds: float
    cpu_seconds: float  # user + system of the command and its waited-for descendants
    peak_rss: int  # bytes, tree-wide
    returncode: int
    peak_pss: int = 0  # bytes, tree-wide (sampled less often: smaps_rollup costs more to read)


class _Sampler(threading.Thread):
    def __init__(self, pid: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self.peak_pss = 0
        self.done = threading.Event()

    def run(self) -> None:
        samples = 0
        while not self.done.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            if samples % PSS_EVERY == 0:
                self.peak_pss = max(self.peak_pss, tree_pss(self.pid))
            samples += 1
            self.done.wait(self.interval)


def measure(command: list[str], cwd: Path, log: IO[bytes], interval: float = 0.02,
            env: dict[str, str] | None = None) -> RunResult:
    """Run `command` to completion: wall time, CPU time, tree-wide peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True, env=env)
    _live_groups.add(process.pid)
    _started_groups.add(process.pid)
    sampler = _Sampler(process.pid, interval)
    sampler.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    finally:
        sampler.done.set()
        sampler.join()
        _kill_group(process.pid, grace=1.0)  # stray descendants, if any
    process.returncode = os.waitstatus_to_exitcode(status)
    return RunResult(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_rss=sampler.peak,
        returncode=process.returncode,
        peak_pss=sampler.peak_pss,
    )


def start_service(command: list[str], cwd: Path, log: IO[bytes]) -> subprocess.Popen[bytes]:
    """Start a long-running child (the web server) in its own process group."""
    process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    _live_groups.add(process.pid)
    _started_groups.add(process.pid)
    return process


def stop_service(process: subprocess.Popen[bytes]) -> None:
    _kill_group(process.pid)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
