"""Progress of a crawl: redrawn in place on a terminal, plain lines in a log.

Real behaviour: an archivist watches `presswarc crawl` in a terminal; cron
and CI capture its output to a file. The crawls are real subprocesses
against the basic fixture site; the terminal is a real pseudo-terminal.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from crawler.demo.siteserver import SiteServer
from tests.conftest import FAST


def _crawl_command(site: SiteServer, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "crawler.cli", "crawl", site.url + "/", "--out", str(out), *FAST, *extra]


def test_a_log_gets_plain_progress_lines(basic_site: SiteServer, tmp_path: Path) -> None:
    command = _crawl_command(basic_site, tmp_path, "-s", "PRESSWARC_PROGRESS_INTERVAL=0")
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("crawl: ")]
    assert lines, result.stderr[-2000:]
    last = lines[-1]
    for counter in ("fetched", "archived", "extracted", "refused", "failed", "MB"):
        assert f"{counter} " in last
    assert "\x1b[" not in result.stderr  # no terminal control codes in a log
    archived = int(re.search(r"archived (\d+)", last).group(1))  # type: ignore[union-attr]
    assert archived > 0


def test_a_terminal_gets_a_live_status_line(basic_site: SiteServer, tmp_path: Path) -> None:
    leader, follower = os.openpty()
    command = _crawl_command(basic_site, tmp_path)
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the crawl has exited
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=300) == 0
    os.close(leader)
    text = output.decode("utf-8", "replace")
    assert "crawl: fetched" in text
    assert "\x1b[" in text or "\r" in text  # redrawn in place
    assert "archived" in text and "/s" in text


def test_replay_shows_its_progress_in_a_log_and_on_a_terminal(basic_crawl: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "crawler.cli", "replay", str(basic_crawl / "warc")]
    logged = subprocess.run(
        [*command, "--out", str(tmp_path / "log")], capture_output=True, text=True, timeout=300
    )
    assert logged.returncode == 0, logged.stderr[-2000:]
    final = [line for line in logged.stderr.splitlines() if line.startswith("replay: responses")]
    assert final and "extracted" in final[-1] and "\x1b[" not in logged.stderr
    leader, follower = os.openpty()
    process = subprocess.Popen([*command, "--out", str(tmp_path / "tty")], stdout=follower, stderr=follower)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=300) == 0
    os.close(leader)
    text = output.decode("utf-8", "replace")
    assert "replay: responses" in text and ("\x1b[" in text or "\r" in text)
