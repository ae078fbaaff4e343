"""The demo crawl leaves clean text beside every WARC, and inside it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import archive
from archive.sidecars import read_sidecar, sidecar_name
from tests.golden.cases import SITE_CHROME
from tests.warcs import read_records, warc_files

SCHEMA = json.loads((Path(archive.__file__).parent / "sidecar.schema.json").read_text())
STATEMENT_LAST = "The Authority has been asked to reply to these recommendations by 15 January 2027."


def sidecar_rows(out: Path) -> list[dict]:
    return [row for path in warc_files(out) for row in read_sidecar(path.with_name(sidecar_name(path.name)))]


def test_every_warc_has_a_sidecar_and_no_open_files(demo_crawl: Path) -> None:
    for path in warc_files(demo_crawl):
        assert path.with_name(sidecar_name(path.name)).exists()
    assert not list((demo_crawl / "warc").glob("*.open"))


def test_sidecar_rows_validate_against_the_schema(demo_crawl: Path) -> None:
    rows = sidecar_rows(demo_crawl)
    assert len(rows) == 4
    for row in rows:
        jsonschema.validate(row, SCHEMA)


def test_statement_text_is_free_of_site_chrome_in_every_language(demo_crawl: Path) -> None:
    rows = sidecar_rows(demo_crawl)
    languages = {row["language"] for row in rows}
    assert languages == {"en", "ko"}
    for row in rows:
        for leak in SITE_CHROME:
            assert leak not in row["text"], (row["url"], leak)
    english = [row for row in rows if row["language"] == "en"]
    assert len(english) == 3
    for row in english:
        assert row["text"].splitlines()[-1] == STATEMENT_LAST


def test_metadata_fields(demo_crawl: Path) -> None:
    by_site = {row["sitename"]: row for row in sidecar_rows(demo_crawl)}
    korean_cms = by_site["한빛일보"]
    assert korean_cms["author"] == "김하늘" and korean_cms["published"] == "2026-11-20"
    blog = by_site["Open Records Watch"]
    assert blog["author"] == "Tom Avery" and blog["modified"] == "2026-11-21"
    legacy = next(row for row in sidecar_rows(demo_crawl) if row["charset"]["used"] == "cp949")
    assert legacy["charset"]["meta"] == "euc-kr" and legacy["author"] == "박서준"


def test_conversion_and_metadata_records_point_at_their_responses(demo_crawl: Path) -> None:
    rows = {row["warc_record_id"]: row for row in sidecar_rows(demo_crawl)}
    seen = 0
    for path in warc_files(demo_crawl):
        records = read_records(path)
        by_id = {r["warc"]["WARC-Record-ID"]: r for r in records}
        for record in records:
            if record["type"] not in ("conversion", "metadata"):
                continue
            seen += 1
            response = by_id[record["warc"]["WARC-Refers-To"]]
            assert response["type"] == "response"
            assert record["warc"]["WARC-Target-URI"] == response["warc"]["WARC-Target-URI"]
            assert record["warc"]["WARC-Refers-To-Date"] == response["warc"]["WARC-Date"]
            row = rows[response["warc"]["WARC-Record-ID"]]
            assert row["warc_filename"] == path.name and row["warc_offset"] == response["offset"]
            if record["type"] == "conversion":
                assert record["raw"].decode("utf-8") == row["text"]
            else:
                assert json.loads(record["raw"])["text_sha1"] == row["text_sha1"]
    assert seen == 2 * len(rows)


@pytest.mark.parametrize("field", ["warc_offset", "warc_length"])
def test_sidecar_offsets_locate_the_response(demo_crawl: Path, field: str) -> None:
    for row in sidecar_rows(demo_crawl):
        path = demo_crawl / "warc" / row["warc_filename"]
        with open(path, "rb") as stream:
            stream.seek(row["warc_offset"])
            blob = stream.read(row["warc_length"])
        import gzip

        assert row["warc_record_id"].encode() in gzip.decompress(blob)
