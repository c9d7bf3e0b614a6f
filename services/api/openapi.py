"""The OpenAPI document's parts the schemas cannot say: the upload body, examples, and every
problem an operation can answer (added to each operation by ProblemResponses)."""
from __future__ import annotations

import copy
from http import HTTPStatus

from apispec import APISpec, BasePlugin

from services.api import examples
from services.api.problems import PROBLEM_JSON
from services.api.schemas import ProblemSchema
from services.common.formats import SUPPORTED

PROBLEM = {"schema": ProblemSchema, "content_type": PROBLEM_JSON,
           "description": "RFC 9457 problem details naming the field and the reason."}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
# A key is optional: with DOCPIPE_API_KEYS empty the API is open (the `{}` alternative).
SECURITY = [{"bearer": []}, {"apiKey": []}, {}]
SECURITY_SCHEMES = {
    "bearer": {"type": "http", "scheme": "bearer",
               "description": "One of DOCPIPE_API_KEYS, as `Authorization: Bearer <key>`."},
    "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key",
               "description": "One of DOCPIPE_API_KEYS, as `X-API-Key: <key>`."},
}


TOO_LARGE = "The document is 20971520 bytes; the limit is 10485760."
UNSUPPORTED = "'image/png' is not supported; use one of: " + ", ".join(SUPPORTED)


def _field(field: str, where: str, reason: str) -> list[dict]:
    return [{"field": field, "in": where, "reason": reason}]


# status -> (when it is answered, example problem)
ERRORS: dict[int, tuple[str, dict]] = {
    400: ("The JSON body does not parse.",
          examples.problem(400, "malformed-json", "The body is not valid JSON.",
                           _field("_body", "body", "The body is not valid JSON."))),
    401: ("DOCPIPE_API_KEYS is set and the request has no valid key.",
          examples.problem(401, "unauthorized", "A valid API key is required: send "
                           "'Authorization: Bearer <key>' or 'X-API-Key: <key>'.")),
    404: ("No such job: it never existed, has expired, or belongs to another API key.",
          examples.problem(404, "job-not-found", "No job 'f00': it never existed, has expired, "
                           "or belongs to another API key.")),
    408: ("The request body did not arrive within BODY_TIMEOUT_SECONDS (a slow or stalled client).",
          examples.problem(408, "request-timeout", "The request body did not arrive within 30 s.")),
    413: ("The document (or the batch) is larger than MAX_DOCUMENT_BYTES allows.",
          examples.problem(413, "document-too-large", TOO_LARGE, _field("file", "body", TOO_LARGE))),
    415: ("The document's type is not one docpipe reads.",
          examples.problem(415, "unsupported-media-type", UNSUPPORTED,
                           _field("Content-Type", "header", UNSUPPORTED))),
    422: ("A field is invalid: an empty or mislabelled document, bad options, a bad query "
          "parameter.",
          examples.problem(422, "invalid-request",
                           "The request has invalid fields: options.summary_sentences",
                           _field("options.summary_sentences", "body", "Must be greater than or "
                                  "equal to 1 and less than or equal to 50."))),
    429: ("Too many jobs are waiting (MAX_QUEUED_JOBS); retry after `Retry-After` seconds.",
          examples.problem(429, "overloaded", "10000 jobs are waiting and this service queues at "
                           "most 10000; try again shortly.")),
    503: ("Redis or the queue is unreachable (or, for /readyz, no worker answers); retry after "
          "`Retry-After` seconds.",
          examples.problem(503, "service-unavailable",
                           "The job store or queue is unavailable; try again shortly.")),
}
RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"},
                               "description": "Seconds to wait before trying again."}}

UPLOAD_BODY = {
    "description": examples.UPLOAD_HOWTO,
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/JobCreate"},
                             "examples": examples.JSON_REQUESTS},
        "multipart/form-data": {
            "schema": {"type": "object", "required": ["file"], "properties": {
                "file": {"type": "array", "items": {"type": "string", "format": "binary"},
                         "description": "One job per file part."},
                "options": {"type": "string", "description": "The options object as JSON.",
                            "example": '{"summary_sentences": 2}'},
                "title": {"type": "string"},
                "callback_url": {"type": "string", "format": "uri"}}},
            "encoding": {"file": {"contentType": ", ".join(SUPPORTED)}}},
        "text/plain": {"schema": {"type": "string"}, "example": examples.SEED_TEXT},
        **{t: {"schema": {"type": "string", "format": "binary"}} for t in SUPPORTED
           if t != "text/plain"},
    },
}


def accepted_response() -> dict:
    return {
        "description": "Accepted; poll the Location. Several `file` parts answer a JobBatch.",
        "headers": {"Location": {"schema": {"type": "string"}, "description": "The job's URL."}},
        "content": {"application/json": {
            "schema": {"oneOf": [{"$ref": "#/components/schemas/Job"},
                                 {"$ref": "#/components/schemas/JobBatch"}]},
            "example": examples.QUEUED_JOB}},
    }


def problem_response(status: int) -> dict:
    when, example = ERRORS[status]
    response = {"description": f"{HTTPStatus(status).phrase}: {when}",
                "content": {PROBLEM_JSON: {"schema": PROBLEM_REF, "example": example}}}
    if status in (429, 503):
        response["headers"] = copy.deepcopy(RETRY_AFTER)
    return response


# Answers worth an example beyond the schema: (method, path) -> status -> example.
ANSWER_EXAMPLES = {("get", "/v1/jobs/{job_id}"): {"200": examples.SUCCEEDED_JOB}}


class ProblemResponses(BasePlugin):
    """Documents on every operation each problem it can answer, replacing the generic default."""

    def init_spec(self, spec: APISpec) -> None:
        for name, scheme in SECURITY_SCHEMES.items():
            spec.components.security_scheme(name, scheme)

    def operation_helper(self, path: str | None = None, operations: dict | None = None,
                         **kwargs: object) -> None:
        for method, operation in (operations or {}).items():
            # Codes are still ints here when a decorator gave them so; apispec makes them strings.
            responses = {str(code): answer for code, answer in operation.get("responses", {}).items()
                         if code != "default"}
            operation["responses"] = responses
            for status in sorted(_problems(path or "", operation, responses)):
                responses[str(status)] = problem_response(status)
            for status, example in ANSWER_EXAMPLES.get((method, path), {}).items():
                responses[status]["content"]["application/json"]["example"] = example
            if (path or "").startswith("/v1/"):
                operation["security"] = SECURITY


def _problems(path: str, operation: dict, responses: dict) -> set[int]:
    """The problem statuses an operation can answer: those it declares and those its shape implies."""
    statuses = {int(code) for code in responses if code.isdigit() and int(code) >= 400}
    params = {p.get("in") for p in operation.get("parameters", []) if isinstance(p, dict)}
    if path.startswith("/v1/"):
        statuses |= {401, 503}  # every job call checks the key and reads Redis
    if "{" in path:
        statuses.add(404)
    if "query" in params or "requestBody" in operation:
        statuses.add(422)
    return statuses
