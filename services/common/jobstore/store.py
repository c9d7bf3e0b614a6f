"""JobStore: creating, reading, listing and waiting for jobs; transitions come from JobTransitions."""
from __future__ import annotations

import json
import time
from typing import Any, Sequence

import redis

from services.common.errors import IdempotencyConflict
from services.common.jobs import STAGES, Job, JobStatus, Stage
from services.common.jobstore import keys, records, stats
from services.common.jobstore.events import JobEvents
from services.common.jobstore.records import decode
from services.common.jobstore.revisions import Revisions, Writes
from services.common.jobstore.transitions import MAX_TRANSACTION_RETRIES, JobTransitions

# Jobs of one owner created in the same millisecond that one page can step over (a batch upload).
MAX_TIES = 100
# Statuses published by a job that has not ended (events), which wake no plain long-poll.
_UNFINISHED = frozenset(s.value.encode() for s in JobStatus if not s.finished)
# A job and the outputs of its finished stages as stored (JSON objects of result fields).
Reading = tuple[Job, list[bytes]]
# Redis commands as (method name, arguments), written with a new job (JobStore.create).
Commands = Sequence[tuple[str, tuple]]
# A position in an owner's job list: (creation time in ms, job id).
Cursor = tuple[float, str]


class JobStore(JobTransitions):
    """Job records, raw inputs and stage results in Redis, with atomic state transitions."""

    def __init__(self, client: redis.Redis, ttl_seconds: int):
        self.redis = client
        self.ttl_seconds = ttl_seconds
        self._revisions = Revisions(client)
        self.events = JobEvents(client)

    @classmethod
    def from_url(cls, url: str, ttl_seconds: int) -> "JobStore":
        client = redis.Redis.from_url(
            url, socket_timeout=10, socket_connect_timeout=3, health_check_interval=30
        )
        return cls(client, ttl_seconds)

    # -- creation and reads -------------------------------------------------------------

    def create(self, job: Job, data: bytes, idempotency_key: str | None = None,
               then: Commands = ()) -> tuple[Job, bool]:
        """Store a new job; with an Idempotency-Key already used, return that job instead.

        The key, the job and the commands ``then`` (those queueing its first stage) are written
        in one script, so whoever sees the key sees the job, and a job is never queued twice.
        """
        writes = Writes()
        marker_key = keys.idempotency_key(job.owner, idempotency_key) if idempotency_key else None
        if marker_key is not None:
            writes.set(marker_key, f"{job.id} {records.request_digest(job)}",
                       exat=int(records.epoch(job.expires_at)))
        self._queue_insert(writes, job, data, then)
        seen = b""
        for _ in range(MAX_TRANSACTION_RETRIES):
            marker = self._revisions.create(marker_key, seen, writes)
            if marker is None:
                return job, True
            earlier = self._idempotent_match(marker, job)
            if earlier is not None:
                return earlier, False
            seen = marker  # the key names a job since gone: this one takes the key, unless it moves again
        raise redis.WatchError(f"Idempotency-Key {idempotency_key!r} kept changing")

    def _idempotent_match(self, marker: bytes, job: Job) -> Job | None:
        if not marker:
            return None
        job_id, digest = marker.decode().split(" ", 1)
        if digest != records.request_digest(job):
            raise IdempotencyConflict("this Idempotency-Key was already used for another request "
                                      "(another document, type, title, options or callback)")
        return self.get(job_id, job.owner)  # None when that job has since expired or been deleted

    @staticmethod
    def _queue_insert(pipe: Writes, job: Job, data: bytes, then: Commands) -> None:
        expires = int(records.epoch(job.expires_at))
        index = keys.owner_key(job.owner)
        pipe.hset(keys.job_key(job.id), mapping=records.job_fields(job))
        pipe.expireat(keys.job_key(job.id), expires)
        pipe.set(keys.input_key(job.id), data, exat=expires)
        pipe.zadd(index, {job.id: records.epoch(job.created_at) * 1000})
        pipe.expireat(index, expires, gt=True)
        pipe.expireat(index, expires, nx=True)
        stats.job_submitted(pipe)
        pipe.zadd(keys.ACTIVE_KEY, {job.id: records.epoch(job.created_at)})
        for name, args in then:
            getattr(pipe, name)(*args)

    def get(self, job_id: str, owner: str | None = None, *, results: bool = True) -> Job | None:
        """The job as the API shows it, or None when unknown, expired or not the owner's."""
        if results:
            reading = self.read(job_id, owner)
            if reading is None:
                return None
            job, outputs = reading
            for output in outputs:
                job.result.update(json.loads(output))
            return job
        return _owned(decode(self.redis.hgetall(keys.job_key(job_id))), owner)

    def read(self, job_id: str, owner: str | None = None) -> Reading | None:
        """The job and the outputs of its finished stages as stored (each a JSON object of
        Job.result fields, in stage order), read together in one round trip; None when unknown,
        expired or not the owner's.

        The API sends the outputs on as they are: decoding and re-encoding megabytes of results
        cost more than the rest of a read.
        """
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.hgetall(keys.job_key(job_id))
            pipe.mget([keys.result_key(job_id, stage) for stage in STAGES])
            fields, outputs = pipe.execute()
        job = _owned(decode(fields), owner)
        return None if job is None else (job, [output for output in outputs if output is not None])

    def exists(self, job_id: str) -> bool:
        return bool(self.redis.exists(keys.job_key(job_id)))

    def get_input(self, job_id: str) -> bytes | None:
        return self.redis.get(keys.input_key(job_id))

    def get_result(self, job_id: str, stage: Stage) -> Any:
        raw = self.redis.get(keys.result_key(job_id, stage))
        return None if raw is None else json.loads(raw)

    def list(self, owner: str, limit: int, after: Cursor | None = None) -> tuple[list[Job], Cursor | None]:
        """The owner's jobs, newest first, from after the cursor on; and the next page's cursor."""
        index = keys.owner_key(owner)
        self.redis.zremrangebyscore(index, "-inf", (time.time() - self.ttl_seconds) * 1000)
        top = after[0] if after else "+inf"
        rows = self.redis.zrevrangebyscore(index, top, "-inf", start=0, num=limit + MAX_TIES,
                                           withscores=True)
        if after:  # jobs created in the same millisecond are ordered by id, descending
            rows = [(m, s) for m, s in rows if s < after[0] or m.decode() < after[1]]
        rows = rows[:limit]
        with self.redis.pipeline(transaction=False) as pipe:
            for job_id, _ in rows:
                pipe.hgetall(keys.job_key(job_id.decode()))
            hashes = pipe.execute()
        jobs, gone = [], []
        for (job_id, _), fields in zip(rows, hashes):
            fields = decode(fields)
            if "meta" in fields:
                jobs.append(records.job_from_fields(fields))
            else:
                gone.append(job_id)
        if gone:
            self.redis.zrem(index, *gone)
        cursor = (rows[-1][1], rows[-1][0].decode()) if len(rows) == limit else None
        return jobs, cursor

    # -- stalled jobs (the reconciler's view) ----------------------------------------------

    def stalled(self, before: float, limit: int = 1000) -> list[str]:
        """Unfinished jobs whose last change is older than ``before`` (a Unix time), oldest first."""
        ids = self.redis.zrangebyscore(keys.ACTIVE_KEY, "-inf", before, start=0, num=limit)
        return [job_id.decode() for job_id in ids]

    def touch(self, *job_ids: str) -> None:
        """Count now as the jobs' last sign of life (their message was seen, or just queued)."""
        if job_ids:
            self.redis.zadd(keys.ACTIVE_KEY, dict.fromkeys(job_ids, time.time()), xx=True)

    def forget(self, job_id: str) -> None:
        """Drop a job that ended or expired from the unfinished ones."""
        self.redis.zrem(keys.ACTIVE_KEY, job_id)

    def take_reconciler_lock(self, owner: str, seconds: int) -> bool:
        """Be the one reconciler for ``seconds`` (the lock expires by itself); False when taken."""
        return bool(self.redis.set(keys.RECONCILER_LOCK_KEY, owner, nx=True, ex=seconds))

    # -- waiting and health --------------------------------------------------------------

    def wait(self, job_id: str, owner: str | None, timeout: float,
             since: str | None = None) -> Reading | None:
        """The job (as ``read`` gives it) once it has finished — or, given ``since`` (an
        ``updated_at`` the caller has seen), once it has changed — or when ``timeout`` seconds
        have passed.

        Each change to a job publishes its new status: the job is read again only when that
        status ends the wait (with ``since``, on any change), or every few seconds in case an
        event was lost.
        """
        deadline = time.monotonic() + timeout

        def waiting(reading: Reading | None) -> bool:
            job = reading[0] if reading else None
            return job is not None and not job.finished and (since is None or job.updated_at == since)

        if timeout <= 0:
            return self.read(job_id, owner)
        # Watching before the first read, so no change after it is missed; a status that does
        # not end the wait (a stage started, another finished) wakes only a wait for any change.
        waiter = self.events.watch(job_id, ignore=_UNFINISHED if since is None else frozenset())
        try:
            # Each event left is worth reading the job for; None once the time is up.
            while waiting(reading := self.read(job_id, owner)):
                if waiter.next_events(deadline) is None:
                    break
        finally:
            self.events.unwatch(job_id, waiter)
        return reading

    def ping(self) -> bool:
        return bool(self.redis.ping())

    def stats(self) -> dict[str, int]:
        return {k: int(v) for k, v in decode(self.redis.hgetall(keys.STATS_KEY)).items()}


def _owned(fields: dict[str, str], owner: str | None) -> Job | None:
    """The job these hash fields hold, if there is one and it is ``owner``'s (any, for None)."""
    if "meta" not in fields:
        return None
    job = records.job_from_fields(fields)
    return job if owner is None or job.owner == owner else None
