"""POST /v1/jobs: every way to send a document, and every way to get it wrong."""
import io
import json

import pytest

from services.common.jobs import Stage
from services.common.pipeline import QUEUES, TASK_NAMES

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def queued_messages(redis_client, queue=QUEUES[Stage.CLEANING]):
    return [json.loads(m) for m in redis_client.lrange(queue, 0, -1)]


@pytest.fixture
def broker(app):
    return app.extensions["docpipe"].store.redis


def test_json_submission_is_stored_and_queued(client, broker, seed_text):
    res = client.post("/v1/jobs", json={"text": seed_text, "title": "Iraq", "options": {"summary_sentences": 4}})
    assert res.status_code == 202
    job = res.get_json()
    assert res.headers["Location"] == f"/v1/jobs/{job['id']}"
    assert job["status"] == "queued"
    assert [s["name"] for s in job["stages"]] == ["cleaning", "quotes", "summary"]
    assert {s["status"] for s in job["stages"]} == {"pending"}
    assert job["input"]["bytes"] == len(seed_text.encode())
    assert job["input"]["content_type"] == "text/plain; charset=utf-8"
    assert job["options"]["summary_sentences"] == 4
    messages = queued_messages(broker)
    assert len(messages) == 1
    assert messages[0]["headers"]["task"] == TASK_NAMES[Stage.CLEANING]
    # Messages carry the job ID only, never the document.
    assert seed_text[:40] not in json.dumps(messages[0])
    assert job["id"] in json.dumps(messages[0])


def test_raw_text_body(client, seed_text):
    res = client.post("/v1/jobs?title=Seed", data=seed_text.encode(), content_type="text/plain")
    assert res.status_code == 202
    job = client.get(res.headers["Location"]).get_json()
    assert job["input"]["content_type"] == "text/plain"


def test_raw_body_keeps_declared_charset(client):
    res = client.post("/v1/jobs", data="Café société".encode("latin-1"),
                      content_type="text/plain; charset=latin-1")
    assert res.get_json()["input"]["content_type"] == "text/plain; charset=latin-1"


def test_multipart_with_several_files_makes_one_job_each(client):
    data = {"file": [(io.BytesIO(b"<html><body><p>One.</p></body></html>"), "a.html"),
                     (io.BytesIO(b"Two. Plain text."), "b.txt")]}
    res = client.post("/v1/jobs", data=data, content_type="multipart/form-data")
    assert res.status_code == 202
    jobs = res.get_json()["jobs"]
    assert [j["input"]["filename"] for j in jobs] == ["a.html", "b.txt"]
    assert [j["input"]["content_type"] for j in jobs] == ["text/html", "text/plain"]
    assert len({j["id"] for j in jobs}) == 2


def test_type_comes_from_filename_then_bytes(client):
    pdf = b"%PDF-1.7\n" + b"0" * 100
    res = client.post("/v1/jobs", data={"file": (io.BytesIO(pdf), "report.pdf", "application/octet-stream")},
                      content_type="multipart/form-data")
    assert res.get_json()["input"]["content_type"] == "application/pdf"
    res = client.post("/v1/jobs", data=b"<!DOCTYPE html><html><p>x</p></html>",
                      content_type="application/octet-stream")
    assert res.get_json()["input"]["content_type"] == "text/html"


@pytest.mark.parametrize("body,ctype,status,field", [
    (b"GIF89a\x01\x00\x01\x00", "image/gif", 415, "Content-Type"),
    (b"just some words", "image/png", 422, "Content-Type"),
    (b"just some words", "application/pdf", 422, "Content-Type"),
    (b"just some words", DOCX, 422, "Content-Type"),
    (b"%PDF-1.4 \x00\x01\x02", "text/plain", 422, "Content-Type"),
    (b"   \n\t ", "text/plain", 422, "body"),
    (b"\x00\x01\x02\x03binary", "application/octet-stream", 415, "Content-Type"),
])
def test_unusable_raw_documents_are_refused(client, broker, body, ctype, status, field):
    res = client.post("/v1/jobs", data=body, content_type=ctype)
    assert res.status_code == status
    assert res.mimetype == "application/problem+json"
    problem = res.get_json()
    assert problem["status"] == status and problem["detail"]
    assert problem["errors"][0]["field"] == field
    assert queued_messages(broker) == []


