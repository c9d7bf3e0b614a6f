"""The reconciler against a real Redis: stalled jobs without a message get their stage queued."""
import json
import time

import pytest

from services.common.jobs import Stage
from services.common.pipeline import QUEUES, job_ids_in_flight, make_celery, queue_stage, stage_commands
from tests.jobs import make_job
from workers.reconciler import reconcile


@pytest.fixture
def context(settings, worker_context):
    return worker_context(settings)


@pytest.fixture
def app(settings):
    return make_celery(settings)


def later(context):
    """A moment when everything stored now has made no progress for the visibility timeout."""
    return time.time() + context.settings.visibility_timeout_seconds + 1


def queued(context, stage):
    return [json.loads(m)["headers"]["task"] for m in context.store.redis.lrange(QUEUES[stage], 0, -1)]


def test_a_stored_job_that_was_never_queued_gets_its_first_stage(context, app):
    job, _ = context.store.create(make_job(), b"x")
    assert reconcile(context, app, now=time.time()) == []  # not stalled yet
    assert reconcile(context, app, now=later(context)) == [(job.id, Stage.CLEANING)]
    assert queued(context, Stage.CLEANING) == ["docpipe.clean"]
    assert reconcile(context, app, now=later(context)) == []  # its message is now in the queue


def test_a_job_whose_next_stage_was_never_queued_gets_it(context, app):
    jobs = context.store
    job, _ = jobs.create(make_job(), b"x")
    jobs.finish_stage(jobs.start_stage(job.id, Stage.CLEANING), Stage.CLEANING, {"text": "x"})
    assert reconcile(context, app, now=later(context)) == [(job.id, Stage.QUOTES)]


def test_a_running_stage_whose_message_was_lost_is_queued_again(context, app):
    jobs = context.store
    job, _ = jobs.create(make_job(), b"x")
    jobs.start_stage(job.id, Stage.CLEANING, "dead@host", "lost-delivery")
    assert reconcile(context, app, now=later(context)) == [(job.id, Stage.CLEANING)]


def test_a_job_waiting_in_the_queue_or_delivered_is_left_alone(context, app):
    job, _ = context.store.create(make_job(), b"x")
    queue_stage(app, job.id, Stage.CLEANING)
    assert job_ids_in_flight(app) == {job.id}
    assert reconcile(context, app, now=later(context)) == []
    raw = context.store.redis.rpop(QUEUES[Stage.CLEANING])  # as a worker takes it: unacked
    context.store.redis.hset("unacked", "tag-1", json.dumps([json.loads(raw), "", "docpipe.cleaning"]))
    assert job_ids_in_flight(app) == {job.id}
    assert reconcile(context, app, now=later(context)) == []


def test_a_job_stored_with_its_first_message_is_queued_once_and_left_alone(context, app):
    job = make_job()
    stored, created = context.store.create(job, b"x", "key-1", then=stage_commands(app, job.id, Stage.CLEANING))
    assert created and queued(context, Stage.CLEANING) == ["docpipe.clean"]
    assert job_ids_in_flight(app) == {job.id}  # the message a worker reads: Celery's own
    again = make_job(owner=job.owner)
    same, created = context.store.create(again, b"x", "key-1", then=stage_commands(app, again.id, Stage.CLEANING))
    assert (same.id, created) == (job.id, False)
    assert queued(context, Stage.CLEANING) == ["docpipe.clean"]  # a replay queues nothing
    assert reconcile(context, app, now=later(context)) == []


def test_jobs_that_ended_or_went_leave_the_reconcilers_view(context, app):
    jobs = context.store
    done, _ = jobs.create(make_job(), b"x")
    for stage in Stage:
        jobs.finish_stage(jobs.start_stage(done.id, stage), stage, {})
    cancelled, _ = jobs.create(make_job(), b"x")
    jobs.cancel(cancelled.id)
    expired, _ = jobs.create(make_job(), b"x")
    jobs.redis.delete(f"docpipe:job:{expired.id}")  # what its TTL does
    assert reconcile(context, app, now=later(context)) == []
    assert jobs.stalled(before=later(context)) == []


def test_a_stage_message_is_celerys_own_with_its_argument_shown_and_queued_on_an_empty_broker(context, app):
    # Published without a declare and with argsrepr given: the message still lands in the
    # stage's list on a broker no worker has touched, and reads as Celery would have made it.
    queue_stage(app, "job-1", Stage.QUOTES)
    [raw] = context.store.redis.lrange(QUEUES[Stage.QUOTES], 0, -1)
    message = json.loads(raw)
    assert message["headers"]["task"] == "docpipe.quotes"
    assert (message["headers"]["argsrepr"], message["headers"]["kwargsrepr"]) == ("('job-1',)", "{}")
    assert job_ids_in_flight(app) == {"job-1"}
