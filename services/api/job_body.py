"""A job as its JSON answer, with the stages' results spliced in as the workers stored them.

Each stage's output is a JSON object of result fields in Redis already, in the shape the API
documents (schemas.ResultSchema). Decoding them and dumping them again through marshmallow took
85% of a read of a 100 KB document's job; only the job's own fields (small) go through the schema.
"""
from __future__ import annotations

import json

from flask import Response

from services.api.schemas import JobSchema
from services.common.jobs import Job

_JOB = JobSchema()


def job_response(job: Job, results: list[bytes]) -> Response:
    """The job (its fields in the schema's order) with the members of the stage outputs in
    ``results`` (as JobStore.read gives them) as its ``result`` object."""
    envelope = _JOB.dump(job)
    members = [_member(name, _results(results) if name == "result" else _dumps(value))
               for name, value in envelope.items()]
    return Response(b"{" + b",".join(members) + b"}", mimetype="application/json")


def _results(results: list[bytes]) -> bytes:
    # '{"a":1}' and '{"b":2}' -> '{"a":1,"b":2}': each object's members, without its braces; an
    # output that is no object (stored before outputs were mappings) is left out, not spliced broken.
    objects = [raw.strip() for raw in results]
    members = [inner for raw in objects if raw.startswith(b"{") and (inner := raw[1:-1].strip())]
    return b"{" + b",".join(members) + b"}"


def _member(name: str, value: bytes) -> bytes:
    return _dumps(name) + b":" + value


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