@pytest.mark.parametrize("payload,field", [
    ({"text": ""}, "text"),
    ({"text": "   "}, "text"),
    ({}, "text"),
    ({"text": "x", "options": {"summary_sentences": 0}}, "options.summary_sentences"),
    ({"text": "x", "options": {"summary_ratio": 1.5}}, "options.summary_ratio"),
    ({"text": "x", "options": {"colour": "red"}}, "options.colour"),
    ({"text": "x", "content_type": "application/pdf"}, "content_type"),
    ({"text": "x", "surprise": True}, "surprise"),
])
def test_invalid_json_fields_are_named(client, payload, field):
    res = client.post("/v1/jobs", json=payload)
    assert res.status_code == 422
    assert field in [e["field"] for e in res.get_json()["errors"]]


@pytest.mark.parametrize("options,expected", [
    ({}, {"summary_sentences": 3}),
    ({"summary_max_chars": 400}, {"summary_sentences": 50, "summary_max_chars": 400}),
    ({"summary_max_chars": 400, "summary_sentences": 2}, {"summary_sentences": 2, "summary_max_chars": 400}),
    ({"summary_ratio": 0.2}, {"summary_sentences": 50, "summary_ratio": 0.2}),
])
def test_summary_options_are_stored_as_the_stage_will_use_them(client, options, expected):
    res = client.post("/v1/jobs", json={"text": "Some text.", "options": options})
    assert res.get_json()["options"] == expected


def test_raw_upload_takes_options_from_the_query(client):
    res = client.post("/v1/jobs?summary_sentences=5&title=Budget", data=b"Some text.", content_type="text/plain")
    assert res.get_json()["options"] == {"summary_sentences": 5}
    assert res.get_json()["input"]["title"] == "Budget"
    bad = client.post("/v1/jobs?summary_sentences=many", data=b"Some text.", content_type="text/plain")
    assert bad.status_code == 422 and bad.get_json()["errors"][0]["field"] == "summary_sentences"


def test_malformed_json_is_400(client):
    res = client.post("/v1/jobs", data=b'{"text": ', content_type="application/json")
    assert res.status_code == 400
    assert res.mimetype == "application/problem+json"


def test_too_large_document_is_413(app, settings):
    settings = type(settings)(redis_url=settings.redis_url, max_document_bytes=1000)
    from services.api import create_app
    client = create_app(settings).test_client()
    res = client.post("/v1/jobs", data=b"a" * 1001, content_type="text/plain")
    assert res.status_code == 413
    assert res.get_json()["errors"][0]["field"] == "body"
    assert client.post("/v1/jobs", data=b"a" * 1000, content_type="text/plain").status_code == 202


def test_idempotency_key_returns_the_same_job(client, broker):
    first = client.post("/v1/jobs", json={"text": "Once."}, headers={"Idempotency-Key": "k1"})
    again = client.post("/v1/jobs", json={"text": "Once."}, headers={"Idempotency-Key": "k1"})
    other = client.post("/v1/jobs", json={"text": "Once."}, headers={"Idempotency-Key": "k2"})
    assert first.get_json()["id"] == again.get_json()["id"] != other.get_json()["id"]
    assert len(queued_messages(broker)) == 2


def test_overload_answers_429_with_retry_after(app, settings):
    from services.api import create_app
    client = create_app(type(settings)(redis_url=settings.redis_url, max_queued_jobs=2)).test_client()
    assert [client.post("/v1/jobs", json={"text": f"Doc {i}."}).status_code for i in range(3)] == [202, 202, 429]
    res = client.post("/v1/jobs", json={"text": "One more."})
    assert res.status_code == 429 and res.headers["Retry-After"].isdigit()
