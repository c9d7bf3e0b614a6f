"""Metrics and logs of a real service: gunicorn, two Celery worker processes, Redis, JSON logs."""
import json
import os
import re
import signal
import time

import pytest
import requests

from tests.documents import SEED
from tests.e2e.conftest import running_service
from tests.e2e.test_webhooks import Receiver
from tests.metrics import assert_consistent, parse, value

pytestmark = pytest.mark.e2e
METRICS_KEY = "e2e-metrics-key"
AUTH = {"Authorization": f"Bearer {METRICS_KEY}"}
STAGE_NAMES = ("cleaning", "quotes", "summary")


@pytest.fixture(scope="module")
def observed(tmp_path_factory):
    with running_service(tmp_path_factory.mktemp("observed"), LOG_FORMAT="json",
                         METRICS_KEY=METRICS_KEY) as svc:
        svc.start_worker("w1")
        svc.start_worker("w2")
        yield svc


@pytest.fixture(scope="module")
def jobs(observed):
    """Jobs run to their end: four that succeed, one the cleaner fails, two with webhooks."""
    receiver = Receiver()
    receiver.answers.append(400)  # the first call is refused for good (400 is not retried)
    texts = [SEED.read_text(encoding="utf-8")] + [f"Document {i}. “It is fine,” she said." for i in range(3)]
    accepted = [observed.submit(json={"text": t}) for t in texts]
    accepted.append(observed.submit(data=b"%PDF-1.7\nnot really a PDF\n%%EOF",
                                    headers={"Content-Type": "application/pdf"}))
    accepted += [observed.submit(json={"text": "A hook. “Call me,” he said.", "callback_url": receiver.url})
                 for _ in range(2)]
    done = [observed.wait(job["id"]) for job in accepted]
    yield done
    receiver.server.shutdown()
    receiver.server.server_close()


def scrape_until(svc, ready, timeout=15.0):
    """Scrape until ``ready(samples)`` holds: each API process adds its request counts about once
    a second, so the figures of the process that did not answer the scrape may lag a little."""
    deadline = time.monotonic() + timeout
    while True:
        res = requests.get(f"{svc.url}/metrics", headers=AUTH, timeout=10)
        assert res.status_code == 200 and res.headers["Content-Type"].startswith("text/plain; version=0.0.4")
        samples = parse(res.text)
        if ready(samples) or time.monotonic() > deadline:
            return samples
        time.sleep(0.3)


def test_histograms_add_up_to_the_jobs_that_ran(observed, jobs):
    succeeded = sum(j["status"] == "succeeded" for j in jobs)
    failed = sum(j["status"] == "failed" for j in jobs)
    assert (succeeded, failed) == (6, 1)
    hooks = ("delivered", "failed")  # sent after their jobs ended: wait for both
    samples = scrape_until(observed, lambda s: all(
        value(s, "docpipe_webhook_deliveries_total", outcome=o) == 1 for o in hooks))
    assert value(samples, "docpipe_jobs_total", event="succeeded") == succeeded
    assert value(samples, "docpipe_jobs_total", event="failed") == failed
    assert assert_consistent(samples, "docpipe_job_duration_seconds", outcome="succeeded") == succeeded
    assert assert_consistent(samples, "docpipe_job_duration_seconds", outcome="failed") == failed
    for stage in STAGE_NAMES:
        assert assert_consistent(samples, "docpipe_stage_duration_seconds", stage=stage,
                                 outcome="succeeded") == succeeded
    assert assert_consistent(samples, "docpipe_stage_duration_seconds", stage="cleaning",
                             outcome="failed") == failed
    # A job's latency covers its stages: the sums say so too.
    stage_seconds = sum(value(samples, "docpipe_stage_duration_seconds_sum", stage=s, outcome="succeeded")
                        for s in STAGE_NAMES)
    job_seconds = value(samples, "docpipe_job_duration_seconds_sum", outcome="succeeded")
    assert 0 < stage_seconds <= job_seconds + 0.01 * succeeded
    assert value(samples, "docpipe_jobs_in_flight", status="queued") == 0
    assert value(samples, "docpipe_jobs_in_flight", status="running") == 0
    assert value(samples, "docpipe_webhook_deliveries_total", outcome="failed") == 1  # the 400
    assert value(samples, "docpipe_workers_alive") == 2


