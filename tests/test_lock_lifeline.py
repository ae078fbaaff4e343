"""One crawl per collection, and no extraction worker outliving its crawl.

Real behaviour: cron starts `presswarc crawl` every few hours; a slow run is
still going when the next starts, or a run was killed with SIGKILL (OOM
killer, a reboot of the scheduler) and left its lock file and its pool
workers behind. Processes here are real and killed with real signals.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.lock import CollectionBusy, CollectionLock

HOLD_LOCK = """
import sys, time
from crawler.lock import CollectionLock
with CollectionLock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(120)
"""

POOL_PARENT = """
import multiprocessing, os, time
from concurrent.futures import ProcessPoolExecutor
from archive.lifeline import exit_with_parent

def pid_after_wait():
    time.sleep(0.3)
    return os.getpid()

if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(2, mp_context=context, initializer=exit_with_parent, initargs=(os.getpid(),))
    pids = {f.result() for f in [pool.submit(pid_after_wait) for _ in range(6)]}
    print(" ".join(map(str, sorted(pids))), flush=True)
    time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in state  # a zombie has exited; only its reaper is missing


def _wait_until_gone(pids: list[int], patience: float = 20.0) -> list[int]:
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.1)
    return [p for p in pids if _alive(p)]


def _start(script: Path, code: str, *args: str) -> subprocess.Popen[str]:
    """Run `code` as a script file (spawned pool workers re-import its functions)."""
    root = Path(__file__).resolve().parents[1]
    script.write_text(code, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), *args], stdout=subprocess.PIPE, text=True, cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )


def test_a_second_holder_is_refused_and_a_dead_holders_lock_is_recovered(tmp_path: Path) -> None:
    holder = _start(tmp_path / "hold.py", HOLD_LOCK, str(tmp_path))
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(CollectionBusy) as refused:
            CollectionLock(tmp_path).acquire()
        assert f'"pid": {holder.pid}' in str(refused.value)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with CollectionLock(tmp_path) as lock:  # the lock file is still there; the lock is not
        assert lock.path.exists()
        assert f'"pid": {os.getpid()}' in lock.path.read_text()


def test_pool_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    parent = _start(tmp_path / "pool_parent.py", POOL_PARENT)
    try:
        assert parent.stdout is not None
        pids = [int(p) for p in parent.stdout.readline().split()]
        assert pids and all(_alive(p) for p in pids)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    assert _wait_until_gone(pids) == []

DIES_WHILE_WORKERS_START = """
import multiprocessing, os, signal
from concurrent.futures import ProcessPoolExecutor
from archive.lifeline import exit_with_parent

if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(2, mp_context=context, initializer=exit_with_parent, initargs=(os.getpid(),))
    pool.submit(os.getpid)
    print(" ".join(str(p) for p in pool._processes), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # before the workers have even imported their initializer
"""


def test_workers_whose_parent_dies_while_they_start_exit_too(tmp_path: Path) -> None:
    parent = _start(tmp_path / "dies_early.py", DIES_WHILE_WORKERS_START)
    assert parent.stdout is not None
    pids = [int(p) for p in parent.stdout.readline().split()]
    parent.wait()
    assert pids
    assert _wait_until_gone(pids) == []
