"""How a stage task runs: start the stage, do the work, store the output, go on.

Going on means queueing the next stage — or, for a small upload (``INLINE_MAX_BYTES``), running
it right here in the same task: its stage is started, timed and stored as if it had its own
message, and a redelivery of the message resumes at the stage last stored. Stages that end
quickly are stored together, in one write (``BATCH_SECONDS``).

Stage functions raise on documents they cannot handle: that fails the job visibly with the
stage's reason. Broker and store errors (Redis restarting, a network blip, a concurrent update)
are transient wherever they strike — starting, storing, queueing the next stage: the task runs
again later, from a retry message or, when the broker cannot take one, from its own message put
back. A message redelivered after its worker died too often fails the job instead of looping
(Celery issue 9082). Every step is idempotent, so running a delivery twice stores one output.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import kombu.exceptions
import redis
from celery import Task
from celery.exceptions import Ignore, Reject, SoftTimeLimitExceeded, TimeLimitExceeded

from services.common.errors import StageFailed
from services.common.jobs import Job, Stage, StageRun, StageStatus
from services.common.jobstore import JobStore
from services.common.jobstore.transitions import Claim, Finished
from services.common.pipeline import announce, queue_stage
from workers import memory
from workers.context import WorkerContext, current
from workers.failures import describe

LOGGER = logging.getLogger(__name__)
# Errors that say nothing about the job: the broker or the store is away or busy for a moment.
TRANSIENT = (redis.ConnectionError, redis.TimeoutError, redis.WatchError,
             kombu.exceptions.OperationalError, ConnectionError)
RETRY_BASE_SECONDS = 1
RETRY_MAX_SECONDS = 30

# A stage's work: the job as its stage started -> the stage's output (JSON-ready).
Work = Callable[[JobStore, Job], Any]

# Stages run in one task are stored together while their work since the last write took less
# than this: a small article's three stages take ~3 ms and each write ~0.6 ms of an idle
# service's latency. A worker that dies before the write loses at most this much work; the
# redelivery runs again from the stage last stored, storing each stage as it ends, so a stage
# that kills its worker is the one named when the job fails. (A stage stuck in C code past the
# hard time limit inside such a run is reported under the run's first stage: the job still
# fails, with the time limit as its reason.)
BATCH_SECONDS = 0.05


class StageTask(Task):
    """A pipeline stage; fails the job when the task dies of something run_stage did not catch."""

    abstract = True
    stage: Stage
    max_retries = None  # transient errors are retried for as long as they last

    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        # Reached when the hard time limit killed the process, or on an error in this glue.
        if isinstance(exc, TimeLimitExceeded):
            failure = StageFailed("TimeLimitExceeded", f"the stage was stopped after {exc.args[0]} s")
        else:
            failure = describe(exc)
        context = current()
        try:
            _record_failure(self, context, args[0], stage_in_hand(self, context, args[0]), failure)
        except TRANSIENT:
            LOGGER.exception("job %s: could not record the failure of %s", args[0], self.stage)


def run_stage(task: StageTask, job_id: str, works: Mapping[Stage, Work]) -> None:
    """Run the task's stage of a job, and the next ones while they run here; Ignore when this
    delivery must go no further."""
    context = current()
    stage: Stage | None = task.stage
    job: Job | None = None
    claimed = False  # whether the last write of this task started ``stage`` (or let it wait)
    unsaved = Unsaved()
    try:
        while stage is not None:
            try:
                job, claimed = _run_one(task, context, job_id, stage, works[stage], job, claimed,
                                        unsaved)
            except SoftTimeLimitExceeded:  # may strike anywhere, even while storing the output
                failure = StageFailed("TimeLimitExceeded", "the stage took longer than "
                                      f"{context.settings.stage_time_limit_seconds} s")
            except StageFailed as exc:
                failure = exc
            else:
                stage = _go_on(task, context, job, stage)
                continue
            stage = _failing(task, context, unsaved, stage)
            _record_failure(task, context, job_id, stage, failure, failure.__cause__)
            raise Ignore()
    except TRANSIENT as exc:
        retry_later(task, exc, context.settings.visibility_timeout_seconds)


def retry_later(task: Task, exc: Exception, visibility_timeout: int) -> None:
    """Run the task again later: from a retry message, or from this very message put back when
    the broker cannot take a new one (Celery would drop the message: Reject(requeue=False))."""
    # Under the visibility timeout: a retry held longer is handed out a second time.
    countdown = min(RETRY_MAX_SECONDS, visibility_timeout // 2,
                    RETRY_BASE_SECONDS * 2 ** min(task.request.retries, 10))
    LOGGER.warning("%s %s: %s; running it again in %s s", task.name, task.request.id,
                   type(exc).__name__, countdown)
    try:
        raise task.retry(exc=exc, countdown=countdown)
    except Reject:
        raise Reject(exc, requeue=True) from exc


@dataclass
class Unsaved:
    """The stages this task ran to the end and has not stored yet, the job as this task last
    wrote it (what their write is decided on), and when the first of them began."""

    finished: list[Finished] = field(default_factory=list)
    job: Job | None = None
    since: float = 0.0
    unstorable: bool = False  # a write of them failed for good (a full Redis)

    def may_wait(self, following: Stage | None) -> bool:
        """Whether they may be stored with ``following`` (to run here next): on a message's
        first delivery, while their work has been short."""
        return (following is not None and self.finished[0].run.attempts == 1
                and time.perf_counter() - self.since < BATCH_SECONDS)


def _run_one(task: StageTask, context: WorkerContext, job_id: str, stage: Stage, work: Work,
             known: Job | None, claimed: bool, unsaved: Unsaved) -> tuple[Job, bool]:
    """Run one stage: the job after it (its ``result`` holding the outputs made in this task),
    and whether this task goes on to the next stage, started by the write that stored this one
    or left to wait for a later write with this one (in ``unsaved``).

    ``known`` is the job as this task last wrote it; ``claimed``, whether that write started
    this stage, or the stages before it wait in ``unsaved``.
    """
    jobs, settings = context.store, context.settings
    job = known if claimed else jobs.start_stage(
        job_id, stage, task.request.hostname, task.request.id,
        lease_seconds=settings.visibility_timeout_seconds, known=known)
    if job is None:
        LOGGER.info("job %s: %s not run (job ended or gone, or the stage runs elsewhere)",
                    job_id, stage)
        raise Ignore()
    job.result = known.result if known is not None else {}
    run = job.stage(stage)
    if run.status is StageStatus.SUCCEEDED:
        LOGGER.info("job %s: %s was already done; going on", job_id, stage)
        return job, False
    lost = run.attempts - 1 - task.request.retries
    if lost >= settings.max_deliveries:
        raise StageFailed("WorkerLost", f"the worker running this stage died {lost} times; the "
                          "document may be too large or malformed")
    started = time.perf_counter()
    if unsaved.finished:  # started here without a write of its own, as start_stage would have
        run = _claim(task, context, stage).begin(run)
    else:
        unsaved.job, unsaved.since = job, started
    output = _work(work, jobs, job)
    unsaved.finished.append(Finished.now(run, output))
    LOGGER.info("job %s: %s done in %.1f ms", job_id, stage, 1000 * (time.perf_counter() - started))
    following = _runs_here(task, context, job, stage)
    if unsaved.may_wait(following):
        job.result = {**job.result, **output}
        return job, True
    done = _store(task, context, unsaved, following)
    done.result = {**job.result, **output}
    return done, following is not None and _ours(task, done.stage(following))


def _store(task: StageTask, context: WorkerContext, unsaved: Unsaved,
           following: Stage | None) -> Job:
    """Store the stages run and not stored yet, starting ``following`` in the same write: the
    job as it now is. Ignore when it moved on (cancelled meanwhile)."""
    then = _claim(task, context, following) if following else None
    try:
        done = context.store.finish_stages(unsaved.job, unsaved.finished, then=then)
    except TRANSIENT:
        raise
    except redis.RedisError as exc:  # a full Redis, say: the job cannot go on
        unsaved.unstorable = True
        raise describe(exc) from exc
    if done is None:
        raise Ignore()  # cancelled while running
    unsaved.finished.clear()
    return done


def _failing(task: StageTask, context: WorkerContext, unsaved: Unsaved, stage: Stage) -> Stage:
    """The stage to fail: ``stage``, once the stages run before it and not stored are stored
    (and it started) — or, when storing them is what failed, the first of them (the stage the
    job shows running)."""
    if not unsaved.finished:
        return stage
    if unsaved.unstorable:
        return unsaved.finished[0].run.name
    try:
        _store(task, context, unsaved, stage)
    except Ignore:  # the job moved on, or a time limit struck right after their write
        pass
    return stage


def _work(work: Work, jobs: JobStore, job: Job) -> Any:
    """The stage's output; its own errors as StageFailed with the reason."""
    memory.reset_peak()
    try:
        return work(jobs, job)
    except (SoftTimeLimitExceeded, *TRANSIENT):
        raise
    except MemoryError as exc:  # dropping its traceback frees what the stage held
        raise describe(exc) from None
    except Exception as exc:  # a stage's own error is the job's failure reason
        if memory.ran_out():
            raise describe(MemoryError()) from None
        raise describe(exc) from exc


