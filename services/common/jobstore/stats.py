"""The stats hash: counters and histogram buckets for /metrics, and the workers' heartbeats.

Job and stage figures are written atomically with the transition they count (on its MULTI
pipeline or among its guarded writes), so a histogram's count always equals the number of jobs
(or stage runs) that ended that way.
"""
from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import datetime

import redis
from redis.client import Pipeline

from services.common import metrics
from services.common.jobs import StageRun, utcnow
from services.common.jobstore import keys
from services.common.jobstore.revisions import Writes

# Where a figure is queued: a transaction's pipeline, or a transition's guarded writes.
Batch = Pipeline | Writes


def job_submitted(pipe: Batch) -> None:
    pipe.hincrby(keys.STATS_KEY, "jobs_submitted", 1)
    pipe.hincrby(keys.STATS_KEY, metrics.field(metrics.IN_FLIGHT, "queued"), 1)


def job_status_changed(pipe: Batch, before: str, after: str) -> None:
    """Keep the in-flight gauge: a job left ``before`` for ``after``."""
    if before == after:
        return
    if before in metrics.IN_FLIGHT_STATUSES:
        pipe.hincrby(keys.STATS_KEY, metrics.field(metrics.IN_FLIGHT, before), -1)
    if after in metrics.IN_FLIGHT_STATUSES:
        pipe.hincrby(keys.STATS_KEY, metrics.field(metrics.IN_FLIGHT, after), 1)


def job_ended(pipe: Batch, before: str, outcome: str, created_at: str) -> None:
    """Count a job that ended (succeeded, failed, cancelled) and its time since the POST."""
    pipe.hincrby(keys.STATS_KEY, f"jobs_{outcome}", 1)
    job_status_changed(pipe, before, outcome)
    seconds = (utcnow() - datetime.fromisoformat(created_at)).total_seconds()
    _observe(pipe, metrics.JOB_SECONDS, (outcome,), max(0.0, seconds))


def stage_ended(pipe: Batch, run: StageRun) -> None:
    """Count a stage run that ended, by outcome, and its duration."""
    seconds = (run.duration_ms or 0) / 1000
    _observe(pipe, metrics.STAGE_SECONDS, (run.name, run.status.value), seconds)


def _observe(pipe: Batch, spec: metrics.HistogramSpec, labels: tuple[str, ...],
             seconds: float) -> None:
    bucket, total = spec.fields(labels, seconds)
    pipe.hincrby(keys.STATS_KEY, bucket, 1)
    pipe.hincrby(keys.STATS_KEY, total, round(seconds * 1000))


def add(client: redis.Redis, counts: Mapping[str, int]) -> None:
    """Add counts gathered elsewhere (an API process's requests, a webhook's outcome)."""
    if not counts:
        return
    with client.pipeline(transaction=False) as pipe:
        for name, count in counts.items():
            pipe.hincrby(keys.STATS_KEY, name, count)
        pipe.execute()


# -- workers' heartbeats -------------------------------------------------------------------

def heartbeat(client: redis.Redis, worker: str) -> None:
    """Say that ``worker`` is alive now."""
    client.zadd(keys.WORKERS_KEY, {worker: time.time()})


def worker_gone(client: redis.Redis, worker: str) -> None:
    client.zrem(keys.WORKERS_KEY, worker)


def workers_alive(client: redis.Redis) -> int:
    """Workers whose heartbeat is recent; the stale ones (killed workers) are dropped."""
    stale = time.time() - metrics.WORKER_STALE_SECONDS
    with client.pipeline(transaction=False) as pipe:
        pipe.zremrangebyscore(keys.WORKERS_KEY, "-inf", stale)
        pipe.zcard(keys.WORKERS_KEY)
        return int(pipe.execute()[1])
