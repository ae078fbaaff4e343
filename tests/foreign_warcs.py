"""Other tools' WARC and ARC files, damaged ones too, built byte by byte for the replay tests.

`presswarc replay` and `presswarc index` promise to read what other tools wrote and to survive
what accidents leave behind: extract what is readable, report each damaged stretch with its file
and offset, resume at the next record. These builders write such files into a folder (no
downloaded samples, so a fresh clone can run the tests) and return a `Built` that says what a
reader must find: which articles are readable, which are lost, where damage starts.

Real-world behaviour each file stands for:

- `truncated_members`: a `.warc.gz` whose gzip members were cut short: a copy or upload that
  stopped early, a disk that filled while a member was written. Cut once in the middle of a
  body and once inside the WARC headers; the last member is cut too, as an interrupted copy
  leaves it.
- `wrong_chunk_sizes`: a response stored with `Transfer-Encoding: chunked` kept (wget and
  Heritrix keep the framing), where the sizes do not match the data: a writer that counted
  characters instead of bytes of UTF-8 text; and one whose header says chunked over a body
  that was already de-chunked. A correctly chunked response sits beside them as control.
- `split_members`: one record spread over several gzip members (headers in one, the body in
  the next), as a writer that flushes the compressor per write leaves it.
- `whole_file_gzip`: a plain WARC gzipped afterwards as one stream (`gzip crawl.warc`), so
  records are not one member each and offsets cannot be seeked.
- `warc_1_0`: an uncompressed WARC/1.0 file in the shape older crawlers write: warcinfo,
  request/response pairs, a metadata record, a revisit, a 404.
- `arc_file`: the Internet Archive's ARC v1 format (before WARC), plain and gzipped per
  record, including a URL with a space in it (ARC header lines are space-separated).
- `space_in_target_uri`: a WARC whose `WARC-Target-URI` holds unescaped spaces.
- `truncated_file`: an uncompressed WARC cut off inside its last response: a crawl killed
  before it closed the file.

Every text below is written for these tests.
"""

from __future__ import annotations

import gzip
import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class Story:
    """A short news article: its URL, and a phrase its extracted text must contain."""

    url: str
    title: str
    paragraphs: tuple[str, ...]

    @property
    def marker(self) -> str:
        return self.paragraphs[0].split(",")[0]

    def html(self, charset: str = "utf-8") -> bytes:
        paragraphs = "\n".join(f"<p>{p}</p>" for p in self.paragraphs)
        page = (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset}"><title>{self.title}</title>'
            f'</head>\n<body><nav><a href="/">Front page</a> <a href="/local/">Local</a></nav>\n'
            f"<article><h1>{self.title}</h1>\n{paragraphs}\n</article>\n"
            f"<footer>Reader letters to the editor are welcome.</footer></body></html>\n"
        )
        return page.encode(charset)


