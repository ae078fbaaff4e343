"""Replay: offline re-extraction reproduces the live sidecars; other tools' WARCs replay too.

Other tools' files and damaged ones are built by `tests/foreign_warcs.py` (its docstring says
which real-world accident or writer each file stands for), so these tests need nothing beside
the repository. The contract tested (README, "Replay, index, browse, pack"): `replay` and
`index` read them without a traceback, extract every readable article, report each damaged
stretch with file and offset on stderr and in `OUT/replay-report.json`, resume at the next
record, and cite every record where it really lies.

Where today's reader falls short, the case is marked `xfail(strict=True)` with the reason
(file and behaviour): it is listed in every run, and passes loudly once the reader is fixed.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive import read_crawl_log
from archive.reader import RawRecord, ReadProblem, dechunk, iter_records
from archive.sidecars import read_sidecar, sidecar_name
from crawler.demo.siteserver import SiteServer
from tests.conftest import run_presswarc
from tests.foreign_warcs import BUILDERS, STORIES, Built, RecordWriter, build_all
from tests.warcs import read_records, warc_files

PEER_WARCS = Path(__file__).resolve().parents[2] / "shared" / "peer-warcs"
DATA = Path(__file__).parent / "data"
needs_peer_warcs = pytest.mark.skipif(
    not PEER_WARCS.is_dir(), reason=f"optional extra check: {PEER_WARCS} is absent"
)


def rows_by_id(paths: list[Path]) -> dict[str, dict]:
    rows = {}
    for path in paths:
        for row in read_sidecar(path):
            row.pop("extracted_at")
            rows[row["warc_record_id"]] = row
    return rows


def test_replay_reproduces_the_live_sidecars(demo_crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "replayed"
    run_presswarc("replay", str(demo_crawl / "warc"), "--out", str(out))
    live = rows_by_id([p.with_name(sidecar_name(p.name)) for p in warc_files(demo_crawl)])
    replayed = rows_by_id([out / sidecar_name(p.name) for p in warc_files(demo_crawl)])
    assert len(live) == 4
    assert replayed.keys() == live.keys()
    for record_id, row in live.items():
        assert replayed[record_id] == row


def test_replay_can_write_derived_warcs(demo_crawl: Path, tmp_path: Path) -> None:
    run_presswarc("replay", str(demo_crawl / "warc"), "--out", str(tmp_path), "--warc")
    derived = sorted(tmp_path.glob("*-derived.warc.gz"))
    assert len(derived) == len(warc_files(demo_crawl))
    originals = {
        r["warc"]["WARC-Record-ID"]
        for p in warc_files(demo_crawl)
        for r in read_records(p)
        if r["type"] == "response"
    }
    records = [r for p in derived for r in read_records(p)]
    assert records[0]["type"] == "warcinfo"
    refers = [r["warc"]["WARC-Refers-To"] for r in records if r["type"] in ("conversion", "metadata")]
    assert len(refers) == 8 and set(refers) <= originals


# --- other tools' files and damaged files, built by tests/foreign_warcs.py ---------------------

KNOWN_GAPS: dict[tuple[str, str], str] = {}
"""(check, file kind) → why today's reader falls short there; each such case is a strict xfail."""


def kinds(check: str) -> list[Any]:
    """Every built file kind, with a strict xfail where today's reader is known to fall short."""
    return [
        pytest.param(kind, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[(check, kind)]))
        if (check, kind) in KNOWN_GAPS
        else kind
        for kind in BUILDERS
    ]


@dataclass
class ForeignRun:
    """The built files, one `presswarc replay` and one `presswarc index` over all of them."""

    built: dict[str, Built]
    out: Path
    replay: subprocess.CompletedProcess[str]
    report: dict[str, Any]
    index: subprocess.CompletedProcess[str]
    index_lines: list[tuple[str, str, dict[str, str]]]

    def rows(self, kind: str) -> list[dict[str, Any]]:
        return read_sidecar(self.out / sidecar_name(self.built[kind].name))

    def texts(self, kind: str) -> dict[str, str]:
        return {row["url"]: row["text"] for row in self.rows(kind)}


