"""The pipeline contract shared by API and workers: task names, queues, Celery config, how a stage is queued.

The API publishes tasks by NAME, so it never imports worker code or the stage libraries; the
workers register their tasks under the same names, spelled only here.
"""
from __future__ import annotations

import base64
import json
from functools import lru_cache
from typing import Any

import redis
from celery import Celery
from kombu import Queue
from kombu.exceptions import OperationalError

from services.common.jobs import STAGES, Job, Stage
from services.common.settings import Settings

TASK_NAMES = {Stage.CLEANING: "docpipe.clean", Stage.QUOTES: "docpipe.quotes",
              Stage.SUMMARY: "docpipe.summary"}
# One queue per stage, so an operator can give a slow stage workers of its own.
QUEUES = {stage: f"docpipe.{stage}" for stage in STAGES}
STAGE_TASKS = frozenset(TASK_NAMES.values())
NOTIFY_TASK, NOTIFY_QUEUE = "docpipe.notify", "docpipe.notify"


def celery_config(settings: Settings) -> dict:
    """Celery settings (lowercase names) derived from the shared settings object."""
    transport = {
        "visibility_timeout": settings.visibility_timeout_seconds,
        # kombu >= 5.7: sweep the unacked hash often, so a killed worker's job comes back
        # seconds after its visibility timeout instead of ~100 s later.
        "unacked_restore_interval": settings.unacked_restore_interval_seconds,
        "unacked_restore_throttle": 1,
        "socket_timeout": 10,
        "socket_connect_timeout": 3,
    }
    return {
        "broker_url": settings.redis_url,
        "broker_transport_options": transport,
        "broker_connection_retry_on_startup": True,
        "result_backend": None,
        "task_ignore_result": True,
        "task_serializer": "json",
        "accept_content": ["json"],
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_soft_time_limit": settings.stage_time_limit_seconds,
        "task_time_limit": settings.hard_time_limit_seconds,
        "task_queues": [Queue(name) for name in (*QUEUES.values(), NOTIFY_QUEUE)],
        "task_routes": {**{TASK_NAMES[s]: {"queue": QUEUES[s]} for s in STAGES},
                        NOTIFY_TASK: {"queue": NOTIFY_QUEUE}},
        "task_default_queue": QUEUES[STAGES[0]],
        "worker_max_tasks_per_child": 1000,
        # A pool process that grew past this (a huge PDF, say) is replaced after its task.
        "worker_max_memory_per_child": settings.worker_max_memory_mb * 1024,  # in KiB
        "worker_hijack_root_logger": False,
        "worker_send_task_events": False,
    }


def make_celery(settings: Settings, name: str = "docpipe") -> Celery:
    app = Celery(name)
    app.conf.update(celery_config(settings))
    return app


def queue_stage(app: Celery, job_id: str, stage: Stage) -> None:
    """Queue one stage of a job; each stage queues the next when its output is stored.

    The message carries only the job ID; a stage queued twice runs once (see JobStore.start_stage).
    """
    _publish(app, TASK_NAMES[stage], job_id)


def stage_commands(app: Celery, job_id: str, stage: Stage) -> list[tuple[str, tuple]]:
    """The Redis commands that queue one stage of a job, for the caller to write with its own
    (JobStore.create, in one script), so a new job and its first message are stored together.

    The message is Celery's and kombu's own, made by the same send_task as queue_stage: kombu's
    batch protocol (Producer.batch) hands a batch each message's final commands to buffer, and
    this batch keeps them. Storing the job and publishing its message apart cost a round trip
    and a quarter of a submission's CPU time.
    """
    keep = _KeepCommands()
    with app.producer_or_acquire() as producer:
        producer._batch_local.current = keep  # what Producer.batch() installs for its own batch
        try:
            _publish(app, TASK_NAMES[stage], job_id, producer=producer)
        finally:
            del producer._batch_local.current
    return keep.commands  # empty if a transport without batches published the message itself


class _KeepCommands:
    """A publish batch (kombu >= 5.7, Redis transport) that keeps the commands it is handed."""

    def __init__(self) -> None:
        self.commands: list[tuple[str, tuple]] = []

    def publish(self, channel, message: dict, **kwargs) -> None:
        channel.basic_publish(message, _publish_batch=self, **kwargs)

    def add(self, name: str, *args) -> None:
        self.commands.append((name, args))


def announce(app: Celery, job: Job) -> None:
    """Queue the webhook call for a job that has ended, if it has a callback."""
    if job.has_callback:
        _publish(app, NOTIFY_TASK, job.id)


def _publish(app: Celery, task_name: str, job_id: str, **options: Any) -> None:
    # The job ID is the one argument, so its repr is known; and the queues need no declaring here
    # (messages go by the default exchange straight into each queue's list, and the workers declare
    # their queues): send_task's saferepr and per-message declare check cost a third of its time.
    options.update(argsrepr=repr((job_id,)), kwargsrepr="{}", declare=[])
    try:
        app.send_task(task_name, args=(job_id,), **options)
    except AttributeError as exc:
        # kombu 5.7 publishing on a channel whose connection Redis just dropped ('NoneType'
        # object has no attribute 'client'; kombu #582, #970): the broker is away, as ever.
        raise OperationalError(f"the broker connection was lost: {exc}") from exc


def queue_depths(app: Celery) -> dict[str, int]:
    """Messages waiting in each stage's queue."""
    return _queue_lengths(app, list(QUEUES.values()))


def queued_count(app: Celery) -> int:
    """Messages waiting in the first stage's queue (the intake backlog)."""
    return _queue_lengths(app, [QUEUES[STAGES[0]]])[QUEUES[STAGES[0]]]


def job_ids_in_flight(app: Celery) -> set[str]:
    """Jobs with a stage message waiting in a queue or delivered and not yet acknowledged.

    Reads the Redis transport's own lists and its "unacked" hash: a job found here needs no
    message from the reconciler.
    """
    client = _broker_client(app.conf.broker_url)
    unacked_key = app.conf.broker_transport_options.get("unacked_key", "unacked")
    with client.pipeline(transaction=False) as pipe:
        for queue in QUEUES.values():
            pipe.lrange(queue, 0, -1)
        pipe.hvals(unacked_key)
        *queued, unacked = pipe.execute()
    messages = [json.loads(raw) for batch in queued for raw in batch]
    messages += [json.loads(raw)[0] for raw in unacked]
    return {job_id for message in messages if (job_id := _job_id(message))}


def _job_id(message: dict) -> str | None:
    if message.get("headers", {}).get("task") not in STAGE_TASKS:
        return None
    body = message["body"]
    if message.get("properties", {}).get("body_encoding") == "base64":
        body = base64.b64decode(body)
    args = json.loads(body)[0]
    return args[0] if args else None


def _queue_lengths(app: Celery, queues: list[str]) -> dict[str, int]:
    client = _broker_client(app.conf.broker_url)
    with client.pipeline(transaction=False) as pipe:
        for queue in queues:
            pipe.llen(queue)
        return dict(zip(queues, pipe.execute()))


@lru_cache(maxsize=8)
def _broker_client(url: str) -> redis.Redis:
    # One pooled client per broker: a kombu connection per request halved the intake rate.
    return redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=3)
