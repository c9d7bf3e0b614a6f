"""Liveness, readiness and Prometheus metrics."""
from __future__ import annotations

from flask import Response
from flask_smorest import Blueprint
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from redis import RedisError

from services.api.openapi import PROBLEM
from services.api.problems import RETRY_AFTER_SECONDS, problem_response
from services.api.runtime import Runtime, runtime
from services.common.jobs import STAGES
from services.common.pipeline import queue_depths

blp = Blueprint("health", __name__, description="Health checks and metrics.")
WORKER_PING_SECONDS = 1.0


@blp.route("/healthz")
@blp.response(200)
def healthz():
    """The API process is up."""
    return {"status": "ok"}


@blp.route("/readyz")
@blp.response(200)
@blp.alt_response(503, **PROBLEM)
def readyz():
    """Redis answers and at least one worker answers a ping."""
    rt = runtime()
    try:
        rt.store.ping()
    except RedisError as exc:
        return problem_response(503, f"Redis is unreachable: {exc}", slug="not-ready",
                                headers={"Retry-After": RETRY_AFTER_SECONDS})
    workers = rt.celery.control.ping(timeout=WORKER_PING_SECONDS)
    if not workers:
        return problem_response(503, "No worker answered; jobs would wait in the queue.",
                                slug="not-ready", headers={"Retry-After": RETRY_AFTER_SECONDS})
    return {"status": "ready", "workers": sorted(name for reply in workers for name in reply)}


@blp.route("/metrics")
@blp.doc(responses={"200": {"description": "Prometheus text exposition format.",
                            "content": {CONTENT_TYPE_LATEST: {"schema": {"type": "string"}}}}})
def metrics():
    """Prometheus metrics, read from Redis so every API replica reports the same figures."""
    registry = CollectorRegistry()
    registry.register(_RedisCollector(runtime()))
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)


class _RedisCollector:
    def __init__(self, rt: Runtime):
        self.rt = rt

    def collect(self):
        stats = self.rt.store.stats()
        jobs = CounterMetricFamily("docpipe_jobs", "Jobs by outcome.", labels=["event"])
        for event in ("submitted", "succeeded", "failed", "cancelled"):
            jobs.add_metric([event], stats.get(f"jobs_{event}", 0))
        yield jobs
        stages = CounterMetricFamily("docpipe_stage_runs", "Stage runs by outcome.",
                                     labels=["stage", "status"])
        seconds = CounterMetricFamily("docpipe_stage_seconds", "Time spent in stages.",
                                      labels=["stage"])
        for name in STAGES:
            for status in ("succeeded", "failed"):
                stages.add_metric([name, status], stats.get(f"stage:{name}:{status}", 0))
            seconds.add_metric([name], stats.get(f"stage:{name}:duration_ms", 0) / 1000)
        yield stages
        yield seconds
        depth = GaugeMetricFamily("docpipe_queue_depth", "Messages waiting per stage queue.",
                                  labels=["queue"])
        for queue, count in queue_depths(self.rt.celery).items():
            depth.add_metric([queue], count)
        yield depth
