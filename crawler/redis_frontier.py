"""A crawl frontier shared by many workers in Redis, with leases.

`presswarc crawl --redis URL --job NAME` makes this process one worker of
the job NAME. The queue, the duplicate filter and the requests being worked
on live in Redis under `presswarc:NAME:*`:

- `queue`   sorted set of request ids by (priority, arrival);
- `requests` hash id → the request as JSON (bytes tagged, never pickled, so a
  shared Redis cannot make a worker run code);
- `seen:G`  set of request fingerprints: a URL is queued once per run G;
- `run`     hash: `generation` (G, the job's run number) and `state`
  (`running` or `finished`). The first worker to open a job that is not
  running starts run G+1 with an empty `seen:G+1`, so a finished job's next
  run re-fetches what is due; workers opening a running job (or one whose
  workers were all killed) join it and go on with its queue;
- `leases`  sorted set id → expiry (Redis server time). Taking a request
  leases it; the lease ends when the response has passed the WARC recorder
  or the request has finally failed. A worker killed with SIGKILL never
  ends its leases, so after `PRESSWARC_REDIS_LEASE` seconds any worker moves
  them back to the queue and another worker archives them.

Workers finish when the queue and the leases have been empty for
`PRESSWARC_REDIS_IDLE` seconds. Taking and expiring are Lua scripts, so two
workers never take one request.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import socket
import time
from http import HTTPStatus
from typing import Any, Self

import redis
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.http import Response
from scrapy.settings import Settings
from scrapy.utils.request import request_from_dict

from crawler.percrawler import one_per_crawler

logger = logging.getLogger(__name__)

LEASE_META = "presswarc_lease"
FRONT = -(2**50)

BEGIN_RUN = """
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then
  redis.call('HINCRBY', KEYS[1], 'generation', 1)
  redis.call('HSET', KEYS[1], 'state', 'running')
end
return tonumber(redis.call('HGET', KEYS[1], 'generation'))
"""

# The run is finished only when no work is queued or leased anywhere.
FINISH_RUN = """
if redis.call('ZCARD', KEYS[2]) == 0 and redis.call('ZCARD', KEYS[3]) == 0 then
  redis.call('HSET', KEYS[1], 'state', 'finished')
  redis.call('DEL', KEYS[4])
  return 1
end
return 0
"""

# Marking a URL seen and queueing it is one step: a worker killed between the two
# would otherwise leave a URL every worker thinks is queued and none will fetch.
ADD = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
local id = 'r' .. redis.call('INCR', KEYS[2])
redis.call('HSET', KEYS[3], id, ARGV[2])
redis.call('ZADD', KEYS[4], -tonumber(ARGV[3]) * 1099511627776 + tonumber(string.sub(id, 2)), id)
return 1
"""

TAKE = """
while true do
  local popped = redis.call('ZPOPMIN', KEYS[1])
  if #popped == 0 then return false end
  local id = popped[1]
  local payload = redis.call('HGET', KEYS[3], id)
  if payload then
    local now = redis.call('TIME')
    redis.call('ZADD', KEYS[2], tonumber(now[1]) + tonumber(ARGV[1]), id)
    return {id, payload}
  end
end
"""

RENEW = """
local now = redis.call('TIME')
local expiry = tonumber(now[1]) + tonumber(ARGV[1])
for index = 2, #ARGV do
  if redis.call('ZSCORE', KEYS[1], ARGV[index]) then
    redis.call('ZADD', KEYS[1], expiry, ARGV[index])
  end
end
return #ARGV - 1
"""

EXPIRE = """
local now = redis.call('TIME')
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', tonumber(now[1]))
for _, id in ipairs(expired) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', KEYS[2], ARGV[1], id)
end
return #expired
"""


def _text_key(key: Any) -> str:
    return key.decode("latin-1") if isinstance(key, bytes) else str(key)