@pytest.fixture(scope="module")
def foreign(tmp_path_factory: pytest.TempPathFactory) -> ForeignRun:
    root = tmp_path_factory.mktemp("foreign")
    warcs = root / "warcs"
    built = build_all(warcs)
    out = root / "replayed"
    replay = run_presswarc("replay", str(warcs), "--out", str(out))
    report = json.loads((out / "replay-report.json").read_text(encoding="utf-8"))
    index = run_presswarc("index", str(warcs), "-o", str(root / "index.cdxj"))
    lines = []
    for line in (root / "index.cdxj").read_text(encoding="utf-8").splitlines():
        key, stamp, fields = line.split(" ", 2)
        lines.append((key, stamp, json.loads(fields)))
    return ForeignRun(built, out, replay, report, index, lines)


def problem_offsets(text: str, name: str) -> list[int]:
    """Offsets of the problems reported for file `name` in `text` (`NAME @ OFFSET: ...`)."""
    return [
        int(found)
        for found in re.findall(rf"(?m)^(?:  damaged: |damaged: )?{re.escape(name)} @ (\d+):", text)
    ]


def record_at(built: Built, offset: int) -> Any:
    """The record warcio reads at `offset` of a built file, or None if there is none."""
    data = built.path.read_bytes()
    if built.decompressed_offsets:
        data = gzip.decompress(data)
    try:
        return next(iter(ArchiveIterator(io.BytesIO(data[offset:]), arc2warc=True)))
    except Exception:  # warcio finds no record there
        return None


def cited_url(built: Built, offset: int) -> str | None:
    record = record_at(built, offset)
    return None if record is None else record.rec_headers.get_header("WARC-Target-URI")


def same_url(a: str, b: str) -> bool:
    return a.replace(" ", "%20") == b.replace(" ", "%20")


def test_foreign_files_replay_and_index_without_a_traceback(foreign: ForeignRun) -> None:
    for run in (foreign.replay, foreign.index):
        assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    assert foreign.report["files"] == len(foreign.built)
    for built in foreign.built.values():
        assert (foreign.out / sidecar_name(built.name)).exists(), built.name
    assert not list(foreign.out.glob("*.open"))


@pytest.mark.parametrize("kind", kinds("readable"))
def test_every_readable_article_is_extracted(foreign: ForeignRun, kind: str) -> None:
    built, texts = foreign.built[kind], foreign.texts(kind)
    assert built.readable
    for url, phrase in built.readable.items():
        assert url in texts, f"{built.name}: {url} not extracted; got {sorted(texts)}"
        assert phrase in texts[url]
    for url in built.lost:
        assert url not in texts, f"{built.name}: {url} lies in a damaged stretch or is no article"
    assert {row["warc_filename"] for row in foreign.rows(kind)} == {built.name}


@pytest.mark.parametrize("kind", kinds("reported"))
def test_each_damaged_stretch_is_reported_with_file_and_offset(foreign: ForeignRun, kind: str) -> None:
    built = foreign.built[kind]
    in_report = problem_offsets("\n".join(foreign.report["problems"]), built.name)
    on_stderr = problem_offsets(foreign.replay.stderr, built.name)
    from_index = problem_offsets(foreign.index.stderr, built.name)
    assert sorted(on_stderr) == sorted(in_report)
    assert sorted(from_index) == sorted(in_report)
    for start, end in built.damaged:
        assert any(start <= offset < end for offset in in_report), (
            f"{built.name}: nothing reported in [{start}, {end}); reported {in_report}"
        )
    for offset in in_report:
        assert any(start <= offset < end for start, end in built.damaged), (
            f"{built.name} @ {offset} reported, outside every damaged stretch {built.damaged}"
        )


