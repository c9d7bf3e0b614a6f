"""The task glue against a real Redis: failures, redeliveries, transient errors, the next stage."""
import json
from types import SimpleNamespace

import pytest
import redis
from celery.exceptions import Ignore, Reject, Retry, SoftTimeLimitExceeded
from kombu.exceptions import OperationalError

from services.common.errors import StageFailed
from services.common.jobs import JobStatus, Stage, StageStatus
from services.common.pipeline import QUEUES, make_celery
from services.common.settings import Settings
from tests.jobs import make_job
from workers import running
from workers.context import current

CLEANING, QUOTES = Stage.CLEANING, Stage.QUOTES


@pytest.fixture
def settings(redis_url):
    """Each stage queued apart, as for a large upload; the tests of stages run in one task say so."""
    return Settings(redis_url=redis_url, result_ttl_seconds=3600, inline_max_bytes=0)


@pytest.fixture
def store(settings, worker_context):
    return worker_context(settings).store


def fake_task(stage, settings, retries=0, delivery="delivery-1", retry_publishes=True):
    def retry(exc, countdown):
        if not retry_publishes:  # what Celery does when it cannot publish the retry
            raise Reject(exc, requeue=False)
        return Retry(exc=exc, when=countdown)

    return SimpleNamespace(stage=stage, app=make_celery(settings), name=f"docpipe.{stage}", retry=retry,
                           request=SimpleNamespace(retries=retries, hostname="test@host", id=delivery))


def each(work):
    """The same work for every stage."""
    return dict.fromkeys(Stage, work)


def queued_tasks(jobs, stage):
    return [json.loads(m)["headers"]["task"] for m in jobs.redis.lrange(QUEUES[stage], 0, -1)]


def must_not_run(jobs, job):
    pytest.fail("the stage ran")


def output(jobs, job):
    return {"text": "x"}


def test_a_stage_error_fails_the_job_with_its_reason_and_queues_nothing(store, settings):
    job, _ = store.create(make_job(), b"   ")

    def clean_nothing(jobs, job):
        from workers.stages.cleaning import clean
        return clean(jobs.get_input(job.id), "text/plain")

    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), job.id, each(clean_nothing))
    failed = store.get(job.id)
    assert failed.status is JobStatus.FAILED
    assert failed.error == {"stage": "cleaning", "type": "NoTextFound", "detail": "The document is empty."}
    assert queued_tasks(store, QUOTES) == []


def test_an_error_from_outside_the_stages_never_quotes_its_message(store, settings):
    job, _ = store.create(make_job(), b"x")

    def leaky(jobs, job):
        raise ValueError("Secret document text that must not reach the job's error")

    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), job.id, each(leaky))
    error = store.get(job.id).error
    assert error["type"] == "ValueError" and "Secret" not in error["detail"]


def test_a_stage_whose_worker_kept_dying_fails_with_worker_lost(store, settings):
    job, _ = store.create(make_job(), b"x")
    for _ in range(settings.max_deliveries):  # deliveries whose worker died mid-stage
        store.start_stage(job.id, CLEANING)
    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), job.id, each(must_not_run))
    assert store.get(job.id).error["type"] == "WorkerLost"


def test_retries_do_not_count_as_lost_workers(store, settings):
    job, _ = store.create(make_job(), b"x")
    for _ in range(settings.max_deliveries):
        store.start_stage(job.id, CLEANING)
    running.run_stage(fake_task(CLEANING, settings, retries=settings.max_deliveries), job.id, each(output))
    assert store.get(job.id).stage(CLEANING).status is StageStatus.SUCCEEDED


def test_a_stored_stage_queues_the_next_and_the_stage_gets_the_job_as_it_started(store, settings):
    job, _ = store.create(make_job(), b"x")
    seen = []
    running.run_stage(fake_task(CLEANING, settings), job.id,
                      each(lambda jobs, started: seen.append(started) or {"text": "x"}))
    assert seen[0].id == job.id and seen[0].stage(CLEANING).status is StageStatus.RUNNING
    assert seen[0].stage(CLEANING).worker == "test@host"
    assert queued_tasks(store, QUOTES) == ["docpipe.quotes"]


@pytest.mark.parametrize("error", [redis.ConnectionError("gone"), OperationalError("broker gone"),
                                   redis.WatchError("busy")])