STORIES = {
    "reservoir": Story(
        "http://valley-herald.example/local/reservoirs.html",
        "Reservoir levels hold after dry spring",
        (
            "The Upland Water Board said on Monday that the northern reservoirs stood at 81 percent"
            ", a level it called comfortable for the time of year despite eleven dry weeks.",
            "A spokesperson for the board added that no hosepipe restrictions were planned for the"
            " summer, but that the board would review the figures again at the end of July.",
            "Customers were asked to report leaks on the board's free line, which is staffed"
            " around the clock during the holiday season.",
        ),
    ),
    "ferry": Story(
        "http://valley-herald.example/local/ferry.html",
        "Late Friday crossing added to island ferry",
        (
            "The Island Ferry Company will add a late crossing on Fridays from the first of June"
            ", leaving the mainland pier at ten past eleven and returning before one in the morning.",
            "The company said the change followed a petition signed by more than six hundred"
            " residents who work evening shifts in the harbour town.",
            "Fares for the new crossing will match the existing evening fares, and cyclists will"
            " travel free of charge until the end of the season.",
        ),
    ),
    "library": Story(
        "http://valley-herald.example/local/mobile-library.html",
        "Mobile library keeps its village stops",
        (
            "The county library service has agreed to keep the mobile library running in the"
            " eastern villages, reversing a proposal to end the route next spring.",
            "Councillors approved the funding after hearing that the van lends more than four"
            " thousand books a year to readers who have no bus to the nearest branch.",
            "The timetable stays as it is, with stops on alternate Tuesdays outside each village"
            " hall and at the two primary schools on the route.",
        ),
    ),
    "bridge": Story(
        "http://coast-gazette.example/news/2019/tram-bridge.html",
        "Old tram bridge passes its inspection",
        (
            "Inspectors found no structural fault in the old tram bridge over the canal"
            ", the city's highways department said in a statement on Wednesday.",
            "The cast-iron bridge, which carried trams until the line closed, now takes only"
            " pedestrians and cyclists and is examined every six years.",
            "Minor repainting of the railings will take place in September, when the bridge will"
            " close for three nights while the work is done.",
        ),
    ),
    "orchard": Story(
        "http://coast-gazette.example/news/2019/orchard-frost.html",
        "Frost nips early blossom in the valley orchards",
        (
            "Growers in the valley reported frost damage to early blossom after two clear nights"
            ", although most said the later varieties had escaped unharmed.",
            "The growers' cooperative estimated that about a tenth of the pear crop could be lost"
            " and said it would publish a fuller assessment after the bees had finished.",
            "Apple orchards on the higher slopes, which flower later, were not affected, according"
            " to the cooperative's field officer.",
        ),
    ),
    "lighthouse": Story(
        "http://coast-gazette.example/news/2019/lighthouse.html",
        "Lighthouse opens to visitors for the summer",
        (
            "The restored lighthouse on the north headland will open to visitors every weekend"
            " from May, the heritage trust that looks after it announced.",
            "Guided tours climb the one hundred and twelve steps to the lantern room, where the"
            " original lens is on display beside a new exhibition about the keepers.",
            "Tickets are sold at the gate only, and children under twelve must be accompanied by"
            " an adult on the stairs.",
        ),
    ),
    "census": Story(
        "http://stadtanzeiger.example/lokales/zaehlung.html",
        "Verkehrszählung an der Brücke",
        (
            "Die Stadtverwaltung zählt in der kommenden Woche den Verkehr auf der Rheinbrücke"
            ", um die Planung für den Umbau der Kreuzung am Südufer zu überprüfen.",
            "Gezählt werden Fußgänger, Radfahrer, Busse und Autos, jeweils von sechs Uhr morgens"
            " bis acht Uhr abends; die Ergebnisse sollen im Herbst veröffentlicht werden.",
            "Während der Zählung kommt es zu keinen Sperrungen, teilte das Amt für Straßen und Verkehr mit.",
        ),
    ),
    "market": Story(
        "http://coast-gazette.example/news/2019/market hall.html",
        "Market hall reopens after roof repair",
        (
            "The covered market hall reopened on Saturday after a roof repair that took four"
            " months, with all but two of its forty stalls trading again.",
            "Traders said the first weekend was busier than any since the autumn, helped by a"
            " brass band and free coffee at the entrance on Fish Street.",
            "The two empty stalls will be offered to new traders at a reduced rent for the first"
            " year, the market's manager said.",
        ),
    ),
}


@dataclass
class Built:
    """One file written by a builder, and what a reader must find in it."""

    path: Path
    readable: dict[str, str] = field(default_factory=dict)
    """URL of each article that must be extracted → a phrase of its text."""
    lost: list[str] = field(default_factory=list)
    """URLs of articles inside a damaged stretch: they must not be extracted."""
    damaged: list[tuple[int, int]] = field(default_factory=list)
    """Each damaged stretch as [start, end) byte offsets: its report must cite an offset inside it."""
    seams: dict[str, list[str]] = field(default_factory=dict)
    """URL → phrases that straddle a chunk boundary: the text must hold them whole."""
    offsets: dict[str, int] = field(default_factory=dict)
    """URL → offset of its response record, for those that can be cited by offset."""

    decompressed_offsets: bool = False
    """True for a whole-file gzip: offsets are positions in the decompressed stream (README)."""

    @property
    def name(self) -> str:
        return self.path.name

    def expect(self, *stories: Story) -> None:
        for story in stories:
            self.readable[story.url] = story.marker