@pytest.mark.parametrize("kind", kinds("once"))
def test_each_record_is_extracted_once(foreign: ForeignRun, kind: str) -> None:
    rows = foreign.rows(kind)
    places = [(row["url"], row["fetched_at"]) for row in rows]
    assert len(places) == len(set(places)), f"{foreign.built[kind].name}: {sorted(places)}"


@pytest.mark.parametrize("kind", kinds("offsets"))
def test_sidecar_rows_cite_the_record_where_it_lies(foreign: ForeignRun, kind: str) -> None:
    built = foreign.built[kind]
    rows = foreign.rows(kind)
    for row in rows:
        record = record_at(built, row["warc_offset"])
        assert record is not None, f"{built.name}: no record at {row['warc_offset']} (cited for {row['url']})"
        assert same_url(record.rec_headers.get_header("WARC-Target-URI"), row["url"]), row["warc_offset"]
        if built.name.endswith((".warc", ".warc.gz")):
            assert record.rec_headers.get_header("WARC-Record-ID") == row["warc_record_id"]
    cited = {row["url"]: row["warc_offset"] for row in rows}
    for url, offset in built.offsets.items():
        assert cited.get(url) == offset, f"{built.name}: {url} cited at {cited.get(url)}, lies at {offset}"


def test_a_rightly_chunked_body_is_dechunked(foreign: ForeignRun) -> None:
    texts = foreign.texts("wrong_chunk_sizes")
    reservoir = next(url for url in texts if "reservoirs" in url)
    assert "northern reservoirs stood at 81 percent" in texts[reservoir]
    assert not re.search(r"\b[0-9a-f]{3}\b", texts[reservoir])  # no size line (0x12c, 0x1f4) left


def test_chunk_size_lines_stay_out_of_the_text(foreign: ForeignRun) -> None:
    built, texts = foreign.built["wrong_chunk_sizes"], foreign.texts("wrong_chunk_sizes")
    assert built.seams
    for url, phrases in built.seams.items():
        for phrase in phrases:
            assert phrase in texts[url], f"{phrase!r} broken by a chunk-size line in {texts[url]!r}"


@pytest.mark.parametrize("kind", kinds("index"))
def test_index_lines_cite_real_records(foreign: ForeignRun, kind: str) -> None:
    built = foreign.built[kind]
    lines = [(key, fields) for key, _, fields in foreign.index_lines if fields["filename"] == built.name]
    if built.decompressed_offsets:  # pywb seeks in the file: no offset in it can be cited
        assert not lines, f"{built.name}: whole-file gzip indexed {lines}"
        return
    assert lines, f"{built.name}: no CDXJ line"
    for key, fields in lines:
        assert fields["url"].startswith("http://"), f"{built.name}: CDXJ line for {fields['url']!r}"
        assert key.startswith(("com,", "example,")), key
        assert int(fields["length"]) > 0, f"{built.name}: {fields}"  # pywb reads exactly `length` bytes
        found = cited_url(built, int(fields["offset"]))
        assert found is not None and same_url(found, fields["url"]), f"{built.name}: {fields}, found {found}"
    cited = {(fields["url"], int(fields["offset"])) for _, fields in lines}
    for url, offset in built.offsets.items():
        assert (url, offset) in cited, f"{built.name}: {url} @ {offset} not in the index"


@needs_peer_warcs
def test_peer_warcs_replay_without_a_traceback(tmp_path: Path) -> None:
    """warcio's own test files (../shared/peer-warcs), when a checkout has them beside it."""
    inputs = [PEER_WARCS, PEER_WARCS / "example-bad.warc.gz.bad"]
    result = run_presswarc("replay", *map(str, inputs), "--out", str(tmp_path))
    assert "Traceback" not in result.stderr
    # its first response is split over two gzip members (as split_members builds): reported where it starts
    assert "example-wrong-chunks.warc.gz @ 0: record cut short" in result.stderr
    # this ARC's second record holds fewer bytes than its header line declares
    assert "example-space-in-url.arc @ 151: record cut short" in result.stderr
    assert "example-bad-non-chunked.warc.gz @ 0" in result.stderr
    for name in (
        "example.warc.gz",
        "example.warc",
        "example.arc",
        "example.arc.gz",
        "example-iana.org-chunked.warc",
        "example-trunc.warc",
    ):
        assert (tmp_path / sidecar_name(name)).exists(), name
    iana = read_sidecar(tmp_path / sidecar_name("example-iana.org-chunked.warc"))
    assert iana and iana[0]["url"] == "http://www.iana.org/" and "DNS Root Zone" in iana[0]["text"]


