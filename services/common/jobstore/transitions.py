"""The job's state machine: every change to a stored job, each atomic under WATCH.

An API cancel and a worker's stage update never overwrite each other, and each change is
published on the job's events channel for long-polling clients.
"""
from __future__ import annotations

import json
from typing import Any, Callable

import redis
from redis.client import Pipeline

from services.common.jobs import STAGES, JobStatus, StageRun, StageStatus, rfc3339, utcnow
from services.common.jobstore import keys, records
from services.common.jobstore.records import decode, dump_stage, load_stage

# A stage update sent by the API and a worker at once is retried this many times.
MAX_TRANSACTION_RETRIES = 20

# A mutation sees the job hash and queues its writes on the pipeline; None aborts it.
Mutation = Callable[[dict[str, str], Pipeline], Any]


class JobTransitions:
    """Stage and job status changes; mixed into JobStore, which provides ``self.redis``."""

    redis: redis.Redis

    def _update(self, job_id: str, mutate: Mutation) -> Any:
        """Run ``mutate`` under WATCH on the job hash; stamp and publish only if it wrote."""
        job_key = keys.job_key(job_id)
        for _ in range(MAX_TRANSACTION_RETRIES):
            with self.redis.pipeline(transaction=True) as pipe:
                try:
                    pipe.watch(job_key)
                    fields = decode(pipe.hgetall(job_key))
                    if "meta" not in fields:
                        return None
                    pipe.multi()
                    outcome = mutate(fields, pipe)
                    if outcome is None or not pipe.command_stack:
                        return outcome  # aborted, or nothing to write: no event either
                    pipe.hset(job_key, "updated_at", rfc3339(utcnow()))
                    pipe.publish(keys.events_channel(job_id), "changed")
                    pipe.execute()
                    return outcome
                except redis.WatchError:
                    continue
        raise redis.WatchError(f"job {job_id} kept changing under a stage update")

    def start_stage(self, job_id: str, stage: str, worker: str | None = None) -> StageRun | None:
        """Mark a stage running and count the attempt; None when the job must go no further.

        A stage that already succeeded is returned as it is: its message was redelivered after
        the worker stored the output but died before queueing the next stage.
        """

        def mutate(fields: dict[str, str], pipe: Pipeline) -> StageRun | None:
            run = load_stage(stage, fields)
            if JobStatus(fields["status"]).finished or run.status in (
                StageStatus.FAILED, StageStatus.SKIPPED
            ):
                return None
            if run.status is StageStatus.SUCCEEDED:
                return run
            run.status, run.attempts = StageStatus.RUNNING, run.attempts + 1
            run.started_at, run.worker = rfc3339(utcnow()), worker
            pipe.hset(keys.job_key(job_id), mapping={"status": JobStatus.RUNNING.value,
                                                 f"stage:{stage}": dump_stage(run)})
            return run

        return self._update(job_id, mutate)

    def finish_stage(self, job_id: str, stage: str, output: Any) -> bool:
        """Store a stage's output; the last stage completes the job. False if the job moved on."""
        payload = json.dumps(output, ensure_ascii=False)

        def mutate(fields: dict[str, str], pipe: Pipeline) -> bool | None:
            run = load_stage(stage, fields)
            if JobStatus(fields["status"]).finished or run.status is not StageStatus.RUNNING:
                return None
            records.close_stage(run, StageStatus.SUCCEEDED)
            expires = records.expires_ts(fields)
            pipe.set(keys.result_key(job_id, stage), payload, exat=expires)
            updates = {f"stage:{stage}": dump_stage(run)}
            if stage == STAGES[-1]:
                updates["status"] = JobStatus.SUCCEEDED.value
                pipe.delete(keys.input_key(job_id))  # the cleaned text is kept; the upload is not needed
                pipe.hincrby(keys.STATS_KEY, "jobs_succeeded", 1)
            pipe.hset(keys.job_key(job_id), mapping=updates)
            _count_stage(pipe, run)
            return True

        return bool(self._update(job_id, mutate))

    def fail_stage(self, job_id: str, stage: str, error: dict) -> bool:
        """Fail a stage and the job with it; later stages are skipped.

        False when the job has ended or the stage had already succeeded (an error after its
        output was stored, say while queueing the next stage, is not the stage's failure).
        """

        def mutate(fields: dict[str, str], pipe: Pipeline) -> bool | None:
            run = load_stage(stage, fields)
            if JobStatus(fields["status"]).finished or run.status is StageStatus.SUCCEEDED:
                return None
            run.error = error
            records.close_stage(run, StageStatus.FAILED)
            updates = {f"stage:{stage}": dump_stage(run), "status": JobStatus.FAILED.value,
                       "error": json.dumps({"stage": stage, **error})}
            updates.update(records.skipped_stages(fields, exclude=stage))
            pipe.hset(keys.job_key(job_id), mapping=updates)
            pipe.delete(keys.input_key(job_id))
            pipe.hincrby(keys.STATS_KEY, "jobs_failed", 1)
            _count_stage(pipe, run)
            return True

        return bool(self._update(job_id, mutate))

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
            pipe.hincrby(keys.STATS_KEY, "jobs_cancelled", 1)
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
            pipe.publish(keys.events_channel(job_id), "deleted")
            pipe.execute()

    def record_webhook(self, job_id: str, delivery: dict) -> None:
        """Keep the outcome of the latest webhook delivery on the job."""

        def mutate(fields: dict[str, str], pipe: Pipeline) -> bool:
            pipe.hset(keys.job_key(job_id), "webhook", json.dumps(delivery))
            return True

        self._update(job_id, mutate)


def _count_stage(pipe: Pipeline, run: StageRun) -> None:
    pipe.hincrby(keys.STATS_KEY, f"stage:{run.name}:{run.status.value}", 1)
    pipe.hincrby(keys.STATS_KEY, f"stage:{run.name}:duration_ms", run.duration_ms or 0)
