"""JobStore against a real Redis: transitions, expiry, cancellation and waiting."""
import threading
import time

import pytest

from services.common.jobs import STAGES, JobStatus, Stage, StageStatus
from services.common.jobstore import JobStore, keys
from tests.jobs import make_job

CLEANING = Stage.CLEANING


@pytest.fixture
def store(redis_url) -> JobStore:
    return JobStore.from_url(redis_url, ttl_seconds=3600)


def run_all(store, job_id):
    for stage in STAGES:
        started = store.start_stage(job_id, stage)
        assert started is not None
        assert store.finish_stage(started, stage, {f"{stage}_output": {"stage": stage}})


def test_full_run_succeeds_and_keeps_results(store):
    job, created = store.create(make_job(), b"hello")
    assert created and store.get_input(job.id) == b"hello"
    run_all(store, job.id)
    done = store.get(job.id)
    assert done.status is JobStatus.SUCCEEDED
    assert [s.status for s in done.stages] == [StageStatus.SUCCEEDED] * 3
    assert all(s.attempts == 1 and s.duration_ms is not None for s in done.stages)
    assert done.result == {"cleaning_output": {"stage": CLEANING}, "quotes_output": {"stage": "quotes"},
                           "summary_output": {"stage": "summary"}}
    assert store.get_input(job.id) is None  # the upload is dropped once done


def test_every_key_expires_with_the_job(store):
    job, _ = store.create(make_job(ttl=100), b"hello")
    store.finish_stage(store.start_stage(job.id, CLEANING), CLEANING, {"text": "hello"})
    stored = store.redis.keys(f"docpipe:job:{job.id}*")
    assert len(stored) == 3
    ttls = {store.redis.ttl(k) for k in stored}
    assert all(90 <= t <= 100 for t in ttls)


def test_failure_skips_later_stages(store):
    job, _ = store.create(make_job(), b"hello")
    store.start_stage(job.id, CLEANING)
    assert store.fail_stage(job.id, CLEANING, {"type": "EmptyDocument", "detail": "no text"})
    failed = store.get(job.id)
    assert failed.status is JobStatus.FAILED
    assert failed.error == {"stage": CLEANING, "type": "EmptyDocument", "detail": "no text"}
    assert [s.status for s in failed.stages] == [StageStatus.FAILED, StageStatus.SKIPPED, StageStatus.SKIPPED]
    assert store.start_stage(job.id, Stage.QUOTES) is None


def test_a_stage_that_succeeded_cannot_be_failed_afterwards(store):
    # Celery may raise after the output is stored (a time limit while queueing the next stage).
    job, _ = store.create(make_job(), b"hello")
    store.finish_stage(store.start_stage(job.id, CLEANING), CLEANING, {"text": "hello"})
    assert not store.fail_stage(job.id, CLEANING, {"type": "SoftTimeLimitExceeded", "detail": "late"})
    after = store.get(job.id)
    assert after.status is JobStatus.RUNNING and after.error is None
    assert after.stages[0].status is StageStatus.SUCCEEDED


def test_redelivered_stage_counts_attempts_and_succeeded_stage_is_not_rerun(store):
    job, _ = store.create(make_job(), b"hello")
    store.start_stage(job.id, CLEANING)
    redelivered = store.start_stage(job.id, CLEANING)  # a redelivery after a crash
    assert redelivered.stage(CLEANING).attempts == 2 and redelivered.status is JobStatus.RUNNING
    store.finish_stage(redelivered, CLEANING, {})
    again = store.start_stage(job.id, CLEANING)  # died after storing, before the next stage
    assert again.stage(CLEANING).status is StageStatus.SUCCEEDED
    assert again.stage(CLEANING).attempts == 2
    assert not store.finish_stage(again, CLEANING, {"other": "output"})
    assert store.get_result(job.id, CLEANING) == {}


def test_cancel_stops_a_running_job_and_drops_its_data(store):
    job, _ = store.create(make_job(), b"hello")
    started = store.start_stage(job.id, CLEANING)
    assert store.cancel(job.id) is True
    assert not store.finish_stage(started, CLEANING, {"text": "late"})
    cancelled = store.get(job.id)
    assert cancelled.status is JobStatus.CANCELLED
    assert cancelled.result == {} and store.get_input(job.id) is None
    assert store.cancel(job.id) is False
    assert store.cancel("missing") is None


def test_owner_sees_only_own_jobs(store):
    job, _ = store.create(make_job(owner="alice"), b"x")
    assert store.get(job.id, "alice") is not None
    assert store.get(job.id, "bob") is None
    assert store.cancel(job.id, "bob") is None


def test_list_is_newest_first_and_paginates(store):
    ids = []
    for _ in range(5):
        ids.append(store.create(make_job(), b"x")[0].id)
        time.sleep(0.002)
    store.create(make_job(owner="bob"), b"x")
    page, cursor = store.list("alice", 3)
    assert cursor[1] == page[-1].id
    rest, end = store.list("alice", 3, cursor)
    assert [j.id for j in page + rest] == ids[::-1]
    assert end is None
    store.delete(ids[-1])
    assert [j.id for j in store.list("alice", 10)[0]] == ids[-2::-1]