def test_requests_and_rejections_are_counted_across_api_processes(observed, jobs):
    res = requests.post(f"{observed.url}/v1/jobs", data=b"GIF89a", headers={"Content-Type": "image/gif"},
                        timeout=10)
    assert res.status_code == 415
    posts = dict(method="POST", route="/v1/jobs", status="202")
    polls = dict(method="GET", route="/v1/jobs/<job_id>", status="200")
    refused = dict(status="415", reason="unsupported-media-type")
    # The process that does not answer a scrape writes its counts from its own thread.
    samples = scrape_until(observed, lambda s: value(s, "docpipe_http_requests_total", **posts) == len(jobs)
                           and value(s, "docpipe_http_requests_total", **polls) >= len(jobs)
                           and value(s, "docpipe_rejections_total", **refused) == 1)
    assert value(samples, "docpipe_http_requests_total", **posts) == len(jobs)
    assert value(samples, "docpipe_http_requests_total", **polls) >= len(jobs)
    assert value(samples, "docpipe_rejections_total", **refused) == 1
    assert assert_consistent(samples, "docpipe_http_request_duration_seconds", route="/v1/jobs") >= len(jobs)


def test_metrics_need_the_key(observed):
    res = requests.get(f"{observed.url}/metrics", timeout=10)
    assert res.status_code == 401 and res.headers["Content-Type"] == "application/problem+json"


def test_a_stopped_worker_leaves_the_count(observed, jobs):
    proc = observed.workers.pop("w2")
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=20)
    samples = scrape_until(observed, lambda s: value(s, "docpipe_workers_alive") == 1)
    assert value(samples, "docpipe_workers_alive") == 1


# Celery prints this notice itself (not through logging) when a worker is asked to stop.
CELERY_SHUTDOWN_NOTICE = re.compile(r"worker: \w+ shutdown \(MainProcess\)")


def json_lines(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not CELERY_SHUTDOWN_NOTICE.fullmatch(line)]
    entries = [json.loads(line) for line in lines]  # every line is one JSON object
    for entry in entries:
        assert {"ts", "level", "logger", "message"} <= set(entry), entry
    return entries


def test_worker_lines_are_json_and_name_their_job(observed, jobs):
    entries = json_lines(observed.logdir / "w1.log") + json_lines(observed.logdir / "w2.log")
    for job in jobs:
        mentioning = [e for e in entries if job["id"] in e["message"]]
        assert mentioning, f"no line about {job['id']}"
        assert all(e.get("job_id") == job["id"] for e in mentioning), mentioning
        tagged = [e for e in entries if e.get("job_id") == job["id"]]
        # At least: a line of each stage that ran, and its task received and ended (Celery's
        # lines; a small upload's stages all run in one task).
        ran = [s["name"] for s in job["stages"] if s["status"] in ("succeeded", "failed")]
        for stage in ran:
            assert any(f"{stage} done" in e["message"] or f"{stage} failed" in e["message"]
                       for e in tagged), (stage, tagged)
        assert len(tagged) >= len(ran) + 2, tagged
    assert any(e["level"] == "WARNING" and e.get("job_id") == jobs[4]["id"] for e in entries)


def test_api_lines_are_json_and_access_lines_name_their_job(observed, jobs):
    entries = json_lines(observed.logdir / "api.log")
    access = [e for e in entries if e["logger"] == "gunicorn.access"]
    for job in jobs:
        mine = [e for e in access if e.get("job_id") == job["id"]]
        methods = {e["http"]["method"] for e in mine}
        assert methods == {"POST", "GET"}, mine
        assert all(job["id"] in e["http"]["path"] or e["http"]["path"] == "/v1/jobs" for e in mine)
