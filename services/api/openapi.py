"""OpenAPI pieces the schemas cannot say by themselves: the upload body and the 202 answer."""
from __future__ import annotations

from services.api.problems import PROBLEM_JSON
from services.api.schemas import ProblemSchema
from services.common.formats import SUPPORTED

PROBLEM = {"schema": ProblemSchema, "content_type": PROBLEM_JSON,
           "description": "RFC 9457 problem details naming the field and the reason."}

UPLOAD_BODY = {
    "description": "One document: JSON, multipart `file` part(s) (one job per part), or the raw "
                   "document with its Content-Type (options then go in the query string).",
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/JobCreate"}},
        "multipart/form-data": {"schema": {"type": "object", "properties": {
            "file": {"type": "array", "items": {"type": "string", "format": "binary"}},
            "options": {"type": "string", "description": "The options object as JSON."}}}},
        **{t: {"schema": {"type": "string", "format": "binary"}} for t in SUPPORTED},
    },
}


def accepted_response() -> dict:
    return {
        "description": "Accepted; poll the Location. Several `file` parts answer a JobBatch.",
        "headers": {"Location": {"schema": {"type": "string"}, "description": "The job's URL."}},
        "content": {"application/json": {"schema": {"oneOf": [
            {"$ref": "#/components/schemas/Job"}, {"$ref": "#/components/schemas/JobBatch"}]}}},
    }