def _encode(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"__bytes__": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        return {_text_key(k): _encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, set | frozenset):
        return {"__set__": sorted(_encode(v) for v in value)}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot share a request holding {type(value).__name__} in Redis")


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"__bytes__"}:
            return base64.b64decode(value["__bytes__"])
        if set(value) == {"__set__"}:
            return frozenset(_decode(v) for v in value["__set__"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def dumps_request(request: Request, spider: Spider) -> str:
    """A request as JSON that any worker can rebuild (callbacks by name)."""
    data = request.to_dict(spider=spider)
    meta = {}
    for key, value in data.get("meta", {}).items():
        try:
            meta[key] = _encode(value)
        except TypeError:
            # Per-attempt bookkeeping a retry or redirect copied along (the recorder's
            # start time, the record location): the next attempt makes its own.
            logger.debug("presswarc: meta %r not shared through Redis", key)
    meta.pop(LEASE_META, None)
    data["meta"] = meta
    return json.dumps(_encode(data), separators=(",", ":"))


def loads_request(text: str, spider: Spider) -> Request:
    return request_from_dict(_decode(json.loads(text)), spider=spider)


def worker_name() -> str:
    """`host-pid`, as WARC file names of several writers need (IIPC naming)."""
    return f"{socket.gethostname()}-{os.getpid()}"


def make_worker(settings: Settings, url: str, job: str) -> None:
    """Turn a crawl's settings into those of one worker of a Redis job (`--redis URL --job NAME`)."""
    settings.set("PRESSWARC_REDIS_URL", url, priority="cmdline")
    settings.set("PRESSWARC_REDIS_JOB", job, priority="cmdline")
    settings.set("SCHEDULER", "crawler.redis_frontier.RedisScheduler", priority="cmdline")
    # Merged by name: Scrapy's set_in_component_priority_dict would import every
    # middleware now, and one of them installing a reactor this early breaks the crawl.
    middlewares = settings.getdict("DOWNLOADER_MIDDLEWARES")
    middlewares["crawler.redis_frontier.LeaseReleaseMiddleware"] = 945
    settings.set("DOWNLOADER_MIDDLEWARES", middlewares, priority="cmdline")
    # WARC names carry the process id: workers on one host never pick the same name.
    prefix = settings.get("ARCHIVE_WARC_PREFIX", "presswarc")
    settings.set("ARCHIVE_WARC_PREFIX", f"{prefix}-{job}-p{os.getpid()}", priority="cmdline")


class RedisFrontier:
    """The job's keys and the atomic operations on them."""

    def __init__(self, client: redis.Redis, job: str, lease_seconds: int) -> None:
        self.client = client
        self.prefix = f"presswarc:{job}"
        self.lease_seconds = lease_seconds
        self._take = client.register_script(TAKE)
        self._expire = client.register_script(EXPIRE)
        self._renew = client.register_script(RENEW)
        self._add = client.register_script(ADD)
        self._begin_run = client.register_script(BEGIN_RUN)
        self._finish_run = client.register_script(FINISH_RUN)
        self.generation = 0
        """The job's run this worker works on (set by `begin_run`)."""
        self.in_flight: set[str] = set()
        """Ids this worker holds leases on; renewed while it lives."""

    @classmethod
    def of(cls, crawler: Crawler) -> RedisFrontier:
        """The crawler's one frontier, shared by the scheduler and the lease middleware."""
        settings = crawler.settings
        url = settings.get("PRESSWARC_REDIS_URL")
        job = settings.get("PRESSWARC_REDIS_JOB")
        if not url or not job:
            raise NotConfigured("PRESSWARC_REDIS_URL and PRESSWARC_REDIS_JOB are both needed")
        lease = settings.getint("PRESSWARC_REDIS_LEASE", 300)
        return one_per_crawler(crawler, "frontier", lambda: cls(redis.Redis.from_url(url), job, lease))

    def key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def begin_run(self) -> int:
        """Join the job's running run, or start the next one if the last finished."""
        self.generation = int(self._begin_run(keys=[self.key("run")]))
        return self.generation

    def finish_run(self) -> bool:
        """Mark the run finished if nothing is queued or leased (its `seen` set goes)."""
        keys = [self.key("run"), self.key("queue"), self.key("leases"), self.key(f"seen:{self.generation}")]
        return bool(self._finish_run(keys=keys))

    def add(self, fingerprint: str | None, payload: str, priority: int) -> bool:
        """Queue a request unless its fingerprint was queued before in this run (None: always)."""
        seen = self.key(f"seen:{self.generation}")
        keys = [seen, self.key("serial"), self.key("requests"), self.key("queue")]
        return bool(self._add(keys=keys, args=[fingerprint or "", payload, priority]))

    def take(self) -> tuple[str, str] | None:
        """Lease the next request: (id, payload), or None when the queue is empty."""
        found = self._take(
            keys=[self.key("queue"), self.key("leases"), self.key("requests")], args=[self.lease_seconds]
        )
        if not found:
            return None
        request_id, payload = found[0].decode(), found[1].decode()
        self.in_flight.add(request_id)
        return request_id, payload

    def done(self, request_id: str) -> None:
        """End a lease: the request reached the archive or its final failure."""
        self.in_flight.discard(request_id)
        pipe = self.client.pipeline()
        pipe.zrem(self.key("leases"), request_id)
        pipe.hdel(self.key("requests"), request_id)
        pipe.execute()

    def renew_leases(self) -> None:
        """Extend the leases this worker holds: only a dead worker's leases run out."""
        if self.in_flight:
            self._renew(keys=[self.key("leases")], args=[self.lease_seconds, *sorted(self.in_flight)])

    def expire_leases(self) -> int:
        """Put requests whose lease ran out (their worker died) back at the front of the queue."""
        return int(self._expire(keys=[self.key("leases"), self.key("queue")], args=[FRONT]))

    def queued(self) -> int:
        return int(self.client.zcard(self.key("queue")))

    def leased(self) -> int:
        return int(self.client.zcard(self.key("leases")))


class RedisScheduler:
    """Scrapy scheduler whose queue and duplicate filter are the job's Redis frontier."""

    def __init__(self, crawler: Crawler, frontier: RedisFrontier, idle_seconds: float) -> None:
        self.crawler = crawler
        self.frontier = frontier
        self.idle_seconds = idle_seconds
        self.spider: Spider | None = None
        self._idle_since: float | None = None
        self._reaper: Any = None  # twisted LoopingCall, imported late: importing it installs a reactor
        crawler.signals.connect(self._on_idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        idle = crawler.settings.getfloat("PRESSWARC_REDIS_IDLE", 30.0)
        return cls(crawler, RedisFrontier.of(crawler), idle)

    def open(self, spider: Spider) -> None:
        self.spider = spider
        from twisted.internet import task

        self.frontier.client.ping()  # fail at once, clearly, if Redis is not there
        self.frontier.begin_run()
        self._reaper = task.LoopingCall(self._reap)
        self._reaper.start(max(1.0, self.frontier.lease_seconds / 4), now=True)
        logger.info("presswarc: worker %s of Redis job %s", worker_name(), self.frontier.prefix)

    def close(self, reason: str) -> None:
        if self._reaper is not None and self._reaper.running:
            self._reaper.stop()
        if reason == "finished" and self.frontier.finish_run():
            logger.info("presswarc: run %d of %s finished", self.frontier.generation, self.frontier.prefix)

    def _reap(self) -> None:
        self.frontier.renew_leases()
        returned = self.frontier.expire_leases()
        if returned:
            logger.warning("presswarc: %d leased request(s) of a lost worker returned to the queue", returned)

    def has_pending_requests(self) -> bool:
        return self.frontier.queued() > 0

    def enqueue_request(self, request: Request) -> bool:
        assert self.spider is not None
        fingerprint = None
        if not request.dont_filter:
            assert self.crawler.request_fingerprinter is not None
            fingerprint = self.crawler.request_fingerprinter.fingerprint(request).hex()
        added = self.frontier.add(fingerprint, dumps_request(request, self.spider), request.priority)
        if added and self.crawler.stats is not None:
            self.crawler.stats.inc_value("scheduler/enqueued/redis")
        return added

    def next_request(self) -> Request | None:
        assert self.spider is not None
        taken = self.frontier.take()
        if taken is None:
            return None
        request_id, payload = taken
        request = loads_request(payload, self.spider)
        request.meta[LEASE_META] = request_id
        self._idle_since = None
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("scheduler/dequeued/redis")
        return request

    def _on_idle(self) -> None:
        """Stay open while the job has work anywhere; close after the idle time."""
        if self.frontier.queued() or self.frontier.leased():
            self._idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self._idle_since is None:
            self._idle_since = now
        if now - self._idle_since < self.idle_seconds:
            raise DontCloseSpider


def release_lease(crawler: Crawler, request: Request) -> None:
    """End `request`'s lease, if this crawl is a Redis worker and the request holds one."""
    lease = request.meta.pop(LEASE_META, None)
    if lease is not None and crawler.settings.get("PRESSWARC_REDIS_URL"):
        RedisFrontier.of(crawler).done(lease)


class LeaseReleaseMiddleware:
    """Downloader middleware just outside the recorder: end leases that no callback will end.

    At priority 945 it runs after the recorder (950) has written the
    exchange. A 2xx or 304 response keeps its lease until the spider has read it
    and handed its links to the shared queue (the spider ends it); a
    redirect, an error answer (retried as a new request with a lease of its
    own, or failed in the errback) or a failed attempt ends it here.
    """

    def __init__(self, frontier: RedisFrontier) -> None:
        self.frontier = frontier

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(RedisFrontier.of(crawler))

    def _release(self, request: Request) -> None:
        lease = request.meta.pop(LEASE_META, None)
        if lease is not None:
            self.frontier.done(lease)

    def process_response(self, request: Request, response: Response) -> Response:
        # A 304 to a conditional re-fetch reaches the spider as the archived copy
        # (crawler.conditional, further in): its links are still to be queued.
        if not (200 <= response.status < 300 or response.status == HTTPStatus.NOT_MODIFIED):
            self._release(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._release(request)