def test_wait_returns_as_soon_as_the_job_finishes(store):
    job, _ = store.create(make_job(), b"x")
    timer = threading.Timer(0.3, run_all, (store, job.id))
    timer.start()
    started = time.monotonic()
    done, _ = store.wait(job.id, "alice", timeout=10)
    timer.join()
    assert done.status is JobStatus.SUCCEEDED
    assert time.monotonic() - started < 5


def test_wait_since_returns_at_the_next_change_not_at_the_end(store):
    job, _ = store.create(make_job(), b"x")
    timer = threading.Timer(0.3, store.start_stage, (job.id, CLEANING))
    timer.start()
    started = time.monotonic()
    changed, _ = store.wait(job.id, "alice", timeout=10, since=job.updated_at)
    timer.join()
    assert changed.status is JobStatus.RUNNING and changed.updated_at != job.updated_at
    assert changed.stage(CLEANING).status is StageStatus.RUNNING
    assert time.monotonic() - started < 5
    # Asked with the copy it now holds, the caller waits for the change after that one.
    assert store.wait(job.id, "alice", timeout=0.5, since=changed.updated_at)[0].updated_at == changed.updated_at


def test_a_wait_for_the_end_is_not_woken_by_the_statuses_on_the_way(store):
    job, _ = store.create(make_job(), b"x")
    posted, woken = [], []
    real_watch = store.events.watch

    def watch(job_id, ignore=frozenset()):
        waiter = real_watch(job_id, ignore)
        post, next_events = waiter.post, waiter.next_events
        waiter.post = lambda event: (posted.append(event), post(event))
        waiter.next_events = lambda deadline: woken.append(events := next_events(deadline)) or events
        return waiter

    store.events.watch = watch
    timer = threading.Timer(0.3, run_all, (store, job.id))
    timer.start()
    done, _ = store.wait(job.id, "alice", timeout=10)
    timer.join()
    assert done.status is JobStatus.SUCCEEDED
    assert posted.count(b"running") >= 3  # every stage's start reached the waiter ...
    assert woken == [[b"succeeded"]]  # ... and only the end woke it


def test_wait_gives_up_after_the_timeout(store):
    job, _ = store.create(make_job(), b"x")
    started = time.monotonic()
    assert store.wait(job.id, "alice", timeout=0.5)[0].status is JobStatus.QUEUED
    assert 0.4 < time.monotonic() - started < 3


def test_idempotency_key_is_per_owner(store):
    a, created_a = store.create(make_job(owner="alice"), b"x", "key")
    again, created_again = store.create(make_job(owner="alice"), b"x", "key")
    b, created_b = store.create(make_job(owner="bob"), b"x", "key")
    assert created_a and not created_again and created_b
    assert again.id == a.id != b.id


def test_an_idempotency_key_whose_job_is_gone_is_taken_by_the_next_job_with_it(store):
    first, _ = store.create(make_job(), b"x", "key")
    store.redis.delete(keys.job_key(first.id))  # expired or deleted; its key was left behind
    second, created = store.create(make_job(), b"x", "key")
    again, created_again = store.create(make_job(), b"x", "key")
    assert created and second.id != first.id
    assert not created_again and again.id == second.id


def test_list_pages_through_jobs_created_in_the_same_millisecond(store):
    first = make_job()
    jobs = [first] + [make_job() for _ in range(6)]
    for job in jobs:
        job.created_at = first.created_at
        store.create(job, b"x")
    seen, cursor = [], None
    while True:
        page, cursor = store.list("alice", 2, cursor)
        seen += [j.id for j in page]
        if cursor is None:
            break
    assert sorted(seen) == sorted(j.id for j in jobs) and len(seen) == 7


def test_a_transition_decided_on_a_job_that_changed_since_is_decided_again(store):
    job, _ = store.create(make_job(), b"hello")
    started = store.start_stage(job.id, CLEANING, delivery="d1")
    store.record_webhook(job.id, {"status": 200})  # a change the worker has not seen
    done = store.finish_stage(started, CLEANING, {"document": {"text": "hello"}})
    assert done is not None and done.webhook == {"status": 200}  # not overwritten, and seen
    assert store.get(job.id, results=False) == done
    # The job as this transition left it is what the next one is decided on: no read first.
    assert store.start_stage(job.id, Stage.QUOTES, known=done).stage(Stage.QUOTES).attempts == 1


def test_a_long_poll_is_not_woken_by_changes_that_do_not_end_the_job(store):
    job, _ = store.create(make_job(), b"hello")
    reads = []
    original = store.read
    store.read = lambda *a, **k: reads.append(1) or original(*a, **k)
    waiter = threading.Thread(target=lambda: reads.append(store.wait(job.id, None, 10)))
    waiter.start()
    time.sleep(0.2)
    run_all(store, job.id)
    waiter.join(10)
    done, outputs = reads[-1]
    assert done.status is JobStatus.SUCCEEDED and len(outputs) == len(STAGES)
    assert len(reads) == 3  # once watching, once at the end, and the answer


def test_long_polls_are_woken_after_the_event_subscription_was_cut(store):
    job, _ = store.create(make_job(), b"hello")
    store.wait(job.id, None, 0.1)  # the process's listener is subscribed from here on
    store.redis.client_kill_filter(_type="pubsub")
    threading.Timer(0.3, run_all, (store, job.id)).start()
    started = time.monotonic()
    done, _ = store.wait(job.id, None, 30)
    assert done.status is JobStatus.SUCCEEDED
    assert time.monotonic() - started < 4  # not the periodic look (5 s)
