"""GET /v1/jobs/{id} sends the stages' stored results as they are: the same data, every field of
it documented in the OpenAPI schema, the job's own fields as the schema dumps them."""
import json

import pytest
from marshmallow import Schema, fields

from services.api.runtime import runtime
from services.api.schemas import JobSchema, ResultSchema
from services.common.jobs import STAGES
from workers import tasks

WORK = {"cleaning": tasks._clean, "quotes": tasks._quotes, "summary": tasks._summary}


@pytest.fixture(autouse=True)
def stage_settings(settings, worker_context):
    worker_context(settings)  # what the stages read of the settings (OCR limits)


def run_stages_in_process(app, job_id):
    """The three stages' real work, stored through the JobStore as a worker does it."""
    with app.app_context():
        store = runtime().store
        for stage in STAGES:
            job = store.start_stage(job_id, stage, "test@host")
            assert store.finish_stage(job, stage, WORK[stage](store, job))
        return store


def undocumented(value, schema: Schema, path: str = "result") -> list[str]:
    """Paths of keys in ``value`` that ``schema`` does not declare."""
    missing = []
    for key, item in value.items():
        field = schema.fields.get(key)
        if field is None:
            missing.append(f"{path}.{key}")
        elif isinstance(field, fields.Nested) and isinstance(item, dict):
            missing += undocumented(item, field.schema, f"{path}.{key}")
        elif isinstance(field, fields.List) and isinstance(field.inner, fields.Nested):
            for i, element in enumerate(item):
                missing += undocumented(element, field.inner.schema, f"{path}.{key}[{i}]")
    return missing


def test_a_finished_job_answers_its_stored_results_all_documented(app, client, seed_text):
    job_id = client.post("/v1/jobs", json={"text": seed_text}).get_json()["id"]
    store = run_stages_in_process(app, job_id)
    res = client.get(f"/v1/jobs/{job_id}")
    assert res.status_code == 200 and res.mimetype == "application/json"
    body = res.get_json()
    with app.app_context():
        job = store.get(job_id)
    assert body["result"] == job.result and body["result"]["quotes"]
    assert undocumented(body["result"], ResultSchema()) == []
    job.result = {}
    assert {k: v for k, v in body.items() if k != "result"} == {
        k: v for k, v in JobSchema().dump(job).items() if k != "result"}
    assert list(body) == list(JobSchema().dump(job))  # the documented field order


def test_the_answer_is_one_json_document_whatever_the_text_holds(app, client):
    text = 'He said: "Ünïcode \u2028 line, a \\ backslash and a } brace," and left.\n\nThe end.'
    job_id = client.post("/v1/jobs", json={"text": text, "title": '"quoted" {title}'}).get_json()["id"]
    run_stages_in_process(app, job_id)
    body = json.loads(client.get(f"/v1/jobs/{job_id}?wait=1").get_data())
    document = body["result"]["document"]
    assert document["title"] == '"quoted" {title}' and "backslash" in document["text"]


def test_a_job_still_running_answers_the_results_so_far(app, client, seed_text):
    job_id = client.post("/v1/jobs", json={"text": seed_text}).get_json()["id"]
    with app.app_context():
        store = runtime().store
        job = store.start_stage(job_id, STAGES[0], "test@host")
        store.finish_stage(job, STAGES[0], WORK[STAGES[0]](store, job))
    body = client.get(f"/v1/jobs/{job_id}").get_json()
    assert body["status"] == "running" and list(body["result"]) == ["document"]