def _claim(task: StageTask, context: WorkerContext, stage: Stage) -> Claim:
    return Claim(stage, task.request.hostname, task.request.id,
                 context.settings.visibility_timeout_seconds)


def _ours(task: StageTask, run: StageRun) -> bool:
    """Whether this delivery started the stage (and it is still running)."""
    return run.status is StageStatus.RUNNING and run.delivery is not None and run.delivery == task.request.id


def _runs_here(task: StageTask, context: WorkerContext, job: Job, stage: Stage) -> Stage | None:
    """The stage after ``stage`` if this task runs it too: a small upload's next stage still
    pending, or one this delivery was running before it was redelivered."""
    if stage.is_last:
        return None
    following = stage.following()[0]
    run = job.stage(following)
    small = job.input["bytes"] <= context.settings.inline_max_bytes
    return following if _ours(task, run) or (run.status is StageStatus.PENDING and small) else None


def _go_on(task: StageTask, context: WorkerContext, job: Job, stage: Stage,
           inline: bool = True) -> Stage | None:
    """After ``stage``: the next stage to run in this task, or None once it has been queued — or,
    after the last stage, once the job's end has been announced.

    A next stage that already started is not queued again; the end is announced again after a
    redelivery (webhooks are delivered at least once), since the first call may be lost.
    """
    if stage.is_last:
        announce(task.app, job)
        return None
    if inline and (following := _runs_here(task, context, job, stage)):
        return following
    following = stage.following()[0]
    if job.stage(following).status is StageStatus.PENDING:
        queue_stage(task.app, job.id, following)
    return None


def _record_failure(task: StageTask, context: WorkerContext, job_id: str, stage: Stage,
                    failure: StageFailed, exc: BaseException | None = None) -> None:
    failed = context.store.fail_stage(job_id, stage, {"type": failure.kind, "detail": failure.detail})
    if failed is not None:
        LOGGER.warning("job %s: %s failed: %s", job_id, stage, failure.detail, exc_info=exc)
        announce(task.app, failed)
        return
    job = context.store.get(job_id, results=False)
    if job is not None and not job.finished and job.stage(stage).status is StageStatus.SUCCEEDED:
        # The output is stored but the next stage could not be queued (a time limit struck
        # while it was published): carry the job on.
        LOGGER.warning("job %s: %s done but the next stage was not queued (%s); queueing it",
                       job_id, stage, failure.detail)
        _go_on(task, context, job, stage, inline=False)


def stage_in_hand(task: StageTask, context: WorkerContext, job_id: str) -> Stage:
    """The stage this delivery is running: the task's own, or one it went on to."""
    job = context.store.get(job_id, results=False)
    if job is not None:
        for run in job.stages:
            if _ours(task, run):
                return run.name
    return task.stage
