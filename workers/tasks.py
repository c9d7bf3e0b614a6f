"""Thin Celery tasks: load a job's input from the JobStore, run a pure stage, store the output.

Stage functions raise on documents they cannot handle: that fails the job visibly with the
stage's reason. Redis hiccups are retried with backoff; a message redelivered after its worker
died too often fails the job instead of looping forever (Celery issue 9082).
"""
from __future__ import annotations

import dataclasses
import logging
import time
from typing import Any, Callable

from celery import Task, shared_task
from celery.exceptions import Ignore, SoftTimeLimitExceeded, TimeLimitExceeded

from services.common.jobs import STAGES, StageRun, StageStatus
from services.common.jobstore import JobStore
from services.common.pipeline import announce, pipeline_for
from services.common.settings import get_settings
from workers.stages import cleaning, quotes, summary
from workers.store import TRANSIENT, store

LOGGER = logging.getLogger(__name__)
# A message can arrive before the API has stored its job (see services/api/jobs._submit); one
# whose job is still missing after these waits belonged to a request that failed.
MISSING_JOB_RETRIES = 3
MISSING_JOB_WAIT_SECONDS = 0.5


class StageTask(Task):
    """A pipeline stage: retries transient errors and fails the job when the task gives up."""

    abstract = True
    stage = ""
    autoretry_for = TRANSIENT
    max_retries = 5
    retry_backoff = 1
    retry_backoff_max = 30
    retry_jitter = True

    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        # Reached when retries are exhausted or the hard time limit killed the process.
        if isinstance(exc, TimeLimitExceeded):
            kind, reason = "TimeLimitExceeded", f"the stage was stopped after {exc.args[0]} s"
        else:
            kind, reason = type(exc).__name__, f"{type(exc).__name__}: {exc}"
        try:
            _record_failure(self, args[0], kind, reason)
        except TRANSIENT:
            LOGGER.exception("job %s: could not record the failure of %s", args[0], self.stage)


def run_stage(task: StageTask, job_id: str, work: Callable[[JobStore, str], Any]) -> None:
    """Run one stage of a job; stop the chain (Ignore) when the job must go no further."""
    try:
        _run_stage(task, job_id, work)
    except SoftTimeLimitExceeded:  # may strike anywhere, even while storing the output
        _fail(task, job_id, "TimeLimitExceeded",
              f"the stage took longer than {get_settings().stage_time_limit_seconds} s")


def _run_stage(task: StageTask, job_id: str, work: Callable[[JobStore, str], Any]) -> None:
    jobs, stage = store(), task.stage
    run = _start(task, jobs, job_id)
    if run is None:
        LOGGER.info("job %s: %s not run (job ended, cancelled or gone)", job_id, stage)
        raise Ignore()
    if run.status is StageStatus.SUCCEEDED:
        LOGGER.info("job %s: %s was already done; going on with the chain", job_id, stage)
        return
    lost = run.attempts - 1 - task.request.retries
    if lost >= get_settings().max_deliveries:
        _fail(task, job_id, "WorkerLost",
              f"the worker running this stage died {lost} times; the document may be too "
              "large or malformed")
    started = time.perf_counter()
    try:
        output = work(jobs, job_id)
    except (SoftTimeLimitExceeded, *TRANSIENT):
        raise
    except Exception as exc:  # a stage's own error is the job's failure reason
        _fail(task, job_id, type(exc).__name__, str(exc) or type(exc).__name__, exc)
    if not jobs.finish_stage(job_id, stage, output):
        raise Ignore()  # cancelled while running
    LOGGER.info("job %s: %s done in %.1f ms", job_id, stage, 1000 * (time.perf_counter() - started))
    if stage == STAGES[-1]:
        _announce(task, job_id)


