"""The task glue against a real Redis: failures, redeliveries and a broken chain."""
import json
from types import SimpleNamespace

import pytest
from celery.exceptions import Ignore, Retry

from services.common.jobs import JobStatus, Stage, StageStatus
from services.common.pipeline import QUEUES, make_celery
from tests.jobs import make_job
from workers import running

CLEANING = Stage.CLEANING


@pytest.fixture
def store(settings, worker_context):
    return worker_context(settings).store


def fake_task(stage, settings, retries=0):
    task = SimpleNamespace(stage=stage, app=make_celery(settings),
                           request=SimpleNamespace(retries=retries, hostname="test@host"))
    task.retry = lambda countdown: Retry(when=countdown)
    return task


def queued_tasks(jobs, stage):
    return [json.loads(m)["headers"]["task"] for m in jobs.redis.lrange(QUEUES[stage], 0, -1)]


def must_not_run(jobs, job):
    pytest.fail("the stage ran")


def test_a_stage_error_fails_the_job_and_stops_the_chain(store, settings):
    job, _ = store.create(make_job(), b"x")
    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), job.id,
                          lambda jobs, job: (_ for _ in ()).throw(ValueError("no text in it")))
    failed = store.get(job.id)
    assert failed.status is JobStatus.FAILED
    assert failed.error == {"stage": "cleaning", "type": "ValueError", "detail": "no text in it"}
    assert queued_tasks(store, Stage.QUOTES) == []


def test_a_stage_whose_worker_kept_dying_fails_with_worker_lost(store, settings):
    job, _ = store.create(make_job(), b"x")
    for _ in range(settings.max_deliveries):  # deliveries whose worker died mid-stage
        store.start_stage(job.id, CLEANING)
    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), job.id, must_not_run)
    assert store.get(job.id).error["type"] == "WorkerLost"


def test_retries_do_not_count_as_lost_workers(store, settings):
    job, _ = store.create(make_job(), b"x")
    for _ in range(settings.max_deliveries):
        store.start_stage(job.id, CLEANING)
    running.run_stage(fake_task(CLEANING, settings, retries=settings.max_deliveries), job.id,
                      lambda jobs, job: {"text": "ok"})
    assert store.get(job.id).stage(CLEANING).status is StageStatus.SUCCEEDED


def test_the_stage_gets_the_job_as_it_started(store, settings):
    job, _ = store.create(make_job(), b"x")
    seen = []
    running.run_stage(fake_task(CLEANING, settings), job.id,
                      lambda jobs, started: seen.append(started) or {"text": "x"})
    assert seen[0].id == job.id and seen[0].stage(CLEANING).status is StageStatus.RUNNING
    assert seen[0].stage(CLEANING).worker == "test@host"


def test_an_error_after_the_output_was_stored_queues_the_rest_of_the_chain(store, settings):
    job, _ = store.create(make_job(), b"x")
    store.finish_stage(store.start_stage(job.id, CLEANING), CLEANING, {"text": "x"})
    running._record_failure(fake_task(CLEANING, settings), running.current(), job.id,
                            running.StageFailed("SoftTimeLimitExceeded", "late"))
    assert store.get(job.id).status is JobStatus.RUNNING
    assert queued_tasks(store, Stage.QUOTES) == ["docpipe.quotes"]


def test_the_last_stage_announces_only_a_job_with_a_callback(store, settings):
    for callback, expected in ((None, 0), ("https://hooks.example/done", 1)):
        job, _ = store.create(make_job(callback_url=callback), b"x")
        for stage in Stage:
            running.run_stage(fake_task(stage, settings), job.id, lambda jobs, job: {"text": "x"})
        assert store.get(job.id).status is JobStatus.SUCCEEDED
        assert store.redis.llen("docpipe.notify") == expected


def test_a_message_that_came_before_its_job_waits_for_it_then_gives_up(store, settings):
    with pytest.raises(Retry):
        running.run_stage(fake_task(CLEANING, settings), "not-stored-yet", must_not_run)
    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings, running.MISSING_JOB_RETRIES),
                          "never-stored", must_not_run)


def test_a_job_stored_just_after_the_first_look_is_run(store, settings, monkeypatch):
    job = make_job()
    real_start = store.start_stage

    def api_stores_it_meanwhile(*args):
        monkeypatch.setattr(store, "start_stage", real_start)
        store.create(job, b"x")  # the API's write lands between the worker's two reads
        return None

    monkeypatch.setattr(store, "start_stage", api_stores_it_meanwhile)
    running.run_stage(fake_task(CLEANING, settings), job.id, lambda jobs, job: {"text": "x"})
    assert store.get(job.id).stage(CLEANING).status is StageStatus.SUCCEEDED