def test_a_transient_error_runs_the_stage_again_later(store, settings, error):
    job, _ = store.create(make_job(), b"x")

    def flaky(jobs, job):
        raise error

    with pytest.raises(Retry):
        running.run_stage(fake_task(CLEANING, settings), job.id, each(flaky))
    with pytest.raises(Reject) as rejected:  # the broker cannot take the retry either
        running.run_stage(fake_task(CLEANING, settings, retry_publishes=False), job.id, each(flaky))
    assert rejected.value.requeue is True
    assert store.get(job.id).status is JobStatus.RUNNING


def test_a_failure_to_queue_the_next_stage_is_transient_and_the_redelivery_carries_on(
        store, settings, monkeypatch):
    job, _ = store.create(make_job(), b"x")
    real_queue = running.queue_stage
    monkeypatch.setattr(running, "queue_stage", lambda *a: (_ for _ in ()).throw(OperationalError("down")))
    with pytest.raises(Retry):
        running.run_stage(fake_task(CLEANING, settings), job.id, each(output))
    assert store.get(job.id).stage(CLEANING).status is StageStatus.SUCCEEDED
    monkeypatch.setattr(running, "queue_stage", real_queue)
    running.run_stage(fake_task(CLEANING, settings, retries=1), job.id, each(must_not_run))
    assert queued_tasks(store, QUOTES) == ["docpipe.quotes"]
    running.run_stage(fake_task(CLEANING, settings, retries=2), job.id, each(must_not_run))
    assert queued_tasks(store, QUOTES) == ["docpipe.quotes"] * 2  # the quotes stage is pending
    store.start_stage(job.id, QUOTES)
    running.run_stage(fake_task(CLEANING, settings, retries=3), job.id, each(must_not_run))
    assert len(queued_tasks(store, QUOTES)) == 2  # started: nothing more to queue


def test_a_second_message_for_a_running_stage_is_dropped_but_a_redelivery_runs(store, settings):
    job, _ = store.create(make_job(), b"x")
    store.start_stage(job.id, CLEANING, "w1", "delivery-1", settings.visibility_timeout_seconds)
    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings, delivery="delivery-2"), job.id, each(must_not_run))
    running.run_stage(fake_task(CLEANING, settings, delivery="delivery-1"), job.id, each(output))
    assert store.get(job.id).stage(CLEANING).attempts == 2


def test_a_full_store_fails_the_job_with_a_clear_reason(store, settings, monkeypatch):
    job, _ = store.create(make_job(), b"x")
    oom = redis.OutOfMemoryError("Command # 1 (SET docpipe:job:…:result the document's text) caused "
                                 "error: OOM command not allowed")
    monkeypatch.setattr(store, "finish_stages", lambda *a, **k: (_ for _ in ()).throw(oom))
    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), job.id, each(output))
    error = store.get(job.id).error
    assert error["type"] == "StoreFull" and "text" not in error["detail"]


def test_the_last_stage_announces_only_a_job_with_a_callback(store, settings):
    for callback, expected in ((None, 0), ("https://hooks.example/done", 1)):
        job, _ = store.create(make_job(callback_url=callback), b"x")
        for stage in Stage:
            running.run_stage(fake_task(stage, settings), job.id, each(output))
        assert store.get(job.id).status is JobStatus.SUCCEEDED
        assert store.redis.llen("docpipe.notify") == expected


def test_a_message_whose_job_is_not_stored_is_dropped(store, settings):
    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), "never-stored", each(must_not_run))


def test_a_stage_failed_on_purpose_keeps_its_reason(store, settings):
    job, _ = store.create(make_job(), b"x")

    def refuse(jobs, job):
        raise StageFailed("InputMissing", "the uploaded document is no longer stored")

    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), job.id, each(refuse))
    assert store.get(job.id).error["detail"] == "the uploaded document is no longer stored"


def test_a_stage_out_of_memory_fails_the_job_with_a_clear_reason(store, settings):
    job, _ = store.create(make_job(), b"x")

    def hungry(jobs, job):
        raise MemoryError()

    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), job.id, each(hungry))
    error = store.get(job.id).error
    assert error["type"] == "MemoryError" and "WORKER_MAX_MEMORY_MB" in error["detail"]


def test_a_redelivered_last_stage_announces_the_end_again(store, settings, monkeypatch):
    job, _ = store.create(make_job(callback_url="https://hooks.example/done"), b"x")
    for stage in (Stage.CLEANING, QUOTES):
        running.run_stage(fake_task(stage, settings), job.id, each(output))
    monkeypatch.setattr(running, "announce", lambda *a: (_ for _ in ()).throw(OperationalError("down")))
    with pytest.raises(Retry):  # stored and finished, but the webhook could not be queued
        running.run_stage(fake_task(Stage.SUMMARY, settings), job.id, each(output))
    assert store.get(job.id).status is JobStatus.SUCCEEDED
    monkeypatch.undo()
    running.run_stage(fake_task(Stage.SUMMARY, settings, retries=1), job.id, each(must_not_run))
    assert store.redis.llen("docpipe.notify") == 1


