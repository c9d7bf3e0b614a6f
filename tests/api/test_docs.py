"""The OpenAPI document: valid 3.1, every problem documented with an example, examples that work."""
import re

import pytest
from openapi_spec_validator import validate

from services.api.problems import PROBLEM_JSON

METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture
def spec(client) -> dict:
    return client.get("/openapi.json").get_json()


def operations(spec: dict):
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def test_the_document_is_valid_openapi_3_1(spec):
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_every_problem_answer_is_problem_json_with_a_matching_example(spec):
    seen = 0
    for path, method, op in operations(spec):
        assert "default" not in op["responses"], (method, path)
        for status, answer in op["responses"].items():
            if int(status) < 400:
                continue
            content = answer["content"]
            assert set(content) == {PROBLEM_JSON}, (method, path, status)
            assert content[PROBLEM_JSON]["example"]["status"] == int(status)
            seen += 1
    assert seen >= 17


def test_job_operations_document_auth_outage_and_unknown_jobs(spec):
    for path, method, op in operations(spec):
        if path.startswith("/v1/"):
            assert {"401", "503"} <= set(op["responses"]), (method, path)
            assert {"bearer": []} in op["security"] and {} in op["security"]
        if "{job_id}" in path:
            assert "404" in op["responses"], (method, path)
    for status in ("429", "503"):
        assert "Retry-After" in spec["paths"]["/v1/jobs"]["post"]["responses"][status]["headers"]


def test_the_json_examples_are_accepted_by_the_api(spec, client):
    examples = spec["paths"]["/v1/jobs"]["post"]["requestBody"]["content"]["application/json"]["examples"]
    assert "seed" in examples
    for name, example in examples.items():
        res = client.post("/v1/jobs", json=example["value"])
        assert res.status_code == 202, (name, res.get_json())


def test_the_plain_text_example_is_accepted_and_multipart_is_described(spec, client):
    body = spec["paths"]["/v1/jobs"]["post"]["requestBody"]
    res = client.post("/v1/jobs", data=body["content"]["text/plain"]["example"].encode(),
                      content_type="text/plain")
    assert res.status_code == 202
    assert "curl -i -F file=@" in body["description"]
    assert body["content"]["multipart/form-data"]["schema"]["properties"]["file"]["type"] == "array"


def test_example_offsets_hold(spec):
    job = spec["paths"]["/v1/jobs/{job_id}"]["get"]["responses"]["200"]["content"]["application/json"]["example"]
    text = job["result"]["document"]["text"]
    for quote in job["result"]["quotes"]:
        assert all(text[p["start"]:p["end"]] == p["text"] for p in quote["parts"])
        assert text[quote["speaker"]["start"]:quote["speaker"]["end"]] == "He"
    for sentence in job["result"]["summary"]["sentences"]:
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]


def test_docs_page_loads_swagger_ui_5_from_this_server(client):
    page = client.get("/docs").data.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets and all(a.startswith("/docs/assets/") for a in assets)
    with client.get("/docs/assets/swagger-ui-bundle.js") as bundle:
        assert bundle.status_code == 200
        # Swagger UI 4 cannot read OpenAPI 3.1 ("does not specify a valid version field").
        assert b"isOAS31" in bundle.data


def test_problem_examples_look_like_real_answers(spec, client):
    example = spec["paths"]["/v1/jobs/{job_id}"]["get"]["responses"]["404"]["content"][PROBLEM_JSON]["example"]
    real = client.get("/v1/jobs/f00").get_json()
    assert {k: real[k] for k in ("type", "title", "status")} == {k: example[k] for k in ("type", "title", "status")}