# --- WARCs written by GNU Wget ------------------------------------------------------------------


def test_a_committed_wget_warc_replays(tmp_path: Path) -> None:
    """A WARC GNU Wget 1.21.3 wrote from the basic fixture site (tests/data/README.md says how).

    Wget keeps `Transfer-Encoding: chunked` framing in its response records and stores a gzip
    body encoded; both must come out as the page text.
    """
    warc = DATA / "wget-1.21.3-basic.warc.gz"
    out = tmp_path / "out"
    result = run_presswarc("replay", str(warc), "--out", str(out))
    assert "Traceback" not in result.stderr
    assert json.loads((out / "replay-report.json").read_text())["problems"] == []
    texts = {row["url"].split("/", 3)[3]: row["text"] for row in read_sidecar(out / sidecar_name(warc.name))}
    assert sorted(texts) == [
        "news/chunked-gzip.html",
        "news/chunked.html",
        "news/gzip.html",
        "news/plain.html",
    ]
    for path, text in texts.items():
        page = path.removeprefix("news/").removesuffix(".html")
        assert f"Marker for the {page} page" in text
        assert "harbour survey will be published in full" in text


@pytest.mark.skipif(shutil.which("wget") is None, reason="wget not installed (.ci/run installs it)")
def test_a_warc_written_by_wget_replays(tmp_path: Path) -> None:
    with SiteServer(Path(__file__).parent / "sites" / "basic") as site:
        subprocess.run(
            [
                "wget",
                "--quiet",
                "--recursive",
                "--level=1",
                "--no-verbose",
                "--directory-prefix",
                str(tmp_path / "mirror"),
                "--warc-file",
                str(tmp_path / "wget"),
                "--no-warc-keep-log",
                site.url + "/news/plain.html",
            ],
            check=False,
            timeout=120,
        )
    warc = tmp_path / "wget.warc.gz"
    assert warc.exists()
    run_presswarc("replay", str(warc), "--out", str(tmp_path / "out"))
    rows = read_sidecar(tmp_path / "out" / "wget.jsonl.gz")
    assert [row["url"] for row in rows] == [site.url + "/news/plain.html"]
    assert "harbour survey will be published in full" in rows[0]["text"]


@pytest.mark.skipif(shutil.which("wget") is None, reason="wget not installed (.ci/run installs it)")
def test_a_wget_warc_of_chunked_and_gzip_pages_replays(tmp_path: Path) -> None:
    """Wget stores chunked framing and gzip bodies as received; replay must undo both."""
    pages = ["chunked.html", "chunked-gzip.html", "gzip.html"]
    with SiteServer(Path(__file__).parent / "sites" / "basic") as site:
        subprocess.run(
            ["wget", "--quiet", "--directory-prefix", str(tmp_path / "mirror"), "--warc-file"]
            + [str(tmp_path / "wget"), "--no-warc-keep-log"]
            + [f"{site.url}/news/{page}" for page in pages],
            check=False,
            timeout=120,
        )
    chunked = [r for r in read_records(tmp_path / "wget.warc.gz") if r["type"] == "response"]
    assert any(r["http"].get_header("Transfer-Encoding") == "chunked" for r in chunked)  # framing kept
    run_presswarc("replay", str(tmp_path / "wget.warc.gz"), "--out", str(tmp_path / "out"))
    texts = {row["url"]: row["text"] for row in read_sidecar(tmp_path / "out" / "wget.jsonl.gz")}
    assert sorted(texts) == sorted(f"{site.url}/news/{page}" for page in pages)
    for page in pages:
        assert f"Marker for the {page.removesuffix('.html')} page" in texts[f"{site.url}/news/{page}"]


