"""Redis goes away and comes back (a crash, a restart): queued jobs survive and the service recovers."""
import signal
import time

import threading

import pytest
import requests

from tests.documents import SEED
from tests.e2e.conftest import running_service

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    # A visibility timeout short enough for a lost message to come back within the test.
    with running_service(tmp_path_factory.mktemp("restart"), persistent_redis=True,
                         STAGE_TIME_LIMIT_SECONDS="10", VISIBILITY_TIMEOUT_SECONDS="25") as svc:
        yield svc


def crash_and_restart_redis(service):
    service.redis.stop(signal.SIGKILL)
    time.sleep(1)
    service.redis.start()
    time.sleep(0.5)
    service.revive_workers()  # the worker's main process may die with Redis (kombu #582)


def submit_when_back(service, text, timeout=30):
    """The API answers 503 while Redis is away; a client retries after Retry-After."""
    deadline = time.monotonic() + timeout
    while True:
        res = requests.post(f"{service.url}/v1/jobs", json={"text": text}, timeout=30)
        if res.status_code == 202 or time.monotonic() > deadline:
            assert res.status_code == 202, res.text
            return res.json()
        assert res.status_code == 503 and res.headers["Retry-After"], res.text
        time.sleep(0.2)


def test_a_queued_job_survives_a_redis_crash(service):
    accepted = service.submit(json={"text": "“The bridge will reopen in May,” the mayor said."})
    crash_and_restart_redis(service)  # no worker yet: the job is only a message in Redis
    service.start_worker("late")
    job = service.wait(accepted["id"], timeout=60)
    assert job["status"] == "succeeded", job
    assert job["result"]["quotes"][0]["text"] == "The bridge will reopen in May,"


def test_a_running_worker_and_the_api_recover_after_a_redis_crash(service):
    if "late" not in service.workers:
        service.start_worker("late")
    crash_and_restart_redis(service)
    accepted = submit_when_back(service, "“We are back,” the operator said after the outage.")
    job = service.wait(accepted["id"], timeout=60)
    assert job["status"] == "succeeded", job
    assert job["stages"][0]["worker"] == "late@e2e"


def wait_for_running(service, job_id, stage, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = requests.get(f"{service.url}/v1/jobs/{job_id}", timeout=10).json()
        if any(s["name"] == stage and s["status"] == "running" for s in job["stages"]):
            return
        time.sleep(0.05)
    raise AssertionError(f"{stage} never ran")


def test_a_job_whose_stage_runs_when_redis_dies_finishes(service):
    if "late" not in service.workers:
        service.start_worker("late")
    big = ((SEED.read_text(encoding="utf-8") + "\n\n") * 500).encode()  # ~2 MB: seconds per stage
    accepted = service.submit(data=big, headers={"Content-Type": "text/plain"})
    wait_for_running(service, accepted["id"], "quotes")
    crash_and_restart_redis(service)
    job = service.wait(accepted["id"], timeout=120)
    assert job["status"] == "succeeded", job
    assert job["result"]["quotes"]


def test_every_accepted_job_finishes_across_redis_crashes_under_load(service):
    if "late" not in service.workers:
        service.start_worker("late")
    accepted = []

    def client():
        for i in range(30):
            accepted.append(submit_when_back(service, f"“Job {i} is done,” the clerk said.")["id"])

    submitting = threading.Thread(target=client)
    submitting.start()
    for _ in range(3):
        time.sleep(1)
        crash_and_restart_redis(service)
    submitting.join()
    jobs = [service.wait(job_id, timeout=120) for job_id in accepted]
    assert len(jobs) == 30
    assert [j["status"] for j in jobs] == ["succeeded"] * 30, [j for j in jobs if j["status"] != "succeeded"]
