"""The job's state machine: every change to a stored job, each applied only to the job as it
was decided on (services/common/jobstore/revisions.py).

An API cancel and a worker's stage update never overwrite each other, and each change publishes
the job's status on its events channel for long-polling clients.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any, Callable, Sequence

import orjson
import redis
from services.common.jobs import STAGES, Job, JobStatus, Stage, StageRun, StageStatus, rfc3339, utcnow
from services.common.jobstore import keys, records, stats
from services.common.jobstore.records import decode, dump_stage, load_stage, stage_field
from services.common.jobstore.revisions import APPLIED, Revisions, Writes

# A stage update sent by the API and a worker at once is retried this many times.
MAX_TRANSACTION_RETRIES = 20

# A mutation sees the job hash and queues its writes; None aborts it.
Mutation = Callable[[dict[str, str], Writes], Any]


@dataclass(frozen=True)
class Claim:
    """A delivery's claim to run a stage: who runs it, for which message, and how long another
    message's claim holds (see start_stage)."""

    stage: Stage
    worker: str | None = None
    delivery: str | None = None
    lease_seconds: float = 0

    def begin(self, run: StageRun) -> StageRun:
        """``run`` as this claim starts it now: running, one attempt more, by this delivery."""
        return replace(run, status=StageStatus.RUNNING, attempts=run.attempts + 1,
                       started_at=rfc3339(utcnow()), worker=self.worker, delivery=self.delivery)


@dataclass(frozen=True)
class Finished:
    """A stage a worker ran to the end: its run as it ended (succeeded, timed) and its output."""

    run: StageRun
    output: Any

    @classmethod
    def now(cls, run: StageRun, output: Any) -> "Finished":
        """``run``, as it was started, ending now with ``output``."""
        ended = replace(run)
        records.close_stage(ended, StageStatus.SUCCEEDED)
        return cls(ended, output)