def test_kombus_lost_channel_error_counts_as_the_broker_being_away(settings, monkeypatch):
    from services.common import pipeline

    app = make_celery(settings)
    monkeypatch.setattr(app, "send_task", lambda *a, **k: None.client)  # what kombu 5.7 raises
    with pytest.raises(OperationalError):
        pipeline.queue_stage(app, "some-job", CLEANING)


@pytest.fixture
def inline_store(redis_url, worker_context):
    inline = Settings(redis_url=redis_url, result_ttl_seconds=3600, inline_max_bytes=100)
    return inline, worker_context(inline).store


def recording(seen):
    """Works that note what each stage was handed and answer {stage: stage}."""
    def work(stage):
        def run(jobs, started):
            seen[stage] = dict(started.result)
            return {stage.value: stage.value}
        return run
    return {stage: work(stage) for stage in Stage}


def revision(store, job_id):
    return int(store.redis.hget(f"docpipe:job:{job_id}", "rev") or 0)


def test_a_small_upload_runs_every_stage_in_one_task_each_stored_and_timed(inline_store):
    settings, store = inline_store
    job, _ = store.create(make_job(size=100), b"x" * 100)
    created = revision(store, job.id)
    seen = {}
    running.run_stage(fake_task(CLEANING, settings), job.id, recording(seen))
    done = store.get(job.id)
    assert done.status is JobStatus.SUCCEEDED
    assert all(r.status is StageStatus.SUCCEEDED and r.attempts == 1 and r.duration_ms is not None
               and r.worker == "test@host" and r.started_at <= r.finished_at for r in done.stages)
    assert [r.started_at for r in done.stages] == sorted(r.started_at for r in done.stages)
    # Quick stages wait for one write: the first stage's start, then every output at once.
    assert revision(store, job.id) == created + 2
    assert done.result == {"cleaning": "cleaning", "quotes": "quotes", "summary": "summary"}
    # Each stage is handed what the stages before it made in this task.
    assert seen == {CLEANING: {}, QUOTES: {"cleaning": "cleaning"},
                    Stage.SUMMARY: {"cleaning": "cleaning", "quotes": "quotes"}}
    assert queued_tasks(store, QUOTES) == [] and queued_tasks(store, Stage.SUMMARY) == []


def test_stages_whose_work_took_long_are_stored_each_as_it_ends(inline_store, monkeypatch):
    settings, store = inline_store
    monkeypatch.setattr(running, "BATCH_SECONDS", 0)
    job, _ = store.create(make_job(size=100), b"x" * 100)
    created = revision(store, job.id)
    running.run_stage(fake_task(CLEANING, settings), job.id, recording({}))
    assert store.get(job.id).status is JobStatus.SUCCEEDED
    assert revision(store, job.id) == created + 4  # a start, then one write per stage


def test_a_full_store_fails_the_first_stage_of_a_write_that_held_several(inline_store, monkeypatch):
    settings, store = inline_store
    job, _ = store.create(make_job(size=100), b"x" * 100)
    oom = redis.OutOfMemoryError("OOM command not allowed when used memory > 'maxmemory'")
    monkeypatch.setattr(store, "finish_stages", lambda *a, **k: (_ for _ in ()).throw(oom))
    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), job.id, each(output))
    failed = store.get(job.id)
    # The stage the job showed running fails; none is left running in a failed job.
    assert failed.error["stage"] == "cleaning" and failed.error["type"] == "StoreFull"
    assert [r.status for r in failed.stages] == [StageStatus.FAILED, StageStatus.SKIPPED,
                                                 StageStatus.SKIPPED]


def test_a_time_limit_striking_while_the_first_stage_is_stored_stores_it_and_carries_on(
        inline_store, monkeypatch):
    settings, store = inline_store
    monkeypatch.setattr(running, "BATCH_SECONDS", 0)  # the first stage is stored on its own
    job, _ = store.create(make_job(size=100), b"x" * 100)
    finish, calls = store.finish_stages, []

    def interrupted_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise SoftTimeLimitExceeded()
        return finish(*args, **kwargs)

    monkeypatch.setattr(store, "finish_stages", interrupted_once)
    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), job.id, {CLEANING: output})
    held = store.get(job.id)
    assert held.stage(CLEANING).status is StageStatus.SUCCEEDED and held.status is JobStatus.RUNNING
    assert queued_tasks(store, QUOTES) == ["docpipe.quotes"]


