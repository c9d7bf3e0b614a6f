"""The job's state machine: every change to a stored job, each atomic under WATCH.

An API cancel and a worker's stage update never overwrite each other, and each change is
published on the job's events channel for long-polling clients.
"""
from __future__ import annotations

import json
from typing import Any, Callable

import redis
from redis.client import Pipeline

from services.common.jobs import STAGES, Job, JobStatus, Stage, StageRun, StageStatus, rfc3339, utcnow
from services.common.jobstore import keys, records, stats
from services.common.jobstore.records import decode, dump_stage, load_stage, stage_field

# A stage update sent by the API and a worker at once is retried this many times.
MAX_TRANSACTION_RETRIES = 20

# A mutation sees the job hash and queues its writes on the pipeline; None aborts it.
Mutation = Callable[[dict[str, str], Pipeline], Any]


class JobTransitions:
    """Stage and job status changes; mixed into JobStore, which provides ``self.redis``."""

    redis: redis.Redis

    def _update(self, job_id: str, mutate: Mutation, only: tuple[str, ...] = ()) -> Any:
        """Run ``mutate`` under WATCH on the job hash; stamp and publish only if it wrote.

        ``mutate`` sees the whole hash, or only the fields named in ``only``.
        """
        job_key = keys.job_key(job_id)
        for _ in range(MAX_TRANSACTION_RETRIES):
            with self.redis.pipeline(transaction=True) as pipe:
                try:
                    pipe.watch(job_key)
                    fields = _read(pipe, job_key, only)
                    if "status" not in fields:
                        return None
                    pipe.multi()
                    outcome = mutate(fields, pipe)
                    if outcome is None or not pipe.command_stack:
                        return outcome  # aborted, or nothing to write: no event either
                    now = utcnow()
                    pipe.hset(job_key, "updated_at", rfc3339(now))
                    # Progress, for the reconciler; a job that ended has left the set already.
                    pipe.zadd(keys.ACTIVE_KEY, {job_id: now.timestamp()}, xx=True)
                    pipe.publish(keys.events_channel(job_id), "changed")
                    pipe.execute()
                    return outcome
                except redis.WatchError:
                    continue
        raise redis.WatchError(f"job {job_id} kept changing under a stage update")

    def start_stage(self, job_id: str, stage: Stage, worker: str | None = None,
                    delivery: str | None = None, lease_seconds: float = 0) -> Job | None:
        """Mark a stage running and count the attempt; the job as it now is, or None when this
        delivery must not run it (the job ended, or another message runs the stage right now).

        A stage that already succeeded is left as it is and returned (even when it ended the
        job): its message was redelivered after the worker stored the output but died before
        queueing what comes next. A stage started less than ``lease_seconds`` ago by another
        message is that message's to finish.
        """

        def mutate(fields: dict[str, str], pipe: Pipeline) -> Job | None:
            run = load_stage(stage, fields)
            if run.status is StageStatus.SUCCEEDED:
                return records.job_from_fields(fields)
            if JobStatus(fields["status"]).finished or run.status in (
                StageStatus.FAILED, StageStatus.SKIPPED
            ) or _held_by_another(run, delivery, lease_seconds):
                return None
            run.status, run.attempts = StageStatus.RUNNING, run.attempts + 1
            run.started_at, run.worker, run.delivery = rfc3339(utcnow()), worker, delivery
            updates = {"status": JobStatus.RUNNING.value, stage_field(stage): dump_stage(run)}
            pipe.hset(keys.job_key(job_id), mapping=updates)
            stats.job_status_changed(pipe, fields["status"], JobStatus.RUNNING.value)
            return records.job_from_fields({**fields, **updates})

        return self._update(job_id, mutate)

    def finish_stage(self, job: Job, stage: Stage, output: Any) -> bool:
        """Store a stage's output; the last stage completes the job. False if the job moved on.

        ``job`` is the job as start_stage returned it; only its status and this stage are read again.
        """
        payload = json.dumps(output, ensure_ascii=False)
        expires = int(records.epoch(job.expires_at))

        def mutate(fields: dict[str, str], pipe: Pipeline) -> bool | None:
            run = load_stage(stage, fields)
            if JobStatus(fields["status"]).finished or run.status is not StageStatus.RUNNING:
                return None
            records.close_stage(run, StageStatus.SUCCEEDED)
            pipe.set(keys.result_key(job.id, stage), payload, exat=expires)
            updates = {stage_field(stage): dump_stage(run)}
            if stage.is_last:
                updates["status"] = JobStatus.SUCCEEDED.value
                pipe.delete(keys.input_key(job.id))  # the cleaned text is kept; the upload is not needed
                stats.job_ended(pipe, fields["status"], JobStatus.SUCCEEDED.value, job.created_at)
                pipe.zrem(keys.ACTIVE_KEY, job.id)
            pipe.hset(keys.job_key(job.id), mapping=updates)
            _count_stage(pipe, run)
            return True

        return bool(self._update(job.id, mutate, only=("status", stage_field(stage))))

    def fail_stage(self, job_id: str, stage: Stage, error: dict) -> Job | None:
        """Fail a stage and the job with it, skipping later stages; the failed job.

        None when the job has ended or the stage had already succeeded (an error after its
        output was stored, say while queueing the next stage, is not the stage's failure).
        """

        def mutate(fields: dict[str, str], pipe: Pipeline) -> Job | None:
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
            return records.job_from_fields({**fields, **updates})

        # The upload goes first, outside the transaction: a DEL is allowed even in a full Redis,
        # and the memory it frees lets the failure be recorded there.
        self.redis.delete(keys.input_key(job_id))
        return self._update(job_id, mutate)

    def cancel(self, job_id: str, owner: str | None = None) -> bool | None:
        """Cancel an unfinished job and drop its data; None if unknown, False if it had ended."""

        def mutate(fields: dict[str, str], pipe: Pipeline) -> bool | None:
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

        return self._update(job_id, mutate)

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

        def mutate(fields: dict[str, str], pipe: Pipeline) -> bool:
            pipe.hset(keys.job_key(job_id), "webhook", json.dumps(delivery))
            return True

        self._update(job_id, mutate, only=("status",))


def _held_by_another(run: StageRun, delivery: str | None, lease_seconds: float) -> bool:
    if run.status is not StageStatus.RUNNING or not delivery or run.delivery in (None, delivery):
        return False
    return utcnow().timestamp() - records.epoch(run.started_at or "1970-01-01T00:00:00Z") < lease_seconds


def _read(pipe: Pipeline, job_key: str, only: tuple[str, ...]) -> dict[str, str]:
    if not only:
        return decode(pipe.hgetall(job_key))
    return {name: value.decode() for name, value in zip(only, pipe.hmget(job_key, only))
            if value is not None}


def _count_stage(pipe: Pipeline, run: StageRun) -> None:
    stats.stage_ended(pipe, run)


def _created_at(fields: dict[str, str]) -> str:
    return json.loads(fields["meta"])["created_at"]
