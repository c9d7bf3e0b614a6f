"""Jobs survive a killed worker, and several workers share the load."""
import os
import signal
import time

import pytest
import redis
import requests

from services.common.jobs import Stage
from services.common.jobstore import JobStore
from services.common.pipeline import QUEUES
from tests.documents import SEED
from tests.e2e.conftest import running_service

pytestmark = pytest.mark.e2e
# ~6 MB of real news text: long enough that a stage is still running when the worker is killed.
BIG_REPEATS = 1500


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    # A short visibility timeout, so a killed worker's job comes back within the test; only
    # safe because every stage here runs far shorter than it.
    with running_service(tmp_path_factory.mktemp("resilience"), VISIBILITY_TIMEOUT_SECONDS="6") as svc:
        yield svc


@pytest.fixture(autouse=True)
def no_workers_left(service):
    """Each test starts the workers it needs and none outlives it, so tests don't steal jobs."""
    yield
    for name in list(service.workers):
        service.kill_worker(name)


def wait_until_running(service, job_id, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = requests.get(f"{service.url}/v1/jobs/{job_id}", timeout=10).json()
        running = [s for s in job["stages"] if s["status"] == "running"]
        if running:
            return running[0]["name"]
        assert job["status"] in ("queued", "running"), job
        time.sleep(0.05)
    raise AssertionError("the job never started")


def test_job_of_a_killed_worker_is_finished_by_another(service):
    service.start_worker("doomed")
    big = (SEED.read_text(encoding="utf-8") + "\n\n") * BIG_REPEATS
    accepted = service.submit(data=big.encode(), headers={"Content-Type": "text/plain"})
    stage = wait_until_running(service, accepted["id"])
    service.kill_worker("doomed")
    assert requests.get(f"{service.url}/v1/jobs/{accepted['id']}", timeout=10).json()["status"] == "running"
    service.start_worker("rescuer")
    job = service.wait(accepted["id"], timeout=120)
    assert job["status"] == "succeeded", job
    interrupted = next(s for s in job["stages"] if s["name"] == stage)
    assert interrupted["attempts"] == 2 and interrupted["worker"] == "rescuer@e2e"


def test_several_workers_share_the_jobs(service):
    service.start_worker("s1")
    service.start_worker("s2")
    data = SEED.read_bytes()
    ids = [service.submit(data=data, headers={"Content-Type": "text/plain"})["id"] for _ in range(12)]
    jobs = [service.wait(job_id) for job_id in ids]
    assert [j["status"] for j in jobs] == ["succeeded"] * 12
    texts = {j["result"]["document"]["text"] for j in jobs}
    assert len(texts) == 1  # same input, same output, whichever worker ran it
    workers = {s["worker"] for j in jobs for s in j["stages"]}
    assert workers == {"s1@e2e", "s2@e2e"}


def pool_children(service, name):
    main = service.workers[name].pid
    with open(f"/proc/{main}/task/{main}/children") as f:
        return [int(pid) for pid in f.read().split()]


def test_a_document_that_keeps_killing_its_worker_fails_instead_of_looping(service):
    service.start_worker("fragile")
    big = (SEED.read_text(encoding="utf-8") + "\n\n") * BIG_REPEATS
    accepted = service.submit(data=big.encode(), headers={"Content-Type": "text/plain"})
    for attempt in (1, 2, 3):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            job = requests.get(f"{service.url}/v1/jobs/{accepted['id']}", timeout=10).json()
            if any(s["status"] == "running" and s["attempts"] == attempt for s in job["stages"]):
                break
            time.sleep(0.05)
        for pid in pool_children(service, "fragile"):
            os.kill(pid, signal.SIGKILL)  # what the OOM killer does to a pool process
    job = service.wait(accepted["id"], timeout=60)
    assert job["status"] == "failed", job
    assert job["error"]["type"] == "WorkerLost"
    assert [s["attempts"] for s in job["stages"] if s["status"] == "failed"] == [4]


def test_redelivered_stage_that_had_finished_lets_the_chain_go_on(service):
    # A worker stored the cleaning output and died before queueing the quotes stage: the
    # redelivered cleaning message must carry the job on, not end it half done.
    accepted = service.submit(json={"text": "“We will rebuild,” Mayor Ana Ruiz said on Monday."})
    store = JobStore.from_url(service.env["REDIS_URL"], 3600)
    started = store.start_stage(accepted["id"], Stage.CLEANING, "dead@e2e")
    assert started.stage(Stage.CLEANING).attempts == 1
    text = "“We will rebuild,” Mayor Ana Ruiz said on Monday."
    document = {"title": None, "text": text, "warnings": [], "content_type": "text/plain", "stats": {}}
    assert store.finish_stage(started, Stage.CLEANING, {"document": document})
    service.start_worker("survivor")
    job = service.wait(accepted["id"])
    assert job["status"] == "succeeded", job
    assert [s["worker"] for s in job["stages"]] == ["dead@e2e", "survivor@e2e", "survivor@e2e"]
    assert job["result"]["quotes"][0]["speaker"]["name"] == "Ana Ruiz"


def test_a_job_whose_message_was_lost_is_queued_again_by_the_reconciler(service):
    # What a Redis crash or an API dying between storing and queueing leaves: a job, no message.
    accepted = service.submit(json={"text": "“The dam held,” the engineer said."})
    broker = redis.Redis.from_url(service.env["REDIS_URL"])
    assert broker.delete(QUEUES[Stage.CLEANING]) == 1
    service.start_worker("reconciling")
    started = time.monotonic()
    job = service.wait(accepted["id"], timeout=60)
    assert job["status"] == "succeeded", job
    assert [s["attempts"] for s in job["stages"]] == [1, 1, 1]
    assert time.monotonic() - started < 6 + 10  # visibility timeout, a reconciler round, the run
