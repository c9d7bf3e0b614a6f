"""Liveness and readiness (metrics: services/api/metrics.py)."""
from __future__ import annotations

from flask_smorest import Blueprint
from kombu.exceptions import OperationalError
from redis import RedisError

from services.api.openapi import PROBLEM
from services.api.problems import RETRY_AFTER_SECONDS, problem_response
from services.api.runtime import runtime

blp = Blueprint("health", __name__, description="Health checks.")
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
    try:
        workers = rt.celery.control.ping(timeout=WORKER_PING_SECONDS)
    except (OperationalError, RedisError, AttributeError):  # AttributeError: kombu #970, a
        workers = []                                         # channel closed under the ping
    if not workers:
        return problem_response(503, "No worker answered; jobs would wait in the queue.",
                                slug="not-ready", headers={"Retry-After": RETRY_AFTER_SECONDS})
    return {"status": "ready", "workers": sorted(name for reply in workers for name in reply)}
