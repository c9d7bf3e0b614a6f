"""What the API's views share: settings, the JobStore and the Celery producer."""
from __future__ import annotations

import threading
from dataclasses import dataclass

from celery import Celery
from flask import Flask, current_app

from services.common.jobstore import JobStore
from services.common.pipeline import make_celery
from services.common.settings import Settings


@dataclass
class Runtime:
    settings: Settings
    store: JobStore
    celery: Celery
    # Long-polls hold a thread each; past this many, a ?wait request answers at once so the
    # process keeps threads for everything else.
    waiters: threading.BoundedSemaphore


def init_app(app: Flask, settings: Settings) -> None:
    store = JobStore.from_url(settings.redis_url, settings.result_ttl_seconds)
    app.extensions["docpipe"] = Runtime(settings, store, make_celery(settings, "docpipe-api"),
                                        threading.BoundedSemaphore(settings.max_waiting_requests))


def runtime() -> Runtime:
    return current_app.extensions["docpipe"]
