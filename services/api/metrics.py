"""/metrics: Prometheus figures read from Redis, so every API replica reports the same numbers.

docpipe_jobs_total{event}                          submitted, succeeded, failed, cancelled
docpipe_job_duration_seconds{outcome}              histogram: POST to the job's end
docpipe_stage_duration_seconds{stage,outcome}      histogram: one stage run
docpipe_http_requests_total{method,route,status}   route is the template (/v1/jobs/<job_id>)
docpipe_http_request_duration_seconds{route}       histogram
docpipe_rejections_total{status,reason}            every error answer; reason: the problem type
docpipe_webhook_deliveries_total{outcome}          delivered, retried, failed
docpipe_jobs_in_flight{status}                     queued, running
docpipe_workers_alive                              workers with a heartbeat in the last 15 s
docpipe_queue_depth{queue}                         messages waiting per stage queue
"""
from __future__ import annotations

import hmac
from collections import defaultdict
from collections.abc import Iterator

from flask import Response, request
from flask_smorest import Blueprint
from prometheus_client import CONTENT_TYPE_PLAIN_0_0_4, CollectorRegistry, generate_latest
from prometheus_client.core import (CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily,
                                    Metric)

from services.api.openapi import PROBLEM
from services.api.problems import problem_response
from services.api.runtime import Runtime, runtime
from services.api.traffic import current_tally
from services.common import metrics as m
from services.common.jobstore import stats as store_stats
from services.common.pipeline import queue_depths

blp = Blueprint("metrics", __name__, description="Prometheus metrics.")
JOB_EVENTS = ("submitted", "succeeded", "failed", "cancelled")


@blp.route("/metrics")
@blp.doc(responses={"200": {"description": "Prometheus text format 0.0.4.",
                            "content": {CONTENT_TYPE_PLAIN_0_0_4: {"schema": {"type": "string"}}}}})
@blp.alt_response(401, **PROBLEM)
def metrics():
    """Prometheus metrics; with METRICS_KEY set, only for `Authorization: Bearer <key>`."""
    rt = runtime()
    if rt.settings.metrics_key and not _authorised(rt.settings.metrics_key):
        return problem_response(401, "These metrics need 'Authorization: Bearer <METRICS_KEY>'.",
                                slug="unauthorized", headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
    current_tally().flush()  # this process's latest requests are in the figures it reports
    registry = CollectorRegistry()
    registry.register(_RedisCollector(rt))
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_PLAIN_0_0_4)


def _authorised(key: str) -> bool:
    header = request.headers.get("Authorization", "")
    given = header[7:].strip() if header.lower().startswith("bearer ") else ""
    return hmac.compare_digest(given.encode(), key.encode())


class _RedisCollector:
    def __init__(self, rt: Runtime):
        self.rt = rt

    def collect(self) -> Iterator[Metric]:
        stats = self.rt.store.stats()
        jobs = CounterMetricFamily("docpipe_jobs", "Jobs by event.", labels=["event"])
        for event in JOB_EVENTS:
            jobs.add_metric([event], stats.get(f"jobs_{event}", 0))
        yield jobs
        yield _histogram("docpipe_job_duration_seconds", "Jobs from POST to their end, by outcome.",
                         stats, m.JOB_SECONDS, ["outcome"])
        yield _histogram("docpipe_stage_duration_seconds", "Stage runs, by stage and outcome.",
                         stats, m.STAGE_SECONDS, ["stage", "outcome"])
        yield _histogram("docpipe_http_request_duration_seconds", "HTTP requests by route.",
                         stats, m.HTTP_SECONDS, ["route"])
        yield _counter("docpipe_http_requests", "HTTP requests by method, route and status.",
                       stats, m.HTTP_REQUESTS, ["method", "route", "status"])
        yield _counter("docpipe_rejections", "Requests answered with an error, by status and "
                       "problem type.", stats, m.REJECTIONS, ["status", "reason"])
        yield _counter("docpipe_webhook_deliveries", "Webhook calls by outcome (retried: failed, "
                       "another try is scheduled).", stats, m.WEBHOOKS, ["outcome"],
                       always=[(o,) for o in m.WEBHOOK_OUTCOMES])
        in_flight = GaugeMetricFamily("docpipe_jobs_in_flight", "Jobs not yet ended, by status.",
                                      labels=["status"])
        for status in m.IN_FLIGHT_STATUSES:  # never below zero, whatever a lost update did
            in_flight.add_metric([status], max(0, stats.get(m.field(m.IN_FLIGHT, status), 0)))
        yield in_flight
        yield GaugeMetricFamily("docpipe_workers_alive", "Workers whose heartbeat is recent.",
                                value=store_stats.workers_alive(self.rt.store.redis))
        depth = GaugeMetricFamily("docpipe_queue_depth", "Messages waiting per stage queue.",
                                  labels=["queue"])
        for queue, count in queue_depths(self.rt.celery).items():
            depth.add_metric([queue], count)
        yield depth


def _labelled(stats: dict[str, int], prefix: str, width: int) -> Iterator[tuple[tuple[str, ...], int]]:
    """(label values, count) of every field ``prefix|v1|...|v<width>``."""
    head = prefix + m.SEPARATOR
    for name, value in stats.items():
        if name.startswith(head):
            parts = tuple(name[len(head):].split(m.SEPARATOR))
            if len(parts) == width:
                yield parts, value


def _counter(name: str, doc: str, stats: dict[str, int], prefix: str, labels: list[str],
             always: list[tuple[str, ...]] = ()) -> CounterMetricFamily:
    family = CounterMetricFamily(name, doc, labels=labels)
    seen = dict(_labelled(stats, prefix, len(labels)))
    for values in always:
        seen.setdefault(values, 0)
    for values, count in sorted(seen.items()):
        family.add_metric(list(values), count)
    return family


def _histogram(name: str, doc: str, stats: dict[str, int], spec: m.HistogramSpec,
               labels: list[str]) -> HistogramMetricFamily:
    """Prometheus's cumulative buckets from the per-bucket counters the stats hash keeps."""
    series: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
    for parts, value in _labelled(stats, spec.prefix, len(labels) + 1):
        series[parts[:-1]][parts[-1]] = value
    family = HistogramMetricFamily(name, doc, labels=labels)
    for values, cells in sorted(series.items()):
        running, buckets = 0, []
        for bound in spec.labels:
            running += cells.get(bound, 0)
            buckets.append((bound, running))
        family.add_metric(list(values), buckets, sum_value=cells.get("sum_ms", 0) / 1000)
    return family