def _start(task: StageTask, jobs: JobStore, job_id: str) -> StageRun | None:
    """Start the stage, waiting a little for a job the API has not stored yet."""
    run = jobs.start_stage(job_id, task.stage, task.request.hostname)
    if run is not None:
        return run
    if jobs.exists(job_id):  # it ended, or the API stored it just after our first try
        return jobs.start_stage(job_id, task.stage, task.request.hostname)
    if task.request.retries < MISSING_JOB_RETRIES:
        # The API queues the message just before it stores the job: give it a moment.
        raise task.retry(countdown=MISSING_JOB_WAIT_SECONDS)
    return None


def _fail(task: StageTask, job_id: str, kind: str, detail: str, exc: Exception | None = None) -> None:
    _record_failure(task, job_id, kind, detail, exc)
    raise Ignore()


def _record_failure(task: Task, job_id: str, kind: str, detail: str,
                    exc: BaseException | None = None) -> None:
    if store().fail_stage(job_id, task.stage, {"type": kind, "detail": detail}):
        LOGGER.warning("job %s: %s failed: %s", job_id, task.stage, detail, exc_info=exc)
        _announce(task, job_id)
        return
    job = store().get(job_id, results=False)
    if job is not None and not job.finished and task.stage != STAGES[-1]:
        # The stage's output is stored but Celery could not queue the next stage (a time
        # limit or a broker error struck while it published): queue the rest ourselves.
        LOGGER.warning("job %s: %s done but the chain broke (%s); queueing the rest",
                       job_id, task.stage, detail)
        pipeline_for(job_id, task.app, after=task.stage).apply_async()


def _announce(task: Task, job_id: str) -> None:
    job = store().get(job_id, results=False)
    if job is not None and job.callback_url:
        announce(task.app, job_id)


def _plain(obj: Any) -> Any:
    return dataclasses.asdict(obj) if dataclasses.is_dataclass(obj) else obj


def _clean(jobs: JobStore, job_id: str) -> dict:
    job = jobs.get(job_id, results=False)
    data = jobs.get_input(job_id)
    if data is None:
        raise LookupError("the uploaded document is no longer stored")
    settings = get_settings()
    # OCR stops in time for the stage to report what it read, before the stage's time limit.
    budget = min(settings.ocr_time_budget_seconds, settings.stage_time_limit_seconds / 2)
    doc = cleaning.clean(data, job.input["content_type"], job.input.get("filename"),
                         cleaning.OcrLimits(settings.ocr_max_pages, budget))
    title = job.input.get("title") or doc.title
    return {"title": title, "text": doc.text, "content_type": doc.content_type,
            "warnings": list(doc.warnings), "stats": dict(doc.stats)}


def _text(jobs: JobStore, job_id: str) -> str:
    document = jobs.get_result(job_id, "cleaning")
    if document is None:
        raise LookupError("the cleaned text is no longer stored")
    return document["text"]


def _quotes(jobs: JobStore, job_id: str) -> list[dict]:
    return [_plain(q) for q in quotes.extract_quotes(_text(jobs, job_id))]


def _summary(jobs: JobStore, job_id: str) -> dict:
    options = jobs.get(job_id, results=False).options
    result = summary.summarise(
        _text(jobs, job_id),
        sentences=options.get("summary_sentences", 3),
        ratio=options.get("summary_ratio"),
        max_chars=options.get("summary_max_chars"),
    )
    return _plain(result)


@shared_task(name="docpipe.clean", bind=True, base=StageTask, stage="cleaning")
def clean_task(self: StageTask, job_id: str) -> None:
    run_stage(self, job_id, _clean)


@shared_task(name="docpipe.quotes", bind=True, base=StageTask, stage="quotes")
def quotes_task(self: StageTask, job_id: str) -> None:
    run_stage(self, job_id, _quotes)


@shared_task(name="docpipe.summary", bind=True, base=StageTask, stage="summary")
def summary_task(self: StageTask, job_id: str) -> None:
    run_stage(self, job_id, _summary)