class JobTransitions:
    """Stage and job status changes; mixed into JobStore, which provides ``self.redis``."""

    redis: redis.Redis
    _revisions: Revisions

    def _update(self, job_id: str, mutate: Mutation, known: Job | None = None) -> tuple[Any, Job | None]:
        """Decide with ``mutate`` on the job hash, then write what it queued if the job is still
        as it was read; stamp it and publish the change. (mutate's outcome, the job as it now is)

        ``known`` is the job as the caller last read or wrote it: then the hash is not read first.
        """
        job_key = keys.job_key(job_id)
        fields = records.known_fields(known) if known is not None else decode(self.redis.hgetall(job_key))
        for _ in range(MAX_TRANSACTION_RETRIES):
            if "status" not in fields:
                return None, None
            writes = Writes()
            outcome = mutate(fields, writes)
            if outcome is None or not writes:
                return outcome, records.job_from_fields(fields)  # aborted, or nothing to write
            now = utcnow()
            writes.hset(job_key, "updated_at", rfc3339(now))
            # Progress, for the reconciler; a job that ended has left the set already.
            writes.zadd(keys.ACTIVE_KEY, {job_id: now.timestamp()}, xx=True)
            state, fields = self._revisions.apply(job_key, fields, writes, keys.events_channel(job_id))
            if state == APPLIED:
                return outcome, records.job_from_fields(fields)
        raise redis.WatchError(f"job {job_id} kept changing under a stage update")

    def start_stage(self, job_id: str, stage: Stage, worker: str | None = None,
                    delivery: str | None = None, lease_seconds: float = 0,
                    known: Job | None = None) -> Job | None:
        """Mark a stage running and count the attempt; the job as it now is, or None when this
        delivery must not run it (the job ended, or another message runs the stage right now).

        A stage that already succeeded is left as it is and returned (even when it ended the
        job): its message was redelivered after the worker stored the output but died before
        queueing what comes next. A stage started less than ``lease_seconds`` ago by another
        message is that message's to finish. ``known``: the job as the caller last wrote it.
        """
        claim = Claim(stage, worker, delivery, lease_seconds)
        started, job = self._update(job_id, lambda fields, pipe: _start(job_id, claim, fields, pipe),
                                    known)
        return job if started else None

    def finish_stage(self, job: Job, stage: Stage, output: Any, then: Claim | None = None) -> Job | None:
        """Store a stage's output; the last stage completes the job. The job as it now is, or
        None if it moved on.

        ``job`` is the job as start_stage returned it: it is not read again unless it changed
        since. ``then`` starts the next stage in the same write (as start_stage would), for a
        worker that goes on to run it.
        """
        return self.finish_stages(job, [Finished.now(job.stage(stage), output)], then)

    def finish_stages(self, job: Job, finished: Sequence[Finished], then: Claim | None = None) -> Job | None:
        """Store the outputs of stages run one after another in one task, in one write: the
        first is the stage running in the job (as ``job``, the job as last written, has it),
        the others were run without a write of their own and are still pending there. As
        finish_stage otherwise.
        """
        payloads = [orjson.dumps(f.output) for f in finished]  # result dataclasses as they are
        expires = int(records.epoch(job.expires_at))

        def mutate(fields: dict[str, str], pipe: Writes) -> bool | None:
            if JobStatus(fields["status"]).finished or not _in_hand(finished, fields):
                return None
            updates = {}
            for done, payload in zip(finished, payloads):
                pipe.set(keys.result_key(job.id, done.run.name), payload, exat=expires)
                updates[stage_field(done.run.name)] = dump_stage(done.run)
                _count_stage(pipe, done.run)
            if finished[-1].run.name.is_last:
                updates["status"] = JobStatus.SUCCEEDED.value
                pipe.delete(keys.input_key(job.id))  # the cleaned text is kept; the upload is not needed
                stats.job_ended(pipe, fields["status"], JobStatus.SUCCEEDED.value, job.created_at)
                pipe.zrem(keys.ACTIVE_KEY, job.id)
            pipe.hset(keys.job_key(job.id), mapping=updates)
            if then is not None:
                _start(job.id, then, {**fields, **updates}, pipe)
            return True

        stored, now = self._update(job.id, mutate, known=job)
        return now if stored else None

    def fail_stage(self, job_id: str, stage: Stage, error: dict) -> Job | None:
        """Fail a stage and the job with it, skipping later stages; the failed job.

        None when the job has ended or the stage had already succeeded (an error after its
        output was stored, say while queueing the next stage, is not the stage's failure).
        """

        def mutate(fields: dict[str, str], pipe: Writes) -> bool | None:
            run = load_stage(stage, fields)
            if JobStatus(fields["status"]).finished or run.status is StageStatus.SUCCEEDED:
                return None
            run.error = error
            records.close_stage(run, StageStatus.FAILED)
            updates = {stage_field(stage): dump_stage(run), "status": JobStatus.FAILED.value,
                       "error": json.dumps({"stage": stage, **error})}
            updates.update(records.skipped_stages(fields, exclude=stage))
            pipe.hset(keys.job_key(job_id), mapping=updates)
            pipe.delete(keys.input_key(job_id))
            stats.job_ended(pipe, fields["status"], JobStatus.FAILED.value, _created_at(fields))
            pipe.zrem(keys.ACTIVE_KEY, job_id)
            _count_stage(pipe, run)
            return True

        # The upload goes first, on its own: a DEL is allowed even in a full Redis, and the
        # memory it frees lets the failure be recorded there.
        self.redis.delete(keys.input_key(job_id))
        failed, job = self._update(job_id, mutate)
        return job if failed else None

    def cancel(self, job_id: str, owner: str | None = None) -> bool | None:
        """Cancel an unfinished job and drop its data; None if unknown, False if it had ended."""

        def mutate(fields: dict[str, str], pipe: Writes) -> bool | None:
            if owner is not None and records.owner_of(fields) != owner:
                return None
            if JobStatus(fields["status"]).finished:
                return False
            updates = {"status": JobStatus.CANCELLED.value}
            updates.update(records.skipped_stages(fields, include_running=True))
            pipe.hset(keys.job_key(job_id), mapping=updates)
            pipe.delete(keys.input_key(job_id), *(keys.result_key(job_id, s) for s in STAGES))
            stats.job_ended(pipe, fields["status"], JobStatus.CANCELLED.value, _created_at(fields))
            pipe.zrem(keys.ACTIVE_KEY, job_id)
            return True

        return self._update(job_id, mutate)[0]

    def discard(self, job_id: str, owner: str | None = None) -> str | None:
        """DELETE's policy: cancel an unfinished job (its data dropped, the record kept so a
        poller sees 'cancelled'), remove a finished one entirely. None when there is no such job."""
        cancelled = self.cancel(job_id, owner)
        if cancelled is None:
            return None
        if cancelled:
            return "cancelled"
        self.delete(job_id)
        return "deleted"

    def delete(self, job_id: str) -> None:
        """Remove every key of a job."""
        fields = decode(self.redis.hgetall(keys.job_key(job_id)))
        doomed = [keys.job_key(job_id), keys.input_key(job_id),
                  *(keys.result_key(job_id, s) for s in STAGES)]
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.delete(*doomed)
            if "meta" in fields:
                pipe.zrem(keys.owner_key(records.owner_of(fields)), job_id)
            pipe.zrem(keys.ACTIVE_KEY, job_id)
            pipe.publish(keys.events_channel(job_id), "deleted")
            pipe.execute()

    def record_webhook(self, job_id: str, delivery: dict) -> None:
        """Keep the outcome of the latest webhook delivery on the job."""

        def mutate(fields: dict[str, str], pipe: Writes) -> bool:
            pipe.hset(keys.job_key(job_id), "webhook", json.dumps(delivery))
            return True

        self._update(job_id, mutate)


def _start(job_id: str, claim: Claim, fields: dict[str, str], pipe: Writes) -> bool | None:
    """start_stage's decision: True when the stage runs now (or already succeeded), None when
    this delivery must not run it."""
    run = load_stage(claim.stage, fields)
    if run.status is StageStatus.SUCCEEDED:
        return True
    if JobStatus(fields["status"]).finished or run.status in (
        StageStatus.FAILED, StageStatus.SKIPPED
    ) or _held_by_another(run, claim.delivery, claim.lease_seconds):
        return None
    run = claim.begin(run)
    updates = {"status": JobStatus.RUNNING.value, stage_field(claim.stage): dump_stage(run)}
    pipe.hset(keys.job_key(job_id), mapping=updates)
    stats.job_status_changed(pipe, fields["status"], JobStatus.RUNNING.value)
    return True


def _in_hand(finished: Sequence[Finished], fields: dict[str, str]) -> bool:
    """Whether the job hash is as the worker left it: the first stage running, the rest pending."""
    first, *rest = (load_stage(done.run.name, fields).status for done in finished)
    return first is StageStatus.RUNNING and all(status is StageStatus.PENDING for status in rest)


def _held_by_another(run: StageRun, delivery: str | None, lease_seconds: float) -> bool:
    if run.status is not StageStatus.RUNNING or not delivery or run.delivery in (None, delivery):
        return False
    return utcnow().timestamp() - records.epoch(run.started_at or "1970-01-01T00:00:00Z") < lease_seconds


def _count_stage(pipe: Writes, run: StageRun) -> None:
    stats.stage_ended(pipe, run)


def _created_at(fields: dict[str, str]) -> str:
    return json.loads(fields["meta"])["created_at"]
