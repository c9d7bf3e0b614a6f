"""Turn an upload (JSON, multipart or a raw body) into documents ready to become jobs."""
from __future__ import annotations

import json
from dataclasses import dataclass

from flask import Request
from marshmallow import ValidationError
from werkzeug.exceptions import RequestEntityTooLarge

from services.api.problems import ApiProblem, validation_problem
from services.api.schemas import JobCreateSchema, UploadArgsSchema
from services.common import formats, webhooks
from services.common.settings import Settings

# More parts than this in one multipart request are refused (one job each).
MAX_BATCH_FILES = 100
MIB = 1024 * 1024
# Schemas are built once: building one costs more than the rest of a submission's parsing.
_JOB_CREATE = JobCreateSchema()
_UPLOAD_ARGS = UploadArgsSchema()


@dataclass
class Submission:
    data: bytes
    content_type: str
    filename: str | None
    title: str | None
    options: dict
    callback_url: str | None = None


def read_submissions(request: Request, settings: Settings) -> list[Submission]:
    """Every document in the request; raises ApiProblem for anything unusable.

    A Content-Length over the request's limit is refused before the body is read, and a body
    without one (chunked) is read no further than the limit and one byte.
    """
    mimetype = request.mimetype
    limit = request_limit(mimetype, settings.max_document_bytes)
    # One byte over the limit is read, so a body that goes on past it is told from one that ends there.
    request.max_content_length = limit + 1
    try:
        if mimetype == "application/json":
            subs = [_from_json(request, settings.max_document_bytes)]
        elif mimetype == "multipart/form-data":
            subs = _from_multipart(request, settings.max_document_bytes)
        else:
            subs = [_from_raw(request, settings.max_document_bytes)]
        if request.stream.tell() > limit:
            raise RequestEntityTooLarge()
    except RequestEntityTooLarge:
        raise _problem(413, f"The request body is over {limit} bytes, the limit for "
                       f"{mimetype or 'a raw upload'}.", "_body", "body",
                       slug="document-too-large") from None
    if not settings.webhook_allow_private:
        for sub in subs:
            _check_callback(sub.callback_url, "body" if mimetype == "application/json" else "query")
    return subs


def request_limit(mimetype: str, max_document_bytes: int) -> int:
    """The largest body a request may have: one document, or for JSON and multipart a batch
    of them or the room JSON escaping takes (each document is checked on its own)."""
    if mimetype in ("application/json", "multipart/form-data"):
        return 4 * max_document_bytes + MIB
    return max_document_bytes


def _from_json(request: Request, max_bytes: int) -> Submission:
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        raise _too_deep("_body", "body") from None
    if body is None:
        raise _problem(400, "The body is not valid JSON.", "_body", "body", slug="malformed-json")
    if not isinstance(body, dict):
        raise _problem(422, "The body must be a JSON object.", "_body", "body")
    try:
        doc = _JOB_CREATE.load(body)
    except ValidationError as exc:
        raise validation_problem(exc, "body") from None
    data = doc["text"].encode("utf-8")
    _check_size(data, max_bytes, "text", "body")
    return Submission(data, f"{doc['content_type']}; charset=utf-8", doc.get("filename"),
                      doc.get("title"), doc["options"], doc.get("callback_url"))


def _from_multipart(request: Request, max_bytes: int) -> list[Submission]:
    uploads = request.files.getlist("file")
    if not uploads:
        raise _problem(422, "A multipart upload needs at least one 'file' part.", "file", "body")
    if len(uploads) > MAX_BATCH_FILES:
        raise _problem(413, f"{len(uploads)} files in one request; the limit is {MAX_BATCH_FILES}.",
                       "file", "body", slug="too-many-files")
    title, _, options, callback = _upload_args({**request.args.to_dict(), **request.form.to_dict()},
                                               "body")
    out = []
    for upload in uploads:
        data = upload.read()
        _check_size(data, max_bytes, "file", "body")
        filename = upload.filename or None
        ctype = _resolve(upload.content_type, filename, data, "file", "body")
        out.append(Submission(data, ctype, filename, title, dict(options), callback))
    return out


def _from_raw(request: Request, max_bytes: int) -> Submission:
    title, filename, options, callback = _upload_args(request.args.to_dict(), "query")
    data = request.get_data(cache=False)
    _check_size(data, max_bytes, "body", "body")
    ctype = _resolve(request.content_type, filename, data, "Content-Type", "header")
    return Submission(data, ctype, filename, title, options, callback)


def _upload_args(raw: dict, where: str) -> tuple[str | None, str | None, dict, str | None]:
    """(title, filename, options, callback_url) from query parameters or form fields."""
    if "options" in raw:  # a multipart form may carry the JSON options object as one field
        try:
            raw = {**json.loads(raw.pop("options")), **raw}
        except RecursionError:
            raise _too_deep("options", where) from None
        except (ValueError, TypeError):
            raise _problem(422, "The 'options' field must be a JSON object.", "options", where) from None
    try:
        args = _UPLOAD_ARGS.load(raw)
    except ValidationError as exc:
        raise validation_problem(exc, where) from None
    title, filename, callback = (args.pop(k, None) for k in ("title", "filename", "callback_url"))
    return title, filename, args, callback


def _check_size(data: bytes, max_bytes: int, field: str, where: str) -> None:
    if len(data) > max_bytes:
        raise _problem(413, f"The document is {len(data)} bytes; the limit is {max_bytes}.",
                       field, where, slug="document-too-large")
    if not data.strip():
        raise _problem(422, "The document is empty.", field, where, slug="empty-document")


def _check_callback(url: str | None, where: str) -> None:
    if url and (reason := webhooks.forbidden_address(url)):
        raise _problem(422, f"The callback URL is not allowed: {reason}.", "callback_url", where)


def _resolve(declared: str | None, filename: str | None, data: bytes, field: str, where: str) -> str:
    try:
        return formats.resolve(declared, filename, data)
    except formats.UnsupportedType as exc:
        raise _problem(415, str(exc), field, where, slug="unsupported-media-type") from None
    except formats.MislabelledDocument as exc:
        raise _problem(422, str(exc), field, where, slug="mislabelled-document") from None


def _too_deep(field: str, where: str) -> ApiProblem:
    return _problem(400, "The JSON is nested too deeply to read.", field, where, slug="malformed-json")


def _problem(status: int, detail: str, field: str, where: str,
             slug: str = "invalid-request") -> ApiProblem:
    return ApiProblem(status, detail, slug=slug,
                      errors=[{"field": field, "in": where, "reason": detail}])
