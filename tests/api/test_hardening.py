"""Hostile and odd requests: every one gets a problem+json answer naming the field, never a 500."""
import io
import threading

import pytest

from flask import Response
from werkzeug.test import EnvironBuilder

from services.api import create_app


def problem(res, status):
    assert res.status_code == status, res.get_data(as_text=True)
    assert res.mimetype == "application/problem+json"
    return res.get_json()


def test_lone_surrogate_is_422_naming_the_field(client):
    for field in ("text", "title"):
        body = '{"text": "abc", "title": "t"}'.replace(f'"{field}": "', f'"{field}": "\\ud800 ')
        res = client.post("/v1/jobs", data=body, content_type="application/json")
        assert problem(res, 422)["errors"][0]["field"] == field


@pytest.mark.parametrize("body", ["[1, 2]", '"just a string"', "42"])
def test_json_that_is_not_an_object_is_422(client, body):
    res = client.post("/v1/jobs", data=body, content_type="application/json")
    assert problem(res, 422)["errors"][0]["field"] == "_body"


def test_json_null_is_400(client):
    assert problem(client.post("/v1/jobs", data="null", content_type="application/json"), 400)


def test_method_not_allowed_keeps_allow_header(client):
    res = client.patch("/v1/jobs")
    problem(res, 405)
    assert "POST" in res.headers["Allow"]


@pytest.mark.parametrize("cursor", ["nan_x", "inf_x", "12", "x_y"])
def test_bad_cursors_are_422(client, cursor):
    assert problem(client.get(f"/v1/jobs?cursor={cursor}"), 422)["errors"][0]["field"] == "cursor"


def test_empty_cursor_is_the_first_page(client):
    assert client.get("/v1/jobs?cursor=").status_code == 200


def test_non_ascii_api_key_is_401_not_500(settings):
    client = create_app(type(settings)(redis_url=settings.redis_url, api_keys=frozenset({"k"}))).test_client()
    assert problem(client.get("/v1/jobs", headers={"X-API-Key": "é"}), 401)


def test_idempotency_key_with_another_document_is_422(client):
    assert client.post("/v1/jobs", json={"text": "One."}, headers={"Idempotency-Key": "k"}).status_code == 202
    res = client.post("/v1/jobs", json={"text": "Two."}, headers={"Idempotency-Key": "k"})
    assert problem(res, 422)["errors"][0]["field"] == "Idempotency-Key"


def test_concurrent_requests_with_one_idempotency_key_make_one_job(app):
    ids, barrier = [], threading.Barrier(8)

    def post():
        client = app.test_client()
        barrier.wait()
        ids.append(client.post("/v1/jobs", json={"text": "Same."}, headers={"Idempotency-Key": "race"}).get_json()["id"])

    threads = [threading.Thread(target=post) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ids) == 8 and len(set(ids)) == 1
    assert app.extensions["docpipe"].store.stats()["jobs_submitted"] == 1


def test_a_batch_cannot_overrun_the_queue_limit(settings):
    client = create_app(type(settings)(redis_url=settings.redis_url, max_queued_jobs=3)).test_client()
    files = [(io.BytesIO(f"Doc {i}.".encode()), f"d{i}.txt") for i in range(4)]
    assert problem(client.post("/v1/jobs", data={"file": files}, content_type="multipart/form-data"), 429)


def test_too_many_files_in_one_request_is_413(client):
    files = [(io.BytesIO(b"Doc."), f"d{i}.txt") for i in range(101)]
    res = client.post("/v1/jobs", data={"file": files}, content_type="multipart/form-data")
    assert problem(res, 413)["errors"][0]["field"] == "file"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://127.0.0.1:6379/", "http://169.254.169.254/latest",
                                 "http://localhost/hook", "http://[::1]/", "http://10.0.0.8/hook"])
def test_callback_urls_into_this_host_or_private_networks_are_refused(client, url):
    res = client.post("/v1/jobs", json={"text": "x", "callback_url": url})
    assert problem(res, 422)["errors"][0]["field"] == "callback_url"
    raw = client.post("/v1/jobs", data=b"x", content_type="text/plain", query_string={"callback_url": url})
    assert problem(raw, 422)["errors"][0]["field"] == "callback_url"


def test_public_callback_url_is_kept(client):
    res = client.post("/v1/jobs", json={"text": "x", "callback_url": "https://example.org/hooks/docpipe"})
    assert res.status_code == 202 and res.get_json()["callback_url"] == "https://example.org/hooks/docpipe"


