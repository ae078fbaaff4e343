"""Every command line README.md shows, run as a user types it, against a real local crawl.

The lines are read out of README.md itself: every `sh` code block and every
inline code span that starts with `presswarc `. Each runs as a subprocess of
the installed `presswarc` entry point (or `scrapy`), in a fresh working
folder, with only the example hosts and ports substituted; then its output is
checked (exit status, files written, counts). A README line for a command
with no check here, or a parser subcommand the README never shows, fails the
suite, so README and CLI cannot drift apart.

Real-world stand-in: `tests/sites/readme-news/` is a small news CMS of the
kind README's sources example describes: article URLs by query id under
`/news/articleView.html`, one article linked from the front page, one
reachable only from its sitemap, one only from its RSS feed. So a plain crawl
must find one article and a `--sources` crawl all three. The README's
`other-tool.warc.gz` is written here with warcio, the way another archiving
tool writes a response record.
"""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.crawllog import read_crawl_log
from archive.sidecars import read_sidecar, sidecar_name
from crawler.cli import ALL_COMMANDS
from crawler.demo.expected import load_expected
from crawler.demo.run import SITES_DIR as DEMO_SITES
from crawler.demo.siteserver import SiteServer
from crawler.tools_venv import default_tools_venv, ensure_tools_venv, tool
from tests.conftest import SITES
from tests.warcs import read_records, warc_files

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BIN = Path(sys.executable).parent
EXAMPLE_ORIGIN = "https://news.example"
ARTICLE_SENTENCE = "ending a practice of releasing them only on request."
OTHER_TOOL_URL = "https://other.example/notices/7"
OTHER_TOOL_SENTENCE = "The lighthouse on Gull Point will be switched to solar power"

# README commands that are not presswarc usage and are not run here, with why.
NOT_RUN = {
    "python3 -m venv": "creates the environment these tests already run in",
    ".venv/bin/pip install": "installs the environment these tests already run in",
    ".venv/bin/ruff": "lint: run by CI beside the tests",
    ".venv/bin/mypy": "type check: run by CI beside the tests",
    ".venv/bin/pytest": "the test suite itself",
    "python bench/": "benchmark on ../shared/benchmarks; not part of the test suite",
}


# --- README.md -> command lines -------------------------------------------------------------


@dataclass(frozen=True)
class ReadmeLine:
    section: str
    text: str  # as README shows it, comment removed

    @property
    def argv(self) -> list[str]:
        words = shlex.split(self.text)
        if words[0].endswith("/presswarc"):
            words[0] = "presswarc"
        return words

    @property
    def command(self) -> str:
        """What the line's check is keyed by: `presswarc SUB` or the program name."""
        words = self.argv
        return f"presswarc {words[1]}" if words[0] == "presswarc" else " ".join(words[:2])


def _commands_in(text: str) -> Iterator[str]:
    """Shell commands in a line: comments dropped, `&&` chains split."""
    words = shlex.split(text, comments=True)
    if not words:
        return
    part: list[str] = []
    for word in [*words, "&&"]:
        if word == "&&":
            if part:
                yield shlex.join(part)
            part = []
        else:
            part.append(word)


def readme_lines() -> list[ReadmeLine]:
    lines: list[ReadmeLine] = []
    section = ""
    fence: str | None = None  # the language of the code block we are in
    for raw in README.read_text(encoding="utf-8").splitlines():
        if raw.startswith("```"):
            fence = raw[3:].strip() if fence is None else None
        elif fence == "sh":
            lines += [ReadmeLine(section, command) for command in _commands_in(raw)]
        elif fence is not None:
            continue
        elif raw.startswith("#"):
            section = raw.lstrip("# ").strip()
        else:
            spans = re.findall(r"`((?:\.venv/bin/)?presswarc [^`]+)`", raw)
            lines += [ReadmeLine(section, command) for span in spans for command in _commands_in(span)]
    unique: dict[str, ReadmeLine] = {}
    for line in lines:
        unique.setdefault(line.text, line)
    return list(unique.values())


def not_run_reason(line: ReadmeLine) -> str | None:
    return next((why for prefix, why in NOT_RUN.items() if line.text.startswith(prefix)), None)


README_LINES = readme_lines()
RUNNABLE = [line for line in README_LINES if not_run_reason(line) is None]


def test_readme_shows_usage_lines_and_this_file_reads_them() -> None:
    commands = {line.command for line in RUNNABLE}
    assert {"presswarc crawl", "presswarc export", "presswarc serve", "scrapy crawl"} <= commands
    assert len(RUNNABLE) >= 15


