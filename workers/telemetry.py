"""What a worker tells its operator: log lines that name their job, and a heartbeat for /metrics.

Both hang on Celery's signals, so the tasks themselves carry no logging or metrics code.
"""
from __future__ import annotations

import ast
import logging

import redis
from celery import signals

from services.common import logs, metrics
from services.common.jobstore import stats
from services.common.pipeline import NOTIFY_TASK, TASK_NAMES
from services.common.settings import Settings

LOGGER = logging.getLogger(__name__)
# Every docpipe task takes the job id as its first argument.
JOB_TASKS = frozenset({*TASK_NAMES.values(), NOTIFY_TASK})


def install(settings: Settings) -> None:
    """Configure this worker's logging and, once it is ready, its heartbeat."""
    logs.configure(settings, find_job=celery_job_id)
    client = redis.Redis.from_url(settings.redis_url, socket_timeout=2, socket_connect_timeout=2)

    @signals.celeryd_init.connect(weak=False)
    def _quiet(instance=None, **_) -> None:
        if settings.log_format == "json":
            instance.quiet = True  # Celery's banner is printed, not logged: it would break the lines

    @signals.task_prerun.connect(weak=False)
    def _bind(task=None, args=(), **_) -> None:
        logs.bind_job(args[0] if task is not None and task.name in JOB_TASKS and args else None)

    @signals.task_postrun.connect(weak=False)
    def _unbind(**_) -> None:
        logs.bind_job(None)

    @signals.worker_ready.connect(weak=False)
    def _start_heartbeat(sender=None, **_) -> None:
        name = sender.hostname

        def beat() -> None:
            try:
                stats.heartbeat(client, name)
            except redis.RedisError as exc:  # the broker connection reports the outage itself
                LOGGER.debug("heartbeat not sent: %s", exc)

        beat()
        sender.timer.call_repeatedly(metrics.WORKER_HEARTBEAT_SECONDS, beat)

    @signals.worker_shutdown.connect(weak=False)
    def _stop_heartbeat(sender=None, **_) -> None:
        try:
            stats.worker_gone(client, sender.hostname)
        except redis.RedisError:
            pass  # its heartbeat goes stale on its own


def count_webhook(client: redis.Redis, outcome: str) -> None:
    """Count one webhook call; never fails the task (a retry would call the receiver again)."""
    try:
        stats.add(client, {metrics.field(metrics.WEBHOOKS, outcome): 1})
    except redis.RedisError as exc:
        LOGGER.warning("webhook outcome not counted: %s", exc)


def celery_job_id(record: logging.LogRecord) -> str | None:
    """The job id in Celery's own task lines ("Task docpipe.clean[…] received"), which name the
    task and its arguments' repr but are logged outside the task (the worker's main process)."""
    data = record.args if isinstance(record.args, dict) else None
    if not data or data.get("name") not in JOB_TASKS or not isinstance(data.get("args"), str):
        return None
    try:
        args = ast.literal_eval(data["args"])
    except (ValueError, SyntaxError):
        return None
    return args[0] if isinstance(args, (list, tuple)) and args and isinstance(args[0], str) else None
