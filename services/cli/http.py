"""docpipe's HTTP API as the CLI sees it: submit a file, read a job, long-poll it."""
from __future__ import annotations

import http.client
import json
import mimetypes
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from services.common.formats import EXTENSIONS

DEFAULT_API_URL = "http://127.0.0.1:8000"
# How long a 429 or 503 answer is retried (honouring Retry-After) before the file counts as failed.
RETRY_BUDGET_SECONDS = 30
MAX_RETRY_AFTER_SECONDS = 10


class ApiError(Exception):
    """Raised when the API answers a problem (4xx/5xx); ``detail`` is its one-line reason."""

    def __init__(self, status: int, detail: str):
        super().__init__(f"{status}: {detail}")
        self.status, self.detail = status, detail


class Unreachable(Exception):
    """Raised when no docpipe answer can come back: a malformed API URL, a refused connection,
    an unknown host, a timeout, or a server that does not speak docpipe's JSON."""


class ApiClient:
    def __init__(self, base_url: str, api_key: str | None = None):
        parts = urllib.parse.urlparse(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise Unreachable(f"the API URL must look like http://host:port, not {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.headers = {"X-API-Key": api_key} if api_key else {}

    def submit(self, path: Path, data: bytes, sentences: int | None = None) -> dict:
        """POST one document as a raw body with the type its extension names; the accepted Job."""
        # An unsupported type named (image/png) gets a clearer 415 than unknown bytes do.
        ctype = (EXTENSIONS.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
                 or "application/octet-stream")
        query = {"filename": path.name, **({"summary_sentences": sentences} if sentences else {})}
        return self._call("POST", f"/v1/jobs?{urllib.parse.urlencode(query)}", data,
                          {"Content-Type": ctype})

    def job(self, job_id: str, wait: float = 0, since: str | None = None) -> dict:
        """The job; with ``wait`` the server holds the answer until it ends (with ``since``, an
        ``updated_at`` already seen: until it changes) or ``wait`` passes."""
        params = {"wait": f"{wait:g}", **({"since": since} if since else {})} if wait else {}
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        return self._call("GET", f"/v1/jobs/{urllib.parse.quote(job_id, safe='')}{query}",
                          timeout=wait + 30)

    def _call(self, method: str, path: str, data: bytes | None = None,
              headers: dict | None = None, timeout: float = 60) -> dict:
        deadline = time.monotonic() + RETRY_BUDGET_SECONDS
        while True:
            try:
                return self._once(method, path, data, headers or {}, timeout)
            except _Busy as busy:
                if time.monotonic() + busy.retry_after > deadline:
                    raise busy.error from None
                time.sleep(busy.retry_after)

    def _once(self, method: str, path: str, data: bytes | None, headers: dict,
              timeout: float) -> dict:
        req = urllib.request.Request(self.base_url + path, data=data, method=method,
                                     headers={**self.headers, **headers})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as res:
                body = res.read()
        except urllib.error.HTTPError as err:
            error = ApiError(err.code, _detail(err))
            if err.code in (429, 503):
                raise _Busy(error, _retry_after(err.headers.get("Retry-After"))) from None
            raise error from None
        except (OSError, http.client.HTTPException) as err:  # URLError is an OSError
            reason = getattr(err, "reason", err)
            raise Unreachable(f"cannot reach {self.base_url} ({reason}); is docpipe running? "
                              "(`make run`, or set --api-url / DOCPIPE_API_URL)") from None
        try:
            return json.loads(body)
        except ValueError:
            raise Unreachable(f"{self.base_url} answered something other than docpipe's JSON; "
                              "is the API URL right?") from None


class _Busy(Exception):
    def __init__(self, error: ApiError, retry_after: float):
        super().__init__(error.detail)
        self.error, self.retry_after = error, retry_after


def _detail(err: urllib.error.HTTPError) -> str:
    try:
        problem = json.loads(err.read() or b"{}")
    except ValueError:
        return str(err.reason)
    detail = problem.get("detail") if isinstance(problem, dict) else None
    return detail or str(err.reason)


def _retry_after(header: str | None) -> float:
    try:
        return min(max(float(header or 1), 0.5), MAX_RETRY_AFTER_SECONDS)
    except ValueError:
        return 1.0


def from_env(api_url: str | None, api_key: str | None) -> ApiClient:
    """A client for --api-url/--api-key, else DOCPIPE_API_URL/DOCPIPE_API_KEY, else the local default."""
    return ApiClient(api_url or os.environ.get("DOCPIPE_API_URL") or DEFAULT_API_URL,
                     api_key or os.environ.get("DOCPIPE_API_KEY") or None)
