"""The reconciler: queues again the stage of any job that has stopped making progress.

A job needs a message only while it waits for a stage. That message can be lost: the API may die
between storing the job and queueing it, a Redis crash can drop a message that was delivered
(its unacked record not yet on disk), Celery drops a message whose retry it could not publish.
Every worker runs this loop; a lock in Redis lets one of them work at a time. A job unchanged for
longer than the visibility timeout, with no message queued or delivered for it, gets its next
stage queued again. Stages are idempotent (JobStore.start_stage), so a stage whose output is
stored is not run again, and a duplicate message for a running stage is dropped.
"""
from __future__ import annotations

import logging
import threading
import time

from celery import Celery, bootsteps

from services.common.jobs import Job, Stage, StageStatus
from services.common.pipeline import job_ids_in_flight, queue_stage
from workers.context import WorkerContext, current

LOGGER = logging.getLogger(__name__)


def needed_stage(job: Job) -> Stage | None:
    """The stage an unfinished job waits for: the first one without stored output."""
    for run in job.stages:
        if run.status is not StageStatus.SUCCEEDED:
            return run.name
    return None


def reconcile(context: WorkerContext, app: Celery, now: float | None = None) -> list[tuple[str, Stage]]:
    """One pass: queue the needed stage of every stalled job that has no message; what was queued."""
    jobs = context.store
    stalled = jobs.stalled(before=(now or time.time()) - context.settings.visibility_timeout_seconds)
    if not stalled:
        return []
    in_flight = job_ids_in_flight(app)
    jobs.touch(*(job_id for job_id in stalled if job_id in in_flight))  # waiting, or being run
    queued = []
    for job_id in (job_id for job_id in stalled if job_id not in in_flight):
        job = jobs.get(job_id, results=False)
        stage = needed_stage(job) if job is not None and not job.finished else None
        if stage is None:
            jobs.forget(job_id)  # ended, expired or deleted
            continue
        queue_stage(app, job_id, stage)
        jobs.touch(job_id)
        queued.append((job_id, stage))
        LOGGER.warning("job %s: no progress since %s and no message; queued %s again",
                       job_id, job.updated_at, stage)
    return queued


class ReconcilerThread(threading.Thread):
    """Runs reconcile() every interval in a worker's main process, when it holds the lock."""

    def __init__(self, app: Celery, name: str):
        super().__init__(name="docpipe-reconciler", daemon=True)
        self.app, self.owner = app, name
        self.stopped = threading.Event()

    def run(self) -> None:
        interval = current().settings.reconcile_interval_seconds
        while not self.stopped.wait(interval):
            try:
                context = current()
                if context.store.take_reconciler_lock(self.owner, interval):
                    reconcile(context, self.app)
            except Exception:  # Redis away, say: the next round tries again
                LOGGER.warning("reconciler: this round failed", exc_info=True)

    def stop(self) -> None:
        self.stopped.set()


class Reconciler(bootsteps.StartStopStep):
    """The worker bootstep that runs the reconciler thread beside the consumer."""

    requires = {"celery.worker.components:Pool"}

    def __init__(self, worker, **kwargs) -> None:
        super().__init__(worker, **kwargs)
        self.thread: ReconcilerThread | None = None

    def start(self, worker) -> None:
        self.thread = ReconcilerThread(worker.app, worker.hostname)
        self.thread.start()

    def stop(self, worker) -> None:
        if self.thread is not None:
            self.thread.stop()
