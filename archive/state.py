"""Crawl state beside a collection: what each URL looked like last time, and what is still to fetch.

`DIR/crawl-state.sqlite` (SQLite, WAL journal) holds, per URL, the last
fetch and the WARC record holding its last full copy (the record a revisit
refers to, with the validators and payload digest that copy had), and the
frontier: URLs scheduled but not yet at a final outcome, so a re-run
resumes them.

One connection per process, in autocommit mode: every method's write is
its own committed transaction, so a `kill -9` loses at most the statement
being run, and the file always opens consistent. WAL with
`synchronous=NORMAL` survives any process death; a power cut may lose the
last few commits (never consistency), which matches the WARC files, that
are only fsynced when closed. Other processes may read at any time, and
several may write (workers sharing a folder): SQLite serialises writers,
each waiting up to 30 s. Not on a network filesystem (SQLite's locks need
a local one).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from archive.model import RecordLocation

STATE_NAME = "crawl-state.sqlite"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS urls (
    url TEXT PRIMARY KEY,
    fetched_at TEXT NOT NULL,          -- last fetch, whatever its outcome
    status INTEGER NOT NULL,           -- HTTP status of the last fetch
    record_filename TEXT,              -- the record written for the last fetch (full or revisit)
    record_offset INTEGER,
    record_length INTEGER,
    record_id TEXT,
    confirmed_at TEXT,                 -- last fetch that showed the full copy is current
    etag TEXT,                         -- validators of the content the full copy holds
    last_modified TEXT,
    payload_digest TEXT,               -- WARC-Payload-Digest of the full copy
    full_status INTEGER,
    full_filename TEXT,                -- the last full copy: what a revisit refers to
    full_offset INTEGER,
    full_length INTEGER,
    full_record_id TEXT,
    full_warc_date TEXT,
    full_target_uri TEXT
);
CREATE TABLE IF NOT EXISTS pending (
    url TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    depth INTEGER NOT NULL,
    priority INTEGER NOT NULL,
    meta TEXT NOT NULL,                -- JSON object: whatever the spider needs to rebuild the request
    added_at TEXT NOT NULL             -- scheduling order is the rowid: max + 1, atomic in any process
);
CREATE INDEX IF NOT EXISTS pending_order ON pending (priority DESC);
"""


LAST_FETCH = ("url", "fetched_at", "status", "record_filename", "record_offset", "record_length", "record_id")


class StateError(RuntimeError):
    """The state file cannot be used (newer schema, not a presswarc state, damaged)."""


def utc_text(moment: datetime) -> str:
    """A fixed-width UTC timestamp that sorts as text: `2026-11-28T15:14:50.123456Z`."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


@dataclass(frozen=True, slots=True)
class FullCopy:
    """The record holding the last complete copy of a URL's content."""

    filename: str
    offset: int
    length: int
    record_id: str
    warc_date: str
    """WARC-Date of that record, as written (becomes WARC-Refers-To-Date)."""
    target_uri: str
    """WARC-Target-URI of that record (becomes WARC-Refers-To-Target-URI)."""
    status: int
    payload_digest: str


@dataclass(frozen=True, slots=True)
class UrlState:
    """What the state knows about one URL."""

    url: str
    fetched_at: datetime
    status: int
    confirmed_at: datetime | None
    """The last fetch that showed the full copy is current (None: no usable copy)."""
    etag: str | None
    last_modified: str | None
    full: FullCopy | None
    """The copy a revisit refers to (None: never archived complete with a 2xx)."""
    record: RecordLocation
    """The record written for the last fetch (the full copy, a revisit, or an error page)."""

    @property
    def payload_digest(self) -> str | None:
        return self.full.payload_digest if self.full else None


@dataclass(frozen=True, slots=True)
class Pending:
    """A scheduled URL without a final outcome yet."""

    url: str
    role: str
    depth: int
    priority: int
    meta: dict[str, Any] = field(default_factory=dict)
    added_at: datetime | None = None


