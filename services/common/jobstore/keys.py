"""Every Redis key docpipe's job store uses, spelled in one place.

Layout (every key of a job expires at the job's ``expires_at``):
  docpipe:job:{id}                hash: meta (JSON), status, updated_at, error, webhook, stage:{name}
  docpipe:job:{id}:input          the raw document bytes
  docpipe:job:{id}:result:{stage} a stage's output (JSON)
  docpipe:owner:{owner}:jobs      sorted set of the owner's job ids by creation time
  docpipe:idem:{owner}:{key}      job id answered for an Idempotency-Key
  docpipe:events:{id}             pub/sub channel, one message per change (long-poll)
  docpipe:active                  sorted set of unfinished job ids by time of their last change
  docpipe:reconciler              lock: the one worker reconciling stalled jobs right now
  docpipe:stats                   counters and histogram buckets for /metrics
  docpipe:workers                 sorted set of worker names by their last heartbeat
"""
from __future__ import annotations

import hashlib

PREFIX = "docpipe"


def key(*parts: str) -> str:
    return ":".join((PREFIX, *parts))


def job_key(job_id: str) -> str:
    return key("job", job_id)


def input_key(job_id: str) -> str:
    return key("job", job_id, "input")


def result_key(job_id: str, stage: str) -> str:
    return key("job", job_id, "result", stage)


def owner_key(owner: str) -> str:
    return key("owner", owner, "jobs")


def idempotency_key(owner: str, client_key: str) -> str:
    # Hashed: a client's key may be long or contain anything.
    return key("idem", owner, hashlib.sha256(client_key.encode()).hexdigest()[:32])


def events_channel(job_id: str) -> str:
    return key("events", job_id)


STATS_KEY = key("stats")
ACTIVE_KEY = key("active")
RECONCILER_LOCK_KEY = key("reconciler")
WORKERS_KEY = key("workers")
