"""GET, list, DELETE, API keys, health and the documentation endpoints."""
import io
import time

import pytest
import redis as redis_lib

from services.api import create_app


def submit(client, text="A short document.", **headers):
    res = client.post("/v1/jobs", json={"text": text}, headers=headers)
    assert res.status_code == 202, res.get_json()
    return res.get_json()["id"]


def test_unknown_job_is_404_problem(client):
    res = client.get("/v1/jobs/0123456789abcdef")
    assert res.status_code == 404
    assert res.mimetype == "application/problem+json"
    assert res.get_json()["type"] == "urn:docpipe:problem:job-not-found"


def test_wait_on_unfinished_job_returns_it_after_the_timeout(client):
    job_id = submit(client)
    res = client.get(f"/v1/jobs/{job_id}?wait=0.3")
    assert res.status_code == 200 and res.get_json()["status"] == "queued"


@pytest.mark.parametrize("query", ["wait=61", "wait=-1", "wait=soon"])
def test_bad_wait_is_422_naming_the_parameter(client, query):
    res = client.get(f"/v1/jobs/abc?{query}")
    assert res.status_code == 422
    [error] = res.get_json()["errors"]
    assert (error["field"], error["in"]) == ("wait", "query") and error["reason"]


def test_listing_is_newest_first_with_a_cursor(client):
    ids = []
    for i in range(3):
        ids.append(submit(client, f"Document number {i}."))
        time.sleep(0.002)  # distinct creation times: same-millisecond jobs are ordered by id
    first = client.get("/v1/jobs?limit=2").get_json()
    second = client.get(f"/v1/jobs?limit=2&cursor={first['next']}").get_json()
    assert [j["id"] for j in first["jobs"] + second["jobs"]] == ids[::-1]
    assert "result" not in first["jobs"][0]
    assert client.get("/v1/jobs?cursor=zzz").status_code == 422


def test_listing_steps_over_jobs_created_in_the_same_millisecond(client):
    files = [(io.BytesIO(f"Document {i}.".encode()), f"d{i}.txt") for i in range(7)]
    batch = client.post("/v1/jobs", data={"file": files}, content_type="multipart/form-data").get_json()
    seen, cursor = [], None
    while True:
        page = client.get("/v1/jobs?limit=2" + (f"&cursor={cursor}" if cursor else "")).get_json()
        seen += [j["id"] for j in page["jobs"]]
        cursor = page["next"]
        if not cursor:
            break
    assert sorted(seen) == sorted(j["id"] for j in batch["jobs"]) and len(seen) == 7


def test_delete_cancels_an_unfinished_job(client):
    job_id = submit(client)
    assert client.delete(f"/v1/jobs/{job_id}").status_code == 204
    job = client.get(f"/v1/jobs/{job_id}").get_json()
    assert job["status"] == "cancelled"
    assert {s["status"] for s in job["stages"]} == {"skipped"}
    assert client.delete("/v1/jobs/nope").status_code == 404


def test_api_keys_separate_callers(settings):
    keyed = type(settings)(redis_url=settings.redis_url, api_keys=frozenset({"k-alice", "k-bob"}))
    client = create_app(keyed).test_client()
    res = client.post("/v1/jobs", json={"text": "x"})
    assert res.status_code == 401 and res.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/v1/jobs", headers={"Authorization": "Bearer wrong"}).status_code == 401
    job_id = submit(client, Authorization="Bearer k-alice")
    assert client.get(f"/v1/jobs/{job_id}", headers={"X-API-Key": "k-alice"}).status_code == 200
    assert client.get(f"/v1/jobs/{job_id}", headers={"X-API-Key": "k-bob"}).status_code == 404
    assert client.delete(f"/v1/jobs/{job_id}", headers={"X-API-Key": "k-bob"}).status_code == 404
    assert client.get("/v1/jobs", headers={"X-API-Key": "k-bob"}).get_json()["jobs"] == []
    assert client.get("/healthz").status_code == 200  # health stays open


def test_redis_down_answers_503_with_retry_after(redis_server, client):
    redis_server.stop()
    try:
        res = client.post("/v1/jobs", json={"text": "Nobody will store this."})
        assert res.status_code == 503 and res.headers["Retry-After"] == "5"
        assert res.mimetype == "application/problem+json"
        assert client.get("/readyz").status_code == 503
        assert client.get("/healthz").status_code == 200
    finally:
        redis_server.start()
    assert redis_lib.Redis.from_url(redis_server.url).ping()


def test_readyz_without_workers_is_503(client):
    res = client.get("/readyz")
    assert res.status_code == 503 and "worker" in res.get_json()["detail"]


def test_metrics_count_submissions(client):
    submit(client)
    submit(client)
    body = client.get("/metrics").data.decode()
    assert 'docpipe_jobs_total{event="submitted"} 2.0' in body
    assert 'docpipe_queue_depth{queue="docpipe.cleaning"} 2.0' in body


def test_openapi_documents_the_contract_and_docs_are_local(client):
    spec = client.get("/openapi.json").get_json()
    assert {"/v1/jobs", "/v1/jobs/{job_id}", "/healthz", "/readyz"} <= set(spec["paths"])
    post = spec["paths"]["/v1/jobs"]["post"]
    assert {"application/json", "multipart/form-data", "application/pdf"} <= set(post["requestBody"]["content"])
    assert {"202", "413", "415", "422", "429"} <= set(post["responses"])
    page = client.get("/docs").data.decode()
    assert "/docs/assets/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    with client.get("/docs/assets/swagger-ui-bundle.js") as asset:
        assert asset.status_code == 200 and b"SwaggerUIBundle" in asset.data


def test_web_page_is_served(client):
    res = client.get("/")
    assert res.status_code == 200 and b"/static/app.js" in res.data
