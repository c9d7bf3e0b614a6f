"""The stats hash against a real Redis: each transition counts itself, in the same transaction."""
import time

import pytest

from services.common import metrics
from services.common.jobs import STAGES, Stage
from services.common.jobstore import JobStore, stats
from tests.jobs import make_job


@pytest.fixture
def store(redis_url) -> JobStore:
    return JobStore.from_url(redis_url, ttl_seconds=3600)


def in_flight(store):
    figures = store.stats()
    return {s: figures.get(metrics.field(metrics.IN_FLIGHT, s), 0) for s in metrics.IN_FLIGHT_STATUSES}


def histogram_count(store, spec, *labels):
    prefix = metrics.field(spec.prefix, *labels) + metrics.SEPARATOR
    return sum(v for k, v in store.stats().items() if k.startswith(prefix) and not k.endswith("sum_ms"))


def test_a_job_moves_through_the_in_flight_gauge_and_lands_in_the_latency_histogram(store):
    job, _ = store.create(make_job(), b"hello")
    assert in_flight(store) == {"queued": 1, "running": 0}
    for stage in STAGES:
        started = store.start_stage(job.id, stage)
        assert in_flight(store) == {"queued": 0, "running": 1}
        store.finish_stage(started, stage, {})
    assert in_flight(store) == {"queued": 0, "running": 0}
    assert histogram_count(store, metrics.JOB_SECONDS, "succeeded") == 1
    for stage in STAGES:
        assert histogram_count(store, metrics.STAGE_SECONDS, stage, "succeeded") == 1
    assert store.stats()["jobs_succeeded"] == 1


def test_a_redelivered_stage_does_not_count_the_job_twice(store):
    job, _ = store.create(make_job(), b"hello")
    store.start_stage(job.id, Stage.CLEANING)
    store.start_stage(job.id, Stage.CLEANING)  # the same message again, after a worker died
    assert in_flight(store) == {"queued": 0, "running": 1}


def test_failed_and_cancelled_jobs_leave_the_gauge_with_their_outcome(store):
    failing, _ = store.create(make_job(), b"x")
    store.start_stage(failing.id, Stage.CLEANING)
    store.fail_stage(failing.id, Stage.CLEANING, {"type": "ValueError", "detail": "bad"})
    waiting, _ = store.create(make_job(), b"y")
    store.cancel(waiting.id)
    assert in_flight(store) == {"queued": 0, "running": 0}
    assert histogram_count(store, metrics.JOB_SECONDS, "failed") == 1
    assert histogram_count(store, metrics.JOB_SECONDS, "cancelled") == 1
    assert histogram_count(store, metrics.STAGE_SECONDS, "cleaning", "failed") == 1
    store.cancel(failing.id)  # already ended: nothing changes
    assert histogram_count(store, metrics.JOB_SECONDS, "cancelled") == 1


def test_latency_is_measured_from_the_job_creation(store):
    job, _ = store.create(make_job(), b"hello")
    time.sleep(0.3)
    for stage in STAGES:
        store.finish_stage(store.start_stage(job.id, stage), stage, {})
    figures = store.stats()
    base = metrics.field(metrics.JOB_SECONDS.prefix, "succeeded")
    took_ms = figures[metrics.field(base, "sum_ms")]
    assert 300 <= took_ms < 10_000
    # Counted once, in the bucket its own duration belongs to (0.3 s and more: not the first ones).
    assert figures[metrics.field(base, metrics.JOB_SECONDS.bucket(took_ms / 1000))] == 1
    assert histogram_count(store, metrics.JOB_SECONDS, "succeeded") == 1


def test_heartbeats_count_live_workers_and_forget_stale_ones(store, monkeypatch):
    stats.heartbeat(store.redis, "a@host")
    stats.heartbeat(store.redis, "b@host")
    assert stats.workers_alive(store.redis) == 2
    stats.worker_gone(store.redis, "a@host")
    assert stats.workers_alive(store.redis) == 1
    later = time.time() + metrics.WORKER_STALE_SECONDS + 1
    monkeypatch.setattr(stats.time, "time", lambda: later)
    assert stats.workers_alive(store.redis) == 0