def test_an_upload_over_the_inline_size_queues_its_next_stage(inline_store):
    settings, store = inline_store
    job, _ = store.create(make_job(size=101), b"x" * 101)
    running.run_stage(fake_task(CLEANING, settings), job.id, {CLEANING: output})
    assert queued_tasks(store, QUOTES) == ["docpipe.quotes"]
    assert store.get(job.id).stage(QUOTES).status is StageStatus.PENDING


class WorkerDied(BaseException):
    """What no handler catches: the process is gone."""


def die(jobs, job):
    raise WorkerDied()


def died_in_quotes(settings, store, job_id):
    """A delivery whose worker dies in the quotes stage, run in line after cleaning: the job as
    the store then holds it."""
    with pytest.raises(WorkerDied):
        running.run_stage(fake_task(CLEANING, settings), job_id, {CLEANING: output, QUOTES: die})
    return store.get(job_id)


def test_a_worker_dying_before_a_write_loses_only_the_quick_stages_before_it(inline_store):
    settings, store = inline_store
    job, _ = store.create(make_job(), b"x")
    held = died_in_quotes(settings, store, job.id)
    assert held.stage(CLEANING).status is StageStatus.RUNNING and held.stage(QUOTES).status is StageStatus.PENDING
    # The redelivery runs from the stage last stored, and stores it on its own: had it killed
    # the worker, the next redelivery would find it running. (The stages after it were never
    # started: they may wait for one write again.)
    created = revision(store, job.id)
    running.run_stage(fake_task(CLEANING, settings), job.id,
                      {CLEANING: output, QUOTES: output, Stage.SUMMARY: output})
    done = store.get(job.id)
    assert done.status is JobStatus.SUCCEEDED and done.stage(CLEANING).attempts == 2
    assert done.stage(QUOTES).attempts == 1 and revision(store, job.id) == created + 3


def test_a_redelivery_resumes_at_the_stage_its_task_was_running_in_line(inline_store, monkeypatch):
    settings, store = inline_store
    monkeypatch.setattr(running, "BATCH_SECONDS", 0)  # each stage stored as it ends
    job, _ = store.create(make_job(), b"x")
    held = died_in_quotes(settings, store, job.id)
    assert held.stage(QUOTES).status is StageStatus.RUNNING
    assert running.stage_in_hand(fake_task(CLEANING, settings), current(), job.id) is QUOTES
    # Another message for the job's first stage leaves the stage to that delivery.
    running.run_stage(fake_task(CLEANING, settings, delivery="delivery-2"), job.id,
                      {CLEANING: must_not_run, QUOTES: must_not_run})
    assert store.get(job.id).stage(QUOTES).attempts == 1 and queued_tasks(store, QUOTES) == []
    running.run_stage(fake_task(CLEANING, settings), job.id,
                      {CLEANING: must_not_run, QUOTES: output, Stage.SUMMARY: output})
    done = store.get(job.id)
    assert done.status is JobStatus.SUCCEEDED and done.stage(QUOTES).attempts == 2


def test_a_stage_run_in_line_fails_under_its_own_name(inline_store):
    settings, store = inline_store
    job, _ = store.create(make_job(), b"x")

    def refuse(jobs, job):
        raise StageFailed("NoTextFound", "nothing to quote")

    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), job.id, {CLEANING: output, QUOTES: refuse})
    failed = store.get(job.id)
    assert failed.error["stage"] == "quotes"
    assert [r.status for r in failed.stages] == [StageStatus.SUCCEEDED, StageStatus.FAILED,
                                                 StageStatus.SKIPPED]


def test_a_stage_run_in_line_whose_worker_keeps_dying_fails_with_worker_lost(inline_store):
    settings, store = inline_store
    job, _ = store.create(make_job(), b"x")
    # The first delivery stores nothing before quotes; each redelivery stores cleaning, then
    # counts the deaths of quotes.
    for _ in range(settings.max_deliveries + 1):
        died_in_quotes(settings, store, job.id)
    with pytest.raises(Ignore):
        running.run_stage(fake_task(CLEANING, settings), job.id, {CLEANING: output, QUOTES: die})
    failed = store.get(job.id)
    assert failed.error["stage"] == "quotes" and failed.error["type"] == "WorkerLost"