class StateStore(Protocol):
    """What the crawl asks of its state: `CrawlState` (SQLite, one folder) or a Redis job's.

    One interface, two stores: a single-process crawl keeps its state beside its
    WARCs; the workers of a Redis job share theirs (crawler/redis_state.py).
    """

    @property
    def path(self) -> object: ...

    def close(self) -> None: ...

    def record_capture(
        self,
        url: str,
        status: int,
        etag: str | None,
        last_modified: str | None,
        payload_digest: str | None,
        location: RecordLocation,
        warc_date: str,
        full: bool,
        fetched_at: datetime | None = None,
        target_uri: str | None = None,
        complete: bool = True,
    ) -> None: ...

    def last(self, url: str) -> UrlState | None: ...

    def is_due(
        self, url: str, min_age: timedelta, lastmod: datetime | None = None, now: datetime | None = None
    ) -> bool: ...

    def add_pending(self, url: str, role: str, depth: int, priority: int, meta: dict[str, Any]) -> object: ...

    def done(self, url: str) -> None: ...

    def is_pending(self, url: str) -> bool: ...

    def pending(self) -> Iterator[Pending]: ...

    def pending_count(self) -> int: ...


class CrawlState:
    """The state database of one collection folder."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    @classmethod
    def open(cls, directory: Path, read_only: bool = False) -> CrawlState:
        """Open (creating if needed) `DIR/crawl-state.sqlite`.

        `read_only` opens an existing state without writing to it, e.g. to
        look at it while a crawl runs.
        """
        path = Path(directory) / STATE_NAME
        if read_only:
            if not path.is_file():
                raise StateError(f"{directory} has no crawl state ({STATE_NAME})")
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, isolation_level=None, timeout=30)
        try:
            if not read_only:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
            _check_schema(connection, path, create=not read_only)
        except sqlite3.DatabaseError as error:
            connection.close()
            raise StateError(f"{path}: not a usable presswarc crawl state ({error})") from error
        except BaseException:
            connection.close()
            raise
        connection.row_factory = sqlite3.Row
        return cls(path, connection)

    def close(self) -> None:
        """Close the connection; the WAL is checkpointed into the main file."""
        self._db.close()

    def __enter__(self) -> CrawlState:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    # -- per-URL history --------------------------------------------------

    def record_capture(
        self,
        url: str,
        status: int,
        etag: str | None,
        last_modified: str | None,
        payload_digest: str | None,
        location: RecordLocation,
        warc_date: str,
        full: bool,
        fetched_at: datetime | None = None,
        target_uri: str | None = None,
        complete: bool = True,
    ) -> None:
        """Remember one archived fetch of `url`, in one committed statement.

        `full=True`: `location` is a response record. If its status is 2xx
        and it is `complete` (a whole body, from a GET) it becomes the copy
        later revisits refer to, with its validators and digest; otherwise
        (a 404, a truncated body) it is remembered as the last fetch only, so
        the last good copy stays the reference. `full=False`: `location` is
        a revisit of the reference copy, which stays as it is; validators the
        answer carried replace the stored ones (a 304 may send a new ETag).
        """
        values = {
            "url": url,
            "fetched_at": utc_text(fetched_at or datetime.now(UTC)),
            "status": status,
            "record_filename": location.filename,
            "record_offset": location.offset,
            "record_length": location.length,
            "record_id": location.record_id,
            "etag": etag,
            "last_modified": last_modified,
        }
        if not full:
            updated = self._db.execute(
                """UPDATE urls SET fetched_at=:fetched_at, status=:status,
                    record_filename=:record_filename, record_offset=:record_offset,
                    record_length=:record_length, record_id=:record_id, confirmed_at=:fetched_at,
                    etag=COALESCE(:etag, etag), last_modified=COALESCE(:last_modified, last_modified)
                WHERE url=:url AND full_record_id IS NOT NULL""",
                values,
            )
            if updated.rowcount == 0:
                raise StateError(f"revisit of {url} recorded, but the state holds no full copy of it")
            return
        columns = [*LAST_FETCH]
        if 200 <= status < 300 and complete:
            values |= {
                "confirmed_at": values["fetched_at"],
                "payload_digest": payload_digest,
                "full_status": status,
                "full_filename": location.filename,
                "full_offset": location.offset,
                "full_length": location.length,
                "full_record_id": location.record_id,
                "full_warc_date": warc_date,
                "full_target_uri": target_uri or url,
            }
            columns = list(values)
        updates = ", ".join(f"{name}=excluded.{name}" for name in columns if name != "url")
        self._db.execute(
            f"""INSERT INTO urls ({", ".join(columns)}) VALUES ({", ".join(":" + c for c in columns)})
            ON CONFLICT(url) DO UPDATE SET {updates}""",
            values,
        )

    def last(self, url: str) -> UrlState | None:
        """What the last crawls saw of `url`, or None if it was never archived."""
        row = self._db.execute("SELECT * FROM urls WHERE url=?", (url,)).fetchone()
        if row is None:
            return None
        full = None
        if row["full_record_id"] is not None:
            full = FullCopy(
                filename=row["full_filename"],
                offset=row["full_offset"],
                length=row["full_length"],
                record_id=row["full_record_id"],
                warc_date=row["full_warc_date"],
                target_uri=row["full_target_uri"],
                status=row["full_status"],
                payload_digest=row["payload_digest"] or "",
            )
        record = RecordLocation(
            row["record_filename"], row["record_offset"], row["record_length"], row["record_id"]
        )
        return UrlState(
            url=row["url"],
            fetched_at=parse_utc(row["fetched_at"]),
            status=row["status"],
            confirmed_at=parse_utc(row["confirmed_at"]) if row["confirmed_at"] else None,
            etag=row["etag"],
            last_modified=row["last_modified"],
            full=full,
            record=record,
        )

    def fresh_enough(self, url: str, min_age: timedelta, now: datetime | None = None) -> bool:
        """True if `url` has a full copy confirmed current less than `min_age` ago: skip fetching it.

        Only a fetch that showed the copy is current counts (a full 2xx, a
        304, an identical payload); a failed or error fetch does not.
        """
        row = self._db.execute("SELECT confirmed_at FROM urls WHERE url=?", (url,)).fetchone()
        if row is None or row[0] is None:
            return False
        return (now or datetime.now(UTC)) - parse_utc(row[0]) < min_age

    def is_due(
        self, url: str, min_age: timedelta, lastmod: datetime | None = None, now: datetime | None = None
    ) -> bool:
        """Whether to fetch `url` now: never archived, changed since (a sitemap's or feed's
        lastmod newer than the copy), or not confirmed for `min_age`."""
        row = self._db.execute("SELECT confirmed_at FROM urls WHERE url=?", (url,)).fetchone()
        if row is None or row[0] is None:
            return True
        confirmed = parse_utc(row[0])
        if lastmod is not None and lastmod.astimezone(UTC) > confirmed:
            return True
        return (now or datetime.now(UTC)) - confirmed >= min_age

    def url_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM urls").fetchone()[0])

    # -- frontier -----------------------------------------------------------

    def add_pending(
        self, url: str, role: str, depth: int, priority: int = 0, meta: Mapping[str, Any] | None = None
    ) -> bool:
        """Put `url` in the frontier (when it is scheduled); False if it was there already."""
        added = utc_text(datetime.now(UTC))
        cursor = self._db.execute(
            "INSERT INTO pending VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO NOTHING",
            (url, role, depth, priority, json.dumps(dict(meta or {})), added),
        )
        return cursor.rowcount == 1

    def done(self, url: str) -> None:
        """`url` reached a final outcome (archived, refused, failed for good): out of the frontier."""
        self._db.execute("DELETE FROM pending WHERE url=?", (url,))

    def is_pending(self, url: str) -> bool:
        return self._db.execute("SELECT 1 FROM pending WHERE url=?", (url,)).fetchone() is not None

    def pending(self) -> Iterator[Pending]:
        """The frontier, highest priority first, then in the order scheduled.

        Rows are read up front, so the caller may add or remove while iterating.
        """
        rows = self._db.execute(
            "SELECT url, role, depth, priority, meta, added_at FROM pending ORDER BY priority DESC, rowid"
        ).fetchall()
        for url, role, depth, priority, meta, added_at in rows:
            yield Pending(url, role, depth, priority, json.loads(meta), parse_utc(added_at))

    def pending_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM pending").fetchone()[0])


def has_state(directory: Path) -> bool:
    """Whether a crawl already left state in `directory` (incremental by default then)."""
    return (Path(directory) / STATE_NAME).is_file()


def _check_schema(connection: sqlite3.Connection, path: Path, create: bool) -> None:
    """Check that the file's schema is one this code reads; create it in a new file."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "schema" in tables:
        row = connection.execute("SELECT version FROM schema").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StateError(
                f"{path} was written by a newer presswarc (state schema {version}, "
                f"this one reads {SCHEMA_VERSION}): upgrade presswarc"
            )
        if version == SCHEMA_VERSION:
            return
    elif tables:
        raise StateError(f"{path} is an SQLite file but not a presswarc crawl state")
    if not create:
        raise StateError(f"{path} is not a complete presswarc crawl state")
    connection.executescript(
        f"BEGIN IMMEDIATE; {_SCHEMA}; DELETE FROM schema; "
        f"INSERT INTO schema VALUES ({SCHEMA_VERSION}); COMMIT;"
    )
