"""RFC 9457 problem details: one error body for every 4xx and 5xx the API answers."""
from __future__ import annotations

from http import HTTPStatus
from typing import Any

from flask import Response, json
from flask_smorest import Api
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from services.common.errors import DocpipeError

PROBLEM_JSON = "application/problem+json"
# What 429 and 503 answers tell a client to wait before trying again.
RETRY_AFTER_SECONDS = "5"


class ApiProblem(DocpipeError, HTTPException):
    """Raised when a view answers with a problem document instead of its usual body."""

    def __init__(self, status: int, detail: str, *, errors: list[dict] | None = None,
                 slug: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(description=detail)
        self.code = status
        self.errors = errors or []
        self.slug = slug
        self.extra_headers = headers or {}


def field_errors(messages: Any, location: str | None = None, prefix: str = "") -> list[dict]:
    """Flatten marshmallow/webargs messages into [{"field", "in"?, "reason"}]."""
    if isinstance(messages, (list, tuple)) and all(isinstance(m, str) for m in messages):
        return [_error(prefix or "_body", location, m) for m in messages]
    if not isinstance(messages, dict):
        return [_error(prefix or "_body", location, str(messages))]
    out = []
    for name, sub in messages.items():
        name = str(name)
        if name == "_schema":
            name = prefix or "_body"
        else:
            name = f"{prefix}.{name}" if prefix else name
        out.extend(field_errors(sub, location, name))
    return out


def _error(name: str, location: str | None, reason: str) -> dict:
    return {"field": name, **({"in": location} if location else {}), "reason": reason}


def problem_response(status: int, detail: str, *, errors: list[dict] | None = None,
                     slug: str | None = None, headers: dict[str, str] | None = None) -> Response:
    title = HTTPStatus(status).phrase
    body = {
        "type": f"urn:docpipe:problem:{slug}" if slug else "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "errors": errors or [],
    }
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    response.headers.extend(headers or {})
    return response


class ProblemApi(Api):
    """flask-smorest's Api answering every HTTP error as problem+json."""

    def handle_http_exception(self, error: HTTPException) -> Response:
        if isinstance(error, ApiProblem):
            return problem_response(error.code, error.description, errors=error.errors,
                                    slug=error.slug, headers=error.extra_headers)
        data = getattr(error, "data", None) or {}
        # Keep what werkzeug says in headers (Allow on 405, WWW-Authenticate on 401).
        headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
        headers.update(data.get("headers") or {})
        errors = []
        if "messages" in data:  # webargs: {"query": {"wait": ["..."]}}
            for location, messages in data["messages"].items():
                errors.extend(field_errors(messages, location))
        detail = data.get("message") or error.description or HTTPStatus(error.code).phrase
        if errors:
            detail = "The request has invalid fields: " + ", ".join(e["field"] for e in errors)
        return problem_response(error.code or 500, detail, errors=errors,
                                slug="invalid-request" if errors else None, headers=headers)


def validation_problem(exc: ValidationError, location: str) -> ApiProblem:
    errors = field_errors(exc.messages, location)
    detail = "The request has invalid fields: " + ", ".join(e["field"] for e in errors)
    return ApiProblem(422, detail, errors=errors, slug="invalid-request")