def test_long_polls_beyond_the_cap_answer_at_once(settings):
    import time
    client = create_app(type(settings)(redis_url=settings.redis_url, max_waiting_requests=0)).test_client()
    job_id = client.post("/v1/jobs", json={"text": "x"}).get_json()["id"]
    started = time.monotonic()
    assert client.get(f"/v1/jobs/{job_id}?wait=5").get_json()["status"] == "queued"
    assert time.monotonic() - started < 2


def test_openapi_documents_problems_and_the_batch_answer(client):
    spec = client.get("/openapi.json").get_json()
    post = spec["paths"]["/v1/jobs"]["post"]
    assert set(post["responses"]["422"]["content"]) == {"application/problem+json"}
    one_of = post["responses"]["202"]["content"]["application/json"]["schema"]["oneOf"]
    assert {"#/components/schemas/Job", "#/components/schemas/JobBatch"} == {s["$ref"] for s in one_of}
    assert {"Job", "JobBatch", "JobCreate", "Problem"} <= set(spec["components"]["schemas"])


DEEP = "[" * 100_000 + "]" * 100_000


def test_deeply_nested_json_is_400_wherever_it_comes(client):
    for res, field in (
        (client.post("/v1/jobs", data=DEEP, content_type="application/json"), "_body"),
        (client.post("/v1/jobs", data={"file": (io.BytesIO(b"Some text."), "a.txt"), "options": DEEP},
                     content_type="multipart/form-data"), "options"),
        (client.post(f"/v1/jobs?options={DEEP[:4000]}{DEEP[-4000:]}", data=b"Some text.",
                     content_type="text/plain"), "options"),
    ):
        assert problem(res, 400)["errors"][0]["field"] == field


@pytest.mark.parametrize("change", [{"options": {"summary_sentences": 5}}, {"title": "Other"},
                                    {"callback_url": "https://hooks.example/x"},
                                    {"content_type": "text/markdown"}])
def test_idempotency_key_reused_with_another_request_is_422(client, change):
    request = {"text": "Same text."}
    first = client.post("/v1/jobs", json=request, headers={"Idempotency-Key": "k"})
    again = client.post("/v1/jobs", json=request, headers={"Idempotency-Key": "k"})
    assert first.status_code == again.status_code == 202
    assert first.get_json()["id"] == again.get_json()["id"]
    res = client.post("/v1/jobs", json={**request, **change}, headers={"Idempotency-Key": "k"})
    assert problem(res, 422)["errors"][0]["field"] == "Idempotency-Key"


@pytest.mark.parametrize("host", ["2130706433", "0x7f000001", "0", "localhost.", "0177.0.0.1", "127.1",
                                  "[::ffff:127.0.0.1]", "10.1", "169.254.169.254"])
def test_callbacks_to_this_host_or_a_private_network_are_refused_in_any_spelling(client, host):
    res = client.post("/v1/jobs", json={"text": "x", "callback_url": f"http://{host}/hook"})
    assert problem(res, 422)["errors"][0]["field"] == "callback_url"


class Unread:
    """A request body that records how much of it was read."""

    def __init__(self, size=None):
        self.size, self.read_bytes = size, 0

    def read(self, n=-1):
        n = 65536 if n is None or n < 0 else n
        if self.size is not None:
            n = min(n, self.size - self.read_bytes)
        self.read_bytes += n
        return b"a" * n

    def readline(self, n=-1):
        return self.read(n)


def post_stream(settings, body, **environ):
    """POST a body from a stream the way a server hands it over, to an app with a 1000-byte limit."""
    app = create_app(type(settings)(redis_url=settings.redis_url, max_document_bytes=1000))
    env = EnvironBuilder(path="/v1/jobs", method="POST", content_type="text/plain").get_environ()
    env.update({"wsgi.input": body, **environ})
    return Response.from_app(app, env)


def test_a_content_length_over_the_limit_is_refused_without_reading_the_body(settings):
    body = Unread(size=11_000_000)
    res = post_stream(settings, body, CONTENT_LENGTH="11000000")
    assert problem(res, 413)["errors"][0]["field"] == "_body"
    assert body.read_bytes == 0


def test_a_chunked_body_is_read_no_further_than_the_limit_and_one_byte(settings):
    body = Unread()
    res = post_stream(settings, body, **{"wsgi.input_terminated": True, "CONTENT_LENGTH": "",
                                         "HTTP_TRANSFER_ENCODING": "chunked"})
    assert problem(res, 413)["errors"][0]["field"] == "body"
    assert body.read_bytes <= 1001
    exactly = post_stream(settings, Unread(size=1000), **{"wsgi.input_terminated": True,
                                                          "CONTENT_LENGTH": ""})
    assert exactly.status_code == 202
