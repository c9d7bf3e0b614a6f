"""/v1/jobs: submit documents, read, list and cancel jobs."""
from __future__ import annotations

import hashlib
import logging
import math
from datetime import timedelta

from flask import g, make_response, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint
from kombu.exceptions import OperationalError
from redis import RedisError

from services.api.auth import authenticate
from services.api.intake import Submission, read_submissions
from services.api.job_body import job_response
from services.api.openapi import PROBLEM, UPLOAD_BODY, accepted_response
from services.api.problems import RETRY_AFTER_SECONDS, ApiProblem
from services.api.runtime import runtime
from services.api.schemas import JobBatchSchema, JobListSchema, JobSchema, ListArgsSchema, WaitArgsSchema
from services.common import logs
from services.common.errors import IdempotencyConflict
from services.common.jobs import STAGES, Job, JobStatus, StageRun, new_job_id, rfc3339, utcnow
from services.common.pipeline import announce, stage_commands

LOGGER = logging.getLogger(__name__)
blp = Blueprint("jobs", __name__, url_prefix="/v1/jobs",
                description="Submit documents; read, list and cancel their jobs.")
blp.before_request(authenticate)
# Built once: a schema instance costs ~0.2 ms to build, several times the cost of a dump.
_JOB, _JOB_BATCH = JobSchema(), JobBatchSchema()


@blp.route("")
class Jobs(MethodView):
    @blp.doc(requestBody=UPLOAD_BODY, responses={"202": accepted_response()}, parameters=[{
        "in": "header", "name": "Idempotency-Key", "schema": {"type": "string"},
        "description": "Repeat a submission safely: the same key with the same request answers "
                       "the same job; with another request (document, options, callback…), 422."}])
    @blp.alt_response(400, **PROBLEM)
    @blp.alt_response(408, **PROBLEM)
    @blp.alt_response(413, **PROBLEM)
    @blp.alt_response(415, **PROBLEM)
    @blp.alt_response(422, **PROBLEM)
    @blp.alt_response(429, **PROBLEM)
    @blp.alt_response(503, **PROBLEM)
    def post(self):
        """Submit a document for cleaning, quote extraction and summarisation."""
        submissions = read_submissions(request, runtime().settings)
        _refuse_when_overloaded(len(submissions))
        key = request.headers.get("Idempotency-Key")
        jobs = [_submit(s, f"{key}#{i}" if key and len(submissions) > 1 else key)
                for i, s in enumerate(submissions)]
        if len(jobs) > 1:
            return make_response(_JOB_BATCH.dump({"jobs": jobs}), 202)
        body = _JOB.dump(jobs[0])
        return make_response(body, 202, {"Location": url_for("jobs.JobById", job_id=jobs[0].id)})

    @blp.arguments(ListArgsSchema, location="query")
    @blp.response(200, JobListSchema)
    @blp.alt_response(422, **PROBLEM)
    def get(self, args):
        """The caller's jobs, newest first."""
        after = _parse_cursor(args["cursor"])
        jobs, cursor = runtime().store.list(g.owner, args["limit"], after)
        return {"jobs": jobs, "next": None if cursor is None else f"{cursor[0]!r}_{cursor[1]}"}


@blp.route("/<job_id>")
class JobById(MethodView):
    @blp.arguments(WaitArgsSchema, location="query")
    @blp.response(200, JobSchema)
    @blp.alt_response(404, **PROBLEM)
    @blp.alt_response(422, **PROBLEM)
    def get(self, args, job_id):
        """A job with per-stage progress and, as stages finish, their results.

        With `wait`, the answer comes when the job has finished (with `since`, when it has
        changed) or the time is up; when too many requests are already waiting, it comes at once.
        """
        rt = runtime()
        if args["wait"] and rt.waiters.acquire(blocking=False):
            try:
                reading = rt.store.wait(job_id, g.owner, args["wait"], since=args["since"])
            finally:
                rt.waiters.release()
        else:
            reading = rt.store.read(job_id, g.owner)
        if reading is None:
            _not_found(job_id)
        return job_response(*reading)

    @blp.response(204)
    @blp.alt_response(404, **PROBLEM)
    def delete(self, job_id):
        """Cancel a job that has not finished (it stays readable as `cancelled`, its document and
        results dropped), or delete a finished one and everything it stored."""
        rt = runtime()
        outcome = rt.store.discard(job_id, g.owner)
        if outcome is None:
            _not_found(job_id)
        if outcome == "cancelled":
            _announce_quietly(job_id)


def _submit(sub: Submission, idempotency_key: str | None) -> Job:
    """Store the job and the message queueing its first stage, in one transaction.

    Should the message not be made (the broker fails just then), the job is stored without it
    and the workers' reconciler queues the stage of a stored job that makes no progress.
    """
    rt = runtime()
    job = _new_job(sub, rt.settings.result_ttl_seconds)
    logs.bind_job(job.id)  # what is logged from here on concerns this job
    try:
        first = stage_commands(rt.celery, job.id, STAGES[0])
    except (OperationalError, RedisError):
        first = ()
        LOGGER.warning("job %s: its first stage could not be queued; the reconciler will queue "
                       "it", job.id)
    try:
        job, created = rt.store.create(job, sub.data, idempotency_key, then=first)
    except IdempotencyConflict as exc:
        raise ApiProblem(422, f"{exc}; use a new key for a new request.", slug="idempotency-conflict",
                         errors=[{"field": "Idempotency-Key", "in": "header", "reason": str(exc)}])
    if created:
        rt.backlog.grew(1)
    return job


def _new_job(sub: Submission, ttl_seconds: int) -> Job:
    now = utcnow()
    return Job(
        id=new_job_id(), owner=g.owner, status=JobStatus.QUEUED,
        created_at=rfc3339(now), updated_at=rfc3339(now),
        expires_at=rfc3339(now + timedelta(seconds=ttl_seconds)),
        input={"filename": sub.filename, "title": sub.title, "content_type": sub.content_type,
               "bytes": len(sub.data), "sha256": hashlib.sha256(sub.data).hexdigest()},
        options=sub.options, callback_url=sub.callback_url,
        stages=[StageRun(name) for name in STAGES],
    )


def _announce_quietly(job_id: str) -> None:
    # The cancel itself has happened; a lost webhook must not turn it into an error.
    rt = runtime()
    try:
        job = rt.store.get(job_id, results=False)
        if job is not None:
            announce(rt.celery, job)
    except (OperationalError, RedisError):
        LOGGER.warning("job %s: cancelled, but its webhook could not be queued", job_id)


def _refuse_when_overloaded(incoming: int) -> None:
    rt = runtime()
    queued = rt.backlog.length()
    if queued + incoming > rt.settings.max_queued_jobs:
        raise ApiProblem(429, f"{queued} jobs are waiting and this service queues at most "
                         f"{rt.settings.max_queued_jobs}; try again shortly.", slug="overloaded",
                         headers={"Retry-After": RETRY_AFTER_SECONDS})


def _parse_cursor(cursor: str | None) -> tuple[float, str] | None:
    if cursor is None:
        return None
    try:
        created_ms, job_id = cursor.split("_", 1)
        if math.isfinite(float(created_ms)):
            return float(created_ms), job_id
    except ValueError:
        pass
    raise ApiProblem(422, "The cursor is not one this API gave out.", slug="invalid-request",
                     errors=[{"field": "cursor", "in": "query", "reason": "Not a cursor."}])


def _not_found(job_id: str):
    raise ApiProblem(404, f"No job {job_id!r}: it never existed, has expired, or belongs to "
                     "another API key.", slug="job-not-found")
