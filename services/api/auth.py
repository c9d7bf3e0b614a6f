"""API keys: who is calling, and which jobs they may see."""
from __future__ import annotations

import hashlib
import hmac

from flask import g, request

from services.api.problems import ApiProblem
from services.api.runtime import runtime

ANONYMOUS = "public"


def authenticate() -> None:
    """Set ``g.owner`` from the request's API key; 401 when keys are configured and it is bad."""
    keys = runtime().settings.api_keys
    if not keys:
        g.owner = ANONYMOUS
        return
    given = _presented_key()
    # Compared as bytes: compare_digest refuses non-ASCII str, and a header may hold anything.
    if given is None or not any(hmac.compare_digest(given.encode(), k.encode()) for k in keys):
        raise ApiProblem(401, "A valid API key is required: send 'Authorization: Bearer <key>' "
                         "or 'X-API-Key: <key>'.", slug="unauthorized",
                         headers={"WWW-Authenticate": 'Bearer realm="docpipe"'})
    # Owners are stored as a digest so a Redis dump does not reveal the keys.
    g.owner = hashlib.sha256(given.encode()).hexdigest()[:24]


def _presented_key() -> str | None:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("X-API-Key")
