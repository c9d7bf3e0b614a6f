"""A job as its JSON answer, with the stages' results spliced in as the workers stored them.

Each stage's output is a JSON object of result fields in Redis already, in the shape the API
documents (schemas.ResultSchema). Decoding them and dumping them again through marshmallow took
85% of a read of a 100 KB document's job; only the job's own fields (small) go through the schema.
"""
from __future__ import annotations

import json
import re

from flask import Response

from services.api.schemas import JobSchema
from services.common.jobs import Job

_JOB = JobSchema()
# A stored output: a JSON object, maybe with whitespace around it; group 1 is between its braces.
_OBJECT = re.compile(rb"\s*\{(.*)\}\s*\Z", re.DOTALL)
_BLANK = re.compile(rb"\s*\Z")


def job_response(job: Job, results: list[bytes]) -> Response:
    """The job (its fields in the schema's order) with the members of the stage outputs in
    ``results`` (as JobStore.read gives them) as its ``result`` object."""
    # The answer is joined once from pieces, the outputs' members as views of the stored bytes:
    # a 100 KB document's answer is ~260 KB, and each strip, slice and join of it was a copy
    # (five in all) of fresh memory.
    parts: list[bytes | memoryview] = []
    for name, value in _JOB.dump(job).items():
        parts += (b"," if parts else b"{", _dumps(name), b":")
        if name == "result":
            parts += _result_parts(results)
        else:
            parts.append(_dumps(value))
    parts.append(b"}")
    return Response(b"".join(parts), mimetype="application/json")


def _result_parts(results: list[bytes]) -> list[bytes | memoryview]:
    # '{"a":1}' and '{"b":2}' -> '{"a":1,"b":2}': each object's members, without its braces; an
    # output that is no object (stored before outputs were mappings) is left out, not spliced broken.
    parts: list[bytes | memoryview] = [b"{"]
    for raw in results:
        found = _OBJECT.match(raw)
        if found is None or _BLANK.match(raw, *found.span(1)):
            continue
        if len(parts) > 1:
            parts.append(b",")
        parts.append(memoryview(raw)[found.start(1):found.end(1)])
    parts.append(b"}")
    return parts


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
