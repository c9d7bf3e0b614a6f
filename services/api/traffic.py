"""HTTP requests by route and status, and rejections by reason, added up across API processes.

Each process counts in memory and adds its counts to the shared stats hash about once a second
(and just before it answers /metrics), rather than adding a Redis round trip to every request,
intake included, for figures nobody reads faster than a scrape interval. Under gunicorn a thread
of each process writes them, and once more when the process exits (see wsgi.py); elsewhere
(tests) the next request or scrape does. Counts that could not be written (Redis down) are kept
for the next write.
"""
from __future__ import annotations

import atexit
import json
import os
import threading
import time
from collections import Counter

from flask import Flask, Response, current_app, g, request
from redis import RedisError

from services.api.problems import PROBLEM_JSON
from services.common import logs, metrics
from services.common.jobstore import JobStore, stats

FLUSH_SECONDS = 1.0
# Methods outside this set are counted as "other": a label must not take any value a client sends.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED_ROUTE = "unmatched"  # a path no route knows (a 404 before routing)
PROBLEM_TYPE_PREFIX = "urn:docpipe:problem:"


class Tally:
    """This process's counts not yet added to Redis."""

    def __init__(self, store: JobStore):
        self.store = store
        self.counts: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.written = time.monotonic()
        self.background = False
        self.writer_pid: int | None = None  # the process whose writer thread is running

    def write_in_background(self) -> None:
        """Write from a thread of each process that counts (started after a fork, at first use)."""
        self.background = True

    def add(self, counts: dict[str, int]) -> None:
        with self.lock:
            self.counts.update(counts)
            due = not self.background and time.monotonic() - self.written >= FLUSH_SECONDS
            start = self.background and self.writer_pid != os.getpid()
            if start:
                self.writer_pid = os.getpid()
        if start:
            threading.Thread(target=self._write_forever, name="metrics-writer", daemon=True).start()
            atexit.register(self.flush)
        if due:
            self.flush()

    def flush(self) -> None:
        with self.lock:
            batch, self.counts, self.written = self.counts, Counter(), time.monotonic()
        try:
            stats.add(self.store.redis, batch)
        except RedisError:
            with self.lock:
                self.counts.update(batch)  # kept for the next write

    def _write_forever(self) -> None:
        while True:
            time.sleep(FLUSH_SECONDS)
            if self.counts:
                self.flush()


def init_app(app: Flask, store: JobStore) -> None:
    """Count every request the app answers."""
    app.extensions["docpipe.traffic"] = Tally(store)
    app.before_request(_start)
    app.after_request(_count)


def current_tally(app: Flask | None = None) -> Tally:
    return (app or current_app).extensions["docpipe.traffic"]


def _start() -> None:
    g.started = time.perf_counter()
    logs.bind_job((request.view_args or {}).get("job_id"))


def _count(response: Response) -> Response:
    route = request.url_rule.rule if request.url_rule else UNMATCHED_ROUTE
    method = request.method if request.method in METHODS else "other"
    status = str(response.status_code)
    seconds = time.perf_counter() - g.get("started", time.perf_counter())
    bucket, total = metrics.HTTP_SECONDS.fields((route,), seconds)
    counts = {metrics.field(metrics.HTTP_REQUESTS, method, route, status): 1, bucket: 1,
              total: round(seconds * 1000)}
    if response.status_code >= 400:
        counts[metrics.field(metrics.REJECTIONS, status, _reason(response))] = 1
    current_tally().add(counts)
    if request.method == "POST" and response.status_code == 202:
        # A single job's answer names it in Location; the access log line then carries its id.
        location = response.headers.get("Location", "")
        logs.bind_job(location.rsplit("/", 1)[-1] or None)
    return response


def _reason(response: Response) -> str:
    """The problem type's short name (a bounded set the API defines), else the status phrase."""
    if response.mimetype == PROBLEM_JSON:
        try:
            kind = json.loads(response.get_data())["type"]
        except (ValueError, KeyError, TypeError):
            kind = ""
        if kind.startswith(PROBLEM_TYPE_PREFIX):
            return kind[len(PROBLEM_TYPE_PREFIX):]
    return response.status.split(" ", 1)[-1].lower().replace(" ", "-")
