"""The task glue against a real Redis: failures, redeliveries and a broken chain."""
from types import SimpleNamespace

import pytest
from celery.exceptions import Ignore

from services.common.jobs import JobStatus, StageStatus
from services.common.jobstore import JobStore
from services.common.pipeline import QUEUES, make_celery
from tests.api.test_jobstore import make_job
from workers import tasks


@pytest.fixture
def store(redis_url, settings, monkeypatch) -> JobStore:
    jobs = JobStore.from_url(redis_url, 3600)
    monkeypatch.setattr(tasks, "store", lambda: jobs)
    monkeypatch.setattr(tasks, "get_settings", lambda: settings)
    return jobs


def fake_task(stage, settings, retries=0):
    return SimpleNamespace(stage=stage, app=make_celery(settings),
                           request=SimpleNamespace(retries=retries, hostname="test@host"))


def queued_tasks(jobs, stage):
    import json
    return [json.loads(m)["headers"]["task"] for m in jobs.redis.lrange(QUEUES[stage], 0, -1)]


def test_a_stage_error_fails_the_job_and_stops_the_chain(store, settings):
    job, _ = store.create(make_job(), b"x")
    with pytest.raises(Ignore):
        tasks.run_stage(fake_task("cleaning", settings), job.id,
                        lambda jobs, job_id: (_ for _ in ()).throw(ValueError("no text in it")))
    failed = store.get(job.id)
    assert failed.status is JobStatus.FAILED
    assert failed.error == {"stage": "cleaning", "type": "ValueError", "detail": "no text in it"}
    assert queued_tasks(store, "quotes") == []


def test_a_stage_whose_worker_kept_dying_fails_with_worker_lost(store, settings):
    job, _ = store.create(make_job(), b"x")
    for _ in range(settings.max_deliveries):  # deliveries whose worker died mid-stage
        store.start_stage(job.id, "cleaning")
    with pytest.raises(Ignore):
        tasks.run_stage(fake_task("cleaning", settings), job.id, lambda jobs, job_id: pytest.fail("ran"))
    assert store.get(job.id).error["type"] == "WorkerLost"


def test_retries_do_not_count_as_lost_workers(store, settings):
    job, _ = store.create(make_job(), b"x")
    for _ in range(settings.max_deliveries):
        store.start_stage(job.id, "cleaning")
    tasks.run_stage(fake_task("cleaning", settings, retries=settings.max_deliveries), job.id,
                    lambda jobs, job_id: {"text": "ok"})
    assert store.get(job.id).stages[0].status is StageStatus.SUCCEEDED


def test_an_error_after_the_output_was_stored_queues_the_rest_of_the_chain(store, settings):
    job, _ = store.create(make_job(), b"x")
    store.start_stage(job.id, "cleaning")
    store.finish_stage(job.id, "cleaning", {"text": "x"})
    tasks._record_failure(fake_task("cleaning", settings), job.id, "SoftTimeLimitExceeded", "late")
    assert store.get(job.id).status is JobStatus.RUNNING
    assert queued_tasks(store, "quotes") == ["docpipe.quotes"]


def test_a_message_that_came_before_its_job_waits_for_it_then_gives_up(store, settings):
    from celery.exceptions import Retry

    def task(retries):
        t = fake_task("cleaning", settings, retries)
        t.retry = lambda countdown: Retry(when=countdown)
        return t

    with pytest.raises(Retry):
        tasks.run_stage(task(0), "not-stored-yet", lambda jobs, job_id: pytest.fail("ran"))
    with pytest.raises(Ignore):
        tasks.run_stage(task(tasks.MISSING_JOB_RETRIES), "never-stored", lambda jobs, job_id: pytest.fail("ran"))


def test_a_job_stored_just_after_the_first_look_is_run(store, settings, monkeypatch):
    job = make_job()
    real_start = store.start_stage

    def api_stores_it_meanwhile(*args):
        monkeypatch.setattr(store, "start_stage", real_start)
        store.create(job, b"x")  # the API's write lands between the worker's two reads
        return None

    monkeypatch.setattr(store, "start_stage", api_stores_it_meanwhile)
    tasks.run_stage(fake_task("cleaning", settings), job.id, lambda jobs, job_id: {"text": "x"})
    assert store.get(job.id).stages[0].status is StageStatus.SUCCEEDED
