"""The crawl state of a Redis job, shared by all its workers (`--redis URL --job NAME`).

The same interface as `archive.state.CrawlState` (what `CrawlStateLink`,
the recorder, the conditional middleware and the spider use), kept in Redis
so a page first fetched by one worker can be revisited by another on the
job's next run. Keys, under `presswarc:NAME:`:

- `url:<URL>`  hash: the last fetch (`fetched_at`, `status`, `record_*`,
  `etag`, `last_modified`) and, once a complete 2xx was archived, the full
  copy revisits refer to (`full_*`, `payload_digest`, `confirmed_at`);
- `urls`       set of the URLs that have a `url:` hash (counts the state).

Every update is one Redis command or one Lua script, so concurrent workers
never leave half a row. The pending frontier is the job's Redis queue
(crawler/redis_frontier.py), so the pending methods here are no-ops.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import redis

from archive.model import RecordLocation
from archive.state import FullCopy, Pending, StateError, UrlState, parse_utc, utc_text

# A revisit updates the last fetch only if a full copy exists (as the SQLite UPDATE ... WHERE).
REVISIT = """
if redis.call('HEXISTS', KEYS[1], 'full_record_id') == 0 then return 0 end
for i = 1, #ARGV, 2 do
  if ARGV[i + 1] ~= '' or (ARGV[i] ~= 'etag' and ARGV[i] ~= 'last_modified') then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
return 1
"""


def _text(value: bytes | None) -> str | None:
    return value.decode() if value is not None else None


class RedisCrawlState:
    """Per-URL history of one Redis job; `path` names it in log messages."""

    def __init__(self, client: redis.Redis, job: str) -> None:
        self.client = client
        self.prefix = f"presswarc:{job}"
        self.path = f"{self.prefix}:url:* (Redis)"
        self._revisit = client.register_script(REVISIT)

    @classmethod
    def open(cls, url: str, job: str) -> RedisCrawlState:
        return cls(redis.Redis.from_url(url), job)

    def _key(self, url: str) -> str:
        return f"{self.prefix}:url:{url}"

    def close(self) -> None:
        self.client.close()

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
        """Remember one archived fetch of `url` atomically (see `CrawlState.record_capture`)."""
        fetched = utc_text(fetched_at or datetime.now(UTC))
        values: dict[str, str] = {
            "fetched_at": fetched,
            "status": str(status),
            "record_filename": location.filename,
            "record_offset": str(location.offset),
            "record_length": str(location.length),
            "record_id": location.record_id,
        }
        if not full:
            values |= {"confirmed_at": fetched, "etag": etag or "", "last_modified": last_modified or ""}
            args = [part for pair in values.items() for part in pair]
            if not self._revisit(keys=[self._key(url)], args=args):
                raise StateError(f"revisit of {url} recorded, but the state holds no full copy of it")
            return
        if 200 <= status < 300 and complete:
            values |= {
                "etag": etag or "",
                "last_modified": last_modified or "",
                "confirmed_at": fetched,
                "payload_digest": payload_digest or "",
                "full_status": str(status),
                "full_filename": location.filename,
                "full_offset": str(location.offset),
                "full_length": str(location.length),
                "full_record_id": location.record_id,
                "full_warc_date": warc_date,
                "full_target_uri": target_uri or url,
            }
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(self._key(url), mapping=values)  # type: ignore[arg-type]
        pipe.sadd(f"{self.prefix}:urls", url)
        pipe.execute()

    def _row(self, url: str) -> dict[str, str]:
        raw: dict[bytes, bytes] = self.client.hgetall(self._key(url))  # type: ignore[assignment]
        return {k.decode(): v.decode() for k, v in raw.items()}

    def last(self, url: str) -> UrlState | None:
        row = self._row(url)
        if not row:
            return None
        full = None
        if row.get("full_record_id"):
            full = FullCopy(
                filename=row["full_filename"],
                offset=int(row["full_offset"]),
                length=int(row["full_length"]),
                record_id=row["full_record_id"],
                warc_date=row["full_warc_date"],
                target_uri=row["full_target_uri"],
                status=int(row["full_status"]),
                payload_digest=row.get("payload_digest", ""),
            )
        record = RecordLocation(
            row["record_filename"], int(row["record_offset"]), int(row["record_length"]), row["record_id"]
        )
        confirmed = row.get("confirmed_at")
        return UrlState(
            url=url,
            fetched_at=parse_utc(row["fetched_at"]),
            status=int(row["status"]),
            confirmed_at=parse_utc(confirmed) if confirmed else None,
            etag=row.get("etag") or None,
            last_modified=row.get("last_modified") or None,
            full=full,
            record=record,
        )

    def _confirmed(self, url: str) -> datetime | None:
        text = _text(self.client.hget(self._key(url), "confirmed_at"))  # type: ignore[arg-type]
        return parse_utc(text) if text else None

    def fresh_enough(self, url: str, min_age: timedelta, now: datetime | None = None) -> bool:
        confirmed = self._confirmed(url)
        return confirmed is not None and (now or datetime.now(UTC)) - confirmed < min_age

    def is_due(
        self, url: str, min_age: timedelta, lastmod: datetime | None = None, now: datetime | None = None
    ) -> bool:
        confirmed = self._confirmed(url)
        if confirmed is None:
            return True
        if lastmod is not None and lastmod.astimezone(UTC) > confirmed:
            return True
        return (now or datetime.now(UTC)) - confirmed >= min_age

    def url_count(self) -> int:
        return int(self.client.scard(f"{self.prefix}:urls"))

    # The pending frontier is the job's Redis queue: nothing to keep here.
    def add_pending(self, url: str, role: str, depth: int, priority: int, meta: dict[str, Any]) -> None:
        return None

    def done(self, url: str) -> None:
        return None

    def is_pending(self, url: str) -> bool:
        return False

    def pending(self) -> Iterator[Pending]:
        return iter(())

    def pending_count(self) -> int:
        return 0


def has_redis_state(url: str, job: str) -> bool:
    """Whether an earlier run of `job` left per-URL state (its next run is incremental)."""
    client = redis.Redis.from_url(url)
    try:
        return int(client.scard(f"presswarc:{job}:urls")) > 0
    finally:
        client.close()
