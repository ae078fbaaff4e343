"""`presswarc clusters` over sidecars written the way a crawl writes them.

The documents are the republications of tests/archive/test_clusters.py, put
in sidecars of three WARC names (three crawls), with capture times that make
the issuer's copy the earliest.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.republications import cluster_ids, find_clusters
from archive.sidecars import SidecarSet
from crawler.cli import main
from tests.archive.test_clusters import FLOOD, republications

HOSTS = {
    "issuer": "ombudsman.example",
    "outlet-intro": "dailyharbour.example",
    "korean-lead": "hanbit.example",
    "wire-rebroken": "wire.example",
    "aggregator-cut": "aggregator.example",
}


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    sidecars = SidecarSet(tmp_path / "warc")
    for number, (name, text) in enumerate(republications().items()):
        host = HOSTS.get(name, "other.example")
        row = {
            "url": f"https://{host}/news/{name}",
            "warc_filename": f"crawl-{number % 3}.warc.gz",
            "warc_offset": 1000 * number,
            "fetched_at": f"2026-11-0{1 + number % 9}T10:00:00Z",
            "published": None,
            "text": text,
            "text_sha1": f"sha-{name}",
        }
        sidecars.append(row["warc_filename"], row)
    sidecars.close_all()
    return tmp_path


def test_the_earliest_capture_is_the_origin_and_changes_are_named(collection: Path) -> None:
    clusters = find_clusters(collection)
    flood = clusters[0]
    assert len(flood.members) == 5
    assert flood.origin.site == "ombudsman.example"
    by_site = {m.site: m for m in flood.members}
    aggregator = by_site["aggregator.example"].changes
    assert aggregator is not None and aggregator.removed == (FLOOD[-1],) and aggregator.added == ()
    intro = by_site["dailyharbour.example"].changes
    assert intro is not None and intro.added[0].startswith("The following statement")
    assert by_site["ombudsman.example"].changes is None


def test_every_document_gets_a_cluster_id(collection: Path) -> None:
    ids = cluster_ids(collection)
    assert len(ids) == len(republications())
    assert len(set(ids.values())) == 4


def test_the_command_lists_clusters_as_text_and_json(
    collection: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clusters", str(collection)]) == 0
    text = capsys.readouterr().out
    assert "2 cluster(s)" in text
    assert "- " + FLOOD[-1][:60] in text
    assert main(["clusters", str(collection), "--json", "--all"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["size"] for row in rows] == [5, 2, 1, 1]
    assert rows[0]["origin"]["site"] == "ombudsman.example"


def test_a_missing_folder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clusters", str(tmp_path / "nope")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_the_demo_statement_republished_by_three_differently_built_sites_is_one_cluster(
    demo_crawl: Path,
) -> None:
    """Issuer page, Korean CMS (pasted visual lines, Korean lead) and WordPress blog (intro) carry
    one English statement; the Korean portal's *translation* is another text and stays apart."""
    clusters = find_clusters(demo_crawl)
    paths = [sorted(m.url.split("/", 3)[3] for m in c.members) for c in clusters]
    assert paths[0] == [
        "2026/11/ombudsman-call-recordings/",
        "news/articleView.html?idxno=20931",
        "statements/2026-11-20-call-records.html",
    ]
    assert clusters[0].origin.fetched_at == min(m.fetched_at for m in clusters[0].members)
    assert ["view.html?no=5512"] in paths and len(clusters) == 2
