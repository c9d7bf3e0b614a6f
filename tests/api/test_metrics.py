"""/metrics through the Flask app and a real Redis: what requests count, and the optional key."""
import dataclasses

import pytest

from services.api import create_app
from tests.metrics import assert_consistent, parse, value

TEXT_0_0_4 = "text/plain; version=0.0.4; charset=utf-8"


def scrape(client, **headers):
    res = client.get("/metrics", headers=headers)
    assert res.status_code == 200, res.get_data(as_text=True)
    assert res.headers["Content-Type"] == TEXT_0_0_4
    return parse(res.get_data(as_text=True))


def test_requests_count_by_route_template_and_status(client):
    for _ in range(3):
        assert client.get("/v1/jobs/0123456789abcdef").status_code == 404
    assert client.post("/v1/jobs", json={"text": "A short document."}).status_code == 202
    assert client.get("/no/such/page").status_code == 404
    samples = scrape(client)
    assert value(samples, "docpipe_http_requests_total", method="GET", route="/v1/jobs/<job_id>",
                 status="404") == 3
    assert value(samples, "docpipe_http_requests_total", method="POST", route="/v1/jobs",
                 status="202") == 1
    # A path no route knows is one series, whatever the path: a label never takes raw input.
    assert value(samples, "docpipe_http_requests_total", method="GET", route="unmatched",
                 status="404") == 1
    assert assert_consistent(samples, "docpipe_http_request_duration_seconds",
                             route="/v1/jobs/<job_id>") == 3


def test_rejections_are_counted_by_status_and_problem_type(settings):
    client = create_app(dataclasses.replace(settings, max_document_bytes=100, max_queued_jobs=1)).test_client()
    client.post("/v1/jobs", data=b"x" * 101, content_type="text/plain")
    client.post("/v1/jobs", data=b"GIF89a...", content_type="image/gif")
    client.post("/v1/jobs", data=b"   \n", content_type="text/plain")
    client.post("/v1/jobs", json={"text": "One job fills the queue."})
    client.post("/v1/jobs", json={"text": "This one is refused."})
    samples = scrape(client)
    for status, reason in [("413", "document-too-large"), ("415", "unsupported-media-type"),
                           ("422", "empty-document"), ("429", "overloaded")]:
        assert value(samples, "docpipe_rejections_total", status=status, reason=reason) == 1, reason
    assert value(samples, "docpipe_jobs_in_flight", status="queued") == 1
    assert value(samples, "docpipe_jobs_total", event="submitted") == 1


def test_store_outage_is_counted_once_redis_is_back(client, redis_server):
    redis_server.stop()
    try:
        assert client.get("/v1/jobs/0123456789abcdef").status_code == 503
    finally:
        redis_server.start()
    samples = scrape(client)
    assert value(samples, "docpipe_rejections_total", status="503", reason="service-unavailable") == 1


@pytest.fixture
def guarded(settings):
    return create_app(dataclasses.replace(settings, metrics_key="s3cret")).test_client()


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": "Basic czNjcmV0"}, {"X-API-Key": "s3cret"}])
def test_metrics_key_is_required_when_set(guarded, headers):
    res = guarded.get("/metrics", headers=headers)
    assert res.status_code == 401 and res.mimetype == "application/problem+json"
    assert res.headers["WWW-Authenticate"].startswith("Bearer")
    assert "docpipe_" not in res.get_data(as_text=True)


def test_metrics_key_opens_metrics(guarded):
    samples = scrape(guarded, Authorization="Bearer s3cret")
    assert value(samples, "docpipe_jobs_total", event="submitted") == 0
    assert ("docpipe_workers_alive", frozenset()) in samples
