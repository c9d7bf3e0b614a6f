"""How a stage task runs: start the stage, do the work, store the output or fail the job.

Stage functions raise on documents they cannot handle: that fails the job visibly with the
stage's reason. Redis hiccups are retried with backoff; a message redelivered after its worker
died too often fails the job instead of looping forever (Celery issue 9082).
"""
from __future__ import annotations

import logging
import time
from typing import Any, Callable

from celery import Task
from celery.exceptions import Ignore, SoftTimeLimitExceeded, TimeLimitExceeded

from services.common.errors import StageFailed
from services.common.jobs import Job, Stage, StageStatus
from services.common.jobstore import JobStore
from services.common.pipeline import announce, pipeline_for
from workers.context import TRANSIENT, WorkerContext, current

LOGGER = logging.getLogger(__name__)
# A message can arrive before the API has stored its job (see services/api/jobs._submit); one
# whose job is still missing after these waits belonged to a request that failed.
MISSING_JOB_RETRIES = 3
MISSING_JOB_WAIT_SECONDS = 0.5

# A stage's work: the job as its stage started -> the stage's output (JSON-ready).
Work = Callable[[JobStore, Job], Any]


class StageTask(Task):
    """A pipeline stage: retries transient errors and fails the job when the task gives up."""

    abstract = True
    stage: Stage
    autoretry_for = TRANSIENT
    max_retries = 5
    retry_backoff = 1
    retry_backoff_max = 30
    retry_jitter = True

    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        # Reached when retries are exhausted or the hard time limit killed the process.
        if isinstance(exc, TimeLimitExceeded):
            failure = StageFailed("TimeLimitExceeded", f"the stage was stopped after {exc.args[0]} s")
        else:
            failure = StageFailed(type(exc).__name__, f"{type(exc).__name__}: {exc}")
        try:
            _record_failure(self, current(), args[0], failure)
        except TRANSIENT:
            LOGGER.exception("job %s: could not record the failure of %s", args[0], self.stage)


def run_stage(task: StageTask, job_id: str, work: Work) -> None:
    """Run one stage of a job; stop the chain (Ignore) when the job must go no further."""
    context = current()
    try:
        _run_stage(task, context, job_id, work)
    except SoftTimeLimitExceeded:  # may strike anywhere, even while storing the output
        failure = StageFailed("TimeLimitExceeded", "the stage took longer than "
                              f"{context.settings.stage_time_limit_seconds} s")
        _record_failure(task, context, job_id, failure)
        raise Ignore() from None
    except StageFailed as failure:
        _record_failure(task, context, job_id, failure, failure.__cause__)
        raise Ignore() from None


def _run_stage(task: StageTask, context: WorkerContext, job_id: str, work: Work) -> None:
    jobs, stage = context.store, task.stage
    job = _start(task, jobs, job_id)
    if job is None:
        LOGGER.info("job %s: %s not run (job ended, cancelled or gone)", job_id, stage)
        raise Ignore()
    run = job.stage(stage)
    if run.status is StageStatus.SUCCEEDED:
        LOGGER.info("job %s: %s was already done; going on with the chain", job_id, stage)
        return
    lost = run.attempts - 1 - task.request.retries
    if lost >= context.settings.max_deliveries:
        raise StageFailed("WorkerLost", f"the worker running this stage died {lost} times; the "
                          "document may be too large or malformed")
    started = time.perf_counter()
    try:
        output = work(jobs, job)
    except (SoftTimeLimitExceeded, *TRANSIENT):
        raise
    except Exception as exc:  # a stage's own error is the job's failure reason
        raise StageFailed(type(exc).__name__, str(exc) or type(exc).__name__) from exc
    if not jobs.finish_stage(job, stage, output):
        raise Ignore()  # cancelled while running
    LOGGER.info("job %s: %s done in %.1f ms", job_id, stage, 1000 * (time.perf_counter() - started))
    if stage.is_last:
        announce(task.app, job)


def _start(task: StageTask, jobs: JobStore, job_id: str) -> Job | None:
    """Start the stage, waiting a little for a job the API has not stored yet."""
    job = jobs.start_stage(job_id, task.stage, task.request.hostname)
    if job is not None:
        return job
    if jobs.exists(job_id):  # it ended, or the API stored it just after our first try
        return jobs.start_stage(job_id, task.stage, task.request.hostname)
    if task.request.retries < MISSING_JOB_RETRIES:
        # The API queues the message just before it stores the job: give it a moment.
        raise task.retry(countdown=MISSING_JOB_WAIT_SECONDS)
    return None


def _record_failure(task: StageTask, context: WorkerContext, job_id: str, failure: StageFailed,
                    exc: BaseException | None = None) -> None:
    error = {"type": failure.kind, "detail": failure.detail}
    failed = context.store.fail_stage(job_id, task.stage, error)
    if failed is not None:
        LOGGER.warning("job %s: %s failed: %s", job_id, task.stage, failure.detail, exc_info=exc)
        announce(task.app, failed)
        return
    job = context.store.get(job_id, results=False)
    if job is not None and not job.finished and not task.stage.is_last:
        # The stage's output is stored but Celery could not queue the next stage (a time
        # limit or a broker error struck while it published): queue the rest ourselves.
        LOGGER.warning("job %s: %s done but the chain broke (%s); queueing the rest",
                       job_id, task.stage, failure.detail)
        pipeline_for(job_id, task.app, after=task.stage).apply_async()