def test_crawl_from_archive_never_touches_the_network(
    basic_crawl: Path, basic_site: SiteServer, tmp_path: Path
) -> None:
    before = len(basic_site.requests)
    run_presswarc(
        "crawl",
        basic_site.url + "/",
        basic_site.url + "/never-archived.html",
        "--from-archive",
        str(basic_crawl / "warc"),
        "--out",
        str(tmp_path),
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
    )
    assert len(basic_site.requests) == before
    log = read_crawl_log(tmp_path)
    outcomes = {line["url"]: line["outcome"] for line in log}
    assert outcomes[basic_site.url + "/never-archived.html"] == "not-in-archive"
    assert (
        outcomes[basic_site.url + "/news/plain.html"] == "replayed"
    )  # reached through the archived redirects
    assert outcomes[basic_site.url + "/news/deep-2.html"] == "replayed"
    assert outcomes[basic_site.url + "/private/secret.html"] == "refused"  # archived robots.txt still obeyed
    assert not list((tmp_path / "warc").glob("*.warc.gz"))


# --- reader rules the built files do not reach on their own --------------------------------------


def test_dechunk_drops_size_lines_that_miscount_their_chunks() -> None:
    """Sizes right, sizes counted in characters of UTF-8 text, and no chunking at all."""
    text = "Straßenbahn fährt wieder\r\nbad\r\nüber die Brücke".encode()
    cut = text.index(b"\xc3\xbcber")
    right = (
        b"".join(f"{len(p):x}\r\n".encode() + p + b"\r\n" for p in (text[:cut], text[cut:])) + b"0\r\n\r\n"
    )
    assert dechunk(right) == (text, True)  # a hex-looking line ("bad") inside a chunk stays text
    miscounted = (
        b"".join(f"{len(p.decode()):x}\r\n".encode() + p + b"\r\n" for p in (text[:cut], text[cut:]))
        + b"0\r\n\r\n"
    )
    assert dechunk(miscounted) == (text, False)
    assert dechunk(b"<html><p>plain</p></html>") == (b"<html><p>plain</p></html>", True)
    # a miscounted first chunk, a rightly counted (ASCII) last one, and no closing zero chunk
    unclosed = f"{len(text[:cut].decode()):x}\r\n".encode() + text[:cut] + b"\r\n5\r\nfinal\r\n"
    assert dechunk(unclosed) == (text[:cut] + b"final", False)


def test_a_single_record_gzip_is_read_member_by_member(tmp_path: Path) -> None:
    """One member spanning the file is a whole-file gzip only if it holds more than one record."""
    writer = RecordWriter("single.warc.gz")
    writer.story(STORIES["ferry"])
    single = tmp_path / "single.warc.gz"
    single.write_bytes(writer.record_bytes()[0])  # the response alone
    items = list(iter_records(single))
    assert not [item for item in items if isinstance(item, ReadProblem)]
    [raw] = items
    assert isinstance(raw, RawRecord) and (raw.offset, raw.length) == (0, single.stat().st_size)


@pytest.mark.parametrize("kind", ["truncated_file", "cut_member_end", "cut_member_body"])
def test_a_record_cut_short_is_reported_not_indexed(foreign: ForeignRun, kind: str) -> None:
    """pywb would read a cut record as whole (or fail on its gzip member): it gets no CDXJ line."""
    built = foreign.built[kind]
    indexed = {fields["url"] for _, _, fields in foreign.index_lines if fields["filename"] == built.name}
    assert built.lost and not indexed & set(built.lost), f"{built.name}: {sorted(indexed)}"
    assert problem_offsets(foreign.index.stderr, built.name)
