"""Redis goes away and comes back (a crash, a restart): queued jobs survive and the service recovers."""
import signal
import time

import pytest
import requests

from tests.e2e.conftest import running_service

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    with running_service(tmp_path_factory.mktemp("restart"), persistent_redis=True) as svc:
        yield svc


def crash_and_restart_redis(service):
    service.redis.stop(signal.SIGKILL)
    time.sleep(1)
    service.redis.start()


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