def test_every_readme_command_has_a_check() -> None:
    unchecked = [line.text for line in RUNNABLE if line.command not in {*CHECKS, *LONG_RUNNING}]
    assert not unchecked, f"README lines with no runner in {__file__}: {unchecked}"


def test_every_subcommand_is_shown_in_the_readme() -> None:
    shown = {line.argv[1] for line in RUNNABLE if line.argv[0] == "presswarc"}
    missing = [command.name for command in ALL_COMMANDS if command.name not in shown]
    assert not missing, f"presswarc subcommands README never shows: {missing}"


# --- the world the lines run in -------------------------------------------------------------


def entry_point(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{path} missing: install the project with pip install -e '.[test]'")
    return str(path)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def news_site() -> Iterator[SiteServer]:
    with SiteServer(SITES / "readme-news") as server:
        yield server


def readme_sources(origin: str) -> str:
    """README's own sources file example, pointed at the fixture site."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```toml\n(\[\[source\]\].*?)```", text, re.S)
    assert block, "README has no [[source]] example"
    return block.group(1).replace(EXAMPLE_ORIGIN, origin)


@pytest.fixture(scope="module")
def base_crawl(news_site: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A crawl of the fixture site with README's sources file: what `crawl1` stands for."""
    root = tmp_path_factory.mktemp("readme-base")
    (root / "sources.toml").write_text(readme_sources(news_site.url), encoding="utf-8")
    subprocess.run(
        [entry_point("presswarc"), "crawl", "--sources", "sources.toml", "--out", "crawl1"],
        cwd=root,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return root / "crawl1"


@pytest.fixture(scope="module")
def readme_tools_venv() -> Path:
    """The pywb/wacz venv (created on first use, then shared)."""
    return ensure_tools_venv(default_tools_venv())


def write_other_tool_warc(path: Path) -> None:
    """A response record as another archiving tool writes it (no presswarc warcinfo)."""
    body = (
        "<html><head><title>Notice to mariners 7</title></head><body><article><h1>Notice 7</h1>"
        f"<p>{OTHER_TOOL_SENTENCE} on 1 December, the coastguard said in a notice to mariners.</p>"
        "<p>The light's range and character stay the same, and the fog signal will be tested "
        "weekly on Tuesdays between ten and noon while the new panels are installed.</p>"
        "</article></body></html>"
    ).encode()
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            OTHER_TOOL_URL, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)


@dataclass
class Run:
    line: ReadmeLine
    argv: list[str]
    cwd: Path
    env: dict[str, str]
    site: SiteServer
    base: Path
    result: subprocess.CompletedProcess[str] | None = None

    def path(self, text: str) -> Path:
        return self.cwd / text

    def option(self, name: str) -> str | None:
        return self.argv[self.argv.index(name) + 1] if name in self.argv else None

    @property
    def stdout(self) -> str:
        assert self.result is not None
        return self.result.stdout


OUTPUT_OPTIONS = {"--out", "-o", "--output"}


def prepare(line: ReadmeLine, site: SiteServer, base: Path, cwd: Path, tools_venv: Path | None) -> Run:
    """Substitute example hosts and ports; lay out the inputs the line names in `cwd`."""
    argv = line.argv
    argv[0] = entry_point(argv[0])
    inputs: dict[str, Callable[[Path], None]] = {
        "crawl1": lambda target: shutil.copytree(base, target),
        "DIR": lambda target: shutil.copytree(base, target),
        "sources.toml": lambda target: target.write_text(readme_sources(site.url), encoding="utf-8"),
        "saved.html": lambda target: target.write_bytes(
            urllib.request.urlopen(site.url + "/news/articleView.html?idxno=101", timeout=20).read()
        ),
        "other-tool.warc.gz": write_other_tool_warc,
    }
    for index, word in enumerate(argv):
        if index and argv[index - 1] == "--port":
            argv[index] = str(free_port())
        elif word == "URL":
            argv[index] = site.url + "/"
        elif word.startswith("ARCHIVE_DIR="):  # the Scrapy line runs from the repo root
            argv[index] = "ARCHIVE_DIR=" + str(cwd / word.partition("=")[2])
        else:
            argv[index] = word.replace(EXAMPLE_ORIGIN, site.url)
        first = word.split("/")[0]
        if first in inputs and argv[index - 1] not in OUTPUT_OPTIONS and not (cwd / first).exists():
            inputs[first](cwd / first)
    env = dict(os.environ)
    if tools_venv is not None:
        env["PRESSWARC_TOOLS_VENV"] = str(tools_venv)
    return Run(line, argv, cwd, env, site, base)


def execute(run: Run) -> None:
    cwd = ROOT if run.line.argv[0] == "scrapy" else run.cwd
    run.result = subprocess.run(run.argv, cwd=cwd, env=run.env, capture_output=True, text=True, timeout=600)
    assert run.result.returncode == 0, (
        f"{run.line.text} exited {run.result.returncode}:\n{run.result.stdout}\n{run.result.stderr}"
    )


# --- what each command must leave behind ----------------------------------------------------


def sidecar_rows(warc_dir: Path, sidecar_dir: Path | None = None) -> list[dict]:
    return [
        row
        for path in sorted(warc_dir.glob("*.warc.gz"))
        for row in read_sidecar((sidecar_dir or warc_dir) / sidecar_name(path.name))
    ]


def article_ids(rows: list[dict]) -> set[str]:
    return {row["url"].rsplit("idxno=", 1)[1] for row in rows if "idxno=" in row["url"]}


def warcinfo_settings(out: Path) -> dict:
    info = next(r for r in read_records(warc_files(out)[0]) if r["type"] == "warcinfo")
    fields = dict(line.split(": ", 1) for line in info["raw"].decode("utf-8").splitlines() if ": " in line)
    return dict(json.loads(fields["presswarc-settings"]))


def check_crawl_folder(out: Path, archived: bool = True) -> dict:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (out / "crawl.log").exists() and (out / "stats.json").exists()
    assert bool(warc_files(out)) == archived
    assert not list(out.glob("warc/*.open"))
    return dict(report)


def check_crawl(run: Run) -> None:
    out = run.path(run.option("--out") or "")
    if run.option("--from-archive"):  # answered from crawl1's WARCs: nothing new is archived
        check_crawl_folder(out, archived=False)
        replayed = {line["url"] for line in read_crawl_log(out) if line["outcome"] == "replayed"}
        source = run.path(run.option("--from-archive") or "").parent
        archived = {r["warc"].get("WARC-Target-URI") for p in warc_files(source) for r in read_records(p)}
        assert replayed <= archived and article_ids([{"url": url} for url in replayed]) == {"101"}
        assert {line["outcome"] for line in read_crawl_log(out)} <= {"replayed", "duplicate"}
        return
    report = check_crawl_folder(out)
    assert f"archived {report['pages_archived']} responses" in run.stdout
    assert report["failed"] == 0 and report["pages_archived"] >= 3
    ids = article_ids(sidecar_rows(out / "warc"))
    # 102 is only in the sitemap and 103 only in the feed: found through the sources file alone.
    assert ids == ({"101", "102", "103"} if run.option("--sources") else {"101"})
    settings = warcinfo_settings(out)
    if run.option("--warc-max-size"):
        assert int(settings["ARCHIVE_WARC_MAX_SIZE"]) == int(run.option("--warc-max-size") or 0)
    if run.option("--contact-url"):
        requests = [r for p in warc_files(out) for r in read_records(p) if r["type"] == "request"]
        assert requests and all(
            run.option("--contact-url") in r["http"].get_header("User-Agent") for r in requests
        )
    if run.option("-s"):
        key, _, value = (run.option("-s") or "").partition("=")
        assert float(settings[key]) == float(value)


def check_scrapy_crawl(run: Run) -> None:
    out = Path(next(w for w in run.argv if w.startswith("ARCHIVE_DIR=")).partition("=")[2])
    check_crawl_folder(out)
    assert article_ids(sidecar_rows(out / "warc")) == {"101"}
    assert not (ROOT / "crawl1").exists()


def check_extract(run: Run) -> None:
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(rows) == 1
    assert rows[0]["file"] == "saved.html" and rows[0]["no_article_reason"] is None
    assert ARTICLE_SENTENCE in rows[0]["text"] and rows[0]["sitename"] == "Harbour Gazette"


def check_replay(run: Run) -> None:
    out = run.path(run.option("--out") or "")
    crawled = sidecar_rows(run.path("crawl1/warc"))
    replayed = sidecar_rows(run.path("crawl1/warc"), out)
    assert [row["text"] for row in replayed] == [row["text"] for row in crawled]
    assert article_ids(replayed) == {"101", "102", "103"}
    files, other = len(warc_files(run.path("crawl1"))), []
    if "other-tool.warc.gz" in run.argv:
        files += 1
        other = list(read_sidecar(out / sidecar_name("other-tool.warc.gz")))
        assert [row["url"] for row in other] == [OTHER_TOOL_URL]
        assert OTHER_TOOL_SENTENCE in other[0]["text"]
    documents = len(crawled) + len(other)
    assert f"{files} file(s), " in run.stdout
    assert f"{documents} documents extracted, 0 problem(s)" in run.stdout
    derived = sorted(out.glob("*-derived.warc.gz"))
    if "--warc" in run.argv:
        conversions = [r for p in derived for r in read_records(p) if r["type"] == "conversion"]
        assert len(derived) == files and len(conversions) == documents
    else:
        assert derived == []


def check_index(run: Run) -> None:
    folder = run.path(run.argv[2])
    lines = (folder / "index.cdxj").read_text(encoding="utf-8").splitlines()
    responses = [r for p in warc_files(folder) for r in read_records(p) if r["type"] == "response"]
    assert len(lines) == len(responses) > 0
    assert f"{len(lines)} captures indexed" in run.stdout


def check_pack(run: Run) -> None:
    output = run.path(run.option("-o") or "")
    with zipfile.ZipFile(output) as wacz:
        pages = [json.loads(line) for line in wacz.read("pages/pages.jsonl").decode().splitlines()]
        names = wacz.namelist()
    assert article_ids(pages[1:]) == {"101", "102", "103"}
    assert sum(name.startswith("archive/") for name in names) == len(warc_files(run.path(run.argv[2])))
    venv = Path(run.env["PRESSWARC_TOOLS_VENV"])
    check = subprocess.run(
        [str(tool(venv, "wacz")), "validate", "-f", str(output)], capture_output=True, text=True
    )
    assert check.returncode == 0 and "valid" in check.stdout, check.stdout + check.stderr


def check_tools(run: Run) -> None:
    assert run.stdout.strip() == run.env["PRESSWARC_TOOLS_VENV"]
    assert tool(Path(run.stdout.strip()), "wayback").exists()


def check_export(run: Run) -> None:
    fmt = run.option("--format") or "txt"
    if fmt != "txt":
        check_export_table(run, fmt)
        return
    out = run.path(run.option("--out") or "")
    texts = sorted(out.glob("*.txt"))
    index = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    rows = sidecar_rows(run.path(run.argv[2]) / "warc")
    assert len(texts) == len(rows) == 3 and len(index) == 3
    assert all(entry["written"] for entry in index)
    assert f"{len(texts)} text file(s)" in run.stdout
    assert any(ARTICLE_SENTENCE in path.read_text(encoding="utf-8") for path in texts)


def check_export_table(run: Run, fmt: str) -> None:
    """One row per document; the fixture's three articles share one text, so one cluster."""
    import pyarrow.parquet as pq

    out = run.path(run.option("--out") or run.option("-o") or "")
    if fmt == "parquet":
        rows = pq.read_table(out).to_pylist()
    else:
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = 1 if "--one-per-cluster" in run.argv else 3
    assert len(rows) == expected and f"{expected} document(s)" in run.stdout
    assert all(row["cluster_id"] and row["warc_path"].endswith(".warc.gz") for row in rows)
    assert any(ARTICLE_SENTENCE in row["text"] for row in rows)


def interrupt_a_crawl(run: Run) -> None:
    """What kill -9 leaves: the WARC still `.open`, a record cut half-way at its end."""
    folder = run.path(run.argv[2])
    warc = sorted(folder.rglob("*.warc.gz"))[0]
    whole = warc.read_bytes()
    warc.with_name(warc.name + ".open").write_bytes(whole + whole[len(whole) // 2 :][:500])
    warc.unlink()


def check_recover(run: Run) -> None:
    folder = run.path(run.argv[2])
    assert "1 file(s) recovered" in run.stdout and "dropped 500 trailing bytes" in run.stdout
    assert not list(folder.rglob("*.open"))
    for warc in folder.rglob("*.warc.gz"):
        assert read_records(warc)  # reads back whole with warcio


def check_demo(run: Run) -> None:
    out = run.path(run.option("--out") or "presswarc-demo")
    report = check_crawl_folder(out)
    assert report["extracted"] == 4
    assert "unexplained failures: 0" in run.stdout
    for entry in load_expected(DEMO_SITES):
        assert f"why: {entry.why}" in run.stdout


def check_clusters(run: Run) -> None:
    """The fixture's three articles share one text: one republication cluster holds all three."""
    lines = run.stdout.splitlines()
    if "--json" in run.argv:
        assert all(json.loads(line) for line in lines)
    else:
        assert re.fullmatch(r"\d+ cluster\(s\)", lines[-1])
    assert all(f"idxno={idxno}" in run.stdout for idxno in ("101", "102", "103"))


def check_report(run: Run) -> None:
    """An HTML report of the crawl1 collection: one host, written where asked (or DIR/report.html)."""
    out = run.path(run.option("-o") or run.option("--out") or f"{run.argv[2]}/report.html")
    page = out.read_text(encoding="utf-8")
    assert "<html" in page.lower() and "127.0.0.1" in page
    assert "report of 1 host(s)" in run.stdout


def processes_in_group(group: int) -> list[int]:
    """Live processes whose process group is `group` (read from /proc)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def run_serve(run: Run) -> None:
    """`presswarc serve` runs until stopped: start it, replay a page, stop it, leave no process."""
    port = run.option("--port")
    base = f"http://127.0.0.1:{port}/presswarc"
    article = next(row for row in sidecar_rows(run.path("crawl1/warc")) if row["url"].endswith("=101"))
    stamp = re.sub(r"\D", "", article["fetched_at"])[:14]
    with open(run.cwd / "serve.log", "w") as log:
        process = subprocess.Popen(
            run.argv, cwd=run.cwd, env=run.env, stdout=log, stderr=log, start_new_session=True
        )
    try:
        body = b""
        for _ in range(600):  # pywb indexes the collection before it answers
            if process.poll() is not None or body:
                break
            try:
                with urllib.request.urlopen(f"{base}/{stamp}id_/{article['url']}", timeout=10) as answer:
                    body = answer.read()
            except OSError:
                time.sleep(0.5)
        assert process.poll() is None, (run.cwd / "serve.log").read_text()
        assert ARTICLE_SENTENCE.encode() in body
        process.terminate()
        assert process.wait(timeout=60) is not None
        time.sleep(0.5)
        assert processes_in_group(process.pid) == [], "serve left processes behind"
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", int(port or 0))) != 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid in processes_in_group(process.pid):  # only what this test started
            os.kill(pid, signal.SIGKILL)


CHECKS: dict[str, Callable[[Run], None]] = {
    "presswarc crawl": check_crawl,
    "scrapy crawl": check_scrapy_crawl,
    "presswarc extract": check_extract,
    "presswarc replay": check_replay,
    "presswarc index": check_index,
    "presswarc pack": check_pack,
    "presswarc tools": check_tools,
    "presswarc export": check_export,
    "presswarc demo": check_demo,
    "presswarc clusters": check_clusters,
    "presswarc report": check_report,
    "presswarc recover": check_recover,
}
BEFORE: dict[str, Callable[[Run], None]] = {"presswarc recover": interrupt_a_crawl}
LONG_RUNNING = {"presswarc serve": run_serve}
USES_TOOLS_VENV = {"presswarc serve", "presswarc pack", "presswarc tools"}


@pytest.mark.parametrize("line", RUNNABLE, ids=[line.text for line in RUNNABLE])
def test_readme_line_runs_as_typed(
    line: ReadmeLine,
    news_site: SiteServer,
    base_crawl: Path,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    if line.command not in {*CHECKS, *LONG_RUNNING}:
        pytest.fail(f"no check for README line: {line.text}")
    tools_venv = request.getfixturevalue("readme_tools_venv") if line.command in USES_TOOLS_VENV else None
    run = prepare(line, news_site, base_crawl, tmp_path, tools_venv)
    fetched_before = len(news_site.requests)
    if line.command in LONG_RUNNING:
        LONG_RUNNING[line.command](run)
        return
    if line.command in BEFORE:
        BEFORE[line.command](run)
    execute(run)
    CHECKS[line.command](run)
    if run.option("--from-archive"):
        assert len(news_site.requests) == fetched_before, "a --from-archive crawl touched the network"


def test_readme_lines_are_read_from_code_blocks_and_inline_spans() -> None:
    texts = {line.text for line in README_LINES}
    assert "presswarc tools" in texts  # an inline span
    assert any(t.startswith("presswarc export DIR --out") for t in texts)  # inline span in a list
    assert ".venv/bin/presswarc demo" in texts  # from the `&&` chain of the set-up block
    assert not any("#" in t for t in texts)
    assert {not_run_reason(line) for line in README_LINES} - {None}  # the set-up lines are classified