def http_response(body: bytes, headers: list[tuple[str, str]] | None = None, status: str = "200 OK") -> bytes:
    """Status line, headers and body as a server sends them (Content-Length unless told)."""
    headers = headers if headers is not None else [("Content-Type", "text/html; charset=utf-8")]
    names = {name.lower() for name, _ in headers}
    if "content-length" not in names and "transfer-encoding" not in names:
        headers = [*headers, ("Content-Length", str(len(body)))]
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("latin-1") + body


def http_request(url: str) -> bytes:
    path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
    host = url.split("/")[2]
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: fixture-bot/0.3\r\nAccept: */*\r\n\r\n".encode()
    )


class RecordWriter:
    """Writes WARC records with warcio, fixed IDs and dates, and remembers each record's bytes."""

    def __init__(self, filename: str, version: str = "1.1", compress: bool = True) -> None:
        self.filename = filename
        self.stream = io.BytesIO()
        self.writer = WARCWriter(self.stream, gzip=compress, warc_version=version)
        self.starts: list[int] = []
        self.serial = 0

    def _fixed(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        self.serial += 1
        record_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{self.filename}#{self.serial}")
        headers = {
            "WARC-Record-ID": f"<urn:uuid:{record_id}>",
            "WARC-Date": f"2019-04-{10 + self.serial // 60:02d}T08:{self.serial % 60:02d}:00Z",
        }
        headers.update(extra or {})
        return headers

    def _write(self, record: Any) -> int:
        self.starts.append(self.stream.tell())
        self.writer.write_record(record)
        return self.starts[-1]

    def warcinfo(self, software: str) -> int:
        info = {"software": software, "format": "WARC File Format", "robots": "obey"}
        record = self.writer.create_warcinfo_record(self.filename, info)
        for name, value in self._fixed().items():
            record.rec_headers.replace_header(name, value)
        return self._write(record)

    def response(self, url: str, http: bytes, with_request: bool = True) -> int:
        headers = self._fixed({"WARC-IP-Address": "192.0.2.17"})
        record = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(http), length=len(http), warc_headers_dict=headers
        )
        offset = self._write(record)
        if with_request:
            request = http_request(url)
            pair = self._fixed({"WARC-Concurrent-To": headers["WARC-Record-ID"]})
            self._write(
                self.writer.create_warc_record(
                    url, "request", payload=io.BytesIO(request), length=len(request), warc_headers_dict=pair
                )
            )
        return offset

    def story(self, story: Story) -> int:
        return self.response(story.url, http_response(story.html()))

    def metadata(self, url: str, text: str) -> int:
        data = text.encode()
        record = self.writer.create_warc_record(
            url,
            "metadata",
            payload=io.BytesIO(data),
            length=len(data),
            warc_content_type="application/warc-fields",
            warc_headers_dict=self._fixed(),
        )
        return self._write(record)

    def revisit(self, story: Story, original_date: str) -> int:
        http_headers = StatusAndHeaders(
            "304 Not Modified", [("ETag", '"v1"')], protocol="HTTP/1.1", is_http_request=False
        )
        record = self.writer.create_revisit_record(
            story.url,
            digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            refers_to_uri=story.url,
            refers_to_date=original_date,
            http_headers=http_headers,
            warc_headers_dict=self._fixed(),
        )
        return self._write(record)

    def record_bytes(self) -> list[bytes]:
        """Each record's bytes (a gzip member each when compressed), in file order."""
        data = self.stream.getvalue()
        ends = [*self.starts[1:], len(data)]
        return [data[start:end] for start, end in zip(self.starts, ends, strict=True)]

    def getvalue(self) -> bytes:
        return self.stream.getvalue()


def cut_member(folder: Path, where: str) -> Built:
    """A `.warc.gz` with one response member cut short: in its body, in its WARC headers, or at EOF.

    `where` = "body": the member loses its last 120 bytes (deflate data and trailer);
    "headers": the member holds only the first 80 bytes of its record;
    "end": the file stops halfway through the last response's member.
    """
    name = f"cut-member-{where}.warc.gz"
    victim = {"body": STORIES["ferry"], "headers": STORIES["bridge"], "end": STORIES["lighthouse"]}[where]
    writer = RecordWriter(name)
    writer.warcinfo("fixture-crawler 2.4")
    before = writer.story(STORIES["reservoir"])
    cut = writer.story(victim)
    after = writer.story(STORIES["library"]) if where != "end" else None
    members = writer.record_bytes()
    index = writer.starts.index(cut)
    if where == "body":
        members[index] = members[index][:-120]
    elif where == "headers":
        members[index] = gzip.compress(gzip.decompress(members[index])[:80], mtime=0)
    else:
        members = members[: index + 1]
        members[index] = members[index][: len(members[index]) // 2]
    path = folder / name
    path.write_bytes(b"".join(members))
    starts = _starts(members)
    built = Built(path, lost=[victim.url])
    built.expect(STORIES["reservoir"])
    built.offsets[STORIES["reservoir"].url] = before
    damage_end = starts[index + 2] if where != "end" else path.stat().st_size + 1
    built.damaged.append((starts[index], damage_end))
    if after is not None:
        built.expect(STORIES["library"])
        built.offsets[STORIES["library"].url] = starts[writer.starts.index(after)]
    return built


def _starts(members: list[bytes]) -> list[int]:
    starts, position = [], 0
    for member in members:
        starts.append(position)
        position += len(member)
    return starts


def chunked(body: bytes, sizes: list[int], declared: Callable[[bytes], int] = len) -> bytes:
    """`body` in chunks of the given sizes, each announced as `declared(chunk)` in hex."""
    out, position = b"", 0
    for size in sizes:
        part = body[position : position + size]
        out += f"{declared(part):x}\r\n".encode() + part + b"\r\n"
        position += size
    if position < len(body):
        part = body[position:]
        out += f"{declared(part):x}\r\n".encode() + part + b"\r\n"
    return out + b"0\r\n\r\n"


def characters_not_bytes(chunk: bytes) -> int:
    """The size a writer counting characters of UTF-8 text would announce."""
    return len(chunk.decode("utf-8", "replace"))


def wrong_chunk_sizes(folder: Path) -> Built:
    """Responses declared chunked: sizes right, sizes counted in characters, body not chunked at all."""
    name = "chunked-framing.warc.gz"
    writer = RecordWriter(name, version="1.0")
    writer.warcinfo("fixture-mirror 1.9")
    chunked_headers = [("Content-Type", "text/html; charset=utf-8"), ("Transfer-Encoding", "chunked")]
    good = STORIES["reservoir"].html()
    right = writer.response(
        STORIES["reservoir"].url, http_response(chunked(good, [300, 500]), chunked_headers)
    )
    census = STORIES["census"].html()
    seams = [census.index(b"Radfahrer"), census.index(b"Sperrungen")]
    miscounted = writer.response(
        STORIES["census"].url,
        http_response(
            chunked(census, [seams[0], seams[1] - seams[0]], declared=characters_not_bytes), chunked_headers
        ),
    )
    dechunked = writer.response(STORIES["ferry"].url, http_response(STORIES["ferry"].html(), chunked_headers))
    after = writer.story(STORIES["library"])
    path = folder / name
    path.write_bytes(writer.getvalue())
    built = Built(path, damaged=[(miscounted, dechunked)])
    built.expect(STORIES["reservoir"], STORIES["census"], STORIES["ferry"], STORIES["library"])
    built.seams[STORIES["census"].url] = ["Fußgänger, Radfahrer", "zu keinen Sperrungen"]
    built.offsets = {
        STORIES["reservoir"].url: right,
        STORIES["census"].url: miscounted,
        STORIES["ferry"].url: dechunked,
        STORIES["library"].url: after,
    }
    return built


def split_members(folder: Path, tail_line: str) -> Built:
    """The second response is written as two gzip members: its headers and body, then the rest.

    The second member starts with `tail_line` of the HTML: "long" splits before `<!DOCTYPE ...`
    (a first line with many spaces), "short" before `</article>` (a first line without any).
    """
    name = f"split-member-{tail_line}.warc.gz"
    writer = RecordWriter(name, compress=False)
    writer.warcinfo("fixture-recorder 0.7")
    writer.story(STORIES["bridge"])
    writer.story(STORIES["orchard"])
    writer.story(STORIES["lighthouse"])
    plain = writer.record_bytes()
    split_at = plain[3].index(b"<!DOCTYPE" if tail_line == "long" else b"</article>")
    members = [gzip.compress(record, mtime=0) for record in plain]
    members[3:4] = [gzip.compress(plain[3][:split_at], mtime=0), gzip.compress(plain[3][split_at:], mtime=0)]
    path = folder / name
    path.write_bytes(b"".join(members))
    starts = _starts(members)
    built = Built(path)
    built.expect(STORIES["bridge"], STORIES["lighthouse"])
    built.damaged.append((starts[3], starts[6]))  # from the split record to the next response
    built.offsets = {STORIES["bridge"].url: starts[1], STORIES["lighthouse"].url: starts[6]}
    return built


def whole_file_gzip(folder: Path) -> Built:
    """A WARC gzipped afterwards as one stream; its first record is a response, not warcinfo."""
    name = "gzipped-later.warc.gz"
    writer = RecordWriter(name, compress=False)
    writer.story(STORIES["ferry"])
    writer.metadata(STORIES["ferry"].url, "via: http://valley-herald.example/local/\r\nhopsFromSeed: L\r\n")
    writer.story(STORIES["library"])
    writer.story(STORIES["census"])
    path = folder / name
    path.write_bytes(gzip.compress(writer.getvalue(), mtime=0))
    built = Built(path, damaged=[(0, 1)], decompressed_offsets=True)
    built.expect(STORIES["ferry"], STORIES["library"], STORIES["census"])
    return built


def warc_1_0(folder: Path) -> Built:
    """Uncompressed WARC/1.0: warcinfo, pairs, metadata, a revisit and a 404."""
    name = "older-crawler.warc"
    writer = RecordWriter(name, version="1.0", compress=False)
    writer.warcinfo("fixture-heritage-crawler 1.14")
    bridge = writer.story(STORIES["bridge"])
    writer.metadata(STORIES["bridge"].url, "outlink: http://coast-gazette.example/ L a/@href\r\n")
    writer.revisit(STORIES["bridge"], "2019-04-10T08:01:00Z")
    missing = b"<html><body><h1>Not found</h1><p>No such page.</p></body></html>"
    writer.response(
        "http://coast-gazette.example/news/gone.html", http_response(missing, status="404 Not Found")
    )
    orchard = writer.story(STORIES["orchard"])
    path = folder / name
    path.write_bytes(writer.getvalue())
    built = Built(path, lost=["http://coast-gazette.example/news/gone.html"])
    built.expect(STORIES["bridge"], STORIES["orchard"])
    built.offsets = {STORIES["bridge"].url: bridge, STORIES["orchard"].url: orchard}
    return built


ARC_VERSION_BLOCK = (
    b"1 0 Valley Herald Web Archive\nURL IP-address Archive-date Content-type Archive-length\n"
)


def _arc_record(url: str, date: str, http: bytes) -> bytes:
    return f"{url} 192.0.2.44 {date} text/html {len(http)}\n".encode() + http + b"\n"


def arc_records(name: str) -> list[bytes]:
    """An ARC v1 file as its records: the filedesc header, then one record per capture."""
    header = f"filedesc://{name} 0.0.0.0 20040712093000 text/plain {len(ARC_VERSION_BLOCK)}\n".encode()
    records = [header + ARC_VERSION_BLOCK + b"\n"]
    for number, key in enumerate(("reservoir", "ferry", "market")):
        story = STORIES[key]
        records.append(_arc_record(story.url, f"2004071209{31 + number}00", http_response(story.html())))
    return records


def arc_file(folder: Path, compress: bool) -> Built:
    """ARC v1, plain or one gzip member per record; the third URL holds a space."""
    name = "old-crawl.arc.gz" if compress else "old-crawl.arc"
    records = arc_records(name)
    if compress:
        records = [gzip.compress(record, mtime=0) for record in records]
    path = folder / name
    path.write_bytes(b"".join(records))
    built = Built(path)
    built.expect(STORIES["reservoir"], STORIES["ferry"])
    built.readable[STORIES["market"].url.replace(" ", "%20")] = STORIES["market"].marker
    starts = _starts(records)
    built.offsets = {STORIES["reservoir"].url: starts[1], STORIES["ferry"].url: starts[2]}
    return built


def space_in_target_uri(folder: Path) -> Built:
    """`WARC-Target-URI` with unescaped spaces, as some recorders write it."""
    name = "spaced-uri.warc.gz"
    writer = RecordWriter(name)
    writer.warcinfo("fixture-recorder 0.7")
    spaced = writer.story(STORIES["market"])
    after = writer.story(STORIES["lighthouse"])
    path = folder / name
    path.write_bytes(writer.getvalue())
    escaped = STORIES["market"].url.replace(" ", "%20")
    built = Built(path, readable={escaped: STORIES["market"].marker})
    built.expect(STORIES["lighthouse"])
    built.offsets = {escaped: spaced, STORIES["lighthouse"].url: after}
    return built


def truncated_file(folder: Path) -> Built:
    """An uncompressed WARC whose writer was killed inside the last response's last paragraph.

    Most of that article is there, so a reader that takes the short record for a whole one
    extracts a text with its end missing, as if it were the complete article.
    """
    name = "killed-crawl.warc"
    writer = RecordWriter(name, compress=False)
    writer.warcinfo("fixture-crawler 2.4")
    first = writer.story(STORIES["orchard"])
    second = writer.story(STORIES["census"])
    last = writer.response(
        STORIES["lighthouse"].url, http_response(STORIES["lighthouse"].html()), with_request=False
    )
    data = writer.getvalue()
    cut = data.index(b"an adult on the stairs", last)
    path = folder / name
    path.write_bytes(data[:cut])
    built = Built(path, lost=[STORIES["lighthouse"].url])
    built.expect(STORIES["orchard"], STORIES["census"])
    built.damaged.append((last, cut + 1))
    built.offsets = {STORIES["orchard"].url: first, STORIES["census"].url: second}
    return built


BUILDERS: dict[str, Callable[[Path], Built]] = {
    "cut_member_body": lambda folder: cut_member(folder, "body"),
    "cut_member_headers": lambda folder: cut_member(folder, "headers"),
    "cut_member_end": lambda folder: cut_member(folder, "end"),
    "wrong_chunk_sizes": wrong_chunk_sizes,
    "split_member_long": lambda folder: split_members(folder, "long"),
    "split_member_short": lambda folder: split_members(folder, "short"),
    "whole_file_gzip": whole_file_gzip,
    "warc_1_0": warc_1_0,
    "arc": lambda folder: arc_file(folder, compress=False),
    "arc_gz": lambda folder: arc_file(folder, compress=True),
    "space_in_target_uri": space_in_target_uri,
    "truncated_file": truncated_file,
}


def build_all(folder: Path) -> dict[str, Built]:
    folder.mkdir(parents=True, exist_ok=True)
    return {key: build(folder) for key, build in BUILDERS.items()}
