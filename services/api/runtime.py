"""What the API's views share: settings, the JobStore and the Celery producer."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from celery import Celery
from flask import Flask, current_app

from services.common.jobstore import JobStore
from services.common.pipeline import make_celery, queued_count
from services.common.settings import Settings


# How old the intake queue's length may be when a POST is checked against MAX_QUEUED_JOBS.
BACKLOG_MAX_AGE_SECONDS = 0.25


class Backlog:
    """The intake queue's length as read at most BACKLOG_MAX_AGE_SECONDS ago, plus the jobs this
    process queued since: an LLEN on every POST cost a tenth of the API's time per job. With
    several API processes the limit may be overrun by what the others queued in that time."""

    def __init__(self, celery: Celery):
        self._celery = celery
        self._lock = threading.Lock()
        self._length, self._read_at = 0, float("-inf")

    def length(self) -> int:
        with self._lock:
            if time.monotonic() - self._read_at > BACKLOG_MAX_AGE_SECONDS:
                self._length, self._read_at = queued_count(self._celery), time.monotonic()
            return self._length

    def grew(self, jobs: int) -> None:
        with self._lock:
            self._length += jobs


@dataclass
class Runtime:
    settings: Settings
    store: JobStore
    celery: Celery
    # Long-polls hold a connection (a greenlet) each; past this many, a ?wait request answers
    # at once so the process keeps connections for everything else.
    waiters: threading.BoundedSemaphore
    backlog: Backlog = field(init=False)

    def __post_init__(self) -> None:
        self.backlog = Backlog(self.celery)


def init_app(app: Flask, settings: Settings) -> None:
    store = JobStore.from_url(settings.redis_url, settings.result_ttl_seconds)
    app.extensions["docpipe"] = Runtime(settings, store, make_celery(settings, "docpipe-api"),
                                        threading.BoundedSemaphore(settings.max_waiting_requests))


def runtime() -> Runtime:
    return current_app.extensions["docpipe"]
