"""The webhook task: tell a job's callback URL that the job has finished.

Network errors, 408, 429 and 5xx answers are retried with exponential backoff; other answers are
final. Callbacks to this host or private networks are refused unless the operator allows them;
the name is resolved once, checked, and that address is called; redirects are not followed. So
a callback URL cannot be used to probe internal services.
The outcome of the latest attempt is kept on the job (`webhook`).
"""
from __future__ import annotations

import http.client
import json
import logging
import time

from celery import Task, shared_task

from services.common import webhooks
from services.common.jobs import rfc3339, utcnow
from services.common.pipeline import NOTIFY_TASK
from workers import pinned_http, telemetry
from workers.context import current
from workers.running import TRANSIENT, retry_later

LOGGER = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
BACKOFF_BASE_SECONDS = 5
BACKOFF_MAX_SECONDS = 600
RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})


@shared_task(name=NOTIFY_TASK, bind=True, max_retries=MAX_ATTEMPTS - 1)
def notify(self: Task, job_id: str) -> None:
    try:
        _notify(self, job_id)
    except TRANSIENT as exc:  # the store or broker, not the receiver: try again, keep the message
        retry_later(self, exc, current().settings.visibility_timeout_seconds)


def _notify(self: Task, job_id: str) -> None:
    jobs = current().store
    job = jobs.get(job_id, results=False)
    if job is None or not job.has_callback:
        return
    status, error = deliver(job.callback_url, json.dumps(webhooks.payload(job)).encode())
    attempt = self.request.retries + 1
    delivered = status is not None and 200 <= status < 300
    jobs.record_webhook(job_id, {"attempts": attempt, "status_code": status, "error": error,
                                 "delivered": delivered, "at": rfc3339(utcnow())})
    retrying = not delivered and (status is None or status in RETRYABLE_STATUS) and attempt < MAX_ATTEMPTS
    telemetry.count_webhook(jobs.redis, "delivered" if delivered else "retried" if retrying else "failed")
    if retrying:
        raise self.retry(countdown=retry_countdown(attempt))
    if not delivered:
        LOGGER.warning("job %s: webhook to %s gave up: %s", job_id, job.callback_url, error or status)


def retry_countdown(attempt: int) -> int:
    """Exponential backoff, kept under the visibility timeout: a delayed message held longer is
    handed out again by the Redis transport, and the call would be made twice."""
    ceiling = min(BACKOFF_MAX_SECONDS, current().settings.visibility_timeout_seconds - 10)
    return max(1, min(ceiling, BACKOFF_BASE_SECONDS * 2 ** (attempt - 1)))


def deliver(url: str, body: bytes) -> tuple[int | None, str | None]:
    """POST the payload; (HTTP status or None, a short reason or None)."""
    settings = current().settings
    try:
        address = webhooks.callback_address(url, allow_private=settings.webhook_allow_private)
    except webhooks.ForbiddenCallback as err:
        return None, str(err)
    except OSError:
        return None, "could not resolve the callback host"
    headers = {"Content-Type": "application/json", "User-Agent": "docpipe-webhook/1",
               "Docpipe-Event": webhooks.EVENT}
    if settings.webhook_secret:
        headers["Docpipe-Signature"] = webhooks.sign(settings.webhook_secret, int(time.time()), body)
    try:
        status = pinned_http.post(url, address, body, headers, settings.webhook_timeout_seconds)
    except TimeoutError:
        return None, "timed out"
    except (OSError, http.client.HTTPException):
        return None, "could not connect"  # no details: they would map the receiver's network
    return status, None if 200 <= status < 300 else f"HTTP {status}"
